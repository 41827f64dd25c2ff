//! The importer never panics, whatever the bytes: random byte strings, and valid fixtures
//! with random damage (bytes deleted, inserted or replaced by the characters that matter to
//! CSV). And what it reports stays sane: line numbers inside the file, records only when
//! the file is clean.

use proptest::prelude::*;
use sop_grid::import::{preview, Choices, DateOrder, Preview};

const FIXTURES: [&str; 18] = [
    "shopify_orders.csv",
    "shopify_orders_excel.csv",
    "shopify_products.csv",
    "shopify_products_excel.csv",
    "shopify_inventory.csv",
    "shopify_inventory_excel.csv",
    "purchase_orders.csv",
    "purchase_orders_excel.csv",
    "sales_history.csv",
    "sales_history_excel.csv",
    "forecast_long.csv",
    "forecast_long_excel.csv",
    "forecast_wide_weeks.csv",
    "forecast_wide_weeks_excel.csv",
    "forecast_wide_months.csv",
    "forecast_wide_months_excel.csv",
    "amazon_all_orders.txt",
    "amazon_fba_inventory.txt",
];

fn fixture(i: usize) -> Vec<u8> {
    let name = FIXTURES[i % FIXTURES.len()];
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Bytes that change how CSV is read.
const TRICKY: &[u8] = b"\",;\t|\n\r\0-.E /#W\xFF\xC3";

#[derive(Clone, Debug)]
enum Damage {
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Replace(usize, u8),
    Truncate(usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(at, n)| Damage::Delete(at, n)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, b)| Damage::Insert(at, b)),
        (any::<usize>(), prop::sample::select(TRICKY)).prop_map(|(at, b)| Damage::Replace(at, b)),
        any::<usize>().prop_map(Damage::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, d: &Damage) {
    let len = bytes.len().max(1);
    match d {
        Damage::Delete(at, n) => {
            let start = at % len;
            let end = (start + n).min(bytes.len());
            bytes.drain(start.min(end)..end);
        }
        Damage::Insert(at, b) => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, b.iter().copied());
        }
        Damage::Replace(at, b) => {
            if !bytes.is_empty() {
                let at = at % bytes.len();
                bytes[at] = *b;
            }
        }
        Damage::Truncate(at) => bytes.truncate(at % len),
    }
}

/// What must hold for any input.
fn check(bytes: &[u8], p: &Preview) {
    let lines = bytes
        .iter()
        .filter(|b| **b == b'\n' || **b == b'\r')
        .count() as u64
        + 1;
    for e in p.errors.iter().chain(&p.warnings) {
        if let Some(l) = e.line {
            assert!((1..=lines).contains(&l), "line {l} of {lines}: {e}");
        }
    }
    assert!(p.errors.len() <= p.error_count && p.errors.len() <= 100);
    assert_eq!(p.can_apply(), p.records().is_some());
    if p.error_count > 0 {
        assert!(p.records().is_none());
    }
}

fn run(bytes: &[u8]) {
    for choices in [
        Choices::default(),
        Choices {
            date_order: Some(DateOrder::Mdy),
            ..Choices::default()
        },
    ] {
        let p = preview(bytes, "damaged.csv", &choices);
        check(bytes, &p);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        run(&bytes);
    }

    #[test]
    fn random_text_never_panics(text in "[a-zA-Z0-9,;\"\\t\\r\\n .:/-]{0,300}") {
        run(text.as_bytes());
    }

    #[test]
    fn damaged_fixtures_never_panic(which in 0..FIXTURES.len(), damages in prop::collection::vec(damage(), 1..6)) {
        let mut bytes = fixture(which);
        for d in &damages {
            apply(&mut bytes, d);
        }
        run(&bytes);
    }
}

#[test]
fn the_fixtures_themselves_pass_the_checks() {
    for (i, name) in FIXTURES.iter().enumerate() {
        let bytes = fixture(i);
        let p = preview(&bytes, name, &Choices::default());
        assert!(p.can_apply(), "{name}: {:?}", p.errors);
        check(&bytes, &p);
    }
}
