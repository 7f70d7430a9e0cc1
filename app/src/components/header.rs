//! The header on every page: the app's name (a way home) and the language switch.

use kns_core::Lang;
use kns_core::route::Route;
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::router::Link;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="app-header">
            <Link to=Route::Course class="brand">{i18n.t("app-title")}</Link>
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
        </header>
    }
}
