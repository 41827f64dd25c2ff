//! The notes panel: notes on the selected cell's SKU first, then every other note, each signed
//! and dated; a note is added to the selected cell or to its whole row. Adding and removing
//! are undoable edits like any other.

use crate::engine::{Edit, Note, Workbook};
use crate::ui::browser::today::today;
use leptos::prelude::*;

/// The cell a note would be written on: the grid's `data-sku`, `data-period`, `data-measure`.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteTarget {
    pub sku: String,
    pub period: String,
    pub measure: String,
}

fn place(n: &Note) -> String {
    match (&n.period, &n.measure) {
        (Some(p), Some(m)) => format!("{} · {m} · {p}", n.sku),
        _ => n.sku.clone(),
    }
}

#[component]
pub fn NotesPanel(
    workbook: RwSignal<Workbook>,
    target: Signal<Option<NoteTarget>>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let add = move |on_cell: bool| {
        let Some(t) = target.get_untracked() else {
            message.set(Some("Select a cell in the grid first.".to_string()));
            return;
        };
        let body = text.get_untracked();
        let author = workbook.with_untracked(|wb| wb.user().map(str::to_string));
        let Some(author) = author else {
            message.set(Some(
                "Say who you are first (top right): notes are signed.".to_string(),
            ));
            return;
        };
        let note = Note {
            sku: t.sku.clone(),
            period: on_cell.then(|| t.period.clone()),
            measure: on_cell.then(|| t.measure.clone()),
            text: body.trim().to_string(),
            author,
            written: today().to_string(),
        };
        let label = format!("Note on {}", place(&note));
        let result = workbook
            .try_update(|wb| wb.apply(&label, Edit::AddNote(note)))
            .unwrap_or(Ok(Default::default()));
        match result {
            Ok(_) => {
                text.set(String::new());
                message.set(None);
            }
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    let remove = move |index: usize| {
        let result = workbook
            .try_update(|wb| wb.apply("Remove note", Edit::RemoveNote(index)))
            .unwrap_or(Ok(Default::default()));
        message.set(result.err().map(|e| e.to_string()));
    };
    let list = move || {
        let sku = target.with(|t| t.as_ref().map(|t| t.sku.clone()));
        workbook.with(|wb| {
            let notes = &wb.plan().notes;
            // This row's notes first, newest first within each group.
            let mut order: Vec<usize> = (0..notes.len()).rev().collect();
            order.sort_by_key(|&i| Some(&notes[i].sku) != sku.as_ref());
            order
                .into_iter()
                .map(|i| {
                    let n = &notes[i];
                    let mine = Some(&n.sku) == sku.as_ref();
                    view! {
                        <li class=if mine { "note here" } else { "note" } data-testid="note" data-sku=n.sku.clone()>
                            <div class="note-head"><b>{n.author.clone()}</b>" · "{n.written.clone()}" · "<span class="where">{place(n)}</span>
                                <button class="dismiss" data-testid="note-remove" title="Remove this note (undo brings it back)"
                                    on:click=move |_| remove(i)>"×"</button></div>
                            <div class="note-text">{n.text.clone()}</div>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="notes-panel" data-testid="notes-panel">
            <h3>"Notes " <span class="count">{move || workbook.with(|wb| wb.plan().notes.len())}</span></h3>
            <ul class="notes">{list}</ul>
            <div class="note-target" data-testid="note-target">{move || target.get().map_or_else(
                || "Select a cell to write a note on it.".to_string(),
                |t| format!("On {} · {} · {}", t.sku, t.measure, t.period))}</div>
            <textarea data-testid="note-text" rows="2" placeholder="What should the others know?"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <div class="actions">
                <button data-testid="note-add-cell" on:click=move |_| add(true)>"Note on this cell"</button>
                <button data-testid="note-add-sku" on:click=move |_| add(false)>"Note on the row"</button>
            </div>
            <div class="message" data-testid="note-message" role="status">{move || message.get()}</div>
        </div>
    }
}
