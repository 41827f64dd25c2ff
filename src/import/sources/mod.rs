//! One reader per kind of file a brand exports: Shopify orders, products and inventory,
//! Amazon orders and FBA inventory, purchase orders ([`receipts`]), sales history and
//! forecasts. Each turns a file's rows (through [`crate::import::read::cells::Cells`]) into
//! plan-independent [`crate::import::Records`] and the rows it left out.
//!
//! May import: `import::read` (cells, columns, dates, periods, table rows), `import::records`
//! and `import::error`, and the engine's model types. Never `import::apply`: a source knows
//! nothing of the plan.

pub mod amazon_inventory;
pub mod amazon_orders;
pub mod forecast;
pub mod receipts;
pub mod sales_history;
pub mod shopify_inventory;
pub mod shopify_orders;
pub mod shopify_products;
