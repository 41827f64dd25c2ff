//! Why a saved plan could not be read, in words a planner can act on. Each kind calls for a
//! different answer in the app: not ours (ignore it), damaged or cut off (offer the backup
//! copy), newer (ask to update the app, never overwrite), invalid (report, keep the file).

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The text is not a plan saved by this app (another app's data, or something else).
    NotOurs,
    /// The text was ours but is damaged: broken JSON, a checksum mismatch, bad bytes.
    Corrupt { what: String },
    /// The text ends early: the save was cut off.
    Truncated,
    /// Written by a newer version of the app, in a format this one cannot read.
    Newer { version: u32 },
    /// Read cleanly, but the plan breaks the engine's rules (a negative quantity, …).
    Invalid { what: String },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NotOurs => {
                write!(f, "The saved data is not a plan saved by this app.")
            }
            StoreError::Corrupt { what } => write!(
                f,
                "The saved plan is damaged and cannot be read ({what})."
            ),
            StoreError::Truncated => write!(
                f,
                "The saved plan is incomplete: saving it was cut off before the end."
            ),
            StoreError::Newer { version } => write!(
                f,
                "The saved plan was written by a newer version of the app (format {version}; this one reads up to {}).",
                super::SCHEMA
            ),
            StoreError::Invalid { what } => write!(
                f,
                "The saved plan holds a value this app cannot accept: {what}."
            ),
        }
    }
}

impl std::error::Error for StoreError {}

/// A damaged-payload error naming what was being read.
pub(crate) fn corrupt(what: impl Into<String>) -> StoreError {
    StoreError::Corrupt { what: what.into() }
}

/// Names where damage was found, made only when there is damage (reading is a hot loop).
pub(crate) fn within(e: StoreError, place: impl FnOnce() -> String) -> StoreError {
    match e {
        StoreError::Corrupt { what } => corrupt(format!("{}: {what}", place())),
        other => other,
    }
}
