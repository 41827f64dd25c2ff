//! The planning grid: one component for every view. It owns no numbers — it asks the
//! workbook for each visible cell — and turns keys, clicks, pastes into edits through the
//! sheet rules and the workbook's one edit API.
//!
//! Virtualised both ways: only the rows and periods in view (plus a small margin) exist in
//! the DOM, positioned absolutely inside a sizer as tall and wide as the whole grid. The
//! header row and the label column are sticky.

use super::cell::{cell_text, explain, stock_class};
use super::locale;
use super::row_label::row_label;
use crate::engine::Workbook;
use crate::sheet::edits::{block_edits, clear_edits, editable, fill_down_edits, Changes};
use crate::sheet::keymap::{intent_for, starts_typing, Intent};
use crate::sheet::marks::CellMarks;
use crate::sheet::periods::Period;
use crate::sheet::rows::{GridRow, RowOwner, RowSpec};
use crate::sheet::selection::{Bounds, Pos, Selection};
use crate::sheet::tsv;
use crate::sheet::window::{scroll_to_show, visible};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub const ROW_H: f64 = 26.0;
pub const HEAD_H: f64 = 40.0;
/// Width of a week column; month columns are wider (the view says).
pub const COL_W: f64 = 68.0;
pub const LABEL_W: f64 = 330.0;

/// Said when the user types into a cell that is worked out by the plan.
const CALCULATED: &str = "This cell is calculated: type into forecast, consensus, receipts, safety stock or (past weeks) actual sales";

/// Editing in progress: the text, and whether arrows commit (typing) or move the caret (F2).
#[derive(Clone, Debug, PartialEq)]
struct Editing {
    text: String,
    arrows_commit: bool,
}

