//! Toolbar pieces both views share: the filter box and the undo / redo buttons.

use crate::engine::Workbook;
use crate::sheet::rows::RowSpec;
use leptos::prelude::*;

/// Filters the grid's rows by SKU, name or family.
#[component]
pub fn FilterBox(spec: RwSignal<RowSpec>) -> impl IntoView {
    view! {
        <input class="filter" type="search" placeholder="Filter SKU, name or family" data-testid="filter"
            prop:value=move || spec.with(|s| s.filter.clone())
            on:input=move |ev| spec.update(|s| s.filter = event_target_value(&ev)) />
    }
}

/// Undo and redo through the workbook's history (the same as Ctrl+Z / Ctrl+Y in the grid).
#[component]
pub fn UndoRedo(workbook: RwSignal<Workbook>) -> impl IntoView {
    view! {
        <button data-testid="undo" title="Undo (Ctrl+Z)"
            disabled=move || workbook.with(|wb| !wb.history().can_undo())
            on:click=move |_| { let _ = workbook.try_update(|wb| wb.undo()); }>"↶ Undo"</button>
        <button data-testid="redo" title="Redo (Ctrl+Y)"
            disabled=move || workbook.with(|wb| !wb.history().can_redo())
            on:click=move |_| { let _ = workbook.try_update(|wb| wb.redo()); }>"↷ Redo"</button>
    }
}

/// How far ahead a view looks: a labelled select over a few choices, the first selected.
#[component]
pub fn HorizonSelect(
    label: &'static str,
    testid: &'static str,
    choices: &'static [usize],
    value: RwSignal<usize>,
) -> impl IntoView {
    view! {
        <label class="check">{label}" "
            <select data-testid=testid on:change=move |ev| {
                if let Ok(n) = event_target_value(&ev).parse() { value.set(n) }
            }>
                {choices.iter().map(|&n| view! {
                    <option value=n.to_string() selected=move || value.get() == n>{n.to_string()}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// Downloads the rows and periods on screen (filtered, as collapsed) as a CSV report.
#[component]
pub fn ExportView(
    workbook: RwSignal<Workbook>,
    rows: Memo<Vec<crate::sheet::rows::GridRow>>,
    periods: Memo<Vec<crate::sheet::periods::Period>>,
    /// `weekly` or `monthly`: part of the file name.
    view_name: &'static str,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let export = move |_| {
        let data = crate::ui::grid::GridData {
            workbook,
            rows,
            periods,
        };
        let (text, week) = data.read(|wb, r, p| {
            (
                crate::sheet::export::view_csv(wb, r, p),
                wb.plan()
                    .calendar
                    .label(wb.plan().calendar.current() as isize),
            )
        });
        let name = format!("sop-{view_name}-{week}.csv");
        message.set(Some(
            match crate::ui::browser::files::download(&name, &text, "text/csv;charset=utf-8") {
                Ok(()) => format!("Exported the view as {name}"),
                Err(e) => e,
            },
        ));
    };
    view! { <button data-testid="export-view" title="Download what the grid shows as CSV" on:click=export>"Export view"</button> }
}
