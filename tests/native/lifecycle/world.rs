//! The app's state as the steps see it: our workbook with its check-ins and scenarios, the
//! colleague's copy of the plan, and what undo must get back to. Each step does what the UI
//! does (the component named in its comment), calling the same engine functions.

use super::checks::check_all;
use super::desk::{edit, guarded, Ctx};
use super::ops::Op;
use chrono::NaiveDate;
use sop_grid::demo::generated_plan;
use sop_grid::engine::collab::conflict::Side;
use sop_grid::engine::collab::roll::roll_to;
use sop_grid::engine::collab::scenario::{promoted, QuickChange, Scenario};
use sop_grid::engine::forecast::baseline::reforecast;
use sop_grid::engine::model::checkin::{keep, Snapshot};
use sop_grid::engine::{Edit, Plan, PlanMeta, Workbook};
use sop_grid::planfile::{read_shared, write_shared};
use sop_grid::sheet::number::DecimalSep;
use sop_grid::storage::scenarios::{decode_scenarios, encode_scenarios, SavedScenario};
use sop_grid::storage::{decode, encode, Stored};
use sop_grid::ui::dialogs::merge_view::{opening, Opening};

/// The people who may be editing (`SayWho`); 0 is "not said yet".
pub const PEOPLE: [&str; 3] = ["", "Ana (Sales)", "Olu (Operations)"];
const COLLEAGUE: &str = "Kim (CEO)";

/// One browser: a workbook and its check-ins.
pub struct Copy {
    pub wb: Workbook,
    pub snapshots: Vec<Snapshot>,
}

pub struct World {
    pub ctx: Ctx,
    pub ours: Copy,
    pub scenarios: Vec<Scenario>,
    /// The colleague's browser, once they opened a plan file of ours.
    pub theirs: Option<Copy>,
    /// The plan undo must restore, and how many undo steps lead back to it.
    pub checkpoint: Plan,
    pub checkpoint_depth: usize,
    /// Undo and redo steps available, counted from the revision (it moves on every
    /// recorded change, undo and redo).
    pub undo_depth: usize,
    pub redo_depth: usize,
    /// Steps run, for the soak's figures.
    pub steps: usize,
    /// The save (with who saves it) and the scenarios last checked to round-trip.
    pub checked: Option<(Stored, String)>,
    pub checked_theirs: Option<(Stored, String)>,
    pub checked_scenarios: Vec<SavedScenario>,
}

/// The start: a small generated plan (4 SKUs in 2 families, 4 weeks of history, 16 ahead)
/// as the app first opens it: an id given, the user known.
pub fn start(dec: DecimalSep) -> World {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let mut wb = Workbook::new(generated_plan(today, 4, 2, 4, 16));
    wb.set_meta(PlanMeta {
        id: "plan-lifecycle".to_string(),
        ..wb.plan().meta.clone()
    });
    wb.set_user(PEOPLE[1]);
    World {
        ctx: Ctx {
            today,
            dec,
            token: 0,
        },
        checkpoint: wb.plan().clone(),
        ours: Copy {
            wb,
            snapshots: Vec::new(),
        },
        scenarios: Vec::new(),
        theirs: None,
        checkpoint_depth: 0,
        undo_depth: 0,
        redo_depth: 0,
        steps: 0,
        checked: None,
        checked_theirs: None,
        checked_scenarios: Vec::new(),
    }
}

impl World {
    /// Runs one step, then checks everything; `Err` says what broke.
    pub fn step(&mut self, op: &Op) -> Result<(), String> {
        self.steps += 1;
        let rev = self.ours.wb.revision();
        self.run(op)?;
        // A recorded change moves the revision once; undo and redo are counted in `run`.
        if !matches!(op, Op::Undo | Op::Redo | Op::Reopen { .. } | Op::CheckIn)
            && self.ours.wb.revision() != rev
        {
            if self.ours.wb.revision() != rev + 1 {
                return Err(format!("{op:?} moved the revision by more than one"));
            }
            self.undo_depth += 1;
            self.redo_depth = 0;
        }
        if self.undo_depth < self.checkpoint_depth {
            // Undone past the checkpoint: the plan here is the new point to return to.
            self.checkpoint = self.ours.wb.plan().clone();
            self.checkpoint_depth = self.undo_depth;
        }
        check_all(self)
    }

