//! The "Re-forecast" button: fits every SKU's statistical baseline in the forecasting
//! workers (`ui/browser/workers.rs`: a few milliseconds a SKU, a batch of SKUs per message,
//! each worker kept busy with two) with a progress line and Cancel, then writes it into the
//! forecast of future weeks as one undoable change. Consensus overrides stay on top. The run
//! is the app's, not the button's (see [`Running`]); its results are written only into the
//! plan it fitted, unchanged (`engine/forecast/run.rs`).

use crate::engine::forecast::baseline::{methods_used, needed_for, one_of, overrides_ahead};
use crate::engine::forecast::run::{Run, Stale};
use crate::engine::{Edit, PlanError, Workbook};
use crate::ui::browser::tick::next_tick;
use crate::ui::browser::workers;
use crate::worker::protocol::Request;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// SKUs per message to a worker: enough that messages are few (about 20 × 4 ms of fitting
/// each), few enough that Cancel and the progress line answer within a fraction of a second.
const BATCH: usize = 20;

/// The run in progress, kept by the app rather than by the button: switching between the
/// weekly and monthly views, or opening a scenario, unmounts the button, and a run must
/// neither touch its disposed signals nor be lost with it.
#[derive(Clone, Copy)]
pub struct Running {
    /// (SKUs fitted, SKUs in all) while running.
    progress: RwSignal<Option<(usize, usize)>>,
    cancelled: StoredValue<bool>,
    /// What the run ended with, for the view that shows it (the one that started it may be
    /// gone).
    said: RwSignal<Option<String>>,
}

impl Running {
    /// Made once by the app, under its owner, so it lives as long as the app.
    pub fn new() -> Running {
        Running {
            progress: RwSignal::new(None),
            cancelled: StoredValue::new(false),
            said: RwSignal::new(None),
        }
    }

    fn end(&self, text: String) {
        let _ = self.progress.try_set(None);
        let _ = self.said.try_set(Some(text));
    }

    /// Fits every SKU of `workbook`'s plan in the workers, then writes the baselines into
    /// that plan if it is still the plan the run fitted, unchanged.
    fn run(self, workbook: RwSignal<Workbook>) {
        let Some(run) = workbook.try_with_untracked(Run::start) else {
            return;
        };
        self.cancelled.set_value(false);
        self.progress.set(Some((0, run.total())));
        self.said.set(None);
        let run = Rc::new(RefCell::new(run));
        let failed: Rc<RefCell<Option<String>>> = Rc::default();
        // Two requests in flight per worker, so none waits while the page reads an answer.
        let lanes = 2 * workers::size();
        let left = Rc::new(Cell::new(lanes));
        for _ in 0..lanes {
            let (run, failed, left) = (run.clone(), failed.clone(), left.clone());
            leptos::task::spawn_local(async move {
                if !self.lane(&run, &failed).await {
                    return; // The app is gone.
                }
                left.set(left.get() - 1);
                if left.get() == 0 {
                    if let Ok(run) = Rc::try_unwrap(run).map(RefCell::into_inner) {
                        self.conclude(workbook, run, failed.take());
                    }
                }
            });
        }
    }

    /// Hands batches to the workers until all are out, the run is cancelled or a worker
    /// failed; false when the app is gone.
    async fn lane(&self, run: &RefCell<Run>, failed: &RefCell<Option<String>>) -> bool {
        loop {
            if self.cancelled.try_get_value().unwrap_or(true) || failed.borrow().is_some() {
                return true;
            }
            let Some(batch) = run.borrow_mut().next_batch(BATCH) else {
                return true;
            };
            let (first, count) = (batch.first, batch.histories.len());
            let answer = workers::ask(|id| Request::Fit {
                id,
                weeks: batch.weeks,
                histories: batch.histories,
            })
            .await
            .and_then(|r| r.into_baselines(count));
            let mut run = run.borrow_mut();
            let put = answer.and_then(|b| {
                run.put(first, b)
                    .then_some(())
                    .ok_or_else(|| "a worker answered for the wrong SKUs".to_string())
            });
            if let Err(why) = put {
                *failed.borrow_mut() = Some(why);
            }
            if self
                .progress
                .try_set(Some((run.done(), run.total())))
                .is_some()
            {
                return false;
            }
        }
    }

