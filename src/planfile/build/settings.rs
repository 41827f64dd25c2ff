//! The calendar settings of a plan file (first week, current week, weeks, and the plan's
//! identity), kept as read until the first row that needs the calendar builds it.

use super::{Builder, Row};
use crate::engine::model::calendar::parse_iso_week;
use crate::engine::Calendar;
use crate::planfile::error::PlanFileError;
use crate::planfile::format::{one_of, Record, Setting, HEADING};
use crate::planfile::number::parse_whole;
use chrono::Datelike;

/// A calendar setting as read, before the calendar is built.
pub(super) struct SettingCell {
    pub(super) value: String,
    pub(super) line: usize,
}

/// The settings read so far.
pub(super) struct Settings {
    pub(super) cells: [Option<SettingCell>; Setting::ALL.len()],
    pub(super) decimal_comma: bool,
}

impl Builder {
    /// A `setting` row: each setting once, before the first product or series row.
    pub(super) fn setting(&mut self, row: &Row) -> Result<(), PlanFileError> {
        let r = Record::Setting;
        let setting = Setting::from_key(row.get(1)).ok_or_else(|| {
            row.error(
                r,
                1,
                format!(
                    "is not a setting ({})",
                    one_of(Setting::ALL.map(Setting::key))
                ),
            )
        })?;
        if self.plan.is_some() {
            return Err(row.error(
                r,
                1,
                "comes after the first product or series row; settings come first",
            ));
        }
        let slot = &mut self.settings.cells[setting as usize];
        if let Some(first) = slot {
            return Err(row.error(r, 1, format!("is set twice (first on line {})", first.line)));
        }
        *slot = Some(SettingCell {
            value: row.get(2).to_string(),
            line: row.line,
        });
        Ok(())
    }
}

impl Settings {
    /// `record` is the row that needs the calendar; `None` at the end of the file.
    pub(super) fn calendar(
        &self,
        line: usize,
        record: Option<Record>,
    ) -> Result<Calendar, PlanFileError> {
        let all = one_of(Setting::CALENDAR.map(Setting::key));
        let [first, current, weeks] = Setting::CALENDAR.map(|s| {
            self.cells[s as usize].as_ref().ok_or_else(|| match record {
                Some(r) => PlanFileError::new(
                    line,
                    HEADING,
                    r.key(),
                    format!(
                        "comes before the setting {}; the settings {all} come first",
                        s.key()
                    ),
                ),
                None => PlanFileError::new(
                    line,
                    "key",
                    s.key(),
                    format!("is missing; a plan file sets {all}"),
                ),
            })
        });
        let (first, current, weeks) = (first?, current?, weeks?);
        let value_error = |cell: &SettingCell, reason: String| {
            PlanFileError::new(cell.line, "value", cell.value.as_str(), reason)
        };
        // Spreadsheets' own date range; it also keeps every week of the plan a valid date.
        let week = |cell: &SettingCell| match parse_iso_week(&cell.value) {
            Some(monday) if (1900..=9999).contains(&monday.year()) => Ok(monday),
            Some(_) => Err(value_error(
                cell,
                "is not a week from 1900 to 9999".to_string(),
            )),
            None => Err(value_error(
                cell,
                "is not an ISO week like 2026-W48".to_string(),
            )),
        };
        let (first_monday, current_monday) = (week(first)?, week(current)?);
        let history = (current_monday - first_monday).num_weeks();
        if history < 0 {
            return Err(value_error(
                current,
                format!("is before the first week {}", first.value),
            ));
        }
        let count = parse_whole(&weeks.value, self.decimal_comma)
            .map_err(|reason| value_error(weeks, reason.to_string()))?;
        if count <= history {
            return Err(value_error(
                weeks,
                format!(
                    "weeks end before the current week {} (week {} of the plan)",
                    current.value,
                    history + 1
                ),
            ));
        }
        let horizon = usize::try_from(count - history).unwrap_or(usize::MAX);
        Calendar::around(current_monday, history as usize, horizon).map_err(|reason| {
            value_error(
                if reason.contains("history") {
                    current
                } else {
                    weeks
                },
                format!("does not fit: {reason}"),
            )
        })
    }
}
