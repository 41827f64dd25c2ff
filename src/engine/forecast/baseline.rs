//! The statistical baseline forecast of a plan: per SKU, from its weekly actual sales, a
//! forecast for the current week and after (method picked by backtest, see
//! [`super::selection`]). A SKU without sales of its own (a new product) gets its
//! family's average weekly profile; its launch curve is typed as consensus, which stays on
//! top. (A launch curve typed into the forecast itself could not be told apart, a week
//! later, from a family profile written by the last re-forecast.)
//!
//! [`reforecast`] writes the baselines into the `forecast` series of future weeks only, as
//! cell edits the UI applies as one undoable change; the consensus is never touched, so
//! overrides stay on top and survive a re-forecast. Fitting takes a few milliseconds a SKU,
//! so the UI fits SKUs a few at a time ([`own`]) and then [`complete`]s and writes them
//! ([`edits`]).

use super::methods::{Method, Settings};
use super::selection::select;
use crate::engine::edit::workbook::CellEdit;
use crate::engine::model::plan::Plan;
use crate::engine::model::qty::{Qty, MAX_UNITS};
use crate::engine::model::series::SeriesField;
use serde::{Deserialize, Serialize};

/// The statistical forecast of one SKU: the method picked by backtest and its values ahead.
/// Serialisable: a worker fits it and posts it back (`crate::worker`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// The method that scored best on the held-out weeks.
    pub method: Method,
    /// WMAPE on the 13 held-out weeks; `None` when not scored (short or no history).
    pub backtest_error: Option<f64>,
    /// One value per future week (the current week first), in whole units; never negative.
    pub forecast: Vec<Qty>,
}

/// A SKU's sales history: its past actuals from the first week it sold (weeks of zeros
/// before a launch are not history). Empty for a product that never sold.
pub fn history(plan: &Plan, sku: usize) -> Vec<f64> {
    let past = &plan.series[sku].actual[plan.calendar.past()];
    let start = past.iter().position(|q| q.0 != 0).unwrap_or(past.len());
    past[start..].iter().map(|q| q.to_f64()).collect()
}

/// A float as a quantity: finite, 0 to [`MAX_UNITS`], in whole units (a forecast of
/// 2,458.5 candles reads as false precision and leaves fractions in every total).
fn to_qty(v: f64) -> Qty {
    let v = if v.is_finite() {
        v.clamp(0.0, MAX_UNITS).round()
    } else {
        0.0
    };
    Qty::from_f64(v).unwrap_or(Qty::ZERO)
}

/// The baseline of a SKU from its own history; `None` when it has none (a new product).
pub fn own(plan: &Plan, sku: usize) -> Option<Baseline> {
    fit(&history(plan, sku), plan.calendar.horizon())
}

/// The baseline of a sales [`history`] for `weeks` ahead; `None` for an empty history. This
/// is the costly part (a few milliseconds: ETS fits), the part a worker runs.
pub fn fit(history: &[f64], weeks: usize) -> Option<Baseline> {
    let s = select(history, weeks, &Settings::WEEKLY)?;
    Some(Baseline {
        method: s.method,
        backtest_error: s.backtest_error,
        forecast: s.forecast.into_iter().map(to_qty).collect(),
    })
}

/// A new product's baseline: the average, week by week, of the baselines of its family's
/// SKUs that have history (`siblings`), or zero when there are none.
fn new_product(plan: &Plan, siblings: &[&Baseline]) -> Baseline {
    let weeks = plan.calendar.horizon();
    if siblings.is_empty() {
        return Baseline {
            method: Method::Zero,
            backtest_error: None,
            forecast: vec![Qty::ZERO; weeks],
        };
    }
    let forecast = (0..weeks)
        .map(|w| siblings.iter().map(|b| b.forecast[w].to_f64()).sum::<f64>())
        .map(|total| to_qty(total / siblings.len() as f64))
        .collect();
    Baseline {
        method: Method::FamilyProfile,
        backtest_error: None,
        forecast,
    }
}

