//! Every recognised kind of file, read from a realistic fixture (tests/fixtures/), with the
//! records worked out by hand; and the Excel-mangled copy of each (semicolons, decimal
//! commas, Windows-1252 or UTF-16, BOM, d/m/y dates, CRLF) gives exactly the same records.

use chrono::NaiveDate;
use sop_grid::engine::{Money, Qty};
use sop_grid::import::{
    preview, Choices, DateOrder, DecimalSep, Delimiter, Encoding, ForecastRow, Kind, Period,
    Preview, ProductRow, ReceiptRow, Records, SkuQty, WeekQty,
};

fn load(name: &str) -> Preview {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    preview(&bytes, name, &Choices::default())
}

/// Loads a fixture and its Excel copy; both must be clean and give the same records.
fn clean_and_excel(name: &str) -> (Preview, Preview) {
    let clean = load(&format!("{name}.csv"));
    let excel = load(&format!("{name}_excel.csv"));
    for p in [&clean, &excel] {
        assert!(
            p.can_apply(),
            "{}: {:?} {:?}",
            p.file_name,
            p.seen,
            p.errors
        );
    }
    assert_eq!(
        clean.records(),
        excel.records(),
        "{name}: the Excel copy differs"
    );
    (clean, excel)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn u(x: f64) -> Qty {
    Qty::from_f64(x).unwrap()
}

/// Units of a SKU sold in a week through a channel.
fn sold(sku: &str, monday: NaiveDate, qty: f64, channel: &str) -> WeekQty {
    WeekQty {
        sku: sku.to_string(),
        week: monday,
        qty: u(qty),
        channel: channel.to_string(),
    }
}

/// A Shopify export without a `Source` column names the channel "Shopify".
fn week_qty(sku: &str, monday: NaiveDate, qty: f64) -> WeekQty {
    sold(sku, monday, qty, "Shopify")
}

#[test]
fn shopify_orders_give_weekly_sales_without_cancelled_orders() {
    let (p, excel) = clean_and_excel("shopify_orders");
    assert_eq!(p.kind, Some(Kind::ShopifyOrders));
    assert_eq!(
        p.seen,
        "Shopify orders export, UTF-8, comma-delimited, dates y-m-d, 13 line items"
    );
    let (w41, w42, w43) = (day(2025, 10, 6), day(2025, 10, 13), day(2025, 10, 20));
    // #1007 (W41) and #1011 (W43) are cancelled; #1008 at 00:20 +0200 on Mon 13 Oct is
    // W42 by its local date (in UTC it would still be Sunday, W41); the tip has no SKU.
    assert_eq!(
        p.records(),
        Some(&Records::Actuals(vec![
            week_qty("CND-101", w41, 4.0),
            week_qty("CND-101", w42, 3.0),
            week_qty("CND-101", w43, 2.0),
            week_qty("CND-102", w41, 1.0),
            week_qty("CND-102", w42, 1.0),
            week_qty("DIF-104", w41, 1.0),
            week_qty("DIF-104", w42, 2.0),
            week_qty("DIF-104", w43, 1.0),
            week_qty("GFT-102", w42, 2.0),
        ]))
    );
    let s = &p.summary;
    assert_eq!((s.rows, s.skus, s.periods, s.total), (13, 4, 3, u(17.0)));
    assert_eq!((s.first, s.last), (Some(w41), Some(w43)));
    let skipped: Vec<(&str, usize)> = s
        .skipped
        .iter()
        .map(|k| (k.reason.as_str(), k.rows))
        .collect();
    assert_eq!(
        skipped,
        vec![
            ("line items of cancelled orders", 3),
            ("line items without a SKU", 1)
        ]
    );
    assert_eq!(p.warning_count, 1);
    assert_eq!(p.warnings[0].line, Some(8));
    assert_eq!(p.warnings[0].column.as_deref(), Some("Lineitem sku"));
    assert_eq!(
        excel.seen,
        "Shopify orders export, Windows-1252 (not UTF-8), semicolon-delimited, decimal comma, \
         dates d/m/y, 13 line items"
    );
}

#[test]
fn shopify_products_give_names_families_prices_and_stock() {
    let (p, excel) = clean_and_excel("shopify_products");
    assert_eq!(p.kind, Some(Kind::ShopifyProducts));
    let row =
        |sku: &str, name: &str, family: &str, price: i128, cost: Option<i128>, on_hand: i64| {
            ProductRow {
                sku: sku.into(),
                name: name.into(),
                family: family.into(),
                price: Some(Money(price)),
                cost: cost.map(Money),
                on_hand: Some(Qty::units(on_hand)),
            }
        };
    assert_eq!(
        p.records(),
        Some(&Records::Products(vec![
            row(
                "CND-101",
                "Sea Salt Candle — Small",
                "Candles",
                1800,
                Some(540),
                120
            ),
            row(
                "CND-102",
                "Sea Salt Candle — Large",
                "Candles",
                3200,
                Some(910),
                45
            ),
            row(
                "CND-103",
                "Crème Brûlée Candle",
                "Candles",
                2400,
                Some(725),
                0
            ),
            row(
                "DIF-104",
                "Reed Diffuser — Fig / 100 ml",
                "Diffusers",
                2850,
                Some(800),
                60
            ),
            row(
                "DIF-105",
                "Reed Diffuser — Fig / 200 ml",
                "Diffusers",
                4200,
                Some(1175),
                12
            ),
            row(
                "DIF-106",
                "Reed Diffuser — Cedar / 100 ml",
                "Diffusers",
                2850,
                Some(800),
                33
            ),
            row("GFT-102", "Discovery Gift Set", "Gift sets", 5500, None, 8),
        ]))
    );
    // the image row of sea-salt-candle (line 4) and the sample pack without a SKU (line 10)
    let lines: Vec<Option<u64>> = p.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, vec![Some(4), Some(10)]);
    assert_eq!(p.summary.total, Qty::units(278));
    assert_eq!(excel.format.encoding, Encoding::Windows1252);
    assert_eq!(excel.format.decimal, DecimalSep::Comma);
}

