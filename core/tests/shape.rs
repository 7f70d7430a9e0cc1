//! The shape of the workspace: kns-core stays plain Rust, so it builds and tests natively and
//! everything that can run without a browser is tested without one.

use std::process::Command;

const BROWSER_CRATES: [&str; 5] = ["leptos", "web-sys", "js-sys", "wasm-bindgen", "idb"];

#[test]
fn kns_core_depends_on_no_browser_crate() {
    let output = Command::new(env!("CARGO"))
        .args(["tree", "--package", "kns-core", "--edges", "normal,build", "--all-features"])
        .args(["--prefix", "none", "--format", "{p}"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let tree = String::from_utf8(output.stdout).unwrap();
    assert!(tree.lines().any(|l| l.starts_with("kns-core ")), "cargo tree printed kns-core:\n{tree}");
    let offenders: Vec<&str> = tree
        .lines()
        .filter(|line| {
            let name = line.split_whitespace().next().unwrap_or("");
            BROWSER_CRATES.contains(&name) || name.starts_with("leptos")
        })
        .collect();
    assert!(offenders.is_empty(), "kns-core must not depend on {offenders:?}");
}
