//! What changed since the last check-in, for the weekly call: the cells to mark in the grid,
//! and a short list of the changes worth talking about, most important first.
//!
//! - Forecast revisions: per SKU, the future weeks whose demand (consensus where set, else
//!   forecast) changed, summed.
//! - Receipts: a quantity that left one week and reappeared in another of the same series is
//!   one move (a PO that slipped); any other change is reported per week.
//! - Actuals that missed: weeks past since the check-in whose actual differs from the demand
//!   the check-in planned by more than [`MISS_SHARE`] and at least [`MISS_UNITS`] units. An
//!   actual still zero and unchanged is taken as not entered yet, not as no sales.
//! - New stockouts: per SKU, future weeks projected below zero now that were not at the
//!   check-in.
//!
//! Ranking: new stockouts first, then by size (units × unit price, then units).
//! Weeks line up by date and SKUs by code, so a rolled plan compares with last week's.

use crate::engine::edit::workbook::Workbook;
use crate::engine::model::calendar::Calendar;
use crate::engine::model::plan::{Plan, Slot};
use crate::engine::model::qty::{Amount, Qty, MILLI};
use crate::engine::model::series::{SeriesField, SkuSeries};
use std::collections::{BTreeMap, BTreeSet};

/// An actual this far from the demand (as a share of it) missed the forecast.
pub const MISS_SHARE: f64 = 0.2;
/// … and by at least this many units (a 3 against a forecast of 1 is noise).
pub const MISS_UNITS: i64 = 5;

/// Kinds, in the order the call takes them when sizes tie.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// Future weeks projected below zero now that were not at the check-in.
    NewStockout,
    /// A SKU's demand ahead changed (forecast or consensus).
    ForecastRevision,
    /// A receipt left one week and reappeared in another: a slipped order.
    ReceiptMoved,
    /// A receipt quantity changed in a week, not a move.
    ReceiptChanged,
    /// A past week's actual sales missed the planned demand by more than [`MISS_SHARE`].
    ActualMissedForecast,
}

/// One change worth talking about in the call, with the sentence it is read as.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeItem {
    /// What sort of change; orders the list when sizes tie.
    pub kind: ChangeKind,
    /// The SKU code (codes, not indices, so a rolled plan compares).
    pub sku: String,
    /// "2026-W50–W52"; a move: "2026-W49 → 2026-W51".
    pub weeks: String,
    /// Forecast: summed over the weeks; receipts: the week's value (a move: the quantity);
    /// actual: the demand planned (before) and the actual (after); stockout: the projection
    /// in its first week, at the check-in and now.
    pub before: Qty,
    /// The value now (see `before` for what it means per kind).
    pub after: Qty,
    /// How big the change is, for ranking: forecast, the sum of each week's change; stockout,
    /// the demand left unmet in the new stockout weeks.
    pub units: Qty,
    /// Who made it, from the plan's record ("Ana (Sales)"; several joined by commas).
    pub by: Option<String>,
    /// The sentence the call reads.
    pub text: String,
}

/// What changed since the last check-in: cells to mark in the grid and the list to discuss.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// Input cells whose value differs from the check-in: (SKU, series, week), in `now`'s
    /// indices.
    pub cells: BTreeSet<(usize, SeriesField, usize)>,
    /// The changes worth talking about, most important first.
    pub items: Vec<ChangeItem>,
}

/// Compares the live plan with a check-in snapshot.
pub fn since(snapshot: &Plan, now: &Workbook) -> Changes {
    since_projected(snapshot, project(snapshot).as_ref(), now)
}

/// The snapshot's projection (its derived rows, for new stockouts); `None` for a snapshot not
/// shaped like a plan. A full recalculation: the app keeps it while the check-in is the
/// latest instead of working it out after every edit.
pub fn project(snapshot: &Plan) -> Option<Workbook> {
    well_formed(snapshot).then(|| Workbook::new(snapshot.clone()))
}

