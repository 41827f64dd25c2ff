//! The workbook: a plan, everything derived from it, and its history. The one edit API —
//! every change (typed value, paste, fill, import, undo) goes through [`Workbook::apply`],
//! which validates first (a rejected change touches nothing), records the change, and
//! recalculates only the SKUs it touched, from the earliest edited week, then their family
//! and the total.

use super::apply_diff::{apply_diff, lifted_by};
use super::diffs::Pending;
use super::error::PlanError;
use super::history::{Change, Diff, History};
use crate::engine::calc::aggregate::Agg;
use crate::engine::calc::derived::{Scratch, SkuDerived};
use crate::engine::calc::lifts::lifts;
use crate::engine::model::decision::Decision;
use crate::engine::model::event::DemandEvent;
use crate::engine::model::note::Note;
use crate::engine::model::plan::Plan;
use crate::engine::model::product::Product;
use crate::engine::model::qty::Qty;
use crate::engine::model::series::SeriesField;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// One requested value change in an input series.
#[derive(Clone, Debug, PartialEq)]
pub struct CellEdit {
    /// The SKU's index in the plan.
    pub sku: usize,
    /// Which input series.
    pub field: SeriesField,
    /// The week's index in the calendar.
    pub week: usize,
    /// `None` clears the cell (consensus: not set; other series: zero).
    pub value: Option<Qty>,
}

/// A requested change, before validation.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Values typed, pasted or imported into input series.
    Cells(Vec<CellEdit>),
    /// A SKU's product record replaced (the SKU panel, an import of master data).
    Product {
        /// The SKU's index in the plan.
        sku: usize,
        /// The new record, validated whole.
        product: Product,
    },
    /// A SKU's actual sales split by channel, set as a whole (an import of sales by channel):
    /// its actual sales become the split's week totals. At most one per SKU in a batch, and
    /// no actual-sales cells of that SKU beside it.
    Channels {
        /// The SKU's index in the plan.
        sku: usize,
        /// Actual sales by channel and week.
        channels: crate::engine::model::breakdown::Channels,
    },
    /// A new product, appended after the existing ones (its index is the number of products
    /// before it, counting those added earlier in the same batch); its series start at zero.
    AddProduct(Product),
    /// The whole plan replaced (opening a plan file), undoable like any other change.
    ReplacePlan(Box<Plan>),
    /// A note added to the plan.
    AddNote(Note),
    /// The note at this index taken away.
    RemoveNote(usize),
    /// A decision recorded.
    Decide(Decision),
    /// The decision at this index replaced (closed or reopened).
    UpdateDecision(usize, Decision),
    /// A demand event (promotion, launch) added.
    AddEvent(DemandEvent),
    /// The event at this index replaced (switched on or off, changed).
    UpdateEvent(usize, DemandEvent),
    /// The event at this index taken away.
    RemoveEvent(usize),
    /// Several edits as one undoable step (a paste over forecast and safety stock rows, an
    /// import). At most one `Product` edit per SKU: each is checked against the plan as it is.
    Batch(Vec<Edit>),
}

/// What a change touched, so the UI knows what to repaint.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Touched {
    /// What the change was ("Paste 12 cells"), for the status line.
    pub label: String,
    /// SKU indices whose rows changed, with the earliest week that changed.
    pub skus: Vec<(usize, usize)>,
    /// Cells whose value actually changed (an edit to the same value records nothing).
    pub cells: usize,
}

/// The plan with everything derived from it, kept up to date edit by edit: the one way to change a plan.
pub struct Workbook {
    plan: Plan,
    derived: Vec<SkuDerived>,
    families: BTreeMap<String, Agg>,
    total: Agg,
    history: History,
    scratch: Scratch,
    prefix: Vec<i64>,
    /// Who is editing ("Ana (Sales)"); empty until they say. Signs every change.
    user: Option<Arc<str>>,
    /// Changes made to this plan ever: the plan's revision, kept here so undoing a change
    /// restores the plan exactly while the revision still moves on.
    revision: u64,
    /// Set when nothing may change (a save by a newer version of the app is open): every
    /// edit, undo and redo is refused, so the tab never shows changes it will not keep.
    read_only: bool,
    /// See `layout()`.
    layout: u64,
}

