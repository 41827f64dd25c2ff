//! Hand-worked examples for every derived measure. The plan: history W46–W47, current week
//! W48 (Mon 23 Nov 2026), horizon W48–W53. W48 is November's last week (Thursday 26 Nov);
//! W49 (Thursday 3 Dec) starts December, so monthly figures cross a month boundary.
//!
//! | idx | 0   | 1   | 2   | 3   | 4   | 5   | 6   | 7   |
//! | wk  | W46 | W47 | W48 | W49 | W50 | W51 | W52 | W53 |

use chrono::NaiveDate;
use sop_grid::engine::calc::kpi::Scope;
use sop_grid::engine::{
    Amount, Calendar, CellValue, Measure, Money, Plan, PlanError, Product, Qty, SafetyStock,
    SeriesField, Workbook,
};

fn u(x: f64) -> Qty {
    Qty::from_f64(x).unwrap()
}

fn units(row: &[Qty]) -> Vec<f64> {
    row.iter().map(|q| q.to_f64()).collect()
}

/// A SKU's row of a unit measure from week `from` to the end, as the grid reads it.
fn row(wb: &Workbook, sku: usize, m: Measure, from: usize) -> Vec<f64> {
    (from..wb.plan().calendar.len())
        .map(|w| match wb.sku_value(sku, m, w) {
            CellValue::Units(q) => q.to_f64(),
            other => panic!("{m:?} in week {w} is {other:?}, not units"),
        })
        .collect()
}

fn product(sku: &str, family: &str, on_hand: f64, safety: SafetyStock, lead: u32) -> Product {
    let mut p = Product::new(sku, sku, family);
    p.on_hand = u(on_hand);
    p.safety_stock = safety;
    p.lead_time_weeks = lead;
    p
}

/// A: stockout. B: PO arrives too late. C: MOQ rounding. D: safety stock as weeks of cover.
fn scenario() -> Workbook {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut plan = Plan::new(Calendar::around(today, 2, 6).unwrap());

    let mut a = product("A", "Candles", 100.0, SafetyStock::Units(u(20.0)), 2);
    a.unit_price = Money::cents(1000);
    a.unit_cost = Money::cents(400);
    let ia = plan.add_product(a);
    let s = plan.series_mut(ia);
    s.actual[0] = u(35.0);
    s.actual[1] = u(45.0);
    for w in 0..8 {
        s.forecast[w] = u(40.0);
    }

    let mut b = product("B", "Candles", 30.0, SafetyStock::Units(Qty::ZERO), 4);
    b.moq = u(50.0);
    b.order_multiple = u(12.0);
    b.unit_cost = Money::cents(300);
    let ib = plan.add_product(b);
    let s = plan.series_mut(ib);
    s.actual[0] = u(12.0);
    s.actual[1] = u(8.0);
    for w in 0..8 {
        s.forecast[w] = u(10.0);
    }
    s.forecast[1] = u(12.0);
    s.confirmed_receipts[6] = u(100.0);

    let mut c = product("C", "Diffusers", 50.0, SafetyStock::Units(u(30.0)), 0);
    c.moq = u(100.0);
    c.order_multiple = u(24.0);
    c.unit_cost = Money::cents(200);
    let ic = plan.add_product(c);
    for w in 2..8 {
        plan.series_mut(ic).forecast[w] = u(15.0);
    }

    let d = product("D", "Diffusers", 100.0, SafetyStock::WeeksOfCover(1.5), 3);
    let id = plan.add_product(d);
    for (k, f) in [10.0, 20.0, 30.0, 40.0, 50.0, 60.0].iter().enumerate() {
        plan.series_mut(id).forecast[2 + k] = u(*f);
    }
    Workbook::new(plan)
}

