//! Merging two copies of a plan against their shared check-in, with hand-worked values.
//!
//! The check-in: history W46–W47, current W48 (Mon 23 Nov 2026), horizon to W53.
//!
//! | idx | 0   | 1   | 2   | 3   | 4   | 5   | 6   | 7   |
//! | wk  | W46 | W47 | W48 | W49 | W50 | W51 | W52 | W53 |
//!
//! CND-101 forecasts 100 a week from W48, on hand 100; CND-102 forecasts 40, on hand 50.

use chrono::NaiveDate;
use sop_grid::engine::collab::conflict::{Place, ProductField, Side, Value};
use sop_grid::engine::collab::merge::{three_way, two_way};
use sop_grid::engine::model::series::SkuSeries;
use sop_grid::engine::{
    Calendar, CellEdit, Edit, Note, Plan, Product, Qty, SeriesField, Slot, Workbook,
};
use std::sync::Arc;

const ANA: &str = "Ana (Sales)";
const BEN: &str = "Ben (Operations)";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn base() -> Plan {
    let mut plan = Plan::new(Calendar::around(day(2026, 11, 23), 2, 6).unwrap());
    let mut a = Product::new("CND-101", "Fig candle", "Candles");
    a.on_hand = Qty::units(100);
    let mut b = Product::new("CND-102", "Cedar candle", "Candles");
    b.on_hand = Qty::units(50);
    plan.add_product(a);
    plan.add_product(b);
    for w in 2..8 {
        plan.series_mut(0).forecast[w] = Qty::units(100);
        plan.series_mut(1).forecast[w] = Qty::units(40);
    }
    plan.meta.id = "plan-1".to_string();
    plan.meta.revision = 10;
    plan
}

/// A copy of `plan` after `who` made some edits through the workbook (so they are signed).
fn edited(plan: &Plan, who: &str, edit: impl FnOnce(&mut Workbook)) -> Plan {
    let mut wb = Workbook::new(plan.clone());
    wb.set_user(who);
    edit(&mut wb);
    let mut out = wb.plan_to_save();
    out.meta.author = who.to_string();
    out
}

fn set(wb: &mut Workbook, sku: &str, field: SeriesField, week: &str, v: f64) {
    wb.set(sku, field, week, Some(v)).unwrap();
}

fn set_product(wb: &mut Workbook, sku: &str, change: impl FnOnce(&mut Product)) {
    let i = wb.plan().sku_index(sku).unwrap();
    let mut p = wb.plan().products[i].clone();
    change(&mut p);
    wb.apply("Edit product", Edit::Product { sku: i, product: p })
        .unwrap();
}

fn add_sku(wb: &mut Workbook, sku: &str, week: usize, forecast: i64) {
    let i = wb.plan().products.len();
    let edit = Edit::Batch(vec![
        Edit::AddProduct(Product::new(sku, sku, "Candles")),
        Edit::Cells(vec![CellEdit {
            sku: i,
            field: SeriesField::Forecast,
            week,
            value: Some(Qty::units(forecast)),
        }]),
    ]);
    wb.apply("Add", edit).unwrap();
}

fn author(plan: &Plan, sku: usize, slot: Slot) -> Option<&str> {
    plan.authors
        .get(&plan.products[sku].sku, slot)
        .map(|a| &**a)
}

/// Ana raises CND-101's W50 forecast to 120; Ben confirms 200 of it in W49.
fn forecast_here_receipts_there(base: &Plan) -> (Plan, Plan) {
    let ours = edited(base, ANA, |wb| {
        set(wb, "CND-101", SeriesField::Forecast, "2026-W50", 120.0)
    });
    let theirs = edited(base, BEN, |wb| {
        set(
            wb,
            "CND-101",
            SeriesField::ConfirmedReceipts,
            "2026-W49",
            200.0,
        )
    });
    (ours, theirs)
}

