//! Making a record from a passed quiz: the credential carries what the issue lists, in the shape
//! the verifier accepts; consent per purpose follows its events.

use std::path::Path;

use kns_core::claim::{Claim, Issue, KNS_CONTEXT_PATH, credential, sign, uuid};
use kns_core::consent::{Consent, Event, Purpose};
use kns_core::content::CompiledLesson;
use kns_core::jws::Keypair;
use kns_core::quiz::QuizResult;
use kns_core::record::{OB_CONTEXT, VC_CONTEXT, verify_record};
use serde_json::json;

fn first_lesson() -> (kns_core::content::CourseIndex, CompiledLesson) {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let course = kns_core::compiler::compile_course(&root.join("content")).expect("content compiles");
    let lesson = course.lessons.into_iter().next().expect("a lesson");
    (course.index, lesson)
}

fn issue(id: &str) -> Issue<'_> {
    Issue {
        origin: "https://kns.example",
        id: id.to_string(),
        subject: None,
        cohort: None,
        app_version: "0.1.0",
        description: "Tự xác nhận",
        criteria: "Trả lời đúng",
        domain: "An toàn",
    }
}

fn passed(lesson: &CompiledLesson) -> Claim {
    let questions = &lesson.lesson.quiz.questions;
    let missed = vec![questions[0].id.clone()];
    let total = questions.len();
    let result = QuizResult { score: total - 1, total, percent: 90, passed: true, missed };
    Claim::passed(lesson, &result, 75, 1_795_000_000_000).expect("a pass leaves a claim")
}

#[test]
fn a_failed_quiz_leaves_no_claim() {
    let (_, lesson) = first_lesson();
    let total = lesson.lesson.quiz.questions.len();
    let result = QuizResult { score: 0, total, percent: 0, passed: false, missed: vec![] };
    assert_eq!(Claim::passed(&lesson, &result, 10, 0), None);
}

#[test]
fn a_claim_names_every_question_and_whether_it_was_right() {
    let (_, lesson) = first_lesson();
    let claim = passed(&lesson);
    let questions = &lesson.lesson.quiz.questions;
    assert_eq!(claim.correct.len(), questions.len());
    assert_eq!(claim.correct[0], (questions[0].id.clone(), false));
    assert!(claim.correct[1..].iter().all(|(_, right)| *right));
    assert_eq!((claim.hash.as_str(), claim.version), (lesson.hash.as_str(), lesson.lesson.version));
    assert_eq!(claim.key("p1"), format!("p1/{}/1795000000000", lesson.lesson.id));
}

#[test]
fn the_signed_record_checks_out_against_the_course_and_carries_the_kns_fields() {
    let (course, lesson) = first_lesson();
    let claim = passed(&lesson);
    let keys = Keypair::from_seed(&[7; 32]);
    let id = uuid([9; 16]);
    let jws = sign(&keys, &claim, &issue(&id));
    let record = verify_record(&jws, Some(&course), 1_795_000_100).expect("valid");
    assert_eq!(record.id, id);
    assert_eq!(record.issuer, keys.did());
    // Without a host's reference, the learner is named by the profile's own key.
    assert_eq!(record.subject, keys.did());
    assert_eq!(record.valid_from, 1_795_000_000);
    let vc = record.credential;
    assert_eq!(
        vc["@context"],
        json!([VC_CONTEXT, OB_CONTEXT, format!("https://kns.example{KNS_CONTEXT_PATH}")])
    );
    assert_eq!(vc["name"], json!(lesson.lesson.title));
    let achievement = &vc["credentialSubject"]["achievement"];
    assert_eq!(
        achievement["id"],
        json!(format!("https://kns.example/lesson/{}#v{}", lesson.lesson.id, lesson.lesson.version))
    );
    assert_eq!(achievement["criteria"]["narrative"], json!("Trả lời đúng"));
    assert_eq!(achievement["alignment"][0]["targetCode"], json!(lesson.lesson.competency.slug()));
    assert_eq!(achievement["alignment"][0]["targetName"], json!("An toàn"));
    let kns = &vc["kns"];
    assert_eq!(kns["score"], json!(claim.score));
    assert_eq!(kns["passMark"], json!(lesson.lesson.quiz.pass_mark));
    assert_eq!(kns["seconds"], json!(75));
    assert_eq!(kns["correct"][0]["right"], json!(false));
    assert_eq!(kns.get("cohort"), None);
}

