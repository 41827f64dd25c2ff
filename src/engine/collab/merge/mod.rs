//! Merging two copies of the same plan, edited apart since the check-in they share.
//!
//! Each input value (a SKU's week in one series, one field of a product record, a family's
//! capacity) is settled on its own: changed in one copy only → that copy's value; changed
//! the same way in both → that value; changed differently → a [`Conflict`] the planner picks.
//! Without a shared check-in ([`two_way`]) nothing is known to be a change, so every difference
//! is a conflict.
//!
//! Rules the planner can rely on:
//! - Weeks line up by date, SKUs by code. The merged plan keeps our calendar; their weeks
//!   outside it are left out and reported.
//! - A week or SKU the check-in did not hold counts as empty there (zero, consensus not set),
//!   as new weeks and new SKUs start out.
//! - SKUs are never removed: one added in either copy is added, one missing from a copy but
//!   in the check-in is kept and reported.
//! - Notes are the union of both copies' notes; so are decisions (by id), and a decision
//!   closed in either copy is closed.
//! - Who changed a value is taken from the copy whose value won.
//! - Symmetric: merging their copy into ours or ours into theirs, with the same value picked
//!   for each conflict, gives the same plan (only the author in its meta differs). So in a
//!   three-way merge SKUs follow the check-in's order, then the added ones by code.
//!
//! Here: the entry points and the report. The SKUs lined up across the copies are in `rows`,
//! the settling of one value in `settle`, the plan's values (products, series, capacity,
//! events, decisions) in `values`, channel and location splits in `splits`.

mod rows;
mod settle;
mod splits;
mod values;

use super::conflict::{Conflict, Side};
use crate::engine::model::plan::Plan;
use crate::engine::model::series::SeriesField;
use rows::{cell, empty, rows};
use settle::Run;

/// The outcome of a merge: the merged plan with every conflict resolved to our value, the
/// conflicts to put to the planner, and what happened, for the report.
#[derive(Clone, Debug)]
pub struct Merge {
    /// The merged plan, every conflict set to our value until the planner picks otherwise.
    pub plan_ours_default: Plan,
    /// The values both copies changed differently, for the planner to pick.
    pub conflicts: Vec<Conflict>,
    /// Values changed only in their copy, taken.
    pub applied_from_theirs: usize,
    /// Values changed only in our copy, kept.
    pub applied_from_ours: usize,
    /// Values changed the same way in both copies.
    pub agreed: usize,
    /// SKUs their copy added, now in the merged plan.
    pub added_from_theirs: Vec<String>,
    /// SKUs of the check-in missing from one copy, kept.
    pub kept: Vec<String>,
    /// Weeks of their calendar outside ours, left out.
    pub their_weeks_outside: usize,
    /// One sentence a line, for the planner.
    pub report: Vec<String>,
    inputs: Inputs,
}

/// What a merge was made from, kept so [`Merge::resolve`] can settle it again with picks.
#[derive(Clone, Debug)]
struct Inputs {
    base: Option<Plan>,
    ours: Plan,
    theirs: Plan,
    ours_by: String,
    theirs_by: String,
}

/// Merges their copy into ours against the check-in both copies last shared.
pub fn three_way(base: &Plan, ours: &Plan, theirs: &Plan, ours_by: &str, theirs_by: &str) -> Merge {
    Merge::of(Inputs {
        base: Some(base.clone()),
        ours: ours.clone(),
        theirs: theirs.clone(),
        ours_by: ours_by.to_string(),
        theirs_by: theirs_by.to_string(),
    })
}

/// Merges their copy into ours with no shared check-in: every difference becomes a conflict,
/// nothing is taken from their copy unasked (only SKUs ours lacks are added: whether they
/// added it or we removed it, the rule "never remove" keeps it).
pub fn two_way(ours: &Plan, theirs: &Plan, ours_by: &str, theirs_by: &str) -> Merge {
    Merge::of(Inputs {
        base: None,
        ours: ours.clone(),
        theirs: theirs.clone(),
        ours_by: ours_by.to_string(),
        theirs_by: theirs_by.to_string(),
    })
}