#[test]
fn a_forecast_change_and_a_receipt_change_on_different_sides_are_both_taken() {
    let base = base();
    let (ours, theirs) = forecast_here_receipts_there(&base);
    let m = three_way(&base, &ours, &theirs, "Ana", "Ben");
    assert!(m.conflicts.is_empty());
    assert_eq!(
        (m.applied_from_ours, m.applied_from_theirs, m.agreed),
        (1, 1, 0)
    );
    let p = &m.plan_ours_default;
    assert_eq!(p.series[0].forecast[4], Qty::units(120));
    assert_eq!(p.series[0].confirmed_receipts[3], Qty::units(200));
    assert_eq!(p.series[0].forecast[3], Qty::units(100));
    assert_eq!(
        author(p, 0, Slot::Cell(SeriesField::Forecast, 4)),
        Some(ANA)
    );
    assert_eq!(
        author(p, 0, Slot::Cell(SeriesField::ConfirmedReceipts, 3)),
        Some(BEN)
    );
    // Untouched SKUs stay shared with our copy, as check-in snapshots are.
    assert!(Arc::ptr_eq(&p.series[1], &ours.series[1]));
    assert_eq!(p.meta.id, "plan-1");
    assert_eq!(p.meta.revision, 12); // both copies at 11
    assert_eq!(
        m.report,
        ["1 change(s) taken from Ben's copy, 1 of ours kept, 0 made the same in both."]
    );
}

#[test]
fn the_same_cell_changed_differently_is_one_conflict_with_both_values_and_authors() {
    let base = base();
    let ours = edited(&base, ANA, |wb| {
        set(wb, "CND-101", SeriesField::Forecast, "2026-W50", 120.0);
        set(wb, "CND-102", SeriesField::Consensus, "2026-W49", 45.0);
    });
    let theirs = edited(&base, BEN, |wb| {
        set(wb, "CND-101", SeriesField::Forecast, "2026-W50", 90.0);
        set(wb, "CND-102", SeriesField::Consensus, "2026-W49", 45.0);
    });
    let m = three_way(&base, &ours, &theirs, "Ana", "Ben");
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.agreed, 1);
    let c = &m.conflicts[0];
    assert_eq!(c.sku, "CND-101");
    assert_eq!(c.what, "forecast 2026-W50");
    assert_eq!(
        c.at,
        Place::Cell {
            sku: 0,
            field: SeriesField::Forecast,
            week: 4
        }
    );
    assert_eq!(c.base, Some(Value::Qty(Some(Qty::units(100)))));
    assert_eq!(c.ours, Value::Qty(Some(Qty::units(120))));
    assert_eq!(c.theirs, Value::Qty(Some(Qty::units(90))));
    assert_eq!(
        (&*c.base_shown, &*c.ours_shown, &*c.theirs_shown),
        ("100", "120", "90")
    );
    assert_eq!((&*c.ours_by, &*c.theirs_by), (ANA, BEN));

    let p = &m.plan_ours_default;
    assert_eq!(p.series[0].forecast[4], Qty::units(120));
    assert_eq!(p.series[1].consensus[3], Some(Qty::units(45)));
    let mine = Slot::Cell(SeriesField::Forecast, 4);
    assert_eq!(author(p, 0, mine), Some(ANA));
    let picked = m.resolve(&[Side::Theirs]);
    assert_eq!(picked.series[0].forecast[4], Qty::units(90));
    assert_eq!(author(&picked, 0, mine), Some(BEN));
    // Both agreed on the consensus but are different people: the first name, either way.
    let agreed = Slot::Cell(SeriesField::Consensus, 3);
    assert_eq!(author(p, 1, agreed), Some(ANA));
    assert_eq!(m.resolve(&[]), m.plan_ours_default);
}

