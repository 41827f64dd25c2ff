//! Which column holds what. Headers are matched loosely (case, spaces, underscores and
//! punctuation do not matter) against a list of names each field is known by, so files from
//! different tools and people are read without renaming columns first.

use std::collections::BTreeMap;

/// Something the importer reads from a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Sku,
    Quantity,
    /// Sales date (sales history).
    Date,
    /// When goods arrive (purchase / production orders).
    Expected,
    /// Forecast week or month (long forecast).
    Period,
    Status,
    /// Shopify order number (`#1001`), used to carry order-level columns down.
    Order,
    CreatedAt,
    CancelledAt,
    /// Shopify `Financial Status` (paid, refunded, voided…), on an order's first line only.
    FinancialStatus,
    /// The sales channel: a generic file's `Channel`, Shopify's `Source` (web, pos…).
    Channel,
    Handle,
    Title,
    /// Product family (Shopify `Type`).
    Family,
    Option1,
    Option2,
    Option3,
    Price,
    Cost,
    OnHand,
    Location,
    /// Units of an order line already received (purchase orders): only the rest is to come.
    Received,
    /// Amazon order reports: the order number, the line's purchase date and statuses.
    AmazonOrderId,
    PurchaseDate,
    OrderStatus,
    ItemStatus,
    /// Amazon order reports: `Non-Amazon` marks orders of other channels Amazon ships.
    SalesChannel,
    /// Amazon FBA inventory report: `No` marks a listing Amazon does not fulfil.
    AfnListingExists,
    AfnFulfillable,
    AfnReserved,
    AfnInboundShipped,
    AfnInboundReceiving,
}

impl Field {
    /// Every field, to read back a remembered mapping by name.
    pub const ALL: [Field; 32] = [
        Field::Sku,
        Field::Quantity,
        Field::Date,
        Field::Expected,
        Field::Period,
        Field::Status,
        Field::Order,
        Field::CreatedAt,
        Field::CancelledAt,
        Field::FinancialStatus,
        Field::Channel,
        Field::Handle,
        Field::Title,
        Field::Family,
        Field::Option1,
        Field::Option2,
        Field::Option3,
        Field::Price,
        Field::Cost,
        Field::OnHand,
        Field::Location,
        Field::Received,
        Field::AmazonOrderId,
        Field::PurchaseDate,
        Field::OrderStatus,
        Field::ItemStatus,
        Field::SalesChannel,
        Field::AfnListingExists,
        Field::AfnFulfillable,
        Field::AfnReserved,
        Field::AfnInboundShipped,
        Field::AfnInboundReceiving,
    ];

    /// The name shown to the planner.
    pub fn label(self) -> &'static str {
        self.names().first().copied().unwrap_or("")
    }

    /// Header names this field is known by, best first.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Field::Sku => &[
                "SKU",
                "Variant SKU",
                "Lineitem sku",
                "Item",
                "Item code",
                "Item number",
                "Item no",
                "Product code",
                "Product SKU",
                "SKU code",
                "Article",
                "Article number",
                "Article no",
                "Part number",
                "Code",
            ],
            Field::Quantity => &[
                "Quantity",
                "Qty",
                "Units",
                "Lineitem quantity",
                "Qty ordered",
                "Quantity ordered",
                "Order qty",
                "Units sold",
                "Qty sold",
                "Quantity sold",
                "Sold",
                "Sales",
                "Sales units",
                "Forecast",
                "Forecast qty",
                "Forecast quantity",
                "Forecast units",
                "Demand",
            ],
            Field::Date => &[
                "Date",
                "Order date",
                "Created at",
                "Sale date",
                "Sales date",
                "Invoice date",
                "Day",
                "Week",
            ],
            Field::Expected => &[
                "Expected date",
                "Expected",
                "Due date",
                "Due",
                "ETA",
                "Delivery date",
                "Expected delivery",
                "Arrival date",
                "Receipt date",
                "Expected week",
                "Due week",
                "Delivery week",
                "Date",
                "Week",
            ],
            Field::Period => &[
                "Period",
                "Week",
                "Month",
                "Forecast week",
                "Forecast month",
                "Forecast period",
                "Date",
            ],
            Field::Status => &["Status", "PO status", "Order status", "State"],
            Field::Order => &["Name", "Order", "Order name", "Order number"],
            Field::CreatedAt => &["Created at"],
            Field::CancelledAt => &["Cancelled at", "Canceled at"],
            Field::FinancialStatus => &["Financial Status", "Payment status"],
            Field::Channel => &["Channel", "Sales channel", "Source"],
            Field::Handle => &["Handle"],
            Field::Title => &["Title", "Product title", "Product name"],
            Field::Family => &["Type", "Product type", "Family", "Category"],
            Field::Option1 => &["Option1 Value"],
            Field::Option2 => &["Option2 Value"],
            Field::Option3 => &["Option3 Value"],
            Field::Price => &["Variant Price", "Price", "Unit price"],
            Field::Cost => &["Cost per item", "Cost", "Unit cost"],
            Field::OnHand => &[
                "On hand",
                "Variant Inventory Qty",
                "Available",
                "On hand qty",
                "Stock on hand",
                "Stock",
                "Inventory",
            ],
            Field::Location => &["Location", "Warehouse"],
            Field::Received => &[
                "Qty received",
                "Quantity received",
                "Received qty",
                "Received quantity",
                "Units received",
                "Received",
            ],
            Field::AmazonOrderId => &["amazon-order-id"],
            Field::PurchaseDate => &["purchase-date"],
            Field::OrderStatus => &["order-status"],
            Field::ItemStatus => &["item-status"],
            Field::SalesChannel => &["sales-channel"],
            Field::AfnListingExists => &["afn-listing-exists"],
            Field::AfnFulfillable => &["afn-fulfillable-quantity"],
            Field::AfnReserved => &["afn-reserved-quantity"],
            Field::AfnInboundShipped => &["afn-inbound-shipped-quantity"],
            Field::AfnInboundReceiving => &["afn-inbound-receiving-quantity"],
        }
    }
}

