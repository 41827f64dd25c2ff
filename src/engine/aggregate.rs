//! Family and total rows: sums of their SKUs, kept up to date by adding and subtracting a
//! SKU's rows (exact, since quantities and money are integers). Cover is recomputed from the
//! aggregate stock and demand, never summed. Monthly buckets use the calendar's month rule:
//! flows (sales, demand, receipts, money) are summed over the month's weeks; stocks (projected,
//! safety, gap, inventory value, cover) are the value at the month's last week.

use super::calendar::Calendar;
use super::cover::ForwardDemand;
use super::derived::SkuDerived;
use super::qty::Qty;
use super::series::SkuSeries;
use std::ops::Range;

/// Aggregated rows of a family or of the whole plan. Quantities in thousandths of a unit,
/// money in cents (i128: a total over many SKUs can outgrow i64 cents in extreme plans).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agg {
    /// SKUs counted in this aggregate.
    pub members: usize,
    pub actual: Vec<i64>,
    pub forecast: Vec<i64>,
    pub demand: Vec<i64>,
    pub receipts: Vec<i64>,
    pub projected: Vec<i64>,
    pub safety: Vec<i64>,
    pub gap: Vec<i64>,
    pub unmet: Vec<i64>,
    pub sold: Vec<i64>,
    pub revenue: Vec<i128>,
    pub cogs: Vec<i128>,
    pub inventory_value: Vec<i128>,
    pub po_spend: Vec<i128>,
    pub cover: Vec<f64>,
}

impl Agg {
    pub fn zeros(n: usize) -> Agg {
        Agg {
            members: 0,
            actual: vec![0; n],
            forecast: vec![0; n],
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

    /// Adds (`sign` = 1) or removes (`sign` = −1) one SKU's rows. Cover is left stale until
    /// [`Agg::refresh_cover`].
    pub fn add(&mut self, d: &SkuDerived, s: &SkuSeries, sign: i64) {
        self.members = (self.members as i64 + sign) as usize;
        let qty_rows: [(&mut Vec<i64>, &Vec<Qty>); 8] = [
            (&mut self.actual, &s.actual),
            (&mut self.forecast, &d.forecast),
            (&mut self.demand, &d.demand),
            (&mut self.receipts, &d.receipts),
            (&mut self.projected, &d.projected),
            (&mut self.safety, &d.safety),
            (&mut self.gap, &d.gap),
            (&mut self.unmet, &d.unmet),
        ];
        for (acc, row) in qty_rows {
            for (a, q) in acc.iter_mut().zip(row) {
                *a += sign * q.0;
            }
        }
        for (a, q) in self.sold.iter_mut().zip(&d.sold) {
            *a += sign * q.0;
        }
        let sign = sign as i128;
        for (acc, row) in [
            (&mut self.revenue, &d.revenue),
            (&mut self.cogs, &d.cogs),
            (&mut self.inventory_value, &d.inventory_value),
            (&mut self.po_spend, &d.po_spend),
        ] {
            for (a, m) in acc.iter_mut().zip(row) {
                *a += sign * m.0 as i128;
            }
        }
    }

    /// Recomputes cover from the aggregate projected stock and demand.
    pub fn refresh_cover(&mut self, cal: &Calendar, prefix: &mut Vec<i64>) {
        let c = cal.current();
        let fd = ForwardDemand::new(&self.demand[c..], std::mem::take(prefix));
        for i in c..self.projected.len() {
            self.cover[i] = fd.cover(i - c, self.projected[i]);
        }
        *prefix = fd.into_buffer();
    }
}

/// Sum of a weekly flow over each month.
pub fn monthly_flow<T: Copy + Into<i128>>(weekly: &[T], months: &[Range<usize>]) -> Vec<i128> {
    months.iter().map(|r| weekly[r.clone()].iter().map(|&v| v.into()).sum()).collect()
}

/// A stock at the end of each month: the value in the month's last week.
pub fn monthly_stock<T: Copy>(weekly: &[T], months: &[Range<usize>]) -> Vec<T> {
    months.iter().map(|r| weekly[r.end - 1]).collect()
}
