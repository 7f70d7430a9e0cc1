//! The root: context (language, course) and routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::header::Header;
use crate::course::Course;
use crate::i18n::{I18n, use_i18n};
use crate::pages::{course::CoursePage, lesson::LessonPage, not_found::NotFound};

#[component]
pub fn App() -> impl IntoView {
    provide_context(I18n::new());
    provide_context(Course::new());
    let i18n = use_i18n();
    view! {
        <Router>
            <a class="skip-link" href="#main">{move || i18n.t("skip-to-content")}</a>
            <Header/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=CoursePage/>
                    <Route path=path!("/lesson/:id") view=LessonPage/>
                </Routes>
            </main>
        </Router>
    }
}
