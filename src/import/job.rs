//! [`PreviewJob`]: the preview in slices of bounded work, so a browser can draw and take
//! clicks in between: decode, check the quotes, read the header and the rows, then hand over
//! to the records step ([`super::kind_step`]) and let go of the rows a slice at a time.

use super::error::{Problem, Problems};
use super::kind_step::{start_kind, KindJob};
use super::preview::{Choices, Format, Preview, MAX_BYTES, PREVIEW_ROWS};
use super::read::table::{self, Row, SharedText, Table, TableReader};
use super::read::{columns, decode, quotes, sniff};
use super::{Kind, LineEnding, Progress};
use std::sync::Arc;

/// A step's byte budget is this many bytes per row when reading records.
const ROW_BYTES: usize = 128;

/// Progress is reported after about this many bytes when reading all at once.
pub(super) const PROGRESS_STEP: usize = 1 << 20;

/// What one [`PreviewJob::step`] came to.
#[derive(Debug)]
pub enum Step {
    /// More to do; this far so far.
    Progress(Progress),
    /// The preview (the job has nothing more to do).
    Done(Box<Preview>),
}

/// [`super::preview()`] in slices, so a browser can draw and take clicks in between (and
/// drop the job to cancel it): each [`PreviewJob::step`] does a bounded amount of work.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::preview;

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
