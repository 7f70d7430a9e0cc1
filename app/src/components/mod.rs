//! Views used by more than one page.

pub mod blocks;
pub mod header;
pub mod help;
pub mod reader;
pub mod status;
