//! "Start check-in": keeps a snapshot of the plan as it stands at the weekly call. The weekly
//! view then marks what changed since, and the plan file names it as the base for merges.

use crate::engine::model::checkin::{keep, Snapshot};
use crate::engine::model::meta::PlanMeta;
use crate::engine::Workbook;
use crate::ui::browser::persist::new_token;
use crate::ui::browser::today::today;
use leptos::prelude::*;

/// Takes the snapshot; it becomes the check-in this copy shares with the others. A
/// read-only tab (a newer app's save) takes none (its button is disabled there).
pub fn start(workbook: RwSignal<Workbook>, snapshots: RwSignal<Vec<Snapshot>>) -> String {
    if workbook.with_untracked(Workbook::is_read_only) {
        return crate::engine::PlanError::ReadOnly.to_string();
    }
    let snapshot = workbook.with_untracked(|wb| {
        let plan = wb.plan_to_save();
        let cal = &plan.calendar;
        Snapshot {
            id: format!(
                "{}-{}-{}",
                plan.meta.id,
                cal.label(cal.current() as isize),
                new_token()
            ),
            taken: today().to_string(),
            author: wb.user().unwrap_or("").to_string(),
            plan,
        }
    });
    let id = snapshot.id.clone();
    let label = format!(
        "Check-in of {}{}",
        snapshot.taken,
        if snapshot.author.is_empty() {
            String::new()
        } else {
            format!(" by {}", snapshot.author)
        }
    );
    snapshots.update(|s| keep(s, snapshot));
    workbook.update(|wb| {
        let meta = PlanMeta {
            base: Some(id.clone()),
            ..wb.plan().meta.clone()
        };
        wb.set_meta(meta);
    });
    label
}

/// The button, with the date of the last check-in next to it.
#[component]
pub fn CheckinButton(
    workbook: RwSignal<Workbook>,
    snapshots: RwSignal<Vec<Snapshot>>,
) -> impl IntoView {
    let last = move || {
        snapshots.with(|s| {
            s.last().map_or_else(
                || "No check-in yet".to_string(),
                |c| format!("Last check-in {}", c.taken),
            )
        })
    };
    view! {
        <span class="checkin">
            <span class="last" data-testid="checkin-last">{last}</span>
            <button data-testid="checkin-start" title="Keep a snapshot of the plan as it stands now; the next call shows what changed since"
                on:click=move |_| { start(workbook, snapshots); }
                prop:disabled=move || workbook.with(Workbook::is_read_only)>"Start check-in"</button>
        </span>
    }
}
