//! Making a completion record (issue 6): what a passed quiz leaves behind ([`Claim`]), and the
//! Open Badges 3.0 credential signed from it ([`credential`], [`sign`]).
//!
//! The course page keeps a claim the moment a quiz is passed (a few hundred bytes, in the
//! device's storage); the record itself is signed from it on the settings page, once the learner
//! has agreed to keep records (see [`crate::consent`]), with their profile's key. Signing there
//! keeps Ed25519 and JSON out of the course page's wasm, which is at its size budget.
//!
//! What a record says about itself: it is a completion claim signed by the learner's own device.
//! A city issuing service can later confirm it (with a guide's or trainer's endorsement) into an
//! official credential; the app never presents it as more than that.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::Lang;
use crate::content::{Competency, CompiledLesson};
use crate::jws::Keypair;
use crate::quiz::QuizResult;
use crate::record::{OB_CONTEXT, VC_CONTEXT, format_datetime};

/// The project's JSON-LD context, served by the app at this path (public/contexts/kns-v1.jsonld):
/// it declares the `kns` object of every record.
pub const KNS_CONTEXT_PATH: &str = "/contexts/kns-v1.jsonld";

/// The MoET framework a lesson's competency domain belongs to (content/SOURCES.md).
pub const FRAMEWORK: &str = "Khung năng lực số cho người học (Thông tư 02/2025/TT-BGDĐT)";
/// Where the framework's text is published.
pub const FRAMEWORK_URL: &str = "https://thuvienphapluat.vn/bulletin/document.aspx?bid=c6459e4e-90a1-46f1-bbfd-c5bdaa61b0ed&key=MEtwBlRIp6YXu1YMseinew%3D%3D";

/// What a passed quiz leaves behind, for a record to be made from: the lesson as the learner saw
/// it, and how they did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub lesson: String,
    pub version: u32,
    /// The content hash of the text the learner answered.
    pub hash: String,
    pub lang: Lang,
    /// The lesson's title and summary in that language (the record's achievement).
    pub title: String,
    pub summary: String,
    pub competency: Competency,
    pub score: u32,
    pub total: u32,
    /// The share to get right to pass, in percent.
    pub pass_mark: u32,
    /// Each question's id and whether it was answered right, in the lesson's order (for
    /// trainers' item analysis).
    pub correct: Vec<(String, bool)>,
    /// Time spent on the quiz, in seconds.
    pub seconds: u32,
    /// When the quiz was passed, in milliseconds since 1970 (UTC).
    pub at_ms: u64,
}

impl Claim {
    /// The claim a finished quiz leaves; `None` unless it was passed.
    pub fn passed(compiled: &CompiledLesson, result: &QuizResult, seconds: u32, at_ms: u64) -> Option<Claim> {
        if !result.passed {
            return None;
        }
        let lesson = &compiled.lesson;
        let correct =
            lesson.quiz.questions.iter().map(|q| (q.id.clone(), !result.missed.contains(&q.id))).collect();
        Some(Claim {
            lesson: lesson.id.clone(),
            version: lesson.version,
            hash: compiled.hash.clone(),
            lang: lesson.lang,
            title: lesson.title.clone(),
            summary: lesson.summary.clone(),
            competency: lesson.competency,
            score: result.score as u32,
            total: result.total as u32,
            pass_mark: lesson.quiz.pass_mark,
            correct,
            seconds,
            at_ms,
        })
    }

    /// Where it is kept: under the learner, the lesson and the moment, so every pass is kept.
    pub fn key(&self, profile: &str) -> String {
        format!("{profile}/{}/{}", self.lesson, self.at_ms)
    }
}

/// The claims that have no record yet (records are kept under their claim's key), in order.
pub fn owed<'a>(claims: &'a [(String, Claim)], records: &[(String, String)]) -> Vec<&'a (String, Claim)> {
    claims.iter().filter(|(key, _)| !records.iter().any(|(k, _)| k == key)).collect()
}

/// Where a guide's endorsement of the record kept under `record` is kept: `<record key>/<guide>`.
pub fn endorsement_key(record: &str, guide: &str) -> String {
    format!("{record}/{guide}")
}

/// The guide whose endorsement of the record kept under `record` is kept under `key`; `None`
/// when `key` is not one of that record's (another record's, even one whose key begins alike).
pub fn endorsement_guide<'a>(key: &'a str, record: &str) -> Option<&'a str> {
    key.strip_prefix(record)?.strip_prefix('/').filter(|guide| !guide.is_empty() && !guide.contains('/'))
}

