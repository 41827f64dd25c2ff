//! Writing a plan to the plan file: the version line, then each section under its heading
//! row (settings, products, capacity, series), as CSV with CRLF line ends (RFC 4180, what
//! Excel writes), UTF-8 with a byte-order mark so Excel does not guess a code page.

use super::format::{
    series_key, Record, Setting, EDITED_PRODUCT, EVENT_OFF, EVENT_ON, MAGIC, SAFETY_UNITS,
    SAFETY_WEEKS, SKU_LIST, VERSION,
};
use super::inject::{protect, push_record};
use crate::engine::model::checkin::Snapshot;
use crate::engine::model::event::Lift;
use crate::engine::model::series::SkuSeries;
use crate::engine::{Plan, Product, Qty, SafetyStock, SeriesField, Slot};

/// The byte-order mark Excel needs to read the file as UTF-8.
pub const BOM: char = '\u{feff}';

/// The whole plan as plan-file text, starting with the byte-order mark.
///
/// Series cells are written only where they hold something: a non-zero value, or a consensus
/// that is set (even to 0). A missing row reads back as zero, or as "not set" for consensus.
pub fn write(plan: &Plan) -> String {
    write_shared(plan, None)
}

/// The plan file to share: the plan, and the check-in it was last merged against (its
/// `base`), written as the products and cells where the check-in differs from the plan, so
/// whoever opens the file can merge it three ways even if they never had that check-in.
pub fn write_shared(plan: &Plan, base: Option<&Snapshot>) -> String {
    let mut out = String::with_capacity(estimated_size(plan));
    out.push(BOM);
    write_rows(&mut out, plan, base);
    out
}

/// The file's rows after the byte-order mark, section by section.
fn write_rows(w: &mut String, plan: &Plan, base: Option<&Snapshot>) {
    // Version 2 where nothing needs 3, so a plan without splits opens in older apps too.
    let splits =
        super::splits::has_splits(plan) || base.is_some_and(|b| super::splits::has_splits(&b.plan));
    let version = if splits { VERSION } else { 2 };
    push_record(w, [MAGIC, &version.to_string()]);
    write_settings(w, plan, base);
    write_plan(w, plan);
    write_notes(w, plan);
    write_decisions(w, plan);
    write_events(w, plan);
    write_edited(w, plan);
    super::splits::write(w, plan);
    if let Some(base) = base {
        write_base(w, plan, &base.plan);
    }
}

/// The settings: the calendar, the plan's identity and its base check-in.
fn write_settings(w: &mut String, plan: &Plan, base: Option<&Snapshot>) {
    let cal = &plan.calendar;
    push_record(w, Record::Setting.columns());
    let meta = &plan.meta;
    for s in Setting::ALL {
        let value = match s {
            Setting::FirstWeek => cal.label(0),
            Setting::CurrentWeek => cal.label(cal.current() as isize),
            Setting::Weeks => cal.len().to_string(),
            Setting::PlanId => protect(&meta.id).into_owned(),
            Setting::Revision if meta.revision == 0 => String::new(),
            Setting::Revision => meta.revision.to_string(),
            Setting::Author => protect(&meta.author).into_owned(),
            Setting::BaseCheckin => base.map_or(String::new(), |b| protect(&b.id).into_owned()),
            Setting::BaseTaken => base.map_or(String::new(), |b| protect(&b.taken).into_owned()),
            Setting::BaseAuthor => base.map_or(String::new(), |b| protect(&b.author).into_owned()),
            Setting::BaseWeek => base.map_or(String::new(), |b| {
                let c = &b.plan.calendar;
                c.label(c.current() as isize)
            }),
        };
        // Optional settings are left out when empty (a new plan has no id yet).
        if !value.is_empty() {
            push_record(w, [Record::Setting.key(), s.key(), &value]);
        }
    }
}

/// The plan's own rows: products, capacity per family, and the series cells that hold
/// something.
fn write_plan(w: &mut String, plan: &Plan) {
    let cal = &plan.calendar;
    push_record(w, Record::Product.columns());
    for p in &plan.products {
        write_product(w, Record::Product, p);
    }

    push_record(w, Record::Capacity.columns());
    for (family, units) in &plan.capacity {
        push_record(
            w,
            [Record::Capacity.key(), &protect(family), &units.to_string()],
        );
    }

    push_record(w, Record::Series.columns());
    let weeks: Vec<String> = (0..cal.len()).map(|i| cal.label(i as isize)).collect();
    for (p, s) in plan.products.iter().zip(&plan.series) {
        let sku = protect(&p.sku);
        for field in SeriesField::ALL {
            for (i, week) in weeks.iter().enumerate() {
                if let Some(v) = written_value(field, s.get(field, i)) {
                    let value = v.to_string();
                    push_record(
                        w,
                        [Record::Series.key(), &sku, series_key(field), week, &value],
                    );
                }
            }
        }
    }
}

/// Cell notes (a section only when there are any, as for decisions, events and edits).
fn write_notes(w: &mut String, plan: &Plan) {
    if !plan.notes.is_empty() {
        push_record(w, Record::Note.columns());
        for n in &plan.notes {
            push_record(
                w,
                [
                    Record::Note.key(),
                    &protect(&n.sku),
                    &protect(n.period.as_deref().unwrap_or("")),
                    &protect(n.measure.as_deref().unwrap_or("")),
                    &protect(&n.author),
                    &protect(&n.written),
                    &protect(&n.text),
                ],
            );
        }
    }
}

