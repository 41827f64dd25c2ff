//! The rows of the grid, and how to read any of them for a SKU, a family or the total.
//! The grid asks the workbook for cells (it owns no numbers), as glide-data-grid does.

use super::aggregate::Agg;
use super::kpi::Scope;
use super::money::week_money;
use crate::engine::edit::workbook::Workbook;
use crate::engine::model::qty::{Amount, Money, Qty};
use crate::engine::model::series::SeriesField;
use std::ops::Range;

/// A row of the grid: an input series, a derived quantity, or a money row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Units sold (past weeks; editable).
    Actual,
    /// The baseline forecast (editable).
    Forecast,
    /// What promotions and launches add to the forecast (read-only; edited as events).
    Events,
    /// The agreed override of the forecast (editable; blank where not set).
    Consensus,
    /// Receipts on confirmed orders (editable).
    ConfirmedReceipts,
    /// Receipts on planned, not yet confirmed, orders (editable).
    PlannedReceipts,
    /// Confirmed + planned.
    Receipts,
    /// Actual in the past, consensus-or-forecast from the current week.
    Demand,
    /// Projected stock at the end of the week (blank in past weeks).
    Projected,
    /// The stock to keep in reserve, in units.
    SafetyStock,
    /// Projected minus safety stock (negative = short).
    Gap,
    /// Demand the stock could not serve.
    Unmet,
    /// Demand that is served: demand minus unmet.
    Sold,
    /// Forward weeks of demand the projected stock covers.
    Cover,
    /// Sold units × unit price.
    Revenue,
    /// Cost of goods sold: sold units × unit cost.
    Cogs,
    /// Revenue minus COGS.
    Margin,
    /// Positive projected stock at cost.
    InventoryValue,
    /// Receipts at cost, in the week they arrive.
    PoSpend,
    /// A family's production or supply capacity (units per week, summed over a month).
    Capacity,
}

/// A cell's value, typed so the grid formats it right.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CellValue {
    /// A quantity, in thousandths of a unit.
    Units(Qty),
    /// An amount in cents, rounded from the exact [`Amount`].
    Money(Money),
    /// Weeks of cover.
    Weeks(f64),
    /// Nothing to show (a projection in a past week, a consensus not set).
    Blank,
}

impl CellValue {
    /// The plain value for the clipboard, the editor and CSV: no thousands separators.
    pub fn raw(&self) -> String {
        match self {
            CellValue::Units(q) => q.to_string(),
            CellValue::Money(m) => m.to_string(),
            CellValue::Weeks(w) => format!("{w:.2}"),
            CellValue::Blank => String::new(),
        }
    }
}

impl Measure {
    /// Every row, in the order the grid lists them.
    pub const ALL: [Measure; 20] = [
        Measure::Actual,
        Measure::Forecast,
        Measure::Events,
        Measure::Consensus,
        Measure::ConfirmedReceipts,
        Measure::PlannedReceipts,
        Measure::Receipts,
        Measure::Demand,
        Measure::Projected,
        Measure::SafetyStock,
        Measure::Gap,
        Measure::Unmet,
        Measure::Sold,
        Measure::Cover,
        Measure::Revenue,
        Measure::Cogs,
        Measure::Margin,
        Measure::InventoryValue,
        Measure::PoSpend,
        Measure::Capacity,
    ];

