//! Loading and failure messages, the same everywhere.

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// A polite "loading…" line, announced to screen readers.
#[component]
pub fn Loading(
    /// The message id to show.
    message: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="status" role="status">{move || i18n.t(message)}</p> }
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
            <p>{move || i18n.t(message)}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                {move || i18n.t("retry")}
            </button>
        </div>
    }
}
