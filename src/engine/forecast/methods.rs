//! The statistical forecasting methods the baseline chooses between, on plain `f64` series:
//! a moving average, seasonal naive and ETS (exponential smoothing, Grafana's `augurs`).
//!
//! Every function returns finite values only, or `None` when the method cannot forecast the
//! series (too short, or the model fit failed); callers never see NaN.

use augurs_core::{Fit, Predict};
use augurs_ets::AutoETS;
use augurs_mstl::MSTLModel;
use serde::{Deserialize, Serialize};

/// How a baseline was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Method {
    /// The mean of the last few periods, flat.
    MovingAverage,
    /// Each period repeats the same period one season earlier.
    SeasonalNaive,
    /// Exponential smoothing (AutoETS: error, trend and damping picked by AICc); with two
    /// seasons of history the season is taken out first by MSTL and added back.
    Ets,
    /// A new product: the family's average profile (no history of its own).
    FamilyProfile,
    /// Nothing to go on: no history, and none in the family.
    Zero,
}

impl Method {
    /// The name a planner reads.
    pub fn label(self) -> &'static str {
        match self {
            Method::MovingAverage => "moving average",
            Method::SeasonalNaive => "seasonal naive",
            Method::Ets => "exponential smoothing (ETS)",
            Method::FamilyProfile => "family profile",
            Method::Zero => "no history",
        }
    }
}

/// Season length, holdout and moving-average window: weekly plans use
/// [`Settings::WEEKLY`]; the backtest on monthly data uses a 12-month season.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Periods in one season (52 weeks, 12 months).
    pub season: usize,
    /// Periods held out at the end of the history to pick the method.
    pub holdout: usize,
    /// Periods the moving average spans.
    pub window: usize,
}

impl Settings {
    /// A weekly plan: a 52-week season, 13 weeks held out, a 4-week moving average.
    pub const WEEKLY: Settings = Settings {
        season: 52,
        holdout: 13,
        window: 4,
    };
}

/// Fewest points AutoETS fits a non-seasonal model on (it refuses `n <= 4 + 4 parameters`).
pub const ETS_MIN_POINTS: usize = 9;

/// Forecasts `horizon` periods after `history` with `method`; `None` when it cannot.
/// [`Method::FamilyProfile`] and [`Method::Zero`] need the plan, not a series: `None`.
pub fn forecast(method: Method, history: &[f64], horizon: usize, s: &Settings) -> Option<Vec<f64>> {
    let out = match method {
        Method::MovingAverage => moving_average(history, horizon, s.window),
        Method::SeasonalNaive => seasonal_naive(history, horizon, s.season),
        Method::Ets => ets(history, horizon, s.season),
        Method::FamilyProfile | Method::Zero => None,
    }?;
    (out.len() == horizon && out.iter().all(|v| v.is_finite())).then_some(out)
}

/// The mean of the last `window` values (fewer if the history is shorter), repeated.
pub fn moving_average(history: &[f64], horizon: usize, window: usize) -> Option<Vec<f64>> {
    let tail = &history[history.len().saturating_sub(window.max(1))..];
    if tail.is_empty() {
        return None;
    }
    let mean = tail.iter().sum::<f64>() / tail.len() as f64;
    Some(vec![mean; horizon])
}

/// Period `h` after the history repeats the value one season (or several) before it.
pub fn seasonal_naive(history: &[f64], horizon: usize, season: usize) -> Option<Vec<f64>> {
    let n = history.len();
    if season == 0 || n < season {
        return None;
    }
    let last_season = &history[n - season..];
    Some((0..horizon).map(|h| last_season[h % season]).collect())
}

/// AutoETS on the series; with at least two full seasons, MSTL takes the season out first
/// (augurs' ETS has no seasonal models of its own yet) and adds it back to the forecast.
pub fn ets(history: &[f64], horizon: usize, season: usize) -> Option<Vec<f64>> {
    if history.len() < ETS_MIN_POINTS || history.iter().any(|v| !v.is_finite()) {
        return None;
    }
    // A constant series has no variance to fit (the likelihood is degenerate).
    if history.iter().all(|&v| v == history[0]) {
        return Some(vec![history[0]; horizon]);
    }
    let point = if season >= 2 && history.len() >= 2 * season {
        let model = MSTLModel::new(vec![season], AutoETS::non_seasonal().into_trend_model());
        model.fit(history).ok()?.predict(horizon, None).ok()?.point
    } else {
        let model = AutoETS::non_seasonal();
        model.fit(history).ok()?.predict(horizon, None).ok()?.point
    };
    Some(point)
}
