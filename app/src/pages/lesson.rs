//! A lesson: its objectives and body, in the current language, fetched when opened.

use kns_core::content::CompiledLesson;
use kns_core::i18n::Arg;
use kns_core::route::Route;
use leptos::prelude::*;

use crate::components::blocks::{Blocks, LessonGlossary};
use crate::components::reader::Reader;
use crate::components::status::when_loaded;
use crate::course::{LessonState, lesson_resource};
use crate::i18n::use_i18n;
use crate::platform::prefs;
use crate::router::Link;

#[component]
pub fn LessonPage(
    /// The lesson's id.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let lesson = lesson_resource(move || id.clone());
    Effect::new(move |_| {
        let title = match lesson.get() {
            Some(Ok(LessonState::Loaded(l))) => l.lesson.title.clone(),
            _ => i18n.t("course-heading"),
        };
        prefs::set_title(&format!("{title} · {}", i18n.t("app-title")));
    });
    // The static page of this lesson, if the learner is looking at it, gives way once the app has
    // the lesson too. If the lesson cannot be loaded (offline, say), the static page, which has
    // the whole text, stays rather than give way to a "could not load" message.
    Effect::new(move |_| {
        if matches!(lesson.get(), Some(Ok(_))) {
            crate::app::show_app();
            crate::router::heading_drawn();
        }
    });
    view! {
        <p class="back">
            <Link to=Route::Course>{i18n.t("lesson-back")}</Link>
        </p>
        {when_loaded(lesson, |compiled| lesson_view(&compiled).into_any())}
    }
}

fn lesson_view(compiled: &CompiledLesson) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let lesson = compiled.lesson.clone();
    let minutes = lesson.minutes as i64;
    let questions = lesson.quiz.questions.len() as i64;
    let pass = lesson.quiz.pass_mark as i64;
    provide_context(LessonGlossary(std::sync::Arc::new(lesson.glossary)));
    view! {
        <article class="lesson" lang=lesson.lang.code()>
            <h1>{lesson.title}</h1>
            <p class="lead">{lesson.summary}</p>
            <p class="lesson-meta">{i18n.format("lesson-minutes", &[("minutes", Arg::Num(minutes))])}</p>
            <section class="objectives">
                <h2>{i18n.t("lesson-objectives")}</h2>
                <ul class="list">{lesson.objectives.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
            </section>
            <Blocks lesson_id=lesson.id.clone() blocks=lesson.body/>
            <section class="quiz-start">
                <h2>{i18n.t("quiz-heading")}</h2>
                <p>{i18n.format("quiz-about", &[("count", Arg::Num(questions)), ("pass", Arg::Num(pass))])}</p>
                <Link to=Route::Quiz(lesson.id) class="button">{i18n.t("quiz-start")}</Link>
            </section>
        </article>
        <Reader lang=lesson.lang pieces=kns_core::prerender::LESSON_PIECES/>
    }
}
