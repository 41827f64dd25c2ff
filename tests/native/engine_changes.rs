//! What changed since the last check-in, with hand-worked values.
//!
//! The check-in (current W48, Mon 23 Nov 2026; history W46–W47; to W53):
//! - CND-101 at 20.00: on hand 1000, forecast 100 a week, 500 confirmed in W49.
//! - CND-102 at 10.00: on hand 100, forecast 20 a week: projected 80, 60, 40, 20, 0, −20.
//! - CND-103 at 5.00: on hand 500, forecast 50 a week, 200 planned in W50.
//!
//! A week later the plan is rolled (current W49, to 2027-W01; same indices for the same weeks:
//! W46 = 0 … W53 = 7, 2027-W01 = 8) and edited:
//! - Ana: CND-101 forecast W50–W52 to 120; CND-102 forecast W50 to 60; a new SKU CND-104
//!   (no stock, no price) with forecast 10 in W50.
//! - Ben: CND-101's 500 confirmed moved W49 → W51; CND-103's planned W50 to 250; actuals for
//!   W48: CND-101 sold 70 (forecast 100), CND-102 sold 21 (forecast 20: within 20%).
//!
//! CND-102 from W49, on hand 100 still: 80, 20, 0, −20, −40, −40 (W01 forecasts nothing).
//! At the check-in W52 was 0 and W53 already −20: W52 and 2027-W01 are new, with 20 units
//! unmet in W52 and none in W01.

