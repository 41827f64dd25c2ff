//! The planning grid: one component for every view. It owns no numbers — it asks the
//! workbook for each visible cell — and turns keys, clicks, pastes into edits through the
//! sheet rules and the workbook's one edit API.
//!
//! Virtualised both ways: only the rows and periods in view (plus a small margin) exist in
//! the DOM, positioned absolutely inside a sizer as tall and wide as the whole grid. The
//! header row and the label column are sticky.
//!
//! This file wires the parts together: `keys` (keyboard), `editor` (in-cell editor),
//! `clipboard`, `mouse`, `render` (header, sizer, body; rebuilt in place), `ctx` (shared state and the edit
//! path) and `read` (one untracked read of workbook, rows and periods).

pub mod cell;
mod clipboard;
mod ctx;
mod editor;
mod keys;
mod mouse;
mod read;
mod render;
pub mod row_label;

pub use read::GridData;
pub use render::{calendar, COL_W, HEAD_H, LABEL_W, ROW_H};

use crate::engine::Workbook;
use crate::sheet::marks::CellMarks;
use crate::sheet::periods::Period;
use crate::sheet::rows::{GridRow, RowSpec};
use crate::sheet::selection::{Bounds, Selection};
use crate::sheet::window::scroll_to_show;
use crate::ui::context::Marks;
use ctx::Ctx;
use leptos::prelude::*;

#[component]
pub fn Grid(
    workbook: RwSignal<Workbook>,
    rows: Memo<Vec<GridRow>>,
    periods: Memo<Vec<Period>>,
    /// Column width in pixels.
    col_w: f64,
    spec: RwSignal<RowSpec>,
    selection: RwSignal<Selection>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let cx = Ctx {
        data: GridData {
            workbook,
            rows,
            periods,
        },
        selection,
        message,
        editing: RwSignal::new(None),
        dragging: RwSignal::new(false),
        scroll: RwSignal::new((0.0, 0.0)),
        viewport: RwSignal::new((560.0, 960.0)),
        container: NodeRef::new(),
        col_w,
        loc: super::browser::locale::current(),
    };
    let (container, scroll, viewport) = (cx.container, cx.scroll, cx.viewport);
    // Notes and changes since the last check-in, when the app provides them.
    let marks = use_context::<Marks>().map_or_else(|| Memo::new(|_| CellMarks::default()), |m| m.0);

    let measure_viewport = move || {
        if let Some(el) = container.get_untracked() {
            viewport.set((el.client_height() as f64, el.client_width() as f64));
        }
    };

    // Keep the active cell in view after keyboard moves and exception clicks. Reads the
    // scroll position and size the grid keeps (from scroll and resize events), not the
    // element's: reading those forces a layout on every key press.
    Effect::new(move |_| {
        let cur = selection.get().cursor;
        let Some(el) = container.get() else { return };
        let (mut top, mut left) = scroll.get_untracked();
        let (h, w) = viewport.get_untracked();
        let down = scroll_to_show(cur.row, ROW_H, HEAD_H, top, h);
        let across = scroll_to_show(cur.col, col_w, LABEL_W, left, w);
        if let Some(t) = down {
            el.set_scroll_top(t as i32);
            top = t;
        }
        if let Some(l) = across {
            el.set_scroll_left(l as i32);
            left = l;
        }
        if down.is_some() || across.is_some() {
            scroll.set((top, left));
        }
    });

    editor::focus_when_open(cx);

    // When rows come and go (filter, collapse, only exceptions) the browser clamps the scroll
    // position without always firing a scroll event: re-read it, and keep the selection inside.
    Effect::new(move |_| {
        let n = rows.with(|r| r.len());
        let cols = periods.with(|p| p.len());
        selection.update_untracked(|s| {
            s.clamp(Bounds {
                rows: n,
                cols,
                page: 1,
            })
        });
        if let Some(el) = container.get() {
            request_animation_frame(move || {
                scroll.set((el.scroll_top() as f64, el.scroll_left() as f64))
            });
        }
    });

    let on_scroll = move |_| {
        if let Some(el) = container.get_untracked() {
            scroll.set((el.scroll_top() as f64, el.scroll_left() as f64));
        }
    };

    mouse::end_drags_on_release(cx);
    let resize_listener = window_event_listener(leptos::ev::resize, move |_| measure_viewport());
    on_cleanup(move || resize_listener.remove());

    Effect::new(move |_| measure_viewport());

    view! {
        <div class="grid" role="grid" data-testid="plan-grid" tabindex="0" node_ref=container
            aria-readonly=move || render::read_only(workbook).to_string()
            class:read-only=move || render::read_only(workbook)
            aria-rowcount=move || rows.with(|r| r.len()) + 1 aria-colcount=move || periods.with(|p| p.len()) + 1
            aria-label="Planning grid: rows are SKUs and measures, columns are periods"
            on:scroll=on_scroll
            on:keydown=move |ev| keys::on_keydown(cx, ev)
            on:copy=move |ev| clipboard::on_copy(cx, ev)
            on:paste=move |ev| clipboard::on_paste(cx, ev)
            on:mousedown=move |ev| mouse::on_mousedown(cx, ev)
            on:mouseover=move |ev| mouse::on_mouseover(cx, ev)
            on:dblclick=move |ev| mouse::on_dblclick(cx, ev)>
            <div class="grid-sizer" style=render::size(cx)>
                <div class="grid-head" role="row" aria-rowindex="1" style=move || format!("height:{HEAD_H}px")>
                    <div role="columnheader" class="gl corner" style=format!("width:{LABEL_W}px")>"SKU · measure"</div>
                    {render::header(cx, render::calendar(workbook))}
                </div>
                {render::body(cx, spec, marks)}
            </div>
        </div>
    }
}
