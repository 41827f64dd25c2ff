//! How numbers read in the app, in the user's locale: whole units with thousands separators,
//! one decimal only where a value is fractional, cover in weeks with "99+" at the cap. The
//! rules are [`crate::sheet::locale::Locale`]'s; this only supplies the browser's locale.

use super::locale::current;
use crate::engine::Qty;

/// `1234567` → `1,234,567` (en-US), `1.234.567` (de-DE); `-1500.5` → `-1.500,5` (de-DE).
pub fn units(q: Qty) -> String {
    current().units(q)
}

/// Thousandths of a unit (aggregate rows hold raw i64).
pub fn units_raw(milli: i64) -> String {
    units(Qty(milli))
}

/// Money in cents as whole currency units with separators: `1,234` / `1.234`.
pub fn money(cents: i128) -> String {
    current().money(cents)
}

/// Weeks of cover: `2.4` / `2,4`, `0`, `99+`.
pub fn cover(weeks: f64) -> String {
    current().cover(weeks)
}

/// A figure to `places` decimals: `4.2` / `4,2`.
pub fn fixed(v: f64, places: usize) -> String {
    current().fixed(v, places)
}

/// A share with one decimal: `12.5%` / `12,5%`.
pub fn percent(ratio: f64) -> String {
    current().percent(ratio)
}

/// A signed share: `+12.5%` / `+12,5%`.
pub fn signed_percent(ratio: f64) -> String {
    current().signed_percent(ratio)
}
