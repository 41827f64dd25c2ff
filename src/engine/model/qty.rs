//! Fixed-point numbers for the plan.
//!
//! Quantities are stored as whole thousandths of a unit and money as whole cents. Sums of
//! integers are exact and order-independent, so a family total always equals the sum of its
//! SKUs to the unit, and an incremental recalculation equals a full one bit for bit. Floats
//! appear only at the edges (parsing, display, ratios such as cover or WMAPE).

use serde::{Deserialize, Serialize};
use std::fmt;

/// Thousandths of a unit in one [`Qty`].
pub const MILLI: i64 = 1000;

/// The largest quantity a single cell may hold, in units (100 million).
pub const MAX_UNITS: f64 = 100_000_000.0;

/// The largest unit cost or price, in currency units.
pub const MAX_PRICE: f64 = 1_000_000.0;

/// [`MAX_PRICE`] in cents: 10^8, below 2^27 (134,217,728).
pub const MAX_PRICE_CENTS: i64 = 100_000_000;

/// The most SKUs a plan holds. With at most 260 weeks (156 of history, 104 ahead) a plan has
/// at most 5,200,000 SKU-weeks, the most terms any money total sums (see [`Amount`]).
pub const MAX_SKUS: usize = 20_000;

/// A quantity of stock or demand, in thousandths of a unit.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Qty(pub i64);

impl Qty {
    /// No stock, no demand: the starting point of every sum.
    pub const ZERO: Qty = Qty(0);

    /// Whole units.
    pub const fn units(u: i64) -> Qty {
        Qty(u * MILLI)
    }

    /// Rounds a float to the nearest thousandth; `None` when it is not finite or out of bounds.
    pub fn from_f64(v: f64) -> Option<Qty> {
        if !v.is_finite() || v.abs() > MAX_UNITS {
            return None;
        }
        Some(Qty((v * MILLI as f64).round() as i64))
    }

    /// In units as a float: for display, ratios (cover, WMAPE) and the forecast methods; sums stay exact in thousandths.
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / MILLI as f64
    }

    /// The larger of two quantities (keeps the fixed-point type, unlike going through f64).
    pub fn max(self, other: Qty) -> Qty {
        Qty(self.0.max(other.0))
    }

    /// The smaller of two quantities (keeps the fixed-point type, unlike going through f64).
    pub fn min(self, other: Qty) -> Qty {
        Qty(self.0.min(other.0))
    }

    /// Below zero, e.g. projected stock that demand has overrun (a stockout).
    pub fn is_negative(self) -> bool {
        self.0 < 0
    }
}

impl std::ops::Add for Qty {
    type Output = Qty;
    fn add(self, o: Qty) -> Qty {
        Qty(self.0 + o.0)
    }
}

impl std::ops::Sub for Qty {
    type Output = Qty;
    fn sub(self, o: Qty) -> Qty {
        Qty(self.0 - o.0)
    }
}

impl std::ops::AddAssign for Qty {
    fn add_assign(&mut self, o: Qty) {
        self.0 += o.0;
    }
}

impl std::ops::Neg for Qty {
    type Output = Qty;
    fn neg(self) -> Qty {
        Qty(-self.0)
    }
}

