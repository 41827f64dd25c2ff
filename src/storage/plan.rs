//! A whole plan written against an optional base plan (the next newer one, for a snapshot).
//!
//! The calendar is always written (a few bytes). Meta, notes, capacity and authors are a flag
//! each when they equal the base's. Products are matched to the base by SKU code and series
//! by week date, so a snapshot from an earlier week (calendar one week back) or before SKUs
//! were added is written as the cells that differ. Without a base every product is new and
//! every series is written against zeros.

use super::error::{corrupt, StoreError};
use super::wire::{Reader, Result, Writer};
use super::{product, series};
use crate::engine::model::authors::Authors;
use crate::engine::model::calendar::MAX_HISTORY;
use crate::engine::{Calendar, Decision, Note, Plan, PlanMeta, Product, Qty, SeriesField, Slot};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

const META_SAME: u8 = 1;
const NOTES_SAME: u8 = 2;
const CAPACITY_SAME: u8 = 4;
const AUTHORS_SAME: u8 = 8;
/// Format 2: decisions follow (else they are the base's, or none). Format 1 never set it, so
/// its payloads read unchanged as format 2.
const DECISIONS_WRITTEN: u8 = 16;
/// Format 3: demand events follow (else they are the base's, or none), as JSON text.
const EVENTS_WRITTEN: u8 = 32;
/// Format 4: channel and location splits follow, as JSON text (else there are none).
const SPLITS_WRITTEN: u8 = 64;

/// Years a stored calendar may start in (the app's dates are four-digit years from 1900;
/// far dates would overflow the plan's week arithmetic).
const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

/// How many weeks `t`'s first week lies after `base`'s: the base index of `t`'s week 0.
fn offset(t: &Calendar, base: &Calendar) -> isize {
    ((t.monday(0) - base.monday(0)).num_days() / 7) as isize
}

fn write_calendar(w: &mut Writer, c: &Calendar) {
    w.int((c.monday(0) - epoch()).num_days());
    w.usize(c.history());
    w.usize(c.horizon());
}

fn read_calendar(r: &mut Reader) -> Result<Calendar> {
    let days = r.int("calendar")?;
    let history = r.usize("calendar")?;
    let horizon = r.usize("calendar")?;
    let first = Duration::try_days(days)
        .and_then(|d| epoch().checked_add_signed(d))
        .filter(|d| YEARS.contains(&d.year()))
        .ok_or_else(|| StoreError::Invalid {
            what: "the plan's first week is not between 1900 and 9999".to_string(),
        })?;
    if first.weekday() != Weekday::Mon {
        return Err(corrupt(
            "calendar: the first week does not start on a Monday",
        ));
    }
    let invalid = |what: String| StoreError::Invalid { what };
    // Checks the bounds before any week arithmetic.
    Calendar::around(first, history.min(MAX_HISTORY + 1), horizon).map_err(invalid)?;
    Calendar::around(first + Duration::weeks(history as i64), history, horizon).map_err(invalid)
}

fn write_meta(w: &mut Writer, m: &PlanMeta) {
    w.shared(&m.id);
    w.var(m.revision);
    w.shared(&m.author);
    w.shared_opt(m.base.as_deref());
}

fn read_meta(r: &mut Reader) -> Result<PlanMeta> {
    Ok(PlanMeta {
        id: r.shared_string("plan id")?,
        revision: r.var("revision")?,
        author: r.shared_string("plan author")?,
        base: r.shared_opt("base check-in")?,
    })
}

fn write_notes(w: &mut Writer, notes: &[Note]) {
    w.usize(notes.len());
    for n in notes {
        w.shared(&n.sku);
        w.shared_opt(n.period.as_deref());
        w.shared_opt(n.measure.as_deref());
        w.text(&n.text);
        w.shared(&n.author);
        w.shared(&n.written);
    }
}

