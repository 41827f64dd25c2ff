//! Scenarios: named copies of the plan ("demand +20 % on Candles", "supplier 2 weeks late")
//! changed on their own and compared with the plan on [`crate::engine::calc::outcome::Outcome`]. A
//! scenario keeps its own workbook, so its edits and undo never touch the plan; promoting it
//! is one undoable change of the plan that takes its products and numbers.
//!
//! The two quick changes make the usual questions one step; anything else is edited in the
//! scenario's grid like the plan.

use crate::engine::edit::workbook::{CellEdit, Edit, Workbook};
use crate::engine::model::calendar::Calendar;
use crate::engine::model::event::{FAMILY, MAX_PERCENT};
use crate::engine::model::plan::Plan;
use crate::engine::model::qty::{Qty, MAX_UNITS};
use crate::engine::model::series::SeriesField;

/// The longest scenario name, in characters.
pub const MAX_SCENARIO_NAME: usize = 80;

/// A named copy of the plan with its own workbook, edited and undone apart from the plan.
pub struct Scenario {
    /// What the scenario asks ("demand +20 % on Candles"), unique among the scenarios.
    pub name: String,
    /// Who made it and when (`YYYY-MM-DD`).
    pub author: String,
    /// The day it was made, `YYYY-MM-DD`.
    pub made: String,
    /// Its own plan and derived rows, undo and redo.
    pub workbook: Workbook,
}

/// A change that makes a common scenario in one step.
#[derive(Clone, Debug, PartialEq)]
pub enum QuickChange {
    /// Demand of a SKU or family (`family:<name>`) scaled by `percent` in weeks `first..=last`
    /// (ISO weeks; past weeks in the range are left alone, they hold actual sales): the
    /// forecast and any consensus override — the override is the demand used, so scaling only
    /// the forecast would change nothing there — in whole units. Demand events keep their
    /// own lift (a +% event follows the new forecast, a units-a-week event does not).
    Demand {
        /// A SKU code, or `family:<name>`.
        target: String,
        /// First ISO week (`2026-W49`), inclusive.
        first: String,
        /// Last ISO week, inclusive.
        last: String,
        /// The change in percent: 20 raises demand by a fifth, −10 cuts a tenth.
        percent: f64,
    },
    /// Open receipts (confirmed and planned, from the current week on) of a SKU or family
    /// arriving `weeks` later; receipts pushed past the plan's end are said so.
    ReceiptsLate {
        /// A SKU code, or `family:<name>`.
        target: String,
        /// How many weeks later the receipts arrive.
        weeks: usize,
    },
}

impl Scenario {
    /// A copy of the plan under a new name; `taken` are the names already used.
    pub fn copy_of(
        plan: &Plan,
        name: &str,
        author: &str,
        made: &str,
        taken: &[&str],
    ) -> Result<Scenario, String> {
        let name = name.trim();
        if name.is_empty() {
            return Err("A scenario needs a name (e.g. \"Supplier 2 weeks late\")".into());
        }
        if name.chars().count() > MAX_SCENARIO_NAME {
            return Err(format!(
                "Scenario name: at most {MAX_SCENARIO_NAME} characters"
            ));
        }
        if taken.iter().any(|t| t.eq_ignore_ascii_case(name)) {
            return Err(format!("There is already a scenario called '{name}'"));
        }
        Ok(Scenario {
            name: name.to_string(),
            author: author.to_string(),
            made: made.to_string(),
            workbook: Workbook::new(plan.clone()),
        })
    }

    /// What promoting this scenario writes over `plan`: see [`promoted`].
    pub fn promoted(&self, plan: &Plan) -> Plan {
        promoted(self.workbook.plan(), plan)
    }
}

/// The plan with a scenario's products and numbers, keeping the plan's identity, notes and
/// decisions. Who changed what comes with the numbers: the scenario's record (the plan's as
/// it was when the scenario was made, then the scenario's own edits) describes the values
/// promoted; the plan's may name SKUs or weeks the scenario does not have. A scenario made
/// from another plan (one open before a plan file replaced it) shares none of this plan's
/// check-ins: the promoted plan names none (a later merge compares two ways).
pub fn promoted(scenario: &Plan, plan: &Plan) -> Plan {
    let mut meta = plan.meta.clone();
    if scenario.meta.id != plan.meta.id {
        meta.base = None;
    }
    Plan {
        calendar: scenario.calendar.clone(),
        products: scenario.products.clone(),
        series: scenario.series.clone(),
        capacity: scenario.capacity.clone(),
        events: scenario.events.clone(),
        meta,
        notes: plan.notes.clone(),
        decisions: plan.decisions.clone(),
        authors: scenario.authors.clone(),
    }
}

