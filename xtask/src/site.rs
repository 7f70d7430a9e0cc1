//! `cargo xtask content`: compiles `content/` into the build output.
//!
//! Writes `content/course.{json,bin}` (the course index), `content/lessons/<id>.<lang>.<hash>.{json,bin}`
//! (one file per lesson and language, named by its content hash so it can be cached for ever;
//! `.bin` is the wire form the app loads, `.json` the same for people and tools) and the pictures
//! the lessons use. Trunk's post-build hook runs it with `$TRUNK_STAGING_DIR`.

use std::path::{Path, PathBuf};

use kns_core::Lang;
use kns_core::compiler::{CompiledCourse, ContentError, compile_course, load_catalog};
use kns_core::wire;

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
    for warning in &course.warnings {
        println!("{}", relative(warning));
    }
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
    prerender(&course, &out)?;
    settings_entry(&out)?;
    records_module(&out)?;
    service_worker(&out)?;
    println!(
        "content: {} lessons, {translations} lesson files written to {}",
        course.index.lessons.len(),
        out.join("content").display()
    );
    Ok(())
}

/// Compiles the course, turning every error into one line `file:line: reason`. The course is
/// `content/`, or the folder `KNS_CONTENT_DIR` names (to try the app with other content).
pub fn compile() -> Result<CompiledCourse> {
    let dir =
        std::env::var_os("KNS_CONTENT_DIR").map(PathBuf::from).unwrap_or_else(|| root().join("content"));
    compile_course(&dir).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(relative).collect();
        format!("the content has {} error(s):\n{}", lines.len(), lines.join("\n"))
    })
}

/// An error as `file:line: reason`, the file relative to the workspace.
fn relative(error: &ContentError) -> String {
    let mut e = error.clone();
    e.file = e.file.strip_prefix(root()).map(Path::to_path_buf).unwrap_or(e.file);
    e.to_string()
}

