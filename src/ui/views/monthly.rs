//! The monthly deep dive: months over 12–18 months ahead (and the 3 before), families first
//! with drill-down to SKUs, units and money, capacity against load, KPIs and a chart for the
//! selected row, and a print layout that makes a one-page summary.

use super::toolbar::{ExportView, FilterBox, HorizonSelect, UndoRedo};
use super::weekly::{exception_text, headline};
use crate::engine::calc::kpi::Scope;
use crate::engine::edit::split::SPLIT_RULE;
use crate::engine::forecast::lag;
use crate::engine::model::checkin::Snapshot;
use crate::engine::{CellValue, Measure, Product, Workbook};
use crate::sheet::periods::{month_columns, Period};
use crate::sheet::rows::{build_rows, RowSpec};
use crate::sheet::selection::Selection;
use crate::ui::browser::format;
use crate::ui::context::{CheckIns, RowChoice};
use crate::ui::grid::Grid;
use crate::ui::panels::chart::Chart;
use crate::ui::panels::product_panel::ProductPanel;
use leptos::prelude::*;

/// Whole months shown before the current one (actuals against forecast).
pub const PAST_MONTHS: usize = 3;
/// Month columns hold money in thousands: wider than week columns.
pub const MONTH_COL_W: f64 = 92.0;
/// Weeks in the KPI windows "last 3 months" and "last 6 months".
pub const KPI_WEEKS: [(usize, &str); 2] = [(13, "3 months"), (26, "6 months")];

/// Families, and the total, in the deep dive.
pub const GROUP_MEASURES: [Measure; 13] = [
    Measure::Actual,
    Measure::Forecast,
    Measure::Events,
    Measure::Demand,
    Measure::Receipts,
    Measure::Capacity,
    Measure::Projected,
    Measure::Cover,
    Measure::Revenue,
    Measure::Cogs,
    Measure::Margin,
    Measure::InventoryValue,
    Measure::PoSpend,
];

/// A SKU drilled into.
pub const SKU_MEASURES: [Measure; 10] = [
    Measure::Actual,
    Measure::Forecast,
    Measure::Events,
    Measure::Consensus,
    Measure::Receipts,
    Measure::Projected,
    Measure::SafetyStock,
    Measure::Cover,
    Measure::Revenue,
    Measure::InventoryValue,
];

/// Families collapsed: the deep dive opens on the family table.
pub fn monthly_spec(wb: &Workbook) -> RowSpec {
    RowSpec {
        sku_measures: SKU_MEASURES.to_vec(),
        group_measures: GROUP_MEASURES.to_vec(),
        collapsed: wb.families().keys().cloned().collect(),
        ..RowSpec::default()
    }
}