/// [`since`] with the snapshot's [`project`]ion already worked out.
pub fn since_projected(snapshot: &Plan, then_wb: Option<&Workbook>, now: &Workbook) -> Changes {
    let plan = now.plan();
    let cal = &plan.calendar;
    let then_cal = &snapshot.calendar;
    let then_week: Vec<Option<usize>> = (0..cal.len())
        .map(|w| then_cal.index_of_date(cal.monday(w as isize)))
        .collect();
    let mut then_index: BTreeMap<&str, usize> = BTreeMap::new();
    for (j, p) in snapshot.products.iter().enumerate() {
        then_index.entry(p.sku.as_str()).or_insert(j);
    }
    let mut out = Changes::default();
    let mut ranked: Vec<(Amount, ChangeItem)> = Vec::new();
    for (i, p) in plan.products.iter().enumerate() {
        let Some(series) = plan.series.get(i) else {
            continue;
        };
        let j = then_index.get(p.sku.as_str()).copied();
        let sku = SkuView {
            index: i,
            code: &p.sku,
            now: series,
            then: j.and_then(|j| snapshot.series.get(j)).map(|s| &**s),
            then_week: &then_week,
            plan,
        };
        sku.mark_cells(&mut out.cells);
        let mut items = Vec::new();
        sku.forecast_revision(&mut items);
        for field in [SeriesField::ConfirmedReceipts, SeriesField::PlannedReceipts] {
            sku.receipts(field, &mut items);
        }
        sku.missed_actuals(then_cal, &mut items);
        if let Some(then_wb) = then_wb {
            sku.new_stockout(now, then_wb, j, &mut items);
        }
        ranked.extend(
            items
                .into_iter()
                .map(|item| (Amount::of(item.units, p.unit_price), item)),
        );
    }
    ranked.sort_by(|(ma, a), (mb, b)| {
        (a.kind != ChangeKind::NewStockout)
            .cmp(&(b.kind != ChangeKind::NewStockout))
            .then(mb.cmp(ma))
            .then(b.units.cmp(&a.units))
            .then_with(|| a.sku.cmp(&b.sku))
            .then(a.kind.cmp(&b.kind))
            .then_with(|| a.weeks.cmp(&b.weeks))
    });
    out.items = ranked.into_iter().map(|(_, item)| item).collect();
    out
}

/// One SKU, now and at the check-in.
struct SkuView<'a> {
    index: usize,
    code: &'a str,
    now: &'a SkuSeries,
    /// `None`: the SKU is new since the check-in.
    then: Option<&'a SkuSeries>,
    /// For each week of the live plan, its index in the snapshot.
    then_week: &'a [Option<usize>],
    plan: &'a Plan,
}

