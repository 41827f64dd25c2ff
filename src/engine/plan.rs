//! The plan: the calendar, the products and their input series. Everything a planner owns;
//! nothing derived (that lives in [`super::workbook::Workbook`]).

use super::calendar::Calendar;
use super::product::Product;
use super::qty::Qty;
use super::series::SkuSeries;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub calendar: Calendar,
    pub products: Vec<Product>,
    /// One entry per product, same order.
    pub series: Vec<SkuSeries>,
    /// Optional weekly production or supply capacity per family, in units.
    pub capacity: BTreeMap<String, Qty>,
}

impl Plan {
    pub fn new(calendar: Calendar) -> Plan {
        Plan {
            calendar,
            products: Vec::new(),
            series: Vec::new(),
            capacity: BTreeMap::new(),
        }
    }

    /// Adds a product with all-zero series; returns its index.
    pub fn add_product(&mut self, product: Product) -> usize {
        self.products.push(product);
        self.series.push(SkuSeries::zeros(self.calendar.len()));
        self.products.len() - 1
    }

    pub fn sku_index(&self, sku: &str) -> Option<usize> {
        self.products.iter().position(|p| p.sku == sku)
    }
}
