//! `cargo xtask bench [--runs N]`: the budgets of DESIGN.md, measured.
//!
//! Builds the release app, serves it on loopback and prints one table: the bytes of the first
//! load and of the largest lesson (brotli), Lighthouse's mobile figures for the course page and a
//! lesson page (median of N runs, 3 by default; Lighthouse's own defaults: simulated slow 4G and
//! 4x CPU slowdown), the answer-to-commit latency and the offline reload in Chromium. The same table goes into
//! `docs/benchmarks.md`, between the marker lines, with the date and the machine. Exits non-zero
//! when a budget is missed. CI does not run it: it is slow and its timings are noisy.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::server::Server;
use crate::setup::{self, CHROMIUM, Tools};
use crate::size::{self, LESSON_BUDGET, TOTAL_BUDGET, WASM_BUDGET, kb};
use crate::{Result, build, dist, root, run};

/// The pages Lighthouse measures.
const PAGES: [(&str, &str); 2] = [("course page", "/"), ("lesson page", "/lesson/nhan-dien-lua-dao")];
const START: &str = "<!-- cargo xtask bench: start -->";
const END: &str = "<!-- cargo xtask bench: end -->";

/// Chromium's flags here (TOOLCHAIN.md): no sandbox as root, no calls to hosts this network refuses.
const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-background-networking \
     --disable-component-update --disable-sync --no-first-run --disable-quic";

#[derive(PartialEq)]
enum Verdict {
    Met,
    Missed,
    /// A figure with no budget of its own.
    Figure,
}

struct Row {
    measure: String,
    value: String,
    budget: String,
    verdict: Verdict,
}

fn row(measure: impl Into<String>, value: String, budget: impl Into<String>, met: Option<bool>) -> Row {
    let verdict = match met {
        None => Verdict::Figure,
        Some(true) => Verdict::Met,
        Some(false) => Verdict::Missed,
    };
    Row { measure: measure.into(), value, budget: budget.into(), verdict }
}

pub fn bench(args: &[String]) -> Result {
    let runs = match args {
        [] => 3,
        [flag, n] if flag == "--runs" => n.parse().map_err(|_| format!("--runs wants a number, got {n}"))?,
        _ => return Err(format!("usage: cargo xtask bench [--runs N] (got {args:?})")),
    };
    let tools = setup::bench_tools()?;
    build(&tools)?;
    let mut rows = bytes()?;
    let records = bench_records(RECORDS)?;
    let native = native_verification(&tools, &records)?;
    let server = Server::start("127.0.0.1", 0, dist())?;
    let base = format!("http://127.0.0.1:{}", server.port());
    let measured = lighthouse_rows(&tools, &base, runs).and_then(|mut lh| {
        let (browser, verify_ms) = browser_rows(&tools, &base, &records)?;
        lh.extend(browser);
        Ok((lh, verify_ms))
    });
    server.stop();
    let (measured, verify_ms) = measured?;
    rows.extend(measured);
    rows.extend(verification_rows(native, verify_ms));

    let table = table(&rows);
    println!("\n{table}");
    let heading = format!("Measured {} on {}, {runs} Lighthouse run(s) per page.", today(), machine(&tools));
    println!("{heading}");
    write_doc(&format!("{heading}\n\n{table}"))?;
    let missed: Vec<&str> =
        rows.iter().filter(|r| r.verdict == Verdict::Missed).map(|r| r.measure.as_str()).collect();
    if missed.is_empty() {
        println!("bench: every budget met");
        Ok(())
    } else {
        Err(format!("budget missed: {}", missed.join("; ")))
    }
}

fn bytes() -> Result<Vec<Row>> {
    let sizes = size::measure()?;
    let mut rows: Vec<Row> = sizes
        .first_load
        .iter()
        .map(|f| row(format!("first load: {}", f.name), kb(f.brotli), "", None))
        .collect();
    let (total, wasm) = (sizes.total(), sizes.wasm());
    rows.push(row(
        "first load, total (brotli)",
        kb(total),
        format!("≤ {}", kb(TOTAL_BUDGET)),
        Some(total <= TOTAL_BUDGET),
    ));
    rows.push(row(
        "of which the wasm",
        kb(wasm),
        format!("≤ {}", kb(WASM_BUDGET)),
        Some(wasm <= WASM_BUDGET),
    ));
    let settings: usize = sizes.settings.iter().map(|f| f.brotli).sum();
    rows.push(row("settings page when opened, total (brotli)", kb(settings), "", None));
    if let Some(largest) = sizes.lessons.iter().max_by_key(|f| f.brotli) {
        rows.push(row(
            format!("largest lesson ({})", largest.name),
            kb(largest.brotli),
            format!("≤ {}", kb(LESSON_BUDGET)),
            Some(largest.brotli <= LESSON_BUDGET),
        ));
    }
    Ok(rows)
}

