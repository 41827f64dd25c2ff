//! The file as a header and rows of text cells, each row with the physical line it starts on
//! (quoted cells may hold line breaks, so rows and lines differ). The csv crate accepts any
//! quoting, so an unclosed quote, rows with the wrong number of cells and a file that is not
//! split into columns at all are detected here.

use super::quotes::unclosed_quote;
use super::sniff::Delimiter;
use crate::import::error::{plural, Problem, Problems};
use csv::StringRecord;
use std::io::Cursor;
use std::sync::Arc;

/// Progress is reported after about this many bytes.
const PROGRESS_STEP: usize = 1 << 20;

/// How far the reader has got, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub bytes_read: usize,
    pub bytes_total: usize,
}

/// One data row.
#[derive(Clone, Debug)]
pub struct Row {
    /// The physical line the row starts on (header = line 1 in a file without blank lines).
    pub line: u64,
    pub cells: StringRecord,
}

impl Row {
    /// Cell `i`, trimmed; empty when the row is short.
    pub fn get(&self, i: usize) -> &str {
        self.cells.get(i).unwrap_or("").trim()
    }
}

#[derive(Clone, Debug)]
pub struct Table {
    pub header_line: u64,
    pub headers: Vec<String>,
    /// Rows with the right number of cells; blank rows are left out.
    pub rows: Vec<Row>,
}

/// The text being read, shared between the preview job and the csv reader that reads it, so
/// a reader can be kept between slices of work.
#[derive(Clone, Debug)]
pub struct SharedText(pub Arc<String>);

impl AsRef<[u8]> for SharedText {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// Reads the table. A file that cannot be a table at all is an `Err`; ragged rows are errors
/// in `problems` and are left out of the table.
pub fn read(
    text: &str,
    delimiter: Delimiter,
    problems: &mut Problems,
    progress: &mut dyn FnMut(Progress),
) -> Result<Table, Problem> {
    let mut reader = TableReader::open(SharedText(Arc::new(text.to_string())), delimiter)?;
    while !reader.read_rows(PROGRESS_STEP, problems)? {
        progress(reader.progress());
    }
    progress(reader.progress());
    reader.finish(problems)
}

/// A table read a slice at a time: [`TableReader::open`] reads the header, then
/// [`TableReader::read_rows`] as often as needed, then [`TableReader::finish`].
pub struct TableReader {
    text: SharedText,
    reader: csv::Reader<Cursor<SharedText>>,
    lines: LineCounter,
    header_line: u64,
    headers: Vec<String>,
    rows: Vec<Row>,
    done: bool,
}

impl TableReader {
    /// Checks the quotes and reads the header.
    pub fn open(text: SharedText, delimiter: Delimiter) -> Result<TableReader, Problem> {
        if let Some(line) = unclosed_quote(&text.0, delimiter.byte()) {
            return Err(unclosed(line));
        }
        TableReader::header(text, delimiter)
    }