/// Layout stamps are unique across workbooks, so a plan that replaces another never shows
/// the same stamp.
static NEXT_LAYOUT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn fresh_layout() -> u64 {
    NEXT_LAYOUT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A change validated against the plan at one revision, not made yet
/// ([`Workbook::check`], [`Workbook::commit`]).
#[derive(Debug)]
pub struct Checked {
    label: String,
    diffs: Vec<Diff>,
    revision: u64,
}

impl Workbook {
    /// Builds a workbook and computes everything once.
    pub fn new(plan: Plan) -> Workbook {
        let revision = plan.meta.revision;
        let mut wb = Workbook {
            plan,
            user: None,
            revision,
            derived: Vec::new(),
            families: BTreeMap::new(),
            total: Agg::default(),
            history: History::default(),
            scratch: Scratch::default(),
            prefix: Vec::new(),
            read_only: false,
            layout: fresh_layout(),
        };
        wb.recompute_all();
        wb
    }

    /// Makes the workbook refuse every change from now on (see [`PlanError::ReadOnly`]).
    pub fn set_read_only(&mut self) {
        self.read_only = true;
    }

    /// Whether every change is refused.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn writable(&self) -> Result<(), PlanError> {
        if self.read_only {
            Err(PlanError::ReadOnly)
        } else {
            Ok(())
        }
    }

    /// Recomputes every SKU and aggregate from scratch (import, load, and the reference the
    /// property tests compare the incremental path against).
    pub fn recompute_all(&mut self) {
        let cal = &self.plan.calendar;
        self.derived
            .resize_with(self.plan.products.len(), SkuDerived::default);
        for (d, lift) in self.derived.iter_mut().zip(lifts(&self.plan)) {
            d.lift = lift;
        }
        for (i, d) in self.derived.iter_mut().enumerate() {
            let (p, s) = (&self.plan.products[i], &self.plan.series[i]);
            d.compute(p, s, cal, 0, &mut self.scratch);
        }
        self.sum_all();
    }

    /// Sums every family and the total afresh from the SKUs' rows.
    fn sum_all(&mut self) {
        let cal = &self.plan.calendar;
        let (n, c) = (cal.len(), cal.current());
        self.families.clear();
        self.total = Agg::zeros(n);
        for (i, d) in self.derived.iter().enumerate() {
            let (p, s) = (&self.plan.products[i], &self.plan.series[i]);
            match self.families.get_mut(&p.family) {
                Some(agg) => agg.add(p, d, s, c, 1),
                None => {
                    let mut agg = Agg::zeros(n);
                    agg.add(p, d, s, c, 1);
                    self.families.insert(p.family.clone(), agg);
                }
            }
        }
        for agg in self.families.values_mut() {
            agg.finish(cal, &mut self.prefix);
            self.total.add_agg(agg);
        }
        self.total.finish(cal, &mut self.prefix);
    }

    /// The plan as it stands; change it only through [`Workbook::apply`].
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// A SKU's derived rows (projection, safety, cover, suggestion); panics on a bad index.
    pub fn derived(&self, sku: usize) -> &SkuDerived {
        &self.derived[sku]
    }

    /// The forecast the plan uses for a SKU in a week: the consensus where set, else the
    /// baseline plus what demand events add.
    pub fn demand_plan(&self, sku: usize, week: usize) -> Qty {
        self.derived[sku].demand_plan(&self.plan.series[sku], week)
    }

    /// What demand events add to a SKU's forecast in a week (its events row).
    pub fn lift_in(&self, sku: usize, week: usize) -> Qty {
        self.derived[sku].lift_in(week)
    }

    /// Every SKU's derived rows, in plan order.
    pub fn all_derived(&self) -> &[SkuDerived] {
        &self.derived
    }

    /// Family rows by family name (alphabetical).
    pub fn families(&self) -> &BTreeMap<String, Agg> {
        &self.families
    }

    /// One family's rows; `None` when no SKU is in that family.
    pub fn family(&self, name: &str) -> Option<&Agg> {
        self.families.get(name)
    }

    /// The rows of the whole plan.
    pub fn total(&self) -> &Agg {
        &self.total
    }

    /// The undo and redo stacks, to label and enable the buttons.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Signs the changes that follow with this name ("Ana (Sales)"); empty = nobody.
    pub fn set_user(&mut self, user: &str) {
        self.user = (!user.trim().is_empty()).then(|| Arc::from(user.trim()));
    }

    /// Who is editing ("Ana (Sales)"); `None` until they say.
    pub fn user(&self) -> Option<&str> {
        self.user.as_deref()
    }

    /// Who is editing, as the signature shared by every change they sign.
    pub(super) fn user_arc(&self) -> Option<&Arc<str>> {
        self.user.as_ref()
    }

    /// A stamp that changes whenever anything but cell values changes (products, channels,
    /// events, notes, decisions, the whole plan), here or by undo and redo, and differs
    /// between workbooks: what the grid's rows are built from, so a view rebuilds its rows
    /// when this changes and not on every typed number.
    pub fn layout(&self) -> u64 {
        self.layout
    }

    /// Grows with every change, undo and redo.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The plan as it should be saved or shared: with its current revision.
    pub fn plan_to_save(&self) -> Plan {
        let mut plan = self.plan.clone();
        plan.meta.revision = self.revision;
        plan
    }

    /// Sets the plan's identity (its id the first time it is saved, the shared check-in):
    /// not a change a planner undoes, but a change to save, so the revision moves on.
    pub fn set_meta(&mut self, meta: crate::engine::model::meta::PlanMeta) {
        self.revision = self.revision.max(meta.revision) + 1;
        self.history.set_base(&meta.id, &meta.base);
        self.plan.meta = meta;
    }

    /// Validates and applies a change as one undoable step.
    pub fn apply(&mut self, label: &str, edit: Edit) -> Result<Touched, PlanError> {
        let checked = self.check(label, edit)?;
        self.commit(checked)
    }

    /// The first half of [`Workbook::apply`]: validates `edit` and works out what it
    /// changes, changing nothing. A very large change (a re-forecast's 200,000 cells) is
    /// checked in one task and committed in the next, so neither blocks the page for long.
    pub fn check(&self, label: &str, edit: Edit) -> Result<Checked, PlanError> {
        self.writable()?;
        Ok(Checked {
            label: label.to_string(),
            diffs: self.diffs_for(edit, &mut Pending::default())?,
            revision: self.revision,
        })
    }

    /// The second half of [`Workbook::apply`]: makes a [`Checked`] change, recalculates and
    /// records it for undo; refused, changing nothing, when the plan changed since.
    pub fn commit(&mut self, checked: Checked) -> Result<Touched, PlanError> {
        self.writable()?;
        if checked.revision != self.revision {
            return Err(PlanError::ChangedSinceChecked);
        }
        let Checked { label, diffs, .. } = checked;
        let touched = self.run(&label, &diffs);
        if !diffs.is_empty() {
            self.history.record(Change { label, diffs });
        }
        Ok(touched)
    }

    /// Sets one cell by SKU code and ISO week label: the friendly form for tests and imports.
    pub fn set(
        &mut self,
        sku: &str,
        field: SeriesField,
        week: &str,
        value: Option<f64>,
    ) -> Result<Touched, PlanError> {
        let idx = self
            .plan
            .sku_index(sku)
            .ok_or_else(|| PlanError::UnknownSku(sku.to_string()))?;
        let cal = &self.plan.calendar;
        let w = cal
            .parse_week(week)
            .map_err(|_| PlanError::WeekOutsidePlan {
                week: week.to_string(),
                first: cal.label(0),
                last: cal.label(cal.len() as isize - 1),
            })?;
        let value = match value {
            None => None,
            Some(v) => Some(Qty::from_f64(v).ok_or_else(|| PlanError::BadValue {
                what: format!("{} of {sku} in {week}", field.label()),
                value: v.to_string(),
                reason: "is not a number between -100,000,000 and 100,000,000".to_string(),
            })?),
        };
        self.apply(
            &format!("Set {} of {sku} in {week}", field.label()),
            Edit::Cells(vec![CellEdit {
                sku: idx,
                field,
                week: w,
                value,
            }]),
        )
    }

    /// Reverts the last change; refused when there is none or the plan is read-only.
    pub fn undo(&mut self) -> Result<Touched, PlanError> {
        self.writable()?;
        let change = self
            .history
            .take_undo()
            .ok_or(PlanError::NothingTo("undo"))?;
        let inverse: Vec<Diff> = change.diffs.iter().rev().map(Diff::inverse).collect();
        let touched = self.run(&format!("Undo {}", change.label), &inverse);
        self.history.push_redo(change);
        Ok(touched)
    }

    /// Applies the last undone change again; refused when there is none or the plan is read-only.
    pub fn redo(&mut self) -> Result<Touched, PlanError> {
        self.writable()?;
        let change = self
            .history
            .take_redo()
            .ok_or(PlanError::NothingTo("redo"))?;
        let touched = self.run(&format!("Redo {}", change.label), &change.diffs);
        self.history.push_undo(change);
        Ok(touched)
    }

    /// Applies validated diffs and recalculates what they touched.
    fn run(&mut self, label: &str, diffs: &[Diff]) -> Touched {
        if !diffs.is_empty() {
            self.revision += 1;
        }
        if diffs.iter().any(|d| !matches!(d, Diff::Cell { .. })) {
            self.layout = fresh_layout();
        }
        if diffs.iter().any(|d| {
            matches!(
                d,
                Diff::Added { .. } | Diff::Removed { .. } | Diff::Plan { .. }
            )
        }) {
            return self.run_structural(label, diffs);
        }
        let mut from: BTreeMap<usize, usize> = BTreeMap::new();
        for d in diffs {
            let (sku, week) = match d {
                Diff::Cell { sku, week, .. } => (*sku, *week),
                Diff::Product { sku, .. } => (*sku, 0),
                Diff::Channels { sku, .. } => (*sku, self.plan.calendar.current()),
                _ => continue,
            };
            // Diffs come SKU by SKU: the last entry is most often the one (a re-forecast's
            // 200,000 cells spent a sixth of the recalculation in look-ups).
            let e = match from.last_entry() {
                Some(last) if *last.key() == sku => last.into_mut(),
                _ => from.entry(sku).or_insert(week),
            };
            *e = (*e).min(week);
        }
        for (sku, week) in lifted_by(&self.plan, diffs) {
            let e = from.entry(sku).or_insert(week);
            *e = (*e).min(week);
        }
        let c = self.plan.calendar.current();
        // Most SKUs touched (a re-forecast, a large paste): summing all afresh once is
        // cheaper than taking each out of its family and the total and putting it back.
        let afresh = from.len() * 2 > self.plan.products.len();
        // Take the touched SKUs out of their (current) family and the total.
        let mut families: BTreeSet<String> = BTreeSet::new();
        for &sku in from.keys().filter(|_| !afresh) {
            // The product before the change: its old prices priced the rows being removed.
            let (p, s, d) = (
                &self.plan.products[sku],
                &self.plan.series[sku],
                &self.derived[sku],
            );
            let fam = p.family.clone();
            if let Some(agg) = self.families.get_mut(&fam) {
                agg.add(p, d, s, c, -1);
            }
            self.total.add(p, d, s, c, -1);
            families.insert(fam);
        }
        for d in diffs {
            apply_diff(&mut self.plan, d);
        }
        if !self.plan.events.is_empty() || diffs.iter().any(|d| matches!(d, Diff::Event { .. })) {
            // Only SKUs in `from` can get another events row (`lifted_by` put them there).
            for (sku, lift) in lifts(&self.plan).into_iter().enumerate() {
                if from.contains_key(&sku) {
                    self.derived[sku].lift = lift;
                }
            }
        }
        for (&sku, &week) in &from {
            let (p, s) = (&self.plan.products[sku], &self.plan.series[sku]);
            self.derived[sku].compute(p, s, &self.plan.calendar, week, &mut self.scratch);
        }
        if afresh {
            self.sum_all();
        } else {
            self.add_back(&from, families);
        }
        Touched {
            label: label.to_string(),
            skus: from.into_iter().collect(),
            cells: diffs
                .iter()
                .filter(|d| matches!(d, Diff::Cell { .. }))
                .count(),
        }
    }

    /// Puts the recomputed SKUs of `from` back into their families and the total, and
    /// finishes the `families` they left or joined.
    fn add_back(&mut self, from: &BTreeMap<usize, usize>, mut families: BTreeSet<String>) {
        let (n, c) = (self.plan.calendar.len(), self.plan.calendar.current());
        for &sku in from.keys() {
            let (p, s) = (&self.plan.products[sku], &self.plan.series[sku]);
            let fam = p.family.clone();
            self.families
                .entry(fam.clone())
                .or_insert_with(|| Agg::zeros(n))
                .add(p, &self.derived[sku], s, c, 1);
            self.total.add(p, &self.derived[sku], s, c, 1);
            families.insert(fam);
        }
        for fam in families {
            match self.families.get_mut(&fam) {
                Some(agg) if agg.members == 0 => {
                    self.families.remove(&fam);
                }
                Some(agg) => agg.finish(&self.plan.calendar, &mut self.prefix),
                None => {}
            }
        }
        self.total.finish(&self.plan.calendar, &mut self.prefix);
    }

    /// Products added or removed, or the plan replaced: apply in order and recompute all
    /// (imports and file opens are rare; a full recompute of 2,000 SKUs takes ~10 ms).
    fn run_structural(&mut self, label: &str, diffs: &[Diff]) -> Touched {
        for d in diffs {
            apply_diff(&mut self.plan, d);
        }
        self.derived.truncate(self.plan.products.len());
        self.recompute_all();
        Touched {
            label: label.to_string(),
            skus: (0..self.plan.products.len()).map(|i| (i, 0)).collect(),
            cells: diffs
                .iter()
                .filter(|d| matches!(d, Diff::Cell { .. }))
                .count(),
        }
    }
}
