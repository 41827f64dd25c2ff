//! Shopify products export -> product master data. Variant rows of a product share a
//! `Handle`; `Title` and `Type` are filled on its first row only, so they are carried down.
//! A product with several variants names each one by its option values
//! ("Sea Salt Candle — Large"). Rows without a `Variant SKU` (image rows, unset SKUs) are
//! left out with a warning.

use crate::import::read::cells::Cells;
use crate::import::read::columns::Field;
use crate::import::read::table::Row;
use crate::import::records::{FirstSeen, ProductRow, Records, Skipped};
use std::collections::HashMap;

/// Shopify's option value for a product without variants.
const DEFAULT_OPTION: &str = "Default Title";

pub fn read(c: &mut Cells) -> (Records, Vec<Skipped>) {
    let table = c.table;
    // Title and Type per handle (first row that has them) and how many variants it has.
    let mut heads: HashMap<&str, (&str, &str, usize)> = HashMap::new();
    for row in &table.rows {
        let head = heads
            .entry(c.text(row, Field::Handle))
            .or_insert(("", "", 0));
        if head.0.is_empty() {
            head.0 = c.text(row, Field::Title);
        }
        if head.1.is_empty() {
            head.1 = c.text(row, Field::Family);
        }
        head.2 += !c.text(row, Field::Sku).is_empty() as usize;
    }
    let mut seen = FirstSeen::default();
    let mut products = Vec::new();
    let mut without_sku = 0usize;
    for row in &table.rows {
        let Some(sku) = c.sku_or_skip(row, "a row without a variant SKU (such as an image row)")
        else {
            without_sku += 1;
            continue;
        };
        if !c.first_time(&mut seen, row, sku) {
            continue;
        }
        let price = c.optional_money(row, Field::Price);
        let cost = c.optional_money(row, Field::Cost);
        let on_hand = c.optional_qty(row, Field::OnHand);
        let (Ok(price), Ok(cost), Ok(on_hand)) = (price, cost, on_hand) else {
            continue;
        };
        let (title, family, variants) = heads
            .get(c.text(row, Field::Handle))
            .copied()
            .unwrap_or_default();
        products.push(ProductRow {
            sku: sku.to_string(),
            name: name(c, row, title, variants, sku),
            family: family.to_string(),
            price,
            cost,
            on_hand,
        });
    }
    products.sort_by(|a, b| a.sku.cmp(&b.sku));
    let skipped = crate::import::records::skipped(&[("rows without a variant SKU", without_sku)]);
    (Records::Products(products), skipped)
}

/// The title, plus the option values when the product has several variants.
fn name<'a>(c: &Cells<'a>, row: &'a Row, title: &str, variants: usize, sku: &str) -> String {
    let title = if title.is_empty() { sku } else { title };
    let options: Vec<&str> = [Field::Option1, Field::Option2, Field::Option3]
        .into_iter()
        .map(|f| c.text(row, f))
        .filter(|v| !v.is_empty() && *v != DEFAULT_OPTION)
        .collect();
    if variants > 1 && !options.is_empty() {
        format!("{title} — {}", options.join(" / "))
    } else {
        title.to_string()
    }
}
