//! The content compiler: lesson Markdown in, the typed model of [`crate::content`] out.
//!
//! It runs at build time (`cargo xtask content`), never in the browser. A lesson file is front
//! matter between `---` lines, a body, a line `::: quiz`, and the quiz. Everything outside the
//! closed model is an error that names the file and the line, so an author can fix it at once:
//! raw HTML, links that are not http(s), images without alt text, unknown front-matter keys,
//! a lesson missing in one language, a question with no right answer, and so on
//! ([`ContentErrorKind`] lists them all).

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use pulldown_cmark::{BlockQuoteKind, Event, HeadingLevel, Options, Parser, Tag};
use sha2::{Digest, Sha256};

use crate::Lang;
use crate::content::{
    BasicSkill, Block, Choice, Competency, CompiledLesson, CourseIndex, GlossaryEntry, Inline, Lesson,
    LessonSummary, Pair, Pillar, Question, QuestionKind, Quiz, Step, Tone, Translation,
};

/// The line that separates a lesson's body from its quiz.
pub const QUIZ_MARKER: &str = "::: quiz";

/// Plain language: the longest Vietnamese sentence the lint lets through, in words.
pub const MAX_SENTENCE_WORDS: usize = 25;
/// Plain language: the most sentences in one Vietnamese paragraph.
pub const MAX_PARAGRAPH_SENTENCES: usize = 4;

/// English words a Vietnamese lesson may use only where the glossary or the lesson explains them.
const LOANWORDS: &[&str] = &[
    "app",
    "apps",
    "link",
    "links",
    "online",
    "website",
    "web",
    "password",
    "email",
    "e-mail",
    "file",
    "chat",
    "share",
    "click",
    "download",
    "update",
    "account",
    "smartphone",
    "wifi",
    "wi-fi",
    "otp",
    "qr",
    "pin",
    "ekyc",
    "ai",
    "chatbot",
    "deepfake",
    "cod",
    "shipper",
    "shop",
    "livestream",
    "hacker",
    "virus",
    "code",
    "selfie",
    "mobile",
    "banking",
    "login",
    "logout",
    "scan",
    "check",
    "inbox",
    "post",
    "like",
];

/// The pass mark of a quiz whose lesson does not set `pass_mark`, in percent.
pub const DEFAULT_PASS_MARK: u32 = 80;

/// A content error: what is wrong, in which file, on which line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: PathBuf,
    /// 1-based; 0 when the error concerns the whole file (a missing translation, say).
    pub line: usize,
    pub kind: ContentErrorKind,
}

/// Every way a lesson can fail to compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentErrorKind {
    /// The file or folder could not be read.
    Io(String),
    /// The file does not start with a `---` line, or the front matter is never closed.
    FrontMatterMissing,
    /// A front-matter line is not `key: value` or `  - item`.
    FrontMatterSyntax(String),
    /// A front-matter key the format does not know.
    UnknownKey(String),
    /// The same front-matter key twice.
    DuplicateKey(String),
    /// A required front-matter key is absent.
    MissingKey(&'static str),
    /// A front-matter value of the wrong shape.
    InvalidValue { key: &'static str, value: String, expected: String },
    /// The `id` in the front matter differs from the lesson's folder name.
    IdMismatch { folder: String, id: String },
    /// Raw HTML, inline or as a block.
    RawHtml,
    /// A link to anything but an `http://` or `https://` address.
    LinkScheme(String),
    /// An image with empty alt text.
    ImageWithoutAlt,
    /// An image inside running text; images stand alone in their own paragraph.
    ImageInline,
    /// An image address that is neither https nor a file in the lesson's folder.
    ImageSource(String),
    /// A link to a recording (an audio file) anywhere but at the end of a paragraph, numbered
    /// step or list item of the lesson body, or a second one there.
    AudioPlace,
    /// A recording that is not a file in the lesson's folder.
    AudioSource(String),
    /// Markdown outside the closed model: tables, code blocks, level-1 headings, nested lists…
    Unsupported(String),
    /// A quote that is not a `> [!WARNING]` or `> [!TIP]` callout.
    UnsupportedCallout(String),
    /// The lesson folder has no file for this language.
    MissingTranslation(Lang),
    /// There is no `::: quiz` line, or the quiz has no question.
    QuizMissing,
    /// A question heading without an `{#id}`.
    QuestionWithoutId,
    /// Two questions of one lesson with the same id.
    DuplicateQuestionId(String),
    /// A question with no option marked `[x]`.
    NoCorrectAnswer(String),
    /// A single-choice question with several options marked `[x]`.
    SeveralCorrectAnswers(String),
    /// A question with fewer than two options.
    TooFewOptions(String),
    /// A question with no explanation quote.
    MissingExplanation(String),
    /// A quiz element out of place (an option without `[ ]`, text before the first question…).
    QuizSyntax(String),
    /// A translation that differs from the source in something that must be the same.
    TranslationMismatch(String),
    /// A link `[words](#id)` to an id the shared glossary does not have.
    UnknownGlossaryId(String),
    /// The glossary file is not a list of `## Term {#id}` headings, each with its definition.
    GlossarySyntax(String),
    /// `content/order.txt` names a lesson that does not exist, twice, or leaves one out.
    CourseOrder(String),
    /// A Vietnamese sentence longer than [`MAX_SENTENCE_WORDS`] words (plain-language lint).
    SentenceTooLong { words: usize, start: String },
    /// A Vietnamese paragraph of more than [`MAX_PARAGRAPH_SENTENCES`] sentences (plain-language lint).
    ParagraphTooLong { sentences: usize },
    /// A warning, not an error: an English loanword that neither the glossary nor the lesson explains.
    LoanWord(String),
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.kind)
        } else {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.kind)
        }
    }
}

