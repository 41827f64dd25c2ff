//! Any bytes, as any file name, with or without a planner's date-order choice, alone or after
//! the header of a report whose reader they should reach: the importer must return a preview,
//! never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sop_grid::import::{preview, Choices, DateOrder};

/// Headers put before the bytes so the readers behind them are reached (index 0: none).
const HEADERS: [&[u8]; 3] = [
    b"",
    b"amazon-order-id\tpurchase-date\torder-status\tsales-channel\tsku\titem-status\tquantity\n",
    b"sku\tafn-listing-exists\tafn-fulfillable-quantity\tafn-reserved-quantity\tafn-inbound-shipped-quantity\tafn-inbound-receiving-quantity\n",
];

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
    let header = HEADERS[usize::from(choice / 3) % HEADERS.len()];
    let p = preview(&[header, bytes].concat(), "fuzz.csv", &choices);
    assert_eq!(p.can_apply(), p.records().is_some());
});
