//! What the app shares with the views through Leptos context, each under a type of its own:
//! a view asks for `CheckIns`, not for "some `RwSignal<Vec<Snapshot>>`", so two values of the
//! same signal type can never be mixed up and a reader sees what it gets.

use crate::engine::collab::changes::Changes;
use crate::engine::model::checkin::Snapshot;
use crate::sheet::marks::CellMarks;
use leptos::prelude::*;
use std::sync::Arc;

/// The check-in snapshots of this plan, oldest first.
#[derive(Clone, Copy)]
pub struct CheckIns(pub RwSignal<Vec<Snapshot>>);

/// What changed since the last check-in (`None` before the first), worked out a moment after
/// the last edit.
#[derive(Clone, Copy)]
pub struct SinceCheckIn(pub RwSignal<Option<Arc<Changes>>>);

/// The marks drawn on cells: notes, and changes since the check-in.
#[derive(Clone, Copy)]
pub struct Marks(pub Memo<CellMarks>);

/// Which rows the shown view lists (measures, families collapsed), which the row labels change.
#[derive(Clone, Copy)]
pub struct RowChoice(pub RwSignal<crate::sheet::rows::RowSpec>);
