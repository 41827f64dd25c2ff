//! The local-storage format: exact round trips (plan and check-ins, shared series), every way
//! a save can fail with the sentence a planner reads, the format-1 fixture, and the size of a
//! 2,000-SKU plan with eight weekly check-ins.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use sop_grid::engine::model::checkin::Snapshot;
use sop_grid::engine::{
    Calendar, Decision, Money, Note, Plan, PlanMeta, Product, Qty, SafetyStock, SeriesField, Slot,
};
use sop_grid::storage::bench::{sample, BUDGET, QUOTA};
use sop_grid::storage::{decode, decode_in_steps, encode, schema_of, StoreError, Stored, SCHEMA};
use std::sync::Arc;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn round_trip(stored: &Stored) -> Stored {
    let text = encode(stored);
    let back = decode(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&back, stored);
    back
}

/// A small plan with everything a plan can hold: thousandths, a consensus set to zero and
/// one not set, weeks-of-cover and unit safety stock, capacity, meta, notes, authors.
fn small_plan(today: NaiveDate) -> Plan {
    let mut plan = Plan::new(Calendar::around(today, 2, 4).unwrap());
    let mut candle = Product::new("CND-101", "Fig & Cedar 200g", "Candles");
    candle.unit_cost = Money::cents(450);
    candle.unit_price = Money::cents(1399);
    candle.lead_time_weeks = 6;
    candle.safety_stock = SafetyStock::WeeksOfCover(2.5);
    candle.moq = Qty::units(100);
    candle.order_multiple = Qty::units(24);
    candle.on_hand = Qty(120_500);
    let c = plan.add_product(candle);
    let mut diffuser = Product::new("DIF-201", "Sea Salt 100ml", "Diffusers");
    diffuser.unit_cost = Money::cents(700);
    diffuser.unit_price = Money::cents(1999);
    diffuser.safety_stock = SafetyStock::Units(Qty::units(30));
    diffuser.on_hand = Qty::units(80);
    let d = plan.add_product(diffuser);
    let s = plan.series_mut(c);
    s.actual[..2].copy_from_slice(&[Qty::units(41), Qty::units(38)]);
    s.forecast = [40, 40, 42, 45, 50, 60].map(Qty::units).to_vec();
    s.consensus[2] = Some(Qty::ZERO);
    s.consensus[3] = Some(Qty(45_500));
    s.confirmed_receipts[4] = Qty::units(240);
    let s = plan.series_mut(d);
    s.actual[..2].copy_from_slice(&[Qty(12_250), Qty::units(9)]);
    s.forecast = [10, 10, 11, 11, 12, 12].map(Qty::units).to_vec();
    s.planned_receipts[5] = Qty::units(100);
    plan.capacity.insert("Candles".to_string(), Qty::units(900));
    plan.meta = PlanMeta {
        id: "plan-fixture".to_string(),
        revision: 7,
        author: "Ana (Sales)".to_string(),
        base: Some("chk-1".to_string()),
    };
    plan.notes.push(Note {
        sku: "CND-101".to_string(),
        period: Some("2026-W48".to_string()),
        measure: Some("consensus".to_string()),
        text: "Promo cancelled: no demand this week.".to_string(),
        author: "Ana (Sales)".to_string(),
        written: "2026-11-23".to_string(),
    });
    plan.notes.push(Note {
        sku: "DIF-201".to_string(),
        period: None,
        measure: None,
        text: "New supplier from January.".to_string(),
        author: "Ben (Operations)".to_string(),
        written: "2026-11-20".to_string(),
    });
    let (c, d) = (plan.products[c].sku.clone(), plan.products[d].sku.clone());
    plan.authors.set(
        &c,
        Slot::Cell(SeriesField::Consensus, 2),
        Some(Arc::from("Ana (Sales)")),
    );
    plan.authors
        .set(&d, Slot::Product, Some(Arc::from("Ben (Operations)")));
    plan
}

