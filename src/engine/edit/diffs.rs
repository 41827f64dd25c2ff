//! From a requested change to the diffs that make it: every part is validated against the
//! plan (and against earlier parts of the same batch) before anything changes, and every
//! diff holds the old and the new value, so undo restores exactly. Edits by someone who said
//! who they are are signed (who last changed what).

use super::error::PlanError;
use super::history::Diff;
use super::validate::{check_decision, check_note, check_product, check_quantity_of};
use super::workbook::{CellEdit, Edit, Workbook};
use crate::engine::model::breakdown::Channels;
use crate::engine::model::event::DemandEvent;
use crate::engine::model::plan::Slot;
use crate::engine::model::product::Product;
use crate::engine::model::qty::{Qty, MAX_SKUS};
use crate::engine::model::series::SkuSeries;
use std::collections::BTreeSet;

/// What earlier parts of a batch did, so later parts are checked against it.
#[derive(Default)]
pub(super) struct Pending {
    /// SKU codes added so far.
    added: Vec<String>,
    /// SKUs whose product record was edited.
    products: BTreeSet<usize>,
}

impl Workbook {
    /// Turns a request into diffs, validating every part before anything changes.
    pub(super) fn diffs_for(
        &self,
        edit: Edit,
        pending: &mut Pending,
    ) -> Result<Vec<Diff>, PlanError> {
        match edit {
            Edit::Cells(cells) => self.cell_diffs(cells, pending),
            Edit::Channels { sku, channels } => self.channel_diffs(sku, channels, pending),
            Edit::Product { sku, product } => self.product_diffs(sku, product),
            Edit::AddProduct(product) => self.added_diffs(product, pending),
            Edit::ReplacePlan(plan) => {
                super::validate::check_plan(&plan)?;
                Ok(vec![Diff::Plan {
                    old: Box::new(self.plan().clone()),
                    new: plan,
                }])
            }
            Edit::AddNote(note) => {
                check_note(&note)?;
                Ok(vec![Diff::Note {
                    index: self.plan().notes.len(),
                    old: None,
                    new: Some(Box::new(note)),
                }])
            }
            Edit::RemoveNote(index) => {
                let note = self.plan().notes.get(index).ok_or_else(|| {
                    not_in_plan("note", index, "is not in the plan (removed already?)")
                })?;
                Ok(vec![Diff::Note {
                    index,
                    old: Some(Box::new(note.clone())),
                    new: None,
                }])
            }
            Edit::Decide(d) => {
                check_decision(&d)?;
                if self.plan().decisions.iter().any(|x| x.id == d.id) {
                    return Err(PlanError::BadValue {
                        what: "decision".to_string(),
                        value: d.id,
                        reason: "is already recorded".to_string(),
                    });
                }
                Ok(vec![Diff::Decision {
                    index: self.plan().decisions.len(),
                    old: None,
                    new: Some(Box::new(d)),
                }])
            }
            Edit::UpdateDecision(index, d) => {
                check_decision(&d)?;
                let old = self
                    .plan()
                    .decisions
                    .get(index)
                    .ok_or_else(|| not_in_plan("decision", index, "is not in the plan"))?;
                if *old == d {
                    return Ok(Vec::new());
                }
                Ok(vec![Diff::Decision {
                    index,
                    old: Some(Box::new(old.clone())),
                    new: Some(Box::new(d)),
                }])
            }
            Edit::AddEvent(e) => self.added_event_diffs(e),
            Edit::UpdateEvent(index, e) => self.updated_event_diffs(index, e),
            Edit::RemoveEvent(index) => Ok(vec![Diff::Event {
                index,
                old: Some(Box::new(self.event_at(index)?.clone())),
                new: None,
            }]),
            Edit::Batch(edits) => {
                let mut diffs = Vec::new();
                for e in edits {
                    if let Edit::Product { sku, .. } = &e {
                        if !pending.products.insert(*sku) {
                            return Err(PlanError::BadValue {
                                what: "change".to_string(),
                                value: self
                                    .plan()
                                    .products
                                    .get(*sku)
                                    .map_or_else(|| format!("#{sku}"), |p| p.sku.clone()),
                                reason: "edits the same product twice".to_string(),
                            });
                        }
                    }
                    diffs.extend(self.diffs_for(e, pending)?);
                }
                Ok(diffs)
            }
        }
    }

    /// Typed, pasted or imported values; a typed actual total also moves the channel split
    /// it is made of.
    fn cell_diffs(&self, cells: Vec<CellEdit>, pending: &Pending) -> Result<Vec<Diff>, PlanError> {
        let plan = self.plan();
        let cal = &plan.calendar;
        let n = plan.products.len();
        let mut diffs = Vec::with_capacity(cells.len());
        let zeros = SkuSeries::zeros(0);
        for e in cells {
            // A SKU added earlier in the batch has all-zero series.
            let (series, sku) = match (plan.series.get(e.sku), e.sku.checked_sub(n)) {
                (Some(s), _) => (&**s, &plan.products[e.sku].sku),
                (None, Some(k)) if k < pending.added.len() => (&zeros, &pending.added[k]),
                _ => return Err(PlanError::UnknownSku(format!("#{}", e.sku))),
            };
            if e.week >= cal.len() {
                return Err(PlanError::WeekOutsidePlan {
                    week: cal.label(e.week as isize),
                    first: cal.label(0),
                    last: cal.label(cal.len() as isize - 1),
                });
            }
            if let Some(v) = e.value {
                check_quantity_of(v, || {
                    format!(
                        "{} of {sku} in {}",
                        e.field.label(),
                        cal.label(e.week as isize)
                    )
                })?;
            }
            let old = if e.sku >= n {
                (!e.field.is_optional()).then_some(Qty::ZERO)
            } else {
                series.get(e.field, e.week)
            };
            let new = if e.field.is_optional() {
                e.value
            } else {
                Some(e.value.unwrap_or(Qty::ZERO))
            };
            if old != new {
                diffs.push(Diff::Cell {
                    sku: e.sku,
                    field: e.field,
                    week: e.week,
                    old,
                    new,
                });
                self.sign(&mut diffs, e.sku, Slot::Cell(e.field, e.week));
            }
        }
        let follow = super::split_edit::follow_totals(plan, &diffs);
        diffs.extend(follow);
        Ok(diffs)
    }

