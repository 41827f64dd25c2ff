//! Demand events (promotions, launches) with hand-worked numbers: the events row, demand and
//! projected stock, switching off, consensus on top, the family split, persistence, merge.

use chrono::NaiveDate;
use sop_grid::engine::collab::merge::three_way;
use sop_grid::engine::model::event::{DemandEvent, Lift};
use sop_grid::engine::{Calendar, CellEdit, Edit, Plan, Product, Qty, SeriesField, Workbook};
use sop_grid::planfile;
use sop_grid::storage::{decode, encode, Stored};

/// Week 0 is 2026-W48 (the current week); 6 weeks ahead. A and B in family Candles with
/// forecasts of 100 and 300 a week and 1,000 on hand each; C in Soaps, 50 a week.
fn plan() -> Plan {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut p = Plan::new(Calendar::around(today, 0, 6).unwrap());
    for (code, family, weekly) in [
        ("A", "Candles", 100),
        ("B", "Candles", 300),
        ("C", "Soaps", 50),
    ] {
        let mut product = Product::new(code, code, family);
        product.on_hand = Qty::units(1000);
        let i = p.add_product(product);
        p.series_mut(i)
            .forecast
            .iter_mut()
            .for_each(|f| *f = Qty::units(weekly));
    }
    p
}

fn event(id: &str, target: &str, first: &str, last: &str, lift: Lift) -> DemandEvent {
    DemandEvent {
        id: id.to_string(),
        name: format!("Promo {id}"),
        target: target.to_string(),
        first: first.to_string(),
        last: last.to_string(),
        lift,
        active: true,
        author: "Ana (Sales)".to_string(),
    }
}

fn units(v: &[i64]) -> Vec<Qty> {
    v.iter().map(|&u| Qty::units(u)).collect()
}

fn lift(wb: &Workbook, sku: usize) -> Vec<Qty> {
    (0..6).map(|w| wb.lift_in(sku, w)).collect()
}

fn projected(wb: &Workbook, sku: usize) -> Vec<Qty> {
    wb.derived(sku).projected.clone()
}

/// The incremental recalculation must equal a fresh one.
fn assert_consistent(wb: &Workbook) {
    let fresh = Workbook::new(wb.plan().clone());
    for i in 0..wb.plan().products.len() {
        assert_eq!(wb.derived(i), fresh.derived(i), "SKU {i}");
    }
    assert_eq!(wb.total(), fresh.total());
}

#[test]
fn a_percent_promotion_lifts_demand_and_lowers_stock_and_can_be_switched_off() {
    let mut wb = Workbook::new(plan());
    let before = projected(&wb, 0);
    // A: +20 % in W49–W50 → +20 units in weeks 1 and 2.
    let e = event(
        "e1",
        "A",
        "2026-W49",
        "2026-W50",
        Lift::Percent(Qty::units(20)),
    );
    wb.apply("Add event", Edit::AddEvent(e.clone())).unwrap();
    assert_eq!(lift(&wb, 0), units(&[0, 20, 20, 0, 0, 0]));
    assert_eq!(wb.demand_plan(0, 1), Qty::units(120));
    // 1,000 on hand, 100 a week: 900, 800 → 900, 780, 660, 560, …
    assert_eq!(before[..4], units(&[900, 800, 700, 600])[..]);
    assert_eq!(projected(&wb, 0)[..4], units(&[900, 780, 660, 560])[..]);
    assert_eq!(lift(&wb, 1), units(&[0; 6])); // B untouched
    assert_consistent(&wb);

    // Switched off: kept in the list, lifts nothing.
    let off = DemandEvent { active: false, ..e };
    wb.apply("Switch off", Edit::UpdateEvent(0, off)).unwrap();
    assert_eq!(wb.plan().events.len(), 1);
    assert_eq!(projected(&wb, 0), before);
    assert_consistent(&wb);
    wb.undo().unwrap();
    assert_eq!(projected(&wb, 0)[1], Qty::units(780));
    wb.undo().unwrap();
    assert!(wb.plan().events.is_empty());
    assert_eq!(projected(&wb, 0), before);
}

