//! `cargo xtask content`: compiles `content/` into the build output.
//!
//! Writes `content/course.json` (the course index), `content/lessons/<id>.<lang>.<hash>.json`
//! (one file per lesson and language, named by its content hash so it can be cached for ever)
//! and the pictures the lessons use. Trunk's post-build hook runs it with `$TRUNK_STAGING_DIR`.

use std::path::{Path, PathBuf};

use kns_core::compiler::{CompiledCourse, compile_course};

use crate::{Result, dist, root};

pub fn content_command(args: &[String]) -> Result {
    let mut out: Option<PathBuf> = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from);
    let mut check_only = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check_only = true,
            "--out" => out = Some(args.next().ok_or("--out needs a folder")?.into()),
            other => {
                return Err(format!(
                    "unknown argument {other}; usage: cargo xtask content [--out DIR] [--check]"
                ));
            }
        }
    }
    let course = compile()?;
    let translations: usize = course.index.lessons.iter().map(|l| l.translations.len()).sum();
    if check_only {
        println!(
            "content: {} lessons, {translations} lesson files compiled, no errors",
            course.index.lessons.len()
        );
        return Ok(());
    }
    let out = out.unwrap_or_else(dist);
    write(&course, &out)?;
    println!(
        "content: {} lessons, {translations} lesson files written to {}",
        course.index.lessons.len(),
        out.join("content").display()
    );
    Ok(())
}

/// Compiles the course, turning every error into one line `file:line: reason`.
pub fn compile() -> Result<CompiledCourse> {
    let root = root();
    compile_course(&root.join("content")).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| {
                let mut e = e.clone();
                e.file = e.file.strip_prefix(&root).map(Path::to_path_buf).unwrap_or(e.file);
                e.to_string()
            })
            .collect();
        format!("the content has {} error(s):\n{}", lines.len(), lines.join("\n"))
    })
}

fn write(course: &CompiledCourse, out: &Path) -> Result {
    let content = out.join("content");
    let _ = std::fs::remove_dir_all(&content);
    std::fs::create_dir_all(content.join("lessons")).map_err(io(&content))?;
    let index = content.join("course.json");
    std::fs::write(&index, serde_json::to_vec(&course.index).expect("serialises")).map_err(io(&index))?;
    for compiled in &course.lessons {
        let summary = course.index.lesson(&compiled.lesson.id).expect("every lesson is in the index");
        let path = content.join(&summary.translation(compiled.lesson.lang).path);
        std::fs::write(&path, serde_json::to_vec(compiled).expect("serialises")).map_err(io(&path))?;
    }
    for (source, relative) in &course.assets {
        let target = content.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::copy(source, &target).map_err(io(source))?;
    }
    Ok(())
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("{}: {e}", path.display())
}
