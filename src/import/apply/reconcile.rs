//! A file's codes matched to the plan's when Excel has damaged them: `417` is the plan's
//! `00417` when that is the one plan SKU it equals without its leading zeros; `1,23457E+11`
//! is the one plan SKU whose digits round to it. A code known to be damaged that fits no plan
//! SKU, or several, is refused (its rows are left out): guessing would put receipts or sales
//! on the wrong product, and adding it would make a SKU nobody has.

use crate::import::read::codes::{is_digits, rounded, scientific, significant_digits};
use std::collections::BTreeMap;

/// The codes a file's codes may be matched to (the plan's, and the file's own clean ones).
#[derive(Clone, Debug, Default)]
pub struct Known {
    /// Numeric codes by their digits without leading zeros.
    digits: BTreeMap<String, Vec<String>>,
}

impl Known {
    pub fn new<'a>(codes: impl IntoIterator<Item = &'a str>) -> Known {
        let mut k = Known::default();
        for c in codes {
            k.add(c);
        }
        k
    }

    pub fn add(&mut self, code: &str) {
        if is_digits(code) {
            let list = self
                .digits
                .entry(code.trim_start_matches('0').to_string())
                .or_default();
            if !list.iter().any(|c| c == code) {
                list.push(code.to_string());
            }
        }
    }
}

/// What a code the plan does not have as written is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// Excel's damage undone: the code it was.
    Restored(String),
    /// Damaged, and no single code fits: why, for the planner.
    Refused(String),
    /// Not known to be damaged: a code like any other.
    AsWritten,
}

/// Matches `code` (not in the plan as written) to the known codes.
pub fn reconcile(code: &str, known: &Known) -> Found {
    if let Some(value) = scientific(code) {
        let n = significant_digits(code);
        let fits: Vec<&str> = known
            .digits
            .values()
            .flatten()
            .filter(|c| rounded(c, n) == Some(value))
            .map(String::as_str)
            .collect();
        return match fits.as_slice() {
            [one] => Found::Restored(one.to_string()),
            [] => Found::Refused(
                "is a code Excel turned into a number, and no SKU of the plan has digits that \
                 round to it: its rows are left out; export again with the column formatted \
                 as text"
                    .to_string(),
            ),
            many => Found::Refused(format!(
                "is a code Excel turned into a number that fits several SKUs of the plan ({}): \
                 its rows are left out; export again with the column formatted as text",
                many.join(", ")
            )),
        };
    }
    if !is_digits(code) || code.starts_with('0') {
        return Found::AsWritten;
    }
    let longer: Vec<&str> = known
        .digits
        .get(code)
        .into_iter()
        .flatten()
        .filter(|c| c.len() > code.len())
        .map(String::as_str)
        .collect();
    match longer.as_slice() {
        [] => Found::AsWritten,
        [one] => Found::Restored(one.to_string()),
        many => Found::Refused(format!(
            "may have lost its leading zeros, and several SKUs of the plan fit ({}): its rows \
             are left out",
            many.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Known {
        Known::new([
            "00417",
            "123456789012",
            "CND-101",
            "0999",
            "00999",
            "417000",
        ])
    }

    #[test]
    fn dropped_zeros_are_put_back_when_one_code_fits() {
        let k = known();
        assert_eq!(reconcile("417", &k), Found::Restored("00417".into()));
        assert_eq!(reconcile("418", &k), Found::AsWritten);
        assert_eq!(reconcile("00418", &k), Found::AsWritten);
        assert_eq!(reconcile("CND-102", &k), Found::AsWritten);
        match reconcile("999", &k) {
            Found::Refused(why) => assert!(why.contains("(0999, 00999)"), "{why}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn scientific_codes_match_the_code_they_round_from() {
        let k = known();
        for s in ["1,23457E+11", "1.23457E+11", "1,23457E11", "1.2346E+11"] {
            assert_eq!(
                reconcile(s, &k),
                Found::Restored("123456789012".into()),
                "{s}"
            );
        }
        assert!(matches!(reconcile("1,23456E+11", &k), Found::Refused(_)));
        assert!(matches!(reconcile("1,23457E+12", &k), Found::Refused(_)));
        let two = Known::new(["123456789012", "123457000001"]);
        match reconcile("1,23457E+11", &two) {
            Found::Refused(why) => {
                assert!(why.contains("(123456789012, 123457000001)"), "{why}")
            }
            other => panic!("{other:?}"),
        }
    }
}
