//! Copy and paste on the grid: the selection goes out as tab-separated text in the user's
//! locale, and a pasted block comes in as one undoable edit from the selection's corner.

use super::ctx::Ctx;
use crate::sheet::edits::block_edits;
use crate::sheet::selection::{Pos, Selection};
use crate::sheet::tsv;
use leptos::prelude::*;

/// Ctrl+C: the selection as tab-separated values.
pub fn on_copy(cx: Ctx, ev: leptos::ev::ClipboardEvent) {
    if cx.editing.get_untracked().is_some() {
        return;
    }
    let (a, b) = cx.selection.get_untracked().range();
    let loc = cx.loc;
    let text = cx
        .data
        .read(|wb, r, p| tsv::copy_block(wb, r, p, a, b, &loc));
    if let Some(dt) = ev.clipboard_data() {
        let _ = dt.set_data("text/plain", &text);
        ev.prevent_default();
        let cells = (b.row - a.row + 1) * (b.col - a.col + 1);
        cx.message.set(Some(format!("Copied {cells} cell(s)")));
    }
}

/// Ctrl+V: the pasted block from the selection's top-left corner; the pasted area is
/// selected afterwards.
pub fn on_paste(cx: Ctx, ev: leptos::ev::ClipboardEvent) {
    if cx.editing.get_untracked().is_some() {
        return;
    }
    let Some(text) = ev
        .clipboard_data()
        .and_then(|dt| dt.get_data("text/plain").ok())
    else {
        return;
    };
    ev.prevent_default();
    let block = tsv::parse(&text);
    let at = cx.selection.get_untracked().range().0;
    let dec = cx.loc.decimal;
    let result = cx
        .data
        .read(|wb, r, p| block_edits(wb, r, p, at, &block, dec));
    match result {
        Err(e) => cx.message.set(Some(format!("Nothing pasted: {e}"))),
        Ok((edits, skipped)) => {
            let (h, w) = (
                block.len(),
                block.iter().map(|r| r.len()).max().unwrap_or(0),
            );
            cx.apply(format!("Paste {h}×{w}"), Ok(edits), skipped);
            if h > 0 && w > 0 {
                let b = cx.bounds();
                cx.selection.set(Selection {
                    anchor: at,
                    cursor: Pos {
                        row: (at.row + h - 1).min(b.rows.saturating_sub(1)),
                        col: (at.col + w - 1).min(b.cols.saturating_sub(1)),
                    },
                });
            }
        }
    }
}
