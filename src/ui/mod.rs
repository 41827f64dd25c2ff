//! The browser layer: Leptos components that read from and write to the engine.

pub mod app;
pub mod format;
pub mod plan_table;
pub mod today;
