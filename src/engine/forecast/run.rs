//! A re-forecast run in the background: baselines are fitted a few SKUs at a time from the
//! plan as it stood when the run started, while the planner may go on working. The results
//! are keyed by SKU code and by the plan they were fitted from (its id and revision); they
//! are written only into that same plan, unchanged. A plan that changed meanwhile (an edit, an
//! import, a merge, a promoted scenario, another plan opened) gets nothing written and a
//! message instead: baselines fitted from other sales, or applied by position to SKUs that
//! moved, would put one SKU's forecast on another.
//!
//! The fitting itself can happen anywhere: [`Run::step`] fits here, [`Run::next_batch`] hands
//! sales histories out (the browser sends them to workers) and [`Run::put`] takes the fitted
//! baselines back; [`Run::write`] never fits, so code that only hands out never links the
//! forecasting library.

use super::baseline::{complete, edits, fit, history, Baseline};
use crate::engine::{CellEdit, Plan, Workbook};
use std::collections::HashMap;
use std::sync::Arc;

/// The plan a run fits: a cheap copy (series are shared) and the revision it had.
pub struct Run {
    plan: Plan,
    revision: u64,
    /// Each SKU's own baseline once fitted (the outer `None`: not yet), in the copy's
    /// product order.
    fitted: Vec<Option<Option<Baseline>>>,
    /// SKUs handed out so far, in product order.
    handed: usize,
    /// SKUs fitted so far.
    done: usize,
}

/// Sales histories handed out to be fitted, SKU `first` and those after it in the run's
/// product order.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    /// The first SKU's position in the run.
    pub first: usize,
    /// Weeks to forecast (the current week and after).
    pub weeks: usize,
    /// One sales history per SKU ([`history`]).
    pub histories: Vec<Vec<f64>>,
}

/// Why the results of a run were not written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stale {
    /// Another plan is open now (a plan file opened in its place).
    OtherPlan,
    /// The same plan, changed since the run started.
    Changed,
    /// Some SKUs were never fitted (a worker failed).
    Unfinished,
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stale::OtherPlan => write!(f, "another plan was opened while it ran"),
            Stale::Changed => write!(
                f,
                "the plan changed while it ran (an edit, import, merge or promoted scenario)"
            ),
            Stale::Unfinished => write!(f, "not every SKU was fitted"),
        }
    }
}

impl Run {
    /// Starts a run on the plan as it is now.
    pub fn start(wb: &Workbook) -> Run {
        Run {
            plan: wb.plan().clone(),
            revision: wb.revision(),
            fitted: vec![None; wb.plan().products.len()],
            handed: 0,
            done: 0,
        }
    }

    /// SKUs to fit in all.
    pub fn total(&self) -> usize {
        self.plan.products.len()
    }

    /// SKUs fitted so far.
    pub fn done(&self) -> usize {
        self.done
    }

    /// The histories of up to `size` SKUs not handed out yet; `None` when all were.
    pub fn next_batch(&mut self, size: usize) -> Option<Batch> {
        let first = self.handed;
        let end = (first + size.max(1)).min(self.total());
        if first >= end {
            return None;
        }
        self.handed = end;
        Some(Batch {
            first,
            weeks: self.plan.calendar.horizon(),
            histories: (first..end).map(|i| history(&self.plan, i)).collect(),
        })
    }

    /// Takes the baselines fitted for the SKUs from `first` on (a [`Batch`] handed out);
    /// false, keeping nothing, when they do not fit the run (more SKUs than it has, or some
    /// already fitted).
    pub fn put(&mut self, first: usize, baselines: Vec<Option<Baseline>>) -> bool {
        let Some(slots) = self
            .fitted
            .get_mut(first..first.saturating_add(baselines.len()))
        else {
            return false;
        };
        if slots.iter().any(Option::is_some) {
            return false;
        }
        self.done += baselines.len();
        for (slot, b) in slots.iter_mut().zip(baselines) {
            *slot = Some(b);
        }
        true
    }

    /// Fits the next SKU here; false when all were handed out.
    pub fn step(&mut self) -> bool {
        let Some(batch) = self.next_batch(1) else {
            return false;
        };
        let fitted = batch
            .histories
            .iter()
            .map(|h| fit(h, batch.weeks))
            .collect();
        self.put(batch.first, fitted)
    }

    /// Fits what is left here, then [`Run::write`]s.
    pub fn finish(mut self, wb: &Workbook) -> Result<(Vec<Baseline>, Vec<CellEdit>), Stale> {
        while self.step() {}
        self.write(wb)
    }

    /// The baselines and the forecast edits to write into `wb`, each SKU's baseline found by
    /// its code; `Err` when `wb` is no longer the plan the run fitted, unchanged, or when a
    /// SKU was not fitted.
    pub fn write(self, wb: &Workbook) -> Result<(Vec<Baseline>, Vec<CellEdit>), Stale> {
        let now = wb.plan();
        if now.meta.id != self.plan.meta.id {
            return Err(Stale::OtherPlan);
        }
        if wb.revision() != self.revision || !same_data(&self.plan, now) {
            return Err(Stale::Changed);
        }
        let fitted = self
            .fitted
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .ok_or(Stale::Unfinished)?;
        let by_code: HashMap<&str, Option<Baseline>> = self
            .plan
            .products
            .iter()
            .map(|p| p.sku.as_str())
            .zip(fitted)
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