#[test]
fn stockout_projection_unmet_gap_and_cover() {
    let wb = scenario();
    let a = wb.derived(0);
    // 100 on hand − 40 a week: 60, 20, −20, −60 ... (backlog carried forward).
    assert_eq!(
        units(&a.projected[2..]),
        [60.0, 20.0, -20.0, -60.0, -100.0, -140.0]
    );
    // Past weeks use actuals as demand; the future uses the forecast.
    assert_eq!(
        row(&wb, 0, Measure::Demand, 0),
        [35.0, 45.0, 40.0, 40.0, 40.0, 40.0, 40.0, 40.0]
    );
    // Week W50 only had 20 of its 40 covered; later weeks nothing.
    assert_eq!(units(&a.unmet[2..]), [0.0, 0.0, 20.0, 40.0, 40.0, 40.0]);
    assert_eq!(
        row(&wb, 0, Measure::Sold, 2),
        [40.0, 40.0, 20.0, 0.0, 0.0, 0.0]
    );
    assert_eq!(
        row(&wb, 0, Measure::Gap, 2),
        [40.0, 0.0, -40.0, -80.0, -120.0, -160.0]
    );
    // 60 units: one week of 40, then 20/40 of the next.
    assert_eq!(a.cover[2..], [1.5, 0.5, 0.0, 0.0, 0.0, 0.0]);
    // Past weeks have no projection, future weeks no actual sales: the grid shows them blank.
    assert_eq!(wb.sku_value(0, Measure::Projected, 1), CellValue::Blank);
    assert_eq!(wb.sku_value(0, Measure::Actual, 2), CellValue::Blank);
    assert_eq!(
        wb.sku_value(0, Measure::Actual, 1),
        CellValue::Units(u(45.0))
    );
    assert_eq!(a.first_stockout, Some(4));
    // Projected 20 = safety 20 in W49 is not below; W50 is.
    assert_eq!(a.first_below_safety, Some(4));
    assert_eq!(wb.plan().calendar.label(4), "2026-W50");
}

#[test]
fn money_uses_sold_units_and_stock_at_cost() {
    let wb = scenario();
    let money = |sku: usize, m: Measure, w: usize| match wb.sku_value(sku, m, w) {
        CellValue::Money(v) => v,
        other => panic!("{m:?} is {other:?}"),
    };
    // Revenue: 40 × 10.00 in W48; 20 sold × 10.00 in W50; past weeks use actuals (35 × 10.00).
    assert_eq!(money(0, Measure::Revenue, 0), Money::cents(35_000));
    assert_eq!(money(0, Measure::Revenue, 2), Money::cents(40_000));
    assert_eq!(money(0, Measure::Revenue, 4), Money::cents(20_000));
    assert_eq!(money(0, Measure::Revenue, 5), Money::ZERO);
    assert_eq!(money(0, Measure::Cogs, 4), Money::cents(8_000));
    assert_eq!(money(0, Measure::Margin, 4), Money::cents(12_000));
    // Inventory value: 60 × 4.00; none once stock is gone; none shown for past weeks.
    assert_eq!(money(0, Measure::InventoryValue, 2), Money::cents(24_000));
    assert_eq!(money(0, Measure::InventoryValue, 4), Money::ZERO);
    assert_eq!(
        wb.sku_value(0, Measure::InventoryValue, 1),
        CellValue::Blank
    );
    // PO spend lands in the week the goods arrive: B's 100 units at 3.00 in W52.
    assert_eq!(money(1, Measure::PoSpend, 6), Money::cents(30_000));
    assert_eq!(money(1, Measure::PoSpend, 5), Money::ZERO);
    // The family row sums the SKUs: W48 revenue = A 400.00 + B 0 (no price) = 400.00.
    let candles = wb.family("Candles").unwrap();
    assert_eq!(Amount(candles.revenue[2]), Amount::cents(40_000));
    assert_eq!(Amount(candles.po_spend[6]), Amount::cents(30_000));
}

#[test]
fn suggested_order_in_time() {
    let wb = scenario();
    let s = wb.derived(0).suggestion.clone().unwrap();
    // Need W50; shortfall to safety 20 over W50–W53 peaks at 20 − (−140) = 160.
    assert_eq!(s.need_week, 4);
    assert_eq!(s.shortfall, u(160.0));
    assert_eq!(s.qty, u(160.0));
    // Lead time 2: order by W48, the current week: still in time.
    assert_eq!(s.order_by, 2);
    assert!(!s.too_late);
}

#[test]
fn po_arriving_too_late() {
    let wb = scenario();
    let b = wb.derived(1);
    // 30 − 10 a week: 20, 10, 0, −10; the PO of 100 lands in W52: 80, 70.
    assert_eq!(
        units(&b.projected[2..]),
        [20.0, 10.0, 0.0, -10.0, 80.0, 70.0]
    );
    assert_eq!(b.first_stockout, Some(5));
    assert_eq!(units(&b.unmet[2..]), [0.0, 0.0, 0.0, 10.0, 0.0, 0.0]);
    let s = b.suggestion.clone().unwrap();
    // Short 10 in W51; MOQ 50 → 50; multiple 12 → 60. Lead time 4 → order by W47: past.
    assert_eq!(s.need_week, 5);
    assert_eq!(s.shortfall, u(10.0));
    assert_eq!(s.qty, u(60.0));
    assert_eq!(s.order_by, 1);
    assert!(s.too_late);
    assert_eq!(wb.plan().calendar.label(s.order_by), "2026-W47");
}