/// The fixture's saved state: the small plan, this week's check-in (before the consensus
/// and a forecast change) and last week's (calendar a week earlier, before DIF-201 existed).
fn fixture_state() -> Stored {
    let live = small_plan(day(2026, 11, 23));
    let mut this_week = live.clone();
    this_week.meta.revision = 5;
    this_week.notes.truncate(1);
    this_week.authors.clear();
    let s = this_week.series_mut(0);
    s.consensus = vec![None; 6];
    s.forecast[3] = Qty::units(44);
    let mut last_week = small_plan(day(2026, 11, 16));
    last_week.products.truncate(1);
    last_week.series.truncate(1);
    last_week.meta.revision = 3;
    last_week.meta.base = None;
    last_week.notes.clear();
    last_week.authors.clear();
    last_week.capacity.clear();
    Stored {
        plan: live,
        snapshots: vec![
            Snapshot {
                id: "chk-0".to_string(),
                taken: "2026-11-16".to_string(),
                author: "Cleo (CEO)".to_string(),
                plan: last_week,
            },
            Snapshot {
                id: "chk-1".to_string(),
                taken: "2026-11-23".to_string(),
                author: "Ana (Sales)".to_string(),
                plan: this_week,
            },
        ],
    }
}

const FIXTURE: &str = "tests/fixtures/storage/v1.json";

/// Writes the format-1 fixture. Run once when the format was made; never again for v1
/// (a new format gets its own fixture: see `sop_grid::storage::migrate`).
#[test]
#[ignore]
fn write_fixture() {
    std::fs::write(FIXTURE, encode(&fixture_state()) + "\n").unwrap();
}

#[test]
fn the_format_1_fixture_reads_to_the_hand_checked_plan() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let text = text.trim_end();
    assert_eq!(schema_of(text), Some(1));
    let stored = decode(text).unwrap();
    let plan = &stored.plan;
    assert_eq!(plan.calendar.label(0), "2026-W46");
    assert_eq!(plan.calendar.current(), 2);
    assert_eq!(plan.calendar.len(), 6);
    let skus: Vec<&str> = plan.products.iter().map(|p| p.sku.as_str()).collect();
    assert_eq!(skus, ["CND-101", "DIF-201"]);
    let candle = &plan.products[0];
    assert_eq!(candle.name, "Fig & Cedar 200g");
    assert_eq!(candle.family, "Candles");
    assert_eq!(candle.unit_cost, Money(450));
    assert_eq!(candle.unit_price, Money(1399));
    assert_eq!(candle.lead_time_weeks, 6);
    assert_eq!(candle.safety_stock, SafetyStock::WeeksOfCover(2.5));
    assert_eq!(candle.on_hand, Qty(120_500));
    assert_eq!(
        plan.products[1].safety_stock,
        SafetyStock::Units(Qty(30_000))
    );
    let s = &plan.series[0];
    assert_eq!(s.actual[1], Qty(38_000));
    assert_eq!(s.forecast[5], Qty(60_000));
    assert_eq!(
        s.consensus,
        [None, None, Some(Qty(0)), Some(Qty(45_500)), None, None]
    );
    assert_eq!(s.confirmed_receipts[4], Qty(240_000));
    assert_eq!(plan.series[1].actual[0], Qty(12_250));
    assert_eq!(plan.series[1].planned_receipts[5], Qty(100_000));
    assert_eq!(plan.capacity.get("Candles"), Some(&Qty(900_000)));
    assert_eq!(plan.meta.revision, 7);
    assert_eq!(plan.meta.base.as_deref(), Some("chk-1"));
    assert_eq!(plan.notes.len(), 2);
    assert_eq!(plan.notes[0].period.as_deref(), Some("2026-W48"));
    assert_eq!(plan.notes[1].measure, None);
    assert_eq!(plan.notes[1].author, "Ben (Operations)");
    assert_eq!(
        plan.authors
            .get(&plan.products[0].sku, Slot::Cell(SeriesField::Consensus, 2))
            .map(|a| &**a),
        Some("Ana (Sales)")
    );
    assert_eq!(
        plan.authors
            .get(&plan.products[1].sku, Slot::Product)
            .map(|a| &**a),
        Some("Ben (Operations)")
    );

    let [last_week, this_week] = &stored.snapshots[..] else {
        panic!("two check-ins expected");
    };
    assert_eq!(
        (this_week.id.as_str(), this_week.taken.as_str()),
        ("chk-1", "2026-11-23")
    );
    assert_eq!(this_week.plan.series[0].consensus, vec![None; 6]);
    assert_eq!(this_week.plan.series[0].forecast[3], Qty(44_000));
    assert_eq!(this_week.plan.notes.len(), 1);
    assert!(this_week.plan.authors.is_empty());
    // Unchanged since the check-in: shared, not copied.
    assert!(Arc::ptr_eq(&this_week.plan.series[1], &plan.series[1]));
    assert_eq!(last_week.author, "Cleo (CEO)");
    assert_eq!(last_week.plan.calendar.label(0), "2026-W45");
    assert_eq!(last_week.plan.products.len(), 1);
    assert_eq!(last_week.plan.series[0].forecast[0], Qty(40_000));
    assert!(last_week.plan.capacity.is_empty());
    assert_eq!(last_week.plan.meta.base, None);

    assert_eq!(stored, fixture_state());
}

