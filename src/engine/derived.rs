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
//! - Money: revenue = sold × price, COGS = sold × cost, inventory value = max(end, 0) × cost,
//!   PO spend = receipts × cost in the week the goods arrive.

use super::calendar::Calendar;
use super::cover::ForwardDemand;
use super::product::{Product, SafetyStock};
use super::qty::{Money, Qty};
use super::series::SkuSeries;
use super::suggest::{suggest, OrderSuggestion};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SkuDerived {
    /// Forecast the plan uses (consensus or baseline), every week including the past.
    pub forecast: Vec<Qty>,
    /// Actual in the past, forecast from the current week on.
    pub demand: Vec<Qty>,
    /// Confirmed + planned receipts.
    pub receipts: Vec<Qty>,
    pub projected: Vec<Qty>,
    pub safety: Vec<Qty>,
    pub gap: Vec<Qty>,
    pub unmet: Vec<Qty>,
    pub sold: Vec<Qty>,
    /// Forward weeks of cover of the projected stock.
    pub cover: Vec<f64>,
    pub revenue: Vec<Money>,
    pub cogs: Vec<Money>,
    pub inventory_value: Vec<Money>,
    pub po_spend: Vec<Money>,
    pub first_stockout: Option<usize>,
    pub first_below_safety: Option<usize>,
    pub suggestion: Option<OrderSuggestion>,
}

/// Reusable buffers so a full recompute does not allocate per SKU.
#[derive(Default)]
pub struct Scratch {
    future_demand: Vec<i64>,
    prefix: Vec<i64>,
}

impl SkuDerived {
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
        let from = if self.forecast.len() != n {
            self.resize(n);
            0
        } else {
            from.min(n)
        };

        for i in from..n {
            let f = series.demand_plan(i);
            let r = series.receipts(i);
            self.forecast[i] = f;
            self.receipts[i] = r;
            self.po_spend[i] = product.unit_cost.times(r);
            if i < c {
                let a = series.actual[i];
                self.demand[i] = a;
                self.sold[i] = a;
                self.revenue[i] = product.unit_price.times(a);
                self.cogs[i] = product.unit_cost.times(a);
            } else {
                self.demand[i] = f;
            }
        }

        // Projection from the first future week that can have changed.
        let start = from.max(c);
        let mut prev = if start == c { product.on_hand } else { self.projected[start - 1] };
        for i in start..n {
            let d = self.demand[i];
            let end = prev + self.receipts[i] - d;
            let unmet = if end.is_negative() { d.min(-end) } else { Qty::ZERO };
            let sold = d - unmet;
            self.projected[i] = end;
            self.unmet[i] = unmet;
            self.sold[i] = sold;
            self.revenue[i] = product.unit_price.times(sold);
            self.cogs[i] = product.unit_cost.times(sold);
            self.inventory_value[i] = product.unit_cost.times(end.max(Qty::ZERO));
            prev = end;
        }

        // Safety stock, gap and cover look forward: refresh the whole future.
        scratch.future_demand.clear();
        scratch.future_demand.extend(self.demand[c..].iter().map(|q| q.0));
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
            self.gap[i] = end - ss;
            self.cover[i] = fd.cover(k, end.0);
            if self.first_stockout.is_none() && end.is_negative() {
                self.first_stockout = Some(i);
            }
            if self.first_below_safety.is_none() && end < ss {
                self.first_below_safety = Some(i);
            }
        }
        scratch.prefix = fd.into_buffer();
        self.suggestion = self
            .first_below_safety
            .map(|need| suggest(product, &self.projected, &self.safety, c, need));
    }

    fn resize(&mut self, n: usize) {
        for v in [
            &mut self.forecast,
            &mut self.demand,
            &mut self.receipts,
            &mut self.projected,
            &mut self.safety,
            &mut self.gap,
            &mut self.unmet,
            &mut self.sold,
        ] {
            v.clear();
            v.resize(n, Qty::ZERO);
        }
        for v in [&mut self.revenue, &mut self.cogs, &mut self.inventory_value, &mut self.po_spend] {
            v.clear();
            v.resize(n, Money::ZERO);
        }
        self.cover.clear();
        self.cover.resize(n, 0.0);
    }
}
