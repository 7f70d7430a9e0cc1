//! The content compiler: the real course compiles, and each kind of bad input fails with the
//! right file, line and reason.

use std::path::{Path, PathBuf};

use kns_core::Lang;
use kns_core::compiler::{
    ContentError, ContentErrorKind, Glossary, compile_course, compile_glossary, compile_lesson, content_hash,
};
use kns_core::content::{Block, GlossaryEntry, Inline, Pair, QuestionKind, Tone};

const FRONT: &str = "---
id: bai-thu
version: 1
title: Bài thử
summary: Một bài để thử.
minutes: 5
pillar: ky-nang-so
competency: an-toan
basic_skill: tu-bao-ve
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

/// A lesson with the given body (which starts on line 13) and a valid quiz.
fn with_body(body: &str) -> String {
    format!("{FRONT}{body}\n{QUIZ}")
}

fn compile(source: &str) -> Result<kns_core::content::Lesson, ContentError> {
    compile_lesson(Path::new("content/bai-thu/vi.md"), source, Lang::Vi, &glossary())
}

fn glossary() -> Glossary {
    compile_glossary(Path::new("content/glossary/vi.md"), "## OTP {#otp}\n\nMã dùng một lần.\n").unwrap()
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
    assert_eq!(error_of(&with_body("Chữ.\n\n<script>alert(1)</script>\n")), (15, ContentErrorKind::RawHtml));
    assert_eq!(error_of(&with_body("Chữ <b>đậm</b>.\n")), (13, ContentErrorKind::RawHtml));
}

#[test]
fn links_other_than_http_are_rejected() {
    for url in ["javascript:alert(1)", "tel:113", "mailto:a@b.vn", "/lesson/x"] {
        assert_eq!(
            error_of(&with_body(&format!("\n[bấm]({url})\n"))),
            (14, ContentErrorKind::LinkScheme(url.into())),
            "{url}"
        );
    }
}

#[test]
fn images_need_alt_text_and_a_safe_source() {
    assert_eq!(error_of(&with_body("![](https://a.vn/x.svg)\n")), (13, ContentErrorKind::ImageWithoutAlt));
    assert_eq!(error_of(&with_body("Chữ ![ảnh](https://a.vn/x.svg)\n")), (13, ContentErrorKind::ImageInline));
    assert_eq!(
        error_of(&with_body("![ảnh](data:image/png;base64,AAAA)\n")),
        (13, ContentErrorKind::ImageSource("data:image/png;base64,AAAA".into()))
    );
    assert!(matches!(
        error_of(&with_body("![ảnh](khong-co.svg)\n")),
        (13, ContentErrorKind::ImageSource(ref s)) if s.contains("no such file")
    ));
}

