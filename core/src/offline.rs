//! Lessons kept on the device, so that they open with no network: which ones are kept, what a
//! "download all" still has to fetch, and how much room they take.
//!
//! The app keeps each lesson's compiled file (its wire form) in IndexedDB under the file's name
//! from the course index (`lessons/<id>.<lang>.<hash>`). The name carries the content hash, so a
//! kept file is never stale: a new version of a lesson has a new name, and the file of the old
//! one is forgotten once no lesson of the course names it.

use crate::Lang;
use crate::content::{CourseIndex, Translation};

/// What the device holds of the course, seen in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept<'a> {
    /// The lessons (by id) whose file in this language is kept, in course order.
    pub lessons: Vec<&'a str>,
    /// The files of this language that are not kept yet, in course order.
    pub missing: Vec<&'a Translation>,
    /// The room the kept files of the course take, in any language, in bytes.
    pub bytes: u64,
    /// What the missing files would take, in bytes.
    pub missing_bytes: u64,
}

impl Kept<'_> {
    /// Whether every lesson of the course can be opened in this language with no network.
    pub fn all(&self) -> bool {
        self.missing.is_empty()
    }
}

/// What of `index` the device holds, given the names of the kept files. (A plain slice: a
/// course has tens of files, and a set would link sorting code into the wasm.)
pub fn kept<'a>(index: &'a CourseIndex, lang: Lang, stored: &[String]) -> Kept<'a> {
    let mut kept = Kept { lessons: Vec::new(), missing: Vec::new(), bytes: 0, missing_bytes: 0 };
    for lesson in &index.lessons {
        for translation in &lesson.translations {
            if stored.contains(&translation.file) {
                kept.bytes += u64::from(translation.bytes);
            }
        }
        let translation = lesson.translation(lang);
        if stored.contains(&translation.file) {
            kept.lessons.push(&lesson.id);
        } else {
            kept.missing_bytes += u64::from(translation.bytes);
            kept.missing.push(translation);
        }
    }
    kept
}

/// The kept files no lesson of `index` names any more (older versions, removed lessons): room
/// to give back.
pub fn obsolete(index: &CourseIndex, stored: &[String]) -> Vec<String> {
    let named = |file: &String| index.lessons.iter().any(|l| l.translations.iter().any(|t| t.file == *file));
    stored.iter().filter(|file| !named(file)).cloned().collect()
}

/// A size as people read it on a phone: whole kilobytes, rounded up, so a file that is kept
/// never shows as 0 KB.
pub fn kilobytes(bytes: u64) -> u64 {
    bytes.div_ceil(1024)
}
