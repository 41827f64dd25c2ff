//! Work that runs in a Web Worker, off the page's thread: fitting the statistical baseline
//! of many SKUs (seconds of ETS fits on a large plan). The page and the worker exchange the
//! small, typed, versioned messages of [`protocol`] as JSON text; [`serve`] is what the
//! worker does with one, plain Rust tested natively. The worker's entry point is
//! `src/bin/sop-worker.rs`; the page's side is `ui/browser/workers.rs`.
//!
//! May import `engine` (its forecasting); never `ui`, leptos or the page.

pub mod protocol;
pub mod serve;
