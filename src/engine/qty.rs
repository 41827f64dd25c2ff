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

    /// `qty × unit price`, rounded half away from zero to the cent.
    pub fn times(self, q: Qty) -> Money {
        // Fast path in i64 (division by a constant compiles to a multiply); i128 only when
        // the product could overflow, which validated plans almost never reach.
        if q.0 >= 0 && self.0 >= 0 {
            // Validated plans only multiply non-negative values: unsigned rounding is cheapest.
            if let Some(p) = (q.0 as u64).checked_mul(self.0 as u64) {
                return Money(((p + MILLI as u64 / 2) / MILLI as u64) as i64);
            }
        }
        match q.0.checked_mul(self.0) {
            Some(p) => Money(if p >= 0 {
                (p + MILLI / 2) / MILLI
            } else {
                (p - MILLI / 2) / MILLI
            }),
            None => {
                let p = q.0 as i128 * self.0 as i128;
                let m = MILLI as i128;
                Money(
                    (if p >= 0 {
                        (p + m / 2) / m
                    } else {
                        (p - m / 2) / m
                    }) as i64,
                )
            }
        }
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
    fn money_times_quantity_rounds_half_away_from_zero() {
        // 2.5 units at 0.03 = 0.075 -> 0.08
        assert_eq!(Money(3).times(Qty(2500)), Money(8));
        assert_eq!(Money(3).times(Qty(-2500)), Money(-8));
        assert_eq!(Money(1999).times(Qty::units(3)), Money(5997));
        assert_eq!(Money(5997).to_string(), "59.97");
        assert_eq!(Money(-5).to_string(), "-0.05");
        assert_eq!(Money::price_from_f64(-1.0), None);
    }
}
