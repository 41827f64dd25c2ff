//! Bounds on what a plan may hold. Checked before any edit touches the plan, so a rejected
//! edit changes nothing.

use super::error::PlanError;
use crate::engine::model::breakdown::{label, location_total, week_totals};
use crate::engine::model::calendar::Calendar;
use crate::engine::model::calendar::{MAX_HISTORY, MAX_HORIZON};
use crate::engine::model::decision::{Decision, MAX_DECISION};
use crate::engine::model::note::{Note, MAX_NOTE};
use crate::engine::model::plan::Slot;
use crate::engine::model::product::{Product, SafetyStock};
use crate::engine::model::qty::{Money, Qty, MAX_PRICE_CENTS, MAX_SKUS};
use crate::engine::model::series::{SeriesField, SkuSeries};
use chrono::Datelike;

/// Safety stock in weeks of cover is at most a year.
pub const MAX_SAFETY_WEEKS: f64 = 52.0;

fn bad(what: &str, value: impl ToString, reason: &str) -> PlanError {
    PlanError::BadValue {
        what: what.to_string(),
        value: value.to_string(),
        reason: reason.to_string(),
    }
}

/// [`crate::engine::model::qty::MAX_UNITS`] in thousandths.
const MAX_QTY: i64 = crate::engine::model::qty::MAX_UNITS as i64 * crate::engine::model::qty::MILLI;

/// Whether [`check_quantity`] accepts `q`; cheap, for scanning whole series.
fn in_bounds(q: Qty) -> bool {
    (0..=MAX_QTY).contains(&q.0)
}

/// The length of a series and the first week whose value is out of bounds. The whole series
/// is scanned without stopping first (a loop the compiler vectorises), then searched only if
/// a value is out of bounds.
fn first_bad(values: &[Qty]) -> (usize, Option<usize>) {
    // As unsigned, a negative value is above the bound too: one comparison per value.
    let any = values
        .iter()
        .fold(0u64, |any, q| any | u64::from(q.0 as u64 > MAX_QTY as u64))
        != 0;
    let at = any.then(|| values.iter().position(|&q| !in_bounds(q)));
    (values.len(), at.flatten())
}

/// Why a quantity is refused, if it is.
fn quantity_problem(q: Qty) -> Option<&'static str> {
    if q.is_negative() {
        Some("is negative; quantities must be zero or more")
    } else if q.0 > MAX_QTY {
        Some("is too large (at most 100,000,000 units)")
    } else {
        None
    }
}

/// A quantity that must be zero or more and within [`crate::engine::model::qty::MAX_UNITS`].
pub fn check_quantity(what: &str, q: Qty) -> Result<(), PlanError> {
    check_quantity_of(q, || what.to_string())
}

/// [`check_quantity`] naming the value only when it is wrong (a re-forecast checks 200,000
/// cells; naming each costs more than the rest of the edit).
pub fn check_quantity_of(q: Qty, what: impl FnOnce() -> String) -> Result<(), PlanError> {
    quantity_problem(q).map_or(Ok(()), |reason| Err(bad(&what(), q, reason)))
}

/// A unit cost or price: 0 to [`MAX_PRICE_CENTS`] (1,000,000.00), the bound that keeps
/// every money amount exact (see [`crate::engine::model::qty::Amount`]).
fn price_ok(m: Money) -> bool {
    (0..=i128::from(MAX_PRICE_CENTS)).contains(&m.0)
}

/// Checks a product record on its own (uniqueness of the SKU is the workbook's job).
pub fn check_product(p: &Product) -> Result<(), PlanError> {
    let sku = p.sku.trim();
    if sku.is_empty() {
        return Err(bad("SKU", &p.sku, "is empty"));
    }
    // Field names are formatted only for an error: whole plans are checked on load.
    let at = |field: &str| format!("{field} of {sku}");
    for (field, m) in [("unit cost", p.unit_cost), ("unit price", p.unit_price)] {
        if !price_ok(m) {
            return Err(bad(&at(field), m, "must be between 0 and 1,000,000"));
        }
    }
    if p.lead_time_weeks as usize > MAX_HORIZON {
        return Err(bad(
            &at("lead time"),
            p.lead_time_weeks,
            "is longer than 104 weeks",
        ));
    }
    let units = match p.safety_stock {
        SafetyStock::Units(u) => Some(u),
        SafetyStock::WeeksOfCover(_) => None,
    };
    let quantities = [
        ("MOQ", Some(p.moq)),
        ("order multiple", Some(p.order_multiple)),
        ("on hand", Some(p.on_hand)),
        ("safety stock", units),
    ];
    for (field, q) in quantities {
        if let Some((q, reason)) = q.and_then(|q| Some((q, quantity_problem(q)?))) {
            return Err(bad(&at(field), q, reason));
        }
    }
    if let SafetyStock::WeeksOfCover(w) = p.safety_stock {
        if !w.is_finite() || !(0.0..=MAX_SAFETY_WEEKS).contains(&w) {
            return Err(bad(
                &at("safety stock (weeks of cover)"),
                w,
                "must be between 0 and 52 weeks",
            ));
        }
    }
    check_locations(p)
}

