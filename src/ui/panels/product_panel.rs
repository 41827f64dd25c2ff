//! The SKU panel: the selected SKU's master data (on hand, safety stock, lead time, order
//! rules, cost and price), editable. Each change is one undoable product edit. Below them,
//! its sales by channel and stock by location.

use crate::engine::{Edit, Workbook};
use crate::sheet::attributes::Attribute;
use crate::ui::browser::locale;
use leptos::prelude::*;

#[component]
pub fn ProductPanel(workbook: RwSignal<Workbook>, sku: Signal<Option<usize>>) -> impl IntoView {
    let message = RwSignal::new(None::<String>);
    let loc = locale::current();
    let dec = loc.decimal;
    let commit = move |i: usize, a: Attribute, text: String| {
        let result = workbook.with_untracked(|wb| a.set(&wb.plan().products[i], &text, dec));
        let outcome = result.and_then(|p| {
            let label = format!("Set {} of {}", a.label().to_lowercase(), p.sku);
            workbook
                .try_update(|wb| wb.apply(&label, Edit::Product { sku: i, product: p }))
                .map_or(Ok(()), |r| r.map(|_| ()).map_err(|e| e.to_string()))
        });
        message.set(outcome.err());
    };
    move || {
        let i = sku.get()?;
        let fields = Attribute::ALL
            .iter()
            .map(|&a| {
                let value = move || workbook.with(|wb| wb.plan().products.get(i).map(|p| a.text(p, &loc)).unwrap_or_default());
                view! {
                    <label class="attr">
                        <span>{a.label()}</span>
                        <input data-testid=format!("attr-{}", a.key()) inputmode="decimal" prop:value=value
                            on:change=move |ev| commit(i, a, event_target_value(&ev)) />
                    </label>
                }
            })
            .collect_view();
        let title = workbook.with_untracked(|wb| {
            let p = &wb.plan().products[i];
            format!("{} · {}", p.sku, p.family)
        });
        Some(view! {
            <div class="product-panel" data-testid="product-panel">
                <h3>{title}</h3>
                <div class="attrs">{fields}</div>
                <super::reforecast::BaselineInfo workbook=workbook sku=i />
                <super::split_panel::SplitPanel workbook=workbook sku=i />
                <div class="message" data-testid="product-message" role="status">{move || message.get()}</div>
            </div>
        })
    }
}
