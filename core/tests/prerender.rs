//! The static course page that the build writes into index.html.

use std::path::Path;

use kns_core::Lang;
use kns_core::compiler::{compile_course, load_catalog};
use kns_core::content::CourseIndex;
use kns_core::prerender::{course_page, escape, insert_into};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn index() -> CourseIndex {
    compile_course(&root().join("content")).unwrap_or_else(|e| panic!("content compiles: {e:?}")).index
}

#[test]
fn lists_every_lesson_with_its_title_summary_link_and_minutes_under_its_pillar() {
    let index = index();
    let catalog = load_catalog(&root().join("i18n"), Lang::Vi).unwrap();
    let html = course_page(&index, &catalog);
    assert!(html.starts_with(r#"<div id="prerender">"#) && html.ends_with("</main></div>"), "{html}");
    assert!(html.contains(&format!("<h1>{}</h1>", escape(&catalog.get("course-heading")))));
    let mut last = 0;
    for (pillar, lessons) in index.by_pillar() {
        let heading = format!("<h2>{}</h2>", escape(&catalog.get(&format!("pillar-{}", pillar.slug()))));
        let at = html.find(&heading).unwrap_or_else(|| panic!("{heading} missing"));
        assert!(at > last, "pillars keep the course order");
        last = at;
        for lesson in lessons {
            let text = lesson.translation(Lang::Vi);
            let card = html[at..].find(&format!(r#"<a href="/lesson/{}""#, lesson.id)).expect("link");
            let card = &html[at + card..];
            assert!(card.contains(&escape(&text.title)) && card.contains(&escape(&text.summary)));
        }
    }
    assert!(html.contains(r#"<button type="button" lang="vi" aria-pressed="true">"#));
    assert!(html.contains(r#"<button type="button" lang="en" aria-pressed="false">"#));
}

#[test]
fn english_catalog_gives_the_english_page() {
    let index = index();
    let catalog = load_catalog(&root().join("i18n"), Lang::En).unwrap();
    let html = course_page(&index, &catalog);
    let title = &index.lessons[0].translation(Lang::En).title;
    assert!(html.contains(&escape(title)));
    assert!(html.contains(r#"lang="en" aria-pressed="true""#));
}

#[test]
fn text_that_looks_like_markup_stays_text() {
    let mut index = index();
    index.lessons[0].translations[0].title = r#"<script>alert("x")</script> & 'y'"#.into();
    let catalog = load_catalog(&root().join("i18n"), Lang::Vi).unwrap();
    let html = course_page(&index, &catalog);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"));
}

#[test]
fn goes_first_in_the_body_and_replaces_an_earlier_one() {
    let page = r#"<div id="prerender"><main>x</main></div>"#;
    let html = insert_into("<html><body><script></script></body></html>", page).unwrap();
    // Not the word in a comment in <head>.
    let commented = insert_into("<head><!-- into <body> --></head><body></body>", page).unwrap();
    assert!(commented.ends_with(r#"<body><div id="prerender"><main>x</main></div></body>"#), "{commented}");
    assert_eq!(
        html,
        r#"<html><body><div id="prerender"><main>x</main></div><script></script></body></html>"#
    );
    let again = insert_into(&html, r#"<div id="prerender"><main>y</main></div>"#).unwrap();
    assert_eq!(
        again,
        r#"<html><body><div id="prerender"><main>y</main></div><script></script></body></html>"#
    );
    assert!(insert_into("<html></html>", page).unwrap_err().contains("<body>"));
}
