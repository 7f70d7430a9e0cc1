//! Checking a completion record (issue 6): a W3C Verifiable Credential 2.0 of type
//! `OpenBadgeCredential` (Open Badges 3.0), secured as a JWS (`EdDSA`, `vc+jwt`, a `did:key` key
//! id), as the app, the `kns` command and later the city's collector check it.
//!
//! [`verify_record`] returns the record's facts or one [`Reason`] from a fixed list, checked in
//! this order: size, form (three base64url parts), header, key, signature, then the payload (a
//! VC 2.0 Open Badge whose issuer is the signing key, with JWT claims that agree with it), its
//! date, and, given the course, its lesson and content version. Strict single verification
//! decides; nothing here trusts a batch.

use serde_json::Value;

use crate::content::CourseIndex;
use crate::jws::{self, JwsError};

/// The W3C Verifiable Credentials 2.0 context: a record's first `@context`.
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
/// The Open Badges 3.0 context.
pub const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
/// Records longer than this are refused before anything is parsed.
pub const MAX_BYTES: usize = 16 * 1024;
/// How far in the future a record's `validFrom` may be (clocks differ), in seconds.
pub const MAX_SKEW_S: i64 = 5 * 60;

/// Why a record was refused. [`Reason::code`] is its stable name (the `kns` command's JSON and
/// summary); its `Display` is the sentence an operator reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Longer than [`MAX_BYTES`] (its length).
    Oversized(usize),
    /// Not three parts separated by dots.
    NotJws,
    /// A part (`header`, `payload` or `signature`) is not base64url.
    BadBase64(&'static str),
    /// The protected header is not `{"alg":"EdDSA","typ":"vc+jwt",...}` (what it says instead).
    BadHeader(String),
    /// The `kid` is not an Ed25519 `did:key`.
    BadKeyId(String),
    /// The key is weak (small order): anyone could sign for it.
    WeakKey,
    /// The signature does not match: altered, or signed with another key.
    BadSignature,
    /// The payload is not a VC 2.0 Open Badge credential (what is missing or wrong).
    NotOpenBadge(String),
    /// The credential's issuer is not the key that signed it.
    IssuerNotKey,
    /// `validFrom` is more than [`MAX_SKEW_S`] ahead of now (by this many seconds).
    Future(i64),
    /// The course has no lesson of this id.
    UnknownLesson(String),
    /// The course does not know this version of the lesson (or its content).
    UnknownVersion(String),
}

impl Reason {
    /// Its stable name.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::Oversized(_) => "oversized",
            Reason::NotJws => "not-jws",
            Reason::BadBase64(_) => "bad-base64",
            Reason::BadHeader(_) => "bad-header",
            Reason::BadKeyId(_) => "bad-key-id",
            Reason::WeakKey => "weak-key",
            Reason::BadSignature => "bad-signature",
            Reason::NotOpenBadge(_) => "not-open-badge",
            Reason::IssuerNotKey => "issuer-not-key",
            Reason::Future(_) => "future",
            Reason::UnknownLesson(_) => "unknown-lesson",
            Reason::UnknownVersion(_) => "unknown-version",
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Oversized(n) => write!(f, "{n} bytes, over the {MAX_BYTES}-byte limit"),
            Reason::NotJws => write!(f, "not a JWS: it must be three parts separated by dots"),
            Reason::BadBase64(part) => write!(f, "the {part} is not base64url"),
            Reason::BadHeader(what) => write!(f, "the header is not EdDSA / vc+jwt: {what}"),
            Reason::BadKeyId(kid) => write!(f, "key id “{kid}” is not an Ed25519 did:key"),
            Reason::WeakKey => write!(f, "the public key is weak (small order)"),
            Reason::BadSignature => {
                write!(f, "the signature does not match: altered, or signed with another key")
            }
            Reason::NotOpenBadge(what) => write!(f, "not a VC 2.0 Open Badges credential: {what}"),
            Reason::IssuerNotKey => write!(f, "the issuer is not the key that signed the record"),
            Reason::Future(s) => write!(f, "issued {s} s in the future"),
            Reason::UnknownLesson(id) => write!(f, "the course has no lesson “{id}”"),
            Reason::UnknownVersion(what) => write!(f, "the course does not know {what}"),
        }
    }
}

impl std::error::Error for Reason {}

/// What a record that checked out says.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// The credential's `id` (`urn:uuid:…`).
    pub id: String,
    /// The issuer: the `did:key` that signed it.
    pub issuer: String,
    /// The learner (`credentialSubject.id`).
    pub subject: String,
    /// `validFrom`, in seconds since 1970 (UTC).
    pub valid_from: i64,
    /// The lesson and its version, from the project's `kns` object.
    pub lesson: String,
    pub version: u64,
    /// The whole credential, for everything else.
    pub credential: Value,
}