impl fmt::Display for ContentErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ContentErrorKind::*;
        match self {
            Io(e) => write!(f, "cannot read: {e}"),
            FrontMatterMissing => write!(f, "the file must start with front matter between two `---` lines"),
            FrontMatterSyntax(line) => {
                write!(f, "front matter line is not `key: value` or `  - item`: {line:?}")
            }
            UnknownKey(key) => write!(f, "unknown front-matter key `{key}`"),
            DuplicateKey(key) => write!(f, "front-matter key `{key}` given twice"),
            MissingKey(key) => write!(f, "front-matter key `{key}` is missing"),
            InvalidValue { key, value, expected } => {
                write!(f, "`{key}: {value}` is not valid: expected {expected}")
            }
            IdMismatch { folder, id } => write!(f, "id `{id}` differs from the folder name `{folder}`"),
            RawHtml => write!(f, "raw HTML is not allowed in lessons"),
            LinkScheme(url) => write!(f, "link `{url}` is not an http:// or https:// address"),
            ImageWithoutAlt => write!(f, "image has no alt text: write what it shows in ![…](…)"),
            ImageInline => write!(f, "an image must stand alone in its own paragraph"),
            ImageSource(src) => {
                write!(f, "image `{src}` must be an https:// address or a file in the lesson's folder")
            }
            AudioPlace => write!(
                f,
                "a recording [nghe](file.mp3) goes at the end of a paragraph, step or list item of the lesson, one each"
            ),
            AudioSource(src) => write!(f, "recording `{src}` must be a file in the lesson's folder"),
            Unsupported(what) => write!(f, "{what} is not supported in lessons"),
            UnsupportedCallout(what) => {
                write!(f, "{what}: use `> [!WARNING]` or `> [!TIP]` for a callout")
            }
            MissingTranslation(lang) => write!(f, "the lesson has no {lang}.md"),
            QuizMissing => write!(f, "the lesson has no quiz: add a `{QUIZ_MARKER}` line and questions"),
            QuestionWithoutId => write!(f, "question has no id: end its heading with {{#q-some-id}}"),
            DuplicateQuestionId(id) => write!(f, "question id `{id}` is used twice"),
            NoCorrectAnswer(id) => write!(f, "question `{id}` has no correct answer: mark one with [x]"),
            SeveralCorrectAnswers(id) => write!(
                f,
                "question `{id}` has several correct answers: add .multiple to its heading attributes"
            ),
            TooFewOptions(id) => write!(f, "question `{id}` needs at least two options"),
            MissingExplanation(id) => write!(f, "question `{id}` has no explanation: add a `> …` quote"),
            QuizSyntax(what) => write!(f, "{what}"),
            TranslationMismatch(what) => write!(f, "translation differs from the source: {what}"),
            UnknownGlossaryId(id) => write!(f, "`#{id}` is not in the glossary (content/{GLOSSARY_DIR}/)"),
            GlossarySyntax(what) | CourseOrder(what) => write!(f, "{what}"),
            SentenceTooLong { words, start } => write!(
                f,
                "a sentence of {words} words (at most {MAX_SENTENCE_WORDS}): \"{start}…\"; split it"
            ),
            ParagraphTooLong { sentences } => write!(
                f,
                "a paragraph of {sentences} sentences (at most {MAX_PARAGRAPH_SENTENCES}); split it"
            ),
            LoanWord(word) => write!(
                f,
                "warning: \"{word}\" is an English word; link it to the glossary or explain it in the lesson"
            ),
        }
    }
}

impl std::error::Error for ContentError {}

/// The file under `content/` that lists the lesson ids in course order, one per line.
pub const ORDER_FILE: &str = "order.txt";

/// The folder under `content/` that holds the shared glossary instead of a lesson.
pub const GLOSSARY_DIR: &str = "glossary";

/// The shared glossary in one language: `content/glossary/<lang>.md`, a `## Term {#id}` heading
/// and a definition paragraph per entry. Lessons link to entries as `[words](#id)`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Glossary {
    pub entries: Vec<GlossaryEntry>,
}

impl Glossary {
    pub fn get(&self, id: &str) -> Option<&GlossaryEntry> {
        self.entries.iter().find(|e| e.id == id)
    }
}

/// Compiles a glossary file.
pub fn compile_glossary(file: &Path, source: &str) -> Result<Glossary, ContentError> {
    let lines = LineIndex::new(source);
    let err = |(line, kind)| ContentError { file: file.to_path_buf(), line, kind };
    let nodes = tree(source, 0, &lines);
    let empty = Glossary::default();
    let mut ctx = Ctx {
        images: Vec::new(),
        folder: None,
        glossary: &empty,
        used: Vec::new(),
        texts: Vec::new(),
        recordings: false,
    };
    let mut entries: Vec<(usize, GlossaryEntry)> = Vec::new();
    let syntax = |line: usize, what: String| (line, ContentErrorKind::GlossarySyntax(what));
    for node in &nodes {
        let line = node.line();
        match node {
            Node::El { tag: Tag::Heading { level: HeadingLevel::H2, id, classes, attrs }, kids, .. } => {
                let Some(id) = id.as_ref().filter(|_| classes.is_empty() && attrs.is_empty()) else {
                    return Err(err(syntax(line, "a glossary entry is `## Term {#id}`".into())));
                };
                if entries.iter().any(|(_, e)| e.id == id.as_ref()) {
                    return Err(err(syntax(line, format!("glossary id `{id}` is used twice"))));
                }
                let term = Inline::plain_text(&ctx.inlines(kids).map_err(err)?);
                entries.push((line, GlossaryEntry { id: id.to_string(), term, definition: Vec::new() }));
            }
            Node::El { tag: Tag::Paragraph, kids, .. } => {
                let Some((_, entry)) = entries.last_mut() else {
                    return Err(err(syntax(
                        line,
                        "the glossary must start with a `## Term {#id}` heading".into(),
                    )));
                };
                if !entry.definition.is_empty() {
                    entry.definition.push(Inline::Text(" ".into()));
                }
                entry.definition.extend(ctx.inlines(kids).map_err(err)?);
                entry.definition = merge_text(std::mem::take(&mut entry.definition));
            }
            _ => {
                return Err(err(syntax(
                    line,
                    "a glossary holds only `## Term {#id}` headings and paragraphs".into(),
                )));
            }
        }
    }
    if let Some((line, entry)) = entries.iter().find(|(_, e)| e.definition.is_empty()) {
        return Err(err(syntax(*line, format!("glossary entry `{}` has no definition", entry.id))));
    }
    Ok(Glossary { entries: entries.into_iter().map(|(_, e)| e).collect() })
}

