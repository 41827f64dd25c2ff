//! Picks a forecasting method per series by a holdout backtest: each method forecasts the
//! last [`Settings::holdout`] periods from the history before them, and the one with the
//! lowest WMAPE (Σ|A−F| / ΣA, the plan's accuracy measure) forecasts the future from the
//! whole history. Ties go to the simpler method (the order of [`CANDIDATES`]).

use super::methods::{forecast, Method, Settings};

/// The methods tried, simplest first.
pub const CANDIDATES: [Method; 3] = [Method::MovingAverage, Method::SeasonalNaive, Method::Ets];

/// A chosen method and what it forecasts. Values are finite and never negative.
#[derive(Clone, Debug, PartialEq)]
pub struct Selected {
    /// The method that scored best on the holdout (the simplest on a tie; the moving average when nothing could be held out).
    pub method: Method,
    /// WMAPE of the method on the holdout; `None` when the history was too short to hold
    /// any out, or nothing sold in the holdout.
    pub backtest_error: Option<f64>,
    /// One value per period ahead, in units (not thousandths).
    pub forecast: Vec<f64>,
}

/// Σ|A−F| / ΣA; `None` when nothing sold.
pub fn wmape(actual: &[f64], forecast: &[f64]) -> Option<f64> {
    let sold: f64 = actual.iter().sum();
    let err: f64 = actual
        .iter()
        .zip(forecast)
        .map(|(a, f)| (a - f).abs())
        .sum();
    (sold > 0.0 && err.is_finite()).then(|| err / sold)
}

/// Mean of |A−F| / A over the periods with A ≠ 0; `None` when there are none.
pub fn mape(actual: &[f64], forecast: &[f64]) -> Option<f64> {
    let ratios: Vec<f64> = actual
        .iter()
        .zip(forecast)
        .filter(|(a, _)| **a != 0.0)
        .map(|(a, f)| ((a - f) / a).abs())
        .collect();
    let mean = ratios.iter().sum::<f64>() / ratios.len() as f64;
    (!ratios.is_empty() && mean.is_finite()).then_some(mean)
}

/// The method's forecast with negatives clamped to zero (demand cannot be negative).
fn clamped(method: Method, history: &[f64], horizon: usize, s: &Settings) -> Option<Vec<f64>> {
    let mut f = forecast(method, history, horizon, s)?;
    f.iter_mut().for_each(|v| *v = v.max(0.0));
    Some(f)
}

/// Backtests the candidates and forecasts `horizon` periods with the winner; `None` for an
/// empty history. A history no longer than the holdout gets the moving average, unscored.
pub fn select(history: &[f64], horizon: usize, s: &Settings) -> Option<Selected> {
    let n = history.len();
    let mut best: Option<(Method, f64)> = None;
    let mut backtest_error = None;
    if n > s.holdout {
        let (train, test) = history.split_at(n - s.holdout);
        for m in CANDIDATES {
            let Some(f) = clamped(m, train, s.holdout, s) else {
                continue;
            };
            let err: f64 = test.iter().zip(&f).map(|(a, f)| (a - f).abs()).sum();
            if err.is_finite() && best.is_none_or(|(_, e)| err < e) {
                best = Some((m, err));
                backtest_error = wmape(test, &f);
            }
        }
    }
    let chosen = best.map_or(Method::MovingAverage, |(m, _)| m);
    if let Some(forecast) = clamped(chosen, history, horizon, s) {
        return Some(Selected {
            method: chosen,
            backtest_error,
            forecast,
        });
    }
    // The winner could not refit on the whole history (a failed ETS fit): the average.
    Some(Selected {
        method: Method::MovingAverage,
        backtest_error: None,
        forecast: clamped(Method::MovingAverage, history, horizon, s)?,
    })
}
