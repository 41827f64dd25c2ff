//! Bounds on what a plan may hold. Checked before any edit touches the plan, so a rejected
//! edit changes nothing.

use super::calendar::MAX_HORIZON;
use super::error::PlanError;
use super::product::{Product, SafetyStock};
use super::qty::{Money, Qty, MAX_PRICE};

/// Safety stock in weeks of cover is at most a year.
pub const MAX_SAFETY_WEEKS: f64 = 52.0;

fn bad(what: &str, value: impl ToString, reason: &str) -> PlanError {
    PlanError::BadValue {
        what: what.to_string(),
        value: value.to_string(),
        reason: reason.to_string(),
    }
}

/// A quantity that must be zero or more and within [`super::qty::MAX_UNITS`].
pub fn check_quantity(what: &str, q: Qty) -> Result<(), PlanError> {
    if q.is_negative() {
        return Err(bad(what, q, "is negative; quantities must be zero or more"));
    }
    if q.to_f64() > super::qty::MAX_UNITS {
        return Err(bad(what, q, "is too large (at most 100,000,000 units)"));
    }
    Ok(())
}

fn check_price(what: &str, m: Money) -> Result<(), PlanError> {
    if m.0 < 0 || m.to_f64() > MAX_PRICE {
        return Err(bad(what, m, "must be between 0 and 1,000,000"));
    }
    Ok(())
}

/// Checks a product record on its own (uniqueness of the SKU is the workbook's job).
pub fn check_product(p: &Product) -> Result<(), PlanError> {
    let sku = p.sku.trim();
    if sku.is_empty() {
        return Err(bad("SKU", &p.sku, "is empty"));
    }
    let at = |field: &str| format!("{field} of {sku}");
    check_price(&at("unit cost"), p.unit_cost)?;
    check_price(&at("unit price"), p.unit_price)?;
    if p.lead_time_weeks as usize > MAX_HORIZON {
        return Err(bad(
            &at("lead time"),
            p.lead_time_weeks,
            "is longer than 104 weeks",
        ));
    }
    check_quantity(&at("MOQ"), p.moq)?;
    check_quantity(&at("order multiple"), p.order_multiple)?;
    check_quantity(&at("on hand"), p.on_hand)?;
    match p.safety_stock {
        SafetyStock::Units(u) => check_quantity(&at("safety stock"), u)?,
        SafetyStock::WeeksOfCover(w) => {
            if !w.is_finite() || !(0.0..=MAX_SAFETY_WEEKS).contains(&w) {
                return Err(bad(
                    &at("safety stock (weeks of cover)"),
                    w,
                    "must be between 0 and 52 weeks",
                ));
            }
        }
    }
    Ok(())
}