fn read_notes(r: &mut Reader) -> Result<Vec<Note>> {
    let n = r.count("notes")?;
    let mut notes = Vec::with_capacity(n);
    for _ in 0..n {
        notes.push(Note {
            sku: r.shared_string("note")?,
            period: r.shared_opt("note")?,
            measure: r.shared_opt("note")?,
            text: r.text("note")?.to_string(),
            author: r.shared_string("note")?,
            written: r.shared_string("note")?,
        });
    }
    Ok(notes)
}

fn write_decisions(w: &mut Writer, decisions: &[Decision]) {
    w.usize(decisions.len());
    for d in decisions {
        w.shared(&d.id);
        w.text(&d.text);
        w.shared(&d.owner);
        w.shared(&d.due);
        w.usize(d.skus.len());
        for sku in &d.skus {
            w.shared(sku);
        }
        w.shared(&d.weeks);
        w.shared(&d.author);
        w.shared(&d.made);
        w.shared_opt(d.closed.as_deref());
    }
}

fn read_decisions(r: &mut Reader) -> Result<Vec<Decision>> {
    let n = r.count("decisions")?;
    let mut decisions = Vec::with_capacity(n.min(4096));
    for _ in 0..n {
        let id = r.shared_string("decision")?;
        let text = r.text("decision")?.to_string();
        let owner = r.shared_string("decision")?;
        let due = r.shared_string("decision")?;
        let k = r.count("decision SKUs")?;
        let mut skus = Vec::with_capacity(k.min(4096));
        for _ in 0..k {
            skus.push(r.shared_string("decision")?);
        }
        decisions.push(Decision {
            id,
            text,
            owner,
            due,
            skus,
            weeks: r.shared_string("decision")?,
            author: r.shared_string("decision")?,
            made: r.shared_string("decision")?,
            closed: r.shared_opt("decision")?,
        });
    }
    Ok(decisions)
}

fn write_capacity(w: &mut Writer, capacity: &BTreeMap<String, Qty>) {
    w.usize(capacity.len());
    for (family, q) in capacity {
        w.shared(family);
        w.int(q.0);
    }
}

fn read_capacity(r: &mut Reader) -> Result<BTreeMap<String, Qty>> {
    let n = r.count("capacity")?;
    let mut capacity = BTreeMap::new();
    for _ in 0..n {
        let family = r.shared_string("capacity")?;
        let q = Qty(r.int("capacity")?);
        if capacity.insert(family, q).is_some() {
            return Err(corrupt("capacity: a family appears twice"));
        }
    }
    Ok(capacity)
}

/// Signatures as stored: by SKU index in the plan being written (the format predates keying
/// them by SKU code; the index is only a way to name the code compactly).
type Signed = BTreeMap<(usize, Slot), Arc<str>>;

/// Entries in key order: SKU index as a step from the previous entry's, the slot (0: the
/// product record; 1 + series: a cell, then its week) and the author from the string table.
/// A signature on a SKU the plan does not have cannot be written (check_plan refuses it).
fn write_authors(w: &mut Writer, plan: &Plan) {
    let index: HashMap<&str, usize> = plan
        .products
        .iter()
        .enumerate()
        .map(|(i, p)| (p.sku.as_str(), i))
        .collect();
    let signed: Signed = plan
        .authors
        .iter()
        .filter_map(|(sku, slot, who)| Some(((*index.get(sku)?, slot), who.clone())))
        .collect();
    w.usize(signed.len());
    let mut prev = 0;
    for ((sku, slot), who) in &signed {
        w.usize(sku - prev);
        prev = *sku;
        match slot {
            Slot::Product => w.u8(0),
            Slot::Cell(field, week) => {
                let i = SeriesField::ALL
                    .iter()
                    .position(|f| f == field)
                    .unwrap_or(0);
                w.u8(1 + i as u8);
                w.usize(*week);
            }
        }
        w.shared(who);
    }
}

