//! Amazon Seller Central "All Orders" report (a tab-delimited flat file, one row per order
//! item, every column filled on every row) -> weekly actual sales per SKU on the channel
//! "Amazon".
//!
//! - The week is that of `purchase-date` as written: `2026-10-05T23:12:44+00:00` is Monday
//!   5 October whatever the reader's time zone (the report's own offset decides the day).
//! - An item whose `order-status` or `item-status` is Cancelled is left out and counted.
//! - Pending (and Unshipped) orders count as sales: the buyer has ordered, the units are
//!   committed, and a planner who waits for shipping under-counts the latest week's demand.
//! - Orders of other channels that Amazon only ships (Multi-Channel Fulfilment,
//!   `sales-channel` "Non-Amazon") are left out and counted: they are sold, and counted,
//!   where they were ordered.
//! - Items with quantity 0 (Amazon writes 0 for items it cancelled) are left out and counted.

use crate::engine::model::calendar::monday_of;
use crate::engine::model::qty::Qty;
use crate::import::read::cells::Cells;
use crate::import::read::columns::{normalize, Field};
use crate::import::records::{Records, Skipped, Sums};

/// The channel Amazon sales are recorded under.
pub const CHANNEL: &str = "Amazon";

/// Whether an order or item status says cancelled (either spelling, any case).
fn is_cancelled(status: &str) -> bool {
    matches!(normalize(status).as_str(), "cancelled" | "canceled")
}

/// Whether the sales channel is another shop's (Multi-Channel Fulfilment).
fn is_other_channel(channel: &str) -> bool {
    normalize(channel) == "nonamazon"
}

pub fn read(c: &mut Cells) -> (Records, Vec<Skipped>) {
    let table = c.table;
    let mut sums = Sums::default();
    let (mut cancelled, mut other_channel, mut zero) = (0usize, 0usize, 0usize);
    for row in &table.rows {
        if is_cancelled(c.text(row, Field::OrderStatus))
            || is_cancelled(c.text(row, Field::ItemStatus))
        {
            cancelled += 1;
            continue;
        }
        if is_other_channel(c.text(row, Field::SalesChannel)) {
            other_channel += 1;
            continue;
        }
        let sku = c.required_sku(row);
        let date = c.date(row, Field::PurchaseDate);
        let q = c.qty(row, Field::Quantity);
        let (Some(sku), Some(date), Some(q)) = (sku, date, q) else {
            continue;
        };
        if q == Qty::ZERO {
            zero += 1;
            continue;
        }
        sums.add(sku, (monday_of(date), CHANNEL.to_string()), q);
    }
    let skipped = crate::import::records::skipped(&[
        ("order items cancelled", cancelled),
        (
            "order items of other channels shipped by Amazon (sales-channel Non-Amazon)",
            other_channel,
        ),
        ("order items with quantity 0", zero),
    ]);
    (Records::actuals(sums), skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert!(is_cancelled("Cancelled"));
        assert!(is_cancelled("canceled"));
        assert!(!is_cancelled("Pending"));
        assert!(!is_cancelled("Shipped - Delivered to Buyer"));
        assert!(is_other_channel("Non-Amazon"));
        assert!(!is_other_channel("Amazon.com"));
    }
}
