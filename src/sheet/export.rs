//! "Export what you see": the rows and periods of the current view (filtered, collapsed as
//! shown) as CSV in the grid's own wide layout, for a report. UTF-8 with a byte-order mark so
//! Excel reads it right; numbers plain; text protected against formula injection (also
//! where a decimal-comma Excel splits on `;`) and quoted where it holds `,` `"` `;` or a line break.

use super::periods::Period;
use super::rows::{GridRow, RowOwner};
use crate::engine::Workbook;
use crate::planfile::inject::{protect, push_record};

/// The view as CSV text (with BOM): SKU, name, family, measure, then one column per period.
pub fn view_csv(wb: &Workbook, rows: &[GridRow], periods: &[Period]) -> String {
    let mut out = String::from("\u{feff}");
    let mut line = |cells: Vec<String>| push_record(&mut out, cells);
    let mut head = vec![
        "SKU".to_string(),
        "Name".into(),
        "Family".into(),
        "Measure".into(),
    ];
    head.extend(periods.iter().map(|p| p.key.clone()));
    line(head);
    for row in rows {
        let (sku, name, family) = match &row.owner {
            RowOwner::Total => (String::new(), "All products".to_string(), String::new()),
            RowOwner::Family(f) => (String::new(), String::new(), f.clone()),
            RowOwner::Sku(i) => {
                let p = &wb.plan().products[*i];
                (p.sku.clone(), p.name.clone(), p.family.clone())
            }
        };
        let mut cells: Vec<String> = [sku, name, family, row.measure.label().to_string()]
            .iter()
            .map(|t| protect(t).into_owned())
            .collect();
        cells.extend(periods.iter().map(|p| row.value(wb, p).raw()));
        line(cells);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Calendar, Measure, Plan, Product, Qty, SeriesField};
    use crate::sheet::periods::week_columns;
    use chrono::NaiveDate;

    #[test]
    fn the_view_as_a_wide_csv() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut plan = Plan::new(Calendar::around(today, 1, 2).unwrap());
        let mut p = Product::new("=CMD", "Candle, \"large\"", "Candles");
        p.on_hand = Qty::units(10);
        plan.add_product(p);
        let mut wb = Workbook::new(plan);
        wb.set("=CMD", SeriesField::Forecast, "2026-W49", Some(2.5))
            .unwrap();
        let rows = vec![
            GridRow {
                owner: RowOwner::Family("Candles".into()),
                measure: Measure::Projected,
                first: true,
            },
            GridRow {
                owner: RowOwner::Sku(0),
                measure: Measure::Forecast,
                first: true,
            },
        ];
        let periods = week_columns(&wb.plan().calendar, 1, 2);
        assert_eq!(
            view_csv(&wb, &rows, &periods),
            "\u{feff}SKU,Name,Family,Measure,2026-W47,2026-W48,2026-W49\r\n\
             ,,Candles,Projected on hand,,10,7.5\r\n\
             '=CMD,\"Candle, \"\"large\"\"\",Candles,Forecast,0,0,2.5\r\n"
        );
    }
}