fn read_authors(r: &mut Reader) -> Result<Signed> {
    let n = r.count("authors")?;
    let mut authors = BTreeMap::new();
    let mut sku = 0usize;
    for _ in 0..n {
        sku = sku
            .checked_add(r.usize("authors")?)
            .ok_or_else(|| corrupt("authors: SKU index too large"))?;
        let slot = match r.u8("authors")? {
            0 => Slot::Product,
            t => {
                let field = SeriesField::ALL
                    .get(usize::from(t) - 1)
                    .ok_or_else(|| corrupt(format!("authors: unknown series {t}")))?;
                Slot::Cell(*field, r.usize("authors")?)
            }
        };
        if authors.insert((sku, slot), r.shared("authors")?).is_some() {
            return Err(corrupt("authors: an entry appears twice"));
        }
    }
    Ok(authors)
}

/// Stored signatures by SKU code, once the products are read.
fn by_code(signed: Signed, products: &[Product]) -> Result<Authors> {
    let mut authors = Authors::default();
    for ((sku, slot), who) in signed {
        let Some(p) = products.get(sku) else {
            return Err(StoreError::Invalid {
                what: format!(
                    "a change is signed for SKU {}, which the plan does not have",
                    sku + 1
                ),
            });
        };
        authors.set(&p.sku, slot, Some(who));
    }
    Ok(authors)
}

/// Writes `t`, as differences from `base` where there is one.
pub fn write(w: &mut Writer, t: &Plan, base: Option<&Plan>) {
    write_calendar(w, &t.calendar);
    let decisions_written = match base {
        Some(b) => t.decisions != b.decisions,
        None => !t.decisions.is_empty(),
    };
    let events_written = match base {
        Some(b) => t.events != b.events,
        None => !t.events.is_empty(),
    };
    let splits = super::splits::to_text(t);
    let flags = (if splits.is_some() { SPLITS_WRITTEN } else { 0 })
        | (if decisions_written {
            DECISIONS_WRITTEN
        } else {
            0
        })
        | (if events_written { EVENTS_WRITTEN } else { 0 })
        | base.map_or(0, |b| {
            (if t.meta == b.meta { META_SAME } else { 0 })
                | (if t.notes == b.notes { NOTES_SAME } else { 0 })
                | (if t.capacity == b.capacity {
                    CAPACITY_SAME
                } else {
                    0
                })
                | (if t.authors == b.authors {
                    AUTHORS_SAME
                } else {
                    0
                })
        });
    w.u8(flags);
    if flags & META_SAME == 0 {
        write_meta(w, &t.meta);
    }
    if flags & NOTES_SAME == 0 {
        write_notes(w, &t.notes);
    }
    if flags & CAPACITY_SAME == 0 {
        write_capacity(w, &t.capacity);
    }
    if flags & AUTHORS_SAME == 0 {
        write_authors(w, t);
    }
    if decisions_written {
        write_decisions(w, &t.decisions);
    }
    if events_written {
        // Few and rarely changed: JSON keeps this simple; serialising plain data cannot fail.
        w.text(&serde_json::to_string(&t.events).unwrap_or_else(|_| "[]".to_string()));
    }
    if let Some(text) = &splits {
        w.text(text);
    }
    // SKU codes to base indices, built only if a product is not where it is expected.
    let mut index: Option<HashMap<&str, usize>> = None;
    let off = base.map_or(0, |b| offset(&t.calendar, &b.calendar));
    w.usize(t.products.len());
    // The base index expected next: products keep their order, so the step is usually zero.
    let mut expected = 0isize;
    for (p, s) in t.products.iter().zip(&t.series) {
        let matched = base.and_then(|b| {
            let j = match b.products.get(expected as usize) {
                Some(bp) if bp.sku == p.sku => expected as usize,
                _ => *index
                    .get_or_insert_with(|| {
                        b.products
                            .iter()
                            .enumerate()
                            .map(|(i, p)| (p.sku.as_str(), i))
                            .collect()
                    })
                    .get(p.sku.as_str())?,
            };
            Some((j, b.products.get(j)?, b.series.get(j)?))
        });
        match matched {
            Some((j, bp, bs)) => {
                w.var(1 + super::wire::zigzag(j as i64 - expected as i64));
                expected = j as isize + 1;
                product::write(w, p, bp);
                series::write(
                    w,
                    s,
                    Some(series::Base {
                        series: bs,
                        offset: off,
                    }),
                );
            }
            None => {
                w.u8(0);
                w.text(&p.sku);
                product::write(w, p, &Product::new(&p.sku, "", ""));
                series::write(w, s, None);
            }
        }
    }
}

