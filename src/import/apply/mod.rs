//! What an imported file does to the plan: its records become one engine edit (one undoable
//! change), merged into the plan or replacing what the plan held of that kind.
//!
//! - Merge updates the SKUs and weeks the file holds and keeps the rest.
//! - Replace first clears what the file's kind covers for every SKU (actual sales of past
//!   weeks; receipts and the forecast from the current week on — past forecasts stay, they
//!   are what forecast error and bias are scored on; stock on hand), then writes the file
//!   (in any week it names). A products file always merges: SKUs missing from it are kept.
//! - A stock report with inbound shipments (Amazon FBA) sets stock on hand as above (merge or
//!   replace) and merges its inbound units into the confirmed receipts of the weeks they are
//!   due (counted from the current week).
//! - When rows with errors were left out ("skip bad rows"), replace clears only the SKUs the
//!   good rows list: a SKU whose row was left out is not "missing from the file", it keeps
//!   its values.
//!
//! - Actual sales keep their channel ("Shopify web", "Amazon"; a file that does not say
//!   fills "not said"): merge writes the file's channels, replace first clears the file's
//!   channels and the sales no file named; other named channels' sales stay, and the grid's
//!   actual sales are the sum. Stock on hand keeps its location the same way: a file of one
//!   location's stock changes that location (and, replacing, the stock no file located).
//!
//! SKUs the plan does not know are added (family "Unassigned" unless the file says) or, if
//! the planner declines, their rows are left out and counted. Before that, a code Excel
//! damaged (`417` for `00417`, `1,23457E+11`) is matched to the plan's (see `reconcile`) or
//! refused, never added; a code that looks like a formula is added only when the planner
//! confirms it. Weeks outside the plan are
//! left out and counted; receipts already overdue land in the current week; a month of
//! forecast is split over its weeks by the split rule.
//!
//! Here: the edit ([`to_edit`]), matching damaged codes to the plan's ([`mod@reconcile`]), and
//! the words for what an import did ([`report`]). May import: `import::records`,
//! `import::error`, `import::limits`, the value types of `import::read` (codes, periods),
//! the engine and `sheet::number`. Never `import::sources`: the plan side reads records,
//! not files.

mod builder;
mod kinds;
pub mod reconcile;
pub mod report;

use crate::engine::{Edit, Workbook};
use crate::import::read::codes::OddCodes;
use crate::import::records::Records;
use builder::Builder;
use kinds::add_records;
use report::LeftOut;

/// Family given to SKUs a file brings without one.
pub const NEW_FAMILY: &str = "Unassigned";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Merge,
    Replace,
}

/// The change an import makes, and what the planner should know about it.
#[derive(Debug)]
pub struct Applied {
    pub edit: Edit,
    /// SKUs added to the plan.
    pub added: Vec<String>,
    /// Cells or product records written (before dropping those already equal).
    pub writes: usize,
    /// What was left out or moved, one sentence each (numbers as in en-US).
    pub notes: Vec<String>,
    /// What was left out or moved, counted in records and units, for the status line in the
    /// planner's locale.
    pub left_out: Vec<LeftOut>,
}

/// What to do with codes the plan does not have.
#[derive(Clone, Debug, Default)]
pub struct SkuRules {
    /// Add them as new SKUs (else their rows are left out).
    pub add_unknown: bool,
    /// The planner confirmed that codes looking like formulas (`=HYPERLINK(…)`) are codes.
    pub confirm_formulas: bool,
    /// The file's odd codes and their lines, for the messages.
    pub odd: OddCodes,
}

impl SkuRules {
    /// Add new SKUs (or not); nothing confirmed, no lines known.
    pub fn adding(add_unknown: bool) -> SkuRules {
        SkuRules {
            add_unknown,
            ..SkuRules::default()
        }
    }
}

/// Builds the edit for `records` against the workbook as it is now.
pub fn to_edit(wb: &Workbook, records: &Records, mode: Mode, add_unknown: bool) -> Applied {
    to_edit_skipping(wb, records, mode, add_unknown, 0)
}

/// As [`to_edit`], for the good rows of a file of which `left_out` rows with errors were
/// left out: replace then touches only the SKUs the records list.
pub fn to_edit_skipping(
    wb: &Workbook,
    records: &Records,
    mode: Mode,
    add_unknown: bool,
    left_out: usize,
) -> Applied {
    to_edit_with(wb, records, mode, left_out, &SkuRules::adding(add_unknown))
}

/// As [`to_edit_skipping`], with the rules for codes the plan does not have.
pub fn to_edit_with(
    wb: &Workbook,
    records: &Records,
    mode: Mode,
    left_out: usize,
    rules: &SkuRules,
) -> Applied {
    let mut b = Builder::new(wb, rules, records);
    if left_out > 0 && mode == Mode::Replace {
        b.only = Some(records.skus().into_iter().map(|s| b.plan_code(s)).collect());
        b.left_out = left_out;
    }
    add_records(&mut b, records, mode);
    b.finish()
}
