//! Shopify orders export -> weekly actual sales per SKU. One row per line item; order-level
//! columns (`Created at`, `Cancelled at`) are filled on an order's first line only, so they
//! are carried down by order `Name`. Cancelled orders are left out. `Created at` is written
//! in the shop's time zone (`2025-10-07 09:50:26 +0200`): its date is the local date.

use super::cells::Cells;
use super::columns::Field;
use super::records::{Records, Skipped, Sums};
use crate::engine::calendar::monday_of;
use chrono::NaiveDate;
use std::collections::HashMap;

/// An order as its first line describes it.
#[derive(Clone, Copy)]
struct OrderHead {
    /// `Err(line)`: the date on that line could not be read.
    date: Result<NaiveDate, u64>,
    cancelled: bool,
}

pub fn read(c: &mut Cells) -> (Records, Vec<Skipped>) {
    let mut orders: HashMap<&str, OrderHead> = HashMap::new();
    let mut sums = Sums::default();
    let (mut cancelled, mut without_sku) = (0usize, 0usize);
    let table = c.table;
    for row in &table.rows {
        let name = c.text(row, Field::Order);
        let head = if c.text(row, Field::CreatedAt).is_empty() {
            match orders.get(name) {
                Some(h) => *h,
                None => {
                    c.error(
                        row,
                        Field::CreatedAt,
                        format!("is empty and no earlier line of order '{name}' has the date"),
                    );
                    continue;
                }
            }
        } else {
            let head = OrderHead {
                date: c.date(row, Field::CreatedAt).ok_or(row.line),
                cancelled: !c.text(row, Field::CancelledAt).is_empty(),
            };
            orders.insert(name, head);
            head
        };
        if head.cancelled {
            cancelled += 1;
            continue;
        }
        let date = match head.date {
            Ok(d) => d,
            Err(line) if line != row.line => {
                c.error(
                    row,
                    Field::Order,
                    format!("has no readable date (see line {line})"),
                );
                continue;
            }
            Err(_) => continue,
        };
        let Some(sku) = c.sku_or_skip(
            row,
            "a line item without a SKU (custom item, tip, gift card)",
        ) else {
            without_sku += 1;
            continue;
        };
        let Some(q) = c.qty(row, Field::Quantity) else {
            continue;
        };
        sums.add(sku, monday_of(date), q);
    }
    let skipped = [
        ("line items of cancelled orders", cancelled),
        ("line items without a SKU", without_sku),
    ];
    (Records::actuals(sums), super::records::skipped(&skipped))
}
