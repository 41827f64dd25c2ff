//! Turning plan-file rows into a plan, one row at a time, checking each value with the
//! engine's own rules (`engine::edit::validate`) as it is read, so every problem is reported at
//! its line and column and the plan that comes out is always valid.
//!
//! Order matters only where it must: the calendar settings come before the first product or
//! series row (a product's series are sized by the calendar), and a product comes before
//! its series rows. The writer always writes settings, products, capacity, series.
//!
//! Here: the rows of the plan itself (products, capacity, series) and the checks every row
//! gets; [`settings`] reads the calendar settings, [`checkin`] the rows a shared plan adds
//! (the base check-in, notes, decisions, events, edited marks).

mod checkin;
mod settings;

use super::error::PlanFileError;
use super::format::{
    one_of, series_from_key, series_key, Record, Setting, HEADING, SAFETY_UNITS, SAFETY_WEEKS,
};
use super::inject::unprotect;
use super::number::{parse_f64, parse_money, parse_qty, parse_whole};
use crate::engine::edit::validate::{check_product, check_quantity};
use crate::engine::model::calendar::parse_iso_week;
use crate::engine::model::checkin::Snapshot;
use crate::engine::model::event::DemandEvent;
use crate::engine::model::qty::MAX_SKUS;
use crate::engine::model::series::SkuSeries;
use crate::engine::{Plan, PlanError, Product, Qty, SafetyStock, SeriesField};
use crate::import::error::thousands;
use settings::Settings;
use std::collections::{BTreeMap, HashMap};

/// One row of the file: its cells without the empty ones Excel pads rows with.
pub struct Row<'a> {
    pub line: usize,
    record: &'a csv::StringRecord,
    len: usize,
}

