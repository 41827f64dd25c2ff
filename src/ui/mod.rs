//! The browser layer: Leptos components that read from and write to the engine, a thin layer
//! over it (the rules they follow are in `crate::sheet`, the numbers in `crate::engine`).
//!
//! - [`app`]: the app shell — top bar, tabs, banners, the shown view.
//! - [`grid`]: the planning grid (keys, clipboard, mouse, editor, render), its cells and row
//!   labels.
//! - [`views`]: the weekly check-in and the monthly deep dive, their toolbar and meeting mode.
//! - [`panels`]: the side panels — SKU, channels and locations, notes, decisions, events,
//!   scenarios and their comparison, check-in, changes since, re-forecast, chart, recovered data.
//! - [`dialogs`]: the import dialog and its file cards, the merge view, "who are you", keep mine.
//! - [`browser`]: what talks to the browser — local storage (persist, autosave, restore,
//!   scenario store), files, locale and number formatting, test sessions, today, work in
//!   slices, the crash message.
//! - [`context`]: what the app shares with the views through context, each under its own type.

pub mod app;
pub mod browser;
pub mod context;
pub mod dialogs;
pub mod grid;
pub mod panels;
pub mod views;
