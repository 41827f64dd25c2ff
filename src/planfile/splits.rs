//! Actual sales by channel and stock on hand by location in the plan file (version 3).
//!
//! - `channel,<sku>,<channel>,<week>,<units>`: a week's units of one channel, written where
//!   not zero; an empty channel is "not said". A SKU's channel rows must add up to its
//!   actual sales in every week.
//! - `location,<sku>,<location>,<units>`: stock at one location; they must add up to the
//!   product's on hand.
//! - `base-channel` rows: the base check-in's units of a channel in a week where they differ
//!   from the plan's (only for SKUs with a split in either). `base-location` rows: the base's
//!   locations, in full, for each SKU whose `base-product` row is written.
//!
//! A file without these rows is a plan without splits (all of it "not said").

use super::build::Row;
use super::error::PlanFileError;
use super::format::Record;
use super::inject::{protect, push_record, unprotect};
use super::number::parse_qty;
use crate::engine::edit::validate::{check_channels, check_locations, check_quantity};
use crate::engine::model::breakdown::{channels_of, tidy_channels, tidy_locations, Channels};
use crate::engine::model::calendar::parse_iso_week;
use crate::engine::{Plan, Product, Qty};
use std::collections::{BTreeMap, BTreeSet};

/// Whether the plan (or its base) needs version 3 of the file.
pub fn has_splits(plan: &Plan) -> bool {
    plan.products.iter().any(|p| !p.locations.is_empty())
        || plan.series.iter().any(|s| !s.channels.is_empty())
}

/// The `channel` and `location` rows of the plan, each under its heading.
pub fn write(w: &mut String, plan: &Plan) {
    let cal = &plan.calendar;
    if plan.series.iter().any(|s| !s.channels.is_empty()) {
        push_record(w, Record::Channel.columns());
        for (p, s) in plan.products.iter().zip(&plan.series) {
            for (name, values) in &s.channels {
                for (i, q) in values.iter().enumerate().filter(|(_, q)| **q != Qty::ZERO) {
                    let week = cal.label(i as isize);
                    let cells = [
                        Record::Channel.key(),
                        &protect(&p.sku),
                        &protect(name),
                        &week,
                        &q.to_string(),
                    ];
                    push_record(w, cells);
                }
            }
        }
    }
    if plan.products.iter().any(|p| !p.locations.is_empty()) {
        push_record(w, Record::Location.columns());
        for p in &plan.products {
            write_locations(w, Record::Location, p);
        }
    }
}

fn write_locations(w: &mut String, record: Record, p: &Product) {
    for (name, q) in &p.locations {
        push_record(
            w,
            [
                record.key(),
                &protect(&p.sku),
                &protect(name),
                &q.to_string(),
            ],
        );
    }
}

/// The base check-in's splits where they differ from the plan's (see the module notes);
/// `written` are the base products whose `base-product` row was written.
pub fn write_base(w: &mut String, plan: &Plan, base: &Plan, written: &[&Product]) {
    if written.iter().any(|p| !p.locations.is_empty()) {
        push_record(w, Record::BaseLocation.columns());
        for p in written {
            write_locations(w, Record::BaseLocation, p);
        }
    }
    let cal = &plan.calendar;
    let mut heading = false;
    for (bi, p) in base.products.iter().enumerate() {
        let then = &base.series[bi];
        let now = plan.sku_index(&p.sku).map(|i| &*plan.series[i]);
        if then.channels.is_empty() && now.is_none_or(|s| s.channels.is_empty()) {
            continue;
        }
        let (then, now) = (channels_of(then), now.map(channels_of).unwrap_or_default());
        let names: BTreeSet<&String> = then.keys().chain(now.keys()).collect();
        for name in names {
            for week in 0..cal.len() {
                let Some(bw) = base.calendar.index_of_date(cal.monday(week as isize)) else {
                    continue;
                };
                let at = |c: &Channels, w: usize| c.get(name).and_then(|v| v.get(w)).copied();
                let (b, n) = (
                    at(&then, bw).unwrap_or_default(),
                    at(&now, week).unwrap_or_default(),
                );
                if b == n {
                    continue;
                }
                if !heading {
                    push_record(w, Record::BaseChannel.columns());
                    heading = true;
                }
                let cells = [
                    Record::BaseChannel.key(),
                    &protect(&p.sku),
                    &protect(name),
                    &cal.label(week as isize),
                    &b.to_string(),
                ];
                push_record(w, cells);
            }
        }
    }
}

/// One split row as read: SKU code, channel or location, week (channels), units, line.
type SplitRow = (String, String, Option<usize>, Qty, usize);

/// The split rows of a file, applied to the plan (and its base) once all rows are read.
#[derive(Default)]
pub struct SplitRows {
    rows: BTreeMap<&'static str, Vec<SplitRow>>,
}

impl SplitRows {
    /// Reads one `channel`, `location`, `base-channel` or `base-location` row.
    pub fn read(
        &mut self,
        row: &Row,
        r: Record,
        plan: Option<&Plan>,
        dc: bool,
    ) -> Result<(), PlanFileError> {
        let Some(plan) = plan else {
            return Err(row.error(r, 0, "comes before the settings"));
        };
        let sku = unprotect(row.get(1)).to_string();
        let name = unprotect(row.get(2)).to_string();
        let (week, units) = match r {
            Record::Channel | Record::BaseChannel => {
                let cal = &plan.calendar;
                let week = parse_iso_week(row.get(3))
                    .and_then(|monday| cal.index_of_date(monday))
                    .ok_or_else(|| {
                        let range =
                            format!("{} to {}", cal.label(0), cal.label(cal.len() as isize - 1));
                        row.error(r, 3, format!("is not an ISO week of the plan ({range})"))
                    })?;
                (Some(week), 4)
            }
            _ => (None, 3),
        };
        let q = parse_qty(row.get(units), dc).map_err(|e| row.error(r, units, e))?;
        check_quantity("units", q).map_err(|e| row.error(r, units, e.to_string()))?;
        self.rows
            .entry(r.key())
            .or_default()
            .push((sku, name, week, q, row.line));
        Ok(())
    }

