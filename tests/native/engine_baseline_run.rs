//! A re-forecast run in the background writes only into the plan it fitted, unchanged, each
//! SKU's baseline found by its code (`engine/baseline_run.rs`). Before, results were applied
//! by position to whatever plan was open when the run ended.

use chrono::NaiveDate;
use sop_grid::engine::forecast::run::{Run, Stale};
use sop_grid::engine::{Calendar, CellEdit, Edit, Plan, Product, Qty, SeriesField, Workbook};

/// Two SKUs with flat sales: A sells 100 a week, B 10 a week, for 20 weeks; 4 weeks ahead
/// with a forecast of 0 (so a re-forecast writes 100 × 4 on A and 10 × 4 on B).
fn plan() -> Plan {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut p = Plan::new(Calendar::around(today, 20, 4).unwrap());
    p.meta.id = "plan-1".into();
    let c = p.calendar.current();
    for (code, sold) in [("A", 100), ("B", 10)] {
        let i = p.add_product(Product::new(code, code, "Candles"));
        for w in 0..c {
            p.series_mut(i).actual[w] = Qty::units(sold);
        }
    }
    p
}

/// The forecast of the weeks ahead of the SKU with this code.
fn ahead(wb: &Workbook, code: &str) -> Vec<i64> {
    let p = wb.plan();
    let i = p.products.iter().position(|x| x.sku == code).unwrap();
    let c = p.calendar.current();
    p.series[i].forecast[c..]
        .iter()
        .map(|q| q.to_f64() as i64)
        .collect()
}

#[test]
fn an_unchanged_plan_gets_each_skus_own_baseline() {
    let mut wb = Workbook::new(plan());
    let run = Run::start(&wb);
    assert_eq!(run.total(), 2);
    let (baselines, edits) = run.finish(&wb).unwrap();
    assert_eq!(baselines.len(), 2);
    assert_eq!(edits.len(), 8); // 4 weeks × 2 SKUs, all changed from 0
    wb.apply("Re-forecast", Edit::Cells(edits)).unwrap();
    assert_eq!(ahead(&wb, "A"), vec![100; 4]);
    assert_eq!(ahead(&wb, "B"), vec![10; 4]);
}

#[test]
fn a_plan_whose_skus_moved_gets_nothing() {
    // The run fits A then B; meanwhile the same plan (same id, same revision: a copy reloaded
    // from another tab, say) comes back with B first. By position, A's 100 a week would land
    // on B.
    let wb = Workbook::new(plan());
    let run = Run::start(&wb);
    let mut moved = plan();
    moved.products.reverse();
    moved.series.reverse();
    let now = Workbook::new(moved);
    assert_eq!(now.revision(), wb.revision());
    assert_eq!(run.finish(&now).err(), Some(Stale::Changed));
}

#[test]
fn an_edit_or_an_added_sku_during_the_run_stops_it() {
    let mut wb = Workbook::new(plan());
    let run = Run::start(&wb);
    let c = wb.plan().calendar.current();
    let edit = CellEdit {
        sku: 1,
        field: SeriesField::Actual,
        week: c - 1,
        value: Some(Qty::units(55)),
    };
    wb.apply("typed", Edit::Cells(vec![edit])).unwrap();
    assert_eq!(run.finish(&wb).err(), Some(Stale::Changed));

    // An import that adds a SKU in front of the others.
    let wb = Workbook::new(plan());
    let run = Run::start(&wb);
    let mut imported = plan();
    imported
        .products
        .insert(0, Product::new("N", "N", "Candles"));
    let first = imported.series[0].clone();
    imported.series.insert(0, first);
    let now = Workbook::new(imported);
    assert_eq!(run.finish(&now).err(), Some(Stale::Changed));
}

#[test]
fn another_plan_opened_during_the_run_gets_nothing() {
    let wb = Workbook::new(plan());
    let run = Run::start(&wb);
    let mut other = plan();
    other.meta.id = "plan-2".into();
    assert_eq!(
        run.finish(&Workbook::new(other)).err(),
        Some(Stale::OtherPlan)
    );
    assert_eq!(
        Stale::OtherPlan.to_string(),
        "another plan was opened while it ran"
    );
}

