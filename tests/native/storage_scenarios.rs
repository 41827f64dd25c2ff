//! The scenario list's storage format (`storage/scenarios.rs`): exact round trips, the token
//! of the save that wrote it, old lists still read, every bad text refused with a reason, and
//! the size of three scenarios against format 1 (each scenario a whole plan).
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use sop_grid::demo::{demo_plan, generated_plan};
use sop_grid::engine::collab::scenario::{QuickChange, Scenario};
use sop_grid::engine::Plan;
use sop_grid::storage::scenarios::{
    decode_scenarios, encode_format_1, encode_scenarios, token_of, SavedList, SavedScenario,
};
use sop_grid::storage::StoreError;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// The three scenarios a planner would make of `plan`: a plain copy, demand +20 % on a family
/// over five weeks, and its receipts two weeks late.
fn three(plan: &Plan, family: &str) -> Vec<SavedScenario> {
    let changes = [
        ("Copy", None),
        (
            "Gift rush",
            Some(QuickChange::Demand {
                target: format!("family:{family}"),
                first: "2026-W48".into(),
                last: "2026-W52".into(),
                percent: 20.0,
            }),
        ),
        (
            "Supplier late",
            Some(QuickChange::ReceiptsLate {
                target: format!("family:{family}"),
                weeks: 2,
            }),
        ),
    ];
    changes
        .into_iter()
        .map(|(name, change)| {
            let mut s = Scenario::copy_of(plan, name, "Ana (Sales)", "2026-11-23", &[]).unwrap();
            if let Some(c) = change {
                let (edit, _) = c.edits(s.workbook.plan()).unwrap();
                s.workbook.apply(name, edit).unwrap();
            }
            SavedScenario {
                name: s.name,
                author: s.author,
                made: s.made,
                plan: s.workbook.plan().clone(),
            }
        })
        .collect()
}

#[test]
fn three_scenarios_round_trip_exactly_with_their_token() {
    let list = three(&demo_plan(today()), "Gift sets");
    assert_ne!(list[0].plan, list[1].plan);
    assert_ne!(list[1].plan, list[2].plan);
    let text = encode_scenarios(&list, "tok123");
    assert!(text.starts_with("sop-scenarios,2,tok123\n[{\"name\":\"Copy\",\"author\":\"Ana (Sales)\",\"made\":\"2026-11-23\"},"));
    assert_eq!(token_of(&text), Some("tok123"));
    assert_eq!(
        decode_scenarios(&text).unwrap(),
        SavedList {
            token: Some("tok123".into()),
            list
        }
    );
}

#[test]
fn an_empty_list_is_its_header_and_reads_back() {
    let text = encode_scenarios(&[], "t");
    assert_eq!(text, "sop-scenarios,2,t\n[]\n");
    assert_eq!(
        decode_scenarios(&text).unwrap(),
        SavedList {
            token: Some("t".into()),
            list: Vec::new()
        }
    );
}

#[test]
fn a_list_saved_before_tokens_still_reads() {
    let list = three(&demo_plan(today()), "Candles");
    let old = encode_format_1(&list);
    assert!(old.starts_with("[{"));
    assert_eq!(token_of(&old), None);
    assert_eq!(
        decode_scenarios(&old).unwrap(),
        SavedList { token: None, list }
    );
}

#[test]
fn bad_lists_are_refused_with_a_reason() {
    let list = three(&demo_plan(today()), "Candles");
    let text = encode_scenarios(&list, "t");
    let newer = text.replacen("sop-scenarios,2,", "sop-scenarios,3,", 1);
    assert_eq!(
        decode_scenarios(&newer),
        Err(StoreError::Newer { version: 3 })
    );
    assert_eq!(decode_scenarios("hello"), Err(StoreError::NotOurs));
    assert_eq!(
        decode_scenarios("sop-scenarios,2,t"),
        Err(StoreError::Truncated)
    );
    // Cut short inside the plans: the envelope's length says so.
    let cut = &text[..text.len() - 100];
    assert_eq!(decode_scenarios(cut), Err(StoreError::Truncated));
    // One name too many for the plans held.
    let extra = text.replacen("[{", "[{\"name\":\"X\",\"author\":\"\",\"made\":\"\"},{", 1);
    assert_eq!(
        decode_scenarios(&extra),
        Err(StoreError::Corrupt {
            what: "it names 4 scenarios but holds 3".into()
        })
    );
    assert!(matches!(
        decode_scenarios("sop-scenarios,x,t\n[]\n"),
        Err(StoreError::Corrupt { .. })
    ));
    assert!(matches!(
        decode_scenarios("[{\"name\":1}]"),
        Err(StoreError::Corrupt { .. })
    ));
    // Every prefix of a good text is refused or read whole, never a panic or a wrong list.
    for n in (0..text.len()).step_by(97) {
        if let Ok(l) = decode_scenarios(&text[..n]) {
            assert!(
                l.list.is_empty(),
                "a cut text read as {} scenarios",
                l.list.len()
            );
        }
    }
}

/// Stored size of three scenarios, format 1 (each a whole plan) against format 2 (the first
/// whole, the next ones as differences), printed for the README:
/// `cargo test --release --test storage_scenarios -- --nocapture three_scenarios`.
#[test]
fn three_scenarios_cost_little_more_than_one_plan() {
    for (what, plan, family) in [
        ("demo plan, 40 SKUs", demo_plan(today()), "Gift sets"),
        (
            "generated plan, 2,000 SKUs x 156 weeks",
            generated_plan(today(), 2000, 20, 52, 104),
            "F01",
        ),
    ] {
        let family = if plan.products.iter().any(|p| p.family == family) {
            family.to_string()
        } else {
            plan.products[0].family.clone()
        };
        let list = three(&plan, &family);
        let one = encode_format_1(&list[..1]).len();
        let before = encode_format_1(&list).len();
        let after = encode_scenarios(&list, "0123456789abcdef01234567").len();
        println!(
            "sizes: 3 scenarios of the {what}: format 1 {before} chars, format 2 {after} chars \
             ({:.0} % of before; one plan alone {one})",
            after as f64 * 100.0 / before as f64
        );
        // Format 1 is three whole plans; format 2 one whole plan and two small differences.
        assert!(before > 3 * one - 400);
        assert!(after < one * 13 / 10, "{after} vs one plan {one}");
    }
}
