//! Concatenates each language's `i18n/<lang>/*.ftl` files (in file-name order) into one file in
//! OUT_DIR, which `src/i18n.rs` embeds: the interface text is in the wasm, so the first screen
//! never waits for a message file.

use std::path::Path;

fn main() {
    let i18n = Path::new(env!("CARGO_MANIFEST_DIR")).join("../i18n");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo::rerun-if-changed={}", i18n.display());
    for lang in ["vi", "en"] {
        let dir = i18n.join(lang);
        println!("cargo::rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("readable i18n folder").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        files.sort();
        let mut text = String::new();
        for file in files {
            println!("cargo::rerun-if-changed={}", file.display());
            text.push_str(&std::fs::read_to_string(&file).expect("readable .ftl file"));
            text.push('\n');
        }
        std::fs::write(Path::new(&out).join(format!("{lang}.ftl")), text).expect("OUT_DIR is writable");
    }
}