impl SkuView<'_> {
    fn cal(&self) -> &Calendar {
        &self.plan.calendar
    }

    /// A cell now; an empty one where the series does not reach.
    fn now_value(&self, field: SeriesField, w: usize) -> Option<Qty> {
        self.now.get(field, w).or(empty(field))
    }

    /// The same week at the check-in; empty where the snapshot did not hold it.
    fn then_value(&self, field: SeriesField, w: usize) -> Option<Qty> {
        self.then
            .zip(self.then_week.get(w).copied().flatten())
            .and_then(|(s, tw)| s.get(field, tw))
            .or(empty(field))
    }

    fn now_demand(&self, w: usize) -> Qty {
        demand(|f| self.now_value(f, w))
    }

    fn then_demand(&self, w: usize) -> Qty {
        demand(|f| self.then_value(f, w))
    }

    /// Who changed these cells, each name once, in order.
    fn by(&self, slots: impl IntoIterator<Item = Slot>) -> Option<String> {
        let mut names: Vec<&str> = Vec::new();
        for slot in slots {
            let sku = &self.plan.products[self.index].sku;
            if let Some(who) = self.plan.authors.get(sku, slot) {
                if !names.contains(&&**who) {
                    names.push(who);
                }
            }
        }
        (!names.is_empty()).then(|| names.join(", "))
    }

    fn item(
        &self,
        kind: ChangeKind,
        weeks: String,
        values: [Qty; 3],
        by: Option<String>,
        text: String,
    ) -> ChangeItem {
        let [before, after, units] = values;
        let text = match &by {
            Some(who) => format!("{text} — {who}"),
            None => text,
        };
        ChangeItem {
            kind,
            sku: self.code.to_string(),
            weeks,
            before,
            after,
            units,
            by,
            text,
        }
    }

    fn mark_cells(&self, cells: &mut BTreeSet<(usize, SeriesField, usize)>) {
        for field in SeriesField::ALL {
            for w in 0..self.cal().len() {
                if self.now_value(field, w) != self.then_value(field, w) {
                    cells.insert((self.index, field, w));
                }
            }
        }
    }

    fn forecast_revision(&self, items: &mut Vec<ChangeItem>) {
        let weeks: Vec<usize> = self
            .cal()
            .future()
            .filter(|&w| self.now_demand(w) != self.then_demand(w))
            .collect();
        if weeks.is_empty() {
            return;
        }
        let (mut before, mut after, mut units) = (Qty::ZERO, Qty::ZERO, Qty::ZERO);
        for &w in &weeks {
            let (b, a) = (self.then_demand(w), self.now_demand(w));
            before += b;
            after += a;
            units += Qty((a - b).0.abs());
        }
        let label = self.cal().weeks_label(&weeks);
        let by = self.by(weeks.iter().flat_map(|&w| {
            [SeriesField::Forecast, SeriesField::Consensus].map(|f| Slot::Cell(f, w))
        }));
        let text = format!(
            "{} forecast {label}: {before} → {after} ({})",
            self.code,
            delta(before, after)
        );
        items.push(self.item(
            ChangeKind::ForecastRevision,
            label,
            [before, after, units],
            by,
            text,
        ));
    }

    fn receipts(&self, field: SeriesField, items: &mut Vec<ChangeItem>) {
        let (mut less, mut more) = (Vec::new(), Vec::new());
        for w in 0..self.cal().len() {
            let (b, a) = (
                self.then_value(field, w).unwrap_or(Qty::ZERO),
                self.now_value(field, w).unwrap_or(Qty::ZERO),
            );
            match a.cmp(&b) {
                std::cmp::Ordering::Less => less.push((w, b - a)),
                std::cmp::Ordering::Greater => more.push((w, a - b)),
                std::cmp::Ordering::Equal => {}
            }
        }
        let cal = self.cal();
        let mut changed = Vec::new();
        for (from, q) in less {
            // The same quantity reappearing elsewhere, nearest week first, is a move.
            let to = more
                .iter()
                .enumerate()
                .filter(|(_, &(_, m))| m == q)
                .min_by_key(|(_, &(w, _))| w.abs_diff(from))
                .map(|(k, _)| k);
            match to {
                Some(k) => {
                    let (to, _) = more.remove(k);
                    let weeks =
                        format!("{} → {}", cal.label(from as isize), cal.label(to as isize));
                    let by = self.by([Slot::Cell(field, to), Slot::Cell(field, from)]);
                    let text = format!("{} {} of {q} moved {weeks}", self.code, field.label());
                    items.push(self.item(ChangeKind::ReceiptMoved, weeks, [q, q, q], by, text));
                }
                None => changed.push(from),
            }
        }
        changed.extend(more.into_iter().map(|(w, _)| w));
        changed.sort_unstable();
        for w in changed {
            let b = self.then_value(field, w).unwrap_or(Qty::ZERO);
            let a = self.now_value(field, w).unwrap_or(Qty::ZERO);
            let week = cal.label(w as isize);
            let text = format!(
                "{} {} {week}: {b} → {a} ({})",
                self.code,
                field.label(),
                delta(b, a)
            );
            let by = self.by([Slot::Cell(field, w)]);
            let units = Qty((a - b).0.abs());
            items.push(self.item(ChangeKind::ReceiptChanged, week, [b, a, units], by, text));
        }
    }

    fn missed_actuals(&self, then_cal: &Calendar, items: &mut Vec<ChangeItem>) {
        let cal = self.cal();
        let checked_in = then_cal.monday(then_cal.current() as isize);
        for w in cal.past() {
            if cal.monday(w as isize) < checked_in {
                continue;
            }
            let a = self.now_value(SeriesField::Actual, w).unwrap_or(Qty::ZERO);
            let was = self.then_value(SeriesField::Actual, w).unwrap_or(Qty::ZERO);
            if a == Qty::ZERO && was == Qty::ZERO {
                continue; // not entered yet
            }
            // The demand the check-in planned; today's where the check-in did not hold it.
            let held = self.then.is_some() && self.then_week.get(w).copied().flatten().is_some();
            let f = if held {
                self.then_demand(w)
            } else {
                self.now_demand(w)
            };
            let miss = (a - f).0.abs();
            if miss < MISS_UNITS * MILLI || (miss as f64) <= MISS_SHARE * f.0 as f64 {
                continue;
            }
            let week = cal.label(w as isize);
            let text = format!(
                "{} sold {a} in {week} against a forecast of {f} ({})",
                self.code,
                delta(f, a)
            );
            let by = self.by([Slot::Cell(SeriesField::Actual, w)]);
            items.push(self.item(
                ChangeKind::ActualMissedForecast,
                week,
                [f, a, Qty(miss)],
                by,
                text,
            ));
        }
    }

    fn new_stockout(
        &self,
        now: &Workbook,
        then_wb: &Workbook,
        then_sku: Option<usize>,
        items: &mut Vec<ChangeItem>,
    ) {
        let d = now.derived(self.index);
        let then_cal = &then_wb.plan().calendar;
        // The snapshot's projection of a week, where it projected one.
        let then_projected = |w: usize| {
            let tw = self.then_week.get(w).copied().flatten()?;
            let td = then_wb.all_derived().get(then_sku?)?;
            (tw >= then_cal.current()).then(|| td.projected.get(tw).copied())?
        };
        let weeks: Vec<usize> = self
            .cal()
            .future()
            .filter(|&w| d.projected.get(w).is_some_and(|q| q.is_negative()))
            .filter(|&w| !then_projected(w).is_some_and(|q| q.is_negative()))
            .collect();
        let Some(&first) = weeks.first() else {
            return;
        };
        let units = weeks
            .iter()
            .filter_map(|&w| d.unmet.get(w).copied())
            .fold(Qty::ZERO, |s, q| s + q);
        let after = d.projected[first];
        let before = then_projected(first);
        let week = self.cal().label(first as isize);
        let was = match before {
            Some(q) => format!("was {q} at the check-in"),
            None => "not projected at the check-in".to_string(),
        };
        let text = format!(
            "{} runs out in {week}: projected {after}, {was} ({units} units short)",
            self.code
        );
        let values = [before.unwrap_or(Qty::ZERO), after, units];
        items.push(self.item(ChangeKind::NewStockout, week, values, None, text));
    }
}

