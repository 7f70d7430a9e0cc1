//! The course page as static HTML, written into `index.html` at build time.
//!
//! On a cheap phone on mobile data, a page that waits for its wasm paints nothing for seconds.
//! The build therefore puts the course page (header, lesson titles and summaries, grouped by
//! pillar) into `index.html`, where it paints at once; the app then builds the same page and
//! swaps it in without a visible jump (see `kns-app`'s `takeover`). The markup here must be
//! the markup the app's course page makes: same elements, same classes, same text. An e2e test
//! measures the layout shift of the swap and fails if the two drift apart.

use std::fmt::Write;

use crate::Lang;
use crate::content::{CourseIndex, LessonSummary};
use crate::i18n::{Arg, Catalog};
use crate::route::Route;

/// The id of the element that holds the static page; the app removes it when it takes over.
pub const PRERENDER_ID: &str = "prerender";

/// Text made safe to put between tags or inside a double-quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The course page in the catalog's language: skip link, header and the lessons by pillar,
/// wrapped in `<div id="prerender">`.
pub fn course_page(index: &CourseIndex, catalog: &Catalog) -> String {
    let lang = catalog.lang();
    let t = |id: &str| escape(&catalog.get(id));
    let mut html = String::new();
    let _ = write!(
        html,
        r##"<div id="{PRERENDER_ID}"><a class="skip-link" href="#main">{}</a>"##,
        t("skip-to-content")
    );
    let _ = write!(
        html,
        r#"<header class="app-header"><a href="{}" class="brand">{}</a><div class="lang-switch" role="group" aria-label="{}">"#,
        Route::Course.href(),
        t("app-title"),
        t("lang-switch-label")
    );
    for other in Lang::ALL {
        let _ = write!(
            html,
            r#"<button type="button" lang="{code}" aria-pressed="{}">{}</button>"#,
            other == lang,
            t(&format!("lang-{}", other.code())),
            code = other.code()
        );
    }
    let _ = write!(
        html,
        r#"</div></header><main id="main" tabindex="-1"><h1>{}</h1><p class="lead">{}</p>"#,
        t("course-heading"),
        t("course-intro")
    );
    if index.lessons.is_empty() {
        let _ = write!(html, "<p>{}</p>", t("course-empty"));
    }
    for (pillar, lessons) in index.by_pillar() {
        let heading = t(&format!("pillar-{}", pillar.slug()));
        let _ = write!(
            html,
            r#"<section class="pillar" aria-label="{heading}"><h2>{heading}</h2><ul class="lessons">"#
        );
        for lesson in lessons {
            lesson_card(&mut html, lesson, catalog);
        }
        html.push_str("</ul></section>");
    }
    html.push_str("</main></div>");
    html
}

fn lesson_card(html: &mut String, lesson: &LessonSummary, catalog: &Catalog) {
    let text = lesson.translation(catalog.lang());
    let minutes = catalog.format("lesson-minutes", &[("minutes", Arg::Num(i64::from(lesson.minutes)))]);
    let _ = write!(
        html,
        r#"<li class="lesson-card"><a href="{}" class=""><span class="lesson-title">{}</span></a><p class="lesson-summary">{}</p><p class="lesson-meta"><span>{}</span></p></li>"#,
        escape(&Route::Lesson(lesson.id.clone()).href()),
        escape(&text.title),
        escape(&text.summary),
        escape(&minutes)
    );
}

/// `index.html` with the static page as the first thing in `<body>`, in place of the one an
/// earlier run put there.
pub fn insert_into(index_html: &str, page: &str) -> Result<String, String> {
    let start = format!(r#"<div id="{PRERENDER_ID}">"#);
    let mut html = index_html.to_string();
    if let Some(from) = html.find(&start) {
        let end = "</main></div>";
        let to = html[from..].find(end).ok_or("index.html holds an unfinished static page")? + from;
        html.replace_range(from..to + end.len(), "");
    }
    // The tag itself, not the word in a comment or the inline style in <head>.
    let head_end = html.find("</head>").unwrap_or(0);
    let at =
        html[head_end..].find("<body>").ok_or("index.html has no <body> tag")? + head_end + "<body>".len();
    html.insert_str(at, page);
    Ok(html)
}
