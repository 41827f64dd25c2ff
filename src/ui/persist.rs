//! The plan in the browser's local storage, saved so that nothing typed is ever lost.
//!
//! Two slots and a pointer: a save writes the slot the pointer does not name, reads it back,
//! and only then moves the pointer and frees the old slot. A save that fails half-way (quota,
//! a closed tab) leaves the pointer on the last good copy. The pointer also carries a token
//! unique to the save, so a tab notices when another tab has saved since it last looked and
//! asks instead of overwriting.
//!
//! Only text goes through here; what the text means is `crate::storage`'s job.

/// `a:<token>` or `b:<token>`: which slot holds the plan, and which save wrote it.
pub const POINTER: &str = "sop.plan.current";
const SLOTS: [&str; 2] = ["sop.plan.a", "sop.plan.b"];
/// Stored text that could not be read, kept untouched for the planner to download.
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
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Quota => write!(f, "the browser's storage for this site is full"),
            SaveError::OtherTab => write!(f, "another tab changed the plan"),
            SaveError::Refused(why) => write!(f, "the browser refused to store it ({why})"),
        }
    }
}

/// The browser's local storage (not `LocalStorage::raw()`, which panics where storage is
/// switched off).
fn storage() -> Result<web_sys::Storage, SaveError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| SaveError::Refused("local storage is switched off".to_string()))
}

/// Another key's text (scenarios keep their own), `None` when absent or unreadable.
pub fn read_key(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

/// Writes another key's text.
pub fn write_key(key: &str, text: &str) -> Result<(), SaveError> {
    storage()?.set_item(key, text).map_err(classify)
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

/// Keeps text that could not be read under [`BACKUP`] (an older backup is not replaced:
/// the first unreadable copy is the one most likely to hold work).
pub fn keep_backup(text: &str) -> Result<(), SaveError> {
    let s = storage()?;
    if s.get_item(BACKUP).ok().flatten().is_none() {
        s.set_item(BACKUP, text).map_err(classify)?;
    }
    Ok(())
}

pub fn backup() -> Option<String> {
    storage().ok()?.get_item(BACKUP).ok().flatten()
}

pub fn drop_backup() {
    if let Ok(s) = storage() {
        let _ = s.remove_item(BACKUP);
    }
}

/// Saves `text` atomically. `seen` is the pointer this tab last loaded or wrote; when the
/// stored pointer differs, another tab has saved and nothing is written (unless `force`:
/// the planner chose to keep this tab's plan). Returns the new pointer.
pub fn save(text: &str, seen: Option<&str>, token: &str, force: bool) -> Result<String, SaveError> {
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

fn slot_of(pointer: &str) -> Option<usize> {
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