    /// A SKU's actual sales split by channel, set as a whole (its totals follow).
    fn channel_diffs(
        &self,
        sku: usize,
        channels: Channels,
        pending: &Pending,
    ) -> Result<Vec<Diff>, PlanError> {
        let mut diffs = Vec::new();
        for d in super::split_edit::set_channels(self.plan(), sku, &pending.added, channels)? {
            let slot = match &d {
                Diff::Cell { field, week, .. } => Some(Slot::Cell(*field, *week)),
                _ => None,
            };
            diffs.push(d);
            if let Some(slot) = slot {
                self.sign(&mut diffs, sku, slot);
            }
        }
        Ok(diffs)
    }

    /// A product record replaced; a typed on hand moves the location split it is made of.
    fn product_diffs(&self, sku: usize, mut product: Product) -> Result<Vec<Diff>, PlanError> {
        crate::engine::model::breakdown::settle_product(&mut product);
        let old = self
            .plan()
            .products
            .get(sku)
            .ok_or_else(|| PlanError::UnknownSku(format!("#{sku}")))?;
        check_product(&product)?;
        if let Some(other) = self.plan().sku_index(&product.sku) {
            if other != sku {
                return Err(PlanError::BadValue {
                    what: "SKU".to_string(),
                    value: product.sku.clone(),
                    reason: "is already used by another product".to_string(),
                });
            }
        }
        if *old == product {
            return Ok(Vec::new());
        }
        let mut diffs = vec![Diff::Product {
            sku,
            old: Box::new(old.clone()),
            new: Box::new(product),
        }];
        self.sign(&mut diffs, sku, Slot::Product);
        Ok(diffs)
    }

    /// A new product, after the existing ones and those added earlier in the batch.
    fn added_diffs(&self, product: Product, pending: &mut Pending) -> Result<Vec<Diff>, PlanError> {
        check_product(&product)?;
        let n = self.plan().products.len();
        if n + pending.added.len() >= MAX_SKUS {
            return Err(PlanError::BadValue {
                what: "SKU".to_string(),
                value: product.sku.clone(),
                reason: "cannot be added: the plan already holds 20,000 SKUs, the most a plan \
                         holds"
                    .to_string(),
            });
        }
        if self.plan().sku_index(&product.sku).is_some() || pending.added.contains(&product.sku) {
            return Err(PlanError::BadValue {
                what: "SKU".to_string(),
                value: product.sku.clone(),
                reason: "is already in the plan".to_string(),
            });
        }
        let sku = n + pending.added.len();
        pending.added.push(product.sku.clone());
        Ok(vec![Diff::Added {
            sku,
            product: Box::new(product),
        }])
    }

    /// A demand event added: checked against the plan's SKUs and families.
    fn added_event_diffs(&self, e: DemandEvent) -> Result<Vec<Diff>, PlanError> {
        e.check(&self.plan().products)
            .map_err(|reason| bad_event(&e, reason))?;
        if self.plan().events.iter().any(|x| x.id == e.id) {
            return Err(bad_event(&e, "is already in the plan".into()));
        }
        Ok(vec![Diff::Event {
            index: self.plan().events.len(),
            old: None,
            new: Some(Box::new(e)),
        }])
    }

    /// A demand event replaced (switched on or off, changed).
    fn updated_event_diffs(&self, index: usize, e: DemandEvent) -> Result<Vec<Diff>, PlanError> {
        let old = self.event_at(index)?;
        // Switching an event whose family has no SKU left stays possible.
        let checked = if old.target == e.target {
            e.check_fields()
        } else {
            e.check(&self.plan().products)
        };
        checked.map_err(|reason| bad_event(&e, reason))?;
        if *old == e {
            return Ok(Vec::new());
        }
        Ok(vec![Diff::Event {
            index,
            old: Some(Box::new(old.clone())),
            new: Some(Box::new(e)),
        }])
    }

    /// Records who made a change to this SKU's slot (when we know who is editing).
    fn sign(&self, diffs: &mut Vec<Diff>, sku: usize, slot: Slot) {
        let Some(user) = self.user_arc() else { return };
        let old = self
            .plan()
            .products
            .get(sku)
            .and_then(|p| self.plan().authors.get(&p.sku, slot))
            .cloned();
        if old.as_ref() != Some(user) {
            diffs.push(Diff::Author {
                sku,
                slot,
                old,
                new: Some(user.clone()),
            });
        }
    }

    /// The event at `index`, or why not.
    fn event_at(&self, index: usize) -> Result<&DemandEvent, PlanError> {
        self.plan()
            .events
            .get(index)
            .ok_or_else(|| not_in_plan("event", index, "is not in the plan (removed already?)"))
    }
}

/// A list entry (note, decision, event) asked for by a position the plan does not have.
fn not_in_plan(what: &str, index: usize, reason: &str) -> PlanError {
    PlanError::BadValue {
        what: what.to_string(),
        value: format!("#{}", index + 1),
        reason: reason.to_string(),
    }
}

/// A refused event: its name and why.
fn bad_event(e: &DemandEvent, reason: String) -> PlanError {
    PlanError::BadValue {
        what: "event".to_string(),
        value: e.name.clone(),
        reason,
    }
}
