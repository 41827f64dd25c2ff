//! Row and cell slots: a fixed pool of rows and cells, as many as the view can show, reused
//! as the grid scrolls (slot `i mod pool` shows row `i`, see `sheet::window::slot_item`).
//! Each slot keeps small memos of what it shows, so:
//! - scrolling re-fills only the slots of rows (or columns) that came into view, in place,
//!   without creating or removing elements;
//! - an edit re-works each cell's memo and touches the DOM only where text or formatting
//!   changed;
//! - moving the cursor repaints only the cell it leaves and the cell it reaches, and opening
//!   the editor only the active cell.

use super::cell::CellLook;
use super::ctx::Ctx;
use super::editor::editor_input;
use super::render::{HEAD_H, LABEL_W, ROW_H};
use super::row_label::RowLabel;
use crate::sheet::marks::CellMarks;
use crate::sheet::rows::{GridRow, RowOwner, RowSpec};
use crate::sheet::selection::Selection;
use crate::sheet::window::slot_item;
use leptos::either::Either;
use leptos::prelude::*;

/// A window of items in view, `(first, past the last)`, and the pool of slots that shows it.
#[derive(Clone, Copy)]
pub struct Pool {
    pub span: Memo<(usize, usize)>,
    pub size: Memo<usize>,
}

impl Pool {
    /// The item slot `slot` shows, if any; changes only when that slot is re-filled.
    pub fn item(self, slot: usize) -> Memo<Option<usize>> {
        Memo::new(move |_| slot_item(self.span.get(), self.size.get(), slot))
    }

    /// The slots, for a `For`.
    pub fn slots(self) -> impl Fn() -> std::ops::Range<usize> + Copy {
        move || 0..self.size.get()
    }
}

/// What every slot of one grid shares.
#[derive(Clone, Copy)]
pub struct Slots {
    cx: Ctx,
    spec: RwSignal<RowSpec>,
    marks: Memo<CellMarks>,
    columns: Pool,
    /// The selected range when it is more than one cell (a single cell is the cursor).
    range: Memo<Option<Selection>>,
    /// Whether the in-cell editor is open (on the active cell).
    editor_open: Memo<bool>,
}

impl Slots {
    /// The shared state of a grid's slots.
    pub fn new(cx: Ctx, spec: RwSignal<RowSpec>, marks: Memo<CellMarks>, columns: Pool) -> Slots {
        let (selection, editing) = (cx.selection, cx.editing);
        Slots {
            cx,
            spec,
            marks,
            columns,
            range: Memo::new(move |_| selection.with(|s| (!s.is_single()).then_some(*s))),
            editor_open: Memo::new(move |_| editing.with(|e| e.is_some())),
        }
    }
}

/// The row a slot shows, with its `data-sku`; none when the slot is unused.
type SlotRow = Option<(GridRow, String)>;

/// How the cells of one row stand to the selection: the active column, the range of
/// selected columns (a range of more than one cell), and whether the editor is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct RowMarks {
    active: Option<usize>,
    range: Option<(usize, usize)>,
    editing: bool,
}

