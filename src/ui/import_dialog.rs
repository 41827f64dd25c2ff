//! The import dialog: pick or drop one or several files; for each, what the importer saw
//! (kind, format, column mapping — editable and remembered per header layout — first rows,
//! summary, warnings and errors naming line and column), then apply it as one undoable
//! change, merged or replacing. A plan file opens as the whole plan (also undoable).
//! Nothing is applied while a file has errors, unless the planner skips the listed rows.

use super::files::{files_of, read_bytes};
use super::format;
use super::merge_view::{merge_section, opening, Opening};
use crate::engine::checkin::{keep, Snapshot};
use crate::engine::conflict::Side;
use crate::engine::{Edit, Plan, Workbook};
use crate::import::apply::{to_edit, Mode};
use crate::import::{
    Choices, DateOrder, Field, Kind, Preview, PreviewJob, Progress, Step, MAX_BYTES,
};
use crate::planfile::PlanFile;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// One file in the dialog.
#[derive(Clone)]
struct Loaded {
    id: usize,
    name: String,
    bytes: Arc<Vec<u8>>,
    choices: Choices,
    preview: Arc<Preview>,
    /// A plan file, read (or why not).
    plan: Option<Arc<Result<PlanFile, String>>>,
    /// For a plan file: replace the plan, or merge it (decided against the plan open here).
    opening: Option<Arc<Opening>>,
    /// One pick per merge conflict.
    picks: RwSignal<Vec<Side>>,
    mode: Mode,
    add_unknown: bool,
    skip_errors: bool,
    /// Bumped on every change, so the card is drawn again.
    rev: usize,
}

impl Loaded {
    fn new(id: usize, name: String, bytes: Arc<Vec<u8>>, choices: Choices, p: Preview) -> Loaded {
        let mut l = Loaded {
            id,
            name,
            bytes,
            choices,
            preview: Arc::new(Preview::default()),
            plan: None,
            opening: None,
            picks: RwSignal::new(Vec::new()),
            mode: Mode::Merge,
            add_unknown: true,
            skip_errors: false,
            rev: 0,
        };
        l.set_preview(p);
        l
    }

    fn set_preview(&mut self, p: Preview) {
        self.preview = Arc::new(p);
        self.plan = (self.preview.kind == Some(Kind::PlanFile)).then(|| {
            let text = String::from_utf8_lossy(&self.bytes);
            Arc::new(crate::planfile::read_shared(&text).map_err(|e| e.to_string()))
        });
    }

    /// For a plan file: whether it opens as a replacement or merges into `ours`.
    fn decide(&mut self, ours: &Plan, me: &str, snapshots: &[Snapshot]) {
        self.opening = match self.plan.as_deref() {
            Some(Ok(file)) => {
                let o = opening(ours, me, snapshots, file);
                if let Opening::Merge { merge, .. } = &o {
                    self.picks.set(vec![Side::Ours; merge.conflicts.len()]);
                }
                Some(Arc::new(o))
            }
            _ => None,
        };
    }
}

/// Text read per step of a preview job; steps run until a slice's time is up.
const STEP_BYTES: usize = 256 << 10;
/// The browser gets control back after about this long (a frame at 30 fps).
const SLICE_MS: f64 = 30.0;

/// The file being read, for the progress bar.
#[derive(Clone, PartialEq)]
struct Reading {
    name: String,
    progress: Progress,
}

/// Runs a preview in slices, giving the browser control before each; `None` once
/// `cancel` is bumped past `generation`.
async fn preview_in_slices(
    bytes: Arc<Vec<u8>>,
    name: &str,
    choices: &Choices,
    reading: RwSignal<Option<Reading>>,
    cancel: StoredValue<usize>,
    generation: usize,
) -> Option<Preview> {
    let mut job = PreviewJob::new(bytes, name, choices);
    loop {
        next_tick().await;
        if cancel.get_value() != generation {
            return None;
        }
        let start = js_sys::Date::now();
        let progress = loop {
            match job.step(STEP_BYTES) {
                Step::Done(p) => return Some(*p),
                Step::Progress(pr) if js_sys::Date::now() - start >= SLICE_MS => break pr,
                Step::Progress(_) => {}
            }
        };
        reading.set(Some(Reading {
            name: name.to_string(),
            progress,
        }));
    }
}

