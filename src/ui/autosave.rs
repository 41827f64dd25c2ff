//! Autosave: the plan and its check-ins are written to local storage 400 ms after the last
//! change and at once when the tab is hidden or closed; the banners say when that cannot
//! happen, and nothing is ever overwritten silently (see `persist.rs` for the slots).
//!
//! - Stored data that cannot be read is kept under a backup key; the banner offers it as a
//!   download and says why it could not be read.
//! - Storage full: the plan lives on in this tab; the banner offers "Save plan file".
//! - Another tab saved: this tab stops saving and asks — reload theirs, or keep mine.

use super::files::download;
use super::persist::{self, SaveError};
use crate::engine::checkin::Snapshot;
use crate::engine::Workbook;
use crate::storage::{decode_in_steps, encode, Reading, Stored};
use leptos::prelude::*;
use std::time::Duration;

/// How long after the last change the plan is saved (the issue asks for ≤ 500 ms).
pub const DELAY_MS: u64 = 400;

#[derive(Clone, Debug, PartialEq)]
pub enum Banner {
    /// Stored data could not be read; it is kept as a backup.
    Unreadable(String),
    /// Stored data could not be read and could not even be backed up: saving is off so it
    /// is not overwritten.
    UnreadableNotKept(String),
    Quota,
    OtherTab,
    Refused(String),
}

/// What was found in storage at start: the plan read, its check-ins still to read.
pub struct Restored {
    pub reading: Option<Reading>,
    /// The stored text, kept until the check-ins are read (to back it up if one is damaged).
    pub text: Option<String>,
    pub banner: Option<Banner>,
    /// The pointer found (this tab's view of the last save).
    pub pointer: Option<String>,
    /// Milliseconds spent reading and decoding (for the benchmark).
    pub ms: f64,
}

pub fn restore() -> Restored {
    let start = js_sys::Date::now();
    let Some((text, pointer)) = persist::load() else {
        return Restored {
            reading: None,
            text: None,
            banner: None,
            pointer: persist::pointer(),
            ms: js_sys::Date::now() - start,
        };
    };
    let (reading, banner) = match decode_in_steps(&text) {
        Ok(reading) => (Some(reading), None),
        Err(e) => (None, Some(unreadable(&text, e.to_string()))),
    };
    Restored {
        reading,
        text: Some(text),
        banner,
        pointer: Some(pointer),
        ms: js_sys::Date::now() - start,
    }
}

