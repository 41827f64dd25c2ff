//! The import dialog: pick or drop one or several files; for each, what the importer saw
//! (kind, format, column mapping — editable and remembered per header layout — first rows,
//! summary, warnings and errors naming line and column), then apply it as one undoable
//! change, merged or replacing. A plan file of another plan replaces the plan, one of the same
//! plan merges into it (both undoable). Nothing is applied while a file has errors, unless the
//! planner skips the listed rows. Reading runs in slices with progress and Cancel; each file's
//! card is in `import_file.rs`.

use super::import_file::{file_card, remembered, Loaded};
use super::merge_view::Opening;
use crate::engine::model::checkin::{keep, Snapshot};
use crate::engine::{Edit, Workbook};
use crate::import::apply::report::{report, status_line, Report};
use crate::import::apply::to_edit_with;
use crate::import::limits::{check_new_skus, too_many_files};
use crate::import::{Choices, Preview, PreviewJob, Progress, Step, MAX_BYTES};
use crate::ui::browser::files::{files_of, read_bytes};
use crate::ui::browser::tick::{next_tick, SLICE_MS};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Text read per step of a preview job; steps run until a slice's time is up.
const STEP_BYTES: usize = 256 << 10;

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

fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// Keeps a check-in that came with a plan file, so later merges can use it.
fn adopt(snapshots: RwSignal<Vec<Snapshot>>, base: Option<Snapshot>) {
    if let Some(b) = base {
        snapshots.update(|s| keep(s, b));
    }
}

/// Long on purpose (270 lines, most of it `view!` markup): the dialog's steps (pick files,
/// read, preview, confirm odd codes, apply) share its dozen signals; one file's card is
/// already apart (`import_file.rs`) and the reading itself is in `crate::import`.
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
        let open_now = loaded.with_untracked(Vec::len);
        if let Some(refused) = too_many_files(files.len(), open_now) {
            status.set(Some(refused));
            return;
        }
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
                // Rows with errors left out: replace must not read their SKUs as missing.
                let left_out = if l.preview.can_apply() {
                    0
                } else {
                    l.preview.bad_rows
                };
                let applied =
                    workbook.with_untracked(|wb| to_edit_with(wb, r, l.mode, left_out, &l.rules()));
                let locale = crate::ui::browser::locale::current();
                let report =
                    workbook.with_untracked(|wb| report(wb.plan(), &applied.edit, &locale));
                let line = status_line(&l.name, &report, &applied, &locale);
                let skus = workbook.with_untracked(|wb| wb.plan().products.len());
                check_new_skus(skus, applied.added.len())
                    .and_then(|()| {
                        workbook
                            .try_update(|wb| wb.apply(&label, applied.edit))
                            .unwrap_or(Ok(Default::default()))
                            .map_err(|e| e.to_string())
                    })
                    .map(|_| line)
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

    // What applying a file as chosen would change, per SKU, for its "details" list.
    let details = move |id: usize| -> Option<Report> {
        let l = loaded.with_untracked(|v| v.iter().find(|l| l.id == id).cloned())?;
        let (r, left_out) = match l.preview.records() {
            Some(r) => (r, 0),
            None => (l.preview.records_skipping_errors()?, l.preview.bad_rows),
        };
        workbook.with_untracked(|wb| {
            let applied = to_edit_with(wb, r, l.mode, left_out, &l.rules());
            Some(report(
                wb.plan(),
                &applied.edit,
                &crate::ui::browser::locale::current(),
            ))
        })
    };

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
                        {file_card(l, update, reread, apply, remove, details)}
                    </For>
                </div>
            </div>
        </Show>
    }
}
