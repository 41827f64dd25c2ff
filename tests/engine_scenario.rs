//! Scenarios compared with the plan, on a plan small enough to work out by hand
//! (tests/fixtures/plans/scenario_plan.csv; the e2e test opens the same file):
//!
//! A-1 (Candles): 100 on hand, 40 a week from W48 to W51, 60 arriving in W49, cost 10, price 25.
//!   Stock: 60, 80, 40, 0 → value 600, 800, 400, 0 → average 450. PO spend 60 × 10 = 600.
//! B-1 (Soaps): 12 on hand, 5 a week, cost 4, price 6.
//!   Stock: 7, 2, −3, −8 → unserved 3 (W50) and 5 (W51) → 8 × 6 = 48 lost; value 28, 8 → 9.
//! The plan: 1 SKU out of stock (2 SKU-weeks), 48 lost, 459 average stock value, 600 PO spend.

use sop_grid::engine::outcome::Outcome;
use sop_grid::engine::qty::Amount;
use sop_grid::engine::scenario::{QuickChange, Scenario};
use sop_grid::engine::{Edit, Workbook};
use sop_grid::planfile;

fn plan_wb() -> Workbook {
    let text = std::fs::read_to_string("tests/fixtures/plans/scenario_plan.csv").unwrap();
    Workbook::new(planfile::read(&text).unwrap())
}

fn money(units: i64) -> Amount {
    Amount::cents(units * 100)
}

fn outcome(skus: usize, weeks: usize, lost: i64, value: i64, po: i64) -> Outcome {
    Outcome {
        stockout_skus: skus,
        stockout_weeks: weeks,
        lost_revenue: money(lost),
        inventory_value: money(value),
        po_spend: money(po),
    }
}

fn scenario(wb: &Workbook, name: &str, change: QuickChange) -> Scenario {
    let mut s = Scenario::copy_of(wb.plan(), name, "Kim (CEO)", "2026-11-23", &[]).unwrap();
    let (edit, _) = change.edits(s.workbook.plan()).unwrap();
    s.workbook.apply(name, edit).unwrap();
    s
}

#[test]
fn the_plan_outcome_by_hand() {
    assert_eq!(plan_wb().outcome(4), outcome(1, 2, 48, 459, 600));
}

#[test]
fn supplier_two_weeks_late() {
    let wb = plan_wb();
    let late = QuickChange::ReceiptsLate {
        target: "A-1".into(),
        weeks: 2,
    };
    let s = scenario(&wb, "Supplier 2 weeks late", late);
    // A-1's 60 arrive in W51: stock 60, 20, −20, 0 → 20 unserved in W50 (500 lost); value
    // 600, 200 → average 200. Spend unchanged (still inside the window).
    assert_eq!(s.workbook.outcome(4), outcome(2, 3, 548, 209, 600));
    // The plan itself is untouched.
    assert_eq!(wb.outcome(4), outcome(1, 2, 48, 459, 600));
}

#[test]
fn demand_up_20_percent_on_a_family() {
    let wb = plan_wb();
    let up = QuickChange::Demand {
        target: "family:Candles".into(),
        first: "2026-W48".into(),
        last: "2026-W51".into(),
        percent: 20.0,
    };
    let s = scenario(&wb, "Demand +20% on Candles", up);
    // A-1 sells 48 a week: stock 52, 64, 16, −32 → 32 × 25 = 800 lost; value 520, 640, 160
    // → average 330. B-1 (Soaps) is not touched.
    assert_eq!(s.workbook.outcome(4), outcome(2, 3, 848, 339, 600));
}

#[test]
fn receipts_pushed_past_the_end_are_said_and_promoting_is_one_undoable_change() {
    let mut wb = plan_wb();
    let (edit, said) = QuickChange::ReceiptsLate {
        target: "family:Candles".into(),
        weeks: 3,
    }
    .edits(wb.plan())
    .unwrap();
    assert!(
        said.contains("60 units now arrive after the plan's last week"),
        "{said}"
    );
    let mut s = Scenario::copy_of(wb.plan(), "Late", "Kim (CEO)", "2026-11-23", &[]).unwrap();
    s.workbook.apply("Late", edit).unwrap();
    // No receipt at all: A-1 runs out in W50 (stock 60, 20, −20, −60): 60 unserved.
    assert_eq!(s.workbook.outcome(4), outcome(2, 4, 48 + 60 * 25, 209, 0));
    let before = wb.plan().clone();
    let promoted = s.promoted(wb.plan());
    wb.apply(
        "Promote scenario Late",
        Edit::ReplacePlan(Box::new(promoted)),
    )
    .unwrap();
    assert_eq!(wb.outcome(4), s.workbook.outcome(4));
    assert_eq!(wb.plan().meta, before.meta);
    wb.undo().unwrap();
    assert_eq!(*wb.plan(), before);
}

#[test]
fn bad_scenarios_say_what_is_wrong() {
    let wb = plan_wb();
    let copy = |name: &str| Scenario::copy_of(wb.plan(), name, "", "", &["Late"]).err();
    assert!(copy(" ").unwrap().contains("needs a name"));
    assert!(copy("late")
        .unwrap()
        .contains("already a scenario called 'late'"));
    let demand = |target: &str, first: &str, last: &str, percent: f64| {
        QuickChange::Demand {
            target: target.into(),
            first: first.into(),
            last: last.into(),
            percent,
        }
        .edits(wb.plan())
        .err()
        .unwrap_or_default()
    };
    assert!(demand("family:Lamps", "2026-W48", "2026-W49", 10.0)
        .contains("'family:Lamps': no such SKU or family"));
    assert!(demand("A-1", "2026-W48", "2026-W49", f64::NAN).contains("between −100 % and +1,000 %"));
    assert!(demand("A-1", "2026-W48", "2026-W49", -101.0).contains("between"));
    assert!(demand("A-1", "2026-W60", "2026-W49", 10.0).starts_with("From:"));
    assert!(demand("A-1", "2026-W50", "2026-W49", 10.0).contains("is before"));
    let late = |weeks| {
        QuickChange::ReceiptsLate {
            target: "A-1".into(),
            weeks,
        }
        .edits(wb.plan())
        .err()
    };
    assert!(late(0).unwrap().contains("from 1 to 52"));
}

#[test]
fn scenarios_are_kept_in_their_own_storage_text_and_damage_is_named() {
    use sop_grid::storage::scenarios::{decode_scenarios, encode_scenarios, SavedScenario};
    let wb = plan_wb();
    let late = scenario(
        &wb,
        "Late",
        QuickChange::ReceiptsLate {
            target: "A-1".into(),
            weeks: 2,
        },
    );
    let saved = vec![SavedScenario {
        name: "Late".into(),
        author: "Kim (CEO)".into(),
        made: "2026-11-23".into(),
        plan: late.workbook.plan().clone(),
    }];
    let text = encode_scenarios(&saved);
    assert_eq!(decode_scenarios(&text).unwrap(), saved);
    let err = decode_scenarios(&text.replacen("AAA", "AAB", 1))
        .unwrap_err()
        .to_string();
    assert!(err.contains("scenario 'Late'"), "{err}");
    assert!(decode_scenarios("{")
        .unwrap_err()
        .to_string()
        .contains("not valid JSON"));
}
