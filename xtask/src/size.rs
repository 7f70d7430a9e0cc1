//! `cargo xtask size`: what a learner downloads before the course page is usable, brotli-compressed
//! as a server would send it, file by file, against the budgets in DESIGN.md.

use std::path::{Path, PathBuf};

use crate::{Result, dist};

/// Everything before the course page is usable: HTML, JS, wasm, CSS.
pub const TOTAL_BUDGET: usize = 150 * 1024;
pub const WASM_BUDGET: usize = 110 * 1024;
/// One compiled lesson.
pub const LESSON_BUDGET: usize = 25 * 1024;

pub fn brotli_size(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("compressing in memory");
    out.len()
}

fn files_with(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|f| f.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e)));
    files.sort();
    files
}

pub fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// One file: its name, its size, its size brotli-compressed.
pub struct FileSize {
    pub name: String,
    pub raw: usize,
    pub brotli: usize,
}

/// What `dist/` weighs.
pub struct Sizes {
    /// Everything before the course page is usable.
    pub first_load: Vec<FileSize>,
    /// Every compiled lesson file (the wire form the app loads).
    pub lessons: Vec<FileSize>,
    /// The settings page (the second entry), fetched only when it is opened.
    pub settings: Vec<FileSize>,
}

impl Sizes {
    pub fn total(&self) -> usize {
        self.first_load.iter().map(|f| f.brotli).sum()
    }

    pub fn wasm(&self) -> usize {
        self.first_load.iter().filter(|f| f.name.ends_with(".wasm")).map(|f| f.brotli).sum()
    }
}

fn measure_file(file: &Path, name: String) -> Result<FileSize> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}; run the build first", file.display()))?;
    Ok(FileSize { name, raw: bytes.len(), brotli: brotli_size(&bytes) })
}

fn file_name(file: &Path) -> String {
    file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

pub fn measure() -> Result<Sizes> {
    let dist = dist();
    let mut first_load = Vec::new();
    for file in files_with(&dist, &["html", "js", "wasm", "css"]) {
        first_load.push(measure_file(&file, file_name(&file))?);
    }
    // The course index is fetched before the app can take over the course page.
    first_load.push(measure_file(&dist.join("content/course.bin"), "content/course.bin".into())?);
    let mut lessons = Vec::new();
    for file in files_with(&dist.join("content/lessons"), &["bin"]) {
        lessons.push(measure_file(&file, file_name(&file))?);
    }
    let mut settings = Vec::new();
    for file in files_with(&dist.join("settings"), &["html", "js", "wasm"]) {
        settings.push(measure_file(&file, format!("settings/{}", file_name(&file)))?);
    }
    Ok(Sizes { first_load, lessons, settings })
}

/// Prints the sizes; fails when the first load, the wasm or a lesson is over its budget.
pub fn report() -> Result {
    let sizes = measure()?;
    println!("{:<44} {:>10} {:>10}", "first load (course page)", "raw", "brotli");
    let mut failures = Vec::new();
    for f in &sizes.first_load {
        let note = if f.name.ends_with(".wasm") {
            format!(
                "  (wasm budget {}{})",
                kb(WASM_BUDGET),
                if f.brotli > WASM_BUDGET { ": OVER" } else { "" }
            )
        } else {
            String::new()
        };
        println!("{:<44} {:>10} {:>10}{note}", f.name, kb(f.raw), kb(f.brotli));
    }
    let total = sizes.total();
    println!("{:<44} {:>10} {:>10}  (budget {})", "total", "", kb(total), kb(TOTAL_BUDGET));
    if total > TOTAL_BUDGET {
        failures.push(format!("the first load is {} brotli, budget {}", kb(total), kb(TOTAL_BUDGET)));
    }
    if sizes.wasm() > WASM_BUDGET {
        failures.push(format!("the wasm is {} brotli, budget {}", kb(sizes.wasm()), kb(WASM_BUDGET)));
    }
    println!("\n{:<44} {:>10} {:>10}  (budget {} each)", "lessons", "raw", "brotli", kb(LESSON_BUDGET));
    for f in &sizes.lessons {
        println!("{:<44} {:>10} {:>10}", f.name, kb(f.raw), kb(f.brotli));
        if f.brotli > LESSON_BUDGET {
            failures.push(format!(
                "lesson {} is {} brotli, budget {}",
                f.name,
                kb(f.brotli),
                kb(LESSON_BUDGET)
            ));
        }
    }
    // A figure, not a budget: nobody loads it unless they open settings.
    println!("\n{:<44} {:>10} {:>10}", "settings page (opened on demand)", "raw", "brotli");
    for f in &sizes.settings {
        println!("{:<44} {:>10} {:>10}", f.name, kb(f.raw), kb(f.brotli));
    }
    let settings: usize = sizes.settings.iter().map(|f| f.brotli).sum();
    println!("{:<44} {:>10} {:>10}", "total", "", kb(settings));
    if failures.is_empty() { Ok(()) } else { Err(format!("over budget:\n{}", failures.join("\n"))) }
}
