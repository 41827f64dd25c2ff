//! Stored text moved aside instead of written over: the dated keys, newest first, the size
//! budget (the newest copy always stays; older ones go first), what a kept copy holds (a plan
//! that opens, even in an older format; a newer app's save; damage), and a newer save told
//! from a damaged one however its envelope is spaced.
#![cfg(not(target_arch = "wasm32"))]

use sop_grid::demo::demo_plan;
use sop_grid::storage::recovered::{
    entries, holds, key, parse, to_let_go, Holds, Source, BUDGET_CHARS, MAX_KEPT, PREFIX,
};
use sop_grid::storage::{decode, encode, schema_of, StoreError, Stored, SCHEMA};

/// 2026-12-01 08:03:12.345 UTC, in milliseconds since 1970.
const MOMENT: i64 = 1_796_112_192_345;

#[test]
fn each_copy_gets_its_own_dated_key_and_reads_back() {
    assert_eq!(
        key(MOMENT, Source::Plan),
        "sop.recovered.2026-12-01T08:03:12.345Z/plan"
    );
    // One millisecond later is another key: two copies moved in one go never share one.
    assert_eq!(
        key(MOMENT + 1, Source::Plan),
        "sop.recovered.2026-12-01T08:03:12.346Z/plan"
    );
    for source in Source::ALL {
        let k = key(MOMENT, source);
        assert!(k.starts_with(PREFIX));
        assert_eq!(parse(&k).and_then(|e| e.source), Some(source), "{k}");
    }
    assert_eq!(parse("sop.plan.backup"), None);
    assert_eq!(parse("sop.me"), None);
    // A key written by a later version with a source this one does not know still lists.
    let e = parse("sop.recovered.2026-12-01T08:03:12.345Z/cloud").unwrap();
    assert_eq!(
        (e.when.as_str(), e.source),
        ("2026-12-01T08:03:12.345Z", None)
    );
}

#[test]
fn the_list_is_newest_first_and_ignores_other_keys() {
    let keys = [
        "sop.plan.a".to_string(),
        key(MOMENT - 86_400_000, Source::Backup), // a day earlier
        key(MOMENT, Source::Plan),
        "sop.plan.current".to_string(),
        key(MOMENT + 5, Source::Pointer),
    ];
    let list = entries(keys.iter().map(String::as_str));
    let whens: Vec<&str> = list.iter().map(|e| e.when.as_str()).collect();
    assert_eq!(
        whens,
        [
            "2026-12-01T08:03:12.350Z",
            "2026-12-01T08:03:12.345Z",
            "2026-11-30T08:03:12.345Z"
        ]
    );
}

#[test]
fn within_the_budget_older_copies_go_first_and_the_newest_always_stays() {
    let k = |minutes: i64| key(MOMENT + minutes * 60_000, Source::Plan);
    // 400,000 + 400,000 fit in 1,000,000; the third (oldest) would make 1,200,000.
    let copies = vec![(k(0), 400_000), (k(2), 400_000), (k(1), 400_000)];
    assert_eq!(BUDGET_CHARS, 1_000_000);
    assert_eq!(to_let_go(&copies, BUDGET_CHARS), vec![k(0)]);
    // A small older copy still fits behind a large newer one that does not: walking newest
    // first, each copy stays if it fits in what is left.
    let copies = vec![(k(3), 900_000), (k(2), 200_000), (k(1), 50_000)];
    assert_eq!(to_let_go(&copies, BUDGET_CHARS), vec![k(2)]);
    // The newest copy stays even when it alone is over the budget; the others go.
    let copies = vec![(k(5), 1_500_000), (k(4), 10)];
    assert_eq!(to_let_go(&copies, BUDGET_CHARS), vec![k(4)]);
    // No more than MAX_KEPT copies, however small: the oldest go.
    let copies: Vec<(String, usize)> = (0..10).map(|i| (k(i), 100)).collect();
    assert_eq!(MAX_KEPT, 8);
    assert_eq!(to_let_go(&copies, BUDGET_CHARS), vec![k(1), k(0)]);
    // Keys that are not kept copies are never let go.
    let copies = vec![("sop.plan.a".to_string(), 4_000_000), (k(0), 10)];
    assert!(to_let_go(&copies, BUDGET_CHARS).is_empty());
}

fn demo_text() -> String {
    let plan = demo_plan(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    encode(&Stored {
        plan,
        snapshots: Vec::new(),
    })
}

#[test]
fn a_kept_copy_says_whether_it_opens() {
    let text = demo_text();
    let skus = decode(&text).unwrap().plan.products.len();
    assert_eq!(holds(&text), Holds::Plan { skus, checkins: 0 });
    // An older format opens: the format-1 fixture (2 SKUs, 2 check-ins).
    let v1 = std::fs::read_to_string("tests/fixtures/storage/v1.json").unwrap();
    assert_eq!(
        holds(v1.trim_end()),
        Holds::Plan {
            skus: 2,
            checkins: 2
        }
    );
    // This app's format, whatever it is now, raised to a newer one.
    let newer = text.replacen(&format!("\"schema\":{SCHEMA},"), "\"schema\":7,", 1);
    assert_ne!(newer, text);
    assert_eq!(holds(&newer), Holds::Newer { version: 7 });
    assert_eq!(
        holds(&text[..text.len() / 2]),
        Holds::Unreadable(
            "The saved plan is incomplete: saving it was cut off before the end.".to_string()
        )
    );
    assert_eq!(
        holds("a:0123"),
        Holds::Unreadable("The saved data is not a plan saved by this app.".to_string())
    );
}

#[test]
fn a_newer_save_is_told_from_damage_even_pretty_printed_and_cut_short() {
    // A newer version may write its envelope with spaces and line breaks.
    let pretty =
        "{\n  \"app\": \"sop-grid\",\n  \"schema\": 9,\n  \"len\": 12,\n  \"payload\": \"AAAA";
    assert_eq!(schema_of(pretty), Some(9));
    assert_eq!(decode(pretty), Err(StoreError::Newer { version: 9 }));
    assert_eq!(holds(pretty), Holds::Newer { version: 9 });
    // Ours, cut short while spaced: incomplete, not "not ours".
    let ours_cut = "{ \"app\": \"sop-grid\", \"schema\": 3, \"len\": 12, \"pay";
    assert_eq!(decode(ours_cut), Err(StoreError::Truncated));
    // Another app's data stays "not ours".
    assert_eq!(schema_of("{ \"app\": \"other\", \"schema\": 9 }"), None);
    assert_eq!(
        decode("{ \"app\": \"other\", \"schema\": 9 }"),
        Err(StoreError::NotOurs)
    );
}