/// A header reduced to lowercase letters and digits: `Lineitem_SKU ` and `lineitem sku` match.
pub fn normalize(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// One field and the column it is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnMatch {
    pub field: Field,
    pub required: bool,
    /// Index of the column (0-based), `None` when no column matched.
    pub column: Option<usize>,
    /// The header as written in the file.
    pub header: Option<String>,
}

/// Field to column, for one kind of file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    pub columns: Vec<ColumnMatch>,
}

impl Mapping {
    /// Matches `required` then `optional` fields to headers; each header is used once, and a
    /// field's better names win over its worse ones. `overrides` (field -> column, or none)
    /// come from the planner and win over matching.
    pub fn new(
        headers: &[String],
        required: &[Field],
        optional: &[Field],
        overrides: &BTreeMap<Field, Option<usize>>,
    ) -> Mapping {
        let normalized: Vec<String> = headers.iter().map(|h| normalize(h)).collect();
        let mut taken: Vec<bool> = vec![false; headers.len()];
        for col in overrides.values().flatten() {
            if let Some(t) = taken.get_mut(*col) {
                *t = true;
            }
        }
        let fields = required
            .iter()
            .map(|f| (*f, true))
            .chain(optional.iter().map(|f| (*f, false)));
        let columns = fields
            .map(|(field, required)| {
                let column = match overrides.get(&field) {
                    Some(choice) => choice.filter(|c| *c < headers.len()),
                    None => find(field, &normalized, &taken),
                };
                if let Some(t) = column.and_then(|c| taken.get_mut(c)) {
                    *t = true;
                }
                ColumnMatch {
                    field,
                    required,
                    column,
                    header: column.and_then(|c| headers.get(c)).cloned(),
                }
            })
            .collect();
        Mapping { columns }
    }

    pub fn column(&self, field: Field) -> Option<usize> {
        self.get(field).and_then(|m| m.column)
    }

    /// The header of a field's column, or its label when unmapped.
    pub fn header(&self, field: Field) -> &str {
        self.get(field)
            .and_then(|m| m.header.as_deref())
            .unwrap_or(field.label())
    }

    /// Required fields with no column.
    pub fn missing(&self) -> impl Iterator<Item = Field> + '_ {
        self.columns
            .iter()
            .filter(|m| m.required && m.column.is_none())
            .map(|m| m.field)
    }

    fn get(&self, field: Field) -> Option<&ColumnMatch> {
        self.columns.iter().find(|m| m.field == field)
    }
}

fn find(field: Field, normalized: &[String], taken: &[bool]) -> Option<usize> {
    field.names().iter().find_map(|name| {
        let name = normalize(name);
        normalized
            .iter()
            .zip(taken)
            .position(|(h, t)| !t && *h == name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(hs: &[&str]) -> Vec<String> {
        hs.iter().map(|h| h.to_string()).collect()
    }

    #[test]
    fn matches_loosely_and_by_synonym() {
        let hs = headers(&["item_code", " QTY ", "Expected Date", "P.O. status"]);
        let m = Mapping::new(
            &hs,
            &[Field::Sku, Field::Quantity, Field::Expected],
            &[Field::Status],
            &BTreeMap::new(),
        );
        assert_eq!(m.column(Field::Sku), Some(0));
        assert_eq!(m.column(Field::Quantity), Some(1));
        assert_eq!(m.column(Field::Expected), Some(2));
        assert_eq!(m.column(Field::Status), Some(3));
        assert_eq!(m.header(Field::Quantity), " QTY ");
        assert_eq!(m.missing().count(), 0);
    }

    #[test]
    fn better_names_win_and_a_header_is_used_once() {
        // "Expected date" beats "Date" for the expected field; "Date" stays free.
        let hs = headers(&["Date", "Expected date", "SKU"]);
        let m = Mapping::new(&hs, &[Field::Expected, Field::Sku], &[], &BTreeMap::new());
        assert_eq!(m.column(Field::Expected), Some(1));
        let hs = headers(&["Week", "SKU"]);
        let m = Mapping::new(&hs, &[Field::Period, Field::Date], &[], &BTreeMap::new());
        assert_eq!(
            (m.column(Field::Period), m.column(Field::Date)),
            (Some(0), None)
        );
        assert_eq!(m.missing().collect::<Vec<_>>(), vec![Field::Date]);
    }

    #[test]
    fn overrides_win() {
        let hs = headers(&["SKU", "Code", "Qty"]);
        let overrides = BTreeMap::from([(Field::Sku, Some(1)), (Field::Quantity, None)]);
        let m = Mapping::new(&hs, &[Field::Sku, Field::Quantity], &[], &overrides);
        assert_eq!(m.column(Field::Sku), Some(1));
        assert_eq!(m.column(Field::Quantity), None);
        assert_eq!(m.header(Field::Quantity), "Quantity");
    }
}
