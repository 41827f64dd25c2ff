//! One weekly column (one series of one SKU) written as its differences from a prediction.
//!
//! The prediction is the same column of a base plan, aligned by week (`offset`: the base's
//! index of this column's week 0), with zero (or "not set") outside it. A whole plan is
//! written against an empty base, so there the prediction is all zeros; a snapshot is written
//! against the next newer plan. Either way only the cells that differ are written:
//!
//! `header = runs × 2 + whole`, then per run `gap, len` (cells skipped since the last run,
//! cells in this run) and one value per cell: the zigzag difference between this cell's
//! `value − prediction` and the previous cell's in the run. Against zeros that is the
//! change from last week, small for a smooth series; against a base it is the change of the
//! revision, small when a forecast is revised by a percentage. `whole`: every difference is a
//! whole number of units, so they are written in units (a byte instead of two or three).
//! A consensus cell also carries a flag byte: set (a value follows) or not set.

use super::error::corrupt;
use super::wire::{Reader, Result, Writer};
use crate::engine::Qty;

/// Cells this many unchanged in a row end a run (fewer are cheaper written as zeros).
const GAP: usize = 3;
const UNIT: i64 = crate::engine::model::qty::MILLI;

/// A cell of a column: a quantity, or an optional one (the consensus).
pub trait Cell: Copy + PartialEq {
    /// The cell outside the base's weeks (and of a new SKU).
    const EMPTY: Self;
    const OPTIONAL: bool;
    fn value(self) -> Option<i64>;
    fn from_value(v: Option<i64>) -> Self;
}

impl Cell for Qty {
    const EMPTY: Qty = Qty::ZERO;
    const OPTIONAL: bool = false;
    fn value(self) -> Option<i64> {
        Some(self.0)
    }
    fn from_value(v: Option<i64>) -> Qty {
        Qty(v.unwrap_or(0))
    }
}

impl Cell for Option<Qty> {
    const EMPTY: Option<Qty> = None;
    const OPTIONAL: bool = true;
    fn value(self) -> Option<i64> {
        self.map(|q| q.0)
    }
    fn from_value(v: Option<i64>) -> Option<Qty> {
        v.map(Qty)
    }
}

/// The prediction for each week of a column of `weeks` weeks: the base's cell of the same
/// date (`offset`: the base index of week 0), else [`Cell::EMPTY`].
#[derive(Clone, Copy)]
pub struct Prediction<'a, T> {
    pub base: &'a [T],
    pub offset: isize,
    pub weeks: usize,
}

impl<T: Cell> Prediction<'_, T> {
    /// The weeks `lo..hi` that lie in the base.
    fn overlap(&self) -> (usize, usize) {
        let lo = (-self.offset).clamp(0, self.weeks as isize) as usize;
        let hi = (self.base.len() as isize - self.offset).clamp(lo as isize, self.weeks as isize);
        (lo, hi as usize)
    }

    fn base_range(&self, lo: usize, hi: usize) -> &[T] {
        if lo >= hi {
            return &[];
        }
        let from = (lo as isize + self.offset) as usize;
        self.base.get(from..from + (hi - lo)).unwrap_or(&[])
    }

    pub fn get(&self, w: usize) -> T {
        usize::try_from(w as isize + self.offset)
            .ok()
            .and_then(|i| self.base.get(i))
            .copied()
            .unwrap_or(T::EMPTY)
    }

    /// The whole predicted column.
    pub fn cells(&self) -> Vec<T> {
        let (lo, hi) = self.overlap();
        let src = self.base_range(lo, hi);
        let mut out = Vec::with_capacity(self.weeks);
        out.resize(lo, T::EMPTY);
        out.extend_from_slice(src);
        out.resize(self.weeks, T::EMPTY);
        out
    }

    /// Whether `target` is exactly the prediction (compared a slice at a time, no copy).
    pub fn matches(&self, target: &[T]) -> bool {
        if target.len() != self.weeks {
            return false;
        }
        let (lo, hi) = self.overlap();
        target[lo..hi] == *self.base_range(lo, hi)
            && target[..lo].iter().all(|&c| c == T::EMPTY)
            && target[hi..].iter().all(|&c| c == T::EMPTY)
    }
}

fn diff<T: Cell>(t: T, p: T) -> i64 {
    t.value().unwrap_or(0).wrapping_sub(p.value().unwrap_or(0))
}

