//! `kns` as an operator runs it: keys, signing, and one verdict per record with the right exit code.

use std::path::PathBuf;
use std::process::{Command, Output};

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let dir = std::env::temp_dir().join(format!("kns-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }
    fn path(&self, file: &str) -> String {
        self.0.join(file).to_string_lossy().into_owned()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn kns(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kns")).args(args).output().unwrap()
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A credential as the app makes it, for `lesson` (id, version, content hash).
fn credential(did: &str, id: &str, lesson: (&str, u32, &str)) -> String {
    let from = 1_790_000_000;
    serde_json::json!({
        "@context": [kns_core::record::VC_CONTEXT, kns_core::record::OB_CONTEXT],
        "id": id, "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": { "id": did, "type": ["Profile"] },
        "validFrom": kns_core::record::format_datetime(from),
        "credentialSubject": {
            "id": "urn:kns:learner:1", "type": ["AchievementSubject"],
            "achievement": { "id": format!("https://kynangso.example/lesson/{}", lesson.0), "type": ["Achievement"] }
        },
        "kns": { "lesson": lesson.0, "version": lesson.1, "contentHash": lesson.2 },
        "iss": did, "sub": "urn:kns:learner:1", "jti": id, "nbf": from
    })
    .to_string()
}

/// The compiled course's index, written as `course.json`, and its first lesson.
fn course(dir: &Dir) -> (String, (String, u32, String)) {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let index = kns_core::compiler::compile_course(&root.join("content")).unwrap().index;
    let path = dir.path("course.json");
    std::fs::write(&path, serde_json::to_string(&index).unwrap()).unwrap();
    let first = &index.lessons[0];
    (path, (first.id.clone(), first.version, first.translations[0].hash.clone()))
}

/// A key file and two signed records (two passes of the first lesson by one learner).
fn signed_records(dir: &Dir) -> (String, Vec<String>) {
    let key = dir.path("key.hex");
    let out = kns(&["keygen", "--out", &key]);
    assert!(out.status.success());
    let did = String::from_utf8_lossy(&out.stderr).trim().to_string();
    let (_, (lesson, version, hash)) = course(dir);
    let mut records = Vec::new();
    for n in [1, 2] {
        let payload = dir.path(&format!("payload-{n}.json"));
        let id = format!("urn:uuid:00000000-0000-4000-8000-00000000000{n}");
        std::fs::write(&payload, credential(&did, &id, (&lesson, version, &hash))).unwrap();
        let out = kns(&["issue", "--key", &key, &payload]);
        assert!(out.status.success());
        records.push(text(&out).trim().to_string());
    }
    (key, records)
}

#[test]
fn valid_records_verify_with_exit_0() {
    let dir = Dir::new("valid");
    let (_, records) = signed_records(&dir);
    let file = dir.path("records.jws");
    std::fs::write(&file, records.join("\n") + "\n\n").unwrap();
    let out = kns(&["verify", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let lines: Vec<String> = text(&out).lines().map(String::from).collect();
    assert!(
        lines[0].starts_with(&format!("{file}:1: valid, self-issued (signed by did:key:z6Mk")),
        "{lines:?}"
    );
    // The same learner passing the same lesson again: valid, and named a repeat.
    assert!(lines[1].starts_with(&format!("{file}:2: valid, a repeat of {file}:1")), "{lines:?}");
    assert_eq!(
        lines[2],
        "2 valid (0 endorsed, 2 self-issued), 0 invalid, 0 duplicates, 1 repeats, 0 endorsements"
    );
}

#[test]
fn a_tampered_record_and_a_duplicate_are_named_and_exit_1() {
    let dir = Dir::new("tampered");
    let (_, records) = signed_records(&dir);
    let mut parts: Vec<String> = records[1].split('.').map(String::from).collect();
    parts[1] = records[0].split('.').nth(1).unwrap().to_string();
    let tampered = parts.join(".");
    let file = dir.path("records.jws");
    std::fs::write(&file, format!("{}\n{tampered}\n{}\nnot a record\n", records[0], records[0])).unwrap();
    let out = kns(&["verify", &file]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<String> = text(&out).lines().map(String::from).collect();
    assert!(lines[1].contains(":2: invalid: the signature does not match"), "{lines:?}");
    assert_eq!(lines[2], format!("{file}:3: duplicate of {file}:1"));
    assert!(lines[3].contains(":4: invalid: not a JWS"), "{lines:?}");
    assert_eq!(
        lines[4],
        "1 valid (0 endorsed, 1 self-issued), 2 invalid (1 bad-signature, 1 not-jws), 1 duplicates, 0 repeats, 0 endorsements"
    );
}

#[test]
fn json_lines_carry_one_verdict_per_record() {
    let dir = Dir::new("json");
    let (_, records) = signed_records(&dir);
    let file = dir.path("records.jws");
    std::fs::write(&file, &records[0]).unwrap();
    let out = kns(&["verify", "--json", &file]);
    assert_eq!(out.status.code(), Some(0));
    let verdict: serde_json::Value = serde_json::from_str(text(&out).trim()).unwrap();
    assert_eq!(verdict["valid"], true);
    assert_eq!(verdict["verdict"], "valid");
    assert_eq!(verdict["record"], format!("{file}:1"));
    assert!(verdict["issuer"].as_str().unwrap().starts_with("did:key:z6Mk"));
}

#[test]
fn with_the_course_a_record_of_a_lesson_it_does_not_know_is_refused() {
    let dir = Dir::new("course");
    let (course, (lesson, version, hash)) = course(&dir);
    let key = dir.path("key.hex");
    let out = kns(&["keygen", "--out", &key]);
    let did = String::from_utf8_lossy(&out.stderr).trim().to_string();
    let mut records = Vec::new();
    for (n, lesson) in [
        (1, (lesson.as_str(), version, hash.as_str())),
        (2, ("bai-khong-co", 1, "x")),
        (3, (lesson.as_str(), version + 1, hash.as_str())),
    ] {
        let payload = dir.path(&format!("payload-{n}.json"));
        std::fs::write(&payload, credential(&did, &format!("urn:uuid:{n}"), lesson)).unwrap();
        records.push(text(&kns(&["issue", "--key", &key, &payload])).trim().to_string());
    }
    let file = dir.path("records.jws");
    std::fs::write(&file, records.join("\n")).unwrap();
    // Without the course, all three are signed records of the right shape.
    assert_eq!(kns(&["verify", &file]).status.code(), Some(0));
    let out = kns(&["verify", "--course", &course, &file]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<String> = text(&out).lines().map(String::from).collect();
    assert!(lines[0].contains(":1: valid"), "{lines:?}");
    assert!(lines[1].contains(":2: invalid: the course has no lesson “bai-khong-co”"), "{lines:?}");
    assert!(lines[2].contains(":3: invalid: the course does not know version"), "{lines:?}");
    assert_eq!(
        lines[3],
        "1 valid (0 endorsed, 1 self-issued), 2 invalid (1 unknown-lesson, 1 unknown-version), 0 duplicates, 0 repeats, 0 endorsements"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(kns(&["verify", "--course"]).status.code(), Some(2));
    assert_eq!(kns(&[]).status.code(), Some(2));
    assert_eq!(kns(&["verify"]).status.code(), Some(2));
    assert_eq!(kns(&["verify", "--nope", "x"]).status.code(), Some(2));
    assert_eq!(kns(&["verify", "/no/such/file"]).status.code(), Some(2));
    assert_eq!(kns(&["issue", "--key"]).status.code(), Some(2));
}

/// A guide's endorsement (made by kns-core as the app makes it) in the same file: the record it
/// endorses is shown as endorsed, apart from the self-issued one.
#[test]
fn an_endorsed_record_is_shown_apart_from_self_issued_ones() {
    use kns_core::claim::{Endorse, endorse};
    let dir = Dir::new("endorsed");
    let (_, records) = signed_records(&dir);
    let ids: Vec<String> =
        records.iter().map(|r| kns_core::record::verify_record(r, None, i64::MAX / 4).unwrap().id).collect();
    let guide = kns_core::jws::Keypair::from_seed(&[9; 32]);
    let endorsement = endorse(
        &guide,
        &Endorse {
            id: "urn:uuid:e-1".into(),
            record: &ids[0],
            at_s: 1_790_000_100,
            name: "Xác nhận",
            comment: None,
        },
    );
    let file = dir.path("records.jws");
    std::fs::write(&file, format!("{endorsement}\n{}\n{}\n", records[0], records[1])).unwrap();
    let out = kns(&["verify", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let lines: Vec<String> = text(&out).lines().map(String::from).collect();
    assert!(
        lines[0].starts_with(&format!(
            "{file}:1: a valid endorsement of {} (signed by {}",
            ids[0],
            guide.did()
        )),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with(&format!("{file}:2: valid, endorsed by {} (signed by", guide.did())),
        "{lines:?}"
    );
    assert!(!lines[2].contains("endorsed by"), "{lines:?}");
    assert_eq!(
        lines[3],
        "2 valid (1 endorsed, 1 self-issued), 0 invalid, 0 duplicates, 1 repeats, 1 endorsements"
    );
}
