//! The content compiler: the real course compiles, and each kind of bad input fails with the
//! right file, line and reason.

use std::path::{Path, PathBuf};

use kns_core::Lang;
use kns_core::compiler::{ContentError, ContentErrorKind, compile_course, compile_lesson, content_hash};
use kns_core::content::{Block, Inline, QuestionKind, Tone};

const FRONT: &str = "---
id: bai-thu
version: 1
title: Bài thử
summary: Một bài để thử.
minutes: 5
pillar: ky-nang-so
competency: an-toan
objectives:
  - Biết thử
---
";

const QUIZ: &str = "
::: quiz

## Câu hỏi? {#q-one}
- [ ] Sai
- [x] Đúng

> Vì vậy.
";

/// A lesson with the given body (which starts on line 12) and a valid quiz.
fn with_body(body: &str) -> String {
    format!("{FRONT}{body}\n{QUIZ}")
}

fn compile(source: &str) -> Result<kns_core::content::Lesson, ContentError> {
    compile_lesson(Path::new("content/bai-thu/vi.md"), source, Lang::Vi)
}

fn error_of(source: &str) -> (usize, ContentErrorKind) {
    let e = compile(source).expect_err("this lesson must not compile");
    assert_eq!(e.file, Path::new("content/bai-thu/vi.md"));
    (e.line, e.kind)
}

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
}

