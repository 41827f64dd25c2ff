//! The storage benchmark, shared by the native example (`cargo run --release --example
//! bench_storage`) and, later, a browser run: a 2,000-SKU plan with eight weekly check-ins,
//! its saved size and the median time to encode and to decode it. The caller supplies the
//! clock in milliseconds (`Instant` natively, `performance.now()` in wasm).

use super::column::{Cell, Prediction};
use super::{decode, encode, Stored};
use crate::bench::{HISTORY, HORIZON};
use crate::demo::generated_plan;
use crate::engine::model::checkin::Snapshot;
use crate::engine::{Calendar, Note, Plan, PlanMeta, Qty, SeriesField, Slot};
use chrono::{Duration, NaiveDate};
use std::sync::Arc;

/// The localStorage quota in Chromium and Firefox, in characters (UTF-16 units).
pub const QUOTA: usize = 5_242_880;
/// The most a save may take: two copies (the new one is written before the old is dropped).
pub const BUDGET: usize = 2_500_000;

#[derive(Clone, Debug)]
pub struct StorageFigures {
    pub skus: usize,
    pub weeks: usize,
    pub snapshots: usize,
    /// Characters of the saved text.
    pub chars: usize,
    /// Medians, ms.
    pub encode_ms: f64,
    pub decode_ms: f64,
    /// Whether the decoded plan and snapshots equal the saved ones.
    pub round_trip: bool,
}

impl std::fmt::Display for StorageFigures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} SKUs x {} weeks + {} check-ins: {} characters ({:.1}% of the quota); encode median {:.2} ms, decode median {:.2} ms; round trip {}",
            self.skus,
            self.weeks,
            self.snapshots,
            self.chars,
            self.chars as f64 * 100.0 / QUOTA as f64,
            self.encode_ms,
            self.decode_ms,
            if self.round_trip { "exact" } else { "DIFFERS" }
        )
    }
}

/// xorshift64: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const PEOPLE: [&str; 3] = ["Ana (Sales)", "Ben (Operations)", "Cleo (CEO)"];

fn scaled(q: Qty, percent: i64) -> Qty {
    Qty::units((q.0 / 1000 * percent + 50) / 100)
}

/// Revises the forecast of about a fifth of the SKUs over the 13 weeks from the current one
/// (the older plan's forecast, before the revision), signing each change.
fn revise_forecasts(plan: &mut Plan, rng: &mut Rng) {
    let c = plan.calendar.current();
    for sku in 0..plan.products.len() {
        if !rng.chance(20) {
            continue;
        }
        let percent = 85 + (rng.next() % 30) as i64;
        let s = plan.series_mut(sku);
        let end = (c + 13).min(s.forecast.len());
        for q in &mut s.forecast[c..end] {
            *q = scaled(*q, percent);
        }
    }
}

/// The plan as it stood a week earlier: calendar one week back, last week's actuals not yet
/// in, other forecasts, some receipts a week off, stock on hand before last week.
fn week_before(newer: &Plan, rng: &mut Rng) -> Plan {
    let cal = &newer.calendar;
    let today = cal.monday(cal.current() as isize) - Duration::weeks(1);
    let calendar = Calendar::around(today, cal.history(), cal.horizon()).unwrap_or(cal.clone());
    let weeks = calendar.len();
    let c = calendar.current();
    let mut older = Plan {
        calendar,
        series: Vec::with_capacity(newer.series.len()),
        ..newer.clone()
    };
    // This week's cell of each column one week earlier.
    fn back<T: Cell>(base: &[T], weeks: usize) -> Vec<T> {
        Prediction {
            base,
            offset: -1,
            weeks,
        }
        .cells()
    }
    for (p, s) in older.products.iter_mut().zip(&newer.series) {
        let mut o = crate::engine::model::series::SkuSeries {
            actual: back(&s.actual, weeks),
            forecast: back(&s.forecast, weeks),
            consensus: back(&s.consensus, weeks),
            confirmed_receipts: back(&s.confirmed_receipts, weeks),
            planned_receipts: back(&s.planned_receipts, weeks),
            channels: Default::default(),
        };
        // The week that fell out of the newer plan's history.
        o.actual[0] = s.actual[0];
        o.forecast[0] = s.forecast[0];
        let sold = std::mem::replace(&mut o.actual[c], Qty::ZERO);
        p.on_hand = (p.on_hand + sold - o.confirmed_receipts[c]).max(Qty::ZERO);
        if rng.chance(5) {
            if let Some(w) = (c..weeks - 1).find(|&w| o.confirmed_receipts[w] != Qty::ZERO) {
                o.confirmed_receipts.swap(w, w + 1);
            }
        }
        older.series.push(Arc::new(o));
    }
    revise_forecasts(&mut older, rng);
    let unsigned: std::collections::HashSet<&str> = older
        .products
        .iter()
        .step_by(3)
        .map(|p| p.sku.as_str())
        .collect();
    let mut authors = std::mem::take(&mut older.authors);
    authors.retain(|sku, _| !unsigned.contains(sku));
    older.authors = authors;
    older
}

