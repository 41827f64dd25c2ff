//! The records step of a preview: detect the kind of file and match its columns, decide the
//! date order and the decimal separator from whole columns, check the codes, then run the
//! kind's reader from [`super::sources`]. Also the messages for a file of no known kind or
//! with a column missing or doubled.

use super::error::{plural, thousands, Problem, Problems};
use super::preview::{Choices, Preview};
use super::read::cells::Cells;
use super::read::detect::{self, Detected};
use super::read::table::{Row, Table};
use super::read::{codes, columns, dates, numbers};
use super::records;
use super::sources::{
    amazon_inventory, amazon_orders, forecast, receipts, sales_history, shopify_inventory,
    shopify_orders, shopify_products,
};
use super::{DateOrder, DecimalSep, Field, Kind, Mapping, Period};

/// The records step in three parts, each one pass or so over the rows: detect the kind and
/// decide the date order; decide the decimal separator and check the codes; read the records.
pub(super) struct KindJob {
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
pub(super) fn start_kind(
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
    pub(super) fn step(&mut self, choices: &Choices, budget_rows: usize) -> bool {
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

    /// Reads the records; gives back the rows for the job to let go of (`JobState::Release`).
    pub(super) fn finish(self) -> (Preview, Vec<Row>) {
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