#[test]
fn fitting_in_steps_counts_the_skus() {
    let wb = Workbook::new(plan());
    let mut run = Run::start(&wb);
    assert_eq!(run.done(), 0);
    assert!(run.step());
    assert_eq!(run.done(), 1);
    assert!(run.step());
    assert!(!run.step());
    assert_eq!(run.done(), 2);
    assert!(run.finish(&wb).is_ok());
}

/// A cell of the forecast `weeks` after the current week.
fn forecast_at(wb: &Workbook, sku: usize, weeks: usize, units: i64) -> CellEdit {
    CellEdit {
        sku,
        field: SeriesField::Forecast,
        week: wb.plan().calendar.current() + weeks,
        value: Some(Qty::units(units)),
    }
}

#[test]
fn a_change_checked_in_one_task_and_committed_in_the_next_is_the_change_applied() {
    // How the app writes a re-forecast without blocking the page: check (changes nothing),
    // then commit. The result is what one apply gives, and one undo takes it back.
    let mut wb = Workbook::new(plan());
    let mut applied = Workbook::new(plan());
    let edits = |wb: &Workbook| vec![forecast_at(wb, 0, 0, 7), forecast_at(wb, 1, 1, 9)];
    applied
        .apply("Re-forecast", Edit::Cells(edits(&applied)))
        .unwrap();
    let checked = wb.check("Re-forecast", Edit::Cells(edits(&wb))).unwrap();
    assert_eq!(ahead(&wb, "A"), vec![0; 4]);
    let touched = wb.commit(checked).unwrap();
    assert_eq!(touched.cells, 2);
    assert_eq!(ahead(&wb, "A"), vec![7, 0, 0, 0]);
    assert_eq!(ahead(&wb, "B"), vec![0, 9, 0, 0]);
    assert_eq!(wb.total(), applied.total());
    assert_eq!(wb.families(), applied.families());
    wb.undo().unwrap();
    assert_eq!(ahead(&wb, "A"), vec![0; 4]);
    assert_eq!(ahead(&wb, "B"), vec![0; 4]);
}

#[test]
fn a_checked_change_is_refused_after_another_edit_and_changes_nothing() {
    let mut wb = Workbook::new(plan());
    let checked = wb
        .check("Re-forecast", Edit::Cells(vec![forecast_at(&wb, 0, 0, 7)]))
        .unwrap();
    // The planner types a number between the two tasks.
    let typed = forecast_at(&wb, 0, 2, 5);
    wb.apply("typed", Edit::Cells(vec![typed])).unwrap();
    assert_eq!(
        wb.commit(checked).err(),
        Some(sop_grid::engine::PlanError::ChangedSinceChecked)
    );
    assert_eq!(ahead(&wb, "A"), vec![0, 0, 5, 0]);
    // Only the typed number is on the undo list.
    wb.undo().unwrap();
    assert_eq!(ahead(&wb, "A"), vec![0; 4]);
    assert!(wb.undo().is_err());
}

#[test]
fn a_change_to_most_skus_sums_families_and_total_afresh_to_the_same_figures() {
    // Re-forecasting every SKU takes the path that sums all families afresh; undo takes it
    // too. Both must agree with a plan computed from scratch.
    let mut wb = Workbook::new(plan());
    wb.apply(
        "Re-forecast",
        Edit::Cells(vec![forecast_at(&wb, 0, 0, 30), forecast_at(&wb, 1, 3, 4)]),
    )
    .unwrap();
    let fresh = Workbook::new(wb.plan().clone());
    assert_eq!(wb.total(), fresh.total());
    assert_eq!(wb.families(), fresh.families());
    assert_eq!(wb.all_derived(), fresh.all_derived());
    // 30 more demand this week than the 0 forecast: the total's forecast row says so.
    let c = wb.plan().calendar.current();
    assert_eq!(wb.total().forecast[c], Qty::units(30).0);
    wb.undo().unwrap();
    assert_eq!(wb.total(), Workbook::new(plan()).total());
}
