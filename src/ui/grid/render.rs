//! What the grid draws: the sizer, the sticky header of periods and the visible rows with
//! their cells. Only the rows and periods in view (plus a small margin) exist in the DOM.

use super::ctx::Ctx;
use super::editor::editor_input;
use crate::engine::Workbook;
use crate::sheet::edits::editable;
use crate::sheet::marks::CellMarks;
use crate::sheet::rows::{RowOwner, RowSpec};
use crate::sheet::selection::Pos;
use crate::sheet::window::visible;
use crate::ui::grid::cell::{cell_text, stock_class};
use crate::ui::grid::row_label::row_label;
use leptos::prelude::*;

pub const ROW_H: f64 = 26.0;
pub const HEAD_H: f64 = 40.0;
/// Width of a week column; month columns are wider (the view says).
pub const COL_W: f64 = 68.0;
pub const LABEL_W: f64 = 330.0;

/// The period headers in view.
pub fn header(cx: Ctx) -> impl IntoView {
    let (workbook, periods, col_w) = (cx.data.workbook, cx.data.periods, cx.col_w);
    move || {
        let (_, left) = cx.scroll.get();
        let (_, width) = cx.viewport.get();
        workbook.with(|wb| {
            let cal = &wb.plan().calendar;
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
    move || {
        let (top, left) = cx.scroll.get();
        let (height, width) = cx.viewport.get();
        let sel = cx.selection.get();
        let ed = cx.editing.get();
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
                            let key = row.key(wb);
                            let label = row_label(wb, row, &collapsed);
                            let row_note = (row.first && marks.with(|m| m.row_has_note(&key))).then(|| view! {
                                <span class="note-marker" data-testid="row-note-marker" title="This row has a note: see Notes">"✎"</span>
                            });
                            let cells = (c0..c1)
                                .map(|j| {
                                    let period = &ps[j];
                                    let v = row.value(wb, period);
                                    let is_input = editable(wb, row, period).is_some();
                                    let active = sel.cursor == Pos { row: i, col: j };
                                    let mut class = String::from(if is_input { "gc input" } else { "gc" });
                                    class.push_str(stock_class(wb, row, period));
                                    if period.is_past(cal) {
                                        class.push_str(" past");
                                    } else if period.is_current(cal) {
                                        class.push_str(" current");
                                    }
                                    if sel.contains(i, j) && !sel.is_single() {
                                        class.push_str(" selected");
                                    }
                                    if active {
                                        class.push_str(" active");
                                    }
                                    let note = marks.with(|m| m.has_note(&key, &period.key, row.measure.key()));
                                    if note {
                                        class.push_str(" has-note");
                                    }
                                    if marks.with(|m| m.changed(row, period)) {
                                        class.push_str(" changed");
                                    }
                                    let editor = (active && ed.is_some()).then(|| {
                                        editor_input(cx, ed.clone().map(|e| e.text).unwrap_or_default())
                                    });
                                    view! {
                                        <div role="gridcell" class=class aria-colindex=j + 2 aria-selected=sel.contains(i, j).to_string()
                                            data-sku=key.clone() data-period=period.key.clone() data-measure=row.measure.key()
                                            style=format!("left:{}px;width:{}px", LABEL_W + j as f64 * col_w, col_w)
                                            data-row=i data-col=j>
                                            {match editor {
                                                Some(e) => e.into_any(),
                                                None => view! { <span class="v">{cell_text(v)}</span> }.into_any(),
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
