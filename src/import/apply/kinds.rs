//! The edits for each kind of records: actual sales by channel, receipts, forecast (a month
//! split over its weeks), stock on hand by location, product master data, and a stock
//! report's inbound units. Each goes through the [`Builder`], which matches codes to the
//! plan's and counts what is left out.

use super::builder::Builder;
use super::report::{
    FORECAST_MONTHS_OUTSIDE, FORECAST_WEEKS_OUTSIDE, NOT_ACTUALS_YET, OVERDUE, RECEIPTS_AFTER,
    SALES_OUTSIDE, UNKNOWN_SKU_WEEKS,
};
use super::Mode;
use crate::engine::model::breakdown::{set_location, NOT_SAID};
use crate::engine::model::calendar::Month;
use crate::engine::{Qty, SeriesField};
use crate::import::records::{ForecastRow, InboundRow, ProductRow, ReceiptRow, SkuQty, WeekQty};
use crate::import::{Period, Records};
use std::collections::{BTreeMap, BTreeSet};

/// The edits for one kind of records (a stock report's two kinds in turn).
pub(super) fn add_records(b: &mut Builder, records: &Records, mode: Mode) {
    match records {
        Records::Actuals(rows) => actuals(b, rows, mode),
        Records::Receipts(rows) => receipts(b, rows, mode),
        Records::Forecast(rows) => forecast(b, rows, mode),
        Records::OnHand(rows) => on_hand(b, rows, mode),
        Records::Products(rows) => products(b, rows),
        Records::Stock {
            on_hand: stock,
            inbound: units,
        } => {
            on_hand(b, stock, mode);
            inbound(b, units);
        }
    }
}

/// Weekly actual sales by channel: merged, or replacing the file's channels and the sales
/// no file named.
fn actuals(b: &mut Builder, rows: &[WeekQty], mode: Mode) {
    let wb = b.wb;
    let plan = wb.plan();
    let cal = &plan.calendar;
    let c = cal.current();
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

/// Receipts, confirmed or planned, summed per SKU and week; overdue ones land in the
/// current week.
fn receipts(b: &mut Builder, rows: &[ReceiptRow], mode: Mode) {
    let wb = b.wb;
    let plan = wb.plan();
    let cal = &plan.calendar;
    let c = cal.current();
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

/// Forecast per week, or per month split over its weeks by the split rule.
fn forecast(b: &mut Builder, rows: &[ForecastRow], mode: Mode) {
    let wb = b.wb;
    let plan = wb.plan();
    let cal = &plan.calendar;
    let c = cal.current();
    if mode == Mode::Replace {
        b.clear(SeriesField::Forecast, c..cal.len());
    }
    let months: BTreeMap<Month, std::ops::Range<usize>> = cal.months().into_iter().collect();
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

/// Stock on hand by location.
fn on_hand(b: &mut Builder, rows: &[SkuQty], mode: Mode) {
    let wb = b.wb;
    let plan = wb.plan();
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

/// Product master data: only what the file says is written (a products file always
/// merges).
fn products(b: &mut Builder, rows: &[ProductRow]) {
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

/// A stock report's inbound units: always merged into the confirmed receipts of the weeks
/// they are due.
fn inbound(b: &mut Builder, rows: &[InboundRow]) {
    let wb = b.wb;
    let plan = wb.plan();
    let cal = &plan.calendar;
    let c = cal.current();
    // Inbound always merges: replace concerns the stock, and must not clear the
    // purchase orders' receipts.
    let mut sums: BTreeMap<(usize, usize), Qty> = BTreeMap::new();
    for r in rows {
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
