//! Stored text the app could not use as the plan, moved aside instead of written over: each
//! copy under its own dated key, several kept, newest first, within a size budget small enough
//! that the live plan (two copies while a save switches slots) always still fits.
//!
//! Pure rules, no browser: the key of a copy, what a kept copy is (a plan this app can open, a
//! save of a newer app, damaged data), and which older copies to let go when the budget is
//! full. The browser glue (`ui/browser/persist.rs`) reads and writes the keys.

use super::{decode, StoreError};
use chrono::{DateTime, SecondsFormat};

/// Every copy moved aside lives under a key starting with this.
pub const PREFIX: &str = "sop.recovered.";

/// At most this many characters of kept copies (a fifth of the usual 5-million-character
/// local storage quota): the live plan, saved twice while a save switches slots, keeps the
/// rest. The newest copy is kept even when it alone is larger.
pub const BUDGET_CHARS: usize = 1_000_000;

/// At most this many copies are kept.
pub const MAX_KEPT: usize = 8;

/// Where a kept copy came from, as written at the end of its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The slot the pointer named: the saved plan itself.
    Plan,
    /// The pointer (`sop.plan.current`), damaged or naming a slot that is gone.
    Pointer,
    /// A slot the pointer did not name (or no pointer at all).
    Slot,
    /// The single backup key older versions of the app kept (`sop.plan.backup`).
    Backup,
    /// The plan as another tab had saved it, replaced when this tab chose "Keep mine".
    OtherTab,
    /// The saved plan whose check-ins could not be read.
    Checkins,
}

impl Source {
    pub const ALL: [Source; 6] = [
        Source::Plan,
        Source::Pointer,
        Source::Slot,
        Source::Backup,
        Source::OtherTab,
        Source::Checkins,
    ];

    /// The word in the key.
    pub fn tag(self) -> &'static str {
        match self {
            Source::Plan => "plan",
            Source::Pointer => "pointer",
            Source::Slot => "slot",
            Source::Backup => "backup",
            Source::OtherTab => "other-tab",
            Source::Checkins => "checkins",
        }
    }

    /// What the panel says it is.
    pub fn label(self) -> &'static str {
        match self {
            Source::Plan => "the saved plan",
            Source::Pointer => "the record of which copy is current",
            Source::Slot => "a saved copy no record pointed to",
            Source::Backup => "the backup an older version kept",
            Source::OtherTab => "the other tab's plan, replaced by yours",
            Source::Checkins => "the saved plan with check-ins that could not be read",
        }
    }
}

/// One kept copy, as its key tells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    /// When it was moved aside, UTC, `2026-12-01T08:03:12.345Z` (sorts by time as text).
    pub when: String,
    pub source: Option<Source>,
}

/// The key for a copy moved aside at `millis` (milliseconds since 1970, UTC).
pub fn key(millis: i64, source: Source) -> String {
    let when = DateTime::from_timestamp_millis(millis)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Millis, true);
    format!("{PREFIX}{when}/{}", source.tag())
}

/// A kept copy's key read back; `None` for any other key.
pub fn parse(key: &str) -> Option<Entry> {
    let rest = key.strip_prefix(PREFIX)?;
    let (when, tag) = rest.split_once('/').unwrap_or((rest, ""));
    Some(Entry {
        key: key.to_string(),
        when: when.to_string(),
        source: Source::ALL.into_iter().find(|s| s.tag() == tag),
    })
}

/// The kept copies among `keys`, newest first.
pub fn entries<'a>(keys: impl IntoIterator<Item = &'a str>) -> Vec<Entry> {
    let mut list: Vec<Entry> = keys.into_iter().filter_map(parse).collect();
    list.sort_by(|a, b| b.when.cmp(&a.when).then_with(|| b.key.cmp(&a.key)));
    list
}

/// The keys to let go so the kept copies fit: walking newest first, a copy stays while the
/// total stays within `budget` characters and [`MAX_KEPT`] copies; the newest always stays.
/// `copies` are (key, characters), in any order.
pub fn to_let_go(copies: &[(String, usize)], budget: usize) -> Vec<String> {
    let mut sorted: Vec<(Entry, usize)> = copies
        .iter()
        .filter_map(|(k, n)| parse(k).map(|e| (e, *n)))
        .collect();
    sorted.sort_by(|(a, _), (b, _)| b.when.cmp(&a.when).then_with(|| b.key.cmp(&a.key)));
    let mut total = 0usize;
    let mut kept = 0usize;
    let mut out = Vec::new();
    for (entry, n) in sorted {
        let fits = kept < MAX_KEPT && total.saturating_add(n) <= budget;
        if kept == 0 || fits {
            total = total.saturating_add(n);
            kept += 1;
        } else {
            out.push(entry.key);
        }
    }
    out
}

/// What a kept copy holds, for the panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holds {
    /// A plan this app reads (its own format or an older one): it can be opened.
    Plan { skus: usize, checkins: usize },
    /// A save of a newer version of the app: it opens once this app is updated.
    Newer { version: u32 },
    /// Nothing this app can open; why, in words.
    Unreadable(String),
}

/// Reads a kept copy to say what it holds.
pub fn holds(text: &str) -> Holds {
    match decode(text) {
        Ok(stored) => Holds::Plan {
            skus: stored.plan.products.len(),
            checkins: stored.snapshots.len(),
        },
        Err(StoreError::Newer { version }) => Holds::Newer { version },
        Err(e) => Holds::Unreadable(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_names_the_moment_in_utc_and_the_source() {
        // 2026-12-01 08:03:12.345 UTC
        let k = key(1_796_112_192_345, Source::Plan);
        assert_eq!(k, "sop.recovered.2026-12-01T08:03:12.345Z/plan");
        let e = parse(&k).unwrap();
        assert_eq!(e.when, "2026-12-01T08:03:12.345Z");
        assert_eq!(e.source, Some(Source::Plan));
        assert_eq!(parse("sop.plan.a"), None);
    }
}
