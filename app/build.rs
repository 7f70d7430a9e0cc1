//! Reads each language's `i18n/<lang>/*.ftl` files (in file-name order, as one source) with
//! kns-core's Fluent reader and writes the parsed messages in the wire form to OUT_DIR, which
//! `src/i18n.rs` embeds: the interface text is in the wasm, so the first screen never waits for
//! a message file, and the parser is not (a message file that does not parse fails the build,
//! naming the file and line).
//!
//! Two catalogs per language: `<lang>.catalog` for the course page, from every file but
//! `settings.ftl`, and `<lang>.settings.catalog` for the settings page (its own wasm), from all
//! of them. Words only the settings page shows stay out of the course page's wasm.

use std::path::{Path, PathBuf};

use kns_core::Lang;
use kns_core::i18n::Catalog;

fn main() {
    let i18n = Path::new(env!("CARGO_MANIFEST_DIR")).join("../i18n");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo::rerun-if-changed={}", i18n.display());
    for lang in [Lang::Vi, Lang::En] {
        let dir = i18n.join(lang.code());
        println!("cargo::rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("readable i18n folder").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        files.sort();
        for file in &files {
            println!("cargo::rerun-if-changed={}", file.display());
        }
        let course: Vec<PathBuf> =
            files.iter().filter(|f| f.file_name().is_none_or(|n| n != "settings.ftl")).cloned().collect();
        write(lang, &course, &Path::new(&out).join(format!("{}.catalog", lang.code())));
        write(lang, &files, &Path::new(&out).join(format!("{}.settings.catalog", lang.code())));
    }
}

/// Parses `files` as one source and writes the catalog to `to`.
fn write(lang: Lang, files: &[PathBuf], to: &Path) {
    let mut text = String::new();
    // Where each file starts in `text` (its first line number there), to name it in an error.
    let mut starts = Vec::new();
    for file in files {
        starts.push((text.lines().count() + 1, file.clone()));
        text.push_str(&std::fs::read_to_string(file).expect("readable .ftl file"));
        text.push('\n');
    }
    let catalog = Catalog::parse(lang, &text).unwrap_or_else(|e| {
        let (start, file) = starts.iter().rev().find(|(start, _)| *start <= e.line).expect("a file");
        panic!("{}:{}: {:?}", file.display(), e.line - start + 1, e.kind)
    });
    std::fs::write(to, kns_core::wire::encode(&catalog)).expect("OUT_DIR is writable");
}
