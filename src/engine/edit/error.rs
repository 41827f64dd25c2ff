//! Errors a planner can read: each says what was wrong and where.

use std::fmt;

/// Why an edit, undo or redo was refused, in words a planner can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanError {
    /// No product with this SKU code (or index) in the plan.
    UnknownSku(String),
    /// A week outside the plan's calendar.
    WeekOutsidePlan {
        /// The week asked for, as written (`2027-W10`).
        week: String,
        /// The plan's first week (`2025-W01`).
        first: String,
        /// The plan's last week.
        last: String,
    },
    /// A value that cannot be used, with the reason.
    BadValue {
        /// Which value ("lead time", "unit price").
        what: String,
        /// The value as given.
        value: String,
        /// Why it cannot be used ("must not be negative").
        reason: String,
    },
    /// Nothing to undo or redo.
    NothingTo(&'static str),
    /// The plan is open read-only (a save by a newer version of the app): nothing changes.
    ReadOnly,
    /// A change checked against the plan ([`crate::engine::Workbook::check`]) and committed
    /// after another change: it was worked out for a plan that is gone.
    ChangedSinceChecked,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::UnknownSku(s) => write!(f, "SKU '{s}' is not in the plan"),
            PlanError::WeekOutsidePlan { week, first, last } => {
                write!(f, "week {week} is outside the plan ({first} to {last})")
            }
            PlanError::BadValue {
                what,
                value,
                reason,
            } => write!(f, "{what}: '{value}' {reason}"),
            PlanError::NothingTo(action) => write!(f, "nothing to {action}"),
            PlanError::ReadOnly => write!(
                f,
                "Read-only: this tab does not take changes (see the banner at the top)"
            ),
            PlanError::ChangedSinceChecked => write!(
                f,
                "the plan changed while it ran (an edit, import, merge or promoted scenario)"
            ),
        }
    }
}

impl std::error::Error for PlanError {}
