//! Which rows the grid shows, in order: the total, then each family followed by its SKUs
//! (unless collapsed), each SKU with the view's measures. Filtering by text and "only
//! exceptions" happen here, so they are tested natively.

use super::periods::Period;
use crate::engine::calc::exceptions::Exception;
use crate::engine::{CellValue, Measure, Workbook};
use std::collections::BTreeSet;

/// Whose numbers a row shows: the engine's scope (a SKU, a family or the total).
pub type RowOwner = crate::engine::calc::kpi::Scope;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GridRow {
    pub owner: RowOwner,
    pub measure: Measure,
    /// First row of its SKU, family or total block (drawn with a rule above, shows the name).
    pub first: bool,
}

impl GridRow {
    /// The row's value in a period: a week's value, or the month's (flows summed, stocks
    /// at the last week).
    pub fn value(&self, wb: &Workbook, period: &Period) -> CellValue {
        match period.single_week() {
            Some(w) => wb.value(&self.owner, self.measure, w),
            None => wb.span_value(&self.owner, self.measure, period.weeks.clone()),
        }
    }

    /// The `data-sku` attribute: the SKU code, `family:<name>` or `total`.
    pub fn key(&self, wb: &Workbook) -> String {
        match &self.owner {
            RowOwner::Total => "total".to_string(),
            RowOwner::Family(f) => format!("family:{f}"),
            RowOwner::Sku(i) => wb.plan().products[*i].sku.clone(),
        }
    }
}

/// What the view asks for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowSpec {
    /// Measures of each SKU, in order.
    pub sku_measures: Vec<Measure>,
    /// Measures of family and total rows.
    pub group_measures: Vec<Measure>,
    pub collapsed: BTreeSet<String>,
    /// Case-insensitive text matched against SKU, name and family.
    pub filter: String,
    /// Only SKUs that are exceptions (and their families).
    pub only_exceptions: bool,
}

/// The rows to show. `exceptions` is the view's exception list (for the toggle).
pub fn build_rows(wb: &Workbook, spec: &RowSpec, exceptions: &[Exception]) -> Vec<GridRow> {
    let plan = wb.plan();
    let needle = spec.filter.trim().to_lowercase();
    let flagged: BTreeSet<usize> = exceptions.iter().map(|e| e.sku).collect();
    let keep = |i: usize| {
        let p = &plan.products[i];
        (!spec.only_exceptions || flagged.contains(&i))
            && (needle.is_empty()
                || p.sku.to_lowercase().contains(&needle)
                || p.name.to_lowercase().contains(&needle)
                || p.family.to_lowercase().contains(&needle))
    };
    // An events row only for SKUs an event (on or off) names, and their family and total.
    let evented: BTreeSet<usize> = plan
        .events
        .iter()
        .flat_map(|e| e.skus(&plan.products))
        .collect();
    let has_events = |owner: &RowOwner| match owner {
        RowOwner::Total => !evented.is_empty(),
        RowOwner::Family(f) => evented.iter().any(|&i| &plan.products[i].family == f),
        RowOwner::Sku(i) => evented.contains(i),
    };
    // A capacity row only where the family has a capacity.
    let group = |owner: RowOwner, rows: &mut Vec<GridRow>| {
        let measures = spec.group_measures.iter().filter(|&&m| {
            (m != Measure::Capacity || wb.capacity(&owner).is_some())
                && (m != Measure::Events || has_events(&owner))
        });
        for (k, &m) in measures.enumerate() {
            rows.push(GridRow {
                owner: owner.clone(),
                measure: m,
                first: k == 0,
            });
        }
    };
    let mut rows = Vec::new();
    group(RowOwner::Total, &mut rows);
    for family in wb.families().keys() {
        let members: Vec<usize> = (0..plan.products.len())
            .filter(|&i| &plan.products[i].family == family && keep(i))
            .collect();
        if members.is_empty() {
            continue;
        }
        group(RowOwner::Family(family.clone()), &mut rows);
        if spec.collapsed.contains(family) {
            continue;
        }
        for i in members {
            let owner = RowOwner::Sku(i);
            let measures = spec
                .sku_measures
                .iter()
                .filter(|&&m| m != Measure::Events || has_events(&owner));
            for (k, &m) in measures.enumerate() {
                rows.push(GridRow {
                    owner: RowOwner::Sku(i),
                    measure: m,
                    first: k == 0,
                });
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_plan;
    use chrono::NaiveDate;

    fn wb() -> Workbook {
        Workbook::new(demo_plan(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()))
    }

    fn spec() -> RowSpec {
        RowSpec {
            sku_measures: vec![Measure::Forecast, Measure::Projected],
            group_measures: vec![Measure::Projected],
            ..RowSpec::default()
        }
    }

    #[test]
    fn total_then_families_then_skus() {
        let wb = wb();
        let rows = build_rows(&wb, &spec(), &[]);
        // 1 total + 3 families + 40 SKUs × 2 measures.
        assert_eq!(rows.len(), 1 + 3 + 80);
        assert_eq!(rows[0].key(&wb), "total");
        assert_eq!(rows[1].key(&wb), "family:Candles");
        assert_eq!(
            (rows[2].key(&wb).as_str(), rows[2].measure, rows[2].first),
            ("CND-101", Measure::Forecast, true)
        );
        assert_eq!(
            (rows[3].key(&wb).as_str(), rows[3].measure, rows[3].first),
            ("CND-101", Measure::Projected, false)
        );
    }

    #[test]
    fn filter_collapse_and_only_exceptions() {
        let wb = wb();
        let mut s = spec();
        s.filter = "sea salt".into();
        let keys: Vec<String> = build_rows(&wb, &s, &[])
            .iter()
            .map(|r| r.key(&wb))
            .collect();
        // Sea Salt is a candle (CND-102) and a diffuser (DIF-112... whichever carry the scent).
        assert!(keys.contains(&"CND-102".to_string()));
        assert!(keys.iter().all(|k| k == "total"
            || k.starts_with("family:")
            || wb.plan().products[wb.plan().sku_index(k).unwrap()]
                .name
                .contains("Sea Salt")));
        let mut s = spec();
        s.collapsed.insert("Candles".into());
        let rows = build_rows(&wb, &s, &[]);
        assert!(rows.iter().all(
            |r| !matches!(r.owner, RowOwner::Sku(i) if wb.plan().products[i].family == "Candles")
        ));
        assert!(rows.iter().any(|r| r.key(&wb) == "family:Candles"));
        let mut s = spec();
        s.only_exceptions = true;
        let ex = wb.exceptions(13);
        let skus: BTreeSet<String> = build_rows(&wb, &s, &ex)
            .iter()
            .filter_map(|r| match r.owner {
                RowOwner::Sku(i) => Some(wb.plan().products[i].sku.clone()),
                _ => None,
            })
            .collect();
        let expected: BTreeSet<String> = ex
            .iter()
            .map(|e| wb.plan().products[e.sku].sku.clone())
            .collect();
        assert_eq!(skus, expected);
    }
}
