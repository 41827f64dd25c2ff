//! What a file holds, independent of any plan: the app turns these into plan edits itself
//! (matching SKUs, splitting months into weeks, choosing replace or merge).

use crate::engine::model::qty::{Money, Qty};
use crate::import::read::periods::Period;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Units of one SKU in one ISO week (actual sales).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekQty {
    pub sku: String,
    /// Monday of the ISO week.
    pub week: NaiveDate,
    pub qty: Qty,
    /// The sales channel the file names ("Shopify web", "Amazon", "Wholesale"); empty when
    /// the file does not say.
    pub channel: String,
}

/// Units of one SKU (stock on hand).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkuQty {
    pub sku: String,
    pub qty: Qty,
    /// The stock location the file names ("Warehouse", "Amazon FBA"); empty when the file
    /// does not say.
    pub location: String,
}

/// A product's master data; `None` where the file left a value empty (so a merge keeps the
/// plan's value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProductRow {
    pub sku: String,
    pub name: String,
    pub family: String,
    pub price: Option<Money>,
    pub cost: Option<Money>,
    pub on_hand: Option<Qty>,
}

/// Units arriving for one SKU in one week, on confirmed or planned orders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceiptRow {
    pub sku: String,
    /// Monday of the ISO week the goods are expected in.
    pub week: NaiveDate,
    pub qty: Qty,
    pub confirmed: bool,
}

/// Units on their way to a stock location, due a number of weeks after the plan's current
/// week: a stock report is a snapshot of today and carries no date of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InboundRow {
    pub sku: String,
    /// 0 = the current week.
    pub weeks_ahead: u32,
    pub qty: Qty,
}

/// Forecast units of one SKU in one week or month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForecastRow {
    pub sku: String,
    pub period: Period,
    pub qty: Qty,
}

/// The records of a file, sorted by SKU then period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Records {
    Actuals(Vec<WeekQty>),
    Products(Vec<ProductRow>),
    OnHand(Vec<SkuQty>),
    /// A stock report that also lists shipments on their way (Amazon FBA): stock on hand
    /// and, as confirmed receipts, the units inbound.
    Stock {
        on_hand: Vec<SkuQty>,
        inbound: Vec<InboundRow>,
    },
    Receipts(Vec<ReceiptRow>),
    Forecast(Vec<ForecastRow>),
}

/// Rows left out on purpose (not errors), e.g. line items of cancelled orders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub reason: String,
    pub rows: usize,
}

impl Skipped {
    /// "3 line items of cancelled orders", "1 line item without a SKU": the reason's noun
    /// (among its first two words) singular for one.
    pub fn text(&self) -> String {
        let count = super::error::thousands(self.rows);
        if self.rows != 1 {
            return format!("{count} {}", self.reason);
        }
        let mut words: Vec<&str> = self.reason.split(' ').collect();
        if let Some(w) = words
            .iter_mut()
            .take(2)
            .find(|w| w.len() > 1 && w.ends_with('s'))
        {
            *w = &w[..w.len() - 1];
        }
        format!("{count} {}", words.join(" "))
    }
}

/// The non-zero counts of rows left out, as [`Skipped`].
pub fn skipped(counts: &[(&str, usize)]) -> Vec<Skipped> {
    counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(reason, rows)| Skipped {
            reason: reason.to_string(),
            rows: *rows,
        })
        .collect()
}

/// What a file adds up to, for the preview.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Data rows read (blank rows and rows with the wrong number of cells not counted).
    pub rows: usize,
    pub skus: usize,
    /// Distinct weeks or months.
    pub periods: usize,
    /// First day of the first and of the last period.
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// Sum of all quantities (on hand for products and inventory).
    pub total: Qty,
    pub skipped: Vec<Skipped>,
    /// Order lines partly received (purchase orders): only what is still open is a receipt.
    pub partly_received: PartlyReceived,
}

/// Order lines of which some units are already in: what is in, and what is counted as still
/// to come, for "3 lines partly received: 120 units already in, counted as outstanding 80".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PartlyReceived {
    pub lines: usize,
    pub received: Qty,
    pub outstanding: Qty,
}

impl Records {
    /// SKUs, periods, date range and total.
    pub fn summarize(&self, rows: usize, skipped: Vec<Skipped>) -> Summary {
        let mut skus: BTreeSet<&str> = BTreeSet::new();
        let mut periods: BTreeSet<Period> = BTreeSet::new();
        let mut total = Qty::ZERO;
        for (sku, period, q) in self.entries() {
            skus.insert(sku);
            periods.extend(period);
            total = Qty(total.0.saturating_add(q.unwrap_or_default().0));
        }
        Summary {
            rows,
            skus: skus.len(),
            periods: periods.len(),
            first: periods.first().and_then(|p| p.start()),
            last: periods.last().and_then(|p| p.start()),
            total,
            skipped,
            partly_received: PartlyReceived::default(),
        }
    }

    /// Weekly actual sales from their sums per SKU, week and channel.
    pub fn actuals(sums: Sums<(NaiveDate, String)>) -> Records {
        Records::Actuals(
            sums.into_sorted()
                .into_iter()
                .map(|(sku, (week, channel), qty)| WeekQty {
                    sku,
                    week,
                    qty,
                    channel,
                })
                .collect(),
        )
    }

    /// Stock on hand from its sums per SKU and location.
    pub fn on_hand(sums: Sums<String>) -> Records {
        Records::OnHand(
            sums.into_sorted()
                .into_iter()
                .map(|(sku, location, qty)| SkuQty { sku, qty, location })
                .collect(),
        )
    }

