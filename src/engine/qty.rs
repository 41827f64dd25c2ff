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

/// A quantity of stock or demand, in thousandths of a unit.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Qty(pub i64);

impl Qty {
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

    pub fn to_f64(self) -> f64 {
        self.0 as f64 / MILLI as f64
    }

    pub fn max(self, other: Qty) -> Qty {
        Qty(self.0.max(other.0))
    }

    pub fn min(self, other: Qty) -> Qty {
        Qty(self.0.min(other.0))
    }

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

/// An amount of money in cents.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(pub i64);

impl Money {
    pub const ZERO: Money = Money(0);

    /// Rounds to the cent; `None` when not finite, negative or above [`MAX_PRICE`].
    pub fn price_from_f64(v: f64) -> Option<Money> {
        if !v.is_finite() || !(0.0..=MAX_PRICE).contains(&v) {
            return None;
        }
        Some(Money((v * 100.0).round() as i64))
    }

    pub const fn cents(c: i64) -> Money {
        Money(c)
    }

    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

/// An amount of money in thousandths of a cent: the exact product of a [`Qty`] (thousandths
/// of a unit) and a price in cents. Derived money rows are kept in this unit so the hot path
/// never divides (wasm has no 64-bit multiply-high, so `/ 1000` is a real division there)
/// and nothing is rounded until display. Wrapping arithmetic: exact up to ±92 trillion
/// currency units per cell or weekly total, far beyond the brands this tool is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(pub i64);

impl Amount {
    pub const ZERO: Amount = Amount(0);

    /// `qty × price`, exactly.
    pub fn of(q: Qty, price: Money) -> Amount {
        Amount(q.0.wrapping_mul(price.0))
    }

    /// Whole cents: `Amount::cents(35_000)` is 350.00.
    pub const fn cents(c: i64) -> Amount {
        Amount(c * MILLI)
    }

    /// Rounded half away from zero to the cent.
    pub fn to_money(self) -> Money {
        let p = self.0;
        Money(if p >= 0 {
            (p + MILLI / 2) / MILLI
        } else {
            (p - MILLI / 2) / MILLI
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
