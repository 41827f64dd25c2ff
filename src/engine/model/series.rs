//! The input series a planner types or imports, one value per SKU per week.

use super::qty::Qty;
use serde::{Deserialize, Serialize};

/// Which input series a value belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SeriesField {
    /// Units actually sold (past weeks).
    Actual,
    /// Baseline (statistical or imported) forecast.
    Forecast,
    /// Consensus override agreed in the check-in; wins over the baseline where set.
    Consensus,
    /// Receipts on a confirmed purchase or production order.
    ConfirmedReceipts,
    /// Receipts planned but not yet confirmed.
    PlannedReceipts,
}

impl SeriesField {
    /// Every input series in grid order, for loops over all of a SKU's inputs (merge, import).
    pub const ALL: [SeriesField; 5] = [
        SeriesField::Actual,
        SeriesField::Forecast,
        SeriesField::Consensus,
        SeriesField::ConfirmedReceipts,
        SeriesField::PlannedReceipts,
    ];

    /// The name a planner reads in the grid and in messages.
    pub fn label(self) -> &'static str {
        match self {
            SeriesField::Actual => "actual sales",
            SeriesField::Forecast => "forecast",
            SeriesField::Consensus => "consensus",
            SeriesField::ConfirmedReceipts => "confirmed receipts",
            SeriesField::PlannedReceipts => "planned receipts",
        }
    }

    /// Only the consensus can be "not set" (falls back to the forecast); clearing any other
    /// series sets it to zero.
    pub fn is_optional(self) -> bool {
        self == SeriesField::Consensus
    }
}

/// All input series of one SKU; every vector has one entry per plan week.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SkuSeries {
    /// Units sold each week; filled for past weeks, zero ahead.
    pub actual: Vec<Qty>,
    /// The baseline forecast each week, from the statistical run or an import.
    pub forecast: Vec<Qty>,
    /// The agreed override each week; `None` where the demand falls back to forecast + events.
    pub consensus: Vec<Option<Qty>>,
    /// Units arriving on confirmed orders each week (week of receipt).
    pub confirmed_receipts: Vec<Qty>,
    /// Units arriving on planned, not yet confirmed, orders each week (week of receipt).
    pub planned_receipts: Vec<Qty>,
    /// Actual sales split by sales channel, adding up to `actual` week by week; empty when
    /// no file said a channel (see [`super::breakdown`]).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub channels: super::breakdown::Channels,
}

impl SkuSeries {
    /// A SKU with every series zero (consensus unset) over `weeks` weeks: a new product.
    pub fn zeros(weeks: usize) -> SkuSeries {
        SkuSeries {
            actual: vec![Qty::ZERO; weeks],
            forecast: vec![Qty::ZERO; weeks],
            consensus: vec![None; weeks],
            confirmed_receipts: vec![Qty::ZERO; weeks],
            planned_receipts: vec![Qty::ZERO; weeks],
            channels: Default::default(),
        }
    }

    /// One week of one series; `None` past the calendar or where the consensus is unset.
    pub fn get(&self, field: SeriesField, week: usize) -> Option<Qty> {
        match field {
            SeriesField::Actual => self.actual.get(week).copied(),
            SeriesField::Forecast => self.forecast.get(week).copied(),
            SeriesField::Consensus => self.consensus.get(week).copied().flatten(),
            SeriesField::ConfirmedReceipts => self.confirmed_receipts.get(week).copied(),
            SeriesField::PlannedReceipts => self.planned_receipts.get(week).copied(),
        }
    }

    /// Sets a value; `None` clears it (consensus: not set; others: zero).
    pub(crate) fn set(&mut self, field: SeriesField, week: usize, value: Option<Qty>) {
        let v = value.unwrap_or(Qty::ZERO);
        match field {
            SeriesField::Actual => self.actual[week] = v,
            SeriesField::Forecast => self.forecast[week] = v,
            SeriesField::Consensus => self.consensus[week] = value,
            SeriesField::ConfirmedReceipts => self.confirmed_receipts[week] = v,
            SeriesField::PlannedReceipts => self.planned_receipts[week] = v,
        }
    }

    /// All receipts expected in a week, confirmed and planned.
    pub fn receipts(&self, week: usize) -> Qty {
        self.confirmed_receipts[week] + self.planned_receipts[week]
    }
}
