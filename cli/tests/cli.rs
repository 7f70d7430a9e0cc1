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

/// A key file and two signed records in one file.
fn signed_records(dir: &Dir) -> (String, Vec<String>) {
    let key = dir.path("key.hex");
    assert!(kns(&["keygen", "--out", &key]).status.success());
    let mut records = Vec::new();
    for score in [8, 9] {
        let payload = dir.path(&format!("payload-{score}.json"));
        std::fs::write(&payload, format!(r#"{{"score":{score}}}"#)).unwrap();
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
    assert!(lines[0].starts_with(&format!("{file}:1: valid (signed by did:key:z6Mk")), "{lines:?}");
    assert!(lines[1].starts_with(&format!("{file}:2: valid")), "{lines:?}");
    assert_eq!(lines[2], "2 valid, 0 invalid, 0 duplicates");
}

#[test]
fn a_tampered_record_and_a_duplicate_are_named_and_exit_1() {
    let dir = Dir::new("tampered");
    let (_, records) = signed_records(&dir);
    let mut parts: Vec<String> = records[1].split('.').map(String::from).collect();
    parts[1] = kns_core::jws::base64url_encode(br#"{"score":10}"#);
    let tampered = parts.join(".");
    let file = dir.path("records.jws");
    std::fs::write(&file, format!("{}\n{tampered}\n{}\nnot a record\n", records[0], records[0])).unwrap();
    let out = kns(&["verify", &file]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<String> = text(&out).lines().map(String::from).collect();
    assert!(lines[1].contains(":2: invalid: the signature does not match"), "{lines:?}");
    assert_eq!(lines[2], format!("{file}:3: duplicate of {file}:1"));
    assert!(lines[3].contains(":4: invalid: not a JWS"), "{lines:?}");
    assert_eq!(lines[4], "1 valid, 2 invalid (1 bad signature, 1 malformed), 1 duplicates");
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
    assert_eq!(verdict["record"], format!("{file}:1"));
    assert!(verdict["issuer"].as_str().unwrap().starts_with("did:key:z6Mk"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(kns(&[]).status.code(), Some(2));
    assert_eq!(kns(&["verify"]).status.code(), Some(2));
    assert_eq!(kns(&["verify", "--nope", "x"]).status.code(), Some(2));
    assert_eq!(kns(&["verify", "/no/such/file"]).status.code(), Some(2));
    assert_eq!(kns(&["issue", "--key"]).status.code(), Some(2));
}
