//! The grid's columns: periods. A period is a run of plan weeks — one week in the weekly
//! view, a month (the weeks whose Thursday falls in it) in the deep dive — so one grid
//! serves both views and every cell is "a measure over some weeks".

use crate::engine::model::calendar::{month_label, Month};
use crate::engine::Calendar;
use chrono::Datelike;
use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    pub weeks: Range<usize>,
    /// The `data-period` attribute: `2026-W48` or `2026-11`.
    pub key: String,
    pub kind: PeriodKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodKind {
    Week,
    Month(Month),
}

impl Period {
    pub fn week(cal: &Calendar, w: usize) -> Period {
        Period {
            weeks: w..w + 1,
            key: cal.label(w as isize),
            kind: PeriodKind::Week,
        }
    }

    /// The single week of a week column.
    pub fn single_week(&self) -> Option<usize> {
        (self.kind == PeriodKind::Week).then_some(self.weeks.start)
    }

    /// The last week: stocks (projected on hand, cover) are read there.
    pub fn last_week(&self) -> usize {
        self.weeks.end.saturating_sub(1)
    }

    /// Entirely before the current week.
    pub fn is_past(&self, cal: &Calendar) -> bool {
        self.weeks.end <= cal.current()
    }

    /// Holds the current week.
    pub fn is_current(&self, cal: &Calendar) -> bool {
        self.weeks.contains(&cal.current())
    }

    /// Two header lines: `W48` / `23 Nov`, or `Nov` / `2026`.
    pub fn header(&self, cal: &Calendar) -> (String, String) {
        match self.kind {
            PeriodKind::Week => {
                // `format!` rather than chrono's `format("%-d %b")`, whose strftime machinery
                // would otherwise be linked into the wasm for this one header.
                let monday = cal.monday(self.weeks.start as isize);
                let month = MONTHS[monday.month0() as usize];
                (
                    self.key[5..].to_string(),
                    format!("{} {month}", monday.day()),
                )
            }
            PeriodKind::Month((y, m)) => (
                MONTHS[(m as usize).saturating_sub(1) % 12].to_string(),
                y.to_string(),
            ),
        }
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `past` weeks before the current week and `ahead` weeks from it (clipped to the plan).
pub fn week_columns(cal: &Calendar, past: usize, ahead: usize) -> Vec<Period> {
    let c = cal.current();
    (c.saturating_sub(past)..(c + ahead).min(cal.len()))
        .map(|w| Period::week(cal, w))
        .collect()
}

/// `past` whole months before the current one, the current month and the `ahead - 1`
/// months after it. Months cut by either end of the plan are left out, so every month
/// column sums all of its weeks.
pub fn month_columns(cal: &Calendar, past: usize, ahead: usize) -> Vec<Period> {
    let months = cal.months();
    let Some(now) = months.iter().position(|(_, r)| r.contains(&cal.current())) else {
        return Vec::new();
    };
    let from = now.saturating_sub(past);
    months[from..(now + ahead).min(months.len())]
        .iter()
        .filter(|(m, r)| {
            thursday_month(cal, r.start as isize - 1) != *m
                && thursday_month(cal, r.end as isize) != *m
        })
        .map(|(m, r)| Period {
            weeks: r.clone(),
            key: month_label(*m),
            kind: PeriodKind::Month(*m),
        })
        .collect()
}

/// The month of week `i`'s Thursday, for any week index (before or after the plan too).
fn thursday_month(cal: &Calendar, i: isize) -> Month {
    let thu = cal.monday(i) + chrono::Duration::days(3);
    (thu.year(), thu.month())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn weeks_and_whole_months() {
        // Current week 2026-W48 (Mon 23 Nov), 10 weeks of history (from W38, Mon 14 Sep),
        // 20 weeks ahead (to W15 2027, Mon 5 Apr).
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let cal = Calendar::around(today, 10, 20).unwrap();
        let w = week_columns(&cal, 2, 3);
        let keys: Vec<&str> = w.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys,
            ["2026-W46", "2026-W47", "2026-W48", "2026-W49", "2026-W50"]
        );
        assert_eq!(w[2].header(&cal), ("W48".to_string(), "23 Nov".to_string()));
        // September is cut (its Thursdays 3 and 10 Sep are before the plan): left out.
        // October holds W40–W44 (Thursdays 1–29 Oct), November W45–W48, December W49–W53.
        let m = month_columns(&cal, 5, 3);
        let got: Vec<(&str, usize, usize)> = m
            .iter()
            .map(|p| (p.key.as_str(), p.weeks.start, p.weeks.end))
            .collect();
        let w40 = cal.parse_week("2026-W40").unwrap();
        assert_eq!(
            got,
            [
                ("2026-10", w40, w40 + 5),
                ("2026-11", w40 + 5, w40 + 9),
                ("2026-12", w40 + 9, w40 + 14),
                ("2027-01", w40 + 14, w40 + 18),
            ]
        );
        assert!(m[0].is_past(&cal) && m[1].is_current(&cal) && !m[2].is_past(&cal));
        assert_eq!(m[2].header(&cal), ("Dec".to_string(), "2026".to_string()));
        // April 2027 is cut by the end of the plan (W15 holds only Thu 8 Apr): left out.
        let all = month_columns(&cal, 0, 99);
        assert_eq!(all.last().map(|p| p.key.as_str()), Some("2027-03"));
    }
}