    fn run(&mut self, op: &Op) -> Result<(), String> {
        match op {
            Op::Edit(e) => edit(&mut self.ours.wb, e, &mut self.ctx),
            // ui::views::toolbar: undo and redo; each is refused exactly when nothing is left.
            Op::Undo => {
                let ok = self.ours.wb.undo().is_ok();
                if ok != (self.undo_depth > 0) {
                    return Err(format!("undo {ok} with {} steps", self.undo_depth));
                }
                if ok {
                    self.undo_depth -= 1;
                    self.redo_depth += 1;
                }
                Ok(())
            }
            Op::Redo => {
                let ok = self.ours.wb.redo().is_ok();
                if ok != (self.redo_depth > 0) {
                    return Err(format!("redo {ok} with {} steps", self.redo_depth));
                }
                if ok {
                    self.redo_depth -= 1;
                    self.undo_depth += 1;
                }
                Ok(())
            }
            // ui::panels::reforecast: the baselines written into the future forecast, one change.
            Op::Reforecast => {
                let changes = reforecast(self.ours.wb.plan());
                guarded(&mut self.ours.wb, "Re-forecast", Edit::Cells(changes))
            }
            Op::SayWho(k) => {
                self.ours.wb.set_user(PEOPLE[*k as usize % PEOPLE.len()]);
                Ok(())
            }
            Op::NewScenario {
                quick,
                target,
                value,
            } => self.new_scenario(*quick, *target, *value),
            Op::ScenarioEdit { which, edit: e } => match self.scenarios.len() {
                0 => Ok(()),
                n => {
                    let s = &mut self.scenarios[*which as usize % n];
                    edit(&mut s.workbook, e, &mut self.ctx)
                }
            },
            // ui::panels::scenarios: promote is one undoable change of the plan.
            Op::Promote(which) => match self.scenarios.len() {
                0 => Ok(()),
                n => {
                    let s = &self.scenarios[*which as usize % n];
                    let new = promoted(s.workbook.plan(), self.ours.wb.plan());
                    let label = format!("Promote scenario {}", s.name);
                    guarded(&mut self.ours.wb, &label, Edit::ReplacePlan(Box::new(new)))
                }
            },
            Op::DeleteScenario(which) => {
                if !self.scenarios.is_empty() {
                    let n = self.scenarios.len();
                    self.scenarios.remove(*which as usize % n);
                }
                Ok(())
            }
            Op::CheckIn => {
                check_in(&mut self.ours, self.ctx.today, &mut self.ctx.token);
                self.set_checkpoint();
                Ok(())
            }
            Op::Reopen { weeks } => self.reopen(*weeks),
            Op::Share => self.share(),
            Op::Colleague(e) => match &mut self.theirs {
                Some(t) => edit(&mut t.wb, e, &mut self.ctx),
                None => Ok(()),
            },
            Op::Merge { picks } => self.merge(picks),
            Op::ColleagueMerge { picks } => self.colleague_merge(picks),
            Op::ColleagueCheckIn => {
                if let Some(t) = &mut self.theirs {
                    check_in(t, self.ctx.today, &mut self.ctx.token);
                }
                Ok(())
            }
            Op::OpenOther(seed) => self.open_other(*seed),
        }
    }

    /// The scenarios as ui::panels::scenarios saves them.
    pub fn saved_scenarios(&self) -> Vec<SavedScenario> {
        self.scenarios
            .iter()
            .map(|s| SavedScenario {
                name: s.name.clone(),
                author: s.author.clone(),
                made: s.made.clone(),
                plan: s.workbook.plan().clone(),
            })
            .collect()
    }