#[test]
fn shopify_inventory_gives_on_hand_per_location() {
    let (p, excel) = clean_and_excel("shopify_inventory");
    assert_eq!(p.kind, Some(Kind::ShopifyInventory));
    let on = |sku: &str, location: &str, q: i64| SkuQty {
        sku: sku.into(),
        qty: Qty::units(q),
        location: location.into(),
    };
    let (popup, studio) = ("Pop-up Shop, Lyon", "Studio Warehouse");
    // one record per location; "not stocked" counts as zero
    assert_eq!(
        p.records(),
        Some(&Records::OnHand(vec![
            on("CND-101", popup, 10),
            on("CND-101", studio, 110),
            on("CND-102", popup, 5),
            on("CND-102", studio, 40),
            on("CND-103", popup, 0),
            on("CND-103", studio, 0),
            on("DIF-104", popup, 5),
            on("DIF-104", studio, 55),
            on("DIF-105", popup, 0),
            on("DIF-105", studio, 12),
            on("GFT-102", popup, 0),
            on("GFT-102", studio, 8),
        ]))
    );
    assert_eq!(p.summary.rows, 12);
    assert_eq!(excel.format.encoding, Encoding::Utf8Bom);
    assert_eq!(excel.format.delimiter, Delimiter::Semicolon);
}

