//! Any bytes, as any file name, with or without a planner's date-order choice: the importer
//! must return a preview, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sop_grid::import::{preview, Choices, DateOrder};

fuzz_target!(|data: &[u8]| {
    let (choice, bytes) = data.split_first().map_or((0, data), |(c, rest)| (*c, rest));
    let choices = Choices {
        date_order: match choice % 3 {
            0 => None,
            1 => Some(DateOrder::Dmy),
            _ => Some(DateOrder::Mdy),
        },
        ..Choices::default()
    };
    let p = preview(bytes, "fuzz.csv", &choices);
    assert_eq!(p.can_apply(), p.records().is_some());
});
