//! Tab-separated text, the format Excel and Google Sheets put on the clipboard.
//! Cells holding a tab, a newline or a quote arrive quoted, with quotes doubled.

/// Splits clipboard text into rows of cells. A trailing newline (Excel always adds one)
/// does not make an empty last row; `\r\n` and `\n` both end a row.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_cell_start = true;
    while let Some(ch) = chars.next() {
        if quoted {
            match ch {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => cell.push(ch),
            }
            continue;
        }
        match ch {
            '"' if at_cell_start => {
                quoted = true;
                at_cell_start = false;
            }
            '\t' => {
                row.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_cell_start = true;
            }
            _ => {
                cell.push(ch);
                at_cell_start = false;
            }
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// Writes rows as clipboard text, quoting cells that need it.
pub fn write(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains(['\t', '\n', '\r', '"']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_block_with_crlf_and_trailing_newline() {
        assert_eq!(
            parse("10\t20\r\n30\t40\r\n"),
            vec![vec!["10", "20"], vec!["30", "40"]]
        );
        assert_eq!(parse("1,200\t\n"), vec![vec!["1,200", ""]]);
        assert_eq!(parse("5"), vec![vec!["5"]]);
        assert!(parse("").is_empty());
    }

    #[test]
    fn quoted_cells_round_trip() {
        let rows = vec![
            vec!["a\tb".to_string(), "say \"hi\"".to_string()],
            vec!["line\nbreak".to_string(), "7".to_string()],
        ];
        assert_eq!(parse(&write(&rows)), rows);
    }
}
