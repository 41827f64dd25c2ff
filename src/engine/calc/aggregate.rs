//! Family and total rows: sums of their SKUs, kept up to date by adding and subtracting a
//! SKU's rows (exact, since quantities and money are integers). Cover is recomputed from the
//! aggregate stock and demand, never summed. Monthly buckets use the calendar's month rule:
//! flows (sales, demand, receipts, money) are summed over the month's weeks; stocks (projected,
//! safety, gap, inventory value, cover) are the value at the month's last week.

use super::cover::ForwardDemand;
use super::derived::SkuDerived;
use super::money::WeekMoney;
use crate::engine::model::calendar::Calendar;
use crate::engine::model::product::Product;
use crate::engine::model::qty::Amount;
use crate::engine::model::series::SkuSeries;
use std::ops::Range;

/// Aggregated rows of a family or of the whole plan. Quantities in thousandths of a unit,
/// summed with wrapping i64 arithmetic: adding and removing SKUs in any order then gives
/// exactly the full sum (modular arithmetic is exact), and the sum itself is in range: a
/// SKU's quantity in a week is at most 100,000,000 units typed, or a projected stock of at
/// most on hand + 260 weeks of receipts ≤ 52,100,000,000 units = 5.21 × 10^13 thousandths;
/// times [`crate::engine::model::qty::MAX_SKUS`] (20,000) that is 1.04 × 10^18, inside an i64 (9.2 × 10^18).
/// Money rows are i128 in [`Amount`] units (thousandths of a cent), exact by the bound worked
/// out on [`Amount`], so no money total ever wraps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agg {
    /// SKUs counted in this aggregate.
    pub members: usize,
    /// Units sold in past weeks, summed over the SKUs.
    pub actual: Vec<i64>,
    /// Consensus where set, else forecast.
    pub forecast: Vec<i64>,
    /// What demand events add to the SKUs' forecasts (the events row).
    pub events: Vec<i64>,
    /// The part of `events` that reaches demand: weeks without a consensus override.
    pub lifted: Vec<i64>,
    /// Demand used by the projection: actuals in the past, the plan's forecast ahead.
    pub demand: Vec<i64>,
    /// Confirmed plus planned receipts, by week of arrival.
    pub receipts: Vec<i64>,
    /// Projected stock at the end of each week (backlog carried as negative stock).
    pub projected: Vec<i64>,
    /// Safety stock each week, summed over the SKUs.
    pub safety: Vec<i64>,
    /// Projected minus safety stock; negative means short of the reserve.
    pub gap: Vec<i64>,
    /// Demand the stock could not serve (lost or backlogged sales).
    pub unmet: Vec<i64>,
    /// Demand minus unmet: what revenue and COGS are counted on.
    pub sold: Vec<i64>,
    /// Sold units × unit price, in [`Amount`] units (thousandths of a cent).
    pub revenue: Vec<i128>,
    /// Sold units × unit cost, in [`Amount`] units.
    pub cogs: Vec<i128>,
    /// Positive projected stock × unit cost, in [`Amount`] units: the cash the plan ties up.
    pub inventory_value: Vec<i128>,
    /// Receipts × unit cost in the week they arrive, in [`Amount`] units.
    pub po_spend: Vec<i128>,
    /// Forward weeks of cover of the aggregate stock; recomputed, never summed over SKUs.
    pub cover: Vec<f64>,
}

impl Agg {
    /// Empty rows over `n` weeks, before any SKU is added.
    pub(crate) fn zeros(n: usize) -> Agg {
        Agg {
            members: 0,
            actual: vec![0; n],
            forecast: vec![0; n],
            events: vec![0; n],
            lifted: vec![0; n],
            demand: vec![0; n],
            receipts: vec![0; n],
            projected: vec![0; n],
            safety: vec![0; n],
            gap: vec![0; n],
            unmet: vec![0; n],
            sold: vec![0; n],
            revenue: vec![0; n],
            cogs: vec![0; n],
            inventory_value: vec![0; n],
            po_spend: vec![0; n],
            cover: vec![0.0; n],
        }
    }

