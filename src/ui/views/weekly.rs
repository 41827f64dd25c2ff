//! The weekly check-in view: the last 4 weeks of actuals and the next weeks (13 by default),
//! a headline strip, the ranked exceptions with their suggested orders, and the grid.

use super::toolbar::{ExportView, FilterBox, HorizonSelect, UndoRedo};
use crate::engine::calc::exceptions::{Exception, ExceptionKind};
use crate::engine::calc::kpi::Scope;
use crate::engine::model::qty::Amount;
use crate::engine::{Measure, Workbook};
use crate::sheet::periods::week_columns;
use crate::sheet::rows::{build_rows, GridRow, RowOwner, RowSpec};
use crate::sheet::selection::Selection;
use crate::ui::browser::format;
use crate::ui::context::{CheckIns, RowChoice, SinceCheckIn};
use crate::ui::grid::{Grid, COL_W};
use crate::ui::panels::checkin::CheckinButton;
use crate::ui::panels::decisions::DecisionsPanel;
use crate::ui::panels::notes::{NoteTarget, NotesPanel};
use crate::ui::panels::product_panel::ProductPanel;
use crate::ui::panels::since::SinceCheckin;
use leptos::prelude::*;

/// Exceptions listed before "show all".
pub const EXCEPTIONS_SHOWN: usize = 25;

/// Weeks of actuals shown before the current week.
pub const PAST_WEEKS: usize = 4;

/// The measures a SKU shows in the weekly view, in order.
pub const SKU_MEASURES: [Measure; 10] = [
    Measure::Actual,
    Measure::Forecast,
    Measure::Events,
    Measure::Consensus,
    Measure::ConfirmedReceipts,
    Measure::PlannedReceipts,
    Measure::Projected,
    Measure::SafetyStock,
    Measure::Gap,
    Measure::Cover,
];

pub fn weekly_spec() -> RowSpec {
    RowSpec {
        sku_measures: SKU_MEASURES.to_vec(),
        // Capacity only shows for families that have one (Candles in the demo).
        group_measures: vec![
            Measure::Demand,
            Measure::Receipts,
            Measure::Capacity,
            Measure::Projected,
        ],
        ..RowSpec::default()
    }
}

