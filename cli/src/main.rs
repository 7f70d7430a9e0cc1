//! `kns`: the operators' command for completion records.
//!
//! - `kns verify [--json] FILE...`: one verdict per record (one JWS per line), then a summary.
//!   Exit 0 when every record is valid, 1 when any is not, 2 on a usage error.
//! - `kns keygen [--out FILE]`: a new Ed25519 key (its seed, as hex) and its did:key.
//! - `kns issue --key FILE PAYLOAD`: signs the payload file's bytes as a `vc+jwt` JWS (for tests
//!   and operators; the app signs its own records).
//!
//! The checks are kns-core's (`kns_core::jws`), the same the app runs.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::process::ExitCode;

use kns_core::jws::{Keypair, verify_jws};

const USAGE: &str =
    "usage: kns verify [--json] FILE... | kns keygen [--out FILE] | kns issue --key FILE PAYLOAD";

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
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    if let Some(flag) = files.iter().find(|f| f.starts_with("--")) {
        return Err(Usage(format!("unknown option {flag}; {USAGE}")));
    }
    if files.is_empty() {
        return Err(Usage(format!("no record file given; {USAGE}")));
    }
    let mut seen: HashMap<String, String> = HashMap::new();
    let (mut valid, mut duplicates) = (0usize, 0usize);
    let mut invalid: BTreeMap<String, usize> = BTreeMap::new();
    for file in files {
        let text = read(file)?;
        for (i, line) in text.lines().enumerate() {
            let record = line.trim();
            if record.is_empty() {
                continue;
            }
            let place = format!("{file}:{}", i + 1);
            let (ok, verdict, issuer) = if let Some(first) = seen.get(record) {
                duplicates += 1;
                (false, format!("duplicate of {first}"), None)
            } else {
                seen.insert(record.to_string(), place.clone());
                match verify_jws(record) {
                    Ok(verified) => {
                        valid += 1;
                        let did = kns_core::jws::did_key(&verified.public_key);
                        (true, "valid".to_string(), Some(did))
                    }
                    Err(e) => {
                        *invalid.entry(reason_kind(&e)).or_default() += 1;
                        (false, format!("invalid: {e}"), None)
                    }
                }
            };
            if json {
                let line = serde_json::json!({
                    "record": place, "valid": ok, "verdict": verdict, "issuer": issuer,
                });
                println!("{line}");
            } else {
                match issuer {
                    Some(did) => println!("{place}: {verdict} (signed by {did})"),
                    None => println!("{place}: {verdict}"),
                }
            }
        }
    }
    let failed: usize = invalid.values().sum();
    let reasons: Vec<String> = invalid.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let reasons = if reasons.is_empty() { String::new() } else { format!(" ({})", reasons.join(", ")) };
    let summary = format!("{valid} valid, {failed} invalid{reasons}, {duplicates} duplicates");
    if json {
        eprintln!("{summary}");
    } else {
        println!("{summary}");
    }
    Ok(if failed + duplicates == 0 && valid > 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// A short name for a reason, for the summary.
fn reason_kind(error: &kns_core::jws::JwsError) -> String {
    use kns_core::jws::JwsError::*;
    match error {
        Malformed(_) => "malformed",
        UnsupportedAlgorithm(_) => "wrong algorithm",
        UnsupportedType(_) => "wrong type",
        BadKeyId(_) => "bad key id",
        WeakKey => "weak key",
        BadSignature => "bad signature",
    }
    .to_string()
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
