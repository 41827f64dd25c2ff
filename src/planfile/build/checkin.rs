//! The rows a shared plan adds to the plan itself: its base check-in (the plan as last
//! shared, where it differs), notes, decisions, demand events and the marks of edited
//! cells. Each is checked against the plan's products and weeks as it is read.

use super::{engine_error, field_of, truncate, Builder, Row};
use crate::engine::edit::validate::check_quantity;
use crate::engine::model::calendar::{parse_iso_week, MAX_HORIZON};
use crate::engine::model::checkin::Snapshot;
use crate::engine::model::decision::{Decision, MAX_DECISION};
use crate::engine::model::event::{DemandEvent, Lift};
use crate::engine::model::note::{Note, MAX_NOTE};
use crate::engine::{Calendar, Plan, Slot};
use crate::planfile::error::PlanFileError;
use crate::planfile::format::{Record, Setting, EDITED_PRODUCT, EVENT_OFF, EVENT_ON, SKU_LIST};
use crate::planfile::inject::unprotect;
use crate::planfile::number::parse_qty;

impl Builder {
    /// The base check-in: the plan with the base's own week as its current week, its
    /// products and cells where the file says they differ.
    pub(super) fn base(&self, plan: &Plan, id: String) -> Result<Snapshot, PlanFileError> {
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

    pub(super) fn note(&mut self, row: &Row) -> Result<(), PlanFileError> {
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

    pub(super) fn decision(&mut self, row: &Row) -> Result<(), PlanFileError> {
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

    pub(super) fn event(&mut self, row: &Row) -> Result<(), PlanFileError> {
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

    pub(super) fn edited(&mut self, row: &Row) -> Result<(), PlanFileError> {
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

    pub(super) fn base_series(&mut self, row: &Row) -> Result<(), PlanFileError> {
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
    pub(super) fn known_sku(&mut self, row: &Row, r: Record) -> Result<usize, PlanFileError> {
        Builder::plan(&mut self.plan, &self.settings, row.line, r)?;
        self.skus
            .get(&*unprotect(row.get(1)))
            .map(|&(index, _)| index)
            .ok_or_else(|| row.error(r, 1, "is not a product in this file"))
    }

    /// Cell `i` as a week of the plan.
    pub(super) fn week_of(&self, row: &Row, r: Record, i: usize) -> Result<usize, PlanFileError> {
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
}
