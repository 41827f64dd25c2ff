//! A product record written as the fields that differ from a reference: the same SKU in the
//! base plan, or for a new SKU an empty product of that code. A snapshot's product usually
//! differs from the live one by its stock on hand only, so it costs two or three bytes.

use super::error::{corrupt, within};
use super::wire::{Reader, Result, Writer};
use crate::engine::{Money, Product, Qty, SafetyStock};

const NAME: u16 = 1;
const FAMILY: u16 = 1 << 1;
const COST: u16 = 1 << 2;
const PRICE: u16 = 1 << 3;
const LEAD: u16 = 1 << 4;
const SAFETY: u16 = 1 << 5;
const MOQ: u16 = 1 << 6;
const MULTIPLE: u16 = 1 << 7;
const ON_HAND: u16 = 1 << 8;
const ALL: u16 = (1 << 9) - 1;

/// Safety stocks compared bit for bit (0.0 and -0.0 weeks differ, so both round-trip).
fn same_safety(a: SafetyStock, b: SafetyStock) -> bool {
    match (a, b) {
        (SafetyStock::Units(x), SafetyStock::Units(y)) => x == y,
        (SafetyStock::WeeksOfCover(x), SafetyStock::WeeksOfCover(y)) => x.to_bits() == y.to_bits(),
        _ => false,
    }
}

fn mask(t: &Product, b: &Product) -> u16 {
    let bits = [
        (t.name != b.name, NAME),
        (t.family != b.family, FAMILY),
        (t.unit_cost != b.unit_cost, COST),
        (t.unit_price != b.unit_price, PRICE),
        (t.lead_time_weeks != b.lead_time_weeks, LEAD),
        (!same_safety(t.safety_stock, b.safety_stock), SAFETY),
        (t.moq != b.moq, MOQ),
        (t.order_multiple != b.order_multiple, MULTIPLE),
        (t.on_hand != b.on_hand, ON_HAND),
    ];
    bits.iter()
        .filter(|(d, _)| *d)
        .fold(0, |m, (_, bit)| m | bit)
}

/// Writes the fields of `t` that differ from `b` (same SKU).
pub fn write(w: &mut Writer, t: &Product, b: &Product) {
    let m = mask(t, b);
    w.var(u64::from(m));
    if m & NAME != 0 {
        w.text(&t.name);
    }
    if m & FAMILY != 0 {
        w.shared(&t.family);
    }
    if m & COST != 0 {
        w.int(price_int(t.unit_cost));
    }
    if m & PRICE != 0 {
        w.int(price_int(t.unit_price));
    }
    if m & LEAD != 0 {
        w.var(u64::from(t.lead_time_weeks));
    }
    if m & SAFETY != 0 {
        match t.safety_stock {
            SafetyStock::Units(q) => {
                w.u8(0);
                w.int(q.0);
            }
            SafetyStock::WeeksOfCover(weeks) => {
                w.u8(1);
                w.f64(weeks);
            }
        }
    }
    for (bit, q) in [
        (MOQ, t.moq),
        (MULTIPLE, t.order_multiple),
        (ON_HAND, t.on_hand),
    ] {
        if m & bit != 0 {
            w.int(q.0);
        }
    }
}

/// Reads a product written by [`write`] against `b`.
pub fn read(r: &mut Reader, b: &Product) -> Result<Product> {
    read_fields(r, b).map_err(|e| within(e, || format!("product {}", b.sku)))
}

fn read_fields(r: &mut Reader, b: &Product) -> Result<Product> {
    let m = r.var("flags")?;
    let m = u16::try_from(m)
        .ok()
        .filter(|m| m & !ALL == 0)
        .ok_or_else(|| corrupt(format!("unknown flags {m}")))?;
    let mut p = b.clone();
    if m & NAME != 0 {
        p.name = r.text("name")?.to_string();
    }
    if m & FAMILY != 0 {
        p.family = r.shared_string("family")?;
    }
    if m & COST != 0 {
        p.unit_cost = Money(r.int("unit cost")?.into());
    }
    if m & PRICE != 0 {
        p.unit_price = Money(r.int("unit price")?.into());
    }
    if m & LEAD != 0 {
        p.lead_time_weeks = r.u32("lead time")?;
    }
    if m & SAFETY != 0 {
        p.safety_stock = match r.u8("safety stock")? {
            0 => SafetyStock::Units(Qty(r.int("safety stock")?)),
            1 => SafetyStock::WeeksOfCover(r.f64("safety stock")?),
            t => return Err(corrupt(format!("safety stock of an unknown kind {t}"))),
        };
    }
    if m & MOQ != 0 {
        p.moq = Qty(r.int("MOQ")?);
    }
    if m & MULTIPLE != 0 {
        p.order_multiple = Qty(r.int("order multiple")?);
    }
    if m & ON_HAND != 0 {
        p.on_hand = Qty(r.int("on hand")?);
    }
    Ok(p)
}

/// A price as the stored integer of cents. A plan's prices are checked to at most
/// 100,000,000 cents, so this is exact; an out-of-range price (never in a checked plan) is
/// stored as `i64::MAX`, which the reader's plan check refuses rather than read as another
/// valid price.
fn price_int(m: Money) -> i64 {
    i64::try_from(m.0).unwrap_or(i64::MAX)
}
