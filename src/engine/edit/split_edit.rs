//! How changes reach a SKU's channel split, kept consistent with its actual sales total:
//! an import sets the split and the totals follow (`set_channels`); a typed total moves
//! the split by the rule of [`crate::engine::model::breakdown::retotal_week`] (`follow_totals`).

use super::error::PlanError;
use super::history::Diff;
use super::validate::check_quantity;
use crate::engine::model::breakdown::{label, retotal_week, tidy_channels, week_totals, Channels};
use crate::engine::model::plan::Plan;
use crate::engine::model::qty::Qty;
use crate::engine::model::series::{SeriesField, SkuSeries};
use std::collections::BTreeMap;

/// The diffs that give SKU `sku` this channel split, its actual sales becoming the split's
/// week totals. `added` are the SKU codes added earlier in the same change (all zero).
pub(super) fn set_channels(
    plan: &Plan,
    sku: usize,
    added: &[String],
    mut channels: Channels,
) -> Result<Vec<Diff>, PlanError> {
    let n = plan.products.len();
    let zeros;
    let (series, code) = match (plan.series.get(sku), sku.checked_sub(n)) {
        (Some(s), _) => (&**s, plan.products[sku].sku.as_str()),
        (None, Some(k)) if k < added.len() => {
            zeros = SkuSeries::zeros(plan.calendar.len());
            (&zeros, added[k].as_str())
        }
        _ => return Err(PlanError::UnknownSku(format!("#{sku}"))),
    };
    let cal = &plan.calendar;
    let weeks = cal.len();
    for (name, values) in &channels {
        if values.len() != weeks {
            return Err(PlanError::BadValue {
                what: format!("actual sales of {code} in channel {}", label(name)),
                value: values.len().to_string(),
                reason: format!("weeks are held but the plan has {weeks}"),
            });
        }
        for (w, q) in values.iter().enumerate() {
            let what = || {
                format!(
                    "actual sales of {code} in {} ({})",
                    cal.label(w as isize),
                    label(name)
                )
            };
            if *q != Qty::ZERO {
                check_quantity(&what(), *q)?;
            }
        }
    }
    // The totals first: a split all "not said" is tidied away, its units stay the total.
    let totals = week_totals(&channels, weeks);
    tidy_channels(&mut channels);
    let mut diffs = Vec::new();
    for (w, (old, new)) in series.actual.iter().zip(&totals).enumerate() {
        if old != new {
            check_quantity(
                &format!("actual sales of {code} in {}", cal.label(w as isize)),
                *new,
            )?;
            diffs.push(Diff::Cell {
                sku,
                field: SeriesField::Actual,
                week: w,
                old: Some(*old),
                new: Some(*new),
            });
        }
    }
    if series.channels != channels {
        diffs.push(Diff::Channels {
            sku,
            old: Box::new(series.channels.clone()),
            new: Box::new(channels),
        });
    }
    Ok(diffs)
}

/// For cell diffs of a change: the channel splits that follow the actual totals typed over
/// them (one diff per SKU with a split whose total changed).
pub(super) fn follow_totals(plan: &Plan, diffs: &[Diff]) -> Vec<Diff> {
    let weeks = plan.calendar.len();
    let mut by_sku: BTreeMap<usize, Channels> = BTreeMap::new();
    for d in diffs {
        let Diff::Cell {
            sku,
            field: SeriesField::Actual,
            week,
            new,
            ..
        } = d
        else {
            continue;
        };
        let Some(series) = plan.series.get(*sku).filter(|s| !s.channels.is_empty()) else {
            continue;
        };
        let channels = by_sku
            .entry(*sku)
            .or_insert_with(|| series.channels.clone());
        retotal_week(channels, weeks, *week, new.unwrap_or(Qty::ZERO));
    }
    by_sku
        .into_iter()
        .filter(|(sku, c)| plan.series[*sku].channels != *c)
        .map(|(sku, c)| Diff::Channels {
            sku,
            old: Box::new(plan.series[sku].channels.clone()),
            new: Box::new(c),
        })
        .collect()
}
