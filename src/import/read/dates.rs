//! Dates as tools and spreadsheets write them: ISO (`2025-10-07`, with or without a time and
//! offset), `07/10/2025`, `10/07/2025`, `07.10.2025`. Whether `07/10/2025` is 7 October or
//! 10 July is decided from the whole column (a day above 12 settles it); when every day is 12
//! or less the file is ambiguous and the planner is asked, never guessed for.

use chrono::NaiveDate;

/// Dates outside these years are mistakes (a typo, or Excel's day 0 = 1900).
pub const FIRST_YEAR: i32 = 1990;
pub const LAST_YEAR: i32 = 2100;

/// The order of day, month and year in dates that do not start with the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    Ymd,
    Dmy,
    Mdy,
}

impl DateOrder {
    pub fn label(self) -> &'static str {
        match self {
            DateOrder::Ymd => "y-m-d",
            DateOrder::Dmy => "d/m/y",
            DateOrder::Mdy => "m/d/y",
        }
    }
}

/// What a column's dates say about their order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Known(DateOrder),
    /// Day-first and month-first both fit every value: the planner must choose.
    Ambiguous,
}

/// A date's three numbers as written, before the order is known.
#[derive(Clone, Copy, Debug)]
struct Written {
    a: u32,
    b: u32,
    c: u32,
    year_first: bool,
    /// `07.10.2025`: only ever day first.
    dotted: bool,
    /// `7/10/25`.
    short_year: bool,
}

fn split(text: &str) -> Option<Written> {
    let text = text.trim();
    let (date, time) = match text.find([' ', 'T']) {
        Some(i) => (&text[..i], Some(text[i + 1..].trim())),
        None => (text, None),
    };
    if let Some(t) = time {
        let ok = t.starts_with(|c: char| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '.' | '+' | '-' | ' '));
        if !ok {
            return None;
        }
    }
    let sep = date.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(a) && digits(b) && digits(c)) || b.len() > 2 {
        return None;
    }
    let year_first = a.len() == 4;
    if year_first && c.len() > 2 || !year_first && (a.len() > 2 || c.len() == 1 || c.len() == 3) {
        return None;
    }
    Some(Written {
        a: a.parse().ok()?,
        b: b.parse().ok()?,
        c: c.parse().ok()?,
        year_first,
        dotted: sep == '.',
        short_year: !year_first && c.len() == 2,
    })
}

/// True when the text is a date in any order (used to recognise date columns and headers).
pub fn looks_like_date(text: &str) -> bool {
    split(text).is_some()
}

/// Decides the order from all the values of the date columns. A value that is not a date at
/// all says nothing (it is reported when parsed).
pub fn decide<'a>(values: impl IntoIterator<Item = &'a str>) -> Verdict {
    let (mut dmy, mut mdy, mut ambiguous) = (0usize, 0usize, false);
    for w in values.into_iter().filter_map(split) {
        if w.year_first {
            continue;
        }
        if w.dotted || w.a > 12 {
            dmy += 1;
        } else if w.b > 12 {
            mdy += 1;
        } else {
            ambiguous = true;
        }
    }
    match (dmy, mdy) {
        (0, 0) if ambiguous => Verdict::Ambiguous,
        (0, 0) => Verdict::Known(DateOrder::Ymd),
        (d, m) if d >= m => Verdict::Known(DateOrder::Dmy),
        _ => Verdict::Known(DateOrder::Mdy),
    }
}

/// Parses a date; dates starting with a 4-digit year are always y-m-d, dotted ones d.m.y,
/// the others use `order` (y-m-d there means the planner gave no order: day first).
pub fn parse_date(text: &str, order: DateOrder) -> Result<NaiveDate, String> {
    let w = split(text).ok_or_else(|| {
        "is not a date (expected e.g. 2026-11-23, 23/11/2026 or 11/23/2026)".to_string()
    })?;
    let (y, m, d, used) = if w.year_first {
        (w.a, w.b, w.c, DateOrder::Ymd)
    } else if w.dotted || order != DateOrder::Mdy {
        (w.c, w.b, w.a, DateOrder::Dmy)
    } else {
        (w.c, w.a, w.b, DateOrder::Mdy)
    };
    let y = if w.short_year { 2000 + y } else { y } as i32;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&y) {
        return Err(format!("is outside the years {FIRST_YEAR} to {LAST_YEAR}"));
    }
    NaiveDate::from_ymd_opt(y, m, d)
        .ok_or_else(|| format!("is not a valid date in {} order", used.label()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn iso_with_time_and_offset() {
        for text in [
            "2025-10-07",
            "2025-10-07 09:50:26 +0200",
            "2025-10-07T23:50:26-05:00",
            "2025/10/07",
        ] {
            assert_eq!(
                parse_date(text, DateOrder::Ymd),
                Ok(d(2025, 10, 7)),
                "{text}"
            );
        }
    }

    #[test]
    fn day_or_month_first_by_order() {
        assert_eq!(parse_date("07/10/2025", DateOrder::Dmy), Ok(d(2025, 10, 7)));
        assert_eq!(
            parse_date("07/10/2025 09:50", DateOrder::Mdy),
            Ok(d(2025, 7, 10))
        );
        assert_eq!(parse_date("7.10.25", DateOrder::Mdy), Ok(d(2025, 10, 7)));
        assert_eq!(
            parse_date("13/25/2025", DateOrder::Dmy),
            Err("is not a valid date in d/m/y order".to_string())
        );
    }

    #[test]
    fn the_column_decides_the_order() {
        assert_eq!(
            decide(["01/02/2025", "13/02/2025"]),
            Verdict::Known(DateOrder::Dmy)
        );
        assert_eq!(
            decide(["01/02/2025", "02/13/2025"]),
            Verdict::Known(DateOrder::Mdy)
        );
        assert_eq!(decide(["01/02/2025", "03/04/2025"]), Verdict::Ambiguous);
        assert_eq!(
            decide(["2025-01-02", "junk"]),
            Verdict::Known(DateOrder::Ymd)
        );
        assert_eq!(decide(["01.02.2025"]), Verdict::Known(DateOrder::Dmy));
    }

    #[test]
    fn refuses_non_dates_and_silly_years() {
        for text in [
            "",
            "tomorrow",
            "2025-10",
            "1/2/3/4",
            "2025-10-07 lunch",
            "20251007",
        ] {
            assert!(parse_date(text, DateOrder::Dmy).is_err(), "{text}");
        }
        assert_eq!(
            parse_date("1899-12-30", DateOrder::Ymd),
            Err("is outside the years 1990 to 2100".to_string())
        );
        assert!(parse_date("01/01/2101", DateOrder::Dmy).is_err());
    }
}
