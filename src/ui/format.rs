//! How numbers read in the grid: whole units with thousands separators, one decimal only
//! where a value is fractional, cover in weeks with "99+" at the cap.

use crate::engine::cover::COVER_CAP;
use crate::engine::Qty;

/// `1234567` → `1,234,567`; `-1500.5` → `-1,500.5`.
pub fn units(q: Qty) -> String {
    let v = q.to_f64();
    let rounded = (v * 10.0).round() / 10.0;
    let neg = rounded < 0.0;
    let abs = rounded.abs();
    let whole = abs.trunc() as u64;
    let tenth = ((abs - whole as f64) * 10.0).round() as u64;
    let mut s = group(whole);
    if tenth > 0 {
        s.push('.');
        s.push_str(&tenth.to_string());
    }
    if neg && (whole > 0 || tenth > 0) {
        s.insert(0, '-');
    }
    s
}

/// Thousandths of a unit (aggregate rows hold raw i64).
pub fn units_raw(milli: i64) -> String {
    units(Qty(milli))
}

/// Money in cents as whole currency units with separators: `1,234`.
pub fn money(cents: i64) -> String {
    let whole = (cents as f64 / 100.0).round();
    let s = group(whole.abs() as u64);
    if whole < 0.0 {
        format!("-{s}")
    } else {
        s
    }
}

/// Weeks of cover: `2.4`, `0`, `99+`.
pub fn cover(weeks: f64) -> String {
    if weeks >= COVER_CAP {
        "99+".to_string()
    } else {
        format!("{:.1}", weeks).trim_end_matches(".0").to_string()
    }
}

fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_read_like_a_spreadsheet() {
        assert_eq!(units(Qty::units(1_234_567)), "1,234,567");
        assert_eq!(units(Qty(-1_500_500)), "-1,500.5");
        assert_eq!(units(Qty(-20)), "0");
        assert_eq!(units(Qty::units(999)), "999");
        assert_eq!(money(123_456_789), "1,234,568");
        assert_eq!(money(-250_000), "-2,500");
        assert_eq!(cover(2.44), "2.4");
        assert_eq!(cover(3.0), "3");
        assert_eq!(cover(99.0), "99+");
    }
}