    /// The `data-measure` attribute value; stable, used by tests and exports.
    pub fn key(self) -> &'static str {
        match self {
            Measure::Actual => "actual",
            Measure::Forecast => "forecast",
            Measure::Events => "events",
            Measure::Consensus => "consensus",
            Measure::ConfirmedReceipts => "confirmed-receipts",
            Measure::PlannedReceipts => "planned-receipts",
            Measure::Receipts => "receipts",
            Measure::Demand => "demand",
            Measure::Projected => "projected",
            Measure::SafetyStock => "safety",
            Measure::Gap => "gap",
            Measure::Unmet => "unmet",
            Measure::Sold => "sold",
            Measure::Cover => "cover",
            Measure::Revenue => "revenue",
            Measure::Cogs => "cogs",
            Measure::Margin => "margin",
            Measure::InventoryValue => "inventory-value",
            Measure::PoSpend => "po-spend",
            Measure::Capacity => "capacity",
        }
    }

    /// The measure a `data-measure` key names; `None` for an unknown key (e.g. from a file).
    pub fn from_key(key: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.key() == key)
    }

    /// The row label a planner reads.
    pub fn label(self) -> &'static str {
        match self {
            Measure::Actual => "Actual sales",
            Measure::Forecast => "Forecast",
            Measure::Events => "Promos & events",
            Measure::Consensus => "Consensus",
            Measure::ConfirmedReceipts => "Confirmed receipts",
            Measure::PlannedReceipts => "Planned receipts",
            Measure::Receipts => "Receipts",
            Measure::Demand => "Demand",
            Measure::Projected => "Projected on hand",
            Measure::SafetyStock => "Safety stock",
            Measure::Gap => "Gap to safety",
            Measure::Unmet => "Unmet demand",
            Measure::Sold => "Sold",
            Measure::Cover => "Weeks of cover",
            Measure::Revenue => "Revenue",
            Measure::Cogs => "COGS",
            Measure::Margin => "Gross margin",
            Measure::InventoryValue => "Inventory value",
            Measure::PoSpend => "PO spend",
            Measure::Capacity => "Capacity",
        }
    }

    /// The input series a planner edits through this row, if any.
    pub fn input(self) -> Option<SeriesField> {
        match self {
            Measure::Actual => Some(SeriesField::Actual),
            Measure::Forecast => Some(SeriesField::Forecast),
            Measure::Consensus => Some(SeriesField::Consensus),
            Measure::ConfirmedReceipts => Some(SeriesField::ConfirmedReceipts),
            Measure::PlannedReceipts => Some(SeriesField::PlannedReceipts),
            _ => None,
        }
    }

    /// Rows that only exist before the current week (sales not yet made are not zero sales).
    pub fn is_history(self) -> bool {
        self == Measure::Actual
    }

    /// Levels at a point in time: over a month they are the value of its last week. The
    /// others are flows, summed over the month's weeks.
    pub fn is_stock(self) -> bool {
        matches!(
            self,
            Measure::Projected
                | Measure::SafetyStock
                | Measure::Gap
                | Measure::Cover
                | Measure::InventoryValue
        )
    }

    /// Rows that only exist from the current week on.
    pub fn is_projection(self) -> bool {
        matches!(
            self,
            Measure::Projected
                | Measure::SafetyStock
                | Measure::Gap
                | Measure::Unmet
                | Measure::Cover
                | Measure::InventoryValue
                | Measure::Capacity
        )
    }
}

impl Workbook {
    /// A SKU's value of a measure in a week.
    pub fn sku_value(&self, sku: usize, m: Measure, week: usize) -> CellValue {
        let c = self.plan().calendar.current();
        if (m.is_projection() && week < c) || (m.is_history() && week >= c) {
            return CellValue::Blank;
        }
        let s = &self.plan().series[sku];
        let d = self.derived(sku);
        let demand = if week < c {
            s.actual[week]
        } else {
            d.demand_plan(s, week)
        };
        let money = || week_money(&self.plan().products[sku], s, d, c, week);
        use CellValue::{Money as M, Units as U};
        match m {
            Measure::Consensus => s.consensus[week].map_or(CellValue::Blank, U),
            Measure::Actual
            | Measure::Forecast
            | Measure::ConfirmedReceipts
            | Measure::PlannedReceipts => m
                .input()
                .and_then(|f| s.get(f, week))
                .map_or(CellValue::Blank, U),
            Measure::Receipts => U(s.receipts(week)),
            Measure::Events => U(d.lift_in(week)),
            Measure::Demand => U(demand),
            Measure::Projected => U(d.projected[week]),
            Measure::SafetyStock => U(d.safety[week]),
            Measure::Gap => U(d.gap(week)),
            Measure::Unmet => U(d.unmet[week]),
            Measure::Sold => U(demand - d.unmet[week]),
            Measure::Cover => CellValue::Weeks(d.cover[week]),
            Measure::Revenue => M(money().revenue.to_money()),
            Measure::Cogs => M(money().cogs.to_money()),
            Measure::Margin => M(money().margin().to_money()),
            Measure::InventoryValue => M(money().inventory_value.to_money()),
            Measure::PoSpend => M(money().po_spend.to_money()),
            Measure::Capacity => CellValue::Blank,
        }
    }
}

