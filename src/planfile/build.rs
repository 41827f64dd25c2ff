//! Turning plan-file rows into a plan, one row at a time, checking each value with the
//! engine's own rules (`engine::edit::validate`) as it is read, so every problem is reported at
//! its line and column and the plan that comes out is always valid.
//!
//! Order matters only where it must: the calendar settings come before the first product or
//! series row (a product's series are sized by the calendar), and a product comes before
//! its series rows. The writer always writes settings, products, capacity, series.

use super::error::PlanFileError;
use super::format::{
    one_of, series_from_key, series_key, Record, Setting, EDITED_PRODUCT, EVENT_OFF, EVENT_ON,
    HEADING, SAFETY_UNITS, SAFETY_WEEKS, SKU_LIST,
};
use super::inject::unprotect;
use super::number::{parse_f64, parse_money, parse_qty, parse_whole};
use crate::engine::edit::validate::{check_product, check_quantity};
use crate::engine::model::calendar::{parse_iso_week, MAX_HORIZON};
use crate::engine::model::checkin::Snapshot;
use crate::engine::model::decision::{Decision, MAX_DECISION};
use crate::engine::model::event::{DemandEvent, Lift};
use crate::engine::model::note::{Note, MAX_NOTE};
use crate::engine::model::qty::MAX_SKUS;
use crate::engine::model::series::SkuSeries;
use crate::engine::{Calendar, Plan, PlanError, Product, Qty, SafetyStock, SeriesField, Slot};
use crate::import::error::thousands;
use chrono::Datelike;
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

/// A calendar setting as read, before the calendar is built.
struct SettingCell {
    value: String,
    line: usize,
}

