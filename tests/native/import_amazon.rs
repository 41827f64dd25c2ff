//! Amazon Seller Central reports: the "All Orders" report as weekly actual sales on the
//! channel Amazon, the FBA "Manage Inventory" report as stock at "Amazon FBA" plus inbound
//! receipts. Records worked out by hand from tests/fixtures/amazon_*.txt; detection (neither
//! kind taken for another); bad input named by line and column; applied to the demo plan.

use chrono::NaiveDate;
use sop_grid::demo::demo_plan;
use sop_grid::engine::{Qty, SeriesField, Workbook};
use sop_grid::import::apply::{to_edit, Mode};
use sop_grid::import::{
    preview, Choices, Delimiter, InboundRow, Kind, Preview, Records, Skipped, SkuQty, WeekQty,
};

fn load(name: &str) -> Preview {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    preview(&std::fs::read(path).unwrap(), name, &Choices::default())
}

fn read(text: &str, name: &str) -> Preview {
    preview(text.as_bytes(), name, &Choices::default())
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn sold(sku: &str, monday: NaiveDate, units: i64) -> WeekQty {
    WeekQty {
        sku: sku.to_string(),
        week: monday,
        qty: Qty::units(units),
        channel: "Amazon".to_string(),
    }
}

fn skipped(reason: &str, rows: usize) -> Skipped {
    Skipped {
        reason: reason.to_string(),
        rows,
    }
}

#[test]
fn all_orders_report_gives_weekly_amazon_sales() {
    let p = load("amazon_all_orders.txt");
    assert!(p.can_apply(), "{:?}", p.errors);
    assert_eq!(p.kind, Some(Kind::AmazonOrders));
    assert_eq!(p.format.delimiter, Delimiter::Tab);
    assert_eq!(
        p.seen,
        "Amazon All Orders report, UTF-8, tab-delimited, dates y-m-d, 18 order items"
    );
    let (w40, w41, w42, w43, w44) = (
        day(2025, 9, 29),
        day(2025, 10, 6),
        day(2025, 10, 13),
        day(2025, 10, 20),
        day(2025, 10, 27),
    );
    // By hand, line by line (line 1 is the header):
    // CND-101: W41 2 (l2) + 1 (l3); W42 4 (l7) + 1 pending (l11); l10 is in a cancelled
    //   order (its item still reads Unshipped), l14 has quantity 0, l15 is a Non-Amazon
    //   (Multi-Channel Fulfilment) order; l16 2025-10-27T00:40+01:00 is Monday as written
    //   (W44), although it is still Sunday in UTC.
    // CND-102: l5 cancelled; W42 2 (l8); W43 3 pending (l13).
    // DIF-104: W41 3 (l4); l9 an item cancelled in a shipped order; W43 2 (l12) + 1 pending
    //   (l19).
    // GFT-102: l6 2025-10-12T23:30-07:00 is Sunday as written (W41; Monday in UTC); W40 2
    //   (l17); W42 1 (l18).
    assert_eq!(
        p.records(),
        Some(&Records::Actuals(vec![
            sold("CND-101", w41, 3),
            sold("CND-101", w42, 5),
            sold("CND-101", w44, 3),
            sold("CND-102", w42, 2),
            sold("CND-102", w43, 3),
            sold("DIF-104", w41, 3),
            sold("DIF-104", w43, 3),
            sold("GFT-102", w40, 2),
            sold("GFT-102", w41, 1),
            sold("GFT-102", w42, 1),
        ]))
    );
    assert_eq!(
        p.summary.skipped,
        vec![
            skipped("order items cancelled", 3),
            skipped(
                "order items of other channels shipped by Amazon (sales-channel Non-Amazon)",
                1
            ),
            skipped("order items with quantity 0", 1),
        ]
    );
    assert_eq!(p.summary.total, Qty::units(26));
}

fn on_hand(sku: &str, units: i64) -> SkuQty {
    SkuQty {
        sku: sku.to_string(),
        qty: Qty::units(units),
        location: "Amazon FBA".to_string(),
    }
}

fn inbound(sku: &str, weeks_ahead: u32, units: i64) -> InboundRow {
    InboundRow {
        sku: sku.to_string(),
        weeks_ahead,
        qty: Qty::units(units),
    }
}

#[test]
fn fba_inventory_report_gives_stock_at_amazon_and_inbound_receipts() {
    let p = load("amazon_fba_inventory.txt");
    assert!(p.can_apply(), "{:?}", p.errors);
    assert_eq!(p.kind, Some(Kind::AmazonInventory));
    assert_eq!(
        p.seen,
        "Amazon FBA inventory report, UTF-8, tab-delimited, 5 listing rows"
    );
    // On hand = fulfillable + reserved (unsellable left out): CND-101 84 + 6 (2 unsellable),
    // CND-102 30, CND-103 15 + 1, DIF-104 0 + 2 (3 unsellable). Inbound: receiving this week
    // (CND-101 12, CND-103 20), shipped next week (CND-101 48, DIF-104 60); working (CND-101
    // 24, CND-103 100) not yet. GFT-102 is not an FBA listing (afn-listing-exists No).
    assert_eq!(
        p.records(),
        Some(&Records::Stock {
            on_hand: vec![
                on_hand("CND-101", 90),
                on_hand("CND-102", 30),
                on_hand("CND-103", 16),
                on_hand("DIF-104", 2),
            ],
            inbound: vec![
                inbound("CND-101", 0, 12),
                inbound("CND-101", 1, 48),
                inbound("CND-103", 0, 20),
                inbound("DIF-104", 1, 60),
            ],
        })
    );
    assert_eq!(
        p.summary.skipped,
        vec![skipped("listings not fulfilled by Amazon", 1)]
    );
    // the summary's total is the stock on hand
    assert_eq!((p.summary.skus, p.summary.total), (4, Qty::units(138)));
}

const ORDERS_HEADER: &str = "amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\tsku\tasin\titem-status\tquantity\tcurrency\titem-price";
const FBA_HEADER: &str = "sku\tfnsku\tasin\tproduct-name\tcondition\tyour-price\tmfn-listing-exists\tmfn-fulfillable-quantity\tafn-listing-exists\tafn-warehouse-quantity\tafn-fulfillable-quantity\tafn-unsellable-quantity\tafn-reserved-quantity\tafn-total-quantity\tper-unit-volume\tafn-inbound-working-quantity\tafn-inbound-shipped-quantity\tafn-inbound-receiving-quantity";

#[test]
fn amazon_reports_are_recognised_under_any_name_and_not_taken_for_others() {
    let orders = format!("{ORDERS_HEADER}\n111-1\t\t2025-10-06T10:00:00+00:00\t2025-10-06T10:00:00+00:00\tShipped\tAmazon\tAmazon.com\tCND-101\tB0\tShipped\t1\tUSD\t18.00\n");
    let fba = format!("{FBA_HEADER}\nCND-101\tX0\tB0\tCandle\tNew\t18.00\tNo\t\tYes\t5\t5\t0\t0\t5\t0.1\t0\t0\t0\n");
    for name in [
        "report.txt",
        "sales.csv",
        "purchase orders.txt",
        "forecast.tsv",
    ] {
        assert_eq!(read(&orders, name).kind, Some(Kind::AmazonOrders), "{name}");
        assert_eq!(read(&fba, name).kind, Some(Kind::AmazonInventory), "{name}");
    }
    // A copy saved by Excel as CSV is the same report.
    assert_eq!(
        read(&orders.replace('\t', ","), "x.csv").kind,
        Some(Kind::AmazonOrders)
    );
    // The others stay what they were.
    for (name, kind) in [
        ("shopify_orders.csv", Kind::ShopifyOrders),
        ("shopify_inventory.csv", Kind::ShopifyInventory),
        ("shopify_products.csv", Kind::ShopifyProducts),
        ("purchase_orders.csv", Kind::Receipts),
        ("sales_history.csv", Kind::SalesHistory),
    ] {
        assert_eq!(load(name).kind, Some(kind), "{name}");
    }
    // A generic file with Amazon-like words but not the report's columns is sales history.
    let generic = read(
        "sku\tdate\tquantity\tsales-channel\nCND-101\t2025-10-06\t2\tAmazon\n",
        "amazon.txt",
    );
    assert_eq!(generic.kind, Some(Kind::SalesHistory));
}

/// The errors as a planner reads them; nothing can be applied.
fn errors(p: &Preview) -> Vec<String> {
    assert!(!p.can_apply(), "{} should not apply", p.file_name);
    p.errors.iter().map(|e| e.to_string()).collect()
}

#[test]
fn a_missing_report_column_is_named() {
    let orders = ORDERS_HEADER.replace("\torder-status", "");
    let p = read(
        &format!("{orders}\n111-1\t\t2025-10-06T10:00:00+00:00\t2025-10-06\tAmazon\tAmazon.com\tCND-101\tB0\tShipped\t1\tUSD\t18.00\n"),
        "orders.txt",
    );
    assert_eq!(p.kind, Some(Kind::AmazonOrders));
    let e = errors(&p);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with(
            "column 'order-status': not found: an Amazon All Orders report needs it (accepted names: order-status;"
        ),
        "{e:?}"
    );
    let fba = FBA_HEADER.replace("\tafn-reserved-quantity", "");
    let p = read(
        &format!(
            "{fba}\nCND-101\tX0\tB0\tCandle\tNew\t18.00\tNo\t\tYes\t5\t5\t0\t5\t0.1\t0\t0\t0\n"
        ),
        "inventory.txt",
    );
    assert_eq!(p.kind, Some(Kind::AmazonInventory));
    let e = errors(&p);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with(
            "column 'afn-reserved-quantity': not found: an Amazon FBA inventory report needs it"
        ),
        "{e:?}"
    );
}

