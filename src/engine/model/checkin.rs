//! Weekly check-in snapshots: "Start check-in" keeps a copy of the plan as it stood, so the
//! next call can show what changed since, forecasts can be scored by lag, and two people's
//! copies of the plan can be merged against the last check-in they share.

use super::plan::Plan;
use serde::{Deserialize, Serialize};

/// How many check-ins are kept (two months of weekly calls); the oldest goes first.
pub const KEEP: usize = 8;

/// The plan as it stood when a check-in started: the base for changes, lag accuracy and merges.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Unique across browsers: the plan id, the week and a random part.
    pub id: String,
    /// The day it was taken, `YYYY-MM-DD`.
    pub taken: String,
    /// Who started the check-in ("Ana (Sales)").
    pub author: String,
    /// The plan as it stood. Its calendar's current week is the check-in week. Cheap to keep:
    /// series are shared with the live plan until either changes.
    pub plan: Plan,
}

/// Adds a snapshot, newest last, dropping the oldest beyond [`KEEP`]; a snapshot with an id
/// already kept replaces nothing and is ignored (the same check-in arriving twice).
pub fn keep(snapshots: &mut Vec<Snapshot>, snapshot: Snapshot) {
    if snapshots.iter().any(|s| s.id == snapshot.id) {
        return;
    }
    snapshots.push(snapshot);
    if snapshots.len() > KEEP {
        let extra = snapshots.len() - KEEP;
        snapshots.drain(..extra);
    }
}
