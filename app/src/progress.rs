//! The current learner's progress (the profile chosen on the settings page, see
//! [`prefs::profile`]), as signals, saved through kns-core's [`Store`].
//!
//! Progress lives in IndexedDB; where the browser has none (private mode, a locked-down
//! webview), it lives in memory for the visit, and the learner is told once, plainly, that it
//! will not be kept. Every answer is saved the moment it is given.

use std::collections::HashMap;
use std::rc::Rc;

use kns_core::Lang;
use kns_core::content::Pillar;
use kns_core::progress::{Change, Completion, LessonProgress, LessonStatus, Store};
use kns_core::quiz::Answer;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

use crate::offline::Download;
use crate::platform::idb_store::IdbStore;
use crate::platform::prefs;

/// What the learner should know about where their progress is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Nothing to say: progress is saved on the device.
    None,
    /// There is no storage: progress lasts for this visit only.
    NotKept,
    /// Saving failed (full, say): the last answers may not be kept.
    SaveFailed,
    /// Some saved records could not be read and were left out.
    SomeUnreadable,
    /// Another tab opened a newer version of the app's storage: this one has let go of it and
    /// must be reloaded before it can save again.
    Outdated,
}

/// The learner's progress; provided as context by [`crate::app::App`].
#[derive(Clone, Copy)]
pub struct Progress {
    /// `None` where the browser has no IndexedDB: then `records` is all there is, for this visit.
    pub(crate) store: StoredValue<Option<Rc<IdbStore>>, LocalStorage>,
    records: RwSignal<HashMap<String, LessonProgress>>,
    pub(crate) ready: RwSignal<bool>,
    /// The lesson files kept on the device (see [`crate::offline`]).
    pub(crate) kept: RwSignal<Vec<String>>,
    pub(crate) download: RwSignal<Download>,
    notice: RwSignal<StorageNotice>,
    /// Writes begun and not yet committed.
    pending: RwSignal<u32>,
}

impl Progress {
    /// Opens the store and loads the learner's progress in the background.
    pub fn new() -> Self {
        let progress = Progress {
            store: StoredValue::new_local(None),
            records: RwSignal::new(HashMap::new()),
            ready: RwSignal::new(false),
            notice: RwSignal::new(StorageNotice::None),
            pending: RwSignal::new(0),
            kept: RwSignal::new(Vec::new()),
            download: RwSignal::new(Download::Idle),
        };
        spawn_local(async move {
            // Without a store, progress is kept in `records` alone, for this visit.
            let outdated = move || progress.notice.set(StorageNotice::Outdated);
            let loaded = match IdbStore::open(outdated).await {
                Ok(store) => store.load(&prefs::profile()).await.map(|loaded| (store, loaded)).ok(),
                Err(_) => None,
            };
            match loaded {
                Some((store, loaded)) => {
                    if loaded.skipped > 0 {
                        progress.notice.set(StorageNotice::SomeUnreadable);
                    }
                    progress.records.set(loaded.records.into_iter().map(|r| (r.lesson.clone(), r)).collect());
                    progress.kept.set(store.lesson_files().await.unwrap_or_default());
                    progress.store.set_value(Some(Rc::new(store)));
                }
                None => progress.notice.set(StorageNotice::NotKept),
            }
            progress.ready.set(true);
        });
        progress
    }

    /// Whether saved progress has been loaded (tracked).
    pub fn ready(&self) -> bool {
        self.ready.get()
    }

    /// Whether everything the learner did is committed to the device's storage (tracked): no
    /// write is in flight, and there is a store that works.
    pub fn saved(&self) -> bool {
        let failed = matches!(
            self.notice.get(),
            StorageNotice::NotKept | StorageNotice::SaveFailed | StorageNotice::Outdated
        );
        self.pending.get() == 0 && !failed && self.store.with_value(Option::is_some)
    }

    /// What to tell the learner about storage (tracked).
    pub fn notice(&self) -> StorageNotice {
        self.notice.get()
    }

    /// Where a lesson stands (tracked).
    pub fn status(&self, lesson: &str) -> LessonStatus {
        self.records.with(|r| r.get(lesson).map_or(LessonStatus::NotStarted, LessonProgress::status))
    }