#[test]
fn family_units_are_split_by_forecast_and_follow_a_forecast_edit() {
    let mut wb = Workbook::new(plan());
    // +100 a week on Candles in W48: A 100 / 400 → 25, B 300 / 400 → 75.
    let e = event(
        "e2",
        "family:Candles",
        "2026-W48",
        "2026-W48",
        Lift::Units(Qty::units(100)),
    );
    wb.apply("Add event", Edit::AddEvent(e)).unwrap();
    assert_eq!(
        (lift(&wb, 0)[0], lift(&wb, 1)[0]),
        (Qty::units(25), Qty::units(75))
    );
    assert_eq!(lift(&wb, 2), units(&[0; 6])); // Soaps untouched
                                              // The family's events row and demand: +100.
    let candles = wb.family("Candles").unwrap();
    assert_eq!((candles.events[0], candles.demand[0]), (100_000, 500_000));
    // A's forecast doubled to 200 in W48: the split becomes 200 / 500 → 40 and 60.
    let edit = CellEdit {
        sku: 0,
        field: SeriesField::Forecast,
        week: 0,
        value: Some(Qty::units(200)),
    };
    wb.apply("Forecast", Edit::Cells(vec![edit])).unwrap();
    assert_eq!(
        (lift(&wb, 0)[0], lift(&wb, 1)[0]),
        (Qty::units(40), Qty::units(60))
    );
    // B's stock at the end of W48: 1,000 − 300 − 60.
    assert_eq!(projected(&wb, 1)[0], Qty::units(640));
    assert_consistent(&wb);
}

#[test]
fn a_consensus_override_stays_on_top_of_an_event() {
    let mut wb = Workbook::new(plan());
    let e = event(
        "e3",
        "C",
        "2026-W48",
        "2026-W53",
        Lift::Percent(Qty::units(50)),
    );
    wb.apply("Add event", Edit::AddEvent(e)).unwrap();
    let consensus = CellEdit {
        sku: 2,
        field: SeriesField::Consensus,
        week: 1,
        value: Some(Qty::units(60)),
    };
    wb.apply("Override", Edit::Cells(vec![consensus])).unwrap();
    // Week 0: 50 + 25; week 1: the override, 60; the events row still says +25.
    assert_eq!(
        (wb.demand_plan(2, 0), wb.demand_plan(2, 1), wb.lift_in(2, 1)),
        (Qty::units(75), Qty::units(60), Qty::units(25))
    );
    assert_eq!(projected(&wb, 2)[..2], units(&[925, 865])[..]);
    assert_consistent(&wb);
}

#[test]
fn a_cut_never_takes_demand_below_zero_and_bad_events_change_nothing() {
    let mut wb = Workbook::new(plan());
    let cut = event(
        "e4",
        "A",
        "2026-W48",
        "2026-W48",
        Lift::Units(Qty::units(-250)),
    );
    wb.apply("Cut", Edit::AddEvent(cut)).unwrap();
    assert_eq!(lift(&wb, 0)[0], Qty::units(-100));
    assert_eq!(wb.demand_plan(0, 0), Qty::ZERO);
    let saved = wb.plan().clone();
    let bad = [
        (
            event(
                "x",
                "A",
                "2026-W48",
                "2026-W49",
                Lift::Percent(Qty::units(-150)),
            ),
            "−100 %",
        ),
        (
            event(
                "x",
                "NOPE",
                "2026-W48",
                "2026-W49",
                Lift::Percent(Qty::units(10)),
            ),
            "no such SKU or family",
        ),
        (
            event(
                "x",
                "A",
                "2026-W50",
                "2026-W49",
                Lift::Percent(Qty::units(10)),
            ),
            "is before",
        ),
        (
            event(
                "x",
                "A",
                "next week",
                "2026-W49",
                Lift::Percent(Qty::units(10)),
            ),
            "ISO weeks",
        ),
        (
            DemandEvent {
                name: " ".into(),
                ..event(
                    "x",
                    "A",
                    "2026-W48",
                    "2026-W49",
                    Lift::Percent(Qty::units(10)),
                )
            },
            "needs a name",
        ),
        (
            event(
                "e4",
                "A",
                "2026-W48",
                "2026-W49",
                Lift::Percent(Qty::units(10)),
            ),
            "already in the plan",
        ),
    ];
    for (e, says) in bad {
        let err = wb
            .apply("Add event", Edit::AddEvent(e))
            .unwrap_err()
            .to_string();
        assert!(err.contains(says), "{err}");
        assert_eq!(*wb.plan(), saved);
    }
}