    /// Reads the header of a text whose quotes are checked.
    pub fn header(text: SharedText, delimiter: Delimiter) -> Result<TableReader, Problem> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter.byte())
            .from_reader(Cursor::new(text.clone()));
        let mut lines = LineCounter::default();
        // The first line of separators only (",,,"): a header whose names are all blank, or
        // an empty row Excel wrote above the header.
        let mut blank_names = None;
        let header = loop {
            let mut rec = StringRecord::new();
            let more = reader
                .read_record(&mut rec)
                .map_err(|e| Problem::file(format!("cannot be read: {e}")))?;
            if !more {
                return Err(Problem::file("the file is empty"));
            }
            if !is_blank(&rec) {
                break rec;
            }
            if rec.len() > 1 && blank_names.is_none() {
                blank_names = Some(lines.line_of(text.as_ref(), &rec));
            }
        };
        let header_line = lines.line_of(text.as_ref(), &header);
        if let Some(blank) = blank_names.filter(|_| header.iter().any(is_number)) {
            return Err(Problem::line(
                blank,
                format!(
                    "the header has no column names, only separators: the first line must \
                     name the columns (such as SKU, Date, Quantity); line {header_line} holds \
                     data"
                ),
            ));
        }
        let headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
        if headers.len() < 2 {
            return Err(Problem::line(
                header_line,
                format!(
                    "only one column found ('{}'): the columns must be separated by a comma, \
                     semicolon, tab or |",
                    headers.first().map(String::as_str).unwrap_or("")
                ),
            ));
        }
        Ok(TableReader {
            text,
            reader,
            lines,
            header_line,
            headers,
            rows: Vec::new(),
            done: false,
        })
    }

    /// How far the reader has got.
    pub fn progress(&self) -> Progress {
        let total = self.text.0.len();
        let read = if self.done {
            total
        } else {
            (self.reader.position().byte() as usize).min(total)
        };
        Progress {
            bytes_read: read,
            bytes_total: total,
        }
    }

    /// Reads rows until about `budget` more bytes are read (at least one row); true once the
    /// end of the file is reached.
    pub fn read_rows(&mut self, budget: usize, problems: &mut Problems) -> Result<bool, Problem> {
        let stop = (self.reader.position().byte() as usize).saturating_add(budget.max(1));
        while !self.done && (self.reader.position().byte() as usize) < stop {
            let mut rec = StringRecord::new();
            let more = self
                .reader
                .read_record(&mut rec)
                .map_err(|e| Problem::file(format!("cannot be read: {e}")))?;
            if !more {
                self.done = true;
                break;
            }
            self.row(rec, problems);
            if self.rows.len() > crate::import::limits::MAX_ROWS {
                let line = self.rows.last().map_or(self.header_line, |r| r.line);
                return Err(Problem::line(line, crate::import::limits::too_many_rows()));
            }
        }
        Ok(self.done)
    }

    fn row(&mut self, rec: StringRecord, problems: &mut Problems) {
        let line = self.lines.line_of(self.text.as_ref(), &rec);
        if is_blank(&rec) {
            return;
        }
        let columns = self.headers.len();
        let extra_filled =
            rec.len() > columns && rec.iter().skip(columns).any(|c| !c.trim().is_empty());
        if rec.len() < columns || extra_filled {
            problems.error(Problem::line(
                line,
                format!(
                    "has {} but the header (line {}) has {}",
                    plural(rec.len(), "cell", "cells"),
                    self.header_line,
                    plural(columns, "column", "columns")
                ),
            ));
            return;
        }
        self.rows.push(Row { line, cells: rec });
    }

    /// The table, once every row is read.
    pub fn finish(self, problems: &Problems) -> Result<Table, Problem> {
        if self.rows.is_empty() && problems.error_count == 0 {
            return Err(Problem::line(
                self.header_line,
                "the file has a header but no data rows",
            ));
        }
        Ok(Table {
            header_line: self.header_line,
            headers: self.headers,
            rows: self.rows,
        })
    }
}

/// The error for a quote opening on `line` that is never closed.
pub fn unclosed(line: u64) -> Problem {
    Problem::line(
        line,
        "a quote (\") opens here and is never closed, so the rest of the file would be one \
         cell; close or remove it",
    )
}

/// Physical line numbers from byte offsets. The csv crate's own line count is one short
/// after a CRLF (it leaves the LF for the next record), so lines are counted here.
struct LineCounter {
    counted_to: usize,
    line: u64,
}

impl Default for LineCounter {
    fn default() -> Self {
        LineCounter {
            counted_to: 0,
            line: 1,
        }
    }
}

