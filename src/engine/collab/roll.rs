//! The weekly roll: a plan saved last week and opened today must start from today's week.
//! The weeks that went by join the past with every value kept (their forecast stays, so
//! it can be scored against the actuals), the same number of empty weeks join the end so
//! the horizon keeps its length, and the oldest weeks go once the history is full.

use crate::engine::model::authors::Authors;
use crate::engine::model::calendar::{monday_of, Calendar, MAX_HISTORY};
use crate::engine::model::plan::{Plan, Slot};
use crate::engine::model::series::{SeriesField, SkuSeries};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The plan with its current week moved to the week holding `today`; unchanged when today
/// is not after its current week. Products, notes and meta are kept as they are (on hand
/// is what the planner last entered: the roll does not guess the stock).
pub fn roll_to(plan: &Plan, today: NaiveDate) -> Plan {
    let cal = &plan.calendar;
    let current = cal.monday(cal.current() as isize);
    let weeks = (monday_of(today) - current).num_weeks();
    if weeks <= 0 {
        return plan.clone();
    }
    let history = usize::try_from(weeks)
        .unwrap_or(usize::MAX)
        .saturating_add(cal.history())
        .min(MAX_HISTORY);
    let Ok(rolled) = Calendar::around(today, history, cal.horizon()) else {
        return plan.clone();
    };
    // Where each week of the new calendar was in the old one (None: a new week).
    let from: Vec<Option<usize>> = (0..rolled.len())
        .map(|w| cal.index_of_date(rolled.monday(w as isize)))
        .collect();
    let mut out = plan.clone();
    out.series = plan
        .series
        .iter()
        .map(|s| Arc::new(moved(s, &from)))
        .collect();
    let to: BTreeMap<usize, usize> = from
        .iter()
        .enumerate()
        .filter_map(|(new, old)| Some(((*old)?, new)))
        .collect();
    out.authors = moved_authors(&plan.authors, |w| to.get(&w).copied());
    out.calendar = rolled;
    out
}

/// Signatures with their weeks moved by `to` (old week → new week); those of a week `to`
/// drops are dropped.
pub fn moved_authors(authors: &Authors, to: impl Fn(usize) -> Option<usize>) -> Authors {
    let mut out = Authors::default();
    for (sku, slot, who) in authors.iter() {
        let slot = match slot {
            Slot::Product => Slot::Product,
            Slot::Cell(field, w) => match to(w) {
                Some(w) => Slot::Cell(field, w),
                None => continue,
            },
        };
        out.set(sku, slot, Some(who.clone()));
    }
    out
}

/// A SKU's series on the new calendar: each week's values from its old week, or empty.
fn moved(s: &SkuSeries, from: &[Option<usize>]) -> SkuSeries {
    let mut out = SkuSeries::zeros(from.len());
    for (new, old) in from.iter().enumerate() {
        let Some(old) = *old else { continue };
        for field in SeriesField::ALL {
            let value = match field {
                SeriesField::Consensus => s.consensus.get(old).copied().flatten(),
                _ => s.get(field, old),
            };
            out.set(field, new, value);
        }
    }
    // The channel split moves with the actual sales; weeks that fall out take theirs along.
    for (name, values) in &s.channels {
        let moved: Vec<_> = from
            .iter()
            .map(|old| old.and_then(|o| values.get(o).copied()).unwrap_or_default())
            .collect();
        out.channels.insert(name.clone(), moved);
    }
    crate::engine::model::breakdown::tidy_channels(&mut out.channels);
    out
}
