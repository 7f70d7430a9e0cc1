//! `cargo xtask test`: set up what is missing, then run every check the project has, in order.
//! A failing check does not stop the independent ones after it; the last line sums them up.

use std::time::Instant;

use crate::setup::{self, CHROMEDRIVER, Tools};
use crate::{Result, build, dist, root, run, server, site, size};

const WASM_TARGET: &str = "wasm32-unknown-unknown";

pub fn all() -> Result {
    let started = Instant::now();
    let tools = setup::test_tools()?;
    let root = root();
    let cargo = || {
        let mut c = tools.command("cargo");
        c.current_dir(&root);
        c
    };
    let mut results: Vec<(&str, Result, u64)> = Vec::new();
    let mut step = |name: &'static str, f: &mut dyn FnMut() -> Result| {
        eprintln!("\n==> {name}");
        let t = Instant::now();
        let result = f();
        if let Err(e) = &result {
            eprintln!("xtask: {name} failed: {e}");
        }
        let ok = result.is_ok();
        results.push((name, result, t.elapsed().as_secs()));
        ok
    };

    let _ = step("fmt", &mut || run(cargo().args(["fmt", "--all", "--check"])));
    step("clippy", &mut || {
        run(cargo().args([
            "clippy",
            "--locked",
            "-p",
            "kns-core",
            "-p",
            "kns-cli",
            "-p",
            "xtask",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))?;
        run(cargo()
            .args(["clippy", "--locked", "-p", "kns-app", "--target", WASM_TARGET, "--all-targets"])
            .args(["--", "-D", "warnings"]))
    });
    step("core+cli tests", &mut || {
        run(cargo().args(["test", "--locked", "-p", "kns-core", "-p", "kns-cli", "-p", "xtask"]))
    });
    step("content check", &mut || {
        site::compile().map(|c| println!("content: {} lessons compiled", c.index.lessons.len()))
    });
    step("wasm tests", &mut || wasm_tests(&tools));
    let built = step("release build", &mut || build(&tools));
    step("size budget", &mut || {
        if built { size::report() } else { Err("skipped: the build failed".into()) }
    });
    step("e2e", &mut || {
        if built { e2e(&tools) } else { Err("skipped: the build failed".into()) }
    });

    eprintln!();
    let failed: Vec<&str> = results.iter().filter(|(_, r, _)| r.is_err()).map(|(n, _, _)| *n).collect();
    for (name, result, secs) in &results {
        println!("{:<14} {:<6} {secs:>4} s", name, if result.is_ok() { "ok" } else { "FAILED" });
    }
    println!(
        "ran fmt, clippy, core and cli tests, content check, wasm tests, release build, size budget, e2e in {} s",
        started.elapsed().as_secs()
    );
    println!("xtask: {} passed, {} failed", results.len() - failed.len(), failed.len());
    if failed.is_empty() { Ok(()) } else { Err(format!("failed: {}", failed.join(", "))) }
}

/// The app's browser adapters, tested in headless Chromium by wasm-bindgen-test-runner.
fn wasm_tests(tools: &Tools) -> Result {
    run(tools
        .command("cargo")
        .args(["test", "--locked", "-p", "kns-app", "--target", WASM_TARGET])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        .current_dir(root().join("app")))
}

/// Playwright against the release build, served on loopback by the same server as `serve`. The
/// records tests check what the app made with the `kns` command: it is built first, and named
/// in KNS_BIN.
fn e2e(tools: &Tools) -> Result {
    run(tools.command("cargo").args(["build", "--locked", "-p", "kns-cli"]).current_dir(root()))?;
    let kns = root().join("target/debug/kns");
    let server = server::Server::start("127.0.0.1", 0, dist())?;
    let result = run(tools
        .command("npx")
        .args(["playwright", "test", "--config", "e2e/playwright.config.ts"])
        .env("BASE_URL", format!("http://127.0.0.1:{}", server.port()))
        .env("KNS_BIN", kns)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .current_dir(root()));
    server.stop();
    result
}
