//! Turning what the user did in the grid (typed a value, pasted a block, filled down,
//! cleared) into engine edits. Which cells are editable is decided here: an input row of a
//! SKU (actual sales in past weeks; forecast, consensus and receipts from the current week
//! on). Computed cells are skipped, and the caller is told how many.

use super::number::{parse_number, DecimalSep};
use super::rows::{GridRow, RowOwner};
use super::selection::Pos;
use crate::engine::{CellEdit, Qty, SeriesField, Workbook};

/// The input series a cell edits, if it is editable.
pub fn editable(wb: &Workbook, row: &GridRow, week: usize) -> Option<(usize, SeriesField)> {
    let RowOwner::Sku(sku) = row.owner else {
        return None;
    };
    let field = row.measure.input()?;
    let past = week < wb.plan().calendar.current();
    match field {
        SeriesField::Actual if past => Some((sku, field)),
        SeriesField::Actual => None,
        _ if past => None,
        _ => Some((sku, field)),
    }
}

/// Edits from a block of text placed with its top-left at `at` (a paste or a typed value).
/// Text that is not a number refuses the whole block, naming the cell. Returns the edits and
/// the number of computed (or outside-the-grid) cells skipped.
pub fn block_edits(
    wb: &Workbook,
    rows: &[GridRow],
    periods: &[usize],
    at: Pos,
    block: &[Vec<String>],
    dec: DecimalSep,
) -> Result<(Vec<CellEdit>, usize), String> {
    let mut edits = Vec::new();
    let mut skipped = 0;
    for (dr, line) in block.iter().enumerate() {
        for (dc, text) in line.iter().enumerate() {
            let (r, c) = (at.row + dr, at.col + dc);
            let target = rows
                .get(r)
                .zip(periods.get(c))
                .and_then(|(row, &week)| editable(wb, row, week).map(|t| (t, week)));
            let Some(((sku, field), week)) = target else {
                skipped += 1;
                continue;
            };
            let value = if text.trim().is_empty() {
                None
            } else {
                let v = parse_number(text, dec).map_err(|e| {
                    format!(
                        "{} {} in {}: {e}",
                        wb.plan().products[sku].sku,
                        field.label(),
                        wb.plan().calendar.label(week as isize)
                    )
                })?;
                Some(Qty::from_f64(v).ok_or_else(|| format!("'{}' is too large", text.trim()))?)
            };
            edits.push(CellEdit {
                sku,
                field,
                week,
                value,
            });
        }
    }
    Ok((edits, skipped))
}

/// Clears the editable cells of a range.
pub fn clear_edits(
    wb: &Workbook,
    rows: &[GridRow],
    periods: &[usize],
    from: Pos,
    to: Pos,
) -> Vec<CellEdit> {
    let mut edits = Vec::new();
    for r in from.row..=to.row {
        for c in from.col..=to.col {
            if let Some((row, &week)) = rows.get(r).zip(periods.get(c)) {
                if let Some((sku, field)) = editable(wb, row, week) {
                    edits.push(CellEdit {
                        sku,
                        field,
                        week,
                        value: None,
                    });
                }
            }
        }
    }
    edits
}