impl Workbook {
    /// A measure of a SKU, a family or the total in one week.
    pub fn value(&self, scope: &Scope, m: Measure, week: usize) -> CellValue {
        let c = self.plan().calendar.current();
        if m == Measure::Capacity {
            return match self.capacity(scope) {
                Some(q) if week >= c => CellValue::Units(q),
                _ => CellValue::Blank,
            };
        }
        match scope {
            Scope::Sku(i) => self.sku_value(*i, m, week),
            Scope::Family(f) => self
                .family(f)
                .map_or(CellValue::Blank, |a| agg_value(a, m, week, c)),
            Scope::Total => agg_value(self.total(), m, week, c),
        }
    }

    /// A measure over a run of weeks (a month in the deep dive): flows are summed over the
    /// weeks that have a value, stocks are the value of the last week. Blank when no week
    /// has a value (e.g. actual sales of a month still ahead). Money is summed from the
    /// weekly cents.
    pub fn span_value(&self, scope: &Scope, m: Measure, weeks: Range<usize>) -> CellValue {
        if weeks.is_empty() {
            return CellValue::Blank;
        }
        if m.is_stock() {
            return self.value(scope, m, weeks.end - 1);
        }
        let mut total = CellValue::Blank;
        for w in weeks {
            total = match (total, self.value(scope, m, w)) {
                (t, CellValue::Blank) => t,
                (CellValue::Blank, v) => v,
                (CellValue::Units(a), CellValue::Units(b)) => CellValue::Units(a + b),
                (CellValue::Money(a), CellValue::Money(b)) => CellValue::Money(Money(a.0 + b.0)),
                (t, _) => t,
            };
        }
        total
    }
}

/// A family's or the total's value of a measure in a week. Consensus and the receipt
/// split have no aggregate row of their own (they roll into demand and receipts).
pub fn agg_value(agg: &Agg, m: Measure, week: usize, current: usize) -> CellValue {
    if (m.is_projection() && week < current) || (m.is_history() && week >= current) {
        return CellValue::Blank;
    }
    use CellValue::{Money as M, Units as U};
    let q = |v: &Vec<i64>| U(Qty(v[week]));
    match m {
        Measure::Actual => q(&agg.actual),
        Measure::Forecast => q(&agg.forecast),
        Measure::Events => q(&agg.events),
        Measure::Consensus | Measure::ConfirmedReceipts | Measure::PlannedReceipts => {
            CellValue::Blank
        }
        Measure::Receipts => q(&agg.receipts),
        Measure::Demand => q(&agg.demand),
        Measure::Projected => q(&agg.projected),
        Measure::SafetyStock => q(&agg.safety),
        Measure::Gap => q(&agg.gap),
        Measure::Unmet => q(&agg.unmet),
        Measure::Sold => q(&agg.sold),
        Measure::Cover => CellValue::Weeks(agg.cover[week]),
        Measure::Revenue => M(Amount(agg.revenue[week]).to_money()),
        Measure::Cogs => M(Amount(agg.cogs[week]).to_money()),
        Measure::Margin => M(Amount(agg.revenue[week] - agg.cogs[week]).to_money()),
        Measure::InventoryValue => M(Amount(agg.inventory_value[week]).to_money()),
        Measure::PoSpend => M(Amount(agg.po_spend[week]).to_money()),
        Measure::Capacity => CellValue::Blank,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_are_unique() {
        for m in Measure::ALL {
            assert_eq!(Measure::from_key(m.key()), Some(m));
        }
        let mut keys: Vec<_> = Measure::ALL.iter().map(|m| m.key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), Measure::ALL.len());
    }
}
