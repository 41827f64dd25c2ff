//! The frozen label column of a grid row: SKU code and name (or family, with its collapse
//! toggle, or "All products") on a block's first row, and the measure on every row.

use crate::engine::Workbook;
use crate::sheet::rows::{GridRow, RowOwner};
use crate::ui::context::RowChoice;
use leptos::prelude::*;

/// The label column of a row: SKU code and name on its first row, the measure on every row;
/// families get a collapse toggle.
pub fn row_label(
    wb: &Workbook,
    row: &GridRow,
    collapsed: &std::collections::BTreeSet<String>,
) -> AnyView {
    let measure = row.measure.label();
    match &row.owner {
        RowOwner::Total => view! { <span class="who">{if row.first { "All products" } else { "" }}</span><span class="m">{measure}</span> }.into_any(),
        RowOwner::Family(f) => {
            let name = f.clone();
            let open = !collapsed.contains(f);
            view! {
                <span class="who">{row.first.then(|| view! {
                    <button class="toggle" data-testid=format!("toggle-family-{name}") aria-expanded=open.to_string()
                        on:click=move |_| toggle_family(&name)>{if open { "▾" } else { "▸" }}</button>
                    {f.clone()}
                })}</span>
                <span class="m">{measure}</span>
            }
            .into_any()
        }
        RowOwner::Sku(i) => {
            let p = &wb.plan().products[*i];
            view! {
                <span class="who" title=row.first.then(|| format!("{} {}", p.sku, p.name))>
                    {row.first.then(|| view! { <b>{p.sku.clone()}</b>" "<span class="nm">{p.name.clone()}</span> })}
                </span>
                <span class="m">{measure}</span>
            }
            .into_any()
        }
    }
}

/// Flips a family open or closed: the view's row spec lives in context.
fn toggle_family(name: &str) {
    if let Some(RowChoice(spec)) = use_context::<RowChoice>() {
        spec.update(|s| {
            if !s.collapsed.remove(name) {
                s.collapsed.insert(name.to_string());
            }
        });
    }
}
