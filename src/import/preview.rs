//! What the importer saw in a file ([`Preview`]), the planner's corrections ([`Choices`]),
//! and reading a file all at once ([`preview()`]); [`super::PreviewJob`] does the work.

use super::error::{Problem, Problems};
use super::job::{PreviewJob, Step, PROGRESS_STEP};
use super::read::codes;
use super::{
    DateOrder, DecimalSep, Delimiter, Encoding, Field, Kind, LineEnding, Mapping, Period, Progress,
    Records, Summary,
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
    /// The first [`super::error::MAX_LISTED`] errors; `error_count` counts all.
    pub errors: Vec<Problem>,
    pub error_count: usize,
    pub warnings: Vec<Problem>,
    pub warning_count: usize,
    /// Rows left out because of an error.
    pub bad_rows: usize,
    /// Codes that may be Excel's damage or are not codes (formulas), with their lines: the
    /// plan step matches or refuses them (see [`super::apply::SkuRules`]).
    pub odd_codes: codes::OddCodes,
    /// The records of the rows without errors.
    pub(super) good: Option<Records>,
    /// An error no skipping of rows can get around (unknown kind, missing column, …).
    pub(super) file_error: bool,
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
    pub(super) fn fail(mut self, p: Problem) -> Preview {
        if self.seen.is_empty() {
            self.seen = format!("{}: {p}", self.read_as());
        }
        self.fail_unread(p)
    }

    /// Refused before it could be read as text (too large, binary, a workbook).
    pub(super) fn fail_unread(mut self, p: Problem) -> Preview {
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
    pub(super) fn read_as(&self) -> String {
        let f = &self.format;
        let parts = [
            self.kind.map(Kind::label),
            Some(f.encoding.label()),
            Some(f.delimiter.label()),
        ];
        parts.into_iter().flatten().collect::<Vec<_>>().join(", ")
    }

    pub(super) fn take(&mut self, p: Problems) {
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
