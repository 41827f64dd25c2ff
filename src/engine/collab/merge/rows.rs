//! The copies lined up: the merged plan's SKUs by code and where each sits in every copy,
//! and a week's cell read the same way from any copy.

use crate::engine::collab::conflict::Value;
use crate::engine::model::plan::Plan;
use crate::engine::model::series::{SeriesField, SkuSeries};
use std::collections::{BTreeMap, BTreeSet};

/// One SKU of the merged plan and where it sits in each copy.
pub(super) struct Row<'p> {
    pub(super) code: &'p str,
    pub(super) base: Option<usize>,
    pub(super) ours: Option<usize>,
    pub(super) theirs: Option<usize>,
}

/// The merged plan's SKUs in order. Three-way: the check-in's order, then SKUs added in
/// either copy by code (the same whichever side merges). Two-way: ours, then theirs' others.
/// A code held twice in one plan counts once (its first row).
pub(super) fn rows<'p>(base: Option<&'p Plan>, ours: &'p Plan, theirs: &'p Plan) -> Vec<Row<'p>> {
    fn index(p: &Plan) -> BTreeMap<&str, usize> {
        let mut m = BTreeMap::new();
        for (i, prod) in p.products.iter().enumerate() {
            m.entry(prod.sku.as_str()).or_insert(i);
        }
        m
    }
    let (o, t) = (index(ours), index(theirs));
    let b = base.map(index).unwrap_or_default();
    let in_order = |p: &'p Plan, idx: &BTreeMap<&str, usize>| -> Vec<&'p str> {
        p.products
            .iter()
            .enumerate()
            .filter(|(i, prod)| idx.get(prod.sku.as_str()) == Some(i))
            .map(|(_, prod)| prod.sku.as_str())
            .collect()
    };
    let codes: Vec<&str> = match base {
        Some(bp) => {
            let mut codes: Vec<&str> = in_order(bp, &b)
                .into_iter()
                .filter(|c| o.contains_key(c) || t.contains_key(c))
                .collect();
            let added: BTreeSet<&str> = o
                .keys()
                .chain(t.keys())
                .copied()
                .filter(|c| !b.contains_key(c))
                .collect();
            codes.extend(added);
            codes
        }
        None => {
            let mut codes = in_order(ours, &o);
            codes.extend(
                in_order(theirs, &t)
                    .into_iter()
                    .filter(|c| !o.contains_key(c)),
            );
            codes
        }
    };
    codes
        .into_iter()
        .map(|code| Row {
            code,
            base: b.get(code).copied(),
            ours: o.get(code).copied(),
            theirs: t.get(code).copied(),
        })
        .collect()
}

/// A cell's value; `None` when the series does not reach that week.
pub(super) fn cell(s: &SkuSeries, field: SeriesField, week: usize) -> Option<Value> {
    Some(Value::Qty(match field {
        SeriesField::Consensus => *s.consensus.get(week)?,
        _ => Some(s.get(field, week)?),
    }))
}

/// A cell nobody has filled: zero, or for the consensus not set.
pub(super) fn empty(field: SeriesField) -> Value {
    Value::Qty((!field.is_optional()).then_some(crate::engine::model::qty::Qty::ZERO))
}
