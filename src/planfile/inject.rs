//! Formula-injection protection for text cells (OWASP "CSV Injection").
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, tab or carriage return as a
//! formula, so such text is written with a leading `'`, which makes it plain text. To keep
//! the round trip exact, text that itself starts with `'` is escaped the same way, and the
//! reader removes exactly one leading `'` from every text cell: `=A1` ↔ `'=A1`,
//! `'=A1` ↔ `''=A1`, `'quoted` ↔ `''quoted`. Text with any other start is written as is.

use std::borrow::Cow;

/// First characters a spreadsheet may treat as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The escape: Excel and Google Sheets show a leading apostrophe as text.
const ESCAPE: char = '\'';

/// Text as it is written to a cell.
pub fn protect(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some(c) if c == ESCAPE || FORMULA_STARTS.contains(&c) => {
            Cow::Owned(format!("{ESCAPE}{text}"))
        }
        _ => Cow::Borrowed(text),
    }
}

/// A text cell as it was before [`protect`].
pub fn unprotect(cell: &str) -> &str {
    cell.strip_prefix(ESCAPE).unwrap_or(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_escaped_and_restored() {
        for text in ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx"] {
            let cell = protect(text);
            assert_eq!(cell, format!("'{text}"));
            assert_eq!(unprotect(&cell), text);
        }
    }

    #[test]
    fn a_leading_apostrophe_is_escaped_too_so_the_round_trip_is_exact() {
        assert_eq!(protect("'=A1"), "''=A1");
        assert_eq!(unprotect("''=A1"), "'=A1");
        assert_eq!(protect("'quoted"), "''quoted");
        assert_eq!(unprotect("''quoted"), "'quoted");
        assert_eq!(protect("'"), "''");
        assert_eq!(unprotect("''"), "'");
    }

    #[test]
    fn other_text_is_left_alone() {
        for text in ["", "Fig & Cedar", "a=b", " =x", "É-clair", "1,5"] {
            assert!(matches!(protect(text), Cow::Borrowed(_)));
            assert_eq!(unprotect(text), text);
        }
    }
}
