//! One file per route.

pub mod course;
pub mod lesson;
pub mod not_found;
pub mod quiz;
