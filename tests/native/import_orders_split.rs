//! An orders export split into two files at a week boundary (as a planner exports one
//! period, then the next) and imported one after the other gives the same actual sales as
//! the whole file, and both equal the sums worked out directly from the generated orders.

use chrono::{Datelike, Duration, NaiveDate};
use proptest::prelude::*;
use sop_grid::demo::demo_plan;
use sop_grid::engine::{Qty, SeriesField, Workbook};
use sop_grid::import::apply::{to_edit, Mode};
use sop_grid::import::{preview, Choices};
use std::collections::BTreeMap;

const SKUS: [&str; 5] = ["CND-101", "CND-102", "DIF-104", "GFT-102", "NEW-9"];
const STATUSES: [&str; 5] = ["paid", "paid", "partially_refunded", "refunded", "voided"];
const SOURCES: [&str; 4] = ["web", "pos", "shopify_draft_order", ""];

#[derive(Clone, Debug)]
struct Order {
    day: i64,
    status: usize,
    cancelled: bool,
    source: usize,
    lines: Vec<(usize, u32)>,
}

fn order() -> impl Strategy<Value = Order> {
    (
        0..70i64,
        0..STATUSES.len(),
        prop::bool::weighted(0.2),
        0..SOURCES.len(),
        prop::collection::vec((0..SKUS.len(), 1..20u32), 1..5),
    )
        .prop_map(|(day, status, cancelled, source, lines)| Order {
            day,
            status,
            cancelled,
            source,
            lines,
        })
}

/// Monday 1 September 2025: every order falls in past weeks of the demo plan.
fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 9, 1).unwrap()
}

/// Orders as Shopify exports them: order-level fields on the first line item only.
fn csv(orders: &[(usize, &Order)]) -> String {
    let mut out = String::from(
        "Name,Financial Status,Created at,Lineitem quantity,Lineitem sku,Cancelled at,Source\n",
    );
    for (n, o) in orders {
        let created = format!("{} 10:00:00 +0100", first_day() + Duration::days(o.day));
        for (i, (sku, q)) in o.lines.iter().enumerate() {
            let (status, cancelled, source) = if i == 0 {
                (
                    STATUSES[o.status],
                    if o.cancelled { created.as_str() } else { "" },
                    SOURCES[o.source],
                )
            } else {
                ("", "", "")
            };
            out.push_str(&format!(
                "#{n},{status},{created},{q},{},{cancelled},{source}\n",
                SKUS[*sku]
            ));
        }
    }
    out
}

fn import(wb: &mut Workbook, text: &str) {
    let p = preview(text.as_bytes(), "orders.csv", &Choices::default());
    let records = p.records().unwrap_or_else(|| panic!("{:?}", p.errors));
    let applied = to_edit(wb, records, Mode::Merge, true);
    wb.apply("Import", applied.edit).unwrap();
}

fn actuals(wb: &Workbook) -> BTreeMap<(String, usize), Qty> {
    let plan = wb.plan();
    let mut out = BTreeMap::new();
    for (i, p) in plan.products.iter().enumerate() {
        for w in 0..plan.calendar.len() {
            if let Some(q) = plan.series[i].get(SeriesField::Actual, w) {
                out.insert((p.sku.clone(), w), q);
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn split_at_a_week_boundary_gives_the_same_actuals(
        mut orders in prop::collection::vec(order(), 1..25),
        cut_week in 0..11i64,
    ) {
        orders.sort_by_key(|o| o.day);
        let numbered: Vec<(usize, &Order)> =
            orders.iter().enumerate().map(|(i, o)| (1001 + i, o)).collect();
        let cut = numbered.iter().position(|(_, o)| o.day >= cut_week * 7).unwrap_or(numbered.len());
        let today = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
        let mut whole = Workbook::new(demo_plan(today));
        let mut split = Workbook::new(demo_plan(today));
        import(&mut whole, &csv(&numbered));
        for part in [&numbered[..cut], &numbered[cut..]] {
            if !part.is_empty() {
                import(&mut split, &csv(part));
            }
        }
        prop_assert_eq!(actuals(&whole), actuals(&split));
        // The whole file's weeks hold exactly the units of the orders that are sales.
        let mut expected: BTreeMap<(String, usize), i64> = BTreeMap::new();
        for o in &orders {
            if o.cancelled || matches!(STATUSES[o.status], "refunded" | "voided") {
                continue;
            }
            let day = first_day() + Duration::days(o.day);
            let monday = day - Duration::days(day.weekday().num_days_from_monday() as i64);
            let w = whole.plan().calendar.index_of_date(monday).unwrap();
            for (sku, q) in &o.lines {
                *expected.entry((SKUS[*sku].to_string(), w)).or_default() += i64::from(*q);
            }
        }
        let all = actuals(&whole);
        for ((sku, w), units) in expected {
            prop_assert_eq!(all.get(&(sku.clone(), w)).copied(), Some(Qty::units(units)), "{} week {}", sku, w);
        }
    }
}
