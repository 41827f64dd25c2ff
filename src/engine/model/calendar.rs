//! The plan's ISO-week calendar.
//!
//! Weeks start on Monday (ISO 8601). The plan is one run of consecutive weeks: a history window
//! of past weeks, then the current week, then the rest of the horizon. A week belongs to the
//! month of its Thursday, the same rule ISO uses to give a week its year, so a week is never
//! split between two months and every monthly figure in the app uses this one rule.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The longest forward horizon a plan may have, in weeks.
pub const MAX_HORIZON: usize = 104;
/// The longest history window, in weeks.
pub const MAX_HISTORY: usize = 156;

/// The plan's weeks: a run of ISO weeks from the oldest history week to the horizon's end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    /// Monday of the first (oldest) week in the plan.
    first_monday: NaiveDate,
    /// Past weeks before the current week.
    history: usize,
    /// The current week and the weeks after it.
    horizon: usize,
}

/// A calendar month as `(year, month 1–12)`.
pub type Month = (i32, u32);

impl Calendar {
    /// A calendar whose current week contains `today`.
    pub fn around(today: NaiveDate, history: usize, horizon: usize) -> Result<Calendar, String> {
        if horizon == 0 || horizon > MAX_HORIZON {
            return Err(format!(
                "the horizon must be 1 to {MAX_HORIZON} weeks, not {horizon}"
            ));
        }
        if history > MAX_HISTORY {
            return Err(format!(
                "the history must be at most {MAX_HISTORY} weeks, not {history}"
            ));
        }
        let monday = monday_of(today);
        Ok(Calendar {
            first_monday: monday - Duration::weeks(history as i64),
            history,
            horizon,
        })
    }

    /// Number of weeks in the plan (history + horizon).
    pub fn len(&self) -> usize {
        self.history + self.horizon
    }

    /// True for a calendar with no weeks (never built by [`Calendar::around`]).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Index of the current week: the first week the projection covers.
    pub fn current(&self) -> usize {
        self.history
    }

    /// Number of past weeks, before the current week.
    pub fn history(&self) -> usize {
        self.history
    }

    /// Number of weeks from the current week on, the part the projection covers.
    pub fn horizon(&self) -> usize {
        self.horizon
    }

    /// Past weeks (actuals).
    pub fn past(&self) -> Range<usize> {
        0..self.history
    }

    /// The current week and after (projected).
    pub fn future(&self) -> Range<usize> {
        self.history..self.len()
    }

    /// Monday of week `i`; `i` may lie before or after the plan (order-by weeks can).
    pub fn monday(&self, i: isize) -> NaiveDate {
        self.first_monday + Duration::weeks(i as i64)
    }

    /// ISO label such as `2026-W48`.
    pub fn label(&self, i: isize) -> String {
        let w = self.monday(i).iso_week();
        format!("{}-W{:02}", w.year(), w.week())
    }

    /// A set of weeks written compactly, runs joined: `2026-W50–W52, 2027-W03`. Change lists
    /// and merge reports name weeks this way.
    pub fn weeks_label(&self, weeks: &[usize]) -> String {
        let mut sorted = weeks.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for w in sorted {
            match runs.last_mut() {
                Some((_, end)) if *end + 1 == w => *end = w,
                _ => runs.push((w, w)),
            }
        }
        let run_label = |&(a, b): &(usize, usize)| {
            let (first, last) = (self.label(a as isize), self.label(b as isize));
            let same_year = match (first.split_once("-W"), last.split_once("-W")) {
                (Some((y1, _)), Some((y2, w2))) if y1 == y2 => Some(w2.to_string()),
                _ => None,
            };
            match same_year {
                _ if a == b => first,
                Some(week) => format!("{first}–W{week}"),
                None => format!("{first}–{last}"),
            }
        };
        runs.iter().map(run_label).collect::<Vec<_>>().join(", ")
    }

    /// The week index holding `date`, if it is in the plan.
    pub fn index_of_date(&self, date: NaiveDate) -> Option<usize> {
        let days = (monday_of(date) - self.first_monday).num_days();
        let i = days.div_euclid(7);
        (0..self.len() as i64).contains(&i).then_some(i as usize)
    }

