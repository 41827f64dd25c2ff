//! The plan file's vocabulary: the version line, the record types and their columns, the
//! setting keys and the names of series and safety-stock units. Reader and writer both take
//! every name from here, so they cannot drift apart.
//!
//! Version 2 added what sharing needs: the plan's identity as settings (plan id, revision,
//! author, the base check-in), notes, who changed what, and the base check-in itself as the
//! cells and products where it differs from the plan. Version 3 added actual sales by
//! channel and stock on hand by location (`channel`, `location` rows and their `base-` rows);
//! a version 2 file reads as a plan without them. A reader refuses a file newer than
//! [`VERSION`] rather than silently dropping what it does not know.

use crate::engine::{Measure, SeriesField};

/// First cell of the first line. It starts with `#` so importers can sniff it and Excel
/// shows it as plain text.
pub const MAGIC: &str = "#sop-plan";

/// The format version this app writes and the newest it reads.
pub const VERSION: u32 = 3;

/// The first cell of a row of column headings. Headings are for people and pivot tables;
/// the reader checks them so a reordered column is caught, not misread.
pub const HEADING: &str = "record";

/// What a row holds, named by its first cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Record {
    /// One calendar setting: `setting,<key>,<value>`.
    Setting,
    /// One product with all its attributes.
    Product,
    /// Weekly capacity of one family.
    Capacity,
    /// One input value of one SKU in one week (long layout).
    Series,
    /// A note on a SKU or one of its cells.
    Note,
    /// A decision of a check-in.
    Decision,
    /// A demand event (promotion, launch) lifting the forecast.
    Event,
    /// Who last changed a SKU's product record or one of its cells.
    Edited,
    /// The base check-in's product record, where it differs from the plan's.
    BaseProduct,
    /// The base check-in's value of a cell, where it differs from the plan's (empty: a
    /// consensus that was not set).
    BaseSeries,
    /// One week of a SKU's actual sales in one channel (version 3; empty channel: not said).
    Channel,
    /// A SKU's stock on hand at one location (version 3; empty location: not said).
    Location,
    /// The base check-in's units of a channel in a week, where they differ from the plan's.
    BaseChannel,
    /// The base check-in's stock at a location, for a SKU whose base-product row is written.
    BaseLocation,
}

impl Record {
    /// In the order the writer emits them.
    pub const ALL: [Record; 14] = [
        Record::Setting,
        Record::Product,
        Record::Capacity,
        Record::Series,
        Record::Note,
        Record::Decision,
        Record::Event,
        Record::Edited,
        Record::BaseProduct,
        Record::BaseSeries,
        Record::Channel,
        Record::Location,
        Record::BaseChannel,
        Record::BaseLocation,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Record::Setting => "setting",
            Record::Product => "product",
            Record::Capacity => "capacity",
            Record::Series => "series",
            Record::Note => "note",
            Record::Decision => "decision",
            Record::Event => "event",
            Record::Edited => "edited",
            Record::BaseProduct => "base-product",
            Record::BaseSeries => "base-series",
            Record::Channel => "channel",
            Record::Location => "location",
            Record::BaseChannel => "base-channel",
            Record::BaseLocation => "base-location",
        }
    }

    pub fn from_key(key: &str) -> Option<Record> {
        Record::ALL.into_iter().find(|r| r.key() == key)
    }

    /// Column names, the record type column first; also the heading row's cells.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Record::Setting => &SETTING_COLUMNS,
            Record::Product | Record::BaseProduct => &PRODUCT_COLUMNS,
            Record::Capacity => &CAPACITY_COLUMNS,
            Record::Series | Record::BaseSeries => &SERIES_COLUMNS,
            Record::Note => &NOTE_COLUMNS,
            Record::Decision => &DECISION_COLUMNS,
            Record::Event => &EVENT_COLUMNS,
            Record::Edited => &EDITED_COLUMNS,
            Record::Channel | Record::BaseChannel => &CHANNEL_COLUMNS,
            Record::Location | Record::BaseLocation => &LOCATION_COLUMNS,
        }
    }

    /// Rows whose last cells may be empty (Excel drops trailing empty cells on a re-save).
    pub fn trailing_may_be_empty(self) -> bool {
        matches!(
            self,
            Record::BaseSeries | Record::Edited | Record::Decision | Record::Event
        )
    }
}

