//! Merging two copies of the same plan, edited apart since the check-in they share.
//!
//! Each input value (a SKU's week in one series, one field of a product record, a family's
//! capacity) is settled on its own: changed in one copy only → that copy's value; changed
//! the same way in both → that value; changed differently → a [`Conflict`] the planner picks.
//! Without a shared check-in ([`two_way`]) nothing is known to be a change, so every difference
//! is a conflict.
//!
//! Rules the planner can rely on:
//! - Weeks line up by date, SKUs by code. The merged plan keeps our calendar; their weeks
//!   outside it are left out and reported.
//! - A week or SKU the check-in did not hold counts as empty there (zero, consensus not set),
//!   as new weeks and new SKUs start out.
//! - SKUs are never removed: one added in either copy is added, one missing from a copy but
//!   in the check-in is kept and reported.
//! - Notes are the union of both copies' notes; so are decisions (by id), and a decision
//!   closed in either copy is closed.
//! - Who changed a value is taken from the copy whose value won.
//! - Symmetric: merging their copy into ours or ours into theirs, with the same value picked
//!   for each conflict, gives the same plan (only the author in its meta differs). So in a
//!   three-way merge SKUs follow the check-in's order, then the added ones by code.

mod splits;
use splits::Copies;

use super::conflict::{Conflict, Place, ProductField, Side, Value};
use crate::engine::model::calendar::Calendar;
use crate::engine::model::decision::Decision;
use crate::engine::model::note::Note;
use crate::engine::model::plan::{Plan, Slot};
use crate::engine::model::product::Product;
use crate::engine::model::series::{SeriesField, SkuSeries};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The outcome of a merge: the merged plan with every conflict resolved to our value, the
/// conflicts to put to the planner, and what happened, for the report.
#[derive(Clone, Debug)]
pub struct Merge {
    /// The merged plan, every conflict set to our value until the planner picks otherwise.
    pub plan_ours_default: Plan,
    /// The values both copies changed differently, for the planner to pick.
    pub conflicts: Vec<Conflict>,
    /// Values changed only in their copy, taken.
    pub applied_from_theirs: usize,
    /// Values changed only in our copy, kept.
    pub applied_from_ours: usize,
    /// Values changed the same way in both copies.
    pub agreed: usize,
    /// SKUs their copy added, now in the merged plan.
    pub added_from_theirs: Vec<String>,
    /// SKUs of the check-in missing from one copy, kept.
    pub kept: Vec<String>,
    /// Weeks of their calendar outside ours, left out.
    pub their_weeks_outside: usize,
    /// One sentence a line, for the planner.
    pub report: Vec<String>,
    inputs: Inputs,
}

/// What a merge was made from, kept so [`Merge::resolve`] can settle it again with picks.
#[derive(Clone, Debug)]
struct Inputs {
    base: Option<Plan>,
    ours: Plan,
    theirs: Plan,
    ours_by: String,
    theirs_by: String,
}

/// Merges their copy into ours against the check-in both copies last shared.
pub fn three_way(base: &Plan, ours: &Plan, theirs: &Plan, ours_by: &str, theirs_by: &str) -> Merge {
    Merge::of(Inputs {
        base: Some(base.clone()),
        ours: ours.clone(),
        theirs: theirs.clone(),
        ours_by: ours_by.to_string(),
        theirs_by: theirs_by.to_string(),
    })
}

/// Merges their copy into ours with no shared check-in: every difference becomes a conflict,
/// nothing is taken from their copy unasked (only SKUs ours lacks are added: whether they
/// added it or we removed it, the rule "never remove" keeps it).
pub fn two_way(ours: &Plan, theirs: &Plan, ours_by: &str, theirs_by: &str) -> Merge {
    Merge::of(Inputs {
        base: None,
        ours: ours.clone(),
        theirs: theirs.clone(),
        ours_by: ours_by.to_string(),
        theirs_by: theirs_by.to_string(),
    })
}

