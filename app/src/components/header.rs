//! The header on every page: the app's name (a way home), the way to settings, and the language
//! switch.

use kns_core::Lang;
use kns_core::route::{Route, SETTINGS};
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::router::Link;

/// The course app's header: its links stay in the app.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="app-header">
            <Link to=Route::Course class="brand">{i18n.t("app-title")}</Link>
            <a class="header-link" href=SETTINGS>{i18n.t("settings-link")}</a>
            <LangSwitch/>
        </header>
    }
}

/// The language buttons (also on the settings page).
#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="lang-switch" role="group" aria-label=i18n.t("lang-switch-label")>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.code()
                            aria-pressed=(i18n.current() == lang).to_string()
                            on:click=move |_| i18n.set_lang(lang)
                        >
                            {i18n.t(&format!("lang-{}", lang.code()))}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
