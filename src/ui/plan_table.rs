//! First read-only view of the plan: SKUs grouped by family, projected on hand and gap for
//! the current week and the twelve after it. Cells follow the grid contract: `data-sku`,
//! `data-period` (ISO week) and `data-measure`, inside a `role="grid"` table.

use super::format;
use crate::engine::{Qty, Workbook};
use leptos::prelude::*;

/// Weeks shown: the current week and the next twelve.
pub const WEEKS_SHOWN: usize = 13;

/// Class of a stock cell: below zero red, below safety stock amber.
fn stock_class(projected: Qty, safety: Qty) -> &'static str {
    if projected.is_negative() {
        "cell num stockout"
    } else if projected < safety {
        "cell num below-safety"
    } else {
        "cell num"
    }
}

#[component]
pub fn PlanTable(workbook: RwSignal<Workbook>) -> impl IntoView {
    let header = move || {
        workbook.with(|wb| {
            let cal = &wb.plan().calendar;
            let c = cal.current();
            (c..(c + WEEKS_SHOWN).min(cal.len()))
                .enumerate()
                .map(|(k, w)| {
                    let label = cal.label(w as isize);
                    let date = cal.monday(w as isize).format("%-d %b").to_string();
                    let week = label[5..].to_string();
                    let class = if k == 0 { "col-head current" } else { "col-head" };
                    view! {
                        <th role="columnheader" class=class data-period=label.clone() aria-colindex=k + 4>
                            <span class="wk">{week}</span>
                            <span class="date">{date}</span>
                        </th>
                    }
                })
                .collect_view()
        })
    };

    let body = move || {
        workbook.with(|wb| {
            let plan = wb.plan();
            let cal = &plan.calendar;
            let c = cal.current();
            let weeks: Vec<usize> = (c..(c + WEEKS_SHOWN).min(cal.len())).collect();
            let labels: Vec<String> = weeks.iter().map(|&w| cal.label(w as isize)).collect();
            let mut rows = Vec::new();
            let mut row_index = 2;
            for (family, agg) in wb.families() {
                let cells = weeks
                    .iter()
                    .zip(&labels)
                    .map(|(&w, label)| {
                        let class = stock_class(Qty(agg.projected[w]), Qty(agg.safety[w]));
                        view! {
                            <td role="gridcell" class=class data-family=family.clone() data-period=label.clone() data-measure="projected">
                                {format::units_raw(agg.projected[w])}
                            </td>
                        }
                    })
                    .collect_view();
                rows.push(
                    view! {
                        <tr role="row" class="family-row" aria-rowindex=row_index data-testid=format!("family-{family}")>
                            <th role="rowheader" class="sticky sku" colspan="2">{family.clone()}</th>
                            <td class="sticky measure">"Projected on hand"</td>
                            {cells}
                        </tr>
                    }
                    .into_any(),
                );
                row_index += 1;
                for (i, p) in plan.products.iter().enumerate().filter(|(_, p)| &p.family == family) {
                    let d = wb.derived(i);
                    for (measure, name) in [("projected", "Projected on hand"), ("gap", "Gap to safety")] {
                        let cells = weeks
                            .iter()
                            .zip(&labels)
                            .map(|(&w, label)| {
                                let (value, class) = match measure {
                                    "projected" => (d.projected[w], stock_class(d.projected[w], d.safety[w])),
                                    _ => (d.gap(w), if d.gap(w).is_negative() { "cell num gap-short" } else { "cell num" }),
                                };
                                let tip = format!(
                                    "{}: projected {} · safety {} · cover {} wk",
                                    label,
                                    format::units(d.projected[w]),
                                    format::units(d.safety[w]),
                                    format::cover(d.cover[w])
                                );
                                view! {
                                    <td role="gridcell" class=class title=tip data-sku=p.sku.clone() data-period=label.clone() data-measure=measure>
                                        {format::units(value)}
                                    </td>
                                }
                            })
                            .collect_view();
                        let first = measure == "projected";
                        rows.push(
                            view! {
                                <tr role="row" class=if first { "sku-row first" } else { "sku-row" } aria-rowindex=row_index>
                                    <th role="rowheader" class="sticky sku">{if first { p.sku.clone() } else { String::new() }}</th>
                                    <td class="sticky name">{if first { p.name.clone() } else { String::new() }}</td>
                                    <td class="sticky measure">{name}</td>
                                    {cells}
                                </tr>
                            }
                            .into_any(),
                        );
                        row_index += 1;
                    }
                }
            }
            rows
        })
    };

    view! {
        <div class="grid-wrap">
            <table role="grid" class="plan-grid" data-testid="plan-grid" aria-label="Projected on hand and gap by SKU and week">
                <thead>
                    <tr role="row" aria-rowindex=1>
                        <th role="columnheader" class="sticky sku">"SKU"</th>
                        <th role="columnheader" class="sticky name">"Name"</th>
                        <th role="columnheader" class="sticky measure">"Measure"</th>
                        {header}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