/// Writes `target` as its differences from `pred` (of as many weeks).
pub fn write<T: Cell>(w: &mut Writer, target: &[T], pred: &Prediction<T>) {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < target.len() {
        if target[i] == pred.get(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        i += 1;
        while i < target.len() && i - end < GAP {
            if target[i] != pred.get(i) {
                end = i + 1;
            }
            i += 1;
        }
        runs.push((start, end));
        i = end;
    }
    let whole = runs.iter().all(|&(s, e)| {
        (s..e).all(|k| target[k].value().is_none() || diff(target[k], pred.get(k)) % UNIT == 0)
    });
    w.usize(runs.len() * 2 + usize::from(whole));
    let scale = if whole { UNIT } else { 1 };
    let mut last_end = 0;
    let mut prev = 0i64;
    for (s, e) in runs {
        w.usize(s - last_end);
        w.usize(e - s);
        last_end = e;
        for (k, &cell) in target.iter().enumerate().take(e).skip(s) {
            if T::OPTIONAL {
                if cell.value().is_none() {
                    w.u8(0);
                    continue;
                }
                w.u8(1);
            }
            let x = diff(cell, pred.get(k)) / scale;
            w.int(x.wrapping_sub(prev));
            prev = x;
        }
    }
}

/// Reads a column written by [`write`] against the same prediction, in place.
pub fn read<T: Cell>(r: &mut Reader, cells: &mut [T]) -> Result<()> {
    let what = "the column";
    let header = r.usize(what)?;
    let scale = if header & 1 == 1 { UNIT } else { 1 };
    let runs = header / 2;
    if runs > cells.len() {
        return Err(corrupt("more runs than weeks"));
    }
    let mut pos = 0usize;
    let mut prev = 0i64;
    for _ in 0..runs {
        let gap = r.usize(what)?;
        let len = r.usize(what)?;
        let start = pos.checked_add(gap);
        let end = start.and_then(|s| s.checked_add(len));
        let (Some(start), Some(end)) = (start, end) else {
            return Err(corrupt("a run is too long"));
        };
        let Some(run) = cells.get_mut(start..end) else {
            return Err(corrupt("a run goes past the last week"));
        };
        if len == 0 {
            return Err(corrupt("an empty run"));
        }
        for cell in run {
            if T::OPTIONAL {
                match r.u8(what)? {
                    0 => {
                        *cell = T::from_value(None);
                        continue;
                    }
                    1 => {}
                    t => return Err(corrupt(format!("unknown tag {t}"))),
                }
            }
            let x = prev.wrapping_add(r.int(what)?);
            prev = x;
            let p = cell.value().unwrap_or(0);
            *cell = T::from_value(Some(p.wrapping_add(x.wrapping_mul(scale))));
        }
        pos = end;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(v: &[i64]) -> Vec<Qty> {
        v.iter().map(|&u| Qty::units(u)).collect()
    }

    fn round_trip<T: Cell + std::fmt::Debug>(target: &[T], pred: &[T]) -> usize {
        let mut w = Writer::default();
        let p = Prediction {
            base: pred,
            offset: 0,
            weeks: target.len(),
        };
        write(&mut w, target, &p);
        let bytes = w.finish();
        let mut r = Reader::new(&bytes).unwrap();
        let mut cells = pred.to_vec();
        read(&mut r, &mut cells).unwrap();
        assert!(r.at_end());
        assert_eq!(cells, target);
        bytes.len() - 1
    }

    #[test]
    fn a_smooth_series_costs_about_a_byte_a_week() {
        let t = q(&[60, 62, 65, 61, 0, 0, 0, 0, 0, 70, 71]);
        // header, run (gap, len, 4 values), run (gap, len, 2 values)
        assert_eq!(round_trip(&t, &vec![Qty::ZERO; t.len()]), 1 + 2 + 4 + 2 + 2);
    }

    #[test]
    fn only_revised_cells_are_written() {
        let base = q(&[60, 62, 65, 61, 58, 57]);
        let mut t = base.clone();
        t[3] = Qty::units(66);
        t[4] = Qty::units(63);
        assert_eq!(round_trip(&t, &base), 1 + 2 + 2);
        assert_eq!(round_trip(&base, &base), 1);
    }

    #[test]
    fn thousandths_none_and_zero_consensus_round_trip() {
        let t = vec![
            None,
            Some(Qty(0)),
            Some(Qty(1500)),
            None,
            Some(Qty(-7)),
            None,
        ];
        round_trip(&t, &[None; 6]);
        round_trip(&[None; 6], &t);
        let t = q(&[1, 2]);
        round_trip(&[Qty(i64::MIN), Qty(i64::MAX)], &t);
    }

    #[test]
    fn predictions_align_by_week() {
        let base = q(&[1, 2, 3, 4]);
        let p = |offset, weeks| Prediction {
            base: &base,
            offset,
            weeks,
        };
        assert_eq!(p(1, 4).cells(), q(&[2, 3, 4, 0]));
        assert_eq!(p(-1, 4).cells(), q(&[0, 1, 2, 3]));
        assert_eq!(p(9, 2).cells(), q(&[0, 0]));
        assert_eq!(p(-9, 2).cells(), q(&[0, 0]));
        assert_eq!(p(-1, 4).get(0), Qty::ZERO);
        assert_eq!(p(-1, 4).get(3), Qty::units(3));
        assert!(p(-1, 3).matches(&q(&[0, 1, 2])));
        assert!(!p(-1, 3).matches(&q(&[0, 1, 3])));
        assert!(!p(-1, 3).matches(&q(&[5, 1, 2])));
        assert!(!p(-1, 3).matches(&q(&[0, 1])));
        let none: &[Qty] = &[];
        let empty = Prediction {
            base: none,
            offset: 0,
            weeks: 2,
        };
        assert_eq!(empty.cells(), q(&[0, 0]));
    }
}