/// The words of a record in its language (from the app's messages), and who and where it is
/// made.
pub struct Issue<'a> {
    /// The app's origin (`https://…`): the project context and the lesson's address are under it.
    pub origin: &'a str,
    /// The record's id: a fresh `urn:uuid:` (see [`uuid`]).
    pub id: String,
    /// The learner: the reference a host passed in, or `None` for the profile's own did:key.
    pub subject: Option<&'a str>,
    /// The cohort code, when the profile has joined one.
    pub cohort: Option<&'a str>,
    pub app_version: &'a str,
    /// What the record is, in plain words (the credential's description).
    pub description: &'a str,
    /// How it was earned (the achievement's criteria).
    pub criteria: &'a str,
    /// The name of the lesson's competency domain, in the record's language.
    pub domain: &'a str,
}

/// A `urn:uuid:` (version 4) from 16 random bytes.
pub fn uuid(mut random: [u8; 16]) -> String {
    random[6] = random[6] & 0x0f | 0x40;
    random[8] = random[8] & 0x3f | 0x80;
    let hex: String = random.iter().map(|b| format!("{b:02x}")).collect();
    format!("urn:uuid:{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// The credential for a claim, issued by `issuer` (a did:key).
pub fn credential(claim: &Claim, issuer: &str, issue: &Issue) -> Value {
    let valid_from = (claim.at_ms / 1000) as i64;
    let subject = issue.subject.unwrap_or(issuer);
    let correct: Vec<Value> = claim
        .correct
        .iter()
        .map(|(question, right)| json!({ "question": question, "right": right }))
        .collect();
    let mut kns = json!({
        "lesson": claim.lesson,
        "version": claim.version,
        "contentHash": claim.hash,
        "lang": claim.lang.code(),
        "score": claim.score,
        "total": claim.total,
        "passMark": claim.pass_mark,
        "correct": correct,
        "seconds": claim.seconds,
        "appVersion": issue.app_version,
    });
    if let Some(cohort) = issue.cohort {
        kns["cohort"] = json!(cohort);
    }
    json!({
        "@context": [VC_CONTEXT, OB_CONTEXT, format!("{}{KNS_CONTEXT_PATH}", issue.origin)],
        "id": issue.id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": claim.title,
        "description": issue.description,
        "issuer": { "id": issuer, "type": ["Profile"] },
        "validFrom": format_datetime(valid_from),
        "credentialSubject": {
            "id": subject,
            "type": ["AchievementSubject"],
            "achievement": {
                "id": format!("{}/lesson/{}#v{}", issue.origin, claim.lesson, claim.version),
                "type": ["Achievement"],
                "name": claim.title,
                "description": claim.summary,
                "criteria": { "narrative": issue.criteria },
                "inLanguage": claim.lang.code(),
                "alignment": [{
                    "type": ["Alignment"],
                    "targetName": issue.domain,
                    "targetUrl": FRAMEWORK_URL,
                    "targetFramework": FRAMEWORK,
                    "targetCode": claim.competency.slug(),
                }],
            },
        },
        "kns": kns,
        "iss": issuer,
        "sub": subject,
        "jti": issue.id,
        "nbf": valid_from,
    })
}

/// The signed record (a JWS, `vc+jwt`) for a claim, issued by the profile's key.
pub fn sign(keys: &Keypair, claim: &Claim, issue: &Issue) -> String {
    let vc = credential(claim, &keys.did(), issue);
    keys.sign_jws(&serde_json::to_vec(&vc).expect("a credential always serialises"))
}

/// A guide's endorsement of a learner's record (Open Badges 3.0 `EndorsementCredential`), signed
/// with the guide's own key: its subject is the record's id, with what the guide wrote.
pub struct Endorse<'a> {
    /// The endorsement's own id: a fresh `urn:uuid:`.
    pub id: String,
    /// The id of the record endorsed.
    pub record: &'a str,
    /// When, in seconds since 1970 (UTC).
    pub at_s: i64,
    /// What it is called, in the record's language ("Người hướng dẫn xác nhận").
    pub name: &'a str,
    /// What the guide wrote, if anything.
    pub comment: Option<&'a str>,
}

/// The signed endorsement (a JWS, `vc+jwt`).
pub fn endorse(guide: &Keypair, endorse: &Endorse) -> String {
    let issuer = guide.did();
    let mut subject = json!({ "id": endorse.record, "type": ["EndorsementSubject"] });
    if let Some(comment) = endorse.comment.map(str::trim).filter(|c| !c.is_empty()) {
        subject["endorsementComment"] = json!(comment);
    }
    let vc = json!({
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": endorse.id,
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": endorse.name,
        "issuer": { "id": issuer, "type": ["Profile"] },
        "validFrom": format_datetime(endorse.at_s),
        "credentialSubject": subject,
        "iss": issuer,
        "sub": endorse.record,
        "jti": endorse.id,
        "nbf": endorse.at_s,
    });
    guide.sign_jws(&serde_json::to_vec(&vc).expect("a credential always serialises"))
}