#[test]
fn events_travel_in_the_plan_file_and_local_storage() {
    let mut wb = Workbook::new(plan());
    wb.apply(
        "a",
        Edit::AddEvent(event(
            "e5",
            "family:Candles",
            "2026-W49",
            "2026-W51",
            Lift::Units(Qty(12_500)),
        )),
    )
    .unwrap();
    let off = DemandEvent {
        active: false,
        ..event(
            "e6",
            "C",
            "2026-W48",
            "2026-W48",
            Lift::Percent(Qty::units(-30)),
        )
    };
    wb.apply("b", Edit::AddEvent(off)).unwrap();
    let text = planfile::write(wb.plan());
    assert!(
        text.contains(
            "event,e5,Promo e5,family:Candles,2026-W49,2026-W51,units,12.5,yes,Ana (Sales)"
        ),
        "{text}"
    );
    assert!(text.contains("event,e6,Promo e6,C,2026-W48,2026-W48,percent,-30,no,Ana (Sales)"));
    assert_eq!(planfile::read(&text).unwrap(), *wb.plan());
    let stored = Stored {
        plan: wb.plan().clone(),
        snapshots: Vec::new(),
    };
    assert_eq!(decode(&encode(&stored)).unwrap().plan, *wb.plan());
    // A row with weeks that are not ISO weeks says where and what.
    let bad = text.replace("2026-W49,2026-W51", "2026-W49,2026-W5x");
    let err = planfile::read(&bad).unwrap_err().to_string();
    assert!(
        err.contains("write ISO weeks like 2026-W49") && err.contains("line"),
        "{err}"
    );
    // An event on a family the file holds no SKU of (its SKUs were moved to another family)
    // is read as it is and lifts nothing: the plan is not refused for it.
    let moved = planfile::read(&text.replace("family:Candles", "family:Lamps")).unwrap();
    assert_eq!(moved.events[0].target, "family:Lamps");
    let n = moved.calendar.len();
    let moved = Workbook::new(moved);
    assert!(
        (0..moved.plan().series.len()).all(|i| (0..n).all(|w| moved.lift_in(i, w) == Qty::ZERO))
    );
}

#[test]
fn merged_events_take_each_side_s_change() {
    let mut base = plan();
    base.events.push(event(
        "e7",
        "A",
        "2026-W48",
        "2026-W49",
        Lift::Percent(Qty::units(10)),
    ));
    base.events.push(event(
        "e8",
        "B",
        "2026-W48",
        "2026-W49",
        Lift::Percent(Qty::units(10)),
    ));
    // Ours switches e7 off; theirs removes e8 and adds e9.
    let mut ours = base.clone();
    ours.events[0].active = false;
    let mut theirs = base.clone();
    theirs.events.remove(1);
    theirs.events.push(event(
        "e9",
        "C",
        "2026-W50",
        "2026-W50",
        Lift::Units(Qty::units(5)),
    ));
    let merged = three_way(&base, &ours, &theirs, "Kim (CEO)", "Ana (Sales)").plan_ours_default;
    let got: Vec<(&str, bool)> = merged
        .events
        .iter()
        .map(|e| (e.id.as_str(), e.active))
        .collect();
    assert_eq!(got, [("e7", false), ("e9", true)]);
    // The same the other way round.
    let other = three_way(&base, &theirs, &ours, "Ana (Sales)", "Kim (CEO)").plan_ours_default;
    let mut a: Vec<_> = merged.events.clone();
    let mut b: Vec<_> = other.events.clone();
    a.sort_by(|x, y| x.id.cmp(&y.id));
    b.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(a, b);
    // C's lift of 5 in W50 is there after the merge.
    assert_eq!(Workbook::new(merged).lift_in(2, 2), Qty::units(5));
}

