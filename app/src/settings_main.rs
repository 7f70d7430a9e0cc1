use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    kns_app::settings::start();
}

/// Checks records (one JWS per line) strictly, each on its own, and returns how many are valid:
/// what a trainer's page or a host can call once the settings module is loaded, and what
/// `cargo xtask bench` times in the browser. `now_s`: seconds since 1970.
#[wasm_bindgen(js_name = verifyRecords)]
pub fn verify_records(text: &str, now_s: f64) -> u32 {
    let now = now_s as i64;
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .filter(|line| kns_core::record::verify_record(line, None, now).is_ok())
        .count() as u32
}
