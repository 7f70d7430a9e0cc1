//! The course page and each lesson page as static HTML, written at build time.
//!
//! On a cheap phone on mobile data, a page that waits for its wasm paints nothing for seconds.
//! The build therefore puts the course page (header, lesson titles and summaries, grouped by
//! pillar) into `index.html`, and each lesson's page into `lesson/<id>/index.html`, where they
//! paint at once; the app then builds the same page and swaps it in without a visible jump (see
//! `kns-app`'s `platform::takeover`). The markup here must be the markup the app's pages make:
//! same elements, same classes, same text. An e2e test measures the layout shift of the swap
//! and fails if the two drift apart. Static pages are Vietnamese; a small script inside each
//! hides it before it paints where the app will show something else.

use std::fmt::Write;

use crate::Lang;
use crate::checklist::{self, Ticks};
use crate::content::{Block, CompiledLesson, CourseIndex, Inline, Lesson, LessonSummary, Tone};
use crate::i18n::{Arg, Catalog};
use crate::progress::DEFAULT_PROFILE;
use crate::route::{Route, SETTINGS, image_url};

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

/// The event the app sends (on `document`) when its page is complete and may replace the
/// static one.
pub const TAKEOVER_EVENT: &str = "kns-takeover";

/// The first thing inside the static page, run before it paints. It:
/// - hides the page where the app will show something else (the address is not the page's, or
///   English was chosen on this device);
/// - makes the page's buttons work before the app has loaded: a glossary word shows its
///   definition, a language button remembers the choice (the app reads it when it takes over);
/// - on the app's `kns-takeover` event, in the next animation frame, removes the page and shows
///   the app's `<div id="app">`, with the focus on the same link or box, the same glossary
///   definitions open, and every self-check box the learner ticked or unticked meanwhile
///   changed in the app too (by a click, so the app saves it); a language chosen on the page
///   after the app read the choice is chosen in the app too (by a click on its button). (This is script here rather
///   than Rust in the app: it costs 0.4 KB of HTML instead of 1.5 KB of wasm, and the wasm is
///   at its budget.)
const GUARD: &str = concat!(
    "<script>(function(){var p=document.currentScript.parentNode,g;",
    "p.addEventListener('click',function(e){var b=e.target.closest('button');if(!b)return;",
    "if(b.classList.contains('term-link')){var o=b.getAttribute('aria-expanded')!=='true';",
    "b.setAttribute('aria-expanded',o);document.getElementById(b.getAttribute('aria-controls')).hidden=!o}",
    "else if(b.lang){g=b.lang;try{localStorage.setItem('kns.lang',b.lang)}catch(x){}",
    "p.querySelectorAll('.lang-switch button').forEach(function(x){x.setAttribute('aria-pressed',x===b)})}});",
    "document.addEventListener('kns-takeover',function(){requestAnimationFrame(function(){",
    "var a=document.getElementById('app');if(!p.isConnected||!a)return;",
    "var f=document.activeElement,h=p.contains(f)&&f.getAttribute('href'),k=p.contains(f)&&f.dataset.check,",
    "L=function(r){return[].filter.call(r.querySelectorAll('a[href]'),function(l){return l.getAttribute('href')===h})},",
    "n=h?L(p).indexOf(f):-1,",
    "o=[].map.call(p.querySelectorAll('.term-link'),function(t){return t.getAttribute('aria-expanded')==='true'}),",
    "c=[].filter.call(p.querySelectorAll('[data-check]'),function(i){return i.checked!==i.defaultChecked});",
    "p.remove();a.hidden=false;",
    "a.querySelectorAll('.term-link').forEach(function(t,i){if(o[i])t.click()});",
    "c.forEach(function(i){var x=a.querySelector('[data-check=\"'+i.dataset.check+'\"]');if(x&&x.checked!==i.checked)x.click()});",
    "if(g){var s=a.querySelector('.lang-switch button[lang=\"'+g+'\"]');if(s&&s.getAttribute('aria-pressed')!=='true')s.click()}",
    "if(k){var y=a.querySelector('[data-check=\"'+k+'\"]');if(y)y.focus()}",
    "var m=L(a);if(n>=0&&m.length)m[Math.min(n,m.length-1)].focus()})});",
    "try{if(location.pathname!==p.dataset.path||localStorage.getItem('kns.lang')==='en')p.hidden=true}catch(x){}",
    "})()</script>"
);

