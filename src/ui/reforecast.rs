//! The "Re-forecast" button: fits every SKU's statistical baseline (a few milliseconds a
//! SKU, so a few SKUs per slice with a progress line and Cancel) and writes it into the
//! forecast of future weeks as one undoable change. Consensus overrides stay on top.

use super::tick::{next_tick, SLICE_MS};
use crate::engine::baseline::{complete, edits, methods_used, overrides_ahead, own};
use crate::engine::{Edit, Workbook};
use leptos::prelude::*;

#[component]
pub fn Reforecast(
    workbook: RwSignal<Workbook>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    // (SKUs fitted, SKUs in all) while running.
    let progress = RwSignal::new(None::<(usize, usize)>);
    let cancelled = StoredValue::new(false);
    let run = move |_| {
        if progress.get_untracked().is_some() {
            return;
        }
        cancelled.set_value(false);
        // The series are shared (Arc), so this copy is cheap; edits made meanwhile are
        // honoured because the edits are worked out against the plan as it is at the end.
        let plan = workbook.with_untracked(|wb| wb.plan().clone());
        let total = plan.products.len();
        progress.set(Some((0, total)));
        message.set(None);
        leptos::task::spawn_local(async move {
            let mut fitted = Vec::with_capacity(total);
            while fitted.len() < total {
                next_tick().await;
                if cancelled.get_value() {
                    progress.set(None);
                    message.set(Some("Re-forecast cancelled: the plan is unchanged.".into()));
                    return;
                }
                let start = js_sys::Date::now();
                while fitted.len() < total && js_sys::Date::now() - start < SLICE_MS {
                    fitted.push(own(&plan, fitted.len()));
                }
                progress.set(Some((fitted.len(), total)));
            }
            let text = workbook
                .try_update(|wb| {
                    let baselines = complete(wb.plan(), fitted);
                    let changes = edits(wb.plan(), &baselines);
                    let kept = overrides_ahead(wb.plan());
                    wb.apply("Re-forecast", Edit::Cells(changes))
                        .map(|t| summary(&baselines, t.cells, kept))
                        .unwrap_or_else(|e| format!("Re-forecast not applied: {e}"))
                })
                .unwrap_or_default();
            progress.set(None);
            message.set(Some(text));
        });
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
fn summary(baselines: &[crate::engine::baseline::Baseline], cells: usize, kept: usize) -> String {
    let methods = methods_used(baselines)
        .iter()
        .map(|(m, n)| format!("{} {n}", m.label()))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "Re-forecast {} SKUs: {} forecast cells changed (undo restores them); {} consensus \
         override{} stay on top. Methods: {methods}.",
        baselines.len(),
        super::format::units(crate::engine::Qty::units(cells as i64)),
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
                    .then(|| describe(&crate::engine::baseline::baseline(wb.plan(), sku)))
            });
            info.set(text);
        };
        pending
            .set_value(set_timeout_with_handle(work, std::time::Duration::from_millis(150)).ok());
    });
    view! {
        <div class="baseline-info" data-testid="baseline-info"
            title="The statistical baseline Re-forecast writes into this SKU's forecast">
            {move || info.get()}
        </div>
    }
}

/// "Baseline: exponential smoothing (ETS), backtest error 12.3 % (last 13 weeks held out)".
fn describe(b: &crate::engine::baseline::Baseline) -> String {
    use crate::engine::forecast_methods::Method;
    let error = match (b.method, b.backtest_error) {
        (Method::FamilyProfile | Method::Zero, _) => "no sales history of its own".to_string(),
        (_, Some(e)) => format!(
            "backtest error {:.1} % WMAPE (last {} weeks held out)",
            e * 100.0,
            crate::engine::forecast_methods::Settings::WEEKLY.holdout
        ),
        (_, None) => "not backtested (too little history)".to_string(),
    };
    format!("Baseline: {}, {error}", b.method.label())
}
