//! Importing the CSV files small brands already have (Shopify exports, purchase orders, sales
//! history, forecasts), untouched: pure Rust, no browser imports, tested natively.
//!
//! [`preview`] reads a file and says what it saw: the kind of file, its format (encoding,
//! delimiter, decimal separator, date order), which column holds what, the first rows, a
//! summary, warnings and errors (each naming line, column, raw value and reason), and the
//! plan-independent [`Records`] the app turns into plan edits. A planner's corrections
//! (date order, delimiter, column mapping) go back in through [`Choices`].
//!
//! The steps, one file each: [`decode`] bytes to text, [`sniff`] the delimiter, read the
//! [`table`], [`detect`] the kind and match [`columns`], decide [`dates`] order and
//! [`numbers`] decimal separator from whole columns, then the kind's own reader.

pub mod apply;
pub mod cells;
pub mod codes;
pub mod columns;
pub mod dates;
pub mod decode;
pub mod detect;
pub mod error;
pub mod forecast;
pub mod numbers;
pub mod periods;
pub mod quotes;
pub mod receipts;
pub mod records;
pub mod sales_history;
pub mod shopify_inventory;
pub mod shopify_orders;
pub mod shopify_products;
pub mod sniff;
pub mod table;

pub use columns::{ColumnMatch, Field, Mapping};
pub use dates::DateOrder;
pub use decode::Encoding;
pub use detect::Kind;
pub use error::Problem;
pub use periods::Period;
pub use records::{
    ForecastRow, ProductRow, ReceiptRow, Records, Skipped, SkuQty, Summary, WeekQty,
};
pub use sniff::{Delimiter, LineEnding};
pub use table::Progress;

pub use crate::sheet::number::DecimalSep;

use cells::Cells;
use detect::Detected;
use error::Problems;
use std::borrow::Cow;
use std::collections::BTreeMap;
use table::Table;

/// The largest file the importer reads; checked before anything else.
pub const MAX_BYTES: usize = 200 * 1024 * 1024;

/// How many data rows the preview shows.
pub const PREVIEW_ROWS: usize = 10;

/// The planner's corrections to what was detected; `None` (empty) means "detect".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    pub kind: Option<Kind>,
    pub delimiter: Option<Delimiter>,
    pub decimal: Option<DecimalSep>,
    /// For files whose dates fit both day-first and month-first.
    pub date_order: Option<DateOrder>,
    /// Field -> column index (0-based), or `None` to leave a field unread.
    pub columns: BTreeMap<Field, Option<usize>>,
}

/// How the file is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Format {
    pub encoding: Encoding,
    pub delimiter: Delimiter,
    pub line_ending: LineEnding,
    pub decimal: DecimalSep,
    /// `None` when the file has no dates, or their order must be chosen.
    pub date_order: Option<DateOrder>,
}

impl Default for Format {
    fn default() -> Self {
        Format {
            encoding: Encoding::Utf8,
            delimiter: Delimiter::Comma,
            line_ending: LineEnding::Lf,
            decimal: DecimalSep::Dot,
            date_order: None,
        }
    }
}

/// What the importer saw in a file, for the mapping and preview step.
#[derive(Clone, Debug, Default)]
pub struct Preview {
    pub file_name: String,
    /// `None` when the kind could not be told.
    pub kind: Option<Kind>,
    /// One sentence: "Shopify orders export, UTF-8 with BOM, comma-delimited, dates y-m-d,
    /// 1,234 line items".
    pub seen: String,
    pub format: Format,
    /// Set when the dates fit several orders: the planner chooses one (see [`Choices`]).
    pub date_order_needed: Option<Vec<DateOrder>>,
    pub headers: Vec<String>,
    /// The normalized headers, to remember a planner's mapping per kind of file.
    pub header_signature: String,
    pub mapping: Mapping,
    /// Wide forecast: each period column's header and period.
    pub period_columns: Vec<(String, Period)>,
    /// The first data rows as written.
    pub first_rows: Vec<Vec<String>>,
    pub summary: Summary,
    /// The first [`error::MAX_LISTED`] errors; `error_count` counts all.
    pub errors: Vec<Problem>,
    pub error_count: usize,
    pub warnings: Vec<Problem>,
    pub warning_count: usize,
    /// Rows left out because of an error.
    pub bad_rows: usize,
    /// The records of the rows without errors.
    good: Option<Records>,
    /// An error no skipping of rows can get around (unknown kind, missing column, …).
    file_error: bool,
}

