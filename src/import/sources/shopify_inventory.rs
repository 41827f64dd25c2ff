//! Shopify inventory export -> stock on hand per SKU and location. One row per
//! variant per location; `On hand` is used (older exports only have `Available`), and a
//! location that does not stock the variant reads `not stocked`, which counts as zero.

use crate::engine::model::qty::Qty;
use crate::import::read::cells::Cells;
use crate::import::read::columns::Field;
use crate::import::records::{Records, Skipped, Sums};

const NOT_STOCKED: &str = "not stocked";

pub fn read(c: &mut Cells) -> (Records, Vec<Skipped>) {
    let table = c.table;
    let mut sums = Sums::default();
    let mut without_sku = 0usize;
    for row in &table.rows {
        let Some(sku) = c.sku_or_skip(row, "a variant without a SKU") else {
            without_sku += 1;
            continue;
        };
        let q = if c.text(row, Field::OnHand).eq_ignore_ascii_case(NOT_STOCKED) {
            Qty::ZERO
        } else {
            let Some(q) = c.qty(row, Field::OnHand) else {
                continue;
            };
            q
        };
        sums.add(sku, c.text(row, Field::Location).to_string(), q);
    }
    let skipped = crate::import::records::skipped(&[("rows without a SKU", without_sku)]);
    (Records::on_hand(sums), skipped)
}