/// The page around `main`: the static page's wrapper, the skip link and the header, as the app's
/// `App` and `Header` make them.
fn shell(route: &Route, catalog: &Catalog, main: &str) -> String {
    let lang = catalog.lang();
    let t = |id: &str| escape(&catalog.get(id));
    let mut html = String::new();
    let _ = write!(
        html,
        r##"<div id="{PRERENDER_ID}" data-path="{}">{GUARD}<a class="skip-link" href="#main">{}</a>"##,
        escape(&route.href()),
        t("skip-to-content")
    );
    let _ = write!(
        html,
        r#"<header class="app-header"><a href="{}" class="brand">{}</a><a class="header-link" href="{SETTINGS}">{}</a><div class="lang-switch" role="group" aria-label="{}">"#,
        Route::Course.href(),
        t("app-title"),
        t("settings-link"),
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
        r#"</div></header><main id="main" tabindex="-1">{}{main}</main></div>"#,
        help(route, catalog)
    );
    html
}

/// The "Cần giúp đỡ?" panel at the top of a page (the app's `components::help::Help`).
pub fn help(route: &Route, catalog: &Catalog) -> String {
    format!(
        r#"<details class="help"><summary>{}</summary><p>{}</p></details>"#,
        escape(&catalog.get("help-summary")),
        escape(&catalog.get(route.help_id()))
    )
}