#[test]
fn product_fields_merge_one_by_one() {
    let base = base();
    let ours = edited(&base, ANA, |wb| {
        set_product(wb, "CND-101", |p| p.on_hand = Qty::units(120))
    });
    let theirs = edited(&base, BEN, |wb| {
        set_product(wb, "CND-101", |p| {
            p.on_hand = Qty::units(90);
            p.name = "Fig & cassis candle".to_string();
        })
    });
    let m = three_way(&base, &ours, &theirs, "Ana", "Ben");
    assert_eq!(m.applied_from_theirs, 1);
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!((&*c.sku, &*c.what), ("CND-101", "on hand"));
    assert_eq!(
        c.at,
        Place::Product {
            sku: 0,
            field: ProductField::OnHand
        }
    );
    assert_eq!(
        (&*c.base_shown, &*c.ours_shown, &*c.theirs_shown),
        ("100", "120", "90")
    );
    assert_eq!((&*c.ours_by, &*c.theirs_by), (ANA, BEN));
    let p = &m.plan_ours_default.products[0];
    assert_eq!(
        (&*p.name, p.on_hand),
        ("Fig & cassis candle", Qty::units(120))
    );
    let theirs_picked = m.resolve(&[Side::Theirs]);
    assert_eq!(theirs_picked.products[0].on_hand, Qty::units(90));
    // Every changed field is theirs now, so the record is signed by them.
    assert_eq!(author(&theirs_picked, 0, Slot::Product), Some(BEN));
}

#[test]
fn skus_added_on_either_side_are_added_after_the_check_in_skus_by_code() {
    let base = base();
    let ours = edited(&base, ANA, |wb| add_sku(wb, "CND-104", 3, 10));
    let theirs = edited(&base, BEN, |wb| add_sku(wb, "CND-103", 4, 30));
    let m = three_way(&base, &ours, &theirs, "Ana", "Ben");
    assert!(m.conflicts.is_empty());
    let p = &m.plan_ours_default;
    let codes: Vec<&str> = p.products.iter().map(|p| &*p.sku).collect();
    assert_eq!(codes, ["CND-101", "CND-102", "CND-103", "CND-104"]);
    assert_eq!(p.series[2].forecast[4], Qty::units(30));
    assert_eq!(p.series[3].forecast[3], Qty::units(10));
    assert_eq!(
        author(p, 2, Slot::Cell(SeriesField::Forecast, 4)),
        Some(BEN)
    );
    assert_eq!(m.added_from_theirs, ["CND-103"]);
    assert!(m
        .report
        .contains(&"Added from Ben's copy: CND-103.".to_string()));
}

#[test]
fn a_sku_missing_from_one_copy_is_kept_and_reported() {
    let base = base();
    let mut theirs = base.clone();
    theirs.products.remove(1);
    theirs.series.remove(1);
    let mut ours = base.clone();
    ours.series_mut(1).forecast[5] = Qty::units(44);
    let m = three_way(&base, &ours, &theirs, "Ana", "Ben");
    assert_eq!(m.kept, ["CND-102"]);
    assert_eq!(m.plan_ours_default.series[1].forecast[5], Qty::units(44));
    assert!(m
        .report
        .contains(&"CND-102 is missing from Ben's copy: kept.".to_string()));
    // The other way round: their copy still has it, so theirs is kept.
    let back = three_way(&base, &theirs, &ours, "Ben", "Ana");
    assert_eq!(back.plan_ours_default.products.len(), 2);
    assert_eq!(back.plan_ours_default.series[1].forecast[5], Qty::units(44));
}

/// Their copy was opened a week later: its calendar runs W47 to 2027-W01 (current W49).
fn one_week_later(plan: &Plan) -> Plan {
    let mut later = plan.clone();
    later.calendar = Calendar::around(day(2026, 11, 30), 2, 6).unwrap();
    for i in 0..later.products.len() {
        let s = later.series_mut(i);
        for v in [
            &mut s.actual,
            &mut s.forecast,
            &mut s.confirmed_receipts,
            &mut s.planned_receipts,
        ] {
            v.remove(0);
            v.push(Qty::ZERO);
        }
        s.consensus.remove(0);
        s.consensus.push(None);
    }
    later
}

