//! Turning what the user did in the grid (typed a value, pasted a block, filled down,
//! cleared) into one engine edit. Which cells are editable is decided here:
//! - a SKU's input rows in a week: actual sales in past weeks; forecast, consensus and
//!   receipts from the current week on;
//! - a forecast (or a SKU's consensus) over a month, or a family's or the total's forecast in
//!   any period: the new total is split to SKUs and weeks by the split rule;
//! - a SKU's safety stock from the current week on: sets a fixed safety stock in units.
//!
//! Computed cells are skipped, and the caller is told how many.

mod split_total;

use super::number::{parse_number, DecimalSep};
use super::periods::Period;
use super::rows::{GridRow, RowOwner};
use super::selection::Pos;
use crate::engine::{
    CellEdit, CellValue, Edit, Measure, Product, Qty, SafetyStock, SeriesField, Workbook,
};
use std::collections::BTreeMap;
use std::ops::Range;

/// What typing into a cell changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// One input cell.
    Cell {
        sku: usize,
        field: SeriesField,
        week: usize,
    },
    /// A total over the SKUs of a scope and a run of weeks, spread by the split rule.
    Split {
        owner: RowOwner,
        field: SeriesField,
        weeks: Range<usize>,
    },
    /// The SKU's safety stock, as a fixed number of units.
    SafetyStock { sku: usize },
}

/// What a cell edits, if it is editable.
pub fn editable(wb: &Workbook, row: &GridRow, period: &Period) -> Option<Target> {
    let c = wb.plan().calendar.current();
    let future = period.weeks.end > c;
    match (&row.owner, row.measure) {
        (RowOwner::Sku(sku), Measure::SafetyStock) if future => {
            Some(Target::SafetyStock { sku: *sku })
        }
        (RowOwner::Sku(sku), m) => {
            let field = m.input()?;
            match period.single_week() {
                Some(week) => {
                    let past = week < c;
                    (past == (field == SeriesField::Actual)).then_some(Target::Cell {
                        sku: *sku,
                        field,
                        week,
                    })
                }
                None => (future && matches!(field, SeriesField::Forecast | SeriesField::Consensus))
                    .then(|| Target::Split {
                        owner: row.owner.clone(),
                        field,
                        weeks: period.weeks.clone(),
                    }),
            }
        }
        (owner, Measure::Forecast) if future => Some(Target::Split {
            owner: owner.clone(),
            field: SeriesField::Forecast,
            weeks: period.weeks.clone(),
        }),
        _ => None,
    }
}

/// Edits gathered from many cells, turned into one undoable engine edit.
#[derive(Debug, Default, PartialEq)]
pub struct Changes {
    pub cells: Vec<CellEdit>,
    /// New product records (safety stock typed in), one per SKU: the last typed wins.
    pub products: BTreeMap<usize, Product>,
    /// How many grid cells were edited.
    pub targets: usize,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty() && self.products.is_empty()
    }

    pub fn into_edit(self) -> Edit {
        if self.products.is_empty() {
            return Edit::Cells(self.cells);
        }
        let mut edits: Vec<Edit> = self
            .products
            .into_iter()
            .map(|(sku, product)| Edit::Product { sku, product })
            .collect();
        if !self.cells.is_empty() {
            edits.push(Edit::Cells(self.cells));
        }
        Edit::Batch(edits)
    }

    /// Adds the edits that give `target` the value `value` (`None` clears).
    pub fn set(
        &mut self,
        wb: &Workbook,
        target: &Target,
        value: Option<Qty>,
    ) -> Result<(), String> {
        self.targets += 1;
        match target {
            Target::Cell { sku, field, week } => self.cells.push(CellEdit {
                sku: *sku,
                field: *field,
                week: *week,
                value,
            }),
            Target::SafetyStock { sku } => {
                let mut p = self
                    .products
                    .get(sku)
                    .cloned()
                    .unwrap_or_else(|| wb.plan().products[*sku].clone());
                p.safety_stock = SafetyStock::Units(value.unwrap_or(Qty::ZERO));
                self.products.insert(*sku, p);
            }
            Target::Split {
                owner,
                field,
                weeks,
            } => self.split(wb, owner, *field, weeks.clone(), value)?,
        }
        Ok(())
    }
}

/// The cell a grid position points at: its row, its period and what it edits.
fn target_at(
    wb: &Workbook,
    rows: &[GridRow],
    periods: &[Period],
    r: usize,
    c: usize,
) -> Option<(GridRow, Period, Target)> {
    let (row, period) = rows.get(r).zip(periods.get(c))?;
    let t = editable(wb, row, period)?;
    Some((row.clone(), period.clone(), t))
}

/// Names a cell in a message: "CND-101 forecast in 2026-11".
fn name_cell(wb: &Workbook, row: &GridRow, period: &Period) -> String {
    format!(
        "{} {} in {}",
        row.key(wb).trim_start_matches("family:"),
        row.measure.label().to_lowercase(),
        period.key
    )
}

