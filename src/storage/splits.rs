//! Format 4: the channel and location splits, as JSON text after the demand events, keyed
//! by SKU code and written whole (not against the base: few SKUs have one, and a split is
//! small). A plan without any split writes nothing (its flag unset), so formats 1 to 3 read
//! as plans without splits.

use super::error::corrupt;
use super::wire::Result;
use crate::engine::model::breakdown::{Channels, Locations};
use crate::engine::Plan;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// One SKU's splits.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Split {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    channels: Channels,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    locations: Locations,
}

/// The plan's splits as JSON text; `None` when no SKU has one.
pub fn to_text(plan: &Plan) -> Option<String> {
    let mut all: BTreeMap<&str, Split> = BTreeMap::new();
    for (p, s) in plan.products.iter().zip(&plan.series) {
        if !p.locations.is_empty() || !s.channels.is_empty() {
            all.insert(
                &p.sku,
                Split {
                    channels: s.channels.clone(),
                    locations: p.locations.clone(),
                },
            );
        }
    }
    // Serialising plain maps of numbers cannot fail.
    (!all.is_empty()).then(|| serde_json::to_string(&all).unwrap_or_default())
}

/// Gives the plan exactly the splits of `text` (none when `None`): a product or series read
/// against a base starts with the base's, which must not stay.
pub fn apply(plan: &mut Plan, text: Option<&str>) -> Result<()> {
    let mut all: BTreeMap<String, Split> = match text {
        Some(t) => serde_json::from_str(t).map_err(|e| corrupt(format!("splits: {e}")))?,
        None => BTreeMap::new(),
    };
    for i in 0..plan.products.len() {
        let split = all.remove(&plan.products[i].sku).unwrap_or_default();
        plan.products[i].locations = split.locations;
        if plan.series[i].channels != split.channels {
            Arc::make_mut(&mut plan.series[i]).channels = split.channels;
        }
    }
    match all.into_keys().next() {
        Some(sku) => Err(corrupt(format!(
            "splits: {sku} is not a product of the plan"
        ))),
        None => Ok(()),
    }
}
