//! The course as the app holds it: the index, loaded once and shared by every page, and
//! lessons, loaded lazily when opened.

use std::sync::Arc;

use kns_core::Lang;
use kns_core::content::{CompiledLesson, CourseIndex, LessonSummary};
use leptos::prelude::*;

use crate::platform::fetch::{LoadError, fetch_json};

/// Where the compiled course lives, relative to the site root.
pub const CONTENT_BASE: &str = "/content/";

/// The course index, loading or loaded; provided as context by [`crate::app::App`].
#[derive(Clone, Copy)]
pub struct Course(pub LocalResource<Result<Arc<CourseIndex>, LoadError>>);

impl Course {
    pub fn new() -> Self {
        Course(LocalResource::new(|| async {
            fetch_json::<CourseIndex>(&format!("{CONTENT_BASE}course.json")).await.map(Arc::new)
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

/// Loads one lesson in one language.
pub async fn load_lesson(summary: &LessonSummary, lang: Lang) -> Result<Arc<CompiledLesson>, LoadError> {
    let url = format!("{CONTENT_BASE}{}", summary.translation(lang).path);
    fetch_json::<CompiledLesson>(&url).await.map(Arc::new)
}

/// The address of a picture a lesson uses: https addresses as they are, files of the lesson's
/// folder under the content base.
pub fn image_url(lesson_id: &str, src: &str) -> String {
    if src.starts_with("https://") { src.to_string() } else { format!("{CONTENT_BASE}{lesson_id}/{src}") }
}