const SETTING_COLUMNS: [&str; 3] = [HEADING, "key", "value"];
const PRODUCT_COLUMNS: [&str; 12] = [
    HEADING,
    "sku",
    "name",
    "family",
    "unit_cost",
    "unit_price",
    "lead_time_weeks",
    "safety_stock",
    "safety_stock_unit",
    "moq",
    "order_multiple",
    "on_hand",
];
const CAPACITY_COLUMNS: [&str; 3] = [HEADING, "family", "units_per_week"];
const SERIES_COLUMNS: [&str; 5] = [HEADING, "sku", "field", "week", "value"];
const NOTE_COLUMNS: [&str; 7] = [
    HEADING, "sku", "period", "measure", "author", "written", "text",
];
const DECISION_COLUMNS: [&str; 10] = [
    HEADING, "id", "made", "author", "owner", "due", "text", "skus", "weeks", "closed",
];
/// `lift_kind` is `percent` (of the forecast) or `units` (a week).
const EVENT_COLUMNS: [&str; 10] = [
    HEADING,
    "id",
    "name",
    "target",
    "first_week",
    "last_week",
    "lift_kind",
    "lift",
    "active",
    "author",
];
/// `event` rows' `active` cell.
pub const EVENT_ON: &str = "yes";
pub const EVENT_OFF: &str = "no";
/// Between the SKUs of a decision's `skus` cell.
pub const SKU_LIST: char = ' ';
const CHANNEL_COLUMNS: [&str; 5] = [HEADING, "sku", "channel", "week", "units"];
const LOCATION_COLUMNS: [&str; 4] = [HEADING, "sku", "location", "units"];
const EDITED_COLUMNS: [&str; 5] = [HEADING, "sku", "what", "by", "week"];

/// `edited` rows' `what` for a change to the product record.
pub const EDITED_PRODUCT: &str = "product";

/// Settings in the order written: the calendar's three are required, the rest optional.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// ISO week of the oldest week in the plan.
    FirstWeek,
    /// ISO week the projection starts from.
    CurrentWeek,
    /// Number of weeks in the plan (history + horizon).
    Weeks,
    /// The id every copy of this plan keeps.
    PlanId,
    /// How many changes this copy has seen.
    Revision,
    /// Who saved the file.
    Author,
    /// The id of the last check-in this copy shares with the others.
    BaseCheckin,
    /// The day that check-in was taken.
    BaseTaken,
    /// Who started it.
    BaseAuthor,
    /// Its week (the current week when it was taken).
    BaseWeek,
}

impl Setting {
    pub const ALL: [Setting; 10] = [
        Setting::FirstWeek,
        Setting::CurrentWeek,
        Setting::Weeks,
        Setting::PlanId,
        Setting::Revision,
        Setting::Author,
        Setting::BaseCheckin,
        Setting::BaseTaken,
        Setting::BaseAuthor,
        Setting::BaseWeek,
    ];
    /// The calendar settings every plan file has.
    pub const CALENDAR: [Setting; 3] = [Setting::FirstWeek, Setting::CurrentWeek, Setting::Weeks];

    pub fn key(self) -> &'static str {
        match self {
            Setting::FirstWeek => "first_week",
            Setting::CurrentWeek => "current_week",
            Setting::Weeks => "weeks",
            Setting::PlanId => "plan_id",
            Setting::Revision => "revision",
            Setting::Author => "author",
            Setting::BaseCheckin => "base_checkin",
            Setting::BaseTaken => "base_taken",
            Setting::BaseAuthor => "base_author",
            Setting::BaseWeek => "base_week",
        }
    }

    pub fn from_key(key: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The `safety_stock_unit` of a fixed quantity.
pub const SAFETY_UNITS: &str = "units";
/// The `safety_stock_unit` of weeks of cover.
pub const SAFETY_WEEKS: &str = "weeks";

/// A series' name in the file: the grid's `data-measure` key (`confirmed-receipts`), so the
/// file, the grid and the tests use one name per series.
pub fn series_key(field: SeriesField) -> &'static str {
    Measure::ALL
        .into_iter()
        .find(|m| m.input() == Some(field))
        .map_or("", Measure::key)
}

pub fn series_from_key(key: &str) -> Option<SeriesField> {
    Measure::from_key(key).and_then(Measure::input)
}

/// `a, b, c` for messages that list what is allowed.
pub fn one_of(keys: impl IntoIterator<Item = &'static str>) -> String {
    keys.into_iter().collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_series_has_a_distinct_key_that_reads_back() {
        let keys: Vec<&str> = SeriesField::ALL.into_iter().map(series_key).collect();
        assert_eq!(
            keys,
            [
                "actual",
                "forecast",
                "consensus",
                "confirmed-receipts",
                "planned-receipts"
            ]
        );
        for f in SeriesField::ALL {
            assert_eq!(series_from_key(series_key(f)), Some(f));
        }
        // Derived rows are not input series.
        assert_eq!(series_from_key("projected"), None);
    }

    #[test]
    fn record_and_setting_keys_read_back() {
        for r in Record::ALL {
            assert_eq!(Record::from_key(r.key()), Some(r));
            assert_eq!(r.columns()[0], HEADING);
        }
        for s in Setting::ALL {
            assert_eq!(Setting::from_key(s.key()), Some(s));
        }
        assert_eq!(Record::from_key(HEADING), None);
    }
}
