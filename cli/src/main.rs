//! `kns`: the operators' command for completion records.
//!
//! - `kns verify [--course PATH] [--json] FILE...`: one verdict per record (one JWS per line),
//!   then a summary (valid, of which endorsed by a guide and self-issued; invalid by reason;
//!   duplicates; repeats; endorsements). Guides' endorsements may be in the same files, in any
//!   order: a record someone else endorsed is "endorsed by <did>". With `--course` (the
//!   compiled course index, `course.json`), each record's lesson and content version are checked
//!   too. Exit 0 when every record is valid, 1 when any is not (or is a duplicate), 2 on a usage
//!   error.
//! - `kns keygen [--out FILE]`: a new Ed25519 key (its seed, as hex) and its did:key.
//! - `kns issue --key FILE PAYLOAD`: signs the payload file's bytes as a `vc+jwt` JWS (for tests
//!   and operators; the app signs its own records).
//!
//! The checks are kns-core's (`kns_core::record`), the same the app and the collector run.

use std::collections::BTreeMap;
use std::io::Read;
use std::process::ExitCode;

use kns_core::content::CourseIndex;
use kns_core::jws::Keypair;
use kns_core::record::{Verdict, endorsers, verify_batch};

const USAGE: &str = "usage: kns verify [--course PATH] [--json] FILE... | kns keygen [--out FILE] | kns issue --key FILE PAYLOAD";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("verify") => verify(&args[1..]),
        Some("keygen") => keygen(&args[1..]),
        Some("issue") => issue(&args[1..]),
        _ => Err(Usage(USAGE.into())),
    };
    match outcome {
        Ok(code) => code,
        Err(Usage(message)) => {
            eprintln!("kns: {message}");
            ExitCode::from(2)
        }
    }
}

/// A usage error: printed, exit 2.
struct Usage(String);

fn read(path: &str) -> Result<String, Usage> {
    std::fs::read_to_string(path).map_err(|e| Usage(format!("cannot read {path}: {e}")))
}

fn verify(args: &[String]) -> Result<ExitCode, Usage> {
    let mut json = false;
    let mut course = None;
    let mut files = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--course" => {
                let path = args.next().ok_or_else(|| Usage(format!("--course needs a path; {USAGE}")))?;
                let index: CourseIndex = serde_json::from_str(&read(path)?)
                    .map_err(|e| Usage(format!("{path} is not a course index (course.json): {e}")))?;
                course = Some(index);
            }
            flag if flag.starts_with("--") => return Err(Usage(format!("unknown option {flag}; {USAGE}"))),
            file => files.push(file.to_string()),
        }
    }
    if files.is_empty() {
        return Err(Usage(format!("no record file given; {USAGE}")));
    }
    // Every record with the place it was read from.
    let mut places = Vec::new();
    let mut records = Vec::new();
    for file in &files {
        for (i, line) in read(file)?.lines().enumerate() {
            if !line.trim().is_empty() {
                places.push(format!("{file}:{}", i + 1));
                records.push(line.trim().to_string());
            }
        }
    }
    let now =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let texts: Vec<&str> = records.iter().map(String::as_str).collect();
    let verdicts = verify_batch(&texts, course.as_ref(), now);
    let endorsed = endorsers(&verdicts);
    let endorsed_by = |id: &str| endorsed.get(id).map(|dids| dids.join(", "));
    let (mut valid, mut duplicates, mut repeats) = (0usize, 0usize, 0usize);
    let (mut endorsements, mut endorsed_records) = (0usize, 0usize);
    let mut invalid: BTreeMap<&str, usize> = BTreeMap::new();
    for (place, verdict) in places.iter().zip(&verdicts) {
        let (ok, code, said, issuer) = match verdict {
            Verdict::Valid(record) => {
                valid += 1;
                let said = match endorsed_by(&record.id) {
                    Some(by) => {
                        endorsed_records += 1;
                        format!("valid, endorsed by {by}")
                    }
                    None => "valid, self-issued".to_string(),
                };
                (true, "valid", said, Some(record.issuer.as_str()))
            }
            Verdict::Repeat { record, of } => {
                valid += 1;
                repeats += 1;
                let mut said =
                    format!("valid, a repeat of {} (same learner, lesson and version)", places[*of]);
                if let Some(by) = endorsed_by(&record.id) {
                    endorsed_records += 1;
                    said.push_str(&format!(", endorsed by {by}"));
                }
                (true, "repeat", said, Some(record.issuer.as_str()))
            }
            Verdict::Endorsement(endorsement) => {
                endorsements += 1;
                let said = format!("a valid endorsement of {}", endorsement.record);
                (true, "endorsement", said, Some(endorsement.issuer.as_str()))
            }
            Verdict::Duplicate { of } => {
                duplicates += 1;
                (false, "duplicate", format!("duplicate of {}", places[*of]), None)
            }
            Verdict::Invalid(reason) => {
                *invalid.entry(reason.code()).or_default() += 1;
                (false, reason.code(), format!("invalid: {reason}"), None)
            }
        };
        if json {
            let line = serde_json::json!({
                "record": place, "valid": ok, "verdict": code, "reason": said, "issuer": issuer,
            });
            println!("{line}");
        } else {
            match issuer {
                Some(did) => println!("{place}: {said} (signed by {did})"),
                None => println!("{place}: {said}"),
            }
        }
    }
    let failed: usize = invalid.values().sum();
    let reasons: Vec<String> = invalid.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let reasons = if reasons.is_empty() { String::new() } else { format!(" ({})", reasons.join(", ")) };
    let summary = format!(
        "{valid} valid ({endorsed_records} endorsed, {} self-issued), {failed} invalid{reasons}, {duplicates} duplicates, {repeats} repeats, {endorsements} endorsements",
        valid - endorsed_records
    );
    if json {
        eprintln!("{summary}");
    } else {
        println!("{summary}");
    }
    Ok(if failed + duplicates == 0 && valid + endorsements > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn keygen(args: &[String]) -> Result<ExitCode, Usage> {
    let mut seed = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut seed))
        .map_err(|e| Usage(format!("no secure random source: {e}")))?;
    let hex: String = seed.iter().map(|b| format!("{b:02x}")).collect();
    let keys = Keypair::from_seed(&seed);
    match args {
        [] => println!("{hex}"),
        [flag, path] if flag == "--out" => {
            std::fs::write(path, format!("{hex}\n"))
                .map_err(|e| Usage(format!("cannot write {path}: {e}")))?;
        }
        _ => return Err(Usage(USAGE.into())),
    }
    eprintln!("{}", keys.did());
    Ok(ExitCode::SUCCESS)
}

fn issue(args: &[String]) -> Result<ExitCode, Usage> {
    let [flag, key_file, payload_file] = args else {
        return Err(Usage(USAGE.into()));
    };
    if flag != "--key" {
        return Err(Usage(USAGE.into()));
    }
    let hex = read(key_file)?;
    let hex = hex.trim();
    let seed: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| hex.get(i..i + 2).and_then(|pair| u8::from_str_radix(pair, 16).ok()))
        .collect::<Option<_>>()
        .ok_or_else(|| Usage(format!("{key_file} is not a hex key")))?;
    let seed: [u8; 32] = seed.try_into().map_err(|_| Usage(format!("{key_file} is not a 32-byte key")))?;
    let payload =
        std::fs::read(payload_file).map_err(|e| Usage(format!("cannot read {payload_file}: {e}")))?;
    println!("{}", Keypair::from_seed(&seed).sign_jws(&payload));
    Ok(ExitCode::SUCCESS)
}