/// Edits from a block of text placed with its top-left at `at` (a paste or a typed value).
/// Text that is not a number refuses the whole block, naming the cell. Returns the changes
/// and the number of computed (or outside-the-grid) cells skipped.
pub fn block_edits(
    wb: &Workbook,
    rows: &[GridRow],
    periods: &[Period],
    at: Pos,
    block: &[Vec<String>],
    dec: DecimalSep,
) -> Result<(Changes, usize), String> {
    let mut changes = Changes::default();
    let mut skipped = 0;
    for (dr, line) in block.iter().enumerate() {
        for (dc, text) in line.iter().enumerate() {
            let Some((row, period, target)) =
                target_at(wb, rows, periods, at.row + dr, at.col + dc)
            else {
                skipped += 1;
                continue;
            };
            let named = |e: String| format!("{}: {e}", name_cell(wb, &row, &period));
            let value = if text.trim().is_empty() {
                None
            } else {
                let v = parse_number(text, dec).map_err(named)?;
                Some(
                    Qty::from_f64(v)
                        .ok_or_else(|| named(format!("'{}' is too large", text.trim())))?,
                )
            };
            changes.set(wb, &target, value).map_err(named)?;
        }
    }
    Ok((changes, skipped))
}

/// Clears the editable cells of a range.
pub fn clear_edits(
    wb: &Workbook,
    rows: &[GridRow],
    periods: &[Period],
    from: Pos,
    to: Pos,
) -> Result<Changes, String> {
    let mut changes = Changes::default();
    for r in from.row..=to.row {
        for c in from.col..=to.col {
            if let Some((_, _, t)) = target_at(wb, rows, periods, r, c) {
                changes.set(wb, &t, None)?;
            }
        }
    }
    Ok(changes)
}

/// Ctrl+D: each column's top cell copied down over the rest of the range (editable cells).
pub fn fill_down_edits(
    wb: &Workbook,
    rows: &[GridRow],
    periods: &[Period],
    from: Pos,
    to: Pos,
) -> Result<Changes, String> {
    let mut changes = Changes::default();
    for c in from.col..=to.col {
        let Some((top, period)) = rows.get(from.row).zip(periods.get(c)) else {
            continue;
        };
        let value = match wb.span_value(&top.owner, top.measure, period.weeks.clone()) {
            CellValue::Units(q) => Some(q),
            _ => None,
        };
        for r in from.row + 1..=to.row {
            if let Some((row, period, t)) = target_at(wb, rows, periods, r, c) {
                changes
                    .set(wb, &t, value)
                    .map_err(|e| format!("{}: {e}", name_cell(wb, &row, &period)))?;
            }
        }
    }
    Ok(changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Calendar, Plan};
    use chrono::NaiveDate;

    /// Two SKUs, history W46–W47, current W48, horizon to W50.
    fn setup() -> (Workbook, Vec<GridRow>, Vec<Period>) {
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
        let periods = (0..5)
            .map(|w| Period::week(&wb.plan().calendar, w))
            .collect();
        (wb, rows, periods)
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
            .cells
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
                .cells
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
        )
        .unwrap();
        // Row 1 is computed: only B's forecast receives the 9.
        assert_eq!(
            edits.cells,
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
        )
        .unwrap();
        assert_eq!(
            edits.cells,
            [CellEdit {
                sku: 0,
                field: SeriesField::Forecast,
                week: 2,
                value: None
            }]
        );
    }

    /// Family F = A + B; current week W48; December 2026 = W49–W53, all in the plan.
    pub(super) fn december() -> (Workbook, Period) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut plan = Plan::new(Calendar::around(today, 2, 8).unwrap());
        plan.add_product(Product::new("A", "a", "F"));
        plan.add_product(Product::new("B", "b", "F"));
        let mut wb = Workbook::new(plan);
        for (wk, a, b) in [
            ("W49", 10.0, 20.0),
            ("W50", 10.0, 20.0),
            ("W51", 10.0, 20.0),
            ("W52", 10.0, 20.0),
        ] {
            wb.set("A", SeriesField::Forecast, &format!("2026-{wk}"), Some(a))
                .unwrap();
            wb.set("B", SeriesField::Forecast, &format!("2026-{wk}"), Some(b))
                .unwrap();
        }
        let dec = crate::sheet::periods::month_columns(&wb.plan().calendar, 0, 2)
            .into_iter()
            .find(|p| p.key == "2026-12")
            .unwrap();
        assert_eq!(dec.weeks, 3..8);
        (wb, dec)
    }

    #[test]
    fn typing_safety_stock_sets_a_fixed_number_of_units() {
        let (mut wb, _) = december();
        let cal = wb.plan().calendar.clone();
        let weeks: Vec<Period> = (2..5).map(|w| Period::week(&cal, w)).collect();
        let row = GridRow {
            owner: RowOwner::Sku(1),
            measure: Measure::SafetyStock,
            first: false,
        };
        // A paste over two weeks of the same SKU's safety stock: the last value wins.
        let (changes, _) = block_edits(
            &wb,
            &[row],
            &weeks,
            Pos::default(),
            &block("25\t30\n"),
            DecimalSep::Dot,
        )
        .unwrap();
        wb.apply("paste", changes.into_edit()).unwrap();
        assert_eq!(
            wb.plan().products[1].safety_stock,
            SafetyStock::Units(Qty::units(30))
        );
        assert_eq!(wb.derived(1).safety[7], Qty::units(30));
        wb.undo().unwrap();
        assert_eq!(
            wb.plan().products[1].safety_stock,
            SafetyStock::Units(Qty::ZERO)
        );
    }
}
