//! Which page is shown: the current [`Route`] as a signal, kept in step with the address bar.
//!
//! Links change the address with the History API and the page without a reload; the back and
//! forward buttons work through `popstate`. The mapping between paths and pages is kns-core's
//! [`Route`]. (leptos_router would do this too, at about a sixth of the wasm budget.)

use kns_core::route::Route;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The current page; provided as context by [`crate::app::App`].
#[derive(Clone, Copy)]
pub struct Location {
    route: RwSignal<Route>,
}

fn current_path() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "/".into())
}

impl Location {
    /// Reads the address bar, and follows it when the learner goes back or forward.
    pub fn new() -> Self {
        let route = RwSignal::new(Route::parse(&current_path()));
        let handle = window_event_listener(ev::popstate, move |_| {
            route.set(Route::parse(&current_path()));
            arrive();
        });
        on_cleanup(move || handle.remove());
        Location { route }
    }

    /// The page to show (tracked).
    pub fn route(&self) -> Route {
        self.route.get()
    }

    /// Shows `route`, adding it to the browser's history, and starts at the top of the page.
    pub fn go(&self, route: Route) {
        if let Some(window) = web_sys::window() {
            if let Ok(history) = window.history() {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&route.href()));
            }
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        self.route.set(route);
        arrive();
    }
}

/// After a page change, the keyboard and screen readers start at the new page's heading, or at
/// its main region while the heading is not drawn yet ([`heading_drawn`] moves on to it then).
fn arrive() {
    request_animation_frame(|| {
        let doc = document();
        let _ = focus(doc.query_selector("main h1").ok().flatten().or_else(|| doc.get_element_by_id("main")));
    });
}

/// A page whose heading comes late (a lesson, once its file is in) calls this when it is drawn:
/// if the focus waits on the main region, it moves to the heading.
pub fn heading_drawn() {
    request_animation_frame(|| {
        let doc = document();
        if doc.active_element().is_some_and(|a| a.id() == "main") {
            let _ = focus(doc.query_selector("main h1").ok().flatten());
        }
    });
}

fn focus(element: Option<web_sys::Element>) -> Option<()> {
    let element = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element?).ok()?;
    if !element.has_attribute("tabindex") {
        element.set_attribute("tabindex", "-1").ok()?;
    }
    element.focus().ok()
}

impl Default for Location {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// A link to a page of the app. A plain tap changes the page in place; a tap that asks for a new
/// tab or window (modifier keys, middle button) is left to the browser.
#[component]
pub fn Link(
    /// Where it leads.
    to: Route,
    /// CSS classes of the `<a>`.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let href = to.href();
    let on_click = move |event: ev::MouseEvent| {
        let plain = event.button() == 0
            && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
        if plain {
            event.prevent_default();
            location.go(to.clone());
        }
    };
    view! {
        <a href=href class=class on:click=on_click>
            {children()}
        </a>
    }
}
