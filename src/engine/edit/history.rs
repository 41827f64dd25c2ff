//! Undo and redo. Every change is a list of [`Diff`]s holding both the old and the new value,
//! so undo and redo restore exactly, whatever happened in between.

use crate::engine::model::decision::Decision;
use crate::engine::model::event::DemandEvent;
use crate::engine::model::note::Note;
use crate::engine::model::plan::{Plan, Slot};
use crate::engine::model::product::Product;
use crate::engine::model::qty::Qty;
use crate::engine::model::series::SeriesField;
use std::sync::Arc;

/// One atomic modification of the plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Diff {
    /// A week's value in one input series (`None` = cleared).
    Cell {
        /// The SKU's index in the plan.
        sku: usize,
        /// Which input series.
        field: SeriesField,
        /// The week's index in the calendar.
        week: usize,
        /// The value before (`None`: consensus not set).
        old: Option<Qty>,
        /// The value after (`None`: consensus not set).
        new: Option<Qty>,
    },
    /// A product record replaced as a whole.
    Product {
        /// The SKU's index in the plan.
        sku: usize,
        /// The record before.
        old: Box<Product>,
        /// The record after.
        new: Box<Product>,
    },
    /// A SKU's actual sales by channel replaced as a whole (the totals change as `Cell`s
    /// of the same change).
    Channels {
        /// The SKU's index in the plan.
        sku: usize,
        /// The split before.
        old: Box<crate::engine::model::breakdown::Channels>,
        /// The split after.
        new: Box<crate::engine::model::breakdown::Channels>,
    },
    /// A new product appended at index `sku`, with all-zero series (an import's new SKU).
    Added {
        /// Its index: the number of products before it.
        sku: usize,
        /// The record it starts with.
        product: Box<Product>,
    },
    /// The product at `sku` (the last one) taken away again: only ever the inverse of
    /// `Added`, so its series are all zero by then.
    Removed {
        /// Its index: always the last.
        sku: usize,
        /// The record taken away, kept so redo can add it back.
        product: Box<Product>,
    },
    /// The whole plan replaced (opening another plan file).
    Plan {
        /// The plan before.
        old: Box<Plan>,
        /// The plan after.
        new: Box<Plan>,
    },
    /// Who last changed a SKU's cell or product record (`None`: nobody known).
    Author {
        /// The SKU's index in the plan.
        sku: usize,
        /// Its product record or one cell.
        slot: Slot,
        /// Who had signed it before.
        old: Option<Arc<str>>,
        /// Who signs it now.
        new: Option<Arc<str>>,
    },
    /// A decision recorded (`old` is `None`) at `index`, or changed (closed, reopened).
    Decision {
        /// Position in the plan's decisions.
        index: usize,
        /// The decision before (`None`: it is new).
        old: Option<Box<Decision>>,
        /// The decision after.
        new: Option<Box<Decision>>,
    },
    /// A note added (`old` is `None`) at `index`, or taken away (`new` is `None`).
    Note {
        /// Position in the plan's notes.
        index: usize,
        /// The note before (`None`: it is new).
        old: Option<Box<Note>>,
        /// The note after (`None`: taken away).
        new: Option<Box<Note>>,
    },
    /// A demand event added (`old` is `None`), changed (switched on/off), or taken away.
    Event {
        /// Position in the plan's events.
        index: usize,
        /// The event before (`None`: it is new).
        old: Option<Box<DemandEvent>>,
        /// The event after (`None`: taken away).
        new: Option<Box<DemandEvent>>,
    },
}

impl Diff {
    /// The diff that undoes this one.
    pub fn inverse(&self) -> Diff {
        match self {
            Diff::Cell {
                sku,
                field,
                week,
                old,
                new,
            } => Diff::Cell {
                sku: *sku,
                field: *field,
                week: *week,
                old: *new,
                new: *old,
            },
            Diff::Product { sku, old, new } => Diff::Product {
                sku: *sku,
                old: new.clone(),
                new: old.clone(),
            },
            Diff::Channels { sku, old, new } => Diff::Channels {
                sku: *sku,
                old: new.clone(),
                new: old.clone(),
            },
            Diff::Added { sku, product } => Diff::Removed {
                sku: *sku,
                product: product.clone(),
            },
            Diff::Removed { sku, product } => Diff::Added {
                sku: *sku,
                product: product.clone(),
            },
            Diff::Plan { old, new } => Diff::Plan {
                old: new.clone(),
                new: old.clone(),
            },
            Diff::Author {
                sku,
                slot,
                old,
                new,
            } => Diff::Author {
                sku: *sku,
                slot: *slot,
                old: new.clone(),
                new: old.clone(),
            },
            Diff::Decision { index, old, new } => Diff::Decision {
                index: *index,
                old: new.clone(),
                new: old.clone(),
            },
            Diff::Note { index, old, new } => Diff::Note {
                index: *index,
                old: new.clone(),
                new: old.clone(),
            },
            Diff::Event { index, old, new } => Diff::Event {
                index: *index,
                old: new.clone(),
                new: old.clone(),
            },
        }
    }
}

/// A user action as the history sees it: a label ("Paste 12 cells") and its diffs.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// What the undo and redo buttons name ("Paste 12 cells").
    pub label: String,
    /// Everything the action changed, in the order applied; undo applies their inverses backwards.
    pub diffs: Vec<Diff>,
}

/// How many changes undo reaches back.
pub const UNDO_LIMIT: usize = 500;

/// The undo and redo stacks of a workbook; undo reaches back [`UNDO_LIMIT`] changes.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Records a new change; it clears the redo stack as every editor does.
    pub fn record(&mut self, change: Change) {
        self.redo.clear();
        self.undo.push(change);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
    }

    /// A check-in names this copy's new base: the whole-plan changes of this plan (merge,
    /// promote) in the history take it too, so undoing or redoing them keeps naming it.
    pub fn set_base(&mut self, id: &str, base: &Option<String>) {
        for change in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            for d in &mut change.diffs {
                if let Diff::Plan { old, new } = d {
                    for p in [old, new] {
                        if p.meta.id == id {
                            p.meta.base.clone_from(base);
                        }
                    }
                }
            }
        }
    }

    pub(crate) fn take_undo(&mut self) -> Option<Change> {
        self.undo.pop()
    }

    pub(crate) fn take_redo(&mut self) -> Option<Change> {
        self.redo.pop()
    }

    pub(crate) fn push_redo(&mut self, change: Change) {
        self.redo.push(change);
    }

    pub(crate) fn push_undo(&mut self, change: Change) {
        self.undo.push(change);
    }

    /// Something to undo: enables the undo button.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Something to redo: enables the redo button.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Label of the change undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|c| c.label.as_str())
    }

    /// Label of the change redo would apply again.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|c| c.label.as_str())
    }
}
