//! One read of what a grid shows: the workbook with the rows and periods on screen, taken
//! together without tracking (event handlers read them; they must not subscribe).

use crate::engine::Workbook;
use crate::sheet::periods::Period;
use crate::sheet::rows::GridRow;
use leptos::prelude::*;

/// The workbook and the rows and periods a view shows: what every grid action reads.
#[derive(Clone, Copy)]
pub struct GridData {
    pub workbook: RwSignal<Workbook>,
    pub rows: Memo<Vec<GridRow>>,
    pub periods: Memo<Vec<Period>>,
}

impl GridData {
    /// Reads the three at once without subscribing (for handlers, not for rendering),
    /// instead of three nested `with_untracked` calls at every use.
    pub fn read<R>(&self, f: impl FnOnce(&Workbook, &[GridRow], &[Period]) -> R) -> R {
        self.workbook.with_untracked(|wb| {
            self.rows
                .with_untracked(|r| self.periods.with_untracked(|p| f(wb, r, p)))
        })
    }
}
