//! Working together on one plan: the three-way merge of two copies against their last shared
//! check-in ([`merge`]) and the conflicts it asks about ([`conflict`]), what changed since the
//! check-in ([`changes`]), the weekly roll to today's week ([`roll`]) and scenarios ([`scenario`]).
//!
//! Works on plans and workbooks; may import every other engine folder.

pub mod changes;
pub mod conflict;
pub mod merge;
pub mod roll;
pub mod scenario;