impl Merge {
    fn of(inputs: Inputs) -> Merge {
        let run = Run::settle_all(&inputs, &[]);
        let mut merge = Merge {
            plan_ours_default: run.out,
            conflicts: run.conflicts,
            applied_from_theirs: run.from_theirs,
            applied_from_ours: run.from_ours,
            agreed: run.agreed,
            added_from_theirs: Vec::new(),
            kept: Vec::new(),
            their_weeks_outside: 0,
            report: Vec::new(),
            inputs,
        };
        merge.write_report();
        merge
    }

    /// The merged plan with one pick per conflict, in order (a missing pick keeps ours).
    pub fn resolve(&self, picks: &[Side]) -> Plan {
        Run::settle_all(&self.inputs, picks).out
    }

    fn write_report(&mut self) {
        let Inputs {
            base,
            ours,
            theirs,
            theirs_by,
            ..
        } = &self.inputs;
        let mut report = Vec::new();
        if base.is_none() {
            report.push(format!(
                "No check-in shared with {theirs_by}'s copy: every difference is a choice."
            ));
        }
        report.push(format!(
            "{} change(s) taken from {theirs_by}'s copy, {} of ours kept, {} made the same in both.",
            self.applied_from_theirs, self.applied_from_ours, self.agreed
        ));
        for row in rows(base.as_ref(), ours, theirs) {
            match (row.base, row.ours, row.theirs) {
                (None, None, Some(_)) => self.added_from_theirs.push(row.code.to_string()),
                (Some(_), Some(_), None) => {
                    self.kept.push(row.code.to_string());
                    report.push(format!(
                        "{} is missing from {theirs_by}'s copy: kept.",
                        row.code
                    ));
                }
                (Some(_), None, Some(_)) => {
                    self.kept.push(row.code.to_string());
                    report.push(format!(
                        "{} is missing from this copy but was in the check-in: kept as {theirs_by} has it.",
                        row.code
                    ));
                }
                _ => {}
            }
        }
        if !self.added_from_theirs.is_empty() {
            report.push(format!(
                "Added from {theirs_by}'s copy: {}.",
                self.added_from_theirs.join(", ")
            ));
        }
        let (outside, lost) = weeks_outside(base.as_ref(), ours, theirs);
        self.their_weeks_outside = outside.len();
        if !outside.is_empty() {
            report.push(format!(
                "{theirs_by}'s copy holds {} week(s) outside this plan ({}): left out, with {lost} value(s) entered there.",
                outside.len(),
                theirs.calendar.weeks_label(&outside)
            ));
        }
        if !self.conflicts.is_empty() {
            report.push(format!(
                "{} value(s) were changed differently in both copies: pick one for each.",
                self.conflicts.len()
            ));
        }
        self.report = report;
    }
}

/// Their weeks outside our calendar, and how many values there differ from the check-in
/// (any non-empty value without one).
fn weeks_outside(base: Option<&Plan>, ours: &Plan, theirs: &Plan) -> (Vec<usize>, usize) {
    let cal = &theirs.calendar;
    let outside: Vec<usize> = (0..cal.len())
        .filter(|&w| {
            ours.calendar
                .index_of_date(cal.monday(w as isize))
                .is_none()
        })
        .collect();
    let mut lost = 0;
    for &w in &outside {
        let base_week = base.and_then(|b| b.calendar.index_of_date(cal.monday(w as isize)));
        for (p, s) in theirs.products.iter().zip(&theirs.series) {
            let then = base
                .zip(base_week)
                .and_then(|(b, bw)| Some((b, b.sku_index(&p.sku)?, bw)))
                .and_then(|(b, i, bw)| Some((b.series.get(i)?, bw)));
            for field in SeriesField::ALL {
                let before = then
                    .and_then(|(bs, bw)| cell(bs, field, bw))
                    .unwrap_or(empty(field));
                if cell(s, field, w).is_some_and(|v| v != before) {
                    lost += 1;
                }
            }
        }
    }
    (outside, lost)
}

/// One SKU of the merged plan and where it sits in each copy.
struct Row<'p> {
    code: &'p str,
    base: Option<usize>,
    ours: Option<usize>,
    theirs: Option<usize>,
}