    /// The learner's record for a lesson, as it is now (untracked).
    pub fn record(&self, lesson: &str) -> LessonProgress {
        self.records
            .with_untracked(|r| r.get(lesson).cloned())
            .unwrap_or_else(|| LessonProgress::new(&prefs::profile(), lesson))
    }

    /// Ticks or unticks a self-check item, and saves it at once (on the device, see [`prefs`];
    /// the page's box holds the state meanwhile).
    pub fn set_tick(&self, pillar: Pillar, ticked: bool) {
        let mut ticks = prefs::load_ticks(&prefs::profile());
        ticks.set(pillar, ticked);
        if !prefs::save_ticks(&prefs::profile(), ticks) {
            self.notice.set(StorageNotice::SaveFailed);
        }
    }

    /// Saves an answer the moment it is given; `saved` is set once it is on the device (or the
    /// save has failed and the learner is told).
    #[allow(clippy::too_many_arguments)]
    pub fn answer(
        &self,
        lesson: &str,
        hash: &str,
        lang: Lang,
        seed: u64,
        question: &str,
        answer: Answer,
        saved: RwSignal<bool>,
    ) {
        let (hash, question) = (hash.to_string(), question.to_string());
        self.change(lesson, Change::Answer { hash, lang, seed, question, answer }, Some(saved));
    }

    /// Saves a finished quiz.
    pub fn finish(&self, lesson: &str, completion: Completion) {
        self.change(lesson, Change::Finish(completion), None);
    }

    /// Keeps what a passed quiz leaves, for a record to be made from (see [`kns_core::claim`]),
    /// then, if the learner keeps records, asks the settings module to make it now; without a
    /// store there is nowhere to keep it, and the learner was told.
    pub fn keep_claim(&self, claim: kns_core::claim::Claim) {
        let (pending, notice) = (self.pending, self.notice);
        if let Some(store) = self.store.get_value() {
            pending.update(|n| *n += 1);
            spawn_local(async move {
                let kept = store.keep_claim(&prefs::profile(), &claim).await;
                pending.update(|n| *n -= 1);
                if kept.is_err() && notice.get_untracked() != StorageNotice::Outdated {
                    notice.set(StorageNotice::SaveFailed);
                } else if kept.is_ok() && prefs::records_on(&prefs::profile()) {
                    // The learner keeps records: the settings module signs (and sends) it now, in
                    // the background (app/index.html, `knsRecords`).
                    let ask = js_sys::Reflect::get(&window(), &"knsRecords".into())
                        .ok()
                        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
                    if let Some(ask) = ask {
                        let _ = ask.call1(&JsValue::NULL, &prefs::profile().into());
                    }
                }
            });
        }
    }

    /// Applies a change here at once (the page shows it), then to the stored record, whose
    /// result (with what another tab may have saved meanwhile) replaces it.
    fn change(&self, lesson: &str, change: Change, saved: Option<RwSignal<bool>>) {
        let mut record = self.record(lesson);
        record.apply(&change);
        let (store, records, notice, lesson) = (self.store, self.records, self.notice, lesson.to_string());
        let pending = self.pending;
        // The write is queued before anything is drawn again (a tap's feedback, the course
        // page's state), so its transaction starts at once.
        if let Some(store) = store.get_value() {
            spawn_local(async move {
                let stored = store.update(&prefs::profile(), &lesson, &change).await;
                pending.update(|n| *n -= 1);
                match stored {
                    Ok(stored) => records.update(|r| {
                        r.insert(lesson, stored);
                    }),
                    // Once outdated, that is what the learner must hear.
                    Err(_) if notice.get_untracked() == StorageNotice::Outdated => {}
                    Err(_) => notice.set(StorageNotice::SaveFailed),
                }
                if let Some(saved) = saved {
                    saved.set(true);
                }
            });
            // Counted now; the task above runs later, after this returns.
            pending.update(|n| *n += 1);
        } else if let Some(saved) = saved {
            // Nowhere to save it: as saved as it will be.
            saved.set(true);
        }
        self.records.update(|r| {
            r.insert(record.lesson.clone(), record);
        });
    }
}

impl Default for Progress {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_progress() -> Progress {
    expect_context::<Progress>()
}
