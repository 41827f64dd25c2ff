//! Opening the app: the saved plan read back from local storage, or — where what is stored
//! cannot be used as the plan — everything found moved aside under dated keys (never written
//! over), with a banner that says what happened.
//!
//! | found | what happens |
//! | --- | --- |
//! | nothing | the demo plan |
//! | the plan, readable (its format or an older one) | the plan |
//! | a newer app's save | a copy is kept aside, the save stays where it is, this tab is read-only (never saves) |
//! | a damaged plan | moved aside; the demo plan opens and saves afresh |
//! | a damaged pointer, a pointer to nothing, slots without a pointer | pointer and slots moved aside; the demo plan |
//! | the old single backup key | moved to a dated key |
//!
//! Whatever cannot be moved aside (storage full) stays where it is and the tab is held: it
//! does not save at all.

use super::autosave::{publish_timing, Banner};
use super::persist::{self, BACKUP, POINTER, SLOTS};
use crate::engine::model::checkin::Snapshot;
use crate::storage::recovered::Source;
use crate::storage::{decode_in_steps, Reading, StoreError};
use leptos::prelude::*;
use std::time::Duration;

/// What was found in storage at start: the plan read, its check-ins still to read.
pub struct Restored {
    pub reading: Option<Reading>,
    /// The stored text, kept until the check-ins are read (to keep it aside if one is damaged).
    pub text: Option<String>,
    pub banner: Option<Banner>,
    /// The pointer found (this tab's view of the last save).
    pub pointer: Option<String>,
    /// Milliseconds spent reading and decoding (for the benchmark).
    pub ms: f64,
}

pub fn restore() -> Restored {
    let start = js_sys::Date::now();
    let (reading, text, banner, pointer) = find();
    if matches!(banner, Some(Banner::Newer { .. } | Banner::Off)) || not_kept(&banner) {
        persist::hold();
    }
    Restored {
        reading,
        text,
        banner,
        pointer,
        ms: js_sys::Date::now() - start,
    }
}

type Found = (
    Option<Reading>,
    Option<String>,
    Option<Banner>,
    Option<String>,
);

fn not_kept(banner: &Option<Banner>) -> bool {
    matches!(
        banner,
        Some(Banner::Unreadable { kept: None, .. } | Banner::Pointer { kept: false })
    )
}

fn find() -> Found {
    if !persist::available() {
        return (None, None, Some(Banner::Off), None);
    }
    // The backup older versions kept under one key joins the dated copies (if it cannot
    // move, it stays where it is: nothing writes that key any more).
    let _ = persist::move_aside(BACKUP, Source::Backup);
    let Some(pointer) = persist::pointer() else {
        // No pointer: a slot left by a first save cut short is kept aside, never written over.
        return match moved(&[(SLOTS[0], Source::Slot), (SLOTS[1], Source::Slot)]) {
            None => (None, None, None, None),
            Some(kept) => (None, None, Some(Banner::Pointer { kept }), None),
        };
    };
    let slot = persist::slot_of(&pointer);
    let text = slot.and_then(|i| persist::read_key(SLOTS[i]));
    let (Some(i), Some(text)) = (slot, text) else {
        // A damaged pointer, or one naming an empty slot: keep all of it aside.
        let kept = moved(&[
            (POINTER, Source::Pointer),
            (SLOTS[0], Source::Slot),
            (SLOTS[1], Source::Slot),
        ])
        .unwrap_or(true);
        return (None, None, Some(Banner::Pointer { kept }), None);
    };
    match decode_in_steps(&text) {
        Ok(reading) => (Some(reading), Some(text), None, Some(pointer)),
        Err(e @ StoreError::Newer { .. }) => {
            // Read-only: the save stays in its slot for the newer app; a copy is kept too.
            let kept = persist::copy_aside(SLOTS[i], Source::Plan).ok().flatten();
            let banner = Banner::Newer {
                reason: e.to_string(),
                kept,
            };
            (None, None, Some(banner), Some(pointer))
        }
        Err(e) => match persist::move_aside(SLOTS[i], Source::Plan) {
            Ok(kept) => {
                persist::remove_key(POINTER);
                let banner = Banner::Unreadable {
                    reason: e.to_string(),
                    kept,
                };
                (None, None, Some(banner), None)
            }
            Err(_) => {
                let banner = Banner::Unreadable {
                    reason: e.to_string(),
                    kept: None,
                };
                (None, None, Some(banner), Some(pointer))
            }
        },
    }
}

/// Moves each key that holds something aside; `None` when none held anything, else whether
/// all of them were kept (a key that could not move stays where it is).
fn moved(keys: &[(&str, Source)]) -> Option<bool> {
    let mut found = false;
    let mut kept = true;
    for &(key, source) in keys {
        match persist::move_aside(key, source) {
            Ok(Some(_)) => found = true,
            Ok(None) => {}
            Err(_) => {
                found = true;
                kept = false;
            }
        }
    }
    found.then_some(kept)
}

