use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts the settings page, on the settings page only: the course page loads this module too,
/// to make records in the background (`makeRecords`), and nothing must be drawn there.
fn main() {
    let on_settings = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .is_some_and(|path| path.starts_with(kns_core::route::SETTINGS));
    if on_settings {
        kns_app::settings::start();
    }
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

/// Makes the records a learner's passes are owed and sends what is due, as their consent allows;
/// the course page calls it after a passed quiz (app/index.html, `knsRecords`). How many were made.
#[wasm_bindgen(js_name = makeRecords)]
pub async fn make_records(profile: String) -> u32 {
    kns_app::i18n::use_settings_catalogs();
    kns_app::records::make_in_background(profile).await
}
