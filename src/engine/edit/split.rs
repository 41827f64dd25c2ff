//! Spreading a new total over the cells under it (a family's or a month's forecast edited in
//! the deep dive): in proportion to the current values, or equally when they are all zero.
//! Shares are whole thousandths of a unit, rounded by largest remainder so they add up to
//! the new total exactly; ties go to the earlier cell, so the split is deterministic.

use crate::engine::model::qty::Qty;

/// The rule as the app shows it to the planner.
pub const SPLIT_RULE: &str =
    "Split to SKUs and weeks in proportion to the current forecast (equally where it is zero).";

/// New values for cells holding `current` so that they sum to `total` (≥ 0).
pub fn split(total: Qty, current: &[Qty]) -> Vec<Qty> {
    let n = current.len();
    if n == 0 {
        return Vec::new();
    }
    let sum: i128 = current.iter().map(|q| q.0.max(0) as i128).sum();
    let t = total.0.max(0) as i128;
    let weights: Vec<i128> = if sum == 0 {
        vec![1; n]
    } else {
        current.iter().map(|q| q.0.max(0) as i128).collect()
    };
    let wsum: i128 = weights.iter().sum();
    let mut out: Vec<i128> = weights.iter().map(|w| t * w / wsum).collect();
    let mut remainders: Vec<(i128, usize)> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| (t * w % wsum, i))
        .collect();
    let short = t - out.iter().sum::<i128>();
    // Largest remainder first; the earlier cell wins a tie.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().take(short as usize) {
        out[i] += 1;
    }
    out.into_iter().map(|v| Qty(v as i64)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proportional_and_exact() {
        // 100, 300 → total 800: 200 and 600.
        assert_eq!(
            split(Qty::units(800), &[Qty::units(100), Qty::units(300)]),
            [Qty::units(200), Qty::units(600)]
        );
        // 1 unit over three equal cells: 0.334, 0.333, 0.333 (the first takes the spare thousandth).
        assert_eq!(
            split(Qty::units(1), &[Qty::units(5); 3]),
            [Qty(334), Qty(333), Qty(333)]
        );
        // All zero: equal split.
        assert_eq!(split(Qty::units(90), &[Qty::ZERO; 3]), [Qty::units(30); 3]);
        // Zero total clears.
        assert_eq!(
            split(Qty::ZERO, &[Qty::units(4), Qty::units(6)]),
            [Qty::ZERO, Qty::ZERO]
        );
        let parts = split(Qty(1_000_003), &[Qty(7), Qty(11), Qty(13), Qty(0)]);
        assert_eq!(parts.iter().map(|q| q.0).sum::<i64>(), 1_000_003);
        assert_eq!(parts[3], Qty::ZERO);
    }
}