    /// Gives the plan its channels and locations, checked against its totals.
    pub fn apply(&self, plan: &mut Plan) -> Result<(), PlanFileError> {
        let rows = |r: Record| {
            self.rows
                .get(r.key())
                .map(Vec::as_slice)
                .unwrap_or_default()
        };
        let weeks = plan.calendar.len();
        let mut first_line: BTreeMap<usize, usize> = BTreeMap::new();
        for (sku, name, week, q, line) in rows(Record::Channel) {
            let i = index(plan, sku, *line, Record::Channel)?;
            first_line.entry(i).or_insert(*line);
            let values = plan
                .series_mut(i)
                .channels
                .entry(name.clone())
                .or_insert_with(|| vec![Qty::ZERO; weeks]);
            let w = week.unwrap_or_default();
            if values[w] != Qty::ZERO {
                return Err(PlanFileError::new(
                    *line,
                    "week",
                    plan.calendar.label(w as isize),
                    "repeats this channel's units in this week; each appears once",
                ));
            }
            values[w] = *q;
        }
        for (i, line) in first_line {
            let s = &plan.series[i];
            check_channels(&plan.products[i].sku, s, &plan.calendar)
                .map_err(|e| PlanFileError::new(line, "units", "", e.to_string()))?;
            tidy_channels(&mut plan.series_mut(i).channels);
        }
        locations(
            plan,
            rows(Record::Location),
            Record::Location,
            &BTreeSet::new(),
        )
    }

    /// Gives the base check-in its splits: `rewritten` are the SKUs whose `base-product` row
    /// replaced the plan's product (their locations are the `base-location` rows).
    pub fn apply_base(
        &self,
        base: &mut Plan,
        plan: &Plan,
        rewritten: &BTreeSet<String>,
    ) -> Result<(), PlanFileError> {
        let rows = |r: Record| {
            self.rows
                .get(r.key())
                .map(Vec::as_slice)
                .unwrap_or_default()
        };
        let weeks = base.calendar.len();
        let mut touched: BTreeMap<usize, (Channels, usize)> = BTreeMap::new();
        for (sku, name, week, q, line) in rows(Record::BaseChannel) {
            let Some(i) = base.sku_index(sku) else {
                return Err(PlanFileError::new(
                    *line,
                    "sku",
                    sku.as_str(),
                    "is not a product of the base check-in",
                ));
            };
            let w = week.unwrap_or_default();
            if w >= weeks {
                return Err(PlanFileError::new(
                    *line,
                    "week",
                    base.calendar.label(w as isize),
                    "is after the base check-in's last week",
                ));
            }
            let start = || {
                let mut c = plan
                    .sku_index(sku)
                    .map(|p| channels_of(&plan.series[p]))
                    .unwrap_or_default();
                c.values_mut().for_each(|v| v.truncate(weeks));
                (c, *line)
            };
            let (c, _) = touched.entry(i).or_insert_with(start);
            c.entry(name.clone())
                .or_insert_with(|| vec![Qty::ZERO; weeks])[w] = *q;
        }
        for (i, (mut c, line)) in touched {
            tidy_channels(&mut c);
            base.series_mut(i).channels = c;
            check_channels(&base.products[i].sku, &base.series[i], &base.calendar).map_err(
                |e| PlanFileError::new(line, "units", "", format!("base check-in: {e}")),
            )?;
        }
        locations(
            base,
            rows(Record::BaseLocation),
            Record::BaseLocation,
            rewritten,
        )
    }
}

/// The plan index of a SKU named by a split row.
fn index(plan: &Plan, sku: &str, line: usize, r: Record) -> Result<usize, PlanFileError> {
    plan.sku_index(sku).ok_or_else(|| {
        PlanFileError::new(
            line,
            "sku",
            sku,
            format!(
                "is not a product in this file (a {} row names a product above)",
                r.key()
            ),
        )
    })
}

/// Sets the locations of the rows' SKUs (and empties those of `rewritten` without rows),
/// each checked against its on hand.
fn locations(
    plan: &mut Plan,
    rows: &[SplitRow],
    r: Record,
    rewritten: &BTreeSet<String>,
) -> Result<(), PlanFileError> {
    for sku in rewritten {
        if let Some(i) = plan.sku_index(sku) {
            plan.products[i].locations.clear();
        }
    }
    let mut first_line: BTreeMap<usize, usize> = BTreeMap::new();
    for (sku, name, _, q, line) in rows {
        let i = index(plan, sku, *line, r)?;
        first_line.entry(i).or_insert(*line);
        if plan.products[i]
            .locations
            .insert(name.clone(), *q)
            .is_some()
        {
            return Err(PlanFileError::new(
                *line,
                "location",
                name.as_str(),
                "is a second row for this location",
            ));
        }
    }
    for (i, line) in first_line {
        check_locations(&plan.products[i])
            .map_err(|e| PlanFileError::new(line, "units", "", e.to_string()))?;
        tidy_locations(&mut plan.products[i].locations);
    }
    Ok(())
}