impl QuickChange {
    /// The cell edits that make the change in `plan`, with a sentence saying what they did;
    /// an error naming the field when the change cannot be made.
    pub fn edits(&self, plan: &Plan) -> Result<(Edit, String), String> {
        match self {
            QuickChange::Demand {
                target,
                first,
                last,
                percent,
            } => demand(plan, target, first, last, *percent),
            QuickChange::ReceiptsLate { target, weeks } => late(plan, target, *weeks),
        }
    }
}

/// The SKUs a target names (a SKU code or `family:<name>`), or why none.
fn skus(plan: &Plan, target: &str) -> Result<Vec<usize>, String> {
    let found: Vec<usize> = match target.strip_prefix(FAMILY) {
        Some(f) => (0..plan.products.len())
            .filter(|&i| plan.products[i].family == f)
            .collect(),
        None => plan.sku_index(target).into_iter().collect(),
    };
    if found.is_empty() {
        return Err(format!("'{target}': no such SKU or family in the plan"));
    }
    Ok(found)
}

fn week(cal: &Calendar, text: &str, what: &str) -> Result<usize, String> {
    cal.parse_week(text).map_err(|e| format!("{what}: {e}"))
}

fn demand(
    plan: &Plan,
    target: &str,
    first: &str,
    last: &str,
    percent: f64,
) -> Result<(Edit, String), String> {
    if !percent.is_finite() {
        return Err("Change %: not a number (e.g. 20 or -15)".into());
    }
    if !(-100.0..=MAX_PERCENT as f64).contains(&percent) {
        return Err(format!(
            "Change {percent} %: between −100 % and +{MAX_PERCENT} %"
        ));
    }
    let cal = &plan.calendar;
    let (a, b) = (week(cal, first, "From")?, week(cal, last, "To")?);
    if b < a {
        return Err(format!("To: {last} is before {first}"));
    }
    // Past weeks hold actual sales: a demand change there would silently do nothing.
    if b < cal.current() {
        return Err(format!(
            "To: {last} is in the past; demand can change from {} on",
            cal.label(cal.current() as isize)
        ));
    }
    let factor = 1.0 + percent / 100.0;
    let scaled = |q: Qty| Qty::units((q.to_f64() * factor).round().clamp(0.0, MAX_UNITS) as i64);
    let mut edits = Vec::new();
    let skus = skus(plan, target)?;
    for &sku in &skus {
        let s = &plan.series[sku];
        for w in a.max(cal.current())..=b {
            let mut push = |field, old: Qty| {
                let new = scaled(old);
                if new != old {
                    edits.push(CellEdit {
                        sku,
                        field,
                        week: w,
                        value: Some(new),
                    });
                }
            };
            push(SeriesField::Forecast, s.forecast[w]);
            if let Some(c) = s.consensus[w] {
                push(SeriesField::Consensus, c);
            }
        }
    }
    let weeks = if a == b {
        format!("in {first}")
    } else {
        format!("{first}–{last}")
    };
    let said = format!(
        "Demand {percent:+} % on {} SKU(s) {weeks}: {} cells changed",
        skus.len(),
        edits.len()
    );
    Ok((Edit::Cells(edits), said))
}

fn late(plan: &Plan, target: &str, weeks: usize) -> Result<(Edit, String), String> {
    if weeks == 0 || weeks > 52 {
        return Err(format!("Weeks late {weeks}: from 1 to 52"));
    }
    let cal = &plan.calendar;
    let (c, n) = (cal.current(), cal.len());
    let skus = skus(plan, target)?;
    let mut edits = Vec::new();
    let mut beyond = Qty::ZERO;
    for &sku in &skus {
        let s = &plan.series[sku];
        for field in [SeriesField::ConfirmedReceipts, SeriesField::PlannedReceipts] {
            let old: Vec<Qty> = (0..n)
                .map(|w| s.get(field, w).unwrap_or(Qty::ZERO))
                .collect();
            let mut new = old.clone();
            new[c..].iter_mut().for_each(|q| *q = Qty::ZERO);
            for (w, &q) in old.iter().enumerate().skip(c) {
                match new.get_mut(w + weeks) {
                    Some(slot) => *slot += q,
                    None => beyond += q,
                }
            }
            for w in c..n {
                if new[w] != old[w] {
                    edits.push(CellEdit {
                        sku,
                        field,
                        week: w,
                        value: Some(new[w]),
                    });
                }
            }
        }
    }
    let mut said = format!("Receipts of {} SKU(s) {weeks} week(s) later", skus.len());
    if beyond > Qty::ZERO {
        said += &format!(
            "; {} units now arrive after the plan's last week and are left out",
            beyond.to_f64()
        );
    }
    Ok((Edit::Cells(edits), said))
}