/// Row slot `slot`: the label and a cell slot per column slot; nothing while unused.
///
/// What the cells show is worked out here, once per row (the looks of the row's cells in
/// view, and how the row stands to the selection), and each cell takes its part: the big
/// signals (workbook, selection) then have a few subscribers per row instead of one per
/// cell, which keeps notifying them cheap.
pub fn row_slot(sh: Slots, rows_pool: Pool, slot: usize) -> impl IntoView {
    let cx = sh.cx;
    let (workbook, rows, periods) = (cx.data.workbook, cx.data.rows, cx.data.periods);
    let (spec, marks, columns) = (sh.spec, sh.marks, sh.columns);
    let index = rows_pool.item(slot);
    let row: Memo<SlotRow> = Memo::new(move |_| {
        let r = rows.with(|rs| rs.get(index.get()?).cloned())?;
        let key = workbook.with(|wb| r.key(wb));
        Some((r, key))
    });
    let used = Memo::new(move |_| row.with(Option::is_some));
    // The looks of this row's cells, by column slot.
    let looks = Memo::new(move |_| {
        let (span, pool) = (columns.span.get(), columns.size.get());
        row.with(|r| {
            let Some((row, key)) = r.as_ref() else {
                return Vec::new();
            };
            workbook.with(|wb| {
                marks.with(|m| {
                    periods.with(|ps| {
                        (0..pool)
                            .map(|c| {
                                let period = ps.get(slot_item(span, pool, c)?)?;
                                Some(CellLook::of(wb, row, key, period, m))
                            })
                            .collect::<Vec<_>>()
                    })
                })
            })
        })
    });
    let (selection, range, editor_open) = (cx.selection, sh.range, sh.editor_open);
    let row_marks = Memo::new(move |_| {
        let Some(i) = index.get() else {
            return RowMarks::default();
        };
        let cursor = selection.with(|s| s.cursor);
        let active = (cursor.row == i).then_some(cursor.col);
        RowMarks {
            active,
            range: range.with(|r| {
                let (a, b) = r.as_ref()?.range();
                (a.row..=b.row).contains(&i).then_some((a.col, b.col))
            }),
            editing: active.is_some() && editor_open.get(),
        }
    });
    let label = Memo::new(move |_| {
        row.with(|r| {
            r.as_ref()
                .map(|(r, _)| workbook.with(|wb| spec.with(|s| RowLabel::of(wb, r, &s.collapsed))))
        })
    });
    let note = Memo::new(move |_| {
        row.with(|r| {
            r.as_ref()
                .is_some_and(|(r, key)| r.first && marks.with(|m| m.row_has_note(key)))
        })
    });
    let class = move || {
        row.with(|r| {
            r.as_ref().map_or(String::new(), |(r, _)| {
                let kind = match &r.owner {
                    RowOwner::Total => "gr total",
                    RowOwner::Family(_) => "gr family",
                    RowOwner::Sku(_) => "gr sku",
                };
                format!("{kind}{}", if r.first { " first" } else { "" })
            })
        })
    };
    let i = move || index.get().unwrap_or_default();
    let of_row = OfRow {
        index,
        looks,
        marks: row_marks,
    };
    move || {
        used.get().then(|| {
            view! {
                <div role="row" class=class aria-rowindex=move || i() + 2
                    style=move || format!("top:{}px;height:{}px", HEAD_H + i() as f64 * ROW_H, ROW_H)>
                    <div role="rowheader" class="gl" style=format!("width:{LABEL_W}px")>
                        {move || label.with(|l| l.as_ref().map(RowLabel::view))}
                        {move || note.get().then(|| view! {
                            <span class="note-marker" data-testid="row-note-marker" title="This row has a note: see Notes">"✎"</span>
                        })}
                    </div>
                    <For each=columns.slots() key=|c| *c children=move |c| cell_slot(sh, of_row, c) />
                </div>
            }
        })
    }
}

/// What a row slot hands its cells.
#[derive(Clone, Copy)]
struct OfRow {
    index: Memo<Option<usize>>,
    looks: Memo<Vec<Option<CellLook>>>,
    marks: Memo<RowMarks>,
}

/// How a cell stands to the selection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Marked {
    active: bool,
    /// Inside a selected range of more than one cell.
    in_range: bool,
    editing: bool,
}

/// Cell slot `slot` of a row slot.
fn cell_slot(sh: Slots, row: OfRow, slot: usize) -> impl IntoView {
    let cx = sh.cx;
    let col = sh.columns.item(slot);
    let look = Memo::new(move |_| row.looks.with(|l| l.get(slot).cloned().flatten()));
    let used = Memo::new(move |_| look.with(Option::is_some));
    // Only the cells whose answer changed repaint on a key press.
    let marked = Memo::new(move |_| {
        let Some(j) = col.get() else {
            return Marked::default();
        };
        row.marks.with(|m| Marked {
            active: m.active == Some(j),
            in_range: m.range.is_some_and(|(a, b)| (a..=b).contains(&j)),
            editing: m.editing && m.active == Some(j),
        })
    });
    let part = move |f: fn(&CellLook) -> String| {
        move || look.with(|l| l.as_ref().map(f).unwrap_or_default())
    };
    let class = move || {
        let mut class = look.with(|l| l.as_ref().map(|l| l.class.clone()).unwrap_or_default());
        let m = marked.get();
        if m.in_range {
            class.push_str(" selected");
        }
        if m.active {
            class.push_str(" active");
        }
        class
    };
    let j = move || col.get().unwrap_or_default();
    let col_w = cx.col_w;
    let editing = Memo::new(move |_| marked.get().editing);
    let content = move || {
        if editing.get() {
            Either::Left(editor_input(cx))
        } else {
            Either::Right(view! { <span class="v">{part(|l| l.text.clone())}</span> })
        }
    };
    move || {
        used.get().then(|| {
            view! {
                <div role="gridcell" class=class aria-colindex=move || j() + 2
                    aria-selected=move || marked.with(|m| m.active || m.in_range).to_string()
                    data-sku=part(|l| l.sku.clone()) data-period=part(|l| l.period.clone())
                    data-measure=part(|l| l.measure.to_string())
                    style=move || format!("left:{}px;width:{}px", LABEL_W + j() as f64 * col_w, col_w)
                    data-row=move || row.index.get().unwrap_or_default() data-col=j>
                    {content}
                </div>
            }
        })
    }
}