impl Preview {
    /// Nothing is wrong: the records can be applied as they are.
    pub fn can_apply(&self) -> bool {
        self.error_count == 0 && self.date_order_needed.is_none() && self.good.is_some()
    }

    /// The records, when the file has no errors.
    pub fn records(&self) -> Option<&Records> {
        self.good.as_ref().filter(|_| self.can_apply())
    }

    /// The records of the good rows, leaving out the rows the errors name; `None` when an
    /// error concerns the whole file.
    pub fn records_skipping_errors(&self) -> Option<&Records> {
        self.good
            .as_ref()
            .filter(|_| !self.file_error && self.date_order_needed.is_none())
    }

    fn fail(mut self, p: Problem) -> Preview {
        let mut problems = Problems::default();
        problems.error(p);
        self.take(problems);
        self.file_error = true;
        self
    }

    fn take(&mut self, p: Problems) {
        self.bad_rows = p.bad_line_count();
        self.file_error |= p.file_error;
        self.errors = p.errors;
        self.error_count = p.error_count;
        self.warnings = p.warnings;
        self.warning_count = p.warning_count;
    }
}

/// Reads a file for the preview step.
pub fn preview(bytes: &[u8], file_name: &str, choices: &Choices) -> Preview {
    preview_with_progress(bytes, file_name, choices, &mut |_| {})
}

/// [`preview`], reporting progress through the table as it is read.
pub fn preview_with_progress(
    bytes: &[u8],
    file_name: &str,
    choices: &Choices,
    progress: &mut dyn FnMut(Progress),
) -> Preview {
    let p = Preview {
        file_name: file_name.to_string(),
        ..Preview::default()
    };
    if bytes.len() > MAX_BYTES {
        let mb = bytes.len() as f64 / (1024.0 * 1024.0);
        return p.fail(Problem::file(format!(
            "the file is {mb:.0} MB; the importer reads files up to 200 MB"
        )));
    }
    let (text, encoding) = match decode::decode(bytes) {
        Ok(t) => t,
        Err(e) => return p.fail(e),
    };
    let line_ending = LineEnding::of(&text);
    let text = match line_ending {
        LineEnding::Cr => Cow::Owned(text.replace('\r', "\n")),
        _ => text,
    };
    let delimiter = choices.delimiter.unwrap_or_else(|| sniff::sniff(&text));
    let mut p = Preview {
        format: Format {
            encoding,
            delimiter,
            line_ending,
            ..Format::default()
        },
        ..p
    };
    if is_plan_file(&text) {
        p.kind = Some(Kind::PlanFile);
        p.seen = format!("{}, {}", Kind::PlanFile.label(), encoding.label());
        return p;
    }
    let mut problems = Problems::default();
    let table = match table::read(&text, delimiter, &mut problems, progress) {
        Ok(t) => t,
        Err(e) => return p.fail(e),
    };
    p.headers = table.headers.clone();
    p.header_signature = table
        .headers
        .iter()
        .map(|h| columns::normalize(h))
        .collect::<Vec<_>>()
        .join("|");
    p.first_rows = table
        .rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|r| r.cells.iter().map(str::to_string).collect())
        .collect();
    read_kind(p, &table, choices, problems)
}

/// The app's own plan file starts with a `#` line naming its format.
fn is_plan_file(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("");
    first.starts_with('#') && first.to_ascii_lowercase().contains("sop-plan")
}

