//! The values of a plan, each settled on its own: product records field by field, series week
//! by week, family capacities, demand events by id; and decisions, merged as a union.

use super::rows::{cell, empty, Row};
use super::settle::{Run, Versions, Won};
use super::splits::Copies;
use crate::engine::collab::conflict::{Place, ProductField, Value};
use crate::engine::model::decision::Decision;
use crate::engine::model::plan::{Plan, Slot};
use crate::engine::model::product::Product;
use crate::engine::model::series::{SeriesField, SkuSeries};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

impl<'a> Run<'a> {
    /// The merged product record, field by field.
    pub(super) fn product(&mut self, row: &Row) -> Product {
        let inputs = self.inputs;
        let at = |p: &'a Plan, i: Option<usize>| i.and_then(|i| p.products.get(i));
        let (ours, theirs) = (at(&inputs.ours, row.ours), at(&inputs.theirs, row.theirs));
        let base = inputs.base.as_ref().and_then(|b| at(b, row.base));
        let mut merged = ours
            .or(theirs)
            .cloned()
            .unwrap_or_else(|| Product::new(row.code, "", ""));
        merged.sku = row.code.to_string();
        let sku = self.out.products.len();
        let keys = [
            row.ours.map(|i| (i, Slot::Product)),
            row.theirs.map(|i| (i, Slot::Product)),
        ];
        let (mut ours_won, mut theirs_won) = (false, false);
        // With a location split, on hand is the sum of the merged locations.
        let split = [base, ours, theirs]
            .into_iter()
            .flatten()
            .any(|p| !p.locations.is_empty());
        for field in ProductField::ALL {
            if split && field == ProductField::OnHand {
                continue;
            }
            let v = Versions {
                base: base.map(|p| field.get(p)),
                ours: ours.map(|p| field.get(p)),
                theirs: theirs.map(|p| field.get(p)),
            };
            let describe = || {
                let what = field.label().to_string();
                (row.code.to_string(), what, Place::Product { sku, field })
            };
            if let Some((value, won)) = self.settle(v, keys, describe) {
                field.set(&mut merged, &value);
                ours_won |= won == Won::Ours;
                theirs_won |= won == Won::Theirs;
            }
        }
        if split {
            let [o, t] = self.locations(row.code, sku, [base, ours, theirs], keys, &mut merged);
            ours_won |= o;
            theirs_won |= t;
        }
        let won = match (ours_won, theirs_won) {
            (true, false) => Won::Ours,
            (false, true) => Won::Theirs,
            _ => Won::Both,
        };
        self.sign(row.code, Slot::Product, won, keys);
        merged
    }

    /// The merged series of one SKU, week by week of our calendar.
    pub(super) fn series(
        &mut self,
        row: &Row,
        sku: usize,
        base_weeks: &[Option<usize>],
        their_weeks: &[Option<usize>],
    ) -> Arc<SkuSeries> {
        let inputs = self.inputs;
        let at = |p: &'a Plan, i: Option<usize>| i.and_then(|i| p.series.get(i));
        let ours = at(&inputs.ours, row.ours);
        let theirs = at(&inputs.theirs, row.theirs);
        let base = inputs.base.as_ref().map(|b| at(b, row.base));
        let cal = &inputs.ours.calendar;
        let mut merged = SkuSeries::zeros(cal.len());
        // With a channel split, actual sales are the sums of the merged channels.
        let split = [ours, theirs, base.flatten()]
            .into_iter()
            .flatten()
            .any(|s| !s.channels.is_empty());
        if split {
            let copies = Copies {
                base: base.map(|s| s.map(|s| &**s)),
                ours: ours.map(|s| &**s),
                theirs: theirs.map(|s| &**s),
            };
            self.channels(row, sku, copies, base_weeks, their_weeks, &mut merged);
        }
        for field in SeriesField::ALL {
            if split && field == SeriesField::Actual {
                continue;
            }
            for w in 0..cal.len() {
                let their_week = their_weeks[w];
                let v = Versions {
                    base: base.map(|s| {
                        s.zip(base_weeks[w])
                            .and_then(|(s, bw)| cell(s, field, bw))
                            .unwrap_or(empty(field))
                    }),
                    ours: ours.and_then(|s| cell(s, field, w)),
                    theirs: theirs
                        .zip(their_week)
                        .and_then(|(s, tw)| cell(s, field, tw)),
                };
                let keys = [
                    row.ours.map(|i| (i, Slot::Cell(field, w))),
                    row.theirs
                        .zip(their_week)
                        .map(|(i, tw)| (i, Slot::Cell(field, tw))),
                ];
                let describe = || {
                    let what = format!("{} {}", field.label(), cal.label(w as isize));
                    let at = Place::Cell {
                        sku,
                        field,
                        week: w,
                    };
                    (row.code.to_string(), what, at)
                };
                if let Some((Value::Qty(value), won)) = self.settle(v, keys, describe) {
                    merged.set(field, w, value);
                    self.sign(row.code, Slot::Cell(field, w), won, keys);
                }
            }
        }
        // Unchanged from ours: share it, as the check-in snapshots do.
        match row.ours.and_then(|i| inputs.ours.series.get(i)) {
            Some(s) if **s == merged => Arc::clone(s),
            _ => Arc::new(merged),
        }
    }

