//! The header on every page: the app's name (a way home) and the language switch.

use kns_core::Lang;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::use_i18n;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="app-header">
            <A href="/" attr:class="brand">{move || i18n.t("app-title")}</A>
            <div class="lang-switch" role="group" aria-label=move || i18n.t("lang-switch-label")>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <button
                                type="button"
                                lang=lang.code()
                                aria-pressed=move || (i18n.lang() == lang).to_string()
                                on:click=move |_| i18n.set_lang(lang)
                            >
                                {move || i18n.t(&format!("lang-{}", lang.code()))}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </header>
    }
}