#[test]
fn unknown_missing_and_invalid_front_matter_is_named() {
    let unknown = FRONT.replace("minutes: 5\n", "minutes: 5\nauthor: Lan\n");
    assert_eq!(error_of(&format!("{unknown}\n{QUIZ}")), (7, ContentErrorKind::UnknownKey("author".into())));
    let missing = FRONT.replace("summary: Một bài để thử.\n", "");
    assert_eq!(error_of(&format!("{missing}\n{QUIZ}")), (11, ContentErrorKind::MissingKey("summary")));
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
        ("# Tiêu đề\n", 13),
        ("```\ncode\n```\n", 13),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", 13),
        ("Chữ.\n\n---\n\nChữ.\n", 15),
        ("- một\n  - hai\n", 14),
        ("> trích dẫn\n", 13),
        ("> [!NOTE]\n> ghi chú\n", 13),
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
    // The first question heading is on line 17.
    assert_eq!(
        error_of(&quiz("## Hỏi? {#q-a}\n- [ ] Một\n- [ ] Hai\n\n> Giải thích.\n")),
        (17, ContentErrorKind::NoCorrectAnswer("q-a".into()))
    );
    assert_eq!(
        error_of(&quiz("## Hỏi? {#q-a}\n- [x] Một\n- [x] Hai\n\n> Giải thích.\n")),
        (17, ContentErrorKind::SeveralCorrectAnswers("q-a".into()))
    );
    assert_eq!(error_of(&quiz("## Hỏi?\n- [x] Một\n- [ ] Hai\n")), (17, ContentErrorKind::QuestionWithoutId));
    assert_eq!(
        error_of(&quiz("## Hỏi? {#q-a}\n- [x] Một\n- [ ] Hai\n")),
        (17, ContentErrorKind::MissingExplanation("q-a".into()))
    );
    assert_eq!(
        error_of(&quiz("## Hỏi? {#q-a}\n- [x] Một\n\n> Vì.\n")),
        (17, ContentErrorKind::TooFewOptions("q-a".into()))
    );
    assert_eq!(
        error_of(&quiz(
            "## A {#q-a}\n- [x] Một\n- [ ] Hai\n\n> Vì.\n\n## B {#q-a}\n- [x] Một\n- [ ] Hai\n\n> Vì.\n"
        )),
        (23, ContentErrorKind::DuplicateQuestionId("q-a".into()))
    );
    assert!(matches!(
        error_of(&quiz("## A {#q-a}\n- Một\n- [x] Hai\n\n> Vì.\n")),
        (18, ContentErrorKind::QuizSyntax(_))
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
        std::fs::write(dir.join("order.txt"), "bai-thu\n").unwrap();
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
    assert_eq!(errors[0].line, 18);
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
    assert_eq!(e.to_string(), "content/bai-thu/vi.md:13: raw HTML is not allowed in lessons");
}

#[test]
fn every_question_kind_compiles_from_its_markdown() {
    let lesson = compile(&format!(
        "{FRONT}Chữ.\n\n::: quiz\n
## Công an có gọi điện bắt chuyển tiền không? {{#q-tf .false}}

> Không bao giờ.

## Xếp các bước theo thứ tự {{#q-order .order}}
1. Cúp máy
2. Gọi lại số đã biết
3. Báo công an

> Cúp máy trước.

## Nối từ với nghĩa {{#q-match .match}}
OTP
: Mã dùng một lần

VNeID
: Ứng dụng định danh

> Hai từ hay gặp.

## Chỗ nào đáng ngờ? {{#q-spot .spot}}
Bạn nhận được tin nhắn này:
- [ ] Chào bạn,
- [x] tài khoản sẽ bị khóa sau 24 giờ.
- [x] Bấm vào http://vcb-xacminh.top để giữ tài khoản.

> Dọa khóa và đường link lạ.
"
    ))
    .unwrap();
    let kinds: Vec<&str> = lesson.quiz.questions.iter().map(|q| q.kind.name()).collect();
    assert_eq!(kinds, ["true-false", "order", "match", "spot"]);
    let q = &lesson.quiz.questions;
    assert_eq!(q[0].kind, QuestionKind::TrueFalse { answer: false });
    let QuestionKind::Order { steps } = &q[1].kind else { unreachable!() };
    assert_eq!(steps[2], vec![Inline::Text("Báo công an".into())]);
    let QuestionKind::Match { pairs } = &q[2].kind else { unreachable!() };
    assert_eq!(
        pairs[1],
        Pair {
            left: vec![Inline::Text("VNeID".into())],
            right: vec![Inline::Text("Ứng dụng định danh".into())]
        }
    );
    let QuestionKind::SpotTheScam { parts } = &q[3].kind else { unreachable!() };
    assert_eq!(parts.iter().map(|p| p.correct).collect::<Vec<_>>(), [false, true, true]);
    assert_eq!(q[3].context, vec![vec![Inline::Text("Bạn nhận được tin nhắn này:".into())]]);
}

#[test]
fn a_question_whose_answers_do_not_fit_its_kind_is_named() {
    let quiz = |q: &str| format!("{FRONT}Chữ.\n\n::: quiz\n\n{q}");
    let cases = [
        "## A {#q-a .order}\n- [x] Một\n- [ ] Hai\n\n> Vì.\n",
        "## A {#q-a .true}\n- [x] Đúng\n- [ ] Sai\n\n> Vì.\n",
        "## A {#q-a .match}\n1. Một\n2. Hai\n\n> Vì.\n",
        "## A {#q-a .multiple}\nOTP\n: Mã\n\nPIN\n: Số\n\n> Vì.\n",
        "## A {#q-a .nonsense}\n- [x] Một\n- [ ] Hai\n\n> Vì.\n",
        "## A {#q-a .spot}\n- [x] Một\n- [x] Hai\n\n> Vì.\n",
    ];
    for case in cases {
        let (line, kind) = error_of(&quiz(case));
        assert_eq!(line, 17, "{case}");
        assert!(matches!(kind, ContentErrorKind::QuizSyntax(_)), "{case}: {kind:?}");
    }
    assert_eq!(
        error_of(&quiz("## A {#q-a .spot}\n- [ ] Một\n- [ ] Hai\n\n> Vì.\n")),
        (17, ContentErrorKind::NoCorrectAnswer("q-a".into()))
    );
    assert_eq!(
        error_of(&quiz("## A {#q-a .order}\n1. Một\n\n> Vì.\n")),
        (17, ContentErrorKind::TooFewOptions("q-a".into()))
    );
}

#[test]
fn glossary_links_become_terms_and_carry_their_entries() {
    let lesson = compile(&with_body("Đừng đưa [mã OTP](#otp) cho ai. Nhắc lại: [OTP](#otp).\n")).unwrap();
    let Block::Paragraph { text } = &lesson.body[0] else { unreachable!() };
    assert_eq!(text[1], Inline::Term { id: "otp".into(), text: vec![Inline::Text("mã OTP".into())] });
    assert_eq!(
        lesson.glossary,
        vec![GlossaryEntry {
            id: "otp".into(),
            term: "OTP".into(),
            definition: vec![Inline::Text("Mã dùng một lần.".into())]
        }]
    );
    assert_eq!(
        error_of(&with_body("Xem [QR](#qr).\n")),
        (13, ContentErrorKind::UnknownGlossaryId("qr".into()))
    );
}

#[test]
fn a_malformed_glossary_is_named_with_its_line() {
    let file = Path::new("content/glossary/vi.md");
    let no_id = compile_glossary(file, "## OTP\n\nMã.\n").unwrap_err();
    assert_eq!((no_id.line, matches!(no_id.kind, ContentErrorKind::GlossarySyntax(_))), (1, true));
    let empty = compile_glossary(file, "## OTP {#otp}\n\n## PIN {#pin}\n\nSố bí mật.\n").unwrap_err();
    assert_eq!(empty.line, 1);
    let twice = compile_glossary(file, "## OTP {#otp}\n\nMã.\n\n## OTP {#otp}\n\nMã.\n").unwrap_err();
    assert_eq!(twice.line, 5);
    let list = compile_glossary(file, "## OTP {#otp}\n\n- Mã\n").unwrap_err();
    assert_eq!(list.line, 3);
}

#[test]
fn the_course_order_must_name_every_lesson_once() {
    let course = TempCourse::new("order");
    course.write("vi.md", &with_body("Chữ.\n"));
    course.write("en.md", &with_body("Text.\n"));
    assert!(compile_course(&course.0).is_ok());
    std::fs::write(course.0.join("order.txt"), "# thứ tự\nbai-thu\nbai-khac\nbai-thu\n").unwrap();
    let errors = compile_course(&course.0).unwrap_err();
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 4]);
    assert!(errors.iter().all(|e| matches!(e.kind, ContentErrorKind::CourseOrder(_))));
    std::fs::write(course.0.join("order.txt"), "\n").unwrap();
    let errors = compile_course(&course.0).unwrap_err();
    assert_eq!(errors[0].kind, ContentErrorKind::CourseOrder("lesson `bai-thu` is not listed".into()));
}

