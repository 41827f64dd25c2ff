//! The CSV files an import step reads, generated as a brand's tools write them (the headers of
//! the fixtures in tests/fixtures), so the real importer detects, reads and applies them.

use super::ops::{FileKind, Import};
use sop_grid::engine::Plan;

/// A SKU choice as a code: one of the plan's SKUs, or a SKU the plan does not know yet.
fn sku_code(plan: &Plan, choice: u8) -> String {
    let n = plan.products.len();
    if choice < 5 && n > 0 {
        plan.products[choice as usize % n].sku.clone()
    } else {
        format!("NEW-{choice}")
    }
}

/// The file name (it helps the importer tell a generic file's kind) and its text.
pub fn csv_file(plan: &Plan, import: &Import) -> (String, String) {
    let cal = &plan.calendar;
    let c = cal.current() as isize;
    let monday = |off: i8| cal.monday(c + off as isize);
    let label = |off: i8| cal.label(c + off as isize);
    // One row per SKU and week: a forecast file that repeats one is refused (rightly).
    let mut rows: Vec<(String, i8, u32)> = Vec::new();
    for &(s, off, q) in &import.rows {
        let sku = sku_code(plan, s);
        if !rows.iter().any(|(k, o, _)| *k == sku && *o == off) {
            rows.push((sku, off, q));
        }
    }
    let bad_sku = sku_code(plan, 0);
    let mut lines: Vec<String> = Vec::new();
    let name = match import.kind {
        FileKind::SalesHistory => {
            lines.push("Date,SKU,Units sold".into());
            for (sku, off, q) in &rows {
                let day = monday(*off) + chrono::Duration::days(2);
                lines.push(format!("{day},{sku},{q}"));
            }
            if import.bad_row {
                lines.push(format!("{},{bad_sku},lots", monday(-1)));
            }
            "sales_history.csv"
        }
        FileKind::SalesByChannel => {
            lines.push("Date,SKU,Channel,Units sold".into());
            for (sku, off, q) in &rows {
                let day = monday(*off) + chrono::Duration::days(3);
                let channel = ["Wholesale", "Amazon", ""][(q % 3) as usize];
                lines.push(format!("{day},{sku},{channel},{q}"));
            }
            if import.bad_row {
                lines.push(format!("{},{bad_sku},Amazon,lots", monday(-1)));
            }
            "sales_history.csv"
        }
        FileKind::ShopifyOrders => {
            lines.push("Name,Created at,Lineitem quantity,Lineitem sku,Cancelled at".into());
            for (i, (sku, off, q)) in rows.iter().enumerate() {
                let day = monday(*off) + chrono::Duration::days(1);
                lines.push(format!(
                    "#{},{day} 10:00:00 +0100,{},{sku},",
                    1000 + i,
                    q % 20
                ));
            }
            if import.bad_row {
                lines.push(format!("#999,{} 10:00:00 +0100,two,{bad_sku},", monday(-1)));
            }
            "orders_export.csv"
        }
        FileKind::PurchaseOrders => {
            lines.push("PO number,Item code,Qty,Expected date,Status".into());
            for (i, (sku, off, q)) in rows.iter().enumerate() {
                let status = if q % 2 == 0 { "Confirmed" } else { "Planned" };
                lines.push(format!("PO-{i},{sku},{q},{},{status}", monday(*off)));
            }
            if import.bad_row {
                lines.push(format!("PO-99,{bad_sku},many,{},Confirmed", monday(1)));
            }
            "purchase_orders.csv"
        }
        FileKind::ForecastLong => {
            lines.push("SKU,Week,Forecast".into());
            for (sku, off, q) in &rows {
                lines.push(format!("{sku},{},{q}.25", label(*off)));
            }
            if import.bad_row {
                lines.push(format!("{bad_sku},{},n/a", label(1)));
            }
            "forecast.csv"
        }
        FileKind::ForecastWide => {
            lines.push(format!(
                "SKU,{},{},{},{}",
                label(0),
                label(1),
                label(2),
                label(3)
            ));
            let mut seen = Vec::new();
            for (sku, off, q) in &rows {
                if seen.contains(sku) {
                    continue;
                }
                seen.push(sku.clone());
                let mut cells = vec![String::new(); 4];
                cells[off.rem_euclid(4) as usize] = q.to_string();
                lines.push(format!("{sku},{}", cells.join(",")));
            }
            if import.bad_row && !seen.contains(&bad_sku) {
                lines.push(format!("{bad_sku},1,x,,"));
            }
            "forecast_wide.csv"
        }
        FileKind::ShopifyProducts => {
            lines.push(
                "Handle,Title,Type,Variant SKU,Variant Inventory Qty,Variant Price,Cost per item"
                    .into(),
            );
            let mut seen = Vec::new();
            for (sku, off, q) in &rows {
                // A SKU twice is an error in a products export.
                if seen.contains(sku) {
                    continue;
                }
                seen.push(sku.clone());
                let family = ["Family 00", "Family 01", "Gifts"][off.rem_euclid(3) as usize];
                lines.push(format!(
                    "{},Item {sku},{family},{sku},{q},{}.50,{}.10",
                    sku.to_lowercase(),
                    q % 90,
                    q % 40
                ));
            }
            if import.bad_row {
                lines.push(format!("bad,Bad,Gifts,{bad_sku},3,cheap,1.00"));
            }
            "products_export.csv"
        }
        FileKind::ShopifyInventory => {
            lines.push("Handle,Title,SKU,Location,On hand".into());
            let mut seen = Vec::new();
            for (sku, off, q) in &rows {
                let at = if off % 2 == 0 { "Studio" } else { "Depot" };
                if seen.contains(&(sku, at)) {
                    continue;
                }
                seen.push((sku, at));
                lines.push(format!("{},Item,{sku},{at},{q}", sku.to_lowercase()));
            }
            if import.bad_row {
                lines.push(format!("bad,Item,{bad_sku},Studio,some"));
            }
            "inventory_export.csv"
        }
        FileKind::OneLocation => {
            lines.push("Handle,Title,SKU,Location,On hand".into());
            let mut seen = Vec::new();
            for (sku, _, q) in &rows {
                if !seen.contains(sku) {
                    seen.push(sku.clone());
                    lines.push(format!("{},Item,{sku},Amazon FBA,{q}", sku.to_lowercase()));
                }
            }
            if import.bad_row {
                lines.push(format!("bad,Item,{bad_sku},Amazon FBA,some"));
            }
            "inventory_export.csv"
        }
    };
    let mut text = lines.join("\r\n") + "\r\n";
    if import.excel_comma {
        // No generated cell holds a comma, and dots only in decimals.
        text = text.replace(',', ";").replace('.', ",");
    }
    (name.to_string(), text)
}
