//! A shared plan file carries its base check-in; it must read back whatever the check-in's
//! age and the plan's horizon (issue 11, item 4: the base's horizon was rebuilt as
//! `weeks − base week`, so a week-old check-in with a 104-week horizon, or one older than 26
//! weeks with the demo's 78, made the whole file unreadable).
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use sop_grid::demo::{demo_plan, generated_plan, DEMO_HISTORY, DEMO_HORIZON};
use sop_grid::engine::collab::roll::roll_to;
use sop_grid::engine::model::calendar::MAX_HORIZON;
use sop_grid::engine::model::checkin::Snapshot;
use sop_grid::engine::{Plan, Qty, SeriesField};
use sop_grid::planfile::{read_shared, write_shared};

fn then() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
}

/// The check-in taken at `then()`, and the plan `age` weeks later with one forecast changed
/// in the current week (so the base differs from the plan).
fn aged(checkin: Plan, age: i64) -> (Plan, Snapshot) {
    let mut plan = roll_to(&checkin, then() + Duration::weeks(age));
    let c = plan.calendar.current();
    let s = plan.series_mut(0);
    s.forecast[c] += Qty::units(7);
    plan.meta.base = Some("ci-1".to_string());
    let snapshot = Snapshot {
        id: "ci-1".to_string(),
        taken: "2026-01-05".to_string(),
        author: "Kim (CEO)".to_string(),
        plan: checkin,
    };
    (plan, snapshot)
}

/// The file reads back: the plan exactly, the base with the check-in's current week and
/// the check-in's value in every week both the file and the check-in hold.
fn round_trip(plan: &Plan, snapshot: &Snapshot) {
    let text = write_shared(plan, Some(snapshot));
    let file = read_shared(&text).unwrap_or_else(|e| panic!("refused: {e}"));
    assert_eq!(&file.plan, plan);
    let base = file.base.expect("the base check-in");
    let (bc, sc) = (&base.plan.calendar, &snapshot.plan.calendar);
    assert_eq!(
        bc.label(bc.current() as isize),
        sc.label(sc.current() as isize)
    );
    assert!(bc.horizon() <= MAX_HORIZON);
    let mut compared = 0;
    for (i, p) in snapshot.plan.products.iter().enumerate() {
        let j = base
            .plan
            .sku_index(&p.sku)
            .expect("every SKU of the check-in");
        assert_eq!(&base.plan.products[j], p);
        for w in 0..bc.len() {
            let Some(sw) = sc.index_of_date(bc.monday(w as isize)) else {
                continue;
            };
            for field in SeriesField::ALL {
                let zero = |v: Option<Qty>| {
                    if field.is_optional() {
                        v
                    } else {
                        v.or(Some(Qty::ZERO))
                    }
                };
                assert_eq!(
                    zero(base.plan.series[j].get(field, w)),
                    zero(snapshot.plan.series[i].get(field, sw)),
                    "{} of {} in {}",
                    field.label(),
                    p.sku,
                    bc.label(w as isize)
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 0);
}

#[test]
fn a_check_in_a_week_old_with_a_104_week_horizon() {
    let (plan, snapshot) = aged(generated_plan(then(), 3, 1, 8, 104), 1);
    round_trip(&plan, &snapshot);
}

#[test]
fn a_check_in_40_weeks_old_on_the_demo_plan() {
    let (plan, snapshot) = aged(demo_plan(then()), 40);
    assert_eq!(plan.calendar.history(), DEMO_HISTORY + 40);
    assert_eq!(plan.calendar.horizon(), DEMO_HORIZON);
    round_trip(&plan, &snapshot);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn shared_files_read_back_whatever_the_check_in_age_and_horizon(
        age in 0i64..=60,
        horizon in prop::sample::select(vec![1usize, 4, 13, 26, DEMO_HORIZON, 103, 104]),
        history in prop::sample::select(vec![0usize, 8, 52, 150]),
    ) {
        let (plan, snapshot) = aged(generated_plan(then(), 3, 2, history, horizon), age);
        round_trip(&plan, &snapshot);
    }
}

#[test]
fn a_base_cell_after_the_check_in_s_last_week_is_refused_with_its_line() {
    let (plan, snapshot) = aged(generated_plan(then(), 3, 1, 8, 104), 1);
    let text = write_shared(&plan, Some(&snapshot));
    let cal = &plan.calendar;
    let last = cal.label(cal.len() as isize - 1);
    let heading = "record,sku,field,week,value\r\nbase-series";
    let at = text.find(heading).expect("a base-series section") + heading.len() - 11;
    let bad = format!("base-series,SKU-00000,forecast,{last},5\r\n");
    let line = text[..at].matches("\r\n").count() + 1;
    let edited = format!("{}{bad}{}", &text[..at], &text[at..]);
    let err = read_shared(&edited).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "line {line}, column week: '{last}' is after the base check-in's last week {}",
            cal.label(cal.len() as isize - 2)
        )
    );
}
