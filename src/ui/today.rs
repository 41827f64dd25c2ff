//! The date the plan is "now": today in the browser, or `?today=YYYY-MM-DD` from the URL
//! so demos, screenshots and tests can pin the current week.

use chrono::NaiveDate;

/// Reads `today=` from a query string such as `?today=2026-11-23&x=1`.
pub fn from_query(query: &str) -> Option<NaiveDate> {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("today="))
        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
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
            .unwrap_or(NaiveDate::MIN)
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
        assert_eq!(from_query("?today=23/11/2026"), None);
        assert_eq!(from_query(""), None);
    }
}