#[test]
fn bad_numbers_and_dates_name_line_and_column() {
    let text = format!(
        "{ORDERS_HEADER}\n\
         111-1\t\t2025-10-06T10:00:00+00:00\t\tShipped\tAmazon\tAmazon.com\tCND-101\tB0\tShipped\t1\tUSD\t18.00\n\
         111-2\t\t2025-10-07T10:00:00+00:00\t\tShipped\tAmazon\tAmazon.com\tCND-101\tB0\tShipped\ttwo\tUSD\t18.00\n\
         111-3\t\tyesterday\t\tPending\tAmazon\tAmazon.com\tCND-102\tB0\tUnshipped\t1\tUSD\t18.00\n\
         111-4\t\t2025-10-08T10:00:00+00:00\t\tShipped\tAmazon\tAmazon.com\t\tB0\tShipped\t1\tUSD\t18.00\n"
    );
    let p = read(&text, "orders.txt");
    assert_eq!(
        errors(&p),
        vec![
            "line 3, column 'quantity': 'two' is not a number",
            "line 4, column 'purchase-date': 'yesterday' is not a date (expected e.g. 2026-11-23, 23/11/2026 or 11/23/2026)",
            "line 5, column 'sku': '' is empty",
        ]
    );
    // skipping the bad rows keeps the good one
    assert_eq!(
        p.records_skipping_errors(),
        Some(&Records::Actuals(vec![sold(
            "CND-101",
            day(2025, 10, 6),
            1
        )]))
    );
    let text = format!(
        "{FBA_HEADER}\n\
         CND-101\tX0\tB0\tCandle\tNew\t18.00\tNo\t\tYes\t5\t5\t0\t0\t5\t0.1\t0\t0\t0\n\
         CND-102\tX1\tB1\tCandle\tNew\t18.00\tNo\t\tYes\t5\t5\t0\t-1\t5\t0.1\t0\tmany\t0\n\
         CND-101\tX0\tB0\tCandle\tNew\t18.00\tNo\t\tYes\t5\t5\t0\t0\t5\t0.1\t0\t0\t0\n"
    );
    assert_eq!(
        errors(&read(&text, "inventory.txt")),
        vec![
            "line 3, column 'afn-reserved-quantity': '-1' is negative; quantities must be zero or more",
            "line 3, column 'afn-inbound-shipped-quantity': 'many' is not a number",
            "line 4, column 'sku': 'CND-101' appears twice (also on line 2)",
        ]
    );
}

