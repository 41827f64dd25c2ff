//! Typed values from a row's cells. Every reader of a kind of file goes through these, so a
//! bad cell is reported the same way everywhere: line, column header, raw value, reason.

use super::columns::{Field, Mapping};
use super::dates::{parse_date, DateOrder, FIRST_YEAR, LAST_YEAR};
use super::numbers::{parse_money, parse_qty};
use super::table::{Row, Table};
use crate::engine::model::calendar::{monday_of, parse_iso_week};
use crate::engine::model::qty::{Money, Qty};
use crate::import::error::{Problem, Problems};
use crate::import::records::FirstSeen;
use crate::sheet::number::DecimalSep;
use chrono::{Datelike, NaiveDate};

/// The cell's error has been reported; the row is left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reported;

/// A table with its mapping and number and date conventions, collecting problems.
pub struct Cells<'a> {
    pub table: &'a Table,
    pub mapping: &'a Mapping,
    pub decimal: DecimalSep,
    pub date_order: DateOrder,
    pub problems: &'a mut Problems,
}

impl<'a> Cells<'a> {
    /// The trimmed text of a field's cell; empty when the field has no column.
    pub fn text(&self, row: &'a Row, field: Field) -> &'a str {
        self.mapping.column(field).map_or("", |c| row.get(c))
    }

    /// Reports an error in a field's cell.
    pub fn error(&mut self, row: &Row, field: Field, reason: impl Into<String>) {
        let raw = self.text_of(row, field);
        let p = Problem::cell(row.line, self.mapping.header(field), &raw, reason);
        self.problems.error(p);
    }

    /// Reports a warning about a field's cell.
    pub fn warn(&mut self, row: &Row, field: Field, reason: impl Into<String>) {
        let raw = self.text_of(row, field);
        let p = Problem::cell(row.line, self.mapping.header(field), &raw, reason);
        self.problems.warn(p);
    }

    fn text_of(&self, row: &Row, field: Field) -> String {
        self.mapping
            .column(field)
            .map_or(String::new(), |c| row.get(c).to_string())
    }

    /// True once any error was reported on the row's line.
    pub fn is_bad(&self, row: &Row) -> bool {
        self.problems.is_bad(row.line)
    }

    /// A SKU that must be there (an empty one is an error).
    pub fn required_sku(&mut self, row: &'a Row) -> Option<&'a str> {
        let sku = self.text(row, Field::Sku);
        if sku.is_empty() {
            self.error(row, Field::Sku, "is empty");
            return None;
        }
        Some(sku)
    }

    /// The row's SKU; an empty one is left out with a warning saying what such a row is.
    pub fn sku_or_skip(&mut self, row: &'a Row, what: &str) -> Option<&'a str> {
        let sku = self.text(row, Field::Sku);
        if sku.is_empty() {
            self.warn(row, Field::Sku, format!("is empty: {what} is left out"));
            return None;
        }
        Some(sku)
    }

    /// False (and an error) when the SKU was already on an earlier line.
    pub fn first_time(&mut self, seen: &mut FirstSeen<&'a str>, row: &Row, sku: &'a str) -> bool {
        match seen.first_line(sku, row.line) {
            Some(first) => {
                self.error(
                    row,
                    Field::Sku,
                    format!("appears twice (also on line {first})"),
                );
                false
            }
            None => true,
        }
    }

    /// A quantity in a column that no field names (a period column of a wide forecast);
    /// `None` when the cell is empty or wrong (then reported).
    pub fn qty_in(&mut self, row: &Row, col: usize) -> Option<Qty> {
        let text = row.get(col);
        if text.is_empty() {
            return None;
        }
        let header = self.table.headers.get(col).map_or("", String::as_str);
        parse_qty(text, self.decimal)
            .map_err(|e| {
                self.problems
                    .error(Problem::cell(row.line, header, text, e))
            })
            .ok()
    }

    /// A required quantity.
    pub fn qty(&mut self, row: &'a Row, field: Field) -> Option<Qty> {
        let parsed = parse_qty(self.text(row, field), self.decimal);
        self.ok(row, field, parsed)
    }

    /// An optional quantity: `None` when the cell is empty.
    pub fn optional_qty(&mut self, row: &'a Row, field: Field) -> Result<Option<Qty>, Reported> {
        if self.text(row, field).is_empty() {
            return Ok(None);
        }
        self.qty(row, field).map(Some).ok_or(Reported)
    }

    /// An optional price or cost: `None` when the cell is empty.
    pub fn optional_money(
        &mut self,
        row: &'a Row,
        field: Field,
    ) -> Result<Option<Money>, Reported> {
        let text = self.text(row, field);
        if text.is_empty() {
            return Ok(None);
        }
        let parsed = parse_money(text, self.decimal);
        self.ok(row, field, parsed).map(Some).ok_or(Reported)
    }

    /// A date (any time or offset after it is ignored: the date as written is the local one).
    pub fn date(&mut self, row: &'a Row, field: Field) -> Option<NaiveDate> {
        let parsed = parse_date(self.text(row, field), self.date_order);
        self.ok(row, field, parsed)
    }

    /// The Monday of the week of a date or of an ISO week label (`2026-W48`).
    pub fn week(&mut self, row: &'a Row, field: Field) -> Option<NaiveDate> {
        let text = self.text(row, field);
        if text.to_ascii_uppercase().contains('W') {
            let parsed = parse_iso_week(text)
                .filter(|d| (FIRST_YEAR..=LAST_YEAR).contains(&d.year()))
                .ok_or("is not an ISO week like 2026-W48 (years 1990 to 2100)");
            return self.ok(row, field, parsed);
        }
        self.date(row, field).map(monday_of)
    }

    /// The value, or the error reported against the cell.
    pub fn ok<T, E: Into<String>>(
        &mut self,
        row: &Row,
        field: Field,
        r: Result<T, E>,
    ) -> Option<T> {
        r.map_err(|e| self.error(row, field, e)).ok()
    }
}
