//! SKU codes Excel may have damaged, and text that is not a code at all. Excel turns long
//! numeric codes into `1.23E+11` (or `1,23E+11` where the decimal is a comma) and drops the
//! leading zeros of codes such as `00123`; a formula (`=HYPERLINK(…)`) or a stray quote can
//! end up in the code column. The file alone cannot tell what the code was: these are
//! warnings that name the line, and [`OddCodes`] keeps where each odd code is, so matching the
//! codes to the plan (see `reconcile`) can say where a row it refuses is.

use crate::import::error::{Problem, Problems};
use std::collections::{BTreeMap, HashMap};

/// The codes of a file that are not plain product codes (or may have lost leading zeros),
/// each with the first line it is on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OddCodes {
    pub lines: BTreeMap<String, u64>,
}

impl OddCodes {
    /// The codes that look like spreadsheet formulas, in code order.
    pub fn formulas(&self) -> Vec<&str> {
        self.lines
            .keys()
            .map(String::as_str)
            .filter(|c| is_formula(c))
            .collect()
    }

    /// The first line a code is on, when it is an odd one.
    pub fn line(&self, code: &str) -> Option<u64> {
        self.lines.get(code).copied()
    }
}

/// Warns about codes that look mangled or are not codes. `skus` are (line, code) in file order.
pub fn check_codes<'a>(
    skus: impl IntoIterator<Item = (u64, &'a str)>,
    column: &str,
    problems: &mut Problems,
) -> OddCodes {
    let mut odd = OddCodes::default();
    let mut numeric: HashMap<&str, u64> = HashMap::new();
    for (line, sku) in skus {
        let reason = if is_scientific(sku) {
            "looks like a code Excel turned into a number: it is matched to the one plan SKU \
             whose digits it rounds from, or its rows are left out (never added as a new SKU); \
             export again with this column formatted as text"
        } else if is_formula(sku) {
            "looks like a spreadsheet formula, not a product code: it is added as a new SKU \
             only if you confirm"
        } else if sku.contains('"') {
            "has a quote (\") inside: a stray quote in the file? Check this line"
        } else {
            if is_digits(sku) {
                numeric.entry(sku).or_insert(line);
                if !sku.starts_with('0') {
                    odd.lines.entry(sku.to_string()).or_insert(line);
                }
            }
            continue;
        };
        if !odd.lines.contains_key(sku) {
            odd.lines.insert(sku.to_string(), line);
            problems.warn(Problem::cell(line, column, sku, reason));
        }
    }
    let Some(usual) = usual_length(numeric.keys().map(|s| s.len())) else {
        return odd;
    };
    let mut short: Vec<(u64, &str)> = numeric
        .into_iter()
        // A code that starts with a zero still has its zeros.
        .filter(|(s, _)| s.len() < usual && !s.starts_with('0'))
        .map(|(s, l)| (l, s))
        .collect();
    short.sort_unstable();
    for (line, sku) in short {
        problems.warn(Problem::cell(
            line,
            column,
            sku,
            format!(
                "is shorter than the other numeric codes ({usual} digits): Excel may have \
                 dropped leading zeros"
            ),
        ));
    }
    odd
}

/// Only the digits 0–9 (`00417`, `417`).
pub fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Starts like a spreadsheet formula (`=`, `+`, `-`, `@`) and is not a number after it:
/// `=HYPERLINK("http://x")`, `@SUM(A1)`; `-5` and `+33` are not formulas.
pub fn is_formula(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('=' | '@') => true,
        Some('+' | '-') => {
            let rest = chars.as_str();
            !rest.is_empty() && rest.parse::<f64>().is_err()
        }
        _ => false,
    }
}

/// A number in Excel's scientific notation: `1.23457E+11`, `1,23457E+11`, `4E7`.
pub fn is_scientific(s: &str) -> bool {
    scientific(s).is_some()
}

/// The value of a code in scientific notation as (significant digits, power of ten of the
/// last one), trailing zeros moved into the power: `1,23457E+11` is (123457, 6), `1.2E+3`
/// is (12, 2). `None` when the text is not such a number (or too long to be a code).
pub fn scientific(s: &str) -> Option<(u128, u32)> {
    let (mantissa, exp) = s.split_once(['e', 'E'])?;
    let exp = exp.strip_prefix('+').unwrap_or(exp);
    if exp.is_empty() || exp.len() > 3 || !is_digits(exp) {
        return None;
    }
    let exp: u32 = exp.parse().ok()?;
    let (whole, fraction) = mantissa.split_once(['.', ',']).unwrap_or((mantissa, ""));
    if !is_digits(whole) || !(fraction.is_empty() || is_digits(fraction)) {
        return None;
    }
    let digits = format!("{whole}{fraction}");
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() || digits.len() > 30 {
        return None;
    }
    let power = exp.checked_sub(fraction.len() as u32)?;
    let value: u128 = digits.parse().ok()?;
    Some(normalized(value, power))
}