#[test]
fn the_real_course_compiles_in_both_languages() {
    let course = compile_course(&content_dir()).unwrap_or_else(|errors| {
        panic!("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
    });
    let scam = course.index.lesson("nhan-dien-lua-dao").expect("the scam lesson is in the index");
    assert_eq!(scam.translations.iter().map(|t| t.lang).collect::<Vec<_>>(), Lang::ALL);
    let vi = course
        .lessons
        .iter()
        .find(|l| l.lesson.id == "nhan-dien-lua-dao" && l.lesson.lang == Lang::Vi)
        .unwrap();
    assert_eq!(vi.lesson.title, "Nhận diện cuộc gọi và tin nhắn lừa đảo");
    assert!(vi.lesson.body.iter().any(|b| matches!(b, Block::Steps { .. })), "has numbered steps");
    assert!(
        vi.lesson.body.iter().any(|b| matches!(b, Block::Callout { tone: Tone::Warning, .. })),
        "has a warning"
    );
    assert!(vi.lesson.quiz.questions.len() >= 5);
    assert_eq!(vi.hash, content_hash(&vi.lesson));
    assert_eq!(scam.translation(Lang::Vi).hash, vi.hash);
}

#[test]
fn builds_every_block_and_inline_kind() {
    let lesson = compile(&with_body(
        "## Phần một

Chữ *nghiêng*, **đậm**, `mã` và [liên kết](https://dichvucong.gov.vn).

1. Bước một
2. Bước hai

- Ý một
- Ý hai

> [!WARNING]
> Không chia sẻ mã OTP.

> [!TIP]
> Hỏi người thân.

OTP
: Mã dùng một lần.

![Màn hình điện thoại](https://example.gov.vn/a.svg)
",
    ))
    .unwrap();
    let kinds: Vec<&str> = lesson
        .body
        .iter()
        .map(|b| match b {
            Block::Heading { .. } => "heading",
            Block::Paragraph { .. } => "paragraph",
            Block::Steps { .. } => "steps",
            Block::List { .. } => "list",
            Block::Callout { tone: Tone::Warning, .. } => "warning",
            Block::Callout { tone: Tone::Tip, .. } => "tip",
            Block::Image { .. } => "image",
            Block::Term { .. } => "term",
        })
        .collect();
    assert_eq!(kinds, ["heading", "paragraph", "steps", "list", "warning", "tip", "term", "image"]);
    let Block::Paragraph { text } = &lesson.body[1] else { unreachable!() };
    assert_eq!(
        text,
        &vec![
            Inline::Text("Chữ ".into()),
            Inline::Emphasis(vec![Inline::Text("nghiêng".into())]),
            Inline::Text(", ".into()),
            Inline::Strong(vec![Inline::Text("đậm".into())]),
            Inline::Text(", ".into()),
            Inline::Code("mã".into()),
            Inline::Text(" và ".into()),
            Inline::Link {
                href: "https://dichvucong.gov.vn".into(),
                text: vec![Inline::Text("liên kết".into())]
            },
            Inline::Text(".".into()),
        ]
    );
    assert_eq!(
        lesson.body[6],
        Block::Term { term: "OTP".into(), definition: vec![Inline::Text("Mã dùng một lần.".into())] }
    );
    let q = &lesson.quiz.questions[0];
    assert_eq!(q.id, "q-one");
    assert_eq!(lesson.quiz.pass_mark, 80);
    let QuestionKind::SingleChoice { options } = &q.kind else { panic!("single choice") };
    assert_eq!(options.iter().map(|o| o.correct).collect::<Vec<_>>(), [false, true]);
    assert_eq!(q.explanation, vec![Inline::Text("Vì vậy.".into())]);
}

#[test]
fn raw_html_is_rejected_with_its_line() {
    assert_eq!(error_of(&with_body("Chữ.\n\n<script>alert(1)</script>\n")), (14, ContentErrorKind::RawHtml));
    assert_eq!(error_of(&with_body("Chữ <b>đậm</b>.\n")), (12, ContentErrorKind::RawHtml));
}

#[test]
fn links_other_than_http_are_rejected() {
    for url in ["javascript:alert(1)", "tel:113", "mailto:a@b.vn", "/lesson/x"] {
        assert_eq!(
            error_of(&with_body(&format!("\n[bấm]({url})\n"))),
            (13, ContentErrorKind::LinkScheme(url.into())),
            "{url}"
        );
    }
}

#[test]
fn images_need_alt_text_and_a_safe_source() {
    assert_eq!(error_of(&with_body("![](https://a.vn/x.svg)\n")), (12, ContentErrorKind::ImageWithoutAlt));
    assert_eq!(error_of(&with_body("Chữ ![ảnh](https://a.vn/x.svg)\n")), (12, ContentErrorKind::ImageInline));
    assert_eq!(
        error_of(&with_body("![ảnh](data:image/png;base64,AAAA)\n")),
        (12, ContentErrorKind::ImageSource("data:image/png;base64,AAAA".into()))
    );
    assert!(matches!(
        error_of(&with_body("![ảnh](khong-co.svg)\n")),
        (12, ContentErrorKind::ImageSource(ref s)) if s.contains("no such file")
    ));
}

#[test]
fn unknown_missing_and_invalid_front_matter_is_named() {
    let unknown = FRONT.replace("minutes: 5\n", "minutes: 5\nauthor: Lan\n");
    assert_eq!(error_of(&format!("{unknown}\n{QUIZ}")), (7, ContentErrorKind::UnknownKey("author".into())));
    let missing = FRONT.replace("summary: Một bài để thử.\n", "");
    assert_eq!(error_of(&format!("{missing}\n{QUIZ}")), (10, ContentErrorKind::MissingKey("summary")));
    let bad_pillar = FRONT.replace("pillar: ky-nang-so", "pillar: suc-khoe");
    assert!(matches!(
        error_of(&format!("{bad_pillar}\n{QUIZ}")),
        (7, ContentErrorKind::InvalidValue { key: "pillar", .. })
    ));
    let twice = FRONT.replace("version: 1\n", "version: 1\nversion: 2\n");
    assert_eq!(error_of(&format!("{twice}\n{QUIZ}")), (4, ContentErrorKind::DuplicateKey("version".into())));
    assert_eq!(error_of("Không có front matter.\n"), (1, ContentErrorKind::FrontMatterMissing));
}

#[test]
fn markdown_outside_the_model_is_rejected() {
    let cases = [
        ("# Tiêu đề\n", 12),
        ("```\ncode\n```\n", 12),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", 12),
        ("Chữ.\n\n---\n\nChữ.\n", 14),
        ("- một\n  - hai\n", 13),
        ("> trích dẫn\n", 12),
        ("> [!NOTE]\n> ghi chú\n", 12),
    ];
    for (body, line) in cases {
        let (got, kind) = error_of(&with_body(body));
        assert_eq!(got, line, "{body}");
        assert!(
            matches!(kind, ContentErrorKind::Unsupported(_) | ContentErrorKind::UnsupportedCallout(_)),
            "{body}: {kind:?}"
        );
    }
}

#[test]
fn quiz_errors_name_the_question_line() {
    let quiz = |q: &str| format!("{FRONT}Chữ.\n\n::: quiz\n\n{q}");
    // The first question heading is on line 16.
    assert_eq!(
        error_of(&quiz("## Hỏi? {#q-a}\n- [ ] Một\n- [ ] Hai\n\n> Giải thích.\n")),
        (16, ContentErrorKind::NoCorrectAnswer("q-a".into()))
    );
    assert_eq!(
        error_of(&quiz("## Hỏi? {#q-a}\n- [x] Một\n- [x] Hai\n\n> Giải thích.\n")),
        (16, ContentErrorKind::SeveralCorrectAnswers("q-a".into()))
    );
    assert_eq!(error_of(&quiz("## Hỏi?\n- [x] Một\n- [ ] Hai\n")), (16, ContentErrorKind::QuestionWithoutId));
    assert_eq!(
        error_of(&quiz("## Hỏi? {#q-a}\n- [x] Một\n- [ ] Hai\n")),
        (16, ContentErrorKind::MissingExplanation("q-a".into()))
    );
    assert_eq!(
        error_of(&quiz("## Hỏi? {#q-a}\n- [x] Một\n\n> Vì.\n")),
        (16, ContentErrorKind::TooFewOptions("q-a".into()))
    );
    assert_eq!(
        error_of(&quiz(
            "## A {#q-a}\n- [x] Một\n- [ ] Hai\n\n> Vì.\n\n## B {#q-a}\n- [x] Một\n- [ ] Hai\n\n> Vì.\n"
        )),
        (22, ContentErrorKind::DuplicateQuestionId("q-a".into()))
    );
    assert!(matches!(
        error_of(&quiz("## A {#q-a}\n- Một\n- [x] Hai\n\n> Vì.\n")),
        (17, ContentErrorKind::QuizSyntax(_))
    ));
    assert_eq!(error_of(&with_body("").replace("::: quiz", "")).1, ContentErrorKind::QuizMissing);
    let multiple = compile(&quiz("## Hỏi? {#q-a .multiple}\n- [x] Một\n- [x] Hai\n\n> Vì.\n")).unwrap();
    assert!(matches!(multiple.quiz.questions[0].kind, QuestionKind::MultipleChoice { .. }));
}

/// A throwaway course folder under the system's temp dir, removed on drop.
struct TempCourse(PathBuf);

impl TempCourse {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("kns-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("bai-thu")).unwrap();
        TempCourse(dir)
    }

    fn write(&self, file: &str, text: &str) {
        std::fs::write(self.0.join("bai-thu").join(file), text).unwrap();
    }
}

impl Drop for TempCourse {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_lesson_missing_in_one_language_is_an_error_naming_the_file() {
    let course = TempCourse::new("missing");
    course.write("vi.md", &with_body("Chữ.\n"));
    let errors = compile_course(&course.0).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file, course.0.join("bai-thu/en.md"));
    assert_eq!(errors[0].kind, ContentErrorKind::MissingTranslation(Lang::En));
}

#[test]
fn a_translation_must_match_the_source_quiz_and_folder() {
    let course = TempCourse::new("mismatch");
    course.write("vi.md", &with_body("Chữ.\n"));
    course.write("en.md", &with_body("Text.\n").replace("- [ ] Sai\n- [x] Đúng", "- [x] False\n- [ ] True"));
    let errors = compile_course(&course.0).unwrap_err();
    assert_eq!(errors[0].file, course.0.join("bai-thu/en.md"));
    assert_eq!(errors[0].line, 17);
    assert!(matches!(errors[0].kind, ContentErrorKind::TranslationMismatch(_)));

    let renamed = TempCourse::new("renamed");
    renamed.write("vi.md", &with_body("Chữ.\n").replace("id: bai-thu", "id: bai-khac"));
    renamed.write("en.md", &with_body("Text.\n"));
    let errors = compile_course(&renamed.0).unwrap_err();
    assert_eq!(errors[0].line, 2);
    assert!(matches!(errors[0].kind, ContentErrorKind::IdMismatch { .. }));
}

#[test]
fn the_hash_changes_with_the_text_and_nothing_else() {
    let a = compile(&with_body("Chữ.\n")).unwrap();
    let b = compile(&with_body("Chữ.\n")).unwrap();
    let c = compile(&with_body("Chữ khác.\n")).unwrap();
    assert_eq!(content_hash(&a), content_hash(&b));
    assert_ne!(content_hash(&a), content_hash(&c));
    assert_eq!(content_hash(&a).len(), 64);
}

#[test]
fn errors_print_as_file_line_reason() {
    let e = compile(&with_body("<b>x</b>\n")).unwrap_err();
    assert_eq!(e.to_string(), "content/bai-thu/vi.md:12: raw HTML is not allowed in lessons");
}
