//! One file in the import dialog: what was read from it (or, for a plan file, whether it opens
//! as a replacement or merges), the editable column mapping remembered per header layout, and
//! its card — seen, mapping, summary, errors, warnings, first rows, the apply choices.

use super::merge_view::{merge_section, opening, Opening};
use crate::engine::collab::conflict::Side;
use crate::engine::model::checkin::Snapshot;
use crate::engine::Plan;
use crate::import::apply::report::Report;
use crate::import::apply::{Mode, SkuRules};
use crate::import::error::plural;
use crate::import::{Choices, DateOrder, Field, Kind, Preview};
use crate::planfile::PlanFile;
use crate::ui::browser::format;
use leptos::prelude::*;
use std::sync::Arc;

/// One file in the dialog.
#[derive(Clone)]
pub struct Loaded {
    pub id: usize,
    pub name: String,
    pub bytes: Arc<Vec<u8>>,
    pub choices: Choices,
    pub preview: Arc<Preview>,
    /// A plan file, read (or why not).
    pub plan: Option<Arc<Result<PlanFile, String>>>,
    /// For a plan file: replace the plan, or merge it (decided against the plan open here).
    pub opening: Option<Arc<Opening>>,
    /// One pick per merge conflict.
    pub picks: RwSignal<Vec<Side>>,
    pub mode: Mode,
    pub add_unknown: bool,
    /// The planner confirmed that codes looking like formulas are codes to add.
    pub confirm_formulas: bool,
    pub skip_errors: bool,
    /// Bumped on every change, so the card is drawn again.
    pub rev: usize,
}

