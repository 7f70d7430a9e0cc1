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

/// GETs `url` and returns the body.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| LoadError::Network)?;
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
