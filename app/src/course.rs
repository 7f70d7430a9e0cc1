//! The course as the app holds it: the index, loaded once and shared by every page, and
//! lessons, loaded lazily when opened.

use std::sync::Arc;

use kns_core::content::{CompiledLesson, CourseIndex};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::offline::load_lesson;
use crate::platform::fetch::{LoadError, fetch_decoded};

pub use kns_core::route::{CONTENT_BASE, image_url};

/// Something being fetched: `None` while it loads, then what came or why nothing did.
pub type Fetched<T> = Option<Result<T, LoadError>>;

/// The course index, loading or loaded; provided as context by [`crate::app::App`].
///
/// Plain signals set by a spawned task, not Leptos resources: the async machinery of resources
/// cost about 6 KB of brotli wasm that a page which loads two files does not need.
#[derive(Clone, Copy)]
pub struct Course {
    state: RwSignal<Fetched<Arc<CourseIndex>>>,
}

impl Course {
    pub fn new() -> Self {
        let course = Course { state: RwSignal::new(None) };
        course.load();
        course
    }

    /// The index, `None` while it loads (tracked).
    pub fn get(&self) -> Fetched<Arc<CourseIndex>> {
        self.state.get()
    }

    /// Loads the index again, if the last try failed.
    pub fn retry(&self) {
        if matches!(self.state.get_untracked(), Some(Err(_))) {
            self.load();
        }
    }

    fn load(&self) {
        let state = self.state;
        state.set(None);
        spawn_local(async move {
            let url = format!("{CONTENT_BASE}course.bin");
            state.set(Some(fetch_decoded::<CourseIndex>(&url).await.map(Arc::new)));
        });
    }
}

impl Default for Course {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_course() -> Course {
    expect_context::<Course>()
}

/// A lesson as a page can show it.
#[derive(Clone, Debug)]
pub enum LessonState {
    /// The course index has no lesson with this id.
    Missing,
    Loaded(Arc<CompiledLesson>),
}

/// Two loads of a lesson are the same when they are the same text: same content hash.
impl PartialEq for LessonState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (LessonState::Missing, LessonState::Missing) => true,
            (LessonState::Loaded(a), LessonState::Loaded(b)) => a.hash == b.hash,
            _ => false,
        }
    }
}

/// A lesson being loaded for a page.
#[derive(Clone, Copy)]
pub struct LessonSource {
    course: Course,
    /// Changes only when the lesson itself changes (another id, language or version), never
    /// because it was loaded again: a page built on it, and a quiz half done, stay as they are.
    state: RwSignal<Fetched<LessonState>>,
    /// Bumped by "try again", which loads the lesson again.
    attempt: RwSignal<u32>,
}

impl LessonSource {
    /// `None` while loading, then the lesson or why it could not be loaded (tracked).
    pub fn get(&self) -> Fetched<LessonState> {
        self.state.get()
    }

    /// Loads the lesson again (after a failure).
    pub fn refetch(&self) {
        self.course.retry();
        self.attempt.update(|n| *n += 1);
    }
}

/// The lesson whose id `id` gives, in the current language, reloaded when either changes.
pub fn lesson_resource(id: impl Fn() -> String + 'static) -> LessonSource {
    let i18n = crate::i18n::use_i18n();
    let course = use_course();
    let progress = crate::progress::use_progress();
    let source = LessonSource { course, state: RwSignal::new(None), attempt: RwSignal::new(0) };
    let state = source.state;
    // Only the newest request may answer: a slow answer for the last lesson or language is dropped.
    let latest = StoredValue::new(0u32);
    let settle = move |ticket: u32, fetched: Fetched<LessonState>| {
        if latest.get_value() == ticket && state.with_untracked(|s| *s != fetched) {
            state.set(fetched);
        }
    };
    Effect::new(move |_| {
        let (id, lang) = (id(), i18n.lang());
        source.attempt.track();
        let ticket = latest.get_value().wrapping_add(1);
        latest.set_value(ticket);
        // The kept lessons are looked at first: wait until the store is open (it is quick).
        if !progress.ready() {
            return;
        }
        match course.get() {
            None => {}
            Some(Err(e)) => settle(ticket, Some(Err(e))),
            Some(Ok(index)) => match index.lesson(&id) {
                None => settle(ticket, Some(Ok(LessonState::Missing))),
                Some(summary) => {
                    let summary = summary.clone();
                    if matches!(state.get_untracked(), Some(Err(_))) {
                        state.set(None);
                    }
                    spawn_local(async move {
                        let loaded = load_lesson(&summary, lang, progress).await.map(LessonState::Loaded);
                        settle(ticket, Some(loaded));
                    });
                }
            },
        }
    });
    source
}