    /// Undo from here can go back no further than now: a step that is not in the history
    /// (check-in, reopening the app) happened.
    fn set_checkpoint(&mut self) {
        self.checkpoint = self.ours.wb.plan().clone();
        self.checkpoint_depth = self.undo_depth;
    }

    /// ui::panels::scenarios `create`: a copy of the plan, optionally with a quick change.
    fn new_scenario(&mut self, quick: u8, target: u8, value: i16) -> Result<(), String> {
        let wb = &self.ours.wb;
        let taken: Vec<&str> = self.scenarios.iter().map(|s| s.name.as_str()).collect();
        let name = format!("Scenario {}", self.ctx.token);
        self.ctx.token += 1;
        let who = wb.user().unwrap_or("someone").to_string();
        let made = self.ctx.today.to_string();
        let Ok(mut s) = Scenario::copy_of(wb.plan(), &name, &who, &made, &taken) else {
            return Err(format!("scenario {name} refused"));
        };
        s.workbook.set_user(wb.user().unwrap_or_default());
        let cal = &wb.plan().calendar;
        let target = super::desk::target_of(wb, target);
        let change = match quick % 3 {
            1 => Some(QuickChange::Demand {
                target,
                first: cal.label(cal.current() as isize + 1),
                last: cal.label(cal.current() as isize + 6),
                percent: value as f64,
            }),
            2 => Some(QuickChange::ReceiptsLate {
                target,
                weeks: value.unsigned_abs() as usize % 5,
            }),
            _ => None,
        };
        if let Some(c) = change {
            match c.edits(s.workbook.plan()) {
                Ok((edit, what)) => guarded(&mut s.workbook, &what, edit)?,
                Err(_) => return Ok(()),
            }
        }
        self.scenarios.push(s);
        Ok(())
    }

    /// ui::app on a later day: what autosave wrote is read back and rolled to the new week;
    /// a new workbook (empty history); the scenarios read back and rolled too. The
    /// colleague's browser opens on the same day.
    fn reopen(&mut self, weeks: u8) -> Result<(), String> {
        self.ctx.today += chrono::Duration::weeks(weeks as i64);
        let day = self.ctx.today;
        self.ours = reopened(&self.ours, day)?;
        if let Some(t) = &self.theirs {
            self.theirs = Some(reopened(t, day)?);
        }
        let back = decode_scenarios(&encode_scenarios(&self.saved_scenarios(), "t1"))
            .map_err(|e| format!("saved scenarios unreadable: {e}"))?;
        self.scenarios = back
            .list
            .into_iter()
            .map(|s| {
                let mut wb = Workbook::new(roll_to(&s.plan, day));
                wb.set_user(self.ours.wb.user().unwrap_or_default());
                Scenario {
                    name: s.name,
                    author: s.author,
                    made: s.made,
                    workbook: wb,
                }
            })
            .collect();
        self.undo_depth = 0;
        self.redo_depth = 0;
        self.set_checkpoint();
        Ok(())
    }

    /// ui::app "Save plan file", opened by the colleague in their browser (their own plan
    /// is replaced; the check-in the file carries is kept, as the import dialog's `adopt`).
    fn share(&mut self) -> Result<(), String> {
        let text = save_plan_file(&self.ours);
        let file = read_shared(&text).map_err(|e| format!("our plan file unreadable: {e}"))?;
        let mut wb = Workbook::new(file.plan);
        wb.set_user(COLLEAGUE);
        let mut snapshots = Vec::new();
        if let Some(b) = file.base {
            keep(&mut snapshots, b);
        }
        self.theirs = Some(Copy { wb, snapshots });
        Ok(())
    }

    /// ui::dialogs::import_dialog: the colleague's plan file opened here.
    fn merge(&mut self, picks: &[bool]) -> Result<(), String> {
        let Some(t) = &self.theirs else {
            return Ok(());
        };
        open_file(&mut self.ours, &save_plan_file(t), picks)
    }

    /// The colleague opens our plan file in their copy (merging it into theirs).
    fn colleague_merge(&mut self, picks: &[bool]) -> Result<(), String> {
        let text = save_plan_file(&self.ours);
        match &mut self.theirs {
            Some(t) => open_file(t, &text, picks),
            None => Ok(()),
        }
    }

