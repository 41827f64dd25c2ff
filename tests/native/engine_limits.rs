//! Limits that say so (issue 11, item 10): the largest quantities and prices a plan accepts
//! give exact money, totals and KPIs; one more is refused with a message naming the value;
//! a plan holds at most 20,000 SKUs. Worked by hand:
//!
//! - 100,000,000 units × 1,000,000.00 = 10^14 currency units = 10^16 cents a SKU-week;
//!   as an `Amount` (thousandths of a cent) that is 10^19, past an i64 (9.22 × 10^18).
//! - 1,000 such SKUs hold 10^17 currency units of stock = 10^19 cents, past an i64 of cents.
//! - 20,000 (the cap) hold 2 × 10^18 = 2 × 10^20 cents.

use chrono::NaiveDate;
use sop_grid::engine::calc::kpi::Scope;
use sop_grid::engine::edit::validate::check_plan;
use sop_grid::engine::model::qty::{MAX_PRICE_CENTS, MAX_SKUS};
use sop_grid::engine::{
    Calendar, CellEdit, CellValue, Edit, Measure, Money, Plan, PlanError, Product, Qty,
    SeriesField, Workbook,
};

/// 100,000,000 units, the most a cell holds, in thousandths.
const MAX_QTY: Qty = Qty(100_000_000_000);

/// History W46–W47, current week W48 (index 2), horizon W48–W53.
fn calendar() -> Calendar {
    Calendar::around(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), 2, 6).unwrap()
}

/// A SKU at every cap: 100,000,000 on hand, cost and price 1,000,000.00, and 100,000,000
/// units sold in the first past week.
fn at_the_caps(plan: &mut Plan, sku: &str) {
    let mut p = Product::new(sku, sku, "Max");
    p.on_hand = MAX_QTY;
    p.unit_cost = Money(MAX_PRICE_CENTS.into());
    p.unit_price = Money(MAX_PRICE_CENTS.into());
    let i = plan.add_product(p);
    plan.series_mut(i).actual[0] = MAX_QTY;
}

fn plan_of(skus: usize) -> Plan {
    let mut plan = Plan::new(calendar());
    for i in 0..skus {
        at_the_caps(&mut plan, &format!("MAX-{i:05}"));
    }
    plan
}

fn money(v: CellValue) -> Money {
    match v {
        CellValue::Money(m) => m,
        other => panic!("{other:?} is not money"),
    }
}

/// 10^14 currency units in cents.
const E14: i128 = 10_000_000_000_000_000;

#[test]
fn the_largest_values_accepted_give_exact_money() {
    let wb = Workbook::new(plan_of(1));
    // Past week: 10^8 sold × 10^6 = 10^14 revenue and COGS, margin 0.
    assert_eq!(money(wb.sku_value(0, Measure::Revenue, 0)), Money(E14));
    assert_eq!(money(wb.sku_value(0, Measure::Cogs, 0)), Money(E14));
    assert_eq!(money(wb.sku_value(0, Measure::Margin, 0)), Money(0));
    // No demand ahead: 10^8 on hand every week, worth 10^14 at cost.
    for w in 2..8 {
        assert_eq!(
            money(wb.sku_value(0, Measure::InventoryValue, w)),
            Money(E14)
        );
        assert_eq!(
            money(wb.value(&Scope::Total, Measure::InventoryValue, w)),
            Money(E14)
        );
    }
    let o = wb.outcome(6);
    assert_eq!(o.inventory_value.to_money(), Money(E14));
    assert_eq!(o.lost_revenue.to_money(), Money(0));
}

#[test]
fn a_thousand_skus_at_the_caps_pass_an_i64_of_cents_and_stay_exact() {
    let wb = Workbook::new(plan_of(1_000));
    let total = 1_000 * E14; // 10^19 cents > i64::MAX
    assert!(total > i128::from(i64::MAX));
    assert_eq!(
        money(wb.value(&Scope::Total, Measure::InventoryValue, 2)),
        Money(total)
    );
    assert_eq!(
        money(wb.value(&Scope::Family("Max".into()), Measure::Revenue, 0)),
        Money(total)
    );
    // The two past weeks summed (a month-like span): only week 0 sold.
    assert_eq!(
        money(wb.span_value(&Scope::Total, Measure::Revenue, 0..2)),
        Money(total)
    );
    assert_eq!(wb.outcome(6).inventory_value.to_money(), Money(total));
    // Turns: no COGS ahead (no demand), stock held: zero turns, not garbage.
    assert_eq!(wb.inventory_turns(&Scope::Total), Some(0.0));
}

