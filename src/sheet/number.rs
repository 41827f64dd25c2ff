//! Numbers as people read, type and paste them, in their own locale.
//!
//! Typed and pasted text: `1200`, `1,200`, `1 200`, `1.5`, `-3`, and in a decimal-comma locale
//! `1,5` and `1.200,5`. Anything else is refused with a reason, so a typo never becomes a
//! quantity. Shown numbers use the same locale ([`super::locale::Locale`]), so what is shown,
//! edited, copied and pasted always reads back as the same number.

/// Which character the user's locale writes between whole and fractional parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalSep {
    Dot,
    Comma,
}

impl DecimalSep {
    /// From a locale's formatted sample of 1.5 (`"1.5"` or `"1,5"`).
    pub fn from_sample(sample: &str) -> DecimalSep {
        if sample.contains(',') {
            DecimalSep::Comma
        } else {
            DecimalSep::Dot
        }
    }

    /// The separator itself.
    pub fn char(self) -> char {
        match self {
            DecimalSep::Dot => '.',
            DecimalSep::Comma => ',',
        }
    }
}

/// Spaces and apostrophes locales put between groups of digits (`1 234`, `1\u{202f}234` in
/// fr-FR, `1’234` in de-CH): all read as a plain space, which groups in every locale.
pub(super) fn is_group_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '\u{2019}')
}

/// Parses one cell's text. Empty text is an error here: clearing is a separate intent.
pub fn parse_number(text: &str, dec: DecimalSep) -> Result<f64, String> {
    let t: String = text
        .trim()
        .chars()
        .map(|c| match c {
            c if is_group_space(c) => ' ',
            '\u{2212}' => '-',
            c => c,
        })
        .collect();
    let t = t.trim();
    if t.is_empty() {
        return Err("is empty".to_string());
    }
    let (neg, body) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let bad = || format!("'{}' is not a number", text.trim());
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' '))
    {
        return Err(bad());
    }
    let (group_chars, decimal) = match dec {
        DecimalSep::Dot => ([',', ' '], '.'),
        DecimalSep::Comma => (['.', ' '], ','),
    };
    // In a decimal-comma locale a lone dot that does not group thousands is a decimal point
    // (values pasted from an English sheet), e.g. "1.5".
    let decimal = if dec == DecimalSep::Comma
        && !body.contains(',')
        && !is_grouped(body, &['.', ' '])
        && body.matches('.').count() == 1
    {
        '.'
    } else {
        decimal
    };
    let (whole, frac) = match body.split_once(decimal) {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
    }
    if whole.is_empty() && frac.is_none() {
        return Err(bad());
    }
    let digits: String = if whole.chars().any(|c| group_chars.contains(&c)) {
        if !is_grouped(whole, &group_chars) {
            return Err(match dec {
                DecimalSep::Dot if whole.contains(',') => {
                    format!(
                        "'{}' is not a number (use a dot for decimals: 1.5)",
                        text.trim()
                    )
                }
                _ => bad(),
            });
        }
        whole.chars().filter(|c| c.is_ascii_digit()).collect()
    } else if whole.chars().all(|c| c.is_ascii_digit()) {
        whole.to_string()
    } else {
        return Err(bad());
    };
    let s = format!(
        "{}{}.{}",
        if neg { "-" } else { "" },
        if digits.is_empty() { "0" } else { &digits },
        frac.unwrap_or("0")
    );
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(bad)
}

/// `1,234,567` or `1 234`: one to three digits, then groups of exactly three, one separator kind.
fn is_grouped(s: &str, seps: &[char]) -> bool {
    let Some(sep) = s.chars().find(|c| seps.contains(c)) else {
        return false;
    };
    let parts: Vec<&str> = s.split(sep).collect();
    parts.len() > 1
        && (1..=3).contains(&parts[0].len())
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
        && parts[1..].iter().all(|p| p.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecimalSep::{Comma, Dot};

    #[test]
    fn accepts_what_people_type() {
        for (text, v) in [
            ("1200", 1200.0),
            ("1,200", 1200.0),
            ("1 200", 1200.0),
            ("1.5", 1.5),
            ("-3", -3.0),
            (" 12 ", 12.0),
            ("1,234,567.25", 1_234_567.25),
            ("1\u{a0}200", 1200.0),
            ("+7", 7.0),
            (".5", 0.5),
        ] {
            assert_eq!(parse_number(text, Dot), Ok(v), "{text}");
        }
    }

    #[test]
    fn decimal_comma_locale() {
        for (text, v) in [
            ("1,5", 1.5),
            ("1.200", 1200.0),
            ("1.200,5", 1200.5),
            ("1 200,25", 1200.25),
            ("1.5", 1.5),
            ("1200", 1200.0),
        ] {
            assert_eq!(parse_number(text, Comma), Ok(v), "{text}");
        }
    }

    #[test]
    fn refuses_anything_else_with_a_reason() {
        assert_eq!(
            parse_number("12a", Dot),
            Err("'12a' is not a number".to_string())
        );
        assert_eq!(
            parse_number("1,5", Dot),
            Err("'1,5' is not a number (use a dot for decimals: 1.5)".to_string())
        );
        for text in [
            "NaN",
            "inf",
            "1e5",
            "--1",
            "1.2.3",
            "1,20",
            "",
            "  ",
            "-",
            "1.",
            "12,34,567",
            "1 20",
        ] {
            assert!(parse_number(text, Dot).is_err(), "{text}");
        }
        assert!(parse_number("1,2,3", Comma).is_err());
    }
}
