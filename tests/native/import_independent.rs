//! The importers checked against independent readers: for each case, a small Python script
//! (standard library only, tests/independent/) reads the same example file and prints the
//! records it expects; the Rust importer's records must equal them exactly. See
//! tests/independent/README.md for the line format.

use sop_grid::import::{preview, Choices, Period, Records};
use std::collections::BTreeSet;
use std::process::Command;

/// `(script in tests/independent/, example file in tests/fixtures/)`.
const CASES: &[(&str, &str)] = &[
    ("forecast_long.py", "forecast_long.csv"),
    ("forecast_wide.py", "forecast_wide_weeks.csv"),
    ("forecast_wide.py", "forecast_wide_weeks_excel.csv"),
    ("forecast_wide.py", "forecast_wide_months.csv"),
    ("forecast_wide.py", "forecast_wide_months_excel.csv"),
    ("shopify_orders.py", "shopify_orders.csv"),
    ("shopify_orders.py", "shopify_orders_multiline.csv"),
    ("shopify_inventory.py", "shopify_inventory.csv"),
    ("shopify_products.py", "shopify_products.csv"),
    ("sales_history.py", "sales_history.csv"),
    ("purchase_orders.py", "purchase_orders.csv"),
    ("purchase_orders.py", "purchase_orders_excel.csv"),
    ("purchase_orders.py", "purchase_orders_received.csv"),
    ("purchase_orders.py", "purchase_orders_received_fr.csv"),
    ("amazon_orders.py", "amazon_all_orders.txt"),
    ("amazon_inventory.py", "amazon_fba_inventory.txt"),
];

/// The Rust importer's records in the scripts' line format.
fn lines(records: &Records) -> BTreeSet<String> {
    let opt = |v: Option<i128>| v.map(|v| v.to_string()).unwrap_or_default();
    match records {
        Records::Actuals(v) => v
            .iter()
            .map(|r| format!("actual\t{}\t{}\t{}\t{}", r.sku, r.week, r.qty.0, r.channel))
            .collect(),
        Records::OnHand(v) => v
            .iter()
            .map(|r| format!("on_hand\t{}\t{}\t{}", r.sku, r.qty.0, r.location))
            .collect(),
        Records::Stock { on_hand, inbound } => lines(&Records::OnHand(on_hand.clone()))
            .into_iter()
            .chain(
                inbound
                    .iter()
                    .map(|r| format!("inbound\t{}\t+{}\t{}", r.sku, r.weeks_ahead, r.qty.0)),
            )
            .collect(),
        Records::Receipts(v) => v
            .iter()
            .map(|r| {
                let status = if r.confirmed { "confirmed" } else { "planned" };
                format!("receipt\t{}\t{}\t{}\t{status}", r.sku, r.week, r.qty.0)
            })
            .collect(),
        Records::Products(v) => v
            .iter()
            .map(|r| {
                format!(
                    "product\t{}\t{}\t{}\t{}\t{}\t{}",
                    r.sku,
                    r.name,
                    r.family,
                    opt(r.price.map(|m| m.0)),
                    opt(r.cost.map(|m| m.0)),
                    opt(r.on_hand.map(|q| q.0.into())),
                )
            })
            .collect(),
        Records::Forecast(v) => v
            .iter()
            .map(|r| {
                let period = match r.period {
                    Period::Week(monday) => format!("W{monday}"),
                    Period::Month(m) => format!("M{:04}-{:02}", m.0, m.1),
                };
                format!("forecast\t{}\t{period}\t{}", r.sku, r.qty.0)
            })
            .collect(),
    }
}

#[test]
fn every_case_matches_its_independent_reader() {
    let root = env!("CARGO_MANIFEST_DIR");
    for (script, example) in CASES {
        let path = format!("{root}/tests/fixtures/{example}");
        let out = Command::new("python3")
            .arg(format!("{root}/tests/independent/{script}"))
            .arg(&path)
            .output()
            .expect("python3 runs (installed by scripts/setup)");
        assert!(
            out.status.success(),
            "{script} on {example} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let expected: BTreeSet<String> = String::from_utf8(out.stdout)
            .expect("the script prints UTF-8")
            .lines()
            .map(str::to_string)
            .collect();
        assert!(
            !expected.is_empty(),
            "{script} printed nothing for {example}"
        );
        let bytes = std::fs::read(&path).expect("example file exists");
        let p = preview(&bytes, example, &Choices::default());
        let records = p
            .records()
            .unwrap_or_else(|| panic!("{example} did not import: {:?}", p.errors));
        let got = lines(records);
        let missing: Vec<_> = expected.difference(&got).collect();
        let extra: Vec<_> = got.difference(&expected).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{example}: expected by {script} but not imported: {missing:#?}\nimported but not expected: {extra:#?}"
        );
    }
}
