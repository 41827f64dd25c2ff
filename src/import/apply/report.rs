//! What an import did, in words a planner reads: what was left out (counted in records and
//! in units), how many values changed, and per SKU what changed (the "details" list).

use super::Applied;
use crate::engine::{Edit, Plan, Product, Qty, SeriesField};
use crate::import::error::plural;
use crate::sheet::locale::Locale;
use std::collections::BTreeMap;

/// Why records were left out or moved: "{count} {noun} {what}".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Why {
    pub one: &'static str,
    pub many: &'static str,
    pub what: &'static str,
}

const fn why(one: &'static str, many: &'static str, what: &'static str) -> Why {
    Why { one, many, what }
}

pub const UNKNOWN_ROWS: Why = why("row", "rows", "of SKUs not in the plan");
pub const UNKNOWN_SKU_WEEKS: Why = why("SKU-week", "SKU-weeks", "of SKUs not in the plan");
pub const NOT_ACTUALS_YET: Why = why(
    "SKU-week",
    "SKU-weeks",
    "of sales not past yet (the current week or later)",
);
pub const SALES_OUTSIDE: Why = why("SKU-week", "SKU-weeks", "of sales outside the plan");
pub const OVERDUE: Why = why(
    "overdue receipt",
    "overdue receipts",
    "moved to the current week",
);
pub const RECEIPTS_AFTER: Why = why("receipt", "receipts", "after the end of the plan");
pub const FORECAST_WEEKS_OUTSIDE: Why =
    why("SKU-week", "SKU-weeks", "of forecast outside the plan");
pub const FORECAST_MONTHS_OUTSIDE: Why =
    why("SKU-month", "SKU-months", "of forecast outside the plan");

/// Records left out or moved for one reason, and their units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    pub why: Why,
    pub count: usize,
    pub units: Qty,
}

impl LeftOut {
    /// "16 SKU-weeks of sales outside the plan, 154 units".
    pub fn text(&self, locale: &Locale) -> String {
        let mut s = format!(
            "{} {}",
            plural(self.count, self.why.one, self.why.many),
            self.why.what
        );
        if self.units != Qty::ZERO {
            s.push_str(&format!(", {}", units(self.units, locale)));
        }
        s
    }
}

/// "1 unit", "1.234,5 units".
fn units(q: Qty, locale: &Locale) -> String {
    let noun = if q == Qty::units(1) { "unit" } else { "units" };
    format!("{} {noun}", locale.units(q))
}

/// What an import changes for one SKU.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkuChange {
    pub sku: String,
    /// The SKU is new to the plan.
    pub added: bool,
    /// One phrase per thing changed: "on hand 40 → 45", "actual sales in 3 weeks: 12 → 15 units".
    pub changes: Vec<String>,
}

/// What an import changes: values counted one per cell or product field that differs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub values: usize,
    /// SKUs with a change, in the plan's order (added SKUs last).
    pub skus: Vec<SkuChange>,
}

/// The report of what `edit` (an import's batch) changes in `plan`, before it is applied.
pub fn report(plan: &Plan, edit: &Edit, locale: &Locale) -> Report {
    let mut parts: Vec<&Edit> = Vec::new();
    flatten(edit, &mut parts);
    let n = plan.products.len();
    let mut added: Vec<&Product> = Vec::new();
    let mut products: BTreeMap<usize, &Product> = BTreeMap::new();
    let mut cells = CellChanges::new();
    for part in parts {
        match part {
            Edit::AddProduct(p) => added.push(p),
            Edit::Product { sku, product } => {
                products.insert(*sku, product);
            }
            Edit::Cells(v) => {
                for c in v {
                    let old = plan
                        .series
                        .get(c.sku)
                        .and_then(|s| s.get(c.field, c.week))
                        .unwrap_or(Qty::ZERO);
                    let new = c.value.unwrap_or(Qty::ZERO);
                    count_cell(&mut cells, c.sku, c.field, old, new);
                }
            }
            // Sales by channel: the plan's actual sales become the channels' week totals.
            Edit::Channels { sku, channels } => {
                let weeks = channels.values().map(Vec::len).max().unwrap_or(0);
                for w in 0..weeks {
                    let new = channels.values().fold(Qty::ZERO, |sum, v| {
                        Qty(sum
                            .0
                            .saturating_add(v.get(w).copied().unwrap_or(Qty::ZERO).0))
                    });
                    let old = plan
                        .series
                        .get(*sku)
                        .and_then(|s| s.get(SeriesField::Actual, w))
                        .unwrap_or(Qty::ZERO);
                    count_cell(&mut cells, *sku, SeriesField::Actual, old, new);
                }
            }
            _ => {}
        }
    }
    let mut out = Report::default();
    let count = n + added.len();
    for i in 0..count {
        let (before, after, is_new) = match (plan.products.get(i), added.get(i.wrapping_sub(n))) {
            (Some(p), _) => (p.clone(), products.get(&i).copied().unwrap_or(p), false),
            (None, Some(p)) => (Product::new(&p.sku, &p.sku, &p.family), *p, true),
            (None, None) => continue,
        };
        let mut changes = Vec::new();
        product_changes(&before, after, locale, &mut changes);
        out.values += changes.len();
        for (field, weeks, old, new) in cells.get(&i).into_iter().flatten() {
            out.values += weeks;
            changes.push(format!(
                "{} in {}: {} → {}",
                field_name(*field),
                plural(*weeks, "week", "weeks"),
                locale.units(*old),
                units(*new, locale)
            ));
        }
        if is_new || !changes.is_empty() {
            out.skus.push(SkuChange {
                sku: after.sku.clone(),
                added: is_new,
                changes,
            });
        }
    }
    out
}

