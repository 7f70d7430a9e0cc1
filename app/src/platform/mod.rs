//! Browser adapters: one file per concern, each a thin layer over a browser API.

pub mod download;
pub mod fetch;
pub mod idb_store;
pub mod prefs;
pub mod takeover;