/// Detects the kind, decides dates and decimals, and reads the records.
fn read_kind(mut p: Preview, table: &Table, choices: &Choices, mut problems: Problems) -> Preview {
    let kind = match choices.kind.map_or_else(
        || detect::detect(&table.headers, &p.file_name),
        Detected::Known,
    ) {
        Detected::Known(k) => k,
        Detected::Missing(k, _) => k,
        Detected::Unknown => return p.fail(unknown_kind(&table.headers)),
    };
    p.kind = Some(kind);
    let mapping = Mapping::new(
        &table.headers,
        kind.required(),
        kind.optional(),
        &choices.columns,
    );
    for field in mapping.missing() {
        problems.error(missing_column(kind, field, &table.headers));
    }
    p.mapping = mapping.clone();
    if problems.file_error {
        p.take(problems);
        return p;
    }
    let header_dates = match kind {
        Kind::ForecastWide => table.headers.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    };
    let row_dates = kind
        .date_fields()
        .iter()
        .filter_map(|f| mapping.column(*f))
        .flat_map(|c| table.rows.iter().map(move |r| r.get(c)));
    let date_order = match (
        choices.date_order,
        dates::decide(header_dates.into_iter().chain(row_dates)),
    ) {
        (Some(order), _) | (None, dates::Verdict::Known(order)) => order,
        (None, dates::Verdict::Ambiguous) => {
            p.date_order_needed = Some(vec![DateOrder::Dmy, DateOrder::Mdy]);
            p.seen = describe(&p, kind, table.rows.len());
            p.take(problems);
            return p;
        }
    };
    p.format.date_order = Some(date_order);
    let periods = match kind {
        Kind::ForecastWide => {
            forecast::period_columns(&table.headers, table.header_line, date_order, &mut problems)
        }
        _ => Vec::new(),
    };
    p.period_columns = periods
        .iter()
        .map(|&(c, per)| (table.headers.get(c).cloned().unwrap_or_default(), per))
        .collect();
    let number_columns: Vec<usize> = kind
        .number_fields()
        .iter()
        .filter_map(|f| mapping.column(*f))
        .chain(periods.iter().map(|(c, _)| *c))
        .collect();
    let numbers = number_columns
        .iter()
        .flat_map(|&c| table.rows.iter().map(move |r| r.get(c)));
    p.format.decimal = choices
        .decimal
        .unwrap_or_else(|| numbers::decide_decimal(numbers, p.format.delimiter));
    if let Some(col) = mapping.column(Field::Sku) {
        let skus = table.rows.iter().map(|r| (r.line, r.get(col)));
        codes::check_codes(skus, mapping.header(Field::Sku), &mut problems);
    }
    let mut cells = Cells {
        table,
        mapping: &mapping,
        decimal: p.format.decimal,
        date_order,
        problems: &mut problems,
    };
    let (records, skipped) = match kind {
        Kind::ShopifyOrders => shopify_orders::read(&mut cells),
        Kind::ShopifyProducts => shopify_products::read(&mut cells),
        Kind::ShopifyInventory => shopify_inventory::read(&mut cells),
        Kind::Receipts => receipts::read(&mut cells),
        Kind::SalesHistory => sales_history::read(&mut cells),
        Kind::ForecastLong => forecast::read_long(&mut cells),
        Kind::ForecastWide => forecast::read_wide(&mut cells, &periods),
        Kind::PlanFile => return p,
    };
    if kind == Kind::ForecastWide && periods.is_empty() {
        problems.error(Problem::line(
            table.header_line,
            "no period columns: a wide forecast needs columns named like 2026-W48 or 2026-11",
        ));
    }
    p.summary = records.summarize(table.rows.len(), skipped);
    p.good = Some(records);
    p.seen = describe(&p, kind, table.rows.len());
    p.take(problems);
    p
}

/// "Shopify orders export, UTF-8 with BOM, comma-delimited, dates y-m-d, 1,234 line items".
fn describe(p: &Preview, kind: Kind, rows: usize) -> String {
    let f = &p.format;
    let mut parts = vec![
        kind.label().to_string(),
        f.encoding.label().to_string(),
        f.delimiter.label().to_string(),
    ];
    if f.decimal == DecimalSep::Comma {
        parts.push("decimal comma".to_string());
    }
    match (&p.date_order_needed, f.date_order) {
        (Some(_), _) => parts.push("dates d/m/y or m/d/y (choose one)".to_string()),
        (None, Some(order)) if !kind.date_fields().is_empty() => {
            parts.push(format!("dates {}", order.label()))
        }
        _ => {}
    }
    parts.push(format!("{} {}", thousands(rows), kind.row_noun()));
    parts.join(", ")
}

/// `1234567` -> `1,234,567`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn unknown_kind(headers: &[String]) -> Problem {
    let kinds: Vec<String> = Kind::TABLES
        .iter()
        .map(|k| format!("{} ({})", k.label(), k.required_text()))
        .collect();
    Problem::file(format!(
        "the kind of file is not recognised. Its columns: {}. Known kinds and the columns \
         they need: {}",
        headers.join(", "),
        kinds.join("; ")
    ))
}

fn missing_column(kind: Kind, field: Field, headers: &[String]) -> Problem {
    Problem {
        column: Some(field.label().to_string()),
        ..Problem::file(format!(
            "not found: a {} needs it (accepted names: {}; the file's columns: {})",
            kind.label(),
            field.names().join(", "),
            headers.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1234), "1,234");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn plan_files_are_handed_over() {
        let p = preview(
            b"# SOP-Plan v1\nproducts\n",
            "plan.csv",
            &Choices::default(),
        );
        assert_eq!(p.kind, Some(Kind::PlanFile));
        assert_eq!(p.error_count, 0);
        assert!(p.records().is_none());
    }
}
