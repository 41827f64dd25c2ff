//! Demand events: promotions and launches with a name that says why ("Black Friday −25 %",
//! "Spring launch"), on a SKU or a whole family, over a run of weeks, lifting the forecast by a
//! percentage or by units a week. They show as their own row ("Promos & events") between
//! forecast and consensus, and can be switched off without being lost.
//!
//! The demand a week uses is then the consensus where set, else forecast + events: an override
//! is the final number, events adjust the baseline.

use super::calendar::{parse_iso_week, Calendar};
use super::product::Product;
use super::qty::{Qty, MAX_UNITS};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A promotion or launch lifting the forecast of a SKU or family over a run of weeks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemandEvent {
    /// Unique across browsers, so two copies' lists merge.
    pub id: String,
    /// What and why, as the planner names it.
    pub name: String,
    /// A SKU code, or `family:<name>`.
    pub target: String,
    /// First and last ISO week (`2026-W49`), inclusive; kept as weeks, not indices, so an
    /// event stays on its weeks when the plan rolls on.
    pub first: String,
    /// Last ISO week it lifts (`2026-W52`), inclusive.
    pub last: String,
    /// How much it lifts each week: a percentage or units.
    pub lift: Lift,
    /// Switched off: kept, but lifts nothing.
    pub active: bool,
    /// Who created it ("Ana (Sales)").
    pub author: String,
}

/// How much an event adds to the forecast of each of its weeks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lift {
    /// Percentage points of the forecast (a [`Qty`] of percent: `Qty::units(20)` = +20 %;
    /// negative for a cut, down to −100 %).
    Percent(Qty),
    /// Units a week, for a family split over its SKUs in proportion to their forecast.
    Units(Qty),
}

/// The largest percentage lift (+1,000 %: ten times the forecast).
pub const MAX_PERCENT: i64 = 1000;
/// The longest event name, in characters.
pub const MAX_EVENT_NAME: usize = 120;

/// The most all events together add to one SKU's week: 1,000,000,000 units (ten times the
/// largest forecast a cell holds, i.e. +1,000 % of it). With it a week's demand is at most
/// 1,100,000,000 units, which keeps every quantity sum of the plan inside an i64: 104 weeks
/// of it over 20,000 SKUs is 2.3 × 10^18 thousandths (the bound is 9.2 × 10^18). The events
/// row shows the lift as used, so a capped week is visible.
pub const MAX_LIFT: Qty = Qty(1_000_000_000_000);

/// The prefix of a family target.
pub const FAMILY: &str = "family:";

impl DemandEvent {
    /// Checks a new (or retargeted) event against the plan: its fields, and that its target
    /// names a SKU or family of `products` (the plan's). A clear sentence naming the field,
    /// or `Ok`.
    pub fn check(&self, products: &[Product]) -> Result<(), String> {
        self.check_fields()?;
        if self.skus(products).is_empty() {
            return Err(format!(
                "Event target '{}': no such SKU or family in the plan",
                self.target
            ));
        }
        Ok(())
    }

    /// Checks an event as a plan keeps it: name, weeks and lift. Its target may have no SKU
    /// left (an import moved a family's SKUs to another family): it then lifts nothing, and
    /// the plan stays valid and readable.
    pub fn check_fields(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("An event needs a name (what and why, e.g. \"Black Friday promo\")".into());
        }
        if self.name.chars().count() > MAX_EVENT_NAME {
            return Err(format!("Event name: at most {MAX_EVENT_NAME} characters"));
        }
        let weeks = [&self.first, &self.last].map(|w| parse_iso_week(w));
        let [Some(a), Some(b)] = weeks else {
            return Err(format!(
                "Event weeks '{}'–'{}': write ISO weeks like 2026-W49",
                self.first, self.last
            ));
        };
        if b < a {
            return Err(format!(
                "Event weeks: {} is before {}",
                self.last, self.first
            ));
        }
        match self.lift {
            Lift::Percent(p) if p.0 < -100 * 1000 || p.0 > MAX_PERCENT * 1000 => Err(format!(
                "Event lift {}%: between −100 % and +{MAX_PERCENT} %",
                p.to_f64()
            )),
            Lift::Units(u) if u.to_f64().abs() > MAX_UNITS => {
                Err(format!("Event lift {} units: too large", u.to_f64()))
            }
            _ => Ok(()),
        }
    }

    /// The SKUs of `products` (the plan's) it lifts, in product order.
    pub fn skus(&self, products: &[Product]) -> Vec<usize> {
        match self.target.strip_prefix(FAMILY) {
            Some(f) => (0..products.len())
                .filter(|&i| products[i].family == f)
                .collect(),
            None => (0..products.len())
                .filter(|&i| products[i].sku == self.target)
                .collect(),
        }
    }

    /// The plan's weeks it covers (empty when none of them is in the plan).
    pub fn weeks(&self, cal: &Calendar) -> Range<usize> {
        let (Some(a), Some(b)) = (parse_iso_week(&self.first), parse_iso_week(&self.last)) else {
            return 0..0;
        };
        let first = cal.monday(0);
        let index = |d: chrono::NaiveDate| (d - first).num_days().div_euclid(7);
        let start = index(a).clamp(0, cal.len() as i64) as usize;
        let end = (index(b) + 1).clamp(0, cal.len() as i64) as usize;
        start..end.max(start)
    }

    /// "+20 %" / "+300 a week" / "−50 a week".
    pub fn lift_label(&self) -> String {
        let sign = |v: f64| if v < 0.0 { "−" } else { "+" };
        match self.lift {
            Lift::Percent(p) => format!("{}{} %", sign(p.to_f64()), p.to_f64().abs()),
            Lift::Units(u) => format!("{}{} a week", sign(u.to_f64()), u.to_f64().abs()),
        }
    }
}
