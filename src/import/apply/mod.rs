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

pub mod reconcile;
pub mod report;

use super::Period;
use crate::engine::edit::split::split;
use crate::engine::model::breakdown::{channels_of, set_location, Channels, NOT_SAID};
use crate::engine::model::calendar::Month;
use crate::engine::{CellEdit, Edit, Product, Qty, SeriesField, Workbook};
use crate::import::error::plural;
use crate::import::read::codes::{is_formula, OddCodes};
use crate::import::records::Records;
use crate::sheet::number::Locale;
use reconcile::{reconcile, Found, Known};
use report::{
    LeftOut, Why, FORECAST_MONTHS_OUTSIDE, FORECAST_WEEKS_OUTSIDE, NOT_ACTUALS_YET, OVERDUE,
    RECEIPTS_AFTER, SALES_OUTSIDE, UNKNOWN_ROWS, UNKNOWN_SKU_WEEKS,
};
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

/// The edits for one kind of records (a stock report's two kinds in turn).
fn add_records(b: &mut Builder, records: &Records, mode: Mode) {
    let wb = b.wb;
    let plan = wb.plan();
    let cal = &plan.calendar;
    let c = cal.current();
    match records {
        Records::Actuals(rows) => {
            if mode == Mode::Replace {
                // Replace clears the channels the file holds and the sales no file named;
                // other named channels' sales stay.
                let mut named: BTreeSet<&str> = rows.iter().map(|r| r.channel.trim()).collect();
                named.insert(NOT_SAID);
                for channel in named {
                    b.clear_channel(channel, 0..c);
                }
            }
            b.unknown_sku = UNKNOWN_SKU_WEEKS;
            // A SKU-week's sales by channel; a SKU the plan does not know is counted once
            // per week with its units over all channels.
            let mut weeks: BTreeMap<(&str, chrono::NaiveDate), Vec<(&str, Qty)>> = BTreeMap::new();
            for r in rows {
                let parts = weeks.entry((r.sku.as_str(), r.week)).or_default();
                parts.push((r.channel.trim(), r.qty));
            }
            for ((code, week), parts) in weeks {
                let total = units(&parts);
                let Some(sku) = b.sku(code, None, total) else {
                    continue;
                };
                match cal.index_of_date(week) {
                    Some(w) if w < c => {
                        if supersedes(&parts) {
                            b.clear_unsaid_sale(sku, w);
                        }
                        for (channel, q) in parts {
                            b.sale(sku, channel, w, q);
                        }
                    }
                    Some(_) => b.skip(NOT_ACTUALS_YET, total),
                    None => b.skip(SALES_OUTSIDE, total),
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
                let Some(sku) = b.sku(&r.sku, None, r.qty) else {
                    continue;
                };
                let field = if r.confirmed {
                    SeriesField::ConfirmedReceipts
                } else {
                    SeriesField::PlannedReceipts
                };
                let week = if r.week < cal.monday(c as isize) {
                    b.skip(OVERDUE, r.qty);
                    Some(c)
                } else {
                    cal.index_of_date(r.week)
                };
                match week {
                    Some(w) => *sums.entry((sku, field, w)).or_default() += r.qty,
                    None => b.skip(RECEIPTS_AFTER, r.qty),
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
                let Some(sku) = b.sku(&r.sku, None, r.qty) else {
                    continue;
                };
                match r.period {
                    Period::Week(monday) => match cal.index_of_date(monday) {
                        Some(w) => b.cell(sku, SeriesField::Forecast, w, r.qty),
                        None => b.skip(FORECAST_WEEKS_OUTSIDE, r.qty),
                    },
                    Period::Month(m) => match months.get(&m) {
                        Some(weeks) => b.split(sku, weeks.clone(), r.qty),
                        None => b.skip(FORECAST_MONTHS_OUTSIDE, r.qty),
                    },
                }
            }
        }
        Records::OnHand(rows) => {
            // Each row sets its location's stock; other locations keep theirs. Replace first
            // clears the file's locations and the stock no file located, for every SKU.
            let mut named: BTreeSet<&str> = rows.iter().map(|r| r.location.trim()).collect();
            named.insert(NOT_SAID);
            if mode == Mode::Replace {
                for (i, p) in plan.products.iter().enumerate() {
                    if b.replaces(&p.sku) {
                        for &at in &named {
                            b.product(i, |p| set_location(p, at, Qty::ZERO));
                        }
                    }
                }
            }
            // A SKU's stock by location; a SKU the plan does not know is counted once with
            // its units over all locations.
            let mut skus: BTreeMap<&str, Vec<(&str, Qty)>> = BTreeMap::new();
            for r in rows {
                skus.entry(r.sku.as_str())
                    .or_default()
                    .push((r.location.trim(), r.qty));
            }
            for (code, places) in skus {
                let total = units(&places);
                match b.sku(code, None, total) {
                    Some(i) => {
                        let clear_unsaid = supersedes(&places);
                        for (at, q) in places {
                            b.product(i, |p| {
                                if clear_unsaid {
                                    set_location(p, NOT_SAID, Qty::ZERO);
                                }
                                set_location(p, at, q)
                            });
                        }
                    }
                    None => continue,
                }
            }
        }
        Records::Products(rows) => {
            for r in rows {
                let family = (!r.family.trim().is_empty()).then_some(r.family.as_str());
                let Some(i) = b.sku(&r.sku, family, r.on_hand.unwrap_or(Qty::ZERO)) else {
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
                let Some(sku) = b.sku(&r.sku, None, r.qty) else {
                    continue;
                };
                match usize::try_from(r.weeks_ahead)
                    .ok()
                    .and_then(|a| c.checked_add(a))
                    .filter(|w| *w < cal.len())
                {
                    Some(w) => *sums.entry((sku, w)).or_default() += r.qty,
                    None => b.skip(RECEIPTS_AFTER, r.qty),
                }
            }
            for ((sku, w), q) in sums {
                b.cell(sku, SeriesField::ConfirmedReceipts, w, q);
            }
        }
    }
}

/// Whether a file's parts of a SKU-week's sales (or a SKU's stock) supersede the plan's
/// "not said" units: when the file names where all of them came from (sit). Units "not said"
/// are of unknown origin (typed, or imported before channels and locations were kept) and
/// most often the same units, so keeping them beside the named ones would count them twice.
fn supersedes(parts: &[(&str, Qty)]) -> bool {
    parts.iter().all(|(name, _)| *name != NOT_SAID)
}

/// The units of a SKU's parts (channels or locations) together.
fn units(parts: &[(&str, Qty)]) -> Qty {
    parts
        .iter()
        .fold(Qty::ZERO, |sum, (_, q)| Qty(sum.0.saturating_add(q.0)))
}

/// Gathers the parts of the edit.
struct Builder<'a> {
    wb: &'a Workbook,
    rules: &'a SkuRules,
    /// Codes a damaged code may be matched to.
    known: Known,
    /// Damaged codes matched to the plan's (file code -> plan code).
    restored: BTreeMap<String, String>,
    /// Damaged codes refused, with why.
    refused: BTreeMap<String, String>,
    /// Formula-looking codes not added for want of confirmation.
    formulas: BTreeSet<String>,
    /// SKUs added, by code, with their new index and product.
    added: Vec<Product>,
    index: BTreeMap<String, usize>,
    products: BTreeMap<usize, Product>,
    cells: BTreeMap<(usize, SeriesField, usize), Option<Qty>>,
    /// Left out or moved, with their units.
    skipped: BTreeMap<Why, (usize, Qty)>,
    /// How records of SKUs the plan does not know are counted (rows, SKU-weeks).
    unknown_sku: Why,
    unknown: BTreeSet<String>,
    writes: usize,
    /// Actual sales by channel of the SKUs the file touches, as they will be.
    channels: BTreeMap<usize, Channels>,
    /// With rows left out: the only SKUs replace may clear.
    only: Option<BTreeSet<String>>,
    left_out: usize,
}

impl<'a> Builder<'a> {
    /// Whether replace may clear this SKU's values.
    fn replaces(&self, sku: &str) -> bool {
        self.only.as_ref().is_none_or(|only| only.contains(sku))
    }

    fn new(wb: &'a Workbook, rules: &'a SkuRules, records: &Records) -> Self {
        let plan_codes = wb.plan().products.iter().map(|p| p.sku.as_str());
        let file_codes = records.skus().into_iter().map(str::trim);
        let known = Known::new(plan_codes.chain(file_codes));
        let index = wb
            .plan()
            .products
            .iter()
            .enumerate()
            .map(|(i, p)| (p.sku.clone(), i))
            .collect();
        Builder {
            wb,
            rules,
            known,
            restored: BTreeMap::new(),
            refused: BTreeMap::new(),
            formulas: BTreeSet::new(),
            added: Vec::new(),
            index,
            products: BTreeMap::new(),
            cells: BTreeMap::new(),
            skipped: BTreeMap::new(),
            unknown_sku: UNKNOWN_ROWS,
            unknown: BTreeSet::new(),
            writes: 0,
            channels: BTreeMap::new(),
            only: None,
            left_out: 0,
        }
    }

    /// The index of a SKU, adding it when the plan does not know it (and adding is wanted).
    fn sku(&mut self, code: &str, family: Option<&str>, units: Qty) -> Option<usize> {
        let code = code.trim();
        if let Some(&i) = self.index.get(code) {
            return Some(i);
        }
        if self.refused.contains_key(code) {
            return None;
        }
        match reconcile(code, &self.known) {
            Found::Restored(original) => {
                let i = self.sku(&original, family, units)?;
                self.restored.insert(code.to_string(), original);
                self.index.insert(code.to_string(), i);
                return Some(i);
            }
            Found::Refused(why) => {
                self.refused.insert(code.to_string(), why);
                return None;
            }
            Found::AsWritten => {}
        }
        if is_formula(code) && self.rules.add_unknown && !self.rules.confirm_formulas {
            self.formulas.insert(code.to_string());
            return None;
        }
        if !self.rules.add_unknown || code.is_empty() {
            self.unknown.insert(code.to_string());
            self.skip(self.unknown_sku, units);
            return None;
        }
        let i = self.wb.plan().products.len() + self.added.len();
        self.added
            .push(Product::new(code, code, family.unwrap_or(NEW_FAMILY)));
        self.index.insert(code.to_string(), i);
        Some(i)
    }

    /// The plan's code for a file's code (a damaged code matched), or the code as written.
    fn plan_code(&self, code: &str) -> String {
        let code = code.trim();
        match reconcile(code, &self.known) {
            Found::Restored(original) if !self.index.contains_key(code) => original,
            _ => code.to_string(),
        }
    }

    fn skip(&mut self, why: Why, units: Qty) {
        let e = self.skipped.entry(why).or_default();
        e.0 += 1;
        e.1 = Qty(e.1 .0.saturating_add(units.0));
    }

    fn cell(&mut self, sku: usize, field: SeriesField, week: usize, q: Qty) {
        self.writes += 1;
        self.cells.insert((sku, field, week), Some(q));
    }

    /// A SKU's channels as they will be (its split now, to start with).
    fn channels_of(&mut self, sku: usize) -> &mut Channels {
        let plan = self.wb.plan();
        self.channels.entry(sku).or_insert_with(|| {
            plan.series
                .get(sku)
                .map(|s| channels_of(s))
                .unwrap_or_default()
        })
    }

    /// One week of one channel's sales; the other channels keep theirs.
    fn sale(&mut self, sku: usize, channel: &str, week: usize, q: Qty) {
        self.writes += 1;
        let weeks = self.wb.plan().calendar.len();
        self.channels_of(sku)
            .entry(channel.to_string())
            .or_insert_with(|| vec![Qty::ZERO; weeks])[week] = q;
    }

    /// Zero one week of a SKU's "not said" sales (see [`supersedes`]).
    fn clear_unsaid_sale(&mut self, sku: usize, week: usize) {
        if let Some(unsaid) = self.channels_of(sku).get_mut(NOT_SAID) {
            unsaid[week] = Qty::ZERO;
        }
    }

    /// Zero one channel's sales over weeks for every SKU replace may clear.
    fn clear_channel(&mut self, channel: &str, weeks: std::ops::Range<usize>) {
        for sku in 0..self.wb.plan().products.len() {
            if !self.replaces(&self.wb.plan().products[sku].sku) {
                continue;
            }
            if let Some(values) = self.channels_of(sku).get_mut(channel) {
                for q in &mut values[weeks.clone()] {
                    *q = Qty::ZERO;
                }
            }
        }
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

    /// What was done with damaged and formula-looking codes, one sentence each.
    fn code_notes(&self) -> Vec<String> {
        let at = |code: &str| {
            self.rules
                .odd
                .line(code)
                .map_or(String::new(), |l| format!("line {l}: "))
        };
        let mut notes = Vec::new();
        if !self.restored.is_empty() {
            let pairs: Vec<String> = self
                .restored
                .iter()
                .map(|(from, to)| format!("{from} is {to}"))
                .collect();
            notes.push(format!(
                "codes Excel had changed, matched to the plan: {}",
                pairs.join(", ")
            ));
        }
        for (code, why) in self.refused.iter().take(5) {
            notes.push(format!("{}'{code}' {why}", at(code)));
        }
        if self.refused.len() > 5 {
            notes.push(format!(
                "{} more codes Excel damaged left out",
                self.refused.len() - 5
            ));
        }
        if !self.formulas.is_empty() {
            let list: Vec<String> = self
                .formulas
                .iter()
                .take(5)
                .map(|c| format!("{}'{c}'", at(c)))
                .collect();
            notes.push(format!(
                "codes that look like formulas were not added as SKUs: {}; confirm them to add them",
                list.join(", ")
            ));
        }
        notes
    }

    fn finish(self) -> Applied {
        let left_out: Vec<LeftOut> = self
            .skipped
            .iter()
            .map(|(why, (count, units))| LeftOut {
                why: *why,
                count: *count,
                units: *units,
            })
            .collect();
        let mut notes: Vec<String> = left_out.iter().map(|l| l.text(&Locale::EN_US)).collect();
        if self.left_out > 0 {
            notes.push(format!(
                "{} with errors left out: SKUs the file does not list keep their values",
                plural(self.left_out, "row", "rows")
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
        notes.extend(self.code_notes());
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
        let plan = self.wb.plan();
        edits.extend(
            self.channels
                .into_iter()
                .filter(|(sku, c)| plan.series.get(*sku).is_none_or(|s| channels_of(s) != *c))
                .map(|(sku, channels)| Edit::Channels { sku, channels }),
        );
        Applied {
            edit: Edit::Batch(edits),
            added,
            writes: self.writes,
            notes,
            left_out,
        }
    }
}
