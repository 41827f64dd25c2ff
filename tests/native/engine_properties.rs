//! Property tests: after any random sequence of edits, undos and redos, the incrementally
//! maintained workbook equals a full recompute of the same plan; the projection identity
//! holds in every future week; and family and total rows equal the sums of their SKUs.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use proptest::prelude::*;
use sop_grid::engine::calc::money::week_money;
use sop_grid::engine::{
    Calendar, CellEdit, CellValue, Edit, Measure, Money, Plan, Product, Qty, SafetyStock,
    SeriesField, Workbook,
};

const WEEKS_HISTORY: usize = 3;
const WEEKS_HORIZON: usize = 9;
const FAMILIES: [&str; 3] = ["F1", "F2", "F3"];

#[derive(Clone, Debug)]
enum Op {
    Cells(Vec<(usize, usize, usize, Option<u32>)>),
    Product {
        sku: usize,
        family: usize,
        on_hand: u32,
        safety_weeks: Option<u8>,
        price: u32,
        lead: u32,
    },
    Undo,
    Redo,
}

fn field(i: usize) -> SeriesField {
    SeriesField::ALL[i % SeriesField::ALL.len()]
}

fn base_plan(n_skus: usize, seed: &[u32]) -> Plan {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut plan = Plan::new(Calendar::around(today, WEEKS_HISTORY, WEEKS_HORIZON).unwrap());
    for k in 0..n_skus {
        let mut p = Product::new(&format!("S{k}"), "x", FAMILIES[k % 3]);
        p.on_hand = Qty::units(seed[k % seed.len()] as i64 % 200);
        p.unit_cost = Money::cents(150 + k as i128);
        p.unit_price = Money::cents(499);
        p.moq = Qty::units(10);
        p.order_multiple = Qty::units(6);
        p.lead_time_weeks = (k % 4) as u32;
        p.safety_stock = if k % 2 == 0 {
            SafetyStock::Units(Qty::units(15))
        } else {
            SafetyStock::WeeksOfCover(1.5)
        };
        let i = plan.add_product(p);
        for w in 0..plan.calendar.len() {
            let v = seed[(k * 7 + w) % seed.len()] as i64;
            plan.series_mut(i).forecast[w] = Qty(v * 37 % 60_000);
            plan.series_mut(i).actual[w] = Qty(v * 53 % 50_000);
        }
    }
    plan
}

fn op_strategy(n_skus: usize) -> impl Strategy<Value = Op> {
    let weeks = WEEKS_HISTORY + WEEKS_HORIZON;
    let cell = (
        0..n_skus,
        0..5usize,
        0..weeks,
        prop::option::weighted(0.85, 0u32..90_000),
    );
    prop_oneof![
        5 => prop::collection::vec(cell, 1..6).prop_map(Op::Cells),
        1 => (0..n_skus, 0..4usize, 0u32..300, prop::option::of(0u8..6), 0u32..2000, 0u32..6).prop_map(
            |(sku, family, on_hand, safety_weeks, price, lead)| Op::Product { sku, family, on_hand, safety_weeks, price, lead }
        ),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
    ]
}

fn apply(wb: &mut Workbook, op: &Op) {
    match op {
        Op::Cells(cells) => {
            let edits = cells
                .iter()
                .map(|&(sku, f, week, v)| CellEdit {
                    sku,
                    field: field(f),
                    week,
                    value: v.map(|v| Qty(v as i64)),
                })
                .collect();
            wb.apply("cells", Edit::Cells(edits)).unwrap();
        }
        Op::Product {
            sku,
            family,
            on_hand,
            safety_weeks,
            price,
            lead,
        } => {
            let mut p = wb.plan().products[*sku].clone();
            p.family = ["F1", "F2", "F3", "New"][*family].to_string();
            p.on_hand = Qty::units(*on_hand as i64);
            p.safety_stock = match safety_weeks {
                Some(w) => SafetyStock::WeeksOfCover(*w as f64 * 0.75),
                None => SafetyStock::Units(Qty::units(20)),
            };
            p.unit_price = Money::cents(*price as i128);
            p.lead_time_weeks = *lead;
            wb.apply(
                "product",
                Edit::Product {
                    sku: *sku,
                    product: p,
                },
            )
            .unwrap();
        }
        Op::Undo => {
            let _ = wb.undo();
        }
        Op::Redo => {
            let _ = wb.redo();
        }
    }
}

fn check_invariants(wb: &Workbook) {
    let plan = wb.plan();
    let cal = &plan.calendar;
    let c = cal.current();
    for (i, d) in wb.all_derived().iter().enumerate() {
        let p = &plan.products[i];
        let mut prev = p.on_hand;
        for w in c..cal.len() {
            let s = &plan.series[i];
            let demand = s.consensus[w].unwrap_or(s.forecast[w]);
            let receipts = s.confirmed_receipts[w] + s.planned_receipts[w];
            assert_eq!(
                d.projected[w],
                prev + receipts - demand,
                "projection identity, sku {i} week {w}"
            );
            assert_eq!(
                wb.sku_value(i, Measure::Demand, w),
                CellValue::Units(demand)
            );
            assert!(d.cover[w].is_finite() && d.cover[w] >= 0.0);
            prev = d.projected[w];
        }
    }
    let mut summed_total = vec![0i64; cal.len()];
    for (name, agg) in wb.families() {
        let members: Vec<usize> = (0..plan.products.len())
            .filter(|&i| &plan.products[i].family == name)
            .collect();
        assert_eq!(agg.members, members.len());
        for (w, total_gap) in summed_total.iter_mut().enumerate() {
            let proj: i64 = members.iter().map(|&i| wb.derived(i).projected[w].0).sum();
            let rev: i128 = members
                .iter()
                .map(|&i| {
                    week_money(&plan.products[i], &plan.series[i], wb.derived(i), c, w)
                        .revenue
                        .0
                })
                .sum();
            assert_eq!(agg.projected[w], proj, "family {name} projected week {w}");
            assert_eq!(agg.revenue[w], rev, "family {name} revenue week {w}");
            *total_gap += agg.gap[w];
        }
    }
    assert_eq!(wb.total().gap, summed_total);
}

fn assert_same(incremental: &Workbook) {
    let full = Workbook::new(incremental.plan().clone());
    assert_eq!(incremental.all_derived(), full.all_derived());
    assert_eq!(incremental.families(), full.families());
    assert_eq!(incremental.total(), full.total());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn incremental_equals_full_recompute(
        seed in prop::collection::vec(0u32..100_000, 8..16),
        ops in prop::collection::vec(op_strategy(6), 1..40),
    ) {
        let mut wb = Workbook::new(base_plan(6, &seed));
        check_invariants(&wb);
        for op in &ops {
            apply(&mut wb, op);
            assert_same(&wb);
            check_invariants(&wb);
        }
    }

    #[test]
    fn undoing_everything_restores_the_original_plan(
        seed in prop::collection::vec(0u32..100_000, 8..16),
        ops in prop::collection::vec(op_strategy(5), 1..30),
    ) {
        let original = base_plan(5, &seed);
        let mut wb = Workbook::new(original.clone());
        for op in ops.iter().filter(|o| !matches!(o, Op::Undo | Op::Redo)) {
            apply(&mut wb, op);
        }
        let edited = wb.plan().clone();
        while wb.undo().is_ok() {}
        prop_assert_eq!(wb.plan(), &original);
        assert_same(&wb);
        while wb.redo().is_ok() {}
        prop_assert_eq!(wb.plan(), &edited);
        assert_same(&wb);
    }
}