#[test]
fn plans_and_check_ins_round_trip_exactly() {
    round_trip(&fixture_state());
    round_trip(&sample(150, 3, 8));
    let empty = Plan::new(Calendar::around(day(2026, 1, 5), 0, 1).unwrap());
    round_trip(&Stored {
        plan: empty,
        snapshots: Vec::new(),
    });
}

#[test]
fn check_ins_align_by_sku_and_week_whatever_changed_since() {
    let mut stored = fixture_state();
    // SKUs reordered, one dropped since, a different horizon and history.
    let mut old = small_plan(day(2026, 10, 5));
    old.products.reverse();
    old.series.reverse();
    old.authors.clear();
    old.calendar = Calendar::around(day(2026, 10, 5), 2, 4).unwrap();
    let mut other = Product::new("GFT-301", "Trio Gift", "Gift sets");
    other.safety_stock = SafetyStock::WeeksOfCover(-0.0);
    old.add_product(other);
    let mut longer = small_plan(day(2026, 10, 12));
    longer.calendar = Calendar::around(day(2026, 10, 12), 3, 3).unwrap();
    stored.snapshots.insert(
        0,
        Snapshot {
            id: "chk-far".to_string(),
            taken: "2026-10-05".to_string(),
            author: "Cleo (CEO)".to_string(),
            plan: old,
        },
    );
    stored.snapshots.insert(
        1,
        Snapshot {
            id: "chk-longer-history".to_string(),
            taken: "2026-10-12".to_string(),
            author: "Ben (Operations)".to_string(),
            plan: longer,
        },
    );
    let back = round_trip(&stored);
    let SafetyStock::WeeksOfCover(w) = back.snapshots[0].plan.products[2].safety_stock else {
        panic!("weeks of cover expected");
    };
    assert!(w.is_sign_negative(), "-0.0 weeks keeps its sign bit");
}

#[test]
fn unchanged_series_are_shared_with_the_newer_plan() {
    let stored = sample(200, 2, 2);
    let back = round_trip(&stored);
    let shared = |s: &Stored| {
        s.snapshots[1]
            .plan
            .series
            .iter()
            .zip(&s.plan.series)
            .filter(|(a, b)| Arc::ptr_eq(a, b))
            .count()
    };
    assert!(shared(&stored) > 100, "the sample shares most series");
    // At least as shared as saved (a series edited back to equal is shared again).
    assert!(shared(&back) >= shared(&stored));
}

fn message(e: &StoreError) -> String {
    e.to_string()
}

