//! The plan file: every plan reads back identical, the format is what README says, and every
//! bad input is refused with a message naming its line and column.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use sop_grid::demo::demo_plan;
use sop_grid::planfile::{read, write};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

#[test]
fn the_demo_plan_round_trips() {
    let plan = demo_plan(today());
    let text = write(&plan);
    assert_eq!(read(&text), Ok(plan));
}
