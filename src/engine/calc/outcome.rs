//! What a plan leads to over the weeks ahead, the four numbers scenarios are compared on:
//!
//! - **stockouts**: SKUs projected to run out (projected stock below zero) in the window, and
//!   the SKU-weeks with demand left unserved;
//! - **lost revenue**: unserved demand × unit price;
//! - **inventory value**: the average, over the window's weeks, of the stock on hand at cost
//!   (positive projected stock × unit cost) — what the plan ties up;
//! - **PO spend**: receipts × unit cost in the window.

use crate::engine::edit::workbook::Workbook;
use crate::engine::model::qty::{Amount, Qty};

/// The four numbers scenarios are compared on, over a window of weeks ahead.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// SKUs with a stockout in the window.
    pub stockout_skus: usize,
    /// SKU-weeks with unserved demand.
    pub stockout_weeks: usize,
    /// Unserved demand × unit price over the window.
    pub lost_revenue: Amount,
    /// Average over the window's weeks.
    pub inventory_value: Amount,
    /// Receipts × unit cost over the window: the cash the plan commits.
    pub po_spend: Amount,
}

impl Workbook {
    /// The outcome over `weeks` from the current week (cut at the end of the plan).
    pub fn outcome(&self, weeks: usize) -> Outcome {
        let cal = &self.plan().calendar;
        let c = cal.current();
        let end = (c + weeks).min(cal.len());
        let mut o = Outcome::default();
        for (i, p) in self.plan().products.iter().enumerate() {
            let d = self.derived(i);
            o.stockout_skus += usize::from(d.first_stockout.is_some_and(|w| w < end));
            let unmet = &d.unmet[c..end];
            o.stockout_weeks += unmet.iter().filter(|q| **q > Qty::ZERO).count();
            let lost = unmet.iter().fold(Qty::ZERO, |a, &q| a + q);
            o.lost_revenue = Amount(o.lost_revenue.0 + Amount::of(lost, p.unit_price).0);
        }
        let total = self.total();
        // i128 sums, exact: see the bound on `Amount`.
        let sum = |row: &[i128]| row[c..end].iter().sum::<i128>();
        o.po_spend = Amount(sum(&total.po_spend));
        o.inventory_value = Amount(sum(&total.inventory_value) / (end - c).max(1) as i128);
        o
    }
}
