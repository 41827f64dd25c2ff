//! What a merge asks the planner: a value two copies of the plan changed differently, with
//! both versions and who made them, so the planner can pick one.

use crate::engine::model::event::{DemandEvent, Lift};
use crate::engine::model::product::{Product, SafetyStock};
use crate::engine::model::qty::{Money, Qty};
use crate::engine::model::series::SeriesField;
use std::fmt;

/// Which copy of the plan a value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// This browser's copy.
    Ours,
    /// The copy being merged in (a file from a colleague).
    Theirs,
}

impl Side {
    /// The same pick seen from the other copy (their "ours" is our "theirs").
    pub fn other(self) -> Side {
        match self {
            Side::Ours => Side::Theirs,
            Side::Theirs => Side::Ours,
        }
    }
}

/// One field of a product record, so two copies can differ in one field and agree on the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProductField {
    /// The name planners read next to the SKU code.
    Name,
    /// The family it rolls up into.
    Family,
    /// Unit cost, in cents.
    UnitCost,
    /// Unit price, in cents.
    UnitPrice,
    /// Lead time, in weeks.
    LeadTime,
    /// Safety stock rule (units or weeks of cover).
    SafetyStock,
    /// Minimum order quantity: the smallest order the supplier takes.
    Moq,
    /// Orders are rounded up to a multiple of this (a case or pallet).
    OrderMultiple,
    /// Stock on hand at the start of the current week.
    OnHand,
}

impl ProductField {
    pub(crate) const ALL: [ProductField; 9] = [
        ProductField::Name,
        ProductField::Family,
        ProductField::UnitCost,
        ProductField::UnitPrice,
        ProductField::LeadTime,
        ProductField::SafetyStock,
        ProductField::Moq,
        ProductField::OrderMultiple,
        ProductField::OnHand,
    ];

    /// The name a planner reads.
    pub fn label(self) -> &'static str {
        match self {
            ProductField::Name => "name",
            ProductField::Family => "family",
            ProductField::UnitCost => "unit cost",
            ProductField::UnitPrice => "unit price",
            ProductField::LeadTime => "lead time",
            ProductField::SafetyStock => "safety stock",
            ProductField::Moq => "MOQ",
            ProductField::OrderMultiple => "order multiple",
            ProductField::OnHand => "on hand",
        }
    }

    /// This field of a product, as the merge compares it.
    pub fn get(self, p: &Product) -> Value {
        match self {
            ProductField::Name => Value::Text(p.name.clone()),
            ProductField::Family => Value::Text(p.family.clone()),
            ProductField::UnitCost => Value::Money(p.unit_cost),
            ProductField::UnitPrice => Value::Money(p.unit_price),
            ProductField::LeadTime => Value::Weeks(p.lead_time_weeks),
            ProductField::SafetyStock => Value::SafetyStock(p.safety_stock),
            ProductField::Moq => Value::Qty(Some(p.moq)),
            ProductField::OrderMultiple => Value::Qty(Some(p.order_multiple)),
            ProductField::OnHand => Value::Qty(Some(p.on_hand)),
        }
    }

    /// Writes a value read by [`ProductField::get`]; a value of another kind changes nothing.
    pub fn set(self, p: &mut Product, v: &Value) {
        match (self, v) {
            (ProductField::Name, Value::Text(s)) => p.name = s.clone(),
            (ProductField::Family, Value::Text(s)) => p.family = s.clone(),
            (ProductField::UnitCost, Value::Money(m)) => p.unit_cost = *m,
            (ProductField::UnitPrice, Value::Money(m)) => p.unit_price = *m,
            (ProductField::LeadTime, Value::Weeks(w)) => p.lead_time_weeks = *w,
            (ProductField::SafetyStock, Value::SafetyStock(s)) => p.safety_stock = *s,
            (ProductField::Moq, Value::Qty(Some(q))) => p.moq = *q,
            (ProductField::OrderMultiple, Value::Qty(Some(q))) => p.order_multiple = *q,
            (ProductField::OnHand, Value::Qty(Some(q))) => p.on_hand = *q,
            _ => {}
        }
    }
}

