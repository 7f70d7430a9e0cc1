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

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

pub fn report() -> Result {
    let dist = dist();
    let mut rows = Vec::new();
    for file in files_with(&dist, &["html", "js", "wasm", "css"]) {
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        rows.push((
            file.file_name().unwrap().to_string_lossy().into_owned(),
            bytes.len(),
            brotli_size(&bytes),
        ));
    }
    // The course index is fetched before the course page can list anything.
    let index = dist.join("content/course.bin");
    let bytes =
        std::fs::read(&index).map_err(|e| format!("{}: {e}; run the build first", index.display()))?;
    rows.push(("content/course.bin".into(), bytes.len(), brotli_size(&bytes)));

    println!("{:<44} {:>10} {:>10}", "first load (course page)", "raw", "brotli");
    let mut failures = Vec::new();
    for (name, raw, br) in &rows {
        let note = if name.ends_with(".wasm") {
            // DESIGN.md's wasm budget is reported here; meeting it is the performance issue's
            // work, so for now only the total fails the command.
            format!("  (wasm budget {}{})", kb(WASM_BUDGET), if *br > WASM_BUDGET { ": OVER" } else { "" })
        } else {
            String::new()
        };
        println!("{name:<44} {:>10} {:>10}{note}", kb(*raw), kb(*br));
    }
    let total: usize = rows.iter().map(|(_, _, br)| br).sum();
    println!("{:<44} {:>10} {:>10}  (budget {})", "total", "", kb(total), kb(TOTAL_BUDGET));
    if total > TOTAL_BUDGET {
        failures.push(format!("the first load is {} brotli, budget {}", kb(total), kb(TOTAL_BUDGET)));
    }

    println!("\n{:<44} {:>10} {:>10}  (budget {} each)", "lessons", "raw", "brotli", kb(LESSON_BUDGET));
    for file in files_with(&dist.join("content/lessons"), &["bin"]) {
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let (raw, br) = (bytes.len(), brotli_size(&bytes));
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        println!("{name:<44} {:>10} {:>10}", kb(raw), kb(br));
        if br > LESSON_BUDGET {
            failures.push(format!("lesson {name} is {} brotli, budget {}", kb(br), kb(LESSON_BUDGET)));
        }
    }
    if failures.is_empty() { Ok(()) } else { Err(format!("over budget:\n{}", failures.join("\n"))) }
}