#[test]
fn purchase_orders_give_confirmed_and_planned_receipts_per_week() {
    let (p, excel) = clean_and_excel("purchase_orders");
    assert_eq!(p.kind, Some(Kind::Receipts));
    let r = |sku: &str, monday: NaiveDate, q: i64, confirmed: bool| ReceiptRow {
        sku: sku.into(),
        week: monday,
        qty: Qty::units(q),
        confirmed,
    };
    let (w48, w49, w50, w51) = (
        day(2026, 11, 23),
        day(2026, 11, 30),
        day(2026, 12, 7),
        day(2026, 12, 14),
    );
    assert_eq!(
        p.records(),
        Some(&Records::Receipts(vec![
            r("CND-101", w48, 600, true),
            r("CND-101", w50, 600, false), // draft 400 + planned 200
            r("CND-102", w48, 300, true),
            r("DIF-104", w49, 300, true), // in transit 250 + sent 50, both given as 2026-W49
            r("DIF-105", w49, 80, true),
            r("GFT-102", w51, 1200, true), // "1,200"
        ]))
    );
    let skipped: Vec<(&str, usize)> = p
        .summary
        .skipped
        .iter()
        .map(|k| (k.reason.as_str(), k.rows))
        .collect();
    assert_eq!(skipped, vec![("received, cancelled or closed orders", 2)]);
    assert_eq!(excel.format.date_order, Some(DateOrder::Dmy));
}

#[test]
fn sales_history_sums_days_into_weeks() {
    let (p, excel) = clean_and_excel("sales_history");
    assert_eq!(p.kind, Some(Kind::SalesHistory));
    let (w41, w42, w43) = (day(2025, 10, 6), day(2025, 10, 13), day(2025, 10, 20));
    assert_eq!(
        p.records(),
        Some(&Records::Actuals(vec![
            // 5 + 3 + 2 in W41 (Sunday 12 Oct is still W41), one record per channel
            sold("CND-101", w41, 3.0, "Boutique Ménard"),
            sold("CND-101", w41, 2.0, "Market stall"),
            sold("CND-101", w41, 5.0, "Wholesale"),
            sold("CND-101", w42, 4.0, "Wholesale"),
            sold("CND-102", w42, 0.0, "Boutique Ménard"),
            sold("DIF-104", w41, 1250.0, "Wholesale"),
            sold("DIF-104", w42, 6.0, "Market stall"),
            sold("GFT-102", w43, 3.0, "Wholesale"), // Mon 20 + Sun 26 Oct
        ]))
    );
    assert_eq!(p.summary.total, u(1273.0));
    assert_eq!(excel.format.encoding, Encoding::Windows1252);
    assert_eq!(excel.format.date_order, Some(DateOrder::Dmy)); // 06.10.2025
}

fn fc(sku: &str, period: Period, qty: f64) -> ForecastRow {
    ForecastRow {
        sku: sku.into(),
        period,
        qty: u(qty),
    }
}

#[test]
fn long_forecast_by_week() {
    let (p, _) = clean_and_excel("forecast_long");
    assert_eq!(p.kind, Some(Kind::ForecastLong));
    let w = |d: u32, m: u32| Period::Week(day(2026, m, d));
    assert_eq!(
        p.records(),
        Some(&Records::Forecast(vec![
            fc("CND-101", w(23, 11), 120.0),
            fc("CND-101", w(30, 11), 135.5),
            fc("CND-101", w(7, 12), 150.0),
            fc("DIF-104", w(23, 11), 40.0),
            fc("DIF-104", w(30, 11), 42.0),
            fc("DIF-104", w(14, 12), 38.0),
            fc("GFT-102", w(23, 11), 25.0),
            fc("GFT-102", w(30, 11), 0.0),
            fc("GFT-102", w(7, 12), 30.0),
            fc("GFT-102", w(14, 12), 45.0),
        ]))
    );
}

#[test]
fn wide_forecast_by_week_equals_the_same_forecast_written_long() {
    // forecast_wide_weeks.csv holds the forecast of forecast_long.csv; its empty cells
    // (CND-101 in W51, DIF-104 in W50) give no record.
    let (p, excel) = clean_and_excel("forecast_wide_weeks");
    assert_eq!(p.kind, Some(Kind::ForecastWide));
    assert_eq!(p.records(), load("forecast_long.csv").records());
    assert_eq!(p.period_columns.len(), 4);
    assert_eq!(excel.format.encoding, Encoding::Utf16Le);
    assert_eq!(excel.format.delimiter, Delimiter::Tab);
}

