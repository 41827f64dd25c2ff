//! Generic forecast -> forecast per SKU and week or month, in either layout: long (SKU,
//! period, quantity) or wide (a SKU column and one column per period, as planners keep it
//! in a spreadsheet). A period is an ISO week, a month, or a date: dates that are all the
//! first of a month are months, otherwise each date stands for its ISO week. A forecast
//! must not give the same SKU and period twice (which one would be meant?).

use crate::engine::model::calendar::monday_of;
use crate::import::error::{Problem, Problems};
use crate::import::read::cells::Cells;
use crate::import::read::columns::Field;
use crate::import::read::dates::{parse_date, DateOrder};
use crate::import::read::detect::is_period_header;
use crate::import::read::periods::{parse_period_label, Period};
use crate::import::records::{FirstSeen, ForecastRow, Records, Skipped};
use chrono::Datelike;

/// True when every period written as a date is the first of a month (and there is one).
fn dates_are_months<'t>(texts: impl IntoIterator<Item = &'t str>, order: DateOrder) -> bool {
    let mut days = texts
        .into_iter()
        .filter(|t| parse_period_label(t).is_none())
        .filter_map(|t| parse_date(t, order).ok().map(|d| d.day()))
        .peekable();
    days.peek().is_some() && days.all(|d| d == 1)
}

fn to_period(text: &str, order: DateOrder, months: bool) -> Result<Period, String> {
    if let Some(p) = parse_period_label(text) {
        return Ok(p);
    }
    let d = parse_date(text, order).map_err(|e| {
        if text.is_empty() {
            "is empty".to_string()
        } else {
            format!("{e}; a period is a week (2026-W48), a month (2026-11) or a date")
        }
    })?;
    Ok(if months {
        Period::Month((d.year(), d.month()))
    } else {
        Period::Week(monday_of(d))
    })
}

/// The period columns of a wide forecast; a header that looks like a period but is not a
/// valid one, or names a period twice, is an error on the header line.
pub fn period_columns(
    headers: &[String],
    header_line: u64,
    order: DateOrder,
    problems: &mut Problems,
) -> Vec<(usize, Period)> {
    let candidates: Vec<(usize, &str)> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| is_period_header(h))
        .map(|(i, h)| (i, h.as_str()))
        .collect();
    for h in headers
        .iter()
        .filter(|h| h.chars().any(|c| c.is_ascii_digit()))
    {
        if !is_period_header(h) {
            problems.warn(Problem::cell(
                header_line,
                h,
                h,
                "is not read: it is not a week (2026-W48), a month (2026-11, Nov 2026) or a date",
            ));
        }
    }
    let months = dates_are_months(candidates.iter().map(|(_, h)| *h), order);
    let mut seen = FirstSeen::default();
    let mut out = Vec::new();
    for (i, h) in candidates {
        match to_period(h, order, months) {
            Ok(p) => match seen.first_line(p, i as u64) {
                None => out.push((i, p)),
                Some(first) => problems.error(Problem::cell(
                    header_line,
                    h,
                    h,
                    format!(
                        "is the same period ({p}) as column '{}'",
                        headers.get(first as usize).map_or("", String::as_str)
                    ),
                )),
            },
            Err(e) => problems.error(Problem::cell(header_line, h, h, e)),
        }
    }
    out
}

pub fn read_long(c: &mut Cells) -> (Records, Vec<Skipped>) {
    let table = c.table;
    let order = c.date_order;
    let months = dates_are_months(table.rows.iter().map(|r| c.text(r, Field::Period)), order);
    let mut seen = FirstSeen::default();
    let mut rows = Vec::new();
    for row in &table.rows {
        let sku = c.required_sku(row);
        let parsed = to_period(c.text(row, Field::Period), order, months);
        let period = c.ok(row, Field::Period, parsed);
        let q = c.qty(row, Field::Quantity);
        let (Some(sku), Some(period), Some(qty)) = (sku, period, q) else {
            continue;
        };
        if let Some(first) = seen.first_line((sku, period), row.line) {
            c.error(
                row,
                Field::Period,
                format!("repeats SKU {sku} in period {period} (also on line {first})"),
            );
            continue;
        }
        rows.push(ForecastRow {
            sku: sku.to_string(),
            period,
            qty,
        });
    }
    rows.sort_by(|a, b| (&a.sku, a.period).cmp(&(&b.sku, b.period)));
    (Records::Forecast(rows), Vec::new())
}

pub fn read_wide(c: &mut Cells, periods: &[(usize, Period)]) -> (Records, Vec<Skipped>) {
    let table = c.table;
    let mut seen = FirstSeen::default();
    let mut rows = Vec::new();
    for row in &table.rows {
        let Some(sku) = c.required_sku(row) else {
            continue;
        };
        if !c.first_time(&mut seen, row, sku) {
            continue;
        }
        let values: Vec<ForecastRow> = periods
            .iter()
            .filter_map(|&(col, period)| {
                c.qty_in(row, col).map(|qty| ForecastRow {
                    sku: sku.to_string(),
                    period,
                    qty,
                })
            })
            .collect();
        if !c.is_bad(row) {
            rows.extend(values);
        }
    }
    rows.sort_by(|a, b| (&a.sku, a.period).cmp(&(&b.sku, b.period)));
    (Records::Forecast(rows), Vec::new())
}
