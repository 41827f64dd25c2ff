//! Why a plan file could not be read, and where: the line (as Excel numbers its rows), the
//! column, the raw cell and the reason, so a planner can find and fix it in a spreadsheet.

use std::fmt;

/// Cells longer than this are shortened in messages (an unclosed quote can swallow a file).
const SHOWN_CHARS: usize = 60;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanFileError {
    /// 1-based row number as Excel shows it (a text cell with a line break is still one row).
    pub line: usize,
    /// The column's name from the format (`value`, `unit_cost`), or `column 13` past the end.
    pub column: String,
    /// The cell as it stands in the file.
    pub value: String,
    /// What is wrong, phrased to follow the quoted value.
    pub reason: String,
}

impl PlanFileError {
    pub fn new(
        line: usize,
        column: impl Into<String>,
        value: impl Into<String>,
        reason: impl Into<String>,
    ) -> PlanFileError {
        PlanFileError {
            line,
            column: column.into(),
            value: value.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for PlanFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: String = self.value.chars().take(SHOWN_CHARS).collect();
        let more = if self.value.chars().count() > SHOWN_CHARS {
            "…"
        } else {
            ""
        };
        write!(
            f,
            "line {}, column {}: '{shown}{more}' {}",
            self.line, self.column, self.reason
        )
    }
}

impl std::error::Error for PlanFileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_line_column_value_and_reason() {
        let e = PlanFileError::new(14, "value", "abc", "is not a number");
        assert_eq!(
            e.to_string(),
            "line 14, column value: 'abc' is not a number"
        );
        let long = PlanFileError::new(2, "name", "x".repeat(100), "is bad");
        assert_eq!(
            long.to_string(),
            format!("line 2, column name: '{}…' is bad", "x".repeat(60))
        );
    }
}
