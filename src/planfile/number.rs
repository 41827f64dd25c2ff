//! Numbers in plan-file cells, read exactly: `1200`, `12.5`, `24.00`, `-3`, `1.5E+3`; and
//! where the file uses `;` between cells (Excel in a decimal-comma locale re-saves it so),
//! `12,5`. There a dot is refused rather than guessed at: `1.200` may be a thousands group. Quantities and money are parsed from the decimal digits straight to integers, never
//! through a float, so `0.001` is exactly one thousandth. Thousands separators, `NaN` and
//! `inf` are refused: the writer never produces them, and a guess could be wrong.

use crate::engine::{Money, Qty};

const NOT_A_NUMBER: &str = "is not a number";
const NOT_A_COMMA_NUMBER: &str =
    "is not a number (with ; between cells, decimals take a comma: 12,5)";
const TOO_LARGE: &str = "is too large";

/// A number as written: sign, significant digits (no leading zeros), power of ten.
struct Decimal {
    negative: bool,
    digits: String,
    exp: i64,
}

/// Splits a cell into sign, digits and exponent, or says why it is not a plain number.
fn lex(text: &str, decimal_comma: bool) -> Result<Decimal, &'static str> {
    match lex_plain(text, if decimal_comma { ',' } else { '.' }) {
        Some(d) => Ok(d),
        None if decimal_comma && text.contains('.') => Err(NOT_A_COMMA_NUMBER),
        None => Err(NOT_A_NUMBER),
    }
}

fn lex_plain(text: &str, point: char) -> Option<Decimal> {
    let t = text.trim();
    let (negative, t) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let (mantissa, exp) = match t.split_once(['e', 'E']) {
        Some((m, e)) => {
            let unsigned = e.strip_prefix(['+', '-']).unwrap_or(e);
            if unsigned.is_empty() || unsigned.len() > 6 || !all_digits(unsigned) {
                return None;
            }
            (m, e.parse::<i64>().ok()?)
        }
        None => (t, 0),
    };
    let (int, frac) = mantissa.split_once(point).unwrap_or((mantissa, ""));
    if int.len() + frac.len() == 0 || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let digits = format!("{int}{frac}").trim_start_matches('0').to_string();
    Some(Decimal {
        negative,
        digits,
        exp: exp - frac.len() as i64,
    })
}

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// `value × 10^scale` rounded half away from zero, and whether nothing was rounded off.
fn scaled(text: &str, scale: u32, decimal_comma: bool) -> Result<(i64, bool), &'static str> {
    let d = lex(text, decimal_comma)?;
    if d.digits.is_empty() {
        return Ok((0, true));
    }
    let e = d.exp + i64::from(scale);
    let (kept, round_up, exact) = if e >= 0 {
        if d.digits.len() as i64 + e > 18 {
            return Err(TOO_LARGE);
        }
        (
            format!("{}{}", d.digits, "0".repeat(e as usize)),
            false,
            true,
        )
    } else {
        let cut = usize::try_from(-e).unwrap_or(usize::MAX);
        let keep = d.digits.len().saturating_sub(cut);
        let dropped = &d.digits[keep..];
        let round_up = cut <= d.digits.len() && dropped.as_bytes()[0] >= b'5';
        let exact = dropped.bytes().all(|b| b == b'0');
        (d.digits[..keep].to_string(), round_up, exact)
    };
    if kept.len() > 18 {
        return Err(TOO_LARGE);
    }
    let magnitude = kept.parse::<i64>().unwrap_or(0) + i64::from(round_up);
    Ok((if d.negative { -magnitude } else { magnitude }, exact))
}

/// A quantity, to the nearest thousandth of a unit.
pub fn parse_qty(text: &str, decimal_comma: bool) -> Result<Qty, &'static str> {
    scaled(text, 3, decimal_comma).map(|(v, _)| Qty(v))
}

/// Money, to the nearest cent.
pub fn parse_money(text: &str, decimal_comma: bool) -> Result<Money, &'static str> {
    scaled(text, 2, decimal_comma).map(|(v, _)| Money(v.into()))
}

/// A whole number such as a week count; `6.0` is fine, `6.5` is not.
pub fn parse_whole(text: &str, decimal_comma: bool) -> Result<i64, &'static str> {
    match scaled(text, 0, decimal_comma)? {
        (v, true) => Ok(v),
        (_, false) => Err("is not a whole number"),
    }
}

