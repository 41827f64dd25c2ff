//! What the grid draws: the sizer, the sticky header of periods and the visible rows with
//! their cells. Only the rows and periods in view (plus a small margin) exist in the DOM.

use super::ctx::Ctx;
use super::editor::editor_input;
use crate::engine::Workbook;
use crate::sheet::edits::editable;
use crate::sheet::marks::CellMarks;
use crate::sheet::rows::{RowOwner, RowSpec};
use crate::sheet::selection::Selection;
use crate::sheet::window::visible;
use crate::ui::grid::cell::{cell_text, stock_class};
use crate::ui::grid::row_label::row_label;
use leptos::either::Either;
use leptos::prelude::*;

pub const ROW_H: f64 = 26.0;
pub const HEAD_H: f64 = 40.0;
/// Width of a week column; month columns are wider (the view says).
pub const COL_W: f64 = 68.0;
pub const LABEL_W: f64 = 330.0;

/// The period headers in view.
pub fn header(cx: Ctx) -> impl IntoView {
    let (workbook, periods, col_w) = (cx.data.workbook, cx.data.periods, cx.col_w);
    // Headers depend on the calendar only: an edit leaves them alone.
    let calendar = Memo::new(move |_| workbook.with(|wb| wb.plan().calendar.clone()));
    move || {
        let (_, left) = cx.scroll.get();
        let (_, width) = cx.viewport.get();
        calendar.with(|cal| {
            periods.with(|p| {
                let (c0, c1) = visible(left, width - LABEL_W, col_w, p.len());
                (c0..c1)
                    .map(|j| {
                        let period = &p[j];
                        let (top, bottom) = period.header(cal);
                        let class = if period.is_current(cal) { "gh current" } else if period.is_past(cal) { "gh past" } else { "gh" };
                        view! {
                            <div role="columnheader" class=class data-period=period.key.clone() aria-colindex=j + 2
                                style=format!("left:{}px;width:{}px", LABEL_W + j as f64 * col_w, col_w)>
                                <span class="wk">{top}</span>
                                <span class="date">{bottom}</span>
                            </div>
                        }
                    })
                    .collect_view()
            })
        })
    }
}

/// How the selection meets one row: all its cells need to draw their part of it. A memo
/// per row, so moving the active cell wakes only the rows it leaves and enters.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct RowSel {
    /// Columns of the selected range, when the range covers this row.
    range: Option<(usize, usize)>,
    /// More than one cell is selected (then the range is drawn).
    multi: bool,
    /// The active cell's column, when it is in this row.
    cursor: Option<usize>,
    /// The editor is open on this row's active cell.
    editing: bool,
}

impl RowSel {
    fn of(s: &Selection, row: usize, editing: impl FnOnce() -> bool) -> RowSel {
        let (a, b) = s.range();
        let cursor = (s.cursor.row == row).then_some(s.cursor.col);
        RowSel {
            range: (a.row..=b.row).contains(&row).then_some((a.col, b.col)),
            multi: !s.is_single(),
            cursor,
            editing: cursor.is_some() && editing(),
        }
    }

    fn contains(&self, col: usize) -> bool {
        self.range.is_some_and(|(a, b)| (a..=b).contains(&col))
    }

    /// The classes the selection gives a cell (after its own, before its marks).
    fn class(&self, col: usize) -> &'static str {
        match (self.multi && self.contains(col), self.cursor == Some(col)) {
            (true, true) => " selected active",
            (true, false) => " selected",
            (false, true) => " active",
            (false, false) => "",
        }
    }

    fn editing_at(&self, col: usize) -> bool {
        self.editing && self.cursor == Some(col)
    }
}

