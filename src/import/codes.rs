//! SKU codes Excel may have damaged: long numeric codes become `1.23E+11`, and codes such as
//! `00123` lose their leading zeros. The file cannot tell what the code was, so these are
//! warnings that name the line: the planner re-exports with the column formatted as text.

use super::error::{Problem, Problems};
use std::collections::HashMap;

/// Warns about codes that look mangled. `skus` are (line, code) in file order.
pub fn check_codes<'a>(
    skus: impl IntoIterator<Item = (u64, &'a str)>,
    column: &str,
    problems: &mut Problems,
) {
    let mut numeric: HashMap<&str, u64> = HashMap::new();
    for (line, sku) in skus {
        if is_scientific(sku) {
            problems.warn(Problem::cell(
                line,
                column,
                sku,
                "looks like a code Excel turned into a number: the original digits are lost; \
                 export again with this column formatted as text",
            ));
        } else if !sku.is_empty() && sku.bytes().all(|b| b.is_ascii_digit()) {
            numeric.entry(sku).or_insert(line);
        }
    }
    let Some(usual) = usual_length(numeric.keys().map(|s| s.len())) else {
        return;
    };
    let mut short: Vec<(u64, &str)> = numeric
        .into_iter()
        .filter(|(s, _)| s.len() < usual)
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
}

/// `1.23E+11`, `4E7`.
fn is_scientific(s: &str) -> bool {
    let Some((mantissa, exp)) = s.split_once(['e', 'E']) else {
        return false;
    };
    let exp = exp.strip_prefix('+').unwrap_or(exp);
    let mantissa_ok = !mantissa.is_empty()
        && mantissa
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && mantissa.bytes().next().is_some_and(|b| b.is_ascii_digit());
    mantissa_ok && !exp.is_empty() && exp.bytes().all(|b| b.is_ascii_digit())
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
        let w = warnings(&[(2, "CND-101"), (3, "1.23E+11"), (4, "4e7")]);
        assert_eq!(w.len(), 2);
        assert!(w[0].starts_with("line 3, column 'SKU': '1.23E+11' looks like a code Excel"));
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
}
