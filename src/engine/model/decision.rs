//! Decisions taken in the check-in ("expedite PO 4471", "cut the Fig promo to 2 weeks"): what,
//! who owns it, by when, and which SKUs and weeks it concerns. Open ones stay in the weekly view
//! until closed; they travel in the plan file so everyone sees the same list.

use serde::{Deserialize, Serialize};

/// A decision taken in a check-in, with an owner and a due date, open until closed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Decision {
    /// Unique across browsers, so two copies' lists merge.
    pub id: String,
    /// What was decided, as typed (at most [`MAX_DECISION`] characters).
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
    /// The day it was recorded, `YYYY-MM-DD`.
    pub made: String,
    /// When it was closed; `None` while open.
    pub closed: Option<String>,
}

/// The SKUs a decision concerns, as typed in its form: separated by commas or semicolons, each
/// trimmed. Not by spaces: a family target reads `family:Family 00`, and SKU codes may hold
/// spaces (`CND 101`).
pub fn skus_from(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The longest decision text, in characters.
pub const MAX_DECISION: usize = 500;

impl Decision {
    /// Still to be done (not closed): shown in the weekly view.
    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::skus_from;

    #[test]
    fn a_family_target_and_codes_with_spaces_stay_whole() {
        // Split on spaces, "family:Family 00" was saved as "family:Family" and "00".
        assert_eq!(
            skus_from("family:Family 00, CND 101;DIF-104 ,, "),
            ["family:Family 00", "CND 101", "DIF-104"]
        );
        assert!(skus_from(" , ").is_empty());
    }
}
