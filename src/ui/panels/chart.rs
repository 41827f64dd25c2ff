//! The deep dive's chart for the selected SKU, family or the total: projected on hand
//! against safety stock week by week (lines), and demand against supply month by month
//! (bars). Plain SVG: a few paths need no chart library.

use crate::engine::calc::kpi::Scope;
use crate::engine::{CellValue, Measure, Qty, Workbook};
use crate::sheet::periods::Period;
use crate::ui::browser::format;
use leptos::prelude::*;

const W: f64 = 380.0;
const LINES_H: f64 = 120.0;
const BARS_H: f64 = 70.0;
const LEFT: f64 = 46.0;
const GAP: f64 = 30.0;

fn units(v: CellValue) -> Option<f64> {
    match v {
        CellValue::Units(q) => Some(q.to_f64()),
        _ => None,
    }
}

/// Maps `v` in `[lo, hi]` to a pixel offset from the bottom of a band `px` tall.
pub fn y_of(v: f64, lo: f64, hi: f64, px: f64) -> f64 {
    if hi <= lo {
        return px;
    }
    px - (v - lo) / (hi - lo) * px
}

/// An SVG path through the points that have a value (a gap starts a new segment).
pub fn path(points: &[Option<(f64, f64)>]) -> String {
    let mut out = String::new();
    let mut pen_down = false;
    for p in points {
        match p {
            Some((x, y)) => {
                out.push_str(&format!(
                    "{}{:.1},{:.1} ",
                    if pen_down { "L" } else { "M" },
                    x,
                    y
                ));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    out.trim_end().to_string()
}

/// Round numbers for an axis: the smallest 1, 2 or 5 × 10^k at or above `v`.
pub fn nice_ceiling(v: f64) -> f64 {
    if v <= 0.0 {
        return 0.0;
    }
    let k = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * k)
        .find(|&c| c >= v)
        .unwrap_or(10.0 * k)
}

#[component]
pub fn Chart(
    workbook: RwSignal<Workbook>,
    scope: Memo<Scope>,
    periods: Memo<Vec<Period>>,
) -> impl IntoView {
    move || {
        let scope = scope.get();
        workbook.with(|wb| periods.with(|ps| chart(wb, &scope, ps)))
    }
}

fn chart(wb: &Workbook, scope: &Scope, periods: &[Period]) -> AnyView {
    let (Some(first), Some(last)) = (periods.first(), periods.last()) else {
        return ().into_any();
    };
    let weeks: Vec<usize> = (first.weeks.start..last.weeks.end).collect();
    let n = weeks.len().max(2) as f64;
    let x = |k: usize| LEFT + k as f64 * (W - LEFT - 8.0) / (n - 1.0);
    let projected: Vec<Option<f64>> = weeks
        .iter()
        .map(|&w| units(wb.value(scope, Measure::Projected, w)))
        .collect();
    let safety: Vec<Option<f64>> = weeks
        .iter()
        .map(|&w| units(wb.value(scope, Measure::SafetyStock, w)))
        .collect();
    let lo = projected
        .iter()
        .chain(&safety)
        .flatten()
        .fold(0f64, |a, &b| a.min(b));
    let hi = nice_ceiling(
        projected
            .iter()
            .chain(&safety)
            .flatten()
            .fold(0f64, |a, &b| a.max(b)),
    );
    let line = |vals: &[Option<f64>]| {
        path(
            &vals
                .iter()
                .enumerate()
                .map(|(k, v)| v.map(|v| (x(k), 8.0 + y_of(v, lo, hi, LINES_H))))
                .collect::<Vec<_>>(),
        )
    };
    let (proj_path, safety_path) = (line(&projected), line(&safety));
    let zero_y = 8.0 + y_of(0.0, lo, hi, LINES_H);

    let flows: Vec<(f64, f64)> = periods
        .iter()
        .map(|p| {
            let f = |m| units(wb.span_value(scope, m, p.weeks.clone())).unwrap_or(0.0);
            (f(Measure::Demand), f(Measure::Receipts))
        })
        .collect();
    let bar_hi = nice_ceiling(flows.iter().fold(0f64, |a, &(d, r)| a.max(d).max(r)));
    let top = 8.0 + LINES_H + GAP;
    let slot = (W - LEFT - 8.0) / periods.len() as f64;
    let bw = (slot / 2.0 - 2.0).max(1.0);
    let cal = &wb.plan().calendar;
    let bars = periods
        .iter()
        .zip(&flows)
        .enumerate()
        .map(|(k, (p, &(d, r)))| {
            let x0 = LEFT + k as f64 * slot + 1.0;
            let h = |v: f64| BARS_H - y_of(v, 0.0, bar_hi, BARS_H);
            let (hd, hr) = (h(d), h(r));
            let month = p.header(cal).0;
            view! {
                <g>
                    <rect class="bar demand" x=x0 y=top + BARS_H - hd width=bw height=hd><title>{format!("{} demand {}", p.key, format::units(Qty::from_f64(d).unwrap_or(Qty::ZERO)))}</title></rect>
                    <rect class="bar supply" x=x0 + bw + 1.0 y=top + BARS_H - hr width=bw height=hr><title>{format!("{} receipts {}", p.key, format::units(Qty::from_f64(r).unwrap_or(Qty::ZERO)))}</title></rect>
                    <text class="tick" x=x0 + bw y=top + BARS_H + 12.0 text-anchor="middle">{month.chars().next().map(String::from).unwrap_or_default()}</text>
                </g>
            }
        })
        .collect_view();
    let label = |v: f64| format::units(Qty::from_f64(v).unwrap_or(Qty::ZERO));
    let total_h = top + BARS_H + 18.0;
    view! {
        <svg class="chart" data-testid="chart" viewBox=format!("0 0 {W} {total_h}") role="img"
            aria-label="Projected on hand against safety stock, and demand against receipts">
            <text class="tick" x=LEFT - 4.0 y=12.0 text-anchor="end">{label(hi)}</text>
            <text class="tick" x=LEFT - 4.0 y=8.0 + LINES_H text-anchor="end">{label(lo)}</text>
            <line class="axis" x1=LEFT x2=W - 8.0 y1=zero_y y2=zero_y />
            <path class="line safety" d=safety_path data-testid="chart-safety" />
            <path class="line projected" d=proj_path data-testid="chart-projected" />
            <text class="tick" x=LEFT - 4.0 y=top + 4.0 text-anchor="end">{label(bar_hi)}</text>
            <line class="axis" x1=LEFT x2=W - 8.0 y1=top + BARS_H y2=top + BARS_H />
            {bars}
        </svg>
        <div class="legend">
            <span class="lg projected">"Projected on hand"</span>
            <span class="lg safety">"Safety stock"</span>
            <span class="lg demand">"Demand"</span>
            <span class="lg supply">"Receipts"</span>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_scale_and_break_at_gaps() {
        assert_eq!(y_of(0.0, 0.0, 100.0, 100.0), 100.0);
        assert_eq!(y_of(100.0, 0.0, 100.0, 100.0), 0.0);
        assert_eq!(y_of(-50.0, -50.0, 150.0, 100.0), 100.0);
        assert_eq!(
            path(&[
                Some((0.0, 100.0)),
                Some((10.0, 50.0)),
                None,
                Some((30.0, 0.0))
            ]),
            "M0.0,100.0 L10.0,50.0 M30.0,0.0"
        );
        assert_eq!(nice_ceiling(730.0), 1000.0);
        assert_eq!(nice_ceiling(1200.0), 2000.0);
        assert_eq!(nice_ceiling(4100.0), 5000.0);
        assert_eq!(nice_ceiling(0.0), 0.0);
    }
}