/// Decisions of the S&OP meeting.
fn write_decisions(w: &mut String, plan: &Plan) {
    if !plan.decisions.is_empty() {
        push_record(w, Record::Decision.columns());
        for d in &plan.decisions {
            let skus = d.skus.join(&SKU_LIST.to_string());
            push_record(
                w,
                [
                    Record::Decision.key(),
                    &protect(&d.id),
                    &protect(&d.made),
                    &protect(&d.author),
                    &protect(&d.owner),
                    &protect(&d.due),
                    &protect(&d.text),
                    &protect(&skus),
                    &protect(&d.weeks),
                    &protect(d.closed.as_deref().unwrap_or("")),
                ],
            );
        }
    }
}

/// Demand events (promotions) and their lifts.
fn write_events(w: &mut String, plan: &Plan) {
    if !plan.events.is_empty() {
        push_record(w, Record::Event.columns());
        for e in &plan.events {
            let (kind, amount) = match e.lift {
                Lift::Percent(p) => ("percent", p),
                Lift::Units(u) => ("units", u),
            };
            push_record(
                w,
                [
                    Record::Event.key(),
                    &protect(&e.id),
                    &protect(&e.name),
                    &protect(&e.target),
                    &protect(&e.first),
                    &protect(&e.last),
                    kind,
                    &amount.to_string(),
                    if e.active { EVENT_ON } else { EVENT_OFF },
                    &protect(&e.author),
                ],
            );
        }
    }
}

/// Who last edited each product and cell.
fn write_edited(w: &mut String, plan: &Plan) {
    let cal = &plan.calendar;
    if !plan.authors.is_empty() {
        push_record(w, Record::Edited.columns());
        for (sku, slot, by) in plan.authors.iter() {
            let (what, week) = match slot {
                Slot::Product => (EDITED_PRODUCT, String::new()),
                Slot::Cell(field, week) => (series_key(field), cal.label(week as isize)),
            };
            push_record(
                w,
                [
                    Record::Edited.key(),
                    &protect(sku),
                    what,
                    &protect(by),
                    &week,
                ],
            );
        }
    }
}

/// The base check-in where it differs from the plan: its products, then its cells (weeks
/// matched by date; a consensus not set in the base is an empty value).
fn write_base(w: &mut String, plan: &Plan, base: &Plan) {
    let changed: Vec<&Product> = base
        .products
        .iter()
        .filter(|b| {
            plan.sku_index(&b.sku)
                .is_none_or(|i| plan.products[i] != **b)
        })
        .collect();
    if !changed.is_empty() {
        push_record(w, Record::BaseProduct.columns());
        for b in &changed {
            write_product(w, Record::BaseProduct, b);
        }
    }
    let cal = &plan.calendar;
    let mut heading = false;
    // Every SKU of the check-in, against the plan's values; one the plan no longer has (added
    // and then undone) against the empty series it starts from when read.
    let empty = SkuSeries::zeros(cal.len());
    for (bi, p) in base.products.iter().enumerate() {
        let theirs = &base.series[bi];
        let ours = match plan.sku_index(&p.sku) {
            Some(i) if std::sync::Arc::ptr_eq(&plan.series[i], theirs) => continue,
            Some(i) => &*plan.series[i],
            None => &empty,
        };
        for field in SeriesField::ALL {
            for week in 0..cal.len() {
                let Some(bw) = base.calendar.index_of_date(cal.monday(week as isize)) else {
                    continue;
                };
                let (now, then) = (ours.get(field, week), theirs.get(field, bw));
                let zero = |v: Option<Qty>| {
                    if field.is_optional() {
                        v
                    } else {
                        v.or(Some(Qty::ZERO))
                    }
                };
                if zero(now) == zero(then) {
                    continue;
                }
                if !heading {
                    push_record(w, Record::BaseSeries.columns());
                    heading = true;
                }
                let value = then.map_or(String::new(), |v| v.to_string());
                push_record(
                    w,
                    [
                        Record::BaseSeries.key(),
                        &protect(&p.sku),
                        series_key(field),
                        &cal.label(week as isize),
                        &value,
                    ],
                );
            }
        }
    }
    super::splits::write_base(w, plan, base, &changed);
}

fn write_product(w: &mut String, record: Record, p: &Product) {
    let (safety, unit) = match p.safety_stock {
        SafetyStock::Units(q) => (q.to_string(), SAFETY_UNITS),
        // `{}` of an f64 is the shortest text that parses back to the same bits.
        SafetyStock::WeeksOfCover(weeks) => (format!("{weeks}"), SAFETY_WEEKS),
    };
    push_record(
        w,
        [
            record.key(),
            &protect(&p.sku),
            &protect(&p.name),
            &protect(&p.family),
            &p.unit_cost.to_string(),
            &p.unit_price.to_string(),
            &p.lead_time_weeks.to_string(),
            &safety,
            unit,
            &p.moq.to_string(),
            &p.order_multiple.to_string(),
            &p.on_hand.to_string(),
        ],
    );
}

/// The value a series row carries, if the cell needs a row at all.
fn written_value(field: SeriesField, value: Option<Qty>) -> Option<Qty> {
    value.filter(|q| field.is_optional() || *q != Qty::ZERO)
}

/// Room for the whole file, so an 18 MB buffer is not regrown a dozen times.
fn estimated_size(plan: &Plan) -> usize {
    const SERIES_ROW: usize = 40;
    const PRODUCT_ROW: usize = 120;
    let cells: usize = plan
        .series
        .iter()
        .map(|s| {
            SeriesField::ALL
                .into_iter()
                .map(|f| {
                    (0..s.actual.len())
                        .filter(|&i| written_value(f, s.get(f, i)).is_some())
                        .count()
                })
                .sum::<usize>()
        })
        .sum();
    1024 + plan.products.len() * PRODUCT_ROW + cells * SERIES_ROW
}
