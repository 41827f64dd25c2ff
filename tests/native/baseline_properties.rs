//! Property test: on any weekly sales history (zeros, spikes, trends, any length up to the
//! plan's 156 weeks), the baseline never panics (the app aborts on a panic in wasm) and
//! forecasts only finite, non-negative values with a finite backtest error.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sop_grid::engine::forecast::methods::Settings;
use sop_grid::engine::forecast::selection::select;

/// A history: a level, a trend and noise, with some weeks of zero and some huge ones.
fn history() -> impl Strategy<Value = Vec<f64>> {
    (1usize..=156, 0.0f64..1e4, -50.0f64..50.0, any::<u64>()).prop_map(|(n, level, trend, seed)| {
        let mut s = seed | 1;
        (0..n)
            .map(|w| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                match s % 10 {
                    0 => 0.0,
                    1 => 1e7,
                    k => (level + trend * w as f64 + k as f64 * 37.0)
                        .max(0.0)
                        .round(),
                }
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn forecasts_are_finite_and_never_negative(h in history(), horizon in 1usize..=104) {
        let s = select(&h, horizon, &Settings::WEEKLY).unwrap();
        prop_assert_eq!(s.forecast.len(), horizon);
        prop_assert!(s.forecast.iter().all(|v| v.is_finite() && *v >= 0.0), "{:?}", s);
        prop_assert!(s.backtest_error.is_none_or(f64::is_finite));
    }
}
