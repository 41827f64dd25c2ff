//! The plan in the browser's local storage, saved so that nothing typed is ever lost.
//!
//! Two slots and a pointer: a save writes the slot the pointer does not name, reads it back,
//! and only then moves the pointer and frees the old slot. A save that fails half-way (quota,
//! a closed tab) leaves the pointer on the last good copy. The pointer also carries a token
//! unique to the save, so a tab notices when another tab has saved since it last looked and
//! asks instead of overwriting.
//!
//! Stored text that cannot be used is never written over: it is moved aside under a dated
//! key of its own (`crate::storage::recovered`), read back before the original goes.
//!
//! Only text goes through here; what the text means is `crate::storage`'s job.

use crate::storage::recovered::{self, Entry, Source};

/// `a:<token>` or `b:<token>`: which slot holds the plan, and which save wrote it.
pub const POINTER: &str = "sop.plan.current";
/// The two slots a save alternates between.
pub const SLOTS: [&str; 2] = ["sop.plan.a", "sop.plan.b"];
/// The single backup key older versions kept; moved to a dated key at start.
pub const BACKUP: &str = "sop.plan.backup";

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The browser's storage is full: the plan lives on in this tab only.
    Quota,
    /// Another tab saved since this one last loaded or saved: overwriting would lose its work.
    OtherTab,
    /// Anything else the browser refused (storage switched off, private mode…).
    Refused(String),
    /// This tab does not save at all (see [`hold`]).
    Held,
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Quota => write!(f, "the browser's storage for this site is full"),
            SaveError::OtherTab => write!(f, "another tab changed the plan"),
            SaveError::Refused(why) => write!(f, "the browser refused to store it ({why})"),
            SaveError::Held => write!(f, "this tab does not save"),
        }
    }
}

thread_local! {
    static HELD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Stops every save of the plan from this tab for good (until it is reloaded): stored data
/// this tab could not read and could not keep aside, or a newer app's save, must never be
/// written over — not by autosave, not by "Keep mine".
pub fn hold() {
    HELD.with(|h| h.set(true));
}

/// Whether this tab is on [`hold`].
pub fn held() -> bool {
    HELD.with(|h| h.get())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// Local storage read and written as the browser holds the text (a Rust `String` would
    /// replace a lone UTF-16 surrogate): what is moved aside is moved exactly.
    type Exact;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &Exact, key: &str)
        -> Result<Option<js_sys::JsString>, wasm_bindgen::JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item(
        this: &Exact,
        key: &str,
        value: &js_sys::JsString,
    ) -> Result<(), wasm_bindgen::JsValue>;
}

fn exact(s: &web_sys::Storage) -> &Exact {
    use wasm_bindgen::JsCast;
    s.unchecked_ref()
}

/// The browser's local storage (not gloo's `LocalStorage`, which panics where storage is
/// switched off).
fn storage() -> Result<web_sys::Storage, SaveError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| SaveError::Refused("local storage is switched off".to_string()))
}

/// Whether this browser lets the app use local storage at all.
pub fn available() -> bool {
    storage().is_ok()
}

