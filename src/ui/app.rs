//! The app shell: builds the workbook (the demo plan for now) and shows the weekly view.

use super::today::{bench_skus_from_query, query, today};
use super::weekly::WeeklyView;
use crate::bench::{HISTORY, HORIZON, SKUS_PER_FAMILY};
use crate::demo::demo_plan;
use crate::demo::generated_plan;
use crate::engine::Workbook;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let day = today();
    let plan = match bench_skus_from_query(&query()) {
        Some(n) => generated_plan(day, n, n.div_ceil(SKUS_PER_FAMILY), HISTORY, HORIZON),
        None => demo_plan(day),
    };
    let workbook = RwSignal::new(Workbook::new(plan));
    let week = move || {
        workbook.with(|wb| {
            wb.plan()
                .calendar
                .label(wb.plan().calendar.current() as isize)
        })
    };
    view! {
        <header class="topbar">
            <div class="brand">"S&OP planning grid"</div>
            <div class="plan-name" data-testid="plan-name">"Fernhill — demo plan"</div>
            <div class="spacer"></div>
            <div class="week" data-testid="current-week">"Week " {week}</div>
        </header>
        <main class="content">
            <WeeklyView workbook=workbook />
        </main>
    }
}
