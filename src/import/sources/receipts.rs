//! Purchase or production orders -> receipts per SKU and week, confirmed or planned. The
//! status decides which: an order the supplier has (open, confirmed, sent, in transit) is
//! confirmed; one still being prepared (draft, planned, proposed) is planned; one already
//! received, cancelled or closed no longer arrives and is left out. No status column, or an
//! empty status, means an open order.
//!
//! A list with a received column (`Qty Received`) says what already came in on each line:
//! only the rest (ordered − received) is still to come. A line with nothing left to come is
//! fully received and left out, whatever its status says.

use crate::engine::model::qty::Qty;
use crate::import::read::cells::Cells;
use crate::import::read::columns::{normalize, Field};
use crate::import::records::{PartlyReceived, ReceiptRow, Records, Skipped, Sums};

/// What an order's status means for the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Confirmed,
    Planned,
    Done,
}

const CONFIRMED: &[&str] = &[
    "",
    "open",
    "confirmed",
    "sent",
    "in transit",
    "ordered",
    "shipped",
    "placed",
    "approved",
    "partially received",
    "released",
];
const PLANNED: &[&str] = &["draft", "planned", "proposed", "suggested", "requested"];
const DONE: &[&str] = &[
    "received",
    "cancelled",
    "canceled",
    "closed",
    "done",
    "completed",
];

fn status(text: &str) -> Result<Status, String> {
    let t = normalize(text);
    let is = |list: &[&str]| list.iter().any(|s| normalize(s) == t);
    if is(CONFIRMED) {
        Ok(Status::Confirmed)
    } else if is(PLANNED) {
        Ok(Status::Planned)
    } else if is(DONE) {
        Ok(Status::Done)
    } else {
        Err(format!(
            "is not a known status (confirmed: {}; planned: {}; left out: {})",
            CONFIRMED[1..].join(", "),
            PLANNED.join(", "),
            DONE.join(", ")
        ))
    }
}

/// Receipts per SKU, week and status; `partly` gets the lines of which some units are in.
pub fn read(c: &mut Cells, partly: &mut PartlyReceived) -> (Records, Vec<Skipped>) {
    let table = c.table;
    let mut sums = Sums::default();
    let (mut done, mut full) = (0usize, 0usize);
    for row in &table.rows {
        let parsed = status(c.text(row, Field::Status));
        let Some(status) = c.ok(row, Field::Status, parsed) else {
            continue;
        };
        if status == Status::Done {
            done += 1;
            continue;
        }
        let sku = c.required_sku(row);
        let week = c.week(row, Field::Expected);
        let q = c.qty(row, Field::Quantity);
        let received = c.optional_qty(row, Field::Received);
        let (Some(sku), Some(week), Some(q), Ok(received)) = (sku, week, q, received) else {
            continue;
        };
        let received = received.unwrap_or(Qty::ZERO);
        if received >= q {
            if received > q {
                c.warn(
                    row,
                    Field::Received,
                    "is more than was ordered: the line is taken as fully received",
                );
            }
            full += 1;
            continue;
        }
        let outstanding = q - received;
        if received > Qty::ZERO {
            partly.lines += 1;
            partly.received = Qty(partly.received.0.saturating_add(received.0));
            partly.outstanding = Qty(partly.outstanding.0.saturating_add(outstanding.0));
        }
        sums.add(sku, (week, status == Status::Confirmed), outstanding);
    }
    let receipts = sums
        .into_sorted()
        .into_iter()
        .map(|(sku, (week, confirmed), qty)| ReceiptRow {
            sku,
            week,
            qty,
            confirmed,
        })
        .collect();
    let skipped = crate::import::records::skipped(&[
        ("received, cancelled or closed orders", done),
        ("fully received order lines", full),
    ]);
    (Records::Receipts(receipts), skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(status("In transit"), Ok(Status::Confirmed));
        assert_eq!(status(""), Ok(Status::Confirmed));
        assert_eq!(status("DRAFT"), Ok(Status::Planned));
        assert_eq!(status("Cancelled"), Ok(Status::Done));
        assert!(status("lost")
            .unwrap_err()
            .starts_with("is not a known status (confirmed: open,"));
    }
}
