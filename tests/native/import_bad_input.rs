//! Every kind of bad input gives a clear error naming the line and column (and the raw
//! value where there is one), and no records unless the planner chooses to skip the rows.

use sop_grid::import::{
    preview, preview_with_progress, Choices, Kind, Preview, Records, MAX_BYTES,
};

fn read(text: &str, name: &str) -> Preview {
    preview(text.as_bytes(), name, &Choices::default())
}

/// The errors as a planner reads them; the file must not be applicable.
fn errors(p: &Preview) -> Vec<String> {
    assert!(!p.can_apply(), "{} should not apply", p.file_name);
    assert!(p.records().is_none());
    p.errors.iter().map(|e| e.to_string()).collect()
}

const SALES: &str = "sales.csv";

#[test]
fn empty_file() {
    assert_eq!(errors(&read("", SALES)), vec!["the file is empty"]);
    assert_eq!(errors(&read("\r\n\r\n", SALES)), vec!["the file is empty"]);
}

#[test]
fn header_only() {
    assert_eq!(
        errors(&read("SKU,Date,Qty\r\n", SALES)),
        vec!["line 1: the file has a header but no data rows"]
    );
}

#[test]
fn ragged_rows_name_their_lines_and_the_rest_can_be_kept() {
    let p = read(
        "SKU,Date,Qty\nCND-101,2025-10-06,5\nCND-101,2025-10-07\nDIF-104,2025-10-07,2,x\n",
        SALES,
    );
    assert_eq!(
        errors(&p),
        vec![
            "line 3: has 2 cells but the header (line 1) has 3 columns",
            "line 4: has 4 cells but the header (line 1) has 3 columns",
        ]
    );
    assert_eq!(p.bad_rows, 2);
    let Some(Records::Actuals(kept)) = p.records_skipping_errors() else {
        panic!("the good row should be kept when skipping errors")
    };
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].sku, "CND-101");
}

#[test]
fn unclosed_quote_names_the_line_it_opens_on() {
    let p = read("SKU,Product,Date,Qty\nCND-101,Candle,2025-10-06,5\nCND-102,\"Crème brûlée, large,2025-10-06,1\nDIF-104,Diffuser,2025-10-06,2\n", SALES);
    let e = errors(&p);
    assert_eq!(e.len(), 1);
    assert!(
        e[0].starts_with("line 3: a quote (\") opens here and is never closed"),
        "{e:?}"
    );
    assert!(p.records_skipping_errors().is_none());
}

#[test]
fn wrong_delimiter_gives_one_column() {
    let e = errors(&read("SKU:Date:Qty\nCND-101:2025-10-06:5\n", SALES));
    assert_eq!(
        e,
        vec!["line 1: only one column found ('SKU:Date:Qty'): the columns must be separated by a comma, semicolon, tab or |"]
    );
}

#[test]
fn unknown_kind_lists_the_headers_and_the_known_kinds() {
    let p = read("Colour,Size,Weight\nred,L,2\n", "stuff.csv");
    let e = errors(&p);
    assert_eq!(p.kind, None);
    assert!(
        e[0].starts_with("the kind of file is not recognised. Its columns: Colour, Size, Weight."),
        "{e:?}"
    );
    assert!(
        e[0].contains("Shopify orders export (Name, Created at, SKU, Quantity)"),
        "{e:?}"
    );
    assert!(
        e[0].contains("sales history (SKU, Date, Quantity)"),
        "{e:?}"
    );
}

#[test]
fn missing_required_column_names_it_and_its_accepted_names() {
    let p = read("SKU,Qty,Channel\nCND-101,5,web\n", SALES);
    assert_eq!(p.kind, Some(Kind::SalesHistory));
    let e = errors(&p);
    assert_eq!(e.len(), 1);
    assert!(e[0].starts_with("column 'Date': not found: a sales history needs it (accepted names: Date, Order date, Created at,"), "{e:?}");
    assert!(
        e[0].ends_with("the file's columns: SKU, Qty, Channel)"),
        "{e:?}"
    );
    assert!(p.records_skipping_errors().is_none());
}

#[test]
fn bad_quantities_name_line_column_and_value() {
    let text = "SKU,Date,Units sold\n\
                CND-101,2025-10-06,5\n\
                CND-101,2025-10-07,five\n\
                CND-102,2025-10-07,NaN\n\
                CND-102,2025-10-08,inf\n\
                DIF-104,2025-10-08,-2\n\
                DIF-104,2025-10-09,1e400\n\
                GFT-102,2025-10-09,250000000\n";
    assert_eq!(
        errors(&read(text, SALES)),
        vec![
            "line 3, column 'Units sold': 'five' is not a number",
            "line 4, column 'Units sold': 'NaN' is not a number",
            "line 5, column 'Units sold': 'inf' is not a number",
            "line 6, column 'Units sold': '-2' is negative; quantities must be zero or more",
            "line 7, column 'Units sold': '1e400' is too large: more than 100,000,000 units", // issue 12: a number, too large
            "line 8, column 'Units sold': '250000000' is more than 100,000,000 units",
        ]
    );
}