fn note(sku: &str, period: Option<String>, text: &str, who: usize, written: &str) -> Note {
    Note {
        sku: sku.to_string(),
        period,
        measure: Some("forecast".to_string()).filter(|_| who != 1),
        text: text.to_string(),
        author: PEOPLE[who % 3].to_string(),
        written: written.to_string(),
    }
}

/// A generated plan of `skus` SKUs (52 weeks of history, 104 ahead) with consensus
/// overrides, notes and signed changes, and `checkins` weekly check-in snapshots.
pub fn sample(skus: usize, families: usize, checkins: usize) -> Stored {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let mut live = generated_plan(today, skus, families, HISTORY, HORIZON);
    let mut rng = Rng(0x5107_A6E5_2026);
    let c = live.calendar.current();
    live.meta = PlanMeta {
        id: "plan-7f3a9c2e".to_string(),
        revision: 412,
        author: PEOPLE[0].to_string(),
        base: None,
    };
    for sku in 0..skus {
        if !rng.chance(5) {
            continue;
        }
        let who: Arc<str> = Arc::from(PEOPLE[sku % 3]);
        let s = live.series_mut(sku);
        for w in c..c + 8 {
            s.consensus[w] = Some(scaled(s.forecast[w], 110));
        }
        let code = live.products[sku].sku.clone();
        for w in c..c + 8 {
            let slot = Slot::Cell(SeriesField::Consensus, w);
            live.authors.set(&code, slot, Some(who.clone()));
        }
        live.authors.set(&code, Slot::Product, Some(who));
    }
    for k in 0..skus.min(40) {
        let sku = live.products[k * 7 % skus].sku.clone();
        let period = (k % 2 == 0).then(|| live.calendar.label((c + k % 13) as isize));
        live.notes.push(note(
            &sku,
            period,
            "Promo confirmed with the retailer; volumes as agreed in the call.",
            k,
            "2026-11-20",
        ));
    }
    let mut snapshots = Vec::with_capacity(checkins);
    let mut newer = live.clone();
    for k in 0..checkins {
        let mut older = if k == 0 {
            let mut o = newer.clone();
            revise_forecasts(&mut o, &mut rng);
            o
        } else {
            week_before(&newer, &mut rng)
        };
        let week = older.calendar.label(older.calendar.current() as isize);
        older.meta.revision = newer.meta.revision.saturating_sub(37);
        older.meta.base = Some(format!("{}-{week}-prev", live.meta.id));
        older.notes.truncate(newer.notes.len().saturating_sub(4));
        let taken = older.calendar.monday(older.calendar.current() as isize);
        snapshots.push(Snapshot {
            id: format!("{}-{week}-{:04x}", live.meta.id, rng.next() & 0xffff),
            taken: taken.format("%Y-%m-%d").to_string(),
            author: PEOPLE[k % 3].to_string(),
            plan: older.clone(),
        });
        newer = older;
    }
    live.meta.base = snapshots.first().map(|s| s.id.clone());
    snapshots.reverse();
    Stored {
        plan: live,
        snapshots,
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Times `runs` encodes and decodes of [`sample`]`(skus, skus / 100, 8)`.
pub fn run(skus: usize, runs: usize, now: &dyn Fn() -> f64) -> StorageFigures {
    let stored = sample(skus, skus.div_ceil(100), 8);
    let text = encode(&stored);
    let round_trip = decode(&text).is_ok_and(|d| d == stored);
    let mut enc = Vec::with_capacity(runs);
    let mut dec = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = now();
        let saved = encode(&stored);
        enc.push(now() - t);
        let t = now();
        let back = decode(&saved);
        dec.push(now() - t);
        drop(back);
    }
    StorageFigures {
        skus,
        weeks: stored.plan.calendar.len(),
        snapshots: stored.snapshots.len(),
        chars: text.len(),
        encode_ms: median(enc),
        decode_ms: median(dec),
        round_trip,
    }
}
