//! Property test: on any small plan, a quick change with any percent (NaN, infinite, huge or
//! below −100 included), any weeks and any lateness either is refused with a message and
//! changes nothing, or is an edit the workbook accepts whole, leaving no negative demand or
//! receipt and keeping every receipt either in the plan or counted as past its end.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sop_grid::engine::collab::scenario::QuickChange;
use sop_grid::engine::{CellEdit, Edit, Qty, SeriesField, Workbook};
use sop_grid::planfile;

/// The hand-worked two-SKU plan (W47 past, W48–W51 ahead), filled with random inputs.
fn plan(values: &[(u32, Option<u32>, u32, u32)]) -> Workbook {
    let text = std::fs::read_to_string("tests/fixtures/plans/scenario_plan.csv").unwrap();
    let mut wb = Workbook::new(planfile::read(&text).unwrap());
    let mut edits = Vec::new();
    for (k, &(forecast, consensus, confirmed, planned)) in values.iter().enumerate() {
        let (sku, week) = (k % 2, 1 + (k / 2) % 4);
        let cell = |field, value| CellEdit {
            sku,
            field,
            week,
            value,
        };
        edits.push(cell(
            SeriesField::Forecast,
            Some(Qty::units(forecast.into())),
        ));
        edits.push(cell(
            SeriesField::Consensus,
            consensus.map(|c| Qty::units(c.into())),
        ));
        edits.push(cell(
            SeriesField::ConfirmedReceipts,
            Some(Qty::units(confirmed.into())),
        ));
        edits.push(cell(
            SeriesField::PlannedReceipts,
            Some(Qty::units(planned.into())),
        ));
    }
    wb.apply("fill", Edit::Cells(edits)).unwrap();
    wb
}

fn receipts(wb: &Workbook) -> i64 {
    let s = &wb.plan().series;
    let c = wb.plan().calendar.current();
    s.iter()
        .flat_map(|s| (c..s.forecast.len()).map(move |w| s.receipts(w).0))
        .sum()
}

fn change() -> impl Strategy<Value = QuickChange> {
    let target = prop::sample::select(vec!["A-1", "B-1", "family:Candles", "family:Lamps"]);
    let week = prop::sample::select(vec![
        "2026-W46", "2026-W47", "2026-W48", "2026-W49", "2026-W51", "2026-W52", "W49",
    ]);
    let percent = prop_oneof![
        -150.0..1500.0f64,
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(-100.0),
        Just(1e300),
    ];
    prop_oneof![
        (target.clone(), week.clone(), week, percent).prop_map(|(t, a, b, p)| {
            QuickChange::Demand {
                target: t.into(),
                first: a.into(),
                last: b.into(),
                percent: p,
            }
        }),
        (target, 0usize..60).prop_map(|(t, weeks)| QuickChange::ReceiptsLate {
            target: t.into(),
            weeks,
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn quick_changes_are_refused_or_leave_valid_numbers(
        values in prop::collection::vec(
            (0u32..5_000, prop::option::of(0u32..5_000), 0u32..5_000, 0u32..5_000), 0..8),
        change in change(),
    ) {
        let mut wb = plan(&values);
        let before = wb.plan().clone();
        let before_receipts = receipts(&wb);
        match change.edits(wb.plan()) {
            Err(message) => {
                prop_assert!(!message.is_empty());
                prop_assert_eq!(wb.plan(), &before);
            }
            Ok((edit, said)) => {
                prop_assert!(!said.contains("NaN") && !said.contains("inf"), "{}", said);
                wb.apply("quick change", edit).map_err(|e| TestCaseError::fail(e.to_string()))?;
                for (i, s) in wb.plan().series.iter().enumerate() {
                    for w in 0..s.forecast.len() {
                        prop_assert!(wb.demand_plan(i, w) >= Qty::ZERO);
                        prop_assert!(s.receipts(w) >= Qty::ZERO);
                    }
                }
                if let QuickChange::ReceiptsLate { .. } = change {
                    // Receipts only move: what is not in the plan any more is what was said
                    // to arrive after its last week.
                    let gone = before_receipts - receipts(&wb);
                    prop_assert!(gone >= 0);
                    prop_assert_eq!(gone > 0, said.contains("after the plan's last week"), "{}", said);
                }
                let o = wb.outcome(wb.plan().calendar.horizon());
                prop_assert!(o.lost_revenue.0 >= 0 && o.inventory_value.0 >= 0 && o.po_spend.0 >= 0);
            }
        }
    }
}