/// A value as the merge compares it: a cell (`None` = consensus not set), a capacity (`None` =
/// no capacity) or one product field.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A quantity: a cell, capacity, MOQ, multiple or on hand (`None` = not set).
    Qty(Option<Qty>),
    /// A unit cost or price, in cents.
    Money(Money),
    /// A lead time, in weeks.
    Weeks(u32),
    /// A product's name or family.
    Text(String),
    /// A safety stock rule.
    SafetyStock(SafetyStock),
    /// A demand event as one copy has it; `None` when that copy does not have it (removed, or
    /// never added).
    Event(Option<Box<DemandEvent>>),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Qty(Some(q)) => write!(f, "{q}"),
            Value::Qty(None) => write!(f, "not set"),
            Value::Money(m) => write!(f, "{m}"),
            Value::Weeks(1) => write!(f, "1 week"),
            Value::Weeks(w) => write!(f, "{w} weeks"),
            Value::Text(s) if s.is_empty() => write!(f, "(empty)"),
            Value::Text(s) => write!(f, "{s}"),
            Value::SafetyStock(SafetyStock::Units(u)) => write!(f, "{u} units"),
            Value::SafetyStock(SafetyStock::WeeksOfCover(w)) => write!(f, "{w} weeks of cover"),
            Value::Event(None) => write!(f, "(no such event)"),
            Value::Event(Some(e)) => write!(f, "{}", event_text(e, |q| q.to_string())),
        }
    }
}

/// A demand event as a conflict shows it ("Black Friday: +20 % on CND-101, 2026-W48–2026-W49"),
/// its figures written by `qty` (the user's locale in the app).
pub fn event_text(e: &DemandEvent, qty: impl Fn(Qty) -> String) -> String {
    let lift = match e.lift {
        Lift::Percent(p) if p.0 >= 0 => format!("+{} %", qty(p)),
        Lift::Percent(p) => format!("{} %", qty(p)),
        Lift::Units(u) => format!("{} units a week", qty(u)),
    };
    let off = if e.active { "" } else { ", switched off" };
    format!(
        "{}: {lift} on {}, {}–{}{off}",
        e.name, e.target, e.first, e.last
    )
}

/// Where a conflicting value sits in the merged plan (SKU indices are the merged plan's).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// One week of one input series.
    Cell {
        /// The SKU's index in the merged plan.
        sku: usize,
        /// Which input series.
        field: SeriesField,
        /// The week's index in the merged plan's calendar.
        week: usize,
    },
    /// One field of a product record.
    Product {
        /// The SKU's index in the merged plan.
        sku: usize,
        /// Which field.
        field: ProductField,
    },
    /// One week of one channel's actual sales (`""`: not said).
    Channel {
        /// The SKU's index in the merged plan.
        sku: usize,
        /// The channel's name.
        channel: String,
        /// The week's index in the merged plan's calendar.
        week: usize,
    },
    /// One location's stock on hand (`""`: not said).
    Location {
        /// The SKU's index in the merged plan.
        sku: usize,
        /// The location's name.
        location: String,
    },
    /// A family's weekly capacity.
    Capacity(String),
    /// A demand event, by its id.
    Event(String),
}

/// A value both copies changed, differently, since the check-in they share.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The SKU code, or `family:<name>` for a family's capacity (the grid row's id).
    pub sku: String,
    /// What of it: "forecast 2026-W50", "on hand", "weekly capacity".
    pub what: String,
    /// Where the value sits, so picking a side writes it back.
    pub at: Place,
    /// At the check-in; `None` when there was none to compare with (a two-way merge, or a SKU
    /// both copies added).
    pub base: Option<Value>,
    /// Our copy's value (the one the merged plan holds until the planner picks).
    pub ours: Value,
    /// Their copy's value.
    pub theirs: Value,
    /// The three values as a planner reads them ("not set" for an empty consensus).
    pub base_shown: String,
    /// Our value as a planner reads it.
    pub ours_shown: String,
    /// Their value as a planner reads it.
    pub theirs_shown: String,
    /// Who made each version: the plan's record of who changed it where known, else the name
    /// of that copy's owner.
    pub ours_by: String,
    /// Who made their version.
    pub theirs_by: String,
}
