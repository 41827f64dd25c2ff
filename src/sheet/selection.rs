//! The active cell and the selected range, and how intents move them. Pure, so every
//! keyboard rule is tested natively (as IronCalc does).

use super::keymap::Intent;

/// A cell position in the grid's visible rows and periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    pub row: usize,
    pub col: usize,
}

/// A rectangular selection: the anchor is where it started, the cursor is the active cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Selection {
    pub anchor: Pos,
    pub cursor: Pos,
}

/// The grid's size and how many rows one page holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    pub rows: usize,
    pub cols: usize,
    pub page: usize,
}

impl Selection {
    pub fn at(row: usize, col: usize) -> Selection {
        let p = Pos { row, col };
        Selection {
            anchor: p,
            cursor: p,
        }
    }

    /// Top-left and bottom-right corners.
    pub fn range(&self) -> (Pos, Pos) {
        (
            Pos {
                row: self.anchor.row.min(self.cursor.row),
                col: self.anchor.col.min(self.cursor.col),
            },
            Pos {
                row: self.anchor.row.max(self.cursor.row),
                col: self.anchor.col.max(self.cursor.col),
            },
        )
    }

    pub fn contains(&self, row: usize, col: usize) -> bool {
        let (a, b) = self.range();
        (a.row..=b.row).contains(&row) && (a.col..=b.col).contains(&col)
    }

    pub fn is_single(&self) -> bool {
        self.anchor == self.cursor
    }

    /// Extends the selection to a clicked cell (Shift+click / drag).
    pub fn extend_to(&mut self, row: usize, col: usize) {
        self.cursor = Pos { row, col };
    }

    /// Applies a movement intent; returns false for intents that are not movements.
    pub fn apply(&mut self, intent: Intent, b: Bounds) -> bool {
        if b.rows == 0 || b.cols == 0 {
            return false;
        }
        if matches!(intent, Intent::SelectAll) {
            self.anchor = Pos { row: 0, col: 0 };
            self.cursor = Pos {
                row: b.rows - 1,
                col: b.cols - 1,
            };
            return true;
        }
        let Some((target, extend)) = moved(self.cursor, intent, b) else {
            return false;
        };
        self.cursor = target;
        if !extend {
            self.anchor = target;
        }
        true
    }

    /// Keeps the selection inside the grid after rows disappear (filter, collapse).
    pub fn clamp(&mut self, b: Bounds) {
        let f = |p: Pos| Pos {
            row: p.row.min(b.rows.saturating_sub(1)),
            col: p.col.min(b.cols.saturating_sub(1)),
        };
        self.anchor = f(self.anchor);
        self.cursor = f(self.cursor);
    }
}

