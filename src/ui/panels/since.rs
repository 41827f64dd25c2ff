//! "Since the last check-in": the ranked list the weekly call walks through — new stockouts,
//! forecast revisions, receipts moved or changed, actuals that missed — each with who did it.

use crate::engine::collab::changes::{ChangeKind, Changes};
use crate::engine::model::checkin::Snapshot;
use leptos::prelude::*;
use std::sync::Arc;

/// Items listed before "show all".
pub const SHOWN: usize = 8;

fn kind_label(k: ChangeKind) -> (&'static str, &'static str) {
    match k {
        ChangeKind::NewStockout => ("New stockout", "ch stockout"),
        ChangeKind::ForecastRevision => ("Forecast", "ch forecast"),
        ChangeKind::ReceiptMoved => ("Receipt moved", "ch receipt"),
        ChangeKind::ReceiptChanged => ("Receipt", "ch receipt"),
        ChangeKind::ActualMissedForecast => ("Missed forecast", "ch missed"),
    }
}

#[component]
pub fn SinceCheckin(
    changes: RwSignal<Option<Arc<Changes>>>,
    snapshots: RwSignal<Vec<Snapshot>>,
) -> impl IntoView {
    let all = RwSignal::new(false);
    move || {
        let (taken, author) = snapshots.with(|s| {
            s.last()
                .map(|c| (c.taken.clone(), c.author.clone()))
                .unwrap_or_default()
        });
        changes.get().map(|ch| {
            let n = ch.items.len();
            let shown = if all.get() { n } else { n.min(SHOWN) };
            let items = ch.items[..shown]
                .iter()
                .map(|item| {
                    let (kind, class) = kind_label(item.kind);
                    view! {
                        <li class=class data-testid="change-item" data-sku=item.sku.clone()>
                            <span class="kind">{kind}</span>" "{item.text.clone()}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="since" data-testid="since">
                    <h2>"Since the check-in " <span class="count">{n}</span></h2>
                    <div class="since-of">{format!("of {taken}{}", if author.is_empty() { String::new() } else { format!(" by {author}") })}
                        {(n == 0).then_some(" — nothing changed yet")}</div>
                    <ol>{items}</ol>
                    {(n > shown).then(|| view! {
                        <button class="more" data-testid="since-more" on:click=move |_| all.set(true)>{format!("Show all {n}")}</button>
                    })}
                </section>
            }
        })
    }
}