/// A guide's endorsement of a record (Open Badges 3.0 `EndorsementCredential`): "I watched this
/// person complete the lesson", signed with the guide's own key.
#[derive(Clone, Debug, PartialEq)]
pub struct Endorsement {
    pub id: String,
    /// The guide: the `did:key` that signed it.
    pub issuer: String,
    /// The id of the record it endorses (`credentialSubject.id`).
    pub record: String,
    /// What the guide wrote, if anything (`endorsementComment`).
    pub comment: Option<String>,
    pub valid_from: i64,
}

/// What every signed credential here has, once checked: the JWS, the VC 2.0 and Open Badges
/// contexts, a type, the issuer that signed it, and claims that agree.
struct Signed {
    vc: Value,
    id: String,
    issuer: String,
    subject: String,
    valid_from: i64,
}

fn not(what: &str) -> Reason {
    Reason::NotOpenBadge(what.to_string())
}

fn text(value: Option<&Value>, what: &str) -> Result<String, Reason> {
    value.and_then(Value::as_str).map(str::to_string).ok_or_else(|| not(what))
}

fn strings<'a>(vc: &'a Value, key: &str) -> Vec<&'a str> {
    vc.get(key).and_then(Value::as_array).map_or(Vec::new(), |a| a.iter().filter_map(Value::as_str).collect())
}

/// Checks the size, the JWS, and the credential every record and endorsement is, of type
/// `kind` (`OpenBadgeCredential` or `EndorsementCredential`).
fn check_signed(jws_text: &str, kind: &str, now_s: i64) -> Result<Signed, Reason> {
    let jws_text = jws_text.trim();
    if jws_text.len() > MAX_BYTES {
        return Err(Reason::Oversized(jws_text.len()));
    }
    if jws_text.split('.').count() != 3 {
        return Err(Reason::NotJws);
    }
    let verified = jws::verify_jws(jws_text).map_err(|e| match e {
        JwsError::BadBase64(part) => Reason::BadBase64(part),
        JwsError::Malformed(what) => Reason::BadHeader(what),
        JwsError::UnsupportedAlgorithm(alg) => Reason::BadHeader(format!("alg “{alg}”")),
        JwsError::UnsupportedType(typ) => Reason::BadHeader(format!("typ “{typ}”")),
        JwsError::BadKeyId(kid) => Reason::BadKeyId(kid),
        JwsError::WeakKey => Reason::WeakKey,
        JwsError::BadSignature => Reason::BadSignature,
    })?;
    let vc: Value = serde_json::from_slice(&verified.payload).map_err(|_| not("the payload is not JSON"))?;
    let contexts = strings(&vc, "@context");
    if contexts.first() != Some(&VC_CONTEXT) {
        return Err(not("the first @context is not the VC 2.0 context"));
    }
    if !contexts.contains(&OB_CONTEXT) {
        return Err(not("no Open Badges 3.0 @context"));
    }
    let types = strings(&vc, "type");
    if !types.contains(&"VerifiableCredential") || !types.contains(&kind) {
        return Err(not(&format!("type is not VerifiableCredential, {kind}")));
    }
    let id = text(vc.get("id"), "no id")?;
    let issuer = text(vc.get("issuer").map(|i| i.get("id").unwrap_or(i)), "no issuer id")?;
    let subject_value = vc.get("credentialSubject").ok_or_else(|| not("no credentialSubject"))?;
    let subject = text(subject_value.get("id"), "no credentialSubject.id")?;
    let valid_from_text = text(vc.get("validFrom"), "no validFrom")?;
    let valid_from = parse_datetime(&valid_from_text).ok_or_else(|| not("validFrom is not a date-time"))?;
    // The key that signed is the issuer: the kid is `<did>#<fragment>`.
    let kid = verified.header.kid.as_deref().unwrap_or_default();
    if kid.split('#').next() != Some(issuer.as_str()) {
        return Err(Reason::IssuerNotKey);
    }
    // The registered JWT claims agree with the credential (Open Badges VC-JWT verifiers read them).
    let claims_agree = vc.get("iss").and_then(Value::as_str) == Some(issuer.as_str())
        && vc.get("sub").and_then(Value::as_str) == Some(subject.as_str())
        && vc.get("jti").and_then(Value::as_str) == Some(id.as_str())
        && vc.get("nbf").and_then(Value::as_i64) == Some(valid_from);
    if !claims_agree {
        return Err(not("iss, sub, jti and nbf do not agree with issuer, subject, id and validFrom"));
    }
    if valid_from > now_s + MAX_SKEW_S {
        return Err(Reason::Future(valid_from - now_s));
    }
    Ok(Signed { vc, id, issuer, subject, valid_from })
}

