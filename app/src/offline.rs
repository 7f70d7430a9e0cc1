//! Lessons kept on the device (IndexedDB, see [`crate::platform::idb_store`]), so they open with
//! no network: each lesson is kept when it is opened, and "download all" keeps the whole course
//! in the learner's language at once. What is kept, and the room it takes, is worked out by
//! [`kns_core::offline`].
//!
//! Lessons are not in the service worker's cache: an update of the app does not download the
//! course again, and a lesson that did not change keeps its file (its name is its content hash).

use std::sync::Arc;

use kns_core::Lang;
use kns_core::content::{CompiledLesson, CourseIndex, LessonSummary};
use kns_core::offline;
use kns_core::progress::StoreError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::course::CONTENT_BASE;
use crate::platform::fetch::{LoadError, fetch_bytes};
use crate::progress::Progress;

/// Where "download all lessons" stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Download {
    Idle,
    Running,
    /// The network went away: what arrived before is kept.
    NoNetwork,
    /// The device is full: nothing of this download is kept, what was kept before is whole.
    Full,
    /// The storage failed otherwise.
    Failed,
}

impl Progress {
    /// The names of the lesson files kept on this device (tracked).
    pub fn kept(&self) -> Vec<String> {
        self.kept.get()
    }

    /// Where "download all lessons" stands (tracked).
    pub fn download(&self) -> Download {
        self.download.get()
    }

    /// Whether lessons can be kept here at all (tracked: false until the store is open, and
    /// where the browser has none).
    pub fn can_keep(&self) -> bool {
        self.ready.get() && self.store.with_value(Option::is_some)
    }

    /// Fetches every lesson of the course not kept yet in `lang` and keeps them all in one
    /// transaction, giving back the room of files no lesson names any more; and keeps the
    /// lessons' pictures.
    pub fn download_all(&self, index: Arc<CourseIndex>, lang: Lang) {
        let Some(store) = self.store.get_value() else { return };
        if self.download.get_untracked() == Download::Running {
            return;
        }
        let (kept, download) = (self.kept, self.download);
        download.set(Download::Running);
        spawn_local(async move {
            let stored = kept.get_untracked();
            let mut fetched = Vec::new();
            let mut outcome = Download::Idle;
            for translation in offline::kept(&index, lang, &stored).missing {
                let bytes = fetch_bytes(&format!("{CONTENT_BASE}{}.bin", translation.file)).await;
                match bytes {
                    // Only a lesson is kept: a Wi-Fi login page answering in its place is not.
                    Ok(bytes) if decode_lesson(&bytes).is_ok() => {
                        fetched.push((translation.file.clone(), bytes))
                    }
                    // No network, an error status or not a lesson: the learner is told to try
                    // again later, and what arrived is kept below.
                    _ => {
                        outcome = Download::NoNetwork;
                        break;
                    }
                }
            }
            if outcome == Download::Idle {
                keep_pictures(index.lessons.iter().flat_map(|lesson| &lesson.pictures)).await;
            }
            let obsolete = offline::obsolete(&index, &stored);
            match store.keep_lessons(&fetched, &obsolete).await {
                Ok(()) => kept.update(|kept| {
                    kept.retain(|file| !obsolete.contains(file));
                    kept.extend(fetched.into_iter().map(|(file, _)| file));
                }),
                Err(StoreError::QuotaExceeded) => outcome = Download::Full,
                Err(_) => outcome = Download::Failed,
            }
            download.set(outcome);
        });
    }
}

/// Loads one lesson in one language: the kept file if there is a good one, otherwise from the
/// network, and then keeps it (a lesson once opened opens again with no network).
pub async fn load_lesson(
    summary: &LessonSummary,
    lang: Lang,
    progress: Progress,
) -> Result<Arc<CompiledLesson>, LoadError> {
    let file = &summary.translation(lang).file;
    let store = progress.store.get_value();
    let mut kept = match &store {
        Some(store) => store.lesson(file).await.ok().flatten(),
        None => None,
    };
    // Decoded in one place (each call site of the decoder costs wasm): the kept file first; a
    // damaged one is fetched again.
    loop {
        let (bytes, fresh) = match kept.take() {
            Some(bytes) => (bytes, false),
            None => (fetch_bytes(&format!("{CONTENT_BASE}{file}.bin")).await?, true),
        };
        match decode_lesson(&bytes) {
            Ok(lesson) => {
                if fresh
                    && let Some(store) = &store
                    && store.keep_lessons(&[(file.clone(), bytes)], &[]).await.is_ok()
                {
                    progress.kept.update(|kept| {
                        if !kept.contains(file) {
                            kept.push(file.clone());
                        }
                    });
                    keep_pictures(&summary.pictures).await;
                }
                return Ok(Arc::new(lesson));
            }
            Err(e) if fresh => return Err(LoadError::Format(e)),
            Err(_) => {}
        }
    }
}

/// A lesson file in the wire form, decoded (one call site of the decoder: each costs wasm).
#[inline(never)]
fn decode_lesson(bytes: &[u8]) -> Result<CompiledLesson, String> {
    kns_core::wire::decode::<CompiledLesson>(bytes)
}

/// Keeps lessons' pictures in the cache the service worker answers from when there is no
/// network (`kns-pictures` in public/sw.js). Done here, not left to the worker, because on a
/// first visit the worker does not yet control the page. Best effort: a picture that cannot be
/// kept shows its description offline.
async fn keep_pictures(pictures: impl IntoIterator<Item = &String>) {
    let Ok(caches) = window().caches() else { return };
    let Ok(cache) = wasm_bindgen_futures::JsFuture::from(caches.open("kns-pictures")).await else { return };
    let cache = web_sys::Cache::from(cache);
    for picture in pictures {
        let _ = wasm_bindgen_futures::JsFuture::from(cache.add_with_str(&format!("{CONTENT_BASE}{picture}")))
            .await;
    }
}
