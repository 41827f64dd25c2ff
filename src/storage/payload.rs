//! The binary payload of format 1: the string table, the live plan (written against
//! nothing), then the snapshots newest first, each written against the plan next newer than
//! it (the newest against the live plan), so a week's snapshot costs what changed that week.
//! Every plan read is checked with the engine's rules before the next is read against it.

use super::error::{corrupt, StoreError};
use super::wire::{Reader, Writer};
use super::{plan, Stored};
use crate::engine::edit::validate::check_plan;
use crate::engine::model::checkin::Snapshot;
use crate::engine::Plan;

/// The payload of `stored`: the live plan, then its snapshots newest first.
pub fn write(stored: &Stored) -> Vec<u8> {
    let mut w = start(stored);
    for k in 0..stored.snapshots.len() {
        write_checkin(&mut w, stored, k);
    }
    w.finish()
}

/// A writer holding the live plan and the number of snapshots that follow.
fn start(stored: &Stored) -> Writer {
    let mut w = Writer::default();
    plan::write(&mut w, &stored.plan, None);
    w.usize(stored.snapshots.len());
    w
}

/// Writes the `k`-th snapshot, newest first, against the plan written before it.
fn write_checkin(w: &mut Writer, stored: &Stored, k: usize) {
    let n = stored.snapshots.len();
    let i = n - 1 - k;
    let newer = stored
        .snapshots
        .get(i + 1)
        .map_or(&stored.plan, |s| &s.plan);
    let s = &stored.snapshots[i];
    w.shared(&s.id);
    w.shared(&s.taken);
    w.shared(&s.author);
    plan::write(w, &s.plan, Some(newer));
}

/// [`write`] in steps, so a save does not block the page on a large plan: the live plan at
/// [`Writing::start`], one snapshot per [`Writing::step`]. It writes a copy of what was to
/// be saved (plans share their series, so the copy is cheap): a change meanwhile is the next
/// save's.
pub struct Writing {
    w: Writer,
    stored: Stored,
    done: usize,
}

impl Writing {
    /// Writes the live plan.
    pub fn start(stored: Stored) -> Writing {
        Writing {
            w: start(&stored),
            stored,
            done: 0,
        }
    }

    /// Snapshots still to write.
    pub fn left(&self) -> usize {
        self.stored.snapshots.len() - self.done
    }

    /// Writes the next snapshot (none when all are written).
    pub fn step(&mut self) {
        if self.left() > 0 {
            write_checkin(&mut self.w, &self.stored, self.done);
            self.done += 1;
        }
    }

    /// The payload: what [`write`] gives for the same `Stored`.
    pub fn finish(mut self) -> Vec<u8> {
        while self.left() > 0 {
            self.step();
        }
        self.w.finish()
    }
}

pub struct Reading {
    bytes: Vec<u8>,
    pos: usize,
    table: Vec<std::sync::Arc<str>>,
    live: Plan,
    /// Read so far, newest first.
    snapshots: Vec<Snapshot>,
    left: usize,
}

impl Reading {
    /// Reads the string table and the live plan.
    pub fn start(bytes: Vec<u8>) -> Result<Reading, StoreError> {
        let mut r = Reader::new(&bytes)?;
        let live = plan::read(&mut r, None)?;
        check(&live, "the plan")?;
        let left = r.count("snapshots")?;
        let (pos, table) = r.detach();
        Ok(Reading {
            bytes,
            pos,
            table,
            live,
            snapshots: Vec::with_capacity(left.min(64)),
            left,
        })
    }

    pub fn plan(&self) -> &Plan {
        &self.live
    }

    /// Check-ins still to read.
    pub fn left(&self) -> usize {
        self.left
    }

    /// Reads the next (older) check-in.
    pub fn step(&mut self) -> Result<(), StoreError> {
        if self.left == 0 {
            return Ok(());
        }
        let mut r = Reader::resume(&self.bytes, self.pos, std::mem::take(&mut self.table));
        let id = r.shared_string("snapshot")?;
        let taken = r.shared_string("snapshot")?;
        let author = r.shared_string("snapshot")?;
        let newer = self.snapshots.last().map_or(&self.live, |s| &s.plan);
        let plan = plan::read(&mut r, Some(newer))?;
        check(&plan, &format!("the check-in of {taken}"))?;
        self.snapshots.push(Snapshot {
            id,
            taken,
            author,
            plan,
        });
        self.left -= 1;
        let at_end = r.at_end();
        (self.pos, self.table) = r.detach();
        if self.left == 0 && !at_end {
            return Err(corrupt("unexpected bytes after the last check-in"));
        }
        Ok(())
    }

    /// Reads what is left; the plan and its check-ins, oldest first.
    pub fn finish(mut self) -> Result<Stored, StoreError> {
        while self.left > 0 {
            self.step()?;
        }
        if self.snapshots.is_empty() && self.pos != self.bytes.len() {
            return Err(corrupt("unexpected bytes after the last check-in"));
        }
        self.snapshots.reverse();
        Ok(Stored {
            plan: self.live,
            snapshots: self.snapshots,
        })
    }
}

/// The engine's rules ([`check_plan`] checks everything this reader relies on, so a plan
/// that passes it before a save reads back).
fn check(plan: &Plan, which: &str) -> Result<(), StoreError> {
    check_plan(plan).map_err(|e| StoreError::Invalid {
        what: format!("in {which}, {e}"),
    })
}
