//! The built-in demo plan, and larger generated plans for benchmarks.
//!
//! A fictional home-fragrance brand, "Fernhill", with three families (candles, diffusers, gift
//! sets) and 40 SKUs: 52 weeks of sales history with a Q4 season, a diffuser promotion ten weeks
//! ago that tripled sales, one candle launched eight weeks ago, on-hand stock, open purchase
//! orders, lead times, costs and prices. Stock levels are chosen so the projection shows a few
//! stockouts (one of them with its PO arriving too late) and some excess. Everything is
//! deterministic: the same current week always gives the same plan.

use crate::engine::{Calendar, Money, Plan, Product, Qty, SafetyStock};
use chrono::NaiveDate;

/// Weeks of history and of horizon in the demo plan (18 months ahead for the deep dive).
pub const DEMO_HISTORY: usize = 52;
pub const DEMO_HORIZON: usize = 78;

/// A small deterministic generator (SplitMix64): no dependency, same numbers on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// How demand varies over the year for a family (index: month 1–12).
fn season(family: usize, month: u32) -> f64 {
    const CANDLES: [f64; 12] = [
        0.8, 0.8, 0.85, 0.8, 0.75, 0.7, 0.7, 0.75, 0.9, 1.2, 1.7, 2.1,
    ];
    const DIFFUSERS: [f64; 12] = [
        1.0, 0.95, 1.0, 1.05, 1.0, 0.95, 0.9, 0.9, 1.0, 1.05, 1.2, 1.3,
    ];
    const GIFTS: [f64; 12] = [0.5, 0.9, 0.6, 0.6, 0.8, 0.5, 0.5, 0.5, 0.6, 1.0, 2.2, 3.2];
    let m = (month as usize).clamp(1, 12) - 1;
    match family % 3 {
        0 => CANDLES[m],
        1 => DIFFUSERS[m],
        _ => GIFTS[m],
    }
}

const FAMILIES: [&str; 3] = ["Candles", "Diffusers", "Gift sets"];
const SCENTS: [&str; 16] = [
    "Fig & Cedar",
    "Sea Salt",
    "Amber Wood",
    "Wild Mint",
    "Black Tea",
    "Orange Grove",
    "Linen",
    "Lavender",
    "Smoked Oak",
    "Rose Hip",
    "Vetiver",
    "Pine Needle",
    "Honey Oat",
    "Bergamot",
    "Tomato Leaf",
    "Sandalwood",
];

/// How the brand has been ordering a SKU.
#[derive(Clone, Copy, PartialEq)]
enum Replenish {
    /// Orders arrive whenever stock would fall under 5.5 weeks of demand: confirmed POs
    /// inside the lead time, planned receipts after it.
    Policy,
    /// As `Policy`, but nothing was ordered in time: no receipts inside the lead time.
    PolicyAfterLeadTime,
    /// Nothing on order (excess stock that needs none).
    Never,
}

/// Weeks of demand below which the ordering policy brings in a receipt, and how many it orders.
const REORDER_WEEKS: f64 = 5.5;
const ORDER_WEEKS: f64 = 6.0;

/// What the generator needs to know about one SKU.
struct Shape {
    family: usize,
    base: f64,
    /// Weeks of demand on hand now.
    stock_weeks: f64,
    /// Week offset (from the current week) of one extra open PO, if any.
    po_in: Option<usize>,
    replenish: Replenish,
    launched_weeks_ago: Option<usize>,
    promo: bool,
}

fn product_for(rng: &mut Rng, sku: String, name: String, shape: &Shape) -> Product {
    let mut p = Product::new(&sku, &name, FAMILIES[shape.family % 3]);
    let (cost, markup) = match shape.family % 3 {
        0 => (rng.range(4.0, 9.0), 3.2),
        1 => (rng.range(7.0, 14.0), 2.8),
        _ => (rng.range(15.0, 30.0), 2.4),
    };
    p.unit_cost = Money::cents((cost * 100.0).round() as i128);
    p.unit_price = Money::cents(((cost * markup).round() * 100.0 - 1.0) as i128);
    p.lead_time_weeks = *rng.pick(&[4u32, 6, 8, 10, 12]);
    p.moq = Qty::units(*rng.pick(&[100i64, 200, 300, 500]));
    p.order_multiple = Qty::units(*rng.pick(&[12i64, 24, 48, 50]));
    p.safety_stock = if rng.unit() < 0.6 {
        SafetyStock::WeeksOfCover(*rng.pick(&[2.0, 3.0, 4.0]))
    } else {
        SafetyStock::Units(Qty::units((shape.base * 2.5).round() as i64))
    };
    p
}

