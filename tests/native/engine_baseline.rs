//! The statistical baseline forecast, with hand-worked numbers.

use chrono::NaiveDate;
use sop_grid::engine::forecast::baseline::{baseline, reforecast};
use sop_grid::engine::forecast::methods::{moving_average, seasonal_naive, Method, Settings};
use sop_grid::engine::forecast::selection::{mape, select, wmape};
use sop_grid::engine::{Calendar, Edit, Plan, Product, Qty, SeriesField, Workbook};

fn plan(history: usize, horizon: usize) -> Plan {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    Plan::new(Calendar::around(today, history, horizon).unwrap())
}

/// Adds a SKU whose past actuals are `sales` (the last values end at the current week).
fn sku(plan: &mut Plan, name: &str, family: &str, sales: &[f64]) -> usize {
    let i = plan.add_product(Product::new(name, name, family));
    let c = plan.calendar.current();
    for (k, v) in sales.iter().enumerate() {
        plan.series_mut(i).actual[c - sales.len() + k] = Qty::from_f64(*v).unwrap();
    }
    i
}

fn units(v: &[i64]) -> Vec<Qty> {
    v.iter().map(|&u| Qty::units(u)).collect()
}

/// Checks a SKU's baseline method and forecast (whole units).
fn assert_baseline(plan: &Plan, sku: usize, method: Method, forecast: &[i64]) {
    let b = baseline(plan, sku);
    assert_eq!((b.method, b.forecast), (method, units(forecast)));
}

#[test]
fn moving_average_is_the_mean_of_the_last_four() {
    // (3 + 4 + 5 + 6) / 4 = 4.5
    let f = moving_average(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 3, 4).unwrap();
    assert_eq!(f, vec![4.5; 3]);
    // Shorter than the window: the mean of what there is.
    assert_eq!(moving_average(&[2.0, 4.0], 2, 4), Some(vec![3.0, 3.0]));
    assert_eq!(moving_average(&[], 2, 4), None);
}

#[test]
fn seasonal_naive_repeats_the_last_season() {
    let f = seasonal_naive(&[1.0, 2.0, 3.0, 10.0, 20.0, 30.0], 4, 3).unwrap();
    assert_eq!(f, vec![10.0, 20.0, 30.0, 10.0]);
    assert_eq!(seasonal_naive(&[1.0, 2.0], 1, 3), None);
}

#[test]
fn error_measures() {
    // |100-90| + |200-220| = 30 over 300 sold; MAPE = (0.1 + 0.1) / 2
    assert_eq!(wmape(&[100.0, 200.0], &[90.0, 220.0]), Some(0.1));
    assert_eq!(mape(&[100.0, 200.0], &[90.0, 220.0]), Some(0.1));
    assert_eq!(wmape(&[0.0, 0.0], &[1.0, 1.0]), None);
    assert_eq!(mape(&[0.0], &[1.0]), None);
}

/// Three years of a Christmas peak: 100 a week, 300 in the last 12 weeks of each season.
fn peaked(weeks: usize) -> Vec<f64> {
    (0..weeks)
        .map(|w| if w % 52 >= 40 { 300.0 } else { 100.0 })
        .collect()
}

#[test]
fn a_seasonal_series_gets_seasonal_naive() {
    let s = select(&peaked(156), 13, &Settings::WEEKLY).unwrap();
    assert_eq!(s.method, Method::SeasonalNaive);
    assert_eq!(s.backtest_error, Some(0.0));
    // Week 156 is week 0 of the fourth season.
    assert_eq!(s.forecast[0], 100.0);
    assert_eq!(s.forecast[12], 100.0);
}

#[test]
fn a_flat_series_gets_the_moving_average() {
    // Every method is exact on a constant series: the simplest wins.
    let s = select(&[100.0; 60], 5, &Settings::WEEKLY).unwrap();
    assert_eq!(s.method, Method::MovingAverage);
    assert_eq!(s.backtest_error, Some(0.0));
    assert_eq!(s.forecast, vec![100.0; 5]);
}

#[test]
fn a_noisy_flat_series_is_not_taken_for_seasonal() {
    let series: Vec<f64> = (0..120).map(|w| [90.0, 100.0, 110.0][w % 3]).collect();
    let s = select(&series, 13, &Settings::WEEKLY).unwrap();
    assert_ne!(s.method, Method::SeasonalNaive);
    assert!(s.backtest_error.unwrap() < 0.1, "{s:?}");
    assert!(
        s.forecast.iter().all(|v| (90.0..=110.0).contains(v)),
        "{s:?}"
    );
}

#[test]
fn a_trending_series_gets_ets() {
    // 100 + 2 a week, with a little noise; the moving average lags behind the trend.
    let series: Vec<f64> = (0..60)
        .map(|w| 100.0 + 2.0 * w as f64 + [0.0, 1.0, -1.0][w % 3])
        .collect();
    let s = select(&series, 4, &Settings::WEEKLY).unwrap();
    assert_eq!(s.method, Method::Ets, "{s:?}");
    assert!(s.backtest_error.unwrap() < 0.02, "{s:?}");
    // Next week is about 100 + 2 × 60 = 220.
    assert!((s.forecast[0] - 220.0).abs() < 3.0, "{s:?}");
}

