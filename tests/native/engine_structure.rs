//! Changes to the plan's shape through the one edit API: products added by an import, and
//! the whole plan replaced by opening a plan file. Both are one undoable change.

use chrono::NaiveDate;
use sop_grid::engine::calc::kpi::Scope;
use sop_grid::engine::{
    Calendar, CellEdit, CellValue, Edit, Measure, Plan, Product, Qty, SeriesField, Workbook,
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// One SKU "A" in family F; history W46–W47, current W48, to W51.
fn small() -> Workbook {
    let mut plan = Plan::new(Calendar::around(today(), 2, 4).unwrap());
    let mut a = Product::new("A", "a", "F");
    a.on_hand = Qty::units(100);
    plan.add_product(a);
    Workbook::new(plan)
}

#[test]
fn an_added_product_with_values_is_one_undoable_change() {
    let mut wb = small();
    let mut n = Product::new("N", "new", "G");
    n.on_hand = Qty::units(50);
    let edit = Edit::Batch(vec![
        Edit::AddProduct(n),
        Edit::Cells(vec![CellEdit {
            sku: 1,
            field: SeriesField::Forecast,
            week: 3,
            value: Some(Qty::units(20)),
        }]),
    ]);
    wb.apply("Import", edit).unwrap();
    assert_eq!(wb.plan().sku_index("N"), Some(1));
    // 50 on hand, 20 demand in W49: 50 in W48, 30 from W49 on; family G is the SKU.
    assert_eq!(
        wb.derived(1).projected[2..6],
        [
            Qty::units(50),
            Qty::units(30),
            Qty::units(30),
            Qty::units(30)
        ]
    );
    assert_eq!(
        wb.value(&Scope::Family("G".into()), Measure::Projected, 3),
        CellValue::Units(Qty::units(30))
    );
    assert_eq!(
        wb.value(&Scope::Total, Measure::Projected, 3),
        CellValue::Units(Qty::units(130))
    );
    wb.undo().unwrap();
    assert_eq!(wb.plan().products.len(), 1);
    assert!(wb.family("G").is_none());
    assert_eq!(
        wb.value(&Scope::Total, Measure::Projected, 3),
        CellValue::Units(Qty::units(100))
    );
    wb.redo().unwrap();
    assert_eq!(wb.derived(1).projected[3], Qty::units(30));
}

#[test]
fn adding_a_sku_twice_or_one_already_there_changes_nothing() {
    let mut wb = small();
    let before = wb.plan().clone();
    let err = wb
        .apply(
            "Import",
            Edit::Batch(vec![
                Edit::AddProduct(Product::new("N", "n", "G")),
                Edit::AddProduct(Product::new("N", "n", "G")),
            ]),
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "SKU: 'N' is already in the plan");
    let err = wb
        .apply("Import", Edit::AddProduct(Product::new("A", "a", "F")))
        .unwrap_err();
    assert_eq!(err.to_string(), "SKU: 'A' is already in the plan");
    // A cell of a SKU that is neither in the plan nor added before it.
    let err = wb
        .apply(
            "Import",
            Edit::Cells(vec![CellEdit {
                sku: 1,
                field: SeriesField::Forecast,
                week: 3,
                value: None,
            }]),
        )
        .unwrap_err();
    assert!(err.to_string().contains("#1"), "{err}");
    assert_eq!(wb.plan(), &before);
    assert!(!wb.history().can_undo());
}

#[test]
fn replacing_the_plan_is_undoable_and_checked_first() {
    let mut wb = small();
    let before = wb.plan().clone();
    let other = sop_grid::demo::demo_plan(today());
    wb.apply("Open plan file", Edit::ReplacePlan(Box::new(other.clone())))
        .unwrap();
    assert_eq!(wb.plan(), &other);
    assert_eq!(wb.plan().products.len(), 40);
    // Derived values are those of a fresh workbook of the same plan.
    let fresh = Workbook::new(other);
    assert_eq!(wb.all_derived(), fresh.all_derived());
    wb.undo().unwrap();
    assert_eq!(wb.plan(), &before);
    assert_eq!(wb.derived(0).projected[2], Qty::units(100));
    // A broken plan (a series one week short) is refused and nothing changes.
    let mut broken = before.clone();
    broken.series_mut(0).forecast.pop();
    let err = wb
        .apply("Open", Edit::ReplacePlan(Box::new(broken)))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "forecast of A: '5' weeks are held but the plan has 6"
    );
    assert_eq!(wb.plan(), &before);
}

/// The grid rebuilds its rows when `layout()` changes: typed numbers must leave it alone
/// (rebuilding 20,000 rows on every keystroke was a third of an edit's time), and anything
/// that can change the rows (a product added, a product edited, undo and redo of those, a
/// plan opened in place of another) must change it.
#[test]
fn the_layout_stamp_moves_with_the_plans_shape_and_not_with_numbers() {
    let mut wb = small();
    let start = wb.layout();
    let typed = Edit::Cells(vec![CellEdit {
        sku: 0,
        field: SeriesField::Forecast,
        week: 3,
        value: Some(Qty::units(20)),
    }]);
    wb.apply("Edit cell", typed).unwrap();
    assert_eq!(wb.layout(), start, "a typed number changed the layout");
    wb.undo().unwrap();
    assert_eq!(
        wb.layout(),
        start,
        "undoing a typed number changed the layout"
    );

    wb.apply("Import", Edit::AddProduct(Product::new("N", "new", "G")))
        .unwrap();
    let added = wb.layout();
    assert_ne!(added, start);
    wb.undo().unwrap();
    let undone = wb.layout();
    assert_ne!(undone, added, "undoing an added product kept the layout");
    wb.redo().unwrap();
    assert_ne!(
        wb.layout(),
        undone,
        "redoing an added product kept the layout"
    );

    let mut p = wb.plan().products[0].clone();
    p.lead_time_weeks += 1;
    let before = wb.layout();
    wb.apply("Set lead time", Edit::Product { sku: 0, product: p })
        .unwrap();
    assert_ne!(wb.layout(), before);

    // Two workbooks never share a stamp, so a plan opened in place of another rebuilds.
    assert_ne!(small().layout(), small().layout());
}
