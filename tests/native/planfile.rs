//! The plan file: every plan reads back identical, the format is exactly what README says,
//! Excel's re-saved variant reads the same, and every bad input is refused with a message
//! naming its line and column.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use sop_grid::demo::{demo_plan, generated_plan};
use sop_grid::engine::model::checkin::Snapshot;
use sop_grid::engine::{
    Calendar, Decision, Money, Note, Plan, PlanMeta, Product, Qty, SafetyStock, SeriesField, Slot,
};
use sop_grid::planfile::{is_plan_file, read, read_shared, write, write_shared};
use std::sync::Arc;
use std::time::Instant;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// The small example README shows (without the byte-order mark, LF line ends).
const EXAMPLE: &str = r#"#sop-plan,2
record,key,value
setting,first_week,2026-W45
setting,current_week,2026-W47
setting,weeks,6
record,sku,name,family,unit_cost,unit_price,lead_time_weeks,safety_stock,safety_stock_unit,moq,order_multiple,on_hand
product,CND-101,"Fig & Cedar, 200g",Candles,6.88,21.99,10,2.5,weeks,500,50,1065
product,GFT-201,"'@Home ""Duo""",'-Gifts,18.40,44.00,6,40,units,0,0,12.5
record,family,units_per_week
capacity,Candles,900
record,sku,field,week,value
series,CND-101,actual,2026-W45,23
series,CND-101,actual,2026-W46,31.5
series,CND-101,forecast,2026-W47,30
series,CND-101,consensus,2026-W47,0
series,CND-101,consensus,2026-W48,42
series,CND-101,confirmed-receipts,2026-W49,500
series,GFT-201,planned-receipts,2026-W50,48
"#;

/// `EXAMPLE` as the writer writes it: byte-order mark and CRLF.
fn example_as_written() -> String {
    format!("\u{feff}{}", EXAMPLE.replace('\n', "\r\n"))
}

/// The plan `EXAMPLE` describes, built by hand.
fn example_plan() -> Plan {
    // Wednesday of 2026-W47; two weeks of history (W45, W46), four from now (W47–W50).
    let today = NaiveDate::from_ymd_opt(2026, 11, 18).unwrap();
    let mut plan = Plan::new(Calendar::around(today, 2, 4).unwrap());
    let mut candle = Product::new("CND-101", "Fig & Cedar, 200g", "Candles");
    candle.unit_cost = Money(688);
    candle.unit_price = Money(2199);
    candle.lead_time_weeks = 10;
    candle.safety_stock = SafetyStock::WeeksOfCover(2.5);
    candle.moq = Qty::units(500);
    candle.order_multiple = Qty::units(50);
    candle.on_hand = Qty::units(1065);
    let mut gift = Product::new("GFT-201", "@Home \"Duo\"", "-Gifts");
    gift.unit_cost = Money(1840);
    gift.unit_price = Money(4400);
    gift.lead_time_weeks = 6;
    gift.safety_stock = SafetyStock::Units(Qty::units(40));
    gift.on_hand = Qty(12_500);
    let c = plan.add_product(candle);
    let g = plan.add_product(gift);
    let s = plan.series_mut(c);
    s.actual[0] = Qty::units(23);
    s.actual[1] = Qty(31_500);
    s.forecast[2] = Qty::units(30);
    s.consensus[2] = Some(Qty::ZERO);
    s.consensus[3] = Some(Qty::units(42));
    s.confirmed_receipts[4] = Qty::units(500);
    plan.series_mut(g).planned_receipts[5] = Qty::units(48);
    plan.capacity.insert("Candles".to_string(), Qty::units(900));
    plan
}

/// The example with line `n` (1-based) replaced.
fn with_line(n: usize, text: &str) -> String {
    let mut lines: Vec<&str> = EXAMPLE.lines().collect();
    lines[n - 1] = text;
    lines.join("\n")
}

/// The example with a line inserted after line `n`.
fn with_line_after(n: usize, text: &str) -> String {
    let mut lines: Vec<&str> = EXAMPLE.lines().collect();
    lines.insert(n, text);
    lines.join("\n")
}

fn error_of(text: &str) -> String {
    match read(text) {
        Ok(_) => panic!("read accepted a bad file:\n{text}"),
        Err(e) => e.to_string(),
    }
}

