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

/// Hands a file to the phone's share sheet (Zalo, Bluetooth, Quick Share: a way that works with
/// no signal too), or, where the browser cannot share files, `link`. `None` where there is no
/// share sheet at all (most desktop browsers and webviews); `Some(false)` when the person
/// closed it or it failed.
pub async fn share(name: &str, mime: &str, text: &str, link: &str) -> Option<bool> {
    use js_sys::{Array, Function, Object, Promise, Reflect};
    let navigator = web_sys::window()?.navigator();
    let share = Reflect::get(&navigator, &"share".into()).ok()?.dyn_into::<Function>().ok()?;
    let data = Object::new();
    let file =
        Reflect::get(&js_sys::global(), &"File".into()).ok()?.dyn_into::<Function>().ok().and_then(|ctor| {
            let options = Object::new();
            Reflect::set(&options, &"type".into(), &mime.into()).ok()?;
            Reflect::construct(&ctor, &Array::of3(&Array::of1(&text.into()), &name.into(), &options)).ok()
        });
    let files = file.map(|f| Array::of1(&f));
    let can_share_files = files.as_ref().is_some_and(|files| {
        let probe = Object::new();
        Reflect::set(&probe, &"files".into(), files).is_ok()
            && Reflect::get(&navigator, &"canShare".into())
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
                .and_then(|can| can.call1(&navigator, &probe).ok())
                .is_some_and(|answer| answer.is_truthy())
    });
    match files.filter(|_| can_share_files) {
        Some(files) => Reflect::set(&data, &"files".into(), &files).ok()?,
        None => Reflect::set(&data, &"url".into(), &link.into()).ok()?,
    };
    let promise = share.call1(&navigator, &data).ok()?.dyn_into::<Promise>().ok()?;
    Some(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok())
}

/// Puts text on the clipboard; `false` where the browser would not.
pub async fn copy(text: &str) -> bool {
    use js_sys::{Function, Promise, Reflect};
    let copy = || -> Option<Promise> {
        let clipboard = Reflect::get(&web_sys::window()?.navigator(), &"clipboard".into()).ok()?;
        let write = Reflect::get(&clipboard, &"writeText".into()).ok()?.dyn_into::<Function>().ok()?;
        write.call1(&clipboard, &text.into()).ok()?.dyn_into::<Promise>().ok()
    };
    match copy() {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        None => false,
    }
}
