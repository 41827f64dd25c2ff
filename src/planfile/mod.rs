//! The app's own plan file: one CSV that holds a whole [`Plan`](crate::engine::Plan)
//! losslessly, opens cleanly in Excel and Google Sheets, and reads back to an identical plan.
//! The format is documented in README.md, "The plan file".
//!
//! Pure Rust (no browser imports), so it is tested natively.
//!
//! - [`write()`]: a plan as plan-file text (UTF-8 with a byte-order mark).
//! - [`read`]: plan-file text back to a validated plan, or an error naming line and column.
//! - [`is_plan_file`]: whether text looks like a plan file (for an importer that sniffs).
//!
//! Inside: `format` (record types, columns, keys), `write`, `read` (text to rows), `build`
//! (rows to a checked plan: settings, the plan's own rows, a shared plan's check-in rows),
//! `splits` (channel and location rows), `number`, `inject` (formula protection), `error`.

mod build;
mod error;
mod format;
pub mod inject;
mod number;
mod read;
mod splits;
mod write;

pub use build::PlanFile;
pub use error::PlanFileError;
pub use format::{MAGIC, VERSION};
pub use read::{is_plan_file, read, read_shared};
pub use write::{write, write_shared};