/// What Excel in a decimal-comma locale writes when it re-saves the file: `;` between
/// cells, decimal commas, trailing zeros of money dropped, every row padded with empty cells
/// to the widest row, CRLF, empty lines at the end.
fn excel_resave(text: &str) -> String {
    resave(text, b';')
}

/// As Excel re-saves the file with `delimiter` between cells; decimal commas with `;`.
fn resave(text: &str, delimiter: u8) -> String {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut out = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    for record in csv.records() {
        let record = record.unwrap();
        let numeric: &[usize] = match &record[0] {
            "product" | "base-product" => &[4, 5, 6, 7, 9, 10, 11],
            "capacity" => &[2],
            "series" | "base-series" => &[4],
            "setting" => &[2],
            _ => &[],
        };
        let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
        for &i in numeric {
            let cell = &mut cells[i];
            if cell.contains('.') {
                *cell = cell.trim_end_matches('0').trim_end_matches('.').to_string();
            }
            if delimiter == b';' {
                *cell = cell.replace('.', ",");
            }
        }
        cells.resize(12, String::new());
        out.write_record(&cells).unwrap();
    }
    let body = String::from_utf8(out.into_inner().unwrap()).unwrap();
    let padding = (delimiter as char).to_string().repeat(11);
    format!("\u{feff}{body}{padding}\r\n\r\n\r\n")
}

#[test]
fn the_example_reads_to_exactly_these_values() {
    assert_eq!(read(EXAMPLE), Ok(example_plan()));
}

#[test]
fn a_version_1_file_still_reads_to_the_same_plan() {
    let v1 = EXAMPLE.replacen("#sop-plan,2", "#sop-plan,1", 1);
    assert_eq!(read(&v1), Ok(example_plan()));
}

#[test]
fn the_writer_writes_exactly_the_example() {
    assert_eq!(write(&example_plan()), example_as_written());
}

