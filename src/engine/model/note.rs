//! Notes a planner leaves on a SKU or on one cell of the grid ("promo confirmed with Boots",
//! "PO 4471 slips a week"), signed and dated, so the call can read them.

use serde::{Deserialize, Serialize};

/// A signed, dated note on a SKU or one cell of the grid, read out in the call.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Note {
    /// The grid row's SKU (`data-sku`: a SKU code, `family:<name>` or `total`).
    pub sku: String,
    /// The column (`2026-W48` or `2026-11`); `None` for a note on the SKU as a whole.
    pub period: Option<String>,
    /// The row's measure (`forecast`, `receipts`…); `None` for a note on the SKU.
    pub measure: Option<String>,
    /// What the note says, as typed.
    pub text: String,
    /// "Ana (Sales)".
    pub author: String,
    /// When it was written, `YYYY-MM-DD`.
    pub written: String,
}

/// The longest note, in characters.
pub const MAX_NOTE: usize = 2000;

impl Note {
    /// Whether this note sits on the given grid cell.
    pub fn is_on(&self, sku: &str, period: &str, measure: &str) -> bool {
        self.sku == sku
            && self.period.as_deref() == Some(period)
            && self.measure.as_deref() == Some(measure)
    }
}