/// Ctrl+D: each column's top cell copied down over the rest of the range (editable cells).
pub fn fill_down_edits(
    wb: &Workbook,
    rows: &[GridRow],
    periods: &[usize],
    from: Pos,
    to: Pos,
) -> Vec<CellEdit> {
    let mut edits = Vec::new();
    for c in from.col..=to.col {
        let Some(&week) = periods.get(c) else {
            continue;
        };
        let Some(top) = rows.get(from.row) else {
            continue;
        };
        let value = match top.owner {
            RowOwner::Sku(sku) => top
                .measure
                .input()
                .and_then(|f| wb.plan().series[sku].get(f, week)),
            _ => None,
        };
        for r in from.row + 1..=to.row {
            if let Some((sku, field)) = rows.get(r).and_then(|row| editable(wb, row, week)) {
                edits.push(CellEdit {
                    sku,
                    field,
                    week,
                    value,
                });
            }
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Calendar, Measure, Plan, Product};
    use chrono::NaiveDate;

    /// Two SKUs, history W46–W47, current W48, horizon to W50.
    fn setup() -> (Workbook, Vec<GridRow>, Vec<usize>) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut plan = Plan::new(Calendar::around(today, 2, 3).unwrap());
        plan.add_product(Product::new("A", "a", "F"));
        plan.add_product(Product::new("B", "b", "F"));
        let wb = Workbook::new(plan);
        let row = |sku, measure| GridRow {
            owner: RowOwner::Sku(sku),
            measure,
            first: false,
        };
        let rows = vec![
            row(0, Measure::Forecast),
            row(0, Measure::Projected),
            row(1, Measure::Forecast),
            row(1, Measure::Actual),
        ];
        (wb, rows, (0..5).collect())
    }

    fn block(text: &str) -> Vec<Vec<String>> {
        crate::sheet::tsv::parse(text)
    }

    #[test]
    fn paste_skips_computed_cells_and_past_forecasts() {
        let (wb, rows, periods) = setup();
        // 3 rows × 2 weeks from (row 0, W48): forecast A, projected A (computed), forecast B.
        let (edits, skipped) = block_edits(
            &wb,
            &rows,
            &periods,
            Pos { row: 0, col: 2 },
            &block("10\t1,200\n5\t6\n7\t\n"),
            DecimalSep::Dot,
        )
        .unwrap();
        let got: Vec<_> = edits
            .iter()
            .map(|e| (e.sku, e.field, e.week, e.value))
            .collect();
        assert_eq!(
            got,
            [
                (0, SeriesField::Forecast, 2, Some(Qty::units(10))),
                (0, SeriesField::Forecast, 3, Some(Qty::units(1200))),
                (1, SeriesField::Forecast, 2, Some(Qty::units(7))),
                (1, SeriesField::Forecast, 3, None),
            ]
        );
        assert_eq!(skipped, 2);
        // Forecast in a past week is not editable; actuals only in the past.
        let (edits, skipped) = block_edits(
            &wb,
            &rows,
            &periods,
            Pos { row: 2, col: 1 },
            &block("1\t2\n3\t4\n"),
            DecimalSep::Dot,
        )
        .unwrap();
        assert_eq!(
            edits
                .iter()
                .map(|e| (e.sku, e.field, e.week))
                .collect::<Vec<_>>(),
            [(1, SeriesField::Forecast, 2), (1, SeriesField::Actual, 1)]
        );
        assert_eq!(skipped, 2);
    }

    #[test]
    fn a_bad_value_refuses_the_block_and_names_the_cell() {
        let (wb, rows, periods) = setup();
        let err = block_edits(
            &wb,
            &rows,
            &periods,
            Pos { row: 0, col: 2 },
            &block("10\tabc\n"),
            DecimalSep::Dot,
        )
        .unwrap_err();
        assert_eq!(err, "A forecast in 2026-W49: 'abc' is not a number");
    }

    #[test]
    fn fill_down_and_clear() {
        let (mut wb, rows, periods) = setup();
        wb.set("A", SeriesField::Forecast, "2026-W48", Some(9.0))
            .unwrap();
        let edits = fill_down_edits(
            &wb,
            &rows,
            &periods,
            Pos { row: 0, col: 2 },
            Pos { row: 2, col: 2 },
        );
        // Row 1 is computed: only B's forecast receives the 9.
        assert_eq!(
            edits,
            [CellEdit {
                sku: 1,
                field: SeriesField::Forecast,
                week: 2,
                value: Some(Qty::units(9))
            }]
        );
        let edits = clear_edits(
            &wb,
            &rows,
            &periods,
            Pos { row: 0, col: 1 },
            Pos { row: 1, col: 2 },
        );
        assert_eq!(
            edits,
            [CellEdit {
                sku: 0,
                field: SeriesField::Forecast,
                week: 2,
                value: None
            }]
        );
    }
}
