//! One planner's edits on one workbook (the plan, a scenario, or the colleague's copy), made
//! the way the app makes them: the grid's rows and columns from `sheet::rows`/`sheet::periods`
//! with the views' own specs, typed text through `sheet::edits`, the SKU panel through
//! `sheet::attributes`, files through `import::preview` and `import::apply::to_edit`, and the
//! events, notes and decisions panels' records; every change through `Workbook::apply`.
//!
//! A refused change must leave the plan exactly as it was: checked on every refusal.

use super::files::csv_file;
use super::ops::{Edit as Op, FileKind, Num, View};
use chrono::NaiveDate;
use sop_grid::engine::model::event::{DemandEvent, Lift, FAMILY};
use sop_grid::engine::{Decision, Edit, Note, Qty, Workbook};
use sop_grid::import::apply::{to_edit, Mode};
use sop_grid::import::{preview, Choices, Kind};
use sop_grid::sheet::attributes::Attribute;
use sop_grid::sheet::edits::{block_edits, clear_edits, fill_down_edits, Changes};
use sop_grid::sheet::number::DecimalSep;
use sop_grid::sheet::periods::{month_columns, week_columns, Period};
use sop_grid::sheet::rows::{build_rows, GridRow};
use sop_grid::sheet::selection::Pos;
use sop_grid::ui::views::monthly::{monthly_spec, PAST_MONTHS};
use sop_grid::ui::views::weekly::{weekly_spec, PAST_WEEKS};

/// What the steps share: the day, the user's decimal separator, a counter for new ids.
pub struct Ctx {
    pub today: NaiveDate,
    pub dec: DecimalSep,
    pub token: u64,
}

impl Ctx {
    /// A new id, as `ui::panels::form::new_record` makes them (plan id, tag, a unique part).
    fn record(&mut self, wb: &Workbook, tag: &str) -> (String, String) {
        self.token += 1;
        (
            format!("{}-{tag}-{:x}", wb.plan().meta.id, self.token),
            wb.user().unwrap_or("someone").to_string(),
        )
    }
}

/// Applies a change; a refusal must leave the plan and its revision untouched.
pub fn guarded(wb: &mut Workbook, label: &str, edit: Edit) -> Result<(), String> {
    let (before, rev) = (wb.plan().clone(), wb.revision());
    match wb.apply(label, edit) {
        Ok(_) => Ok(()),
        Err(e) if wb.plan() == &before && wb.revision() == rev => {
            let _ = e.to_string();
            Ok(())
        }
        Err(e) => Err(format!("'{label}' was refused ({e}) but changed the plan")),
    }
}

/// The text a planner types for a number, in their locale.
pub fn text(n: Num, dec: DecimalSep) -> String {
    match n {
        Num::Typo => "12x".to_string(),
        Num::Blank => String::new(),
        Num::Milli(m) => {
            let (whole, frac) = (m.unsigned_abs() / 1000, m.unsigned_abs() % 1000);
            let sign = if m < 0 { "-" } else { "" };
            if frac == 0 {
                format!("{sign}{whole}")
            } else {
                let sep = if dec == DecimalSep::Comma { ',' } else { '.' };
                let f = format!("{frac:03}");
                format!("{sign}{whole}{sep}{}", f.trim_end_matches('0'))
            }
        }
    }
}

/// The grid a view shows: its rows and its columns.
fn grid(wb: &Workbook, view: View) -> (Vec<GridRow>, Vec<Period>) {
    let cal = &wb.plan().calendar;
    match view {
        View::Weekly => (
            build_rows(wb, &weekly_spec(), &[]),
            week_columns(cal, PAST_WEEKS, 13),
        ),
        View::MonthFamilies => (
            build_rows(wb, &monthly_spec(wb), &[]),
            month_columns(cal, PAST_MONTHS, 12),
        ),
        View::MonthSkus => {
            let mut spec = monthly_spec(wb);
            spec.collapsed.clear();
            (
                build_rows(wb, &spec, &[]),
                month_columns(cal, PAST_MONTHS, 12),
            )
        }
    }
}

/// What the grid does with gathered changes (`ui::grid`'s `apply`).
fn commit(wb: &mut Workbook, label: &str, changes: Result<Changes, String>) -> Result<(), String> {
    match changes {
        Ok(c) if !c.is_empty() => guarded(wb, label, c.into_edit()),
        _ => Ok(()),
    }
}

