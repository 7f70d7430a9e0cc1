//! `kns-core`: the part of Kỹ năng số that runs without a browser.
//!
//! It holds the content model that lessons are compiled into, the Markdown compiler that
//! produces it (feature `compiler`, used at build time only), and the message catalogue used
//! for every word of the interface. The app turns these types into views; it never parses
//! Markdown or Fluent syntax rules of its own.
//!
//! This crate must never depend on a browser crate (leptos, web-sys, js-sys, wasm-bindgen, idb):
//! `tests/shape.rs` checks that with `cargo tree`.

pub mod checklist;
pub mod claim;
pub mod consent;
pub mod content;
pub mod i18n;
pub mod jws;
pub mod lang;
pub mod look;
pub mod offline;
pub mod outbox;
pub mod prerender;
pub mod profile;
pub mod progress;
pub mod qr;
pub mod quiz;
pub mod record;
pub mod route;
pub mod wire;

#[cfg(feature = "compiler")]
pub mod compiler;

pub use lang::Lang;