#[test]
fn moq_and_multiple_rounding() {
    let wb = scenario();
    let c = wb.derived(2);
    assert_eq!(
        units(&c.projected[2..]),
        [35.0, 20.0, 5.0, -10.0, -25.0, -40.0]
    );
    let s = c.suggestion.clone().unwrap();
    // Below safety 30 from W49: shortfalls 10, 25, 40, 55 → 55; MOQ 100; multiple 24 → 120.
    assert_eq!(s.need_week, 3);
    assert_eq!(s.shortfall, u(55.0));
    assert_eq!(s.qty, u(120.0));
    assert_eq!(s.order_by, 3);
    assert!(!s.too_late);
}

#[test]
fn safety_stock_as_weeks_of_cover() {
    let wb = scenario();
    let d = wb.derived(3);
    // Demand 10, 20, 30, 40, 50, 60 from W48. 1.5 weeks after W48 = 20 + 15 = 35;
    // past W53 the run rate (30+40+50+60)/4 = 45 applies: W52 gets 60 + 22.5, W53 67.5.
    assert_eq!(units(&d.safety[2..]), [35.0, 50.0, 65.0, 80.0, 82.5, 67.5]);
    // Projected 100 − 10 = 90, 70, 40, 0, −50, −110, minus the safety stock above.
    assert_eq!(
        row(&wb, 3, Measure::Gap, 2),
        [55.0, 20.0, -25.0, -80.0, -132.5, -177.5]
    );
}

#[test]
fn family_aggregate_across_a_month_boundary() {
    let wb = scenario();
    let cal = &wb.plan().calendar;
    let months = cal.months();
    assert_eq!(
        months
            .iter()
            .map(|(m, r)| (*m, r.clone()))
            .collect::<Vec<_>>(),
        [((2026, 11), 0..3), ((2026, 12), 3..8)]
    );
    let ranges: Vec<_> = months.into_iter().map(|(_, r)| r).collect();
    let candles = wb.family("Candles").unwrap();
    // November: actuals 35 + 45 + 12 + 8 and W48's forecast 40 + 10 = 150.
    // December: five weeks of 40 + 10 = 250.
    let demand = sop_grid::engine::calc::aggregate::monthly_flow(&candles.demand, &ranges);
    assert_eq!(demand, [150_000, 250_000]);
    // Stock at month end: W48 60 + 20 = 80; W53 −140 + 70 = −70.
    let stock = sop_grid::engine::calc::aggregate::monthly_stock(&candles.projected, &ranges);
    assert_eq!(stock, [80_000, -70_000]);
    // Family cover is recomputed from the family (80 over 50 a week = 1.6),
    // not summed from the SKUs (1.5 + 2.0).
    assert_eq!(candles.cover[2], 1.6);
    assert_eq!(wb.derived(1).cover[2], 2.0);
    // Total = the two families.
    let diffusers = wb.family("Diffusers").unwrap();
    for w in 0..8 {
        assert_eq!(
            wb.total().projected[w],
            candles.projected[w] + diffusers.projected[w]
        );
    }
}

#[test]
fn kpis_sales_vs_forecast_accuracy_turns_and_risk() {
    let wb = scenario();
    let candles = Scope::Family("Candles".to_string());
    // W47: sold 45 + 8 = 53 against 40 + 12 = 52.
    let last = wb.last_week_sales_vs_forecast(&candles).unwrap();
    assert_eq!((last.actual, last.forecast), (53_000, 52_000));
    assert_eq!(last.pct, Some(1.0 / 52.0));
    // WMAPE = (|35−40| + |45−40| + |12−10| + |8−12|) / 100 = 0.16; bias = (5 − 5 − 2 + 4)/100.
    let acc = wb.accuracy_last(&candles, 2);
    assert_eq!(acc.wmape, Some(0.16));
    assert_eq!(acc.bias, Some(0.02));
    // C: COGS over 6 weeks = 50 sold × 2.00 = 100; stock 35+20+5 = 60 × 2.00 = 120 summed.
    // Turns = (100 × 52/6) / (120/6) = 5200/120.
    let turns = wb.inventory_turns(&Scope::Sku(2)).unwrap();
    assert!((turns - 5200.0 / 120.0).abs() < 1e-12, "{turns}");
    // A (below safety in W50 ≤ W48 + 2) and B (W51 ≤ W48 + 4) are at risk; C (W49 > W48 + 0)
    // can still be ordered in time; D (40 < 65 in W50 ≤ W48 + 3) is at risk too.
    assert!(wb.at_risk(0) && wb.at_risk(1) && !wb.at_risk(2) && wb.at_risk(3));
    assert_eq!(wb.skus_at_risk(&Scope::Total), 3);
    assert_eq!(wb.skus_at_risk(&candles), 2);
}

