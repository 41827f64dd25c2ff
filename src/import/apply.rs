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
//! SKUs the plan does not know are added (family "Unassigned" unless the file says) or, if
//! the planner declines, their rows are left out and counted. Weeks outside the plan are
//! left out and counted; receipts already overdue land in the current week; a month of
//! forecast is split over its weeks by the split rule.

use super::records::Records;
use super::Period;
use crate::engine::calendar::Month;
use crate::engine::split::split;
use crate::engine::{CellEdit, Edit, Product, Qty, SeriesField, Workbook};
use std::collections::{BTreeMap, BTreeSet};

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
    /// What was left out or moved, one sentence each.
    pub notes: Vec<String>,
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
    let mut b = Builder::new(wb, add_unknown);
    if left_out > 0 && mode == Mode::Replace {
        b.only = Some(records.skus().into_iter().map(str::to_string).collect());
        b.left_out = left_out;
    }
    add_records(&mut b, records, mode);
    b.finish()
}

/// The edits for one kind of records (a stock report's two kinds in turn).
fn add_records(b: &mut Builder, records: &Records, mode: Mode) {
    let wb = b.wb;
    let plan = wb.plan();
    let cal = &plan.calendar;
    let c = cal.current();
    match records {
        Records::Actuals(rows) => {
            if mode == Mode::Replace {
                b.clear(SeriesField::Actual, 0..c);
            }
            for r in rows {
                let Some(sku) = b.sku(&r.sku, None) else {
                    continue;
                };
                match cal.index_of_date(r.week) {
                    Some(w) if w < c => b.cell(sku, SeriesField::Actual, w, r.qty),
                    Some(_) => b.skip("sales in the current week or later (not actuals yet)"),
                    None => b.skip("sales in weeks outside the plan"),
                }
            }
        }
        Records::Receipts(rows) => {
            if mode == Mode::Replace {
                b.clear(SeriesField::ConfirmedReceipts, c..cal.len());
                b.clear(SeriesField::PlannedReceipts, c..cal.len());
            }
            let mut sums: BTreeMap<(usize, SeriesField, usize), Qty> = BTreeMap::new();
            for r in rows {
                let Some(sku) = b.sku(&r.sku, None) else {
                    continue;
                };
                let field = if r.confirmed {
                    SeriesField::ConfirmedReceipts
                } else {
                    SeriesField::PlannedReceipts
                };
                let week = if r.week < cal.monday(c as isize) {
                    b.skip("overdue receipts moved to the current week");
                    Some(c)
                } else {
                    cal.index_of_date(r.week)
                };
                match week {
                    Some(w) => *sums.entry((sku, field, w)).or_default() += r.qty,
                    None => b.skip("receipts after the end of the plan"),
                }
            }
            for ((sku, field, w), q) in sums {
                b.cell(sku, field, w, q);
            }
        }
        Records::Forecast(rows) => {
            if mode == Mode::Replace {
                b.clear(SeriesField::Forecast, c..cal.len());
            }
            let months: BTreeMap<Month, std::ops::Range<usize>> =
                cal.months().into_iter().collect();
            for r in rows {
                let Some(sku) = b.sku(&r.sku, None) else {
                    continue;
                };
                match r.period {
                    Period::Week(monday) => match cal.index_of_date(monday) {
                        Some(w) => b.cell(sku, SeriesField::Forecast, w, r.qty),
                        None => b.skip("forecast for weeks outside the plan"),
                    },
                    Period::Month(m) => match months.get(&m) {
                        Some(weeks) => b.split(sku, weeks.clone(), r.qty),
                        None => b.skip("forecast for months outside the plan"),
                    },
                }
            }
        }
        Records::OnHand(rows) => {
            let listed: BTreeSet<&str> = rows.iter().map(|r| r.sku.as_str()).collect();
            if mode == Mode::Replace {
                for (i, p) in plan.products.iter().enumerate() {
                    if !listed.contains(p.sku.as_str()) && b.replaces(&p.sku) {
                        b.product(i, |p| p.on_hand = Qty::ZERO);
                    }
                }
            }
            for r in rows {
                let q = r.qty;
                match b.sku(&r.sku, None) {
                    Some(i) => b.product(i, |p| p.on_hand = q),
                    None => continue,
                }
            }
        }
        Records::Products(rows) => {
            for r in rows {
                let family = (!r.family.trim().is_empty()).then_some(r.family.as_str());
                let Some(i) = b.sku(&r.sku, family) else {
                    continue;
                };
                let r = r.clone();
                b.product(i, move |p| {
                    if !r.name.trim().is_empty() {
                        p.name = r.name.clone();
                    }
                    if !r.family.trim().is_empty() {
                        p.family = r.family.clone();
                    }
                    if let Some(v) = r.price {
                        p.unit_price = v;
                    }
                    if let Some(v) = r.cost {
                        p.unit_cost = v;
                    }
                    if let Some(v) = r.on_hand {
                        p.on_hand = v;
                    }
                });
            }
        }
        Records::Stock { on_hand, inbound } => {
            add_records(b, &Records::OnHand(on_hand.clone()), mode);
            // Inbound always merges: replace concerns the stock, and must not clear the
            // purchase orders' receipts.
            let mut sums: BTreeMap<(usize, usize), Qty> = BTreeMap::new();
            for r in inbound {
                let Some(sku) = b.sku(&r.sku, None) else {
                    continue;
                };
                match usize::try_from(r.weeks_ahead)
                    .ok()
                    .and_then(|a| c.checked_add(a))
                    .filter(|w| *w < cal.len())
                {
                    Some(w) => *sums.entry((sku, w)).or_default() += r.qty,
                    None => b.skip("receipts after the end of the plan"),
                }
            }
            for ((sku, w), q) in sums {
                b.cell(sku, SeriesField::ConfirmedReceipts, w, q);
            }
        }
    }
}

