//! Taking over the static page that the build wrote (the course page in `index.html`, a lesson
//! page in `lesson/<id>/index.html`; see `kns_core::prerender`).
//!
//! The app is built in a hidden `<div id="app">` beside the static page. When its first page is
//! complete (the course page: the course and the learner's progress are loaded; a lesson page:
//! the lesson is loaded), the static page's own script removes it and shows the app in the same
//! animation frame, so the learner sees no blank and nothing moves. Where the static page is not shown
//! (its own script hid it: another address, or English chosen), it is removed at once.

use kns_core::prerender::{PRERENDER_ID, TAKEOVER_EVENT};
use wasm_bindgen::JsCast;

const APP_ID: &str = "app";

/// The element to mount the app in: a new `<div id="app">` at the end of `<body>`, hidden while
/// the static page is on screen.
pub fn container() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let root: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    root.set_id(APP_ID);
    if let Some(page) = document.get_element_by_id(PRERENDER_ID) {
        let shown = page.dyn_ref::<web_sys::HtmlElement>().is_some_and(|page| !page.hidden());
        if shown {
            root.set_hidden(true);
        } else {
            page.remove();
        }
    }
    document.body()?.append_child(&root).ok()?;
    Some(root)
}

/// Asks the static page to give way to the app: its script removes itself and shows the app in
/// the next animation frame, keeping focus and open glossary definitions
/// (`kns_core::prerender`). Does nothing where there is no static page.
pub fn reveal() {
    let document = web_sys::window().and_then(|w| w.document());
    if let (Some(document), Ok(event)) = (document, web_sys::Event::new(TAKEOVER_EVENT)) {
        let _ = document.dispatch_event(&event);
    }
}