/// The check-ins of a plan that read could not be read: the stored text is kept aside (the
/// next save writes the plan without them); if it cannot be, this tab stops saving.
fn checkins_unreadable(text: &str, reason: String) -> Banner {
    let kept = persist::keep_text(text, Source::Checkins).ok();
    if kept.is_none() {
        persist::hold();
    }
    Banner::Checkins { reason, kept }
}

/// Reads the check-ins left in `reading`, one per browser task after the grid is drawn;
/// `loading` is true until they are all in (nothing is saved meanwhile: a save would drop
/// the check-ins not yet read).
pub fn read_checkins(
    reading: Reading,
    text: String,
    snapshots: RwSignal<Vec<Snapshot>>,
    banner: RwSignal<Option<Banner>>,
    loading: RwSignal<bool>,
) {
    /// When reading began and the longest step, for the benchmark.
    type Clock = (f64, f64);
    fn next(
        mut reading: Reading,
        text: String,
        snapshots: RwSignal<Vec<Snapshot>>,
        banner: RwSignal<Option<Banner>>,
        loading: RwSignal<bool>,
        (began, longest): Clock,
    ) {
        let t = js_sys::Date::now();
        if reading.left() == 0 {
            match reading.finish() {
                Ok(stored) => snapshots.set(stored.snapshots),
                Err(e) => banner.set(Some(checkins_unreadable(&text, e.to_string()))),
            }
            loading.set(false);
            publish_timing("checkins_ms", js_sys::Date::now() - began);
            publish_timing("checkin_step_max_ms", longest.max(js_sys::Date::now() - t));
            publish_timing("wasm_memory_bytes", wasm_memory_bytes());
            return;
        }
        if let Err(e) = reading.step() {
            banner.set(Some(checkins_unreadable(&text, e.to_string())));
            loading.set(false);
            return;
        }
        let clock = (began, longest.max(js_sys::Date::now() - t));
        set_timeout(
            move || next(reading, text, snapshots, banner, loading, clock),
            Duration::ZERO,
        );
    }
    loading.set(true);
    let clock = (js_sys::Date::now(), 0.0);
    set_timeout(
        move || next(reading, text, snapshots, banner, loading, clock),
        Duration::ZERO,
    );
}

/// What a banner about stored data says: its kind (`data-kind`), its sentence, and the key
/// whose text "Download" gives (the kept copy, or where the data still is).
pub fn restore_words(b: &Banner) -> (&'static str, String, Option<String>) {
    let in_slot = || {
        persist::pointer()
            .as_deref()
            .and_then(persist::slot_of)
            .map(|i| SLOTS[i].to_string())
    };
    let why = |r: &str| r.trim_end_matches('.').to_string();
    match b {
        Banner::Unreadable { reason, kept } => {
            let said = if kept.is_some() {
                "It is kept untouched under Recovered data (below); you are looking at the demo plan."
            } else {
                "It is left untouched where it is and this tab will not save over it; download it to keep it."
            };
            let text = format!("The plan saved in this browser could not be read: {}. {said}", why(reason));
            ("unreadable", text, kept.clone().or_else(in_slot))
        }
        Banner::Newer { reason, kept } => (
            "newer",
            format!("Read-only: {}. This tab will not save, so that plan stays exactly as it is; it opens again with the newer version (reload once the app is updated). You are looking at the demo plan, read-only: it takes no changes (typing, pasting, imports, events and scenarios are refused).", why(reason)),
            kept.clone().or_else(in_slot),
        ),
        Banner::Checkins { reason, kept } => {
            let said = if kept.is_some() {
                "The plan opened without its check-ins; the saved data is kept untouched under Recovered data (below)."
            } else {
                "The plan opened without its check-ins; the saved data could not be kept aside, so this tab will not save over it."
            };
            let text = format!("The check-ins saved with the plan could not be read: {}. {said}", why(reason));
            ("checkins", text, kept.clone())
        }
        Banner::Pointer { kept: true } => ("pointer", "The record of which saved copy of the plan is current was damaged or pointed to nothing. Everything found is kept untouched under Recovered data (below): open a copy from there. You are looking at the demo plan.".to_string(), None),
        Banner::Pointer { kept: false } => ("pointer", "The record of which saved copy of the plan is current was damaged or pointed to nothing, and what was found could not all be kept aside (storage full): this tab will not save over it. Save a plan file to keep your work.".to_string(), None),
        _ => ("", String::new(), None),
    }
}

/// The size of the app's wasm memory (it only grows): what a restored plan costs the page.
fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| f64::from(b.byte_length()))
}