#[test]
fn an_edit_recalculates_and_undo_redo_restore_exactly() {
    let mut wb = scenario();
    let before = wb.derived(0).clone();
    let fam_before = wb.family("Candles").unwrap().clone();
    // Cut W50's forecast from 40 to 10: W50 ends at 20 − 10 = 10, then −30, −70, −110.
    let t = wb
        .set("A", SeriesField::Forecast, "2026-W50", Some(10.0))
        .unwrap();
    assert_eq!(t.skus, [(0, 4)]);
    assert_eq!(
        units(&wb.derived(0).projected[2..]),
        [60.0, 20.0, 10.0, -30.0, -70.0, -110.0]
    );
    assert_eq!(wb.family("Candles").unwrap().projected[4], 10_000);
    // The earlier week's cover looks ahead, so it changes too: 20 covers W50's 10 and 10/40.
    assert_eq!(wb.derived(0).cover[3], 1.25);
    wb.undo().unwrap();
    assert_eq!(*wb.derived(0), before);
    assert_eq!(*wb.family("Candles").unwrap(), fam_before);
    wb.redo().unwrap();
    assert_eq!(wb.derived(0).projected[4], u(10.0));
    assert_eq!(
        wb.undo().unwrap().label,
        "Undo Set forecast of A in 2026-W50"
    );
    assert_eq!(wb.undo().unwrap_err(), PlanError::NothingTo("undo"));
}

#[test]
fn consensus_overrides_forecast_and_clearing_it_falls_back() {
    let mut wb = scenario();
    wb.set("A", SeriesField::Consensus, "2026-W48", Some(0.0))
        .unwrap();
    assert_eq!(wb.derived(0).projected[2], u(100.0));
    wb.set("A", SeriesField::Consensus, "2026-W48", None)
        .unwrap();
    assert_eq!(wb.derived(0).projected[2], u(60.0));
}

#[test]
fn invalid_edits_are_rejected_with_a_message_and_change_nothing() {
    let mut wb = scenario();
    let before = wb.derived(0).clone();
    let err = wb
        .set("ZZZ", SeriesField::Forecast, "2026-W50", Some(1.0))
        .unwrap_err();
    assert_eq!(err.to_string(), "SKU 'ZZZ' is not in the plan");
    let err = wb
        .set("A", SeriesField::Forecast, "2027-W10", Some(1.0))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "week 2027-W10 is outside the plan (2026-W46 to 2026-W53)"
    );
    let err = wb
        .set("A", SeriesField::Forecast, "2026-W50", Some(-5.0))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "forecast of A in 2026-W50: '-5' is negative; quantities must be zero or more"
    );
    let err = wb
        .set(
            "A",
            SeriesField::ConfirmedReceipts,
            "2026-W50",
            Some(f64::NAN),
        )
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("confirmed receipts of A in 2026-W50: 'NaN' is not a number"),
        "{err}"
    );
    let err = wb
        .set("A", SeriesField::Forecast, "2026-W50", Some(1e12))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("'1000000000000' is not a number between"),
        "{err}"
    );
    // A block with one bad value applies nothing.
    let bad_block = sop_grid::engine::Edit::Cells(vec![
        sop_grid::engine::CellEdit {
            sku: 0,
            field: SeriesField::Forecast,
            week: 3,
            value: Some(u(1.0)),
        },
        sop_grid::engine::CellEdit {
            sku: 0,
            field: SeriesField::Forecast,
            week: 4,
            value: Some(Qty(-1)),
        },
    ]);
    assert!(wb.apply("Paste", bad_block).is_err());
    assert_eq!(*wb.derived(0), before);
    assert!(!wb.history().can_undo());
}