/// Reads a plan written by [`write`] against the same base.
pub fn read(r: &mut Reader, base: Option<&Plan>) -> Result<Plan> {
    let calendar = read_calendar(r)?;
    let flags = r.u8("plan flags")?;
    if flags > 127 || (base.is_none() && flags & 15 != 0) {
        return Err(corrupt(format!("plan: unknown flags {flags}")));
    }
    let same = |bit: u8| flags & bit != 0;
    let meta = match base {
        Some(b) if same(META_SAME) => b.meta.clone(),
        _ => read_meta(r)?,
    };
    let notes = match base {
        Some(b) if same(NOTES_SAME) => b.notes.clone(),
        _ => read_notes(r)?,
    };
    let capacity = match base {
        Some(b) if same(CAPACITY_SAME) => b.capacity.clone(),
        _ => read_capacity(r)?,
    };
    let authors = match base {
        Some(_) if same(AUTHORS_SAME) => None,
        _ => Some(read_authors(r)?),
    };
    let decisions = if same(DECISIONS_WRITTEN) {
        read_decisions(r)?
    } else {
        base.map_or_else(Vec::new, |b| b.decisions.clone())
    };
    let events = if same(EVENTS_WRITTEN) {
        serde_json::from_str(r.text("events")?).map_err(|e| corrupt(format!("events: {e}")))?
    } else {
        base.map_or_else(Vec::new, |b| b.events.clone())
    };
    let splits = if same(SPLITS_WRITTEN) {
        Some(r.text("splits")?)
    } else {
        None
    };
    let off = base.map_or(0, |b| offset(&calendar, &b.calendar));
    let weeks = calendar.len();
    let n = r.count("products")?;
    let mut products = Vec::with_capacity(n);
    let mut all_series = Vec::with_capacity(n);
    let mut expected = 0i64;
    for _ in 0..n {
        let tag = r.var("products")?;
        if tag == 0 {
            let sku = r.text("SKU")?;
            products.push(product::read(r, &Product::new(sku, "", ""))?);
            all_series.push(series::read(r, None, weeks, sku)?);
            continue;
        }
        let j = expected.wrapping_add(super::wire::unzigzag(tag - 1));
        let found = base.and_then(|b| {
            let j = usize::try_from(j).ok()?;
            Some((b.products.get(j)?, b.series.get(j)?))
        });
        let Some((bp, bs)) = found else {
            return Err(corrupt(format!(
                "products: no product {j} in the newer plan"
            )));
        };
        expected = j + 1;
        let p = product::read(r, bp)?;
        let base_series = series::Base {
            series: bs,
            offset: off,
        };
        all_series.push(series::read(r, Some(base_series), weeks, &p.sku)?);
        products.push(p);
    }
    let authors = match (authors, base) {
        (Some(signed), _) => by_code(signed, &products)?,
        (None, Some(b)) => b.authors.clone(),
        (None, None) => Authors::default(),
    };
    let mut plan = Plan {
        decisions,
        events,
        calendar,
        products,
        series: all_series,
        capacity,
        meta,
        notes,
        authors,
    };
    super::splits::apply(&mut plan, splits)?;
    Ok(plan)
}