/// A float, correctly rounded, so the shortest form `{}` writes reads back bit for bit.
pub fn parse_f64(text: &str, decimal_comma: bool) -> Result<f64, &'static str> {
    let d = lex(text, decimal_comma)?;
    let sign = if d.negative { "-" } else { "" };
    let digits = if d.digits.is_empty() { "0" } else { &d.digits };
    format!("{sign}{digits}e{}", d.exp)
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or(TOO_LARGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_are_exact_thousandths() {
        assert_eq!(parse_qty("1200", false), Ok(Qty(1_200_000)));
        assert_eq!(parse_qty("12.5", false), Ok(Qty(12_500)));
        assert_eq!(parse_qty("0.001", false), Ok(Qty(1)));
        assert_eq!(parse_qty("-0.25", false), Ok(Qty(-250)));
        assert_eq!(parse_qty(" 7 ", false), Ok(Qty(7000)));
        assert_eq!(parse_qty("1.5E+3", false), Ok(Qty(1_500_000)));
        assert_eq!(parse_qty("-0", false), Ok(Qty(0)));
        assert_eq!(parse_qty(".5", false), Ok(Qty(500)));
        // Past the thousandth: half away from zero.
        assert_eq!(parse_qty("0.0005", false), Ok(Qty(1)));
        assert_eq!(parse_qty("0.00049", false), Ok(Qty(0)));
        assert_eq!(parse_qty("-0.0005", false), Ok(Qty(-1)));
        assert_eq!(parse_qty("0.0000001", false), Ok(Qty(0)));
    }

    #[test]
    fn money_is_exact_cents() {
        assert_eq!(parse_money("24.00", false), Ok(Money(2400)));
        assert_eq!(parse_money("24", false), Ok(Money(2400)));
        assert_eq!(parse_money("4.5", false), Ok(Money(450)));
        assert_eq!(parse_money("0.105", false), Ok(Money(11)));
    }

    #[test]
    fn decimal_commas_only_where_the_file_uses_semicolons() {
        assert_eq!(parse_qty("12,5", true), Ok(Qty(12_500)));
        assert_eq!(parse_qty("1200", true), Ok(Qty(1_200_000)));
        assert_eq!(parse_qty("12,5", false), Err(NOT_A_NUMBER));
        assert_eq!(parse_qty("1,200", false), Err(NOT_A_NUMBER));
        // A dot next to semicolons could be a thousands group: refused, not guessed.
        assert_eq!(parse_qty("1.200", true), Err(NOT_A_COMMA_NUMBER));
        assert_eq!(parse_qty("1.200,5", true), Err(NOT_A_COMMA_NUMBER));
    }

    #[test]
    fn refuses_what_is_not_a_plain_number() {
        for bad in [
            "",
            " ",
            "abc",
            "NaN",
            "inf",
            "-inf",
            "1 200",
            "1.2.3",
            "1e",
            "e5",
            "--1",
            "1e+",
            "0x10",
            "12%",
            "1e1234567",
            ".",
            "-",
        ] {
            assert_eq!(parse_qty(bad, false), Err(NOT_A_NUMBER), "{bad:?}");
            assert_eq!(parse_f64(bad, false), Err(NOT_A_NUMBER), "{bad:?}");
        }
        assert_eq!(parse_qty("1e300", false), Err(TOO_LARGE));
        assert_eq!(parse_qty(&"9".repeat(40), false), Err(TOO_LARGE));
        assert_eq!(parse_f64("1e999", false), Err(TOO_LARGE));
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(parse_whole("6", false), Ok(6));
        assert_eq!(parse_whole("6.0", false), Ok(6));
        assert_eq!(parse_whole("6.5", false), Err("is not a whole number"));
        assert_eq!(parse_whole("0.4", false), Err("is not a whole number"));
    }

    #[test]
    fn floats_read_back_bit_for_bit_from_their_shortest_form() {
        for v in [
            0.0,
            -0.0,
            2.0,
            0.1 + 0.2,
            1.0 / 3.0,
            52.0,
            5e-324,
            f64::MIN_POSITIVE,
            f64::from_bits(52f64.to_bits() - 1),
        ] {
            let back = parse_f64(&format!("{v}"), false).unwrap();
            assert_eq!(back.to_bits(), v.to_bits(), "{v}");
        }
        assert_eq!(parse_f64("2,5", true), Ok(2.5));
        assert_eq!(parse_f64("1E-07", false), Ok(1e-7));
    }
}