/// Another key's text (scenarios keep their own), `None` when absent or unreadable.
pub fn read_key(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

/// Writes another key's text.
pub fn write_key(key: &str, text: &str) -> Result<(), SaveError> {
    storage()?.set_item(key, text).map_err(classify)
}

/// Removes a key (a kept copy the planner deleted).
pub fn remove_key(key: &str) {
    if let Ok(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The pointer as stored now (`None`: nothing saved yet).
pub fn pointer() -> Option<String> {
    storage().ok()?.get_item(POINTER).ok().flatten()
}

/// The stored plan text and the pointer it was found under.
pub fn load() -> Option<(String, String)> {
    let s = storage().ok()?;
    let pointer = s.get_item(POINTER).ok().flatten()?;
    let slot = slot_of(&pointer)?;
    let text = s.get_item(SLOTS[slot]).ok().flatten()?;
    Some((text, pointer))
}

/// Every key in storage.
fn keys(s: &web_sys::Storage) -> Vec<String> {
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
}

/// The kept copies (newest first) and their text.
pub fn recovered() -> Vec<(Entry, String)> {
    let Ok(s) = storage() else { return Vec::new() };
    let all = keys(&s);
    recovered::entries(all.iter().map(String::as_str))
        .into_iter()
        .filter_map(|e| {
            let text = s.get_item(&e.key).ok().flatten()?;
            Some((e, text))
        })
        .collect()
}

/// Keeps a copy of `key`'s text under a dated key of its own and leaves `key` as it is
/// (a newer app's save stays where that app looks for it). `None`: `key` holds nothing.
pub fn copy_aside(key: &str, source: Source) -> Result<Option<String>, SaveError> {
    let s = storage()?;
    match exact(&s).get_item(key).map_err(classify)? {
        Some(value) => keep_exact(&s, &value, source).map(Some),
        None => Ok(None),
    }
}

/// Moves `key`'s text to a dated key of its own: copied, read back, and only then removed.
/// `None`: `key` holds nothing.
pub fn move_aside(key: &str, source: Source) -> Result<Option<String>, SaveError> {
    let kept = copy_aside(key, source)?;
    if kept.is_some() {
        storage()?.remove_item(key).map_err(classify)?;
    }
    Ok(kept)
}

/// Keeps `text` (already read) under a dated key of its own.
pub fn keep_text(text: &str, source: Source) -> Result<String, SaveError> {
    keep_exact(&storage()?, &js_sys::JsString::from(text), source)
}

fn keep_exact(
    s: &web_sys::Storage,
    value: &js_sys::JsString,
    source: Source,
) -> Result<String, SaveError> {
    let same = |k: &str| {
        exact(s).get_item(k).ok().flatten().is_some_and(|v| {
            wasm_bindgen::JsValue::from(v) == wasm_bindgen::JsValue::from(value.clone())
        })
    };
    let all = keys(s);
    // The same text kept already (a newer app's save met again at the next start).
    if let Some(k) = all
        .iter()
        .find(|k| recovered::parse(k).is_some() && same(k))
    {
        return Ok(k.clone());
    }
    let mut millis = js_sys::Date::now() as i64;
    let mut key = recovered::key(millis, source);
    while all.contains(&key) {
        millis += 1;
        key = recovered::key(millis, source);
    }
    if let Err(e) = exact(s).set_item(&key, value) {
        let _ = s.remove_item(&key);
        return Err(classify(e));
    }
    if !same(&key) {
        let _ = s.remove_item(&key);
        return Err(SaveError::Refused(
            "the kept copy did not read back".to_string(),
        ));
    }
    // Older copies beyond the budget go, newest first kept; never the one just made.
    let sizes: Vec<(String, usize)> = keys(s)
        .into_iter()
        .filter(|k| recovered::parse(k).is_some())
        .map(|k| {
            let n = exact(s)
                .get_item(&k)
                .ok()
                .flatten()
                .map_or(0, |v| v.length() as usize);
            (k, n)
        })
        .collect();
    for gone in recovered::to_let_go(&sizes, recovered::BUDGET_CHARS) {
        if gone != key {
            let _ = s.remove_item(&gone);
        }
    }
    Ok(key)
}

/// Saves `text` atomically. `seen` is the pointer this tab last loaded or wrote; when the
/// stored pointer differs, another tab has saved and nothing is written (unless `force`:
/// the planner chose to keep this tab's plan). Returns the new pointer.
pub fn save(text: &str, seen: Option<&str>, token: &str, force: bool) -> Result<String, SaveError> {
    if held() {
        return Err(SaveError::Held);
    }
    let s = storage()?;
    let now = s.get_item(POINTER).ok().flatten();
    if !force && now.as_deref() != seen {
        return Err(SaveError::OtherTab);
    }
    let old = now.as_deref().and_then(slot_of);
    let new = match old {
        Some(0) => 1,
        _ => 0,
    };
    if let Err(e) = s.set_item(SLOTS[new], text) {
        let _ = s.remove_item(SLOTS[new]);
        return Err(classify(e));
    }
    // Verify before switching: a copy that does not read back exactly is never pointed to.
    if s.get_item(SLOTS[new]).ok().flatten().as_deref() != Some(text) {
        let _ = s.remove_item(SLOTS[new]);
        return Err(SaveError::Refused(
            "the saved copy did not read back".to_string(),
        ));
    }
    let pointer = format!("{}:{token}", ["a", "b"][new]);
    s.set_item(POINTER, &pointer).map_err(classify)?;
    if let Some(old) = old.filter(|&o| o != new) {
        let _ = s.remove_item(SLOTS[old]);
    }
    Ok(pointer)
}

/// The slot a pointer names (`None`: a damaged pointer).
pub fn slot_of(pointer: &str) -> Option<usize> {
    match pointer.split(':').next() {
        Some("a") => Some(0),
        Some("b") => Some(1),
        _ => None,
    }
}

fn classify(e: wasm_bindgen::JsValue) -> SaveError {
    let name = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        SaveError::Quota
    } else {
        SaveError::Refused(if name.is_empty() {
            "unknown error".to_string()
        } else {
            name
        })
    }
}

/// A token for one save: unique enough across tabs and browsers (time + randomness).
pub fn new_token() -> String {
    format!(
        "{:x}{:08x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    )
}

/// Asks the browser, once per start, to keep this site's storage for good instead of
/// clearing it when space runs short or the site goes unvisited (Safari clears it after 7
/// days without a visit). `done(true)`: granted (or granted before); `done(false)`: refused.
pub fn ask_to_keep(done: impl FnOnce(bool) + 'static) {
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return;
    };
    async fn answer(p: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Option<bool> {
        let p = p.ok()?;
        wasm_bindgen_futures::JsFuture::from(p)
            .await
            .ok()
            .and_then(|v| v.as_bool())
    }
    wasm_bindgen_futures::spawn_local(async move {
        if answer(manager.persisted()).await == Some(true) {
            done(true);
            return;
        }
        done(answer(manager.persist()).await.unwrap_or(false));
    });
}