/// Every SKU's baseline from the [`own`] ones (in product order): new products get theirs
/// from the family.
pub fn complete(plan: &Plan, own: Vec<Option<Baseline>>) -> Vec<Baseline> {
    let products = &plan.products;
    (0..products.len())
        .map(|i| match own.get(i).and_then(Option::as_ref) {
            Some(b) => b.clone(),
            None => {
                let siblings: Vec<&Baseline> = (0..products.len())
                    .filter(|&j| products[j].family == products[i].family)
                    .filter_map(|j| own.get(j).and_then(Option::as_ref))
                    .collect();
                new_product(plan, &siblings)
            }
        })
        .collect()
}

/// Baselines of all SKUs, in product order.
pub fn baselines(plan: &Plan) -> Vec<Baseline> {
    complete(
        plan,
        (0..plan.products.len()).map(|i| own(plan, i)).collect(),
    )
}

/// One SKU's baseline (a new product's needs its family's, which are fitted too).
pub fn baseline(plan: &Plan, sku: usize) -> Baseline {
    let needs = needed_for(plan, sku);
    let fitted = needs.iter().map(|&j| own(plan, j)).collect();
    one_of(plan, sku, &needs, fitted)
}

/// The SKUs whose own baselines make up `sku`'s: itself when it has sales, else the other
/// SKUs of its family (a new product gets their average profile).
pub fn needed_for(plan: &Plan, sku: usize) -> Vec<usize> {
    if !history(plan, sku).is_empty() {
        return vec![sku];
    }
    let family = plan.products.get(sku).map(|p| &p.family);
    (0..plan.products.len())
        .filter(|&j| j != sku && Some(&plan.products[j].family) == family)
        .collect()
}

/// `sku`'s baseline from the own baselines (`fitted`) of the SKUs it `needs`
/// ([`needed_for`]), in that order.
pub fn one_of(plan: &Plan, sku: usize, needs: &[usize], fitted: Vec<Option<Baseline>>) -> Baseline {
    match (needs, fitted.first()) {
        ([only], Some(Some(b))) if *only == sku => b.clone(),
        _ => new_product(plan, &fitted.iter().flatten().collect::<Vec<_>>()),
    }
}

/// The edits that write the baselines into the forecast for the current week and after,
/// only where the value changes. Past weeks and the consensus are never touched.
pub fn edits(plan: &Plan, baselines: &[Baseline]) -> Vec<CellEdit> {
    let first = plan.calendar.current();
    let mut edits = Vec::new();
    for (sku, b) in baselines.iter().enumerate().take(plan.series.len()) {
        for (i, &q) in b.forecast.iter().enumerate() {
            let week = first + i;
            if plan.series[sku]
                .forecast
                .get(week)
                .is_some_and(|&old| old != q)
            {
                edits.push(CellEdit {
                    sku,
                    field: SeriesField::Forecast,
                    week,
                    value: Some(q),
                });
            }
        }
    }
    edits
}

/// The edits of a whole re-forecast, fitted in one go (tests, benchmarks).
pub fn reforecast(plan: &Plan) -> Vec<CellEdit> {
    edits(plan, &baselines(plan))
}

/// How many SKUs each method forecast, most used first (ties in method order), for the
/// sentence the planner reads after a re-forecast.
pub fn methods_used(baselines: &[Baseline]) -> Vec<(Method, usize)> {
    let mut counts: Vec<(Method, usize)> = Vec::new();
    for b in baselines {
        match counts.iter_mut().find(|(m, _)| *m == b.method) {
            Some((_, n)) => *n += 1,
            None => counts.push((b.method, 1)),
        }
    }
    counts.sort_by_key(|&(m, n)| (std::cmp::Reverse(n), m as u8));
    counts
}

/// Consensus overrides in the current week and after: they stay on top of a re-forecast.
pub fn overrides_ahead(plan: &Plan) -> usize {
    let future = plan.calendar.future();
    plan.series
        .iter()
        .map(|s| s.consensus[future.clone()].iter().flatten().count())
        .sum()
}