/// Gathers the parts of the edit.
struct Builder<'a> {
    wb: &'a Workbook,
    add_unknown: bool,
    /// SKUs added, by code, with their new index and product.
    added: Vec<Product>,
    index: BTreeMap<String, usize>,
    products: BTreeMap<usize, Product>,
    cells: BTreeMap<(usize, SeriesField, usize), Option<Qty>>,
    skipped: BTreeMap<&'static str, usize>,
    unknown: BTreeSet<String>,
    writes: usize,
    /// With rows left out: the only SKUs replace may clear.
    only: Option<BTreeSet<String>>,
    left_out: usize,
}

impl<'a> Builder<'a> {
    /// Whether replace may clear this SKU's values.
    fn replaces(&self, sku: &str) -> bool {
        self.only.as_ref().is_none_or(|only| only.contains(sku))
    }

    fn new(wb: &'a Workbook, add_unknown: bool) -> Self {
        let index = wb
            .plan()
            .products
            .iter()
            .enumerate()
            .map(|(i, p)| (p.sku.clone(), i))
            .collect();
        Builder {
            wb,
            add_unknown,
            added: Vec::new(),
            index,
            products: BTreeMap::new(),
            cells: BTreeMap::new(),
            skipped: BTreeMap::new(),
            unknown: BTreeSet::new(),
            writes: 0,
            only: None,
            left_out: 0,
        }
    }

    /// The index of a SKU, adding it when the plan does not know it (and adding is wanted).
    fn sku(&mut self, code: &str, family: Option<&str>) -> Option<usize> {
        let code = code.trim();
        if let Some(&i) = self.index.get(code) {
            return Some(i);
        }
        if !self.add_unknown || code.is_empty() {
            self.unknown.insert(code.to_string());
            self.skip("rows of SKUs not in the plan");
            return None;
        }
        let i = self.wb.plan().products.len() + self.added.len();
        self.added
            .push(Product::new(code, code, family.unwrap_or(NEW_FAMILY)));
        self.index.insert(code.to_string(), i);
        Some(i)
    }

    fn skip(&mut self, why: &'static str) {
        *self.skipped.entry(why).or_default() += 1;
    }

    fn cell(&mut self, sku: usize, field: SeriesField, week: usize, q: Qty) {
        self.writes += 1;
        self.cells.insert((sku, field, week), Some(q));
    }

    /// Zero (or unset) a series over weeks for every SKU of the plan.
    fn clear(&mut self, field: SeriesField, weeks: std::ops::Range<usize>) {
        for sku in 0..self.wb.plan().products.len() {
            if !self.replaces(&self.wb.plan().products[sku].sku) {
                continue;
            }
            for w in weeks.clone() {
                self.cells.insert((sku, field, w), None);
            }
        }
    }

    /// A month's forecast over its weeks, in proportion to the forecast they hold now.
    fn split(&mut self, sku: usize, weeks: std::ops::Range<usize>, total: Qty) {
        let series = self.wb.plan().series.get(sku);
        let current: Vec<Qty> = weeks
            .clone()
            .map(|w| {
                series
                    .and_then(|s| s.get(SeriesField::Forecast, w))
                    .unwrap_or(Qty::ZERO)
            })
            .collect();
        for (w, q) in weeks.zip(split(total, &current)) {
            self.cell(sku, SeriesField::Forecast, w, q);
        }
    }

    /// Changes a product record (an added one, or the plan's).
    fn product(&mut self, i: usize, change: impl FnOnce(&mut Product)) {
        self.writes += 1;
        let n = self.wb.plan().products.len();
        if let Some(p) = i.checked_sub(n).and_then(|k| self.added.get_mut(k)) {
            change(p);
            return;
        }
        let p = self
            .products
            .entry(i)
            .or_insert_with(|| self.wb.plan().products[i].clone());
        change(p);
    }

    fn finish(self) -> Applied {
        let mut notes: Vec<String> = self
            .skipped
            .iter()
            .map(|(why, n)| format!("{n} {why}"))
            .collect();
        if self.left_out > 0 {
            let rows = if self.left_out == 1 { "row" } else { "rows" };
            notes.push(format!(
                "{} {rows} with errors left out: SKUs the file does not list keep their values",
                self.left_out
            ));
        }
        if !self.unknown.is_empty() {
            let list: Vec<&str> = self.unknown.iter().take(5).map(String::as_str).collect();
            let more = self.unknown.len().saturating_sub(5);
            notes.push(format!(
                "SKUs not added: {}{}",
                list.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            ));
        }
        let added: Vec<String> = self.added.iter().map(|p| p.sku.clone()).collect();
        let mut edits: Vec<Edit> = self.added.into_iter().map(Edit::AddProduct).collect();
        edits.extend(
            self.products
                .into_iter()
                .map(|(sku, product)| Edit::Product { sku, product }),
        );
        edits.push(Edit::Cells(
            self.cells
                .into_iter()
                .map(|((sku, field, week), value)| CellEdit {
                    sku,
                    field,
                    week,
                    value,
                })
                .collect(),
        ));
        Applied {
            edit: Edit::Batch(edits),
            added,
            writes: self.writes,
            notes,
        }
    }
}