    /// Parses `2026-W48` (also `2026W48`, `2026-w48`) to a week index in the plan.
    pub fn parse_week(&self, s: &str) -> Result<usize, String> {
        let date =
            parse_iso_week(s).ok_or_else(|| format!("'{s}' is not an ISO week like 2026-W48"))?;
        self.index_of_date(date).ok_or_else(|| {
            format!(
                "week {} is outside the plan ({} to {})",
                s.trim(),
                self.label(0),
                self.label(self.len() as isize - 1)
            )
        })
    }

    /// The month a week belongs to: the month of its Thursday.
    pub fn month_of(&self, i: usize) -> Month {
        let thu = self.monday(i as isize) + Duration::days(3);
        (thu.year(), thu.month())
    }

    /// The plan's months in order, each with the range of week indices it holds.
    pub fn months(&self) -> Vec<(Month, Range<usize>)> {
        let mut out: Vec<(Month, Range<usize>)> = Vec::new();
        for i in 0..self.len() {
            let m = self.month_of(i);
            match out.last_mut() {
                Some((last, r)) if *last == m => r.end = i + 1,
                _ => out.push((m, i..i + 1)),
            }
        }
        out
    }
}

/// Label of a month: `2026-11`.
pub fn month_label(m: Month) -> String {
    format!("{}-{:02}", m.0, m.1)
}

/// Monday of the ISO week holding `d`.
pub fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

/// Monday of an ISO week written `YYYY-Www`.
pub fn parse_iso_week(s: &str) -> Option<NaiveDate> {
    let t = s.trim().to_ascii_uppercase();
    let (y, w) = t.split_once('W')?;
    let y: i32 = y.trim_end_matches('-').parse().ok()?;
    let w: u32 = w.parse().ok()?;
    NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn current_week_and_labels() {
        // Sunday 22 Nov 2026 is in ISO week 47; Monday 23 Nov starts week 48.
        let cal = Calendar::around(d(2026, 11, 22), 2, 3).unwrap();
        assert_eq!(cal.label(cal.current() as isize), "2026-W47");
        assert_eq!(cal.label(0), "2026-W45");
        assert_eq!(cal.label(4), "2026-W49");
        assert_eq!(cal.label(-1), "2026-W44");
        assert_eq!(cal.parse_week("2026-W48"), Ok(3));
        assert!(cal
            .parse_week("2026-W50")
            .unwrap_err()
            .contains("outside the plan (2026-W45 to 2026-W49)"));
        assert!(cal.parse_week("2026-48").is_err());
    }

    #[test]
    fn iso_year_boundary() {
        // 28 Dec 2026 is Monday of 2026-W53; 4 Jan 2027 starts 2027-W01.
        let cal = Calendar::around(d(2026, 12, 28), 0, 2).unwrap();
        assert_eq!(cal.label(0), "2026-W53");
        assert_eq!(cal.label(1), "2027-W01");
        // W53 runs Mon 28 Dec to Sun 3 Jan; its Thursday is 31 Dec, so it is December's.
        assert_eq!(cal.month_of(0), (2026, 12));
        assert_eq!(cal.month_of(1), (2027, 1));
    }

    #[test]
    fn a_week_belongs_to_the_month_of_its_thursday() {
        // Week of Mon 30 Nov 2026: Thursday is 3 Dec -> December.
        // Week of Mon 26 Oct 2026: Thursday is 29 Oct -> October.
        let cal = Calendar::around(d(2026, 10, 26), 0, 6).unwrap();
        let months = cal.months();
        assert_eq!(months[0], ((2026, 10), 0..1));
        assert_eq!(months[1], ((2026, 11), 1..5)); // 2, 9, 16, 23 Nov
        assert_eq!(months[2], ((2026, 12), 5..6)); // 30 Nov (Thu 3 Dec)
        assert_eq!(month_label((2026, 12)), "2026-12");
    }

    #[test]
    fn week_sets_are_written_as_runs() {
        let cal = Calendar::around(d(2026, 12, 7), 0, 8).unwrap(); // W50 .. 2027-W04
        assert_eq!(cal.weeks_label(&[2, 0, 1]), "2026-W50–W52");
        assert_eq!(cal.weeks_label(&[3, 4, 7]), "2026-W53–2027-W01, 2027-W04");
        assert_eq!(cal.weeks_label(&[5]), "2027-W02");
        assert_eq!(cal.weeks_label(&[]), "");
    }

    #[test]
    fn rejects_silly_horizons() {
        assert!(Calendar::around(d(2026, 1, 1), 0, 0).is_err());
        assert!(Calendar::around(d(2026, 1, 1), 0, 105).is_err());
    }
}