#[test]
fn sentences_split_at_end_punctuation_but_not_inside_names_and_numbers() {
    use kns_core::compiler::sentences;
    assert_eq!(
        sentences("Vào dichvucong.gov.vn ở TP.HCM. Phí là 1.000.000 đồng! Bạn hiểu chưa? \"Rồi.\" Xong"),
        ["Vào dichvucong.gov.vn ở TP.HCM.", "Phí là 1.000.000 đồng!", "Bạn hiểu chưa?", "\"Rồi.\"", "Xong"]
    );
}

#[test]
fn the_plain_language_lint_fails_long_vietnamese_sentences_and_paragraphs_with_their_line() {
    let long = vec!["chữ"; 26].join(" ") + ".";
    let (line, kind) = error_of(&with_body(&format!("Câu ngắn.\n\n{long}\n")));
    assert_eq!(line, 15);
    assert!(matches!(kind, ContentErrorKind::SentenceTooLong { words: 26, .. }), "{kind:?}");
    let ok = vec!["chữ"; 25].join(" ") + ".";
    assert!(compile(&with_body(&format!("{ok}\n"))).is_ok());

    let (line, kind) = error_of(&with_body("1. Một. Hai. Ba. Bốn. Năm.\n"));
    assert_eq!((line, kind), (13, ContentErrorKind::ParagraphTooLong { sentences: 5 }));

    // English is not held to the Vietnamese rule.
    let english = compile_lesson(
        Path::new("content/bai-thu/en.md"),
        &with_body(&format!("{long}\n")),
        Lang::En,
        &glossary(),
    );
    assert!(english.is_ok());
}

