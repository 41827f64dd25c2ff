//! The plan: the calendar, the products and their input series. Everything a planner owns;
//! nothing derived (that lives in [`crate::engine::edit::workbook::Workbook`]).

use super::authors::Authors;
use super::calendar::Calendar;
use super::decision::Decision;
use super::event::DemandEvent;
use super::meta::PlanMeta;
use super::note::Note;
use super::product::Product;
use super::qty::Qty;
use super::series::{SeriesField, SkuSeries};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// What of a SKU someone changed: its product record, or one week of one input series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Slot {
    /// The product record (master data: name, costs, lead time…).
    Product,
    /// One week (index into the calendar) of one input series.
    Cell(SeriesField, usize),
}

/// Everything a planner owns and the plan file carries; derived rows live in the workbook.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The weeks the plan covers: history behind, horizon ahead.
    pub calendar: Calendar,
    /// The SKUs, in grid order; a SKU's index here is its index everywhere (series, derived).
    pub products: Vec<Product>,
    /// One entry per product, same order. Shared (copy on write) so a check-in snapshot of
    /// the plan costs a pointer per SKU, and unchanged SKUs are shared between snapshots.
    pub series: Vec<Arc<SkuSeries>>,
    /// Optional weekly production or supply capacity per family, in units.
    pub capacity: BTreeMap<String, Qty>,
    /// Identity and revision of this copy, so two copies can be recognised and merged.
    pub meta: PlanMeta,
    /// Notes left on SKUs and cells, in the order written.
    pub notes: Vec<Note>,
    /// Decisions of the check-ins, open and closed, in the order recorded.
    pub decisions: Vec<Decision>,
    /// Promotions and launches that lift the forecast (switched off ones kept).
    pub events: Vec<DemandEvent>,
    /// Who last changed what ("Ana (Sales)"), by SKU code; only changes made by someone who
    /// had said who they are.
    pub authors: Authors,
}

impl Plan {
    /// An empty plan over `calendar`: no products, notes, decisions or events.
    pub fn new(calendar: Calendar) -> Plan {
        Plan {
            calendar,
            products: Vec::new(),
            series: Vec::new(),
            capacity: BTreeMap::new(),
            meta: PlanMeta::default(),
            notes: Vec::new(),
            decisions: Vec::new(),
            events: Vec::new(),
            authors: Authors::default(),
        }
    }

    /// Adds a product with all-zero series; returns its index.
    pub fn add_product(&mut self, product: Product) -> usize {
        self.products.push(product);
        self.series
            .push(Arc::new(SkuSeries::zeros(self.calendar.len())));
        self.products.len() - 1
    }

    /// One SKU's series, to change (copied first if a snapshot shares it).
    pub fn series_mut(&mut self, sku: usize) -> &mut SkuSeries {
        Arc::make_mut(&mut self.series[sku])
    }

    /// The index of a SKU by its code; `None` when the plan has no such SKU.
    pub fn sku_index(&self, sku: &str) -> Option<usize> {
        self.products.iter().position(|p| p.sku == sku)
    }
}
