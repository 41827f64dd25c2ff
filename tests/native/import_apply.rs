//! Imported files applied to the demo plan: the numbers the grid then shows, merge against
//! replace, new SKUs, weeks outside the plan, and one undo for the whole import.

use chrono::NaiveDate;
use sop_grid::demo::demo_plan;
use sop_grid::engine::{Qty, SeriesField, Workbook};
use sop_grid::import::apply::{to_edit, to_edit_skipping, Mode, NEW_FAMILY};
use sop_grid::import::{preview, Choices, ReceiptRow, Records, WeekQty};

fn wb_at(y: i32, m: u32, d: u32) -> Workbook {
    Workbook::new(demo_plan(NaiveDate::from_ymd_opt(y, m, d).unwrap()))
}

fn records(name: &str) -> Records {
    let bytes = std::fs::read(format!("tests/fixtures/{name}.csv")).unwrap();
    preview(&bytes, &format!("{name}.csv"), &Choices::default())
        .records()
        .cloned()
        .unwrap()
}

fn import(wb: &mut Workbook, r: &Records, mode: Mode, add: bool) -> Vec<String> {
    let applied = to_edit(wb, r, mode, add);
    wb.apply("Import", applied.edit).unwrap();
    applied.notes
}

fn get(wb: &Workbook, sku: &str, field: SeriesField, week: &str) -> Option<Qty> {
    let i = wb.plan().sku_index(sku).unwrap();
    let w = wb.plan().calendar.parse_week(week).unwrap();
    wb.plan().series[i].get(field, w)
}

#[test]
fn purchase_orders_merge_into_receipts_and_undo_in_one_step() {
    let mut wb = wb_at(2026, 11, 23);
    let before = wb.plan().clone();
    let cnd = wb.plan().sku_index("CND-101").unwrap();
    let (old48, p48) = (
        get(&wb, "CND-101", SeriesField::ConfirmedReceipts, "2026-W48").unwrap(),
        wb.derived(cnd).projected[wb.plan().calendar.current()],
    );
    let notes = import(&mut wb, &records("purchase_orders"), Mode::Merge, true);
    assert!(notes.is_empty(), "{notes:?}");
    let c = SeriesField::ConfirmedReceipts;
    assert_eq!(get(&wb, "CND-101", c, "2026-W48"), Some(Qty::units(600)));
    assert_eq!(
        get(&wb, "CND-101", SeriesField::PlannedReceipts, "2026-W50"),
        Some(Qty::units(600))
    );
    assert_eq!(get(&wb, "GFT-102", c, "2026-W51"), Some(Qty::units(1200)));
    // Projected on hand in W48 moves by the change in that week's receipts.
    let now = wb.plan().calendar.current();
    assert_eq!(
        wb.derived(cnd).projected[now],
        p48 + Qty::units(600) - old48
    );
    // Merge keeps receipts the file does not mention: the demo's CND-101 PO in W52.
    assert_eq!(
        get(&wb, "CND-101", c, "2026-W52"),
        before.series[cnd].get(c, wb.plan().calendar.parse_week("2026-W52").unwrap())
    );
    wb.undo().unwrap();
    assert_eq!(wb.plan(), &before);
}

#[test]
fn replace_clears_future_receipts_the_file_does_not_hold() {
    let mut wb = wb_at(2026, 11, 23);
    import(&mut wb, &records("purchase_orders"), Mode::Replace, true);
    let c = SeriesField::ConfirmedReceipts;
    assert_eq!(get(&wb, "CND-101", c, "2026-W52"), Some(Qty::ZERO));
    assert_eq!(get(&wb, "CND-101", c, "2026-W48"), Some(Qty::units(600)));
    let total: i64 = wb
        .plan()
        .series
        .iter()
        .flat_map(|s| s.confirmed_receipts.iter().chain(&s.planned_receipts))
        .map(|q| q.0)
        .sum();
    // 600 + 600 + 300 + 300 + 80 + 1,200 units, and nothing else (past weeks have none).
    assert_eq!(total, Qty::units(3080).0);
}

