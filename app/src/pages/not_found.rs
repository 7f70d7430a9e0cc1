//! Shown for any address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::use_i18n;
use crate::platform::prefs;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        prefs::set_title(&format!("{} · {}", i18n.t("not-found-heading"), i18n.t("app-title")))
    });
    view! {
        <h1>{move || i18n.t("not-found-heading")}</h1>
        <p>{move || i18n.t("not-found-body")}</p>
        <p>
            <A href="/" attr:class="button">{move || i18n.t("not-found-home")}</A>
        </p>
    }
}