/// `digits` (a code of digits) rounded half up to `significant` digits, as [`scientific`]
/// gives it: what Excel shows a long numeric code as.
pub fn rounded(digits: &str, significant: usize) -> Option<(u128, u32)> {
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() || !is_digits(digits) || significant == 0 || significant > 30 {
        return None;
    }
    if digits.len() <= significant {
        return Some(normalized(digits.parse().ok()?, 0));
    }
    let head: u128 = digits.get(..significant)?.parse().ok()?;
    let up = digits
        .as_bytes()
        .get(significant)
        .is_some_and(|&b| b >= b'5');
    let power = u32::try_from(digits.len() - significant).ok()?;
    Some(normalized(head + u128::from(up), power))
}

/// How many significant digits a code in scientific notation shows (`1,23457E+11`: 6).
pub fn significant_digits(s: &str) -> usize {
    let mantissa = s.split(['e', 'E']).next().unwrap_or("");
    mantissa
        .trim_start_matches(['0', '.', ','])
        .bytes()
        .filter(u8::is_ascii_digit)
        .count()
}

fn normalized(mut value: u128, mut power: u32) -> (u128, u32) {
    while value != 0 && value.is_multiple_of(10) {
        value /= 10;
        power += 1;
    }
    (value, power)
}

/// The most common length of the numeric codes (the longer on a tie); `None` when they all
/// have the same length.
fn usual_length(lengths: impl Iterator<Item = usize>) -> Option<usize> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for l in lengths {
        *counts.entry(l).or_default() += 1;
    }
    if counts.len() < 2 {
        return None;
    }
    counts
        .into_iter()
        .max_by_key(|&(len, n)| (n, len))
        .map(|(len, _)| len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings(skus: &[(u64, &str)]) -> Vec<String> {
        let mut p = Problems::default();
        check_codes(skus.iter().copied(), "SKU", &mut p);
        p.warnings.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn scientific_notation_is_flagged() {
        let w = warnings(&[
            (2, "CND-101"),
            (3, "1.23E+11"),
            (4, "4e7"),
            (5, "1,23457E+11"),
        ]);
        assert_eq!(w.len(), 3);
        assert!(w[0].starts_with("line 3, column 'SKU': '1.23E+11' looks like a code Excel"));
        assert!(w[2].starts_with("line 5, column 'SKU': '1,23457E+11' looks like a code Excel"));
    }

    #[test]
    fn short_numeric_codes_are_flagged_once() {
        let w = warnings(&[
            (2, "001234"),
            (3, "004321"),
            (4, "1235"),
            (5, "1235"),
            (6, "CND-1"),
        ]);
        assert_eq!(w.len(), 1);
        assert!(w[0].starts_with(
            "line 4, column 'SKU': '1235' is shorter than the other numeric codes (6 digits)"
        ));
        assert!(warnings(&[(2, "1234"), (3, "5678"), (4, "CND-101")]).is_empty());
    }

    #[test]
    fn a_code_with_its_leading_zeros_is_not_said_to_have_lost_them() {
        // Fails on main: '00417' was "shorter than the other numeric codes (12 digits)".
        let w = warnings(&[(2, "00417"), (3, "123456789012"), (4, "123456789013")]);
        assert_eq!(w, Vec::<String>::new());
    }

    #[test]
    fn formulas_and_stray_quotes_are_flagged_with_their_line() {
        let mut p = Problems::default();
        let odd = check_codes(
            [
                (2, "CND-101"),
                (3, "=HYPERLINK(\"http://x\")"),
                (4, "AB\"C"),
                (5, "-5"),
                (6, "=HYPERLINK(\"http://x\")"),
            ],
            "SKU",
            &mut p,
        );
        let w: Vec<String> = p.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w[0].starts_with(
            "line 3, column 'SKU': '=HYPERLINK(\"http://x\")' looks like a spreadsheet formula"
        ));
        assert!(w[1].starts_with("line 4, column 'SKU': 'AB\"C' has a quote (\") inside"));
        assert_eq!(odd.formulas(), vec!["=HYPERLINK(\"http://x\")"]);
        assert_eq!(odd.line("=HYPERLINK(\"http://x\")"), Some(3));
    }

    #[test]
    fn formula_looking() {
        for f in ["=A1", "@SUM(A1)", "+abc", "-A", "=1+2"] {
            assert!(is_formula(f), "{f}");
        }
        for c in ["-5", "+33", "-1.5", "CND-101", "417", "", "-"] {
            assert!(!is_formula(c), "{c}");
        }
    }

    #[test]
    fn scientific_values_and_rounding() {
        assert_eq!(scientific("1,23457E+11"), Some((123457, 6)));
        assert_eq!(scientific("1.23457E+11"), Some((123457, 6)));
        assert_eq!(scientific("1.2E+3"), Some((12, 2)));
        assert_eq!(scientific("4E7"), Some((4, 7)));
        assert_eq!(scientific("1.2.3E+4"), None);
        assert_eq!(scientific("CND-1E5"), None);
        assert_eq!(scientific("1.23E-5"), None);
        assert_eq!(significant_digits("1,23457E+11"), 6);
        // 123456789012 to 6 digits: 123456|7… rounds up to 123457.
        assert_eq!(rounded("123456789012", 6), Some((123457, 6)));
        assert_eq!(rounded("123456489012", 6), Some((123456, 6)));
        // 999999.6 to 6 digits carries into a seventh: 1.00000E+12.
        assert_eq!(rounded("999999600000", 6), Some((1, 12)));
        assert_eq!(rounded("0417", 6), Some((417, 0)));
    }
}
