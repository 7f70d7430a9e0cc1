//! Loading and failure messages, the same everywhere.

use std::sync::Arc;

use kns_core::content::CompiledLesson;
use leptos::prelude::*;

use crate::course::{LessonSource, LessonState};
use crate::i18n::use_i18n;

/// A polite "loading…" line, announced to screen readers.
#[component]
pub fn Loading(
    /// The message id to show.
    message: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="status" role="status">{i18n.t(message)}</p> }
}

/// A plain failure message with a button to try again.
#[component]
pub fn LoadFailed(
    /// The message id to show.
    message: &'static str,
    /// Runs when the learner taps "try again".
    retry: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="status failed" role="alert">
            <p>{i18n.t(message)}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                {i18n.t("retry")}
            </button>
        </div>
    }
}

/// A lesson page's body: "loading…", a failure with "try again", or "no such lesson", until the
/// lesson is there; then whatever `render` makes of it.
pub fn when_loaded(
    lesson: LessonSource,
    render: impl Fn(Arc<CompiledLesson>) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        match lesson.get() {
        None => view! { <Loading message="lesson-loading"/> }.into_any(),
        Some(Err(_)) => {
            view! { <LoadFailed message="lesson-load-failed" retry=Callback::new(move |()| lesson.refetch())/> }
                .into_any()
        }
        Some(Ok(LessonState::Missing)) => view! {
            <h1>{i18n.t("not-found-heading")}</h1>
            <p>{i18n.t("lesson-missing")}</p>
        }
        .into_any(),
        Some(Ok(LessonState::Loaded(compiled))) => render(compiled),
    }
    }
}