    /// Each record as (SKU, period, quantity).
    fn entries(&self) -> Box<dyn Iterator<Item = (&str, Option<Period>, Option<Qty>)> + '_> {
        match self {
            Records::Actuals(v) => Box::new(
                v.iter()
                    .map(|r| (r.sku.as_str(), Some(Period::Week(r.week)), Some(r.qty))),
            ),
            Records::Products(v) => Box::new(v.iter().map(|r| (r.sku.as_str(), None, r.on_hand))),
            Records::OnHand(v) => Box::new(v.iter().map(|r| (r.sku.as_str(), None, Some(r.qty)))),
            // the total is the stock on hand; inbound units only name their SKUs
            Records::Stock { on_hand, inbound } => Box::new(
                on_hand
                    .iter()
                    .map(|r| (r.sku.as_str(), None, Some(r.qty)))
                    .chain(inbound.iter().map(|r| (r.sku.as_str(), None, None))),
            ),
            Records::Receipts(v) => Box::new(
                v.iter()
                    .map(|r| (r.sku.as_str(), Some(Period::Week(r.week)), Some(r.qty))),
            ),
            Records::Forecast(v) => Box::new(
                v.iter()
                    .map(|r| (r.sku.as_str(), Some(r.period), Some(r.qty))),
            ),
        }
    }

    /// The SKU codes the records name.
    pub fn skus(&self) -> std::collections::BTreeSet<&str> {
        self.entries().map(|(sku, _, _)| sku).collect()
    }

    /// How many records.
    pub fn len(&self) -> usize {
        match self {
            Records::Actuals(v) => v.len(),
            Records::Products(v) => v.len(),
            Records::OnHand(v) => v.len(),
            Records::Stock { on_hand, inbound } => on_hand.len() + inbound.len(),
            Records::Receipts(v) => v.len(),
            Records::Forecast(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Quantities summed per SKU and key (a week, a week and status, or nothing), without
/// allocating a new SKU string for every row of a large file.
#[derive(Debug)]
pub struct Sums<K> {
    by_sku: HashMap<String, BTreeMap<K, Qty>>,
}

impl<K> Default for Sums<K> {
    fn default() -> Self {
        Sums {
            by_sku: HashMap::new(),
        }
    }
}

impl<K: Ord> Sums<K> {
    pub fn add(&mut self, sku: &str, key: K, q: Qty) {
        let per_key = match self.by_sku.get_mut(sku) {
            Some(m) => m,
            None => self.by_sku.entry(sku.to_string()).or_default(),
        };
        let sum = per_key.entry(key).or_default();
        // Saturating: a 200 MB file cannot overflow into a wrong total; the plan's own
        // bounds check refuses anything this large.
        *sum = Qty(sum.0.saturating_add(q.0));
    }

    /// `(sku, key, sum)` sorted by SKU then key.
    pub fn into_sorted(self) -> Vec<(String, K, Qty)> {
        let mut skus: Vec<(String, BTreeMap<K, Qty>)> = self.by_sku.into_iter().collect();
        skus.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        skus.into_iter()
            .flat_map(|(sku, m)| m.into_iter().map(move |(k, q)| (sku.clone(), k, q)))
            .collect()
    }
}

/// The line each key was first seen on, to report duplicates where a file must not have them.
#[derive(Debug)]
pub struct FirstSeen<K> {
    lines: HashMap<K, u64>,
}

impl<K> Default for FirstSeen<K> {
    fn default() -> Self {
        FirstSeen {
            lines: HashMap::new(),
        }
    }
}

impl<K: std::hash::Hash + Eq> FirstSeen<K> {
    /// Records `key` on `line`; the earlier line when it was seen before.
    pub fn first_line(&mut self, key: K, line: u64) -> Option<u64> {
        match self.lines.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(line);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn monday(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 10, d).unwrap()
    }

    #[test]
    fn sums_per_sku_and_week_sorted() {
        let mut s = Sums::default();
        s.add("B", monday(6), Qty::units(2));
        s.add("A", monday(13), Qty::units(1));
        s.add("B", monday(6), Qty::units(3));
        s.add("A", monday(6), Qty::units(4));
        let out = s.into_sorted();
        assert_eq!(
            out,
            vec![
                ("A".to_string(), monday(6), Qty::units(4)),
                ("A".to_string(), monday(13), Qty::units(1)),
                ("B".to_string(), monday(6), Qty::units(5)),
            ]
        );
    }

    #[test]
    fn skipped_rows_read_singular_for_one() {
        let k = |reason: &str, rows| Skipped {
            reason: reason.into(),
            rows,
        };
        assert_eq!(
            k("line items without a SKU", 1).text(),
            "1 line item without a SKU"
        );
        assert_eq!(
            k("line items without a SKU", 2).text(),
            "2 line items without a SKU"
        );
        assert_eq!(k("rows without a SKU", 1).text(), "1 row without a SKU");
        assert_eq!(
            k("received, cancelled or closed orders", 1).text(),
            "1 received, cancelled or closed orders"
        );
    }

    #[test]
    fn summary_counts_skus_periods_and_total() {
        let r = Records::Actuals(vec![
            WeekQty {
                sku: "A".into(),
                week: monday(6),
                qty: Qty::units(4),
                channel: String::new(),
            },
            WeekQty {
                sku: "A".into(),
                week: monday(13),
                qty: Qty::units(1),
                channel: String::new(),
            },
            WeekQty {
                sku: "B".into(),
                week: monday(6),
                qty: Qty::units(5),
                channel: String::new(),
            },
        ]);
        let s = r.summarize(7, vec![]);
        assert_eq!(
            (s.rows, s.skus, s.periods, s.total),
            (7, 2, 2, Qty::units(10))
        );
        assert_eq!((s.first, s.last), (Some(monday(6)), Some(monday(13))));
    }
}
