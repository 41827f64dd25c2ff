//! What the grid draws: the sizer, the sticky header of periods and the visible rows with
//! their cells. Only the rows and periods in view (plus a small margin) exist in the DOM.
//!
//! One closure draws the rows in view, and leptos rebuilds its output in place: row k and
//! cell k of the new drawing update the elements of row k and cell k of the last one, setting
//! only the attributes and texts that differ. So an edit writes only the cells whose value or
//! colour changed, and an arrow key only the two cells whose class changed (the benchmark
//! counts them). Measured on this machine, that is faster than a pool of row and cell slots
//! with a memo per cell (see README, Performance): at a few hundred cells in view, working
//! every cell out again costs less than the reactive graph that would spare it.

use super::cell::CellLook;
use super::ctx::Ctx;
use super::editor::editor_input;
use super::row_label::RowLabel;
use crate::engine::{Calendar, Workbook};
use crate::sheet::marks::CellMarks;
use crate::sheet::rows::{RowOwner, RowSpec};
use crate::sheet::selection::Pos;
use crate::sheet::window::visible;
use leptos::prelude::*;

pub const ROW_H: f64 = 26.0;
pub const HEAD_H: f64 = 40.0;
/// Width of a week column; month columns are wider (the view says).
pub const COL_W: f64 = 68.0;
pub const LABEL_W: f64 = 330.0;

/// The period headers in view. They depend on the calendar, not on every edit.
pub fn header(cx: Ctx, calendar: Memo<Calendar>) -> impl IntoView {
    let (periods, col_w) = (cx.data.periods, cx.col_w);
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

/// The rows in view with their cells.
pub fn body(cx: Ctx, spec: RwSignal<RowSpec>, marks: Memo<CellMarks>) -> impl IntoView {
    let (workbook, rows, periods, col_w) =
        (cx.data.workbook, cx.data.rows, cx.data.periods, cx.col_w);
    // Whether the editor is open; its text is the editor's own (typing does not redraw).
    let editing = cx.editing;
    let editor_open = Memo::new(move |_| editing.with(|e| e.is_some()));
    move || {
        let (top, left) = cx.scroll.get();
        let (height, width) = cx.viewport.get();
        let sel = cx.selection.get();
        let open = editor_open.get();
        let collapsed = spec.with(|s| s.collapsed.clone());
        workbook.with(|wb| {
            rows.with(|rs| {
                periods.with(|ps| {
                    marks.with(|m| {
                        let (r0, r1) = visible(top, height - HEAD_H, ROW_H, rs.len());
                        let (c0, c1) = visible(left, width - LABEL_W, col_w, ps.len());
                        (r0..r1)
                            .map(|i| {
                                let row = &rs[i];
                                let key = row.key(wb);
                                let label = RowLabel::of(wb, row, &collapsed).view();
                                let row_note = (row.first && m.row_has_note(&key)).then(|| view! {
                                    <span class="note-marker" data-testid="row-note-marker" title="This row has a note: see Notes">"✎"</span>
                                });
                                let cells = (c0..c1)
                                    .map(|j| {
                                        let look = CellLook::of(wb, row, &key, &ps[j], m);
                                        let active = sel.cursor == Pos { row: i, col: j };
                                        let in_range = sel.contains(i, j) && !sel.is_single();
                                        let mut class = look.class;
                                        if in_range {
                                            class.push_str(" selected");
                                        }
                                        if active {
                                            class.push_str(" active");
                                        }
                                        view! {
                                            <div role="gridcell" class=class aria-colindex=j + 2 aria-selected=sel.contains(i, j).to_string()
                                                data-sku=look.sku data-period=look.period data-measure=look.measure
                                                style=format!("left:{}px;width:{}px", LABEL_W + j as f64 * col_w, col_w)
                                                data-row=i data-col=j>
                                                {if active && open {
                                                    editor_input(cx).into_any()
                                                } else {
                                                    view! { <span class="v">{look.text}</span> }.into_any()
                                                }}
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

/// The plan's calendar, apart: the header and the columns depend on it alone, and it stays
/// the same through edits, so they do not re-run on every edit.
pub fn calendar(workbook: RwSignal<Workbook>) -> Memo<Calendar> {
    Memo::new(move |_| workbook.with(|wb| wb.plan().calendar.clone()))
}
