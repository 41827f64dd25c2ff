//! The grid's keyboard: a key press becomes a named intent (the keymap table in
//! `crate::sheet::keymap`), and each intent becomes a selection move or an edit.

use super::ctx::Ctx;
use super::editor::{editor_key, start_edit};
use crate::sheet::edits::{clear_edits, fill_down_edits};
use crate::sheet::keymap::{intent_for, starts_typing, Intent};
use leptos::prelude::*;

/// Carries out an intent on the grid (outside the editor).
pub fn on_intent(cx: Ctx, intent: Intent) {
    let range = cx.selection.get_untracked().range();
    match intent {
        Intent::Edit => start_edit(cx, None),
        Intent::Cancel => cx.message.set(None),
        Intent::Clear => {
            let edits = cx
                .data
                .read(|wb, r, p| clear_edits(wb, r, p, range.0, range.1));
            let n = edits.as_ref().map_or(0, |c| c.targets);
            cx.apply(format!("Clear {n} cell(s)"), edits, 0);
        }
        Intent::Undo | Intent::Redo => {
            let r = cx.data.workbook.try_update(|wb| {
                if intent == Intent::Undo {
                    wb.undo()
                } else {
                    wb.redo()
                }
            });
            match r {
                Some(Ok(t)) => cx.message.set(Some(t.label)),
                Some(Err(_)) => cx.message.set(Some(format!(
                    "Nothing to {}",
                    if intent == Intent::Undo {
                        "undo"
                    } else {
                        "redo"
                    }
                ))),
                None => {}
            }
        }
        Intent::FillDown => {
            let edits = cx
                .data
                .read(|wb, r, p| fill_down_edits(wb, r, p, range.0, range.1));
            cx.apply("Fill down".to_string(), edits, 0);
        }
        Intent::Copy => {}
        // The meeting bar listens for these on the page.
        i if i.is_meeting() => {}
        other => {
            let b = cx.bounds();
            cx.selection.update(|s| {
                s.apply(other, b);
            });
        }
    }
}

/// A key pressed on the grid itself (not in the editor's input).
pub fn on_keydown(cx: Ctx, ev: leptos::ev::KeyboardEvent) {
    if cx.editing.get_untracked().is_some() {
        // The editor opened but has not taken focus yet (it does on the next frame):
        // keep what a fast typist types instead of losing it.
        let key = ev.key();
        if !editor_key(cx, &key, ev.shift_key())
            && key.chars().count() == 1
            && !(ev.ctrl_key() || ev.meta_key())
        {
            cx.editing.update(|e| {
                if let Some(e) = e {
                    e.text.push_str(&key);
                }
            });
        }
        ev.prevent_default();
        return;
    }
    let key = ev.key();
    let ctrl = ev.ctrl_key() || ev.meta_key();
    if let Some(intent) = intent_for(&key, ctrl, ev.shift_key()) {
        // Let the browser raise the copy event (handled in clipboard.rs) for Ctrl+C.
        if intent != Intent::Copy {
            ev.prevent_default();
        }
        on_intent(cx, intent);
    } else if starts_typing(&key, ctrl) {
        ev.prevent_default();
        start_edit(cx, Some(key));
    }
}
