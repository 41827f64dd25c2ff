//! The "Re-forecast" button: fits every SKU's statistical baseline (a few milliseconds a
//! SKU, so a few SKUs per slice with a progress line and Cancel) and writes it into the
//! forecast of future weeks as one undoable change. Consensus overrides stay on top. The
//! run is the app's, not the button's (see [`Running`]); its results are written only into
//! the plan it fitted, unchanged (`engine/forecast/run.rs`).

use crate::engine::forecast::baseline::{methods_used, overrides_ahead};
use crate::engine::forecast::run::Run;
use crate::engine::{Edit, Workbook};
use crate::ui::browser::tick::{next_tick, SLICE_MS};
use leptos::prelude::*;

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

    /// Fits every SKU of `workbook`'s plan, a slice at a time, then writes the baselines
    /// into that plan if it is still the plan the run fitted, unchanged.
    fn run(self, workbook: RwSignal<Workbook>) {
        let Some(mut run) = workbook.try_with_untracked(Run::start) else {
            return;
        };
        self.cancelled.set_value(false);
        self.progress.set(Some((0, run.total())));
        self.said.set(None);
        leptos::task::spawn_local(async move {
            while run.done() < run.total() {
                next_tick().await;
                if self.cancelled.try_get_value().unwrap_or(true) {
                    return self.end("Re-forecast cancelled: the plan is unchanged.".into());
                }
                let start = js_sys::Date::now();
                while js_sys::Date::now() - start < SLICE_MS && run.step() {}
                if self
                    .progress
                    .try_set(Some((run.done(), run.total())))
                    .is_some()
                {
                    return; // The app is gone.
                }
            }
            let text = workbook
                .try_update(|wb| match run.finish(wb) {
                    Err(stale) => format!(
                        "Re-forecast not applied: {stale}. Nothing was written; run it again."
                    ),
                    Ok((baselines, changes)) => {
                        let kept = overrides_ahead(wb.plan());
                        wb.apply("Re-forecast", Edit::Cells(changes))
                            .map(|t| summary(&baselines, t.cells, kept))
                            .unwrap_or_else(|e| format!("Re-forecast not applied: {e}"))
                    }
                })
                .unwrap_or_else(|| "Re-forecast not applied: the plan was closed.".into());
            self.end(text);
        });
    }
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

/// The selected SKU's baseline method and backtest error, worked out a moment after the SKU
/// or its numbers change (a fit takes milliseconds; not inside a keystroke).
#[component]
pub fn BaselineInfo(workbook: RwSignal<Workbook>, sku: usize) -> impl IntoView {
    let info = RwSignal::new(None::<String>);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        // Its series are replaced (a new Arc) whenever one of its cells changes.
        workbook.with(|wb| wb.plan().series.get(sku).map(std::sync::Arc::as_ptr));
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let work = move || {
            let text = workbook.with_untracked(|wb| {
                (sku < wb.plan().products.len())
                    .then(|| describe(&crate::engine::forecast::baseline::baseline(wb.plan(), sku)))
            });
            info.set(text);
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
