//! The app shell: builds the workbook (the demo plan for now), a headline strip and the grid.

use super::format;
use super::plan_table::{PlanTable, WEEKS_SHOWN};
use super::today::today;
use crate::demo::demo_plan;
use crate::engine::kpi::Scope;
use crate::engine::qty::Amount;
use crate::engine::Workbook;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let workbook = RwSignal::new(Workbook::new(demo_plan(today())));

    let headline = move || {
        workbook.with(|wb| {
            let cal = &wb.plan().calendar;
            let c = cal.current();
            let horizon_end = c + WEEKS_SHOWN;
            let stockouts = wb
                .all_derived()
                .iter()
                .filter(|d| d.first_stockout.is_some_and(|w| w < horizon_end))
                .count();
            let stock_value = Amount(wb.total().inventory_value.get(c).copied().unwrap_or(0)).to_money().0;
            let last = wb.last_week_sales_vs_forecast(&Scope::Total);
            let vs = last
                .map(|l| match l.pct {
                    Some(p) => format!("{} vs {} ({:+.1}%)", format::units_raw(l.actual), format::units_raw(l.forecast), p * 100.0),
                    None => format::units_raw(l.actual),
                })
                .unwrap_or_else(|| "—".to_string());
            view! {
                <div class="kpi" data-testid="kpi-week"><span class="k">"Current week"</span><span class="v">{cal.label(c as isize)}</span></div>
                <div class="kpi" data-testid="kpi-sales-vs-forecast"><span class="k">"Last week sold vs forecast"</span><span class="v">{vs}</span></div>
                <div class="kpi" data-testid="kpi-stock-value"><span class="k">"Stock value (end of week)"</span><span class="v">{format::money(stock_value)}</span></div>
                <div class="kpi warn" data-testid="kpi-at-risk"><span class="k">"SKUs at risk within lead time"</span><span class="v">{wb.skus_at_risk(&Scope::Total)}</span></div>
                <div class="kpi bad" data-testid="kpi-stockouts"><span class="k">"Stockouts in 13 weeks"</span><span class="v">{stockouts}</span></div>
            }
        })
    };

    view! {
        <header class="topbar">
            <div class="brand">"S&OP planning grid"</div>
            <div class="plan-name" data-testid="plan-name">"Fernhill — demo plan"</div>
        </header>
        <section class="headline" data-testid="headline">{headline}</section>
        <main class="content">
            <PlanTable workbook=workbook />
            <p class="legend">
                <span class="swatch stockout"></span>"Below zero (stockout)"
                <span class="swatch below-safety"></span>"Below safety stock"
            </p>
        </main>
    }
}