#[component]
pub fn MonthlyView(workbook: RwSignal<Workbook>) -> impl IntoView {
    let months = RwSignal::new(12usize);
    let spec = RwSignal::new(workbook.with_untracked(monthly_spec));
    provide_context(RowChoice(spec));
    let selection = RwSignal::new(Selection::default());
    let message = RwSignal::new(None::<String>);

    // Rebuilt when the plan's layout (products, events, notes) or the view's choice changes,
    // not on every edit of a number.
    let layout = Memo::new(move |_| workbook.with(Workbook::layout));
    let rows = Memo::new(move |_| {
        // Read, not only tracked: a memo works itself out when read, and one never read
        // never learns that the workbook changed.
        let _layout = layout.get();
        spec.with(|s| workbook.with_untracked(|wb| build_rows(wb, s, &[])))
    });
    // The columns depend on the calendar alone, not on every edit.
    let calendar = crate::ui::grid::calendar(workbook);
    let periods = Memo::new(move |_| {
        let n = months.get();
        calendar.with(|cal| month_columns(cal, PAST_MONTHS, n))
    });
    let ahead = Memo::new(move |_| {
        let c = workbook.with(|wb| wb.plan().calendar.current());
        periods.with(|p| {
            p.iter()
                .filter(|p| p.weeks.end > c)
                .cloned()
                .collect::<Vec<Period>>()
        })
    });
    // The chart and KPIs follow the row of the active cell.
    let snapshots = use_context::<CheckIns>().map_or_else(|| RwSignal::new(Vec::new()), |c| c.0);
    let scope = Memo::new(move |_| {
        let r = selection.with(|s| s.cursor.row);
        rows.with(|rs| rs.get(r).map_or(Scope::Total, |row| row.owner.clone()))
    });
    let expand = move |open: bool| {
        let all: Vec<String> =
            workbook.with_untracked(|wb| wb.families().keys().cloned().collect());
        spec.update(|s| {
            s.collapsed = if open {
                Default::default()
            } else {
                all.into_iter().collect()
            }
        });
    };

    view! {
        <section class="headline deep-kpis" data-testid="deep-dive-kpis">
            {move || { let sc = scope.get(); snapshots.with(|snaps| workbook.with(|wb| kpis(wb, &sc, snaps))) }}
        </section>
        <section class="print-summary" data-testid="print-summary">
            {move || workbook.with(|wb| ahead.with(|a| summary(wb, a)))}
        </section>
        <div class="monthly">
            <div class="grid-panel">
                <div class="toolbar">
                    <FilterBox spec=spec />
                    <button data-testid="expand-all" on:click=move |_| expand(true)>"Expand all"</button>
                    <button data-testid="collapse-all" on:click=move |_| expand(false)>"Families only"</button>
                    <HorizonSelect label="Months ahead" testid="months" choices=&[12, 15, 18] value=months />
                    <span class="spacer"></span>
                    <button data-testid="print" title="A one-page summary for the meeting"
                        on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print summary"</button>
                    <ExportView workbook=workbook rows=rows periods=periods view_name="monthly" message=message />
                    <crate::ui::panels::reforecast::Reforecast workbook=workbook message=message />
                    <UndoRedo workbook=workbook />
                </div>
                <div class="rule" data-testid="split-rule">"Typing a month or family total: " {SPLIT_RULE}</div>
                {move || periods.with(Vec::is_empty).then(|| view! {
                    <div class="message" data-testid="no-months" role="status">
                        "This plan holds no whole month from the current week on, so there is nothing to show by month: months cut by the plan's first or last week are left out. The weekly view shows every week."
                    </div>
                })}
                <div class="message" data-testid="grid-message" role="status">{move || message.get()}</div>
                <Grid workbook=workbook rows=rows periods=periods col_w=MONTH_COL_W spec=spec selection=selection message=message />
            </div>
            <aside class="side" data-testid="chart-panel">
                <h2>{move || workbook.with(|wb| scope_name(wb, &scope.get()))}</h2>
                <Chart workbook=workbook scope=scope periods=ahead />
                {use_context::<crate::ui::panels::scenarios::Scenarios>().map(|s| view! { <crate::ui::panels::scenarios::ScenariosPanel scenarios=s /> })}
                <crate::ui::panels::events::EventsPanel workbook=workbook scope=Signal::derive(move || scope.get()) />
                <ProductPanel workbook=workbook sku=Signal::derive(move || match scope.get() { Scope::Sku(i) => Some(i), _ => None }) />
            </aside>
        </div>
    }
}

/// "All products", a family name, or "CND-101 Sea Salt Candle".
fn scope_name(wb: &Workbook, scope: &Scope) -> String {
    match scope {
        Scope::Total => "All products".to_string(),
        Scope::Family(f) => f.clone(),
        Scope::Sku(i) => {
            let p = &wb.plan().products[*i];
            format!("{} {}", p.sku, p.name)
        }
    }
}

fn pct(v: Option<f64>) -> String {
    v.map_or("—".to_string(), format::percent)
}

fn signed_pct(v: Option<f64>) -> String {
    v.map_or("—".to_string(), format::signed_percent)
}

/// Lags scored from check-ins: next week's plan, and the plan purchasing ordered on.
const LAGS: [usize; 2] = [1, 4];