/// Checks one record; `now_s` is the current time in seconds since 1970 (UTC).
pub fn verify_record(record: &str, course: Option<&CourseIndex>, now_s: i64) -> Result<Record, Reason> {
    let Signed { vc, id, issuer, subject, valid_from } = check_signed(record, "OpenBadgeCredential", now_s)?;
    let achievement =
        vc["credentialSubject"].get("achievement").ok_or_else(|| not("no credentialSubject.achievement"))?;
    text(achievement.get("id"), "no achievement id")?;
    let kns = vc.get("kns").ok_or_else(|| not("no kns object"))?;
    let lesson = text(kns.get("lesson"), "no kns.lesson")?;
    let version = kns.get("version").and_then(Value::as_u64).ok_or_else(|| not("no kns.version"))?;
    let hash = text(kns.get("contentHash"), "no kns.contentHash")?;
    if let Some(course) = course {
        let known = course.lesson(&lesson).ok_or_else(|| Reason::UnknownLesson(lesson.clone()))?;
        // A later version than the course has is unknown; the course's own version must have
        // one of its texts' hashes. (Earlier versions were known once: their records stand.)
        let current = u64::from(known.version);
        if version > current || version == current && !known.translations.iter().any(|t| t.hash == hash) {
            return Err(Reason::UnknownVersion(format!(
                "version {version} of “{lesson}” with content {hash}"
            )));
        }
    }
    Ok(Record { id, issuer, subject, valid_from, lesson, version, credential: vc })
}

/// Checks one endorsement (an Open Badges 3.0 `EndorsementCredential` whose subject is a
/// record's id).
pub fn verify_endorsement(endorsement: &str, now_s: i64) -> Result<Endorsement, Reason> {
    let Signed { vc, id, issuer, subject, valid_from } =
        check_signed(endorsement, "EndorsementCredential", now_s)?;
    let subject_value = &vc["credentialSubject"];
    if !strings(subject_value, "type").contains(&"EndorsementSubject") {
        return Err(not("credentialSubject.type is not EndorsementSubject"));
    }
    let comment = subject_value.get("endorsementComment").and_then(Value::as_str).map(str::to_string);
    Ok(Endorsement { id, issuer, record: subject, comment, valid_from })
}

/// Whether a signed text claims to be an endorsement (its payload's type says so); it is checked
/// as one then, and as a record otherwise.
fn claims_endorsement(text: &str) -> bool {
    text.trim()
        .split('.')
        .nth(1)
        .and_then(jws::base64url_decode)
        .and_then(|payload| serde_json::from_slice::<Value>(&payload).ok())
        .is_some_and(|vc| strings(&vc, "type").contains(&"EndorsementCredential"))
}

/// Days from 1970-01-01 to a civil date (proleptic Gregorian; H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Seconds since 1970 for an XML Schema / RFC 3339 date-time in UTC (`2026-11-26T05:30:00Z`,
/// fractions of a second allowed and dropped); `None` for anything else.
pub fn parse_datetime(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = text.get(r)?;
        if s.bytes().all(|c| c.is_ascii_digit()) { s.parse().ok() } else { None }
    };
    let (y, mo, d, h, mi, s) =
        (num(0..4)?, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, num(17..19)?);
    let rest = &text[19..];
    let rest = match rest.strip_prefix('.') {
        Some(fraction) => fraction.trim_start_matches(|c: char| c.is_ascii_digit()),
        None => rest,
    };
    let month_days = [
        31,
        if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let valid =
        (1..=12).contains(&mo) && d >= 1 && d <= month_days[(mo - 1) as usize] && h < 24 && mi < 60 && s < 60;
    (valid && rest == "Z").then(|| days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s)
}

/// The date-time of `seconds` since 1970, as `validFrom` carries it (`2026-11-26T05:30:00Z`).
pub fn format_datetime(seconds: i64) -> String {
    let (days, secs) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // Inverse of days_from_civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs % 3600 / 60, secs % 60)
}

/// One record's verdict in a batch. A valid record comes with its facts; its `credential` is
/// `Null` (a batch does not keep every credential: [`verify_record`] gives it for one record).
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    Valid(Record),
    /// Valid, and the same learner, lesson and version as the record at index `of` (a retake,
    /// or the same pass recorded twice): counted once.
    Repeat {
        record: Record,
        of: usize,
    },
    /// The same record (the same id) as the one at index `of`.
    Duplicate {
        of: usize,
    },
    /// A valid endorsement of a record (see [`endorsers`] for the records it endorses here).
    Endorsement(Endorsement),
    Invalid(Reason),
}

