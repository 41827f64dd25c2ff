//! Amazon All Orders reports made up at random: the weekly actuals equal a plain model of
//! the documented rules (the date as written, cancelled and Non-Amazon items and quantity 0
//! left out, everything else counted), and a report split in two adds up to the whole.

use chrono::{Datelike, Duration, NaiveDate};
use proptest::prelude::*;
use sop_grid::import::{preview, Choices, Records};
use std::collections::BTreeMap;

const HEADER: &str = "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\tsales-channel\tsku\titem-status\tquantity\titem-price";
const SKUS: [&str; 3] = ["CND-101", "DIF-104", "GFT-102"];
const OFFSETS: [&str; 4] = ["-07:00", "+00:00", "+01:00", "+09:00"];
const ORDER_STATUS: [&str; 6] = [
    "Shipped",
    "Pending",
    "Unshipped",
    "Cancelled",
    "Shipped - Delivered to Buyer",
    "PartiallyShipped",
];
const ITEM_STATUS: [&str; 3] = ["Shipped", "Unshipped", "Cancelled"];
const CHANNELS: [&str; 3] = ["Amazon.com", "Amazon.de", "Non-Amazon"];

#[derive(Clone, Debug)]
struct Item {
    sku: usize,
    day: i64,
    hour: u32,
    offset: usize,
    order_status: usize,
    item_status: usize,
    channel: usize,
    qty: u32,
}

fn item() -> impl Strategy<Value = Item> {
    (
        (0..SKUS.len(), 0..70i64, 0..24u32, 0..OFFSETS.len()),
        (
            0..ORDER_STATUS.len(),
            0..ITEM_STATUS.len(),
            0..CHANNELS.len(),
            0..5u32,
        ),
    )
        .prop_map(
            |((sku, day, hour, offset), (order_status, item_status, channel, qty))| Item {
                sku,
                day,
                hour,
                offset,
                order_status,
                item_status,
                channel,
                qty,
            },
        )
}

fn date(it: &Item) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 9, 1).unwrap() + Duration::days(it.day)
}

fn report(items: &[Item]) -> String {
    let mut out = format!("{HEADER}\n");
    for (i, it) in items.iter().enumerate() {
        out.push_str(&format!(
            "111-{i:07}-0000001\t{}T{:02}:30:00{}\t{}\tAmazon\t{}\t{}\t{}\t{}\t18.00\n",
            date(it),
            it.hour,
            OFFSETS[it.offset],
            ORDER_STATUS[it.order_status],
            CHANNELS[it.channel],
            SKUS[it.sku],
            ITEM_STATUS[it.item_status],
            it.qty
        ));
    }
    out
}

/// Units per (SKU, Monday), by the rules written out plainly.
fn model(items: &[Item]) -> BTreeMap<(String, NaiveDate), i64> {
    let mut sums = BTreeMap::new();
    for it in items {
        let cancelled = ORDER_STATUS[it.order_status] == "Cancelled"
            || ITEM_STATUS[it.item_status] == "Cancelled";
        if cancelled || CHANNELS[it.channel] == "Non-Amazon" || it.qty == 0 {
            continue;
        }
        let d = date(it);
        let monday = d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
        *sums.entry((SKUS[it.sku].to_string(), monday)).or_default() += i64::from(it.qty) * 1000;
    }
    sums
}

/// The importer's actuals, summed into the model's form.
fn imported(text: &str) -> BTreeMap<(String, NaiveDate), i64> {
    let p = preview(text.as_bytes(), "orders.txt", &Choices::default());
    let Some(Records::Actuals(rows)) = p.records() else {
        panic!("not imported: {:?}", p.errors)
    };
    let mut sums = BTreeMap::new();
    for r in rows {
        assert_eq!(r.channel, "Amazon");
        *sums.entry((r.sku.clone(), r.week)).or_default() += r.qty.0;
    }
    sums
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn actuals_follow_the_rules(items in prop::collection::vec(item(), 1..40)) {
        prop_assert_eq!(imported(&report(&items)), model(&items));
    }

    #[test]
    fn a_report_split_in_two_adds_up_to_the_whole(
        items in prop::collection::vec(item(), 2..40),
        at in any::<prop::sample::Index>(),
    ) {
        let k = 1 + at.index(items.len() - 1);
        let mut parts = imported(&report(&items[..k]));
        for (key, q) in imported(&report(&items[k..])) {
            *parts.entry(key).or_default() += q;
        }
        parts.retain(|_, q| *q != 0);
        prop_assert_eq!(parts, imported(&report(&items)));
    }
}
