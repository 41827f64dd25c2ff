//! S&OP planning grid: a client-only planning tool for small brands.
//!
//! - [`engine`]: the planning model and its calculations (pure Rust, tested natively).
//! - [`demo`]: the built-in demo plan and generated benchmark plans.
//! - [`bench`]: the engine benchmark shared by the native and the browser runs.
//! - [`import`]: reading the CSV files brands already have (Shopify, POs, sales, forecasts);
//!   pure Rust, tested natively.
//! - [`planfile`]: the app's own plan file, one CSV that holds a whole plan (pure, tested natively).
//! - [`sheet`]: keyboard, selection, number and clipboard rules of the grid (pure, tested natively).
//! - [`storage`]: the whole plan and its check-ins as one compact, versioned, checked string
//!   for the browser's local storage (pure, tested natively).
//! - [`ui`]: the Leptos components, a thin layer over the engine.
//! - [`worker`]: what runs in a Web Worker (baseline fits), and the messages it takes.

pub mod bench;
pub mod demo;
pub mod engine;
pub mod import;
pub mod planfile;
pub mod sheet;
pub mod storage;
pub mod ui;
pub mod worker;
