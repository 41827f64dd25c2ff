//! Forecast accuracy by lag: how good was the forecast made `lag` weeks ahead? Each check-in
//! snapshot froze the demand it planned for every week; the live plan now holds what sold.
//! Lag 1 scores last week's plan for this week (the call's own forecast); a longer lag scores
//! what purchasing had to order on, which is what matters for a lead time.
//!
//! WMAPE = Σ|A−F| / ΣA and bias = Σ(F−A) / ΣA (positive = over-forecast), over SKUs and weeks,
//! the same measures as [`crate::engine::calc::kpi`].

use crate::engine::model::checkin::Snapshot;
use crate::engine::model::plan::Plan;
use crate::engine::model::product::Product;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// How good the forecasts made a given number of weeks ahead turned out, over the check-ins kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Accuracy {
    /// Σ|A−F| / ΣA over the scored weeks (0.2 = 20 %).
    pub wmape: f64,
    /// Σ(F−A) / ΣA; positive means the forecasts were too high.
    pub bias: f64,
    /// Check-in weeks whose forecast at this lag could be scored.
    pub weeks_scored: usize,
    /// SKUs scored at least once.
    pub skus: usize,
}

/// Scores, for each check-in, the demand it held for its current week + `lag` against the
/// live plan's actual for that week, counted only once that week is past in the live plan.
/// `scope` picks SKUs by their live product record (so a family is scored as it is now).
/// Of two check-ins in the same week the later one counts (it is what the call agreed).
/// `None` when nothing could be scored or nothing sold.
pub fn accuracy(
    snapshots: &[Snapshot],
    now: &Plan,
    lag: usize,
    scope: impl Fn(&Product) -> bool,
) -> Option<Accuracy> {
    // Snapshots are kept oldest first: the last of each check-in week wins.
    let mut by_week: BTreeMap<NaiveDate, &Plan> = BTreeMap::new();
    for s in snapshots {
        let cal = &s.plan.calendar;
        by_week.insert(cal.monday(cal.current() as isize), &s.plan);
    }
    let mut live: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, p) in now.products.iter().enumerate() {
        live.entry(p.sku.as_str()).or_insert(i);
    }
    let now_cal = &now.calendar;
    let (mut abs_err, mut err, mut actual) = (0i128, 0i128, 0i128);
    let (mut weeks, mut skus) = (BTreeSet::new(), BTreeSet::new());
    for then in by_week.values() {
        let cal = &then.calendar;
        let Some(target) = cal.current().checked_add(lag).filter(|&t| t < cal.len()) else {
            continue;
        };
        let Some(week) = now_cal
            .index_of_date(cal.monday(target as isize))
            .filter(|&w| w < now_cal.current())
        else {
            continue;
        };
        for (p, s) in then.products.iter().zip(&then.series) {
            let Some(&i) = live.get(p.sku.as_str()) else {
                continue;
            };
            if !scope(&now.products[i]) {
                continue;
            }
            let forecast = s
                .consensus
                .get(target)
                .copied()
                .flatten()
                .or(s.forecast.get(target).copied());
            let sold = now.series.get(i).and_then(|s| s.actual.get(week));
            let (Some(f), Some(a)) = (forecast, sold) else {
                continue;
            };
            let (f, a) = (f.0 as i128, a.0 as i128);
            abs_err += (a - f).abs();
            err += f - a;
            actual += a;
            weeks.insert(week);
            skus.insert(p.sku.as_str());
        }
    }
    (actual != 0).then(|| Accuracy {
        wmape: abs_err as f64 / actual as f64,
        bias: err as f64 / actual as f64,
        weeks_scored: weeks.len(),
        skus: skus.len(),
    })
}
