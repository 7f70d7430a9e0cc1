//! Small preferences kept on the device in `localStorage` (the interface language).
//!
//! Storage can be missing or refuse writes (private mode, a locked-down webview): then the
//! preference lasts for this visit only, and nothing else is affected.

use kns_core::Lang;

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
