//! Forecast accuracy by lag from check-in snapshots, with hand-worked numbers.
//!
//! Check-ins in W43–W48 of 2026, each holding a flat forecast for A (Candles) and B (Soaps):
//!
//! | check-in | W43 | W44 | W45 | W46 | W47 | W48 |
//! | A        | 90  | 100 | 110 | 100 | 60  | 70  |
//! | B        | 20  | 25  | 30* | 35  | 40  | 45  |
//!
//! (*) W45's check-in set B's consensus for W46 to 28: that is its demand there.
//! The live plan's current week is W49; actuals:
//!
//! | week | W44 | W45 | W46 | W47 | W48 |
//! | A    | 90  | 100 | 80  | 120 | 50  |
//! | B    | 20  | 30  | 30  | 30  | 30  |

use chrono::{Duration, NaiveDate};
use sop_grid::engine::forecast::lag::accuracy;
use sop_grid::engine::model::checkin::Snapshot;
use sop_grid::engine::{Calendar, Plan, Product, Qty};

/// Monday of 2026-W`week`.
fn monday(week: u32) -> NaiveDate {
    NaiveDate::from_isoywd_opt(2026, week, chrono::Weekday::Mon).unwrap()
}

fn products() -> [Product; 2] {
    [
        Product::new("A", "a", "Candles"),
        Product::new("B", "b", "Soaps"),
    ]
}

fn check_in(week: u32, a: i64, b: i64) -> Snapshot {
    let mut plan = Plan::new(Calendar::around(monday(week), 2, 8).unwrap());
    for p in products() {
        plan.add_product(p);
    }
    for w in 0..10 {
        plan.series_mut(0).forecast[w] = Qty::units(a);
        plan.series_mut(1).forecast[w] = Qty::units(b);
    }
    Snapshot {
        id: format!("W{week}"),
        taken: (monday(week) + Duration::days(1)).to_string(),
        author: "Ana (Sales)".to_string(),
        plan,
    }
}

fn snapshots() -> Vec<Snapshot> {
    let mut w45 = check_in(45, 110, 30);
    w45.plan.series_mut(1).consensus[3] = Some(Qty::units(28)); // W46
    let mut w44 = check_in(44, 100, 25);
    w44.plan
        .add_product(Product::new("GONE", "no longer sold", "Candles"));
    w44.plan.series_mut(2).forecast[3] = Qty::units(500);
    vec![
        check_in(43, 90, 20),
        check_in(44, 999, 999), // replaced by the later check-in the same week
        w44,
        w45,
        check_in(46, 100, 35),
        check_in(47, 60, 40),
        check_in(48, 70, 45),
    ]
}

/// Current week W49, history W41–W48.
fn live() -> Plan {
    let mut plan = Plan::new(Calendar::around(monday(49), 8, 4).unwrap());
    for p in products() {
        plan.add_product(p);
    }
    let actuals = [(90, 20), (100, 30), (80, 30), (120, 30), (50, 30)];
    for (k, (a, b)) in actuals.into_iter().enumerate() {
        plan.series_mut(0).actual[3 + k] = Qty::units(a); // W44 is index 3
        plan.series_mut(1).actual[3 + k] = Qty::units(b);
    }
    plan
}

fn close(x: f64, y: f64) -> bool {
    (x - y).abs() < 1e-12
}

#[test]
fn lag_one_scores_each_check_in_against_the_next_week() {
    // W43→W44: A 90/90, B 20/20: no error.
    // W44→W45: A 100/100; B 25 vs 30 (|5|, −5).   W45→W46: A 110 vs 80 (30, +30); B 28 vs 30 (2, −2).
    // W46→W47: A 100 vs 120 (20, −20); B 35 vs 30 (5, +5).   W47→W48: A 60 vs 50 (10, +10); B 40 vs 30 (10, +10).
    // W48→W49: not past yet. Σ|A−F| = 82, Σ(F−A) = 28, ΣA = 110 + 130 + 110 + 150 + 80 = 580.
    let acc = accuracy(&snapshots(), &live(), 1, |_| true).unwrap();
    assert!(close(acc.wmape, 82.0 / 580.0), "{acc:?}");
    assert!(close(acc.bias, 28.0 / 580.0), "{acc:?}");
    assert_eq!((acc.weeks_scored, acc.skus), (5, 2));

    // Candles only: Σ|A−F| = 0 + 0 + 30 + 20 + 10 = 60, Σ(F−A) = 20, ΣA = 440.
    let candles = accuracy(&snapshots(), &live(), 1, |p| p.family == "Candles").unwrap();
    assert!(close(candles.wmape, 60.0 / 440.0), "{candles:?}");
    assert!(close(candles.bias, 20.0 / 440.0), "{candles:?}");
    assert_eq!((candles.weeks_scored, candles.skus), (5, 1));
}

#[test]
fn lag_four_scores_what_was_planned_a_month_ahead() {
    // W43→W47: A 90 vs 120 (30, −30); B 20 vs 30 (10, −10).
    // W44→W48: A 100 vs 50 (50, +50); B 25 vs 30 (5, −5). Later check-ins: not past yet.
    // Σ|A−F| = 95, Σ(F−A) = 5, ΣA = 230.
    let acc = accuracy(&snapshots(), &live(), 4, |_| true).unwrap();
    assert!(close(acc.wmape, 95.0 / 230.0), "{acc:?}");
    assert!(close(acc.bias, 5.0 / 230.0), "{acc:?}");
    assert_eq!((acc.weeks_scored, acc.skus), (2, 2));
}

#[test]
fn nothing_to_score_is_none() {
    assert_eq!(accuracy(&snapshots(), &live(), 6, |_| true), None);
    assert_eq!(accuracy(&snapshots(), &live(), 1, |_| false), None);
    assert_eq!(accuracy(&[], &live(), 1, |_| true), None);
    let mut unsold = live();
    unsold.series_mut(0).actual.fill(Qty::ZERO);
    unsold.series_mut(1).actual.fill(Qty::ZERO);
    assert_eq!(accuracy(&snapshots(), &unsold, 1, |_| true), None);
    let empty = Plan::new(Calendar::around(monday(49), 0, 1).unwrap());
    assert_eq!(accuracy(&snapshots(), &empty, 1, |_| true), None);
}