fn write(course: &CompiledCourse, out: &Path) -> Result {
    let content = out.join("content");
    let _ = std::fs::remove_dir_all(&content);
    std::fs::create_dir_all(content.join("lessons")).map_err(io(&content))?;
    // Each file twice: JSON for people and tools, the wire form for the app (kns_core::wire).
    let both = |stem: &Path, json: Vec<u8>, wire: Vec<u8>| -> Result {
        // Not `with_extension`: the stem's last dot is the hash's.
        let with = |ext: &str| PathBuf::from(format!("{}.{ext}", stem.display()));
        let (json_path, wire_path) = (with("json"), with("bin"));
        std::fs::write(&json_path, json).map_err(io(&json_path))?;
        std::fs::write(&wire_path, wire).map_err(io(&wire_path))
    };
    let index = &course.index;
    both(&content.join("course"), serde_json::to_vec(index).expect("serialises"), wire::encode(index))?;
    for compiled in &course.lessons {
        let summary = course.index.lesson(&compiled.lesson.id).expect("every lesson is in the index");
        let stem = content.join(&summary.translation(compiled.lesson.lang).file);
        both(&stem, serde_json::to_vec(compiled).expect("serialises"), wire::encode(compiled))?;
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

/// Writes the static pages (see `kns_core::prerender`), in Vietnamese: the course page into the
/// built `index.html`, each lesson's page into `lesson/<id>/index.html` (a static server serves
/// that for `/lesson/<id>`). Nothing to do where there is no `index.html` (content written on
/// its own, with `--out`).
fn prerender(course: &CompiledCourse, out: &Path) -> Result {
    use kns_core::prerender::{course_page, insert_into, lesson_page, with_title};
    let path = out.join("index.html");
    let Ok(template) = std::fs::read_to_string(&path) else { return Ok(()) };
    let catalog = load_catalog(&root().join("i18n"), Lang::Vi)?;
    let at = |e: String| format!("{}: {e}", path.display());
    let html = insert_into(&template, &course_page(&course.index, &catalog)).map_err(at)?;
    std::fs::write(&path, html).map_err(io(&path))?;
    let lessons = out.join("lesson");
    let _ = std::fs::remove_dir_all(&lessons);
    for compiled in course.lessons.iter().filter(|c| c.lesson.lang == Lang::Vi) {
        let dir = lessons.join(&compiled.lesson.id);
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        let title = format!("{} · {}", compiled.lesson.title, catalog.get("app-title"));
        let html = with_title(&template, &title)
            .and_then(|html| insert_into(&html, &lesson_page(compiled, &catalog)))
            .map_err(at)?;
        let file = dir.join("index.html");
        std::fs::write(&file, html).map_err(io(&file))?;
    }
    Ok(())
}

/// The files the service worker stores at install, as paths from the site root: the app's page,
/// the JS and wasm, the course index, the icon, the learners' pictures (the header shows the
/// one in use) and the manifest. (Not lessons, which the app
/// keeps in IndexedDB, nor lesson pages, kept when opened.)
fn shell_files(out: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let names = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|entries| entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
            .unwrap_or_default();
        names.sort();
        names
    };
    for name in names(out) {
        let shell = name == "index.html"
            || name.ends_with(".js") && name != "sw.js"
            || name.ends_with(".wasm")
            || name == "icon.svg"
            || name == "profiles.svg"
            || name == "manifest.webmanifest";
        if shell {
            files.push(format!("/{name}"));
        }
    }
    files.push("/content/course.bin".into());
    files
}

/// Copies the settings entry (built by `cargo xtask build` with Trunk.settings.toml into
/// target/kns-settings) into `settings/` of a full build. Its files are not in the shell the
/// worker stores at install (few learners open settings; a first visit must stay light): the
/// worker keeps them when they are first fetched.
fn settings_entry(out: &Path) -> Result {
    let from = root().join("target/kns-settings");
    if !out.join("index.html").is_file() || !from.join("index.html").is_file() {
        return Ok(());
    }
    let to = out.join("settings");
    let _ = std::fs::remove_dir_all(&to);
    std::fs::create_dir_all(&to).map_err(io(&to))?;
    for entry in std::fs::read_dir(&from).map_err(io(&from))? {
        let path = entry.map_err(io(&from))?.path();
        if path.is_file() {
            let target = to.join(path.file_name().expect("a file has a name"));
            std::fs::copy(&path, &target).map_err(io(&path))?;
        }
    }
    Ok(())
}

/// Where the course page finds the settings module, which signs records in the background after a
/// passed quiz (app/src/platform/records_bridge.rs): `<meta name="kns-records" content="/settings/
/// kns-settings-<hash>.js">` in the app's page and each lesson's page. Nothing where there is no
/// settings entry.
fn records_module(out: &Path) -> Result {
    const META: &str = r#"<meta name="kns-records" content=""#;
    let Ok(entries) = std::fs::read_dir(out.join("settings")) else { return Ok(()) };
    let mut modules: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with("kns-settings-") && name.ends_with(".js"))
        .collect();
    modules.sort();
    let [module] = modules.as_slice() else {
        return Err(format!("settings/: expected one kns-settings-*.js, found {modules:?}"));
    };
    for path in page_files(out).into_iter().filter(|p| !p.starts_with(out.join("settings"))) {
        let mut html = std::fs::read_to_string(&path).map_err(io(&path))?;
        if let Some(at) = html.find(META) {
            let end = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
            html.replace_range(at..end, "");
        }
        let html = html.replacen("</head>", &format!(r#"{META}/settings/{module}"></head>"#), 1);
        std::fs::write(&path, html).map_err(io(&path))?;
    }
    Ok(())
}

/// Every page of the build: the app's page, each lesson's static page and the settings page.
fn page_files(out: &Path) -> Vec<PathBuf> {
    let mut pages = vec![out.join("index.html")];
    if out.join("settings/index.html").is_file() {
        pages.push(out.join("settings/index.html"));
    }
    if let Ok(entries) = std::fs::read_dir(out.join("lesson")) {
        let mut lessons: Vec<PathBuf> =
            entries.filter_map(|e| Some(e.ok()?.path().join("index.html"))).collect();
        lessons.sort();
        pages.extend(lessons);
    }
    pages
}

/// Writes this build's id and file list into `sw.js` (see public/sw.js), and the same id into
/// every page as `<meta name="kns-build">`. The id is a hash of the stored files and the pages,
/// so it changes exactly when one of them does. Nothing to do where there is no `sw.js` (content alone).
fn service_worker(out: &Path) -> Result {
    use sha2::{Digest, Sha256};
    let sw = out.join("sw.js");
    let Ok(script) = std::fs::read_to_string(&sw) else { return Ok(()) };
    let files = shell_files(out);
    const META: &str = r#"<meta name="kns-build" content=""#;
    // Every page, without the id an earlier run of this command may have put in it.
    let mut pages = Vec::new();
    for path in page_files(out) {
        let mut html = std::fs::read_to_string(&path).map_err(io(&path))?;
        if let Some(at) = html.find(META) {
            let end = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
            html.replace_range(at..end, "");
        }
        pages.push((path, html));
    }
    let mut hash = Sha256::new();
    for file in files.iter().filter(|f| !f.ends_with(".html")) {
        let path = out.join(file.trim_start_matches('/'));
        hash.update(file.as_bytes());
        hash.update(std::fs::read(&path).map_err(io(&path))?);
    }
    for (path, html) in &pages {
        hash.update(path.strip_prefix(out).unwrap_or(path).to_string_lossy().as_bytes());
        hash.update(html.as_bytes());
    }
    let build: String = hash.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    for (path, html) in &pages {
        let html = html.replacen("</head>", &format!(r#"{META}{build}"></head>"#), 1);
        std::fs::write(path, html).map_err(io(path))?;
    }
    let list = serde_json::to_string(&files).expect("a list of strings serialises");
    let mut filled = (false, false);
    let script: Vec<String> = script
        .lines()
        .map(|line| {
            if line.starts_with("const BUILD = ") {
                filled.0 = true;
                format!("const BUILD = '{build}';")
            } else if line.starts_with("const SHELL = ") {
                filled.1 = true;
                format!("const SHELL = {list};")
            } else {
                line.to_string()
            }
        })
        .collect();
    if filled != (true, true) {
        return Err(format!("{}: no `const BUILD = ` and `const SHELL = ` lines to fill in", sw.display()));
    }
    std::fs::write(&sw, script.join("\n") + "\n").map_err(io(&sw))?;
    println!("service worker: build {build}, {} files", files.len());
    Ok(())
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("{}: {e}", path.display())
}