impl Loaded {
    pub fn new(
        id: usize,
        name: String,
        bytes: Arc<Vec<u8>>,
        choices: Choices,
        p: Preview,
    ) -> Loaded {
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
            confirm_formulas: false,
            skip_errors: false,
            rev: 0,
        };
        l.set_preview(p);
        l
    }

    /// What to do with codes the plan does not have, as the planner chose for this file.
    pub fn rules(&self) -> SkuRules {
        SkuRules {
            add_unknown: self.add_unknown,
            confirm_formulas: self.confirm_formulas,
            odd: self.preview.odd_codes.clone(),
        }
    }

    pub fn set_preview(&mut self, p: Preview) {
        self.preview = Arc::new(p);
        self.plan = (self.preview.kind == Some(Kind::PlanFile))
            .then(|| Arc::new(read_plan_file(&self.bytes)));
    }

    /// For a plan file: whether it opens as a replacement or merges into `ours`.
    pub fn decide(&mut self, ours: &Plan, me: &str, snapshots: &[Snapshot]) {
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

/// A plan file's bytes read as the importer reads any file (UTF-8 with or without BOM,
/// UTF-16, Windows-1252 as Excel re-saves it), so "Crème" stays "Crème" and accented SKU
/// codes still match in a merge.
pub fn read_plan_file(bytes: &[u8]) -> Result<PlanFile, String> {
    let (text, _) = crate::import::read::decode::decode(bytes).map_err(|e| e.to_string())?;
    crate::planfile::read_shared(&text).map_err(|e| e.to_string())
}

const MAPPING_KEY: &str = "sop.import.mapping.";

pub fn remembered(signature: &str) -> Option<std::collections::BTreeMap<Field, Option<usize>>> {
    if signature.is_empty() {
        return None;
    }
    let text = crate::ui::browser::persist::read_key(&format!("{MAPPING_KEY}{signature}"))?;
    let saved: Vec<(String, Option<usize>)> = serde_json::from_str(&text).ok()?;
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
    // Where storage is off, the mapping is simply not remembered.
    if let Ok(text) = serde_json::to_string(&list) {
        let _ = crate::ui::browser::persist::write_key(&format!("{MAPPING_KEY}{signature}"), &text);
    }
}

/// The card of one file; `update` changes it, `reread` reads it again with other choices.
/// Long on purpose: one `view!` of the card's parts (kind, choices, counts, messages,
/// details), each a few lines reading the same file state.
pub fn file_card(
    l: Loaded,
    update: impl Fn(usize, &dyn Fn(&mut Loaded)) + Copy + 'static,
    reread: impl Fn(usize, Choices) + Copy + 'static,
    apply: impl Fn(usize) + Copy + 'static,
    remove: impl Fn(usize) + Copy + 'static,
    details: impl Fn(usize) -> Option<Report> + Copy + Send + Sync + 'static,
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
            .map(|k| format!("{} left out", k.text()))
            .collect();
        let partly = &s.partly_received;
        let partly = (partly.lines > 0).then(|| {
            format!(
                " · {} partly received: {} units already in, counted as outstanding {}",
                plural(partly.lines, "line", "lines"),
                format::units(partly.received),
                format::units(partly.outstanding)
            )
        });
        format!(
            "{} · {} · {}{range} · total {}{}{}",
            plural(s.rows, "row", "rows"),
            plural(s.skus, "SKU", "SKUs"),
            plural(s.periods, "period", "periods"),
            format::units(s.total),
            partly.unwrap_or_default(),
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
    let formulas = p.odd_codes.formulas();
    let confirm = (!is_plan && !formulas.is_empty()).then(|| {
        let shown: Vec<&str> = formulas.iter().take(3).copied().collect();
        let checked = l.confirm_formulas;
        view! {
            <label class="check"><input type="checkbox" data-testid="import-confirm-odd-codes" prop:checked=checked
                on:change=move |ev| { let v = event_target_checked(&ev); update(id, &move |l: &mut Loaded| l.confirm_formulas = v); } />
                {format!(" Add codes that look like formulas as SKUs ({}); unticked, their rows are left out", shown.join(", "))}</label>
        }
    });
    view! {
        <section class="file-card" data-file=l.name.clone()>
            <h3>{l.name.clone()}</h3>
            <p class="seen" data-testid="import-seen">{p.seen.clone()}</p>
            {plan_view}
            {date_choice}
            {mapping.map(|m| view! { <div class="mapping" data-testid="import-mapping">{m}</div> })}
            {summary.map(|s| view! { <p class="summary" data-testid="import-summary">{s}</p> })}
            {(p.error_count > 0).then(|| view! {
                <div class="errors-box"><b>{format!("{}: nothing is applied until {} fixed", plural(p.error_count, "error", "errors"), if p.error_count == 1 { "it is" } else { "they are" })}</b>
                <ul class="errors" data-testid="import-errors">{errors}{more_errors.map(|m| view! { <li>{m}</li> })}</ul></div>
            })}
            {(p.warning_count > 0).then(|| view! { <ul class="warnings" data-testid="import-warnings">{warnings}</ul> })}
            {(!is_plan && p.records_skipping_errors().is_some()).then(|| details_toggle(id, details))}
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
                {confirm}
                {can_skip.then(|| view! {
                    <label class="check"><input type="checkbox" data-testid="import-skip-errors" prop:checked=skip
                        on:change=move |ev| { let v = event_target_checked(&ev); update(id, &move |l: &mut Loaded| l.skip_errors = v); } />
                        {format!(" Skip the {} with errors", plural(p.bad_rows, "row", "rows"))}</label>
                })}
                <span class="spacer"></span>
                <button data-testid="import-remove" on:click=move |_| remove(id)>"Remove"</button>
                <button class="primary" data-testid="import-apply" disabled=!ready on:click=move |_| apply(id)>
                    {if is_merge { "Merge" } else if is_plan { "Open this plan" } else { "Apply" }}</button>
            </div>
        </section>
    }
}

/// "Details": per SKU what applying the file as chosen changes, worked out when opened.
fn details_toggle(
    id: usize,
    details: impl Fn(usize) -> Option<Report> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <div class="import-details">
            <button data-testid="import-details" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Hide details" } else { "Details: what changes, per SKU" }}</button>
            {move || open.get().then(|| {
                let report = details(id).unwrap_or_default();
                if report.skus.is_empty() {
                    return view! { <p data-testid="import-details-none">"Nothing in the plan changes."</p> }.into_any();
                }
                let items = report.skus.into_iter().map(|s| {
                    let what = if s.added && s.changes.is_empty() {
                        "new SKU".to_string()
                    } else if s.added {
                        format!("new SKU: {}", s.changes.join("; "))
                    } else {
                        s.changes.join("; ")
                    };
                    view! { <li data-sku=s.sku.clone()><b>{s.sku.clone()}</b>{format!(": {what}")}</li> }
                }).collect_view();
                view! { <ul data-testid="import-details-list">{items}</ul> }.into_any()
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::read_plan_file;
    use crate::demo::demo_plan;

    /// A demo plan whose first SKU has an accented code and name, as a plan file.
    fn accented() -> String {
        let mut plan = demo_plan(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        plan.products[0].sku = "CRÈME-101".to_string();
        plan.products[0].name = "Crème brûlée 200g".to_string();
        crate::planfile::write(&plan)
    }

    #[test]
    fn a_plan_file_resaved_as_windows_1252_keeps_its_accents() {
        // Excel's "CSV" drops the byte-order mark the app writes.
        let text = accented().trim_start_matches('\u{feff}').to_string();
        let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
        assert!(!lossy);
        assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8 any more");
        let file = read_plan_file(&bytes).unwrap();
        assert_eq!(file.plan.products[0].sku, "CRÈME-101");
        assert_eq!(file.plan.products[0].name, "Crème brûlée 200g");
    }

    #[test]
    fn a_plan_file_resaved_as_utf16_reads_the_same() {
        let text = accented();
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let file = read_plan_file(&bytes).unwrap();
        assert_eq!(file.plan, read_plan_file(text.as_bytes()).unwrap().plan);
        assert_eq!(file.plan.products[0].sku, "CRÈME-101");
    }
}
