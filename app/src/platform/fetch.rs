//! Fetching the compiled course and lessons (the wire form written by `cargo xtask content`).

use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why something could not be loaded. The app shows one plain sentence for all of them and
/// offers to try again; the kind is for tests and the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No answer: offline, or the server could not be reached.
    Network,
    /// The server answered with this HTTP status.
    Status(u16),
    /// The answer was not the expected data.
    Format(String),
}

/// How long a file may take before it is given up (milliseconds). On a stalled mobile connection
/// the learner then gets the plain "could not load" and a way to try again, never an endless
/// wait. The course and a lesson are a few KB: a second or two even at 2G's 50 kbit/s.
pub const GIVE_UP_MS: i32 = 20_000;

/// GETs `url` and returns the body, or gives up after [`GIVE_UP_MS`] (a body that stops halfway
/// included) with [`LoadError::Network`].
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let init = web_sys::RequestInit::new();
    if let Ok(controller) = web_sys::AbortController::new() {
        init.set_signal(Some(&controller.signal()));
        // Once the file is in, the abort does nothing.
        let give_up = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(give_up.unchecked_ref(), GIVE_UP_MS);
    }
    let response =
        JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(|_| LoadError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let body = response.array_buffer().map_err(|_| LoadError::Network)?;
    let body = JsFuture::from(body).await.map_err(|_| LoadError::Network)?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}

/// GETs `url` and decodes the body from the wire form ([`kns_core::wire`]) as `T`.
pub async fn fetch_decoded<T: DeserializeOwned>(url: &str) -> Result<T, LoadError> {
    let bytes = fetch_bytes(url).await?;
    kns_core::wire::decode(&bytes).map_err(LoadError::Format)
}

/// POSTs a record (`application/vc+jwt`, the JWS as the body) to the collector and says what came
/// of it: its status and the start of its answer, or no answer at all.
pub async fn post_record(url: &str, jws: &str) -> kns_core::outbox::Outcome {
    use kns_core::outbox::Outcome;
    let post = async {
        let window = web_sys::window()?;
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(&jws.into());
        let headers = web_sys::Headers::new().ok()?;
        headers.set("Content-Type", "application/vc+jwt").ok()?;
        init.set_headers(&headers);
        let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.ok()?;
        let response: web_sys::Response = response.dyn_into().ok()?;
        let text = match response.text() {
            Ok(promise) => JsFuture::from(promise).await.ok().and_then(|t| t.as_string()).unwrap_or_default(),
            Err(_) => String::new(),
        };
        Some(Outcome::Answered(response.status(), text))
    };
    post.await.unwrap_or(Outcome::NoAnswer)
}

/// The app's delivery configuration (`/config.json`); none where there is no such file or it is
/// not right (said on the console, for whoever deploys).
pub async fn config() -> kns_core::outbox::Config {
    let Ok(bytes) = fetch_bytes("/config.json").await else { return Default::default() };
    kns_core::outbox::Config::parse(&String::from_utf8_lossy(&bytes)).unwrap_or_else(|e| {
        web_sys::console::warn_1(&e.into());
        Default::default()
    })
}
