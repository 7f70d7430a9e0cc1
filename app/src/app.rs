//! The root: context (language, course) and routes.

use kns_core::route::Route;
use leptos::prelude::*;

use crate::components::header::Header;
use crate::components::help::Help;
use crate::course::Course;
use crate::i18n::{I18n, use_i18n};
use crate::pages::{course::CoursePage, lesson::LessonPage, not_found::NotFound, quiz::QuizPage};
use crate::progress::{Progress, StorageNotice};
use crate::router::Location;

#[component]
pub fn App() -> impl IntoView {
    provide_context(I18n::new());
    provide_context(Course::new());
    let location = Location::new();
    provide_context(location);
    let progress = Progress::new();
    provide_context(progress);
    let i18n = use_i18n();
    let course = crate::course::use_course();
    // The loader says when a new version is waiting (see Trunk.toml and public/sw.js).
    let update_ready = RwSignal::new(false);
    let _ = window_event_listener_untyped("kns-update", move |_| update_ready.set(true));
    // Show the app in place of the static page once its page is complete (a lesson page says
    // so itself, when its lesson is loaded).
    Effect::new(move |_| {
        let complete = match location.route() {
            Route::Course => course.get().is_some() && progress.ready(),
            Route::Lesson(_) => false,
            _ => true,
        };
        if complete {
            show_app();
        }
    });
    // Everything below is rendered again when the language changes (see crate::i18n).
    move || {
        i18n.lang();
        view! {
            <a class="skip-link" href="#main">{i18n.t("skip-to-content")}</a>
            <Header/>
            {move || {
                // A new version first: it also ends an "outdated" notice.
                let (message, action, act): (_, _, fn()) = match progress.notice() {
                    _ if update_ready.get() => ("update-ready", "update-now", accept_update),
                    StorageNotice::None => return None,
                    StorageNotice::NotKept => ("storage-not-kept", "", || {}),
                    StorageNotice::SaveFailed => ("storage-save-failed", "", || {}),
                    StorageNotice::SomeUnreadable => ("storage-some-unreadable", "", || {}),
                    // The one thing to do is reload, so the notice offers it.
                    StorageNotice::Outdated => ("storage-outdated", "reload", || {
                        let _ = window().location().reload();
                    }),
                };
                let button = (!action.is_empty()).then(|| {
                    view! { <button type="button" class="button" on:click=move |_| act()>{i18n.t(action)}</button> }
                });
                Some(view! { <p class="notice" role="status">{i18n.t(message)} {button}</p> })
            }}
            <main id="main" tabindex="-1">
                {move || {
                    let route = location.route();
                    let help = route.help_id();
                    let page = match route {
                        Route::Course => view! { <CoursePage/> }.into_any(),
                        Route::Lesson(id) => view! { <LessonPage id/> }.into_any(),
                        Route::Quiz(id) => view! { <QuizPage id/> }.into_any(),
                        Route::NotFound => view! { <NotFound/> }.into_any(),
                    };
                    view! { <Help id=help/> {page} }
                }}
            </main>
        }
    }
}

/// Shows the app in place of the static page (see [`crate::platform::takeover`]), in the
/// language the learner may have chosen on the static page meanwhile.
pub fn show_app() {
    let i18n = use_i18n();
    if let Some(lang) = crate::platform::prefs::load_lang()
        && lang != i18n.current()
    {
        i18n.set_lang(lang);
    }
    crate::platform::takeover::reveal();
}

/// The learner chose to update: the loader lets the waiting version take over and reloads.
fn accept_update() {
    if let Ok(event) = web_sys::Event::new("kns-update-accept") {
        let _ = window().dispatch_event(&event);
    }
}