fn wb_at(y: i32, m: u32, d: u32) -> Workbook {
    Workbook::new(demo_plan(day(y, m, d)))
}

fn get(wb: &Workbook, sku: &str, field: SeriesField, week: &str) -> Option<Qty> {
    let i = wb.plan().sku_index(sku).unwrap();
    let w = wb.plan().calendar.parse_week(week).unwrap();
    wb.plan().series[i].get(field, w)
}

#[test]
fn orders_applied_give_the_grid_its_actuals() {
    let mut wb = wb_at(2025, 11, 3);
    let records = load("amazon_all_orders.txt").records().cloned().unwrap();
    let applied = to_edit(&wb, &records, Mode::Merge, true);
    wb.apply("Import", applied.edit).unwrap();
    let a = SeriesField::Actual;
    for (sku, week, units) in [
        ("CND-101", "2025-W41", 3),
        ("CND-101", "2025-W42", 5),
        ("CND-101", "2025-W44", 3),
        ("CND-102", "2025-W43", 3),
        ("DIF-104", "2025-W43", 3),
        ("GFT-102", "2025-W40", 2),
    ] {
        assert_eq!(
            get(&wb, sku, a, week),
            Some(Qty::units(units)),
            "{sku} {week}"
        );
    }
}

#[test]
fn fba_inventory_applied_sets_stock_and_merges_inbound_into_receipts() {
    let mut wb = wb_at(2026, 11, 23);
    let before = wb.plan().clone();
    let c = SeriesField::ConfirmedReceipts;
    // the demo's CND-101 purchase order in W52 is not the FBA report's business
    let w52 = get(&wb, "CND-101", c, "2026-W52");
    let records = load("amazon_fba_inventory.txt").records().cloned().unwrap();
    for mode in [Mode::Merge, Mode::Replace] {
        let applied = to_edit(&wb, &records, mode, true);
        assert!(applied.added.is_empty(), "{:?}", applied.added);
        wb.apply("Import", applied.edit).unwrap();
        let on_hand = |sku: &str| {
            let i = wb.plan().sku_index(sku).unwrap();
            wb.plan().products[i].on_hand
        };
        assert_eq!(on_hand("CND-101"), Qty::units(90));
        assert_eq!(on_hand("DIF-104"), Qty::units(2));
        // the current week is 2026-W48: receiving now, shipped a week later
        assert_eq!(get(&wb, "CND-101", c, "2026-W48"), Some(Qty::units(12)));
        assert_eq!(get(&wb, "CND-101", c, "2026-W49"), Some(Qty::units(48)));
        assert_eq!(get(&wb, "CND-103", c, "2026-W48"), Some(Qty::units(20)));
        assert_eq!(get(&wb, "DIF-104", c, "2026-W49"), Some(Qty::units(60)));
        // inbound merges even when the stock replaces: other receipts stay
        assert_eq!(get(&wb, "CND-101", c, "2026-W52"), w52);
        wb.undo().unwrap();
        assert_eq!(wb.plan(), &before);
    }
}
