//! Importing the CSV files small brands already have (Shopify exports, Amazon Seller Central
//! reports, purchase orders, sales history, forecasts), untouched: pure Rust, no browser
//! imports, tested natively.
//!
//! [`preview`] reads a file and says what it saw: the kind of file, its format (encoding,
//! delimiter, decimal separator, date order), which column holds what, the first rows, a
//! summary, warnings and errors (each naming line, column, raw value and reason), and the
//! plan-independent [`Records`] the app turns into plan edits. A planner's corrections
//! (date order, delimiter, column mapping) go back in through [`Choices`].
//!
//! Where things live:
//! - [`read`]: the steps every file goes through: decode bytes to text, sniff the delimiter,
//!   read the table, detect the kind and match columns, decide the date order and decimal
//!   separator from whole columns, typed values from cells.
//! - [`sources`]: one reader per kind of file, each giving [`Records`].
//! - [`apply`]: records to one plan edit, damaged codes matched to the plan's, the report.
//! - Here: the preview ([`Preview`], [`PreviewJob`], one file each, and the step that reads
//!   a file's records by kind), [`records`] (what a file holds), [`error`] (problems
//!   found in a file) and [`limits`] (how much one import may bring).
//!
//! Imports run one way: `read` knows neither the sources nor the plan; `sources` use `read`;
//! `apply` reads [`Records`] and never a file.

pub mod apply;
pub mod error;
mod job;
mod kind_step;
pub mod limits;
mod preview;
pub mod read;
pub mod records;
pub mod sources;

pub use error::Problem;
pub use read::columns::{ColumnMatch, Field, Mapping};
pub use read::dates::DateOrder;
pub use read::decode::Encoding;
pub use read::detect::Kind;
pub use read::periods::Period;
pub use read::sniff::{Delimiter, LineEnding};
pub use read::table::Progress;
pub use records::{
    ForecastRow, InboundRow, PartlyReceived, ProductRow, ReceiptRow, Records, Skipped, SkuQty,
    Summary, WeekQty,
};

pub use crate::sheet::number::DecimalSep;

pub use job::{PreviewJob, Step};
pub use preview::{
    preview, preview_with_progress, Choices, Format, Preview, MAX_BYTES, PREVIEW_ROWS,
};
