//! Opening a plan file of the same plan: the merge, shown in the import dialog's file card.
//! What was taken from the other copy is summed up; each conflict (a value both copies changed
//! differently) is listed with both values and who made them, to pick one by one or all at
//! once. Applying is one undoable change.

use crate::engine::collab::conflict::Side;
use crate::engine::collab::merge::{three_way, two_way, Merge};
use crate::engine::model::checkin::Snapshot;
use crate::engine::Plan;
use crate::planfile::PlanFile;
use leptos::prelude::*;

/// How the file relates to the plan open here.
#[derive(Clone, Debug)]
pub enum Opening {
    /// Another plan (or this one has no id yet): opening replaces it, undoably.
    Replace,
    /// The same plan: merged three ways against the shared check-in, or two ways without one.
    Merge {
        merge: Box<Merge>,
        /// The check-in merged against (`None`: a two-way comparison).
        base: Option<Box<Snapshot>>,
    },
}

/// Decides how to open `file` here. The base is the check-in the file names, found among
/// ours, or the copy the file carries when ours names the same check-in; failing both, the
/// two copies are compared two ways.
pub fn opening(ours: &Plan, me: &str, snapshots: &[Snapshot], file: &PlanFile) -> Opening {
    let theirs = &file.plan;
    if ours.meta.id.is_empty() || theirs.meta.id != ours.meta.id {
        return Opening::Replace;
    }
    let by = if theirs.meta.author.is_empty() {
        "someone".to_string()
    } else {
        theirs.meta.author.clone()
    };
    let base: Option<Box<Snapshot>> = theirs
        .meta
        .base
        .as_ref()
        .and_then(|id| {
            snapshots.iter().find(|s| &s.id == id).cloned().or_else(|| {
                file.base
                    .clone()
                    .filter(|_| ours.meta.base.as_ref() == Some(id))
            })
        })
        .map(Box::new);
    let merge = match &base {
        Some(b) => three_way(&b.plan, ours, theirs, me, &by),
        None => two_way(ours, theirs, me, &by),
    };
    Opening::Merge {
        merge: Box::new(merge),
        base,
    }
}

/// The merge part of a file card; `picks` holds one choice per conflict.
pub fn merge_section(
    merge: &Merge,
    base: Option<&Snapshot>,
    picks: RwSignal<Vec<Side>>,
) -> impl IntoView {
    let against = match base {
        Some(b) => format!(
            "Merged against the check-in of {} ({}).",
            b.taken,
            if b.author.is_empty() { "unknown" } else { &b.author }
        ),
        None => "No check-in in common was found: this is a two-way comparison, every difference is yours to pick.".to_string(),
    };
    let report = merge
        .report
        .iter()
        .map(|r| view! { <li>{r.clone()}</li> })
        .collect_view();
    let n = merge.conflicts.len();
    // Both values in full, in the user's locale (the engine's text writes dot decimals).
    let loc = crate::ui::browser::locale::current();
    let rows = merge
        .conflicts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let pick = move |side: Side| {
                picks.update(|p| {
                    if let Some(slot) = p.get_mut(i) {
                        *slot = side;
                    }
                })
            };
            let is = move |side: Side| picks.with(|p| p.get(i) == Some(&side));
            let name = format!("conflict-{i}");
            view! {
                <tr data-testid="merge-conflict" data-sku=c.sku.clone()>
                    <td><b>{c.sku.clone()}</b></td>
                    <td>{c.what.clone()}</td>
                    <td class="num">{c.base.as_ref().map_or_else(|| c.base_shown.clone(), |v| loc.conflict_value(v))}</td>
                    <td class="num"><label><input type="radio" name=name.clone() data-testid="pick-ours"
                        prop:checked=move || is(Side::Ours) on:change=move |_| pick(Side::Ours) />
                        {format!(" {} ", loc.conflict_value(&c.ours))}<span class="by">{c.ours_by.clone()}</span></label></td>
                    <td class="num"><label><input type="radio" name=name data-testid="pick-theirs"
                        prop:checked=move || is(Side::Theirs) on:change=move |_| pick(Side::Theirs) />
                        {format!(" {} ", loc.conflict_value(&c.theirs))}<span class="by">{c.theirs_by.clone()}</span></label></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="merge" data-testid="merge">
            <p class="summary" data-testid="merge-summary">{against}</p>
            <ul class="report">{report}</ul>
            {(n > 0).then(|| view! {
                <div class="conflicts">
                    <div class="conflict-head"><b>{format!("{n} conflict(s): both copies changed these differently")}</b>
                        <button data-testid="merge-all-ours" on:click=move |_| picks.update(|p| p.iter_mut().for_each(|s| *s = Side::Ours))>"Keep all mine"</button>
                        <button data-testid="merge-all-theirs" on:click=move |_| picks.update(|p| p.iter_mut().for_each(|s| *s = Side::Theirs))>"Take all theirs"</button>
                    </div>
                    <div class="sample"><table data-testid="merge-conflicts">
                        <thead><tr><th>"SKU"</th><th>"What"</th><th>"At the check-in"</th><th>"Mine"</th><th>"Theirs"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table></div>
                </div>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_plan;
    use chrono::NaiveDate;

    fn plans() -> (Plan, Snapshot) {
        let mut ours = demo_plan(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default());
        ours.meta.id = "plan-1".to_string();
        let check_in = Snapshot {
            id: "plan-1-W48-a".to_string(),
            taken: "2026-11-23".to_string(),
            author: "Kim (CEO)".to_string(),
            plan: ours.clone(),
        };
        (ours, check_in)
    }

    fn file(plan: Plan, base: Option<Snapshot>) -> PlanFile {
        PlanFile { plan, base }
    }

    #[test]
    fn the_base_is_ours_or_the_files_copy_when_shared_else_a_two_way_comparison() {
        let (mut ours, check_in) = plans();
        let mut theirs = ours.clone();
        theirs.meta.base = Some(check_in.id.clone());
        let base_of = |o: &Opening| match o {
            Opening::Merge { base, .. } => Some(base.as_ref().map(|b| b.id.clone())),
            Opening::Replace => None,
        };
        // We kept that check-in: merged against it.
        let o = opening(
            &ours,
            "Ana (Sales)",
            std::slice::from_ref(&check_in),
            &file(theirs.clone(), None),
        );
        assert_eq!(base_of(&o), Some(Some(check_in.id.clone())));
        // We do not have it, but it is ours too (our base names it): the file's copy is used.
        ours.meta.base = Some(check_in.id.clone());
        let o = opening(
            &ours,
            "Ana (Sales)",
            &[],
            &file(theirs.clone(), Some(check_in.clone())),
        );
        assert_eq!(base_of(&o), Some(Some(check_in.id.clone())));
        // A check-in we never shared (our base is another one): unknown, so two ways.
        ours.meta.base = Some("plan-1-W47-z".to_string());
        let o = opening(
            &ours,
            "Ana (Sales)",
            &[],
            &file(theirs.clone(), Some(check_in)),
        );
        assert_eq!(base_of(&o), Some(None));
        // Another plan: replace, whatever its check-ins.
        theirs.meta.id = "plan-2".to_string();
        let o = opening(&ours, "Ana (Sales)", &[], &file(theirs, None));
        assert_eq!(base_of(&o), None);
    }
}