    /// A plan file of another plan (another brand's, or a copy made before this plan had
    /// its id) opened here: it replaces the plan, undoably.
    fn open_other(&mut self, seed: u8) -> Result<(), String> {
        let mut plan = generated_plan(self.ctx.today, 2 + seed as usize % 3, 1, 2, 10);
        plan.meta.id = format!("plan-other-{seed}");
        open_file(&mut self.ours, &sop_grid::planfile::write(&plan), &[])
    }
}

/// ui::dialogs::import_dialog `apply` for a plan file: it merges into the copy when it is the same
/// plan (against the shared check-in, with the planner's picks), else replaces it; one
/// undoable change either way, and the check-in the file came with is kept.
fn open_file(copy: &mut Copy, text: &str, picks: &[bool]) -> Result<(), String> {
    let file = read_shared(text).map_err(|e| format!("plan file unreadable: {e}"))?;
    let me = copy.wb.user().unwrap_or("this copy").to_string();
    let ours = copy.wb.plan_to_save();
    let rev = copy.wb.revision();
    let base = match opening(&ours, &me, &copy.snapshots, &file) {
        Opening::Merge { merge, base } => {
            let sides: Vec<Side> = (0..merge.conflicts.len())
                .map(|i| match picks.get(i % picks.len().max(1)) {
                    Some(true) => Side::Theirs,
                    _ => Side::Ours,
                })
                .collect();
            let merged = merge.resolve(&sides);
            let edit = Edit::ReplacePlan(Box::new(merged));
            guarded(&mut copy.wb, "Merge plan file", edit)?;
            base.map(|b| *b)
        }
        Opening::Replace => {
            let edit = Edit::ReplacePlan(Box::new(file.plan));
            guarded(&mut copy.wb, "Open plan file", edit)?;
            file.base
        }
    };
    if copy.wb.revision() != rev {
        if let Some(b) = base {
            keep(&mut copy.snapshots, b);
        }
    }
    Ok(())
}

/// ui::panels::checkin `start`: a snapshot of the plan as saved, then the plan names it as its base.
pub fn check_in(copy: &mut Copy, today: NaiveDate, token: &mut u64) {
    *token += 1;
    let plan = copy.wb.plan_to_save();
    let cal = &plan.calendar;
    let snapshot = Snapshot {
        id: format!(
            "{}-{}-{token:x}",
            plan.meta.id,
            cal.label(cal.current() as isize)
        ),
        taken: today.to_string(),
        author: copy.wb.user().unwrap_or("").to_string(),
        plan,
    };
    let id = snapshot.id.clone();
    keep(&mut copy.snapshots, snapshot);
    let meta = PlanMeta {
        base: Some(id),
        ..copy.wb.plan().meta.clone()
    };
    copy.wb.set_meta(meta);
}

/// ui::app `save`: the plan file of a copy, with the check-in it shares.
pub fn save_plan_file(copy: &Copy) -> String {
    let mut plan = copy.wb.plan_to_save();
    plan.meta.author = copy.wb.user().unwrap_or("").to_string();
    let base = plan
        .meta
        .base
        .as_ref()
        .and_then(|id| copy.snapshots.iter().find(|s| &s.id == id));
    write_shared(&plan, base)
}

/// A copy saved by autosave and opened again on `day` (ui::app, ui::browser::autosave).
fn reopened(copy: &Copy, day: NaiveDate) -> Result<Copy, String> {
    let text = encode(&Stored {
        plan: copy.wb.plan_to_save(),
        snapshots: copy.snapshots.clone(),
    });
    let stored = decode(&text).map_err(|e| format!("saved plan unreadable on reopen: {e}"))?;
    let mut wb = Workbook::new(roll_to(&stored.plan, day));
    wb.set_user(copy.wb.user().unwrap_or_default());
    Ok(Copy {
        wb,
        snapshots: stored.snapshots,
    })
}
