//! Quantities and prices in a file. Whether `1,5` means one and a half or is a typo depends on
//! the file: the decimal separator is decided once from all its numbers (Excel in a
//! decimal-comma locale writes `1.234,5` and separates columns with `;`). Cells are then
//! read by the grid's own number rules, so typed, pasted and imported numbers agree.

use super::sniff::Delimiter;
use crate::engine::model::qty::{Money, Qty};
use crate::sheet::number::{parse_number, DecimalSep};

/// Decides the decimal separator from the numbers of a file. A value such as `1,234` fits
/// both readings and says nothing; with no telling value, a `;`-delimited file is taken to
/// use decimal commas (that is why Excel chose `;`).
pub fn decide_decimal<'a>(
    values: impl IntoIterator<Item = &'a str>,
    delimiter: Delimiter,
) -> DecimalSep {
    let (mut comma, mut dot) = (0usize, 0usize);
    for v in values {
        match telling_separator(v) {
            Some(DecimalSep::Comma) => comma += 1,
            Some(DecimalSep::Dot) => dot += 1,
            None => {}
        }
    }
    match comma.cmp(&dot) {
        std::cmp::Ordering::Greater => DecimalSep::Comma,
        std::cmp::Ordering::Less => DecimalSep::Dot,
        std::cmp::Ordering::Equal if delimiter == Delimiter::Semicolon => DecimalSep::Comma,
        std::cmp::Ordering::Equal => DecimalSep::Dot,
    }
}

/// The decimal separator a value shows unmistakably: the last of `.` and `,` when both
/// appear; a single separator not followed by exactly three digits.
fn telling_separator(v: &str) -> Option<DecimalSep> {
    let v = v.trim();
    let last = v.rfind(['.', ','])?;
    let sep = if v[last..].starts_with(',') {
        DecimalSep::Comma
    } else {
        DecimalSep::Dot
    };
    let digits_after = v[last + 1..].bytes().filter(u8::is_ascii_digit).count();
    let both = v.contains('.') && v.contains(',');
    (both || digits_after != 3).then_some(sep)
}

/// Reads a number with the grid's rules; the reason without the value (messages show it).
/// Scientific notation (`1e308`, Excel's `1,5E+09`) is not one of those rules, but it is a
/// number: one too large for `limit` says so; a smaller one asks for the number in full.
fn number(text: &str, dec: DecimalSep, (max, limit): (f64, &str)) -> Result<f64, String> {
    parse_number(text, dec).map_err(|e| match scientific(text, dec) {
        Some(v) if v.abs() > max => format!("is too large: {limit}"),
        Some(_) => {
            "is in scientific notation: write the number in full (1500, not 1.5E+3)".to_string()
        }
        None => {
            let prefix = format!("'{}' ", text.trim());
            e.strip_prefix(&prefix).unwrap_or(&e).to_string()
        }
    })
}

/// The value of a number in scientific notation (`1e308`, `-2.5E+09`, `1,5E+09` with a
/// decimal comma); infinite when it overflows.
fn scientific(text: &str, dec: DecimalSep) -> Option<f64> {
    let t = text.trim();
    let (mantissa, exponent) = t.split_once(['e', 'E'])?;
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let exp_digits = exponent.strip_prefix('-').unwrap_or(exponent);
    let m = mantissa.strip_prefix(['-', '+']).unwrap_or(mantissa);
    let sep = if dec == DecimalSep::Comma { ',' } else { '.' };
    let m_ok = match m.split_once(sep) {
        Some((w, f)) => digits(w) && digits(f),
        None => digits(m),
    };
    if !(m_ok && digits(exp_digits)) {
        return None;
    }
    let plain = format!("{}e{exponent}", mantissa.replace(sep, "."));
    plain.parse::<f64>().ok().filter(|v| !v.is_nan())
}

/// A quantity: a finite number, zero or more, at most 100,000,000 units.
pub fn parse_qty(text: &str, dec: DecimalSep) -> Result<Qty, String> {
    const LIMIT: &str = "more than 100,000,000 units";
    let v = number(text, dec, (1e8, LIMIT))?;
    if v < 0.0 {
        return Err("is negative; quantities must be zero or more".to_string());
    }
    Qty::from_f64(v).ok_or_else(|| format!("is {LIMIT}"))
}

/// A price or cost, to the cent; a currency sign around it is allowed (`€24,00`).
pub fn parse_money(text: &str, dec: DecimalSep) -> Result<Money, String> {
    let bare = text
        .trim()
        .trim_matches(|c: char| matches!(c, '$' | '€' | '£' | ' '));
    let v = number(bare, dec, (1e6, "more than 1,000,000"))?;
    Money::price_from_f64(v).ok_or_else(|| "must be between 0 and 1,000,000".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecimalSep::{Comma, Dot};

    #[test]
    fn the_file_decides_the_decimal_separator() {
        assert_eq!(decide_decimal(["1,5", "2"], Delimiter::Comma), Comma);
        assert_eq!(
            decide_decimal(["1.234,5", "2,5", "1.5"], Delimiter::Comma),
            Comma
        );
        assert_eq!(
            decide_decimal(["24.00", "1,234"], Delimiter::Semicolon),
            Dot
        );
        assert_eq!(decide_decimal(["1,234", "7"], Delimiter::Semicolon), Comma);
        assert_eq!(decide_decimal(["1,234", "7"], Delimiter::Comma), Dot);
    }

    #[test]
    fn quantities() {
        assert_eq!(parse_qty("1.234,5", Comma), Ok(Qty(1_234_500)));
        assert_eq!(parse_qty("1,234.5", Dot), Ok(Qty(1_234_500)));
        assert_eq!(parse_qty("1 234", Dot), Ok(Qty(1_234_000)));
        assert_eq!(parse_qty("abc", Dot), Err("is not a number".to_string()));
        assert_eq!(parse_qty("NaN", Dot), Err("is not a number".to_string()));
        assert_eq!(parse_qty("inf", Dot), Err("is not a number".to_string()));
    }

    #[test]
    fn scientific_notation_is_a_number_too_large_or_to_write_in_full() {
        // Fails on main: "1e308" was "not a number".
        let too_large = Err("is too large: more than 100,000,000 units".to_string());
        assert_eq!(parse_qty("1e308", Dot), too_large);
        assert_eq!(parse_qty("1e999", Dot), too_large);
        assert_eq!(parse_qty("1,5E+09", Comma), too_large);
        assert_eq!(
            parse_money("2E+07", Dot),
            Err("is too large: more than 1,000,000".to_string())
        );
        assert!(parse_qty("1.5E+3", Dot)
            .unwrap_err()
            .contains("scientific notation"));
        assert_eq!(parse_qty("E5", Dot), Err("is not a number".to_string()));
        assert_eq!(parse_qty("", Dot), Err("is empty".to_string()));
        assert_eq!(
            parse_qty("-2", Dot),
            Err("is negative; quantities must be zero or more".to_string())
        );
        assert_eq!(
            parse_qty("200000000", Dot),
            Err("is more than 100,000,000 units".to_string())
        );
    }

    #[test]
    fn money() {
        assert_eq!(parse_money("24.00", Dot), Ok(Money(2400)));
        assert_eq!(parse_money("€ 24,50", Comma), Ok(Money(2450)));
        assert_eq!(parse_money("$1,299.99", Dot), Ok(Money(129_999)));
        assert!(parse_money("-1", Dot).is_err());
    }
}