#[test]
fn a_host_reference_and_a_cohort_go_in_as_given() {
    let (_, lesson) = first_lesson();
    let claim = passed(&lesson);
    let issue =
        Issue { subject: Some("urn:host:learner:42"), cohort: Some("Q1-2026"), ..issue("urn:uuid:x") };
    let vc = credential(&claim, "did:key:z6Mkexample", &issue);
    assert_eq!(vc["credentialSubject"]["id"], json!("urn:host:learner:42"));
    assert_eq!(vc["sub"], json!("urn:host:learner:42"));
    assert_eq!(vc["kns"]["cohort"], json!("Q1-2026"));
}

#[test]
fn uuids_are_version_4() {
    let id = uuid([0xff; 16]);
    assert_eq!(id, "urn:uuid:ffffffff-ffff-4fff-bfff-ffffffffffff");
    assert_eq!(uuid([0; 16]), "urn:uuid:00000000-0000-4000-8000-000000000000");
}

#[test]
fn the_project_context_declares_every_kns_field_the_records_use() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let context: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("public").join(&KNS_CONTEXT_PATH[1..])).unwrap(),
    )
    .unwrap();
    let declared = &context["@context"]["kns"]["@context"];
    let (_, lesson) = first_lesson();
    let vc = credential(
        &passed(&lesson),
        "did:key:z6Mkexample",
        &Issue { cohort: Some("c"), ..issue("urn:uuid:x") },
    );
    let mut fields: Vec<&String> = vc["kns"].as_object().unwrap().keys().collect();
    fields.extend(vc["kns"]["correct"][0].as_object().unwrap().keys());
    for field in fields {
        assert!(declared.get(field.as_str()).is_some(), "kns.{field} is not in the project context");
    }
}

#[test]
fn consent_is_never_assumed_and_follows_what_was_done_last() {
    let mut consent = Consent::default();
    assert!(!consent.answered());
    assert!(Purpose::ALL.iter().all(|p| !consent.allows(*p)));
    consent.choose(&[Purpose::Keep, Purpose::Send], false, 1_000);
    assert!(consent.allows(Purpose::Keep) && consent.allows(Purpose::Send) && !consent.allows(Purpose::Host));
    consent.record(Event::Withdrawn(Purpose::Send), 2_000);
    assert!(!consent.allows(Purpose::Send) && consent.allows(Purpose::Keep));
    // Doing what already holds adds nothing to the history.
    let before = consent.events.len();
    consent.choose(&[Purpose::Keep], false, 3_000);
    assert_eq!(consent.events.len(), before);
}

#[test]
fn under_16_nothing_leaves_the_device_until_a_guardian_confirms() {
    let mut consent = Consent::default();
    consent.choose(&[Purpose::Keep, Purpose::Send, Purpose::Host], true, 1_000);
    assert!(consent.allows(Purpose::Keep));
    assert!(!consent.allows(Purpose::Send) && !consent.allows(Purpose::Host));
    consent.record(Event::Guardian, 2_000);
    assert!(consent.allows(Purpose::Send) && consent.allows(Purpose::Host));
    let exported: serde_json::Value = serde_json::from_str(&consent.export("did:key:z6Mkx")).unwrap();
    assert_eq!(exported["allows"]["send"], json!(true));
    assert_eq!(exported["under16"], json!(true));
    assert_eq!(
        exported["history"][0],
        json!({ "event": "under-16", "purpose": null, "at": "1970-01-01T00:00:01Z" })
    );
    assert_eq!(exported["history"].as_array().unwrap().last().unwrap()["event"], json!("guardian-confirmed"));
}

#[test]
fn a_handover_link_carries_records_in_its_fragment_and_reads_back() {
    use kns_core::record::{LinkError, handover_link, parse_handover};
    let (_, lesson) = first_lesson();
    let keys = Keypair::from_seed(&[7; 32]);
    let one = sign(&keys, &passed(&lesson), &issue("urn:uuid:1"));
    let two = sign(&keys, &passed(&lesson), &issue("urn:uuid:2"));
    let link = handover_link("https://kns.example", &[&one, &two]);
    assert!(link.starts_with("https://kns.example/trainer/import#r="));
    // Nothing of a record is in the part a browser sends to the server.
    assert!(!link.split('#').next().unwrap().contains(&one[..20]));
    assert_eq!(parse_handover(&link), Ok(vec![one.clone(), two]));
    assert_eq!(parse_handover(&format!("/trainer/import#r={one}")), Ok(vec![one.clone()]));
    assert_eq!(parse_handover("https://kns.example/lesson/x#r=a.b.c"), Err(LinkError::NotImport));
    assert_eq!(parse_handover("https://kns.example/trainer/import#"), Err(LinkError::Empty));
    assert_eq!(parse_handover("https://kns.example/trainer/import"), Err(LinkError::Empty));
    assert_eq!(
        parse_handover("https://kns.example/trainer/import#r=a.b.c&x=<script>"),
        Err(LinkError::BadPart("x=<script>".into()))
    );
}