/// A note needs its text (not too long) and what it is on.
pub fn check_note(note: &Note) -> Result<(), PlanError> {
    let what = format!("note on {}", note.sku);
    if note.text.trim().is_empty() {
        return Err(bad(&what, "", "is empty"));
    }
    let chars = note.text.chars().count();
    if chars > MAX_NOTE {
        return Err(bad(
            &what,
            format!("{chars} characters"),
            &format!("is longer than {MAX_NOTE} characters"),
        ));
    }
    if note.sku.is_empty() {
        return Err(bad("note", &note.text, "is on no SKU, family or total"));
    }
    Ok(())
}

/// A decision needs an id, its text (not too long) and an owner.
pub fn check_decision(d: &Decision) -> Result<(), PlanError> {
    let no = |value: &str, reason: &str| Err(bad("decision", value, reason));
    if d.text.trim().is_empty() {
        return no("", "needs a text: what was decided");
    }
    let chars = d.text.chars().count();
    if chars > MAX_DECISION {
        return no(
            &format!("{chars} characters"),
            &format!("is longer than {MAX_DECISION} characters"),
        );
    }
    if d.owner.trim().is_empty() {
        return no(&d.text, "needs an owner");
    }
    if d.id.trim().is_empty() {
        return no(&d.text, "has no id");
    }
    Ok(())
}