impl<'a> Row<'a> {
    pub fn new(line: usize, record: &'a csv::StringRecord) -> Row<'a> {
        let len = (0..record.len())
            .rev()
            .find(|&i| !record[i].is_empty())
            .map_or(0, |i| i + 1);
        Row { line, record, len }
    }

    /// Cell `i`, or `""` past the end.
    pub fn get(&self, i: usize) -> &'a str {
        if i < self.len {
            self.record.get(i).unwrap_or("")
        } else {
            ""
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// An error about cell `i` of a row of type `record`.
    pub(super) fn error(
        &self,
        record: Record,
        i: usize,
        reason: impl Into<String>,
    ) -> PlanFileError {
        let column = record
            .columns()
            .get(i)
            .map_or_else(|| (i + 1).to_string(), |c| c.to_string());
        PlanFileError::new(self.line, column, self.get(i), reason)
    }
}

/// Reads a plan file row by row into a checked plan: [`Builder::row`] for each row, then
/// [`Builder::finish`].
pub struct Builder {
    /// `;` files are Excel's in a decimal-comma locale: `12,5` is twelve and a half.
    decimal_comma: bool,
    settings: Settings,
    /// Built at the first product or series row.
    plan: Option<Plan>,
    /// SKU → (index in the plan, line of its product row).
    skus: HashMap<String, (usize, usize)>,
    /// Per SKU and week, one bit per series already read (duplicates are errors).
    seen: Vec<u8>,
    capacity: BTreeMap<String, (Qty, usize)>,
    /// The base check-in's products and cells where they differ from the plan.
    base_products: Vec<Product>,
    /// SKU code (a SKU of the check-in may be missing from the plan: added, then undone),
    /// series, week of the plan, value and the line it was read from.
    base_cells: Vec<(String, SeriesField, usize, Option<Qty>, usize)>,
    /// Demand events with their line, checked against the products at the end.
    events: Vec<(usize, DemandEvent)>,
    /// Channel and location rows, applied once the totals are read.
    splits: super::splits::SplitRows,
}

/// A plan file as read: the plan, and the check-in it shares with other copies (when the
/// file names one).
#[derive(Clone, Debug, PartialEq)]
pub struct PlanFile {
    pub plan: Plan,
    pub base: Option<Snapshot>,
}

impl Builder {
    pub fn new(decimal_comma: bool) -> Builder {
        Builder {
            decimal_comma,
            settings: Settings {
                cells: Default::default(),
                decimal_comma,
            },
            plan: None,
            skus: HashMap::new(),
            seen: Vec::new(),
            capacity: BTreeMap::new(),
            base_products: Vec::new(),
            base_cells: Vec::new(),
            events: Vec::new(),
            splits: Default::default(),
        }
    }

    /// Reads one row (not the version line).
    pub fn row(&mut self, row: &Row) -> Result<(), PlanFileError> {
        if row.get(0) == HEADING {
            return check_heading(row);
        }
        let record = Record::from_key(row.get(0)).ok_or_else(|| {
            PlanFileError::new(
                row.line,
                HEADING,
                row.get(0),
                format!(
                    "is not a record type ({})",
                    one_of(Record::ALL.map(Record::key))
                ),
            )
        })?;
        let columns = record.columns();
        let short_ok = record.trailing_may_be_empty() && row.len() >= 4;
        if row.len() != columns.len() && !(short_ok && row.len() < columns.len()) {
            return Err(row.error(
                record,
                0,
                format!(
                    "row has {} cells; a {} row has {}: {}",
                    row.len(),
                    record.key(),
                    columns.len(),
                    one_of(columns.iter().copied())
                ),
            ));
        }
        match record {
            Record::Setting => self.setting(row),
            Record::Product => self.product(row),
            Record::Capacity => self.capacity(row),
            Record::Series => self.series(row),
            Record::Note => self.note(row),
            Record::Decision => self.decision(row),
            Record::Event => self.event(row),
            Record::Edited => self.edited(row),
            Record::BaseProduct => {
                let product = read_product(row, Record::BaseProduct, self.decimal_comma)?;
                if self.base_products.len() >= MAX_SKUS {
                    let n = self.base_products.len() + 1;
                    return Err(too_many_products(row, Record::BaseProduct, n));
                }
                self.base_products.push(product);
                Ok(())
            }
            Record::BaseSeries => self.base_series(row),
            Record::Channel | Record::Location | Record::BaseChannel | Record::BaseLocation => {
                let plan = Builder::plan(&mut self.plan, &self.settings, row.line, record)?;
                self.splits
                    .read(row, record, Some(plan), self.decimal_comma)
            }
        }
    }

    /// The finished plan; `last_line` is where a missing setting is reported.
    pub fn finish(mut self, last_line: usize) -> Result<PlanFile, PlanFileError> {
        let mut plan = match self.plan.take() {
            Some(plan) => plan,
            None => Plan::new(self.settings.calendar(last_line, None)?),
        };
        plan.capacity = std::mem::take(&mut self.capacity)
            .into_iter()
            .map(|(family, (units, _))| (family, units))
            .collect();
        self.splits.apply(&mut plan)?;
        let text = |s: Setting| {
            self.settings.cells[s as usize]
                .as_ref()
                .map(|c| unprotect(&c.value).to_string())
        };
        for (line, e) in std::mem::take(&mut self.events) {
            e.check_fields()
                .map_err(|reason| PlanFileError::new(line, "event", e.name.as_str(), reason))?;
            if plan.events.iter().any(|x| x.id == e.id) {
                return Err(PlanFileError::new(
                    line,
                    "id",
                    e.id.as_str(),
                    "is a second event with this id",
                ));
            }
            plan.events.push(e);
        }
        plan.meta.id = text(Setting::PlanId).unwrap_or_default();
        plan.meta.author = text(Setting::Author).unwrap_or_default();
        plan.meta.base = text(Setting::BaseCheckin).filter(|b| !b.is_empty());
        if let Some(cell) = &self.settings.cells[Setting::Revision as usize] {
            plan.meta.revision = parse_whole(&cell.value, false)
                .ok()
                .and_then(|r| u64::try_from(r).ok())
                .ok_or_else(|| {
                    PlanFileError::new(
                        cell.line,
                        "value",
                        cell.value.as_str(),
                        "is not a revision (a whole number, 0 or more)",
                    )
                })?;
        }
        let base = match &plan.meta.base {
            None => None,
            Some(id) => Some(self.base(&plan, id.clone())?),
        };
        Ok(PlanFile { plan, base })
    }

    /// The plan, with its calendar built from the settings at the first row that needs it.
    fn plan<'p>(
        plan: &'p mut Option<Plan>,
        settings: &Settings,
        line: usize,
        record: Record,
    ) -> Result<&'p mut Plan, PlanFileError> {
        let built = match plan.take() {
            Some(p) => p,
            None => Plan::new(settings.calendar(line, Some(record))?),
        };
        Ok(plan.insert(built))
    }