/// Forecast accuracy over the last 3 and 6 months, inventory turns and weeks of cover.
fn kpis(wb: &Workbook, scope: &Scope, snapshots: &[Snapshot]) -> impl IntoView {
    let c = wb.plan().calendar.current();
    let accuracy = KPI_WEEKS
        .iter()
        .map(|&(weeks, name)| {
            let a = wb.accuracy_last(scope, weeks);
            let tag = name.split(' ').next().unwrap_or_default().to_string();
            view! {
                <div class="kpi" data-testid=format!("kpi-wmape-{tag}")><span class="k">{format!("Forecast error, last {name}")}</span>
                    <span class="v">{pct(a.wmape)}</span>
                    <span class="s" data-testid=format!("kpi-bias-{tag}")>{format!("WMAPE · bias {}", signed_pct(a.bias))}</span></div>
            }
        })
        .collect_view();
    // By lag, from the check-ins: what the call planned 1 and 4 weeks ahead against what sold.
    let plan = wb.plan();
    let in_scope = |p: &Product| match scope {
        Scope::Total => true,
        Scope::Family(f) => &p.family == f,
        Scope::Sku(i) => plan.products.get(*i).is_some_and(|s| s.sku == p.sku),
    };
    let by_lag = LAGS
        .iter()
        .map(|&lag| {
            let a = lag::accuracy(snapshots, plan, lag, in_scope);
            let (v, sub) = match &a {
                Some(a) => (
                    pct(Some(a.wmape)),
                    format!(
                        "bias {} · {} check-in week(s)",
                        signed_pct(Some(a.bias)),
                        a.weeks_scored
                    ),
                ),
                None => (
                    "—".to_string(),
                    format!("needs a check-in {lag} week(s) back"),
                ),
            };
            view! {
                <div class="kpi" data-testid=format!("kpi-lag-{lag}")><span class="k">{format!("Forecast error at lag {lag}")}</span>
                    <span class="v">{v}</span><span class="s" data-testid=format!("kpi-lag-{lag}-detail")>{sub}</span></div>
            }
        })
        .collect_view();
    let turns = wb
        .inventory_turns(scope)
        .map_or("—".to_string(), |t| format!("{}×", format::fixed(t, 1)));
    let cover = match wb.value(scope, Measure::Cover, c) {
        CellValue::Weeks(w) => format::cover(w),
        _ => "—".to_string(),
    };
    view! {
        <div class="kpi scope"><span class="k">"Showing"</span><span class="v" data-testid="kpi-scope">{scope_name(wb, scope)}</span>
            <span class="s">"select a row to change it"</span></div>
        {accuracy}
        {by_lag}
        <div class="kpi" data-testid="kpi-turns"><span class="k">"Inventory turns"</span><span class="v">{turns}</span><span class="s">"next 52 weeks, at cost"</span></div>
        <div class="kpi" data-testid="kpi-cover"><span class="k">"Weeks of cover now"</span><span class="v">{cover}</span></div>
    }
}

/// The printed page: headline figures, top exceptions, the family table.
fn summary(wb: &Workbook, ahead: &[Period]) -> impl IntoView {
    let cal = &wb.plan().calendar;
    let exceptions = wb.exceptions(13);
    let top = exceptions
        .iter()
        .take(6)
        .map(|e| {
            let p = &wb.plan().products[e.sku];
            let (kind, _, what, order) = exception_text(wb, e);
            view! { <li><b>{kind}" "{p.sku.clone()}</b>" "{p.name.clone()}" — "{what}{order.map(|o| format!(" — {o}"))}</li> }
        })
        .collect_view();
    let decisions: Vec<_> = wb
        .plan()
        .decisions
        .iter()
        .filter(|d| d.is_open())
        .map(|d| {
            let concerns = d.skus.join(", ");
            view! { <li><b>{d.text.clone()}</b>{format!(" — {} by {}{}", d.owner, d.due,
            if concerns.is_empty() { String::new() } else { format!(" ({concerns})") })}</li> }
        })
        .collect();
    let decisions = (!decisions.is_empty()).then(|| {
        view! {
            <h2>"Open decisions"</h2>
            <ol class="print-exceptions" data-testid="print-decisions">{decisions}</ol>
        }
    });
    let months: Vec<&Period> = ahead.iter().take(6).collect();
    let head = months
        .iter()
        .map(|p| view! { <th>{format!("{} {}", p.header(cal).0, p.header(cal).1)}</th> })
        .collect_view();
    let cell =
        |scope: &Scope, m: Measure, p: &Period| match wb.span_value(scope, m, p.weeks.clone()) {
            CellValue::Units(q) => format::units(q),
            CellValue::Money(v) => format::money(v.0),
            _ => String::new(),
        };
    let body = wb
        .families()
        .keys()
        .flat_map(|f| {
            let scope = Scope::Family(f.clone());
            [Measure::Demand, Measure::Projected, Measure::Revenue]
                .into_iter()
                .enumerate()
                .map(|(k, m)| {
                    let tds = months.iter().map(|p| view! { <td>{cell(&scope, m, p)}</td> }).collect_view();
                    view! { <tr><th>{if k == 0 { f.clone() } else { String::new() }}</th><td class="m">{m.label()}</td>{tds}</tr> }
                })
                .collect::<Vec<_>>()
        })
        .collect_view();
    view! {
        <h1>"S&OP summary — week " {cal.label(cal.current() as isize)}</h1>
        <div class="headline">{headline(wb, 13)}</div>
        <h2>"Top exceptions (next 13 weeks)"</h2>
        <ol class="print-exceptions">{top}</ol>
        {decisions}
        <h2>"Families, next 6 months"</h2>
        <table class="family-table"><thead><tr><th>"Family"</th><th></th>{head}</tr></thead><tbody>{body}</tbody></table>
    }
}
