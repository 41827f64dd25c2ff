//! Walking CSV text the way the csv crate reads quotes: a quote opens a quoted cell only as
//! the first character of a cell; inside, `""` is a quote and a single `"` closes the cell.
//! Shared by the delimiter sniffer and the unclosed-quote check so both agree with the reader.

/// Calls `visit(line, byte)` for every byte outside quoted cells (delimiters and line ends
/// included) until it returns `false`. Returns the line where a quote opens that is never
/// closed, if the walk reached the end inside one.
pub fn walk_unquoted(
    text: &str,
    is_delimiter: impl Fn(u8) -> bool,
    mut visit: impl FnMut(u64, u8) -> bool,
) -> Option<u64> {
    let mut line = 1u64;
    let mut opened_at = 0u64;
    let mut in_quotes = false;
    let mut at_cell_start = true;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if in_quotes {
            match b {
                b'"' if bytes.peek() == Some(&b'"') => {
                    bytes.next();
                }
                b'"' => in_quotes = false,
                b'\n' => line += 1,
                _ => {}
            }
            continue;
        }
        if !visit(line, b) {
            return None;
        }
        if b == b'\n' {
            line += 1;
        }
        if is_delimiter(b) || b == b'\n' || b == b'\r' {
            at_cell_start = true;
            continue;
        }
        if b == b'"' && at_cell_start {
            in_quotes = true;
            opened_at = line;
        }
        at_cell_start = false;
    }
    in_quotes.then_some(opened_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outside(text: &str) -> (String, Option<u64>) {
        let mut seen = String::new();
        let open = walk_unquoted(
            text,
            |b| b == b',',
            |_, b| {
                seen.push(b as char);
                true
            },
        );
        (seen, open)
    }

    #[test]
    fn skips_quoted_cells_and_finds_unclosed_quotes() {
        assert_eq!(
            outside("a,\"b,\"\"c\nd\",e\n"),
            ("a,\",e\n".to_string(), None)
        );
        // a quote inside an unquoted cell is literal
        assert_eq!(outside("a,5\" candle,1\n").1, None);
        assert_eq!(outside("a,b\nc,\"x\"\"\n").1, Some(2));
    }

    #[test]
    fn stops_when_asked() {
        let mut n = 0;
        let open = walk_unquoted(
            "\"a\nb",
            |_| false,
            |_, _| {
                n += 1;
                false
            },
        );
        assert_eq!((n, open), (1, None));
    }
}
