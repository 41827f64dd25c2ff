//! The native tests, in one test binary: one link instead of thirty, which was a large part
//! of CI's time and disk. Each module is one subject; run one with a filter, e.g.
//! `cargo test --test native import_fixtures::` or `cargo test --test native lifecycle::`.
//! The browser tests (`tests/web.rs`, `tests/web_bench.rs`) are separate wasm32 binaries.

mod baseline_properties;
mod channels;
mod csv_injection;
mod demo_plan;
mod engine_baseline;
mod engine_baseline_run;
mod engine_changes;
mod engine_events;
mod engine_lag;
mod engine_limits;
mod engine_merge;
mod engine_projection;
mod engine_properties;
mod engine_read_only;
mod engine_roll;
mod engine_scenario;
mod engine_structure;
mod import_amazon;
mod import_amazon_properties;
mod import_apply;
mod import_bad_input;
mod import_fixtures;
mod import_independent;
mod import_messages;
mod import_orders_split;
mod import_properties;
mod import_purchase_orders;
mod import_report;
mod import_shopify;
mod import_steps;
mod lifecycle;
mod lifecycle_regressions;
mod limits_caps;
mod planfile;
mod planfile_ages;
mod readme;
mod recovered;
mod scenario_properties;
mod storage;
mod storage_scenarios;
mod worker_fit;
