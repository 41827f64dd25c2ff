//! Shopify orders export -> weekly actual sales per SKU. One row per line item; order-level
//! columns (`Created at`, `Cancelled at`) are filled on an order's first line only, so they
//! are carried down by order `Name`. Cancelled orders are left out. `Created at` is written
//! in the shop's time zone (`2025-10-07 09:50:26 +0200`): its date is the local date.

use super::cells::Cells;
use super::columns::Field;
use super::records::{Records, Skipped, Sums};
use super::table::Row;
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
        let head = if c.text(row, Field::CreatedAt).is_empty() {
            match self.orders.get(name) {
                Some(h) => *h,
                None => {
                    c.error(
                        row,
                        Field::CreatedAt,
                        format!("is empty and no earlier line of order '{name}' has the date"),
                    );
                    return;
                }
            }
        } else {
            let head = OrderHead {
                date: c.date(row, Field::CreatedAt).ok_or(row.line),
                cancelled: !c.text(row, Field::CancelledAt).is_empty(),
            };
            self.orders.insert(name.to_string(), head);
            head
        };
        if head.cancelled {
            self.cancelled += 1;
            return;
        }
        let date = match head.date {
            Ok(d) => d,
            Err(line) if line != row.line => {
                c.error(
                    row,
                    Field::Order,
                    format!("has no readable date (see line {line})"),
                );
                return;
            }
            Err(_) => return,
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
        self.sums.add(sku, (monday_of(date), String::new()), q);
    }

    pub fn finish(self) -> (Records, Vec<Skipped>) {
        let skipped = [
            ("line items of cancelled orders", self.cancelled),
            ("line items without a SKU", self.without_sku),
        ];
        (
            Records::actuals(self.sums),
            super::records::skipped(&skipped),
        )
    }
}
