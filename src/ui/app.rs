//! The app shell: builds the workbook (the demo plan for now) and switches between the
//! weekly check-in and the monthly deep dive, which share it (and its undo history).

use super::browser::autosave::{publish_timing, read_checkins, restore, Autosave, Banner};
use super::browser::files::download;
use super::browser::today::{query, today};
use super::dialogs::import_dialog::ImportDialog;
use super::dialogs::me::{Me, MeButton};
use super::views::monthly::MonthlyView;
use super::views::weekly::WeeklyView;
use crate::bench::{HISTORY, HORIZON, SKUS_PER_FAMILY};
use crate::demo::demo_plan;
use crate::demo::generated_plan;
use crate::engine::collab::changes::{project, since_projected, Changes};
use crate::engine::collab::roll::roll_to;
use crate::engine::model::checkin::Snapshot;
use crate::engine::Workbook;
use crate::sheet::marks::CellMarks;
use crate::storage::Reading;
use crate::ui::context::{CheckIns, Marks, SinceCheckIn};
use leptos::prelude::*;
use std::sync::Arc;

/// The app shell. A little over 120 lines on purpose: its `view!` (top bar, tabs, banners,
/// the shown view) reads the signals set up above it; the opening plan, the changes since
/// the check-in and every panel are functions and components of their own.
#[component]
pub fn App() -> impl IntoView {
    let started = now_ms();
    // `?today=` / `?bench=` open a test copy under its own storage keys (`session.rs`),
    // before anything reads storage.
    let switches = super::browser::session::start();
    let day = today();
    // The plan saved in this browser, moved on to this week; the demo plan the first time
    // (or a generated one for the benchmarks, which then replaces the test copy).
    let bench = switches.bench.flatten();
    let restored = match bench {
        Some(_) => None,
        None => Some(restore()),
    };
    let pointer = restored
        .as_ref()
        .map_or_else(super::browser::persist::pointer, |r| r.pointer.clone());
    let banner = RwSignal::new(restored.as_ref().and_then(|r| r.banner.clone()));
    if let Some(r) = &restored {
        publish_timing("restore_ms", r.ms);
    }
    let was_restored = restored.as_ref().is_some_and(|r| r.reading.is_some());
    let (reading, text) = restored.map_or((None, None), |r| (r.reading, r.text));
    let mut wb = opening_workbook(bench, reading.as_ref(), day);
    let me = Me::load();
    // A newer app's save: this tab shows the demo read-only, so nothing typed here can
    // look kept (the banner says why).
    if matches!(banner.get_untracked(), Some(Banner::Newer { .. })) {
        wb.set_read_only();
    }
    let workbook = RwSignal::new(wb);
    let scenarios = super::panels::scenarios::Scenarios::load(workbook);
    me.sign(move || {
        let mut all = vec![workbook];
        scenarios
            .list
            .with(|l| all.extend(l.iter().map(|e| e.workbook)));
        all
    });
    provide_context(scenarios);
    provide_context(super::panels::reforecast::Running::new());
    let snapshots = RwSignal::new(Vec::new());
    // The check-ins are read after the grid is drawn.
    let loading = RwSignal::new(false);
    if let (Some(r), Some(t)) = (reading, text) {
        read_checkins(r, t, snapshots, banner, loading);
    }
    provide_context(CheckIns(snapshots));
    provide_changes(workbook, snapshots);
    let view = RwSignal::new(if query().contains("view=monthly") {
        View::Monthly
    } else {
        View::Weekly
    });
    let tab = move |v: View, testid: &'static str, label: &'static str| {
        view! {
            <button role="tab" class="tab" data-testid=testid aria-selected=move || (view.get() == v).to_string()
                on:click=move |_| view.set(v)>{label}</button>
        }
    };
    let week = move || {
        workbook.with(|wb| {
            wb.plan()
                .calendar
                .label(wb.plan().calendar.current() as isize)
        })
    };
    let importing = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let save = move |_| {
        let (text, name) = workbook.with_untracked(|wb| {
            snapshots.with_untracked(|snaps| {
                let mut plan = wb.plan_to_save();
                plan.meta.author = wb.user().unwrap_or("").to_string();
                let base = plan
                    .meta
                    .base
                    .as_ref()
                    .and_then(|id| snaps.iter().find(|s| &s.id == id));
                let cal = &plan.calendar;
                let name = format!("sop-plan-{}.csv", cal.label(cal.current() as isize));
                (crate::planfile::write_shared(&plan, base), name)
            })
        });
        status.set(Some(
            match download(&name, &text, "text/csv;charset=utf-8") {
                Ok(()) => format!("Saved the plan as {name}: share it for the monthly deep dive"),
                Err(e) => e,
            },
        ));
    };
    // Cold start for the benchmark: from the app starting (the wasm loaded) to the first
    // frame with the grid drawn.
    Effect::new(move |_| {
        request_animation_frame(move || {
            publish_timing("ready_ms", now_ms() - started);
            publish_timing("ready_at_ms", now_ms());
        })
    });
    view! {
        <header class="topbar">
            <div class="brand">"S&OP planning grid"</div>
            <div class="plan-name" data-testid="plan-name">"Fernhill — demo plan"</div>
            <super::browser::session::SessionBadge switches=switches />
            <nav class="tabs" role="tablist">
                {tab(View::Weekly, "tab-weekly", "Weekly check-in")}
                {tab(View::Monthly, "tab-monthly", "Monthly deep dive")}
            </nav>
            <div class="spacer"></div>
            <MeButton me=me />
            <button class="top-button" data-testid="import" on:click=move |_| importing.set(true)>"Import / open…"</button>
            <button class="top-button" data-testid="save-plan" on:click=save>"Save plan file"</button>
            <div class="week" data-testid="current-week">"Week " {week}</div>
        </header>
        <div class="status" data-testid="status" role="status">{move || status.get().map(|s| view! {
            <span>{s}</span><button class="dismiss" data-testid="status-dismiss" on:click=move |_| status.set(None)>"×"</button>
        })}</div>
        <Autosave workbook=workbook snapshots=snapshots banner=banner pointer=pointer restored=was_restored loading=loading />
        <ImportDialog workbook=workbook snapshots=snapshots open=importing status=status />
        <super::panels::scenarios::ScenarioBanner scenarios=scenarios />
        <main class="content">
            {move || {
                // The grid shows the plan, or the scenario being edited.
                let shown = scenarios.shown();
                match view.get() {
                    View::Weekly => view! { <WeeklyView workbook=shown /> }.into_any(),
                    View::Monthly => view! { <MonthlyView workbook=shown /> }.into_any(),
                }
            }}
        </main>
    }
}