#[test]
fn different_calendars_line_up_by_date_and_keep_our_calendar() {
    let base = base();
    let ours = base.clone();
    let mut theirs = one_week_later(&base);
    assert_eq!(theirs.calendar.label(3), "2026-W50");
    theirs.series_mut(1).forecast[3] = Qty::units(70); // W50
    theirs.series_mut(1).forecast[7] = Qty::units(45); // 2027-W01: not in our plan
    let m = three_way(&base, &ours, &theirs, "Ana", "Ben");
    assert!(m.conflicts.is_empty());
    assert_eq!(m.applied_from_theirs, 1);
    let p = &m.plan_ours_default;
    assert_eq!(p.calendar, base.calendar);
    let forecast: Vec<i64> = p.series[1].forecast.iter().map(|q| q.0 / 1000).collect();
    assert_eq!(forecast, [0, 0, 40, 40, 70, 40, 40, 40]);
    assert_eq!(m.their_weeks_outside, 1);
    assert!(m.report.contains(
        &"Ben's copy holds 1 week(s) outside this plan (2027-W01): left out, with 1 value(s) entered there."
            .to_string()
    ));
}

#[test]
fn merging_either_way_with_the_same_picks_gives_the_same_plan() {
    let base = base();
    let mut a = edited(&base, ANA, |wb| {
        set(wb, "CND-101", SeriesField::Forecast, "2026-W50", 120.0);
        set_product(wb, "CND-102", |p| p.on_hand = Qty::units(60));
        add_sku(wb, "CND-104", 5, 12);
    });
    a.notes.push(note("CND-101", "promo confirmed", ANA));
    let mut b = edited(&base, BEN, |wb| {
        set(wb, "CND-101", SeriesField::Forecast, "2026-W50", 90.0);
        set(
            wb,
            "CND-102",
            SeriesField::PlannedReceipts,
            "2026-W49",
            100.0,
        );
        set_product(wb, "CND-102", |p| p.on_hand = Qty::units(45));
        add_sku(wb, "CND-103", 6, 8);
    });
    b.notes.push(note("CND-102", "PO 4471 slips a week", BEN));
    b.notes.push(note("CND-101", "promo confirmed", ANA)); // the same note, already shared
    b.capacity.insert("Candles".to_string(), Qty::units(500));
    b.meta.revision = 14;

    let ab = three_way(&base, &a, &b, "Ana", "Ben");
    let ba = three_way(&base, &b, &a, "Ben", "Ana");
    assert_eq!(ab.conflicts.len(), 2);
    assert_eq!(ab.conflicts[0].what, "forecast 2026-W50");
    assert_eq!(ab.conflicts[1].what, "on hand");
    let picks = [Side::Ours, Side::Theirs];
    let flipped: Vec<Side> = picks.iter().map(|s| s.other()).collect();
    let from_a = ab.resolve(&picks);
    let mut from_b = ba.resolve(&flipped);
    assert_eq!(from_a.meta.author, ANA);
    from_b.meta.author = from_a.meta.author.clone();
    assert_eq!(from_a, from_b);
    assert_eq!(from_a.series[0].forecast[4], Qty::units(120));
    assert_eq!(from_a.products[1].on_hand, Qty::units(45));
    assert_eq!(from_a.series[1].planned_receipts[3], Qty::units(100));
    assert_eq!(from_a.capacity.get("Candles"), Some(&Qty::units(500)));
    assert_eq!(from_a.notes.len(), 2);
    assert_eq!(from_a.meta.revision, 15);
    assert_eq!(author(&from_a, 1, Slot::Product), Some(BEN));
}

fn note(sku: &str, text: &str, by: &str) -> Note {
    Note {
        sku: sku.to_string(),
        period: None,
        measure: None,
        text: text.to_string(),
        author: by.to_string(),
        written: "2026-11-24".to_string(),
    }
}

