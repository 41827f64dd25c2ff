//! The KPIs the three users watch (shared/GUIDE.md §1–2).
//!
//! - Sales vs forecast: units sold last week against the forecast the plan held for it.
//! - WMAPE = Σ|A−F| / ΣA and bias = Σ(F−A) / ΣA (positive = over-forecast), summed over SKUs
//!   and weeks, so errors of different SKUs do not cancel (they would at a family total).
//! - Inventory turns (forward-looking): COGS over the next up-to-52 weeks, annualised, divided
//!   by the average projected inventory value over the same weeks.
//! - At risk: SKUs projected below safety stock before an order placed today could arrive,
//!   i.e. in the current week or the lead time after it.

use super::money::week_money;
use crate::engine::edit::workbook::Workbook;
use std::ops::Range;

/// Whose numbers: one SKU, a family, or the whole plan (KPIs, grid rows, monthly values).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The whole plan.
    Total,
    /// The SKUs of one family, by family name.
    Family(String),
    /// One SKU, by its index in the plan.
    Sku(usize),
}

/// Last week's sales against the forecast the plan held for that week.
#[derive(Clone, Debug, PartialEq)]
pub struct SalesVsForecast {
    /// Units, in thousandths.
    pub actual: i64,
    /// Units forecast for the same week, in thousandths.
    pub forecast: i64,
    /// (actual − forecast) / forecast; `None` when nothing was forecast.
    pub pct: Option<f64>,
}

/// How good the forecast was over past weeks; `None` ratios when nothing was sold.
#[derive(Clone, Debug, PartialEq)]
pub struct Accuracy {
    /// Weighted mean absolute percentage error, Σ|A−F| / ΣA (0.2 = 20 %).
    pub wmape: Option<f64>,
    /// Σ(F−A) / ΣA; positive means the forecast was too high.
    pub bias: Option<f64>,
    /// Σ actual over the window, in thousandths.
    pub actual: i64,
}

/// Weeks of forward inventory turns.
pub const TURNS_WINDOW: usize = 52;

impl Workbook {
    /// SKU indices in a scope.
    pub fn skus_in(&self, scope: &Scope) -> Vec<usize> {
        let products = &self.plan().products;
        match scope {
            Scope::Total => (0..products.len()).collect(),
            Scope::Family(f) => (0..products.len())
                .filter(|&i| &products[i].family == f)
                .collect(),
            Scope::Sku(i) if *i < products.len() => vec![*i],
            Scope::Sku(_) => Vec::new(),
        }
    }

    /// Last week's sales against its forecast; `None` when the plan has no past week.
    pub fn last_week_sales_vs_forecast(&self, scope: &Scope) -> Option<SalesVsForecast> {
        let w = self.plan().calendar.current().checked_sub(1)?;
        let (mut actual, mut forecast) = (0i64, 0i64);
        for i in self.skus_in(scope) {
            actual += self.plan().series[i].actual[w].0;
            forecast += self.demand_plan(i, w).0;
        }
        let pct = (forecast != 0).then(|| (actual - forecast) as f64 / forecast as f64);
        Some(SalesVsForecast {
            actual,
            forecast,
            pct,
        })
    }

    /// WMAPE and bias over `weeks` (clamped to the past).
    pub fn accuracy(&self, scope: &Scope, weeks: Range<usize>) -> Accuracy {
        let c = self.plan().calendar.current();
        let weeks = weeks.start.min(c)..weeks.end.min(c);
        let (mut abs_err, mut err, mut actual) = (0i128, 0i128, 0i128);
        for i in self.skus_in(scope) {
            let s = &self.plan().series[i];
            for w in weeks.clone() {
                let (a, f) = (s.actual[w].0 as i128, self.demand_plan(i, w).0 as i128);
                abs_err += (a - f).abs();
                err += f - a;
                actual += a;
            }
        }
        let ratio = |x: i128| (actual != 0).then(|| x as f64 / actual as f64);
        Accuracy {
            wmape: ratio(abs_err),
            bias: ratio(err),
            actual: actual as i64,
        }
    }

    /// Accuracy over the last `n` past weeks.
    pub fn accuracy_last(&self, scope: &Scope, n: usize) -> Accuracy {
        let c = self.plan().calendar.current();
        self.accuracy(scope, c.saturating_sub(n)..c)
    }

    /// Forward inventory turns; `None` when no inventory is projected.
    pub fn inventory_turns(&self, scope: &Scope) -> Option<f64> {
        let cal = &self.plan().calendar;
        let c = cal.current();
        let window = c..(c + TURNS_WINDOW).min(cal.len());
        let weeks = window.len() as f64;
        let (mut cogs, mut inv) = (0i128, 0i128);
        for i in self.skus_in(scope) {
            let (p, s, d) = (
                &self.plan().products[i],
                &self.plan().series[i],
                self.derived(i),
            );
            for w in window.clone() {
                let m = week_money(p, s, d, c, w);
                cogs += m.cogs.0;
                inv += m.inventory_value.0;
            }
        }
        (inv > 0).then(|| (cogs as f64 * 52.0 / weeks) / (inv as f64 / weeks))
    }

    /// Whether a SKU goes below safety stock within its lead time.
    pub fn at_risk(&self, sku: usize) -> bool {
        let c = self.plan().calendar.current();
        let lead = self.plan().products[sku].lead_time_weeks as usize;
        self.derived(sku)
            .first_below_safety
            .is_some_and(|w| w <= c + lead)
    }

    /// How many SKUs in the scope go below safety stock before an order placed today arrives.
    pub fn skus_at_risk(&self, scope: &Scope) -> usize {
        self.skus_in(scope)
            .into_iter()
            .filter(|&i| self.at_risk(i))
            .count()
    }
}
