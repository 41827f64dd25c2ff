//! Generic sales history (SKU, date or ISO week, quantity, optional channel) -> weekly actual
//! sales per SKU and channel. Daily or per-order rows are summed into ISO weeks. Returns are not a documented part of
//! this format, so a negative quantity is an error, not a silent reduction.

use super::cells::Cells;
use super::columns::Field;
use super::records::{Records, Skipped, Sums};

pub fn read(c: &mut Cells) -> (Records, Vec<Skipped>) {
    let table = c.table;
    let mut sums = Sums::default();
    for row in &table.rows {
        let sku = c.required_sku(row);
        let week = c.week(row, Field::Date);
        let q = c.qty(row, Field::Quantity);
        if let (Some(sku), Some(week), Some(q)) = (sku, week, q) {
            sums.add(sku, (week, c.text(row, Field::Channel).to_string()), q);
        }
    }
    (Records::actuals(sums), Vec::new())
}