#[component]
pub fn Grid(
    workbook: RwSignal<Workbook>,
    rows: Memo<Vec<GridRow>>,
    periods: Memo<Vec<Period>>,
    /// Column width in pixels.
    col_w: f64,
    spec: RwSignal<RowSpec>,
    selection: RwSignal<Selection>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let container = NodeRef::<leptos::html::Div>::new();
    let scroll = RwSignal::new((0.0f64, 0.0f64));
    let viewport = RwSignal::new((560.0f64, 960.0f64));
    let editing = RwSignal::new(None::<Editing>);
    let dragging = RwSignal::new(false);
    // One locale for what the grid shows, the editor holds, and copy and paste carry.
    let loc = locale::current();
    let dec = loc.decimal;
    // Notes and changes since the last check-in, when the app provides them.
    let marks =
        use_context::<Memo<CellMarks>>().unwrap_or_else(|| Memo::new(|_| CellMarks::default()));

    let bounds = move || Bounds {
        rows: rows.with(|r| r.len()),
        cols: periods.with(|p| p.len()),
        page: (((viewport.get_untracked().0 - HEAD_H) / ROW_H).floor() as usize)
            .saturating_sub(1)
            .max(1),
    };

    let measure_viewport = move || {
        if let Some(el) = container.get_untracked() {
            viewport.set((el.client_height() as f64, el.client_width() as f64));
        }
    };

    // Keep the active cell in view after keyboard moves and exception clicks.
    Effect::new(move |_| {
        let cur = selection.get().cursor;
        let Some(el) = container.get() else { return };
        let (h, w) = (el.client_height() as f64, el.client_width() as f64);
        if let Some(top) = scroll_to_show(cur.row, ROW_H, HEAD_H, el.scroll_top() as f64, h) {
            el.set_scroll_top(top as i32);
        }
        if let Some(left) = scroll_to_show(cur.col, col_w, LABEL_W, el.scroll_left() as f64, w) {
            el.set_scroll_left(left as i32);
        }
        scroll.set((el.scroll_top() as f64, el.scroll_left() as f64));
        viewport.set((h, w));
    });

    // Focus the editor when it opens (caret at the end), so typing continues into it.
    Effect::new(move |_| {
        if editing.with(|e| e.is_some()) {
            let Some(el) = container.get() else { return };
            // The editor is inserted by the grid's render, which runs after this effect.
            request_animation_frame(move || {
                if let Ok(Some(input)) = el.query_selector(".cell-editor") {
                    if let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() {
                        let _ = input.focus();
                        let end = input.value().len() as u32;
                        let _ = input.set_selection_range(end, end);
                    }
                }
            });
        }
    });

    // When rows come and go (filter, collapse, only exceptions) the browser clamps the scroll
    // position without always firing a scroll event: re-read it, and keep the selection inside.
    Effect::new(move |_| {
        let n = rows.with(|r| r.len());
        let cols = periods.with(|p| p.len());
        selection.update_untracked(|s| {
            s.clamp(Bounds {
                rows: n,
                cols,
                page: 1,
            })
        });
        if let Some(el) = container.get() {
            request_animation_frame(move || {
                scroll.set((el.scroll_top() as f64, el.scroll_left() as f64))
            });
        }
    });

    let apply = move |label: String, changes: Result<Changes, String>, skipped: usize| {
        let changes = match changes {
            Ok(c) => c,
            Err(e) => {
                message.set(Some(format!("Nothing changed: {e}")));
                return;
            }
        };
        if changes.is_empty() {
            message.set(Some(if skipped > 0 {
                CALCULATED.to_string()
            } else {
                "Nothing to change".to_string()
            }));
            return;
        }
        match workbook.try_update(|wb| wb.apply(&label, changes.into_edit())) {
            Some(Err(e)) => message.set(Some(e.to_string())),
            _ => message.set(
                (skipped > 0).then(|| format!("{label}: {skipped} calculated cell(s) skipped")),
            ),
        }
    };

    let focus_grid = move || {
        if let Some(el) = container.get_untracked() {
            let _ = el.focus();
        }
    };

    // Commits the editor's text into the active cell; false when refused (editor stays open).
    let commit = move || -> bool {
        let Some(ed) = editing.get_untracked() else {
            return true;
        };
        let at = selection.get_untracked().cursor;
        let result = workbook.with_untracked(|wb| {
            rows.with_untracked(|r| {
                periods.with_untracked(|p| block_edits(wb, r, p, at, &[vec![ed.text.clone()]], dec))
            })
        });
        match result {
            Err(e) => {
                message.set(Some(e));
                false
            }
            Ok((edits, skipped)) => {
                editing.set(None);
                apply("Edit cell".to_string(), Ok(edits), skipped);
                focus_grid();
                true
            }
        }
    };

    let start_edit = move |text: Option<String>| {
        let at = selection.get_untracked().cursor;
        let (ok, current) = workbook.with_untracked(|wb| {
            rows.with_untracked(|r| {
                periods.with_untracked(|p| match (r.get(at.row), p.get(at.col)) {
                    (Some(row), Some(p)) => (
                        editable(wb, row, p).is_some(),
                        loc.edit_text(row.value(wb, p)),
                    ),
                    _ => (false, String::new()),
                })
            })
        });
        if workbook.with_untracked(Workbook::is_read_only) {
            message.set(Some(crate::engine::PlanError::ReadOnly.to_string()));
            return;
        }
        if !ok {
            message.set(Some(CALCULATED.to_string()));
            return;
        }
        message.set(None);
        let arrows_commit = text.is_some();
        editing.set(Some(Editing {
            text: text.unwrap_or(current),
            arrows_commit,
        }));
    };

    let on_intent = move |intent: Intent| {
        let range = selection.get_untracked().range();
        match intent {
            Intent::Edit => start_edit(None),
            Intent::Cancel => message.set(None),
            Intent::Clear => {
                let edits = workbook.with_untracked(|wb| {
                    rows.with_untracked(|r| {
                        periods.with_untracked(|p| clear_edits(wb, r, p, range.0, range.1))
                    })
                });
                let n = edits.as_ref().map_or(0, |c| c.targets);
                apply(format!("Clear {n} cell(s)"), edits, 0);
            }
            Intent::Undo | Intent::Redo => {
                let r = workbook.try_update(|wb| {
                    if intent == Intent::Undo {
                        wb.undo()
                    } else {
                        wb.redo()
                    }
                });
                match r {
                    Some(Ok(t)) => message.set(Some(t.label)),
                    Some(Err(_)) => message.set(Some(format!(
                        "Nothing to {}",
                        if intent == Intent::Undo {
                            "undo"
                        } else {
                            "redo"
                        }
                    ))),
                    None => {}
                }
            }
            Intent::FillDown => {
                let edits = workbook.with_untracked(|wb| {
                    rows.with_untracked(|r| {
                        periods.with_untracked(|p| fill_down_edits(wb, r, p, range.0, range.1))
                    })
                });
                apply("Fill down".to_string(), edits, 0);
            }
            Intent::Copy => {}
            // The meeting bar listens for these on the page.
            i if i.is_meeting() => {}
            other => {
                let b = bounds();
                selection.update(|s| {
                    s.apply(other, b);
                });
            }
        }
    };

    // Keys while editing: Enter/Tab commit and move, Esc cancels, arrows commit and move when
    // the edit began by typing. Returns true when the key was handled.
    let editor_key = move |key: &str, shift: bool| -> bool {
        let arrows_commit = editing.get_untracked().is_some_and(|e| e.arrows_commit);
        let then = match key {
            "Enter" => Some(if shift {
                Intent::EnterUp
            } else {
                Intent::EnterDown
            }),
            "Tab" => Some(if shift {
                Intent::PrevCell
            } else {
                Intent::NextCell
            }),
            "ArrowUp" if arrows_commit => Some(Intent::MoveUp),
            "ArrowDown" if arrows_commit => Some(Intent::MoveDown),
            "ArrowLeft" if arrows_commit => Some(Intent::MoveLeft),
            "ArrowRight" if arrows_commit => Some(Intent::MoveRight),
            "Escape" => {
                editing.set(None);
                message.set(None);
                focus_grid();
                return true;
            }
            _ => None,
        };
        let Some(intent) = then else { return false };
        if commit() {
            let b = bounds();
            selection.update(|s| {
                s.apply(intent, b);
            });
        }
        true
    };

    let on_editor_key = move |ev: leptos::ev::KeyboardEvent| {
        ev.stop_propagation();
        if editor_key(&ev.key(), ev.shift_key()) {
            ev.prevent_default();
        }
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if editing.get_untracked().is_some() {
            // The editor opened but has not taken focus yet (it does on the next frame):
            // keep what a fast typist types instead of losing it.
            let key = ev.key();
            if !editor_key(&key, ev.shift_key())
                && key.chars().count() == 1
                && !(ev.ctrl_key() || ev.meta_key())
            {
                editing.update(|e| {
                    if let Some(e) = e {
                        e.text.push_str(&key);
                    }
                });
            }
            ev.prevent_default();
            return;
        }
        let key = ev.key();
        let ctrl = ev.ctrl_key() || ev.meta_key();
        if let Some(intent) = intent_for(&key, ctrl, ev.shift_key()) {
            // Let the browser raise the copy event (handled below) for Ctrl+C.
            if intent != Intent::Copy {
                ev.prevent_default();
            }
            on_intent(intent);
        } else if starts_typing(&key, ctrl) {
            ev.prevent_default();
            start_edit(Some(key));
        }
    };

    let on_copy = move |ev: leptos::ev::ClipboardEvent| {
        if editing.get_untracked().is_some() {
            return;
        }
        let (a, b) = selection.get_untracked().range();
        let text = workbook.with_untracked(|wb| {
            rows.with_untracked(|r| {
                periods.with_untracked(|p| tsv::copy_block(wb, r, p, a, b, &loc))
            })
        });
        if let Some(dt) = ev.clipboard_data() {
            let _ = dt.set_data("text/plain", &text);
            ev.prevent_default();
            let cells = (b.row - a.row + 1) * (b.col - a.col + 1);
            message.set(Some(format!("Copied {cells} cell(s)")));
        }
    };

    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        if editing.get_untracked().is_some() {
            return;
        }
        let Some(text) = ev
            .clipboard_data()
            .and_then(|dt| dt.get_data("text/plain").ok())
        else {
            return;
        };
        ev.prevent_default();
        let block = tsv::parse(&text);
        let at = selection.get_untracked().range().0;
        let result = workbook.with_untracked(|wb| {
            rows.with_untracked(|r| {
                periods.with_untracked(|p| block_edits(wb, r, p, at, &block, dec))
            })
        });
        match result {
            Err(e) => message.set(Some(format!("Nothing pasted: {e}"))),
            Ok((edits, skipped)) => {
                let (h, w) = (
                    block.len(),
                    block.iter().map(|r| r.len()).max().unwrap_or(0),
                );
                apply(format!("Paste {h}×{w}"), Ok(edits), skipped);
                if h > 0 && w > 0 {
                    let b = bounds();
                    selection.set(Selection {
                        anchor: at,
                        cursor: Pos {
                            row: (at.row + h - 1).min(b.rows.saturating_sub(1)),
                            col: (at.col + w - 1).min(b.cols.saturating_sub(1)),
                        },
                    });
                }
            }
        }
    };

    // Mouse handling is delegated to the grid (one listener each, not three per cell):
    // the cell under the pointer is found from its data-row / data-col.
    let cell_at = |ev: &leptos::ev::MouseEvent| -> Option<(usize, usize)> {
        let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
        if target.tag_name() == "INPUT" {
            return None;
        }
        let cell = target.closest("[role=gridcell]").ok()??;
        Some((
            cell.get_attribute("data-row")?.parse().ok()?,
            cell.get_attribute("data-col")?.parse().ok()?,
        ))
    };
    let on_mousedown = move |ev: leptos::ev::MouseEvent| {
        let Some((i, j)) = cell_at(&ev) else { return };
        if editing.get_untracked().is_some() && !commit() {
            return;
        }
        if ev.shift_key() {
            selection.update(|s| s.extend_to(i, j));
        } else {
            selection.set(Selection::at(i, j));
        }
        dragging.set(true);
    };
    let on_mouseover = move |ev: leptos::ev::MouseEvent| {
        // Tooltips are worked out when the pointer arrives, not for every cell on every render.
        if let Some((i, j)) = cell_at(&ev) {
            let tip = workbook.with_untracked(|wb| {
                rows.with_untracked(|r| {
                    periods.with_untracked(|p| match (r.get(i), p.get(j)) {
                        (Some(row), Some(p)) => explain(wb, row, p),
                        _ => String::new(),
                    })
                })
            });
            if let Some(cell) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("[role=gridcell]").ok().flatten())
            {
                let _ = cell.set_attribute("title", &tip);
            }
        }
        if dragging.get_untracked() {
            if let Some((i, j)) = cell_at(&ev) {
                if selection.with_untracked(|s| s.cursor != Pos { row: i, col: j }) {
                    selection.update(|s| s.extend_to(i, j));
                }
            }
        }
    };
    let on_dblclick = move |ev: leptos::ev::MouseEvent| {
        if cell_at(&ev).is_some() {
            start_edit(None);
        }
    };

    let on_scroll = move |_| {
        if let Some(el) = container.get_untracked() {
            scroll.set((el.scroll_top() as f64, el.scroll_left() as f64));
        }
    };

    let window_listener = window_event_listener(leptos::ev::mouseup, move |_| dragging.set(false));
    on_cleanup(move || window_listener.remove());
    let resize_listener = window_event_listener(leptos::ev::resize, move |_| measure_viewport());
    on_cleanup(move || resize_listener.remove());

    let header = move || {
        let (_, left) = scroll.get();
        let (_, width) = viewport.get();
        workbook.with(|wb| {
            let cal = &wb.plan().calendar;
            periods.with(|p| {
                let (c0, c1) = visible(left, width - LABEL_W, col_w, p.len());
                (c0..c1)
                    .map(|j| {
                        let period = &p[j];
                        let (top, bottom) = period.header(cal);
                        let class = if period.is_current(cal) { "gh current" } else if period.is_past(cal) { "gh past" } else { "gh" };
                        view! {
                            <div role="columnheader" class=class data-period=period.key.clone() aria-colindex=j + 2
                                style=format!("left:{}px;width:{}px", LABEL_W + j as f64 * col_w, col_w)>
                                <span class="wk">{top}</span>
                                <span class="date">{bottom}</span>
                            </div>
                        }
                    })
                    .collect_view()
            })
        })
    };

    let body = move || {
        let (top, left) = scroll.get();
        let (height, width) = viewport.get();
        let sel = selection.get();
        let ed = editing.get();
        let collapsed = spec.with(|s| s.collapsed.clone());
        workbook.with(|wb| {
            let cal = &wb.plan().calendar;
            rows.with(|rs| {
                periods.with(|ps| {
                    let (r0, r1) = visible(top, height - HEAD_H, ROW_H, rs.len());
                    let (c0, c1) = visible(left, width - LABEL_W, col_w, ps.len());
                    (r0..r1)
                        .map(|i| {
                            let row = &rs[i];
                            let key = row.key(wb);
                            let label = row_label(wb, row, &collapsed);
                            let row_note = (row.first && marks.with(|m| m.row_has_note(&key))).then(|| view! {
                                <span class="note-marker" data-testid="row-note-marker" title="This row has a note: see Notes">"✎"</span>
                            });
                            let cells = (c0..c1)
                                .map(|j| {
                                    let period = &ps[j];
                                    let v = row.value(wb, period);
                                    let is_input = editable(wb, row, period).is_some();
                                    let active = sel.cursor == Pos { row: i, col: j };
                                    let mut class = String::from(if is_input { "gc input" } else { "gc" });
                                    class.push_str(stock_class(wb, row, period));
                                    if period.is_past(cal) {
                                        class.push_str(" past");
                                    } else if period.is_current(cal) {
                                        class.push_str(" current");
                                    }
                                    if sel.contains(i, j) && !sel.is_single() {
                                        class.push_str(" selected");
                                    }
                                    if active {
                                        class.push_str(" active");
                                    }
                                    let note = marks.with(|m| m.has_note(&key, &period.key, row.measure.key()));
                                    if note {
                                        class.push_str(" has-note");
                                    }
                                    if marks.with(|m| m.changed(row, period)) {
                                        class.push_str(" changed");
                                    }
                                    let editor = (active && ed.is_some()).then(|| {
                                        let text = ed.clone().map(|e| e.text).unwrap_or_default();
                                        view! {
                                            <input class="cell-editor" data-testid="cell-editor" prop:value=text
                                                on:input=move |ev| editing.update(|e| if let Some(e) = e { e.text = event_target_value(&ev) })
                                                on:keydown=on_editor_key
                                                on:blur=move |_| { if editing.get_untracked().is_some() { commit(); } } />
                                        }
                                    });
                                    view! {
                                        <div role="gridcell" class=class aria-colindex=j + 2 aria-selected=sel.contains(i, j).to_string()
                                            data-sku=key.clone() data-period=period.key.clone() data-measure=row.measure.key()
                                            style=format!("left:{}px;width:{}px", LABEL_W + j as f64 * col_w, col_w)
                                            data-row=i data-col=j>
                                            {match editor {
                                                Some(e) => e.into_any(),
                                                None => view! { <span class="v">{cell_text(v)}</span> }.into_any(),
                                            }}
                                        </div>
                                    }
                                })
                                .collect_view();
                            let row_class = match &row.owner {
                                RowOwner::Total => "gr total",
                                RowOwner::Family(_) => "gr family",
                                RowOwner::Sku(_) => "gr sku",
                            };
                            let row_class = format!("{row_class}{}", if row.first { " first" } else { "" });
                            view! {
                                <div role="row" class=row_class aria-rowindex=i + 2
                                    style=format!("top:{}px;height:{}px", HEAD_H + i as f64 * ROW_H, ROW_H)>
                                    <div role="rowheader" class="gl" style=format!("width:{LABEL_W}px")>{label}{row_note}</div>
                                    {cells}
                                </div>
                            }
                        })
                        .collect_view()
                })
            })
        })
    };

    let size = move || {
        let (nr, nc) = (rows.with(|r| r.len()), periods.with(|p| p.len()));
        format!(
            "height:{}px;width:{}px",
            HEAD_H + nr as f64 * ROW_H,
            LABEL_W + nc as f64 * col_w
        )
    };

    Effect::new(move |_| measure_viewport());

    view! {
        <div class="grid" role="grid" data-testid="plan-grid" tabindex="0" node_ref=container
            aria-readonly=move || workbook.with(Workbook::is_read_only).to_string()
            class:read-only=move || workbook.with(Workbook::is_read_only)
            aria-rowcount=move || rows.with(|r| r.len()) + 1 aria-colcount=move || periods.with(|p| p.len()) + 1
            aria-label="Planning grid: rows are SKUs and measures, columns are periods"
            on:scroll=on_scroll on:keydown=on_keydown on:copy=on_copy on:paste=on_paste
            on:mousedown=on_mousedown on:mouseover=on_mouseover on:dblclick=on_dblclick>
            <div class="grid-sizer" style=size>
                <div class="grid-head" role="row" aria-rowindex="1" style=move || format!("height:{HEAD_H}px")>
                    <div role="columnheader" class="gl corner" style=format!("width:{LABEL_W}px")>"SKU · measure"</div>
                    {header}
                </div>
                {body}
            </div>
        </div>
    }
}
