//! Everything derived from the model, never stored in it: a SKU's projected stock, gap and
//! cover ([`derived`], [`cover`]), family and total rows ([`aggregate`]), suggested orders
//! ([`suggest`]), money ([`money`]), the KPIs ([`kpi`]), capacity against load ([`capacity`]),
//! the exceptions list ([`exceptions`]), a plan's outcome ([`outcome`]) and the grid's rows
//! and how to read them ([`measure`]).
//!
//! Reads `model` only; pure functions and caches that the workbook keeps up to date.

pub mod aggregate;
pub mod capacity;
pub mod cover;
pub mod derived;
pub mod exceptions;
pub mod kpi;
pub mod lifts;
pub mod measure;
pub mod money;
pub mod outcome;
pub mod suggest;
