//! Settling one value: the three versions compared, the winner taken or a [`Conflict`] raised
//! and resolved by the planner's pick, and who changed it carried over.

use super::rows::rows;
use super::values::decisions;
use super::Inputs;
use crate::engine::collab::conflict::{Conflict, Place, Side, Value};
use crate::engine::model::calendar::Calendar;
use crate::engine::model::note::Note;
use crate::engine::model::plan::{Plan, Slot};
use std::sync::Arc;

/// Which copy a settled value came from (`Both`: they agree).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Won {
    Ours,
    Theirs,
    Both,
}

/// The three versions of one value; `None` where that copy does not hold it (for the base:
/// nothing to compare with).
pub(super) struct Versions {
    pub(super) base: Option<Value>,
    pub(super) ours: Option<Value>,
    pub(super) theirs: Option<Value>,
}

/// Where each copy records who changed the value: (SKU index, slot) in that copy.
pub(super) type AuthorKeys = [Option<(usize, Slot)>; 2];

/// One pass over every value, conflicts resolved by `picks`.
pub(super) struct Run<'a> {
    pub(super) inputs: &'a Inputs,
    pub(super) picks: &'a [Side],
    pub(super) out: Plan,
    pub(super) conflicts: Vec<Conflict>,
    pub(super) from_theirs: usize,
    pub(super) from_ours: usize,
    pub(super) agreed: usize,
}

impl<'a> Run<'a> {
    pub(super) fn settle_all(inputs: &'a Inputs, picks: &'a [Side]) -> Run<'a> {
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
    pub(super) fn settle(
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
    pub(super) fn author(&self, won: Won, keys: AuthorKeys) -> Option<Arc<str>> {
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

    pub(super) fn sign(&mut self, sku: &str, slot: Slot, won: Won, keys: AuthorKeys) {
        if let Some(who) = self.author(won, keys) {
            self.out.authors.set(sku, slot, Some(who));
        }
    }
}
