//! The settings page's sections, mounted alone in headless Chromium. A file of their own: its
//! wasm starts with the settings page's words and no learner read yet, as the page does.

use kns_app::i18n::{I18n, use_settings_catalogs};
use kns_app::look::LookSection;
use kns_app::platform::prefs;
use kns_app::profiles::Learners;
use kns_core::look::Look;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;

use common::{document, settle};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_look_section_shows_and_changes_the_look_of_the_learner_the_page_opened_for() {
    // Another learner is in use; the list of learners is not read yet (IndexedDB is slow on a
    // cheap phone), so the section has only what the page opened with to go on.
    use_settings_catalogs();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item(kns_core::profile::CURRENT_KEY, "p-look").unwrap();
    let me = prefs::profile();
    assert_eq!(me, "p-look", "no other test in this file reads the learner in use");
    assert!(prefs::save_look(&me, Look { text: 200, contrast: true }));
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        provide_context(I18n::new());
        provide_context(Learners::new());
        view! { <LookSection/> }
    });
    settle().await;
    let now = host.query_selector(".look-now").unwrap().unwrap();
    assert_eq!(now.text_content().as_deref(), Some("Cỡ chữ: 200 %"), "their size from the start");
    let contrast: web_sys::HtmlInputElement =
        host.query_selector("#contrast").unwrap().unwrap().unchecked_into();
    assert!(contrast.checked(), "their theme from the start");
    // A tap now changes their look, and no one else's.
    host.query_selector("#text-smaller").unwrap().unwrap().unchecked_into::<web_sys::HtmlElement>().click();
    settle().await;
    assert_eq!(prefs::load_look(&me), Look { text: 175, contrast: true });
    assert_eq!(storage.get_item("kns.look.default").unwrap(), None, "nothing kept for a placeholder");
    assert_eq!(now.text_content().as_deref(), Some("Cỡ chữ: 175 %"));
    storage.remove_item("kns.look.p-look").unwrap();
    storage.remove_item(kns_core::profile::CURRENT_KEY).unwrap();
    prefs::apply_look(Look::default());
    host.remove();
}
