//! How one grid cell presents itself: its text (in the user's locale; the editor and the
//! clipboard take `Locale::edit_text`), its conditional formatting, and the tooltip that
//! explains it.

use crate::engine::calc::exceptions::EXCESS_COVER_WEEKS;
use crate::engine::edit::split::SPLIT_RULE;
use crate::engine::{CellValue, Measure, Workbook};
use crate::sheet::edits::{editable, Target};
use crate::sheet::marks::CellMarks;
use crate::sheet::periods::Period;
use crate::sheet::rows::{GridRow, RowOwner};
use crate::ui::browser::format;

/// The text of a cell as the grid shows it, in the user's locale.
pub fn cell_text(v: CellValue) -> String {
    match v {
        CellValue::Units(q) => format::units(q),
        CellValue::Money(m) => format::money(m.0),
        CellValue::Weeks(w) => format::cover(w),
        CellValue::Blank => String::new(),
    }
}

/// Conditional formatting: red below zero, amber below safety stock, blue for excess cover
/// (stocks read at the period's last week); receipts and capacity red where the load is
/// over capacity.
pub fn stock_class(wb: &Workbook, row: &GridRow, period: &Period) -> &'static str {
    if period.is_past(&wb.plan().calendar) {
        return "";
    }
    if matches!(row.measure, Measure::Receipts | Measure::Capacity) {
        let over = wb
            .load(&row.owner, period.weeks.clone())
            .is_some_and(|l| l.overloaded());
        return if over { " overload" } else { "" };
    }
    if !matches!(
        row.measure,
        Measure::Projected | Measure::Cover | Measure::Gap
    ) {
        return "";
    }
    let week = period.last_week();
    let (projected, safety, cover) = match &row.owner {
        RowOwner::Sku(i) => {
            let d = wb.derived(*i);
            (d.projected[week].0, d.safety[week].0, d.cover[week])
        }
        RowOwner::Family(f) => match wb.family(f) {
            Some(a) => (a.projected[week], a.safety[week], a.cover[week]),
            None => return "",
        },
        RowOwner::Total => (
            wb.total().projected[week],
            wb.total().safety[week],
            wb.total().cover[week],
        ),
    };
    if projected < 0 {
        " stockout"
    } else if projected < safety {
        " below-safety"
    } else if cover > EXCESS_COVER_WEEKS && row.measure != Measure::Gap {
        " excess"
    } else {
        ""
    }
}

/// A tooltip that explains the number ("120 on hand + 40 receipts − 95 demand").
pub fn explain(wb: &Workbook, row: &GridRow, period: &Period) -> String {
    if let Some(l) = wb.load(&row.owner, period.weeks.clone()) {
        if matches!(row.measure, Measure::Receipts | Measure::Capacity) {
            return format!(
                "Load {} against capacity {}{}",
                format::units(l.load),
                format::units(l.capacity),
                if l.overloaded() { ": overloaded" } else { "" }
            );
        }
    }
    if matches!(editable(wb, row, period), Some(Target::Split { .. })) {
        return SPLIT_RULE.to_string();
    }
    let Some(week) = period.single_week() else {
        return match row.measure {
            m if m.is_stock() => format!(
                "At the end of {}",
                wb.plan().calendar.label(period.last_week() as isize)
            ),
            _ => format!("Sum of the weeks of {}", period.key),
        };
    };
    let RowOwner::Sku(i) = row.owner else {
        return String::new();
    };
    let c = wb.plan().calendar.current();
    if week < c {
        return String::new();
    }
    let d = wb.derived(i);
    let s = &wb.plan().series[i];
    let u = |q| format::units(q);
    match row.measure {
        Measure::Projected => {
            let prev = if week == c {
                wb.plan().products[i].on_hand
            } else {
                d.projected[week - 1]
            };
            let opening = if week == c { "on hand" } else { "projected" };
            format!(
                "{} {opening} + {} receipts − {} demand = {}",
                u(prev),
                u(s.receipts(week)),
                u(d.demand_plan(s, week)),
                u(d.projected[week])
            )
        }
        Measure::Gap => format!(
            "{} projected − {} safety stock = {}",
            u(d.projected[week]),
            u(d.safety[week]),
            u(d.gap(week))
        ),
        Measure::Cover => format!(
            "{} projected lasts {} weeks of the demand that follows",
            u(d.projected[week]),
            format::cover(d.cover[week])
        ),
        Measure::SafetyStock => match wb.plan().products[i].safety_stock {
            crate::engine::SafetyStock::Units(_) => {
                "Fixed safety stock: type a number to change it".to_string()
            }
            crate::engine::SafetyStock::WeeksOfCover(w) => {
                format!("{w} weeks of the demand that follows")
            }
        },
        _ => String::new(),
    }
}

/// What one cell shows, worked out from the workbook: its text, the classes that come from
/// the plan, and its contract attributes (`data-sku`, `data-period`, `data-measure`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CellLook {
    /// The text, in the user's locale.
    pub text: String,
    /// Classes that come from the plan (input, stock colour, past/current, note, changed);
    /// the selection's classes are added by the cell itself.
    pub class: String,
    /// The `data-sku`, `data-period` and `data-measure` attributes.
    pub sku: String,
    pub period: String,
    pub measure: &'static str,
}

impl CellLook {
    /// The look of `row` (whose `data-sku` is `key`) in `period`.
    pub fn of(
        wb: &Workbook,
        row: &GridRow,
        key: &str,
        period: &Period,
        marks: &CellMarks,
    ) -> CellLook {
        let cal = &wb.plan().calendar;
        let mut class = String::from(if editable(wb, row, period).is_some() {
            "gc input"
        } else {
            "gc"
        });
        class.push_str(stock_class(wb, row, period));
        if period.is_past(cal) {
            class.push_str(" past");
        } else if period.is_current(cal) {
            class.push_str(" current");
        }
        let measure = row.measure.key();
        if marks.has_note(key, &period.key, measure) {
            class.push_str(" has-note");
        }
        if marks.changed(row, period) {
            class.push_str(" changed");
        }
        CellLook {
            text: cell_text(row.value(wb, period)),
            class,
            sku: key.to_string(),
            period: period.key.clone(),
            measure,
        }
    }
}