/// One series per product, one value per week: what projecting a plan relies on. (Cheaper
/// than a full `check_plan`, which formats a label for every cell it checks.)
fn well_formed(plan: &Plan) -> bool {
    let n = plan.calendar.len();
    plan.series.len() == plan.products.len()
        && plan.series.iter().all(|s| {
            [
                s.actual.len(),
                s.forecast.len(),
                s.consensus.len(),
                s.confirmed_receipts.len(),
                s.planned_receipts.len(),
            ]
            .iter()
            .all(|&len| len == n)
        })
}

/// An empty cell: zero, or for the consensus not set.
fn empty(field: SeriesField) -> Option<Qty> {
    (!field.is_optional()).then_some(Qty::ZERO)
}

/// The demand a week plans: the consensus where set, else the forecast.
fn demand(value: impl Fn(SeriesField) -> Option<Qty>) -> Qty {
    value(SeriesField::Consensus)
        .or(value(SeriesField::Forecast))
        .unwrap_or(Qty::ZERO)
}

/// "+60, +20%" (no share when there was nothing before).
fn delta(before: Qty, after: Qty) -> String {
    let d = after - before;
    let sign = if d.is_negative() { "" } else { "+" };
    if before == Qty::ZERO {
        return format!("{sign}{d}");
    }
    let pct = (d.0 as f64 / before.0 as f64 * 100.0).round() as i64;
    format!("{sign}{d}, {pct:+}%")
}