/// Checks a whole plan (one read from a file or storage) before it replaces the current one:
/// every product, unique SKUs, one value per week in every series, quantities in bounds,
/// every signed change on a SKU and week of the plan. It checks everything the storage
/// reader and the plan-file reader check, so a plan that passes it saves and reads back.
pub fn check_plan(plan: &crate::engine::model::plan::Plan) -> Result<(), PlanError> {
    let weeks = plan.calendar.len();
    if plan.series.len() != plan.products.len() {
        return Err(bad(
            "plan",
            plan.series.len(),
            "series do not match the products (one set per product)",
        ));
    }
    if plan.products.len() > MAX_SKUS {
        return Err(bad(
            "SKUs in the plan",
            plan.products.len(),
            "is more than 20,000, the most a plan holds",
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (p, s) in plan.products.iter().zip(&plan.series) {
        check_product(p)?;
        if !seen.insert(p.sku.as_str()) {
            return Err(bad("SKU", &p.sku, "appears twice in the plan"));
        }
        check_channels(&p.sku, s, &plan.calendar)?;
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
    let cal = &plan.calendar;
    let years = |w: usize| cal.monday(w as isize).year();
    if cal.history() > MAX_HISTORY
        || !(1..=MAX_HORIZON).contains(&cal.horizon())
        || !(1900..=9999).contains(&years(0))
        || !(1900..=9999).contains(&years(weeks - 1))
    {
        return Err(bad(
            "calendar",
            format!("{} to {}", cal.label(0), cal.label(weeks as isize - 1)),
            "is not a plan calendar (at most 156 weeks back and 104 ahead, years 1900 to 9999)",
        ));
    }
    for note in &plan.notes {
        check_note(note)?;
    }
    let mut decided = std::collections::HashSet::new();
    for d in &plan.decisions {
        check_decision(d)?;
        if !decided.insert(d.id.as_str()) {
            return Err(bad("decision", &d.id, "appears twice in the plan"));
        }
    }
    for (sku, slot, who) in plan.authors.iter() {
        if who.trim().is_empty() {
            return Err(bad("who changed what", sku, "names no one"));
        }
        let week = match slot {
            Slot::Product => None,
            Slot::Cell(_, week) => Some(week),
        };
        if !seen.contains(sku) || week.is_some_and(|w| w >= weeks) {
            let week = week.map_or(String::new(), |w| format!(" in week {}", w + 1));
            return Err(bad(
                "who changed what",
                format!("{sku}{week}"),
                "is a SKU or week the plan does not have",
            ));
        }
    }
    for (family, q) in &plan.capacity {
        check_quantity(&format!("capacity of {family}"), *q)?;
    }
    let mut ids = std::collections::HashSet::new();
    for e in &plan.events {
        e.check_fields()
            .map_err(|reason| bad("event", &e.name, &reason))?;
        if !ids.insert(e.id.as_str()) {
            return Err(bad("event", &e.id, "appears twice in the plan"));
        }
    }
    Ok(())
}

/// A product's locations hold quantities in bounds that add up to its on hand.
pub fn check_locations(p: &Product) -> Result<(), PlanError> {
    for (name, q) in &p.locations {
        check_quantity(&format!("on hand of {} at {}", p.sku, label(name)), *q)?;
    }
    let total = location_total(&p.locations);
    if !p.locations.is_empty() && total != p.on_hand {
        return Err(PlanError::BadValue {
            what: format!("on hand of {}", p.sku),
            value: p.on_hand.to_string(),
            reason: format!("is not the sum of its locations ({total})"),
        });
    }
    Ok(())
}

/// A SKU's channels hold one value in bounds per week, adding up to its actual sales.
pub fn check_channels(sku: &str, s: &SkuSeries, cal: &Calendar) -> Result<(), PlanError> {
    if s.channels.is_empty() {
        return Ok(());
    }
    let weeks = cal.len();
    for (name, values) in &s.channels {
        if values.len() != weeks {
            return Err(PlanError::BadValue {
                what: format!("actual sales of {sku} in channel {}", label(name)),
                value: values.len().to_string(),
                reason: format!("weeks are held but the plan has {weeks}"),
            });
        }
        if let Some(w) = values.iter().position(|q| !(0..=MAX_QTY).contains(&q.0)) {
            let what = format!(
                "actual sales of {sku} in {} ({})",
                cal.label(w as isize),
                label(name)
            );
            check_quantity(&what, values[w])?;
        }
    }
    let totals = week_totals(&s.channels, weeks);
    if let Some(w) = (0..weeks).find(|&w| s.actual.get(w) != Some(&totals[w])) {
        return Err(PlanError::BadValue {
            what: format!("actual sales of {sku} in {}", cal.label(w as isize)),
            value: s.actual.get(w).copied().unwrap_or_default().to_string(),
            reason: format!("is not the sum of its channels ({})", totals[w]),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Calendar, Plan};
    use chrono::NaiveDate;

    fn plan() -> Plan {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut plan = Plan::new(Calendar::around(today, 1, 3).unwrap());
        plan.add_product(Product::new("A-1", "A", "F"));
        plan
    }

    #[test]
    fn a_plan_names_the_first_series_value_out_of_bounds_with_its_week() {
        assert_eq!(check_plan(&plan()), Ok(()));
        let mut p = plan();
        p.series_mut(0).forecast[2] = Qty(-1);
        p.series_mut(0).forecast[3] = Qty(-5);
        assert_eq!(
            check_plan(&p).unwrap_err().to_string(),
            "forecast of A-1 in 2026-W49: '-0.001' is negative; quantities must be zero or more"
        );
        let mut p = plan();
        p.series_mut(0).consensus[1] = Some(Qty(MAX_QTY + 1));
        assert!(check_plan(&p)
            .unwrap_err()
            .to_string()
            .starts_with("consensus of A-1 in 2026-W48: '100000000.001' is too large"));
        let mut p = plan();
        p.series_mut(0).planned_receipts[0] = Qty(MAX_QTY);
        assert_eq!(check_plan(&p), Ok(()));
        p.products[0].on_hand = Qty(i64::MIN);
        assert!(check_plan(&p)
            .unwrap_err()
            .to_string()
            .starts_with("on hand of A-1"));
    }

    /// Everything the storage and plan-file readers refuse, check_plan refuses first.
    #[test]
    fn a_signature_on_a_sku_or_week_the_plan_lacks_is_refused() {
        use std::sync::Arc;
        let ana = || Some(Arc::from("Ana (Sales)"));
        let mut p = plan();
        p.authors
            .set("A-1", Slot::Cell(SeriesField::Forecast, 3), ana());
        assert_eq!(check_plan(&p), Ok(()));
        p.authors
            .set("A-1", Slot::Cell(SeriesField::Forecast, 4), ana());
        assert_eq!(
            check_plan(&p).unwrap_err().to_string(),
            "who changed what: 'A-1 in week 5' is a SKU or week the plan does not have"
        );
        let mut p = plan();
        p.authors.set("B-9", Slot::Product, ana());
        assert_eq!(
            check_plan(&p).unwrap_err().to_string(),
            "who changed what: 'B-9' is a SKU or week the plan does not have"
        );
        let mut p = plan();
        p.notes.push(Note {
            sku: "A-1".into(),
            period: None,
            measure: None,
            text: "x".repeat(MAX_NOTE + 1),
            author: String::new(),
            written: String::new(),
        });
        assert!(check_plan(&p)
            .unwrap_err()
            .to_string()
            .contains("is longer than"));
    }
}
