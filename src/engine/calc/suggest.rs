//! Suggested replenishment order (the Odoo MPS / Inventory Planner rule, made explicit).
//!
//! The need week is the first week projected stock falls below safety stock. The order brings
//! stock back to safety stock in that week and keeps it there for [`REVIEW_WEEKS`] weeks (one
//! ordering cycle), so the planner is not asked again next week. It is raised to the MOQ, then
//! rounded up to the order multiple. It must be placed lead-time weeks before the need week;
//! when that week is already past, the suggestion is flagged too late (expedite or accept the gap).

use crate::engine::model::product::Product;
use crate::engine::model::qty::Qty;
use serde::{Deserialize, Serialize};

/// Weeks after the need week that the suggested order keeps above safety stock.
pub const REVIEW_WEEKS: usize = 4;

/// A suggested replenishment order for one SKU: how much, and by when to place it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderSuggestion {
    /// First week below safety stock (plan week index).
    pub need_week: usize,
    /// Week the order must be placed; may be before the plan starts.
    pub order_by: isize,
    /// Units short of safety stock over the review window, before MOQ and multiple.
    pub shortfall: Qty,
    /// Units to order.
    pub qty: Qty,
    /// The order-by week is already past: an order placed now arrives after the need week.
    pub too_late: bool,
}

/// `projected` and `safety` are full-length series; `current` is the current week index.
pub fn suggest(
    product: &Product,
    projected: &[Qty],
    safety: &[Qty],
    current: usize,
    need_week: usize,
) -> OrderSuggestion {
    let end = (need_week + REVIEW_WEEKS).min(projected.len());
    let shortfall = (need_week..end)
        .map(|j| safety[j] - projected[j])
        .max()
        .unwrap_or(Qty::ZERO)
        .max(Qty::ZERO);
    let mut qty = shortfall.max(product.moq);
    let m = product.order_multiple.0;
    if m > 0 {
        qty = Qty((qty.0 + m - 1) / m * m);
    }
    let order_by = need_week as isize - product.lead_time_weeks as isize;
    OrderSuggestion {
        need_week,
        order_by,
        shortfall,
        qty,
        too_late: order_by < current as isize,
    }
}