/// Per SKU and field: (weeks changed, old total, new total) of the cells that differ.
type CellChanges = BTreeMap<usize, Vec<(SeriesField, usize, Qty, Qty)>>;

/// One cell of an import counted when its value differs.
fn count_cell(cells: &mut CellChanges, sku: usize, field: SeriesField, old: Qty, new: Qty) {
    if old == new {
        return;
    }
    let fields = cells.entry(sku).or_default();
    let i = match fields.iter().position(|f| f.0 == field) {
        Some(i) => i,
        None => {
            fields.push((field, 0, Qty::ZERO, Qty::ZERO));
            fields.len() - 1
        }
    };
    let f = &mut fields[i];
    f.1 += 1;
    f.2 = Qty(f.2 .0.saturating_add(old.0));
    f.3 = Qty(f.3 .0.saturating_add(new.0));
}

fn flatten<'a>(edit: &'a Edit, out: &mut Vec<&'a Edit>) {
    match edit {
        Edit::Batch(v) => v.iter().for_each(|e| flatten(e, out)),
        e => out.push(e),
    }
}

/// The product fields an import sets, each one value when it differs.
fn product_changes(before: &Product, after: &Product, locale: &Locale, out: &mut Vec<String>) {
    if before.name != after.name {
        out.push(format!("name '{}' → '{}'", before.name, after.name));
    }
    if before.family != after.family {
        out.push(format!("family '{}' → '{}'", before.family, after.family));
    }
    if before.on_hand != after.on_hand {
        out.push(format!(
            "on hand {} → {}",
            locale.units(before.on_hand),
            locale.units(after.on_hand)
        ));
    }
    for (what, old, new) in [
        ("unit cost", before.unit_cost, after.unit_cost),
        ("unit price", before.unit_price, after.unit_price),
    ] {
        if old != new {
            out.push(format!(
                "{what} {} → {}",
                locale.fixed(old.0 as f64 / 100.0, 2),
                locale.fixed(new.0 as f64 / 100.0, 2)
            ));
        }
    }
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

fn field_name(field: SeriesField) -> &'static str {
    match field {
        SeriesField::Actual => "actual sales",
        SeriesField::Forecast => "forecast",
        SeriesField::Consensus => "consensus",
        SeriesField::ConfirmedReceipts => "confirmed receipts",
        SeriesField::PlannedReceipts => "planned receipts",
    }
}

/// The status line after an import: "Imported orders.csv: 48 values changed for 16 SKUs,
/// 2 SKUs added. Left out: 16 SKU-weeks of sales outside the plan, 154 units. Undo with
/// Ctrl+Z." No brackets, so nothing nests.
pub fn status_line(file: &str, report: &Report, applied: &Applied, locale: &Locale) -> String {
    let changed = report.skus.iter().filter(|s| !s.changes.is_empty()).count();
    let mut s = format!(
        "Imported {file}: {} changed",
        plural(report.values, "value", "values")
    );
    if report.values > 0 {
        s.push_str(&format!(" for {}", plural(changed, "SKU", "SKUs")));
    }
    if !applied.added.is_empty() {
        s.push_str(&format!(
            ", {} added",
            plural(applied.added.len(), "SKU", "SKUs")
        ));
    }
    s.push('.');
    let mut notes: Vec<String> = applied.left_out.iter().map(|l| l.text(locale)).collect();
    notes.extend(applied.notes.iter().skip(applied.left_out.len()).cloned());
    if !notes.is_empty() {
        s.push_str(&format!(" {}.", capitalized(&notes.join("; "))));
    }
    s.push_str(" Undo with Ctrl+Z.");
    s
}
