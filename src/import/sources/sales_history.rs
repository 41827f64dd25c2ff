//! Generic sales history (SKU, date or ISO week, quantity, optionally channel) -> weekly
//! actual sales per SKU and channel (empty when the file has no channel column).
//! Daily or per-order rows are summed into ISO weeks. Returns are not a documented part of
//! this format, so a negative quantity is an error, not a silent reduction.

use crate::import::read::cells::Cells;
use crate::import::read::columns::Field;
use crate::import::records::{Records, Skipped, Sums};

pub fn read(c: &mut Cells) -> (Records, Vec<Skipped>) {
    let table = c.table;
    let mut sums = Sums::default();
    for row in &table.rows {
        let sku = c.required_sku(row);
        let week = c.week(row, Field::Date);
        let q = c.qty(row, Field::Quantity);
        if let (Some(sku), Some(week), Some(q)) = (sku, week, q) {
            let channel = c.text(row, Field::Channel).to_string();
            sums.add(sku, (week, channel), q);
        }
    }
    (Records::actuals(sums), Vec::new())
}