/// The course page in the catalog's language: skip link, header and the lessons by pillar,
/// wrapped in `<div id="prerender">`.
pub fn course_page(index: &CourseIndex, catalog: &Catalog) -> String {
    let t = |id: &str| escape(&catalog.get(id));
    let mut main = String::new();
    let _ = write!(main, r#"<h1>{}</h1><p class="lead">{}</p>"#, t("course-heading"), t("course-intro"));
    if index.lessons.is_empty() {
        let _ = write!(main, "<p>{}</p>", t("course-empty"));
    } else {
        self_check(&mut main, index, catalog);
    }
    for (pillar, lessons) in index.by_pillar() {
        let heading = t(&format!("pillar-{}", pillar.slug()));
        let _ = write!(
            main,
            r#"<section class="pillar" aria-label="{heading}"><h2>{heading}</h2><ul class="lessons">"#
        );
        for lesson in lessons {
            lesson_card(&mut main, lesson, catalog);
        }
        main.push_str("</ul></section>");
    }
    shell(&Route::Course, catalog, &main)
}

/// A lesson page, as the app's `LessonPage` and `Blocks` make it. Glossary words are buttons
/// whose definitions stay hidden until the app has taken over.
pub fn lesson_page(compiled: &CompiledLesson, catalog: &Catalog) -> String {
    let lesson = &compiled.lesson;
    let t = |id: &str| escape(&catalog.get(id));
    let num = |n: usize| Arg::Num(n as i64);
    let mut main = String::new();
    let _ = write!(
        main,
        r#"<p class="back"><a href="{}" class="">{}</a></p><article class="lesson" lang="{}"><h1>{}</h1><p class="lead">{}</p><p class="lesson-meta">{}</p>"#,
        Route::Course.href(),
        t("lesson-back"),
        lesson.lang.code(),
        escape(&lesson.title),
        escape(&lesson.summary),
        escape(&catalog.format("lesson-minutes", &[("minutes", num(lesson.minutes as usize))]))
    );
    let _ =
        write!(main, r#"<section class="objectives"><h2>{}</h2><ul class="list">"#, t("lesson-objectives"));
    for objective in &lesson.objectives {
        let _ = write!(main, "<li>{}</li>", escape(objective));
    }
    main.push_str("</ul></section>");
    let mut body = Body { out: &mut main, lesson, catalog, terms: 0 };
    for block in &lesson.body {
        body.block(block);
    }
    let about = catalog.format(
        "quiz-about",
        &[("count", num(lesson.quiz.questions.len())), ("pass", num(lesson.quiz.pass_mark as usize))],
    );
    let _ = write!(
        main,
        r#"<section class="quiz-start"><h2>{}</h2><p>{}</p><a href="{}" class="button">{}</a></section></article>"#,
        t("quiz-heading"),
        escape(&about),
        escape(&Route::Quiz(lesson.id.clone()).href()),
        t("quiz-start")
    );
    main.push_str(&reader(catalog, lesson.lang, LESSON_PIECES));
    shell(&Route::Lesson(lesson.id.clone()), catalog, &main)
}

/// What read-aloud reads on a lesson page, in order (a CSS selector).
pub const LESSON_PIECES: &str = "article.lesson :is(h1, h2, h3, p, li, figure, dl)";
/// What read-aloud reads of a quiz question, in order (a CSS selector).
pub const QUESTION_PIECES: &str =
    ".question :is(h1, .question-context, legend, .hint, .choice, .tile, .message-part, .feedback p)";

/// Read-aloud's bar (the app's `components::reader::Reader`), hidden until the page's script
/// (`app/reader.js`) finds a voice; then the sentence after it, shown if there is none.
pub fn reader(catalog: &Catalog, lang: Lang, pieces: &str) -> String {
    let t = |id: &str| escape(&catalog.get(id));
    format!(
        concat!(
            r#"<div class="reader" id="reader" role="group" aria-label="{label}" hidden="" data-lang="{lang}" "#,
            r#"data-pieces="{pieces}" data-play="{play}" data-pause="{pause}" data-resume="{resume}" "#,
            r#"data-again="{again}" data-at="{at}" data-end="{end}" data-none="{none}">"#,
            r#"<button type="button" class="button" id="reader-main">{play}</button>"#,
            r#"<button type="button" class="button secondary" id="reader-next" hidden="">{next}</button>"#,
            r#"<p class="reader-at" id="reader-at" aria-live="polite"></p></div>"#,
            r#"<p class="reader-none" hidden="">{none}</p>"#
        ),
        label = t("reader-label"),
        lang = lang.code(),
        pieces = escape(pieces),
        play = t("reader-play"),
        pause = t("reader-pause"),
        resume = t("reader-resume"),
        again = t("reader-again"),
        at = t("reader-at"),
        end = t("reader-end"),
        none = t("reader-none"),
        next = t("reader-next"),
    )
}

/// Writes a lesson body (kns-core's closed set of blocks and inlines) as HTML.
struct Body<'a> {
    out: &'a mut String,
    lesson: &'a Lesson,
    catalog: &'a Catalog,
    /// Glossary words so far, to give each definition its own id.
    terms: usize,
}

impl Body<'_> {
    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level: 2, text } => self.wrap("<h2>", text, "</h2>"),
            Block::Heading { text, .. } => self.wrap("<h3>", text, "</h3>"),
            Block::Paragraph { text } => self.piece("p", text),
            Block::Steps { steps } => {
                self.out.push_str(r#"<ol class="steps">"#);
                for step in steps {
                    self.piece("li", &step.text);
                }
                self.out.push_str("</ol>");
            }
            Block::List { items } => {
                self.out.push_str(r#"<ul class="list">"#);
                for item in items {
                    self.piece("li", item);
                }
                self.out.push_str("</ul>");
            }
            Block::Callout { tone, body } => {
                let (class, label) = match tone {
                    Tone::Warning => ("callout warning", "callout-warning"),
                    Tone::Tip => ("callout tip", "callout-tip"),
                };
                let label = escape(&self.catalog.get(label));
                let _ = write!(self.out, r#"<aside class="{class}"><p class="callout-label">{label}</p>"#);
                for block in body {
                    self.block(block);
                }
                self.out.push_str("</aside>");
            }
            Block::Image { src, alt } => {
                let _ = write!(
                    self.out,
                    r#"<figure class="picture"><img src="{}" alt="{}" loading="lazy"></figure>"#,
                    escape(&image_url(&self.lesson.id, src)),
                    escape(alt)
                );
            }
            Block::Term { term, definition } => {
                let label = escape(&self.catalog.get("glossary-label"));
                let _ = write!(
                    self.out,
                    r#"<dl class="term"><dt><span class="term-label">{label}</span><dfn>{}</dfn></dt>"#,
                    escape(term)
                );
                self.wrap("<dd>", definition, "</dd></dl>");
            }
        }
    }

    /// A paragraph, step or list item: with the address of its recording, if it has one, for
    /// read-aloud.
    fn piece(&mut self, tag: &str, text: &[Inline]) {
        let open = match Inline::recording(text) {
            Some(src) => format!(r#"<{tag} data-audio="{}">"#, escape(&image_url(&self.lesson.id, src))),
            None => format!("<{tag}>"),
        };
        self.wrap(&open, text, &format!("</{tag}>"));
    }

    fn wrap(&mut self, open: &str, text: &[Inline], close: &str) {
        self.out.push_str(open);
        self.inlines(text);
        self.out.push_str(close);
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        for inline in inlines {
            match inline {
                Inline::Text(text) => self.out.push_str(&escape(text)),
                Inline::Emphasis(inner) => self.wrap("<em>", inner, "</em>"),
                Inline::Strong(inner) => self.wrap("<strong>", inner, "</strong>"),
                Inline::Code(code) => {
                    let _ = write!(self.out, "<code>{}</code>", escape(code));
                }
                Inline::Link { href, text } => {
                    let open =
                        format!(r#"<a href="{}" rel="noopener noreferrer" target="_blank">"#, escape(href));
                    self.wrap(&open, text, "</a>");
                }
                Inline::Audio(_) => {}
                Inline::Term { id, text } => match self.lesson.glossary.iter().find(|e| &e.id == id) {
                    Some(entry) => {
                        let definition_id = format!("term-{}-static-{}", entry.id, self.terms);
                        self.terms += 1;
                        let open = format!(
                            r#"<button type="button" class="term-link" aria-expanded="false" aria-controls="{}">"#,
                            escape(&definition_id)
                        );
                        self.wrap(&open, text, "</button>");
                        let open = format!(
                            r#"<span id="{}" class="term-definition" role="note" hidden=""><strong>{}</strong>: "#,
                            escape(&definition_id),
                            escape(&entry.term)
                        );
                        self.wrap(&open, &entry.definition, "</span>");
                    }
                    None => self.inlines(text),
                },
            }
        }
    }
}

/// The four-pillar self-check as the app's `pages::course::self_check` makes it for a learner who has ticked
/// nothing and passed nothing. (What the learner ticks before the app has taken over is carried
/// over by the page's script: see [`GUARD`].)
fn self_check(html: &mut String, index: &CourseIndex, catalog: &Catalog) {
    let t = |id: &str| escape(&catalog.get(id));
    let _ = write!(
        html,
        r#"<section class="self-check" aria-labelledby="self-check-heading"><h2 id="self-check-heading">{}</h2><p>{}</p><ul class="checks">"#,
        t("check-heading"),
        t("check-intro")
    );
    let (passed, total) = checklist::lessons_passed(index, |_| false);
    for item in checklist::items(index, Ticks::default(), |_| false) {
        let slug = item.pillar.slug();
        let learned = item.pillar == checklist::LEARNED;
        let _ = write!(
            html,
            r#"<li><label class="check"><input type="checkbox" data-check="{slug}"{}><span>{}</span></label><p class="check-help">"#,
            if learned { " disabled" } else { "" },
            t(&format!("check-{slug}"))
        );
        if learned {
            let args = [("passed", Arg::Num(passed as i64)), ("total", Arg::Num(total as i64))];
            let _ = write!(
                html,
                r#"<span class="check-status">{}</span>"#,
                escape(&catalog.format("check-learned", &args))
            );
        }
        if let Some(lesson) = item.help {
            let _ = write!(
                html,
                r#"<span>{}</span><a href="{}" class="">{}</a>"#,
                t(if learned { "check-next" } else { "check-help" }),
                escape(&Route::Lesson(lesson.id.clone()).href()),
                escape(&lesson.translation(catalog.lang()).title)
            );
        }
        html.push_str("</p></li>");
    }
    // Right after the boxes are parsed, before they paint: tick what this learner ticked before
    // on this device, so no box flips when the app takes over.
    const TICK: &str = ")||'').split(' ').forEach(function(s){var i=s&&document.querySelector('#prerender [data-check=\"'+s+'\"]:not([disabled])');if(i)i.checked=i.defaultChecked=true})}catch(x){}";
    let _ =
        write!(html, "</ul><script>try{{(localStorage.getItem({}{TICK}</script></section>", ticks_key_js());
}

/// A script expression for the key of the ticks of the profile in use (see
/// [`checklist::storage_key`] and [`crate::profile::CURRENT_KEY`]).
pub fn ticks_key_js() -> String {
    let prefix = checklist::storage_key("");
    format!("'{prefix}'+(localStorage.getItem('{}')||'{DEFAULT_PROFILE}')", crate::profile::CURRENT_KEY)
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

/// `index.html` with another `<title>` (the app sets the same one when it takes over).
pub fn with_title(index_html: &str, title: &str) -> Result<String, String> {
    let start = index_html.find("<title>").ok_or("index.html has no <title>")? + "<title>".len();
    let end = index_html[start..].find("</title>").ok_or("index.html has no </title>")? + start;
    Ok(format!("{}{}{}", &index_html[..start], escape(title), &index_html[end..]))
}

/// `index.html` with the static page as the first thing in `<body>`, in place of the one an
/// earlier run put there.
pub fn insert_into(index_html: &str, page: &str) -> Result<String, String> {
    let start = format!(r#"<div id="{PRERENDER_ID}""#);
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
