//! Fetching the compiled course and lessons (JSON written by `cargo xtask content`).

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
    /// The answer was not the expected JSON.
    Format(String),
}

/// GETs `url` and parses the JSON body as `T`.
pub async fn fetch_json<T: DeserializeOwned>(url: &str) -> Result<T, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| LoadError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let text = response.text().map_err(|_| LoadError::Network)?;
    let text = JsFuture::from(text).await.map_err(|_| LoadError::Network)?;
    let text = text.as_string().ok_or_else(|| LoadError::Format("the body is not text".into()))?;
    serde_json::from_str(&text).map_err(|e| LoadError::Format(e.to_string()))
}
