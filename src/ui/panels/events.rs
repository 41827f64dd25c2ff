//! Promotions and launches ("demand events") in the deep dive: named, on a SKU or a family,
//! over weeks, +% of the forecast or units a week. Each shows as the "Promos & events"
//! row of the SKUs it lifts; switching one off keeps it for later. Add, switch and remove are
//! undoable edits; events travel in the plan file.

use super::form::{field, new_record, target_options};
use crate::engine::calc::kpi::Scope;
use crate::engine::model::event::{DemandEvent, Lift, FAMILY};
use crate::engine::{Edit, Qty, Workbook};
use crate::sheet::number::parse_number;
use crate::ui::browser::locale::{self, decimal_sep};
use leptos::prelude::*;

/// Long on purpose (mostly `view!` markup): the add form and the list share the panel's
/// signals; the event rules and their check are in `crate::engine::model::event`.
#[component]
pub fn EventsPanel(workbook: RwSignal<Workbook>, scope: Signal<Scope>) -> impl IntoView {
    let open_form = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let first = RwSignal::new(String::new());
    let last = RwSignal::new(String::new());
    let kind = RwSignal::new("percent".to_string());
    let amount = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let start = move |_| {
        let (t, week) = workbook.with_untracked(|wb| {
            let plan = wb.plan();
            let t = match scope.get_untracked() {
                Scope::Sku(i) => plan.products.get(i).map(|p| p.sku.clone()),
                Scope::Family(f) => Some(format!("{FAMILY}{f}")),
                Scope::Total => None,
            };
            let first_family = wb.families().keys().next().map(|f| format!("{FAMILY}{f}"));
            let week = plan.calendar.label(plan.calendar.current() as isize + 1);
            (t.or(first_family).unwrap_or_default(), week)
        });
        target.set(t);
        first.set(week.clone());
        last.set(week);
        name.set(String::new());
        amount.set(String::new());
        message.set(None);
        open_form.set(true);
    };
    let save = move |_| {
        let value = match parse_number(&amount.get_untracked(), decimal_sep()) {
            Ok(v) => v,
            Err(e) => {
                message.set(Some(format!("Lift: {e}")));
                return;
            }
        };
        let Some(q) = Qty::from_f64(value) else {
            message.set(Some(format!("Lift: {value} is out of range")));
            return;
        };
        let (id, author) = workbook.with_untracked(|wb| new_record(wb, "e"));
        let e = DemandEvent {
            id,
            name: name.get_untracked().trim().to_string(),
            target: target.get_untracked(),
            first: first.get_untracked().trim().to_uppercase(),
            last: last.get_untracked().trim().to_uppercase(),
            lift: if kind.get_untracked() == "units" {
                Lift::Units(q)
            } else {
                Lift::Percent(q)
            },
            active: true,
            author,
        };
        let result = workbook
            .try_update(|wb| wb.apply(&format!("Add event {}", e.name), Edit::AddEvent(e)))
            .unwrap_or(Ok(Default::default()));
        match result {
            Ok(_) => open_form.set(false),
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    let change = move |index: usize, edit: fn(usize, DemandEvent) -> (String, Edit)| {
        let Some(e) = workbook.with_untracked(|wb| wb.plan().events.get(index).cloned()) else {
            return;
        };
        let (label, edit) = edit(index, e);
        let result = workbook
            .try_update(|wb| wb.apply(&label, edit))
            .unwrap_or(Ok(Default::default()));
        message.set(result.err().map(|e| e.to_string()));
    };
    let switch = move |index: usize| {
        change(index, |i, e| {
            let label = format!("Switch {} {}", e.name, if e.active { "off" } else { "on" });
            let e = DemandEvent {
                active: !e.active,
                ..e
            };
            (label, Edit::UpdateEvent(i, e))
        })
    };
    let remove = move |index: usize| {
        change(index, |i, e| {
            (format!("Remove event {}", e.name), Edit::RemoveEvent(i))
        })
    };
    let list = move || {
        workbook.with(|wb| {
            wb.plan()
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let on = e.active;
                    let target = e.target.strip_prefix(FAMILY).map_or_else(
                        || e.target.clone(),
                        |f| format!("{f} (family)"),
                    );
                    let weeks = if e.first == e.last {
                        e.first.clone()
                    } else {
                        format!("{}–{}", e.first, e.last)
                    };
                    view! {
                        <li class=if on { "event" } else { "event off" } data-testid="event" data-id=e.id.clone()>
                            <label class="event-switch" title="Switch on or off (kept either way)">
                                <input type="checkbox" data-testid="event-toggle" prop:checked=on
                                    on:change=move |_| switch(i) />
                                <span class="event-name">{e.name.clone()}</span>
                            </label>
                            <div class="event-meta">
                                <b>{lift_text(&e.lift)}</b>{format!(" · {target} · {weeks}")}
                                {(!on).then_some(" · off")}
                                <button class="close" data-testid="event-remove" title="Remove (undo brings it back)"
                                    on:click=move |_| remove(i)>"Remove"</button>
                            </div>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let targets = move || workbook.with(|wb| target_options(wb, &target.get_untracked()));
    let count = move || workbook.with(|wb| wb.plan().events.len());
    view! {
        <section class="decisions events" data-testid="events">
            <h2>"Promotions & events " <span class="count">{count}</span>
                <button class="new" data-testid="event-new" on:click=start>"+ Add"</button></h2>
            <Show when=move || open_form.get()>
                <div class="decision-form">
                    {field("Name", "event-name", name, "text")}
                    <label><span>"On"</span>
                        <select data-testid="event-target" on:change=move |ev| target.set(event_target_value(&ev))>{targets}</select>
                    </label>
                    {field("From", "event-first", first, "text")}
                    {field("To", "event-last", last, "text")}
                    <label><span>"Lift"</span>
                        <span class="lift">
                            <input type="text" inputmode="decimal" data-testid="event-amount" prop:value=move || amount.get()
                                on:input=move |ev| amount.set(event_target_value(&ev)) />
                            <select data-testid="event-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                                <option value="percent" selected=move || kind.get() == "percent">"% of forecast"</option>
                                <option value="units" selected=move || kind.get() == "units">"units a week"</option>
                            </select>
                        </span>
                    </label>
                    <div class="message" data-testid="event-message" role="status">{move || message.get()}</div>
                    <div class="actions">
                        <button data-testid="event-cancel" on:click=move |_| open_form.set(false)>"Cancel"</button>
                        <button class="primary" data-testid="event-save" on:click=save>"Add event"</button>
                    </div>
                </div>
            </Show>
            <ol>{list}</ol>
            {move || (count() == 0 && !open_form.get()).then(|| view! {
                <p class="hint">"A promotion or launch lifts the forecast of a SKU or family for some weeks; it shows as its own row and can be switched off."</p>
            })}
        </section>
    }
}

/// "+20 %" / "+12,5 a week" / "−50 a week" in the user's locale (as `lift_label` says it).
fn lift_text(lift: &Lift) -> String {
    let loc = locale::current();
    let (q, unit) = match lift {
        Lift::Percent(p) => (*p, " %"),
        Lift::Units(u) => (*u, " a week"),
    };
    let sign = if q.0 < 0 { "−" } else { "+" };
    format!("{sign}{}{unit}", loc.exact(Qty(q.0.abs())))
}