/// Makes one edit; `Err` only when the app broke a rule (not when it refused the edit).
pub fn edit(wb: &mut Workbook, op: &Op, ctx: &mut Ctx) -> Result<(), String> {
    match op {
        Op::Type {
            view,
            row,
            col,
            value,
        } => paste(wb, *view, *row, *col, &[vec![*value]], ctx.dec, "Edit cell"),
        Op::Paste {
            view,
            row,
            col,
            block,
        } => {
            let label = format!("Paste {}×{}", block.len(), block[0].len());
            paste(wb, *view, *row, *col, block, ctx.dec, &label)
        }
        Op::Fill {
            view,
            row,
            col,
            down,
            across,
        }
        | Op::Clear {
            view,
            row,
            col,
            down,
            across,
        } => {
            let (rows, periods) = grid(wb, *view);
            if rows.is_empty() || periods.is_empty() {
                return Ok(());
            }
            let from = Pos {
                row: *row as usize % rows.len(),
                col: *col as usize % periods.len(),
            };
            let to = Pos {
                row: (from.row + *down as usize).min(rows.len() - 1),
                col: (from.col + *across as usize).min(periods.len() - 1),
            };
            if matches!(op, Op::Fill { .. }) {
                let changes = fill_down_edits(wb, &rows, &periods, from, to);
                commit(wb, "Fill down", changes)
            } else {
                let changes = clear_edits(wb, &rows, &periods, from, to);
                commit(wb, "Clear cells", changes)
            }
        }
        Op::Attribute { sku, attr, value } => {
            let n = wb.plan().products.len();
            if n == 0 {
                return Ok(());
            }
            let i = *sku as usize % n;
            let a = Attribute::ALL[*attr as usize % Attribute::ALL.len()];
            match a.set(&wb.plan().products[i], &text(*value, ctx.dec), ctx.dec) {
                Ok(p) => {
                    let label = format!("Set {} of {}", a.label().to_lowercase(), p.sku);
                    guarded(wb, &label, Edit::Product { sku: i, product: p })
                }
                Err(_) => Ok(()),
            }
        }
        Op::Import(import) => {
            let (name, text) = csv_file(wb.plan(), import);
            let p = preview(text.as_bytes(), &name, &Choices::default());
            let want = match import.kind {
                FileKind::SalesHistory | FileKind::SalesByChannel => Kind::SalesHistory,
                FileKind::ShopifyOrders => Kind::ShopifyOrders,
                FileKind::PurchaseOrders => Kind::Receipts,
                FileKind::ForecastLong => Kind::ForecastLong,
                FileKind::ForecastWide => Kind::ForecastWide,
                FileKind::ShopifyProducts => Kind::ShopifyProducts,
                FileKind::ShopifyInventory | FileKind::OneLocation => Kind::ShopifyInventory,
            };
            if p.kind != Some(want) {
                return Err(format!("generated {name} read as {:?}:\n{text}", p.kind));
            }
            if !import.bad_row && !p.can_apply() {
                let errors: Vec<String> = p.errors.iter().map(|e| e.to_string()).collect();
                return Err(format!("generated {name} refused: {errors:?}\n{text}"));
            }
            // As the import dialog: apply a clean file, or the good rows when the planner
            // chose to skip the rows in error; else nothing happens.
            let records = match (p.records(), p.records_skipping_errors()) {
                (Some(r), _) => r,
                (None, Some(r)) if import.skip_bad => r,
                _ => return Ok(()),
            };
            let mode = if import.replace {
                Mode::Replace
            } else {
                Mode::Merge
            };
            let applied = to_edit(wb, records, mode, import.add_unknown);
            guarded(wb, &format!("Import {name}"), applied.edit)
        }
        Op::AddEvent {
            target,
            first,
            weeks,
            units,
            value,
        } => {
            let target = target_of(wb, *target);
            let cal = &wb.plan().calendar;
            let c = cal.current() as isize;
            let (from, to) = (c + *first as isize, c + *first as isize + *weeks as isize);
            let (first, last) = (cal.label(from), cal.label(to));
            let q = Qty::units(*value as i64);
            let (id, author) = ctx.record(wb, "e");
            let e = DemandEvent {
                name: format!("Promo {}", ctx.token),
                id,
                target,
                first,
                last,
                lift: if *units {
                    Lift::Units(q)
                } else {
                    Lift::Percent(q)
                },
                active: true,
                author,
            };
            guarded(wb, &format!("Add event {}", e.name), Edit::AddEvent(e))
        }
        Op::SwitchEvent(i) | Op::RemoveEvent(i) => {
            let events = &wb.plan().events;
            if events.is_empty() {
                return Ok(());
            }
            let i = *i as usize % events.len();
            let e = events[i].clone();
            if matches!(op, Op::SwitchEvent(_)) {
                let label = format!("Switch {} {}", e.name, if e.active { "off" } else { "on" });
                let e = DemandEvent {
                    active: !e.active,
                    ..e
                };
                guarded(wb, &label, Edit::UpdateEvent(i, e))
            } else {
                guarded(
                    wb,
                    &format!("Remove event {}", e.name),
                    Edit::RemoveEvent(i),
                )
            }
        }
        Op::Note { target, on_cell } => {
            // Notes are signed: the panel refuses them until the planner says who they are.
            let Some(author) = wb.user().map(str::to_string) else {
                return Ok(());
            };
            let cal = &wb.plan().calendar;
            let note = Note {
                sku: target_of(wb, *target),
                period: on_cell.then(|| cal.label(cal.current() as isize)),
                measure: on_cell.then(|| "forecast".to_string()),
                text: format!("Checked with the supplier ({})", ctx.token),
                author,
                written: ctx.today.to_string(),
            };
            ctx.token += 1;
            guarded(wb, "Note", Edit::AddNote(note))
        }
        Op::RemoveNote(i) => match wb.plan().notes.len() {
            0 => Ok(()),
            n => guarded(wb, "Remove note", Edit::RemoveNote(*i as usize % n)),
        },
        Op::Decide { target } => {
            let (id, author) = ctx.record(wb, "d");
            let cal = &wb.plan().calendar;
            let d = Decision {
                id,
                text: "Expedite the next PO".to_string(),
                owner: "Olu (Operations)".to_string(),
                due: (ctx.today + chrono::Duration::days(7)).to_string(),
                // The form's SKU field, pre-filled with the selected row, split as the form does.
                skus: target_of(wb, *target)
                    .split([' ', ','])
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                weeks: cal.label(cal.current() as isize + 1),
                author,
                made: ctx.today.to_string(),
                closed: None,
            };
            guarded(wb, "Record decision", Edit::Decide(d))
        }
        Op::CloseDecision(i) => {
            let open: Vec<usize> = (0..wb.plan().decisions.len())
                .filter(|&k| wb.plan().decisions[k].is_open())
                .collect();
            if open.is_empty() {
                return Ok(());
            }
            let k = open[*i as usize % open.len()];
            let mut d = wb.plan().decisions[k].clone();
            d.closed = Some(ctx.today.to_string());
            guarded(wb, "Close decision", Edit::UpdateDecision(k, d))
        }
    }
}

