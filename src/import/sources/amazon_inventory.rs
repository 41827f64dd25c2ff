//! Amazon FBA "Manage Inventory" report (one row per listing) -> stock on hand at the
//! location "Amazon FBA", and the units inbound to Amazon as confirmed receipts.
//!
//! - On hand = `afn-fulfillable-quantity` + `afn-reserved-quantity`: the units in Amazon's
//!   warehouses that are the seller's to sell. Reserved units are held for orders not yet
//!   shipped or moving between fulfilment centres; like Shopify's "On hand" (available plus
//!   committed) they are still stock. `afn-unsellable-quantity` (damaged, expired) is not.
//! - Inbound: `afn-inbound-receiving-quantity` (arrived, being checked in) is a receipt in the
//!   current week; `afn-inbound-shipped-quantity` (on its way) a receipt [`TRANSIT_WEEKS`]
//!   later; `afn-inbound-working-quantity` (a shipment still being prepared, usually still in
//!   the seller's own stock) is not a receipt yet, so it is not counted twice.
//! - The report has no date: it is read as a snapshot of the plan's current week.
//! - A listing Amazon does not fulfil (`afn-listing-exists` No) is left out and counted; the
//!   seller's own stock comes from their own inventory file. An empty quantity is zero.

use crate::engine::model::qty::Qty;
use crate::import::read::cells::Cells;
use crate::import::read::columns::{normalize, Field};
use crate::import::records::{FirstSeen, InboundRow, Records, Skipped, SkuQty};

/// The stock location of units at Amazon.
pub const LOCATION: &str = "Amazon FBA";

/// Weeks from shipped to received at Amazon, by default (a domestic ground shipment and
/// Amazon's check-in take about a week).
pub const TRANSIT_WEEKS: u32 = 1;

pub fn read(c: &mut Cells) -> (Records, Vec<Skipped>) {
    let table = c.table;
    let mut on_hand = Vec::new();
    let mut inbound = Vec::new();
    let mut seen = FirstSeen::default();
    let mut not_fba = 0usize;
    for row in &table.rows {
        if normalize(c.text(row, Field::AfnListingExists)) == "no" {
            not_fba += 1;
            continue;
        }
        let Some(sku) = c.required_sku(row) else {
            continue;
        };
        let mut qty = |field| c.optional_qty(row, field).map(Option::unwrap_or_default);
        let (Ok(fulfillable), Ok(reserved), Ok(receiving), Ok(shipped)) = (
            qty(Field::AfnFulfillable),
            qty(Field::AfnReserved),
            qty(Field::AfnInboundReceiving),
            qty(Field::AfnInboundShipped),
        ) else {
            continue;
        };
        if !c.first_time(&mut seen, row, sku) {
            continue;
        }
        on_hand.push(SkuQty {
            sku: sku.to_string(),
            // each is at most 100,000,000 units: the sum cannot overflow
            qty: fulfillable + reserved,
            location: LOCATION.to_string(),
        });
        for (weeks_ahead, q) in [(0, receiving), (TRANSIT_WEEKS, shipped)] {
            if q != Qty::ZERO {
                inbound.push(InboundRow {
                    sku: sku.to_string(),
                    weeks_ahead,
                    qty: q,
                });
            }
        }
    }
    on_hand.sort_by(|a, b| a.sku.cmp(&b.sku));
    inbound.sort_by(|a, b| (&a.sku, a.weeks_ahead).cmp(&(&b.sku, b.weeks_ahead)));
    let skipped = crate::import::records::skipped(&[("listings not fulfilled by Amazon", not_fba)]);
    (Records::Stock { on_hand, inbound }, skipped)
}
