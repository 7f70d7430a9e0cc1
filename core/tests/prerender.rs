//! The static course page that the build writes into index.html.

use std::path::Path;

use kns_core::Lang;
use kns_core::compiler::{compile_course, load_catalog};
use kns_core::content::{Block, Inline};
use kns_core::content::{CourseIndex, Pillar};
use kns_core::i18n::Arg;
use kns_core::prerender::{course_page, escape, insert_into, lesson_page, with_title};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn course() -> kns_core::compiler::CompiledCourse {
    compile_course(&root().join("content")).unwrap_or_else(|e| panic!("content compiles: {e:?}"))
}

fn index() -> CourseIndex {
    course().index
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn a_lesson_page_has_every_block_its_quiz_link_and_hidden_definitions() {
    let course = course();
    let catalog = load_catalog(&root().join("i18n"), Lang::Vi).unwrap();
    for compiled in course.lessons.iter().filter(|c| c.lesson.lang == Lang::Vi) {
        let lesson = &compiled.lesson;
        let html = lesson_page(compiled, &catalog);
        let path = format!("/lesson/{}", lesson.id);
        assert!(html.starts_with(&format!(r#"<div id="prerender" data-path="{path}"><script>"#)));
        assert!(html.contains(&format!("<h1>{}</h1>", escape(&lesson.title))), "{}", lesson.id);
        assert!(html.contains(&format!(r#"<a href="{path}/quiz" class="button">"#)), "{}", lesson.id);
        for objective in &lesson.objectives {
            assert!(html.contains(&format!("<li>{}</li>", escape(objective))));
        }
        // Every block of the body is there, in its element.
        let (mut paragraphs, mut callouts, mut terms) = (0, 0, 0);
        fn walk(blocks: &[Block], p: &mut usize, c: &mut usize, t: &mut usize) {
            for block in blocks {
                match block {
                    Block::Paragraph { text } => {
                        *p += 1;
                        *t += text.iter().filter(|i| matches!(i, Inline::Term { .. })).count();
                    }
                    Block::Callout { body, .. } => {
                        *c += 1;
                        walk(body, p, c, t);
                    }
                    _ => {}
                }
            }
        }
        walk(&lesson.body, &mut paragraphs, &mut callouts, &mut terms);
        assert!(count(&html, "<p>") >= paragraphs, "{}", lesson.id);
        assert_eq!(count(&html, "<aside class=\"callout"), callouts, "{}", lesson.id);
        assert!(count(&html, r#"class="term-definition" role="note" hidden="""#) >= terms, "{}", lesson.id);
        assert_eq!(count(&html, r#"class="term-link""#), count(&html, r#"class="term-definition""#));
    }
}

#[test]
fn pages_carry_their_own_title() {
    let html = with_title("<head><title>Kỹ năng số</title></head>", "Bài <1> · Kỹ năng số").unwrap();
    assert_eq!(html, "<head><title>Bài &lt;1&gt; · Kỹ năng số</title></head>");
    assert!(with_title("<head></head>", "x").is_err());
}

#[test]
fn lists_every_lesson_with_its_title_summary_link_and_minutes_under_its_pillar() {
    let index = index();
    let catalog = load_catalog(&root().join("i18n"), Lang::Vi).unwrap();
    let html = course_page(&index, &catalog);
    assert!(html.starts_with(r#"<div id="prerender" data-path="/"><script>"#), "{html}");
    assert!(html.ends_with("</main></div>"), "{html}");
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
fn the_course_page_opens_with_the_four_pillar_self_check_nothing_ticked() {
    let index = index();
    let catalog = load_catalog(&root().join("i18n"), Lang::Vi).unwrap();
    let html = course_page(&index, &catalog);
    let start = html.find(r#"<section class="self-check""#).expect("the self-check is on the page");
    assert!(start < html.find(r#"<section class="pillar""#).unwrap(), "before the lessons");
    let section = &html[start..start + html[start..].find("</section>").unwrap()];
    assert!(section.contains(&escape(&catalog.get("check-heading"))));
    assert_eq!(count(section, r#"type="checkbox""#), 4);
    assert_eq!(count(section, " checked"), 0, "nothing is ticked for the learner");
    for pillar in Pillar::ALL {
        let label = escape(&catalog.get(&format!("check-{}", pillar.slug())));
        let at = section.find(&format!(r#"data-check="{}""#, pillar.slug())).expect("a box per pillar");
        assert!(section[at..].contains(&label));
    }
    // Only the learned item is not the learner's to tick.
    assert_eq!(count(section, " disabled"), 1);
    assert!(section.contains(r#"data-check="ky-nang-so" disabled>"#));
    // Each item links to the lesson that helps, and the learned item says how far the learner is.
    assert!(section.contains(r#"<a href="/lesson/danh-tinh-so-vneid""#));
    assert!(section.contains(&format!(r#"<a href="/lesson/{}""#, index.lessons[0].id)));
    assert_eq!(count(section, "<a href="), 4);
    let args = [("passed", Arg::Num(0)), ("total", Arg::Num(index.lessons.len() as i64))];
    assert!(section.contains(&escape(&catalog.format("check-learned", &args))));
    // The page's script ticks, before it paints, what this learner ticked before on this device.
    // (the profile in use is the one the settings page left in `kns.profile`, or the first).
    let key = "'kns.checks.'+(localStorage.getItem('kns.profile')||'default')";
    assert_eq!(kns_core::prerender::ticks_key_js(), key);
    assert!(html.contains(&format!("localStorage.getItem({key})")), "the script reads {key}");
    // An empty course has nothing to check against.
    assert!(!course_page(&CourseIndex { lessons: vec![] }, &catalog).contains("self-check"));
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
    let catalog = load_catalog(&root().join("i18n"), Lang::Vi).unwrap();
    let own_scripts = count(&course_page(&index, &catalog), "<script>");
    index.lessons[0].translations[0].title = r#"<script>alert("x")</script> & 'y'"#.into();
    let html = course_page(&index, &catalog);
    assert_eq!(count(&html, "<script>"), own_scripts, "only the page's own scripts");
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"));
}

#[test]
fn goes_first_in_the_body_and_replaces_an_earlier_one() {
    let page = r#"<div id="prerender"><main>x</main></div>"#;
    let html = insert_into("<html><body><script></script></body></html>", page).unwrap();
    // Not the word in a comment in <head>.
    let commented = insert_into("<head><!-- into <body> --></head><body></body>", page).unwrap();
    assert!(commented.ends_with(r#"<body><div id="prerender"><main>x</main></div></body>"#), "{commented}");
    // A real page, twice: the second build replaces the first page.
    let course = course_page(&index(), &load_catalog(&root().join("i18n"), Lang::Vi).unwrap());
    let once = insert_into("<head></head><body></body>", &course).unwrap();
    let twice = insert_into(&once, &course).unwrap();
    assert_eq!(count(&twice, r#"id="prerender""#), 1);
    assert_eq!(twice, once);
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

#[test]
fn a_lesson_page_has_the_read_aloud_bar_hidden_and_a_recorded_step_names_its_file() {
    let course = course();
    let catalog = load_catalog(&root().join("i18n"), Lang::Vi).unwrap();
    let mut compiled = course.lessons.into_iter().find(|c| c.lesson.lang == Lang::Vi).unwrap();
    let html = lesson_page(&compiled, &catalog);
    // Hidden until the page's script finds a voice; its words are the catalog's.
    assert!(html.contains(
        r#"<div class="reader" id="reader" role="group" aria-label="Nghe đọc" hidden="" data-lang="vi""#
    ));
    assert!(html.contains(&format!(r#"data-pieces="{}""#, escape(kns_core::prerender::LESSON_PIECES))));
    assert!(html.contains(r#"data-at="Đoạn {$n} / {$total}""#), "the script fills the numbers in");
    assert!(html.contains(r#"<p class="reader-none" hidden="">"#));
    // A step with a recording carries its address; the recording is not shown.
    compiled.lesson.body.insert(
        0,
        Block::Steps {
            steps: vec![kns_core::content::Step {
                text: vec![Inline::Text("Cúp máy. ".into()), Inline::Audio("audio/buoc-1.mp3".into())],
            }],
        },
    );
    let html = lesson_page(&compiled, &catalog);
    let id = &compiled.lesson.id;
    assert!(html.contains(&format!(
        r#"<ol class="steps"><li data-audio="/content/{id}/audio/buoc-1.mp3">Cúp máy. </li>"#
    )));
}
