//! Set-up: installs each tool the build and the tests need, at the version in TOOLCHAIN.md,
//! only when `--version` says it is missing or different. A second run costs a few seconds.

use std::path::PathBuf;
use std::process::Command;

use crate::{Result, root, run};

const TRUNK: &str = "0.21.14";
/// Must equal the `wasm-bindgen` crate version pinned in app/Cargo.toml.
const WASM_BINDGEN: &str = "0.2.130";
/// wasm-opt from npm's binaryen@132 (package.json); Debian's wasm-opt 108 breaks Leptos apps.
const WASM_OPT: &str = "version 132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The tools, found: commands made with [`Tools::command`] see them first on PATH.
pub struct Tools {
    path: String,
}

impl Tools {
    /// A command whose PATH has the project's node tools and cargo's binaries first.
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("PATH", &self.path);
        command
    }
}

/// Everything needed to build the app: the wasm target, Trunk, wasm-bindgen, wasm-opt.
pub fn build_tools() -> Result<Tools> {
    let tools = Tools { path: tool_path() };
    wasm_target()?;
    npm_packages(&tools)?;
    cargo_tool(&tools, "trunk", &format!("trunk {TRUNK}"), &["trunk", "--version", TRUNK, "--locked"])?;
    cargo_tool(
        &tools,
        "wasm-bindgen",
        &format!("wasm-bindgen {WASM_BINDGEN}"),
        &["wasm-bindgen-cli", "--version", WASM_BINDGEN, "--locked"],
    )?;
    let opt = version_of(&tools, "wasm-opt").unwrap_or_default();
    if !opt.contains(WASM_OPT) {
        return Err(format!("wasm-opt from node_modules says {opt:?}, expected {WASM_OPT}"));
    }
    Ok(tools)
}

/// Everything the tests need: the build tools and Debian's Chromium with its driver.
pub fn test_tools() -> Result<Tools> {
    let tools = build_tools()?;
    if !(PathBuf::from(CHROMIUM).exists() && PathBuf::from(CHROMEDRIVER).exists()) {
        eprintln!("xtask: installing Debian's chromium and chromium-driver");
        run(Command::new("apt-get").arg("update"))?;
        // As TOOLCHAIN.md checked it: with recommended packages (fonts for Vietnamese text).
        run(Command::new("apt-get").args(["install", "-y", "chromium", "chromium-driver"]))?;
    }
    Ok(tools)
}

fn tool_path() -> String {
    let mut dirs = vec![root().join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
    {
        dirs.push(home.join("bin"));
    }
    let mut path =
        std::env::join_paths(dirs).expect("paths without separators").into_string().unwrap_or_default();
    if let Ok(rest) = std::env::var("PATH") {
        path.push(':');
        path.push_str(&rest);
    }
    path
}

fn version_of(tools: &Tools, program: &str) -> Option<String> {
    let output = tools.command(program).arg("--version").output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

fn wasm_target() -> Result {
    let output = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup: {e}"))?;
    if !String::from_utf8_lossy(&output.stdout).lines().any(|l| l.trim() == WASM_TARGET) {
        run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }
    // The release wasm builds the standard library from its source (see `crate::build`).
    if !library_manifest()?.is_file() {
        run(Command::new("rustup").args(["component", "add", "rust-src"]))?;
    }
    Ok(())
}

/// The standard library's own workspace manifest (from rustup's `rust-src` component).
pub fn library_manifest() -> Result<PathBuf> {
    let output = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .map_err(|e| format!("rustc --print sysroot: {e}"))?;
    let sysroot = String::from_utf8_lossy(&output.stdout).trim().to_string();
    Ok(PathBuf::from(sysroot).join("lib/rustlib/src/rust/library/Cargo.toml"))
}

/// `cargo install`s a tool unless `--version` already prints `wanted`.
fn cargo_tool(tools: &Tools, program: &str, wanted: &str, install: &[&str]) -> Result {
    if version_of(tools, program).is_some_and(|v| v.starts_with(wanted)) {
        return Ok(());
    }
    eprintln!("xtask: installing {wanted} (cargo install takes several minutes, once per machine)");
    let locked = run(Command::new("cargo").arg("install").args(install));
    if locked.is_err() {
        // TOOLCHAIN.md: wasm-bindgen-cli's lockfile can name a yanked version; retry unlocked.
        let unlocked: Vec<&str> = install.iter().copied().filter(|a| *a != "--locked").collect();
        run(Command::new("cargo").arg("install").args(unlocked))?;
    }
    match version_of(tools, program) {
        Some(v) if v.starts_with(wanted) => Ok(()),
        other => Err(format!("{program} --version says {other:?} after installing, expected {wanted}")),
    }
}

/// `npm ci` in the workspace root when node_modules is missing or older than package-lock.json.
fn npm_packages(tools: &Tools) -> Result {
    npm_packages_in(tools, &root())
}

/// The tools `cargo xtask bench` needs besides the test tools: Lighthouse, from `bench/`'s own
/// lockfile (kept apart so that CI's `npm ci` does not install it).
pub fn bench_tools() -> Result<Tools> {
    let tools = test_tools()?;
    npm_packages_in(&tools, &root().join("bench"))?;
    Ok(tools)
}

/// `npm ci` in `root` when its node_modules is missing or older than its package-lock.json.
fn npm_packages_in(tools: &Tools, root: &std::path::Path) -> Result {
    let root = root.to_path_buf();
    let lock = root.join("package-lock.json");
    let installed = root.join("node_modules/.package-lock.json");
    let modified = |p: &PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = matches!((modified(&installed), modified(&lock)), (Some(i), Some(l)) if i >= l);
    if fresh {
        return Ok(());
    }
    run(tools
        .command("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .current_dir(&root))
}