#[test]
fn a_guide_endorses_a_record_and_a_batch_shows_it_apart_from_self_issued_ones() {
    use kns_core::claim::{Endorse, endorse};
    use kns_core::record::{Reason, Verdict, endorsers, verify_batch, verify_endorsement};
    let (course, lesson) = first_lesson();
    let (learner, guide) = (Keypair::from_seed(&[7; 32]), Keypair::from_seed(&[8; 32]));
    let record = sign(&learner, &passed(&lesson), &issue("urn:uuid:rec-1"));
    let other = sign(&learner, &passed(&lesson), &issue("urn:uuid:rec-2"));
    let by = |keys: &Keypair, id: &str, record: &'static str, comment: Option<&'static str>| {
        endorse(
            keys,
            &Endorse {
                id: id.into(),
                record,
                at_s: 1_795_000_050,
                name: "Người hướng dẫn xác nhận",
                comment,
            },
        )
    };
    let watched = by(&guide, "urn:uuid:end-1", "urn:uuid:rec-1", Some("  Tôi đã xem bà làm bài. "));
    let checked = verify_endorsement(&watched, 1_795_000_100).expect("valid");
    assert_eq!(checked.issuer, guide.did());
    assert_eq!(checked.record, "urn:uuid:rec-1");
    assert_eq!(checked.comment.as_deref(), Some("Tôi đã xem bà làm bài."));
    // An endorsement is not a record, nor a record an endorsement.
    assert!(matches!(verify_record(&watched, None, 1_795_000_100), Err(Reason::NotOpenBadge(_))));
    assert!(matches!(verify_endorsement(&record, 1_795_000_100), Err(Reason::NotOpenBadge(_))));
    // Altered, it is refused like a record.
    let mut parts: Vec<String> = watched.split('.').map(String::from).collect();
    let swap = if &parts[1][10..11] == "A" { "B" } else { "A" };
    parts[1].replace_range(10..11, swap);
    assert!(verify_endorsement(&parts.join("."), 1_795_000_100).is_err());

    // A self-endorsement does not count; the guide's does; the other record stays self-issued.
    let own = by(&learner, "urn:uuid:end-2", "urn:uuid:rec-2", None);
    let verdicts = verify_batch(&[&watched, &record, &other, &own, &watched], Some(&course), 1_795_000_100);
    assert!(matches!(verdicts[0], Verdict::Endorsement(_)));
    assert!(matches!(verdicts[4], Verdict::Duplicate { of: 0 }));
    let endorsed = endorsers(&verdicts);
    assert_eq!(endorsed.get("urn:uuid:rec-1"), Some(&vec![guide.did()]));
    assert_eq!(endorsed.get("urn:uuid:rec-2"), None);
}

#[test]
fn claims_without_a_record_are_owed_one_and_endorsement_keys_name_their_record_and_guide() {
    use kns_core::claim::{endorsement_guide, endorsement_key, owed};
    let (_, lesson) = first_lesson();
    let (a, b) = (passed(&lesson), Claim { at_ms: 1_795_000_001_000, ..passed(&lesson) });
    let claims = vec![(a.key("p1"), a.clone()), (b.key("p1"), b.clone())];
    assert_eq!(owed(&claims, &[]).len(), 2);
    let records = vec![(a.key("p1"), "a.b.c".to_string())];
    assert_eq!(owed(&claims, &records), vec![&claims[1]]);
    assert!(owed(&claims, &[(a.key("p1"), String::new()), (b.key("p1"), String::new())]).is_empty());

    let record = a.key("p1");
    let key = endorsement_key(&record, "g7");
    assert_eq!(endorsement_guide(&key, &record), Some("g7"));
    // A record whose key begins like this one's (a later pass) is another record.
    assert_eq!(endorsement_guide(&endorsement_key(&format!("{record}5"), "g7"), &record), None);
    assert_eq!(endorsement_guide(&format!("{record}/"), &record), None);
    assert_eq!(endorsement_guide(&format!("{record}/g7/x"), &record), None);
}
