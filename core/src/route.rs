//! The app's addresses: which page a path shows, and the path of each page.
//!
//! The app routes by itself (see app/src/router.rs) rather than with leptos_router: its pages are
//! few and flat, and the router crate cost about a sixth of the wasm.

/// Where the compiled course lives, relative to the site root.
pub const CONTENT_BASE: &str = "/content/";

/// The settings page: a page of its own with its own wasm (the second entry, Trunk.settings.toml),
/// so a link to it is a plain link, not a route of the app.
pub const SETTINGS: &str = "/settings";

/// The address of a picture a lesson uses: https addresses as they are, files of the lesson's
/// folder under the content base.
pub fn image_url(lesson_id: &str, src: &str) -> String {
    if src.starts_with("https://") { src.to_string() } else { format!("{CONTENT_BASE}{lesson_id}/{src}") }
}

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The course page: `/`.
    Course,
    /// A lesson: `/lesson/<id>`.
    Lesson(String),
    /// A lesson's quiz: `/lesson/<id>/quiz`.
    Quiz(String),
    /// Any other path.
    NotFound,
}

impl Route {
    /// The message (in `i18n/`) that the page's "Cần giúp đỡ?" panel shows: what the page is
    /// for, in two sentences.
    pub fn help_id(&self) -> &'static str {
        match self {
            Route::Course => "help-course",
            Route::Lesson(_) => "help-lesson",
            Route::Quiz(_) => "help-quiz",
            Route::NotFound => "help-not-found",
        }
    }

    /// The page a path shows. A trailing slash, a query and a fragment make no difference.
    pub fn parse(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let valid_id =
            |id: &str| id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        match segments.as_slice() {
            [] => Route::Course,
            ["lesson", id] if valid_id(id) => Route::Lesson(id.to_string()),
            ["lesson", id, "quiz"] if valid_id(id) => Route::Quiz(id.to_string()),
            _ => Route::NotFound,
        }
    }

    /// The path of the page (`NotFound` has none of its own and points home).
    pub fn href(&self) -> String {
        match self {
            Route::Course | Route::NotFound => "/".to_string(),
            Route::Lesson(id) => format!("/lesson/{id}"),
            Route::Quiz(id) => format!("/lesson/{id}/quiz"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_pages_and_back() {
        for route in
            [Route::Course, Route::Lesson("nhan-dien-lua-dao".into()), Route::Quiz("suc-khoe-so".into())]
        {
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse("/lesson/abc/"), Route::Lesson("abc".into()));
        assert_eq!(Route::parse("/lesson/abc?lang=en#top"), Route::Lesson("abc".into()));
        assert_eq!(Route::parse(""), Route::Course);
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "/khong-co-trang-nay",
            "/lesson",
            "/lesson/a/b",
            "/lesson/A%20B",
            "/lesson/abc/quiz/x",
            "/index.html",
        ] {
            assert_eq!(Route::parse(path), Route::NotFound, "{path}");
        }
    }
}
