//! The settings page: the second entry (Trunk.settings.toml, `src/settings_main.rs`), a page of
//! its own with its own wasm, so what few learners open does not weigh on the course page.
//!
//! It holds the learners on the device ([`crate::profiles`]), says whether the browser keeps
//! the app's storage for good (`navigator.storage.persisted()`), asks for it on a tap
//! (`persist()`), and how much room the app uses; and the learner's completion records
//! ([`crate::records`]): consent, making them, the list and the download.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::components::header::LangSwitch;
use crate::components::help::Help;
use crate::i18n::{I18n, use_i18n};
use crate::look::LookSection;
use crate::platform::prefs;
use crate::profiles::{Learners, ProfilesSection};
use crate::records::RecordsSection;

/// Mounts the settings page on `<body>`.
pub fn start() {
    crate::i18n::use_settings_catalogs();
    leptos::mount::mount_to_body(Settings);
}

/// Whether the browser keeps the app's storage when the phone is short of space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kept {
    /// Not asked yet (or the answer is not in).
    Unknown,
    /// The browser has no Storage API (some webviews).
    Unsupported,
    Persisted,
    NotPersisted,
    /// Asked, and the browser said no.
    Refused,
}

#[component]
fn Settings() -> impl IntoView {
    provide_context(I18n::new());
    provide_context(Learners::new());
    let i18n = use_i18n();
    Effect::new(move |_| {
        i18n.lang();
        prefs::set_title(&format!("{} · {}", i18n.t("settings-heading"), i18n.t("app-title")));
    });
    let kept = RwSignal::new(Kept::Unknown);
    let used = RwSignal::new(None::<f64>);
    spawn_local(async move {
        kept.set(match storage_call("persisted").await {
            Some(answer) => {
                if answer.is_truthy() {
                    Kept::Persisted
                } else {
                    Kept::NotPersisted
                }
            }
            None => Kept::Unsupported,
        });
        used.set(
            storage_call("estimate")
                .await
                .and_then(|estimate| js_sys::Reflect::get(&estimate, &"usage".into()).ok())
                .and_then(|usage| usage.as_f64()),
        );
    });
    let ask = move |_| {
        spawn_local(async move {
            if let Some(answer) = storage_call("persist").await {
                kept.set(if answer.is_truthy() { Kept::Persisted } else { Kept::Refused });
            }
        });
    };
    move || {
        i18n.lang();
        view! {
            <a class="skip-link" href="#main">{i18n.t("skip-to-content")}</a>
            <header class="app-header">
                <a class="brand" href="/">{i18n.t("app-title")}</a>
                <LangSwitch/>
            </header>
            <main id="main" tabindex="-1">
                <Help id="help-settings"/>
                <h1>{i18n.t("settings-heading")}</h1>
                <LookSection/>
                <ProfilesSection/>
                <RecordsSection/>
                <section aria-labelledby="storage-heading">
                    <h2 id="storage-heading">{i18n.t("storage-heading")}</h2>
                    {move || {
                        let message = match kept.get() {
                            Kept::Unknown => return None,
                            Kept::Unsupported => "storage-unknown",
                            Kept::Persisted => "storage-persisted",
                            Kept::NotPersisted => "storage-not-persisted",
                            Kept::Refused => "storage-refused",
                        };
                        Some(view! { <p class="storage-kept" role="status">{i18n.t(message)}</p> })
                    }}
                    {move || {
                        matches!(kept.get(), Kept::NotPersisted | Kept::Refused).then(|| {
                            view! {
                                <button type="button" class="button" on:click=ask>
                                    {i18n.t("storage-persist")}
                                </button>
                            }
                        })
                    }}
                    {move || {
                        used.get().map(|bytes| {
                            let kb = kns_core::offline::kilobytes(bytes as u64) as i64;
                            view! {
                                <p class="storage-used">
                                    {i18n.format("storage-used", &[("kb", kns_core::i18n::Arg::Num(kb))])}
                                </p>
                            }
                        })
                    }}
                </section>
            </main>
        }
    }
}

/// Calls `navigator.storage.<method>()` and waits for its answer; `None` where the browser has
/// no such method or it fails.
async fn storage_call(method: &str) -> Option<wasm_bindgen::JsValue> {
    let storage = js_sys::Reflect::get(&window().navigator(), &"storage".into()).ok()?;
    let function =
        js_sys::Reflect::get(&storage, &method.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let promise = function.call0(&storage).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    JsFuture::from(promise).await.ok()
}