#[test]
fn shopify_orders_become_weekly_actuals_of_past_weeks() {
    // Pinned to 3 Nov 2025 so the export's October weeks are past weeks of the plan.
    let mut wb = wb_at(2025, 11, 3);
    import(&mut wb, &records("shopify_orders"), Mode::Merge, true);
    let a = SeriesField::Actual;
    assert_eq!(get(&wb, "CND-101", a, "2025-W41"), Some(Qty::units(4)));
    assert_eq!(get(&wb, "CND-101", a, "2025-W42"), Some(Qty::units(3)));
    assert_eq!(get(&wb, "CND-101", a, "2025-W43"), Some(Qty::units(2)));
    assert_eq!(get(&wb, "GFT-102", a, "2025-W42"), Some(Qty::units(2)));
}

#[test]
fn unknown_skus_are_added_or_left_out_and_odd_weeks_are_said() {
    let wb0 = wb_at(2026, 11, 23);
    let monday = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let r = Records::Receipts(vec![
        ReceiptRow {
            sku: "NEW-1".into(),
            week: monday(30),
            qty: Qty::units(50),
            confirmed: true,
        },
        ReceiptRow {
            sku: "CND-101".into(),
            week: monday(2),
            qty: Qty::units(7),
            confirmed: true,
        },
    ]);
    let mut wb = Workbook::new(wb0.plan().clone());
    let notes = import(&mut wb, &r, Mode::Merge, true);
    let i = wb.plan().sku_index("NEW-1").unwrap();
    assert_eq!(wb.plan().products[i].family, NEW_FAMILY);
    assert_eq!(
        get(&wb, "NEW-1", SeriesField::ConfirmedReceipts, "2026-W49"),
        Some(Qty::units(50))
    );
    // The 2 Nov receipt is overdue: it lands in the current week, on top of what is there.
    assert_eq!(
        notes,
        ["1 overdue receipt moved to the current week, 7 units"]
    );
    let mut wb = Workbook::new(wb0.plan().clone());
    let notes = import(&mut wb, &r, Mode::Merge, false);
    assert!(wb.plan().sku_index("NEW-1").is_none());
    assert_eq!(
        notes,
        [
            "1 overdue receipt moved to the current week, 7 units",
            "1 row of SKUs not in the plan, 50 units",
            "SKUs not added: NEW-1"
        ]
    );
    // Actuals in the current week are not actuals yet; weeks before the plan are outside it.
    let s = Records::Actuals(vec![
        WeekQty {
            sku: "CND-101".into(),
            week: monday(23),
            qty: Qty::units(1),
            channel: String::new(),
        },
        WeekQty {
            sku: "CND-101".into(),
            week: NaiveDate::from_ymd_opt(2020, 1, 6).unwrap(),
            qty: Qty::units(1),
            channel: String::new(),
        },
    ]);
    let notes = import(&mut wb, &s, Mode::Merge, true);
    assert_eq!(
        notes,
        [
            "1 SKU-week of sales not past yet (the current week or later), 1 unit",
            "1 SKU-week of sales outside the plan, 1 unit"
        ]
    );
}

#[test]
fn a_monthly_forecast_is_split_over_the_weeks_of_its_month() {
    let mut wb = wb_at(2026, 11, 23);
    import(&mut wb, &records("forecast_wide_months"), Mode::Merge, true);
    let cal = wb.plan().calendar.clone();
    let months: std::collections::BTreeMap<_, _> = cal.months().into_iter().collect();
    let i = wb.plan().sku_index("CND-101").unwrap();
    let sum = |m| {
        months[&m]
            .clone()
            .map(|w: usize| wb.plan().series[i].forecast[w].0)
            .sum::<i64>()
    };
    assert_eq!(sum((2026, 11)), Qty::units(520).0);
    assert_eq!(sum((2026, 12)), 610_250);
    assert_eq!(sum((2027, 1)), Qty::units(380).0);
}