#[component]
pub fn WeeklyView(workbook: RwSignal<Workbook>) -> impl IntoView {
    let horizon = RwSignal::new(13usize);
    let spec = RwSignal::new(weekly_spec());
    provide_context(RowChoice(spec));
    let selection = RwSignal::new(Selection::default());
    let message = RwSignal::new(None::<String>);
    // The most urgent first; a long tail (hundreds in a big plan) only on request.
    let shown = RwSignal::new(EXCEPTIONS_SHOWN);

    let exceptions = Memo::new(move |_| {
        let h = horizon.get();
        workbook.with(|wb| wb.exceptions(h))
    });
    // Rebuilt when the plan's layout (products, events, notes) or the view's choice changes,
    // and on every edit only while "only exceptions" is on: not on every edit of a number.
    let layout = Memo::new(move |_| workbook.with(Workbook::layout));
    let rows = Memo::new(move |_| {
        // Read, not only tracked: a memo works itself out when read, and one never read
        // never learns that the workbook changed.
        let _layout = layout.get();
        spec.with(|s| {
            let build = |ex: &[Exception]| workbook.with_untracked(|wb| build_rows(wb, s, ex));
            if s.only_exceptions {
                exceptions.with(|ex| build(ex))
            } else {
                build(&[])
            }
        })
    });
    // The columns depend on the calendar alone, not on every edit.
    let calendar = crate::ui::grid::calendar(workbook);
    let periods = Memo::new(move |_| {
        let h = horizon.get();
        calendar.with(|cal| week_columns(cal, PAST_WEEKS, h))
    });

    // Clicking an exception selects that SKU's projected row in its first problem week.
    let go_to = move |e: &Exception| {
        let (sku, week) = (e.sku, e.week);
        spec.update(|s| {
            s.filter.clear();
            let fam = workbook.with_untracked(|wb| wb.plan().products[sku].family.clone());
            s.collapsed.remove(&fam);
        });
        let row = rows.with_untracked(|rs| {
            rs.iter().position(|r: &GridRow| {
                r.owner == RowOwner::Sku(sku) && r.measure == Measure::Projected
            })
        });
        let col = periods.with_untracked(|p| p.iter().position(|c| c.single_week() == Some(week)));
        if let (Some(r), Some(c)) = (row, col) {
            selection.set(Selection::at(r, c));
        }
    };

    let meeting = super::meeting::Meeting::new();
    let decide = super::meeting::DecisionRequest(RwSignal::new(0));
    provide_context(decide);
    let on_exception = Callback::new(move |e: Exception| go_to(&e));

    // The selected cell, for notes and decisions.
    let target = Signal::derive(move || {
        let cur = selection.with(|s| s.cursor);
        let key = rows.with(|rs| {
            rs.get(cur.row)
                .map(|r| (r.clone(), workbook.with(|wb| r.key(wb))))
        });
        let period = periods.with(|ps| ps.get(cur.col).map(|p| p.key.clone()));
        key.zip(period).map(|((row, sku), period)| NoteTarget {
            sku,
            period,
            measure: row.measure.key().to_string(),
        })
    });
    // The SKU under the cursor: a memo, so keys that move within a SKU's rows leave its
    // panel as it is.
    let selected_sku = Signal::from(Memo::new(move |_| {
        let r = selection.with(|s| s.cursor.row);
        rows.with(|rs| match rs.get(r).map(|row| &row.owner) {
            Some(RowOwner::Sku(i)) => Some(*i),
            _ => None,
        })
    }));
    view! {
        <div class=move || meeting.class()>
        <super::meeting::MeetingBar meeting=meeting exceptions=exceptions on_exception=on_exception decide=decide />
        <section class="headline" data-testid="headline">{move || workbook.with(|wb| headline(wb, horizon.get()))}</section>
        <div class="weekly">
            <div class="grid-panel">
                <div class="toolbar">
                    <FilterBox spec=spec />
                    <label class="check">
                        <input type="checkbox" data-testid="only-exceptions"
                            prop:checked=move || spec.with(|s| s.only_exceptions)
                            on:change=move |ev| spec.update(|s| s.only_exceptions = event_target_checked(&ev)) />
                        " Only exceptions"
                    </label>
                    <HorizonSelect label="Weeks ahead" testid="horizon" choices=&[13, 26, 52] value=horizon />
                    <span class="spacer"></span>
                    <super::meeting::MeetingStart meeting=meeting />
                    {use_context::<CheckIns>().map(|CheckIns(snapshots)| view! { <CheckinButton workbook=workbook snapshots=snapshots /> })}
                    <ExportView workbook=workbook rows=rows periods=periods view_name="weekly" message=message />
                    <crate::ui::panels::reforecast::Reforecast workbook=workbook message=message />
                    <UndoRedo workbook=workbook />
                </div>
                <div class="message" data-testid="grid-message" role="status">{move || message.get()}</div>
                <Grid workbook=workbook rows=rows periods=periods col_w=COL_W spec=spec selection=selection message=message />
            </div>
            <aside class="exceptions" data-testid="exceptions">
                {use_context::<SinceCheckIn>().zip(use_context::<CheckIns>())
                    .map(|(SinceCheckIn(changes), CheckIns(snapshots))| view! { <SinceCheckin changes=changes snapshots=snapshots /> })}
                <DecisionsPanel workbook=workbook target=target />
                <h2>"Exceptions " <span class="count">{move || exceptions.with(|e| e.len())}</span></h2>
                <ol class="ex-list">
                    {move || workbook.with(|wb| exceptions.with(|ex| ex.iter().take(shown.get()).enumerate().map(|(i, e)| {
                        let e2 = e.clone();
                        let here = meeting.clock.with(Option::is_some) && meeting.current.get() == Some(i);
                        exception_item(wb, e, here, move || go_to(&e2))
                    }).collect_view()))}
                </ol>
                {move || {
                    let (n, k) = (exceptions.with(|e| e.len()), shown.get());
                    (n > k).then(|| view! {
                        <button class="more" data-testid="exceptions-more" on:click=move |_| shown.set(usize::MAX)>
                            {format!("Show all {n} (the {k} most urgent are listed)")}
                        </button>
                    })
                }}
                <NotesPanel workbook=workbook target=target />
                <ProductPanel workbook=workbook sku=selected_sku />
            </aside>
        </div>
        </div>
    }
}

