//! A SKU's five input series, written as differences from a base SKU's (aligned by week) or,
//! for a SKU with no base, from zeros: a byte saying which series differ, then each of those
//! columns ([`super::column`]). On reading, a SKU whose series are all unchanged on the same
//! calendar shares the base's `Arc` instead of a copy, as the live app's snapshots do.

use super::column::{self, Cell, Prediction};
use super::error::{corrupt, within};
use super::wire::{Reader, Result, Writer};
use crate::engine::model::series::SkuSeries;
use std::sync::Arc;

/// The base a SKU's series are written against: its series and the base index of this
/// plan's week 0 (the calendars may differ: a snapshot from an earlier week).
#[derive(Clone, Copy)]
pub struct Base<'a> {
    pub series: &'a Arc<SkuSeries>,
    pub offset: isize,
}

fn prediction<T: Cell>(base: &[T], offset: isize, weeks: usize) -> Prediction<'_, T> {
    Prediction {
        base,
        offset,
        weeks,
    }
}

/// Writes one column if it differs from its prediction; whether it did.
fn write_column<T: Cell>(w: &mut Writer, t: &[T], b: &[T], off: isize) -> bool {
    let pred = prediction(b, off, t.len());
    if pred.matches(t) {
        return false;
    }
    column::write(w, t, &pred);
    true
}

/// Reads one column (the prediction itself when `changed` is false).
fn read_column<T: Cell>(
    r: &mut Reader,
    b: &[T],
    off: isize,
    weeks: usize,
    changed: bool,
) -> Result<Vec<T>> {
    let mut cells = prediction(b, off, weeks).cells();
    if changed {
        column::read(r, &mut cells)?;
    }
    Ok(cells)
}

pub fn write(w: &mut Writer, t: &Arc<SkuSeries>, base: Option<Base>) {
    // Shared with the base (the usual case for a snapshot): nothing to compare.
    if base.is_some_and(|b| b.offset == 0 && Arc::ptr_eq(b.series, t)) {
        w.u8(0);
        return;
    }
    let empty = SkuSeries::default();
    let (b, off) = base.map_or((&empty, 0), |b| (&**b.series, b.offset));
    // Which of the five series follow (bit i: `SeriesField::ALL[i]`), filled in below.
    let at = w.bytes.len();
    w.u8(0);
    let written = [
        write_column(w, &t.actual, &b.actual, off),
        write_column(w, &t.forecast, &b.forecast, off),
        write_column(w, &t.consensus, &b.consensus, off),
        write_column(w, &t.confirmed_receipts, &b.confirmed_receipts, off),
        write_column(w, &t.planned_receipts, &b.planned_receipts, off),
    ];
    w.bytes[at] = written
        .iter()
        .enumerate()
        .fold(0, |m, (i, &x)| m | (u8::from(x) << i));
}

pub fn read(r: &mut Reader, base: Option<Base>, weeks: usize, sku: &str) -> Result<Arc<SkuSeries>> {
    let m = r.u8("series")?;
    if m >= 32 {
        return Err(corrupt(format!("series of {sku}: unknown flags {m}")));
    }
    if let Some(b) = base {
        if m == 0 && b.offset == 0 && b.series.actual.len() == weeks {
            return Ok(Arc::clone(b.series));
        }
    }
    let empty = SkuSeries::default();
    let (b, off) = base.map_or((&empty, 0), |b| (&**b.series, b.offset));
    let series = SkuSeries {
        actual: read_column(r, &b.actual, off, weeks, m & 1 != 0)
            .map_err(|e| within(e, || format!("actual sales of {sku}")))?,
        forecast: read_column(r, &b.forecast, off, weeks, m & 2 != 0)
            .map_err(|e| within(e, || format!("forecast of {sku}")))?,
        consensus: read_column(r, &b.consensus, off, weeks, m & 4 != 0)
            .map_err(|e| within(e, || format!("consensus of {sku}")))?,
        confirmed_receipts: read_column(r, &b.confirmed_receipts, off, weeks, m & 8 != 0)
            .map_err(|e| within(e, || format!("confirmed receipts of {sku}")))?,
        planned_receipts: read_column(r, &b.planned_receipts, off, weeks, m & 16 != 0)
            .map_err(|e| within(e, || format!("planned receipts of {sku}")))?,
        channels: Default::default(),
    };
    Ok(Arc::new(series))
}