/// One Lighthouse run's figures.
struct Lighthouse {
    performance: f64,
    accessibility: f64,
    fcp_ms: f64,
    lcp_ms: f64,
    tbt_ms: f64,
    cls: f64,
    /// The longest main-thread task Lighthouse reports (its `long-tasks` audit lists those of
    /// 50 ms and more, in the throttled timeline); 0 when there is none.
    longest_task_ms: f64,
}

fn lighthouse(tools: &Tools, url: &str) -> Result<Lighthouse> {
    let out = std::env::temp_dir().join(format!("kns-lighthouse-{}.json", std::process::id()));
    run(tools
        .command("node")
        .arg(root().join("bench/node_modules/lighthouse/cli/index.js"))
        .args([url, "--quiet", "--output=json", "--only-categories=performance,accessibility"])
        .arg(format!("--output-path={}", out.display()))
        .arg(format!("--chrome-flags={CHROME_FLAGS}"))
        .env("CHROME_PATH", CHROMIUM))?;
    let text = std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let _ = std::fs::remove_file(&out);
    let report: Value = serde_json::from_str(&text).map_err(|e| format!("Lighthouse's report: {e}"))?;
    if let Some(error) = report.pointer("/runtimeError/message").and_then(Value::as_str) {
        return Err(format!("Lighthouse could not measure {url}: {error}"));
    }
    let number = |pointer: &str| {
        report.pointer(pointer).and_then(Value::as_f64).ok_or(format!("Lighthouse's report has no {pointer}"))
    };
    Ok(Lighthouse {
        performance: number("/categories/performance/score")? * 100.0,
        accessibility: number("/categories/accessibility/score")? * 100.0,
        fcp_ms: number("/audits/first-contentful-paint/numericValue")?,
        lcp_ms: number("/audits/largest-contentful-paint/numericValue")?,
        tbt_ms: number("/audits/total-blocking-time/numericValue")?,
        cls: number("/audits/cumulative-layout-shift/numericValue")?,
        longest_task_ms: report
            .pointer("/audits/long-tasks/details/items")
            .and_then(Value::as_array)
            .map_or(0.0, |tasks| tasks.iter().filter_map(|t| t["duration"].as_f64()).fold(0.0, f64::max)),
    })
}

/// The middle value (the mean of the two middle ones for an even count).
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn lighthouse_rows(tools: &Tools, base: &str, runs: usize) -> Result<Vec<Row>> {
    let mut rows = Vec::new();
    for (label, path) in PAGES {
        let mut reports = Vec::new();
        for i in 1..=runs {
            eprintln!("bench: Lighthouse, {label}, run {i} of {runs}");
            reports.push(lighthouse(tools, &format!("{base}{path}"))?);
        }
        let m = |f: fn(&Lighthouse) -> f64| median(reports.iter().map(f).collect());
        let (perf, a11y, fcp, lcp, tbt, cls) = (
            m(|r| r.performance),
            m(|r| r.accessibility),
            m(|r| r.fcp_ms),
            m(|r| r.lcp_ms),
            m(|r| r.tbt_ms),
            m(|r| r.cls),
        );
        let task = m(|r| r.longest_task_ms);
        let seconds = |ms: f64| format!("{:.2} s", ms / 1000.0);
        rows.push(row(format!("{label}: performance"), format!("{perf:.0}"), "≥ 95", Some(perf >= 95.0)));
        rows.push(row(format!("{label}: accessibility"), format!("{a11y:.0}"), "100", Some(a11y >= 100.0)));
        rows.push(row(format!("{label}: FCP"), seconds(fcp), "≤ 1.5 s", Some(fcp <= 1500.0)));
        rows.push(row(format!("{label}: LCP"), seconds(lcp), "≤ 2.0 s", Some(lcp <= 2000.0)));
        rows.push(row(format!("{label}: TBT"), format!("{tbt:.0} ms"), "≤ 150 ms", Some(tbt <= 150.0)));
        rows.push(row(format!("{label}: CLS"), format!("{cls:.3}"), "≤ 0.02", Some(cls <= 0.02)));
        rows.push(row(
            format!("{label}: longest main-thread task"),
            format!("{task:.0} ms"),
            "≤ 100 ms",
            Some(task <= 100.0),
        ));
    }
    Ok(rows)
}

