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

#[cfg(test)]
mod tests {
    use super::*;

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
