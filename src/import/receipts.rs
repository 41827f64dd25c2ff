//! Purchase or production orders -> receipts per SKU and week, confirmed or planned. The
//! status decides which: an order the supplier has (open, confirmed, sent, in transit) is
//! confirmed; one still being prepared (draft, planned, proposed) is planned; one already
//! received, cancelled or closed no longer arrives and is left out. No status column, or an
//! empty status, means an open order.

use super::cells::Cells;
use super::columns::{normalize, Field};
use super::records::{ReceiptRow, Records, Skipped, Sums};

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

pub fn read(c: &mut Cells) -> (Records, Vec<Skipped>) {
    let table = c.table;
    let mut sums = Sums::default();
    let mut done = 0usize;
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
        if let (Some(sku), Some(week), Some(q)) = (sku, week, q) {
            sums.add(sku, (week, status == Status::Confirmed), q);
        }
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
    let skipped = super::records::skipped(&[("received, cancelled or closed orders", done)]);
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