    /// Each family's capacity (`None`: not set).
    pub(super) fn capacity(&mut self) {
        let inputs = self.inputs;
        let (base, ours, theirs) = (inputs.base.as_ref(), &inputs.ours, &inputs.theirs);
        let families: BTreeSet<&String> = base
            .into_iter()
            .chain([ours, theirs])
            .flat_map(|p| p.capacity.keys())
            .collect();
        for family in families {
            let get = |p: &Plan| Value::Qty(p.capacity.get(family).copied());
            let v = Versions {
                base: base.map(get),
                ours: Some(get(ours)),
                theirs: Some(get(theirs)),
            };
            let describe = || {
                let at = Place::Capacity(family.clone());
                (
                    format!("family:{family}"),
                    "weekly capacity".to_string(),
                    at,
                )
            };
            if let Some((Value::Qty(Some(q)), _)) = self.settle(v, [None, None], describe) {
                self.out.capacity.insert(family.clone(), q);
            }
        }
    }

    /// Both copies' demand events by id, like any other value: added, changed or removed in
    /// one copy only takes that change; changed differently in both (or changed in one and
    /// removed in the other) is a conflict for the planner. Ours first in our order, then
    /// theirs not in ours.
    pub(super) fn events(&mut self) {
        let inputs = self.inputs;
        let (base, ours, theirs) = (inputs.base.as_ref(), &inputs.ours, &inputs.theirs);
        let mut ids: Vec<&str> = ours.events.iter().map(|e| e.id.as_str()).collect();
        let in_ours: BTreeSet<&str> = ids.iter().copied().collect();
        ids.extend(
            theirs
                .events
                .iter()
                .map(|e| e.id.as_str())
                .filter(|id| !in_ours.contains(id)),
        );
        for id in ids {
            let get = |p: &Plan| {
                Value::Event(p.events.iter().find(|e| e.id == id).cloned().map(Box::new))
            };
            let v = Versions {
                base: base.map(get),
                ours: Some(get(ours)),
                theirs: Some(get(theirs)),
            };
            let describe = || {
                let event = ours
                    .events
                    .iter()
                    .chain(&theirs.events)
                    .find(|e| e.id == id);
                let (target, name) = event.map_or(("", ""), |e| (&e.target[..], &e.name[..]));
                (
                    target.to_string(),
                    format!("event “{name}”"),
                    Place::Event(id.to_string()),
                )
            };
            if let Some((Value::Event(Some(e)), _)) = self.settle(v, [None, None], describe) {
                self.out.events.push(*e);
            }
        }
    }
}

/// Both copies' decisions by id, in the order recorded (then by id, the same from either
/// side); one closed in either copy stays closed (the earlier closing date).
pub(super) fn decisions(ours: &[Decision], theirs: &[Decision]) -> Vec<Decision> {
    let mut by_id: BTreeMap<&str, Decision> = BTreeMap::new();
    for d in ours.iter().chain(theirs) {
        match by_id.get_mut(d.id.as_str()) {
            None => {
                by_id.insert(&d.id, d.clone());
            }
            Some(kept) => {
                let closed = match (&kept.closed, &d.closed) {
                    (Some(a), Some(b)) => Some(a.min(b).clone()),
                    (a, b) => a.clone().or_else(|| b.clone()),
                };
                // The same decision either way round: the smaller record wins a difference.
                if *d < *kept {
                    *kept = d.clone();
                }
                kept.closed = closed;
            }
        }
    }
    let mut all: Vec<Decision> = by_id.into_values().collect();
    all.sort_by(|a, b| a.made.cmp(&b.made).then_with(|| a.id.cmp(&b.id)));
    all
}