#[test]
fn the_sku_cap_holds_20_000_at_the_caps_exactly_and_refuses_one_more() {
    let mut wb = Workbook::new(plan_of(MAX_SKUS));
    assert_eq!(
        money(wb.value(&Scope::Total, Measure::InventoryValue, 2)),
        Money(20_000 * E14)
    );
    let before = wb.revision();
    let err = wb
        .apply(
            "Add",
            Edit::AddProduct(Product::new("ONE-MORE", "x", "Max")),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "SKU: 'ONE-MORE' cannot be added: the plan already holds 20,000 SKUs, the most a plan \
         holds"
    );
    assert_eq!(wb.plan().products.len(), MAX_SKUS);
    assert_eq!(wb.revision(), before);

    let mut over = plan_of(0);
    for i in 0..=MAX_SKUS {
        over.add_product(Product::new(&format!("S{i}"), "s", "F"));
    }
    assert_eq!(
        check_plan(&over).unwrap_err().to_string(),
        "SKUs in the plan: '20001' is more than 20,000, the most a plan holds"
    );
}

#[test]
fn one_more_than_the_largest_is_refused_naming_the_value() {
    let mut wb = Workbook::new(plan_of(1));
    let before = wb.revision();
    let cell = |q: Qty| {
        Edit::Cells(vec![CellEdit {
            sku: 0,
            field: SeriesField::Forecast,
            week: 3,
            value: Some(q),
        }])
    };
    assert!(wb.apply("max", cell(MAX_QTY)).is_ok());
    let err = wb.apply("over", cell(Qty(MAX_QTY.0 + 1))).unwrap_err();
    assert_eq!(
        err.to_string(),
        "forecast of MAX-00000 in 2026-W49: '100000000.001' is too large (at most 100,000,000 \
         units)"
    );
    let mut p = wb.plan().products[0].clone();
    p.unit_price = Money(i128::from(MAX_PRICE_CENTS) + 1);
    let err = wb
        .apply("price", Edit::Product { sku: 0, product: p })
        .unwrap_err();
    assert_eq!(
        err,
        PlanError::BadValue {
            what: "unit price of MAX-00000".into(),
            value: "1000000.01".into(),
            reason: "must be between 0 and 1,000,000".into(),
        }
    );
    assert_eq!(wb.revision(), before + 1, "only the accepted edit counted");
}

#[test]
fn events_together_lift_a_week_by_at_most_a_billion_units() {
    use sop_grid::engine::model::event::{DemandEvent, Lift, MAX_LIFT};
    let mut wb = Workbook::new(plan_of(1));
    let mut forecast = |q| {
        wb.apply(
            "f",
            Edit::Cells(vec![CellEdit {
                sku: 0,
                field: SeriesField::Forecast,
                week: 3,
                value: Some(q),
            }]),
        )
        .unwrap();
    };
    forecast(MAX_QTY);
    for id in ["a", "b"] {
        let e = DemandEvent {
            id: id.into(),
            name: format!("Promo {id}"),
            target: "MAX-00000".into(),
            first: "2026-W49".into(),
            last: "2026-W49".into(),
            lift: Lift::Percent(Qty::units(1_000)),
            active: true,
            author: String::new(),
        };
        wb.apply("event", Edit::AddEvent(e)).unwrap();
    }
    // Two +1,000 % events on 100,000,000 would add 2,000,000,000; the cap keeps 1,000,000,000.
    assert_eq!(MAX_LIFT, Qty(1_000_000_000_000));
    assert_eq!(
        wb.sku_value(0, Measure::Events, 3),
        CellValue::Units(MAX_LIFT)
    );
    assert_eq!(
        wb.sku_value(0, Measure::Demand, 3),
        CellValue::Units(Qty(1_100_000_000_000))
    );
}
