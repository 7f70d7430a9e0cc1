//! The "Cần giúp đỡ?" panel at the top of every page (issue 7): what the page is for, in two
//! plain sentences, behind one tap. A `<details>` element: it opens and closes with a tap, the
//! keyboard and screen readers, with no script. The static pages carry the same markup
//! (`kns_core::prerender::help`).

use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn Help(
    /// The message that explains the page (`kns_core::route::Route::help_id`).
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="help">
            <summary>{i18n.t("help-summary")}</summary>
            <p>{i18n.t(id)}</p>
        </details>
    }
}
