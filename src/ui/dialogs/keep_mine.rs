//! "Keep mine" when another tab saved the plan: before this tab writes over the other tab's
//! newer work, say what differs (read from the copy that tab stored, compared value by value
//! with the engine's two-way merge), and keep their copy aside under Recovered data.

use crate::engine::collab::conflict::Place;
use crate::engine::collab::merge::two_way;
use crate::engine::Plan;
use std::collections::BTreeSet;

/// How the other tab's stored plan differs from this tab's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Differences {
    /// Weekly cells (forecast, actuals, receipts…) whose values differ.
    pub cells: usize,
    /// Product fields (on hand, price, lead time…) and family capacities that differ.
    pub fields: usize,
    /// Demand events that differ (changed, added or removed in one tab).
    pub events: usize,
    /// SKUs with any difference.
    pub skus: usize,
    /// SKUs only their copy has: keeping mine drops them.
    pub only_theirs: Vec<String>,
}

/// Compares this tab's plan (`mine`) with the other tab's stored one.
pub fn differences(mine: &Plan, theirs: &Plan) -> Differences {
    let merge = two_way(mine, theirs, "this tab", "the other tab");
    let mut skus = BTreeSet::new();
    let mut d = Differences::default();
    for c in &merge.conflicts {
        match c.at {
            Place::Cell { .. } | Place::Channel { .. } => d.cells += 1,
            Place::Product { .. } | Place::Capacity(_) | Place::Location { .. } => d.fields += 1,
            Place::Event(_) => {
                d.events += 1;
                continue;
            }
        }
        if !c.sku.starts_with("family:") {
            skus.insert(c.sku.clone());
        }
    }
    skus.extend(merge.added_from_theirs.iter().cloned());
    d.skus = skus.len();
    d.only_theirs = merge.added_from_theirs.clone();
    d
}

/// The sentence the confirm step shows.
pub fn sentence(d: &Differences) -> String {
    if d.cells == 0 && d.fields == 0 && d.events == 0 && d.only_theirs.is_empty() {
        return "The other tab's plan holds the same values as yours.".to_string();
    }
    let mut parts = Vec::new();
    if d.cells > 0 || d.fields > 0 {
        parts.push(format!(
            "{} weekly value(s) and {} product value(s), across {} SKU(s)",
            d.cells, d.fields, d.skus
        ));
    }
    if d.events > 0 {
        parts.push(format!("{} demand event(s)", d.events));
    }
    let mut s = if parts.is_empty() {
        "The other tab's plan differs from yours.".to_string()
    } else {
        format!(
            "The other tab's plan differs from yours in {}.",
            parts.join(" and in ")
        )
    };
    if !d.only_theirs.is_empty() {
        s.push_str(&format!(
            " Only theirs has {}: keeping yours drops {}.",
            d.only_theirs.join(", "),
            if d.only_theirs.len() == 1 {
                "it"
            } else {
                "them"
            }
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_plan;
    use crate::engine::{Product, Qty};

    #[test]
    fn counts_differing_cells_fields_and_skus_only_they_have() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mine = demo_plan(day);
        let mut theirs = mine.clone();
        assert_eq!(differences(&mine, &theirs), Differences::default());
        assert_eq!(
            sentence(&Differences::default()),
            "The other tab's plan holds the same values as yours."
        );
        // Two forecast weeks of the first SKU and the on hand of the second.
        let first = theirs.products[0].sku.clone();
        let s = theirs.series_mut(0);
        s.forecast[10] = Qty::units(999);
        s.forecast[11] = Qty::units(998);
        theirs.products[1].on_hand = Qty::units(4321);
        theirs.add_product(Product::new("NEW-1", "New one", "Candles"));
        let d = differences(&mine, &theirs);
        assert_eq!(
            d,
            Differences {
                cells: 2,
                fields: 1,
                events: 0,
                skus: 3,
                only_theirs: vec!["NEW-1".to_string()],
            },
            "{first}: two forecast weeks, one on hand, one new SKU"
        );
        assert_eq!(
            sentence(&d),
            "The other tab's plan differs from yours in 2 weekly value(s) and 1 product value(s), across 3 SKU(s). Only theirs has NEW-1: keeping yours drops it."
        );
    }

    #[test]
    fn an_event_only_the_other_tab_has_is_counted_and_said() {
        use crate::engine::model::event::{DemandEvent, Lift};
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mine = demo_plan(day);
        let mut theirs = mine.clone();
        theirs.events.push(DemandEvent {
            id: "e1".into(),
            name: "Black Friday".into(),
            target: mine.products[0].sku.clone(),
            first: "2026-W48".into(),
            last: "2026-W48".into(),
            lift: Lift::Percent(Qty::units(20)),
            active: true,
            author: "Ana (Sales)".into(),
        });
        let d = differences(&mine, &theirs);
        assert_eq!((d.cells, d.fields, d.events, d.skus), (0, 0, 1, 0));
        assert_eq!(
            sentence(&d),
            "The other tab's plan differs from yours in 1 demand event(s)."
        );
    }
}