/// Issue 11, item 11: an event both copies changed differently, or one changed and the other
/// removed, is put to the planner like any other value, never settled silently.
#[test]
fn an_event_changed_differently_in_both_copies_is_a_conflict() {
    let mut base = plan();
    for id in ["e7", "e8"] {
        base.events.push(event(
            id,
            "A",
            "2026-W48",
            "2026-W49",
            Lift::Percent(Qty::units(10)),
        ));
    }
    // e7: ours makes it +30 %, theirs switches it off. e8: ours moves it a week, theirs removes it.
    let mut ours = base.clone();
    ours.events[0].lift = Lift::Percent(Qty::units(30));
    ours.events[1].first = "2026-W49".to_string();
    ours.events[1].last = "2026-W50".to_string();
    let mut theirs = base.clone();
    theirs.events[0].active = false;
    theirs.events.remove(1);
    let merge = three_way(&base, &ours, &theirs, "Kim (CEO)", "Ana (Sales)");
    let seen: Vec<(&str, &str, &str, &str, &str)> = merge
        .conflicts
        .iter()
        .map(|c| {
            (
                c.sku.as_str(),
                c.what.as_str(),
                c.base_shown.as_str(),
                c.ours_shown.as_str(),
                c.theirs_shown.as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "A",
                "event “Promo e7”",
                "Promo e7: +10 % on A, 2026-W48–2026-W49",
                "Promo e7: +30 % on A, 2026-W48–2026-W49",
                "Promo e7: +10 % on A, 2026-W48–2026-W49, switched off",
            ),
            (
                "A",
                "event “Promo e8”",
                "Promo e8: +10 % on A, 2026-W48–2026-W49",
                "Promo e8: +10 % on A, 2026-W49–2026-W50",
                "(no such event)",
            ),
        ]
    );
    assert!(merge
        .report
        .iter()
        .any(|l| l == "2 value(s) were changed differently in both copies: pick one for each."));
    // Until picked, ours stands; picking theirs takes their version, removal included.
    let kept = |p: &Plan| -> Vec<(String, bool, String)> {
        p.events
            .iter()
            .map(|e| (e.id.clone(), e.active, format!("{:?}", e.lift)))
            .collect()
    };
    assert_eq!(
        kept(&merge.plan_ours_default),
        [
            (
                "e7".to_string(),
                true,
                format!("{:?}", Lift::Percent(Qty::units(30)))
            ),
            (
                "e8".to_string(),
                true,
                format!("{:?}", Lift::Percent(Qty::units(10)))
            ),
        ]
    );
    use sop_grid::engine::collab::conflict::Side;
    let theirs_picked = merge.resolve(&[Side::Theirs, Side::Theirs]);
    assert_eq!(
        kept(&theirs_picked),
        [(
            "e7".to_string(),
            false,
            format!("{:?}", Lift::Percent(Qty::units(10)))
        )]
    );
    // Ours: A (100 a week) +30 % in W48 (index 0) = 30, e8 moved out of W48; theirs: nothing.
    // The merged plan's lifts follow the pick.
    assert_eq!(
        Workbook::new(merge.plan_ours_default.clone()).lift_in(0, 0),
        Qty::units(30)
    );
    assert_eq!(Workbook::new(theirs_picked).lift_in(0, 0), Qty::ZERO);
}

#[test]
fn lifts_are_whole_units_and_a_family_split_adds_up() {
    let mut wb = Workbook::new(plan());
    // C: 33 % of 50 = 16.5 → 17 (half away from zero); −33 % → −17.
    let up = event(
        "u",
        "C",
        "2026-W48",
        "2026-W48",
        Lift::Percent(Qty::units(33)),
    );
    let down = event(
        "d",
        "C",
        "2026-W49",
        "2026-W49",
        Lift::Percent(Qty::units(-33)),
    );
    wb.apply("up", Edit::AddEvent(up)).unwrap();
    wb.apply("down", Edit::AddEvent(down)).unwrap();
    assert_eq!(lift(&wb, 2)[..2], units(&[17, -17])[..]);
    // 10 a week over Candles (A 100, B 300): 2.5 → 3 for A, and B takes the rest, 7.
    let split = event(
        "s",
        "family:Candles",
        "2026-W50",
        "2026-W50",
        Lift::Units(Qty::units(10)),
    );
    wb.apply("split", Edit::AddEvent(split)).unwrap();
    assert_eq!(
        (lift(&wb, 0)[2], lift(&wb, 1)[2]),
        (Qty::units(3), Qty::units(7))
    );
    assert_consistent(&wb);
}
