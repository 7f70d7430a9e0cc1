//! The compiled lesson model: what the app renders and what a completion record names.
//!
//! The set of block and inline kinds is closed on purpose. Whatever an author writes in
//! Markdown either becomes one of these kinds or fails the build (see [`crate::compiler`]), so
//! the app can render every lesson with components and never needs `inner_html`.

use serde::{Deserialize, Serialize};

use crate::Lang;

/// Which of the campaign's four pillars a lesson serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pillar {
    /// Danh tính số: the VNeID digital identity.
    DanhTinhSo,
    /// Phương tiện số: the smartphone and how to use it.
    PhuongTienSo,
    /// Tài khoản số: public-service, bank and e-wallet accounts.
    TaiKhoanSo,
    /// Kỹ năng số: basic digital skills, safety first.
    KyNangSo,
}

impl Pillar {
    /// Every pillar, in the order the campaign names them.
    pub const ALL: [Pillar; 4] =
        [Pillar::DanhTinhSo, Pillar::PhuongTienSo, Pillar::TaiKhoanSo, Pillar::KyNangSo];

    /// The slug used in front matter and as the suffix of its message id (`pillar-<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            Pillar::DanhTinhSo => "danh-tinh-so",
            Pillar::PhuongTienSo => "phuong-tien-so",
            Pillar::TaiKhoanSo => "tai-khoan-so",
            Pillar::KyNangSo => "ky-nang-so",
        }
    }
}

/// The competency domains of the MoET digital competency framework (Thông tư 02/2025/TT-BGDĐT).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Competency {
    /// Khai thác dữ liệu và thông tin.
    KhaiThacDuLieu,
    /// Giao tiếp và hợp tác trong môi trường số.
    GiaoTiepHopTac,
    /// Sáng tạo nội dung số.
    SangTaoNoiDung,
    /// An toàn.
    AnToan,
    /// Giải quyết vấn đề.
    GiaiQuyetVanDe,
    /// Ứng dụng trí tuệ nhân tạo.
    UngDungAi,
}

impl Competency {
    /// Every domain, in the framework's order.
    pub const ALL: [Competency; 6] = [
        Competency::KhaiThacDuLieu,
        Competency::GiaoTiepHopTac,
        Competency::SangTaoNoiDung,
        Competency::AnToan,
        Competency::GiaiQuyetVanDe,
        Competency::UngDungAi,
    ];

    /// The slug used in front matter and as the suffix of its message id (`competency-<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            Competency::KhaiThacDuLieu => "khai-thac-du-lieu",
            Competency::GiaoTiepHopTac => "giao-tiep-hop-tac",
            Competency::SangTaoNoiDung => "sang-tao-noi-dung",
            Competency::AnToan => "an-toan",
            Competency::GiaiQuyetVanDe => "giai-quyet-van-de",
            Competency::UngDungAi => "ung-dung-ai",
        }
    }
}

/// The "5 kỹ năng số cơ bản" that every household should master (Công văn 3240/BTTTT-CĐSQG, 2024).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BasicSkill {
    /// Sử dụng dịch vụ công trực tuyến.
    DichVuCong,
    /// Mua sắm trực tuyến.
    MuaSam,
    /// Thanh toán trực tuyến.
    ThanhToan,
    /// Tự bảo vệ mình trên không gian mạng.
    TuBaoVe,
    /// Sử dụng các nền tảng số khác.
    NenTangKhac,
}

impl BasicSkill {
    /// Every skill, in the order the letter names them.
    pub const ALL: [BasicSkill; 5] = [
        BasicSkill::DichVuCong,
        BasicSkill::MuaSam,
        BasicSkill::ThanhToan,
        BasicSkill::TuBaoVe,
        BasicSkill::NenTangKhac,
    ];

    /// The slug used in front matter and as the suffix of its message id (`basic-skill-<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            BasicSkill::DichVuCong => "dich-vu-cong",
            BasicSkill::MuaSam => "mua-sam",
            BasicSkill::ThanhToan => "thanh-toan",
            BasicSkill::TuBaoVe => "tu-bao-ve",
            BasicSkill::NenTangKhac => "nen-tang-khac",
        }
    }
}