/// Checks records and endorsements (in any order), each strictly on its own, then names
/// duplicates (the same id again) and repeats (the same learner, lesson and version again).
pub fn verify_batch(records: &[&str], course: Option<&CourseIndex>, now_s: i64) -> Vec<Verdict> {
    let mut ids: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut passes: std::collections::HashMap<(String, String, u64), usize> =
        std::collections::HashMap::new();
    let mut verdicts = Vec::with_capacity(records.len());
    for (at, text) in records.iter().enumerate() {
        if claims_endorsement(text) {
            verdicts.push(match verify_endorsement(text, now_s) {
                Ok(endorsement) => match ids.get(&endorsement.id) {
                    Some(&of) => Verdict::Duplicate { of },
                    None => {
                        ids.insert(endorsement.id.clone(), at);
                        Verdict::Endorsement(endorsement)
                    }
                },
                Err(reason) => Verdict::Invalid(reason),
            });
            continue;
        }
        let verdict = match verify_record(text, course, now_s) {
            Err(reason) => Verdict::Invalid(reason),
            // A batch keeps each record's facts, not its whole credential: memory stays flat
            // however many records a collector checks at once.
            Ok(Record { id, issuer, subject, valid_from, lesson, version, .. }) => {
                let record =
                    Record { id, issuer, subject, valid_from, lesson, version, credential: Value::Null };
                match ids.get(&record.id) {
                    Some(&of) => Verdict::Duplicate { of },
                    None => {
                        ids.insert(record.id.clone(), at);
                        let key = (record.subject.clone(), record.lesson.clone(), record.version);
                        match passes.get(&key) {
                            Some(&of) => Verdict::Repeat { record, of },
                            None => {
                                passes.insert(key, at);
                                Verdict::Valid(record)
                            }
                        }
                    }
                }
            }
        };
        verdicts.push(verdict);
    }
    verdicts
}

/// For each valid record in a batch that someone else endorsed, the endorsers' did:keys (an
/// endorsement by the record's own issuer is no endorsement), by record id.
pub fn endorsers(verdicts: &[Verdict]) -> std::collections::HashMap<String, Vec<String>> {
    let issuers: std::collections::HashMap<&str, &str> = verdicts
        .iter()
        .filter_map(|v| match v {
            Verdict::Valid(r) | Verdict::Repeat { record: r, .. } => Some((r.id.as_str(), r.issuer.as_str())),
            _ => None,
        })
        .collect();
    let mut endorsed: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    for verdict in verdicts {
        if let Verdict::Endorsement(e) = verdict
            && issuers.get(e.record.as_str()).is_some_and(|issuer| *issuer != e.issuer)
        {
            let list = endorsed.entry(e.record.clone()).or_default();
            if !list.contains(&e.issuer) {
                list.push(e.issuer.clone());
            }
        }
    }
    endorsed
}

/// Where a trainer's device imports records from a link (the trainer pages come later).
pub const TRAINER_IMPORT: &str = "/trainer/import";

/// The link that hands records to a trainer: `<origin>/trainer/import#r=<jws>&r=<jws>…`. The
/// records ride in the fragment, which a browser never sends to a server.
pub fn handover_link(origin: &str, records: &[&str]) -> String {
    let fragment: Vec<String> = records.iter().map(|r| format!("r={}", r.trim())).collect();
    format!("{origin}{TRAINER_IMPORT}#{}", fragment.join("&"))
}

/// Why a hand-over link was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not a link to the trainer's import page.
    NotImport,
    /// The link carries no record.
    Empty,
    /// A part of the fragment is not `r=` and a JWS's characters (the part, shortened).
    BadPart(String),
}

/// The records a hand-over link carries, in order (each still to be verified).
pub fn parse_handover(link: &str) -> Result<Vec<String>, LinkError> {
    let (address, fragment) = link.trim().split_once('#').ok_or(LinkError::Empty)?;
    let path =
        address.split_once("://").map_or(address, |(_, rest)| rest.find('/').map_or("", |i| &rest[i..]));
    if path.split('?').next() != Some(TRAINER_IMPORT) {
        return Err(LinkError::NotImport);
    }
    let jws_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    let records = fragment
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| match part.strip_prefix("r=") {
            Some(jws) if !jws.is_empty() && jws.chars().all(jws_char) => Ok(jws.to_string()),
            _ => Err(LinkError::BadPart(part.chars().take(24).collect())),
        })
        .collect::<Result<Vec<_>, _>>()?;
    if records.is_empty() { Err(LinkError::Empty) } else { Ok(records) }
}