use chrono::NaiveDate;
use sop_grid::engine::collab::changes::{since, ChangeKind};
use sop_grid::engine::collab::roll::roll_to;
use sop_grid::engine::{
    Calendar, CellEdit, Edit, Money, Plan, Product, Qty, SeriesField, Workbook,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn product(sku: &str, price_cents: i64, on_hand: i64) -> Product {
    let mut p = Product::new(sku, sku, "Candles");
    p.unit_price = Money(price_cents.into());
    p.on_hand = Qty::units(on_hand);
    p
}

fn check_in() -> Plan {
    let mut plan = Plan::new(Calendar::around(day(2026, 11, 23), 2, 6).unwrap());
    plan.add_product(product("CND-101", 2000, 1000));
    plan.add_product(product("CND-102", 1000, 100));
    plan.add_product(product("CND-103", 500, 500));
    for w in 2..8 {
        plan.series_mut(0).forecast[w] = Qty::units(100);
        plan.series_mut(1).forecast[w] = Qty::units(20);
        plan.series_mut(2).forecast[w] = Qty::units(50);
    }
    plan.series_mut(0).confirmed_receipts[3] = Qty::units(500);
    plan.series_mut(2).planned_receipts[4] = Qty::units(200);
    plan
}

fn a_week_later(snapshot: &Plan) -> Workbook {
    use SeriesField::*;
    let mut wb = Workbook::new(roll_to(snapshot, day(2026, 12, 1)));
    wb.set_user("Ana (Sales)");
    for week in ["2026-W50", "2026-W51", "2026-W52"] {
        wb.set("CND-101", Forecast, week, Some(120.0)).unwrap();
    }
    wb.set("CND-102", Forecast, "2026-W50", Some(60.0)).unwrap();
    wb.apply("Add", Edit::AddProduct(product("CND-104", 0, 0)))
        .unwrap();
    wb.set("CND-104", Forecast, "2026-W50", Some(10.0)).unwrap();
    wb.set_user("Ben (Operations)");
    wb.apply(
        "Move PO",
        Edit::Cells(vec![
            cell(0, ConfirmedReceipts, 3, 0),
            cell(0, ConfirmedReceipts, 5, 500),
        ]),
    )
    .unwrap();
    wb.set("CND-103", PlannedReceipts, "2026-W50", Some(250.0))
        .unwrap();
    wb.set("CND-101", Actual, "2026-W48", Some(70.0)).unwrap();
    wb.set("CND-102", Actual, "2026-W48", Some(21.0)).unwrap();
    wb
}

fn cell(sku: usize, field: SeriesField, week: usize, units: i64) -> CellEdit {
    CellEdit {
        sku,
        field,
        week,
        value: Some(Qty::units(units)),
    }
}

#[test]
fn the_call_reads_stockouts_first_then_the_biggest_changes() {
    let snapshot = check_in();
    let now = a_week_later(&snapshot);
    let changes = since(&snapshot, &now);
    let texts: Vec<&str> = changes.items.iter().map(|i| &*i.text).collect();
    assert_eq!(
        texts,
        [
            "CND-102 runs out in 2026-W52: projected -20, was 0 at the check-in (20 units short)",
            "CND-104 runs out in 2026-W50: projected -10, not projected at the check-in (10 units short)",
            "CND-101 confirmed receipts of 500 moved 2026-W49 → 2026-W51 — Ben (Operations)",
            "CND-101 forecast 2026-W50–W52: 300 → 360 (+60, +20%) — Ana (Sales)",
            "CND-101 sold 70 in 2026-W48 against a forecast of 100 (-30, -30%) — Ben (Operations)",
            "CND-102 forecast 2026-W50: 20 → 60 (+40, +200%) — Ana (Sales)",
            "CND-103 planned receipts 2026-W50: 200 → 250 (+50, +25%) — Ben (Operations)",
            "CND-104 forecast 2026-W50: 0 → 10 (+10) — Ana (Sales)",
        ]
    );
    let kinds: Vec<ChangeKind> = changes.items.iter().map(|i| i.kind).collect();
    use ChangeKind::*;
    assert_eq!(
        kinds,
        [
            NewStockout,
            NewStockout,
            ReceiptMoved,
            ForecastRevision,
            ActualMissedForecast,
            ForecastRevision,
            ReceiptChanged,
            ForecastRevision
        ]
    );
    let revision = &changes.items[3];
    assert_eq!(revision.sku, "CND-101");
    assert_eq!(revision.weeks, "2026-W50–W52");
    assert_eq!(
        (revision.before, revision.after, revision.units),
        (Qty::units(300), Qty::units(360), Qty::units(60))
    );
    assert_eq!(revision.by.as_deref(), Some("Ana (Sales)"));
    let stockout = &changes.items[0];
    assert_eq!(
        (
            stockout.before,
            stockout.after,
            stockout.units,
            &stockout.by
        ),
        (Qty::ZERO, Qty::units(-20), Qty::units(20), &None)
    );
}

#[test]
fn every_changed_input_cell_is_marked() {
    use SeriesField::*;
    let snapshot = check_in();
    let now = a_week_later(&snapshot);
    let cells: Vec<_> = since(&snapshot, &now).cells.into_iter().collect();
    assert_eq!(
        cells,
        [
            (0, Actual, 2),
            (0, Forecast, 4),
            (0, Forecast, 5),
            (0, Forecast, 6),
            (0, ConfirmedReceipts, 3),
            (0, ConfirmedReceipts, 5),
            (1, Actual, 2),
            (1, Forecast, 4),
            (2, PlannedReceipts, 4),
            (3, Forecast, 4),
        ]
    );
}

#[test]
fn nothing_changed_is_an_empty_list() {
    let snapshot = check_in();
    let changes = since(&snapshot, &Workbook::new(snapshot.clone()));
    assert!(changes.cells.is_empty() && changes.items.is_empty());
}

#[test]
fn odd_inputs_do_not_panic() {
    let snapshot = check_in();
    let empty = Plan::new(Calendar::around(day(2026, 11, 23), 0, 1).unwrap());
    assert!(since(&empty, &Workbook::new(empty.clone()))
        .items
        .is_empty());
    // Every SKU is new to an empty check-in; no week overlaps a far one.
    let all_new = since(&empty, &Workbook::new(snapshot.clone()));
    assert!(!all_new.cells.is_empty());
    let far = Plan::new(Calendar::around(day(2031, 1, 6), 2, 3).unwrap());
    let _ = since(&snapshot, &Workbook::new(far));
    // A snapshot whose series are too short (not a valid plan): no projection to compare.
    let mut broken = snapshot.clone();
    broken.series_mut(1).forecast.truncate(2);
    let changes = since(&broken, &a_week_later(&snapshot));
    assert!(changes
        .items
        .iter()
        .all(|i| i.kind != ChangeKind::NewStockout));
}
