//! The statistical baseline forecast: the methods ([`methods`]: moving average, seasonal
//! naive, ETS), the pick of one per SKU by backtest ([`selection`]), the baseline of a plan
//! ([`baseline`]), the re-forecast run in slices ([`run`]) and accuracy by lag ([`lag`]).
//!
//! Reads `model` only; works on plain `f64` series inside, fixed-point at its edges.

pub mod baseline;
pub mod lag;
pub mod methods;
pub mod run;
pub mod selection;
