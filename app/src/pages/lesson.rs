//! A lesson: its objectives and body, in the current language, fetched when opened.

use kns_core::content::CompiledLesson;
use kns_core::i18n::Arg;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::blocks::{Blocks, LessonGlossary};
use crate::components::status::{LoadFailed, Loading};
use crate::course::{load_lesson, use_course};
use crate::i18n::use_i18n;
use crate::platform::fetch::LoadError;
use crate::platform::prefs;

/// What the lesson page can show.
#[derive(Clone)]
enum LessonState {
    /// The course index has no lesson with this id.
    Missing,
    Loaded(std::sync::Arc<CompiledLesson>),
}

#[component]
pub fn LessonPage() -> impl IntoView {
    let i18n = use_i18n();
    let course = use_course();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let lesson = LocalResource::new(move || {
        let (id, lang) = (id(), i18n.lang());
        async move {
            let index = course.0.await?;
            match index.lesson(&id) {
                None => Ok::<_, LoadError>(LessonState::Missing),
                Some(summary) => load_lesson(summary, lang).await.map(LessonState::Loaded),
            }
        }
    });
    Effect::new(move |_| {
        let title = match lesson.get() {
            Some(Ok(LessonState::Loaded(l))) => l.lesson.title.clone(),
            _ => i18n.t("course-heading"),
        };
        prefs::set_title(&format!("{title} · {}", i18n.t("app-title")));
    });
    view! {
        <p class="back">
            <A href="/">{move || i18n.t("lesson-back")}</A>
        </p>
        {move || match lesson.get() {
            None => view! { <Loading message="lesson-loading"/> }.into_any(),
            Some(Err(_)) => {
                view! { <LoadFailed message="lesson-load-failed" retry=Callback::new(move |()| {
                    course.0.refetch();
                    lesson.refetch();
                })/> }
                    .into_any()
            }
            Some(Ok(LessonState::Missing)) => view! {
                <h1>{move || i18n.t("not-found-heading")}</h1>
                <p>{move || i18n.t("lesson-missing")}</p>
            }
            .into_any(),
            Some(Ok(LessonState::Loaded(compiled))) => lesson_view(&compiled).into_any(),
        }}
    }
}

fn lesson_view(compiled: &CompiledLesson) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let lesson = compiled.lesson.clone();
    let minutes = lesson.minutes as i64;
    provide_context(LessonGlossary(std::sync::Arc::new(lesson.glossary)));
    view! {
        <article class="lesson" lang=lesson.lang.code()>
            <h1>{lesson.title}</h1>
            <p class="lead">{lesson.summary}</p>
            <p class="lesson-meta">{move || i18n.format("lesson-minutes", &[("minutes", Arg::Num(minutes))])}</p>
            <section class="objectives">
                <h2>{move || i18n.t("lesson-objectives")}</h2>
                <ul class="list">{lesson.objectives.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
            </section>
            <Blocks lesson_id=lesson.id blocks=lesson.body/>
        </article>
    }
}