/// A block of text placed at a cell of a view (typing is a 1×1 block).
fn paste(
    wb: &mut Workbook,
    view: View,
    row: u8,
    col: u8,
    block: &[Vec<Num>],
    dec: DecimalSep,
    label: &str,
) -> Result<(), String> {
    let (rows, periods) = grid(wb, view);
    if rows.is_empty() || periods.is_empty() {
        return Ok(());
    }
    let at = Pos {
        row: row as usize % rows.len(),
        col: col as usize % periods.len(),
    };
    let block: Vec<Vec<String>> = block
        .iter()
        .map(|r| r.iter().map(|&n| text(n, dec)).collect())
        .collect();
    let changes = block_edits(wb, &rows, &periods, at, &block, dec).map(|(c, _)| c);
    commit(wb, label, changes)
}

/// A SKU or family an event, note or decision is on: families first, as the forms list them.
pub fn target_of(wb: &Workbook, choice: u8) -> String {
    let families: Vec<String> = wb
        .families()
        .keys()
        .map(|f| format!("{FAMILY}{f}"))
        .collect();
    let skus = wb.plan().products.iter().map(|p| p.sku.clone());
    let all: Vec<String> = families.into_iter().chain(skus).collect();
    if all.is_empty() {
        return String::new();
    }
    all[choice as usize % all.len()].clone()
}
