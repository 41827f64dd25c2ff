//! The [`Builder`] gathers an import's edit: codes matched to the plan's (added, restored,
//! refused), cells and products written, channels kept, and what was left out with why.

use super::reconcile::{reconcile, Found, Known};
use super::report::{LeftOut, Why, UNKNOWN_ROWS};
use super::{Applied, SkuRules, NEW_FAMILY};
use crate::engine::edit::split::split;
use crate::engine::model::breakdown::{channels_of, Channels, NOT_SAID};
use crate::engine::{CellEdit, Edit, Product, Qty, SeriesField, Workbook};
use crate::import::error::plural;
use crate::import::read::codes::is_formula;
use crate::import::records::Records;
use crate::sheet::locale::Locale;
use std::collections::{BTreeMap, BTreeSet};

/// Gathers the parts of the edit.
pub(super) struct Builder<'a> {
    pub(super) wb: &'a Workbook,
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
    pub(super) unknown_sku: Why,
    unknown: BTreeSet<String>,
    writes: usize,
    /// Actual sales by channel of the SKUs the file touches, as they will be.
    channels: BTreeMap<usize, Channels>,
    /// With rows left out: the only SKUs replace may clear.
    pub(super) only: Option<BTreeSet<String>>,
    pub(super) left_out: usize,
}

impl<'a> Builder<'a> {
    /// Whether replace may clear this SKU's values.
    pub(super) fn replaces(&self, sku: &str) -> bool {
        self.only.as_ref().is_none_or(|only| only.contains(sku))
    }

    pub(super) fn new(wb: &'a Workbook, rules: &'a SkuRules, records: &Records) -> Self {
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
    pub(super) fn sku(&mut self, code: &str, family: Option<&str>, units: Qty) -> Option<usize> {
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
    pub(super) fn plan_code(&self, code: &str) -> String {
        let code = code.trim();
        match reconcile(code, &self.known) {
            Found::Restored(original) if !self.index.contains_key(code) => original,
            _ => code.to_string(),
        }
    }

    pub(super) fn skip(&mut self, why: Why, units: Qty) {
        let e = self.skipped.entry(why).or_default();
        e.0 += 1;
        e.1 = Qty(e.1 .0.saturating_add(units.0));
    }

    pub(super) fn cell(&mut self, sku: usize, field: SeriesField, week: usize, q: Qty) {
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
    pub(super) fn sale(&mut self, sku: usize, channel: &str, week: usize, q: Qty) {
        self.writes += 1;
        let weeks = self.wb.plan().calendar.len();
        self.channels_of(sku)
            .entry(channel.to_string())
            .or_insert_with(|| vec![Qty::ZERO; weeks])[week] = q;
    }

    /// Zero one week of a SKU's "not said" sales (see [`supersedes`]).
    pub(super) fn clear_unsaid_sale(&mut self, sku: usize, week: usize) {
        if let Some(unsaid) = self.channels_of(sku).get_mut(NOT_SAID) {
            unsaid[week] = Qty::ZERO;
        }
    }

    /// Zero one channel's sales over weeks for every SKU replace may clear.
    pub(super) fn clear_channel(&mut self, channel: &str, weeks: std::ops::Range<usize>) {
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
    pub(super) fn clear(&mut self, field: SeriesField, weeks: std::ops::Range<usize>) {
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
    pub(super) fn split(&mut self, sku: usize, weeks: std::ops::Range<usize>, total: Qty) {
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
    pub(super) fn product(&mut self, i: usize, change: impl FnOnce(&mut Product)) {
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

    pub(super) fn finish(self) -> Applied {
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