#[test]
fn short_history_gets_an_unscored_moving_average() {
    let s = select(&[10.0, 20.0, 30.0], 2, &Settings::WEEKLY).unwrap();
    assert_eq!(s.method, Method::MovingAverage);
    assert_eq!(s.backtest_error, None);
    assert_eq!(s.forecast, vec![20.0, 20.0]);
    assert_eq!(select(&[], 2, &Settings::WEEKLY), None);
}

#[test]
fn the_plan_baseline_forecasts_every_future_week_from_actuals() {
    let mut p = plan(156, 8);
    let i = sku(&mut p, "A", "Candles", &peaked(156));
    assert_baseline(&p, i, Method::SeasonalNaive, &[100; 8]);
}

#[test]
fn a_new_product_gets_the_family_profile_and_its_typed_launch_curve_stays_on_top() {
    let mut p = plan(20, 4);
    sku(&mut p, "A", "Candles", &[100.0; 20]);
    sku(&mut p, "B", "Candles", &[200.0; 20]);
    let new = sku(&mut p, "C", "Candles", &[]);
    let alone = sku(&mut p, "D", "Soaps", &[]);
    // The average Candles SKU: (100 + 200) / 2.
    assert_baseline(&p, new, Method::FamilyProfile, &[150; 4]);
    // A launch curve typed as consensus is demand; the re-forecast leaves it alone.
    let c = p.calendar.current();
    for w in 0..4 {
        p.series_mut(new).consensus[c + w] = Some(Qty::units([5, 15, 30, 40][w]));
    }
    let mut wb = Workbook::new(p);
    wb.apply("Re-forecast", Edit::Cells(reforecast(wb.plan())))
        .unwrap();
    let s = &wb.plan().series[new];
    assert_eq!(s.forecast[c..], units(&[150; 4])[..]);
    let demand: Vec<Qty> = (c..c + 4).map(|w| wb.demand_plan(new, w)).collect();
    assert_eq!(demand, units(&[5, 15, 30, 40]));
    // Once written, the family profile is still read as one (not as something typed).
    assert_baseline(wb.plan(), new, Method::FamilyProfile, &[150; 4]);
    // No history in the family: zero.
    assert_baseline(wb.plan(), alone, Method::Zero, &[0; 4]);
}

#[test]
fn weeks_before_a_launch_are_not_history() {
    // Sold 50 a week for the last 6 weeks only: the average is 50, not diluted by zeros.
    let mut p = plan(30, 3);
    let i = sku(&mut p, "A", "Candles", &[50.0; 6]);
    assert_baseline(&p, i, Method::MovingAverage, &[50; 3]);
}

#[test]
fn reforecast_writes_future_forecasts_only_and_undoes_in_one_step() {
    let mut p = plan(20, 4);
    let i = sku(&mut p, "A", "Candles", &[100.0; 20]);
    let c = p.calendar.current();
    p.series_mut(i).forecast[c - 1] = Qty::units(7); // a past forecast
    p.series_mut(i).forecast[c + 1] = Qty::units(100); // already right: no edit
    p.series_mut(i).consensus[c + 2] = Some(Qty::units(130));
    p.series_mut(i).consensus[c - 2] = Some(Qty::units(90));
    let before = p.clone();

    let edits = reforecast(&p);
    assert_eq!(edits.len(), 3);
    assert!(edits
        .iter()
        .all(|e| e.field == SeriesField::Forecast && e.week >= c && e.value.is_some()));

    let mut wb = Workbook::new(p);
    wb.apply("Re-forecast", Edit::Cells(edits)).unwrap();
    let s = &wb.plan().series[i];
    assert_eq!(s.forecast[c..], units(&[100; 4])[..]);
    assert_eq!(s.forecast[..c], before.series[i].forecast[..c]);
    assert_eq!(s.consensus, before.series[i].consensus);
    assert_eq!(wb.demand_plan(i, c + 2), Qty::units(130)); // the override stays on top
                                                           // A second re-forecast changes nothing.
    assert!(reforecast(wb.plan()).is_empty());
    wb.undo().unwrap();
    assert_eq!(*wb.plan(), before);
}

#[test]
fn forecasts_are_finite_and_never_negative() {
    // A falling series whose trend goes below zero, spikes and zeros.
    let mut seed = 7u64;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as f64 / (1u64 << 31) as f64
    };
    let falling: Vec<f64> = (0..80).map(|w| (400.0 - 6.0 * w as f64).max(0.0)).collect();
    let spiky: Vec<f64> = (0..150)
        .map(|_| if next() < 0.1 { 1e6 } else { next() * 3.0 })
        .collect();
    let sparse: Vec<f64> = (0..70)
        .map(|w| if w % 9 == 0 { 1.0 } else { 0.0 })
        .collect();
    for series in [falling, spiky, sparse] {
        let s = select(&series, 30, &Settings::WEEKLY).unwrap();
        assert!(
            s.forecast.iter().all(|v| v.is_finite() && *v >= 0.0),
            "{s:?}"
        );
        assert!(s.backtest_error.is_none_or(f64::is_finite));
    }
}