#[test]
fn wide_forecast_by_month_keeps_months() {
    let (p, _) = clean_and_excel("forecast_wide_months");
    let m = |y: i32, mo: u32| Period::Month((y, mo));
    assert_eq!(
        p.records(),
        Some(&Records::Forecast(vec![
            fc("CND-101", m(2026, 11), 520.0),
            fc("CND-101", m(2026, 12), 610.25),
            fc("CND-101", m(2027, 1), 380.0),
            fc("CND-102", m(2026, 11), 210.0),
            fc("CND-102", m(2026, 12), 260.0),
            fc("CND-102", m(2027, 1), 150.0),
            fc("DIF-104", m(2026, 11), 160.0),
            fc("DIF-104", m(2027, 1), 140.0),
        ]))
    );
    assert_eq!(p.summary.total, u(2430.25));
}

#[test]
fn first_of_month_date_headers_are_months_once_the_date_order_is_chosen() {
    // Excel turned "2026-11" into a date and saved it in the locale's order: ambiguous.
    let text = "SKU;01/11/2026;01/12/2026;01/01/2027\nCND-101;520;610,25;380\n";
    let p = preview(text.as_bytes(), "forecast.csv", &Choices::default());
    assert_eq!(
        p.date_order_needed,
        Some(vec![DateOrder::Dmy, DateOrder::Mdy])
    );
    assert!(!p.can_apply() && p.records().is_none() && p.error_count == 0);
    assert!(
        p.seen.contains("dates d/m/y or m/d/y (choose one)"),
        "{}",
        p.seen
    );
    let choices = Choices {
        date_order: Some(DateOrder::Dmy),
        ..Choices::default()
    };
    let p = preview(text.as_bytes(), "forecast.csv", &choices);
    let Some(Records::Forecast(rows)) = p.records() else {
        panic!("{:?}", p.errors)
    };
    let periods: Vec<Period> = rows.iter().map(|r| r.period).collect();
    assert_eq!(
        periods,
        vec![
            Period::Month((2026, 11)),
            Period::Month((2026, 12)),
            Period::Month((2027, 1))
        ]
    );
    // the other order reads 1 November as January 11th: weeks, not months
    let choices = Choices {
        date_order: Some(DateOrder::Mdy),
        ..Choices::default()
    };
    let p = preview(text.as_bytes(), "forecast.csv", &choices);
    let Some(Records::Forecast(rows)) = p.records() else {
        panic!("{:?}", p.errors)
    };
    assert_eq!(rows[0].period, Period::Week(day(2026, 1, 5)));
}

#[test]
fn the_preview_shows_the_mapping_and_first_rows() {
    let p = load("purchase_orders.csv");
    let mapped: Vec<(String, Option<String>)> = p
        .mapping
        .columns
        .iter()
        .map(|m| (m.field.label().to_string(), m.header.clone()))
        .collect();
    assert_eq!(
        mapped,
        vec![
            ("SKU".to_string(), Some("Item code".to_string())),
            ("Quantity".to_string(), Some("Qty".to_string())),
            (
                "Expected date".to_string(),
                Some("Expected date".to_string())
            ),
            ("Status".to_string(), Some("Status".to_string())),
            // offered, and unmapped: this list has no received column
            ("Qty received".to_string(), None),
        ]
    );
    assert_eq!(p.first_rows.len(), 10);
    assert_eq!(p.first_rows[0][2], "CND-101");
}

#[test]
fn a_column_mapping_choice_wins_over_matching() {
    // "Description" read as the SKU: every code is now a description, nothing else changes
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/purchase_orders.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut choices = Choices::default();
    choices
        .columns
        .insert(sop_grid::import::Field::Sku, Some(3));
    let p = preview(&bytes, "purchase_orders.csv", &choices);
    let Some(Records::Receipts(rows)) = p.records() else {
        panic!("{:?}", p.errors)
    };
    assert_eq!(rows[0].sku, "Discovery Gift Set");
    assert_eq!(p.mapping.columns[0].header.as_deref(), Some("Description"));
}
