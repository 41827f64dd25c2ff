//! What planners own and the plan file carries: the plan itself ([`plan::Plan`]), its
//! products, ISO-week calendar and input series, the fixed-point numbers they are written in,
//! and what the call adds to it (notes, decisions, demand events, check-in snapshots, who
//! changed what, channel and location splits).
//!
//! Data and its invariants only: nothing here is derived from anything else, and this folder
//! imports nothing from the rest of the engine.

pub mod authors;
pub mod breakdown;
pub mod calendar;
pub mod checkin;
pub mod decision;
pub mod event;
pub mod meta;
pub mod note;
pub mod plan;
pub mod product;
pub mod qty;
pub mod series;
