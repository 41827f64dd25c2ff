//! Bounds on what a plan may hold. Checked before any edit touches the plan, so a rejected
//! edit changes nothing.

use super::calendar::MAX_HORIZON;
use super::error::PlanError;
use super::product::{Product, SafetyStock};
use super::qty::{Money, Qty, MAX_PRICE};
use super::series::SeriesField;

/// Safety stock in weeks of cover is at most a year.
pub const MAX_SAFETY_WEEKS: f64 = 52.0;

fn bad(what: &str, value: impl ToString, reason: &str) -> PlanError {
    PlanError::BadValue {
        what: what.to_string(),
        value: value.to_string(),
        reason: reason.to_string(),
    }
}

/// [`super::qty::MAX_UNITS`] in thousandths.
const MAX_QTY: i64 = super::qty::MAX_UNITS as i64 * super::qty::MILLI;

/// Whether [`check_quantity`] accepts `q`; cheap, for scanning whole series.
fn in_bounds(q: Qty) -> bool {
    (0..=MAX_QTY).contains(&q.0)
}

/// The length of a series and the first week whose value is out of bounds.
fn first_bad(values: &[Qty]) -> (usize, Option<usize>) {
    (values.len(), values.iter().position(|&q| !in_bounds(q)))
}

/// A quantity that must be zero or more and within [`super::qty::MAX_UNITS`].
pub fn check_quantity(what: &str, q: Qty) -> Result<(), PlanError> {
    if q.is_negative() {
        return Err(bad(what, q, "is negative; quantities must be zero or more"));
    }
    if q.0 > MAX_QTY {
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

/// Checks a whole plan (one read from a file or storage) before it replaces the current one:
/// every product, unique SKUs, one value per week in every series, quantities in bounds.
pub fn check_plan(plan: &super::plan::Plan) -> Result<(), PlanError> {
    let weeks = plan.calendar.len();
    if plan.series.len() != plan.products.len() {
        return Err(bad(
            "plan",
            plan.series.len(),
            "series do not match the products (one set per product)",
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (p, s) in plan.products.iter().zip(&plan.series) {
        check_product(p)?;
        if !seen.insert(p.sku.as_str()) {
            return Err(bad("SKU", &p.sku, "appears twice in the plan"));
        }
        for field in SeriesField::ALL {
            let (len, wrong) = match field {
                SeriesField::Actual => first_bad(&s.actual),
                SeriesField::Forecast => first_bad(&s.forecast),
                SeriesField::Consensus => (
                    s.consensus.len(),
                    s.consensus
                        .iter()
                        .position(|q| q.is_some_and(|q| !in_bounds(q))),
                ),
                SeriesField::ConfirmedReceipts => first_bad(&s.confirmed_receipts),
                SeriesField::PlannedReceipts => first_bad(&s.planned_receipts),
            };
            if len != weeks {
                return Err(bad(
                    &format!("{} of {}", field.label(), p.sku),
                    len,
                    &format!("weeks are held but the plan has {weeks}"),
                ));
            }
            // The week's label is made only for the error: a plan has millions of cells.
            if let Some(w) = wrong {
                check_quantity(
                    &format!(
                        "{} of {} in {}",
                        field.label(),
                        p.sku,
                        plan.calendar.label(w as isize)
                    ),
                    s.get(field, w).unwrap_or_default(),
                )?;
            }
        }
    }
    for (family, q) in &plan.capacity {
        check_quantity(&format!("capacity of {family}"), *q)?;
    }
    Ok(())
}