/// One lesson in one language, as the app receives it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    /// Stable id, also the folder name under `content/`.
    pub id: String,
    pub lang: Lang,
    /// Raised by authors whenever the lesson's meaning changes.
    pub version: u32,
    pub title: String,
    pub summary: String,
    /// Estimated minutes to read the lesson and take the quiz.
    pub minutes: u32,
    pub pillar: Pillar,
    pub competency: Competency,
    pub basic_skill: BasicSkill,
    /// What the learner can do afterwards, in plain words.
    pub objectives: Vec<String>,
    pub body: Vec<Block>,
    pub quiz: Quiz,
    /// The shared glossary's entries that this lesson links to, so they work offline with it.
    pub glossary: Vec<GlossaryEntry>,
}

/// A lesson as written to the build output: the lesson and the hash of its canonical form.
///
/// The hash is SHA-256 over the lesson's canonical JSON (fields in declaration order, no
/// whitespace), written as lowercase hex. A completion record names it, so it says exactly which
/// version of the text the learner saw.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompiledLesson {
    pub hash: String,
    pub lesson: Lesson,
}

/// A block of lesson text. The set is closed: anything else in Markdown is a build error.
///
/// The model's enums use serde's default (external) tagging: internally tagged enums make serde
/// buffer every value, which cost about 30 KB of wasm here.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// A section heading; level 2 or 3 (the lesson title is the only level 1).
    Heading {
        level: u8,
        text: Vec<Inline>,
    },
    Paragraph {
        text: Vec<Inline>,
    },
    /// Numbered steps the learner follows in order.
    Steps {
        steps: Vec<Step>,
    },
    /// A plain bulleted list.
    List {
        items: Vec<Vec<Inline>>,
    },
    /// A warning (money or identity at stake) or a tip.
    Callout {
        tone: Tone,
        body: Vec<Block>,
    },
    /// A picture; the alt text is required and is what a screen reader says.
    Image {
        src: String,
        alt: String,
    },
    /// A glossary term and its plain-words definition.
    Term {
        term: String,
        definition: Vec<Inline>,
    },
}

/// One numbered step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub text: Vec<Inline>,
}

/// The tone of a callout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Warning,
    Tip,
}

/// Inline text. The set is closed: images and raw HTML never appear inline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Code(String),
    /// A link; the compiler only lets `http` and `https` addresses through.
    Link {
        href: String,
        text: Vec<Inline>,
    },
    /// Words linked to a glossary entry (`[words](#id)` in Markdown); the app explains them on tap.
    Term {
        id: String,
        text: Vec<Inline>,
    },
    /// A recording of the paragraph, step or list item it ends (`[nghe](audio/buoc-1.mp3)` in
    /// Markdown, a file in the lesson's folder): read-aloud plays it before any synthetic voice.
    /// Never shown; the last inline of its text, one at most. (Last of the variants, so lessons
    /// kept on a device in the wire form before it existed still read.)
    Audio(String),
}

impl Inline {
    /// The recording of a paragraph, step or list item, if its text ends with one.
    pub fn recording(text: &[Inline]) -> Option<&str> {
        match text.last() {
            Some(Inline::Audio(src)) => Some(src),
            _ => None,
        }
    }

    /// The words of a run of inlines, without markup: for titles, alt text and read-aloud.
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for inline in inlines {
            match inline {
                Inline::Text(text) | Inline::Code(text) => out.push_str(text),
                Inline::Emphasis(inner)
                | Inline::Strong(inner)
                | Inline::Link { text: inner, .. }
                | Inline::Term { text: inner, .. } => out.push_str(&Inline::plain_text(inner)),
                Inline::Audio(_) => {}
            }
        }
        out
    }
}

/// The quiz at the end of a lesson.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    /// The share of questions to get right to pass, in percent.
    pub pass_mark: u32,
    pub questions: Vec<Question>,
}

/// One quiz question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id, the same in every language; records name it.
    pub id: String,
    pub prompt: Vec<Inline>,
    /// Paragraphs that set the scene before the options (a message the learner received, say).
    pub context: Vec<Vec<Inline>>,
    pub kind: QuestionKind,
    /// Shown after the learner answers, right or wrong.
    pub explanation: Vec<Inline>,
}

