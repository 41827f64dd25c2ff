//! The browser layer: Leptos components that read from and write to the engine.

pub mod app;
pub mod autosave;
pub mod cell;
pub mod chart;
pub mod checkin;
pub mod decisions;
pub mod files;
pub mod format;
pub mod grid;
pub mod import_dialog;
pub mod import_file;
pub mod locale;
pub mod me;
pub mod merge_view;
pub mod monthly;
pub mod notes;
pub mod persist;
pub mod product_panel;
pub mod reforecast;
pub mod row_label;
pub mod since;
pub mod tick;
pub mod today;
pub mod toolbar;
pub mod weekly;
