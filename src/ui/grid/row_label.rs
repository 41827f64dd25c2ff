//! The frozen label column of a grid row: SKU code and name (or family, with its collapse
//! toggle, or "All products") on a block's first row, and the measure on every row.
//! Worked out into a small value first, so a row's label repaints only when it changes.

use crate::engine::Workbook;
use crate::sheet::rows::{GridRow, RowOwner};
use crate::ui::context::RowChoice;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// What a row's label says.
#[derive(Clone, Debug, PartialEq)]
pub struct RowLabel {
    /// The measure's label ("Projected on hand").
    measure: &'static str,
    who: Who,
}

/// Who the row belongs to, as far as the label shows it.
#[derive(Clone, Debug, PartialEq)]
enum Who {
    /// A row that is not the first of its block: only the measure shows.
    Nobody,
    Total,
    /// A family's first row, open (its SKUs shown) or collapsed.
    Family {
        name: String,
        open: bool,
    },
    Sku {
        code: String,
        name: String,
    },
}

impl RowLabel {
    /// The label of `row`, given the families the user collapsed.
    pub fn of(wb: &Workbook, row: &GridRow, collapsed: &BTreeSet<String>) -> RowLabel {
        let who = match (&row.owner, row.first) {
            (_, false) => Who::Nobody,
            (RowOwner::Total, true) => Who::Total,
            (RowOwner::Family(f), true) => Who::Family {
                name: f.clone(),
                open: !collapsed.contains(f),
            },
            (RowOwner::Sku(i), true) => {
                let p = &wb.plan().products[*i];
                Who::Sku {
                    code: p.sku.clone(),
                    name: p.name.clone(),
                }
            }
        };
        RowLabel {
            measure: row.measure.label(),
            who,
        }
    }

    /// The label's elements.
    pub fn view(&self) -> AnyView {
        let measure = self.measure;
        match self.who.clone() {
            Who::Nobody => {
                view! { <span class="who"></span><span class="m">{measure}</span> }.into_any()
            }
            Who::Total => {
                view! { <span class="who">"All products"</span><span class="m">{measure}</span> }
                    .into_any()
            }
            Who::Family { name, open } => {
                let toggled = name.clone();
                view! {
                    <span class="who">
                        <button class="toggle" data-testid=format!("toggle-family-{name}") aria-expanded=open.to_string()
                            on:click=move |_| toggle_family(&toggled)>{if open { "▾" } else { "▸" }}</button>
                        {name}
                    </span>
                    <span class="m">{measure}</span>
                }
                .into_any()
            }
            Who::Sku { code, name } => {
                let title = format!("{code} {name}");
                view! {
                <span class="who" title=title>
                    <b>{code}</b>" "<span class="nm">{name}</span>
                </span>
                <span class="m">{measure}</span>
                }
                .into_any()
            }
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