/// Where a movement intent takes the cursor `c` in a grid of `b` (not empty), and whether it
/// extends the selection; `None` for intents that are not movements.
fn moved(c: Pos, intent: Intent, b: Bounds) -> Option<(Pos, bool)> {
    let (last_row, last_col) = (b.rows - 1, b.cols - 1);
    let up = |n: usize| Pos {
        row: c.row.saturating_sub(n),
        ..c
    };
    let down = |n: usize| Pos {
        row: (c.row + n).min(last_row),
        ..c
    };
    let left = Pos {
        col: c.col.saturating_sub(1),
        ..c
    };
    let right = Pos {
        col: (c.col + 1).min(last_col),
        ..c
    };
    Some(match intent {
        Intent::MoveUp | Intent::EnterUp => (up(1), false),
        Intent::MoveDown | Intent::EnterDown => (down(1), false),
        Intent::MoveLeft => (left, false),
        Intent::MoveRight => (right, false),
        Intent::ExtendUp => (up(1), true),
        Intent::ExtendDown => (down(1), true),
        Intent::ExtendLeft => (left, true),
        Intent::ExtendRight => (right, true),
        // Tab wraps to the next row's first cell, as spreadsheets do.
        Intent::NextCell if c.col < last_col => (
            Pos {
                col: c.col + 1,
                ..c
            },
            false,
        ),
        Intent::NextCell if c.row < last_row => (
            Pos {
                row: c.row + 1,
                col: 0,
            },
            false,
        ),
        Intent::NextCell => (c, false),
        Intent::PrevCell if c.col > 0 => (
            Pos {
                col: c.col - 1,
                ..c
            },
            false,
        ),
        Intent::PrevCell if c.row > 0 => (
            Pos {
                row: c.row - 1,
                col: last_col,
            },
            false,
        ),
        Intent::PrevCell => (c, false),
        Intent::RowStart => (Pos { col: 0, ..c }, false),
        Intent::RowEnd => (Pos { col: last_col, ..c }, false),
        Intent::GridStart => (Pos { row: 0, col: 0 }, false),
        Intent::GridEnd => (
            Pos {
                row: last_row,
                col: last_col,
            },
            false,
        ),
        Intent::PageUp => (up(b.page), false),
        Intent::PageDown => (down(b.page), false),
        Intent::ExtendPageUp => (up(b.page), true),
        Intent::ExtendPageDown => (down(b.page), true),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: Bounds = Bounds {
        rows: 10,
        cols: 5,
        page: 4,
    };

    fn after(mut s: Selection, intents: &[Intent]) -> Selection {
        for &i in intents {
            s.apply(i, B);
        }
        s
    }

    #[test]
    fn arrows_move_and_stop_at_the_edges() {
        let s = after(
            Selection::at(0, 0),
            &[
                Intent::MoveUp,
                Intent::MoveLeft,
                Intent::MoveDown,
                Intent::MoveRight,
            ],
        );
        assert_eq!(s, Selection::at(1, 1));
        assert_eq!(
            after(Selection::at(9, 4), &[Intent::MoveDown, Intent::MoveRight]),
            Selection::at(9, 4)
        );
    }

    #[test]
    fn shift_arrows_extend_from_the_anchor() {
        let s = after(
            Selection::at(2, 2),
            &[Intent::ExtendDown, Intent::ExtendDown, Intent::ExtendLeft],
        );
        assert_eq!(s.range(), (Pos { row: 2, col: 1 }, Pos { row: 4, col: 2 }));
        assert!(s.contains(3, 1) && !s.contains(5, 2));
        // A plain move collapses it.
        assert_eq!(after(s, &[Intent::MoveRight]), Selection::at(4, 2));
    }

    #[test]
    fn tab_wraps_and_home_end_pages() {
        assert_eq!(
            after(Selection::at(0, 4), &[Intent::NextCell]),
            Selection::at(1, 0)
        );
        assert_eq!(
            after(Selection::at(1, 0), &[Intent::PrevCell]),
            Selection::at(0, 4)
        );
        assert_eq!(
            after(Selection::at(3, 2), &[Intent::RowEnd]),
            Selection::at(3, 4)
        );
        assert_eq!(
            after(Selection::at(3, 2), &[Intent::RowStart]),
            Selection::at(3, 0)
        );
        assert_eq!(
            after(Selection::at(3, 2), &[Intent::GridEnd]),
            Selection::at(9, 4)
        );
        assert_eq!(
            after(Selection::at(3, 2), &[Intent::GridStart]),
            Selection::at(0, 0)
        );
        assert_eq!(
            after(Selection::at(3, 2), &[Intent::PageDown, Intent::PageDown]),
            Selection::at(9, 2)
        );
        assert_eq!(
            after(Selection::at(3, 2), &[Intent::PageUp]),
            Selection::at(0, 2)
        );
        let s = after(Selection::at(3, 2), &[Intent::ExtendPageDown]);
        assert_eq!(s.range(), (Pos { row: 3, col: 2 }, Pos { row: 7, col: 2 }));
        let all = after(Selection::at(3, 2), &[Intent::SelectAll]);
        assert_eq!(
            all.range(),
            (Pos { row: 0, col: 0 }, Pos { row: 9, col: 4 })
        );
    }
}
