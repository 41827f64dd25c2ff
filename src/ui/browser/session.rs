//! Test sessions: `?today=YYYY-MM-DD` (pins the current week) and `?bench=N` (opens a
//! generated plan of N SKUs) exist for demos, screenshots, tests and benchmarks. They must
//! never touch the plan a planner saved in this browser: a bench session replaces the plan,
//! a far-ahead date rolls it on for good.
//!
//! So a tab opened with either switch sees local storage through a namespaced view: every key
//! it reads or writes is stored as `sop.pinned.<key>`, the planner's own keys are neither read
//! nor written, and storage events from other tabs reach it only for keys of the same
//! namespace (with the prefix taken off). The view is installed before anything reads storage
//! and stands in for `window.localStorage` itself, so the app's storage code, and the
//! tests' own storage reads, work unchanged inside the test copy. The top bar says so.

use super::today::{bench_skus_from_query, from_query, query};
use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Where a test session's keys live: `sop.pinned.sop.plan.current`, …
pub const NAMESPACE: &str = "sop.pinned.";

/// What the address asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Switches {
    /// `?today=`: the date read, or `None` when it could not be (today is used).
    pub today: Option<Option<NaiveDate>>,
    /// `?bench=`: the SKUs of the generated plan (1 to 20,000), `None` when not understood.
    pub bench: Option<Option<usize>>,
}

impl Switches {
    /// The switches of a query string such as `?today=2026-11-23&bench=2000`. A switch that is
    /// present but not understood still makes a test session: whoever typed it did not mean
    /// the saved plan.
    pub fn of(query: &str) -> Switches {
        let has = |name: &str| {
            query
                .trim_start_matches('?')
                .split('&')
                .any(|kv| kv.split('=').next() == Some(name))
        };
        Switches {
            today: has("today").then(|| from_query(query)),
            bench: has("bench").then(|| bench_skus_from_query(query)),
        }
    }

    /// Whether this is a test session (works on its own copy, never the saved plan).
    pub fn is_test(&self) -> bool {
        self.today.is_some() || self.bench.is_some()
    }

    /// The top bar's words: what this copy is.
    pub fn label(&self) -> String {
        let mut parts = Vec::new();
        match self.bench {
            Some(Some(n)) => parts.push(format!("benchmark plan, {n} SKUs")),
            Some(None) => parts.push("benchmark switch not understood".to_string()),
            None => {}
        }
        match self.today {
            Some(Some(d)) => parts.push(format!("pinned to {d}")),
            Some(None) => parts.push("date switch not understood, using today".to_string()),
            None => {}
        }
        format!("Test copy: {}", parts.join(", "))
    }
}

#[wasm_bindgen(inline_js = r#"
export function isolate_storage(prefix) {
  let real;
  try { real = window.localStorage; } catch (e) { return false; }
  if (!real) return false;
  const keys = () => {
    const out = [];
    for (let i = 0; i < real.length; i++) {
      const k = real.key(i);
      if (k !== null && k.startsWith(prefix)) out.push(k.slice(prefix.length));
    }
    return out;
  };
  const api = {
    getItem: (k) => real.getItem(prefix + k),
    setItem: (k, v) => real.setItem(prefix + k, String(v)),
    removeItem: (k) => real.removeItem(prefix + k),
    key: (i) => { const ks = keys(); return i >= 0 && i < ks.length ? ks[i] : null; },
    clear: () => keys().forEach((k) => real.removeItem(prefix + k)),
  };
  const view = new Proxy({}, {
    get(_, name) {
      if (name === 'length') return keys().length;
      if (typeof name !== 'string') return undefined;
      if (Object.prototype.hasOwnProperty.call(api, name)) return api[name];
      const v = api.getItem(name);
      return v === null ? undefined : v;
    },
    set(_, name, v) { api.setItem(String(name), v); return true; },
    deleteProperty(_, name) { api.removeItem(String(name)); return true; },
    has(_, name) { return api.getItem(String(name)) !== null; },
    ownKeys() { return keys(); },
    getOwnPropertyDescriptor(_, name) {
      const v = api.getItem(String(name));
      return v === null ? undefined : { value: v, enumerable: true, configurable: true, writable: true };
    },
  });
  Object.defineProperty(window, 'localStorage', { get: () => view, configurable: true });
  window.addEventListener('storage', (ev) => {
    if (!ev.isTrusted || ev.storageArea !== real) return;
    ev.stopImmediatePropagation();
    if (ev.key !== null && !ev.key.startsWith(prefix)) return;
    window.dispatchEvent(new StorageEvent('storage', {
      key: ev.key === null ? null : ev.key.slice(prefix.length),
      oldValue: ev.oldValue, newValue: ev.newValue, url: ev.url,
    }));
  }, true);
  return true;
}
"#)]
extern "C" {
    /// Puts the namespaced view in place of `window.localStorage`; false when there is no
    /// storage to wrap (switched off: the app then meets that as it would anyway).
    fn isolate_storage(prefix: &str) -> bool;
}

/// Reads the switches from the address and, for a test session, isolates its storage. Call
/// once, first thing, before anything reads local storage.
pub fn start() -> Switches {
    let switches = Switches::of(&query());
    if switches.is_test() {
        isolate_storage(NAMESPACE);
        super::crash::offer_crash_test();
    }
    switches
}

/// "Test copy: pinned to 2026-11-23" in the top bar, for a test session only.
#[component]
pub fn SessionBadge(switches: Switches) -> impl IntoView {
    switches.is_test().then(|| {
        view! {
            <div class="session-badge" data-testid="session-badge" role="note"
                title="Opened with ?today= or ?bench=: this tab works on a separate test copy, kept under its own storage keys (sop.pinned.…). The plan saved in this browser is not read or changed. Open the address without them to get back to it.">
                {switches.label()}
            </div>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_switch_makes_a_test_session_even_when_not_understood() {
        let plain = Switches::of("");
        assert!(!plain.is_test());
        assert!(!Switches::of("?view=monthly").is_test());
        // A key that merely ends in "today" is not the switch.
        assert!(!Switches::of("?notoday=1").is_test());
        let pinned = Switches::of("?today=2026-11-23");
        assert_eq!(pinned.today, Some(NaiveDate::from_ymd_opt(2026, 11, 23)));
        assert_eq!(pinned.label(), "Test copy: pinned to 2026-11-23");
        let both = Switches::of("?today=2026-11-23&bench=2000");
        assert_eq!(
            both.label(),
            "Test copy: benchmark plan, 2000 SKUs, pinned to 2026-11-23"
        );
        let bad = Switches::of("?today=23/11/2026");
        assert!(bad.is_test());
        assert_eq!(
            bad.label(),
            "Test copy: date switch not understood, using today"
        );
        let bad_bench = Switches::of("?bench=0");
        assert!(bad_bench.is_test());
        assert_eq!(bad_bench.bench, Some(None));
        assert!(Switches::of("?today").is_test());
    }
}