    /// Adds (`sign` = 1) or removes (`sign` = −1) one SKU's rows. Demand, gap, sold and cover
    /// are left stale until [`Agg::finish`].
    pub fn add(&mut self, p: &Product, d: &SkuDerived, s: &SkuSeries, current: usize, sign: i64) {
        self.members = (self.members as i64 + sign) as usize;
        let c = current;
        add_row(&mut self.actual, s.actual.iter().map(|q| q.0), sign);
        let plan = s
            .forecast
            .iter()
            .zip(&s.consensus)
            .map(|(&f, &cons)| cons.unwrap_or(f).0);
        add_row(&mut self.forecast, plan, sign);
        if !d.lift.is_empty() {
            add_row(&mut self.events, d.lift.iter().map(|q| q.0), sign);
            let lifted = d.lift.iter().zip(&s.consensus);
            let lifted = lifted.map(|(l, cons)| if cons.is_some() { 0 } else { l.0 });
            add_row(&mut self.lifted, lifted, sign);
        }
        add_row(
            &mut self.receipts,
            s.confirmed_receipts
                .iter()
                .zip(&s.planned_receipts)
                .map(|(a, b)| a.0 + b.0),
            sign,
        );
        for (acc, row) in [
            (&mut self.projected, &d.projected),
            (&mut self.safety, &d.safety),
            (&mut self.unmet, &d.unmet),
        ] {
            add_row(&mut acc[c..], row[c..].iter().map(|q| q.0), sign);
        }
        for w in 0..c {
            let m = WeekMoney::past(p, s.actual[w], s.receipts(w));
            self.add_money(w, &m, sign);
        }
        for w in c..self.revenue.len() {
            let m = WeekMoney::future(
                p,
                d.demand_plan(s, w),
                d.unmet[w],
                d.projected[w],
                s.receipts(w),
            );
            self.add_money(w, &m, sign);
        }
    }

    #[inline]
    fn add_money(&mut self, w: usize, m: &WeekMoney, sign: i64) {
        let f = |acc: &mut i128, v: Amount| *acc += sign as i128 * v.0;
        f(&mut self.revenue[w], m.revenue);
        f(&mut self.cogs[w], m.cogs);
        f(&mut self.inventory_value[w], m.inventory_value);
        f(&mut self.po_spend[w], m.po_spend);
    }

    /// Adds another aggregate's rows (the total is the sum of the family rows).
    pub fn add_agg(&mut self, o: &Agg) {
        self.members += o.members;
        for (acc, row) in [
            (&mut self.actual, &o.actual),
            (&mut self.forecast, &o.forecast),
            (&mut self.events, &o.events),
            (&mut self.lifted, &o.lifted),
            (&mut self.receipts, &o.receipts),
            (&mut self.projected, &o.projected),
            (&mut self.safety, &o.safety),
            (&mut self.unmet, &o.unmet),
        ] {
            add_row(acc, row.iter().copied(), 1);
        }
        for (acc, row) in [
            (&mut self.revenue, &o.revenue),
            (&mut self.cogs, &o.cogs),
            (&mut self.inventory_value, &o.inventory_value),
            (&mut self.po_spend, &o.po_spend),
        ] {
            acc.iter_mut().zip(row).for_each(|(a, v)| *a += v);
        }
    }

    /// Derives demand, gap and sold (linear, so exact from the sums) and recomputes cover
    /// from the aggregate projected stock and demand.
    pub fn finish(&mut self, cal: &Calendar, prefix: &mut Vec<i64>) {
        let c = cal.current();
        self.demand[..c].copy_from_slice(&self.actual[..c]);
        for ((d, &f), &l) in self.demand[c..]
            .iter_mut()
            .zip(&self.forecast[c..])
            .zip(&self.lifted[c..])
        {
            *d = f.wrapping_add(l);
        }
        for (((g, &p), &s), ((sold, &d), &u)) in self
            .gap
            .iter_mut()
            .zip(&self.projected)
            .zip(&self.safety)
            .zip(self.sold.iter_mut().zip(&self.demand).zip(&self.unmet))
        {
            *g = p.wrapping_sub(s);
            *sold = d.wrapping_sub(u);
        }
        let fd = ForwardDemand::new(&self.demand[c..], std::mem::take(prefix));
        fd.cover_row(&self.projected[c..], &mut self.cover[c..]);
        *prefix = fd.into_buffer();
    }
}

fn add_row(acc: &mut [i64], row: impl Iterator<Item = i64>, sign: i64) {
    if sign >= 0 {
        acc.iter_mut()
            .zip(row)
            .for_each(|(a, v)| *a = a.wrapping_add(v));
    } else {
        acc.iter_mut()
            .zip(row)
            .for_each(|(a, v)| *a = a.wrapping_sub(v));
    }
}

/// Sum of a weekly flow over each month.
pub fn monthly_flow<T: Copy + Into<i128>>(weekly: &[T], months: &[Range<usize>]) -> Vec<i128> {
    months
        .iter()
        .map(|r| weekly[r.clone()].iter().map(|&v| v.into()).sum())
        .collect()
}

/// A stock at the end of each month: the value in the month's last week.
pub fn monthly_stock<T: Copy>(weekly: &[T], months: &[Range<usize>]) -> Vec<T> {
    months.iter().map(|r| weekly[r.end - 1]).collect()
}