/// How long after the last edit the changes since the check-in are worked out again.
const CHANGES_DELAY_MS: u64 = 150;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum View {
    Weekly,
    Monthly,
}

/// What changed since the last check-in (none before the first) and the cell marks drawn
/// from it and the notes, provided to the views. Worked out a moment after the last edit,
/// not inside it: it projects the check-in's plan again (tens of ms at 2,000 SKUs), which
/// would otherwise slow every keystroke.
fn provide_changes(workbook: RwSignal<Workbook>, snapshots: RwSignal<Vec<Snapshot>>) {
    // What changed since the last check-in (none before the first). Worked out a moment
    // after the last edit, not inside it: it projects the check-in's plan again (tens of ms
    // at 2,000 SKUs), which would otherwise slow every keystroke.
    let changes = RwSignal::new(None::<Arc<Changes>>);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // The latest check-in's projection, worked out once per check-in (a full recalculation,
    // tens of ms at 2,000 SKUs: it made every edit end in a long task).
    // Kept with the check-in's plan it was worked out from: a check-in is never edited, but a
    // merge or a reload may bring another copy under the same id.
    let projected = StoredValue::new(None::<(String, crate::engine::Plan, Arc<Option<Workbook>>)>);
    Effect::new(move |_| {
        workbook.with(|wb| wb.revision());
        let latest = snapshots.with(|s| s.last().map(|c| c.id.clone()));
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        if latest.is_none() {
            changes.set(None);
            return;
        }
        let work = move || {
            let c = snapshots.with_untracked(|s| {
                s.last().map(|snap| {
                    let kept = projected.with_value(|p| {
                        p.as_ref()
                            .filter(|(id, plan, _)| *id == snap.id && *plan == snap.plan)
                            .map(|(_, _, then)| then.clone())
                    });
                    let then = kept.unwrap_or_else(|| {
                        let then = Arc::new(project(&snap.plan));
                        let key = (snap.id.clone(), snap.plan.clone(), then.clone());
                        projected.set_value(Some(key));
                        then
                    });
                    workbook.with_untracked(|wb| {
                        Arc::new(since_projected(&snap.plan, then.as_ref().as_ref(), wb))
                    })
                })
            });
            changes.set(c);
        };
        pending.set_value(
            set_timeout_with_handle(work, std::time::Duration::from_millis(CHANGES_DELAY_MS)).ok(),
        );
    });
    provide_context(SinceCheckIn(changes));
    let marks = Memo::new(move |_| {
        let changed = changes.with(|c| c.as_ref().map(|c| c.cells.clone()).unwrap_or_default());
        workbook.with(|wb| CellMarks::new(&wb.plan().notes, changed))
    });
    provide_context(Marks(marks));
}

/// The workbook the app opens with: a generated plan for the benchmarks, else the plan saved
/// in this browser rolled on to this week, else the demo plan; a plan without an id gets one
/// here, which every copy of it keeps, so copies can be recognised and merged.
fn opening_workbook(
    bench: Option<usize>,
    reading: Option<&Reading>,
    day: chrono::NaiveDate,
) -> Workbook {
    let plan = match (bench, reading) {
        (Some(n), _) => generated_plan(day, n, n.div_ceil(SKUS_PER_FAMILY), HISTORY, HORIZON),
        (None, Some(r)) => roll_to(r.plan(), day),
        (None, None) => demo_plan(day),
    };
    let mut wb = Workbook::new(plan);
    if wb.plan().meta.id.is_empty() {
        let meta = crate::engine::PlanMeta {
            id: format!("plan-{}", super::browser::persist::new_token()),
            ..wb.plan().meta.clone()
        };
        wb.set_meta(meta);
    }
    wb
}
