//! Scenarios in the deep dive: copy the plan under a name (optionally with a quick change:
//! demand ±% on a SKU or family, or receipts some weeks late), edit it in the grid like the
//! plan (a banner says which one is open), compare side by side with the plan, promote one to
//! the plan (one undoable change), delete. Kept in this browser under their own storage key.

use super::form::{field, target_options};
use super::scenario_compare::ScenarioComparison;
use crate::engine::collab::roll::roll_to;
use crate::engine::collab::scenario::{promoted, QuickChange, Scenario};
use crate::engine::model::event::FAMILY;
use crate::engine::{Edit, Workbook};
use crate::sheet::number::parse_number;
use crate::storage::scenarios::SavedScenario;
use crate::ui::browser::locale::decimal_sep;
use crate::ui::browser::persist::SaveError;
use crate::ui::browser::scenario_store;
use crate::ui::browser::today::today;
use leptos::prelude::*;

/// Which scenario, given when it is made or read and never reused in this tab: the open
/// scenario and every button keep pointing at the same one whatever is deleted before it
/// (a list position would slide onto the next scenario).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ScenarioId(u64);

impl ScenarioId {
    fn next() -> ScenarioId {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(1);
        ScenarioId(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// One scenario in the app: its own workbook (own undo history).
#[derive(Clone, Copy)]
pub struct Entry {
    pub id: ScenarioId,
    pub name: StoredValue<String>,
    pub author: StoredValue<String>,
    pub made: StoredValue<String>,
    pub workbook: RwSignal<Workbook>,
}

/// The scenarios, the plan they are compared with, and which one the grid shows.
#[derive(Clone, Copy)]
pub struct Scenarios {
    pub plan: RwSignal<Workbook>,
    pub list: RwSignal<Vec<Entry>>,
    /// The scenario open in the grid (`None`: the plan).
    pub editing: RwSignal<Option<ScenarioId>>,
    pub message: RwSignal<Option<String>>,
    /// What is wrong with storing them (unreadable list kept aside, storage full…), said
    /// until it is over.
    pub problem: RwSignal<Option<String>>,
    /// Another tab saved the scenarios since this tab read them: nothing is saved until the
    /// planner picks theirs or mine.
    pub other_tab: RwSignal<bool>,
    /// The token of the list this tab last read or wrote (`scenario_store`).
    seen: StoredValue<Option<String>>,
    /// False when the stored list must never be written over.
    writable: StoredValue<bool>,
    /// The next change of the list is a reload, not an edit: nothing to save.
    quiet: StoredValue<bool>,
    /// The app's owner: a scenario's signals live as long as the app, not as long as the
    /// panel that made it (the deep dive is rebuilt when the grid switches workbook).
    owner: StoredValue<Owner>,
}

impl Scenarios {
    /// Reads the saved scenarios, each rolled to this week like the plan (else one saved
    /// last week would be compared over other weeks, and promoting it would move the plan's
    /// current week back); a list that cannot be read is moved aside and said so
    /// (`scenario_store`; the plan is not affected).
    pub fn load(plan: RwSignal<Workbook>) -> Scenarios {
        let loaded = scenario_store::load();
        let entries = rolled(loaded.list);
        if plan.with_untracked(Workbook::is_read_only) {
            // Read-only tab: the saved scenarios show, but take no edits either.
            for e in &entries {
                e.workbook.update(Workbook::set_read_only);
            }
        }
        let s = Scenarios {
            plan,
            list: RwSignal::new(entries),
            editing: RwSignal::new(None),
            message: RwSignal::new(None),
            problem: RwSignal::new(loaded.problem),
            other_tab: RwSignal::new(false),
            seen: StoredValue::new(loaded.seen),
            writable: StoredValue::new(loaded.writable),
            quiet: StoredValue::new(false),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
        };
        s.save_on_change();
        s.watch_other_tabs();
        s
    }

    /// Another tab's save shows at once (the storage event), not only at this tab's next save.
    fn watch_other_tabs(&self) {
        let (seen, other_tab) = (self.seen, self.other_tab);
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() == Some(scenario_store::KEY)
                && scenario_store::stored_token() != seen.get_value()
            {
                other_tab.set(true);
            }
        });
    }

    /// "Reload theirs": the list as the other tab saved it (this tab's entries are freed).
    pub fn reload(&self) {
        let loaded = scenario_store::load();
        let entries = self.owner.get_value().with(|| rolled(loaded.list));
        let old = self.list.get_untracked();
        set_timeout(
            move || old.into_iter().for_each(Entry::dispose),
            std::time::Duration::ZERO,
        );
        self.seen.set_value(loaded.seen);
        self.writable.set_value(loaded.writable);
        self.problem.set(loaded.problem);
        self.other_tab.set(false);
        self.editing.set(None);
        self.quiet.set_value(true);
        self.list.set(entries);
    }

    /// "Keep mine": this tab's list saved over the other tab's.
    pub fn keep_mine(&self) {
        self.other_tab.set(false);
        self.store(true);
    }

    /// Writes the list now (see `scenario_store::save`) and says what went wrong, if anything.
    fn store(&self, force: bool) {
        if !self.writable.get_value() || (self.other_tab.get_untracked() && !force) {
            return;
        }
        let saved: Vec<SavedScenario> = self.list.with_untracked(|l| {
            l.iter()
                .map(|e| SavedScenario {
                    name: e.name.get_value(),
                    author: e.author.get_value(),
                    made: e.made.get_value(),
                    plan: e.workbook.with_untracked(|wb| wb.plan().clone()),
                })
                .collect()
        });
        let seen = self.seen.get_value();
        match scenario_store::save(&saved, seen.as_deref(), force) {
            Ok(token) => {
                self.seen.set_value(Some(token));
                if self
                    .problem
                    .with_untracked(|p| p.as_deref().is_some_and(is_save_problem))
                {
                    self.problem.set(None);
                }
            }
            Err(SaveError::OtherTab) => self.other_tab.set(true),
            Err(SaveError::Quota) => self.problem.set(Some(format!(
                "{NOT_SAVED} the browser's storage for this site is full. They are kept in this \
                 tab; deleting a scenario makes room."
            ))),
            Err(e) => self.problem.set(Some(format!("{NOT_SAVED} {e}."))),
        }
    }

    /// The workbook the grid shows: the open scenario's, or the plan's.
    pub fn shown(&self) -> RwSignal<Workbook> {
        let id = self.editing.get();
        id.and_then(|id| self.entry(id))
            .map_or(self.plan, |e| e.workbook)
    }

    /// The scenario with this id, if it is still in the list (tracked).
    pub fn entry(&self, id: ScenarioId) -> Option<Entry> {
        self.list.with(|l| l.iter().find(|e| e.id == id).copied())
    }

    /// Takes a scenario out of the list and frees its workbook (a whole plan with its undo
    /// history). Freed a moment later, once the grid and the comparison, which may still
    /// read it in this turn, have moved on.
    fn remove(&self, id: ScenarioId) {
        if self.editing.get_untracked() == Some(id) {
            self.editing.set(None);
        }
        let mut gone = None;
        self.list.update(|l| {
            if let Some(i) = l.iter().position(|e| e.id == id) {
                gone = Some(l.remove(i));
            }
        });
        if let Some(e) = gone {
            set_timeout(move || e.dispose(), std::time::Duration::ZERO);
        }
    }

    /// Saves the list 400 ms after a scenario is added, removed or edited (encoding every
    /// scenario takes tens of milliseconds on a large plan: not inside each keystroke).
    fn save_on_change(&self) {
        let this = *self;
        let first = StoredValue::new(true);
        let pending = StoredValue::new(None::<TimeoutHandle>);
        Effect::new(move |_| {
            // Track every scenario's workbook, so an edit in one schedules a save.
            this.list
                .with(|l| l.iter().for_each(|e| e.workbook.track()));
            if std::mem::take(&mut *first.write_value())
                || std::mem::take(&mut *this.quiet.write_value())
            {
                return;
            }
            if let Some(h) = pending.get_value() {
                h.clear();
            }
            pending.set_value(
                set_timeout_with_handle(
                    move || this.store(false),
                    std::time::Duration::from_millis(400),
                )
                .ok(),
            );
        });
    }
}

/// How a message about a failed save starts (cleared by the next save that works).
const NOT_SAVED: &str = "Scenarios not saved in this browser:";

fn is_save_problem(p: &str) -> bool {
    p.starts_with(NOT_SAVED)
}

/// Saved scenarios rolled to this week, like the plan.
fn rolled(list: Vec<SavedScenario>) -> Vec<Entry> {
    let day = today();
    list.into_iter()
        .map(|s| {
            Entry::new(SavedScenario {
                plan: roll_to(&s.plan, day),
                ..s
            })
        })
        .collect()
}

impl Entry {
    fn new(s: SavedScenario) -> Entry {
        Entry::of(s.name, s.author, s.made, Workbook::new(s.plan))
    }

