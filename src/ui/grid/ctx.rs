//! What the grid's parts share: its signals in one `Copy` value, and the one path every
//! edit from the grid takes into the workbook (with the message the user sees).

use super::read::GridData;
use super::render::{HEAD_H, ROW_H};
use crate::engine::edit::workbook::Touched;
use crate::engine::{PlanError, Workbook};
use crate::sheet::edits::Changes;
use crate::sheet::number::Locale;
use crate::sheet::rows::RowOwner;
use crate::sheet::selection::{Bounds, Selection};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Said when the user types into a cell that is worked out by the plan.
pub const CALCULATED: &str = "This cell is calculated: type into forecast, consensus, receipts, safety stock or (past weeks) actual sales";

/// Editing in progress: the text, and whether arrows commit (typing) or move the caret (F2).
#[derive(Clone, Debug, PartialEq)]
pub struct Editing {
    pub text: String,
    pub arrows_commit: bool,
}

/// What one of the grid's own changes touched, so only those rows repaint: the SKUs, their
/// families, and the total. Any other change to the workbook (import, merge, scenario,
/// the toolbar's undo) repaints every row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Repaint {
    /// The workbook's revision right after the change (a later change is not this one).
    pub revision: u64,
    pub skus: BTreeSet<usize>,
    pub families: BTreeSet<String>,
}

impl Repaint {
    fn of(wb: &Workbook, t: &Touched) -> Repaint {
        let skus: BTreeSet<usize> = t.skus.iter().map(|&(sku, _)| sku).collect();
        let products = &wb.plan().products;
        Repaint {
            revision: wb.revision(),
            families: skus
                .iter()
                .filter_map(|&i| products.get(i).map(|p| p.family.clone()))
                .collect(),
            skus,
        }
    }

    /// Whether a row of this owner shows numbers the change may have moved.
    pub fn repaints(&self, owner: &RowOwner) -> bool {
        match owner {
            RowOwner::Total => true,
            RowOwner::Family(f) => self.families.contains(f),
            RowOwner::Sku(i) => self.skus.contains(i),
        }
    }
}

/// The grid's state, shared by its keyboard, mouse, clipboard, editor and render parts.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub data: GridData,
    pub selection: RwSignal<Selection>,
    pub message: RwSignal<Option<String>>,
    pub editing: RwSignal<Option<Editing>>,
    pub dragging: RwSignal<bool>,
    /// Scroll position (top, left) and viewport size (height, width) in pixels.
    pub scroll: RwSignal<(f64, f64)>,
    pub viewport: RwSignal<(f64, f64)>,
    pub container: NodeRef<leptos::html::Div>,
    /// Column width in pixels.
    pub col_w: f64,
    /// One locale for what the grid shows, the editor holds, and copy and paste carry.
    pub loc: Locale,
    /// What the grid's last own change touched, until the render has taken it.
    pub last_change: StoredValue<Option<Repaint>>,
}

impl Ctx {
    /// The grid's size, and how many rows one page (PageUp / PageDown) moves.
    pub fn bounds(&self) -> Bounds {
        Bounds {
            rows: self.data.rows.with(|r| r.len()),
            cols: self.data.periods.with(|p| p.len()),
            page: (((self.viewport.get_untracked().0 - HEAD_H) / ROW_H).floor() as usize)
                .saturating_sub(1)
                .max(1),
        }
    }

    /// Gives the keyboard back to the grid (after the editor closes).
    pub fn focus_grid(&self) {
        if let Some(el) = self.container.get_untracked() {
            let _ = el.focus();
        }
    }

    /// Changes the workbook (an edit, undo, redo) and notes what it touched for the render.
    pub fn change(
        &self,
        f: impl FnOnce(&mut Workbook) -> Result<Touched, PlanError>,
    ) -> Option<Result<Touched, PlanError>> {
        let last = self.last_change;
        self.data.workbook.try_update(|wb| {
            let result = f(wb);
            last.set_value(result.as_ref().ok().map(|t| Repaint::of(wb, t)));
            result
        })
    }

    /// Applies edits worked out by the sheet rules as one undoable step, and says what
    /// happened (refused, nothing to change, calculated cells skipped).
    pub fn apply(&self, label: String, changes: Result<Changes, String>, skipped: usize) {
        let message = self.message;
        let changes = match changes {
            Ok(c) => c,
            Err(e) => {
                message.set(Some(format!("Nothing changed: {e}")));
                return;
            }
        };
        if changes.is_empty() {
            message.set(Some(if skipped > 0 {
                CALCULATED.to_string()
            } else {
                "Nothing to change".to_string()
            }));
            return;
        }
        match self.change(|wb| wb.apply(&label, changes.into_edit())) {
            Some(Err(e)) => message.set(Some(e.to_string())),
            _ => message.set(
                (skipped > 0).then(|| format!("{label}: {skipped} calculated cell(s) skipped")),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_repaints_its_skus_their_families_and_the_total() {
        let r = Repaint {
            revision: 3,
            skus: [2, 5].into(),
            families: ["Candles".to_string()].into(),
        };
        assert!(r.repaints(&RowOwner::Total));
        assert!(r.repaints(&RowOwner::Sku(5)) && !r.repaints(&RowOwner::Sku(4)));
        assert!(r.repaints(&RowOwner::Family("Candles".into())));
        assert!(!r.repaints(&RowOwner::Family("Soaps".into())));
    }

    #[test]
    fn repaint_of_an_edit_names_the_touched_skus_and_their_families() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut wb = Workbook::new(crate::demo::demo_plan(today));
        let sku = wb.plan().products[1].sku.clone();
        let family = wb.plan().products[1].family.clone();
        let week = wb
            .plan()
            .calendar
            .label(wb.plan().calendar.current() as isize + 2);
        let t = wb
            .set(
                &sku,
                crate::engine::SeriesField::Consensus,
                &week,
                Some(123.0),
            )
            .unwrap();
        let r = Repaint::of(&wb, &t);
        assert_eq!(r.revision, wb.revision());
        assert!(r.skus.contains(&1) && r.families.contains(&family));
        let other = (0..wb.plan().products.len())
            .find(|&i| wb.plan().products[i].family != family)
            .unwrap();
        assert!(!r.repaints(&RowOwner::Sku(other)));
    }
}
