//! Markers on grid cells beyond their value: a note sits on the cell, or the cell changed
//! since the last check-in. Built once per change of notes or snapshot, looked up per cell.

use super::periods::Period;
use super::rows::{GridRow, RowOwner};
use crate::engine::{Note, SeriesField};
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CellMarks {
    /// `(data-sku, data-period, data-measure)` of cells with a note.
    notes: BTreeSet<(String, String, String)>,
    /// Rows (`data-sku`) with a note on the whole SKU.
    row_notes: BTreeSet<String>,
    /// Input cells whose value differs from the last check-in: (SKU index, series, week).
    changed: BTreeSet<(usize, SeriesField, usize)>,
}

impl CellMarks {
    pub fn new(notes: &[Note], changed: BTreeSet<(usize, SeriesField, usize)>) -> CellMarks {
        let mut marks = CellMarks {
            changed,
            ..CellMarks::default()
        };
        for n in notes {
            match (&n.period, &n.measure) {
                (Some(p), Some(m)) => {
                    marks.notes.insert((n.sku.clone(), p.clone(), m.clone()));
                }
                _ => {
                    marks.row_notes.insert(n.sku.clone());
                }
            }
        }
        marks
    }

    pub fn has_note(&self, sku: &str, period: &str, measure: &str) -> bool {
        // Cheap when there are no notes, the usual case for most cells.
        !self.notes.is_empty()
            && self
                .notes
                .contains(&(sku.to_string(), period.to_string(), measure.to_string()))
    }

    pub fn row_has_note(&self, sku: &str) -> bool {
        self.row_notes.contains(sku)
    }

    /// Whether an input cell of a SKU changed in any week of the period.
    pub fn changed(&self, row: &GridRow, period: &Period) -> bool {
        let (RowOwner::Sku(i), Some(field)) = (&row.owner, row.measure.input()) else {
            return false;
        };
        !self.changed.is_empty()
            && period
                .weeks
                .clone()
                .any(|w| self.changed.contains(&(*i, field, w)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Calendar, Measure};
    use crate::sheet::periods::week_columns;
    use chrono::NaiveDate;

    #[test]
    fn notes_mark_their_cell_or_row_and_changes_mark_input_cells() {
        let note = |period: Option<&str>, measure: Option<&str>| Note {
            sku: "CND-101".to_string(),
            period: period.map(str::to_string),
            measure: measure.map(str::to_string),
            text: "x".to_string(),
            author: String::new(),
            written: String::new(),
        };
        let marks = CellMarks::new(
            &[note(Some("2026-W48"), Some("forecast")), note(None, None)],
            BTreeSet::from([(0, SeriesField::Forecast, 3)]),
        );
        assert!(marks.has_note("CND-101", "2026-W48", "forecast"));
        assert!(!marks.has_note("CND-101", "2026-W49", "forecast"));
        assert!(!marks.has_note("CND-101", "2026-W48", "actual"));
        assert!(marks.row_has_note("CND-101"));
        assert!(!marks.row_has_note("CND-102"));

        let cal = Calendar::around(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), 2, 6).unwrap();
        let weeks = week_columns(&cal, 2, 6);
        let row = |measure| GridRow {
            owner: RowOwner::Sku(0),
            measure,
            first: false,
        };
        let col = |w: usize| weeks.iter().find(|p| p.single_week() == Some(w)).unwrap();
        assert!(marks.changed(&row(Measure::Forecast), col(3)));
        assert!(!marks.changed(&row(Measure::Forecast), col(4)));
        assert!(!marks.changed(&row(Measure::Actual), col(3)));
        // Derived rows are never "changed": only what someone typed or imported.
        assert!(!marks.changed(&row(Measure::Projected), col(3)));
    }
}