#[test]
fn without_a_check_in_every_difference_is_a_choice() {
    let base = base();
    let (ours, theirs) = forecast_here_receipts_there(&base);
    let m = two_way(&ours, &theirs, "Ana", "Ben");
    assert_eq!((m.applied_from_ours, m.applied_from_theirs), (0, 0));
    let whats: Vec<&str> = m.conflicts.iter().map(|c| &*c.what).collect();
    assert_eq!(whats, ["forecast 2026-W50", "confirmed receipts 2026-W49"]);
    assert_eq!(m.conflicts[0].base_shown, "(not known)");
    assert_eq!(m.conflicts[0].base, None);
    let p = &m.plan_ours_default;
    assert_eq!(p.series[0].forecast[4], Qty::units(120));
    assert_eq!(p.series[0].confirmed_receipts[3], Qty::ZERO);
    let both = m.resolve(&[Side::Ours, Side::Theirs]);
    assert_eq!(both.series[0].confirmed_receipts[3], Qty::units(200));
    assert!(m.report[0].starts_with("No check-in shared with Ben's copy"));
}

#[test]
fn odd_inputs_do_not_panic() {
    let empty = Plan::new(Calendar::around(day(2026, 11, 23), 0, 1).unwrap());
    let m = three_way(&empty, &empty, &empty, "Ana", "Ben");
    assert!(m.conflicts.is_empty() && m.plan_ours_default.products.is_empty());

    // Their calendar shares no week with ours; their series are also too short.
    let base = base();
    let mut far = Plan::new(Calendar::around(day(2030, 1, 7), 1, 3).unwrap());
    far.add_product(Product::new("CND-101", "Fig candle", "Candles"));
    far.add_product(Product::new("NEW-1", "New", "Other"));
    far.series_mut(0).forecast.truncate(1);
    far.series_mut(1).forecast[2] = Qty::units(5);
    let m = three_way(&base, &base, &far, "Ana", "Ben");
    assert_eq!(m.their_weeks_outside, 4);
    assert_eq!(m.plan_ours_default.products.len(), 3);
    assert_eq!(*m.plan_ours_default.series[2], SkuSeries::zeros(8));
    let _ = two_way(&empty, &far, "Ana", "Ben");
    let _ = two_way(&far, &empty, "Ana", "Ben").resolve(&[Side::Theirs; 9]);
}

#[test]
fn merging_a_copy_nobody_touched_changes_nothing_and_a_touched_one_fast_forwards() {
    let base = base();
    let (ours, theirs) = forecast_here_receipts_there(&base);
    let same = three_way(&base, &ours, &base, "Ana", "Ben");
    let mut expected = ours.clone();
    expected.meta.revision = 12;
    assert_eq!(same.plan_ours_default, expected);
    assert_eq!((same.applied_from_ours, same.applied_from_theirs), (1, 0));
    let forward = three_way(&base, &base, &theirs, "Ana", "Ben");
    assert_eq!(forward.plan_ours_default.series, theirs.series);
    assert_eq!(forward.plan_ours_default.authors, theirs.authors);
}

#[test]
fn decisions_are_the_union_of_both_copies_and_closed_wins() {
    use sop_grid::engine::Decision;
    let d = |id: &str, made: &str, closed: Option<&str>| Decision {
        id: id.to_string(),
        text: format!("decision {id}"),
        owner: "Olu (Operations)".to_string(),
        due: "2026-12-01".to_string(),
        skus: vec!["CND-101".to_string()],
        weeks: String::new(),
        author: "Kim (CEO)".to_string(),
        made: made.to_string(),
        closed: closed.map(str::to_string),
    };
    let base = sop_grid::demo::demo_plan(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.decisions = vec![d("a", "2026-11-23", None), d("b", "2026-11-24", None)];
    theirs.decisions = vec![
        d("a", "2026-11-23", Some("2026-11-25")),
        d("c", "2026-11-20", None),
    ];
    let one = sop_grid::engine::collab::merge::three_way(&base, &ours, &theirs, "A", "B");
    let two = sop_grid::engine::collab::merge::three_way(&base, &theirs, &ours, "B", "A");
    let ids: Vec<(&str, Option<&str>)> = one
        .plan_ours_default
        .decisions
        .iter()
        .map(|d| (d.id.as_str(), d.closed.as_deref()))
        .collect();
    assert_eq!(ids, [("c", None), ("a", Some("2026-11-25")), ("b", None)]);
    assert_eq!(
        one.plan_ours_default.decisions,
        two.plan_ours_default.decisions
    );
}
