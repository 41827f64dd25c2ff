//! A SKU's money in a week, computed on read from its quantities and prices.
//!
//! Not stored: a full recompute is bound by memory traffic, and these are exact products
//! (see [`Amount`]) of rows that are stored anyway. Revenue and COGS use sold units (actuals
//! in the past); inventory value is the positive projected stock at cost; PO spend is
//! receipts at cost in the week the goods arrive.

use super::derived::SkuDerived;
use crate::engine::model::product::Product;
use crate::engine::model::qty::{Amount, Qty};
use crate::engine::model::series::SkuSeries;

/// One SKU's money in one week, exact in [`Amount`] units (thousandths of a cent).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WeekMoney {
    /// Sold units × unit price.
    pub revenue: Amount,
    /// Sold units × unit cost.
    pub cogs: Amount,
    /// Positive projected stock × unit cost (zero in past weeks).
    pub inventory_value: Amount,
    /// Receipts × unit cost, in the week they arrive.
    pub po_spend: Amount,
}

impl WeekMoney {
    /// A past week: what was sold and received.
    #[inline]
    pub fn past(p: &Product, actual: Qty, receipts: Qty) -> WeekMoney {
        WeekMoney {
            revenue: Amount::of(actual, p.unit_price),
            cogs: Amount::of(actual, p.unit_cost),
            inventory_value: Amount::ZERO,
            po_spend: Amount::of(receipts, p.unit_cost),
        }
    }

    /// A projected week: sold = demand − unmet.
    #[inline]
    pub fn future(
        p: &Product,
        demand: Qty,
        unmet: Qty,
        projected: Qty,
        receipts: Qty,
    ) -> WeekMoney {
        let sold = demand - unmet;
        WeekMoney {
            revenue: Amount::of(sold, p.unit_price),
            cogs: Amount::of(sold, p.unit_cost),
            inventory_value: Amount::of(projected.max(Qty::ZERO), p.unit_cost),
            po_spend: Amount::of(receipts, p.unit_cost),
        }
    }

    /// Gross margin.
    pub fn margin(&self) -> Amount {
        Amount(self.revenue.0 - self.cogs.0)
    }
}

/// The money of one SKU in one week.
pub fn week_money(
    p: &Product,
    s: &SkuSeries,
    d: &SkuDerived,
    current: usize,
    week: usize,
) -> WeekMoney {
    if week < current {
        WeekMoney::past(p, s.actual[week], s.receipts(week))
    } else {
        WeekMoney::future(
            p,
            d.demand_plan(s, week),
            d.unmet[week],
            d.projected[week],
            s.receipts(week),
        )
    }
}
