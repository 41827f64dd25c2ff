//! What the planner reads after an import: values changed counted over cells and product
//! fields alike, left-out records counted in units too, singular for one, no brackets inside
//! brackets; and per SKU what changed (the dialog's "details").

use chrono::NaiveDate;
use sop_grid::demo::demo_plan;
use sop_grid::engine::Workbook;
use sop_grid::import::apply::report::{report, status_line};
use sop_grid::import::apply::{to_edit, Mode};
use sop_grid::import::{preview, Choices};
use sop_grid::sheet::locale::Locale;

fn demo() -> Workbook {
    Workbook::new(demo_plan(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()))
}

/// The status line and per-SKU details of importing `text` into `wb`, then applies it.
fn import(wb: &mut Workbook, name: &str, text: &str, add: bool) -> (String, Vec<String>) {
    let p = preview(text.as_bytes(), name, &Choices::default());
    let records = p.records().unwrap_or_else(|| panic!("{:?}", p.errors));
    let applied = to_edit(wb, records, Mode::Merge, add);
    let r = report(wb.plan(), &applied.edit, &Locale::EN_US);
    let line = status_line(name, &r, &applied, &Locale::EN_US);
    let details = r
        .skus
        .iter()
        .map(|s| format!("{}: {}", s.sku, s.changes.join("; ")))
        .collect();
    wb.apply("Import", applied.edit).unwrap();
    (line, details)
}

#[test]
fn product_fields_count_as_values_changed() {
    // Fails on main: "0 values changed" (only grid cells were counted).
    let mut wb = demo();
    let plan = wb.plan().clone();
    let mut text = String::from(
        "Handle,Title,Type,Variant SKU,Variant Inventory Qty,Variant Price,Cost per item\n",
    );
    for (i, p) in plan.products.iter().take(2).enumerate() {
        text.push_str(&format!(
            "h{i},{},{},{},{},{}.50,{}.25\n",
            p.name,
            p.family,
            p.sku,
            9000 + i,
            900 + i,
            100 + i
        ));
    }
    let (line, details) = import(&mut wb, "products.csv", &text, true);
    assert_eq!(
        line,
        "Imported products.csv: 6 values changed for 2 SKUs. Undo with Ctrl+Z."
    );
    let p0 = &plan.products[0];
    let en = Locale::EN_US;
    assert_eq!(
        details[0],
        format!(
            "{}: on hand {} → 9,000; unit cost {} → 100.25; unit price {} → 900.50",
            p0.sku,
            en.units(p0.on_hand),
            en.fixed(p0.unit_cost.0 as f64 / 100.0, 2),
            en.fixed(p0.unit_price.0 as f64 / 100.0, 2)
        )
    );
    // The same file again changes nothing.
    let (line, details) = import(&mut wb, "products.csv", &text, true);
    assert_eq!(
        line,
        "Imported products.csv: 0 values changed. Undo with Ctrl+Z."
    );
    assert!(details.is_empty());
}

#[test]
fn left_out_sales_are_counted_in_units_too_and_singular_for_one() {
    let mut wb = demo();
    let text = "SKU,Date,Units sold\n\
                CND-101,2020-01-06,100\n\
                CND-102,2020-01-13,54\n\
                CND-101,2026-10-05,7\n\
                NEW-1,2026-10-05,3\n";
    let (line, details) = import(&mut wb, "sales.csv", text, false);
    // Fails on main: "1 values changed (1 rows of SKUs not in the plan; 2 sales in weeks
    // outside the plan; SKUs not added: NEW-1)", without units.
    assert_eq!(
        line,
        "Imported sales.csv: 1 value changed for 1 SKU. 1 SKU-week of SKUs not in the plan, \
         3 units; 2 SKU-weeks of sales outside the plan, 154 units; SKUs not added: NEW-1. \
         Undo with Ctrl+Z."
    );
    assert_eq!(details.len(), 1);
    assert!(
        details[0].starts_with("CND-101: actual sales in 1 week: "),
        "{details:?}"
    );
    assert!(details[0].ends_with(" → 7 units"), "{details:?}");
}

#[test]
fn the_status_line_has_no_brackets_inside_brackets() {
    let mut wb = demo();
    let text = "SKU,Date,Units sold\nCND-101,2026-11-24,5\n";
    let (line, _) = import(&mut wb, "sales.csv", text, true);
    assert_eq!(
        line,
        "Imported sales.csv: 0 values changed. 1 SKU-week of sales not past yet (the current \
         week or later), 5 units. Undo with Ctrl+Z."
    );
    // Fails on main: "(1 sales in the current week or later (not actuals yet))".
    let mut depth = 0i32;
    for c in line.chars() {
        depth += match c {
            '(' => 1,
            ')' => -1,
            _ => 0,
        };
        assert!(depth <= 1, "{line}");
    }
}