impl LineCounter {
    /// The line a record starts on; records come in file order.
    fn line_of(&mut self, text: &[u8], rec: &StringRecord) -> u64 {
        let mut start = rec.position().map_or(0, |p| p.byte() as usize);
        while text.get(start).is_some_and(|b| *b == b'\r' || *b == b'\n') {
            start += 1;
        }
        let newlines = text.get(self.counted_to..start).map_or(0, line_breaks);
        self.line += newlines as u64;
        self.counted_to = self.counted_to.max(start);
        self.line
    }
}

/// Line breaks as the csv reader (and a spreadsheet) sees them: LF, CRLF, and a lone CR (an
/// old Mac file, or one stray CR inside a CRLF file), so messages name the right line.
pub fn line_breaks(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

/// A cell that is a plain number (`12`, `1,250`, `3.5`): data, not a column name.
fn is_number(cell: &str) -> bool {
    let cell = cell.trim();
    cell.bytes().any(|b| b.is_ascii_digit())
        && cell
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b' '))
}

/// A row of empty cells, as Excel writes for formatted but empty rows.
fn is_blank(rec: &StringRecord) -> bool {
    rec.as_slice().trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> (Result<Table, Problem>, Problems) {
        let mut problems = Problems::default();
        let t = read(text, Delimiter::Comma, &mut problems, &mut |_| {});
        (t, problems)
    }

    #[test]
    fn rows_carry_the_physical_line_they_start_on() {
        let (t, p) =
            table("SKU,Name,Qty\r\nA,\"two\r\nlines\",1\r\n\r\nB,\"say \"\"hi\"\"\",2\r\n");
        let t = t.unwrap();
        assert_eq!(p.error_count, 0);
        assert_eq!(t.header_line, 1);
        let lines: Vec<u64> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 5]);
        assert_eq!(t.rows[0].get(1), "two\r\nlines");
        assert_eq!(t.rows[1].get(1), "say \"hi\"");
    }

    #[test]
    fn ragged_rows_are_errors_naming_the_line() {
        let (t, p) = table("SKU,Qty\nA,1\nB\nC,3,4\nD,4,\n");
        assert_eq!(t.unwrap().rows.len(), 2);
        let lines: Vec<Option<u64>> = p.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![Some(3), Some(4)]);
        assert!(p.errors[0]
            .reason
            .contains("has 1 cell but the header (line 1) has 2 columns"));
    }

    #[test]
    fn a_lone_cr_in_a_crlf_file_counts_as_a_line_break() {
        // Fails on main: the short row on line 4 was reported on line 3.
        let (_, p) = table("SKU,Qty\r\nA,1\rB,2\r\nC\r\n");
        let lines: Vec<Option<u64>> = p.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![Some(4)]);
    }

    #[test]
    fn a_header_of_blank_names_is_not_read_as_data() {
        // Fails on main: line 2 (data) became the header.
        let e = table(",,\nCND-101,2025-10-06,5\nCND-102,2025-10-06,3\n")
            .0
            .unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(e.reason.contains("no column names"), "{}", e.reason);
        // An empty row above a real header is still skipped.
        assert!(table(",,\nSKU,Date,Qty\nA,2025-10-06,5\n").0.is_ok());
    }

    #[test]
    fn unclosed_quote_names_the_line_it_opens() {
        let (t, _) = table("SKU,Name,Qty\nA,ok,1\nB,\"broken,2\nC,fine,3\n");
        assert_eq!(t.unwrap_err().line, Some(3));
    }

    #[test]
    fn empty_header_only_and_single_column_files_are_refused() {
        assert_eq!(table("").0.unwrap_err().reason, "the file is empty");
        assert_eq!(table("\n,,\n").0.unwrap_err().reason, "the file is empty");
        let e = table("SKU,Qty\n").0.unwrap_err();
        assert_eq!(
            (e.line, e.reason.as_str()),
            (Some(1), "the file has a header but no data rows")
        );
        let e = table("SKU:Qty\nA:1\n").0.unwrap_err();
        assert!(e.reason.starts_with("only one column found ('SKU:Qty')"));
    }
}
