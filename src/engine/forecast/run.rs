//! A re-forecast run in the background: baselines are fitted a few SKUs at a time from the
//! plan as it stood when the run started, while the planner may go on working. The results
//! are keyed by SKU code and by the plan they were fitted from (its id and revision); they
//! are written only into that same plan, unchanged. A plan that changed meanwhile (an edit, an
//! import, a merge, a promoted scenario, another plan opened) gets nothing written and a
//! message instead: baselines fitted from other sales, or applied by position to SKUs that
//! moved, would put one SKU's forecast on another.

use super::baseline::{complete, edits, own, Baseline};
use crate::engine::{CellEdit, Plan, Workbook};
use std::collections::HashMap;
use std::sync::Arc;

/// The plan a run fits: a cheap copy (series are shared) and the revision it had.
pub struct Run {
    plan: Plan,
    revision: u64,
    /// Baselines fitted so far, in the copy's product order.
    fitted: Vec<Option<Baseline>>,
}

/// Why the results of a run were not written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stale {
    /// Another plan is open now (a plan file opened in its place).
    OtherPlan,
    /// The same plan, changed since the run started.
    Changed,
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stale::OtherPlan => write!(f, "another plan was opened while it ran"),
            Stale::Changed => write!(
                f,
                "the plan changed while it ran (an edit, import, merge or promoted scenario)"
            ),
        }
    }
}

impl Run {
    /// Starts a run on the plan as it is now.
    pub fn start(wb: &Workbook) -> Run {
        Run {
            plan: wb.plan().clone(),
            revision: wb.revision(),
            fitted: Vec::with_capacity(wb.plan().products.len()),
        }
    }

    /// SKUs to fit in all.
    pub fn total(&self) -> usize {
        self.plan.products.len()
    }

    /// SKUs fitted so far.
    pub fn done(&self) -> usize {
        self.fitted.len()
    }

    /// Fits the next SKU; false when all are fitted.
    pub fn step(&mut self) -> bool {
        if self.done() >= self.total() {
            return false;
        }
        self.fitted.push(own(&self.plan, self.fitted.len()));
        true
    }

    /// The baselines and the forecast edits to write into `wb`, each SKU's baseline found by
    /// its code; `Err` when `wb` is no longer the plan the run fitted, unchanged.
    pub fn finish(mut self, wb: &Workbook) -> Result<(Vec<Baseline>, Vec<CellEdit>), Stale> {
        while self.step() {}
        let now = wb.plan();
        if now.meta.id != self.plan.meta.id {
            return Err(Stale::OtherPlan);
        }
        if wb.revision() != self.revision || !same_data(&self.plan, now) {
            return Err(Stale::Changed);
        }
        let by_code: HashMap<&str, Option<Baseline>> = self
            .plan
            .products
            .iter()
            .map(|p| p.sku.as_str())
            .zip(self.fitted)
            .collect();
        let own = now
            .products
            .iter()
            .map(|p| by_code.get(p.sku.as_str()).cloned().ok_or(Stale::Changed))
            .collect::<Result<Vec<_>, _>>()?;
        let baselines = complete(now, own);
        let changes = edits(now, &baselines);
        Ok((baselines, changes))
    }
}

/// The same calendar, SKUs in the same order, and the very same series (a changed cell
/// replaces its SKU's shared series, so pointer equality means equal numbers): a check that
/// holds even for a plan reloaded with the same id and revision.
fn same_data(then: &Plan, now: &Plan) -> bool {
    then.calendar == now.calendar
        && then.products.len() == now.products.len()
        && then
            .products
            .iter()
            .zip(&now.products)
            .all(|(a, b)| a.sku == b.sku)
        && then
            .series
            .iter()
            .zip(&now.series)
            .all(|(a, b)| Arc::ptr_eq(a, b))
}
