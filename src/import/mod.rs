//! Importing the CSV files small brands already have (Shopify exports, Amazon Seller Central
//! reports, purchase orders, sales history, forecasts), untouched: pure Rust, no browser
//! imports, tested natively.
//!
//! [`preview`] reads a file and says what it saw: the kind of file, its format (encoding,
//! delimiter, decimal separator, date order), which column holds what, the first rows, a
//! summary, warnings and errors (each naming line, column, raw value and reason), and the
//! plan-independent [`Records`] the app turns into plan edits. A planner's corrections
//! (date order, delimiter, column mapping) go back in through [`Choices`].
//!
//! Where things live:
//! - [`read`]: the steps every file goes through: decode bytes to text, sniff the delimiter,
//!   read the table, detect the kind and match columns, decide the date order and decimal
//!   separator from whole columns, typed values from cells.
//! - [`sources`]: one reader per kind of file, each giving [`Records`].
//! - [`apply`]: records to one plan edit, damaged codes matched to the plan's, the report.
//! - Here: the preview (this file), [`records`] (what a file holds), [`error`] (problems
//!   found in a file) and [`limits`] (how much one import may bring).
//!
//! Imports run one way: `read` knows neither the sources nor the plan; `sources` use `read`;
//! `apply` reads [`Records`] and never a file.

pub mod apply;
pub mod error;
pub mod limits;
pub mod read;
pub mod records;
pub mod sources;

pub use error::Problem;
pub use read::columns::{ColumnMatch, Field, Mapping};
pub use read::dates::DateOrder;
pub use read::decode::Encoding;
pub use read::detect::Kind;
pub use read::periods::Period;
pub use read::sniff::{Delimiter, LineEnding};
pub use read::table::Progress;
pub use records::{
    ForecastRow, InboundRow, PartlyReceived, ProductRow, ReceiptRow, Records, Skipped, SkuQty,
    Summary, WeekQty,
};

pub use crate::sheet::number::DecimalSep;

use error::{plural, thousands, Problems};
use read::cells::Cells;
use read::detect::Detected;
use read::table::{self, Row, SharedText, Table, TableReader};
use read::{codes, columns, dates, decode, detect, numbers, quotes, sniff};
use sources::{
    amazon_inventory, amazon_orders, forecast, receipts, sales_history, shopify_inventory,
    shopify_orders, shopify_products,
};
use std::collections::BTreeMap;
use std::sync::Arc;

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
    /// Codes that may be Excel's damage or are not codes (formulas), with their lines: the
    /// plan step matches or refuses them (see [`apply::SkuRules`]).
    pub odd_codes: codes::OddCodes,
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

    /// Refused after the file was read as text: `seen` says how it was read and what is wrong.
    fn fail(mut self, p: Problem) -> Preview {
        if self.seen.is_empty() {
            self.seen = format!("{}: {p}", self.read_as());
        }
        self.fail_unread(p)
    }

    /// Refused before it could be read as text (too large, binary, a workbook).
    fn fail_unread(mut self, p: Problem) -> Preview {
        if self.seen.is_empty() {
            self.seen = format!("Not read: {p}");
        }
        let mut problems = Problems::default();
        problems.error(p);
        self.take(problems);
        self.file_error = true;
        self
    }

    /// "Shopify orders export, UTF-8, comma-delimited": how the file was read so far.
    fn read_as(&self) -> String {
        let f = &self.format;
        let parts = [
            self.kind.map(Kind::label),
            Some(f.encoding.label()),
            Some(f.delimiter.label()),
        ];
        parts.into_iter().flatten().collect::<Vec<_>>().join(", ")
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

/// Reads a file for the preview step, all at once: [`PreviewJob`] does the same in slices.
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
    let mut job = PreviewJob::new(Arc::new(bytes.to_vec()), file_name, choices);
    loop {
        match job.step(PROGRESS_STEP) {
            Step::Progress(p) => progress(p),
            Step::Done(p) => return *p,
        }
    }
}

/// A step's byte budget is this many bytes per row when reading records.
const ROW_BYTES: usize = 128;

/// Progress is reported after about this many bytes when reading all at once.
const PROGRESS_STEP: usize = 1 << 20;

/// What one [`PreviewJob::step`] came to.
#[derive(Debug)]
pub enum Step {
    /// More to do; this far so far.
    Progress(Progress),
    /// The preview (the job has nothing more to do).
    Done(Box<Preview>),
}

/// [`preview`] in slices, so a browser can draw and take clicks in between (and drop the job
/// to cancel it): each [`PreviewJob::step`] does a bounded amount of work.
pub struct PreviewJob {
    file_name: String,
    /// The length of the text, once decoded.
    total: usize,
    choices: Choices,
    state: JobState,
}

