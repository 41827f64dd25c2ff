//! The demo plan tells the story the README promises: a healthy brand with a few stockouts
//! (one whose PO lands too late), some excess, a launch and a promotion.

use chrono::NaiveDate;
use sop_grid::demo::{demo_plan, DEMO_HISTORY, DEMO_HORIZON};
use sop_grid::engine::calc::kpi::Scope;
use sop_grid::engine::Workbook;

fn demo() -> Workbook {
    Workbook::new(demo_plan(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()))
}

fn sku(wb: &Workbook, code: &str) -> usize {
    wb.plan().sku_index(code).unwrap()
}

#[test]
fn shape_of_the_demo_plan() {
    let wb = demo();
    let plan = wb.plan();
    assert_eq!(plan.products.len(), 40);
    assert_eq!(
        wb.families().keys().collect::<Vec<_>>(),
        ["Candles", "Diffusers", "Gift sets"]
    );
    assert_eq!(plan.calendar.len(), DEMO_HISTORY + DEMO_HORIZON);
    assert_eq!(
        plan.calendar.label(plan.calendar.current() as isize),
        "2026-W48"
    );
    // Same date, same plan.
    assert_eq!(
        *plan,
        demo_plan(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())
    );
}

#[test]
fn a_few_stockouts_in_the_next_13_weeks_and_one_po_too_late() {
    let wb = demo();
    let c = wb.plan().calendar.current();
    let mut out: Vec<&str> = (0..40)
        .filter(|&i| wb.derived(i).first_stockout.is_some_and(|w| w < c + 13))
        .map(|i| wb.plan().products[i].sku.as_str())
        .collect();
    out.sort();
    assert_eq!(out, ["CND-103", "CND-108", "DIF-106", "GFT-102"]);
    // CND-108 runs out before its PO in week 6 lands: ordering now is too late.
    let s = wb.derived(sku(&wb, "CND-108")).suggestion.clone().unwrap();
    assert!(s.too_late);
    assert!(wb.plan().series[sku(&wb, "CND-108")].confirmed_receipts[c + 6].0 > 0);
    assert!(
        wb.skus_at_risk(&Scope::Total) <= 6,
        "{}",
        wb.skus_at_risk(&Scope::Total)
    );
}

#[test]
fn excess_launch_and_promotion() {
    let wb = demo();
    let c = wb.plan().calendar.current();
    for code in ["CND-112", "DIF-110"] {
        assert!(
            wb.derived(sku(&wb, code)).cover[c] > 20.0,
            "{code} should hold excess stock"
        );
    }
    // CND-116 launched eight weeks ago: no sales before, sales since.
    let launch = &wb.plan().series[sku(&wb, "CND-116")].actual;
    assert!(launch[..c - 8].iter().all(|q| q.0 == 0));
    assert!(launch[c - 8..c].iter().all(|q| q.0 > 0));
    // DIF-101's promotion ten weeks ago sold well above the weeks around it.
    let promo = &wb.plan().series[sku(&wb, "DIF-101")].actual;
    assert!(promo[c - 10].0 > 2 * promo[c - 11].0.max(promo[c - 9].0));
}

#[test]
fn exceptions_put_stockouts_first_and_excess_last() {
    use sop_grid::engine::calc::exceptions::ExceptionKind::{Excess, Stockout};
    let wb = demo();
    let ex = wb.exceptions(13);
    let code = |i: usize| wb.plan().products[ex[i].sku].sku.as_str();
    assert!(ex[0].within_lead_time && ex[0].kind == Stockout);
    // Every excess entry comes after every shortage.
    let first_excess = ex.iter().position(|e| e.kind == Excess).unwrap();
    assert!(ex[first_excess..].iter().all(|e| e.kind == Excess));
    let excess: Vec<&str> = (first_excess..ex.len()).map(code).collect();
    assert!(
        excess.contains(&"CND-112") && excess.contains(&"DIF-110"),
        "{excess:?}"
    );
    let shortages: Vec<&str> = (0..first_excess).map(code).collect();
    for c in ["CND-103", "CND-108", "DIF-106", "GFT-102"] {
        assert!(shortages.contains(&c), "{c} missing from {shortages:?}");
    }
}
