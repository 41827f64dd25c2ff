//! A total typed over a month, or over a family's or the whole plan's SKUs: past weeks keep
//! their values and the rest is split over the SKU-weeks by the split rule, as one change.

use super::Changes;
use crate::engine::edit::split::split;
use crate::engine::{CellEdit, Qty, SeriesField, Workbook};
use crate::sheet::rows::RowOwner;
use std::ops::Range;

impl Changes {
    /// A new total for a scope over weeks: past weeks keep their values, the rest of the
    /// total is split over the remaining SKU-weeks in proportion to the current forecast
    /// (the demand plan, for a consensus), equally where that is all zero.
    pub(super) fn split(
        &mut self,
        wb: &Workbook,
        owner: &RowOwner,
        field: SeriesField,
        weeks: Range<usize>,
        value: Option<Qty>,
    ) -> Result<(), String> {
        let c = wb.plan().calendar.current();
        let skus = wb.skus_in(owner);
        let future = weeks.start.max(c)..weeks.end;
        let cells: Vec<(usize, usize)> = skus
            .iter()
            .flat_map(|&s| future.clone().map(move |w| (s, w)))
            .collect();
        let Some(total) = value else {
            self.cells
                .extend(cells.into_iter().map(|(sku, week)| CellEdit {
                    sku,
                    field,
                    week,
                    value: None,
                }));
            return Ok(());
        };
        let series = &wb.plan().series;
        let past: Qty = skus
            .iter()
            .flat_map(|&s| (weeks.start..future.start).map(move |w| series[s].get(field, w)))
            .fold(Qty::ZERO, |a, q| a + q.unwrap_or(Qty::ZERO));
        if total < past {
            return Err(format!(
                "{} were already in past weeks; type at least that",
                past
            ));
        }
        let current: Vec<Qty> = cells
            .iter()
            .map(|&(s, w)| match field {
                SeriesField::Consensus => wb.demand_plan(s, w),
                f => series[s].get(f, w).unwrap_or(Qty::ZERO),
            })
            .collect();
        let parts = split(total - past, &current);
        self.cells.extend(
            cells
                .into_iter()
                .zip(parts)
                .map(|((sku, week), q)| CellEdit {
                    sku,
                    field,
                    week,
                    value: Some(q),
                }),
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::december;
    use super::super::*;

    fn forecasts(wb: &Workbook, sku: usize, field: SeriesField) -> Vec<Option<Qty>> {
        (3..8)
            .map(|w| wb.plan().series[sku].get(field, w))
            .collect()
    }

    fn type_into(
        wb: &mut Workbook,
        row: GridRow,
        period: &Period,
        text: &str,
    ) -> Result<(), String> {
        let (changes, skipped) = block_edits(
            wb,
            &[row],
            std::slice::from_ref(period),
            Pos::default(),
            &[vec![text.to_string()]],
            DecimalSep::Dot,
        )?;
        assert_eq!(skipped, 0);
        wb.apply("typed", changes.into_edit())
            .map_err(|e| e.to_string())?;
        Ok(())
    }

    #[test]
    fn a_family_month_total_splits_in_proportion_as_one_change() {
        let (mut wb, dec) = december();
        let fam = GridRow {
            owner: RowOwner::Family("F".into()),
            measure: Measure::Forecast,
            first: true,
        };
        // 120 now (A 40, B 80); 240 doubles every week; W53 had nothing and keeps nothing.
        type_into(&mut wb, fam.clone(), &dec, "240").unwrap();
        let u = |v: i64| Some(Qty::units(v));
        assert_eq!(
            forecasts(&wb, 0, SeriesField::Forecast),
            [u(20), u(20), u(20), u(20), u(0)]
        );
        assert_eq!(
            forecasts(&wb, 1, SeriesField::Forecast),
            [u(40), u(40), u(40), u(40), u(0)]
        );
        assert_eq!(
            wb.span_value(&fam.owner, Measure::Forecast, dec.weeks.clone()),
            CellValue::Units(Qty::units(240))
        );
        // One undo restores all eight weeks.
        wb.undo().unwrap();
        assert_eq!(
            forecasts(&wb, 1, SeriesField::Forecast),
            [u(20), u(20), u(20), u(20), u(0)]
        );
        // A month with no forecast at all splits equally: 100 over 2 SKUs × 5 weeks.
        let jan_empty = GridRow {
            measure: Measure::Forecast,
            ..fam
        };
        type_into(&mut wb, jan_empty.clone(), &dec, "0").unwrap();
        type_into(&mut wb, jan_empty, &dec, "100").unwrap();
        assert_eq!(forecasts(&wb, 0, SeriesField::Forecast), [u(10); 5]);
        assert_eq!(forecasts(&wb, 1, SeriesField::Forecast), [u(10); 5]);
    }

    #[test]
    fn a_sku_month_consensus_splits_by_the_demand_plan() {
        let (mut wb, dec) = december();
        let row = GridRow {
            owner: RowOwner::Sku(0),
            measure: Measure::Consensus,
            first: false,
        };
        // A's forecast is 10 a week for 4 weeks: 50 gives 12.5 in each of them.
        type_into(&mut wb, row.clone(), &dec, "50").unwrap();
        let half = Some(Qty(12_500));
        assert_eq!(
            forecasts(&wb, 0, SeriesField::Consensus),
            [half, half, half, half, Some(Qty::ZERO)]
        );
        // Clearing the month unsets the consensus of every week.
        type_into(&mut wb, row, &dec, "").unwrap();
        assert_eq!(forecasts(&wb, 0, SeriesField::Consensus), [None; 5]);
    }

    #[test]
    fn past_weeks_of_a_month_keep_their_forecast() {
        let (mut wb, _) = december();
        // A month of W46–W48 (W46, W47 past): A's forecast 5 and 7 in the past, 3 now.
        let cal = wb.plan().calendar.clone();
        for (w, v) in [("2026-W46", 5.0), ("2026-W47", 7.0), ("2026-W48", 3.0)] {
            wb.set("A", SeriesField::Forecast, w, Some(v)).unwrap();
        }
        let nov = Period {
            weeks: 0..3,
            key: "2026-11".into(),
            kind: crate::sheet::periods::PeriodKind::Month((2026, 11)),
        };
        let row = GridRow {
            owner: RowOwner::Sku(0),
            measure: Measure::Forecast,
            first: false,
        };
        type_into(&mut wb, row.clone(), &nov, "30").unwrap();
        assert_eq!(wb.plan().series[0].forecast[2], Qty::units(18));
        let err = type_into(&mut wb, row, &nov, "10").unwrap_err();
        assert_eq!(
            err,
            "A forecast in 2026-11: 12 were already in past weeks; type at least that"
        );
        assert_eq!(wb.plan().series[0].forecast[2], Qty::units(18));
        assert_eq!(cal.current(), 2);
    }
}
