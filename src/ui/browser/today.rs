//! The date the plan is "now": today in the browser, or `?today=YYYY-MM-DD` from the URL
//! so demos, screenshots and tests can pin the current week.

use chrono::NaiveDate;

/// Reads `today=` from a query string such as `?today=2026-11-23&x=1`.
pub fn from_query(query: &str) -> Option<NaiveDate> {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("today="))
        .and_then(parse_ymd)
}

/// `YYYY-MM-DD` (month and day may have one digit). By hand: chrono's `parse_from_str` links
/// its whole strftime parser (RFC 2822 and time zones included) into the wasm.
fn parse_ymd(text: &str) -> Option<NaiveDate> {
    fn digits(s: &str, max: usize) -> Option<u32> {
        let ok = (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| s.parse().ok()).flatten()
    }
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    // Four-digit years from 1900: the plan's weeks around a date far outside that would
    // overflow the date arithmetic.
    let year = i32::try_from(digits(y, 4)?).ok().filter(|y| *y >= 1900)?;
    NaiveDate::from_ymd_opt(year, digits(m, 2)?, digits(d, 2)?)
}

/// `?bench=2000`: open a generated plan of that many SKUs (52 weeks of history, 104 ahead)
/// instead of the demo, for the grid benchmark. At most 20,000.
pub fn bench_skus_from_query(query: &str) -> Option<usize> {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("bench="))
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&n| (1..=20_000).contains(&n))
}

/// The page's query string.
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The browser's local date, or the pinned date from the URL.
pub fn today() -> NaiveDate {
    let window = web_sys::window();
    let query = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    from_query(&query).unwrap_or_else(|| {
        let d = js_sys::Date::new_0();
        NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_pins_the_date() {
        assert_eq!(
            from_query("?today=2026-11-23"),
            NaiveDate::from_ymd_opt(2026, 11, 23)
        );
        assert_eq!(
            from_query("?a=1&today=2026-01-05"),
            NaiveDate::from_ymd_opt(2026, 1, 5)
        );
        assert_eq!(
            from_query("?today=2026-1-5"),
            NaiveDate::from_ymd_opt(2026, 1, 5)
        );
        assert_eq!(from_query("?today=23/11/2026"), None);
        assert_eq!(from_query("?today=2026-11-31"), None);
        assert_eq!(from_query("?today=2026-11-23x"), None);
        assert_eq!(from_query("?today=2026-11"), None);
        assert_eq!(from_query("?today=2026-11-23-1"), None);
        assert_eq!(from_query("?today=2026-+1-23"), None);
        assert_eq!(from_query("?today=262143-12-31"), None);
        assert_eq!(from_query("?today=0001-01-01"), None);
        assert_eq!(from_query(""), None);
        assert_eq!(
            bench_skus_from_query("?today=2026-11-23&bench=2000"),
            Some(2000)
        );
        assert_eq!(bench_skus_from_query("?bench=0"), None);
        assert_eq!(bench_skus_from_query("?bench=x"), None);
    }
}
