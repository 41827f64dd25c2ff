//! The engine benchmark, shared by the native example (`cargo run --release --example
//! bench_engine`) and the browser run (`tests/web_bench.rs`), so both time the same code.
//! The caller supplies the clock (milliseconds): `Instant` natively, `performance.now()` in wasm.

use crate::demo::generated_plan;
use crate::engine::{CellEdit, Edit, Qty, SeriesField, Workbook};
use chrono::NaiveDate;

/// Plan shape used by the benchmarks: 52 weeks of history and a 104-week horizon.
pub const HISTORY: usize = 52;
pub const HORIZON: usize = 104;
/// SKUs per family in generated plans.
pub const SKUS_PER_FAMILY: usize = 100;
/// Untimed full recomputes before timing: at least this many, for at least this long
/// (V8 optimises hot wasm functions in a background thread; on 2 busy cores that takes a while).
pub const WARMUP: usize = 5;
pub const WARMUP_MS: f64 = 1000.0;

#[derive(Clone, Debug)]
pub struct EngineFigures {
    pub skus: usize,
    pub weeks: usize,
    /// Median of full recomputes, ms.
    pub full_recompute_ms: f64,
    /// Median over batches of the mean time of one edit incl. family and total, ms.
    pub edit_ms: f64,
    /// 95th percentile of the batch means, ms.
    pub edit_p95_ms: f64,
}

impl std::fmt::Display for EngineFigures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:>6} SKUs x {} weeks: full recompute median {:.2} ms; one edit (SKU + family + total) median {:.4} ms, p95 {:.4} ms",
            self.skus, self.weeks, self.full_recompute_ms, self.edit_ms, self.edit_p95_ms
        )
    }
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn p95(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() as f64 * 0.95).ceil() as usize)
        .saturating_sub(1)
        .min(v.len() - 1)]
}

/// Times full recomputes and single edits on a generated plan of `skus` SKUs.
pub fn run(
    skus: usize,
    recomputes: usize,
    batches: usize,
    edits_per_batch: usize,
    now: &dyn Fn() -> f64,
) -> EngineFigures {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let plan = generated_plan(
        today,
        skus,
        skus.div_ceil(SKUS_PER_FAMILY),
        HISTORY,
        HORIZON,
    );
    let mut wb = Workbook::new(plan);
    // Warm-up: V8 runs wasm in its baseline tier first and optimises hot functions later;
    // the app runs these paths all day, so the optimised code is what users meet.
    let warm_start = now();
    let mut warm = 0;
    while warm < WARMUP || now() - warm_start < WARMUP_MS {
        wb.recompute_all();
        warm += 1;
    }
    let mut full: Vec<f64> = (0..recomputes)
        .map(|_| {
            let t = now();
            wb.recompute_all();
            now() - t
        })
        .collect();
    let current = wb.plan().calendar.current();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut edit_means: Vec<f64> = (0..batches)
        .map(|_| {
            let t = now();
            for _ in 0..edits_per_batch {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let sku = (state % skus as u64) as usize;
                let week = current + (state >> 20) as usize % HORIZON;
                let value = Some(Qty::units((state >> 40) as i64 % 500));
                let edit = CellEdit {
                    sku,
                    field: SeriesField::Consensus,
                    week,
                    value,
                };
                // The bench edits valid cells; an error here would be a bug worth seeing.
                if let Err(e) = wb.apply("bench", Edit::Cells(vec![edit])) {
                    panic!("benchmark edit failed: {e}");
                }
            }
            (now() - t) / edits_per_batch as f64
        })
        .collect();
    EngineFigures {
        skus,
        weeks: HISTORY + HORIZON,
        full_recompute_ms: median(&mut full),
        edit_ms: median(&mut edit_means),
        edit_p95_ms: p95(&mut edit_means),
    }
}
