//! Small things kept on the device in `localStorage`: the interface language, and each learner's
//! four-pillar self-check (a few bytes that the static course page reads before it paints).
//!
//! Storage can be missing or refuse writes (private mode, a locked-down webview): then the
//! preference lasts for this visit only, and nothing else is affected.

use kns_core::Lang;
use kns_core::checklist::{self, Ticks};
use kns_core::look::{self, Look};
use kns_core::profile::{self, Profiles};
use kns_core::progress::DEFAULT_PROFILE;

const LANG_KEY: &str = "kns.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language chosen on this device, if any.
pub fn load_lang() -> Option<Lang> {
    Lang::from_code(&storage()?.get_item(LANG_KEY).ok()??)
}

/// Remembers the language; silently does nothing when storage is unavailable.
pub fn save_lang(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
}

/// A learner's self-check ticks; none where nothing was saved or storage is unavailable.
pub fn load_ticks(profile: &str) -> Ticks {
    storage()
        .and_then(|s| s.get_item(&checklist::storage_key(profile)).ok().flatten())
        .map_or_else(Ticks::default, |stored| Ticks::from_stored(&stored))
}

/// Saves a learner's self-check ticks; false when storage is unavailable or refused them.
pub fn save_ticks(profile: &str, ticks: Ticks) -> bool {
    storage().is_some_and(|s| s.set_item(&checklist::storage_key(profile), &ticks.to_stored()).is_ok())
}

thread_local! {
    static PROFILE: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
}

/// The learner in use, as the settings page left it, read once per page (a switch in another
/// tab takes effect here at the next load, so a quiz never moves between learners); the first
/// profile where none was chosen or storage is unavailable.
pub fn profile() -> String {
    PROFILE.with(|p| {
        p.get_or_init(|| {
            storage()
                .and_then(|s| s.get_item(profile::CURRENT_KEY).ok().flatten())
                .unwrap_or_else(|| DEFAULT_PROFILE.to_string())
        })
        .clone()
    })
}

/// Tells the course page who is learning: the id, and what its header shows (see
/// [`Profiles::who`]).
pub fn show_profile(profiles: &Profiles) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(profile::CURRENT_KEY, &profiles.current().id);
        let _ = match profiles.who() {
            Some(who) => storage.set_item(profile::WHO_KEY, &who),
            None => storage.remove_item(profile::WHO_KEY),
        };
    }
}

/// Forgets what `localStorage` holds of a deleted learner: their self-check ticks, and whether
/// they keep records.
pub fn forget_ticks(profile: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&checklist::storage_key(profile));
        let _ = storage.remove_item(&records_key(profile));
        let _ = storage.remove_item(&look::storage_key(profile));
    }
}

/// A learner's text size and theme; the default where none was kept.
pub fn load_look(profile: &str) -> Look {
    storage()
        .and_then(|s| s.get_item(&look::storage_key(profile)).ok().flatten())
        .map_or_else(Look::default, |stored| Look::from_stored(&stored))
}

/// Keeps a learner's text size and theme; false when storage is unavailable or refused it.
pub fn save_look(profile: &str, look: Look) -> bool {
    storage().is_some_and(|s| match look.to_stored() {
        Some(stored) => s.set_item(&look::storage_key(profile), &stored).is_ok(),
        None => s.remove_item(&look::storage_key(profile)).is_ok(),
    })
}

/// Draws this page in `look` (as the script in the pages' `<head>` does at load).
pub fn apply_look(look: Look) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let size = if look.text == 100 { String::new() } else { format!("{}%", look.text) };
        let _ = root.style().set_property("font-size", &size);
        let _ = root.class_list().toggle_with_force("contrast", look.contrast);
    }
}

/// Where the course page learns that a learner agreed to keep records (the settings page writes
/// it from their consent), so that after a pass it asks for the record without reading consent.
fn records_key(profile: &str) -> String {
    format!("kns.records.{profile}")
}

pub fn set_records_on(profile: &str, on: bool) {
    if let Some(storage) = storage() {
        let _ = if on {
            storage.set_item(&records_key(profile), "1")
        } else {
            storage.remove_item(&records_key(profile))
        };
    }
}

pub fn records_on(profile: &str) -> bool {
    storage().and_then(|s| s.get_item(&records_key(profile)).ok().flatten()).is_some()
}

/// Sets `<html lang>`, which screen readers and speech use to pick a voice.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// Sets the browser tab's title.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}