/// The settings read so far.
struct Settings {
    cells: [Option<SettingCell>; Setting::ALL.len()],
    decimal_comma: bool,
}

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

    /// The base check-in: the plan with the base's own week as its current week, its
    /// products and cells where the file says they differ.
    fn base(&self, plan: &Plan, id: String) -> Result<Snapshot, PlanFileError> {
        let cal = &plan.calendar;
        let mut base = plan.clone();
        if let Some(cell) = &self.settings.cells[Setting::BaseWeek as usize] {
            let week = parse_iso_week(&cell.value)
                .and_then(|monday| cal.index_of_date(monday))
                .ok_or_else(|| {
                    PlanFileError::new(
                        cell.line,
                        "value",
                        cell.value.as_str(),
                        format!(
                            "is not a week of the plan ({} to {})",
                            cal.label(0),
                            cal.label(cal.len() as isize - 1)
                        ),
                    )
                })?;
            // The check-in started where the plan starts and looked as far ahead as a plan
            // may: it ends with the plan or at most MAX_HORIZON weeks after its own week (a
            // week-old check-in of a 104-week plan ended a week before the plan does).
            let horizon = (cal.len() - week).min(MAX_HORIZON);
            base.calendar = Calendar::around(cal.monday(week as isize), week, horizon)
                .map_err(|e| PlanFileError::new(cell.line, "value", cell.value.as_str(), e))?;
            let weeks = base.calendar.len();
            if weeks < cal.len() {
                for s in &mut base.series {
                    truncate(std::sync::Arc::make_mut(s), weeks);
                }
                base.authors
                    .retain(|_, slot| !matches!(slot, Slot::Cell(_, w) if w >= weeks));
            }
        }
        let weeks = base.calendar.len();
        for p in &self.base_products {
            match base.sku_index(&p.sku) {
                Some(i) => base.products[i] = p.clone(),
                None => {
                    base.add_product(p.clone());
                }
            }
        }
        for (sku, field, week, value, line) in &self.base_cells {
            if *week >= weeks {
                return Err(PlanFileError::new(
                    *line,
                    "week",
                    cal.label(*week as isize),
                    format!(
                        "is after the base check-in's last week {}",
                        cal.label(weeks as isize - 1)
                    ),
                ));
            }
            if let Some(i) = base.sku_index(sku) {
                base.series_mut(i).set(*field, *week, *value);
            }
        }
        let rewritten = self.base_products.iter().map(|p| p.sku.clone()).collect();
        self.splits.apply_base(&mut base, plan, &rewritten)?;
        // The file does not hold the base's events: unknown, so a merge takes events from
        // either copy (none is read as removed).
        base.events.clear();
        let text = |s: Setting| {
            self.settings.cells[s as usize]
                .as_ref()
                .map(|c| unprotect(&c.value).to_string())
                .unwrap_or_default()
        };
        Ok(Snapshot {
            id,
            taken: text(Setting::BaseTaken),
            author: text(Setting::BaseAuthor),
            plan: base,
        })
    }

    fn note(&mut self, row: &Row) -> Result<(), PlanFileError> {
        let r = Record::Note;
        let cell = |i: usize| unprotect(row.get(i)).to_string();
        let optional = |i: usize| Some(cell(i)).filter(|v| !v.is_empty());
        let text = cell(6);
        if text.trim().is_empty() {
            return Err(row.error(r, 6, "is empty; a note needs its text"));
        }
        if text.chars().count() > MAX_NOTE {
            return Err(row.error(r, 6, format!("is longer than {MAX_NOTE} characters")));
        }
        if cell(1).is_empty() {
            return Err(row.error(r, 1, "is empty; a note belongs to a SKU, family or total"));
        }
        let plan = Builder::plan(&mut self.plan, &self.settings, row.line, r)?;
        plan.notes.push(Note {
            sku: cell(1),
            period: optional(2),
            measure: optional(3),
            author: cell(4),
            written: cell(5),
            text,
        });
        Ok(())
    }

    fn decision(&mut self, row: &Row) -> Result<(), PlanFileError> {
        let r = Record::Decision;
        let cell = |i: usize| unprotect(row.get(i)).to_string();
        let d = Decision {
            id: cell(1),
            made: cell(2),
            author: cell(3),
            owner: cell(4),
            due: cell(5),
            text: cell(6),
            skus: cell(7)
                .split(SKU_LIST)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            weeks: cell(8),
            closed: Some(cell(9)).filter(|c| !c.is_empty()),
        };
        for (i, what) in [(1, "an id"), (4, "an owner"), (6, "a text")] {
            if row.get(i).trim().is_empty() {
                return Err(row.error(r, i, format!("is empty; a decision needs {what}")));
            }
        }
        if d.text.chars().count() > MAX_DECISION {
            return Err(row.error(r, 6, format!("is longer than {MAX_DECISION} characters")));
        }
        let plan = Builder::plan(&mut self.plan, &self.settings, row.line, r)?;
        if plan.decisions.iter().any(|x| x.id == d.id) {
            return Err(row.error(r, 1, "is a second decision with this id"));
        }
        plan.decisions.push(d);
        Ok(())
    }

    fn event(&mut self, row: &Row) -> Result<(), PlanFileError> {
        let r = Record::Event;
        let cell = |i: usize| unprotect(row.get(i)).to_string();
        if row.get(1).trim().is_empty() {
            return Err(row.error(r, 1, "is empty; an event needs an id"));
        }
        let amount =
            parse_qty(row.get(7), self.decimal_comma).map_err(|reason| row.error(r, 7, reason))?;
        let lift = match row.get(6).trim() {
            "percent" => Lift::Percent(amount),
            "units" => Lift::Units(amount),
            _ => return Err(row.error(r, 6, "is not percent or units")),
        };
        let active = match row.get(8).trim() {
            EVENT_ON => true,
            EVENT_OFF => false,
            _ => return Err(row.error(r, 8, "is not yes or no")),
        };
        Builder::plan(&mut self.plan, &self.settings, row.line, r)?;
        self.events.push((
            row.line,
            DemandEvent {
                id: cell(1),
                name: cell(2),
                target: cell(3),
                first: cell(4),
                last: cell(5),
                lift,
                active,
                author: cell(9),
            },
        ));
        Ok(())
    }

    fn edited(&mut self, row: &Row) -> Result<(), PlanFileError> {
        let r = Record::Edited;
        self.known_sku(row, r)?;
        let slot = if row.get(2) == EDITED_PRODUCT {
            Slot::Product
        } else {
            let field = field_of(row, r, &format!("is neither {EDITED_PRODUCT} nor a series"))?;
            Slot::Cell(field, self.week_of(row, r, 4)?)
        };
        let by = unprotect(row.get(3));
        if by.trim().is_empty() {
            return Err(row.error(r, 3, "is empty; say who made the change"));
        }
        if let Some(plan) = self.plan.as_mut() {
            let sku = unprotect(row.get(1));
            plan.authors
                .set(&sku, slot, Some(std::sync::Arc::from(&*by)));
        }
        Ok(())
    }

    fn base_series(&mut self, row: &Row) -> Result<(), PlanFileError> {
        let r = Record::BaseSeries;
        let dc = self.decimal_comma;
        // A SKU of the plan, or one only the check-in has (its base-product row comes first).
        Builder::plan(&mut self.plan, &self.settings, row.line, r)?;
        let sku = unprotect(row.get(1));
        if !self.skus.contains_key(sku.as_ref())
            && !self.base_products.iter().any(|p| p.sku == sku.as_ref())
        {
            return Err(row.error(r, 1, "is not a product in this file"));
        }
        let sku = sku.to_string();
        let field = field_of(row, r, "is not a series")?;
        let week = self.week_of(row, r, 3)?;
        let value = match row.get(4) {
            "" => None,
            raw => {
                let v = parse_qty(raw, dc).map_err(|e| row.error(r, 4, e))?;
                check_quantity(field.label(), v).map_err(|e| engine_error(row, r, e))?;
                Some(v)
            }
        };
        self.base_cells.push((sku, field, week, value, row.line));
        Ok(())
    }

    /// The plan index of the SKU in cell 1, which must have a product row above.
    fn known_sku(&mut self, row: &Row, r: Record) -> Result<usize, PlanFileError> {
        Builder::plan(&mut self.plan, &self.settings, row.line, r)?;
        self.skus
            .get(&*unprotect(row.get(1)))
            .map(|&(index, _)| index)
            .ok_or_else(|| row.error(r, 1, "is not a product in this file"))
    }

    /// Cell `i` as a week of the plan.
    fn week_of(&self, row: &Row, r: Record, i: usize) -> Result<usize, PlanFileError> {
        let Some(plan) = &self.plan else {
            return Err(row.error(r, 0, "comes before the settings"));
        };
        let cal = &plan.calendar;
        let monday = parse_iso_week(row.get(i))
            .ok_or_else(|| row.error(r, i, "is not an ISO week like 2026-W48"))?;
        cal.index_of_date(monday).ok_or_else(|| {
            row.error(
                r,
                i,
                format!(
                    "is outside the plan ({} to {})",
                    cal.label(0),
                    cal.label(cal.len() as isize - 1)
                ),
            )
        })
    }

    fn setting(&mut self, row: &Row) -> Result<(), PlanFileError> {
        let r = Record::Setting;
        let setting = Setting::from_key(row.get(1)).ok_or_else(|| {
            row.error(
                r,
                1,
                format!(
                    "is not a setting ({})",
                    one_of(Setting::ALL.map(Setting::key))
                ),
            )
        })?;
        if self.plan.is_some() {
            return Err(row.error(
                r,
                1,
                "comes after the first product or series row; settings come first",
            ));
        }
        let slot = &mut self.settings.cells[setting as usize];
        if let Some(first) = slot {
            return Err(row.error(r, 1, format!("is set twice (first on line {})", first.line)));
        }
        *slot = Some(SettingCell {
            value: row.get(2).to_string(),
            line: row.line,
        });
        Ok(())
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

impl Settings {
    /// `record` is the row that needs the calendar; `None` at the end of the file.
    fn calendar(&self, line: usize, record: Option<Record>) -> Result<Calendar, PlanFileError> {
        let all = one_of(Setting::CALENDAR.map(Setting::key));
        let [first, current, weeks] = Setting::CALENDAR.map(|s| {
            self.cells[s as usize].as_ref().ok_or_else(|| match record {
                Some(r) => PlanFileError::new(
                    line,
                    HEADING,
                    r.key(),
                    format!(
                        "comes before the setting {}; the settings {all} come first",
                        s.key()
                    ),
                ),
                None => PlanFileError::new(
                    line,
                    "key",
                    s.key(),
                    format!("is missing; a plan file sets {all}"),
                ),
            })
        });
        let (first, current, weeks) = (first?, current?, weeks?);
        let value_error = |cell: &SettingCell, reason: String| {
            PlanFileError::new(cell.line, "value", cell.value.as_str(), reason)
        };
        // Spreadsheets' own date range; it also keeps every week of the plan a valid date.
        let week = |cell: &SettingCell| match parse_iso_week(&cell.value) {
            Some(monday) if (1900..=9999).contains(&monday.year()) => Ok(monday),
            Some(_) => Err(value_error(
                cell,
                "is not a week from 1900 to 9999".to_string(),
            )),
            None => Err(value_error(
                cell,
                "is not an ISO week like 2026-W48".to_string(),
            )),
        };
        let (first_monday, current_monday) = (week(first)?, week(current)?);
        let history = (current_monday - first_monday).num_weeks();
        if history < 0 {
            return Err(value_error(
                current,
                format!("is before the first week {}", first.value),
            ));
        }
        let count = parse_whole(&weeks.value, self.decimal_comma)
            .map_err(|reason| value_error(weeks, reason.to_string()))?;
        if count <= history {
            return Err(value_error(
                weeks,
                format!(
                    "weeks end before the current week {} (week {} of the plan)",
                    current.value,
                    history + 1
                ),
            ));
        }
        let horizon = usize::try_from(count - history).unwrap_or(usize::MAX);
        Calendar::around(current_monday, history as usize, horizon).map_err(|reason| {
            value_error(
                if reason.contains("history") {
                    current
                } else {
                    weeks
                },
                format!("does not fit: {reason}"),
            )
        })
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
