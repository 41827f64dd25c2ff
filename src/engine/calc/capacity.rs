//! Capacity against load: a family that is made in-house (or bought from one supplier) can
//! only receive so many units a week. The load is what the plan receives (confirmed and
//! planned); a period whose load exceeds its capacity is overloaded and must be re-planned.

use super::kpi::Scope;
use crate::engine::edit::workbook::Workbook;
use crate::engine::model::qty::Qty;
use std::ops::Range;

/// Load against capacity over a run of weeks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Load {
    /// Units received in the run (confirmed plus planned), in thousandths.
    pub load: Qty,
    /// Units the family can receive in the run: weekly capacity × weeks.
    pub capacity: Qty,
}

impl Load {
    /// More is received than can be made or supplied: the period must be re-planned.
    pub fn overloaded(&self) -> bool {
        self.load > self.capacity
    }
}

impl Workbook {
    /// The weekly capacity of a scope: only a family can have one.
    pub fn capacity(&self, scope: &Scope) -> Option<Qty> {
        match scope {
            Scope::Family(f) => self.plan().capacity.get(f).copied(),
            _ => None,
        }
    }

    /// Load against capacity over `weeks` (from the current week on); `None` when the scope
    /// has no capacity or the weeks are all past.
    pub fn load(&self, scope: &Scope, weeks: Range<usize>) -> Option<Load> {
        let per_week = self.capacity(scope)?;
        let Scope::Family(f) = scope else {
            return None;
        };
        let agg = self.family(f)?;
        let c = self.plan().calendar.current();
        let weeks = weeks.start.max(c)..weeks.end.min(agg.receipts.len());
        if weeks.is_empty() {
            return None;
        }
        let load = weeks
            .clone()
            .fold(Qty::ZERO, |a, w| a + Qty(agg.receipts[w]));
        Some(Load {
            load,
            capacity: Qty(per_week.0 * weeks.len() as i64),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Calendar, Plan, Product, SeriesField};
    use chrono::NaiveDate;

    #[test]
    fn load_against_capacity_from_the_current_week() {
        // History W46–W47, current W48, to W51; F made in-house at 100 a week.
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut plan = Plan::new(Calendar::around(today, 2, 4).unwrap());
        plan.add_product(Product::new("A", "a", "F"));
        plan.add_product(Product::new("B", "b", "F"));
        plan.add_product(Product::new("C", "c", "G"));
        plan.capacity.insert("F".into(), Qty::units(100));
        let mut wb = Workbook::new(plan);
        wb.set("A", SeriesField::ConfirmedReceipts, "2026-W47", Some(500.0))
            .unwrap();
        wb.set("A", SeriesField::ConfirmedReceipts, "2026-W48", Some(60.0))
            .unwrap();
        wb.set("B", SeriesField::PlannedReceipts, "2026-W48", Some(50.0))
            .unwrap();
        wb.set("B", SeriesField::PlannedReceipts, "2026-W50", Some(30.0))
            .unwrap();
        let f = Scope::Family("F".into());
        // W48 alone: 60 + 50 = 110 > 100.
        let w48 = wb.load(&f, 2..3).unwrap();
        assert_eq!((w48.load, w48.capacity), (Qty::units(110), Qty::units(100)));
        assert!(w48.overloaded());
        // W46–W51: the past W47 receipt does not count; 140 against 4 × 100.
        let all = wb.load(&f, 0..6).unwrap();
        assert_eq!((all.load, all.capacity), (Qty::units(140), Qty::units(400)));
        assert!(!all.overloaded());
        assert_eq!(wb.load(&Scope::Family("G".into()), 0..6), None);
        assert_eq!(wb.load(&f, 0..2), None);
    }
}