/// Keeps unreadable stored text as a backup; the banner that says so.
pub fn unreadable(text: &str, reason: String) -> Banner {
    match persist::keep_backup(text) {
        Ok(()) => Banner::Unreadable(reason),
        Err(_) => Banner::UnreadableNotKept(reason),
    }
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
                Err(e) => banner.set(Some(unreadable(&text, e.to_string()))),
            }
            loading.set(false);
            publish_timing("checkins_ms", js_sys::Date::now() - began);
            publish_timing("checkin_step_max_ms", longest.max(js_sys::Date::now() - t));
            return;
        }
        if let Err(e) = reading.step() {
            banner.set(Some(unreadable(&text, e.to_string())));
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

/// Publishes a timing for the benchmark (`window.__sop_timings[name] = ms`).
pub fn publish_timing(name: &str, ms: f64) {
    let Some(w) = web_sys::window() else { return };
    let key = wasm_bindgen::JsValue::from_str("__sop_timings");
    let obj = js_sys::Reflect::get(&w, &key)
        .ok()
        .filter(|v| v.is_object())
        .unwrap_or_else(|| {
            let o = js_sys::Object::new().into();
            let _ = js_sys::Reflect::set(&w, &key, &o);
            o
        });
    let _ = js_sys::Reflect::set(&obj, &name.into(), &ms.into());
}

#[component]
pub fn Autosave(
    workbook: RwSignal<Workbook>,
    snapshots: RwSignal<Vec<Snapshot>>,
    banner: RwSignal<Option<Banner>>,
    pointer: Option<String>,
    /// The plan came from storage as it is: nothing to save until it changes (a second tab
    /// opening must not save over the first).
    restored: bool,
    /// Check-ins still being read: saving waits.
    loading: RwSignal<bool>,
) -> impl IntoView {
    let seen = StoredValue::new(pointer);
    let state = move || {
        (
            workbook.with_untracked(|wb| wb.revision()),
            snapshots.with_untracked(|s| s.last().map(|c| c.id.clone())),
        )
    };
    // (revision, latest check-in) last written; `None` until the first save.
    let saved = StoredValue::new(restored.then(state));
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // Saving stops while the stored data is unreadable and unbacked, or another tab saved.
    let paused = move || {
        matches!(
            banner.get_untracked(),
            Some(Banner::OtherTab | Banner::UnreadableNotKept(_))
        )
    };

    let save_now = move |force: bool| {
        if let Some(h) = timer.get_value() {
            h.clear();
            timer.set_value(None);
        }
        if !force && (paused() || saved.get_value() == Some(state())) {
            return;
        }
        if loading.get_untracked() {
            // The timer starts again once the check-ins are in (the effect below tracks it).
            return;
        }
        let start = js_sys::Date::now();
        let text = workbook.with_untracked(|wb| {
            snapshots.with_untracked(|s| {
                encode(&Stored {
                    plan: wb.plan_to_save(),
                    snapshots: s.clone(),
                })
            })
        });
        let token = persist::new_token();
        let seen_now = seen.get_value();
        match persist::save(&text, seen_now.as_deref(), &token, force) {
            Ok(p) => {
                seen.set_value(Some(p));
                saved.set_value(Some(state()));
                if matches!(
                    banner.get_untracked(),
                    Some(Banner::Quota | Banner::Refused(_) | Banner::OtherTab)
                ) {
                    banner.set(None);
                }
                publish_timing("save_ms", js_sys::Date::now() - start);
                publish_timing("saved_chars", text.len() as f64);
            }
            Err(SaveError::Quota) => banner.set(Some(Banner::Quota)),
            Err(SaveError::OtherTab) => banner.set(Some(Banner::OtherTab)),
            Err(SaveError::Refused(why)) => banner.set(Some(Banner::Refused(why))),
        }
    };

    // Check-ins read from storage are not a change: what is stored already holds them.
    Effect::new(move |_| {
        if !loading.get() {
            if let Some((rev, _)) = saved.get_value() {
                let now = state();
                if now.0 == rev {
                    saved.set_value(Some(now));
                }
            }
        }
    });
    // Every change (edit, undo, import, check-in) restarts the timer.
    Effect::new(move |_| {
        workbook.with(|wb| wb.revision());
        snapshots.with(|s| s.last().map(|c| c.id.clone()));
        loading.track();
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        timer.set_value(
            set_timeout_with_handle(move || save_now(false), Duration::from_millis(DELAY_MS)).ok(),
        );
    });

    // Hidden or closing: save now, the timer may never fire.
    let _ = window_event_listener(leptos::ev::pagehide, move |_| save_now(false));
    let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden {
            save_now(false);
        }
    });
    // Another tab saved: say so, never overwrite silently.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(persist::POINTER) && ev.new_value() != seen.get_value() {
            banner.set(Some(Banner::OtherTab));
        }
    });

    let reload = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    let keep_mine = move |_| save_now(true);
    let save_file = move |_| {
        let text = workbook.with_untracked(|wb| crate::planfile::write(&wb.plan_to_save()));
        if let Err(e) = download("sop-plan.csv", &text, "text/csv;charset=utf-8") {
            banner.set(Some(Banner::Refused(e)));
        }
    };
    let download_backup = move |_| {
        if let Some(text) = persist::backup() {
            let _ = download("sop-plan-unreadable-backup.json", &text, "application/json");
        }
    };
    let dismiss = move |_| {
        if matches!(banner.get_untracked(), Some(Banner::Unreadable(_))) {
            persist::drop_backup();
        }
        banner.set(None);
    };

    move || {
        banner.get().map(|b| match b {
            Banner::Unreadable(reason) | Banner::UnreadableNotKept(reason) => {
                let kept = matches!(banner.get_untracked(), Some(Banner::Unreadable(_)));
                view! {
                    <div class="banner bad" data-testid="banner-restore" role="alert">
                        <span>{format!("The plan saved in this browser could not be read: {}. ", reason.trim_end_matches('.'))}
                            {if kept {
                                "It is kept untouched as a backup; you are looking at the demo plan. Download the backup to keep it or send it for help."
                            } else {
                                "It is left untouched and this tab will not save over it; download it to keep it."
                            }}</span>
                        <button data-testid="restore-download" on:click=download_backup>"Download the unreadable data"</button>
                        {kept.then(|| view! { <button data-testid="restore-dismiss" on:click=dismiss>"Delete the backup"</button> })}
                    </div>
                }
                .into_any()
            }
            Banner::Quota => view! {
                <div class="banner" data-testid="banner-quota" role="alert">
                    <span>"This browser's storage is full, so changes are kept in this tab only. Save a plan file to keep them."</span>
                    <button data-testid="quota-save-file" on:click=save_file>"Save plan file"</button>
                </div>
            }
            .into_any(),
            Banner::OtherTab => view! {
                <div class="banner" data-testid="banner-other-tab" role="alert">
                    <span>"The plan was changed in another tab. This tab has stopped saving so neither overwrites the other."</span>
                    <button data-testid="other-tab-reload" on:click=reload>"Reload theirs"</button>
                    <button data-testid="other-tab-keep" on:click=keep_mine>"Keep mine"</button>
                </div>
            }
            .into_any(),
            Banner::Refused(why) => view! {
                <div class="banner" data-testid="banner-refused" role="alert">
                    <span>{format!("The plan could not be saved in this browser: {why}. Changes are kept in this tab; save a plan file to keep them.")}</span>
                    <button data-testid="refused-save-file" on:click=save_file>"Save plan file"</button>
                </div>
            }
            .into_any(),
        })
    }
}