    /// Writes the run into the plan, or says why not. On a large plan each step is a task
    /// of its own, so none blocks the page for long: the edits are worked out, then checked
    /// (`Workbook::check`), then made (`Workbook::commit`); a change to the plan in between
    /// stops it.
    fn conclude(self, workbook: RwSignal<Workbook>, run: Run, failed: Option<String>) {
        if self.cancelled.try_get_value().unwrap_or(true) {
            return self.end("Re-forecast cancelled: the plan is unchanged.".into());
        }
        if let Some(why) = failed {
            return self.end(not_applied(&why));
        }
        leptos::task::spawn_local(async move {
            let text = apply_in_steps(workbook, run)
                .await
                .unwrap_or_else(|| "Re-forecast not applied: the plan was closed.".into());
            self.end(text);
        });
    }
}

/// "Re-forecast not applied: {why}. Nothing was written; run it again."
fn not_applied(why: &dyn std::fmt::Display) -> String {
    format!("Re-forecast not applied: {why}. Nothing was written; run it again.")
}

/// Works out, checks and makes the re-forecast's change, a task each; what happened, or
/// `None` when the plan was closed.
async fn apply_in_steps(workbook: RwSignal<Workbook>, run: Run) -> Option<String> {
    let (revision, written) = workbook.try_with_untracked(|wb| (wb.revision(), run.write(wb)))?;
    let (baselines, changes) = match written {
        Ok(written) => written,
        Err(stale) => return Some(not_applied(&stale)),
    };
    next_tick().await;
    let checked = workbook.try_with_untracked(|wb| {
        if wb.revision() != revision {
            return Err(not_applied(&Stale::Changed));
        }
        let kept = overrides_ahead(wb.plan());
        wb.check("Re-forecast", Edit::Cells(changes))
            .map(|checked| (kept, checked))
            .map_err(|e| format!("Re-forecast not applied: {e}"))
    })?;
    let (kept, checked) = match checked {
        Ok(checked) => checked,
        Err(text) => return Some(text),
    };
    next_tick().await;
    workbook.try_update(|wb| match wb.commit(checked) {
        Ok(t) => summary(&baselines, t.cells, kept),
        // The plan changed between the tasks: the change was for the plan before.
        Err(PlanError::ChangedSinceChecked) => not_applied(&Stale::Changed),
        Err(e) => format!("Re-forecast not applied: {e}"),
    })
}

impl Default for Running {
    fn default() -> Self {
        Running::new()
    }
}

#[component]
pub fn Reforecast(
    workbook: RwSignal<Workbook>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    // The app's run (a button mounted on its own, in a test, keeps one of its own).
    let running = use_context::<Running>().unwrap_or_default();
    let Running {
        progress,
        cancelled,
        said,
    } = running;
    // What a run ended with shows in whichever view is open when it ends.
    Effect::new(move |_| {
        if let Some(text) = said.get() {
            message.set(Some(text));
            said.set(None);
        }
    });
    let run = move |_| {
        if progress.get_untracked().is_none() {
            message.set(None);
            running.run(workbook);
        }
    };
    view! {
        <button data-testid="reforecast" disabled=move || progress.get().is_some()
            title="Replace the forecast of future weeks by the statistical baseline (consensus overrides stay)"
            on:click=run>"Re-forecast"</button>
        {move || progress.get().map(|(done, total)| view! {
            <span class="progress-line" data-testid="reforecast-progress" role="status">
                {format!("Fitting {done} of {total} SKUs…")}
            </span>
            <button data-testid="reforecast-cancel" on:click=move |_| cancelled.set_value(true)>"Cancel"</button>
        })}
    }
}

