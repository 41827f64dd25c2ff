//! Formula-injection protection for text cells (OWASP "CSV Injection"), and CSV quoting.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, tab or carriage return as a
//! formula. Excel in a decimal-comma locale (de-DE, fr-FR) splits a line on `;` rather than
//! `,`, and there a quote in the middle of a line protects neither a `;` nor a line break:
//! every `;` and every line break inside a text starts a cell too. So at each *cell start* —
//! the start of the text, or just after a `;`, LF or CR in it — a formula character (or a
//! `"`, which would open a quoted cell there) is written with a leading `'`, which makes it
//! plain text. To keep the round trip exact, a
//! `'` at a cell start is escaped the same way, and the reader removes exactly one `'` at
//! each cell start: `=A1` ↔ `'=A1`, `'x` ↔ `''x`, `Fig;=1` ↔ `Fig;'=1`, `a\n-1` ↔ `a\n'-1`.
//! Other text is written as is.
//!
//! [`field`] then quotes a cell that holds a `,`, `"`, line break or `;` (RFC 4180, plus the
//! `;` a decimal-comma Excel splits on).

use std::borrow::Cow;

/// First characters a spreadsheet may treat as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The escape: Excel and Google Sheets show a leading apostrophe as text.
const ESCAPE: char = '\'';

/// Characters after which a decimal-comma spreadsheet may start a new cell.
fn starts_cell_after(c: char) -> bool {
    matches!(c, ';' | '\n' | '\r')
}

/// A cell start that must be escaped: a formula character, the escape itself, or a quote
/// (a decimal-comma Excel would read `"` at a cell start as the opening of a quoted cell
/// whose text could then start a formula).
fn needs_escape(c: char) -> bool {
    c == ESCAPE || c == '"' || FORMULA_STARTS.contains(&c)
}

/// Text as it is written to a cell.
pub fn protect(text: &str) -> Cow<'_, str> {
    let mut at_start = true;
    let clean = text.chars().all(|c| {
        let ok = !(at_start && needs_escape(c));
        at_start = starts_cell_after(c);
        ok
    });
    if clean {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 2);
    let mut at_start = true;
    for c in text.chars() {
        if at_start && needs_escape(c) {
            out.push(ESCAPE);
        }
        out.push(c);
        at_start = starts_cell_after(c);
    }
    Cow::Owned(out)
}

/// A text cell as it was before [`protect`].
pub fn unprotect(cell: &str) -> Cow<'_, str> {
    let mut at_start = true;
    let clean = cell.chars().all(|c| {
        let ok = !(at_start && c == ESCAPE);
        at_start = starts_cell_after(c);
        ok
    });
    if clean {
        return Cow::Borrowed(cell);
    }
    let mut out = String::with_capacity(cell.len());
    let mut at_start = true;
    for c in cell.chars() {
        if at_start && c == ESCAPE {
            // The escape itself; what follows is the text's own first character.
            at_start = false;
            continue;
        }
        out.push(c);
        at_start = starts_cell_after(c);
    }
    Cow::Owned(out)
}

/// A cell as CSV: quoted (quotes doubled) when it holds a `,`, `"`, line break or `;`.
pub fn field(cell: &str) -> Cow<'_, str> {
    if cell.contains([',', '"', '\n', '\r', ';']) {
        Cow::Owned(format!("\"{}\"", cell.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Appends one CSV record (cells quoted by [`field`]) with a CRLF line end.
pub fn push_record<S: AsRef<str>>(out: &mut String, cells: impl IntoIterator<Item = S>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(cell.as_ref()));
    }
    out.push_str("\r\n");
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
    fn cell_starts_inside_the_text_are_escaped_too() {
        for (text, cell) in [
            ("Fig;=1", "Fig;'=1"),
            ("a\n-1", "a\n'-1"),
            ("a\r\n@b", "a\r\n'@b"),
            ("a;'b", "a;''b"),
            ("\r\r", "'\r'\r"),
            (";;=", ";;'="),
            ("\n\"-x", "\n'\"-x"),
            ("\"Duo\"", "'\"Duo\""),
        ] {
            assert_eq!(protect(text), cell);
            assert_eq!(unprotect(cell), text);
        }
    }

    #[test]
    fn other_text_is_left_alone() {
        for text in [
            "",
            "Fig & Cedar",
            "a=b",
            " =x",
            "É-clair",
            "1,5",
            "a; b",
            "x'y",
        ] {
            assert!(matches!(protect(text), Cow::Borrowed(_)));
            assert_eq!(unprotect(text), text);
        }
    }

    #[test]
    fn cells_with_a_separator_quote_or_line_break_are_quoted() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("Candle, \"large\""), "\"Candle, \"\"large\"\"\"");
        let mut out = String::new();
        push_record(&mut out, ["series", "a\nb", "1.5"]);
        assert_eq!(out, "series,\"a\nb\",1.5\r\n");
    }
}
