//! Tab-separated text, the format Excel and Google Sheets put on the clipboard.
//! Cells holding a tab, a newline or a quote arrive quoted, with quotes doubled.
//! Numbers travel in the user's locale without grouping (`1234,5` in de-DE), so a block
//! copied from the grid pastes into that locale's spreadsheet as numbers, and back.

use super::locale::Locale;
use super::periods::Period;
use super::rows::GridRow;
use super::selection::Pos;
use crate::engine::Workbook;

/// Ctrl+C: the cells from `from` to `to` (inclusive) as clipboard text, each value in full
/// precision in the user's locale.
pub fn copy_block(
    wb: &Workbook,
    rows: &[GridRow],
    periods: &[Period],
    from: Pos,
    to: Pos,
    loc: &Locale,
) -> String {
    let block: Vec<Vec<String>> = (from.row..=to.row)
        .filter_map(|i| rows.get(i))
        .map(|row| {
            (from.col..=to.col)
                .filter_map(|j| periods.get(j))
                .map(|period| loc.edit_text(row.value(wb, period)))
                .collect()
        })
        .collect();
    write(&block)
}

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
    use crate::engine::{Calendar, Measure, Plan, Product, SeriesField};
    use crate::sheet::edits::block_edits;
    use crate::sheet::rows::RowOwner;

    /// One SKU, forecast and consensus rows, weeks W48 (current) to W50.
    fn one_sku() -> (Workbook, Vec<GridRow>, Vec<Period>) {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut plan = Plan::new(Calendar::around(today, 0, 3).unwrap());
        plan.add_product(Product::new("CND-101", "Fig", "Candles"));
        let mut wb = Workbook::new(plan);
        wb.set("CND-101", SeriesField::Forecast, "2026-W48", Some(1234.5))
            .unwrap();
        wb.set("CND-101", SeriesField::Forecast, "2026-W49", Some(100.125))
            .unwrap();
        wb.set("CND-101", SeriesField::Forecast, "2026-W50", Some(0.5))
            .unwrap();
        let rows = [Measure::Forecast, Measure::Consensus]
            .map(|measure| GridRow {
                owner: RowOwner::Sku(0),
                measure,
                first: false,
            })
            .to_vec();
        let periods = (0..3)
            .map(|w| Period::week(&wb.plan().calendar, w))
            .collect();
        (wb, rows, periods)
    }

    #[test]
    fn a_copied_block_is_in_the_locale_without_grouping_and_pastes_back_unchanged() {
        let (wb, rows, periods) = one_sku();
        let (a, b) = (Pos { row: 0, col: 0 }, Pos { row: 1, col: 2 });
        let copied = |loc| copy_block(&wb, &rows, &periods, a, b, &loc);
        assert_eq!(copied(Locale::EN_US), "1234.5\t100.125\t0.5\n\t\t\n");
        assert_eq!(copied(Locale::DE_DE), "1234,5\t100,125\t0,5\n\t\t\n");
        assert_eq!(copied(Locale::FR_FR), "1234,5\t100,125\t0,5\n\t\t\n");
        // Pasted back over itself in the same locale: every value is the same (no change).
        for loc in [Locale::EN_US, Locale::DE_DE, Locale::FR_FR] {
            let (changes, _) =
                block_edits(&wb, &rows, &periods, a, &parse(&copied(loc)), loc.decimal).unwrap();
            for e in &changes.cells {
                let now = wb.plan().series[0].get(e.field, e.week);
                assert_eq!(e.value, now, "{loc:?} {e:?}");
            }
        }
    }

    #[test]
    fn a_de_de_excel_block_pastes_as_its_numbers() {
        let (wb, rows, periods) = one_sku();
        // As a German Excel copies formatted cells: grouped, decimal comma, CRLF.
        let text = "1.234,5\t100,125\t1.234\r\n";
        let (changes, _) = block_edits(
            &wb,
            &rows,
            &periods,
            Pos { row: 1, col: 0 },
            &parse(text),
            Locale::DE_DE.decimal,
        )
        .unwrap();
        let got: Vec<_> = changes.cells.iter().map(|e| e.value).collect();
        assert_eq!(
            got,
            [
                Some(crate::engine::Qty(1_234_500)),
                Some(crate::engine::Qty(100_125)),
                Some(crate::engine::Qty(1_234_000))
            ]
        );
    }

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
