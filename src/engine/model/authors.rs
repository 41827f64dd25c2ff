//! Who last changed what ("Ana (Sales)"), kept by SKU code — never by SKU position, so an
//! import that adds SKUs, a merge that orders them differently or a promoted scenario with
//! other SKUs cannot leave a name on the wrong SKU or on none. Weeks are plan week indices,
//! moved with the calendar by the weekly roll.

use super::plan::Slot;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Signed changes: SKU code → slot → who. A SKU with no signed slot has no entry, so two
/// records that sign the same slots are equal however they were built.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Authors(BTreeMap<Arc<str>, BTreeMap<Slot, Arc<str>>>);

impl Authors {
    /// Who last changed this slot of this SKU.
    pub fn get(&self, sku: &str, slot: Slot) -> Option<&Arc<str>> {
        self.0.get(sku)?.get(&slot)
    }

    /// Signs a slot (`Some`) or takes the signature away (`None`).
    pub fn set(&mut self, sku: &str, slot: Slot, who: Option<Arc<str>>) {
        match who {
            Some(who) => {
                if let Some(slots) = self.0.get_mut(sku) {
                    slots.insert(slot, who);
                } else {
                    self.0.insert(Arc::from(sku), BTreeMap::from([(slot, who)]));
                }
            }
            None => {
                if let Some(slots) = self.0.get_mut(sku) {
                    slots.remove(&slot);
                    if slots.is_empty() {
                        self.0.remove(sku);
                    }
                }
            }
        }
    }

    /// Every signature: SKU code, slot, who; by SKU code, then slot.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Slot, &Arc<str>)> {
        self.0
            .iter()
            .flat_map(|(sku, slots)| slots.iter().map(move |(slot, who)| (&**sku, *slot, who)))
    }

    /// Keeps the signatures `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, Slot) -> bool) {
        for (sku, slots) in self.0.iter_mut() {
            slots.retain(|slot, _| keep(sku, *slot));
        }
        self.0.retain(|_, slots| !slots.is_empty());
    }

    /// Number of signed slots.
    pub fn len(&self) -> usize {
        self.0.values().map(BTreeMap::len).sum()
    }

    /// True when nobody has signed a change yet.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Forgets every signature, leaving the figures: to compare plans by what they hold.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}
