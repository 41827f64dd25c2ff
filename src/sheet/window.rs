//! Which rows and columns of a virtualised grid are in view, and how far to scroll to show
//! the active cell. Plain arithmetic, tested natively.

/// Rows and columns drawn beyond each edge of the view, so a small scroll shows no gap.
pub const OVERSCAN: usize = 3;

/// The scroll offset that brings item `index` (of `size`, after a frozen band of `frozen`)
/// fully into a view of `extent` now scrolled to `scroll`; `None` when it is already visible.
pub fn scroll_to_show(
    index: usize,
    size: f64,
    frozen: f64,
    scroll: f64,
    extent: f64,
) -> Option<f64> {
    let start = index as f64 * size;
    if start < scroll {
        Some(start)
    } else if frozen + start + size > scroll + extent {
        Some(frozen + start + size - extent)
    } else {
        None
    }
}

/// First and one-past-last index of items of size `size` visible in `[offset, offset+extent)`.
pub fn visible(offset: f64, extent: f64, size: f64, count: usize) -> (usize, usize) {
    let first = ((offset / size).floor() as usize)
        .saturating_sub(OVERSCAN)
        .min(count);
    let last = (((offset + extent.max(0.0)) / size).ceil() as usize + OVERSCAN).min(count);
    (first, last.max(first))
}

/// How many slots a view of `extent` needs to hold every window `visible` can return for
/// items of `size`: the DOM keeps this many rows (or columns) and reuses them as it scrolls.
pub fn pool_size(extent: f64, size: f64) -> usize {
    (extent.max(0.0) / size).ceil() as usize + 1 + 2 * OVERSCAN
}

/// The item that slot `slot` of a pool of `pool` shows when the window is `span` (from
/// `visible`): slot `i mod pool` shows item `i`, so an item keeps its slot while it stays in
/// view and scrolling re-fills only the slots of items that left. `None`: the slot is unused.
pub fn slot_item(span: (usize, usize), pool: usize, slot: usize) -> Option<usize> {
    let (first, end) = span;
    if pool == 0 || slot >= pool {
        return None;
    }
    let item = first + (slot + pool - first % pool) % pool;
    (item < end).then_some(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_in_view_has_its_own_slot_and_keeps_it_while_in_view() {
        let (extent, size, count) = (500.0, 26.0, 20_000);
        let pool = pool_size(extent, size);
        // 500 / 26 = 19.2 -> 20 rows, + 1 for a row cut at both edges, + 3 each side.
        assert_eq!(pool, 27);
        let mut before: Option<Vec<Option<usize>>> = None;
        for step in 0..400 {
            let offset = step as f64 * 7.5;
            let span = visible(offset, extent, size, count);
            assert!(
                span.1 - span.0 <= pool,
                "window {span:?} larger than the pool {pool}"
            );
            let shown: Vec<Option<usize>> = (0..pool).map(|s| slot_item(span, pool, s)).collect();
            let mut items: Vec<usize> = shown.iter().flatten().copied().collect();
            items.sort_unstable();
            assert_eq!(
                items,
                (span.0..span.1).collect::<Vec<_>>(),
                "at offset {offset}"
            );
            if let Some(prev) = &before {
                for (s, item) in prev.iter().enumerate() {
                    if let Some(i) = item.filter(|i| (span.0..span.1).contains(i)) {
                        assert_eq!(shown[s], Some(i), "item {i} moved slot at offset {offset}");
                    }
                }
            }
            before = Some(shown);
        }
        assert_eq!(slot_item((0, 4), 27, 4), None);
        assert_eq!(slot_item((0, 4), 0, 0), None);
    }

    #[test]
    fn scrolling_brings_the_active_cell_into_view() {
        // Rows of 26 px under a 40 px header, in a 300 px view scrolled to 260 (rows 10+ at the top).
        assert_eq!(scroll_to_show(12, 26.0, 40.0, 260.0, 300.0), None);
        assert_eq!(scroll_to_show(5, 26.0, 40.0, 260.0, 300.0), Some(130.0));
        // Row 20 ends at 40 + 546 = 586 > 560: scroll so it ends at the bottom edge.
        assert_eq!(scroll_to_show(20, 26.0, 40.0, 260.0, 300.0), Some(286.0));
    }

    #[test]
    fn visible_window_has_a_margin_and_stays_in_bounds() {
        assert_eq!(visible(0.0, 260.0, 26.0, 1000), (0, 10 + OVERSCAN));
        assert_eq!(
            visible(2600.0, 260.0, 26.0, 1000),
            (100 - OVERSCAN, 110 + OVERSCAN)
        );
        assert_eq!(visible(0.0, 260.0, 26.0, 4), (0, 4));
    }
}
