//! Which character separates the columns. Excel writes `;` where the decimal separator is a
//! comma, other tools use tab or `|`; the right one is the candidate that appears the same
//! number of times (outside quotes) on every one of the first lines.

use super::quotes::QuotedCells;

/// How many records are looked at.
const SAMPLE_RECORDS: usize = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
    Pipe,
}

impl Delimiter {
    pub const ALL: [Delimiter; 4] = [
        Delimiter::Comma,
        Delimiter::Semicolon,
        Delimiter::Tab,
        Delimiter::Pipe,
    ];

    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
            Delimiter::Pipe => b'|',
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Delimiter::Comma => "comma-delimited",
            Delimiter::Semicolon => "semicolon-delimited",
            Delimiter::Tab => "tab-delimited",
            Delimiter::Pipe => "pipe-delimited",
        }
    }
}

/// How lines end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineEnding {
    Lf,
    CrLf,
    /// Old Mac files: lone carriage returns.
    Cr,
}

impl LineEnding {
    pub fn of(text: &str) -> LineEnding {
        match text.find(['\r', '\n']) {
            Some(i) if text[i..].starts_with("\r\n") => LineEnding::CrLf,
            Some(i) if text[i..].starts_with('\r') => LineEnding::Cr,
            _ => LineEnding::Lf,
        }
    }
}

/// The delimiter whose count is the same on all sampled records and highest on the first;
/// if none is consistent, the one most frequent on the first line (the table reader then
/// reports the ragged rows). Comma when the file has a single column.
pub fn sniff(text: &str) -> Delimiter {
    let counts = sample_counts(text);
    let Some(first) = counts.first() else {
        return Delimiter::Comma;
    };
    let consistent = |d: usize| counts.iter().all(|c| c[d] == first[d]);
    let best = |only_consistent: bool| {
        (0..Delimiter::ALL.len())
            .filter(|&d| first[d] > 0 && (!only_consistent || consistent(d)))
            .max_by_key(|&d| (first[d], std::cmp::Reverse(d)))
    };
    best(true)
        .or_else(|| best(false))
        .and_then(|d| Delimiter::ALL.get(d).copied())
        .unwrap_or(Delimiter::Comma)
}

/// Per record, how often each candidate appears outside quotes. A quote opens a quoted cell
/// after any candidate delimiter, as CSV writers quote.
fn sample_counts(text: &str) -> Vec<[usize; 4]> {
    let is_candidate = |b: u8| Delimiter::ALL.iter().any(|d| d.byte() == b);
    let mut quoted = QuotedCells::new(text, is_candidate).peekable();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut counts = [0usize; 4];
    let mut blank = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match quoted.peek() {
            Some(Ok(cell)) if cell.start == i => {
                i = cell.end;
                blank = false;
                quoted.next();
                continue;
            }
            // an unclosed quote: the rest of the file is one cell
            Some(Err(open)) if *open == i => break,
            _ => {}
        }
        i += 1;
        if b == b'\n' || b == b'\r' {
            if !blank {
                out.push(counts);
                if out.len() == SAMPLE_RECORDS {
                    return out;
                }
            }
            counts = [0; 4];
            blank = true;
            continue;
        }
        blank = false;
        if let Some(c) = Delimiter::ALL
            .iter()
            .position(|d| d.byte() == b)
            .and_then(|d| counts.get_mut(d))
        {
            *c += 1;
        }
    }
    if !blank {
        out.push(counts);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_consistent_candidate() {
        assert_eq!(sniff("SKU,Qty\nA,1\nB,2\n"), Delimiter::Comma);
        // decimal commas in a semicolon file: commas are not consistent
        assert_eq!(sniff("SKU;Qty\nA;1,5\nB;2\n"), Delimiter::Semicolon);
        assert_eq!(sniff("SKU\tQty\nA\t1\n"), Delimiter::Tab);
        assert_eq!(sniff("SKU|Qty|Date\nA|1|x\n"), Delimiter::Pipe);
    }

    #[test]
    fn ignores_delimiters_inside_quotes() {
        let text = "SKU;Name;Qty\r\nA;\"Candle, large; red\";1\r\nB;\"Two\nlines, here\";2\r\n";
        assert_eq!(sniff(text), Delimiter::Semicolon);
    }

    #[test]
    fn single_column_falls_back_to_comma() {
        assert_eq!(sniff("just text\nmore text\n"), Delimiter::Comma);
        assert_eq!(sniff(""), Delimiter::Comma);
    }

    #[test]
    fn line_endings() {
        assert_eq!(LineEnding::of("a\r\nb"), LineEnding::CrLf);
        assert_eq!(LineEnding::of("a\rb"), LineEnding::Cr);
        assert_eq!(LineEnding::of("a\nb"), LineEnding::Lf);
    }
}
