//! Taking over the static course page that the build wrote into `index.html`
//! (`kns_core::prerender`).
//!
//! The app is built in a hidden `<div id="app">` beside the static page. When its first page is
//! complete (for the course page: the course and the learner's progress are loaded), the static
//! page is removed and the app shown in the same animation frame, so the learner sees no blank
//! and nothing moves. Where the static page is not shown (another address, or English chosen:
//! `index.html`'s inline script marks `<html class="app-only">`), it is removed at once.

use kns_core::prerender::PRERENDER_ID;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

const APP_ID: &str = "app";

/// The element to mount the app in: a new `<div id="app">` at the end of `<body>`, hidden while
/// the static page is on screen.
pub fn container() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let root: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    root.set_id(APP_ID);
    if let Some(page) = document.get_element_by_id(PRERENDER_ID) {
        let shown = !document.document_element().is_some_and(|html| html.class_list().contains("app-only"));
        if shown {
            root.set_hidden(true);
        } else {
            page.remove();
        }
    }
    document.body()?.append_child(&root).ok()?;
    Some(root)
}

/// Shows the app in place of the static page, before the next paint. Keeps the focus on the
/// same link if the learner had moved to one. Does nothing once done.
pub fn reveal() {
    let Some(window) = web_sys::window() else { return };
    let swap = Closure::once_into_js(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let (Some(page), Some(app)) =
            (document.get_element_by_id(PRERENDER_ID), document.get_element_by_id(APP_ID))
        else {
            return;
        };
        let focused_href = document
            .active_element()
            .filter(|e| page.contains(Some(e)))
            .and_then(|e| e.get_attribute("href"));
        page.remove();
        let _ = app.remove_attribute("hidden");
        if let Some(href) = focused_href
            && let Ok(links) = app.query_selector_all("a[href]")
        {
            let same = (0..links.length())
                .filter_map(|i| links.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
                .find(|link| link.get_attribute("href").as_deref() == Some(href.as_str()));
            if let Some(link) = same {
                let _ = link.focus();
            }
        }
    });
    let _ = window.request_animation_frame(swap.unchecked_ref());
}
