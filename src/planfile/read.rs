//! Reading plan-file text: byte-order mark, version line, delimiter, line numbers and the
//! padding Excel adds when it re-saves a file. What each row means is [`super::build`]'s job.

use super::build::{Builder, PlanFile, Row};
use super::error::PlanFileError;
use super::format::{MAGIC, VERSION};
use super::number::parse_whole;
use super::write::BOM;
use crate::engine::Plan;

/// Whether text starts like a plan file: its first line starts with `#` and names
/// `sop-plan`. Cheap, for an importer deciding which reader to use.
pub fn is_plan_file(text: &str) -> bool {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    first.starts_with('#') && first.contains("sop-plan")
}

/// Reads a plan file. Accepts it with or without the byte-order mark, with LF or CRLF line
/// ends, with `,` or `;` (then also decimal commas) or tab between cells, and with the empty
/// trailing cells and lines Excel adds. The plan is checked with the engine's own rules, so
/// what this returns is always a valid plan; anything else is an error naming line and column.
pub fn read(text: &str) -> Result<Plan, PlanFileError> {
    read_shared(text).map(|f| f.plan)
}

/// Reads a plan file with the check-in it names as its base (see [`read`]).
pub fn read_shared(text: &str) -> Result<PlanFile, PlanFileError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let delimiter = delimiter(text)?;
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut builder = Builder::new(delimiter == b';');
    let mut version_read = false;
    let mut rows = RowNumbers::new(text);
    let mut line = 1;
    loop {
        match csv.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(PlanFileError::new(
                    line,
                    "record",
                    "",
                    format!("cannot be read as CSV: {e}"),
                ))
            }
        }
        line = rows.of(&record);
        let row = Row::new(line, &record);
        if row.is_empty() {
            continue;
        }
        if version_read {
            builder.row(&row)?;
        } else {
            check_version(&row)?;
            version_read = true;
        }
    }
    if !version_read {
        return Err(not_a_plan_file(""));
    }
    builder.finish(line)
}

/// Row numbers as Excel shows them: text lines, less the line breaks inside quoted cells
/// (such a cell stays in one row). Counted here from byte offsets because the csv crate's
/// own line count lags one behind after a CRLF, and a record's offset may point at the line
/// end before it.
struct RowNumbers<'a> {
    text: &'a [u8],
    counted_to: usize,
    line_ends: usize,
    breaks_in_cells: usize,
}

impl<'a> RowNumbers<'a> {
    fn new(text: &'a str) -> RowNumbers<'a> {
        RowNumbers {
            text: text.as_bytes(),
            counted_to: 0,
            line_ends: 0,
            breaks_in_cells: 0,
        }
    }

    /// The row a record starts on; call once per record, in order.
    fn of(&mut self, record: &csv::StringRecord) -> usize {
        let at = record
            .position()
            .map_or(self.counted_to, |p| p.byte() as usize)
            .clamp(self.counted_to, self.text.len());
        let skipped = self.text[at..]
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        let start = at + skipped;
        self.line_ends += count_line_ends(&self.text[self.counted_to..start]);
        self.counted_to = start;
        let row = 1 + self.line_ends.saturating_sub(self.breaks_in_cells);
        self.breaks_in_cells += record
            .iter()
            .map(|cell| count_line_ends(cell.as_bytes()))
            .sum::<usize>();
        row
    }
}

fn count_line_ends(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// The cell delimiter, from the character right after `#sop-plan` on the first line.
fn delimiter(text: &str) -> Result<u8, PlanFileError> {
    let Some(rest) = text.strip_prefix(MAGIC) else {
        let first_cell = text
            .split(['\r', '\n', ',', ';', '\t'])
            .next()
            .unwrap_or("");
        return Err(not_a_plan_file(first_cell));
    };
    match rest.bytes().next() {
        Some(d @ (b',' | b';' | b'\t')) => Ok(d),
        Some(b'\r' | b'\n') | None => Err(PlanFileError::new(
            1,
            "version",
            "",
            format!("is missing: the first line must be {MAGIC},{VERSION}"),
        )),
        Some(_) => Err(not_a_plan_file(
            text.split(['\r', '\n']).next().unwrap_or(""),
        )),
    }
}

fn not_a_plan_file(first_cell: &str) -> PlanFileError {
    PlanFileError::new(
        1,
        "record",
        first_cell,
        format!("is not the start of a plan file, whose first line is {MAGIC},{VERSION}"),
    )
}

/// The version line: `#sop-plan,2`. Newer versions are refused, not half read.
fn check_version(row: &Row) -> Result<(), PlanFileError> {
    if row.get(0) != MAGIC {
        return Err(not_a_plan_file(row.get(0)));
    }
    let raw = row.get(1);
    let err = |reason: String| PlanFileError::new(row.line, "version", raw, reason);
    let version = parse_whole(raw, false)
        .ok()
        .filter(|&v| v >= 1)
        .ok_or_else(|| err("is not a plan file version (1, 2, …)".to_string()))?;
    if version > i64::from(VERSION) {
        return Err(err(format!(
            "is too new: this plan file was written by a newer version (v{version}); \
             this app reads up to v{VERSION}"
        )));
    }
    if row.len() > 2 {
        return Err(PlanFileError::new(
            row.line,
            "3",
            row.get(2),
            format!("is not expected: the first line is {MAGIC},{VERSION} and nothing else"),
        ));
    }
    Ok(())
}
