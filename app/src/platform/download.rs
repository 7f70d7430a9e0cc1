//! Saving a file the app made (records, consent) to the phone: a download of text the page
//! holds, through a `blob:` address that is let go of once the download has started.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a file named `name`; `false` where the browser could not.
pub fn save(name: &str, mime: &str, text: &str) -> bool {
    let run = || -> Option<()> {
        let parts = js_sys::Array::of1(&text.into());
        let options = BlobPropertyBag::new();
        options.set_type(&format!("{mime};charset=utf-8"));
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let link: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(name);
        link.click();
        // The download has its own copy once it started; free the blob a moment later.
        let free = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = Url::revoke_object_url(&url);
        });
        web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(free.unchecked_ref(), 10_000)
            .ok()?;
        Some(())
    };
    run().is_some()
}
