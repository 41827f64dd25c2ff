//! The events row: what the active demand events add to each SKU's forecast, week by week.
//! Derived from the plan's events and forecasts, never stored in the plan: the workbook keeps
//! it with each SKU's other derived rows ([`super::derived::SkuDerived::lift`]) and brings it
//! up to date whenever an event, a forecast or a product changes.

use crate::engine::model::event::{Lift, MAX_LIFT};
use crate::engine::model::plan::Plan;
use crate::engine::model::qty::Qty;

/// Every SKU's events row: what the active events add to its forecast, week by week. Never
/// takes the forecast below zero.
pub fn lifts(plan: &Plan) -> Vec<Vec<Qty>> {
    let n = plan.calendar.len();
    let mut rows = vec![Vec::new(); plan.series.len()];
    for e in plan.events.iter().filter(|e| e.active) {
        let skus = e.skus(&plan.products);
        for w in e.weeks(&plan.calendar) {
            let shares = shares(plan, &skus, w, e.lift);
            for (&sku, add) in skus.iter().zip(shares) {
                let row = &mut rows[sku];
                if row.is_empty() {
                    *row = vec![Qty::ZERO; n];
                }
                // Saturating: many events could pass an i64; the cap below applies anyway.
                row[w] = Qty(row[w].0.saturating_add(add.0));
            }
        }
    }
    for (sku, row) in rows.iter_mut().enumerate() {
        for (w, q) in row.iter_mut().enumerate() {
            let f = plan.series[sku].forecast[w];
            *q = (*q).min(MAX_LIFT).max(Qty(-f.0));
        }
    }
    rows
}

/// A quantity rounded to whole units (half away from zero): +50 % of 111 candles is 56, not
/// 55.5, as a planner would write it.
fn whole(milli: i128) -> Qty {
    let units = (milli.abs() + 500) / 1000 * milli.signum();
    Qty((units * 1000) as i64)
}

/// What one event adds to each of `skus` in week `w`, in whole units: a percentage of each
/// SKU's forecast; units split in proportion to their forecasts (evenly when none has any),
/// the rounding remainder on the last so the parts add up to the whole.
fn shares(plan: &Plan, skus: &[usize], w: usize, lift: Lift) -> Vec<Qty> {
    let f = |i: usize| plan.series[i].forecast[w].0 as i128;
    match lift {
        Lift::Percent(p) => skus
            .iter()
            .map(|&i| whole(f(i) * p.0 as i128 / 100_000))
            .collect(),
        Lift::Units(u) => {
            let total: i128 = skus.iter().map(|&i| f(i)).sum();
            let n = skus.len() as i128;
            let mut out: Vec<Qty> = skus
                .iter()
                .map(|&i| match total {
                    0 => whole(u.0 as i128 / n),
                    t => whole(u.0 as i128 * f(i) / t),
                })
                .collect();
            let given: i64 = out.iter().map(|q| q.0).sum();
            if let Some(last) = out.last_mut() {
                last.0 += u.0 - given;
            }
            out
        }
    }
}
