//! What the grid draws: the sizer, the sticky header of periods and the visible rows with
//! their cells. Only the rows and periods in view (plus a small margin) exist in the DOM,
//! in a fixed pool of slots (see `slots`): scrolling re-fills the slots of rows and columns
//! that came into view, and edits repaint cells in place.

use super::ctx::Ctx;
use super::slots::{row_slot, Pool, Slots};
use crate::engine::{Calendar, Workbook};
use crate::sheet::marks::CellMarks;
use crate::sheet::rows::RowSpec;
use crate::sheet::window::{pool_size, visible};
use leptos::prelude::*;

pub const ROW_H: f64 = 26.0;
pub const HEAD_H: f64 = 40.0;
/// Width of a week column; month columns are wider (the view says).
pub const COL_W: f64 = 68.0;
pub const LABEL_W: f64 = 330.0;

/// The period headers in view, in a pool of column slots like the cells' (see `slots`).
pub fn header(cx: Ctx, calendar: Memo<Calendar>) -> impl IntoView {
    let (periods, col_w) = (cx.data.periods, cx.col_w);
    let columns = column_pool(cx);
    view! {
        <For each=columns.slots() key=|c| *c children=move |c| {
            let col = columns.item(c);
            // (week, date, class, data-period, column): what the header of the slot shows.
            let head = Memo::new(move |_| {
                let j = col.get()?;
                calendar.with(|cal| {
                    periods.with(|p| {
                        p.get(j).map(|period| {
                            let (top, bottom) = period.header(cal);
                            let class = if period.is_current(cal) { "gh current" } else if period.is_past(cal) { "gh past" } else { "gh" };
                            (top, bottom, class, period.key.clone(), j)
                        })
                    })
                })
            });
            let used = Memo::new(move |_| head.with(Option::is_some));
            type Head = (String, String, &'static str, String, usize);
            let part = move |f: fn(&Head) -> String| move || head.with(|h| h.as_ref().map(f).unwrap_or_default());
            move || used.get().then(|| view! {
                <div role="columnheader" class=part(|h| h.2.to_string()) data-period=part(|h| h.3.clone())
                    aria-colindex=part(|h| (h.4 + 2).to_string())
                    style=move || head.with(|h| h.as_ref().map(|h| format!("left:{}px;width:{}px", LABEL_W + h.4 as f64 * col_w, col_w)))>
                    <span class="wk">{part(|h| h.0.clone())}</span>
                    <span class="date">{part(|h| h.1.clone())}</span>
                </div>
            })
        } />
    }
}

/// The rows in view (plus a margin) and the pool of row slots that shows them; the window
/// changes only when a row scrolls in or out, not on every scroll event.
fn row_pool(cx: Ctx) -> Pool {
    let rows = cx.data.rows;
    Pool {
        span: Memo::new(move |_| {
            let (top, _) = cx.scroll.get();
            let (height, _) = cx.viewport.get();
            visible(top, height - HEAD_H, ROW_H, rows.with(|r| r.len()))
        }),
        size: Memo::new(move |_| pool_size(cx.viewport.get().0 - HEAD_H, ROW_H)),
    }
}

/// The columns in view (plus a margin) and the pool of column slots that shows them.
fn column_pool(cx: Ctx) -> Pool {
    let (periods, col_w) = (cx.data.periods, cx.col_w);
    Pool {
        span: Memo::new(move |_| {
            let (_, left) = cx.scroll.get();
            let (_, width) = cx.viewport.get();
            visible(left, width - LABEL_W, col_w, periods.with(|p| p.len()))
        }),
        size: Memo::new(move |_| pool_size(cx.viewport.get().1 - LABEL_W, col_w)),
    }
}

/// The rows in view with their cells, in a pool of row slots (see `slots`), so scrolling,
/// an edit or a key press repaints only what changed.
pub fn body(cx: Ctx, spec: RwSignal<RowSpec>, marks: Memo<CellMarks>) -> impl IntoView {
    let shared = Slots::new(cx, spec, marks, column_pool(cx));
    let rows = row_pool(cx);
    view! {
        <For each=rows.slots() key=|s| *s children=move |s| row_slot(shared, rows, s) />
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
