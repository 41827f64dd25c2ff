//! Caps on what comes in (issue 11, items 10 and 13): products per plan file, new SKUs per
//! import, rows per file. Each is refused whole with a message naming the cap and the count,
//! and the plan stays exactly as it was.

use chrono::NaiveDate;
use sop_grid::engine::model::qty::MAX_SKUS;
use sop_grid::engine::{Calendar, Plan, Product, Qty, Workbook};
use sop_grid::import::apply::{to_edit, Mode};
use sop_grid::import::error::Problems;
use sop_grid::import::limits::{check_new_skus, MAX_ROWS};
use sop_grid::import::read::table;
use sop_grid::import::{Delimiter, Records, SkuQty};
use sop_grid::planfile;

fn plan_of(skus: usize) -> Plan {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut plan = Plan::new(Calendar::around(today, 2, 6).unwrap());
    for i in 0..skus {
        plan.add_product(Product::new(&format!("S{i:05}"), "s", "F"));
    }
    plan
}

#[test]
fn a_plan_file_with_one_product_past_the_cap_is_refused_at_that_row() {
    let at_cap = planfile::write(&plan_of(MAX_SKUS));
    assert_eq!(
        planfile::read(&at_cap).map(|p| p.products.len()),
        Ok(MAX_SKUS)
    );
    let text = planfile::write(&plan_of(MAX_SKUS + 1));
    let line = text
        .lines()
        .position(|l| l.starts_with("product,S20000,"))
        .expect("the extra product row")
        + 1;
    let err = planfile::read(&text).unwrap_err().to_string();
    assert!(
        err.contains(&format!("line {line}")),
        "{err} should name line {line}"
    );
    assert!(
        err.contains(
            "is product 20,001: a plan file holds at most 20,000 products (a plan holds at \
             most 20,000 SKUs)"
        ),
        "{err}"
    );
}

#[test]
fn an_import_bringing_more_new_skus_than_the_plan_has_room_for_is_refused() {
    let mut wb = Workbook::new(plan_of(MAX_SKUS - 1));
    let records = Records::OnHand(vec![
        SkuQty {
            sku: "NEW-1".into(),
            qty: Qty(1_000),
            location: String::new(),
        },
        SkuQty {
            sku: "NEW-2".into(),
            qty: Qty(2_000),
            location: String::new(),
        },
    ]);
    let applied = to_edit(&wb, &records, Mode::Merge, true);
    assert_eq!(applied.added, ["NEW-1", "NEW-2"]);
    assert_eq!(
        check_new_skus(wb.plan().products.len(), applied.added.len()),
        Err(
            "The file brings 2 new SKUs to a plan of 19,999: a plan holds at most 20,000 \
             SKUs. Nothing was imported; import with \"Add SKUs the plan does not have\" off, \
             or remove SKUs first."
                .to_string()
        )
    );
    // The engine refuses it too, whole: not the first SKU and then a stop.
    let before = (wb.revision(), wb.plan().clone());
    let err = wb.apply("Import", applied.edit).unwrap_err();
    assert!(err.to_string().contains("NEW-2"), "{err}");
    assert_eq!((wb.revision(), wb.plan().clone()), before);
    // One new SKU fits exactly.
    let one = Records::OnHand(vec![SkuQty {
        sku: "NEW-1".into(),
        qty: Qty(1_000),
        location: String::new(),
    }]);
    let applied = to_edit(&wb, &one, Mode::Merge, true);
    assert_eq!(check_new_skus(wb.plan().products.len(), 1), Ok(()));
    wb.apply("Import", applied.edit).unwrap();
    assert_eq!(wb.plan().products.len(), MAX_SKUS);
}

#[test]
fn a_file_with_more_rows_than_the_cap_is_refused_naming_the_cap() {
    // The table step is where rows are counted (the whole preview of 2 million rows would
    // take minutes in a debug build); `preview` passes its error on as it is.
    let row = "CND-101,2025-10-06,1\n";
    let mut text = String::with_capacity(20 + row.len() * (MAX_ROWS + 1));
    text.push_str("SKU,Date,Qty\n");
    for _ in 0..MAX_ROWS {
        text.push_str(row);
    }
    let read = |text: &str| {
        let mut problems = Problems::default();
        table::read(text, Delimiter::Comma, &mut problems, &mut |_| {})
            .map(|t| t.rows.len())
            .map_err(|e| e.to_string())
    };
    // The error is on the row past the cap (line 2,000,002): every row up to it was read.
    text.push_str(row);
    assert_eq!(
        read(&text),
        Err(format!(
            "line {}: the file has more than 2,000,000 data rows, the most one import reads; \
             split it into smaller files",
            MAX_ROWS + 2
        ))
    );
}
