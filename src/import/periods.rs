//! Planning periods as files name them: ISO weeks (`2026-W48`) and months (`2026-11`,
//! `Nov 2026`, and `Nov-26` as Excel re-saves it). A forecast may be weekly or monthly; the
//! app splits months into weeks itself, so a month is kept as a month here.

use crate::engine::calendar::{month_label, parse_iso_week, Month};
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

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

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
    let name = name.to_ascii_lowercase();
    let m = MONTH_NAMES
        .iter()
        .position(|n| name.len() >= 3 && n.starts_with(&name))?;
    let y = y.trim();
    let year: i32 = match y.len() {
        4 => y.parse().ok()?,
        2 => 2000 + y.parse::<i32>().ok()?,
        _ => return None,
    };
    if !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    month(year, m as u32 + 1)
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
        for t in ["2026-11", "2026/11", "Nov 2026", "November 2026", "nov-26"] {
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
