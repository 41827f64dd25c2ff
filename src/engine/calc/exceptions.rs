//! The exceptions that need a decision in the weekly check-in, most urgent first.
//!
//! A SKU is an exception when it goes below safety stock in the view's horizon (a stockout
//! when below zero), or holds excess stock (cover above [`EXCESS_COVER_WEEKS`] now).
//! Ranking: shortages an order placed today cannot fix (within lead time) first, then by
//! revenue at risk (unmet units × price over the horizon), then by the earliest week;
//! excess comes last, largest stock value first.

use super::suggest::OrderSuggestion;
use crate::engine::edit::workbook::Workbook;
use crate::engine::model::qty::{Amount, Qty};

/// Cover above this many weeks now is excess stock (tied-up cash).
pub const EXCESS_COVER_WEEKS: f64 = 26.0;

/// What kind of problem a SKU has; the weekly view groups and colours by it.
#[derive(Clone, Debug, PartialEq)]
pub enum ExceptionKind {
    /// Projected stock below zero: demand goes unserved.
    Stockout,
    /// Projected stock below safety stock but not below zero.
    BelowSafety,
    /// More than [`EXCESS_COVER_WEEKS`] of cover now: cash tied up in stock.
    Excess,
}

/// One SKU needing a decision in the check-in, with what it costs and the suggested order.
#[derive(Clone, Debug, PartialEq)]
pub struct Exception {
    /// The SKU's index in the plan.
    pub sku: usize,
    /// Stockout, below safety or excess.
    pub kind: ExceptionKind,
    /// The week the problem starts (excess: the current week).
    pub week: usize,
    /// Below safety stock before an order placed today could arrive.
    pub within_lead_time: bool,
    /// Demand projected to go unserved in the horizon.
    pub unmet: Qty,
    /// Revenue at risk (shortages) or stock value (excess).
    pub money: Amount,
    /// The order that would fix a shortage; `None` for excess or when nothing needs ordering.
    pub suggestion: Option<OrderSuggestion>,
}

impl Workbook {
    /// Exceptions within the `weeks` after (and including) the current week, ranked.
    pub fn exceptions(&self, weeks: usize) -> Vec<Exception> {
        let plan = self.plan();
        let c = plan.calendar.current();
        let end = (c + weeks).min(plan.calendar.len());
        let mut shortages = Vec::new();
        let mut excess = Vec::new();
        for (i, p) in plan.products.iter().enumerate() {
            let d = self.derived(i);
            match d.first_below_safety.filter(|&w| w < end) {
                Some(week) => {
                    let unmet = d.unmet[c..end].iter().fold(Qty::ZERO, |a, &q| a + q);
                    let kind = if d.first_stockout.is_some_and(|w| w < end) {
                        ExceptionKind::Stockout
                    } else {
                        ExceptionKind::BelowSafety
                    };
                    shortages.push(Exception {
                        sku: i,
                        kind,
                        week,
                        within_lead_time: self.at_risk(i),
                        unmet,
                        money: Amount::of(unmet, p.unit_price),
                        suggestion: d.suggestion.clone(),
                    });
                }
                None if d.cover.get(c).is_some_and(|&cv| cv > EXCESS_COVER_WEEKS) => {
                    excess.push(Exception {
                        sku: i,
                        kind: ExceptionKind::Excess,
                        week: c,
                        within_lead_time: false,
                        unmet: Qty::ZERO,
                        money: Amount::of(d.projected[c].max(Qty::ZERO), p.unit_cost),
                        suggestion: None,
                    })
                }
                None => {}
            }
        }
        shortages.sort_by(|a, b| {
            b.within_lead_time
                .cmp(&a.within_lead_time)
                .then(b.money.cmp(&a.money))
                .then(a.week.cmp(&b.week))
                .then(a.sku.cmp(&b.sku))
        });
        excess.sort_by(|a, b| b.money.cmp(&a.money).then(a.sku.cmp(&b.sku)));
        shortages.extend(excess);
        shortages
    }
}
