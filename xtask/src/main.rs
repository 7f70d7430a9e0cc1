//! `cargo xtask …`: every task of the project, on any machine of its kind, with no manual step.
//!
//! - `serve [--port N]`: set up what is missing, build the release app, serve it on loopback.
//! - `test`: set up what is missing (Chromium too), then every check; one summary line at the end.
//! - `build`: set up what is missing and build the release app into `dist/`.
//! - `content [--out DIR] [--check]`: compile `content/` (Trunk's post-build hook runs this).
//! - `size`: build, then print the brotli size of each file of the first load, against the budgets.
//! - `bench [--runs N]`: build, serve, measure every budget of DESIGN.md (Lighthouse too), print
//!   one table and write it into `docs/benchmarks.md`.

mod bench;
mod server;
mod setup;
mod site;
mod size;
mod test;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The result of a task; the message is printed as `xtask: <message>`.
type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test::all(),
        Some("build") => setup::build_tools().and_then(|tools| build(&tools)),
        Some("content") => site::content_command(&args[1..]),
        Some("bench") => bench::bench(&args[1..]),
        Some("size") => setup::build_tools().and_then(|tools| build(&tools)).and_then(|()| size::report()),
        _ => Err(format!(
            "usage: cargo xtask <serve [--port N] | test | build | content [--out DIR] [--check] | size | bench [--runs N]>\n(got {args:?})"
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of this crate's folder).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace").to_path_buf()
}

/// Where `trunk build` writes the app.
fn dist() -> PathBuf {
    root().join("dist")
}

/// Runs a command to completion, streaming its output; an error names it on failure.
fn run(command: &mut Command) -> Result {
    let shown = format!("{command:?}");
    let status = command.status().map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{shown} failed ({status})")) }
}

/// Builds the release app into `dist/` with Trunk (which runs `cargo xtask content` after the
/// wasm is built, see Trunk.toml).
///
/// The release wasm is built with the standard library compiled from source, and with
/// `-Cpanic=immediate-abort`: a panic traps at once, so no panic message, formatting or
/// unwinding code is linked (107.7 -> 101.8 KB brotli, docs/benchmarks.md). Both are unstable
/// cargo and rustc features, enabled with RUSTC_BOOTSTRAP=1 as the other wasm flags are
/// (.cargo/config.toml). Only this build uses them: the wasm tests keep the prebuilt library.
fn build(tools: &setup::Tools) -> Result {
    // Trunk runs cargo with --offline (Trunk.toml), so every crate must be here first, the
    // standard library's own ones too.
    run(Command::new("cargo").args(["fetch", "--locked"]).current_dir(root()))?;
    let library = setup::library_manifest()?;
    run(Command::new("cargo").arg("fetch").arg("--manifest-path").arg(&library).env("RUSTC_BOOTSTRAP", "1"))?;
    let mut flags = wasm_rustflags()?;
    flags.extend(["-Zunstable-options".to_string(), "-Cpanic=immediate-abort".to_string()]);
    let trunk = |config: &str| {
        run(tools
            .command("trunk")
            .args(["--config", config, "build", "--release"])
            .env("RUSTC_BOOTSTRAP", "1")
            .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", flags.join(" "))
            .current_dir(root()))
    };
    // The settings entry first (into target/kns-settings): the main build's hook copies it into
    // dist/settings/ and counts its page in the build id.
    trunk("Trunk.settings.toml")?;
    trunk("Trunk.toml")
}

/// The wasm32 `rustflags` of .cargo/config.toml (an environment variable replaces them, so the
/// release build starts from these).
fn wasm_rustflags() -> Result<Vec<String>> {
    let path = root().join(".cargo/config.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let line = text
        .lines()
        .find(|line| line.trim_start().starts_with("rustflags = ["))
        .ok_or_else(|| format!("{}: no `rustflags = [...]` line", path.display()))?;
    Ok(line.split('"').skip(1).step_by(2).map(str::to_string).collect())
}

fn serve(args: &[String]) -> Result {
    let port = match args {
        [] => 8080,
        [flag, port] if flag == "--port" => port.parse().map_err(|_| format!("not a port: {port}"))?,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    let tools = setup::build_tools()?;
    build(&tools)?;
    let server = server::Server::start("127.0.0.1", port, dist())?;
    println!("Kỹ năng số is served at http://127.0.0.1:{}/ (Ctrl+C to stop)", server.port());
    server.wait();
    Ok(())
}
