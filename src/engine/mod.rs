//! The planning engine: plain Rust, no browser imports, so it compiles and is tested natively.
//!
//! [`plan::Plan`] holds what planners own (products, calendar, input series);
//! [`workbook::Workbook`] derives everything else and is the single edit API.

pub mod aggregate;
pub mod authors;
pub mod baseline;
pub mod baseline_run;
pub mod breakdown;
pub mod calendar;
pub mod capacity;
pub mod changes;
pub mod checkin;
pub mod conflict;
pub mod cover;
pub mod decision;
pub mod derived;
pub mod error;
pub mod event;
pub mod exceptions;
pub mod forecast_methods;
pub mod history;
pub mod kpi;
pub mod lag;
pub mod measure;
pub mod merge;
pub mod meta;
pub mod method_selection;
pub mod money;
pub mod note;
pub mod outcome;
pub mod plan;
pub mod product;
pub mod qty;
pub mod roll;
pub mod scenario;
pub mod series;
pub mod split;
pub mod split_edit;
pub mod suggest;
pub mod validate;
pub mod workbook;

pub use calendar::Calendar;
pub use decision::Decision;
pub use error::PlanError;
pub use measure::{CellValue, Measure};
pub use meta::{Person, PlanMeta, Role};
pub use note::Note;
pub use plan::{Plan, Slot};
pub use product::{Product, SafetyStock};
pub use qty::{Amount, Money, Qty};
pub use series::SeriesField;
pub use workbook::{CellEdit, Edit, Workbook};