#[test]
fn bad_and_out_of_range_dates() {
    let text = "SKU,Date,Qty\n\
                CND-101,2025-10-06,5\n\
                CND-101,last tuesday,1\n\
                CND-102,1899-12-30,1\n\
                CND-102,2101-01-01,1\n\
                DIF-104,2025-02-30,1\n";
    assert_eq!(
        errors(&read(text, SALES)),
        vec![
            "line 3, column 'Date': 'last tuesday' is not a date (expected e.g. 2026-11-23, 23/11/2026 or 11/23/2026)",
            "line 4, column 'Date': '1899-12-30' is outside the years 1990 to 2100",
            "line 5, column 'Date': '2101-01-01' is outside the years 1990 to 2100",
            "line 6, column 'Date': '2025-02-30' is not a valid date in y-m-d order",
        ]
    );
}

#[test]
fn duplicate_sku_and_period_in_a_long_forecast() {
    let text =
        "SKU,Week,Forecast\nCND-101,2026-W48,120\nCND-101,2026-W49,130\nCND-101,2026-w48,125\n";
    assert_eq!(
        errors(&read(text, "forecast.csv")),
        vec!["line 4, column 'Week': '2026-w48' repeats SKU CND-101 in period 2026-W48 (also on line 2)"]
    );
}

#[test]
fn duplicate_sku_in_a_wide_forecast() {
    let text = "SKU,2026-W48,2026-W49\nCND-101,120,130\nDIF-104,40,42\nCND-101,1,2\n";
    assert_eq!(
        errors(&read(text, "forecast.csv")),
        vec!["line 4, column 'SKU': 'CND-101' appears twice (also on line 2)"]
    );
}

#[test]
fn binary_garbage() {
    let mut bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    bytes.splice(0..0, b"SKU,Qty\n".iter().copied());
    let p = preview(&bytes, "photo.csv", &Choices::default());
    assert_eq!(
        errors(&p),
        vec!["this is not a text/CSV file (it holds binary data)"]
    );
    let p = preview(
        b"PK\x03\x04\x14\x00\x06\x00",
        "plan.xlsx",
        &Choices::default(),
    );
    assert!(errors(&p)[0].starts_with("this is an Excel workbook"));
}

#[test]
fn a_file_over_200_mb_is_refused_before_it_is_read() {
    // zeroed memory: never touched, since the size is checked first
    let bytes = vec![0u8; MAX_BYTES + 1];
    let p = preview(&bytes, "huge.csv", &Choices::default());
    assert_eq!(
        errors(&p),
        vec!["the file is 200 MB; the importer reads files up to 200 MB"]
    );
}

#[test]
fn errors_are_capped_but_all_counted() {
    let mut text = String::from("SKU,Date,Qty\n");
    for i in 0..250 {
        text.push_str(&format!("CND-{i},2025-10-06,x\n"));
    }
    let p = read(&text, SALES);
    assert_eq!((p.errors.len(), p.error_count, p.bad_rows), (100, 250, 250));
    assert_eq!(p.errors[99].line, Some(101));
}

#[test]
fn excel_mangled_codes_are_warnings_naming_the_line() {
    let text = "SKU,Date,Qty\n\
                004512,2025-10-06,1\n\
                004513,2025-10-06,1\n\
                4514,2025-10-06,1\n\
                1.23E+11,2025-10-06,1\n";
    let p = read(text, SALES);
    assert!(p.can_apply(), "{:?}", p.errors);
    let w: Vec<String> = p.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        w,
        vec![
            "line 5, column 'SKU': '1.23E+11' looks like a code Excel turned into a number: it is matched to the one plan SKU whose digits it rounds from, or its rows are left out (never added as a new SKU); export again with this column formatted as text",
            "line 4, column 'SKU': '4514' is shorter than the other numeric codes (6 digits): Excel may have dropped leading zeros",
        ]
    );
}

#[test]
fn an_order_line_without_an_earlier_date_is_an_error() {
    let text = "Name,Created at,Lineitem quantity,Lineitem sku\n#1002,,1,CND-101\n#1001,2025-10-06 10:00:00 +0200,1,CND-101\n";
    assert_eq!(
        errors(&read(text, "orders_export.csv")),
        vec!["line 2, column 'Created at': '' is empty and no earlier line of order '#1002' has the date"]
    );
}

#[test]
fn unknown_receipt_status_is_an_error() {
    let text = "Item,Qty,ETA,Status\nCND-101,10,2026-W48,lost at sea\n";
    let e = errors(&read(text, "po.csv"));
    assert!(e[0].starts_with("line 2, column 'Status': 'lost at sea' is not a known status (confirmed: open, confirmed,"), "{e:?}");
}

#[test]
fn old_mac_line_endings_and_progress() {
    let text = "SKU,Date,Qty\rCND-101,2025-10-06,5\rCND-101,2025-10-07,x\r";
    let mut reports = Vec::new();
    let p = preview_with_progress(text.as_bytes(), SALES, &Choices::default(), &mut |pr| {
        reports.push(pr)
    });
    assert_eq!(
        errors(&p),
        vec!["line 3, column 'Qty': 'x' is not a number"]
    );
    let last = reports.last().copied().unwrap();
    assert_eq!(last.bytes_read, last.bytes_total);
}
