//! The course as the app holds it: the index, loaded once and shared by every page, and
//! lessons, loaded lazily when opened.

use std::sync::Arc;

use kns_core::Lang;
use kns_core::content::{CompiledLesson, CourseIndex, LessonSummary};
use leptos::prelude::*;

use crate::platform::fetch::{LoadError, fetch_decoded};

/// Where the compiled course lives, relative to the site root.
pub const CONTENT_BASE: &str = "/content/";

/// The course index, loading or loaded; provided as context by [`crate::app::App`].
#[derive(Clone, Copy)]
pub struct Course(pub LocalResource<Result<Arc<CourseIndex>, LoadError>>);

impl Course {
    pub fn new() -> Self {
        Course(LocalResource::new(|| async {
            fetch_decoded::<CourseIndex>(&format!("{CONTENT_BASE}course.bin")).await.map(Arc::new)
        }))
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
    resource: LocalResource<Result<LessonState, LoadError>>,
    /// Changes only when the lesson itself changes (another id, language or version), never
    /// because it was loaded again: a page built on it, and a quiz half done, stay as they are.
    state: Memo<Option<Result<LessonState, LoadError>>>,
}

impl LessonSource {
    /// `None` while loading, then the lesson or why it could not be loaded (tracked).
    pub fn get(&self) -> Option<Result<LessonState, LoadError>> {
        self.state.get()
    }

    /// Loads the lesson again (after a failure).
    pub fn refetch(&self) {
        self.course.0.refetch();
        self.resource.refetch();
    }
}

/// The lesson whose id `id` gives, in the current language, reloaded when either changes.
pub fn lesson_resource(id: impl Fn() -> String + 'static) -> LessonSource {
    let i18n = crate::i18n::use_i18n();
    let course = use_course();
    let resource = LocalResource::new(move || {
        let (id, lang) = (id(), i18n.lang());
        async move {
            let index = course.0.await?;
            match index.lesson(&id) {
                None => Ok(LessonState::Missing),
                Some(summary) => load_lesson(summary, lang).await.map(LessonState::Loaded),
            }
        }
    });
    LessonSource { course, resource, state: Memo::new(move |_| resource.get()) }
}

/// Loads one lesson in one language.
pub async fn load_lesson(summary: &LessonSummary, lang: Lang) -> Result<Arc<CompiledLesson>, LoadError> {
    let url = format!("{CONTENT_BASE}{}.bin", summary.translation(lang).file);
    fetch_decoded::<CompiledLesson>(&url).await.map(Arc::new)
}

/// The address of a picture a lesson uses: https addresses as they are, files of the lesson's
/// folder under the content base.
pub fn image_url(lesson_id: &str, src: &str) -> String {
    if src.starts_with("https://") { src.to_string() } else { format!("{CONTENT_BASE}{lesson_id}/{src}") }
}