/// What an exception says: its kind (and CSS class), the problem, and the suggested order.
pub fn exception_text(
    wb: &Workbook,
    e: &Exception,
) -> (&'static str, &'static str, String, Option<String>) {
    let cal = &wb.plan().calendar;
    let (kind, class) = match e.kind {
        ExceptionKind::Stockout => ("Stockout", "ex stockout"),
        ExceptionKind::BelowSafety => ("Below safety", "ex below"),
        ExceptionKind::Excess => ("Excess", "ex excess"),
    };
    let what = match e.kind {
        ExceptionKind::Excess => format!(
            "{} wk cover · {} tied up",
            format::cover(wb.derived(e.sku).cover[e.week]),
            format::money(e.money.to_money().0)
        ),
        _ => format!(
            "from {} · {} units short · {} at risk",
            cal.label(e.week as isize),
            format::units(e.unmet),
            format::money(e.money.to_money().0)
        ),
    };
    let order = e.suggestion.as_ref().map(|s| {
        let late = if s.too_late {
            " — too late, expedite"
        } else {
            ""
        };
        format!(
            "Order {} by {}{late}",
            format::units(s.qty),
            cal.label(s.order_by)
        )
    });
    (kind, class, what, order)
}

fn exception_item(
    wb: &Workbook,
    e: &Exception,
    current: bool,
    on_click: impl Fn() + 'static,
) -> impl IntoView {
    let p = &wb.plan().products[e.sku];
    let (kind, class, what, order) = exception_text(wb, e);
    let class = if current {
        format!("{class} current")
    } else {
        class.to_string()
    };
    view! {
        <li class=class aria-current=current.then_some("true") data-testid=format!("exception-{}", p.sku) data-sku=p.sku.clone() on:click=move |_| on_click()
            tabindex="0" role="button">
            <div class="ex-head"><span class="kind">{kind}</span><b>{p.sku.clone()}</b>" "<span class="nm">{p.name.clone()}</span></div>
            <div class="ex-what">{what}</div>
            {order.map(|o| view! { <div class="ex-order" data-testid=format!("suggestion-{}", p.sku)>{o}</div> })}
        </li>
    }
}

pub fn headline(wb: &Workbook, horizon: usize) -> impl IntoView {
    let cal = &wb.plan().calendar;
    let c = cal.current();
    let last = wb.last_week_sales_vs_forecast(&Scope::Total);
    let vs = last
        .as_ref()
        .map(|l| {
            format!(
                "{} vs {}",
                format::units_raw(l.actual),
                format::units_raw(l.forecast)
            )
        })
        .unwrap_or_else(|| "—".into());
    let pct = last
        .and_then(|l| l.pct)
        .map(format::signed_percent)
        .unwrap_or_default();
    let stock_value = Amount(wb.total().inventory_value[c]).to_money();
    let outcome = wb.outcome(horizon);
    let due = |w: usize| wb.total().receipts.get(w).copied().unwrap_or(0);
    view! {
        <div class="kpi" data-testid="kpi-sales-vs-forecast"><span class="k">"Last week sold vs forecast"</span>
            <span class="v">{vs}</span><span class="s">{pct}</span></div>
        <div class="kpi" data-testid="kpi-stock-value"><span class="k">"Stock on hand (value)"</span>
            <span class="v">{format::money(stock_value.0)}</span><span class="s">{format!("end of {}", cal.label(c as isize))}</span></div>
        <div class="kpi warn" data-testid="kpi-at-risk"><span class="k">"SKUs at risk within lead time"</span>
            <span class="v">{wb.skus_at_risk(&Scope::Total)}</span></div>
        <div class="kpi bad" data-testid="kpi-stockouts"><span class="k">{format!("Stockouts in {horizon} weeks")}</span>
            <span class="v">{outcome.stockout_skus}</span><span class="s">{format!("{} revenue lost", format::money(outcome.lost_revenue.to_money().0))}</span></div>
        <div class="kpi" data-testid="kpi-receipts"><span class="k">"Receipts due this / next week"</span>
            <span class="v">{format!("{} / {}", format::units_raw(due(c)), format::units_raw(due(c + 1)))}</span></div>
    }
}
