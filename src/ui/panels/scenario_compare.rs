//! The scenarios side by side with the plan: the four outcomes (stockouts, lost revenue,
//! stock value, PO spend) over the view's weeks, each with its difference from the plan,
//! coloured better or worse.

use super::scenarios::Entry;
use crate::engine::calc::outcome::Outcome;
use crate::engine::Workbook;
use crate::ui::browser::format::money;
use leptos::prelude::*;

/// One row of the comparison.
struct Line {
    /// In the testids: `compare-<key>-<column>`, `delta-<key>-<column>`.
    key: &'static str,
    label: &'static str,
    /// What the number is exactly (the row heading's tooltip).
    meaning: &'static str,
    /// Counts ×100, money in cents, so both take the same arithmetic (i128: a money total
    /// can pass an i64 of cents, see `engine::model::qty::Amount`).
    value: i128,
    count: bool,
}

/// The measures of the comparison, in the order of the table (`engine/calc/outcome.rs`). Each is
/// a cost — service lost or cash tied up or spent — so more is worse on every line.
fn measures(o: &Outcome) -> [Line; 5] {
    let line = |key, label, meaning, value, count| Line {
        key,
        label,
        meaning,
        value,
        count,
    };
    [
        line(
            "stockouts",
            "SKUs out of stock",
            "SKUs projected below zero in some week of the window",
            o.stockout_skus as i128 * 100,
            true,
        ),
        line(
            "stockout-weeks",
            "SKU-weeks short",
            "Weeks × SKUs in which some demand cannot be served",
            o.stockout_weeks as i128 * 100,
            true,
        ),
        line(
            "lost-revenue",
            "Lost revenue",
            "Demand the stock cannot serve × unit price, over the window",
            o.lost_revenue.to_money().0,
            false,
        ),
        line(
            "inventory-value",
            "Avg stock value",
            "Average over the window's weeks of positive projected stock × unit cost",
            o.inventory_value.to_money().0,
            false,
        ),
        line(
            "po-spend",
            "PO spend",
            "Receipts arriving in the window × unit cost",
            o.po_spend.to_money().0,
            false,
        ),
    ]
}

/// A value of the table: a count, or money in whole currency units.
fn shown(count: bool, v: i128) -> String {
    if count {
        (v / 100).to_string()
    } else {
        money(v)
    }
}

/// The comparison table; nothing when there is no scenario.
#[component]
pub fn ScenarioComparison(plan: RwSignal<Workbook>, list: RwSignal<Vec<Entry>>) -> impl IntoView {
    move || {
        let weeks = plan.with(|wb| wb.plan().calendar.horizon());
        let base = plan.with(|wb| wb.outcome(weeks));
        let rows: Vec<(String, Outcome)> = list.with(|l| {
            l.iter()
                .map(|e| (e.name.get_value(), e.workbook.with(|wb| wb.outcome(weeks))))
                .collect()
        });
        let head = rows
            .iter()
            .map(|(n, _)| view! { <th>{n.clone()}</th> })
            .collect_view();
        let body = measures(&base)
            .into_iter()
            .enumerate()
            .map(|(m, Line { key, label, meaning, value: v, count })| {
                let cells = rows
                    .iter()
                    .enumerate()
                    .map(|(k, (_, o))| {
                        let s = measures(o)[m].value;
                        let d = s - v;
                        let class = match d.signum() {
                            0 => "delta",
                            1 => "delta worse",
                            _ => "delta better",
                        };
                        let sign = if d > 0 { "+" } else { "" };
                        view! {
                            <td class="num"><span data-testid=format!("compare-{key}-{k}")>{shown(count, s)}</span>
                                <div class=class data-testid=format!("delta-{key}-{k}")>{format!("{sign}{}", shown(count, d))}</div>
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr><th scope="row" title=meaning>{label}</th><td class="num" data-testid=format!("compare-{key}-plan")>{shown(count, v)}</td>{cells}</tr>
                }
            })
            .collect_view();
        (!rows.is_empty()).then(|| {
            view! {
                <div class="compare-wrap">
                    <table class="compare" data-testid="compare-table">
                        <caption>{format!("Next {weeks} weeks against the plan; stock and POs at cost")}</caption>
                        <thead><tr><th></th><th>"Plan"</th>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            }
        })
    }
}
