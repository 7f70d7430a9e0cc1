//! Read-aloud's bar (issue 7): a lesson, or a quiz question, read one piece at a time (a
//! paragraph, a step, an item, a picture's description, an answer), the piece being read marked
//! on the screen. "Nghe đọc" reads the first piece, then stops; "Đoạn sau" reads the next;
//! the same button pauses and goes on. Two buttons, side by side, in a bar that stays at the
//! bottom of the screen: at 200 % text it still leaves most of the screen to the lesson.
//!
//! The app draws the bar: its buttons, every word it may show (from `i18n/`, as `data-*`), the
//! language and where the pieces are (`data-pieces`, a CSS selector, in document order, so what
//! is read is what is shown). The reading itself is `app/reader.js`, inlined into the page: the
//! sources (a piece's recording, `data-audio`; the browser's voice; later a host's), the marking
//! and the buttons' state. It is script because the course page's wasm is at its budget: the
//! same in Rust measured 5 KB of wasm (docs/benchmarks.md). Where the phone has no voice for the
//! language and the lesson no recording, the bar stays hidden and the sentence after it shows.

use kns_core::Lang;
use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn Reader(
    /// The language of the words read.
    lang: Lang,
    /// Where the pieces are, in reading order (a CSS selector).
    pieces: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="reader" id="reader" role="group" aria-label=i18n.t("reader-label") hidden
            data-lang=lang.code() data-pieces=pieces
            data-play=i18n.t("reader-play") data-pause=i18n.t("reader-pause") data-resume=i18n.t("reader-resume")
            data-again=i18n.t("reader-again") data-at=i18n.t("reader-at") data-end=i18n.t("reader-end")
            data-none=i18n.t("reader-none")>
            <button type="button" class="button" id="reader-main">{i18n.t("reader-play")}</button>
            <button type="button" class="button secondary" id="reader-next" hidden>{i18n.t("reader-next")}</button>
            <p class="reader-at" id="reader-at" aria-live="polite"></p>
        </div>
        <p class="reader-none" hidden>{i18n.t("reader-none")}</p>
    }
}
