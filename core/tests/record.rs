//! Checking completion records: a good one passes with its facts; every reason in the list is
//! produced by a record crafted to have exactly that fault; flipped bits anywhere are refused.

use std::path::Path;

use kns_core::content::CourseIndex;
use kns_core::jws::{Keypair, base64url_encode};
use kns_core::record::{
    MAX_BYTES, OB_CONTEXT, Reason, VC_CONTEXT, Verdict, format_datetime, parse_datetime, verify_batch,
    verify_record,
};
use serde_json::{Value, json};

const NOW: i64 = 1_795_000_000; // 2026-11-18T11:06:40Z

/// The compiled course (compiled once for all tests).
fn course() -> CourseIndex {
    static COURSE: std::sync::OnceLock<CourseIndex> = std::sync::OnceLock::new();
    COURSE
        .get_or_init(|| {
            let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
            kns_core::compiler::compile_course(&root.join("content")).expect("content compiles").index
        })
        .clone()
}

fn keys() -> Keypair {
    Keypair::from_seed(&[42; 32])
}

/// A credential as the app makes it for the course's first lesson, signed by `keys`.
fn credential(keys: &Keypair, course: &CourseIndex) -> Value {
    let lesson = &course.lessons[0];
    let did = keys.did();
    let from = NOW - 60;
    json!({
        "@context": [VC_CONTEXT, OB_CONTEXT, "https://kynangso.example/contexts/kns-v1.jsonld"],
        "id": "urn:uuid:6f1c2a0e-8d7b-4c1e-9a55-2f0e3b7c9d11",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": { "id": did, "type": ["Profile"] },
        "validFrom": format_datetime(from),
        "credentialSubject": {
            "id": "urn:kns:learner:3f9a",
            "type": ["AchievementSubject"],
            "achievement": { "id": format!("https://kynangso.example/lesson/{}", lesson.id), "type": ["Achievement"] }
        },
        "kns": { "lesson": lesson.id, "version": lesson.version, "contentHash": lesson.translations[0].hash },
        "iss": did, "sub": "urn:kns:learner:3f9a", "jti": "urn:uuid:6f1c2a0e-8d7b-4c1e-9a55-2f0e3b7c9d11", "nbf": from
    })
}

fn sign(keys: &Keypair, vc: &Value) -> String {
    keys.sign_jws(&serde_json::to_vec(vc).unwrap())
}

/// The credential with one change, signed again (so only that change is at fault).
fn changed(change: impl FnOnce(&mut Value)) -> String {
    let (keys, course) = (keys(), course());
    let mut vc = credential(&keys, &course);
    change(&mut vc);
    sign(&keys, &vc)
}

fn reason(record: &str) -> Reason {
    verify_record(record, Some(&course()), NOW).expect_err("refused")
}

#[test]
fn a_record_made_as_the_app_makes_it_checks_out_with_its_facts() {
    let (keys, course) = (keys(), course());
    let record = verify_record(&sign(&keys, &credential(&keys, &course)), Some(&course), NOW).unwrap();
    assert_eq!(record.issuer, keys.did());
    assert_eq!(record.subject, "urn:kns:learner:3f9a");
    assert_eq!(record.lesson, course.lessons[0].id);
    assert_eq!(record.valid_from, NOW - 60);
    // Without the course, the lesson is not looked up.
    let mut vc = credential(&keys, &course);
    vc["kns"]["lesson"] = json!("bai-khong-co");
    assert!(verify_record(&sign(&keys, &vc), None, NOW).is_ok());
}

