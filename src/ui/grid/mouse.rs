//! The mouse on the grid: click and shift-click select, dragging extends, double-click
//! edits, and the tooltip is worked out when the pointer arrives. Delegated to the grid
//! (one listener each, not three per cell): the cell is found from its data-row / data-col.

use super::ctx::Ctx;
use super::editor::{commit, start_edit};
use crate::sheet::selection::{Pos, Selection};
use crate::ui::grid::cell::explain;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The (row, column) of the grid cell under the event, if any (not the editor's input).
fn cell_at(ev: &leptos::ev::MouseEvent) -> Option<(usize, usize)> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    if target.tag_name() == "INPUT" {
        return None;
    }
    let cell = target.closest("[role=gridcell]").ok()??;
    Some((
        cell.get_attribute("data-row")?.parse().ok()?,
        cell.get_attribute("data-col")?.parse().ok()?,
    ))
}

/// Press: commit an open edit, then select the cell (Shift extends) and start a drag.
pub fn on_mousedown(cx: Ctx, ev: leptos::ev::MouseEvent) {
    let Some((i, j)) = cell_at(&ev) else { return };
    if cx.editing.get_untracked().is_some() && !commit(cx) {
        return;
    }
    if ev.shift_key() {
        cx.selection.update(|s| s.extend_to(i, j));
    } else {
        cx.selection.set(Selection::at(i, j));
    }
    cx.dragging.set(true);
}

/// Pointer over a cell: its tooltip, and the drag's extent.
pub fn on_mouseover(cx: Ctx, ev: leptos::ev::MouseEvent) {
    // Tooltips are worked out when the pointer arrives, not for every cell on every render.
    if let Some((i, j)) = cell_at(&ev) {
        let tip = cx.data.read(|wb, r, p| match (r.get(i), p.get(j)) {
            (Some(row), Some(p)) => explain(wb, row, p),
            _ => String::new(),
        });
        if let Some(cell) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[role=gridcell]").ok().flatten())
        {
            let _ = cell.set_attribute("title", &tip);
        }
    }
    if cx.dragging.get_untracked() {
        if let Some((i, j)) = cell_at(&ev) {
            if cx
                .selection
                .with_untracked(|s| s.cursor != Pos { row: i, col: j })
            {
                cx.selection.update(|s| s.extend_to(i, j));
            }
        }
    }
}

/// Double-click on a cell: edit it, keeping its value.
pub fn on_dblclick(cx: Ctx, ev: leptos::ev::MouseEvent) {
    if cell_at(&ev).is_some() {
        start_edit(cx, None);
    }
}

/// A drag ends wherever the button is released, even outside the grid.
pub fn end_drags_on_release(cx: Ctx) {
    let listener = window_event_listener(leptos::ev::mouseup, move |_| cx.dragging.set(false));
    on_cleanup(move || listener.remove());
}