/// What kind of answer a question takes. Options, steps, pairs and parts are kept in the order
/// the author wrote them (for order questions, that is the right order); the app shuffles them
/// for display, and answers name them by these indices, so grading never depends on the shuffle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Exactly one option is right.
    SingleChoice { options: Vec<Choice> },
    /// One or more options are right; the learner picks all of them.
    MultipleChoice { options: Vec<Choice> },
    /// The prompt is a statement; the learner says whether it is true.
    TrueFalse { answer: bool },
    /// The learner puts the steps in order; `steps` is the right order.
    Order { steps: Vec<Vec<Inline>> },
    /// The learner matches each left item with its right item; `pairs` are the right matches.
    Match { pairs: Vec<Pair> },
    /// A message cut into parts; the learner picks the suspicious ones (`correct` marks them).
    SpotTheScam { parts: Vec<Choice> },
}

impl QuestionKind {
    /// The name used in the content format and in reports (`single`, `multiple`, …).
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::SingleChoice { .. } => "single",
            QuestionKind::MultipleChoice { .. } => "multiple",
            QuestionKind::TrueFalse { .. } => "true-false",
            QuestionKind::Order { .. } => "order",
            QuestionKind::Match { .. } => "match",
            QuestionKind::SpotTheScam { .. } => "spot",
        }
    }

    /// What must be the same in every translation: the kind, how many items it has, and which
    /// of them are right.
    pub fn answer_shape(&self) -> (&'static str, Vec<bool>) {
        let marks = |choices: &[Choice]| choices.iter().map(|c| c.correct).collect();
        let shape = match self {
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
                marks(options)
            }
            QuestionKind::SpotTheScam { parts } => marks(parts),
            QuestionKind::TrueFalse { answer } => vec![*answer],
            QuestionKind::Order { steps } => vec![true; steps.len()],
            QuestionKind::Match { pairs } => vec![true; pairs.len()],
        };
        (self.name(), shape)
    }
}

/// An option of a choice question, or a part of a message in a spot-the-scam question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub text: Vec<Inline>,
    /// Right (for an option) or suspicious (for a part of a message).
    pub correct: bool,
}

/// A pair of a match question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    pub left: Vec<Inline>,
    pub right: Vec<Inline>,
}

/// An entry of the shared glossary (`content/glossary/<lang>.md`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    /// Stable id, the same in every language; lessons link to it as `[words](#id)`.
    pub id: String,
    pub term: String,
    pub definition: Vec<Inline>,
}

/// The compiled course index: every lesson with what the course page shows before it is opened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseIndex {
    pub lessons: Vec<LessonSummary>,
}

impl CourseIndex {
    /// The lesson with this id, if the course has one.
    pub fn lesson(&self, id: &str) -> Option<&LessonSummary> {
        self.lessons.iter().find(|lesson| lesson.id == id)
    }

    /// The lessons grouped by pillar, in course order: the groups in the order their first
    /// lesson comes, so a beginner meets the first lesson of the course first.
    pub fn by_pillar(&self) -> Vec<(Pillar, Vec<&LessonSummary>)> {
        let mut groups: Vec<(Pillar, Vec<&LessonSummary>)> = Vec::new();
        for lesson in &self.lessons {
            match groups.iter_mut().find(|(pillar, _)| *pillar == lesson.pillar) {
                Some((_, lessons)) => lessons.push(lesson),
                None => groups.push((lesson.pillar, vec![lesson])),
            }
        }
        groups
    }
}

/// A lesson as listed in the course index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonSummary {
    pub id: String,
    pub version: u32,
    pub minutes: u32,
    pub pillar: Pillar,
    pub competency: Competency,
    pub basic_skill: BasicSkill,
    /// One entry per language, the source first.
    pub translations: Vec<Translation>,
    /// The pictures the lesson shows and the recordings read-aloud plays (in any language),
    /// relative to the course index: what a download for offline use fetches besides the
    /// lesson's file.
    pub pictures: Vec<String>,
}

impl LessonSummary {
    /// The translation in `lang`, falling back to the source language.
    pub fn translation(&self, lang: Lang) -> &Translation {
        self.translations.iter().find(|t| t.lang == lang).unwrap_or(&self.translations[0])
    }
}

/// A lesson's title and file in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Translation {
    pub lang: Lang,
    pub title: String,
    pub summary: String,
    /// The content hash of the compiled lesson (see [`CompiledLesson`]).
    pub hash: String,
    /// Where the compiled lesson is, relative to the course index, without the extension:
    /// `<file>.bin` is the wire form the app loads (see [`crate::wire`]), `<file>.json` the same
    /// for people and tools. The name carries the hash, so the file never changes and can be
    /// cached for ever.
    pub file: String,
    /// The size of `<file>.bin` in bytes: what keeping the lesson on the device costs.
    pub bytes: u32,
}
