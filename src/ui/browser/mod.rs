//! What talks to the browser: local storage (the plan, its check-ins and the scenarios,
//! guarded so nothing is written over), files in and out, the user's locale and number
//! formatting, test sessions (`?today=`, `?bench=`), today's date, long work in slices, the
//! message shown on a crash, and the forecasting workers.

pub mod autosave;
pub mod crash;
pub mod files;
pub mod format;
pub mod locale;
pub mod persist;
pub mod restore;
pub mod scenario_store;
pub mod session;
pub mod tick;
pub mod today;
pub mod workers;
