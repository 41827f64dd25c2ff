//! What the grid's parts share: its signals in one `Copy` value, and the one path every
//! edit from the grid takes into the workbook (with the message the user sees).

use super::read::GridData;
use super::render::{HEAD_H, ROW_H};
use crate::sheet::edits::Changes;
use crate::sheet::locale::Locale;
use crate::sheet::selection::{Bounds, Selection};
use leptos::prelude::*;

/// Said when the user types into a cell that is worked out by the plan.
pub const CALCULATED: &str = "This cell is calculated: type into forecast, consensus, receipts, safety stock or (past weeks) actual sales";

/// Editing in progress: the text, and whether arrows commit (typing) or move the caret (F2).
#[derive(Clone, Debug, PartialEq)]
pub struct Editing {
    pub text: String,
    pub arrows_commit: bool,
}

/// The grid's state, shared by its keyboard, mouse, clipboard, editor and render parts.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub data: GridData,
    pub selection: RwSignal<Selection>,
    pub message: RwSignal<Option<String>>,
    pub editing: RwSignal<Option<Editing>>,
    pub dragging: RwSignal<bool>,
    /// Scroll position (top, left) and viewport size (height, width) in pixels.
    pub scroll: RwSignal<(f64, f64)>,
    pub viewport: RwSignal<(f64, f64)>,
    pub container: NodeRef<leptos::html::Div>,
    /// Column width in pixels.
    pub col_w: f64,
    /// One locale for what the grid shows, the editor holds, and copy and paste carry.
    pub loc: Locale,
}

impl Ctx {
    /// The grid's size, and how many rows one page (PageUp / PageDown) moves.
    pub fn bounds(&self) -> Bounds {
        Bounds {
            rows: self.data.rows.with(|r| r.len()),
            cols: self.data.periods.with(|p| p.len()),
            page: (((self.viewport.get_untracked().0 - HEAD_H) / ROW_H).floor() as usize)
                .saturating_sub(1)
                .max(1),
        }
    }

    /// Gives the keyboard back to the grid (after the editor closes). Without scrolling:
    /// the grid keeps the active cell in view itself, and the browser's scroll-into-view
    /// costs a layout on every committed edit.
    pub fn focus_grid(&self) {
        if let Some(el) = self.container.get_untracked() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
    }

    /// Applies edits worked out by the sheet rules as one undoable step, and says what
    /// happened (refused, nothing to change, calculated cells skipped).
    pub fn apply(&self, label: String, changes: Result<Changes, String>, skipped: usize) {
        let message = self.message;
        let changes = match changes {
            Ok(c) => c,
            Err(e) => {
                message.set(Some(format!("Nothing changed: {e}")));
                return;
            }
        };
        if changes.is_empty() {
            message.set(Some(if skipped > 0 {
                CALCULATED.to_string()
            } else {
                "Nothing to change".to_string()
            }));
            return;
        }
        match self
            .data
            .workbook
            .try_update(|wb| wb.apply(&label, changes.into_edit()))
        {
            Some(Err(e)) => message.set(Some(e.to_string())),
            _ => message.set(
                (skipped > 0).then(|| format!("{label}: {skipped} calculated cell(s) skipped")),
            ),
        }
    }
}
