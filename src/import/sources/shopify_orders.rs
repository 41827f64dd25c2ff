//! Shopify orders export -> weekly actual sales per SKU and channel. One row per line item;
//! order-level columns (`Financial Status`, `Cancelled at`, `Source`…) are filled on an
//! order's first line only, so every line is read with the fields of its order, found by
//! its `Name` (the order number). Cancelled, refunded and voided orders are left out; a
//! partly refunded order counts in full, with a warning. `Created at` is written in the
//! shop's time zone (`2025-10-07 09:50:26 +0200`): its date is the local date.

use crate::engine::model::calendar::monday_of;
use crate::import::read::cells::Cells;
use crate::import::read::columns::Field;
use crate::import::read::table::Row;
use crate::import::records::{Records, Skipped, Sums};
use chrono::NaiveDate;
use std::collections::HashMap;

/// An order as its lines so far describe it (first non-empty value of each field wins).
#[derive(Clone, Debug, Default)]
struct OrderHead {
    /// `Some(Err(line))`: the date on that line could not be read.
    date: Option<Result<NaiveDate, u64>>,
    cancelled: bool,
    financial: String,
    channel: String,
}

/// Why an order's line items are not sales.
#[derive(Clone, Copy)]
enum LeftOut {
    Cancelled,
    Refunded,
    Voided,
}

impl OrderHead {
    /// Takes the order-level fields a line carries where the order has none yet.
    fn carry(&mut self, c: &Cells, row: &Row) {
        self.cancelled |= !c.text(row, Field::CancelledAt).is_empty();
        if self.financial.is_empty() {
            self.financial = c.text(row, Field::FinancialStatus).to_ascii_lowercase();
        }
        if self.channel.is_empty() {
            self.channel = c.text(row, Field::Channel).to_string();
        }
    }

    fn left_out(&self) -> Option<LeftOut> {
        match self.financial.as_str() {
            _ if self.cancelled => Some(LeftOut::Cancelled),
            "refunded" => Some(LeftOut::Refunded),
            "voided" => Some(LeftOut::Voided),
            _ => None,
        }
    }
}

/// The channel a Shopify `Source` names: `web` is the online store, `pos` the shop till.
pub fn channel(source: &str) -> String {
    match source.trim() {
        "" => "Shopify".to_string(),
        "web" => "Shopify web".to_string(),
        "pos" => "Shopify POS".to_string(),
        "shopify_draft_order" => "Shopify draft orders".to_string(),
        other => format!("Shopify {other}"),
    }
}

pub fn read(c: &mut Cells) -> (Records, Vec<Skipped>) {
    let mut reader = Reader::default();
    let table = c.table;
    reader.rows(c, &table.rows);
    reader.finish()
}

/// The reading of an orders export, resumable: [`Reader::rows`] for each slice of rows in
/// file order, then [`Reader::finish`].
#[derive(Default)]
pub struct Reader {
    orders: HashMap<String, OrderHead>,
    sums: Sums<(NaiveDate, String)>,
    cancelled: usize,
    refunded: usize,
    voided: usize,
    without_sku: usize,
}

impl Reader {
    pub fn rows<'a>(&mut self, c: &mut Cells<'a>, rows: &'a [Row]) {
        for row in rows {
            self.row(c, row);
        }
    }

    fn row<'a>(&mut self, c: &mut Cells<'a>, row: &'a Row) {
        let name = c.text(row, Field::Order);
        let head = match self.orders.get_mut(name) {
            Some(h) => h,
            None => self.orders.entry(name.to_string()).or_default(),
        };
        let was_partly_refunded = head.financial == "partially_refunded";
        head.carry(c, row);
        if head.financial == "partially_refunded" && !was_partly_refunded && !head.cancelled {
            c.warn(
                row,
                Field::FinancialStatus,
                format!(
                    "order '{name}' is partly refunded: its line items count in full \
                     (the export does not say which units came back)"
                ),
            );
        }
        let own_date = if c.text(row, Field::CreatedAt).is_empty() {
            None
        } else {
            Some(c.date(row, Field::CreatedAt).ok_or(row.line))
        };
        head.date = head.date.or(own_date);
        let (left_out, date, source) = (
            head.left_out(),
            own_date.or(head.date),
            head.channel.clone(),
        );
        match left_out {
            Some(LeftOut::Cancelled) => return self.cancelled += 1,
            Some(LeftOut::Refunded) => return self.refunded += 1,
            Some(LeftOut::Voided) => return self.voided += 1,
            None => {}
        }
        let date = match date {
            Some(Ok(d)) => d,
            Some(Err(line)) if line != row.line => {
                c.error(
                    row,
                    Field::Order,
                    format!("has no readable date (see line {line})"),
                );
                return;
            }
            Some(Err(_)) => return,
            None => {
                c.error(
                    row,
                    Field::CreatedAt,
                    format!("is empty and no earlier line of order '{name}' has the date"),
                );
                return;
            }
        };
        let Some(sku) = c.sku_or_skip(
            row,
            "a line item without a SKU (custom item, tip, gift card)",
        ) else {
            self.without_sku += 1;
            return;
        };
        let Some(q) = c.qty(row, Field::Quantity) else {
            return;
        };
        self.sums.add(sku, (monday_of(date), channel(&source)), q);
    }

    pub fn finish(self) -> (Records, Vec<Skipped>) {
        let skipped = [
            ("line items of cancelled orders", self.cancelled),
            ("line items of refunded orders", self.refunded),
            ("line items of voided orders", self.voided),
            ("line items without a SKU", self.without_sku),
        ];
        (
            Records::actuals(self.sums),
            crate::import::records::skipped(&skipped),
        )
    }
}
