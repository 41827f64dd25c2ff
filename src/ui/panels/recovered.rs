//! The "Recovered data" panel: every stored text the app moved aside instead of writing over
//! (`crate::storage::recovered`), newest first — when, from where, how big, what it holds —
//! each downloadable exactly as stored, openable where it is a plan this app reads (an older
//! format; a newer app's save once this app is updated), and deletable on purpose only.

use crate::engine::collab::roll::roll_to;
use crate::engine::model::checkin::{Snapshot, KEEP};
use crate::engine::{Edit, Workbook};
use crate::storage::decode;
use crate::storage::recovered::{holds, Entry, Holds};
use crate::ui::browser::autosave::Banner;
use crate::ui::browser::files::download;
use crate::ui::browser::persist;
use leptos::prelude::*;

/// What the panel says a copy holds.
fn holds_sentence(h: &Holds) -> String {
    match h {
        Holds::Plan { skus, checkins } => format!(
            "A plan this app can open: {skus} SKU(s), {checkins} check-in(s)."
        ),
        Holds::Newer { version } => format!(
            "A save of a newer version of the app (format {version}): it opens once this app is updated."
        ),
        Holds::Unreadable(why) => why.clone(),
    }
}

/// `2026-12-01T08:03:12.345Z` → `2026-12-01 08:03:12 UTC`.
fn when_label(when: &str) -> String {
    match (when.get(..10), when.get(11..19)) {
        (Some(d), Some(t)) => format!("{d} {t} UTC"),
        _ => when.to_string(),
    }
}

/// A file name without the characters some systems refuse (`:`).
fn file_name(e: &Entry) -> String {
    let tag = e.source.map_or("data", |s| s.tag());
    format!(
        "sop-recovered-{}-{tag}.json",
        e.when.replace([':', '.'], "-")
    )
}

/// Opens a kept plan: it replaces the plan (one undoable change), moved on to this week; its
/// check-ins join the ones here.
fn open_copy(
    text: &str,
    workbook: RwSignal<Workbook>,
    snapshots: RwSignal<Vec<Snapshot>>,
) -> Result<String, String> {
    let stored = decode(text).map_err(|e| e.to_string())?;
    let plan = roll_to(&stored.plan, crate::ui::browser::today::today());
    let skus = plan.products.len();
    workbook
        .try_update(|wb| wb.apply("Open recovered copy", Edit::ReplacePlan(Box::new(plan))))
        .unwrap_or(Ok(Default::default()))
        .map_err(|e| e.to_string())?;
    snapshots.update(|s| {
        for snap in stored.snapshots {
            if !s.iter().any(|k| k.id == snap.id) {
                s.push(snap);
            }
        }
        s.sort_by(|a, b| a.taken.cmp(&b.taken));
        let extra = s.len().saturating_sub(KEEP);
        s.drain(..extra);
    });
    Ok(format!(
        "Opened the recovered copy ({skus} SKUs). Undo (Ctrl+Z) goes back to the plan before; the copy stays here until you delete it."
    ))
}

#[component]
pub fn RecoveredPanel(
    workbook: RwSignal<Workbook>,
    snapshots: RwSignal<Vec<Snapshot>>,
    banner: RwSignal<Option<Banner>>,
    /// Bumped whenever a copy is kept or deleted.
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let expanded = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let deleting = RwSignal::new(None::<String>);
    let list = Memo::new(move |_| {
        banner.track();
        refresh.track();
        persist::recovered()
    });
    let item = move |(e, text): (Entry, String)| {
        let key = e.key.clone();
        let h = holds(&text);
        let can_open = matches!(h, Holds::Plan { .. }) && !persist::held();
        let name = file_name(&e);
        let for_download = text.clone();
        let size = text.chars().count();
        let save = move |_| {
            if let Err(err) = download(&name, &for_download, "application/json") {
                message.set(Some(err));
            }
        };
        let open = move |_| {
            let m = open_copy(&text, workbook, snapshots).unwrap_or_else(|e| e.to_string());
            message.set(Some(m));
        };
        let (k1, k2, k3) = (key.clone(), key.clone(), key.clone());
        view! {
            <li class="recovered-item" data-testid="recovered-item" data-key=key.clone()
                data-source=e.source.map_or("", |s| s.tag())>
                <span class="when">{when_label(&e.when)}</span>
                <span class="from">{e.source.map_or("kept data", |s| s.label())}</span>
                <span class="size">{format!("{size} characters")}</span>
                <span class="holds" data-testid="recovered-holds">{holds_sentence(&h)}</span>
                <span class="buttons">
                    <button data-testid="recovered-download" on:click=save>"Download"</button>
                    {can_open.then(|| view! { <button data-testid="recovered-open" on:click=open>"Open"</button> })}
                    {move || if deleting.get().as_deref() == Some(k1.as_str()) {
                        let k = k2.clone();
                        view! {
                            <span class="confirm">"Delete this copy for good? "
                                <button data-testid="recovered-delete-confirm" on:click=move |_| {
                                    persist::remove_key(&k);
                                    deleting.set(None);
                                    refresh.update(|n| *n += 1);
                                }>"Delete"</button>
                                <button data-testid="recovered-delete-cancel" on:click=move |_| deleting.set(None)>"Keep it"</button>
                            </span>
                        }.into_any()
                    } else {
                        let k = k3.clone();
                        view! { <button data-testid="recovered-delete" on:click=move |_| deleting.set(Some(k.clone()))>"Delete…"</button> }.into_any()
                    }}
                </span>
            </li>
        }
    };
    move || {
        let n = list.with(Vec::len);
        (n > 0).then(|| {
            view! {
                <section class="recovered" data-testid="recovered">
                    <div class="recovered-head">
                        <button data-testid="recovered-toggle" aria-expanded=move || expanded.get().to_string()
                            on:click=move |_| expanded.update(|x| *x = !*x)>
                            {move || format!("{} Recovered data ({n})", if expanded.get() { "▾" } else { "▸" })}
                        </button>
                        <span class="hint">"Saved data this app could not use is kept here untouched, newest first."</span>
                    </div>
                    {move || expanded.get().then(|| view! {
                        <ul class="recovered-list" data-testid="recovered-list">
                            {list.get().into_iter().map(item).collect_view()}
                        </ul>
                        <div class="message" data-testid="recovered-message">{move || message.get()}</div>
                    })}
                </section>
            }
        })
    }
}
