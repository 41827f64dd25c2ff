//! Messages that point to the right place and say what is wrong (issue 12, "Why 5"). Each
//! case failed on main as noted.

use sop_grid::import::{preview, Choices, Preview};

fn read(text: &[u8]) -> Preview {
    preview(text, "file.csv", &Choices::default())
}

fn first_error(p: &Preview) -> String {
    p.errors.first().map(|e| e.to_string()).unwrap_or_default()
}

#[test]
fn a_lone_cr_inside_a_crlf_file_does_not_shift_the_line_numbers() {
    // Main named line 3 for the short row on line 4.
    let p = read(b"SKU,Date,Qty\r\nA,2025-10-06,1\rB,2025-10-06,2\r\nC,2025-10-06\r\n");
    assert_eq!(p.errors.len(), 1);
    assert_eq!(p.errors[0].line, Some(4));
}

#[test]
fn a_nul_byte_in_a_sku_names_its_line() {
    // Main: "this is not a text/CSV file (it holds binary data)", no line.
    let p = read(b"SKU,Date,Qty\nCND-101,2025-10-06,1\nCND\x00-102,2025-10-06,2\n");
    assert_eq!(p.errors[0].line, Some(3));
    assert_eq!(
        first_error(&p),
        "line 3: holds a NUL byte (character code 0) at character 4: the file is damaged \
         there; remove it and save the file again"
    );
    assert!(p.seen.starts_with("Read as text, but line 3"), "{}", p.seen);
}

#[test]
fn a_header_of_blank_names_is_not_read_as_data() {
    // Main took the first data row for the header.
    let p = read(b",,\nCND-101,2025-10-06,5\nCND-102,2025-10-06,3\n");
    assert_eq!(p.errors[0].line, Some(1));
    assert!(first_error(&p).contains("no column names"), "{p:?}");
}

#[test]
fn a_huge_number_is_too_large_not_not_a_number() {
    // Main: "'1e308' is not a number".
    let p = read(b"SKU,Date,Qty\nCND-101,2025-10-06,1e308\n");
    assert_eq!(
        first_error(&p),
        "line 2, column 'Qty': '1e308' is too large: more than 100,000,000 units"
    );
}

#[test]
fn a_recognised_file_that_is_refused_says_what_is_wrong() {
    // Main left `seen` empty and the dialog said "Not a file the importer knows."
    let cases: [(&[u8], &str); 4] = [
        (
            b"SKU,Date,Qty\n",
            "UTF-8, comma-delimited: line 1: the file has a header but no data rows",
        ),
        (
            b"SKU,Date,Qty\nA,2025-10-06,\"1\n",
            "UTF-8, comma-delimited: line 2: a quote (\") opens here and is never closed, so \
             the rest of the file would be one cell; close or remove it",
        ),
        (
            b"SKU,Date,Qty,Qty\nA,2025-10-06,1,2\n",
            "sales history, UTF-8, comma-delimited: a column it reads appears twice in the \
             header",
        ),
        (
            b"Name,Created at,Lineitem sku\n#1,2025-10-06,A\n",
            "Shopify orders export, UTF-8, comma-delimited: 1 column it needs not found: \
             Quantity",
        ),
    ];
    for (bytes, seen) in cases {
        let p = read(bytes);
        assert_eq!(p.seen, seen);
        assert!(p.error_count > 0 && p.records().is_none());
    }
    let twice = read(b"SKU,Date,Qty,Qty\nA,2025-10-06,1,2\n");
    assert_eq!(
        first_error(&twice),
        "column 'Qty': appears more than once in the header (columns 3 and 4): which one to \
         read as Quantity is unclear; rename or remove the others"
    );
}

#[test]
fn counts_are_singular_for_one() {
    // Main: "has 1 cells but the header (line 1) has 3 columns".
    let p = read(b"SKU,Date,Qty\nA,2025-10-06,1\nB\n");
    assert_eq!(
        first_error(&p),
        "line 3: has 1 cell but the header (line 1) has 3 columns"
    );
}