    fn of(name: String, author: String, made: String, workbook: Workbook) -> Entry {
        Entry {
            id: ScenarioId::next(),
            name: StoredValue::new(name),
            author: StoredValue::new(author),
            made: StoredValue::new(made),
            workbook: RwSignal::new(workbook),
        }
    }

    /// Frees its signals (the workbook is a whole plan): only once nothing reads them.
    fn dispose(self) {
        self.name.dispose();
        self.author.dispose();
        self.made.dispose();
        self.workbook.dispose();
    }
}

/// "Editing scenario X — changes stay in it. Back to the plan": shown while one is open.
#[component]
pub fn ScenarioBanner(scenarios: Scenarios) -> impl IntoView {
    move || {
        let id = scenarios.editing.get()?;
        let name = scenarios.entry(id)?.name.get_value();
        Some(view! {
            <div class="banner scenario-banner" data-testid="scenario-banner" role="status">
                <span>{format!("Editing scenario “{name}” — changes stay in the scenario, the plan is untouched.")}</span>
                <button data-testid="scenario-back" on:click=move |_| scenarios.editing.set(None)>"Back to the plan"</button>
            </div>
        })
    }
}

/// Long on purpose (mostly the form's and the list's `view!` markup): making, promoting
/// and deleting a scenario share the panel's signals; the comparison table is apart
/// (`scenario_compare.rs`) and the scenario rules are in `crate::engine::collab::scenario`.
#[component]
pub fn ScenariosPanel(scenarios: Scenarios) -> impl IntoView {
    let Scenarios {
        plan,
        list,
        editing,
        message,
        owner,
        ..
    } = scenarios;
    let open_form = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new("none".to_string());
    let target = RwSignal::new(String::new());
    let pct = RwSignal::new(String::new());
    let first = RwSignal::new(String::new());
    let last = RwSignal::new(String::new());
    let late = RwSignal::new("2".to_string());
    let start = move |_| {
        let (t, a, b) = plan.with_untracked(|wb| {
            let cal = &wb.plan().calendar;
            let t = wb
                .families()
                .keys()
                .next()
                .map(|f| format!("{FAMILY}{f}"))
                .unwrap_or_default();
            (
                t,
                cal.label(cal.current() as isize),
                cal.label(cal.len() as isize - 1),
            )
        });
        target.set(t);
        first.set(a);
        last.set(b);
        name.set(String::new());
        pct.set("20".into());
        message.set(None);
        open_form.set(true);
    };
    // A read-only tab (a newer app's save) takes no changes: scenarios neither.
    let refused = move || {
        let ro = plan.with_untracked(Workbook::is_read_only);
        if ro {
            message.set(Some(crate::engine::PlanError::ReadOnly.to_string()));
        }
        ro
    };
    let save = move |_| {
        if refused() {
            return;
        }
        let change = match kind.get_untracked().as_str() {
            "demand" => match parse_number(&pct.get_untracked(), decimal_sep()) {
                Ok(percent) => Some(QuickChange::Demand {
                    target: target.get_untracked(),
                    first: first.get_untracked().trim().to_uppercase(),
                    last: last.get_untracked().trim().to_uppercase(),
                    percent,
                }),
                Err(e) => return message.set(Some(format!("Change: {e}"))),
            },
            "late" => match late.get_untracked().trim().parse::<usize>() {
                Ok(weeks) => Some(QuickChange::ReceiptsLate {
                    target: target.get_untracked(),
                    weeks,
                }),
                Err(_) => {
                    return message.set(Some(format!(
                        "Weeks late: '{}' is not a whole number",
                        late.get_untracked()
                    )))
                }
            },
            _ => None,
        };
        let taken: Vec<String> =
            list.with_untracked(|l| l.iter().map(|e| e.name.get_value()).collect());
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        let who = plan.with_untracked(|wb| wb.user().unwrap_or("someone").to_string());
        let made = today().to_string();
        let result = plan.with_untracked(|wb| {
            let mut s = Scenario::copy_of(wb.plan(), &name.get_untracked(), &who, &made, &taken)?;
            s.workbook.set_user(wb.user().unwrap_or_default());
            let mut said = format!("Scenario “{}” made from the plan", s.name);
            if let Some(c) = change {
                let (edit, what) = c.edits(s.workbook.plan())?;
                s.workbook.apply(&what, edit).map_err(|e| e.to_string())?;
                said = format!("{said}: {what}");
            }
            Ok::<_, String>((s, said))
        });
        match result {
            Ok((s, said)) => {
                let e = owner
                    .get_value()
                    .with(|| Entry::of(s.name, s.author, s.made, s.workbook));
                list.update(|l| l.push(e));
                message.set(Some(said));
                open_form.set(false);
            }
            Err(e) => message.set(Some(e)),
        }
    };
    let promote = move |id: ScenarioId| {
        let Some(e) = list.with_untracked(|l| l.iter().find(|e| e.id == id).copied()) else {
            return;
        };
        let new = e
            .workbook
            .with_untracked(|s| plan.with_untracked(|p| promoted(s.plan(), p.plan())));
        let label = format!("Promote scenario {}", e.name.get_value());
        let r = plan.try_update(|wb| wb.apply(&label, Edit::ReplacePlan(Box::new(new))));
        editing.set(None);
        message.set(Some(match r {
            Some(Err(err)) => format!("Not promoted: {err}"),
            _ => format!(
                "“{}” is now the plan (Undo brings the plan back).",
                e.name.get_value()
            ),
        }));
    };
    let delete = move |id: ScenarioId| {
        if refused() {
            return;
        }
        scenarios.remove(id);
    };
    let targets = move || plan.with(|wb| target_options(wb, &target.get_untracked()));
    let items = move || {
        list.with(|l| {
            l.iter()
                .map(|e| {
                    let id = e.id;
                    let open = move || editing.get() == Some(id);
                    view! {
                        <li class="scenario" class:open=open data-testid="scenario" data-name=e.name.get_value()>
                            <div class="scenario-name">{e.name.get_value()}</div>
                            <div class="decision-meta">{format!("{} · {}", e.author.get_value(), e.made.get_value())}</div>
                            <div class="scenario-actions">
                                <button data-testid="scenario-edit" title="Open it in the grid; edits stay in the scenario"
                                    on:click=move |_| editing.set(Some(id))>"Edit"</button>
                                <button data-testid="scenario-promote" title="Make it the plan (undoable)"
                                    on:click=move |_| promote(id)>"Promote"</button>
                                <button data-testid="scenario-delete" on:click=move |_| delete(id)>"Delete"</button>
                            </div>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="decisions scenarios" data-testid="scenarios">
            <h2>"Scenarios " <span class="count">{move || list.with(|l| l.len())}</span>
                <button class="new" data-testid="scenario-new" on:click=start>"+ New"</button></h2>
            <Show when=move || open_form.get()>
                <div class="decision-form">
                    {field("Name", "scenario-name", name, "text")}
                    <label><span>"Change"</span>
                        <select data-testid="scenario-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                            <option value="none">"none (a copy of the plan)"</option>
                            <option value="demand">"demand ± %"</option>
                            <option value="late">"receipts weeks late"</option>
                        </select>
                    </label>
                    <Show when=move || kind.get() != "none">
                        <label><span>"On"</span>
                            <select data-testid="scenario-target" on:change=move |ev| target.set(event_target_value(&ev))>{targets}</select>
                        </label>
                    </Show>
                    <Show when=move || kind.get() == "demand">
                        {field("Change %", "scenario-pct", pct, "text")}
                        {field("From", "scenario-first", first, "text")}
                        {field("To", "scenario-last", last, "text")}
                    </Show>
                    <Show when=move || kind.get() == "late">
                        {field("Weeks late", "scenario-weeks", late, "text")}
                    </Show>
                    <div class="actions">
                        <button data-testid="scenario-cancel" on:click=move |_| open_form.set(false)>"Cancel"</button>
                        <button class="primary" data-testid="scenario-save" on:click=save>"Make scenario"</button>
                    </div>
                </div>
            </Show>
            <div class="message" data-testid="scenario-message" role="status">{move || message.get()}</div>
            <scenario_store::StorageNotice problem=scenarios.problem other_tab=scenarios.other_tab
                on_reload=Callback::new(move |()| scenarios.reload())
                on_keep=Callback::new(move |()| scenarios.keep_mine()) />
            <ol>{items}</ol>
            <ScenarioComparison plan list/>
        </section>
    }
}