/// "Re-forecast 40 SKUs: 1,234 forecast cells changed; 3 consensus overrides stay on top.
/// Methods: ETS 31, seasonal naive 6, …" — what happened, in one line.
fn summary(
    baselines: &[crate::engine::forecast::baseline::Baseline],
    cells: usize,
    kept: usize,
) -> String {
    let methods = methods_used(baselines)
        .iter()
        .map(|(m, n)| format!("{} {n}", m.label()))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "Re-forecast {} SKUs: {} forecast cells changed (undo restores them); {} consensus \
         override{} stay on top. Methods: {methods}.",
        baselines.len(),
        crate::ui::browser::format::units(crate::engine::Qty::units(cells as i64)),
        kept,
        if kept == 1 { "" } else { "s" },
    )
}

/// The selected SKU's baseline method and backtest error, fitted by a worker a moment after
/// the SKU or its numbers change (not inside a keystroke).
#[component]
pub fn BaselineInfo(workbook: RwSignal<Workbook>, sku: usize) -> impl IntoView {
    let info = RwSignal::new(None::<String>);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // Which fit is the latest: an older answer arriving late is dropped.
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        // Its series are replaced (a new Arc) whenever one of its cells changes.
        workbook.with(|wb| wb.plan().series.get(sku).map(std::sync::Arc::as_ptr));
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let work = move || {
            let Some(ask) = workbook
                .try_with_untracked(|wb| {
                    let plan = wb.plan();
                    (sku < plan.products.len()).then(|| {
                        let needs = needed_for(plan, sku);
                        let histories = needs
                            .iter()
                            .map(|&j| crate::engine::forecast::baseline::history(plan, j))
                            .collect::<Vec<_>>();
                        (needs, histories, plan.calendar.horizon())
                    })
                })
                .flatten()
            else {
                return;
            };
            let (needs, histories, weeks) = ask;
            let count = histories.len();
            // The panel may be gone by now (its values disposed before its cleanup ran).
            let Some(this) = asked.try_get_value().map(|n| n + 1) else {
                return;
            };
            asked.try_set_value(this);
            leptos::task::spawn_local(async move {
                let answer = workers::ask(|id| Request::Fit {
                    id,
                    weeks,
                    histories,
                })
                .await
                .and_then(|r| r.into_baselines(count));
                if asked.try_get_value() != Some(this) {
                    return;
                }
                let text = match answer {
                    Ok(fitted) => workbook
                        .try_with_untracked(|wb| {
                            (sku < wb.plan().products.len())
                                .then(|| describe(&one_of(wb.plan(), sku, &needs, fitted)))
                        })
                        .flatten(),
                    Err(why) => Some(format!("Baseline not available: {why}")),
                };
                let _ = info.try_set(text);
            });
        };
        pending
            .set_value(set_timeout_with_handle(work, std::time::Duration::from_millis(150)).ok());
    });
    // A panel closed before the fit runs must not leave it to run.
    on_cleanup(move || {
        if let Some(h) = pending.try_get_value().flatten() {
            h.clear();
        }
    });
    view! {
        <div class="baseline-info" data-testid="baseline-info"
            title="The statistical baseline Re-forecast writes into this SKU's forecast">
            {move || info.get()}
        </div>
    }
}

/// "Baseline: exponential smoothing (ETS), backtest error 12.3 % (last 13 weeks held out)".
fn describe(b: &crate::engine::forecast::baseline::Baseline) -> String {
    use crate::engine::forecast::methods::Method;
    let error = match (b.method, b.backtest_error) {
        (Method::FamilyProfile | Method::Zero, _) => "no sales history of its own".to_string(),
        (_, Some(e)) => format!(
            "backtest error {} % WMAPE (last {} weeks held out)",
            crate::ui::browser::format::fixed(e * 100.0, 1),
            crate::engine::forecast::methods::Settings::WEEKLY.holdout
        ),
        (_, None) => "not backtested (too little history)".to_string(),
    };
    format!("Baseline: {}, {error}", b.method.label())
}