impl fmt::Display for Qty {
    /// Shortest exact form: `120`, `1.5`, `-0.25`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = abs / MILLI as u64;
        let frac = abs % MILLI as u64;
        if frac == 0 {
            write!(f, "{sign}{whole}")
        } else {
            let digits = format!("{frac:03}");
            write!(f, "{sign}{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

/// An amount of money in cents: a unit cost or price (at most [`MAX_PRICE_CENTS`]), or a
/// total shown to the planner, rounded from an [`Amount`]. Wide (i128) because a total can
/// pass what an i64 of cents holds (92 quadrillion currency units): 20,000 SKUs each with
/// 100,000,000 units on hand at 1,000,000 are worth 2 × 10^18, i.e. 2 × 10^20 cents.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(pub i128);

impl Money {
    /// Nothing: an unpriced product, or an empty total.
    pub const ZERO: Money = Money(0);

    /// Rounds to the cent; `None` when not finite, negative or above [`MAX_PRICE`].
    pub fn price_from_f64(v: f64) -> Option<Money> {
        if !v.is_finite() || !(0.0..=MAX_PRICE).contains(&v) {
            return None;
        }
        Some(Money((v * 100.0).round() as i128))
    }

    /// From whole cents; `const` so prices can be written in tests and seeds.
    pub const fn cents(c: i128) -> Money {
        Money(c)
    }

    /// In currency units, for display only; totals stay in cents.
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

/// An amount of money in thousandths of a cent: the exact product of a [`Qty`] (thousandths
/// of a unit) and a price in cents. Derived money rows are kept in this unit so the hot path
/// never divides and nothing is rounded until display.
///
/// Why it never overflows (worked by hand). A [`Qty`] is an i64, so |q| ≤ 2^63 whatever
/// the plan holds (projected stock sums receipts over the weeks, demand adds events, so
/// quantities are bounded by their type, not by [`MAX_UNITS`]). A price is checked to
/// 0..=[`MAX_PRICE_CENTS`] < 2^27 wherever it enters (grid, SKU panel, import, plan file,
/// storage). So one amount is below 2^90 in size. The largest sum of amounts is over every
/// SKU and week of a plan: [`MAX_SKUS`] × 260 = 5,200,000 < 2^23 terms, so below 2^113,
/// far inside an i128 (2^127). Sums of sums (months, families, the total) add the same
/// terms once each. Hence plain (non-wrapping) i128 arithmetic, exact by construction.
///
/// The realistic worst case with inputs at their caps: 20,000 SKUs × 100,000,000 units on
/// hand × 1,000,000 a unit = 2 × 10^18 currency units of inventory value in a week, shown
/// exactly; an i64 of cents would have wrapped past 9.2 × 10^16.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(pub i128);

impl Amount {
    /// Nothing: the starting point of every money sum.
    pub(crate) const ZERO: Amount = Amount(0);

    /// `qty × price`, exactly. Most products fit an i64 (|q| < 2^36 thousandths and a
    /// price below 2^27 cents): that path is one 64-bit multiply, cheap on wasm, which has
    /// no 64×64→128 instruction; anything larger takes the 128-bit multiply.
    #[inline]
    pub fn of(q: Qty, price: Money) -> Amount {
        const Q_FAST: u64 = 1 << 36;
        const P_FAST: u128 = 1 << 27;
        if q.0.unsigned_abs() < Q_FAST && price.0.unsigned_abs() < P_FAST {
            Amount((q.0 * price.0 as i64) as i128)
        } else {
            Amount(q.0 as i128 * price.0)
        }
    }

    /// Whole cents: `Amount::cents(35_000)` is 350.00.
    pub const fn cents(c: i128) -> Amount {
        Amount(c * MILLI as i128)
    }

    /// Rounded half away from zero to the cent.
    pub fn to_money(self) -> Money {
        let p = self.0;
        let half = MILLI as i128 / 2;
        Money(if p >= 0 {
            (p + half) / MILLI as i128
        } else {
            (p - half) / MILLI as i128
        })
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_round_to_thousandths_and_print_short() {
        assert_eq!(Qty::from_f64(1.5), Some(Qty(1500)));
        assert_eq!(Qty::from_f64(0.0004), Some(Qty(0)));
        assert_eq!(Qty::from_f64(f64::NAN), None);
        assert_eq!(Qty::from_f64(f64::INFINITY), None);
        assert_eq!(Qty::from_f64(2e8), None);
        assert_eq!(Qty(1500).to_string(), "1.5");
        assert_eq!(Qty(-250).to_string(), "-0.25");
        assert_eq!(Qty::units(120).to_string(), "120");
    }

    #[test]
    fn amounts_are_exact_and_round_half_away_from_zero_to_the_cent() {
        // 2.5 units at 0.03 = 0.075 -> 0.08 when shown
        assert_eq!(Amount::of(Qty(2500), Money(3)), Amount(7500));
        assert_eq!(Amount::of(Qty(2500), Money(3)).to_money(), Money(8));
        assert_eq!(Amount::of(Qty(-2500), Money(3)).to_money(), Money(-8));
        assert_eq!(
            Amount::of(Qty::units(3), Money(1999)).to_money(),
            Money(5997)
        );
        assert_eq!(Amount::cents(5997).to_money(), Money(5997));
        assert_eq!(Money(5997).to_string(), "59.97");
        assert_eq!(Money(-5).to_string(), "-0.05");
        assert_eq!(Money::price_from_f64(-1.0), None);
    }
}