/// The merged plan's SKUs in order. Three-way: the check-in's order, then SKUs added in
/// either copy by code (the same whichever side merges). Two-way: ours, then theirs' others.
/// A code held twice in one plan counts once (its first row).
fn rows<'p>(base: Option<&'p Plan>, ours: &'p Plan, theirs: &'p Plan) -> Vec<Row<'p>> {
    fn index(p: &Plan) -> BTreeMap<&str, usize> {
        let mut m = BTreeMap::new();
        for (i, prod) in p.products.iter().enumerate() {
            m.entry(prod.sku.as_str()).or_insert(i);
        }
        m
    }
    let (o, t) = (index(ours), index(theirs));
    let b = base.map(index).unwrap_or_default();
    let in_order = |p: &'p Plan, idx: &BTreeMap<&str, usize>| -> Vec<&'p str> {
        p.products
            .iter()
            .enumerate()
            .filter(|(i, prod)| idx.get(prod.sku.as_str()) == Some(i))
            .map(|(_, prod)| prod.sku.as_str())
            .collect()
    };
    let codes: Vec<&str> = match base {
        Some(bp) => {
            let mut codes: Vec<&str> = in_order(bp, &b)
                .into_iter()
                .filter(|c| o.contains_key(c) || t.contains_key(c))
                .collect();
            let added: BTreeSet<&str> = o
                .keys()
                .chain(t.keys())
                .copied()
                .filter(|c| !b.contains_key(c))
                .collect();
            codes.extend(added);
            codes
        }
        None => {
            let mut codes = in_order(ours, &o);
            codes.extend(
                in_order(theirs, &t)
                    .into_iter()
                    .filter(|c| !o.contains_key(c)),
            );
            codes
        }
    };
    codes
        .into_iter()
        .map(|code| Row {
            code,
            base: b.get(code).copied(),
            ours: o.get(code).copied(),
            theirs: t.get(code).copied(),
        })
        .collect()
}

/// A cell's value; `None` when the series does not reach that week.
fn cell(s: &SkuSeries, field: SeriesField, week: usize) -> Option<Value> {
    Some(Value::Qty(match field {
        SeriesField::Consensus => *s.consensus.get(week)?,
        _ => Some(s.get(field, week)?),
    }))
}

/// A cell nobody has filled: zero, or for the consensus not set.
fn empty(field: SeriesField) -> Value {
    Value::Qty((!field.is_optional()).then_some(crate::engine::model::qty::Qty::ZERO))
}

/// Which copy a settled value came from (`Both`: they agree).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Won {
    Ours,
    Theirs,
    Both,
}

/// The three versions of one value; `None` where that copy does not hold it (for the base:
/// nothing to compare with).
struct Versions {
    base: Option<Value>,
    ours: Option<Value>,
    theirs: Option<Value>,
}

/// Where each copy records who changed the value: (SKU index, slot) in that copy.
type AuthorKeys = [Option<(usize, Slot)>; 2];

/// One pass over every value, conflicts resolved by `picks`.
struct Run<'a> {
    inputs: &'a Inputs,
    picks: &'a [Side],
    out: Plan,
    conflicts: Vec<Conflict>,
    from_theirs: usize,
    from_ours: usize,
    agreed: usize,
}