#[test]
fn unexplained_loanwords_are_warnings_not_errors() {
    let course = TempCourse::new("loanwords");
    course.write("vi.md", &with_body("Mở app ngân hàng. Nhập mã OTP.\n\nOTP\n: Mã dùng một lần.\n"));
    course.write("en.md", &with_body("Open the bank app. Enter the OTP.\n\nOTP\n: A one-time code.\n"));
    let compiled = compile_course(&course.0).expect("warnings do not fail the build");
    let words: Vec<String> = compiled.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(words.len(), 1, "{words:?}");
    assert!(words[0].ends_with("bai-thu/vi.md:13: warning: \"app\" is an English word; link it to the glossary or explain it in the lesson"), "{words:?}");
}

/// A lesson folder on disk with a recording in it, and the lesson compiled from `body` there.
fn compile_with_recording(body: &str) -> Result<kns_core::content::Lesson, ContentError> {
    let folder = std::env::temp_dir().join(format!("kns-audio-{}", std::process::id())).join("bai-thu");
    std::fs::create_dir_all(folder.join("audio")).unwrap();
    std::fs::write(folder.join("audio/buoc-1.mp3"), b"ID3").unwrap();
    compile_lesson(&folder.join("vi.md"), &with_body(body), Lang::Vi, &glossary())
}

#[test]
fn a_step_paragraph_or_item_may_end_with_its_recording_and_nowhere_else() {
    let lesson = compile_with_recording(
        "1. Cúp máy. [nghe](audio/buoc-1.mp3)\n2. Gọi ngân hàng.\n\nĐoạn văn. [nghe](audio/buoc-1.mp3)\n\n- Mục. [nghe](audio/buoc-1.mp3)\n",
    )
    .expect("compiles");
    let Block::Steps { steps } = &lesson.body[0] else { panic!("steps first") };
    assert_eq!(
        steps[0].text,
        vec![Inline::Text("Cúp máy. ".into()), Inline::Audio("audio/buoc-1.mp3".into())]
    );
    assert_eq!(Inline::recording(&steps[0].text), Some("audio/buoc-1.mp3"));
    assert_eq!(Inline::plain_text(&steps[0].text), "Cúp máy. ", "a recording is never read or shown as text");
    assert_eq!(Inline::recording(&steps[1].text), None);
    let Block::Paragraph { text } = &lesson.body[1] else { panic!("a paragraph") };
    assert_eq!(Inline::recording(text), Some("audio/buoc-1.mp3"));
    let Block::List { items } = &lesson.body[2] else { panic!("a list") };
    assert_eq!(Inline::recording(&items[0]), Some("audio/buoc-1.mp3"));

    let place = |body: &str| compile_with_recording(body).map(|_| ()).map_err(|e| (e.line, e.kind));
    assert_eq!(place("1. [nghe](audio/buoc-1.mp3) Cúp máy.\n"), Err((13, ContentErrorKind::AudioPlace)));
    assert_eq!(
        place("Một. [nghe](audio/buoc-1.mp3) Hai. [nghe](audio/buoc-1.mp3)\n"),
        Err((13, ContentErrorKind::AudioPlace))
    );
    assert_eq!(place("## Tiêu đề [nghe](audio/buoc-1.mp3)\n"), Err((13, ContentErrorKind::AudioPlace)));
    assert_eq!(
        place("Đoạn.\n\nCâu. [nghe](audio/khong-co.mp3)\n"),
        Err((15, ContentErrorKind::AudioSource("audio/khong-co.mp3 (no such file)".into())))
    );
    assert_eq!(place("Câu. [nghe](../x.mp3)\n"), Err((13, ContentErrorKind::AudioSource("../x.mp3".into()))));
    // A link to an audio file on the web is a link, as any other.
    assert!(place("Nghe [đây](https://a.vn/x.mp3).\n").is_ok());
}
