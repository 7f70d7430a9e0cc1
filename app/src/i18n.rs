//! The interface language: a signal every view reads its words through.
//!
//! Views take their words once, as plain strings, and the app re-renders the page when the
//! language changes (see [`crate::app::App`]). A reactive closure per word cost about a third of
//! the wasm; a language switch is rare, and re-rendering one page is instant.
//!
//! Messages come from `i18n/<lang>/*.ftl`, read by kns-core's Fluent reader at build time and
//! embedded parsed (see build.rs). The choice is remembered on the device and set on `<html lang>`, so
//! screen readers and the browser's voice speak the right language.

use std::sync::OnceLock;

use kns_core::Lang;
use kns_core::i18n::{Arg, Catalog};
use leptos::prelude::*;

use crate::platform::prefs;

static CATALOGS: OnceLock<[Catalog; 2]> = OnceLock::new();

/// Parsed by build.rs, which fails the build on a message file that does not parse.
fn read(vi: &[u8], en: &[u8]) -> [Catalog; 2] {
    let read = |bytes: &[u8]| kns_core::wire::decode::<Catalog>(bytes).unwrap_or_default();
    [read(vi), read(en)]
}

/// The settings page's words (the course page's and its own, see build.rs); its entry calls
/// this first. Only that entry reaches it, so the course page's wasm does not carry them.
pub fn use_settings_catalogs() {
    CATALOGS.get_or_init(|| {
        read(
            include_bytes!(concat!(env!("OUT_DIR"), "/vi.settings.catalog")),
            include_bytes!(concat!(env!("OUT_DIR"), "/en.settings.catalog")),
        )
    });
}

fn catalog(lang: Lang) -> &'static Catalog {
    let catalogs = CATALOGS.get_or_init(|| {
        read(
            include_bytes!(concat!(env!("OUT_DIR"), "/vi.catalog")),
            include_bytes!(concat!(env!("OUT_DIR"), "/en.catalog")),
        )
    });
    match lang {
        Lang::Vi => &catalogs[0],
        Lang::En => &catalogs[1],
    }
}

/// The message `id` with arguments in `lang`, with no page (a record made in the background).
pub fn format_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    catalog(lang).format(id, args)
}

/// The current language; provided as context by [`crate::app::App`].
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// Starts in the language the learner chose last time on this device, Vietnamese otherwise.
    pub fn new() -> Self {
        let lang = prefs::load_lang().unwrap_or_default();
        prefs::set_document_lang(lang);
        I18n { lang: RwSignal::new(lang) }
    }

    /// The current language, tracked: a resource or view that reads it re-runs when it changes.
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The current language, untracked: for views, which the app re-renders on a change anyway.
    pub fn current(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// Switches language, remembers the choice and updates `<html lang>`.
    pub fn set_lang(&self, lang: Lang) {
        prefs::save_lang(lang);
        prefs::set_document_lang(lang);
        self.lang.set(lang);
    }

    /// The message `id` in the current language.
    pub fn t(&self, id: &str) -> String {
        catalog(self.current()).get(id)
    }

    /// The message `id` with arguments in `lang`: the words inside a record are in its lesson's
    /// language, whatever the page's.
    pub fn format_in(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
        format_in(lang, id, args)
    }

    /// The message `id` with arguments, in the current language.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        catalog(self.current()).format(id, args)
    }
}

impl Default for I18n {
    fn default() -> Self {
        Self::new()
    }
}

/// The language context of the app.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
