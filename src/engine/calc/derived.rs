//! Everything computed for one SKU, week by week, from its product data and input series.
//!
//! Conventions (shared/GUIDE.md §2):
//! - Demand used: actual sales in past weeks; from the current week on, the consensus where
//!   set, else the baseline forecast. Open sales orders are not modelled.
//! - Projected on hand: `end(i) = end(i−1) + receipts(i) − demand(i)` from the current week,
//!   with `end(current−1)` = on hand now. Past weeks have no projection (zero here; the grid
//!   shows them blank). A negative projection is **carried forward as a backlog** of unmet
//!   demand, as SAP IBP, frePPLe and Odoo MPS show it, so a later receipt must first cover it
//!   and suggested orders are sized to clear it.
//! - Unmet demand in a week is the part of that week's demand the stock could not serve:
//!   `min(demand, −end)` when `end < 0`. Sold = demand − unmet; revenue and COGS use sold units.
//! - Gap = projected − safety stock (negative = shortage). Cover: see [`super::cover`].
//! - Money is not stored: see [`super::money`].

use super::cover::ForwardDemand;
use super::suggest::{suggest, OrderSuggestion};
use crate::engine::model::calendar::Calendar;
use crate::engine::model::product::{Product, SafetyStock};
use crate::engine::model::qty::Qty;
use crate::engine::model::series::SkuSeries;

/// Stored rows are only those that cannot be derived cheaply: a full recompute is bound by
/// memory traffic, so demand, receipts, gap and sold are read through [`super::measure`]
/// instead of being stored (gap = projected − safety; sold = demand − unmet).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SkuDerived {
    /// Projected on hand at the end of each week (future weeks; zero in the past).
    pub projected: Vec<Qty>,
    /// Safety stock in units each week (weeks of cover turned into units against demand).
    pub safety: Vec<Qty>,
    /// Demand the stock could not serve.
    pub unmet: Vec<Qty>,
    /// Forward weeks of cover of the projected stock.
    pub cover: Vec<f64>,
    /// First week (plan index) the projection goes below zero; `None` if it never does.
    pub first_stockout: Option<usize>,
    /// First week (plan index) the projection goes below safety stock; drives exceptions and risk.
    pub first_below_safety: Option<usize>,
    /// The order that would restore safety stock at the first week below it, if any.
    pub suggestion: Option<OrderSuggestion>,
    /// What the active demand events add to the forecast, week by week (the events row;
    /// [`super::lifts`]); empty when no event lifts this SKU. Set by the workbook before
    /// [`SkuDerived::compute`], which reads it.
    pub lift: Vec<Qty>,
}

/// Reusable buffers so a full recompute does not allocate per SKU.
#[derive(Default)]
pub struct Scratch {
    future_demand: Vec<i64>,
    prefix: Vec<i64>,
    ends: Vec<i64>,
}

impl SkuDerived {
    /// The forecast the plan uses in a week: the consensus where set, else the baseline
    /// plus what demand events add.
    pub fn demand_plan(&self, series: &SkuSeries, week: usize) -> Qty {
        series.consensus[week].unwrap_or_else(|| series.forecast[week] + self.lift_in(week))
    }

    /// What demand events add in a week.
    pub fn lift_in(&self, week: usize) -> Qty {
        self.lift.get(week).copied().unwrap_or(Qty::ZERO)
    }

    /// Recomputes from week `from` on. Values before `from` that cannot change are kept;
    /// safety stock, gap and cover look ahead, so they are refreshed for every future week.
    pub fn compute(
        &mut self,
        product: &Product,
        series: &SkuSeries,
        cal: &Calendar,
        from: usize,
        scratch: &mut Scratch,
    ) {
        let n = cal.len();
        let c = cal.current();
        let from = if self.projected.len() != n {
            self.resize(n);
            0
        } else {
            from.min(n)
        };

        // Future demand (consensus where set, else forecast and events), needed whole for cover.
        scratch.future_demand.clear();
        scratch
            .future_demand
            .extend((c..n).map(|w| self.demand_plan(series, w).0));

        // Projection from the first future week that can have changed.
        let start = from.max(c);
        let mut prev = if start == c {
            product.on_hand
        } else {
            self.projected[start - 1]
        };
        for i in start..n {
            let d = Qty(scratch.future_demand[i - c]);
            let end = prev + series.confirmed_receipts[i] + series.planned_receipts[i] - d;
            let unmet = if end.is_negative() {
                d.min(-end)
            } else {
                Qty::ZERO
            };
            self.projected[i] = end;
            self.unmet[i] = unmet;
            prev = end;
        }

        // Safety stock, gap and cover look forward: refresh the whole future.
        let fd = ForwardDemand::new(&scratch.future_demand, std::mem::take(&mut scratch.prefix));
        self.first_stockout = None;
        self.first_below_safety = None;
        for i in c..n {
            let k = i - c;
            let ss = match product.safety_stock {
                SafetyStock::Units(u) => u,
                SafetyStock::WeeksOfCover(w) => Qty(fd.demand_after(k, w)),
            };
            let end = self.projected[i];
            self.safety[i] = ss;
            if self.first_stockout.is_none() && end.is_negative() {
                self.first_stockout = Some(i);
            }
            if self.first_below_safety.is_none() && end < ss {
                self.first_below_safety = Some(i);
            }
        }
        scratch.ends.clear();
        scratch.ends.extend(self.projected[c..].iter().map(|q| q.0));
        fd.cover_row(&scratch.ends, &mut self.cover[c..]);
        scratch.prefix = fd.into_buffer();
        self.suggestion = self
            .first_below_safety
            .map(|need| suggest(product, &self.projected, &self.safety, c, need));
    }

    /// Projected minus safety stock (negative = shortage).
    pub fn gap(&self, week: usize) -> Qty {
        self.projected[week] - self.safety[week]
    }

    fn resize(&mut self, n: usize) {
        for v in [&mut self.projected, &mut self.safety, &mut self.unmet] {
            v.clear();
            v.resize(n, Qty::ZERO);
        }
        self.cover.clear();
        self.cover.resize(n, 0.0);
    }
}
