//! The two views of the plan — the weekly check-in and the monthly deep dive — with the
//! toolbar they share and meeting mode for the weekly call.

pub mod meeting;
pub mod monthly;
pub mod toolbar;
pub mod weekly;
