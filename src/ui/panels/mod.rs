//! The side panels around the grid: the selected SKU (master data, channels, locations),
//! notes, decisions, demand events, scenarios and their comparison, the check-in and what
//! changed since, re-forecast, the chart and the recovered data.

pub mod chart;
pub mod checkin;
pub mod decisions;
pub mod events;
pub mod form;
pub mod notes;
pub mod product_panel;
pub mod recovered;
pub mod reforecast;
pub mod scenario_compare;
pub mod scenarios;
pub mod since;
pub mod split_panel;
