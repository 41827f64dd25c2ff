//! Which kind of file this is, from its header (and, to tell generic files apart, words in
//! the header and the file name). Shopify exports have distinctive columns; a generic file
//! with a SKU, a date and a quantity is sales history unless its words say purchase orders or
//! forecast. Amazon Seller Central reports are known by their hyphenated column names.

use super::columns::{normalize, Field, Mapping};
use super::dates::looks_like_date;
use super::periods::parse_period_label;
use std::collections::BTreeMap;

/// A kind of file the importer knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    ShopifyOrders,
    ShopifyProducts,
    ShopifyInventory,
    /// Amazon Seller Central "All Orders" report (tab-delimited flat file): sales.
    AmazonOrders,
    /// Amazon FBA "Manage Inventory" report: stock at Amazon and inbound shipments.
    AmazonInventory,
    /// Purchase or production orders: receipts.
    Receipts,
    SalesHistory,
    /// One row per SKU and period.
    ForecastLong,
    /// One row per SKU, one column per week or month.
    ForecastWide,
    /// The app's own plan file: handed over to the plan-file reader, not parsed here.
    PlanFile,
}

use Field as F;

impl Kind {
    /// Every kind read from a CSV table, in detection order.
    pub const TABLES: [Kind; 9] = [
        Kind::AmazonOrders,
        Kind::AmazonInventory,
        Kind::ShopifyOrders,
        // before products: an inventory export has a Handle too, products have no Location
        Kind::ShopifyInventory,
        Kind::ShopifyProducts,
        Kind::ForecastWide,
        Kind::SalesHistory,
        Kind::Receipts,
        Kind::ForecastLong,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::ShopifyOrders => "Shopify orders export",
            Kind::ShopifyProducts => "Shopify products export",
            Kind::ShopifyInventory => "Shopify inventory export",
            Kind::AmazonOrders => "Amazon All Orders report",
            Kind::AmazonInventory => "Amazon FBA inventory report",
            Kind::Receipts => "purchase / production orders",
            Kind::SalesHistory => "sales history",
            Kind::ForecastLong => "forecast (one row per SKU and period)",
            Kind::ForecastWide => "forecast (one column per period)",
            Kind::PlanFile => "plan file",
        }
    }

    /// What one data row is, for "1,234 line items".
    pub fn row_noun(self) -> &'static str {
        match self {
            Kind::ShopifyOrders => "line items",
            Kind::ShopifyProducts => "variant rows",
            Kind::ShopifyInventory => "inventory rows",
            Kind::AmazonOrders => "order items",
            Kind::AmazonInventory => "listing rows",
            Kind::Receipts => "order lines",
            Kind::ForecastWide => "SKU rows",
            Kind::SalesHistory | Kind::ForecastLong | Kind::PlanFile => "rows",
        }
    }

    pub fn required(self) -> &'static [Field] {
        match self {
            Kind::ShopifyOrders => &[F::Order, F::CreatedAt, F::Sku, F::Quantity],
            Kind::ShopifyProducts => &[F::Handle, F::Sku],
            Kind::ShopifyInventory => &[F::Sku, F::Location, F::OnHand],
            Kind::AmazonOrders => &[
                F::AmazonOrderId,
                F::PurchaseDate,
                F::OrderStatus,
                F::Sku,
                F::Quantity,
            ],
            Kind::AmazonInventory => &[
                F::Sku,
                F::AfnFulfillable,
                F::AfnReserved,
                F::AfnInboundShipped,
                F::AfnInboundReceiving,
            ],
            Kind::Receipts => &[F::Sku, F::Quantity, F::Expected],
            Kind::SalesHistory => &[F::Sku, F::Date, F::Quantity],
            Kind::ForecastLong => &[F::Sku, F::Period, F::Quantity],
            Kind::ForecastWide => &[F::Sku],
            Kind::PlanFile => &[],
        }
    }

    pub fn optional(self) -> &'static [Field] {
        match self {
            Kind::ShopifyOrders => &[F::CancelledAt, F::FinancialStatus, F::Channel],
            Kind::ShopifyProducts => &[
                F::Title,
                F::Family,
                F::Option1,
                F::Option2,
                F::Option3,
                F::Price,
                F::Cost,
                F::OnHand,
            ],
            Kind::ShopifyInventory => &[F::Handle, F::Title],
            Kind::AmazonOrders => &[F::ItemStatus, F::SalesChannel],
            Kind::AmazonInventory => &[F::AfnListingExists],
            Kind::Receipts => &[F::Status, F::Received],
            Kind::SalesHistory => &[F::Channel],
            _ => &[],
        }
    }

    /// Columns holding dates (their values decide the date order).
    pub fn date_fields(self) -> &'static [Field] {
        match self {
            Kind::ShopifyOrders => &[F::CreatedAt],
            Kind::AmazonOrders => &[F::PurchaseDate],
            Kind::Receipts => &[F::Expected],
            Kind::SalesHistory => &[F::Date],
            Kind::ForecastLong => &[F::Period],
            _ => &[],
        }
    }

    /// Columns holding numbers (their values decide the decimal separator).
    pub fn number_fields(self) -> &'static [Field] {
        match self {
            Kind::ShopifyProducts => &[F::Price, F::Cost, F::OnHand],
            Kind::ShopifyInventory => &[F::OnHand],
            Kind::AmazonInventory => &[
                F::AfnFulfillable,
                F::AfnReserved,
                F::AfnInboundShipped,
                F::AfnInboundReceiving,
            ],
            Kind::ForecastWide | Kind::PlanFile => &[],
            Kind::Receipts => &[F::Quantity, F::Received],
            _ => &[F::Quantity],
        }
    }

    /// Words that point to this kind among generic files.
    fn hints(self) -> &'static [&'static str] {
        match self {
            Kind::Receipts => &[
                "expected",
                "due",
                "eta",
                "delivery",
                "arrival",
                "status",
                "po",
                "pos",
                "purchase",
                "supplier",
                "vendor",
                "receipt",
                "receipts",
                "inbound",
                "production",
                "incoming",
            ],
            Kind::ForecastLong => &["forecast", "period", "month", "demand", "plan"],
            Kind::SalesHistory => &["sold", "sales", "history", "actual", "actuals"],
            _ => &[],
        }
    }

    /// The required columns as a planner reads them.
    pub fn required_text(self) -> String {
        let mut cols: Vec<&str> = self.required().iter().map(|f| f.label()).collect();
        if self == Kind::ForecastWide {
            cols.push("one column per week (2026-W48) or month (2026-11)");
        }
        cols.join(", ")
    }
}