enum JobState {
    /// Not started: the bytes as read.
    Decode(Arc<Vec<u8>>),
    /// Decoded: checking that every quote closes, from this byte on.
    Open(Box<Preview>, SharedText, usize),
    /// The header is next.
    Header(Box<Preview>, SharedText),
    /// Reading the rows.
    Rows(Box<Preview>, TableReader, Problems),
    /// The table is read: detect the kind and decide the dates.
    Table(Box<Preview>, Table, Problems),
    /// Decide the decimals and check the codes, then read the records.
    Kind(Box<KindJob>),
    /// The preview is made: the rows are let go of a slice at a time (freeing 100,000 rows
    /// at once takes tens of milliseconds).
    Release(Box<Preview>, Vec<Row>),
    Finished,
}

impl PreviewJob {
    pub fn new(bytes: Arc<Vec<u8>>, file_name: &str, choices: &Choices) -> PreviewJob {
        PreviewJob {
            file_name: file_name.to_string(),
            total: 0,
            choices: choices.clone(),
            state: JobState::Decode(bytes),
        }
    }

    /// Does the next slice of work: the decoding, the quote check and header, then rows of
    /// about `budget_bytes` bytes of text at a time, then the kind's records. After `Done`,
    /// further calls give an empty preview.
    pub fn step(&mut self, budget_bytes: usize) -> Step {
        let state = std::mem::replace(&mut self.state, JobState::Finished);
        let (next, progress) = match state {
            JobState::Decode(bytes) => match self.decode(&bytes) {
                Ok((p, text)) => {
                    self.total = text.0.len();
                    (JobState::Open(p, text, 0), at(0, self.total))
                }
                Err(p) => return Step::Done(p),
            },
            JobState::Open(p, text, from) => {
                let delimiter = p.format.delimiter.byte();
                match quotes::scan_quotes(&text.0, delimiter, from, budget_bytes) {
                    quotes::Scan::Upto(pos) => (JobState::Open(p, text, pos), at(0, self.total)),
                    quotes::Scan::Unclosed(line) => {
                        return Step::Done(Box::new(p.fail(table::unclosed(line))))
                    }
                    quotes::Scan::Closed => (JobState::Header(p, text), at(0, self.total)),
                }
            }
            JobState::Header(p, text) => match TableReader::header(text, p.format.delimiter) {
                Ok(reader) => {
                    let progress = reader.progress();
                    (JobState::Rows(p, reader, Problems::default()), progress)
                }
                Err(e) => return Step::Done(Box::new(p.fail(e))),
            },
            JobState::Rows(p, mut reader, mut problems) => {
                match reader.read_rows(budget_bytes, &mut problems) {
                    Ok(false) => {
                        let progress = reader.progress();
                        (JobState::Rows(p, reader, problems), progress)
                    }
                    Ok(true) => {
                        let progress = reader.progress();
                        match reader.finish(&problems) {
                            Ok(table) => (JobState::Table(p, table, problems), progress),
                            Err(e) => return Step::Done(Box::new(p.fail(e))),
                        }
                    }
                    Err(e) => return Step::Done(Box::new(p.fail(e))),
                }
            }
            JobState::Table(mut p, table, problems) => {
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
                let total = self.total;
                match start_kind(*p, table, &self.choices, problems) {
                    Ok(job) => (JobState::Kind(Box::new(job)), at(total, total)),
                    Err(p) => return Step::Done(p),
                }
            }
            JobState::Kind(mut job) => {
                if job.step(&self.choices, (budget_bytes / ROW_BYTES).max(1)) {
                    let (p, rows) = job.finish();
                    (
                        JobState::Release(Box::new(p), rows),
                        at(self.total, self.total),
                    )
                } else {
                    (JobState::Kind(job), at(self.total, self.total))
                }
            }
            JobState::Release(p, mut rows) => {
                let keep = rows.len().saturating_sub((budget_bytes / ROW_BYTES).max(1));
                rows.truncate(keep);
                if rows.is_empty() {
                    return Step::Done(p);
                }
                (JobState::Release(p, rows), at(self.total, self.total))
            }
            JobState::Finished => return Step::Done(Box::default()),
        };
        self.state = next;
        Step::Progress(progress)
    }

