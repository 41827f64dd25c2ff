//! A SKU's master data: what it costs, what it sells for, how it is replenished.

use super::qty::{Money, Qty};
use serde::{Deserialize, Serialize};

/// How much stock to keep in reserve.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum SafetyStock {
    /// A fixed number of units.
    Units(Qty),
    /// Enough to cover the next N weeks of demand (fractional), recomputed each week.
    WeeksOfCover(f64),
}

impl Default for SafetyStock {
    fn default() -> Self {
        SafetyStock::Units(Qty::ZERO)
    }
}

/// One SKU's master data: what it costs, what it sells for, how it is replenished.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Product {
    /// The SKU code, unique in the plan; files, notes and the grid's `data-sku` refer to the SKU by it.
    pub sku: String,
    /// The name planners read next to the code.
    pub name: String,
    /// The family it rolls up into (family rows, capacity, KPIs).
    pub family: String,
    /// What one unit costs, in cents; values inventory, COGS and PO spend.
    pub unit_cost: Money,
    /// What one unit sells for, in cents; values revenue and lost sales.
    pub unit_price: Money,
    /// Weeks from placing an order to receiving it.
    pub lead_time_weeks: u32,
    /// How much stock to keep in reserve: fixed units or weeks of cover.
    pub safety_stock: SafetyStock,
    /// Minimum order quantity (0 = none).
    pub moq: Qty,
    /// Orders are rounded up to a multiple of this (0 = any quantity).
    pub order_multiple: Qty,
    /// Stock on hand at the start of the current week.
    pub on_hand: Qty,
    /// Stock on hand split by location, adding up to `on_hand`; empty when no file said a
    /// location (see [`super::breakdown`]).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub locations: super::breakdown::Locations,
}

impl Product {
    /// A product with no cost, price, lead time, stock or order rules, to fill in later.
    pub fn new(sku: &str, name: &str, family: &str) -> Product {
        Product {
            sku: sku.to_string(),
            name: name.to_string(),
            family: family.to_string(),
            unit_cost: Money::ZERO,
            unit_price: Money::ZERO,
            lead_time_weeks: 0,
            safety_stock: SafetyStock::default(),
            moq: Qty::ZERO,
            order_multiple: Qty::ZERO,
            on_hand: Qty::ZERO,
            locations: Default::default(),
        }
    }
}