#[test]
fn product_edits_are_validated_and_can_move_a_sku_between_families() {
    let mut wb = scenario();
    let mut p = wb.plan().products[2].clone();
    p.unit_price = Money::cents(-1);
    let err = wb
        .apply(
            "Edit C",
            sop_grid::engine::Edit::Product { sku: 2, product: p },
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "unit price of C: '-0.01' must be between 0 and 1,000,000"
    );
    let mut p = wb.plan().products[2].clone();
    p.sku = "A".into();
    let err = wb
        .apply(
            "Edit C",
            sop_grid::engine::Edit::Product { sku: 2, product: p },
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "SKU: 'A' is already used by another product"
    );
    // Move D to a new family: Diffusers keeps only C, "Lamps" holds D.
    let mut p = wb.plan().products[3].clone();
    p.family = "Lamps".into();
    wb.apply(
        "Move D",
        sop_grid::engine::Edit::Product { sku: 3, product: p },
    )
    .unwrap();
    assert_eq!(wb.family("Lamps").unwrap().projected[2], 90_000);
    assert_eq!(wb.family("Diffusers").unwrap().projected[2], 35_000);
    wb.undo().unwrap();
    assert!(wb.family("Lamps").is_none());
    assert_eq!(wb.family("Diffusers").unwrap().projected[2], 125_000);
}

#[test]
fn exceptions_ranked_by_urgency_then_money() {
    let wb = scenario();
    // Horizon W48–W50. A: below safety in W50 within its lead time, 20 units unmet × 10.00.
    // D: below safety in W50 within lead time, nothing unmet yet. C: below safety in W49 but an
    // order placed now (lead time 0) still arrives in time, so it ranks after both.
    // B goes below safety only in W51: outside the horizon.
    use sop_grid::engine::calc::exceptions::ExceptionKind::*;
    let ex = wb.exceptions(3);
    let got: Vec<_> = ex
        .iter()
        .map(|e| {
            (
                wb.plan().products[e.sku].sku.as_str(),
                e.kind.clone(),
                e.week,
                e.within_lead_time,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("A", Stockout, 4, true),
            ("D", BelowSafety, 4, true),
            ("C", BelowSafety, 3, false)
        ]
    );
    assert_eq!(ex[0].unmet, u(20.0));
    assert_eq!(ex[0].money, Amount::cents(20_000));
    assert_eq!(ex[0].suggestion.as_ref().map(|s| s.qty), Some(u(160.0)));
}

#[test]
fn monthly_values_sum_flows_and_take_stocks_at_month_end() {
    use sop_grid::engine::calc::kpi::Scope;
    let wb = scenario();
    let (nov, dec) = (0..3, 3..8);
    let candles = Scope::Family("Candles".to_string());
    // Demand: November = actuals 35 + 45 + 12 + 8 and W48's forecast 40 + 10; December 5 × 50.
    assert_eq!(
        wb.span_value(&candles, Measure::Demand, nov.clone()),
        CellValue::Units(u(150.0))
    );
    assert_eq!(
        wb.span_value(&candles, Measure::Demand, dec.clone()),
        CellValue::Units(u(250.0))
    );
    // Projected on hand at month end: W48 60 + 20; W53 −140 + 70.
    assert_eq!(
        wb.span_value(&candles, Measure::Projected, nov.clone()),
        CellValue::Units(u(80.0))
    );
    assert_eq!(
        wb.span_value(&candles, Measure::Projected, dec.clone()),
        CellValue::Units(u(-70.0))
    );
    // A's actual sales: November has two past weeks (80); December none yet (blank).
    assert_eq!(
        wb.span_value(&Scope::Sku(0), Measure::Actual, nov.clone()),
        CellValue::Units(u(80.0))
    );
    assert_eq!(
        wb.span_value(&Scope::Sku(0), Measure::Actual, dec.clone()),
        CellValue::Blank
    );
    // A's revenue at 10.00: November (35 + 45 + 40) = 1,200.00; December 40 + 20 sold = 600.00.
    assert_eq!(
        wb.span_value(&Scope::Sku(0), Measure::Revenue, nov),
        CellValue::Money(Money::cents(120_000))
    );
    assert_eq!(
        wb.span_value(&Scope::Sku(0), Measure::Revenue, dec.clone()),
        CellValue::Money(Money::cents(60_000))
    );
    // Cover at a month is the cover of its last week, recomputed at the family.
    assert_eq!(
        wb.span_value(&candles, Measure::Cover, dec),
        wb.value(&candles, Measure::Cover, 7)
    );
}
