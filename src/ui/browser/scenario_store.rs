//! The scenarios' place in local storage (`sop.scenarios`), guarded like the plan's:
//! - every save writes a new token into the list's first line, and a tab saves only while
//!   the stored token is the one it last read or wrote: a second tab never overwrites the
//!   first one's scenarios unasked (it asks: reload theirs or keep mine);
//! - a list that cannot be read is moved aside, byte for byte, under its own dated key
//!   (`sop.scenarios.unreadable.<time>`), never written over, listed in the panel and
//!   downloadable; new scenarios are then saved afresh. One written by a newer version of the
//!   app is left where it is and nothing is saved over it;
//! - a full storage is said so (the scenarios stay in this tab).
//!
//! What the text means is `crate::storage::scenarios`' job.

use super::files::download;
use super::persist::{new_token, read_key, write_key, SaveError};
use crate::storage::scenarios::{
    decode_scenarios, encode_scenarios, reason, token_of, SavedScenario,
};
use crate::storage::StoreError;
use leptos::prelude::*;

/// The key of the scenario list.
pub const KEY: &str = "sop.scenarios";
/// Lists that could not be read, one key each: `sop.scenarios.unreadable.2026-12-01T08:30:00.000Z`.
pub const ASIDE: &str = "sop.scenarios.unreadable.";

/// What was found in storage at start.
pub struct Loaded {
    pub list: Vec<SavedScenario>,
    /// The token of the list read (`None`: nothing stored, or a list from before tokens).
    pub seen: Option<String>,
    /// False when the stored list must not be written over (it could not be read nor moved
    /// aside, or a newer version wrote it).
    pub writable: bool,
    /// What the panel must say about it.
    pub problem: Option<String>,
}

/// Reads the list; one that cannot be read is moved aside first (see the module doc).
pub fn load() -> Loaded {
    let Some(text) = read_key(KEY) else {
        return Loaded {
            list: Vec::new(),
            seen: None,
            writable: true,
            problem: None,
        };
    };
    match decode_scenarios(&text) {
        Ok(saved) => Loaded {
            list: saved.list,
            seen: saved.token,
            writable: true,
            problem: None,
        },
        Err(e @ StoreError::Newer { .. }) => Loaded {
            list: Vec::new(),
            seen: None,
            writable: false,
            problem: Some(format!(
                "The saved scenarios were not opened: {}. They are left untouched; scenarios \
                 made here are kept in this tab only.",
                reason(&e)
            )),
        },
        Err(e) => match keep_aside(&text) {
            Ok(key) => Loaded {
                list: Vec::new(),
                seen: None,
                writable: true,
                problem: Some(format!(
                    "The saved scenarios could not be read ({}). They are kept aside, \
                     unchanged, under “{key}” (download below); new scenarios are saved afresh.",
                    reason(&e)
                )),
            },
            Err(why) => Loaded {
                list: Vec::new(),
                seen: None,
                writable: false,
                problem: Some(format!(
                    "The saved scenarios could not be read ({}), nor copied aside ({why}). \
                     They are left untouched; scenarios made here are kept in this tab only.",
                    reason(&e)
                )),
            },
        },
    }
}

/// Saves the list unless another tab saved since `seen` (unless `force`: the planner chose
/// to keep this tab's). Returns the token of this save.
pub fn save(list: &[SavedScenario], seen: Option<&str>, force: bool) -> Result<String, SaveError> {
    let stored = read_key(KEY);
    if !force && stored.is_some() && stored.as_deref().and_then(token_of) != seen {
        return Err(SaveError::OtherTab);
    }
    let token = new_token();
    let text = encode_scenarios(list, &token);
    write_key(KEY, &text)?;
    if read_key(KEY).as_deref() != Some(text.as_str()) {
        return Err(SaveError::Refused(
            "the saved list did not read back".to_string(),
        ));
    }
    Ok(token)
}

/// The token of the list stored now, if it is in the current format.
pub fn stored_token() -> Option<String> {
    read_key(KEY)
        .as_deref()
        .and_then(token_of)
        .map(str::to_string)
}

/// Copies unreadable text to a new dated key, checks the copy, then frees the list's key.
fn keep_aside(text: &str) -> Result<String, SaveError> {
    // The same text kept before (a load that could not free the key): not copied twice.
    if let Some((key, _)) = kept().into_iter().find(|(_, t)| t == text) {
        let _ = remove(KEY);
        return Ok(key);
    }
    let mut key = format!("{ASIDE}{}", iso_now());
    while read_key(&key).is_some() {
        key.push('+');
    }
    write_key(&key, text)?;
    if read_key(&key).as_deref() != Some(text) {
        return Err(SaveError::Refused("the copy did not read back".to_string()));
    }
    remove(KEY)?;
    Ok(key)
}

/// Lists kept aside, newest first: (key, text).
pub fn kept() -> Vec<(String, String)> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    let mut out: Vec<(String, String)> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(ASIDE))
        .filter_map(|k| s.get_item(&k).ok().flatten().map(|t| (k, t)))
        .collect();
    out.sort_by(|a, b| b.0.cmp(&a.0));
    out
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn remove(key: &str) -> Result<(), SaveError> {
    storage()
        .ok_or_else(|| SaveError::Refused("local storage is switched off".to_string()))?
        .remove_item(key)
        .map_err(|_| SaveError::Refused("the browser refused to remove it".to_string()))
}

fn iso_now() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// What the panel says about storage: a problem, the other-tab question, and the lists kept
/// aside with a download each.
#[component]
pub fn StorageNotice(
    problem: RwSignal<Option<String>>,
    other_tab: RwSignal<bool>,
    on_reload: Callback<()>,
    on_keep: Callback<()>,
) -> impl IntoView {
    let kept = RwSignal::new(kept());
    // Lists moved aside at start are listed; the list is read again when a problem is said.
    Effect::new(move |_| {
        problem.track();
        kept.set(self::kept());
    });
    let items = move || {
        kept.get()
            .into_iter()
            .map(|(key, text)| {
                let name = format!(
                    "sop-scenarios-unreadable-{}.txt",
                    key.trim_start_matches(ASIDE).replace([':', '.', '+'], "-")
                );
                view! {
                    <li data-testid="scenarios-kept" data-key=key.clone()>
                        <span>{format!("Kept aside: {key} ({} characters)", text.chars().count())}</span>
                        <button data-testid="scenarios-kept-download" on:click=move |_| {
                            let _ = download(&name, &text, "text/plain;charset=utf-8");
                        }>"Download"</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        {move || problem.get().map(|p| view! {
            <div class="message warn" data-testid="scenarios-problem" role="alert">{p}</div>
        })}
        {move || other_tab.get().then(|| view! {
            <div class="message warn" data-testid="scenarios-other-tab" role="alert">
                <span>"Another tab changed the scenarios since this tab read them, so this tab's are not saved."</span>
                <button data-testid="scenarios-other-tab-reload" on:click=move |_| on_reload.run(())>"Reload theirs"</button>
                <button data-testid="scenarios-other-tab-keep" on:click=move |_| on_keep.run(())>"Keep mine"</button>
            </div>
        })}
        <ul class="kept">{items}</ul>
    }
}
