//! Shown for any address the app does not know.

use kns_core::route::Route;
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::platform::prefs;
use crate::router::Link;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        prefs::set_title(&format!("{} · {}", i18n.t("not-found-heading"), i18n.t("app-title")))
    });
    view! {
        <h1>{i18n.t("not-found-heading")}</h1>
        <p>{i18n.t("not-found-body")}</p>
        <p>
            <Link to=Route::Course class="button">{i18n.t("not-found-home")}</Link>
        </p>
    }
}
