//! What a validated diff does to the plan itself (nothing derived: the workbook recalculates
//! after), and which SKUs' events rows it can move.

use super::history::Diff;
use crate::engine::model::event::DemandEvent;
use crate::engine::model::plan::Plan;
use crate::engine::model::series::SeriesField;
use std::collections::BTreeMap;

/// SKUs whose events row these diffs can change, each with the first week it can change
/// in: those of an event added, changed or removed; and, when a forecast or a product
/// changes, those of the events that lift it (a family's units are split by forecast).
pub(super) fn lifted_by(plan: &Plan, diffs: &[Diff]) -> BTreeMap<usize, usize> {
    let mut out = BTreeMap::new();
    let cal = &plan.calendar;
    let mut add = |e: &DemandEvent| {
        let start = e.weeks(cal).start;
        for sku in e.skus(&plan.products) {
            let w = out.entry(sku).or_insert(start);
            *w = (*w).min(start);
        }
    };
    for d in diffs {
        match d {
            Diff::Event { old, new, .. } => {
                old.iter().chain(new).for_each(|e| add(e));
            }
            Diff::Cell {
                sku,
                field: SeriesField::Forecast,
                ..
            } => plan
                .events
                .iter()
                .filter(|e| e.active && e.skus(&plan.products).contains(sku))
                .for_each(&mut add),
            // A SKU moved to another family leaves one family event and joins another.
            Diff::Product { .. } => plan.events.iter().for_each(&mut add),
            _ => {}
        }
    }
    out
}

/// Writes one validated diff into the plan (nothing derived).
pub(super) fn apply_diff(plan: &mut Plan, d: &Diff) {
    match d {
        Diff::Cell {
            sku,
            field,
            week,
            new,
            ..
        } => plan.series_mut(*sku).set(*field, *week, *new),
        Diff::Product { sku, new, .. } => plan.products[*sku] = (**new).clone(),
        Diff::Channels { sku, new, .. } => plan.series_mut(*sku).channels = (**new).clone(),
        Diff::Added { product, .. } => {
            plan.add_product((**product).clone());
        }
        Diff::Removed { .. } => {
            plan.products.pop();
            plan.series.pop();
        }
        Diff::Plan { new, .. } => *plan = (**new).clone(),
        // Applied in order, so the SKU is in the plan (added earlier in the same change, or
        // not yet removed by its undo).
        Diff::Author { sku, slot, new, .. } => {
            if let Some(p) = plan.products.get(*sku) {
                plan.authors.set(&p.sku, *slot, new.clone());
            }
        }
        Diff::Decision { index, old, new } => apply_to_list(&mut plan.decisions, *index, old, new),
        Diff::Note { index, old, new } => apply_to_list(&mut plan.notes, *index, old, new),
        Diff::Event { index, old, new } => apply_to_list(&mut plan.events, *index, old, new),
    }
}

/// A list entry added (`old` is `None`), replaced, or taken away (`new` is `None`) at `index`.
fn apply_to_list<T: Clone>(
    list: &mut Vec<T>,
    index: usize,
    old: &Option<Box<T>>,
    new: &Option<Box<T>>,
) {
    match (old, new) {
        (None, Some(item)) => list.insert(index.min(list.len()), (**item).clone()),
        (Some(_), Some(item)) => {
            if let Some(slot) = list.get_mut(index) {
                *slot = (**item).clone();
            }
        }
        (Some(_), None) => {
            if index < list.len() {
                list.remove(index);
            }
        }
        (None, None) => {}
    }
}