#[test]
fn each_reason_comes_from_a_record_with_that_fault() {
    let good = changed(|_| {});
    // Size, before anything is parsed.
    let huge = changed(|vc| vc["kns"]["padding"] = json!("x".repeat(MAX_BYTES)));
    assert_eq!(reason(&huge).code(), "oversized");
    // Form.
    assert_eq!(reason("not a record"), Reason::NotJws);
    assert_eq!(reason("a.b.c.d"), Reason::NotJws);
    let parts: Vec<&str> = good.split('.').collect();
    assert_eq!(reason(&format!("{}.!!.{}", parts[0], parts[2])), Reason::BadBase64("payload"));
    assert_eq!(reason(&format!("{}.{}.*", parts[0], parts[1])), Reason::BadBase64("signature"));
    // Header: none, HMAC and RSA are refused, and so is another typ.
    for (header, code) in [
        (r#"{"alg":"none","typ":"vc+jwt"}"#, "bad-header"),
        (r#"{"alg":"HS256","typ":"vc+jwt"}"#, "bad-header"),
        (r#"{"alg":"RS256","typ":"vc+jwt"}"#, "bad-header"),
        (r#"{"alg":"EdDSA","typ":"JWT"}"#, "bad-header"),
        (r#"{"alg":"EdDSA","typ":"vc+jwt","kid":"did:web:example.com#key-1"}"#, "bad-key-id"),
        ("[1,2]", "bad-header"),
    ] {
        let forged = format!("{}.{}.{}", base64url_encode(header.as_bytes()), parts[1], parts[2]);
        assert_eq!(reason(&forged).code(), code, "{header}");
    }
    // A weak (small-order) key: the identity point.
    let mut weak = [0u8; 32];
    weak[0] = 1;
    let did = kns_core::jws::did_key(&weak);
    let kid = format!("{did}#{}", &did["did:key:".len()..]);
    let header = format!(r#"{{"alg":"EdDSA","typ":"vc+jwt","kid":"{kid}"}}"#);
    assert_eq!(
        reason(&format!("{}.{}.{}", base64url_encode(header.as_bytes()), parts[1], parts[2])),
        Reason::WeakKey
    );
    // Signature: the payload of another record under this signature.
    let other = changed(|vc| vc["kns"]["score"] = json!(100));
    assert_eq!(
        reason(&format!("{}.{}.{}", parts[0], other.split('.').nth(1).unwrap(), parts[2])),
        Reason::BadSignature
    );
    // Payload.
    for (fault, change) in [
        (
            "no VC 2.0 context",
            Box::new(|vc: &mut Value| vc["@context"][0] = json!("https://www.w3.org/2018/credentials/v1"))
                as Box<dyn Fn(&mut Value)>,
        ),
        ("no OB context", Box::new(|vc: &mut Value| vc["@context"][1] = json!("https://example.com/other"))),
        ("not an Open Badge", Box::new(|vc: &mut Value| vc["type"] = json!(["VerifiableCredential"]))),
        (
            "no subject id",
            Box::new(|vc: &mut Value| {
                vc["credentialSubject"].as_object_mut().unwrap().remove("id").map(drop).unwrap_or(())
            }),
        ),
        (
            "no achievement",
            Box::new(|vc: &mut Value| {
                vc["credentialSubject"].as_object_mut().unwrap().remove("achievement").map(drop).unwrap_or(())
            }),
        ),
        ("a bad date", Box::new(|vc: &mut Value| vc["validFrom"] = json!("26/11/2026"))),
        ("jti not the id", Box::new(|vc: &mut Value| vc["jti"] = json!("urn:uuid:other"))),
        ("nbf not validFrom", Box::new(|vc: &mut Value| vc["nbf"] = json!(NOW))),
        (
            "no kns object",
            Box::new(|vc: &mut Value| vc.as_object_mut().unwrap().remove("kns").map(drop).unwrap_or(())),
        ),
    ] {
        assert_eq!(reason(&changed(change)).code(), "not-open-badge", "{fault}");
    }
    // The issuer is another key than the one that signed.
    let someone = Keypair::from_seed(&[7; 32]).did();
    assert_eq!(
        reason(&changed(|vc| {
            vc["issuer"]["id"] = json!(someone);
            vc["iss"] = json!(someone);
        })),
        Reason::IssuerNotKey
    );
    // Dated ahead: 5 minutes of clock skew are allowed, not more.
    let ahead = |s: i64| {
        changed(move |vc| {
            vc["validFrom"] = json!(format_datetime(NOW + s));
            vc["nbf"] = json!(NOW + s);
        })
    };
    assert!(verify_record(&ahead(300), Some(&course()), NOW).is_ok());
    assert_eq!(reason(&ahead(301)), Reason::Future(301));
    // The course: an unknown lesson, a later version, the current version with other content.
    assert_eq!(reason(&changed(|vc| vc["kns"]["lesson"] = json!("bai-khong-co"))).code(), "unknown-lesson");
    assert_eq!(reason(&changed(|vc| vc["kns"]["version"] = json!(999))).code(), "unknown-version");
    assert_eq!(
        reason(&changed(|vc| vc["kns"]["contentHash"] = json!("000000000000"))).code(),
        "unknown-version"
    );
}

#[test]
fn a_flipped_bit_anywhere_is_refused() {
    let good = changed(|_| {});
    let bytes = good.as_bytes();
    for at in (0..bytes.len()).step_by(7) {
        if bytes[at] == b'.' {
            continue;
        }
        let mut flipped = bytes.to_vec();
        flipped[at] ^= 0x01;
        let Ok(flipped) = String::from_utf8(flipped) else { continue };
        assert!(verify_record(&flipped, Some(&course()), NOW).is_err(), "bit flipped at {at} accepted");
    }
}

#[test]
fn dates_are_read_and_written_in_utc() {
    assert_eq!(parse_datetime("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(parse_datetime("2026-11-26T05:30:00Z"), Some(1_795_671_000));
    assert_eq!(parse_datetime("2026-11-26T05:30:00.123Z"), Some(1_795_671_000));
    assert_eq!(parse_datetime("2024-02-29T23:59:59Z"), Some(1_709_251_199));
    for bad in [
        "2026-11-26",
        "2026-11-26T05:30:00",
        "2026-11-26T05:30:00+07:00",
        "2025-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
    ] {
        assert_eq!(parse_datetime(bad), None, "{bad}");
    }
    for s in [0, 1_709_251_199, 1_795_671_000, 4_102_444_800] {
        assert_eq!(parse_datetime(&format_datetime(s)), Some(s));
    }
    assert_eq!(format_datetime(1_795_671_000), "2026-11-26T05:30:00Z");
}

#[test]
fn a_batch_names_duplicates_and_repeats_and_checks_each_record_on_its_own() {
    let first = changed(|_| {});
    let retake = changed(|vc| {
        vc["id"] = json!("urn:uuid:00000000-0000-4000-8000-000000000002");
        vc["jti"] = json!("urn:uuid:00000000-0000-4000-8000-000000000002");
    });
    let other_learner = changed(|vc| {
        vc["id"] = json!("urn:uuid:00000000-0000-4000-8000-000000000003");
        vc["jti"] = json!("urn:uuid:00000000-0000-4000-8000-000000000003");
        vc["credentialSubject"]["id"] = json!("urn:kns:learner:other");
        vc["sub"] = json!("urn:kns:learner:other");
    });
    let tampered = {
        let parts: Vec<&str> = first.split('.').collect();
        let other: Vec<&str> = retake.split('.').collect();
        format!("{}.{}.{}", parts[0], other[1], parts[2])
    };
    let batch = [first.as_str(), retake.as_str(), first.as_str(), other_learner.as_str(), tampered.as_str()];
    let verdicts = verify_batch(&batch, Some(&course()), NOW);
    assert!(matches!(verdicts[0], Verdict::Valid(_)));
    assert!(
        matches!(verdicts[1], Verdict::Repeat { of: 0, .. }),
        "the same learner, lesson and version again"
    );
    assert_eq!(verdicts[2], Verdict::Duplicate { of: 0 });
    assert!(matches!(verdicts[3], Verdict::Valid(_)), "another learner's pass is not a repeat");
    assert_eq!(verdicts[4], Verdict::Invalid(Reason::BadSignature));
}