/// Reads every language's glossary; a course without a glossary folder has empty ones.
fn compile_glossaries(content_dir: &Path) -> Result<Vec<Glossary>, Vec<ContentError>> {
    let dir = content_dir.join(GLOSSARY_DIR);
    if !dir.is_dir() {
        return Ok(vec![Glossary::default(); Lang::ALL.len()]);
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for lang in Lang::ALL {
        let file = dir.join(format!("{}.md", lang.code()));
        match std::fs::read_to_string(&file) {
            Ok(source) => match compile_glossary(&file, &source) {
                Ok(glossary) => out.push(glossary),
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(ContentError {
                kind: if e.kind() == std::io::ErrorKind::NotFound {
                    ContentErrorKind::MissingTranslation(lang)
                } else {
                    ContentErrorKind::Io(e.to_string())
                },
                file,
                line: 0,
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let ids = |g: &Glossary| g.entries.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    for (lang, glossary) in Lang::ALL.iter().zip(&out).skip(1) {
        if ids(glossary) != ids(&out[0]) {
            return Err(vec![ContentError {
                file: dir.join(format!("{}.md", lang.code())),
                line: 0,
                kind: ContentErrorKind::TranslationMismatch(
                    "the glossary must have the same ids, in the same order, as the source".into(),
                ),
            }]);
        }
    }
    Ok(out)
}

/// Puts the lesson folders in the order `content/order.txt` gives, which must name each once.
/// Folders it leaves out come last, with an error each.
fn order_folders(content_dir: &Path, mut folders: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<ContentError>) {
    folders.sort();
    let file = content_dir.join(ORDER_FILE);
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(e) => {
            let error = ContentError { file, line: 0, kind: ContentErrorKind::Io(e.to_string()) };
            return (folders, vec![error]);
        }
    };
    let name =
        |path: &PathBuf| path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut errors = Vec::new();
    let mut ordered: Vec<PathBuf> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let id = line.trim();
        if id.is_empty() || id.starts_with('#') {
            continue;
        }
        let error = |what: String| ContentError {
            file: file.clone(),
            line: i + 1,
            kind: ContentErrorKind::CourseOrder(what),
        };
        match folders.iter().find(|f| name(f) == id) {
            _ if ordered.iter().any(|f| name(f) == id) => {
                errors.push(error(format!("`{id}` is listed twice")))
            }
            Some(folder) => ordered.push(folder.clone()),
            None => errors.push(error(format!("there is no lesson folder content/{id}/"))),
        }
    }
    for folder in folders {
        if !ordered.contains(&folder) {
            errors.push(ContentError {
                file: file.clone(),
                line: 0,
                kind: ContentErrorKind::CourseOrder(format!("lesson `{}` is not listed", name(&folder))),
            });
            ordered.push(folder);
        }
    }
    (ordered, errors)
}

/// The whole course, compiled.
#[derive(Clone, Debug)]
pub struct CompiledCourse {
    pub index: CourseIndex,
    /// Every lesson in every language, in index order.
    pub lessons: Vec<CompiledLesson>,
    /// Pictures the lessons use: (file on disk, path relative to the course index).
    pub assets: Vec<(PathBuf, String)>,
    /// What the plain-language lint flags without failing the build (loanwords).
    pub warnings: Vec<ContentError>,
}

/// Compiles every lesson folder under `content_dir`, collecting all errors rather than stopping
/// at the first, so an author sees everything to fix in one run.
pub fn compile_course(content_dir: &Path) -> Result<CompiledCourse, Vec<ContentError>> {
    let folders = match std::fs::read_dir(content_dir) {
        Ok(entries) => entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.is_dir() && !path.ends_with(GLOSSARY_DIR))
            .collect::<Vec<_>>(),
        Err(e) => {
            return Err(vec![ContentError {
                file: content_dir.to_path_buf(),
                line: 0,
                kind: ContentErrorKind::Io(e.to_string()),
            }]);
        }
    };
    // Order errors do not stop the build: every lesson is still compiled, so an author sees
    // all there is to fix in one run.
    let (folders, mut errors) = order_folders(content_dir, folders);
    let glossaries = compile_glossaries(content_dir)?;

    let mut index = CourseIndex { lessons: Vec::new() };
    let mut lessons = Vec::new();
    let mut assets = Vec::new();
    let mut warnings = Vec::new();
    for folder in folders {
        match compile_lesson_folder(&folder, &glossaries) {
            Ok((summary, compiled, images, lint)) => {
                index.lessons.push(summary);
                lessons.extend(compiled);
                assets.extend(images);
                warnings.extend(lint);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() { Ok(CompiledCourse { index, lessons, assets, warnings }) } else { Err(errors) }
}

type FolderOutput = (LessonSummary, Vec<CompiledLesson>, Vec<(PathBuf, String)>, Vec<ContentError>);

/// Compiles one lesson folder: every language, checked against the source.
fn compile_lesson_folder(folder: &Path, glossaries: &[Glossary]) -> Result<FolderOutput, Vec<ContentError>> {
    let folder_name = folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut errors = Vec::new();
    let mut compiled: Vec<(PathBuf, Compiled)> = Vec::new();
    for (lang, glossary) in Lang::ALL.into_iter().zip(glossaries) {
        let file = folder.join(format!("{}.md", lang.code()));
        let source = match std::fs::read_to_string(&file) {
            Ok(source) => source,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(ContentError { file, line: 0, kind: ContentErrorKind::MissingTranslation(lang) });
                continue;
            }
            Err(e) => {
                errors.push(ContentError { file, line: 0, kind: ContentErrorKind::Io(e.to_string()) });
                continue;
            }
        };
        match compile(&file, &source, lang, glossary) {
            Ok(lesson) => {
                if lesson.lesson.id != folder_name {
                    errors.push(ContentError {
                        file: file.clone(),
                        line: lesson.id_line,
                        kind: ContentErrorKind::IdMismatch {
                            folder: folder_name.clone(),
                            id: lesson.lesson.id.clone(),
                        },
                    });
                }
                compiled.push((file, lesson));
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (_, source) = &compiled[0];
    for (file, translation) in &compiled[1..] {
        if let Err(e) = check_translation(&source.lesson, translation, file) {
            errors.push(e);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut images = BTreeSet::new();
    for (_, c) in &compiled {
        images.extend(c.images.iter().cloned());
    }
    let assets: Vec<(PathBuf, String)> =
        images.into_iter().map(|src| (folder.join(&src), format!("{folder_name}/{src}"))).collect();
    let lead = &compiled[0].1.lesson;
    let mut summary = LessonSummary {
        id: lead.id.clone(),
        version: lead.version,
        minutes: lead.minutes,
        pillar: lead.pillar,
        competency: lead.competency,
        basic_skill: lead.basic_skill,
        translations: Vec::new(),
        pictures: assets.iter().map(|(_, url)| url.clone()).collect(),
    };
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for (file, c) in compiled {
        warnings.extend(c.warnings.into_iter().map(|(line, kind)| ContentError {
            file: file.clone(),
            line,
            kind,
        }));
        let hash = content_hash(&c.lesson);
        let compiled = CompiledLesson { hash, lesson: c.lesson };
        summary.translations.push(Translation {
            bytes: crate::wire::encode(&compiled).len() as u32,
            lang: compiled.lesson.lang,
            title: compiled.lesson.title.clone(),
            summary: compiled.lesson.summary.clone(),
            file: format!(
                "lessons/{}.{}.{}",
                compiled.lesson.id,
                compiled.lesson.lang.code(),
                &compiled.hash[..12]
            ),
            hash: compiled.hash.clone(),
        });
        out.push(compiled);
    }
    Ok((summary, out, assets, warnings))
}

/// SHA-256 of the lesson's canonical JSON (see [`CompiledLesson`]), in lowercase hex.
pub fn content_hash(lesson: &Lesson) -> String {
    let canonical = serde_json::to_vec(lesson).expect("a lesson always serialises");
    Sha256::digest(&canonical).iter().map(|b| format!("{b:02x}")).collect()
}

/// Compiles one lesson file. `file` is only used to name it in errors.
pub fn compile_lesson(
    file: &Path,
    source: &str,
    lang: Lang,
    glossary: &Glossary,
) -> Result<Lesson, ContentError> {
    compile(file, source, lang, glossary).map(|c| c.lesson)
}

/// A compiled lesson with the source lines that later checks need to name.
struct Compiled {
    lesson: Lesson,
    id_line: usize,
    question_lines: Vec<usize>,
    /// Pictures in the lesson's folder, as written in the Markdown.
    images: Vec<String>,
    /// Loanword warnings of the plain-language lint.
    warnings: Vec<(usize, ContentErrorKind)>,
}

fn compile(file: &Path, source: &str, lang: Lang, glossary: &Glossary) -> Result<Compiled, ContentError> {
    let lines = LineIndex::new(source);
    let err = |line: usize, kind: ContentErrorKind| ContentError { file: file.to_path_buf(), line, kind };
    let (front, body_start) = parse_front_matter(source).map_err(|(line, kind)| err(line, kind))?;

    let rest = &source[body_start..];
    let marker =
        find_quiz_marker(rest).ok_or_else(|| err(lines.line(source.len()), ContentErrorKind::QuizMissing))?;
    let body_src = &rest[..marker];
    let quiz_start = body_start + marker + QUIZ_MARKER.len();
    let quiz_src = &source[quiz_start..];

    let mut ctx = Ctx {
        images: Vec::new(),
        folder: file.parent(),
        glossary,
        used: Vec::new(),
        texts: Vec::new(),
        recordings: false,
    };
    let body_nodes = tree(body_src, body_start, &lines);
    let body = ctx.blocks(&body_nodes, false).map_err(|(line, kind)| err(line, kind))?;
    let quiz_nodes = tree(quiz_src, quiz_start, &lines);
    let (questions, question_lines) = ctx.quiz(&quiz_nodes).map_err(|(line, kind)| err(line, kind))?;
    if questions.is_empty() {
        return Err(err(lines.line(quiz_start), ContentErrorKind::QuizMissing));
    }
    let mut warnings = Vec::new();
    if lang == Lang::Vi {
        let explained = explained_words(glossary, &body);
        for (line, text) in &ctx.texts {
            if let Some(kind) = plain_language(text) {
                return Err(err(*line, kind));
            }
            warnings.extend(
                loanwords(text, &explained).into_iter().map(|w| (*line, ContentErrorKind::LoanWord(w))),
            );
        }
    }

    Ok(Compiled {
        lesson: Lesson {
            id: front.id,
            lang,
            version: front.version,
            title: front.title,
            summary: front.summary,
            minutes: front.minutes,
            pillar: front.pillar,
            competency: front.competency,
            basic_skill: front.basic_skill,
            objectives: front.objectives,
            body,
            quiz: Quiz { pass_mark: front.pass_mark, questions },
            glossary: ctx.used.iter().filter_map(|id| glossary.get(id).cloned()).collect(),
        },
        id_line: front.id_line,
        question_lines,
        images: ctx.images,
        warnings,
    })
}

/// Splits text into sentences: a `.`, `!`, `?` or `…` (and any closing quote or bracket) followed by
/// white space or the end. "TP.HCM", "1.000.000" and "dichvucong.gov.vn" stay whole.
pub fn sentences(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i].1, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '.' | '!' | '?' | '…' | '"' | '”' | '\'' | ')' | '»')
            {
                j += 1;
            }
            if j == chars.len() || chars[j].1.is_whitespace() {
                let end = chars.get(j).map_or(text.len(), |(at, _)| *at);
                out.push(text[start..end].trim());
                start = end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The words of a sentence: runs between white space that hold a letter or a digit.
fn word_count(sentence: &str) -> usize {
    sentence.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// The plain-language rule a Vietnamese paragraph breaks first, if any.
fn plain_language(text: &[Inline]) -> Option<ContentErrorKind> {
    let plain = Inline::plain_text(text);
    let sentences = sentences(&plain);
    if let Some(long) = sentences.iter().find(|s| word_count(s) > MAX_SENTENCE_WORDS) {
        let start: String = long.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
        return Some(ContentErrorKind::SentenceTooLong { words: word_count(long), start });
    }
    (sentences.len() > MAX_PARAGRAPH_SENTENCES)
        .then_some(ContentErrorKind::ParagraphTooLong { sentences: sentences.len() })
}

/// Lowercased words that the glossary or the lesson's own terms explain.
fn explained_words(glossary: &Glossary, body: &[Block]) -> Vec<String> {
    let mut terms: Vec<String> = glossary.entries.iter().map(|e| e.term.clone()).collect();
    for block in body {
        if let Block::Term { term, .. } = block {
            terms.push(term.clone());
        }
    }
    terms
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '-').map(str::to_lowercase))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The loanwords in a text that nothing explains.
fn loanwords(text: &[Inline], explained: &[String]) -> Vec<String> {
    let plain = Inline::plain_text(text);
    let mut found: Vec<String> = Vec::new();
    for word in plain.split(|c: char| !c.is_alphanumeric() && c != '-') {
        let lower = word.to_lowercase();
        if LOANWORDS.contains(&lower.as_str()) && !explained.contains(&lower) && !found.contains(&lower) {
            found.push(lower);
        }
    }
    found
}

/// Byte offset of the `::: quiz` line within `text`, if there is one.
fn find_quiz_marker(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim() == QUIZ_MARKER {
            return Some(offset + (line.len() - line.trim_start().len()));
        }
        offset += line.len();
    }
    None
}

/// Checks that a translation agrees with the source on everything but words.
fn check_translation(source: &Lesson, tr: &Compiled, file: &Path) -> Result<(), ContentError> {
    let lesson = &tr.lesson;
    let mismatch = |line: usize, what: String| ContentError {
        file: file.to_path_buf(),
        line,
        kind: ContentErrorKind::TranslationMismatch(what),
    };
    let same = [
        ("version", source.version == lesson.version),
        ("minutes", source.minutes == lesson.minutes),
        ("pillar", source.pillar == lesson.pillar),
        ("competency", source.competency == lesson.competency),
        ("basic_skill", source.basic_skill == lesson.basic_skill),
        ("pass_mark", source.quiz.pass_mark == lesson.quiz.pass_mark),
        ("number of objectives", source.objectives.len() == lesson.objectives.len()),
    ];
    if let Some((what, _)) = same.iter().find(|(_, ok)| !ok) {
        return Err(mismatch(1, format!("{what} must be the same in every language")));
    }
    let (sq, tq) = (&source.quiz.questions, &lesson.quiz.questions);
    for (i, q) in tq.iter().enumerate() {
        let line = tr.question_lines[i];
        let Some(s) = sq.get(i) else {
            return Err(mismatch(line, format!("question `{}` is not in the source", q.id)));
        };
        if s.id != q.id {
            return Err(mismatch(
                line,
                format!("question {} is `{}` here but `{}` in the source", i + 1, q.id, s.id),
            ));
        }
        if s.kind.answer_shape() != q.kind.answer_shape() {
            return Err(mismatch(
                line,
                format!(
                    "question `{}` must have the same kind, options and right answers as the source",
                    q.id
                ),
            ));
        }
    }
    if tq.len() < sq.len() {
        return Err(mismatch(0, format!("question `{}` of the source is missing", sq[tq.len()].id)));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Front matter

struct FrontMatter {
    id: String,
    id_line: usize,
    version: u32,
    title: String,
    summary: String,
    minutes: u32,
    pillar: Pillar,
    competency: Competency,
    basic_skill: BasicSkill,
    objectives: Vec<String>,
    pass_mark: u32,
}

type Located<T> = Result<T, (usize, ContentErrorKind)>;

const KEYS: [&str; 10] = [
    "id",
    "version",
    "title",
    "summary",
    "minutes",
    "pillar",
    "competency",
    "basic_skill",
    "objectives",
    "pass_mark",
];

/// Parses the front matter: `key: value` lines, and `  - item` lines under `objectives:`.
/// Returns the values and the byte offset where the body starts.
fn parse_front_matter(source: &str) -> Located<(FrontMatter, usize)> {
    let mut offset = 0;
    let mut lines = source.split_inclusive('\n').enumerate();
    match lines.next() {
        Some((_, first)) if first.trim_end() == "---" => offset += first.len(),
        _ => return Err((1, ContentErrorKind::FrontMatterMissing)),
    }
    let mut values: Vec<(&'static str, usize, String)> = Vec::new();
    let mut objectives: Option<(usize, Vec<String>)> = None;
    let mut last_key: Option<&'static str> = None;
    let mut closed = false;
    for (i, raw) in lines {
        offset += raw.len();
        let line_no = i + 1;
        let line = raw.trim_end();
        if line == "---" {
            closed = true;
            break;
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if let Some(item) = line.trim_start().strip_prefix("- ").filter(|_| line.starts_with(' ')) {
            match (&mut objectives, last_key) {
                (Some((_, items)), Some("objectives")) => {
                    items.push(unquote(item.trim()).to_string());
                    continue;
                }
                _ => return Err((line_no, ContentErrorKind::FrontMatterSyntax(line.to_string()))),
            }
        }
        let Some((key, value)) = line.split_once(':').filter(|_| !line.starts_with(' ')) else {
            return Err((line_no, ContentErrorKind::FrontMatterSyntax(line.to_string())));
        };
        let key = key.trim();
        let Some(known) = KEYS.iter().copied().find(|k| *k == key) else {
            return Err((line_no, ContentErrorKind::UnknownKey(key.to_string())));
        };
        if values.iter().any(|(k, _, _)| *k == known) || (known == "objectives" && objectives.is_some()) {
            return Err((line_no, ContentErrorKind::DuplicateKey(known.to_string())));
        }
        last_key = Some(known);
        if known == "objectives" {
            if !value.trim().is_empty() {
                return Err((
                    line_no,
                    invalid("objectives", value.trim(), "a list of `  - …` lines below it"),
                ));
            }
            objectives = Some((line_no, Vec::new()));
        } else {
            values.push((known, line_no, unquote(value.trim()).to_string()));
        }
    }
    if !closed {
        return Err((1, ContentErrorKind::FrontMatterMissing));
    }
    let end_line = source[..offset].lines().count();
    let get = |key: &'static str| -> Located<(usize, String)> {
        values
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, line, value)| (*line, value.clone()))
            .ok_or((end_line, ContentErrorKind::MissingKey(key)))
    };
    let text = |key: &'static str| -> Located<String> {
        let (line, value) = get(key)?;
        if value.is_empty() {
            return Err((line, invalid(key, &value, "some text")));
        }
        Ok(value)
    };
    let number = |key: &'static str, range: std::ops::RangeInclusive<u32>| -> Located<u32> {
        let (line, value) = get(key)?;
        value.parse::<u32>().ok().filter(|n| range.contains(n)).ok_or((
            line,
            invalid(key, &value, &format!("a whole number from {} to {}", range.start(), range.end())),
        ))
    };
    let slug = |key: &'static str, allowed: &[&'static str]| -> Located<usize> {
        let (line, value) = get(key)?;
        allowed
            .iter()
            .position(|s| *s == value)
            .ok_or((line, invalid(key, &value, &format!("one of {}", allowed.join(", ")))))
    };

    let (id_line, id) = get("id")?;
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err((id_line, invalid("id", &id, "lowercase ascii letters, digits and hyphens")));
    }
    let pillar = Pillar::ALL[slug("pillar", &Pillar::ALL.map(Pillar::slug))?];
    let competency = Competency::ALL[slug("competency", &Competency::ALL.map(Competency::slug))?];
    let basic_skill = BasicSkill::ALL[slug("basic_skill", &BasicSkill::ALL.map(BasicSkill::slug))?];
    let (objectives_line, objectives) =
        objectives.ok_or((end_line, ContentErrorKind::MissingKey("objectives")))?;
    if objectives.is_empty() || objectives.iter().any(|o| o.is_empty()) {
        return Err((objectives_line, invalid("objectives", "", "one or more `  - …` lines, none empty")));
    }
    let pass_mark = match get("pass_mark") {
        Ok(_) => number("pass_mark", 1..=100)?,
        Err(_) => DEFAULT_PASS_MARK,
    };
    Ok((
        FrontMatter {
            id,
            id_line,
            version: number("version", 1..=u32::MAX)?,
            title: text("title")?,
            summary: text("summary")?,
            minutes: number("minutes", 1..=60)?,
            pillar,
            competency,
            basic_skill,
            objectives,
            pass_mark,
        },
        offset,
    ))
}

fn invalid(key: &'static str, value: &str, expected: &str) -> ContentErrorKind {
    ContentErrorKind::InvalidValue { key, value: value.to_string(), expected: expected.to_string() }
}

fn unquote(value: &str) -> &str {
    value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(value)
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// Maps byte offsets in a file to 1-based line numbers.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(source: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

/// pulldown-cmark's events as a tree, each node with its line in the file.
enum Node<'a> {
    El { tag: Tag<'a>, line: usize, kids: Vec<Node<'a>> },
    Ev { ev: Event<'a>, line: usize },
}

impl Node<'_> {
    fn line(&self) -> usize {
        match self {
            Node::El { line, .. } | Node::Ev { line, .. } => *line,
        }
    }
}

fn tree<'a>(text: &'a str, base: usize, lines: &LineIndex) -> Vec<Node<'a>> {
    // Tables, strikethrough and footnotes are parsed only to be rejected with their line,
    // rather than passing through as stray `|` and `~` characters.
    let options = Options::ENABLE_GFM
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut stack: Vec<(Tag<'a>, usize, Vec<Node<'a>>)> = vec![(Tag::Paragraph, 0, Vec::new())];
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let line = lines.line(base + range.start);
        match event {
            Event::Start(tag) => stack.push((tag, line, Vec::new())),
            Event::End(_) => {
                let (tag, line, kids) = stack.pop().expect("pulldown-cmark balances its tags");
                stack.last_mut().expect("the root is never popped").2.push(Node::El { tag, line, kids });
            }
            ev => stack.last_mut().expect("the root is never popped").2.push(Node::Ev { ev, line }),
        }
    }
    stack.pop().map(|(_, _, kids)| kids).unwrap_or_default()
}

struct Ctx<'a> {
    images: Vec<String>,
    folder: Option<&'a Path>,
    glossary: &'a Glossary,
    /// Glossary ids the text links to, in order of first use.
    used: Vec<String>,
    /// Every paragraph and list item of the body with its line, for the plain-language lint.
    texts: Vec<(usize, Vec<Inline>)>,
    /// Whether the text being read may end with a recording (a body paragraph, step or item).
    recordings: bool,
}

/// The file extensions of recordings a lesson may carry.
const AUDIO: [&str; 5] = [".mp3", ".m4a", ".ogg", ".opus", ".wav"];

/// Refuses a recording anywhere but at the end of `text`, and a second one.
fn check_recording(text: &[Inline], line: usize) -> Located<()> {
    let count = text.iter().filter(|i| matches!(i, Inline::Audio(_))).count();
    if count > 1 || (count == 1 && Inline::recording(text).is_none()) {
        return Err((line, ContentErrorKind::AudioPlace));
    }
    Ok(())
}

fn unsupported(line: usize, what: &str) -> (usize, ContentErrorKind) {
    (line, ContentErrorKind::Unsupported(what.to_string()))
}

impl Ctx<'_> {
    fn blocks(&mut self, nodes: &[Node], in_callout: bool) -> Located<Vec<Block>> {
        let mut out = Vec::new();
        for node in nodes {
            let line = node.line();
            match node {
                Node::El { tag, kids, .. } => match tag {
                    Tag::Heading { level, id, classes, attrs } => {
                        let level = match level {
                            HeadingLevel::H2 => 2,
                            HeadingLevel::H3 => 3,
                            HeadingLevel::H1 => {
                                return Err(unsupported(
                                    line,
                                    "a level-1 heading (the title comes from the front matter; use ##)",
                                ));
                            }
                            _ => return Err(unsupported(line, "a heading below level 3")),
                        };
                        if id.is_some() || !classes.is_empty() || !attrs.is_empty() {
                            return Err(unsupported(line, "a heading attribute {…} outside the quiz"));
                        }
                        out.push(Block::Heading { level, text: self.inlines(kids)? });
                    }
                    Tag::Paragraph => {
                        let block = self.recorded(|ctx| ctx.paragraph(kids))?;
                        if let Block::Paragraph { text } = &block {
                            self.texts.push((line, text.clone()));
                        }
                        out.push(block);
                    }
                    Tag::List(Some(_)) => {
                        let steps = self.recorded(|ctx| ctx.list_items(kids))?;
                        out.push(Block::Steps {
                            steps: steps.into_iter().map(|text| Step { text }).collect(),
                        });
                    }
                    Tag::List(None) => {
                        out.push(Block::List { items: self.recorded(|ctx| ctx.list_items(kids))? })
                    }
                    Tag::BlockQuote(kind) => {
                        let tone = match kind {
                            Some(BlockQuoteKind::Warning) => Tone::Warning,
                            Some(BlockQuoteKind::Tip) => Tone::Tip,
                            Some(other) => {
                                return Err((
                                    line,
                                    ContentErrorKind::UnsupportedCallout(format!("{other:?}").to_uppercase()),
                                ));
                            }
                            None => {
                                return Err((
                                    line,
                                    ContentErrorKind::UnsupportedCallout("a plain quote".into()),
                                ));
                            }
                        };
                        if in_callout {
                            return Err(unsupported(line, "a callout inside a callout"));
                        }
                        out.push(Block::Callout { tone, body: self.blocks(kids, true)? });
                    }
                    Tag::DefinitionList => {
                        let mut term = None;
                        for kid in kids {
                            match kid {
                                Node::El { tag: Tag::DefinitionListTitle, kids, .. } => {
                                    term = Some(Inline::plain_text(&self.inlines(kids)?));
                                }
                                Node::El { tag: Tag::DefinitionListDefinition, kids, line } => {
                                    let term = term.take().ok_or_else(|| {
                                        unsupported(*line, "a second definition of one term")
                                    })?;
                                    out.push(Block::Term { term, definition: self.item_text(kids)? });
                                }
                                other => {
                                    return Err(unsupported(other.line(), "this inside a glossary term"));
                                }
                            }
                        }
                    }
                    Tag::HtmlBlock => return Err((line, ContentErrorKind::RawHtml)),
                    Tag::CodeBlock(_) => return Err(unsupported(line, "a code block")),
                    Tag::Table(_) => return Err(unsupported(line, "a table")),
                    Tag::FootnoteDefinition(_) => return Err(unsupported(line, "a footnote")),
                    _ => return Err(unsupported(line, "this kind of block")),
                },
                Node::Ev { ev, .. } => match ev {
                    Event::Html(_) | Event::InlineHtml(_) => return Err((line, ContentErrorKind::RawHtml)),
                    Event::Rule => return Err(unsupported(line, "a horizontal rule (---)")),
                    _ => return Err(unsupported(line, "this text outside a paragraph")),
                },
            }
        }
        Ok(out)
    }

    /// A paragraph, or an image block when the paragraph holds only an image.
    fn paragraph(&mut self, kids: &[Node]) -> Located<Block> {
        let meaningful: Vec<&Node> = kids
            .iter()
            .filter(|n| !matches!(n, Node::Ev { ev: Event::Text(t), .. } if t.trim().is_empty()))
            .collect();
        if let [Node::El { tag: Tag::Image { dest_url, .. }, kids: alt_kids, line }] = meaningful.as_slice() {
            let alt = Inline::plain_text(&self.inlines(alt_kids)?).trim().to_string();
            if alt.is_empty() {
                return Err((*line, ContentErrorKind::ImageWithoutAlt));
            }
            let src = self.image_source(dest_url, *line)?;
            return Ok(Block::Image { src, alt });
        }
        let text = self.inlines(kids)?;
        let line = kids.first().map_or(0, Node::line);
        check_recording(&text, line)?;
        Ok(Block::Paragraph { text })
    }

    /// Reads a body paragraph or list, where each paragraph, step or item may end with its
    /// recording.
    fn recorded<T>(&mut self, read: impl FnOnce(&mut Self) -> Located<T>) -> Located<T> {
        let before = std::mem::replace(&mut self.recordings, true);
        let read = read(self);
        self.recordings = before;
        read
    }

    /// The file a recording link names: one in the lesson's folder.
    fn audio_source(&mut self, src: &str, line: usize) -> Located<String> {
        self.folder_file(src, line, ContentErrorKind::AudioSource)
    }

    fn image_source(&mut self, src: &str, line: usize) -> Located<String> {
        if src.starts_with("https://") {
            return Ok(src.to_string());
        }
        self.folder_file(src, line, ContentErrorKind::ImageSource)
    }

    /// `src` as a file in the lesson's folder (copied to the build with the lesson), or why not.
    fn folder_file(
        &mut self,
        src: &str,
        line: usize,
        refuse: fn(String) -> ContentErrorKind,
    ) -> Located<String> {
        let local = !src.is_empty()
            && !src.contains(':')
            && !src.starts_with('/')
            && !src.split('/').any(|part| part == ".." || part.is_empty());
        if !local {
            return Err((line, refuse(src.to_string())));
        }
        if let Some(folder) = self.folder
            && !folder.join(src).is_file()
        {
            return Err((line, refuse(format!("{src} (no such file)"))));
        }
        self.images.push(src.to_string());
        Ok(src.to_string())
    }

    /// The items of a list, each as one run of inlines.
    fn list_items(&mut self, kids: &[Node]) -> Located<Vec<Vec<Inline>>> {
        kids.iter()
            .map(|kid| match kid {
                Node::El { tag: Tag::Item, kids, line } => {
                    let text = self.item_text(kids)?;
                    check_recording(&text, *line)?;
                    self.texts.push((*line, text.clone()));
                    Ok(text)
                }
                other => Err(unsupported(other.line(), "this inside a list")),
            })
            .collect()
    }

    /// The text of a list item or definition: inline content, or paragraphs joined by a space.
    fn item_text(&mut self, kids: &[Node]) -> Located<Vec<Inline>> {
        let mut out = Vec::new();
        let mut inline_run: Vec<&Node> = Vec::new();
        for kid in kids {
            match kid {
                Node::El { tag: Tag::Paragraph, kids, .. } => {
                    if !out.is_empty() {
                        out.push(Inline::Text(" ".into()));
                    }
                    out.extend(self.inlines(kids)?);
                }
                Node::El { tag: Tag::List(_), line, .. } => {
                    return Err(unsupported(*line, "a list inside a list"));
                }
                Node::El { tag: Tag::BlockQuote(_), line, .. } => {
                    return Err(unsupported(*line, "a quote inside a list"));
                }
                Node::Ev { ev: Event::TaskListMarker(_), line } => {
                    return Err(unsupported(*line, "a task list [ ] outside the quiz"));
                }
                other => inline_run.push(other),
            }
        }
        if !inline_run.is_empty() {
            let owned: Vec<Inline> = self.inline_refs(&inline_run)?;
            out.extend(owned);
        }
        Ok(merge_text(out))
    }

    fn inlines(&mut self, nodes: &[Node]) -> Located<Vec<Inline>> {
        let refs: Vec<&Node> = nodes.iter().collect();
        self.inline_refs(&refs)
    }

    fn inline_refs(&mut self, nodes: &[&Node]) -> Located<Vec<Inline>> {
        let mut out = Vec::new();
        for node in nodes {
            let line = node.line();
            match node {
                Node::Ev { ev, .. } => match ev {
                    Event::Text(text) => out.push(Inline::Text(text.to_string())),
                    Event::Code(code) => out.push(Inline::Code(code.to_string())),
                    Event::SoftBreak | Event::HardBreak => out.push(Inline::Text(" ".into())),
                    Event::Html(_) | Event::InlineHtml(_) => return Err((line, ContentErrorKind::RawHtml)),
                    Event::FootnoteReference(_) => return Err(unsupported(line, "a footnote")),
                    Event::TaskListMarker(_) => {
                        return Err(unsupported(line, "a task list [ ] outside the quiz"));
                    }
                    _ => return Err(unsupported(line, "this inline element")),
                },
                Node::El { tag, kids, .. } => match tag {
                    Tag::Emphasis => out.push(Inline::Emphasis(self.inlines(kids)?)),
                    Tag::Strong => out.push(Inline::Strong(self.inlines(kids)?)),
                    Tag::Link { dest_url, .. } if dest_url.starts_with('#') => {
                        let id = &dest_url[1..];
                        if self.glossary.get(id).is_none() {
                            return Err((line, ContentErrorKind::UnknownGlossaryId(id.to_string())));
                        }
                        if !self.used.iter().any(|u| u == id) {
                            self.used.push(id.to_string());
                        }
                        out.push(Inline::Term { id: id.to_string(), text: self.inlines(kids)? });
                    }
                    Tag::Link { dest_url, .. }
                        if AUDIO.iter().any(|ext| dest_url.to_ascii_lowercase().ends_with(ext))
                            && !dest_url.contains("://") =>
                    {
                        if !self.recordings {
                            return Err((line, ContentErrorKind::AudioPlace));
                        }
                        out.push(Inline::Audio(self.audio_source(dest_url, line)?));
                    }
                    Tag::Link { dest_url, .. } => {
                        let lower = dest_url.to_ascii_lowercase();
                        if !(lower.starts_with("https://") || lower.starts_with("http://")) {
                            return Err((line, ContentErrorKind::LinkScheme(dest_url.to_string())));
                        }
                        out.push(Inline::Link { href: dest_url.to_string(), text: self.inlines(kids)? });
                    }
                    Tag::Image { .. } => return Err((line, ContentErrorKind::ImageInline)),
                    Tag::Strikethrough => return Err(unsupported(line, "strikethrough")),
                    _ => return Err(unsupported(line, "this inline element")),
                },
            }
        }
        Ok(merge_text(out))
    }

    // -----------------------------------------------------------------------------------------
    // Quiz

    fn quiz(&mut self, nodes: &[Node]) -> Located<(Vec<Question>, Vec<usize>)> {
        let mut questions: Vec<Question> = Vec::new();
        let mut lines = Vec::new();
        let mut current: Option<QuestionDraft> = None;
        for node in nodes {
            let line = node.line();
            match node {
                Node::El {
                    tag: Tag::Heading { level: HeadingLevel::H2, id, classes, attrs }, kids, ..
                } => {
                    if let Some(draft) = current.take() {
                        questions.push(draft.finish()?);
                    }
                    let id = id
                        .as_ref()
                        .map(|id| id.to_string())
                        .ok_or((line, ContentErrorKind::QuestionWithoutId))?;
                    if questions.iter().any(|q| q.id == id) {
                        return Err((line, ContentErrorKind::DuplicateQuestionId(id)));
                    }
                    let syntax = |what: String| (line, ContentErrorKind::QuizSyntax(what));
                    let kind = match classes.as_slice() {
                        [] => KindMark::Single,
                        [one] => KindMark::from_class(one)
                            .ok_or_else(|| syntax(format!("unknown question class .{one}; {KIND_HELP}")))?,
                        _ => return Err(syntax(format!("a question has one class; {KIND_HELP}"))),
                    };
                    if !attrs.is_empty() {
                        return Err(syntax("question headings take only {#id .class}".into()));
                    }
                    lines.push(line);
                    current = Some(QuestionDraft {
                        id,
                        line,
                        kind,
                        prompt: self.inlines(kids)?,
                        context: Vec::new(),
                        options: None,
                        steps: None,
                        pairs: None,
                        explanation: None,
                    });
                }
                _ => {
                    let Some(draft) = current.as_mut() else {
                        return Err((
                            line,
                            ContentErrorKind::QuizSyntax(
                                "the quiz must start with a `## question {#id}` heading".into(),
                            ),
                        ));
                    };
                    self.question_part(draft, node)?;
                }
            }
        }
        if let Some(draft) = current.take() {
            questions.push(draft.finish()?);
        }
        Ok((questions, lines))
    }

    fn question_part(&mut self, draft: &mut QuestionDraft, node: &Node) -> Located<()> {
        let line = node.line();
        let syntax = |what: &str| (line, ContentErrorKind::QuizSyntax(what.to_string()));
        if draft.explanation.is_some() {
            return Err(syntax("the explanation quote must come last in a question"));
        }
        let answered = draft.options.is_some() || draft.steps.is_some() || draft.pairs.is_some();
        match node {
            Node::El { tag: Tag::Paragraph, kids, .. } if !answered => {
                draft.context.push(self.inlines(kids)?);
            }
            Node::El { tag: Tag::Paragraph, .. } => {
                return Err(syntax("text after the answers: write the explanation as a quote (> …)"));
            }
            Node::El { tag: Tag::List(None), kids, .. } if !answered => {
                let mut options = Vec::new();
                for item in kids {
                    let Node::El { tag: Tag::Item, kids, line } = item else {
                        return Err(syntax("unexpected content in the options"));
                    };
                    let (correct, rest) = match kids.split_first() {
                        Some((Node::Ev { ev: Event::TaskListMarker(checked), .. }, rest)) => (*checked, rest),
                        _ => {
                            return Err((
                                *line,
                                ContentErrorKind::QuizSyntax("an option must start with [ ] or [x]".into()),
                            ));
                        }
                    };
                    options.push(Choice { correct, text: self.item_text(rest)? });
                }
                draft.options = Some(options);
            }
            Node::El { tag: Tag::List(Some(_)), kids, .. } if !answered => {
                draft.steps = Some(self.list_items(kids)?);
            }
            Node::El { tag: Tag::DefinitionList, kids, .. } if !answered => {
                let mut pairs = Vec::new();
                let mut left = None;
                for kid in kids {
                    match kid {
                        Node::El { tag: Tag::DefinitionListTitle, kids, .. } => {
                            left = Some(self.inlines(kids)?)
                        }
                        Node::El { tag: Tag::DefinitionListDefinition, kids, line } => {
                            let left = left.take().ok_or_else(|| {
                                (*line, ContentErrorKind::QuizSyntax("each left item takes one match".into()))
                            })?;
                            pairs.push(Pair { left, right: self.item_text(kids)? });
                        }
                        other => return Err(unsupported(other.line(), "this inside a match question")),
                    }
                }
                draft.pairs = Some(pairs);
            }
            Node::El { tag: Tag::List(_) | Tag::DefinitionList, .. } => {
                return Err(syntax("a question takes one list of answers"));
            }
            Node::El { tag: Tag::BlockQuote(None), kids, .. } => {
                let mut text = Vec::new();
                for kid in kids {
                    match kid {
                        Node::El { tag: Tag::Paragraph, kids, .. } => {
                            if !text.is_empty() {
                                text.push(Inline::Text(" ".into()));
                            }
                            text.extend(self.inlines(kids)?);
                        }
                        other => {
                            return Err((
                                other.line(),
                                ContentErrorKind::QuizSyntax("an explanation is plain paragraphs".into()),
                            ));
                        }
                    }
                }
                draft.explanation = Some(merge_text(text));
            }
            Node::El { tag: Tag::HtmlBlock, .. }
            | Node::Ev { ev: Event::Html(_) | Event::InlineHtml(_), .. } => {
                return Err((line, ContentErrorKind::RawHtml));
            }
            _ => {
                return Err(syntax("only a paragraph, the answers and an explanation may follow a question"));
            }
        }
        Ok(())
    }
}

const KIND_HELP: &str = "use none (single choice), .multiple, .true, .false, .order, .match or .spot";

/// The kind a question heading's class asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KindMark {
    Single,
    Multiple,
    True,
    False,
    Order,
    Match,
    Spot,
}