/// How many records the verification figures are measured on.
const RECORDS: usize = 10_000;

/// A file of `n` records as the app makes them (one JWS per line), from 100 learners, each a
/// pass of a lesson of the course; and the course index beside it, for `kns verify --course`.
fn bench_records(n: usize) -> Result<(PathBuf, PathBuf)> {
    use kns_core::claim::{Claim, Issue, sign, uuid};
    use kns_core::quiz::QuizResult;
    let course = crate::site::compile()?;
    let keys: Vec<kns_core::jws::Keypair> =
        (0..100u8).map(|i| kns_core::jws::Keypair::from_seed(&[i.wrapping_add(1); 32])).collect();
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    let mut lines = String::new();
    for i in 0..n {
        let lesson = &course.lessons[i % course.lessons.len()];
        let total = lesson.lesson.quiz.questions.len();
        let result = QuizResult { score: total, total, percent: 100, passed: true, missed: vec![] };
        let claim = Claim::passed(lesson, &result, 90, now_ms - 60_000).ok_or("a full score passes")?;
        let mut id = [0u8; 16];
        id[..8].copy_from_slice(&(i as u64).to_le_bytes());
        let issue = Issue {
            origin: "https://kns.example",
            id: uuid(id),
            subject: None,
            cohort: None,
            app_version: env!("CARGO_PKG_VERSION"),
            description: "Bản tự xác nhận hoàn thành bài học.",
            criteria: "Trả lời đúng.",
            domain: "An toàn",
        };
        lines.push_str(&sign(&keys[i % keys.len()], &claim, &issue));
        lines.push('\n');
    }
    let dir = std::env::temp_dir().join(format!("kns-bench-records-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let (file, index) = (dir.join("records.txt"), dir.join("course.json"));
    std::fs::write(&file, lines).map_err(|e| e.to_string())?;
    let json = serde_json::to_string(&course.index).map_err(|e| e.to_string())?;
    std::fs::write(&index, json).map_err(|e| e.to_string())?;
    Ok((file, index))
}

/// Records verified per second by `kns verify` (the `native` profile, checking each against
/// the course), pinned to one core where `taskset` is there; the best of three runs.
fn native_verification(tools: &Tools, (file, course): &(PathBuf, PathBuf)) -> Result<f64> {
    eprintln!("bench: record verification by kns verify");
    run(tools
        .command("cargo")
        .args(["build", "--locked", "--profile", "native", "-p", "kns-cli"])
        .current_dir(root()))?;
    let kns = root().join("target/native/kns");
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let mut command = std::process::Command::new("taskset");
        command.args(["-c", "0"]).arg(&kns);
        if std::process::Command::new("taskset").arg("-V").output().is_err() {
            command = std::process::Command::new(&kns);
        }
        let started = std::time::Instant::now();
        let out = command
            .args(["verify", "--course"])
            .arg(course)
            .arg(file)
            .stdout(std::process::Stdio::null())
            .output()
            .map_err(|e| format!("kns verify: {e}"))?;
        let secs = started.elapsed().as_secs_f64();
        if !out.status.success() {
            return Err(format!(
                "kns verify refused the bench records: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        best = best.min(secs);
    }
    Ok(RECORDS as f64 / best)
}

fn verification_rows(native_per_s: f64, browser_ms: f64) -> Vec<Row> {
    let browser_per_s = RECORDS as f64 / (browser_ms / 1000.0);
    vec![
        row(
            format!("records verified per second, kns verify on one core ({RECORDS}, with the course)"),
            format!("{native_per_s:.0}/s"),
            "≥ 10,000/s",
            Some(native_per_s >= 10_000.0),
        ),
        row(
            format!("{RECORDS} records verified in the browser (settings module, strict, each on its own)"),
            format!("{:.2} s ({browser_per_s:.0}/s)", browser_ms / 1000.0),
            "≤ 2 s",
            Some(browser_ms <= 2000.0),
        ),
        row(
            "native rate over the browser's",
            format!("{:.1}x", native_per_s / browser_per_s),
            "≥ 10x (DESIGN.md)",
            Some(native_per_s >= 10.0 * browser_per_s),
        ),
    ]
}

/// The figures `bench/latency.bench.ts` measures in Chromium: answer-to-commit latency and
/// offline reload to interactive; and `bench/verify.bench.ts`'s time to verify the records, in
/// milliseconds.
fn browser_rows(tools: &Tools, base: &str, (records, _): &(PathBuf, PathBuf)) -> Result<(Vec<Row>, f64)> {
    eprintln!("bench: answer-to-commit latency, offline reload, records verified in the browser");
    let out = std::env::temp_dir().join(format!("kns-bench-{}", std::process::id()));
    run(tools
        .command("npx")
        .args(["playwright", "test", "--config", "bench/playwright.config.ts"])
        .env("BASE_URL", base)
        .env("BENCH_OUT", &out)
        .env("BENCH_RECORDS", records)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .current_dir(root()))?;
    let samples = |suffix: &str| -> Result<Vec<f64>> {
        let path = PathBuf::from(format!("{}.{suffix}", out.display()));
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let _ = std::fs::remove_file(&path);
        let report: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut samples: Vec<f64> = report["samples"]
            .as_array()
            .map(|s| s.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        if samples.is_empty() {
            return Err(format!("{}: no samples", path.display()));
        }
        samples.sort_by(f64::total_cmp);
        Ok(samples)
    };
    let latency = samples("latency")?;
    let floor = median(samples("floor")?);
    let p95 = latency[((latency.len() as f64 * 0.95).ceil() as usize).clamp(1, latency.len()) - 1];
    let n = latency.len();
    let mid = median(latency);
    let offline = samples("offline")?;
    let runs = offline.len();
    let offline = median(offline);
    let verify_ms = median(samples("verify")?);
    let rows = vec![
        row(format!("answer to commit, median of {n}"), format!("{mid:.1} ms"), "< 20 ms", Some(mid < 20.0)),
        row("answer to commit, 95th percentile", format!("{p95:.1} ms"), "< 20 ms", Some(p95 < 20.0)),
        row(
            "a click that does nothing, to the next task (the floor of the two above here)",
            format!("{floor:.1} ms"),
            "",
            None,
        ),
        row(
            format!("offline reload to interactive, median of {runs}"),
            format!("{:.2} s", offline / 1000.0),
            "< 1 s",
            Some(offline < 1000.0),
        ),
    ];
    Ok((rows, verify_ms))
}

fn table(rows: &[Row]) -> String {
    let mut out = String::from("| measure | value | budget | verdict |\n|---|---|---|---|\n");
    for r in rows {
        let verdict = match r.verdict {
            Verdict::Met => "met",
            Verdict::Missed => "**MISSED**",
            Verdict::Figure => "",
        };
        out.push_str(&format!("| {} | {} | {} | {verdict} |\n", r.measure, r.value, r.budget));
    }
    out
}

fn today() -> String {
    std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "an unknown date".into())
}

fn machine(tools: &Tools) -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| m.lines().next().and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok()))
        .map_or("? GiB".into(), |kib| format!("{:.0} GiB", kib as f64 / 1024.0 / 1024.0));
    let output = |program: &str, args: &[&str]| {
        tools
            .command(program)
            .args(args)
            .current_dir(root())
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    };
    let lighthouse =
        output("node", &["-p", "require('./bench/node_modules/lighthouse/package.json').version"]);
    format!("{cores} cores, {memory}, {}, Lighthouse {lighthouse}", output(CHROMIUM, &["--version"]))
}

/// Puts the table into docs/benchmarks.md between the marker lines (the rest of the file is
/// written by people: what was found and what each change saved).
fn write_doc(section: &str) -> Result {
    let path = root().join("docs/benchmarks.md");
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    let new = match (old.find(START), old.find(END)) {
        (Some(a), Some(b)) if a < b => format!("{}{START}\n{section}{}", &old[..a], &old[b..]),
        _ => format!("# Benchmarks\n\n{START}\n{section}{END}\n{old}"),
    };
    std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).map_err(|e| e.to_string())?;
    std::fs::write(&path, new).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("written to {}", path.display());
    Ok(())
}
