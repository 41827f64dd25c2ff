//! The statistical baseline forecast of a plan: per SKU, from its weekly actual sales, a
//! forecast for the current week and after (method picked by backtest, see
//! [`super::method_selection`]). A SKU without sales of its own gets its family's average
//! weekly profile, scaled to the SKU.
//!
//! [`reforecast`] writes the baselines into the `forecast` series of future weeks only, as
//! cell edits the UI applies as one undoable change; the consensus is never touched, so
//! overrides stay on top and survive a re-forecast.

use super::forecast_methods::{Method, Settings};
use super::method_selection::select;
use super::plan::Plan;
use super::qty::{Qty, MAX_UNITS};
use super::series::SeriesField;
use super::workbook::CellEdit;

#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    pub method: Method,
    /// WMAPE on the 13 held-out weeks; `None` when not scored (short or no history).
    pub backtest_error: Option<f64>,
    /// One value per future week (the current week first); never negative.
    pub forecast: Vec<Qty>,
}

/// A SKU's sales history: its past actuals from the first week it sold (weeks of zeros
/// before a launch are not history).
fn history(plan: &Plan, sku: usize) -> Vec<f64> {
    let past = &plan.series[sku].actual[plan.calendar.past()];
    let start = past.iter().position(|q| q.0 != 0).unwrap_or(past.len());
    past[start..].iter().map(|q| q.to_f64()).collect()
}

/// A float as a quantity: finite, 0 to [`MAX_UNITS`], rounded to the thousandth.
fn to_qty(v: f64) -> Qty {
    let v = if v.is_finite() {
        v.clamp(0.0, MAX_UNITS)
    } else {
        0.0
    };
    Qty::from_f64(v).unwrap_or(Qty::ZERO)
}

/// The baseline of a SKU with history; `None` when it has none.
fn own_baseline(plan: &Plan, sku: usize) -> Option<Baseline> {
    let s = select(
        &history(plan, sku),
        plan.calendar.horizon(),
        &Settings::WEEKLY,
    )?;
    Some(Baseline {
        method: s.method,
        backtest_error: s.backtest_error,
        forecast: s.forecast.into_iter().map(to_qty).collect(),
    })
}

/// A new product's baseline from the baselines of its family's SKUs that have history
/// (`siblings`): their average week by week, scaled so its total matches the forecast the
/// SKU already holds for those weeks (a launch estimate), or the average SKU when it holds
/// none.
fn family_baseline(plan: &Plan, sku: usize, siblings: &[&Baseline]) -> Baseline {
    let weeks = plan.calendar.horizon();
    if siblings.is_empty() {
        return Baseline {
            method: Method::Zero,
            backtest_error: None,
            forecast: vec![Qty::ZERO; weeks],
        };
    }
    let profile: Vec<f64> = (0..weeks)
        .map(|w| siblings.iter().map(|b| b.forecast[w].to_f64()).sum::<f64>())
        .map(|total| total / siblings.len() as f64)
        .collect();
    let held: f64 = plan.series[sku].forecast[plan.calendar.future()]
        .iter()
        .map(|q| q.to_f64())
        .sum();
    let profile_total: f64 = profile.iter().sum();
    let scale = if held > 0.0 && profile_total > 0.0 {
        held / profile_total
    } else {
        1.0
    };
    Baseline {
        method: Method::FamilyProfile,
        backtest_error: None,
        forecast: profile.into_iter().map(|v| to_qty(v * scale)).collect(),
    }
}

/// Baselines of all SKUs, in product order.
pub fn baselines(plan: &Plan) -> Vec<Baseline> {
    let own: Vec<Option<Baseline>> = (0..plan.products.len())
        .map(|i| own_baseline(plan, i))
        .collect();
    (0..plan.products.len())
        .map(|i| match &own[i] {
            Some(b) => b.clone(),
            None => {
                let family = &plan.products[i].family;
                let siblings: Vec<&Baseline> = (0..plan.products.len())
                    .filter(|&j| &plan.products[j].family == family)
                    .filter_map(|j| own[j].as_ref())
                    .collect();
                family_baseline(plan, i, &siblings)
            }
        })
        .collect()
}

/// One SKU's baseline (a new product's needs its family's, which are computed too).
pub fn baseline(plan: &Plan, sku: usize) -> Baseline {
    if let Some(b) = own_baseline(plan, sku) {
        return b;
    }
    let family = &plan.products[sku].family;
    let siblings: Vec<Baseline> = (0..plan.products.len())
        .filter(|&j| j != sku && &plan.products[j].family == family)
        .filter_map(|j| own_baseline(plan, j))
        .collect();
    family_baseline(plan, sku, &siblings.iter().collect::<Vec<_>>())
}

/// The edits that write every SKU's baseline into its forecast for the current week and
/// after, only where the value changes. Past weeks and the consensus are never touched.
pub fn reforecast(plan: &Plan) -> Vec<CellEdit> {
    let first = plan.calendar.current();
    let mut edits = Vec::new();
    for (sku, b) in baselines(plan).into_iter().enumerate() {
        for (i, q) in b.forecast.into_iter().enumerate() {
            let week = first + i;
            if plan.series[sku].forecast[week] != q {
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
