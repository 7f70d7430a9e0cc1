//! `kns-app`: the Leptos app. Pages and components turn kns-core's types into views; the
//! `platform` modules implement what core needs from the browser. Nothing here that core could do.

pub mod app;
pub mod components;
pub mod course;
pub mod i18n;
pub mod look;
pub mod offline;
pub mod pages;
pub mod platform;
pub mod profiles;
pub mod progress;
pub mod records;
pub mod router;
pub mod settings;

/// Mounts the app beside the static course page that the build wrote (see
/// [`platform::takeover`]), or on `<body>` where the page has no `<body>` to speak of.
pub fn start() {
    match platform::takeover::container() {
        Some(root) => leptos::mount::mount_to(root, app::App).forget(),
        None => leptos::mount::mount_to_body(app::App),
    }
}