    /// Checks the size, decodes, sniffs the delimiter and hands plan files over.
    fn decode(&self, bytes: &[u8]) -> Result<(Box<Preview>, SharedText), Box<Preview>> {
        let p = Preview {
            file_name: self.file_name.clone(),
            ..Preview::default()
        };
        if bytes.len() > MAX_BYTES {
            let mb = bytes.len() as f64 / (1024.0 * 1024.0);
            return Err(Box::new(p.fail_unread(Problem::file(format!(
                "the file is {mb:.0} MB; the importer reads files up to 200 MB"
            )))));
        }
        let (text, encoding) = match decode::decode(bytes) {
            Ok(t) => t,
            Err(e) if e.line.is_some() => {
                let seen = format!("Read as text, but {e}");
                return Err(Box::new(Preview { seen, ..p }.fail_unread(e)));
            }
            Err(e) => return Err(Box::new(p.fail_unread(e))),
        };
        let line_ending = LineEnding::of(&text);
        let text = match line_ending {
            LineEnding::Cr => text.replace('\r', "\n"),
            _ => text.into_owned(),
        };
        let delimiter = self
            .choices
            .delimiter
            .unwrap_or_else(|| sniff::sniff(&text));
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
            return Err(Box::new(p));
        }
        Ok((Box::new(p), SharedText(Arc::new(text))))
    }
}

fn at(bytes_read: usize, bytes_total: usize) -> Progress {
    Progress {
        bytes_read,
        bytes_total,
    }
}

/// The app's own plan file starts with a `#` line naming its format.
fn is_plan_file(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("");
    first.starts_with('#') && first.to_ascii_lowercase().contains("sop-plan")
}

/// The records step in three parts, each one pass or so over the rows: detect the kind and
/// decide the date order; decide the decimal separator and check the codes; read the records.
struct KindJob {
    p: Preview,
    table: Table,
    problems: Problems,
    kind: Kind,
    mapping: Mapping,
    date_order: DateOrder,
    periods: Vec<(usize, Period)>,
    stage: KindStage,
}

/// What a [`KindJob`] does next.
enum KindStage {
    Decimal,
    Codes,
    /// A Shopify orders export (the large files) is read in slices of rows: the next row.
    Orders(usize, shopify_orders::Reader),
    /// Everything else is read in one go.
    Records,
}