/// The rows in view with their cells. The selection and the editor are not read here but
/// per row (see `RowSel`), so an arrow key does not rebuild the cells.
pub fn body(cx: Ctx, spec: RwSignal<RowSpec>, marks: Memo<CellMarks>) -> impl IntoView {
    let (workbook, rows, periods, col_w) =
        (cx.data.workbook, cx.data.rows, cx.data.periods, cx.col_w);
    move || {
        let (top, left) = cx.scroll.get();
        let (height, width) = cx.viewport.get();
        let collapsed = spec.with(|s| s.collapsed.clone());
        workbook.with(|wb| {
            let cal = &wb.plan().calendar;
            rows.with(|rs| {
                periods.with(|ps| {
                    let (r0, r1) = visible(top, height - HEAD_H, ROW_H, rs.len());
                    let (c0, c1) = visible(left, width - LABEL_W, col_w, ps.len());
                    (r0..r1)
                        .map(|i| {
                            let row = &rs[i];
                            let sel = Memo::new(move |_| {
                                cx.selection.with(|s| {
                                    RowSel::of(s, i, || cx.editing.with(|e| e.is_some()))
                                })
                            });
                            let key = row.key(wb);
                            let label = row_label(wb, row, &collapsed);
                            let row_note = (row.first && marks.with(|m| m.row_has_note(&key))).then(|| view! {
                                <span class="note-marker" data-testid="row-note-marker" title="This row has a note: see Notes">"✎"</span>
                            });
                            let cells = (c0..c1)
                                .map(|j| {
                                    let period = &ps[j];
                                    let text = cell_text(row.value(wb, period));
                                    let is_input = editable(wb, row, period).is_some();
                                    let mut class = String::from(if is_input { "gc input" } else { "gc" });
                                    class.push_str(stock_class(wb, row, period));
                                    if period.is_past(cal) {
                                        class.push_str(" past");
                                    } else if period.is_current(cal) {
                                        class.push_str(" current");
                                    }
                                    let mut tail = String::new();
                                    if marks.with(|m| m.has_note(&key, &period.key, row.measure.key())) {
                                        tail.push_str(" has-note");
                                    }
                                    if marks.with(|m| m.changed(row, period)) {
                                        tail.push_str(" changed");
                                    }
                                    let class = move || format!("{class}{}{tail}", sel.with(|s| s.class(j)));
                                    let content = move || {
                                        if sel.with(|s| s.editing_at(j)) {
                                            Either::Left(editor_input(cx))
                                        } else {
                                            Either::Right(view! { <span class="v">{text.clone()}</span> })
                                        }
                                    };
                                    view! {
                                        <div role="gridcell" class=class aria-colindex=j + 2
                                            aria-selected=move || sel.with(|s| s.contains(j)).to_string()
                                            data-sku=key.clone() data-period=period.key.clone() data-measure=row.measure.key()
                                            style=format!("left:{}px;width:{}px", LABEL_W + j as f64 * col_w, col_w)
                                            data-row=i data-col=j>
                                            {content}
                                        </div>
                                    }
                                })
                                .collect_view();
                            let row_class = match &row.owner {
                                RowOwner::Total => "gr total",
                                RowOwner::Family(_) => "gr family",
                                RowOwner::Sku(_) => "gr sku",
                            };
                            let row_class = format!("{row_class}{}", if row.first { " first" } else { "" });
                            view! {
                                <div role="row" class=row_class aria-rowindex=i + 2
                                    style=format!("top:{}px;height:{}px", HEAD_H + i as f64 * ROW_H, ROW_H)>
                                    <div role="rowheader" class="gl" style=format!("width:{LABEL_W}px")>{label}{row_note}</div>
                                    {cells}
                                </div>
                            }
                        })
                        .collect_view()
                })
            })
        })
    }
}

/// The sizer's style: as tall and wide as the whole grid, so the scrollbars are right.
pub fn size(cx: Ctx) -> impl Fn() -> String + Copy {
    let (rows, periods, col_w) = (cx.data.rows, cx.data.periods, cx.col_w);
    move || {
        let (nr, nc) = (rows.with(|r| r.len()), periods.with(|p| p.len()));
        format!(
            "height:{}px;width:{}px",
            HEAD_H + nr as f64 * ROW_H,
            LABEL_W + nc as f64 * col_w
        )
    }
}

/// Whether the workbook refuses edits (a save by a newer app is open).
pub fn read_only(workbook: RwSignal<Workbook>) -> bool {
    workbook.with(Workbook::is_read_only)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::selection::Pos;

    #[test]
    fn a_row_sees_only_its_part_of_the_selection() {
        // Rows 2..=4, columns 1..=3 selected; the cursor at row 4, column 3.
        let s = Selection {
            anchor: Pos { row: 2, col: 1 },
            cursor: Pos { row: 4, col: 3 },
        };
        let outside = RowSel::of(&s, 7, || true);
        assert_eq!(
            outside,
            RowSel {
                multi: true,
                ..RowSel::default()
            }
        );
        assert_eq!(outside.class(2), "");
        let middle = RowSel::of(&s, 3, || panic!("only the cursor's row reads the editor"));
        assert_eq!(
            (middle.class(0), middle.class(1), middle.class(3)),
            ("", " selected", " selected")
        );
        assert!(middle.contains(2) && !middle.contains(4));
        let last = RowSel::of(&s, 4, || false);
        assert_eq!(last.class(3), " selected active");
        assert!(!last.editing_at(3));
        // One cell: active, not drawn as a range, but still aria-selected.
        let one = RowSel::of(&Selection::at(5, 2), 5, || true);
        assert_eq!((one.class(2), one.class(1)), (" active", ""));
        assert!(one.contains(2) && one.editing_at(2) && !one.editing_at(1));
        // Moving the cursor within other rows leaves this row's memo value unchanged.
        assert_eq!(
            RowSel::of(&Selection::at(1, 1), 9, || true),
            RowSel::of(&Selection::at(2, 8), 9, || true)
        );
    }
}
