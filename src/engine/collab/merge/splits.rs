//! Merging channel and location splits: each channel's week and each location's stock is
//! settled on its own, like any other value (a value a copy does not hold counts as zero, a
//! copy without a split has all of it "not said"); the total is then the sum, so two imports
//! of different channels in two copies merge without a conflict.

use super::rows::Row;
use super::settle::{AuthorKeys, Run, Versions, Won};
use crate::engine::collab::conflict::{Place, Value};
use crate::engine::model::breakdown::{
    channels_of, label, location_total, locations_of, tidy_channels, tidy_locations, week_totals,
    Channels, Locations,
};
use crate::engine::model::plan::Slot;
use crate::engine::model::product::Product;
use crate::engine::model::qty::Qty;
use crate::engine::model::series::{SeriesField, SkuSeries};
use std::collections::BTreeSet;

/// One SKU's series in the three copies (`base` is `None` without a check-in, `Some(None)`
/// when the check-in did not hold the SKU).
pub(super) struct Copies<'s> {
    pub base: Option<Option<&'s SkuSeries>>,
    pub ours: Option<&'s SkuSeries>,
    pub theirs: Option<&'s SkuSeries>,
}

/// Whether ours and theirs won any of the values settled.
fn side(won: Won) -> [bool; 2] {
    [won == Won::Ours, won == Won::Theirs]
}

impl Run<'_> {
    /// The merged channels of one SKU, week by week of our calendar, into `merged` with its
    /// actual sales as their totals.
    pub(super) fn channels(
        &mut self,
        row: &Row,
        sku: usize,
        copies: Copies,
        base_weeks: &[Option<usize>],
        their_weeks: &[Option<usize>],
        merged: &mut SkuSeries,
    ) {
        let cal = &self.inputs.ours.calendar;
        let weeks = cal.len();
        let base = copies.base.map(|s| s.map(channels_of).unwrap_or_default());
        let ours = copies.ours.map(channels_of);
        let theirs = copies.theirs.map(channels_of);
        let names: BTreeSet<String> = [&base, &ours, &theirs]
            .into_iter()
            .flatten()
            .flat_map(|c| c.keys().cloned())
            .collect();
        let at = |c: &Channels, name: &str, w: Option<usize>| {
            Value::Qty(Some(
                w.and_then(|w| c.get(name)?.get(w).copied())
                    .unwrap_or_default(),
            ))
        };
        let mut out = Channels::new();
        let mut won_in: Vec<[bool; 2]> = vec![[false; 2]; weeks];
        for name in names {
            let mut values = vec![Qty::ZERO; weeks];
            for w in 0..weeks {
                let v = Versions {
                    base: base
                        .as_ref()
                        .map(|c| at(c, &name, base_weeks.get(w).copied().flatten())),
                    ours: ours.as_ref().map(|c| at(c, &name, Some(w))),
                    theirs: theirs
                        .as_ref()
                        .and_then(|c| their_weeks[w].map(|tw| at(c, &name, Some(tw)))),
                };
                let keys: AuthorKeys = [
                    row.ours.map(|i| (i, Slot::Cell(SeriesField::Actual, w))),
                    row.theirs
                        .zip(their_weeks[w])
                        .map(|(i, tw)| (i, Slot::Cell(SeriesField::Actual, tw))),
                ];
                let describe = || {
                    let what = format!("actual sales ({}) {}", label(&name), cal.label(w as isize));
                    let at = Place::Channel {
                        sku,
                        channel: name.clone(),
                        week: w,
                    };
                    (row.code.to_string(), what, at)
                };
                if let Some((Value::Qty(Some(q)), won)) = self.settle(v, keys, describe) {
                    values[w] = q;
                    let [o, t] = side(won);
                    won_in[w][0] |= o;
                    won_in[w][1] |= t;
                }
            }
            out.insert(name, values);
        }
        merged.actual = week_totals(&out, weeks);
        for (w, [o, t]) in won_in.into_iter().enumerate() {
            let won = match (o, t) {
                (true, false) => Won::Ours,
                (false, true) => Won::Theirs,
                _ => Won::Both,
            };
            let keys: AuthorKeys = [
                row.ours.map(|i| (i, Slot::Cell(SeriesField::Actual, w))),
                row.theirs
                    .zip(their_weeks[w])
                    .map(|(i, tw)| (i, Slot::Cell(SeriesField::Actual, tw))),
            ];
            if merged.actual[w] != Qty::ZERO || o || t {
                self.sign(row.code, Slot::Cell(SeriesField::Actual, w), won, keys);
            }
        }
        tidy_channels(&mut out);
        merged.channels = out;
    }

    /// The merged locations of one SKU into `merged`, its on hand their total; whether ours
    /// and theirs won any.
    pub(super) fn locations(
        &mut self,
        code: &str,
        sku: usize,
        [base, ours, theirs]: [Option<&Product>; 3],
        keys: AuthorKeys,
        merged: &mut Product,
    ) -> [bool; 2] {
        let (base, ours, theirs) = (
            base.map(locations_of),
            ours.map(locations_of),
            theirs.map(locations_of),
        );
        let names: BTreeSet<String> = [&base, &ours, &theirs]
            .into_iter()
            .flatten()
            .flat_map(|c| c.keys().cloned())
            .collect();
        let at =
            |l: &Locations, name: &str| Value::Qty(Some(l.get(name).copied().unwrap_or_default()));
        let mut out = Locations::new();
        let mut won_any = [false; 2];
        for name in names {
            let v = Versions {
                base: base.as_ref().map(|l| at(l, &name)),
                ours: ours.as_ref().map(|l| at(l, &name)),
                theirs: theirs.as_ref().map(|l| at(l, &name)),
            };
            let describe = || {
                let what = format!("on hand at {}", label(&name));
                let at = Place::Location {
                    sku,
                    location: name.clone(),
                };
                (code.to_string(), what, at)
            };
            if let Some((Value::Qty(Some(q)), won)) = self.settle(v, keys, describe) {
                out.insert(name, q);
                let [o, t] = side(won);
                won_any[0] |= o;
                won_any[1] |= t;
            }
        }
        merged.on_hand = location_total(&out);
        tidy_locations(&mut out);
        merged.locations = out;
        won_any
    }
}
