//! A save written by a newer version of the app opens read-only (issue 11, item 2): the
//! workbook then refuses every change, so the tab never shows an edit it will not keep.

use chrono::NaiveDate;
use sop_grid::engine::{
    Calendar, CellEdit, Edit, Plan, PlanError, Product, Qty, SeriesField, Workbook,
};

fn plan_of(skus: usize) -> Plan {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut plan = Plan::new(Calendar::around(today, 2, 6).unwrap());
    for i in 0..skus {
        plan.add_product(Product::new(&format!("MAX-{i:05}"), "s", "F"));
    }
    plan
}

#[test]
fn a_read_only_workbook_refuses_every_change_and_says_where_to_look() {
    let mut wb = Workbook::new(plan_of(1));
    wb.apply(
        "one",
        Edit::Cells(vec![CellEdit {
            sku: 0,
            field: SeriesField::Forecast,
            week: 3,
            value: Some(Qty(5_000)),
        }]),
    )
    .unwrap();
    wb.set_read_only();
    let before = (wb.revision(), wb.plan().clone());
    let edit = Edit::Cells(vec![CellEdit {
        sku: 0,
        field: SeriesField::Forecast,
        week: 4,
        value: Some(Qty(7_000)),
    }]);
    let err = wb.apply("two", edit).unwrap_err();
    assert_eq!(err, PlanError::ReadOnly);
    assert_eq!(
        err.to_string(),
        "Read-only: this tab does not take changes (see the banner at the top)"
    );
    assert_eq!(wb.undo().unwrap_err(), PlanError::ReadOnly);
    assert_eq!(wb.redo().unwrap_err(), PlanError::ReadOnly);
    assert!(wb.is_read_only());
    assert_eq!((wb.revision(), wb.plan().clone()), before);
}