    fn product(&mut self, row: &Row) -> Result<(), PlanFileError> {
        let r = Record::Product;
        let product = read_product(row, r, self.decimal_comma)?;
        if self.skus.len() >= MAX_SKUS {
            return Err(too_many_products(row, r, self.skus.len() + 1));
        }
        if let Some((_, first)) = self.skus.get(&product.sku) {
            return Err(row.error(
                r,
                1,
                format!("is a second product with this SKU (first on line {first})"),
            ));
        }
        let line = row.line;
        let plan = Builder::plan(&mut self.plan, &self.settings, line, r)?;
        let sku = product.sku.clone();
        let index = plan.add_product(product);
        let weeks = plan.calendar.len();
        self.skus.insert(sku, (index, line));
        self.seen.resize((index + 1) * weeks, 0);
        Ok(())
    }

    fn capacity(&mut self, row: &Row) -> Result<(), PlanFileError> {
        let r = Record::Capacity;
        let family = unprotect(row.get(1)).to_string();
        let units = parse_qty(row.get(2), self.decimal_comma).map_err(|e| row.error(r, 2, e))?;
        check_quantity(&format!("capacity of {family}"), units)
            .map_err(|e| engine_error(row, r, e))?;
        if let Some((_, first)) = self.capacity.get(&family) {
            return Err(row.error(
                r,
                1,
                format!("has a second capacity row (first on line {first})"),
            ));
        }
        self.capacity.insert(family, (units, row.line));
        Ok(())
    }

    fn series(&mut self, row: &Row) -> Result<(), PlanFileError> {
        let r = Record::Series;
        let dc = self.decimal_comma;
        let plan = Builder::plan(&mut self.plan, &self.settings, row.line, r)?;
        let sku = unprotect(row.get(1));
        let &(index, _) = self.skus.get(&*sku).ok_or_else(|| {
            row.error(
                r,
                1,
                "is not a product in this file (a product row must come before its series)",
            )
        })?;
        let field = series_from_key(row.get(2)).ok_or_else(|| {
            row.error(
                r,
                2,
                format!(
                    "is not a series ({})",
                    one_of(SeriesField::ALL.map(series_key))
                ),
            )
        })?;
        let cal = &plan.calendar;
        let monday = parse_iso_week(row.get(3))
            .ok_or_else(|| row.error(r, 3, "is not an ISO week like 2026-W48"))?;
        let week = cal.index_of_date(monday).ok_or_else(|| {
            row.error(
                r,
                3,
                format!(
                    "is outside the plan ({} to {})",
                    cal.label(0),
                    cal.label(cal.len() as isize - 1)
                ),
            )
        })?;
        let value = parse_qty(row.get(4), dc).map_err(|e| row.error(r, 4, e))?;
        check_quantity(field.label(), value).map_err(|e| engine_error(row, r, e))?;
        let bit = 1u8 << (field as u8);
        let seen = &mut self.seen[index * cal.len() + week];
        if *seen & bit != 0 {
            return Err(row.error(
                r,
                3,
                format!(
                    "repeats the {} of {sku} in this week; each cell appears once",
                    field.label()
                ),
            ));
        }
        *seen |= bit;
        plan.series_mut(index).set(field, week, Some(value));
        Ok(())
    }
}

/// Cell 2 as a series field; `reason` starts the message when it is not one.
fn field_of(row: &Row, r: Record, reason: &str) -> Result<SeriesField, PlanFileError> {
    series_from_key(row.get(2)).ok_or_else(|| {
        row.error(
            r,
            2,
            format!("{reason} ({})", one_of(SeriesField::ALL.map(series_key))),
        )
    })
}

