//! The whole plan and its check-in snapshots as one string for the browser's local storage:
//! compact (a 2,000-SKU plan with eight weekly check-ins in well under half the 5 MB quota,
//! so a save can write a second copy before switching), versioned (a newer app's save is
//! recognised, an older one upgraded: [`migrate`]) and verifiable (a damaged or cut-off save
//! is refused with a reason instead of being read as a wrong plan).
//!
//! Pure Rust, no browser imports: the browser glue that reads and writes local storage
//! calls [`encode`], [`decode`] and [`schema_of`].
//!
//! - [`envelope`]: the JSON wrapper (app, format, length, checksum, base64 payload).
//! - [`payload`]: the live plan, then the snapshots as differences, newest first.
//! - [`plan`], [`product`], [`series`], [`column`]: a plan against a base, down to one column.
//! - [`wire`]: varints, zigzag and the string table.
//! - [`recovered`]: stored text the app could not use, moved aside under dated keys.

pub mod bench;
mod column;
mod envelope;
mod error;
pub mod migrate;
mod payload;
mod plan;
mod product;
pub mod recovered;
pub mod scenarios;
mod series;
mod splits;
mod wire;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz;

pub use bench::{sample, StorageFigures};
pub use envelope::schema_of;
pub use error::StoreError;
pub use payload::{Reading, Writing};

use crate::engine::model::checkin::Snapshot;
use crate::engine::Plan;

/// The storage format this app writes, and the newest it reads.
pub const SCHEMA: u32 = 4;

/// What is saved: the live plan and its check-in snapshots, newest last.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub plan: Plan,
    pub snapshots: Vec<Snapshot>,
}

/// The text to save.
pub fn encode(stored: &Stored) -> String {
    envelope::seal(&payload::write(stored))
}

/// As [`encode`], in steps ([`Writing::step`], one snapshot each; then [`seal`]).
pub fn encode_in_steps(stored: Stored) -> Writing {
    Writing::start(stored)
}

/// The text to save from a [`Writing`] done: what [`encode`] gives for the same plan.
pub fn seal(writing: Writing) -> String {
    envelope::seal(&writing.finish())
}

/// The saved text back to the plan and snapshots, checked; never panics, whatever the text.
pub fn decode(text: &str) -> Result<Stored, StoreError> {
    decode_in_steps(text)?.finish()
}

/// As [`decode`], in steps: the envelope is checked (length, checksum, version) and the live
/// plan read at once; the check-ins one per [`Reading::step`].
pub fn decode_in_steps(text: &str) -> Result<Reading, StoreError> {
    let (version, bytes) = envelope::open(text)?;
    let bytes = migrate::upgrade(version, bytes)?;
    Reading::start(bytes)
}