impl KindMark {
    fn from_class(class: &str) -> Option<KindMark> {
        Some(match class {
            "multiple" => KindMark::Multiple,
            "true" => KindMark::True,
            "false" => KindMark::False,
            "order" => KindMark::Order,
            "match" => KindMark::Match,
            "spot" => KindMark::Spot,
            _ => return None,
        })
    }

    /// What the question's answers must be written as.
    fn expects(self) -> &'static str {
        match self {
            KindMark::Single | KindMark::Multiple => "a task list of options (- [ ] / - [x])",
            KindMark::True | KindMark::False => "no list: the heading is the statement",
            KindMark::Order => "a numbered list of the steps in the right order",
            KindMark::Match => "a definition list of pairs (left, then `: right`)",
            KindMark::Spot => "a task list of the message's parts, suspicious ones marked [x]",
        }
    }
}

struct QuestionDraft {
    id: String,
    line: usize,
    kind: KindMark,
    prompt: Vec<Inline>,
    context: Vec<Vec<Inline>>,
    options: Option<Vec<Choice>>,
    steps: Option<Vec<Vec<Inline>>>,
    pairs: Option<Vec<Pair>>,
    explanation: Option<Vec<Inline>>,
}

impl QuestionDraft {
    fn finish(self) -> Located<Question> {
        let QuestionDraft { id, line, kind: mark, prompt, context, options, steps, pairs, explanation } =
            self;
        let wrong_shape =
            || (line, ContentErrorKind::QuizSyntax(format!("question `{id}` needs {}", mark.expects())));
        let kind = match (mark, options, steps, pairs) {
            (KindMark::Single | KindMark::Multiple, Some(options), None, None) => {
                if options.len() < 2 {
                    return Err((line, ContentErrorKind::TooFewOptions(id)));
                }
                match options.iter().filter(|o| o.correct).count() {
                    0 => return Err((line, ContentErrorKind::NoCorrectAnswer(id))),
                    n if n > 1 && mark == KindMark::Single => {
                        return Err((line, ContentErrorKind::SeveralCorrectAnswers(id)));
                    }
                    _ if mark == KindMark::Multiple => QuestionKind::MultipleChoice { options },
                    _ => QuestionKind::SingleChoice { options },
                }
            }
            (KindMark::True, None, None, None) => QuestionKind::TrueFalse { answer: true },
            (KindMark::False, None, None, None) => QuestionKind::TrueFalse { answer: false },
            (KindMark::Order, None, Some(steps), None) => {
                if steps.len() < 2 {
                    return Err((line, ContentErrorKind::TooFewOptions(id)));
                }
                QuestionKind::Order { steps }
            }
            (KindMark::Match, None, None, Some(pairs)) => {
                if pairs.len() < 2 {
                    return Err((line, ContentErrorKind::TooFewOptions(id)));
                }
                QuestionKind::Match { pairs }
            }
            (KindMark::Spot, Some(parts), None, None) => {
                if parts.len() < 2 {
                    return Err((line, ContentErrorKind::TooFewOptions(id)));
                }
                if !parts.iter().any(|p| p.correct) {
                    return Err((line, ContentErrorKind::NoCorrectAnswer(id)));
                }
                if parts.iter().all(|p| p.correct) {
                    return Err((
                        line,
                        ContentErrorKind::QuizSyntax(format!(
                            "question `{id}`: some parts of the message must be innocent ([ ])"
                        )),
                    ));
                }
                QuestionKind::SpotTheScam { parts }
            }
            _ => return Err(wrong_shape()),
        };
        let Some(explanation) = explanation.filter(|e| !e.is_empty()) else {
            return Err((line, ContentErrorKind::MissingExplanation(id)));
        };
        Ok(Question { id, prompt, context, kind, explanation })
    }
}

/// Joins neighbouring text runs, so the model does not depend on how the parser split them.
fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match (out.last_mut(), inline) {
            (Some(Inline::Text(prev)), Inline::Text(next)) => prev.push_str(&next),
            (_, inline) => out.push(inline),
        }
    }
    out
}

/// One language's interface messages: every `<i18n_dir>/<lang>/*.ftl` file, in file-name order,
/// as the app's build script embeds them.
pub fn load_catalog(i18n_dir: &Path, lang: Lang) -> Result<crate::i18n::Catalog, String> {
    let dir = i18n_dir.join(lang.code());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
        .collect();
    files.sort();
    let mut text = String::new();
    for file in files {
        text.push_str(&std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?);
        text.push('\n');
    }
    crate::i18n::Catalog::parse(lang, &text).map_err(|e| format!("{}: {e}", dir.display()))
}
