//! Decisions taken in the check-in ("expedite PO 4471", "cut the Fig promo to 2 weeks"): what,
//! who owns it, by when, and which SKUs and weeks it concerns. Open ones stay in the weekly view
//! until closed; they travel in the plan file so everyone sees the same list.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Decision {
    /// Unique across browsers, so two copies' lists merge.
    pub id: String,
    pub text: String,
    /// Who carries it out ("Olu (Operations)").
    pub owner: String,
    /// `YYYY-MM-DD`.
    pub due: String,
    /// SKU codes (or `family:<name>`) it concerns.
    pub skus: Vec<String>,
    /// The weeks it concerns, as written ("2026-W50" or "2026-W50–W52"); may be empty.
    pub weeks: String,
    /// Who recorded it, and when (`YYYY-MM-DD`).
    pub author: String,
    pub made: String,
    /// When it was closed; `None` while open.
    pub closed: Option<String>,
}

/// The longest decision text, in characters.
pub const MAX_DECISION: usize = 500;

impl Decision {
    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }
}
