//! Planning periods as files name them: ISO weeks (`2026-W48`) and months (`2026-11`,
//! `Nov 2026`, and `Nov-26` as Excel re-saves it). A forecast may be weekly or monthly; the
//! app splits months into weeks itself, so a month is kept as a month here.

use crate::engine::model::calendar::{month_label, parse_iso_week, Month};
use chrono::{Datelike, NaiveDate};
use std::fmt;

/// A forecast period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// The Monday of an ISO week.
    Week(NaiveDate),
    /// A calendar month, `(year, month 1–12)`.
    Month(Month),
}

impl Period {
    /// The first day of the period (for date ranges).
    pub fn start(self) -> Option<NaiveDate> {
        match self {
            Period::Week(monday) => Some(monday),
            Period::Month((y, m)) => NaiveDate::from_ymd_opt(y, m, 1),
        }
    }
}

impl fmt::Display for Period {
    /// `2026-W48` or `2026-11`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Week(monday) => {
                let w = monday.iso_week();
                write!(f, "{}-W{:02}", w.year(), w.week())
            }
            Period::Month(m) => write!(f, "{}", month_label(*m)),
        }
    }
}

/// Month names in the languages Excel users here write them in (English, French, German);
/// a file may abbreviate them (`Nov`, `déc.`, `Mär`).
const MONTH_NAMES: [[&str; 3]; 12] = [
    ["january", "janvier", "januar"],
    ["february", "février", "februar"],
    ["march", "mars", "märz"],
    ["april", "avril", "april"],
    ["may", "mai", "mai"],
    ["june", "juin", "juni"],
    ["july", "juillet", "juli"],
    ["august", "août", "august"],
    ["september", "septembre", "september"],
    ["october", "octobre", "oktober"],
    ["november", "novembre", "november"],
    ["december", "décembre", "dezember"],
];

/// The month a (possibly abbreviated) name stands for; `None` when unknown or ambiguous
/// (`jui` is June or July in French).
fn month_of_name(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').to_lowercase();
    if name.chars().count() < 3 {
        return None;
    }
    let mut found = MONTH_NAMES
        .iter()
        .enumerate()
        .filter(|(_, names)| names.iter().any(|n| n.starts_with(&name)))
        .map(|(i, _)| i as u32 + 1);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// A week or month label (not a plain date: see [`super::dates`]).
pub fn parse_period_label(text: &str) -> Option<Period> {
    let t = text.trim();
    if t.to_ascii_uppercase().contains('W') {
        return parse_iso_week(t).map(Period::Week);
    }
    numeric_month(t)
        .or_else(|| named_month(t))
        .map(Period::Month)
}

/// `2026-11`, `2026/11`.
fn numeric_month(t: &str) -> Option<Month> {
    let (y, m) = t.split_once(['-', '/'])?;
    if y.len() != 4 || m.is_empty() || m.len() > 2 {
        return None;
    }
    month(y.parse().ok()?, m.parse().ok()?)
}

/// `Nov 2026`, `November 2026`, `Nov-26`.
fn named_month(t: &str) -> Option<Month> {
    let (name, y) = t.split_once([' ', '-', '/'])?;
    let m = month_of_name(name)?;
    let y = y.trim();
    let year: i32 = match y.len() {
        4 => y.parse().ok()?,
        2 => 2000 + y.parse::<i32>().ok()?,
        _ => return None,
    };
    if !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    month(year, m)
}

fn month(year: i32, m: u32) -> Option<Month> {
    let in_range = (super::dates::FIRST_YEAR..=super::dates::LAST_YEAR).contains(&year);
    (in_range && (1..=12).contains(&m)).then_some((year, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_and_months() {
        let w48 = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(parse_period_label("2026-W48"), Some(Period::Week(w48)));
        assert_eq!(parse_period_label(" 2026w48 "), Some(Period::Week(w48)));
        for t in [
            "2026-11",
            "2026/11",
            "Nov 2026",
            "November 2026",
            "nov-26",
            "nov.-26",
        ] {
            assert_eq!(
                parse_period_label(t),
                Some(Period::Month((2026, 11))),
                "{t}"
            );
        }
        assert_eq!(Period::Week(w48).to_string(), "2026-W48");
        assert_eq!(Period::Month((2026, 1)).to_string(), "2026-01");
    }

    #[test]
    fn french_and_german_month_names() {
        assert_eq!(
            parse_period_label("déc.-26"),
            Some(Period::Month((2026, 12)))
        );
        assert_eq!(
            parse_period_label("Mär 2027"),
            Some(Period::Month((2027, 3)))
        );
        assert_eq!(
            parse_period_label("juil. 2027"),
            Some(Period::Month((2027, 7)))
        );
        assert_eq!(parse_period_label("jui 2027"), None);
    }

    #[test]
    fn not_periods() {
        for t in [
            "SKU",
            "2026-13",
            "Name",
            "2026-W60",
            "Total 2026",
            "Nov 1",
            "1899-01",
            "Mayday 2026x",
        ] {
            assert_eq!(parse_period_label(t), None, "{t}");
        }
    }
}
