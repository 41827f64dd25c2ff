//! Problems found in a file. Each says what was wrong and where (line, column, raw value), and
//! they are collected rather than stopping at the first, so a planner can fix them all at once.

use std::collections::HashSet;
use std::fmt;

/// How many errors (and, separately, warnings) a preview lists; the total is always counted.
pub const MAX_LISTED: usize = 100;

/// Raw values longer than this are cut in messages (a whole garbage line is no help).
const MAX_VALUE_CHARS: usize = 60;

/// A count with its noun, singular for one: `1 SKU`, `16 SKUs`, `1,234 rows`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// `1234567` -> `1,234,567`.
pub fn thousands(n: usize) -> String {
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

/// One thing wrong (an error) or worth a look (a warning).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Physical line in the file, 1-based, as a spreadsheet user counts it (header = line 1).
    pub line: Option<u64>,
    /// The column's header as written in the file.
    pub column: Option<String>,
    /// The raw cell text.
    pub value: Option<String>,
    pub reason: String,
}

impl Problem {
    /// About the whole file.
    pub fn file(reason: impl Into<String>) -> Problem {
        Problem {
            line: None,
            column: None,
            value: None,
            reason: reason.into(),
        }
    }

    /// About a whole line.
    pub fn line(line: u64, reason: impl Into<String>) -> Problem {
        Problem {
            line: Some(line),
            ..Problem::file(reason)
        }
    }

    /// About one cell.
    pub fn cell(line: u64, column: &str, value: &str, reason: impl Into<String>) -> Problem {
        let mut shown: String = value.chars().take(MAX_VALUE_CHARS).collect();
        if shown.len() < value.len() {
            shown.push('…');
        }
        Problem {
            line: Some(line),
            column: Some(column.to_string()),
            value: Some(shown),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Problem {
    /// `line 12, column 'Lineitem quantity': '-2' is negative; quantities must be zero or more`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = match (&self.line, &self.column) {
            (Some(l), Some(c)) => format!("line {l}, column '{c}': "),
            (Some(l), None) => format!("line {l}: "),
            (None, Some(c)) => format!("column '{c}': "),
            (None, None) => String::new(),
        };
        match &self.value {
            Some(v) => write!(f, "{place}'{v}' {}", self.reason),
            None => write!(f, "{place}{}", self.reason),
        }
    }
}

/// Errors and warnings found so far, and which lines are bad (their rows are left out).
#[derive(Clone, Debug, Default)]
pub struct Problems {
    pub errors: Vec<Problem>,
    pub error_count: usize,
    pub warnings: Vec<Problem>,
    pub warning_count: usize,
    bad_lines: HashSet<u64>,
    /// An error about the whole file (not one line): skipping bad rows cannot help.
    pub file_error: bool,
}

impl Problems {
    pub fn error(&mut self, p: Problem) {
        match p.line {
            Some(l) => {
                self.bad_lines.insert(l);
            }
            None => self.file_error = true,
        }
        self.error_count += 1;
        if self.errors.len() < MAX_LISTED {
            self.errors.push(p);
        }
    }

    pub fn warn(&mut self, p: Problem) {
        self.warning_count += 1;
        if self.warnings.len() < MAX_LISTED {
            self.warnings.push(p);
        }
    }

    pub fn is_bad(&self, line: u64) -> bool {
        self.bad_lines.contains(&line)
    }

    /// Lines with at least one error.
    pub fn bad_line_count(&self) -> usize {
        self.bad_lines.len()
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
    fn messages_name_the_place_and_value() {
        let p = Problem::cell(12, "Qty", "-2", "is negative");
        assert_eq!(p.to_string(), "line 12, column 'Qty': '-2' is negative");
        assert_eq!(
            Problem::line(3, "has 2 fields").to_string(),
            "line 3: has 2 fields"
        );
        assert_eq!(
            Problem::file("the file is empty").to_string(),
            "the file is empty"
        );
    }

    #[test]
    fn long_values_are_cut() {
        let long = "x".repeat(500);
        let p = Problem::cell(1, "SKU", &long, "is odd");
        assert_eq!(p.value.as_deref().map(|v| v.chars().count()), Some(61));
    }

    #[test]
    fn errors_are_capped_but_counted() {
        let mut ps = Problems::default();
        for l in 0..150 {
            ps.error(Problem::line(l + 2, "bad"));
        }
        assert_eq!(ps.errors.len(), MAX_LISTED);
        assert_eq!(ps.error_count, 150);
        assert_eq!(ps.bad_line_count(), 150);
        assert!(ps.is_bad(2) && !ps.is_bad(1) && !ps.file_error);
    }
}