/// Fills one SKU's history, forecast, stock and PO.
fn fill(plan: &mut Plan, idx: usize, rng: &mut Rng, shape: &Shape) {
    let cal = plan.calendar.clone();
    let c = cal.current();
    let n = cal.len();
    let bias = rng.range(-0.08, 0.12);
    for i in 0..n {
        let (_, month) = cal.month_of(i);
        let mut level = shape.base * season(shape.family, month);
        if let Some(ago) = shape.launched_weeks_ago {
            let since = i as isize - (c as isize - ago as isize);
            if since < 0 {
                level = 0.0;
            } else {
                level *= (0.4 + 0.1 * since as f64).min(1.0);
            }
        }
        let s = plan.series_mut(idx);
        let noise = rng.range(0.8, 1.2);
        if i < c {
            let promo = if shape.promo && i + 10 == c { 3.0 } else { 1.0 };
            s.actual[i] = Qty::units((level * noise * promo).round() as i64);
            s.forecast[i] = Qty::units((level * (1.0 + bias)).round() as i64);
        } else {
            s.forecast[i] = Qty::units(level.round() as i64);
        }
    }
    let on_hand =
        (shape.base * season(shape.family, cal.month_of(c).1) * shape.stock_weeks).round();
    plan.products[idx].on_hand = Qty::units(on_hand as i64);
    let p = plan.products[idx].clone();
    let round_order = |units: f64| {
        let m = p.order_multiple.to_f64().max(1.0);
        Qty::units(((units.max(p.moq.to_f64()) / m).ceil() * m) as i64)
    };
    let s = plan.series_mut(idx);
    if let Some(w) = shape.po_in.filter(|w| c + w < n) {
        s.confirmed_receipts[c + w] = round_order(shape.base * 8.0);
    }
    if shape.replenish == Replenish::Never {
        return;
    }
    let lead_end = c + p.lead_time_weeks as usize;
    let first = if shape.replenish == Replenish::PolicyAfterLeadTime {
        lead_end
    } else {
        c
    };
    let mut stock = p.on_hand;
    for w in c..n {
        let demand = s.forecast[w];
        stock = stock + s.confirmed_receipts[w] - demand;
        if w >= first && stock.to_f64() < demand.to_f64() * REORDER_WEEKS {
            let qty = round_order(demand.to_f64() * ORDER_WEEKS);
            if w < lead_end {
                s.confirmed_receipts[w] += qty;
            } else {
                s.planned_receipts[w] += qty;
            }
            stock += qty;
        }
    }
}

/// The demo plan whose current week holds `today`.
pub fn demo_plan(today: NaiveDate) -> Plan {
    let cal = Calendar::around(today, DEMO_HISTORY, DEMO_HORIZON)
        .expect("demo calendar is within bounds");
    let mut plan = Plan::new(cal);
    let mut rng = Rng(0x5EED_F0E5_2026);
    // (family, count, sku prefix, sizes)
    let lines: [(usize, usize, &str, &[&str]); 3] = [
        (0, 16, "CND", &["200g", "400g"]),
        (1, 14, "DIF", &["100ml", "250ml"]),
        (2, 10, "GFT", &["Trio", "Duo"]),
    ];
    for (family, count, prefix, sizes) in lines {
        for k in 0..count {
            let scent = SCENTS[(k + family * 5) % SCENTS.len()];
            let size = sizes[k % sizes.len()];
            let sku = format!("{prefix}-{:03}", 101 + k);
            let name = match family {
                2 => format!("{scent} Gift {size}"),
                _ => format!("{scent} {size}"),
            };
            // A few deliberate stories: stockouts, a too-late PO, excess, a launch, a promo.
            let stock_weeks = match (family, k) {
                (0, 2) | (1, 5) | (2, 1) => 1.0, // runs out within weeks
                (0, 7) => 2.0,                   // runs out before its PO lands (too late)
                (0, 11) | (1, 9) => 30.0,        // excess
                _ => rng.range(4.0, 14.0),
            };
            let shape = Shape {
                family,
                base: match family {
                    0 => rng.range(20.0, 90.0),
                    1 => rng.range(15.0, 60.0),
                    _ => rng.range(6.0, 25.0),
                },
                stock_weeks,
                po_in: match (family, k) {
                    (0, 7) => Some(6),
                    _ => None,
                },
                replenish: match (family, k) {
                    (0, 2) | (1, 5) | (2, 1) | (0, 7) => Replenish::PolicyAfterLeadTime,
                    (0, 11) | (1, 9) => Replenish::Never,
                    _ => Replenish::Policy,
                },
                launched_weeks_ago: (family == 0 && k == 15).then_some(8),
                promo: family == 1 && k < 4,
            };
            let product = product_for(&mut rng, sku, name, &shape);
            let idx = plan.add_product(product);
            fill(&mut plan, idx, &mut rng, &shape);
        }
    }
    // Candles are poured in-house: capacity per week.
    plan.capacity.insert("Candles".to_string(), Qty::units(900));
    plan
}

/// A generated plan of `skus` SKUs in `families` families, for benchmarks and load tests.
pub fn generated_plan(
    today: NaiveDate,
    skus: usize,
    families: usize,
    history: usize,
    horizon: usize,
) -> Plan {
    let cal =
        Calendar::around(today, history, horizon).expect("benchmark calendar is within bounds");
    let mut plan = Plan::new(cal);
    let mut rng = Rng(0xBE7C_2026 ^ skus as u64);
    let families = families.max(1);
    for k in 0..skus {
        let family = k % families;
        let shape = Shape {
            family,
            base: rng.range(5.0, 120.0),
            stock_weeks: rng.range(0.5, 20.0),
            po_in: (k % 3 == 0).then_some(1 + k % 11),
            replenish: if k % 7 == 0 {
                Replenish::Never
            } else {
                Replenish::Policy
            },
            launched_weeks_ago: None,
            promo: false,
        };
        let mut product = product_for(
            &mut rng,
            format!("SKU-{k:05}"),
            format!("Generated item {k}"),
            &shape,
        );
        product.family = format!("Family {family:02}");
        let idx = plan.add_product(product);
        fill(&mut plan, idx, &mut rng, &shape);
    }
    plan
}
