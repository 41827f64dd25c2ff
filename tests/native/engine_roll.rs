//! The weekly roll, with exact calendars and values.

use chrono::NaiveDate;
use sop_grid::engine::collab::roll::roll_to;
use sop_grid::engine::model::calendar::MAX_HISTORY;
use sop_grid::engine::{Calendar, Plan, Product, Qty, SeriesField, Slot};
use std::sync::Arc;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn units(row: &[Qty]) -> Vec<i64> {
    row.iter().map(|q| q.0 / 1000).collect()
}

/// History W46–W47, current W48 (Mon 23 Nov 2026), to W51; forecast 10, 20, … 60.
fn saved_last_week() -> Plan {
    let mut plan = Plan::new(Calendar::around(day(2026, 11, 23), 2, 4).unwrap());
    plan.add_product(Product::new("CND-101", "Fig candle", "Candles"));
    let s = plan.series_mut(0);
    for w in 0..6 {
        s.forecast[w] = Qty::units(10 * (w as i64 + 1));
    }
    s.actual[0] = Qty::units(5);
    s.consensus[2] = Some(Qty::units(33));
    plan.authors.set(
        "CND-101",
        Slot::Cell(SeriesField::Forecast, 3),
        Some(Arc::from("Ana (Sales)")),
    );
    plan
}

#[test]
fn a_week_later_the_past_grows_by_one_and_an_empty_week_joins_the_end() {
    let plan = saved_last_week();
    let rolled = roll_to(&plan, day(2026, 12, 2)); // Wednesday of W49
    let cal = &rolled.calendar;
    assert_eq!((cal.history(), cal.horizon()), (3, 4));
    assert_eq!(cal.label(0), "2026-W46");
    assert_eq!(cal.label(cal.current() as isize), "2026-W49");
    assert_eq!(cal.label(6), "2026-W52");
    let s = &rolled.series[0];
    assert_eq!(units(&s.forecast), [10, 20, 30, 40, 50, 60, 0]);
    assert_eq!(units(&s.actual), [5, 0, 0, 0, 0, 0, 0]);
    assert_eq!(s.consensus[2], Some(Qty::units(33)));
    assert_eq!(s.consensus[6], None);
    assert_eq!(s.confirmed_receipts.len(), 7);
    assert!(rolled
        .authors
        .get("CND-101", Slot::Cell(SeriesField::Forecast, 3))
        .is_some());
    assert_eq!(rolled.products, plan.products);
}

#[test]
fn the_same_week_or_an_earlier_day_changes_nothing() {
    let plan = saved_last_week();
    assert_eq!(roll_to(&plan, day(2026, 11, 29)), plan); // Sunday of W48
    assert_eq!(roll_to(&plan, day(2026, 11, 16)), plan); // W47
}

#[test]
fn a_full_history_drops_its_oldest_weeks() {
    // 155 past weeks, current W48, horizon 2: rolling two weeks would make 157 past weeks.
    let mut plan = Plan::new(Calendar::around(day(2026, 11, 23), 155, 2).unwrap());
    plan.add_product(Product::new("CND-101", "Fig candle", "Candles"));
    let s = plan.series_mut(0);
    s.forecast[0] = Qty::units(7);
    s.forecast[1] = Qty::units(11);
    s.forecast[156] = Qty::units(99); // W49, the last week
    let by = Arc::<str>::from("Ana (Sales)");
    for w in [0, 156] {
        let slot = Slot::Cell(SeriesField::Forecast, w);
        plan.authors.set("CND-101", slot, Some(by.clone()));
    }
    plan.authors.set("CND-101", Slot::Product, Some(by.clone()));

    let rolled = roll_to(&plan, day(2026, 12, 7)); // Monday of W50
    let cal = &rolled.calendar;
    assert_eq!((cal.history(), cal.horizon()), (MAX_HISTORY, 2));
    assert_eq!(cal.monday(0), plan.calendar.monday(1));
    assert_eq!(cal.label(cal.current() as isize), "2026-W50");
    let f = &rolled.series[0].forecast;
    assert_eq!(f.len(), 158);
    assert_eq!(
        (f[0], f[155], f[156], f[157]),
        (Qty::units(11), Qty::units(99), Qty::ZERO, Qty::ZERO)
    );
    let keys: Vec<_> = rolled
        .authors
        .iter()
        .map(|(sku, slot, _)| (sku, slot))
        .collect();
    assert_eq!(
        keys,
        [
            ("CND-101", Slot::Product),
            ("CND-101", Slot::Cell(SeriesField::Forecast, 155))
        ]
    );
}

#[test]
fn a_plan_opened_years_later_keeps_its_shape_and_starts_empty() {
    let plan = saved_last_week();
    let rolled = roll_to(&plan, day(2031, 3, 5));
    let cal = &rolled.calendar;
    assert_eq!((cal.history(), cal.horizon()), (MAX_HISTORY, 4));
    assert_eq!(rolled.series[0].forecast.len(), MAX_HISTORY + 4);
    assert!(rolled.series[0].forecast.iter().all(|q| *q == Qty::ZERO));
    assert!(rolled.authors.is_empty());
    assert_eq!(
        roll_to(&Plan::new(plan.calendar.clone()), day(2027, 1, 4))
            .products
            .len(),
        0
    );
}