/// Resolves on the browser's next task (setTimeout 0), after it has drawn and handled input.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window().is_some_and(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
        });
        if !queued {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// Keeps a check-in that came with a plan file, so later merges can use it.
fn adopt(snapshots: RwSignal<Vec<Snapshot>>, base: Option<Snapshot>) {
    if let Some(b) = base {
        snapshots.update(|s| keep(s, b));
    }
}

const MAPPING_KEY: &str = "sop.import.mapping.";

fn remembered(signature: &str) -> Option<std::collections::BTreeMap<Field, Option<usize>>> {
    if signature.is_empty() {
        return None;
    }
    let saved: Vec<(String, Option<usize>)> =
        LocalStorage::get(format!("{MAPPING_KEY}{signature}")).ok()?;
    let fields = Field::ALL;
    Some(
        saved
            .into_iter()
            .filter_map(|(name, col)| {
                fields
                    .iter()
                    .find(|f| format!("{f:?}") == name)
                    .map(|&f| (f, col))
            })
            .collect(),
    )
}

fn remember(signature: &str, columns: &std::collections::BTreeMap<Field, Option<usize>>) {
    let list: Vec<(String, Option<usize>)> = columns
        .iter()
        .map(|(f, c)| (format!("{f:?}"), *c))
        .collect();
    let _ = LocalStorage::set(format!("{MAPPING_KEY}{signature}"), list);
}

#[component]
pub fn ImportDialog(
    workbook: RwSignal<Workbook>,
    snapshots: RwSignal<Vec<Snapshot>>,
    open: RwSignal<bool>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let loaded = RwSignal::new(Vec::<Loaded>::new());
    let next_id = StoredValue::new(0usize);
    let busy = RwSignal::new(None::<String>);
    let reading = RwSignal::new(None::<Reading>);
    // Bumped to cancel the files being read.
    let cancel = StoredValue::new(0usize);

    let decide = move |l: &mut Loaded| {
        workbook.with_untracked(|wb| {
            snapshots.with_untracked(|s| {
                l.decide(&wb.plan_to_save(), wb.user().unwrap_or("this copy"), s)
            })
        })
    };
    let add_files = move |files: Vec<web_sys::File>| {
        for file in files {
            let name = file.name();
            if file.size() > MAX_BYTES as f64 {
                let mb = file.size() / (1024.0 * 1024.0);
                status.set(Some(format!("{name} is {mb:.0} MB; the importer reads files up to 200 MB. Nothing was imported.")));
                continue;
            }
            busy.set(Some(format!("Reading {name}…")));
            let generation = cancel.get_value();
            leptos::task::spawn_local(async move {
                let bytes = match read_bytes(&file).await {
                    Ok(bytes) => Arc::new(bytes),
                    Err(e) => {
                        status.set(Some(e));
                        busy.set(None);
                        return;
                    }
                };
                busy.set(None);
                let run = |choices: Choices| {
                    let (bytes, name) = (bytes.clone(), name.clone());
                    async move {
                        let p =
                            preview_in_slices(bytes, &name, &choices, reading, cancel, generation)
                                .await;
                        p.map(|p| (choices, p))
                    }
                };
                let mut done = run(Choices::default()).await;
                // A mapping the planner set for files laid out like this one before.
                if let Some(saved) = done
                    .as_ref()
                    .and_then(|(_, p)| remembered(&p.header_signature))
                {
                    let choices = Choices {
                        columns: saved,
                        ..Choices::default()
                    };
                    done = run(choices).await;
                }
                reading.set(None);
                match done {
                    Some((choices, p)) => {
                        let id = next_id.get_value();
                        next_id.set_value(id + 1);
                        let mut l = Loaded::new(id, name, bytes, choices, p);
                        decide(&mut l);
                        loaded.update(|v| v.push(l));
                    }
                    None => status.set(Some(format!(
                        "Import of {name} cancelled; nothing was imported."
                    ))),
                }
            });
        }
    };
    // Stops every file still being read; nothing of them is kept.
    let cancel_reading = move || {
        cancel.update_value(|g| *g += 1);
        reading.set(None);
        busy.set(None);
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            add_files(files_of(input.files()));
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        add_files(files_of(ev.data_transfer().and_then(|d| d.files())));
    };

    let update = move |id: usize, f: &dyn Fn(&mut Loaded)| {
        loaded.update(|v| {
            if let Some(l) = v.iter_mut().find(|l| l.id == id) {
                f(l);
                l.rev += 1;
            }
        })
    };
    let apply = move |id: usize| {
        let Some(l) = loaded.with_untracked(|v| v.iter().find(|l| l.id == id).cloned()) else {
            return;
        };
        let label = format!("Import {}", l.name);
        let result: Result<String, String> = match (
            &l.plan,
            l.preview.records(),
            l.preview.records_skipping_errors(),
        ) {
            (Some(plan), _, _) => match (plan.as_ref(), l.opening.as_deref()) {
                (Ok(file), Some(Opening::Merge { merge, base })) => {
                    let merged = merge.resolve(&l.picks.get_untracked());
                    let result = workbook
                        .try_update(|wb| {
                            wb.apply(
                                &format!("Merge plan file {}", l.name),
                                Edit::ReplacePlan(Box::new(merged)),
                            )
                        })
                        .unwrap_or(Ok(Default::default()));
                    if result.is_ok() {
                        adopt(snapshots, base.as_deref().cloned());
                    }
                    result
                        .map(|_| format!("Merged {} from {}: {} conflict(s) settled. Undo (Ctrl+Z) goes back to your plan before.",
                            l.name, if file.plan.meta.author.is_empty() { "the other copy" } else { &file.plan.meta.author }, merge.conflicts.len()))
                        .map_err(|e| e.to_string())
                }
                (Ok(file), _) => {
                    let result = workbook
                        .try_update(|wb| {
                            wb.apply(
                                &format!("Open plan file {}", l.name),
                                Edit::ReplacePlan(Box::new(file.plan.clone())),
                            )
                        })
                        .unwrap_or(Ok(Default::default()));
                    if result.is_ok() {
                        adopt(snapshots, file.base.clone());
                    }
                    result
                        .map(|_| format!("Opened plan file {} ({} SKUs). Undo (Ctrl+Z) goes back to the plan before.", l.name, file.plan.products.len()))
                        .map_err(|e| e.to_string())
                }
                (Err(e), _) => Err(e.clone()),
            },
            (_, Some(r), _) | (_, None, Some(r)) if l.preview.can_apply() || l.skip_errors => {
                let applied = workbook.with_untracked(|wb| to_edit(wb, r, l.mode, l.add_unknown));
                let (added, notes) = (applied.added.len(), applied.notes.join("; "));
                workbook
                    .try_update(|wb| wb.apply(&label, applied.edit))
                    .unwrap_or(Ok(Default::default()))
                    .map(|t| {
                        let mut s = format!("Imported {}: {} values changed", l.name, t.cells);
                        if added > 0 {
                            s.push_str(&format!(", {added} SKUs added"));
                        }
                        if !notes.is_empty() {
                            s.push_str(&format!(" ({notes})"));
                        }
                        s.push_str(". Undo with Ctrl+Z.");
                        s
                    })
                    .map_err(|e| e.to_string())
            }
            _ => Err(format!(
                "{}: fix the errors listed, or choose to skip those rows",
                l.name
            )),
        };
        match result {
            Ok(msg) => {
                status.set(Some(msg));
                loaded.update(|v| v.retain(|x| x.id != id));
                if loaded.with_untracked(|v| v.is_empty()) {
                    open.set(false);
                }
            }
            Err(e) => status.set(Some(e)),
        }
    };

    let remove = move |id: usize| loaded.update(|v| v.retain(|x| x.id != id));

    // A changed mapping or date order reads the file again, in slices like the first time.
    let reread = move |id: usize, choices: Choices| {
        let Some(l) = loaded.with_untracked(|v| v.iter().find(|l| l.id == id).cloned()) else {
            return;
        };
        let generation = cancel.get_value();
        leptos::task::spawn_local(async move {
            let done = preview_in_slices(
                l.bytes.clone(),
                &l.name,
                &choices,
                reading,
                cancel,
                generation,
            )
            .await;
            reading.set(None);
            if let Some(p) = done {
                update(id, &move |l: &mut Loaded| {
                    l.choices = choices.clone();
                    l.set_preview(p.clone());
                });
            }
        });
    };

    view! {
        <Show when=move || open.get()>
            <div class="modal-backdrop">
                <div class="modal" role="dialog" aria-modal="true" aria-label="Import files" data-testid="import-dialog">
                    <header>
                        <h2>"Import or open files"</h2>
                        <span class="spacer"></span>
                        <button data-testid="import-close" on:click=move |_| { cancel_reading(); loaded.set(Vec::new()); open.set(false); }>"Close"</button>
                    </header>
                    <label class="drop" data-testid="import-drop" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                        <input type="file" multiple accept=".csv,.txt,.tsv,text/csv" data-testid="import-file" on:change=on_pick />
                        <span>"Drop CSV files here, or click to choose: Shopify orders, products or inventory exports; purchase orders; sales history; forecasts; a plan file."</span>
                    </label>
                    <div class="busy" data-testid="import-busy">{move || busy.get()}</div>
                    {move || reading.get().map(|r| {
                        let Progress { bytes_read, bytes_total } = r.progress;
                        view! {
                            <div class="reading">
                                <span data-testid="import-progress-text">{format!("Reading {}: {} of {} MB", r.name, megabytes(bytes_read), megabytes(bytes_total))}</span>
                                <progress data-testid="import-progress" max=bytes_total.max(1) value=bytes_read></progress>
                                <button data-testid="import-cancel" on:click=move |_| cancel_reading()>"Cancel"</button>
                            </div>
                        }
                    })}
                    <For each=move || loaded.get() key=|l| (l.id, l.rev) let:l>
                        {file_card(l, update, reread, apply, remove)}
                    </For>
                </div>
            </div>
        </Show>
    }
}

fn file_card(
    l: Loaded,
    update: impl Fn(usize, &dyn Fn(&mut Loaded)) + Copy + 'static,
    reread: impl Fn(usize, Choices) + Copy + 'static,
    apply: impl Fn(usize) + Copy + 'static,
    remove: impl Fn(usize) + Copy + 'static,
) -> impl IntoView {
    let p = l.preview.clone();
    let id = l.id;
    let errors = p
        .errors
        .iter()
        .map(|e| view! { <li>{e.to_string()}</li> })
        .collect_view();
    let more_errors = (p.error_count > p.errors.len())
        .then(|| format!("… and {} more", p.error_count - p.errors.len()));
    let warnings = p
        .warnings
        .iter()
        .map(|e| view! { <li>{e.to_string()}</li> })
        .collect_view();
    let is_merge = matches!(l.opening.as_deref(), Some(Opening::Merge { .. }));
    let plan_view = l.plan.as_ref().map(|r| match (r.as_ref(), l.opening.as_deref()) {
        (Ok(file), Some(Opening::Merge { merge, base })) => {
            let plan = &file.plan;
            view! {
                <p class="summary" data-testid="import-summary">{format!(
                    "Your plan, as {} saved it (revision {}, {} SKUs).",
                    if plan.meta.author.is_empty() { "someone" } else { &plan.meta.author }, plan.meta.revision, plan.products.len())}</p>
                {merge_section(merge, base.as_deref(), l.picks)}
            }.into_any()
        }
        (Ok(file), _) => {
            let plan = &file.plan;
            view! { <p class="summary" data-testid="import-summary">{format!(
                "{} of {} SKUs over {} weeks ({} to {}){}. Opening it replaces the whole plan; undo brings this one back.",
                if plan.meta.id.is_empty() { "A plan" } else { "Another plan" },
                plan.products.len(), plan.calendar.len(), plan.calendar.label(0), plan.calendar.label(plan.calendar.len() as isize - 1),
                if plan.meta.author.is_empty() { String::new() } else { format!(", saved by {}", plan.meta.author) })}</p> }.into_any()
        }
        (Err(e), _) => view! { <ul class="errors" data-testid="import-errors"><li>{e.clone()}</li></ul> }.into_any(),
    });
    let is_plan = l.plan.is_some();
    let headers = p.headers.clone();
    let mapping = (!is_plan && p.kind.is_some()).then(|| {
        p.mapping
            .columns
            .iter()
            .map(|m| {
                let field = m.field;
                let options = std::iter::once((String::from("—"), None))
                    .chain(headers.iter().enumerate().map(|(i, h)| (h.clone(), Some(i))))
                    .map(|(h, i)| view! { <option value=i.map_or(String::new(), |i| i.to_string()) selected=i == m.column>{h}</option> })
                    .collect_view();
                let signature = p.header_signature.clone();
                let current = l.choices.clone();
                view! {
                    <label class="map">
                        <span>{field.label()}{m.required.then_some(" *")}</span>
                        <select data-testid=format!("import-map-{}", field.label().to_lowercase().replace(' ', "-"))
                            on:change=move |ev| {
                                let col = event_target_value(&ev).parse::<usize>().ok();
                                let mut choices = current.clone();
                                choices.columns.insert(field, col);
                                remember(&signature, &choices.columns);
                                reread(id, choices);
                            }>{options}</select>
                    </label>
                }
            })
            .collect_view()
    });
    let date_choice = p.date_order_needed.clone().map(|orders| {
        let current = l.choices.clone();
        let options = orders.iter().map(|o| view! { <option value=format!("{o:?}")>{o.label()}</option> }).collect_view();
        view! {
            <label class="map need">"Dates fit more than one order — which is it? "
                <select data-testid="import-date-order" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let order = [DateOrder::Ymd, DateOrder::Dmy, DateOrder::Mdy].into_iter().find(|o| format!("{o:?}") == v);
                    reread(id, Choices { date_order: order, ..current.clone() });
                }>
                    <option value="">"choose…"</option>
                    {options}
                </select>
            </label>
        }
    });
    let s = &p.summary;
    let range = match (s.first, s.last) {
        (Some(a), Some(b)) => format!(" · {a} to {b}"),
        _ => String::new(),
    };
    let summary = (!is_plan && p.kind.is_some()).then(|| {
        let skipped: Vec<String> = s
            .skipped
            .iter()
            .map(|k| format!("{} {} left out", k.rows, k.reason))
            .collect();
        format!(
            "{} rows · {} SKUs · {} periods{range} · total {}{}",
            s.rows,
            s.skus,
            s.periods,
            format::units(s.total),
            if skipped.is_empty() {
                String::new()
            } else {
                format!(" · {}", skipped.join(", "))
            }
        )
    });
    let rows = (!p.first_rows.is_empty()).then(|| {
        let head = p.headers.iter().map(|h| view! { <th>{h.clone()}</th> }).collect_view();
        let body = p
            .first_rows
            .iter()
            .map(|r| view! { <tr>{r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr> })
            .collect_view();
        view! { <div class="sample"><table data-testid="import-rows"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div> }
    });
    let can_skip = p.error_count > 0 && p.records_skipping_errors().is_some();
    let ready = if is_plan {
        l.plan.as_ref().is_some_and(|r| r.is_ok())
    } else {
        p.can_apply() || (l.skip_errors && can_skip)
    };
    let (mode, add_unknown, skip) = (l.mode, l.add_unknown, l.skip_errors);
    view! {
        <section class="file-card" data-file=l.name.clone()>
            <h3>{l.name.clone()}</h3>
            <p class="seen" data-testid="import-seen">{if p.seen.is_empty() { "Not a file the importer knows.".to_string() } else { p.seen.clone() }}</p>
            {plan_view}
            {date_choice}
            {mapping.map(|m| view! { <div class="mapping" data-testid="import-mapping">{m}</div> })}
            {summary.map(|s| view! { <p class="summary" data-testid="import-summary">{s}</p> })}
            {(p.error_count > 0).then(|| view! {
                <div class="errors-box"><b>{format!("{} error(s): nothing is applied until they are fixed", p.error_count)}</b>
                <ul class="errors" data-testid="import-errors">{errors}{more_errors.map(|m| view! { <li>{m}</li> })}</ul></div>
            })}
            {(p.warning_count > 0).then(|| view! { <ul class="warnings" data-testid="import-warnings">{warnings}</ul> })}
            {rows}
            <div class="actions">
                {(!is_plan).then(|| view! {
                    <label>"Apply as "
                        <select data-testid="import-mode" on:change=move |ev| {
                            let m = if event_target_value(&ev) == "replace" { Mode::Replace } else { Mode::Merge };
                            update(id, &move |l: &mut Loaded| l.mode = m);
                        }>
                            <option value="merge" selected=mode == Mode::Merge>"merge: update what the file holds, keep the rest"</option>
                            <option value="replace" selected=mode == Mode::Replace>"replace: clear this kind of data first"</option>
                        </select>
                    </label>
                    <label class="check"><input type="checkbox" data-testid="import-add-skus" prop:checked=add_unknown
                        on:change=move |ev| { let v = event_target_checked(&ev); update(id, &move |l: &mut Loaded| l.add_unknown = v); } />
                        " Add SKUs the plan does not have"</label>
                })}
                {can_skip.then(|| view! {
                    <label class="check"><input type="checkbox" data-testid="import-skip-errors" prop:checked=skip
                        on:change=move |ev| { let v = event_target_checked(&ev); update(id, &move |l: &mut Loaded| l.skip_errors = v); } />
                        {format!(" Skip the {} rows with errors", p.bad_rows)}</label>
                })}
                <span class="spacer"></span>
                <button data-testid="import-remove" on:click=move |_| remove(id)>"Remove"</button>
                <button class="primary" data-testid="import-apply" disabled=!ready on:click=move |_| apply(id)>
                    {if is_merge { "Merge" } else if is_plan { "Open this plan" } else { "Apply" }}</button>
            </div>
        </section>
    }
}