/// Detects the kind and decides the date order; `Err` is the finished preview.
fn start_kind(
    mut p: Preview,
    table: Table,
    choices: &Choices,
    mut problems: Problems,
) -> Result<KindJob, Box<Preview>> {
    let kind = match choices.kind.map_or_else(
        || detect::detect(&table.headers, &p.file_name),
        Detected::Known,
    ) {
        Detected::Known(k) => k,
        Detected::Missing(k, _) => k,
        Detected::Unknown => {
            p.seen = format!(
                "{}, {}: its columns are not those of a kind of file the importer knows \
                 (see below)",
                p.read_as(),
                plural(table.headers.len(), "column", "columns")
            );
            return Err(Box::new(p.fail(unknown_kind(&table.headers))));
        }
    };
    p.kind = Some(kind);
    let mapping = Mapping::new(
        &table.headers,
        kind.required(),
        kind.optional(),
        &choices.columns,
    );
    let missing: Vec<&str> = mapping.missing().map(Field::label).collect();
    for field in mapping.missing() {
        problems.error(missing_column(kind, field, &table.headers));
    }
    for problem in duplicate_columns(&mapping, &table.headers) {
        problems.error(problem);
    }
    p.mapping = mapping.clone();
    if problems.file_error {
        p.seen = if missing.is_empty() {
            format!(
                "{}: a column it reads appears twice in the header",
                p.read_as()
            )
        } else {
            format!(
                "{}: {} it needs not found: {}",
                p.read_as(),
                plural(missing.len(), "column", "columns"),
                missing.join(", ")
            )
        };
        p.take(problems);
        return Err(Box::new(p));
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
            return Err(Box::new(p));
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
    Ok(KindJob {
        p,
        table,
        problems,
        kind,
        mapping,
        date_order,
        periods,
        stage: KindStage::Decimal,
    })
}

impl KindJob {
    /// The next part of the work, with at most `budget_rows` rows of records; true when
    /// what is left is [`KindJob::finish`].
    fn step(&mut self, choices: &Choices, budget_rows: usize) -> bool {
        let (table, mapping) = (&self.table, &self.mapping);
        match &mut self.stage {
            KindStage::Decimal => {
                let number_columns: Vec<usize> = self
                    .kind
                    .number_fields()
                    .iter()
                    .filter_map(|f| mapping.column(*f))
                    .chain(self.periods.iter().map(|(c, _)| *c))
                    .collect();
                let numbers = number_columns
                    .iter()
                    .flat_map(|&c| table.rows.iter().map(move |r| r.get(c)));
                self.p.format.decimal = choices
                    .decimal
                    .unwrap_or_else(|| numbers::decide_decimal(numbers, self.p.format.delimiter));
                self.stage = KindStage::Codes;
                false
            }
            KindStage::Codes => {
                if let Some(col) = mapping.column(Field::Sku) {
                    let skus = table.rows.iter().map(|r| (r.line, r.get(col)));
                    self.p.odd_codes =
                        codes::check_codes(skus, mapping.header(Field::Sku), &mut self.problems);
                }
                self.stage = match self.kind {
                    Kind::ShopifyOrders => KindStage::Orders(0, shopify_orders::Reader::default()),
                    _ => KindStage::Records,
                };
                false
            }
            KindStage::Orders(next, reader) => {
                let end = next.saturating_add(budget_rows).min(table.rows.len());
                let mut cells = Cells {
                    table,
                    mapping,
                    decimal: self.p.format.decimal,
                    date_order: self.date_order,
                    problems: &mut self.problems,
                };
                reader.rows(&mut cells, table.rows.get(*next..end).unwrap_or_default());
                *next = end;
                end >= table.rows.len()
            }
            KindStage::Records => true,
        }
    }

    /// Reads the records; gives back the rows for [`JobState::Release`].
    fn finish(self) -> (Preview, Vec<Row>) {
        let KindJob {
            mut p,
            table,
            mut problems,
            kind,
            mapping,
            date_order,
            periods,
            stage,
        } = self;
        let mut cells = Cells {
            table: &table,
            mapping: &mapping,
            decimal: p.format.decimal,
            date_order,
            problems: &mut problems,
        };
        let mut partly = records::PartlyReceived::default();
        let (records, skipped) = match (kind, stage) {
            (_, KindStage::Orders(_, reader)) => reader.finish(),
            (Kind::ShopifyOrders, _) => shopify_orders::read(&mut cells),
            (Kind::ShopifyProducts, _) => shopify_products::read(&mut cells),
            (Kind::ShopifyInventory, _) => shopify_inventory::read(&mut cells),
            (Kind::AmazonOrders, _) => amazon_orders::read(&mut cells),
            (Kind::AmazonInventory, _) => amazon_inventory::read(&mut cells),
            (Kind::Receipts, _) => receipts::read(&mut cells, &mut partly),
            (Kind::SalesHistory, _) => sales_history::read(&mut cells),
            (Kind::ForecastLong, _) => forecast::read_long(&mut cells),
            (Kind::ForecastWide, _) => forecast::read_wide(&mut cells, &periods),
            (Kind::PlanFile, _) => return (p, table.rows),
        };
        if kind == Kind::ForecastWide && periods.is_empty() {
            problems.error(Problem::line(
                table.header_line,
                "no period columns: a wide forecast needs columns named like 2026-W48 or 2026-11",
            ));
        }
        p.summary = records.summarize(table.rows.len(), skipped);
        p.summary.partly_received = partly;
        p.good = Some(records);
        p.seen = describe(&p, kind, table.rows.len());
        p.take(problems);
        (p, table.rows)
    }
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

/// A column the mapping reads whose name appears twice: which one is meant is unclear.
fn duplicate_columns(mapping: &Mapping, headers: &[String]) -> Vec<Problem> {
    let names: Vec<String> = headers.iter().map(|h| columns::normalize(h)).collect();
    mapping
        .columns
        .iter()
        .filter_map(|m| {
            let col = m.column?;
            let name = names.get(col).filter(|n| !n.is_empty())?;
            let twins: Vec<String> = (0..names.len())
                .filter(|&i| &names[i] == name)
                .map(|i| (i + 1).to_string())
                .collect();
            (twins.len() > 1).then(|| Problem {
                column: headers.get(col).cloned(),
                ..Problem::file(format!(
                    "appears more than once in the header (columns {}): which one to read as \
                     {} is unclear; rename or remove the others",
                    twins.join(" and "),
                    m.field.label()
                ))
            })
        })
        .collect()
}

/// "a" or "an" before a kind's label ("an Amazon FBA inventory report").
fn article(label: &str) -> &'static str {
    match label.chars().next() {
        Some('A' | 'E' | 'I' | 'O' | 'U' | 'a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

fn missing_column(kind: Kind, field: Field, headers: &[String]) -> Problem {
    Problem {
        column: Some(field.label().to_string()),
        ..Problem::file(format!(
            "not found: {} {} needs it (accepted names: {}; the file's columns: {})",
            article(kind.label()),
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
