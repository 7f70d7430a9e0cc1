//! The course page: every lesson, grouped by the campaign's pillars.

use kns_core::content::{CourseIndex, LessonSummary};
use kns_core::i18n::Arg;
use kns_core::route::Route;
use leptos::prelude::*;

use crate::components::status::{LoadFailed, Loading};
use crate::course::use_course;
use crate::i18n::use_i18n;
use crate::platform::prefs;
use crate::progress::use_progress;
use crate::router::Link;
use kns_core::progress::LessonStatus;

#[component]
pub fn CoursePage() -> impl IntoView {
    let i18n = use_i18n();
    let course = use_course();
    Effect::new(move |_| prefs::set_title(&i18n.t("app-title")));
    view! {
        <h1>{i18n.t("course-heading")}</h1>
        <p class="lead">{i18n.t("course-intro")}</p>
        {move || match course.get() {
            None => view! { <Loading message="course-loading"/> }.into_any(),
            Some(Err(_)) => {
                view! { <LoadFailed message="course-load-failed" retry=Callback::new(move |()| course.retry())/> }
                    .into_any()
            }
            Some(Ok(index)) => pillars(&index).into_any(),
        }}
    }
}

fn pillars(index: &CourseIndex) -> impl IntoView + use<> {
    let i18n = use_i18n();
    if index.lessons.is_empty() {
        return view! { <p>{i18n.t("course-empty")}</p> }.into_any();
    }
    index
        .by_pillar()
        .into_iter()
        .map(|(pillar, lessons)| {
            let heading = i18n.t(&format!("pillar-{}", pillar.slug()));
            let label = heading.clone();
            view! {
                <section class="pillar" aria-label=label>
                    <h2>{heading}</h2>
                    <ul class="lessons">{lessons.into_iter().cloned().map(lesson_card).collect_view()}</ul>
                </section>
            }
        })
        .collect_view()
        .into_any()
}

fn lesson_card(lesson: LessonSummary) -> impl IntoView {
    let i18n = use_i18n();
    let progress = use_progress();
    let id = lesson.id.clone();
    let minutes = lesson.minutes as i64;
    let text = lesson.clone();
    view! {
        <li class="lesson-card">
            <Link to=Route::Lesson(lesson.id.clone())>
                <span class="lesson-title">{text.translation(i18n.current()).title.clone()}</span>
            </Link>
            <p class="lesson-summary">{lesson.translation(i18n.current()).summary.clone()}</p>
            <p class="lesson-meta">
                <span>{i18n.format("lesson-minutes", &[("minutes", Arg::Num(minutes))])}</span>
                {move || {
                    let (class, message) = match progress.status(&id) {
                        LessonStatus::NotStarted => ("badge", "lesson-state-not-started"),
                        LessonStatus::InProgress => ("badge in-progress", "lesson-state-in-progress"),
                        LessonStatus::Passed => ("badge passed", "lesson-state-passed"),
                    };
                    view! { <span class=class>{i18n.t(message)}</span> }
                }}
            </p>
        </li>
    }
}
