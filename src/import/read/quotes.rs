//! Where the quoted cells are, read the way the csv crate reads quotes: a quote opens a
//! quoted cell only as the first character of a cell; inside, `""` is a quote and a single
//! `"` closes the cell. Shared by the delimiter sniffer and the unclosed-quote check so both
//! agree with the reader. It jumps from quote to quote, so a large file is scanned quickly.

use std::ops::Range;

/// The byte ranges of quoted cells (quotes included), in order. The last item is
/// `Err(position of the opening quote)` when a quote is never closed.
pub struct QuotedCells<'t, F> {
    bytes: &'t [u8],
    pos: usize,
    is_delimiter: F,
}

impl<'t, F: Fn(u8) -> bool> QuotedCells<'t, F> {
    pub fn new(text: &'t str, is_delimiter: F) -> Self {
        QuotedCells {
            bytes: text.as_bytes(),
            pos: 0,
            is_delimiter,
        }
    }

    fn next_quote(&self, from: usize) -> Option<usize> {
        let rest = self.bytes.get(from..)?;
        rest.iter().position(|&b| b == b'"').map(|i| from + i)
    }
}

impl<F: Fn(u8) -> bool> Iterator for QuotedCells<'_, F> {
    type Item = Result<Range<usize>, usize>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let open = self.next_quote(self.pos)?;
            let at_cell_start = match open.checked_sub(1).and_then(|i| self.bytes.get(i)) {
                None => true,
                Some(&b) => b == b'\n' || b == b'\r' || (self.is_delimiter)(b),
            };
            if !at_cell_start {
                self.pos = open + 1;
                continue;
            }
            let mut from = open + 1;
            loop {
                let Some(close) = self.next_quote(from) else {
                    self.pos = self.bytes.len();
                    return Some(Err(open));
                };
                if self.bytes.get(close + 1) == Some(&b'"') {
                    from = close + 2;
                    continue;
                }
                self.pos = close + 1;
                return Some(Ok(open..close + 1));
            }
        }
    }
}

/// The line (1-based) where a quote opens that is never closed.
pub fn unclosed_quote(text: &str, delimiter: u8) -> Option<u64> {
    match scan_quotes(text, delimiter, 0, usize::MAX) {
        Scan::Unclosed(line) => Some(line),
        _ => None,
    }
}

/// How far [`scan_quotes`] got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scan {
    /// Every quote up to here is closed: go on from this byte.
    Upto(usize),
    /// Every quote is closed.
    Closed,
    /// A quote opening on this line (1-based) is never closed.
    Unclosed(u64),
}

/// [`unclosed_quote`] a slice at a time: scans from byte `from` (0, or where the last scan
/// stopped) until about `budget` bytes further.
pub fn scan_quotes(text: &str, delimiter: u8, from: usize, budget: usize) -> Scan {
    let mut cells = QuotedCells::new(text, |b| b == delimiter);
    cells.pos = from;
    let stop = from.saturating_add(budget.max(1));
    while cells.pos < stop {
        match cells.next() {
            None => return Scan::Closed,
            Some(Ok(_)) => {}
            Some(Err(open)) => {
                let before = text.as_bytes().get(..open).unwrap_or_default();
                return Scan::Unclosed(super::table::line_breaks(before) as u64 + 1);
            }
        }
    }
    Scan::Upto(cells.pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Result<Range<usize>, usize>> {
        QuotedCells::new(text, |b| b == b',').collect()
    }

    #[test]
    fn finds_quoted_cells_only_at_cell_starts() {
        assert_eq!(cells("a,\"b,\"\"c\nd\",e\n"), vec![Ok(2..11)]);
        // a quote inside an unquoted cell is literal
        assert_eq!(cells("a,5\" candle,1\n"), vec![]);
        assert_eq!(cells("\"x\"\n\"y\""), vec![Ok(0..3), Ok(4..7)]);
        assert_eq!(cells("a,\"open\n"), vec![Err(2)]);
    }

    #[test]
    fn unclosed_quotes_name_their_line() {
        assert_eq!(unclosed_quote("a,b\r\nc,\"x\"\"\n", b','), Some(2));
        assert_eq!(unclosed_quote("a;\"x\";b\n", b';'), None);
        assert_eq!(unclosed_quote("a,\"x;\"\"y\"\n", b','), None);
    }

    #[test]
    fn scanning_in_slices_finds_the_same() {
        for (text, want) in [
            ("a,\"b,\"\"c\nd\",e\n\"x\"\n", Scan::Closed),
            ("a,b\r\nc,\"x\"\"\n", Scan::Unclosed(2)),
        ] {
            let mut from = 0;
            let got = loop {
                match scan_quotes(text, b',', from, 1) {
                    Scan::Upto(pos) => from = pos,
                    done => break done,
                }
            };
            assert_eq!(got, want, "{text:?}");
        }
    }
}