#[test]
fn readme_shows_the_example() {
    let readme = include_str!("../../README.md");
    let section = readme
        .split("\n## The plan file")
        .nth(1)
        .expect("README has a section 'The plan file'");
    let block = section
        .split("```csv\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("the section shows an example in a ```csv block");
    assert_eq!(block, EXAMPLE);
}

#[test]
fn the_demo_plan_round_trips() {
    let plan = demo_plan(today());
    assert_eq!(read(&write(&plan)), Ok(plan));
}

#[test]
fn reads_with_or_without_bom_and_with_crlf() {
    let plan = example_plan();
    assert_eq!(read(&example_as_written()), Ok(plan.clone()));
    assert_eq!(read(EXAMPLE), Ok(plan.clone()));
    assert_eq!(read(&EXAMPLE.replace('\n', "\r\n")), Ok(plan));
}

#[test]
fn excel_resaved_with_semicolons_and_decimal_commas_reads_the_same() {
    let resaved = excel_resave(&example_as_written());
    // What the variant looks like, so this test cannot pass by leaving the file unchanged.
    assert!(resaved.starts_with("\u{feff}#sop-plan;2;;;;;;;;;;\r\n"));
    assert!(resaved.contains(
        "product;CND-101;Fig & Cedar, 200g;Candles;6,88;21,99;10;2,5;weeks;500;50;1065\r\n"
    ));
    assert!(resaved.contains("product;GFT-201;\"'@Home \"\"Duo\"\"\";'-Gifts;18,4;44;"));
    assert!(resaved.contains("series;CND-101;actual;2026-W46;31,5;;;;;;;\r\n"));
    assert_eq!(read(&resaved), Ok(example_plan()));

    let demo = demo_plan(today());
    assert_eq!(read(&excel_resave(&write(&demo))), Ok(demo));
}

#[test]
fn tab_separated_reads_the_same() {
    let text = resave(&example_as_written(), b'\t');
    assert!(text.contains("product\tCND-101\tFig & Cedar, 200g\tCandles\t6.88\t"));
    assert_eq!(read(&text), Ok(example_plan()));
}

#[test]
fn sniffs_plan_files() {
    assert!(is_plan_file(&example_as_written()));
    assert!(is_plan_file("#sop-plan;1\r\n"));
    assert!(!is_plan_file("Handle,Title,Variant SKU\n"));
    assert!(!is_plan_file(""));
}

#[test]
fn a_plan_without_products_round_trips() {
    let plan = Plan::new(Calendar::around(today(), 0, 1).unwrap());
    assert_eq!(read(&write(&plan)), Ok(plan));
}

/// Size of a large plan file: 2,000 SKUs × 156 weeks (52 of history, 104 ahead), the
/// benchmark plan of README's Performance section. Run with `--nocapture` to see the figures.
#[test]
fn a_2000_sku_plan_file_stays_reasonable() {
    let plan = generated_plan(today(), 2000, 20, 52, 104);
    let started = Instant::now();
    let text = write(&plan);
    let written = started.elapsed();
    let started = Instant::now();
    let back = read(&text);
    let read_in = started.elapsed();
    let rows = text.lines().count();
    println!(
        "plan file, 2,000 SKUs x 156 weeks: {} bytes ({:.1} MB), {rows} rows; \
         write {written:.2?}, read {read_in:.2?} (this build's profile)",
        text.len(),
        text.len() as f64 / 1e6
    );
    assert!(back == Ok(plan), "the large plan does not round-trip");
    assert!(rows < 1_048_576, "more rows than an Excel sheet holds");
    assert!(text.len() < 20_000_000, "{} bytes", text.len());
}

// --- Bad input: each names line and column, the raw value and the reason. -----------------

/// Each case: the example with line `n` replaced by `row`, and the whole message expected.
fn assert_refused(cases: &[(usize, &str, &str)]) {
    for &(n, row, message) in cases {
        assert_eq!(
            error_of(&with_line(n, row)),
            message,
            "line {n} set to {row:?}"
        );
    }
}

/// A product row of the example (line 7) with one cell changed.
fn candle_with(column: usize, value: &str) -> String {
    let mut cells: Vec<&str> = "product,CND-101,Fig,Candles,6.88,21.99,10,2.5,weeks,500,50,1065"
        .split(',')
        .collect();
    cells[column] = value;
    cells.join(",")
}

#[test]
fn refuses_a_file_without_the_version_line() {
    let not_a_plan_file = "is not the start of a plan file, whose first line is #sop-plan,3";
    assert_eq!(
        error_of(""),
        format!("line 1, column record: '' {not_a_plan_file}")
    );
    assert_eq!(
        error_of(&EXAMPLE.replacen("#sop-plan,2\n", "", 1)),
        format!("line 1, column record: 'record' {not_a_plan_file}")
    );
    assert_eq!(
        error_of("#sop-plan\nrecord,key,value\n"),
        "line 1, column version: '' is missing: the first line must be #sop-plan,3"
    );
    assert_refused(&[
        (
            1,
            "#sop-plan,one",
            "line 1, column version: 'one' is not a plan file version (1, 2, …)",
        ),
        (
            1,
            "#sop-plan,2,extra",
            "line 1, column 3: 'extra' is not expected: the first line is #sop-plan,3 \
             and nothing else",
        ),
    ]);
}

#[test]
fn refuses_a_newer_version() {
    assert_refused(&[(
        1,
        "#sop-plan,4",
        "line 1, column version: '4' is too new: this plan file was written by a newer \
         version (v4); this app reads up to v3",
    )]);
}

#[test]
fn refuses_an_unknown_record_type() {
    assert_refused(&[(
        10,
        "capacityy,Candles,900",
        "line 10, column record: 'capacityy' is not a record type (setting, product, capacity, \
         series, note, decision, event, edited, base-product, base-series, channel, location, \
         base-channel, base-location)",
    )]);
}

#[test]
fn refuses_a_wrong_number_of_fields() {
    assert_refused(&[
        (
            12,
            "series,CND-101,actual,2026-W45",
            "line 12, column record: 'series' row has 4 cells; a series row has 5: record, sku, \
             field, week, value",
        ),
        (
            7,
            &format!("{},7", candle_with(0, "product")),
            "line 7, column record: 'product' row has 13 cells; a product row has 12: record, \
             sku, name, family, unit_cost, unit_price, lead_time_weeks, safety_stock, \
             safety_stock_unit, moq, order_multiple, on_hand",
        ),
    ]);
}

#[test]
fn refuses_an_unknown_sku_in_a_series_row() {
    assert_refused(&[(
        13,
        "series,CND-999,actual,2026-W46,31.5",
        "line 13, column sku: 'CND-999' is not a product in this file (a product row must come \
         before its series)",
    )]);
}

#[test]
fn refuses_a_week_outside_the_calendar_or_not_a_week() {
    assert_refused(&[
        (
            13,
            "series,CND-101,actual,2026-W51,31.5",
            "line 13, column week: '2026-W51' is outside the plan (2026-W45 to 2026-W50)",
        ),
        (
            13,
            "series,CND-101,actual,2026-11-09,31.5",
            "line 13, column week: '2026-11-09' is not an ISO week like 2026-W48",
        ),
    ]);
}

#[test]
fn refuses_a_duplicate_product() {
    assert_eq!(
        error_of(&with_line_after(8, &candle_with(2, "Again"))),
        "line 9, column sku: 'CND-101' is a second product with this SKU (first on line 7)"
    );
}

#[test]
fn refuses_a_duplicate_series_cell() {
    assert_eq!(
        error_of(&with_line_after(16, "series,CND-101,consensus,2026-W48,40")),
        "line 17, column week: '2026-W48' repeats the consensus of CND-101 in this week; each \
         cell appears once"
    );
}

#[test]
fn refuses_a_bad_number() {
    assert_refused(&[
        (
            14,
            "series,CND-101,forecast,2026-W47,abc",
            "line 14, column value: 'abc' is not a number",
        ),
        (
            14,
            "series,CND-101,forecast,2026-W47,NaN",
            "line 14, column value: 'NaN' is not a number",
        ),
        (
            14,
            "series,CND-101,forecast,2026-W47,\"1,200\"",
            "line 14, column value: '1,200' is not a number",
        ),
        (
            7,
            &candle_with(7, "inf"),
            "line 7, column safety_stock: 'inf' is not a number",
        ),
        (
            7,
            &candle_with(6, "10.5"),
            "line 7, column lead_time_weeks: '10.5' is not a whole number",
        ),
        (
            7,
            &candle_with(4, "6.88€"),
            "line 7, column unit_cost: '6.88€' is not a number",
        ),
    ]);
}

#[test]
fn refuses_decimal_dots_next_to_semicolons() {
    // `1.065` beside `;` may be Excel's thousands group for 1065: refused, not guessed.
    let text = excel_resave(EXAMPLE).replace(";1065\r\n", ";1.065\r\n");
    assert_eq!(
        error_of(&text),
        "line 7, column on_hand: '1.065' is not a number (with ; between cells, decimals take \
         a comma: 12,5)"
    );
}

#[test]
fn refuses_a_bad_safety_stock_unit() {
    assert_refused(&[(
        7,
        &candle_with(8, "days"),
        "line 7, column safety_stock_unit: 'days' is not a safety stock unit (units, weeks)",
    )]);
}

#[test]
fn refuses_values_the_engine_refuses_at_their_column() {
    assert_refused(&[
        (
            7,
            &candle_with(11, "-3"),
            "line 7, column on_hand: '-3' is negative; quantities must be zero or more",
        ),
        (
            7,
            &candle_with(6, "105"),
            "line 7, column lead_time_weeks: '105' is longer than 104 weeks",
        ),
        (
            7,
            &candle_with(7, "53"),
            "line 7, column safety_stock: '53' must be between 0 and 52 weeks",
        ),
        (
            7,
            &candle_with(4, "-1"),
            "line 7, column unit_cost: '-1' must be between 0 and 1,000,000",
        ),
        (
            7,
            &candle_with(5, "1000000.01"),
            "line 7, column unit_price: '1000000.01' must be between 0 and 1,000,000",
        ),
        (
            7,
            &candle_with(9, "-500"),
            "line 7, column moq: '-500' is negative; quantities must be zero or more",
        ),
        (
            7,
            &candle_with(10, "-50"),
            "line 7, column order_multiple: '-50' is negative; quantities must be zero or more",
        ),
        (
            7,
            &candle_with(7, "-1").replace("weeks", "units"),
            "line 7, column safety_stock: '-1' is negative; quantities must be zero or more",
        ),
        (
            7,
            &candle_with(1, "  "),
            "line 7, column sku: '  ' is empty",
        ),
        (
            14,
            "series,CND-101,forecast,2026-W47,-30",
            "line 14, column value: '-30' is negative; quantities must be zero or more",
        ),
        (
            10,
            "capacity,Candles,1e9",
            "line 10, column units_per_week: '1e9' is too large (at most 100,000,000 units)",
        ),
    ]);
}

#[test]
fn refuses_an_unknown_series() {
    assert_refused(&[(
        14,
        "series,CND-101,projected,2026-W47,30",
        "line 14, column field: 'projected' is not a series (actual, forecast, consensus, \
         confirmed-receipts, planned-receipts)",
    )]);
}

#[test]
fn refuses_missing_duplicate_or_late_settings() {
    assert_refused(&[
        (
            5,
            "setting,current_week,2026-W47",
            "line 5, column key: 'current_week' is set twice (first on line 4)",
        ),
        (
            5,
            "setting,horizon,4",
            "line 5, column key: 'horizon' is not a setting (first_week, current_week, weeks, plan_id, revision, author, base_checkin, base_taken, base_author, base_week)",
        ),
        (
            5,
            "record,key,value",
            "line 7, column record: 'product' comes before the setting weeks; the settings \
             first_week, current_week, weeks come first",
        ),
    ]);
    assert_eq!(
        error_of("#sop-plan,2\nsetting,first_week,2026-W45\n"),
        "line 2, column key: 'current_week' is missing; a plan file sets first_week, \
         current_week, weeks"
    );
    assert_eq!(
        error_of(&with_line_after(8, "setting,weeks,6")),
        "line 9, column key: 'weeks' comes after the first product or series row; settings \
         come first"
    );
}

#[test]
fn refuses_a_calendar_that_does_not_fit() {
    assert_refused(&[
        (
            4,
            "setting,current_week,2026-W44",
            "line 4, column value: '2026-W44' is before the first week 2026-W45",
        ),
        (
            5,
            "setting,weeks,2",
            "line 5, column value: '2' weeks end before the current week 2026-W47 (week 3 of \
             the plan)",
        ),
        (
            5,
            "setting,weeks,200",
            "line 5, column value: '200' does not fit: the horizon must be 1 to 104 weeks, not \
             198",
        ),
        (
            3,
            "setting,first_week,soon",
            "line 3, column value: 'soon' is not an ISO week like 2026-W48",
        ),
        // Weeks at the edge of what dates can hold would overflow the calendar's arithmetic.
        (
            3,
            "setting,first_week,-5000-W01",
            "line 3, column value: '-5000-W01' is not a week from 1900 to 9999",
        ),
        (
            4,
            "setting,current_week,262142-W52",
            "line 4, column value: '262142-W52' is not a week from 1900 to 9999",
        ),
    ]);
    assert_eq!(
        error_of(&with_line(3, "setting,first_week,2020-W01").replace("weeks,6", "weeks,400")),
        "line 4, column value: '2026-W47' does not fit: the history must be at most 156 weeks, \
         not 359"
    );
}

#[test]
fn refuses_a_heading_that_does_not_match_its_columns() {
    // Columns swapped in a spreadsheet: the heading shows it, the values would be misread.
    assert_refused(&[
        (
            6,
            "record,sku,name,family,unit_price,unit_cost,lead_time_weeks,safety_stock,\
             safety_stock_unit,moq,order_multiple,on_hand",
            "line 6, column unit_cost: 'unit_price' is not the heading unit_cost; product \
             columns are record, sku, name, family, unit_cost, unit_price, lead_time_weeks, \
             safety_stock, safety_stock_unit, moq, order_multiple, on_hand",
        ),
        (
            11,
            "record,sku,field,week,value,note",
            "line 11, column 6: 'note' is not a column of series rows (record, sku, \
             field, week, value)",
        ),
    ]);
}

#[test]
fn line_numbers_count_rows_as_excel_shows_them() {
    let bad = EXAMPLE.replace(
        "series,CND-101,forecast,2026-W47,30",
        "series,CND-101,forecast,2026-W47,x",
    );
    let message = "line 14, column value: 'x' is not a number";
    assert_eq!(error_of(&bad), message);
    // The same with CRLF and a byte-order mark (the csv crate's own count lags after CRLF).
    assert_eq!(
        error_of(&format!("\u{feff}{}", bad.replace('\n', "\r\n"))),
        message
    );
    // A name with a line break is one row in Excel (two lines in a text editor).
    let broken_name = bad.replace("\"Fig & Cedar, 200g\"", "\"Fig &\r\nCedar\"");
    assert_eq!(error_of(&broken_name), message);
    // An empty line is an empty row in Excel.
    let blank = bad.replace("record,family", "\r\nrecord,family");
    assert_eq!(
        error_of(&blank),
        "line 15, column value: 'x' is not a number"
    );
}

#[test]
fn an_unclosed_quote_is_caught_not_swallowed() {
    let text = with_line(
        8,
        "product,GFT-201,\"'@Home Duo,'-Gifts,18.40,44.00,6,40,units,0,0,12.5",
    );
    let e = error_of(&text);
    assert!(
        e.starts_with("line 8, column record: 'product' row has 3 cells"),
        "{e}"
    );
}

// --- Property: random plans round-trip, as written and as Excel re-saves them. -------------

/// Text with everything that makes CSV and spreadsheets stumble.
fn awkward_text() -> impl Strategy<Value = String> {
    let chars = prop::sample::select(vec![
        'a', 'Z', '7', ' ', ',', ';', '"', '\'', '\n', '\r', '\t', '=', '+', '-', '@', '#', '.',
        'é', 'ß', '日', '€', '😀', '\u{feff}',
    ]);
    prop::collection::vec(chars, 0..8).prop_map(|cs| cs.into_iter().collect())
}

fn qty() -> impl Strategy<Value = Qty> {
    prop_oneof![
        Just(Qty::ZERO),
        (1i64..=5000).prop_map(Qty::units),
        (0i64..=100_000_000_000).prop_map(Qty),
    ]
}

fn safety_stock() -> impl Strategy<Value = SafetyStock> {
    prop_oneof![
        qty().prop_map(SafetyStock::Units),
        (0.0f64..=52.0).prop_map(SafetyStock::WeeksOfCover),
        prop::sample::select(vec![0.0, 0.1 + 0.2, 1.0 / 3.0, 52.0, 5e-324])
            .prop_map(SafetyStock::WeeksOfCover),
    ]
}

#[derive(Clone, Debug)]
struct ProductSpec {
    sku: String,
    name: String,
    family: String,
    cost: i64,
    price: i64,
    lead: u32,
    safety: SafetyStock,
    moq: Qty,
    multiple: Qty,
    on_hand: Qty,
    /// Per week: actual, forecast, consensus, confirmed, planned.
    cells: Vec<(Qty, Qty, Option<Qty>, Qty, Qty)>,
}

fn product_spec(weeks: usize) -> impl Strategy<Value = ProductSpec> {
    let attributes = (
        awkward_text(),
        awkward_text(),
        awkward_text(),
        0i64..=100_000_000,
        0i64..=100_000_000,
        0u32..=104,
        safety_stock(),
        qty(),
        qty(),
        qty(),
    );
    let week = (qty(), qty(), prop::option::of(qty()), qty(), qty());
    (attributes, prop::collection::vec(week, weeks)).prop_map(
        |((sku, name, family, cost, price, lead, safety, moq, multiple, on_hand), cells)| {
            ProductSpec {
                sku,
                name,
                family,
                cost,
                price,
                lead,
                safety,
                moq,
                multiple,
                on_hand,
                cells,
            }
        },
    )
}

fn random_plan() -> impl Strategy<Value = Plan> {
    (0i64..4000, 0usize..=6, 1usize..=8).prop_flat_map(|(day, history, horizon)| {
        let weeks = history + horizon;
        (
            Just((day, history, horizon)),
            prop::collection::vec(product_spec(weeks), 0..5),
            prop::collection::vec((awkward_text(), qty()), 0..3),
        )
            .prop_map(|((day, history, horizon), specs, capacity)| {
                let today = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + Duration::days(day);
                let mut plan = Plan::new(Calendar::around(today, history, horizon).unwrap());
                for (k, s) in specs.into_iter().enumerate() {
                    // The index keeps SKUs unique and non-empty; the text keeps them awkward.
                    let mut p = Product::new(&format!("{}{k}", s.sku), &s.name, &s.family);
                    p.unit_cost = Money(s.cost.into());
                    p.unit_price = Money(s.price.into());
                    p.lead_time_weeks = s.lead;
                    p.safety_stock = s.safety;
                    p.moq = s.moq;
                    p.order_multiple = s.multiple;
                    p.on_hand = s.on_hand;
                    let i = plan.add_product(p);
                    let series = plan.series_mut(i);
                    for (w, (a, f, c, cr, pr)) in s.cells.into_iter().enumerate() {
                        series.actual[w] = a;
                        series.forecast[w] = f;
                        series.consensus[w] = c;
                        series.confirmed_receipts[w] = cr;
                        series.planned_receipts[w] = pr;
                    }
                }
                plan.capacity = capacity.into_iter().collect();
                plan
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_plans_round_trip(plan in random_plan()) {
        let text = write(&plan);
        prop_assert_eq!(read(&text), Ok(plan.clone()));
        prop_assert_eq!(read(&excel_resave(&text)), Ok(plan));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever the text, read returns a plan or an error; it never panics.
    #[test]
    fn any_text_is_read_without_panicking(text in any::<String>()) {
        let _ = read(&text);
        let _ = read(&format!("#sop-plan,2\n{text}"));
    }

    /// The same for small damage to a valid file: a few characters cut, one inserted.
    #[test]
    fn damaged_files_are_read_without_panicking(
        at in 0usize..1000,
        len in 0usize..20,
        insert in prop::sample::select(vec!["", ",", ";", "\"", "\n", "'", "=", "-", "9", "W", "é"]),
    ) {
        let mut chars: Vec<char> = example_as_written().chars().collect();
        let at = at % chars.len();
        chars.drain(at..(at + len).min(chars.len()));
        let mut damaged: String = chars.into_iter().collect();
        let byte = damaged.char_indices().nth(at).map_or(damaged.len(), |(i, _)| i);
        damaged.insert_str(byte, insert);
        if let Ok(plan) = read(&damaged) {
            // Whatever is accepted is a plan the format holds.
            prop_assert_eq!(read(&write(&plan)), Ok(plan));
        }
    }
}

#[test]
fn random_plans_cover_consensus_set_to_zero_and_not_set() {
    // Guards the property test's generator: both kinds of "empty" consensus must occur, or
    // the round trip would not be testing the distinction.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut zero, mut unset) = (false, false);
    for _ in 0..64 {
        let plan = random_plan().new_tree(&mut runner).unwrap().current();
        for s in &plan.series {
            zero |= s.consensus.contains(&Some(Qty::ZERO));
            unset |= s.consensus.contains(&None);
        }
    }
    assert!(zero && unset);
}

/// The example as one person shares it: identity, a note, who changed what, and the check-in
/// it was last merged against (a week earlier, with a different forecast, consensus and price).
fn shared_example() -> (Plan, Snapshot) {
    let mut plan = example_plan();
    plan.meta = PlanMeta {
        id: "plan-7f3a".to_string(),
        revision: 42,
        author: "Ana (Sales)".to_string(),
        base: Some("ci-2026-W46-01".to_string()),
    };
    plan.notes.push(Note {
        sku: "CND-101".to_string(),
        period: Some("2026-W48".to_string()),
        measure: Some("consensus".to_string()),
        text: "=promo with Boots, confirmed\nby phone".to_string(),
        author: "Ana (Sales)".to_string(),
        written: "2026-11-18".to_string(),
    });
    plan.notes.push(Note {
        sku: "family:Candles".to_string(),
        period: None,
        measure: None,
        text: "Wax price up 4% from January".to_string(),
        author: "Olu (Operations)".to_string(),
        written: "2026-11-17".to_string(),
    });
    plan.decisions.push(Decision {
        id: "d-7f3a-1".to_string(),
        text: "Expedite PO 4471 by air, +@cost".to_string(),
        owner: "Olu (Operations)".to_string(),
        due: "2026-11-27".to_string(),
        skus: vec!["CND-101".to_string(), "family:Candles".to_string()],
        weeks: "2026-W49–W50".to_string(),
        author: "Kim (CEO)".to_string(),
        made: "2026-11-18".to_string(),
        closed: None,
    });
    plan.authors.set(
        "CND-101",
        Slot::Cell(SeriesField::Consensus, 3),
        Some(Arc::from("Ana (Sales)")),
    );
    plan.authors.set(
        "GFT-201",
        Slot::Product,
        Some(Arc::from("Olu (Operations)")),
    );
    let mut base = plan.clone();
    base.calendar = Calendar::around(NaiveDate::from_ymd_opt(2026, 11, 9).unwrap(), 1, 5).unwrap();
    let s = base.series_mut(0);
    s.forecast[2] = Qty::units(25);
    s.consensus[3] = None;
    base.products[1].unit_price = Money(3900);
    let snapshot = Snapshot {
        id: "ci-2026-W46-01".to_string(),
        taken: "2026-11-10".to_string(),
        author: "Kim (CEO)".to_string(),
        plan: base,
    };
    (plan, snapshot)
}

#[test]
fn a_shared_plan_file_carries_identity_notes_authors_and_its_base_check_in() {
    let (plan, base) = shared_example();
    let text = write_shared(&plan, Some(&base));
    for line in [
        "setting,plan_id,plan-7f3a",
        "setting,revision,42",
        "setting,author,Ana (Sales)",
        "setting,base_checkin,ci-2026-W46-01",
        "setting,base_week,2026-W46",
        "note,CND-101,2026-W48,consensus,Ana (Sales),2026-11-18,\"'=promo with Boots, confirmed\nby phone\"",
        "edited,CND-101,consensus,Ana (Sales),2026-W48",
        "edited,GFT-201,product,Olu (Operations),",
        "decision,d-7f3a-1,2026-11-18,Kim (CEO),Olu (Operations),2026-11-27,\"Expedite PO 4471 by air, +@cost\",CND-101 family:Candles,2026-W49–W50,",
        "base-product,GFT-201,\"'@Home \"\"Duo\"\"\",'-Gifts,18.40,39.00,6,40,units,0,0,12.5",
        "base-series,CND-101,forecast,2026-W47,25",
        "base-series,CND-101,consensus,2026-W48,",
    ] {
        assert!(text.contains(&format!("{line}\r\n")), "missing {line:?} in\n{text}");
    }
    let read_back = read_shared(&text).unwrap();
    assert_eq!(read_back.plan, plan);
    assert_eq!(read_back.base, Some(base));
}

#[test]
fn a_shared_file_re_saved_by_excel_reads_the_same() {
    let (plan, base) = shared_example();
    let text = write_shared(&plan, Some(&base));
    // Excel in a decimal-comma locale: `;`, decimal commas, every row padded to 12 cells.
    let resaved = excel_resave(&text);
    let read_back = read_shared(&resaved).unwrap();
    assert_eq!(read_back.plan, plan);
    assert_eq!(read_back.base, Some(base));
}

#[test]
fn bad_sharing_rows_are_refused_where_they_are() {
    let (plan, base) = shared_example();
    let text = write_shared(&plan, Some(&base));
    let cases = [
        (
            "setting,revision,42",
            "setting,revision,-1",
            "column value: '-1' is not a revision",
        ),
        (
            "edited,CND-101,consensus,Ana (Sales),2026-W48",
            "edited,CND-999,consensus,Ana (Sales),2026-W48",
            "column sku: 'CND-999' is not a product in this file",
        ),
        (
            "base-series,CND-101,forecast,2026-W47,25",
            "base-series,CND-101,forecast,2030-W47,25",
            "column week: '2030-W47' is outside the plan (2026-W45 to 2026-W50)",
        ),
        (
            "setting,base_week,2026-W46",
            "setting,base_week,2027-W46",
            "column value: '2027-W46' is not a week of the plan (2026-W45 to 2026-W50)",
        ),
    ];
    for (from, to, message) in cases {
        assert!(text.contains(from), "{from}");
        let err = read_shared(&text.replacen(from, to, 1))
            .unwrap_err()
            .to_string();
        assert!(err.contains(message), "{to}: {err}");
    }
}
