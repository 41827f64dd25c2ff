//! Quantities and prices in a file. Whether `1,5` means one and a half or is a typo depends on
//! the file: the decimal separator is decided once from all its numbers (Excel in a
//! decimal-comma locale writes `1.234,5` and separates columns with `;`). Cells are then
//! read by the grid's own number rules, so typed, pasted and imported numbers agree.

use super::sniff::Delimiter;
use crate::engine::qty::{Money, Qty};
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
fn number(text: &str, dec: DecimalSep) -> Result<f64, String> {
    parse_number(text, dec).map_err(|e| {
        let prefix = format!("'{}' ", text.trim());
        e.strip_prefix(&prefix).unwrap_or(&e).to_string()
    })
}

/// A quantity: a finite number, zero or more, at most 100,000,000 units.
pub fn parse_qty(text: &str, dec: DecimalSep) -> Result<Qty, String> {
    let v = number(text, dec)?;
    if v < 0.0 {
        return Err("is negative; quantities must be zero or more".to_string());
    }
    Qty::from_f64(v).ok_or_else(|| "is more than 100,000,000 units".to_string())
}

/// A price or cost, to the cent; a currency sign around it is allowed (`€24,00`).
pub fn parse_money(text: &str, dec: DecimalSep) -> Result<Money, String> {
    let bare = text
        .trim()
        .trim_matches(|c: char| matches!(c, '$' | '€' | '£' | ' '));
    let v = number(bare, dec)?;
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
