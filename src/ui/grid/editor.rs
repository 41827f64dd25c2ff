//! The in-cell editor: opening it (F2, double-click, or typing a digit), the keys it
//! answers while open, committing its text through the sheet rules, and its input element.

use super::ctx::{Ctx, Editing, CALCULATED};
use crate::engine::Workbook;
use crate::sheet::edits::{block_edits, editable};
use crate::sheet::keymap::{editor_intent_for, EditorIntent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Commits the editor's text into the active cell; false when refused (editor stays open).
pub fn commit(cx: Ctx) -> bool {
    let Some(ed) = cx.editing.get_untracked() else {
        return true;
    };
    let at = cx.selection.get_untracked().cursor;
    let dec = cx.loc.decimal;
    let result = cx
        .data
        .read(|wb, r, p| block_edits(wb, r, p, at, &[vec![ed.text.clone()]], dec));
    match result {
        Err(e) => {
            cx.message.set(Some(e));
            false
        }
        Ok((edits, skipped)) => {
            cx.editing.set(None);
            cx.apply("Edit cell".to_string(), Ok(edits), skipped);
            cx.focus_grid();
            true
        }
    }
}

/// Opens the editor on the active cell: with `text` when the user started typing (arrows
/// then commit), else with the cell's value (F2, double-click: arrows move the caret).
pub fn start_edit(cx: Ctx, text: Option<String>) {
    let at = cx.selection.get_untracked().cursor;
    let loc = cx.loc;
    let (ok, current) = cx
        .data
        .read(|wb, r, p| match (r.get(at.row), p.get(at.col)) {
            (Some(row), Some(p)) => (
                editable(wb, row, p).is_some(),
                loc.edit_text(row.value(wb, p)),
            ),
            _ => (false, String::new()),
        });
    if cx.data.workbook.with_untracked(Workbook::is_read_only) {
        cx.message
            .set(Some(crate::engine::PlanError::ReadOnly.to_string()));
        return;
    }
    if !ok {
        cx.message.set(Some(CALCULATED.to_string()));
        return;
    }
    cx.message.set(None);
    let arrows_commit = text.is_some();
    cx.editing.set(Some(Editing {
        text: text.unwrap_or(current),
        arrows_commit,
    }));
}

/// Keys while editing, as the keymap's editor table says (Enter/Tab commit and move, Esc
/// cancels, arrows commit and move when the edit began by typing). Returns true when the
/// key was handled; other keys belong to the input.
pub fn editor_key(cx: Ctx, key: &str, shift: bool) -> bool {
    let typed = cx.editing.get_untracked().is_some_and(|e| e.arrows_commit);
    let then = match editor_intent_for(key, shift, typed) {
        None => return false,
        Some(EditorIntent::CancelEdit) => {
            cx.editing.set(None);
            cx.message.set(None);
            cx.focus_grid();
            return true;
        }
        Some(EditorIntent::Commit(then) | EditorIntent::CommitIfTyped(then)) => then,
    };
    if commit(cx) {
        let b = cx.bounds();
        cx.selection.update(|s| {
            s.apply(then, b);
        });
    }
    true
}

/// Focuses the editor when it opens (caret at the end), so typing continues into it.
pub fn focus_when_open(cx: Ctx) {
    Effect::new(move |_| {
        if cx.editing.with(|e| e.is_some()) {
            let Some(el) = cx.container.get() else { return };
            // The editor is inserted by the grid's render, which runs after this effect.
            request_animation_frame(move || {
                if let Ok(Some(input)) = el.query_selector(".cell-editor") {
                    if let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() {
                        // Without scrolling: the cell is in view, and scrolling costs a layout.
                        let options = web_sys::FocusOptions::new();
                        options.set_prevent_scroll(true);
                        let _ = input.focus_with_options(&options);
                        let end = input.value().len() as u32;
                        let _ = input.set_selection_range(end, end);
                    }
                }
            });
        }
    });
}

/// The input that sits in the active cell while editing. Its value follows the editing
/// text, so keys the grid caught before the input took focus show in it.
pub fn editor_input(cx: Ctx) -> impl IntoView {
    let editing = cx.editing;
    let text = move || editing.with(|e| e.as_ref().map(|e| e.text.clone()).unwrap_or_default());
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        ev.stop_propagation();
        if editor_key(cx, &ev.key(), ev.shift_key()) {
            ev.prevent_default();
        }
    };
    view! {
        <input class="cell-editor" data-testid="cell-editor" prop:value=text
            on:input=move |ev| editing.update(|e| if let Some(e) = e { e.text = event_target_value(&ev) })
            on:keydown=on_key
            on:blur=move |_| { if editing.get_untracked().is_some() { commit(cx); } } />
    }
}
