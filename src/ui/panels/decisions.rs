//! The decisions of the check-ins: recorded in the call with an owner, a due date and the SKUs
//! and weeks they concern; open ones stay listed in the weekly view until closed. Recording and
//! closing are undoable edits; decisions travel in the plan file.

use super::form::{field, new_record};
use super::notes::NoteTarget;
use crate::engine::model::decision::skus_from;
use crate::engine::{Decision, Edit, Workbook};
use crate::ui::browser::today::today;
use leptos::prelude::*;

#[component]
pub fn DecisionsPanel(
    workbook: RwSignal<Workbook>,
    target: Signal<Option<NoteTarget>>,
) -> impl IntoView {
    let open_form = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let skus = RwSignal::new(String::new());
    let weeks = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let start = move || {
        let me = workbook.with_untracked(|wb| wb.user().unwrap_or("").to_string());
        owner.set(me);
        due.set((today() + chrono::Duration::days(7)).to_string());
        let t = target.get_untracked();
        skus.set(t.as_ref().map(|t| t.sku.clone()).unwrap_or_default());
        weeks.set(t.map(|t| t.period).unwrap_or_default());
        text.set(String::new());
        message.set(None);
        open_form.set(true);
    };
    let save = move |_| {
        let (id, author) = workbook.with_untracked(|wb| new_record(wb, "d"));
        let d = Decision {
            id,
            text: text.get_untracked().trim().to_string(),
            owner: owner.get_untracked().trim().to_string(),
            due: due.get_untracked(),
            skus: skus_from(&skus.get_untracked()),
            weeks: weeks.get_untracked().trim().to_string(),
            author,
            made: today().to_string(),
            closed: None,
        };
        let result = workbook
            .try_update(|wb| wb.apply("Record decision", Edit::Decide(d)))
            .unwrap_or(Ok(Default::default()));
        match result {
            Ok(_) => open_form.set(false),
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    // Meeting mode's "record a decision" key opens the form on the selected cell.
    if let Some(req) = use_context::<crate::ui::views::meeting::DecisionRequest>() {
        Effect::new(move |seen: Option<u64>| {
            let n = req.0.get();
            if seen.is_some_and(|s| s != n) {
                start();
            }
            n
        });
    }
    let close = move |index: usize| {
        let Some(mut d) = workbook.with_untracked(|wb| wb.plan().decisions.get(index).cloned())
        else {
            return;
        };
        d.closed = Some(today().to_string());
        let result = workbook
            .try_update(|wb| wb.apply("Close decision", Edit::UpdateDecision(index, d)))
            .unwrap_or(Ok(Default::default()));
        message.set(result.err().map(|e| e.to_string()));
    };
    let list = move || {
        let now = today().to_string();
        workbook.with(|wb| {
            wb.plan()
                .decisions
                .iter()
                .enumerate()
                .filter(|(_, d)| d.is_open())
                .map(|(i, d)| {
                    let late = !d.due.is_empty() && d.due < now;
                    let concerns = [d.skus.join(", "), d.weeks.clone()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    view! {
                        <li class=if late { "decision late" } else { "decision" } data-testid="decision" data-id=d.id.clone()>
                            <div class="decision-text">{d.text.clone()}</div>
                            <div class="decision-meta">
                                <b>{d.owner.clone()}</b>{format!(" · due {}{}", d.due, if late { " (overdue)" } else { "" })}
                                {(!concerns.is_empty()).then(|| format!(" · {concerns}"))}
                                <button class="close" data-testid="decision-close" title="Done: close it (undo reopens it)"
                                    on:click=move |_| close(i)>"Close"</button>
                            </div>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let count =
        move || workbook.with(|wb| wb.plan().decisions.iter().filter(|d| d.is_open()).count());
    view! {
        <section class="decisions" data-testid="decisions">
            <h2>"Open decisions " <span class="count">{count}</span>
                <button class="new" data-testid="decision-new" on:click=move |_| start()>"+ Record"</button></h2>
            <Show when=move || open_form.get()>
                <div class="decision-form">
                    {field("Decision", "decision-text", text, "text")}
                    {field("Owner", "decision-owner", owner, "text")}
                    {field("Due", "decision-due", due, "date")}
                    {field("SKUs", "decision-skus", skus, "text")}
                    {field("Weeks", "decision-weeks", weeks, "text")}
                    <div class="message" data-testid="decision-message" role="status">{move || message.get()}</div>
                    <div class="actions">
                        <button data-testid="decision-cancel" on:click=move |_| open_form.set(false)>"Cancel"</button>
                        <button class="primary" data-testid="decision-save" on:click=save>"Record decision"</button>
                    </div>
                </div>
            </Show>
            <ol>{list}</ol>
        </section>
    }
}