/// A product row's cells as a checked product.
fn read_product(row: &Row, r: Record, dc: bool) -> Result<Product, PlanFileError> {
    let qty = |i: usize| parse_qty(row.get(i), dc).map_err(|e| row.error(r, i, e));
    let money = |i: usize| parse_money(row.get(i), dc).map_err(|e| row.error(r, i, e));
    let safety_stock = match row.get(8) {
        SAFETY_UNITS => SafetyStock::Units(qty(7)?),
        SAFETY_WEEKS => {
            SafetyStock::WeeksOfCover(parse_f64(row.get(7), dc).map_err(|e| row.error(r, 7, e))?)
        }
        _ => {
            return Err(row.error(
                r,
                8,
                format!("is not a safety stock unit ({SAFETY_UNITS}, {SAFETY_WEEKS})"),
            ))
        }
    };
    let lead_time_weeks = parse_whole(row.get(6), dc)
        .map_err(|e| row.error(r, 6, e))
        .and_then(|w| {
            u32::try_from(w).map_err(|_| row.error(r, 6, "is not a number of weeks (0 to 104)"))
        })?;
    let product = Product {
        sku: unprotect(row.get(1)).to_string(),
        name: unprotect(row.get(2)).to_string(),
        family: unprotect(row.get(3)).to_string(),
        unit_cost: money(4)?,
        unit_price: money(5)?,
        lead_time_weeks,
        safety_stock,
        moq: qty(9)?,
        order_multiple: qty(10)?,
        on_hand: qty(11)?,
        locations: Default::default(),
    };
    check_product(&product).map_err(|e| engine_error(row, r, e))?;
    Ok(product)
}

/// A heading row must name the columns of one record type, in order, so a column moved in a
/// spreadsheet is caught here rather than read into the wrong attribute.
fn check_heading(row: &Row) -> Result<(), PlanFileError> {
    let matching = |r: &Record| {
        (0..row.len())
            .take_while(|&i| r.columns().get(i) == Some(&row.get(i)))
            .count()
    };
    // The first record with the longest match (product before base-product, which share
    // their columns).
    let Some(best) = Record::ALL.into_iter().rev().max_by_key(matching) else {
        return Ok(());
    };
    let columns = best.columns();
    let i = matching(&best);
    if i == columns.len() && i == row.len() {
        return Ok(());
    }
    let expected = one_of(columns.iter().copied());
    let reason = match columns.get(i) {
        Some(c) => format!(
            "is not the heading {c}; {} columns are {expected}",
            best.key()
        ),
        None => format!("is not a column of {} rows ({expected})", best.key()),
    };
    Err(row.error(best, i, reason))
}

/// An engine validation error, placed at the column it is about.
fn engine_error(row: &Row, record: Record, e: PlanError) -> PlanFileError {
    match e {
        PlanError::BadValue { what, reason, .. } => {
            let column = ENGINE_NAMES
                .iter()
                .find(|(name, _)| what.starts_with(name))
                .and_then(|(_, column)| record.columns().iter().position(|c| c == column))
                .unwrap_or(record.columns().len() - 1);
            row.error(record, column, reason)
        }
        other => row.error(record, 0, other.to_string()),
    }
}

/// How `engine::edit::validate` names a value, and the plan-file column that holds it.
const ENGINE_NAMES: [(&str, &str); 8] = [
    ("SKU", "sku"),
    ("unit cost", "unit_cost"),
    ("unit price", "unit_price"),
    ("lead time", "lead_time_weeks"),
    ("MOQ", "moq"),
    ("order multiple", "order_multiple"),
    ("on hand", "on_hand"),
    ("safety stock", "safety_stock"),
];

/// A SKU's series cut to its first `weeks` weeks.
fn truncate(s: &mut SkuSeries, weeks: usize) {
    s.actual.truncate(weeks);
    s.forecast.truncate(weeks);
    s.consensus.truncate(weeks);
    s.confirmed_receipts.truncate(weeks);
    s.planned_receipts.truncate(weeks);
    for values in s.channels.values_mut() {
        values.truncate(weeks);
    }
    crate::engine::model::breakdown::tidy_channels(&mut s.channels);
}

/// A plan file holds at most [`MAX_SKUS`] products (as a plan does): the row that would be
/// one more is refused, naming the cap and its count, and nothing of the file is read.
fn too_many_products(row: &Row, r: Record, n: usize) -> PlanFileError {
    row.error(
        r,
        1,
        format!(
            "is product {}: a plan file holds at most {} products (a plan holds at most {} SKUs)",
            thousands(n),
            thousands(MAX_SKUS),
            thousands(MAX_SKUS)
        ),
    )
}
