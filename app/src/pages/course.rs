//! The course page: every lesson, grouped by the campaign's pillars.

use kns_core::content::{CourseIndex, LessonSummary, Pillar};
use kns_core::i18n::Arg;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::status::{LoadFailed, Loading};
use crate::course::use_course;
use crate::i18n::use_i18n;
use crate::platform::prefs;

#[component]
pub fn CoursePage() -> impl IntoView {
    let i18n = use_i18n();
    let course = use_course();
    Effect::new(move |_| prefs::set_title(&i18n.t("app-title")));
    view! {
        <h1>{move || i18n.t("course-heading")}</h1>
        <p class="lead">{move || i18n.t("course-intro")}</p>
        {move || match course.0.get() {
            None => view! { <Loading message="course-loading"/> }.into_any(),
            Some(Err(_)) => {
                view! { <LoadFailed message="course-load-failed" retry=Callback::new(move |()| course.0.refetch())/> }
                    .into_any()
            }
            Some(Ok(index)) => pillars(&index).into_any(),
        }}
    }
}

fn pillars(index: &CourseIndex) -> impl IntoView + use<> {
    let i18n = use_i18n();
    if index.lessons.is_empty() {
        return view! { <p>{move || i18n.t("course-empty")}</p> }.into_any();
    }
    Pillar::ALL
        .into_iter()
        .filter_map(|pillar| {
            let lessons: Vec<LessonSummary> =
                index.lessons.iter().filter(|l| l.pillar == pillar).cloned().collect();
            (!lessons.is_empty()).then(|| {
                let heading = format!("pillar-{}", pillar.slug());
                view! {
                    <section class="pillar" aria-label=move || i18n.t(&heading)>
                        <h2>{move || i18n.t(&format!("pillar-{}", pillar.slug()))}</h2>
                        <ul class="lessons">{lessons.into_iter().map(lesson_card).collect_view()}</ul>
                    </section>
                }
            })
        })
        .collect_view()
        .into_any()
}

fn lesson_card(lesson: LessonSummary) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/lesson/{}", lesson.id);
    let minutes = lesson.minutes as i64;
    let text = lesson.clone();
    view! {
        <li class="lesson-card">
            <A href=href>
                <span class="lesson-title">{move || text.translation(i18n.lang()).title.clone()}</span>
            </A>
            <p class="lesson-summary">{move || lesson.translation(i18n.lang()).summary.clone()}</p>
            <p class="lesson-meta">
                <span>{move || i18n.format("lesson-minutes", &[("minutes", Arg::Num(minutes))])}</span>
                <span class="badge">{move || i18n.t("lesson-state-not-started")}</span>
            </p>
        </li>
    }
}