impl<'a> Run<'a> {
    fn settle_all(inputs: &'a Inputs, picks: &'a [Side]) -> Run<'a> {
        let mut out = Plan::new(inputs.ours.calendar.clone());
        out.meta = inputs.ours.meta.clone();
        out.meta.revision = inputs
            .ours
            .meta
            .revision
            .max(inputs.theirs.meta.revision)
            .saturating_add(1);
        let mut run = Run {
            inputs,
            picks,
            out,
            conflicts: Vec::new(),
            from_theirs: 0,
            from_ours: 0,
            agreed: 0,
        };
        let (base, ours, theirs) = (inputs.base.as_ref(), &inputs.ours, &inputs.theirs);
        let align = |other: &Calendar| -> Vec<Option<usize>> {
            let cal = &ours.calendar;
            (0..cal.len())
                .map(|w| other.index_of_date(cal.monday(w as isize)))
                .collect()
        };
        let base_weeks = base.map(|b| align(&b.calendar)).unwrap_or_default();
        let their_weeks = align(&theirs.calendar);
        for row in rows(base, ours, theirs) {
            let sku = run.out.products.len();
            let product = run.product(&row);
            let series = run.series(&row, sku, &base_weeks, &their_weeks);
            run.out.products.push(product);
            run.out.series.push(series);
        }
        run.capacity();
        let mut notes: Vec<Note> = ours.notes.iter().chain(&theirs.notes).cloned().collect();
        notes.sort_by(|a, b| a.written.cmp(&b.written).then_with(|| a.cmp(b)));
        notes.dedup();
        run.out.notes = notes;
        run.out.decisions = decisions(&ours.decisions, &theirs.decisions);
        run.events();
        run
    }

    /// Settles one value; `None` when neither copy holds it.
    fn settle(
        &mut self,
        v: Versions,
        keys: AuthorKeys,
        describe: impl FnOnce() -> (String, String, Place),
    ) -> Option<(Value, Won)> {
        let (ours, theirs) = match (v.ours, v.theirs) {
            (None, None) => return None,
            (Some(o), None) => return Some((o, Won::Ours)),
            (None, Some(t)) => return Some((t, Won::Theirs)),
            (Some(o), Some(t)) => (o, t),
        };
        if ours == theirs {
            if v.base.as_ref().is_some_and(|b| *b != ours) {
                self.agreed += 1;
            }
            return Some((ours, Won::Both));
        }
        if v.base.as_ref() == Some(&ours) {
            self.from_theirs += 1;
            return Some((theirs, Won::Theirs));
        }
        if v.base.as_ref() == Some(&theirs) {
            self.from_ours += 1;
            return Some((ours, Won::Ours));
        }
        let pick = self
            .picks
            .get(self.conflicts.len())
            .copied()
            .unwrap_or(Side::Ours);
        let (sku, what, at) = describe();
        let by = |won: Won, name: &str| {
            self.author(won, keys)
                .map_or_else(|| name.to_string(), |a| a.to_string())
        };
        let conflict = Conflict {
            sku,
            what,
            at,
            base_shown: v
                .base
                .as_ref()
                .map_or_else(|| "(not known)".to_string(), Value::to_string),
            ours_shown: ours.to_string(),
            theirs_shown: theirs.to_string(),
            ours_by: by(Won::Ours, &self.inputs.ours_by),
            theirs_by: by(Won::Theirs, &self.inputs.theirs_by),
            base: v.base,
            ours,
            theirs,
        };
        let taken = match pick {
            Side::Ours => (conflict.ours.clone(), Won::Ours),
            Side::Theirs => (conflict.theirs.clone(), Won::Theirs),
        };
        self.conflicts.push(conflict);
        Some(taken)
    }

    /// Who changed a value, from the copy it came from; when both agree and name different
    /// people, the first name in order (so both sides' merges record the same).
    fn author(&self, won: Won, keys: AuthorKeys) -> Option<Arc<str>> {
        let of = |plan: &Plan, key: Option<(usize, Slot)>| {
            let (i, slot) = key?;
            plan.authors.get(&plan.products.get(i)?.sku, slot).cloned()
        };
        let ours = || of(&self.inputs.ours, keys[0]);
        let theirs = || of(&self.inputs.theirs, keys[1]);
        match won {
            Won::Ours => ours(),
            Won::Theirs => theirs(),
            Won::Both => match (ours(), theirs()) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
        }
    }

    fn sign(&mut self, sku: &str, slot: Slot, won: Won, keys: AuthorKeys) {
        if let Some(who) = self.author(won, keys) {
            self.out.authors.set(sku, slot, Some(who));
        }
    }

    /// The merged product record, field by field.
    fn product(&mut self, row: &Row) -> Product {
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
    fn series(
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
    fn capacity(&mut self) {
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
    fn events(&mut self) {
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
fn decisions(ours: &[Decision], theirs: &[Decision]) -> Vec<Decision> {
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
