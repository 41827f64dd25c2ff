//! Backtest of the baseline forecast on a monthly series (written by
//! tests/backtest/holt_winters.py): our method selection and ETS forecast the last 12
//! months from the months before them, with a 12-month season, and print their MAPE.
//!
//! Usage: cargo run --release --example backtest -- SERIES.csv

use sop_grid::engine::forecast::methods::{forecast, Settings};
use sop_grid::engine::forecast::selection::{mape, select, CANDIDATES};

const MONTHLY: Settings = Settings {
    season: 12,
    holdout: 12,
    window: 4,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: backtest SERIES.csv")?;
    let mut series = Vec::new();
    for row in csv::Reader::from_path(&path)?.records() {
        series.push(row?[0].trim().parse::<f64>()?);
    }
    let h = MONTHLY.holdout;
    if series.len() <= 2 * h {
        return Err(format!("{path}: {} values, too few to hold out {h}", series.len()).into());
    }
    let (train, test) = series.split_at(series.len() - h);
    for m in CANDIDATES {
        match forecast(m, train, h, &MONTHLY).and_then(|f| mape(test, &f)) {
            Some(e) => println!("method {:<28} mape={e:.4}", m.label()),
            None => println!("method {:<28} could not forecast", m.label()),
        }
    }
    let chosen = select(train, h, &MONTHLY).ok_or("empty series")?;
    let ours = mape(test, &chosen.forecast).ok_or("no sales in the holdout")?;
    println!(
        "ours n={} holdout={h} chosen={} (inner backtest wmape={}) mape={ours:.4}",
        series.len(),
        chosen.method.label(),
        chosen
            .backtest_error
            .map_or("-".to_string(), |e| format!("{e:.4}")),
    );
    Ok(())
}