#[test]
fn inventory_replace_sets_unlisted_skus_to_zero() {
    let mut wb = wb_at(2026, 11, 23);
    import(&mut wb, &records("shopify_inventory"), Mode::Replace, true);
    let on = |s: &str| wb.plan().products[wb.plan().sku_index(s).unwrap()].on_hand;
    assert_eq!(on("CND-101"), Qty::units(120));
    assert_eq!(on("DIF-105"), Qty::units(12));
    assert_eq!(on("CND-110"), Qty::ZERO);
    let mut wb2 = wb_at(2026, 11, 23);
    let kept = wb2.plan().products[wb2.plan().sku_index("CND-110").unwrap()].on_hand;
    import(&mut wb2, &records("shopify_inventory"), Mode::Merge, true);
    assert_eq!(
        wb2.plan().products[wb2.plan().sku_index("CND-110").unwrap()].on_hand,
        kept
    );
}

/// Issue 11, item 11: replacing the forecast cleared past weeks too, so forecast error and
/// bias had nothing left to score. Replace now changes the current week on; the past stays.
#[test]
fn replacing_the_forecast_keeps_past_forecasts_for_error_and_bias() {
    let mut wb = wb_at(2026, 11, 23);
    let before = wb.plan().clone();
    let f = SeriesField::Forecast;
    let past = get(&wb, "CND-101", f, "2026-W40").unwrap();
    assert!(past > Qty::ZERO);
    import(&mut wb, &records("forecast_long"), Mode::Replace, true);
    assert_eq!(get(&wb, "CND-101", f, "2026-W40"), Some(past));
    assert_eq!(get(&wb, "CND-101", f, "2026-W48"), Some(Qty::units(120)));
    // The file's weeks are written; other future weeks are cleared (that is replace).
    assert_eq!(get(&wb, "CND-101", f, "2026-W52"), Some(Qty::ZERO));
    let c = wb.plan().calendar.current();
    for (s, old) in wb.plan().series.iter().zip(&before.series) {
        assert_eq!(s.forecast[..c], old.forecast[..c]);
    }
}

/// Issue 11, item 11: replacing on hand with "skip bad rows" set the SKUs of the skipped
/// rows to zero (they were not in the good rows, so "not in the file").
#[test]
fn replacing_on_hand_while_skipping_bad_rows_leaves_their_skus_alone() {
    let mut wb = wb_at(2026, 11, 23);
    let file = b"SKU,Location,On hand\nCND-101,Studio,50\nCND-102,Studio,lots\n";
    let p = preview(file, "stock.csv", &Choices::default());
    assert_eq!(p.bad_rows, 1, "{:?} {:?} {:?}", p.kind, p.errors, p.seen);
    let r = p.records_skipping_errors().cloned().unwrap();
    let on_hand = |wb: &Workbook, sku: &str| {
        let i = wb.plan().sku_index(sku).unwrap();
        wb.plan().products[i].on_hand
    };
    let (cnd102, dif) = (on_hand(&wb, "CND-102"), on_hand(&wb, "DIF-101"));
    assert!(cnd102 > Qty::ZERO && dif > Qty::ZERO);
    let applied = to_edit_skipping(&wb, &r, Mode::Replace, true, p.bad_rows);
    wb.apply("Import", applied.edit).unwrap();
    assert_eq!(on_hand(&wb, "CND-101"), Qty::units(50));
    assert_eq!(on_hand(&wb, "CND-102"), cnd102);
    assert_eq!(on_hand(&wb, "DIF-101"), dif);
    assert!(
        applied
            .notes
            .iter()
            .any(|n| n
                == "1 row with errors left out: SKUs the file does not list keep their values"),
        "{:?}",
        applied.notes
    );
}