#[test]
fn each_way_a_save_fails_is_told_apart_in_words() {
    let text = encode(&fixture_state());

    for other in [
        "",
        "hello",
        "{}",
        "[1,2]",
        "{\"app\":\"other\",\"schema\":1}",
    ] {
        assert_eq!(decode(other), Err(StoreError::NotOurs), "{other:?}");
    }
    assert_eq!(
        message(&StoreError::NotOurs),
        "The saved data is not a plan saved by this app."
    );

    for cut in [5, 30, text.len() / 2, text.len() - 1] {
        assert_eq!(
            decode(&text[..cut]),
            Err(StoreError::Truncated),
            "cut at {cut}"
        );
    }
    let len: usize = text
        .split("\"len\":")
        .nth(1)
        .and_then(|r| r.split(',').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    let longer_len = text.replace(&format!("\"len\":{len}"), &format!("\"len\":{}", len + 8));
    assert_eq!(decode(&longer_len), Err(StoreError::Truncated));
    assert_eq!(
        message(&StoreError::Truncated),
        "The saved plan is incomplete: saving it was cut off before the end."
    );

    let at = text.find("\"payload\":\"").unwrap() + 20;
    let mut damaged = text.clone().into_bytes();
    damaged[at] = if damaged[at] == b'A' { b'B' } else { b'A' };
    let damaged = String::from_utf8(damaged).unwrap();
    let e = decode(&damaged).unwrap_err();
    assert_eq!(
        message(&e),
        "The saved plan is damaged and cannot be read (the checksum does not match)."
    );
    let broken = text.replacen("\"len\":", "\"len\";", 1);
    assert!(matches!(decode(&broken), Err(StoreError::Corrupt { .. })));
    assert!(message(&decode(&broken).unwrap_err()).contains("it is not valid JSON"));

    let newer = text.replacen("\"schema\":4,", "\"schema\":5,", 1);
    assert_eq!(schema_of(&newer), Some(5));
    assert_eq!(decode(&newer), Err(StoreError::Newer { version: 5 }));
    assert_eq!(
        message(&StoreError::Newer { version: 5 }),
        "The saved plan was written by a newer version of the app (format 5; this one reads up to 4)."
    );
    // Even cut short, a newer save is recognised as newer, not as damaged.
    assert_eq!(decode(&newer[..60]), Err(StoreError::Newer { version: 5 }));

    let mut bad = fixture_state();
    bad.plan.products[1].on_hand = Qty(-1000);
    assert_eq!(
        decode(&encode(&bad)).map_err(|e| message(&e)),
        Err("The saved plan holds a value this app cannot accept: in the plan, on hand of DIF-201: '-1' is negative; quantities must be zero or more.".to_string())
    );
    let mut bad = fixture_state();
    let sku = bad.snapshots[0].plan.products[0].sku.clone();
    bad.snapshots[0].plan.authors.set(
        &sku,
        Slot::Cell(SeriesField::Forecast, 99),
        Some(Arc::from("Ana (Sales)")),
    );
    assert!(matches!(
        decode(&encode(&bad)),
        Err(StoreError::Invalid { what }) if what.contains("check-in of 2026-11-16") && what.contains("week 100")
    ));
}

#[test]
fn schema_of_peeks_without_reading_the_payload() {
    let text = encode(&fixture_state());
    assert_eq!(SCHEMA, 4);
    assert_eq!(schema_of(&text), Some(SCHEMA));
    assert_eq!(schema_of(&text[..30]), Some(SCHEMA));
    assert_eq!(schema_of("{\"app\":\"other\",\"schema\":1}"), None);
    assert_eq!(schema_of("not json"), None);
    assert!(text.starts_with("{\"app\":\"sop-grid\",\"schema\":4,\"len\":"));
}

#[test]
fn a_2000_sku_plan_with_eight_check_ins_fits_twice_in_the_quota() {
    let stored = sample(2000, 20, 8);
    let text = encode(&stored);
    assert!(text.len() <= BUDGET, "{} characters", text.len());
    assert!(2 * text.len() <= QUOTA);
    // Eight weekly check-ins cost less than the plan itself: they are stored as changes.
    let alone = encode(&Stored {
        plan: stored.plan.clone(),
        snapshots: Vec::new(),
    });
    assert!(
        text.len() - alone.len() < alone.len(),
        "plan {} characters, with check-ins {}",
        alone.len(),
        text.len()
    );
}

#[test]
fn the_plan_reads_first_then_one_check_in_per_step() {
    let stored = sample(40, 4, 3);
    let text = encode(&stored);
    let mut reading = decode_in_steps(&text).unwrap();
    // What the grid needs is there before any check-in is read.
    assert_eq!(reading.plan(), &stored.plan);
    assert_eq!(reading.left(), 3);
    reading.step().unwrap();
    assert_eq!(reading.left(), 2);
    assert_eq!(reading.finish().unwrap(), stored);
    // A damaged check-in is still caught, by the step that reads it: the envelope's checksum
    // is checked before the plan is read, so a cut or changed text never gets that far.
    let cut = &text[..text.len() - 20];
    assert!(decode_in_steps(cut).is_err());
}

/// The fixture state with a decision (open in the plan, closed in the newest check-in): the
/// plan of `v2.json`, written by the format-2 app (commit 60aea5c).
fn with_decision() -> Stored {
    let mut state = fixture_state();
    state.plan.decisions.push(Decision {
        id: "d-1".to_string(),
        text: "Expedite PO 4471 by air".to_string(),
        owner: "Olu (Operations)".to_string(),
        due: "2026-11-27".to_string(),
        skus: vec!["CND-101".to_string(), "family:Candles".to_string()],
        weeks: "2026-W49–W50".to_string(),
        author: "Kim (CEO)".to_string(),
        made: "2026-11-23".to_string(),
        closed: None,
    });
    // The newest check-in held the decision too, closed: written as its own difference.
    let mut closed = state.plan.decisions[0].clone();
    closed.closed = Some("2026-11-24".to_string());
    state.snapshots.last_mut().unwrap().plan.decisions = vec![closed];
    state
}

#[test]
fn decisions_are_saved_and_a_format_1_save_reads_with_none() {
    let state = with_decision();
    assert_eq!(decode(&encode(&state)), Ok(state));
    // The committed format-1 fixture has no decisions and still reads (identity upgrade).
    let v1 = include_str!("../fixtures/storage/v1.json");
    assert_eq!(schema_of(v1), Some(1));
    let old = decode(v1).unwrap();
    assert!(old.plan.decisions.is_empty());
    assert!(old.snapshots.iter().all(|s| s.plan.decisions.is_empty()));
}

#[test]
fn the_format_2_fixture_reads_to_the_same_plan_with_its_decisions() {
    let v2 = include_str!("../fixtures/storage/v2.json").trim_end();
    assert_eq!(schema_of(v2), Some(2));
    let old = decode(v2).unwrap();
    assert_eq!(old, with_decision());
    assert!(old.plan.events.is_empty());
}

/// Format 3 (demand events) written by this app; run once: `cargo test --test native storage:: --
/// --ignored write_v3_fixture`.
fn with_events() -> Stored {
    use sop_grid::engine::model::event::{DemandEvent, Lift};
    let mut state = with_decision();
    state.plan.events.push(DemandEvent {
        id: "e-1".to_string(),
        name: "Black Friday promo".to_string(),
        target: "family:Candles".to_string(),
        first: "2026-W48".to_string(),
        last: "2026-W49".to_string(),
        lift: Lift::Percent(Qty::units(25)),
        active: true,
        author: "Ana (Sales)".to_string(),
    });
    state
}

#[test]
#[ignore]
fn write_v3_fixture() {
    std::fs::write(
        "tests/fixtures/storage/v3.json",
        encode(&with_events()) + "\n",
    )
    .unwrap();
}

#[test]
fn the_format_3_fixture_reads_with_its_events_and_their_lift() {
    let v3 = include_str!("../fixtures/storage/v3.json").trim_end();
    assert_eq!(schema_of(v3), Some(3));
    let stored = decode(v3).unwrap();
    assert_eq!(stored, with_events());
    // The events row is worked out again on reading (it is not stored): +25 % of a forecast.
    let candles = stored.plan.sku_index("CND-101").unwrap();
    let s = &stored.plan.series[candles];
    let w = stored.plan.calendar.current();
    assert_eq!(
        sop_grid::engine::Workbook::new(stored.plan.clone())
            .lift_in(candles, w)
            .0,
        ((s.forecast[w].0 as f64 * 0.25 / 1000.0).round() * 1000.0) as i64
    );
}

/// Format 4 (channel and location splits) written by this app; run once: `cargo test --test
/// storage -- --ignored write_v4_fixture`. CND-101 sold 3 of its week-0 actual on Amazon
/// (the rest not said), and holds 5 of its on hand at Amazon FBA; in the check-in too.
fn with_splits() -> Stored {
    let mut state = with_events();
    let plans =
        std::iter::once(&mut state.plan).chain(state.snapshots.iter_mut().map(|s| &mut s.plan));
    for plan in plans {
        let i = plan.sku_index("CND-101").unwrap();
        let p = &mut plan.products[i];
        let rest = Qty(p.on_hand.0 - 5000);
        p.locations.insert("Amazon FBA".to_string(), Qty::units(5));
        p.locations.insert(String::new(), rest);
        let s = plan.series_mut(i);
        let mut amazon = vec![Qty::ZERO; s.actual.len()];
        amazon[0] = Qty::units(3);
        s.actual[0] = Qty(s.actual[0].0.max(3000));
        let rest: Vec<Qty> = s
            .actual
            .iter()
            .zip(&amazon)
            .map(|(a, b)| Qty(a.0 - b.0))
            .collect();
        s.channels.insert("Amazon".to_string(), amazon);
        s.channels.insert(String::new(), rest);
        sop_grid::engine::model::breakdown::tidy_channels(&mut s.channels);
    }
    state
}

#[test]
#[ignore]
fn write_v4_fixture() {
    std::fs::write(
        "tests/fixtures/storage/v4.json",
        encode(&with_splits()) + "\n",
    )
    .unwrap();
}

#[test]
fn the_format_4_fixture_reads_with_its_splits_and_format_3_with_none() {
    let v4 = include_str!("../fixtures/storage/v4.json").trim_end();
    assert_eq!(schema_of(v4), Some(4));
    let stored = decode(v4).unwrap();
    assert_eq!(stored, with_splits());
    let i = stored.plan.sku_index("CND-101").unwrap();
    assert_eq!(
        stored.plan.products[i].locations["Amazon FBA"],
        Qty::units(5)
    );
    assert_eq!(stored.plan.series[i].channels["Amazon"][0], Qty::units(3));
    let v3 = decode(include_str!("../fixtures/storage/v3.json").trim_end()).unwrap();
    assert!(v3.plan.products.iter().all(|p| p.locations.is_empty()));
    assert!(v3.plan.series.iter().all(|s| s.channels.is_empty()));
}

#[test]
fn a_save_written_in_steps_is_the_save_written_at_once() {
    // The autosave writes the plan, then one check-in per task: the text must be exactly
    // what writing it at once gives, and read back to the same plan and check-ins.
    let stored = sample(40, 4, 3);
    let at_once = encode(&stored);
    let mut writing = sop_grid::storage::encode_in_steps(stored.clone());
    assert_eq!(writing.left(), 3);
    writing.step();
    assert_eq!(writing.left(), 2);
    writing.step();
    writing.step();
    assert_eq!(writing.left(), 0);
    writing.step(); // nothing left: nothing written
    let in_steps = sop_grid::storage::seal(writing);
    assert_eq!(in_steps, at_once);
    assert_eq!(decode(&in_steps).unwrap(), stored);
    // Sealed before every step ran: the rest are written then, the same text.
    let mut early = sop_grid::storage::encode_in_steps(stored.clone());
    early.step();
    assert_eq!(sop_grid::storage::seal(early), at_once);
    // No check-ins at all.
    let alone = Stored {
        plan: stored.plan.clone(),
        snapshots: Vec::new(),
    };
    let writing = sop_grid::storage::encode_in_steps(alone.clone());
    assert_eq!(writing.left(), 0);
    assert_eq!(sop_grid::storage::seal(writing), encode(&alone));
}
