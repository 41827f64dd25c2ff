//! Reading a file, whatever its kind: bytes to text ([`decode`]), the delimiter ([`sniff`],
//! with [`quotes`]), the [`table`] of text cells, the kind of file ([`detect`]) and which
//! column holds what ([`columns`]); then typed values from cells ([`cells`]): [`numbers`],
//! [`dates`], [`periods`], and the SKU [`codes`] Excel may have damaged.
//!
//! May import: `import::error` and `import::records` (what a cell problem and a first-seen
//! value are), `import::limits`, and the engine's model types (calendar, quantities) and
//! `sheet::number`. Never the sources or the plan side (`import::sources`, `import::apply`).

pub mod cells;
pub mod codes;
pub mod columns;
pub mod dates;
pub mod decode;
pub mod detect;
pub mod numbers;
pub mod periods;
pub mod quotes;
pub mod sniff;
pub mod table;