/// What the header says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detected {
    Known(Kind),
    /// Nearest kind, with the required columns it lacks.
    Missing(Kind, Vec<Field>),
    Unknown,
}

/// A header that names a period (wide forecast column).
pub fn is_period_header(h: &str) -> bool {
    parse_period_label(h).is_some() || looks_like_date(h)
}

pub fn detect(headers: &[String], file_name: &str) -> Detected {
    let none = BTreeMap::new();
    let missing = |kind: Kind| -> Vec<Field> {
        Mapping::new(headers, kind.required(), &[], &none)
            .missing()
            .collect()
    };
    let matches = |kind: Kind| {
        missing(kind).is_empty()
            && (kind != Kind::ForecastWide || headers.iter().any(|h| is_period_header(h)))
    };
    let generic = [Kind::SalesHistory, Kind::Receipts, Kind::ForecastLong];
    if let Some(k) = Kind::TABLES
        .into_iter()
        .filter(|k| !generic.contains(k))
        .find(|&k| matches(k))
    {
        return Detected::Known(k);
    }
    let words = words(headers, file_name);
    let score = |k: Kind| k.hints().iter().filter(|h| words.contains(**h)).count();
    if let Some(k) = generic
        .into_iter()
        .filter(|&k| matches(k))
        .max_by_key(|&k| {
            (
                score(k),
                std::cmp::Reverse(generic.iter().position(|g| *g == k)),
            )
        })
    {
        return Detected::Known(k);
    }
    // Nearest kind: most required columns found, at least two and at least half.
    Kind::TABLES
        .into_iter()
        .filter(|&k| k != Kind::ForecastWide)
        .map(|k| (k, missing(k)))
        .filter(|(k, m)| {
            let found = k.required().len() - m.len();
            found >= 2 && found * 2 >= k.required().len()
        })
        .min_by_key(|(_, m)| m.len())
        .map_or(Detected::Unknown, |(k, m)| Detected::Missing(k, m))
}

/// Lower-case words of the headers and the file name.
fn words(headers: &[String], file_name: &str) -> std::collections::HashSet<String> {
    headers
        .iter()
        .map(String::as_str)
        .chain([file_name])
        .flat_map(|s| s.split(|c: char| !c.is_alphanumeric()))
        .map(normalize)
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect_of(hs: &[&str], name: &str) -> Detected {
        let hs: Vec<String> = hs.iter().map(|h| h.to_string()).collect();
        detect(&hs, name)
    }

    #[test]
    fn shopify_exports() {
        let orders = [
            "Name",
            "Email",
            "Created at",
            "Cancelled at",
            "Lineitem quantity",
            "Lineitem name",
            "Lineitem sku",
        ];
        assert_eq!(
            detect_of(&orders, "orders_export.csv"),
            Detected::Known(Kind::ShopifyOrders)
        );
        let products = [
            "Handle",
            "Title",
            "Type",
            "Option1 Value",
            "Variant SKU",
            "Variant Price",
        ];
        assert_eq!(
            detect_of(&products, "x.csv"),
            Detected::Known(Kind::ShopifyProducts)
        );
        let inventory = ["Handle", "Title", "SKU", "Location", "Available", "On hand"];
        assert_eq!(
            detect_of(&inventory, "x.csv"),
            Detected::Known(Kind::ShopifyInventory)
        );
    }

    #[test]
    fn generic_files_by_their_words() {
        let h = ["SKU", "Date", "Qty"];
        assert_eq!(
            detect_of(&h, "export.csv"),
            Detected::Known(Kind::SalesHistory)
        );
        assert_eq!(
            detect_of(&h, "forecast 2026.csv"),
            Detected::Known(Kind::ForecastLong)
        );
        assert_eq!(
            detect_of(&h, "purchase_orders.csv"),
            Detected::Known(Kind::Receipts)
        );
        let po = ["PO", "Item code", "Qty", "Expected date", "Status"];
        assert_eq!(detect_of(&po, "x.csv"), Detected::Known(Kind::Receipts));
        let wide = ["SKU", "Name", "2026-W48", "2026-W49"];
        assert_eq!(
            detect_of(&wide, "x.csv"),
            Detected::Known(Kind::ForecastWide)
        );
    }

    #[test]
    fn near_misses_and_unknown_files() {
        assert_eq!(
            detect_of(&["SKU", "Qty", "Colour"], "x.csv"),
            Detected::Missing(Kind::SalesHistory, vec![Field::Date])
        );
        assert_eq!(detect_of(&["Colour", "Size"], "x.csv"), Detected::Unknown);
    }
}
