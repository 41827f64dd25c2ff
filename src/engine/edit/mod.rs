//! The one edit API: [`workbook::Workbook`] holds a plan with everything derived from it, and
//! every change (typed value, paste, fill, import, merge, undo) goes through
//! [`workbook::Workbook::apply`]. Here too: the bounds checked before a change touches
//! anything ([`validate`]), undo and redo ([`history`]), spreading a total over its cells
//! ([`split`], [`split_edit`]) and the errors a planner reads ([`error`]).
//!
//! May import `model`, `calc` and `forecast`; never `collab`.

mod apply_diff;
mod diffs;
pub mod error;
pub mod history;
pub mod split;
pub mod split_edit;
pub mod validate;
pub mod workbook;
