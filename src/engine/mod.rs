//! The planning engine: plain Rust, no browser imports, so it compiles and is tested natively.
//! It imports nothing else of this crate; everything else imports it.
//!
//! - [`model`]: what planners own and the plan file carries — products, calendar, input series,
//!   fixed-point quantities, notes, decisions, demand events, check-ins, channel and location
//!   splits. Data and its invariants only; nothing derived.
//! - [`edit`]: the one edit API, [`Workbook`]: validation, the change itself, undo and redo.
//! - [`calc`]: everything derived from the model — projected stock, family and total rows,
//!   cover, suggested orders, money, KPIs, capacity, exceptions, scenario outcomes — and the
//!   grid's measures that read it.
//! - [`forecast`]: the statistical baseline — methods, selection by backtest, the background
//!   run, accuracy by lag.
//! - [`collab`]: working together — three-way merge and its conflicts, what changed since the
//!   check-in, the weekly roll, scenarios.
//!
//! Dependencies point one way: `model` imports only `model`; `calc` and `forecast` read the
//! model; `edit` uses all three; `collab` works on workbooks.

#![deny(missing_docs)]

pub mod calc;
pub mod collab;
pub mod edit;
pub mod forecast;
pub mod model;

pub use calc::measure::{CellValue, Measure};
pub use edit::error::PlanError;
pub use edit::workbook::{CellEdit, Edit, Workbook};
pub use model::calendar::Calendar;
pub use model::decision::Decision;
pub use model::meta::{Person, PlanMeta, Role};
pub use model::note::Note;
pub use model::plan::{Plan, Slot};
pub use model::product::{Product, SafetyStock};
pub use model::qty::{Amount, Money, Qty};
pub use model::series::SeriesField;