impl Merge {
    fn of(inputs: Inputs) -> Merge {
        let run = Run::settle_all(&inputs, &[]);
        let mut merge = Merge {
            plan_ours_default: run.out,
            conflicts: run.conflicts,
            applied_from_theirs: run.from_theirs,
            applied_from_ours: run.from_ours,
            agreed: run.agreed,
            added_from_theirs: Vec::new(),
            kept: Vec::new(),
            their_weeks_outside: 0,
            report: Vec::new(),
            inputs,
        };
        merge.write_report();
        merge
    }

    /// The merged plan with one pick per conflict, in order (a missing pick keeps ours).
    pub fn resolve(&self, picks: &[Side]) -> Plan {
        Run::settle_all(&self.inputs, picks).out
    }

    fn write_report(&mut self) {
        let Inputs {
            base,
            ours,
            theirs,
            theirs_by,
            ..
        } = &self.inputs;
        let mut report = Vec::new();
        if base.is_none() {
            report.push(format!(
                "No check-in shared with {theirs_by}'s copy: every difference is a choice."
            ));
        }
        report.push(format!(
            "{} change(s) taken from {theirs_by}'s copy, {} of ours kept, {} made the same in both.",
            self.applied_from_theirs, self.applied_from_ours, self.agreed
        ));
        for row in rows(base.as_ref(), ours, theirs) {
            match (row.base, row.ours, row.theirs) {
                (None, None, Some(_)) => self.added_from_theirs.push(row.code.to_string()),
                (Some(_), Some(_), None) => {
                    self.kept.push(row.code.to_string());
                    report.push(format!(
                        "{} is missing from {theirs_by}'s copy: kept.",
                        row.code
                    ));
                }
                (Some(_), None, Some(_)) => {
                    self.kept.push(row.code.to_string());
                    report.push(format!(
                        "{} is missing from this copy but was in the check-in: kept as {theirs_by} has it.",
                        row.code
                    ));
                }
                _ => {}
            }
        }
        if !self.added_from_theirs.is_empty() {
            report.push(format!(
                "Added from {theirs_by}'s copy: {}.",
                self.added_from_theirs.join(", ")
            ));
        }
        let (outside, lost) = weeks_outside(base.as_ref(), ours, theirs);
        self.their_weeks_outside = outside.len();
        if !outside.is_empty() {
            report.push(format!(
                "{theirs_by}'s copy holds {} week(s) outside this plan ({}): left out, with {lost} value(s) entered there.",
                outside.len(),
                theirs.calendar.weeks_label(&outside)
            ));
        }
        if !self.conflicts.is_empty() {
            report.push(format!(
                "{} value(s) were changed differently in both copies: pick one for each.",
                self.conflicts.len()
            ));
        }
        self.report = report;
    }
}

/// Their weeks outside our calendar, and how many values there differ from the check-in
/// (any non-empty value without one).
fn weeks_outside(base: Option<&Plan>, ours: &Plan, theirs: &Plan) -> (Vec<usize>, usize) {
    let cal = &theirs.calendar;
    let outside: Vec<usize> = (0..cal.len())
        .filter(|&w| {
            ours.calendar
                .index_of_date(cal.monday(w as isize))
                .is_none()
        })
        .collect();
    let mut lost = 0;
    for &w in &outside {
        let base_week = base.and_then(|b| b.calendar.index_of_date(cal.monday(w as isize)));
        for (p, s) in theirs.products.iter().zip(&theirs.series) {
            let then = base
                .zip(base_week)
                .and_then(|(b, bw)| Some((b, b.sku_index(&p.sku)?, bw)))
                .and_then(|(b, i, bw)| Some((b.series.get(i)?, bw)));
            for field in SeriesField::ALL {
                let before = then
                    .and_then(|(bs, bw)| cell(bs, field, bw))
                    .unwrap_or(empty(field));
                if cell(s, field, w).is_some_and(|v| v != before) {
                    lost += 1;
                }
            }
        }
    }
    (outside, lost)
}
