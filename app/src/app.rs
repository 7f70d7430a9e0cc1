//! The root: context (language, course) and routes.

use kns_core::route::Route;
use leptos::prelude::*;

use crate::components::header::Header;
use crate::course::Course;
use crate::i18n::{I18n, use_i18n};
use crate::pages::{course::CoursePage, lesson::LessonPage, not_found::NotFound, quiz::QuizPage};
use crate::router::Location;

#[component]
pub fn App() -> impl IntoView {
    provide_context(I18n::new());
    provide_context(Course::new());
    let location = Location::new();
    provide_context(location);
    let i18n = use_i18n();
    // Everything below is rendered again when the language changes (see crate::i18n).
    move || {
        i18n.lang();
        view! {
            <a class="skip-link" href="#main">{i18n.t("skip-to-content")}</a>
            <Header/>
            <main id="main" tabindex="-1">
                {move || match location.route() {
                    Route::Course => view! { <CoursePage/> }.into_any(),
                    Route::Lesson(id) => view! { <LessonPage id/> }.into_any(),
                    Route::Quiz(id) => view! { <QuizPage id/> }.into_any(),
                    Route::NotFound => view! { <NotFound/> }.into_any(),
                }}
            </main>
        }
    }
}
