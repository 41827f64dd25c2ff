//! Forward weeks of cover, and safety stock expressed as weeks of cover.
//!
//! Cover at week *k* (frePPLe, Anaplan): walk the demand of the weeks after *k* until the ending
//! stock of *k* is used up, counting a fraction of the last week. Demand past the horizon is
//! assumed to continue at the run rate (the mean of the last [`RUN_RATE_WEEKS`] horizon weeks),
//! so weeks near the end of the horizon get a sensible cover instead of a cap. Cover is capped
//! at [`COVER_CAP`] weeks (also when no demand is left at all). Stock at or below zero has no
//! cover. The same functions serve SKUs and aggregates: at a family or total, cover is
//! recomputed from the aggregate stock and demand, never summed.

/// Cover shown as "99+" above this.
pub const COVER_CAP: f64 = 99.0;
/// Horizon weeks averaged for demand beyond the horizon.
pub const RUN_RATE_WEEKS: usize = 4;

/// Prefix sums over the future demand of one row, built once per recalculation.
pub struct ForwardDemand<'a> {
    demand: &'a [i64],
    prefix: Vec<i64>,
    run_rate: f64,
}

impl<'a> ForwardDemand<'a> {
    /// `demand` holds the future weeks only (current week first), all values ≥ 0.
    pub fn new(demand: &'a [i64], mut prefix: Vec<i64>) -> ForwardDemand<'a> {
        prefix.clear();
        prefix.push(0);
        let mut acc = 0i64;
        for &d in demand {
            acc += d;
            prefix.push(acc);
        }
        let tail = RUN_RATE_WEEKS.min(demand.len());
        let run_rate = if tail == 0 {
            0.0
        } else {
            demand[demand.len() - tail..].iter().sum::<i64>() as f64 / tail as f64
        };
        ForwardDemand {
            demand,
            prefix,
            run_rate,
        }
    }

    /// Hands the buffer back for reuse.
    pub fn into_buffer(self) -> Vec<i64> {
        self.prefix
    }

    /// Weeks the `stock` at the end of future week `k` lasts.
    pub fn cover(&self, k: usize, stock: i64) -> f64 {
        if stock <= 0 {
            return 0.0;
        }
        let target = self.prefix[k + 1] + stock;
        // First prefix index j > k+1 with prefix[j] >= target.
        let j = k + 2 + self.prefix[k + 2..].partition_point(|&p| p < target);
        self.cover_at(k, target, j)
    }

    /// Cover of every future week of a row of ending stocks, into `out`.
    ///
    /// The walk's target `prefix[k+1] + end(k)` grows by exactly the receipts of week k+1
    /// (never negative), so the week where stock runs out only moves forward: one pointer
    /// walks the row once instead of a binary search per week.
    pub fn cover_row(&self, ends: &[i64], out: &mut [f64]) {
        let h = self.demand.len();
        let mut j = 0;
        for k in 0..h {
            let stock = ends[k];
            if stock <= 0 {
                out[k] = 0.0;
                continue;
            }
            let target = self.prefix[k + 1] + stock;
            if j < k + 2 || self.prefix[j - 1] >= target {
                // First use, or a target that went back (cannot happen with validated
                // receipts): restart from this week.
                j = k + 2;
            }
            while j <= h && self.prefix[j] < target {
                j += 1;
            }
            out[k] = self.cover_at(k, target, j);
        }
    }

    /// Cover once the first prefix index `j` at or above `target` is known (`h + 1` = none).
    fn cover_at(&self, k: usize, target: i64, j: usize) -> f64 {
        let h = self.demand.len();
        let cover = if j <= h {
            let full = (j - k - 2) as f64;
            let remaining = (target - self.prefix[j - 1]) as f64;
            full + remaining / self.demand[j - 1] as f64
        } else {
            let full = (h - k - 1) as f64;
            let remaining = (target - self.prefix[h]) as f64;
            if self.run_rate > 0.0 {
                full + remaining / self.run_rate
            } else {
                COVER_CAP
            }
        };
        cover.min(COVER_CAP)
    }

    /// Demand over the `weeks` (fractional) after future week `k`, rounded to a thousandth.
    pub fn demand_after(&self, k: usize, weeks: f64) -> i64 {
        let h = self.demand.len();
        let whole = weeks.floor() as usize;
        let frac = weeks - whole as f64;
        let start = k + 1;
        let end = (start + whole).min(h);
        let mut total = (self.prefix[end] - self.prefix[start.min(h)]) as f64;
        total += (start + whole).saturating_sub(end.max(start)) as f64 * self.run_rate;
        let next = start + whole;
        let next_demand = if next < h {
            self.demand[next] as f64
        } else {
            self.run_rate
        };
        total += frac * next_demand;
        // Non-negative, so floor(x + ½) rounds half up; `f64::round` has no wasm instruction
        // and became a software call in this per-week hot path.
        (total + 0.5).floor() as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fd(d: &[i64]) -> ForwardDemand<'_> {
        ForwardDemand::new(d, Vec::new())
    }

    #[test]
    fn cover_counts_whole_weeks_then_a_fraction() {
        // Demand after week 0: 10, 20, 40. Stock 45 covers 10 + 20 and 15/40 of the third.
        let d = [5, 10, 20, 40];
        assert_eq!(fd(&d).cover(0, 45), 2.375);
        assert_eq!(fd(&d).cover(0, 10), 1.0);
        assert_eq!(fd(&d).cover(0, 0), 0.0);
        assert_eq!(fd(&d).cover(0, -5), 0.0);
    }

    #[test]
    fn cover_past_the_horizon_uses_the_run_rate() {
        // Run rate = (5+10+20+40)/4 = 18.75. At the last week, stock 75 lasts 4 weeks.
        let d = [5, 10, 20, 40];
        assert_eq!(fd(&d).cover(3, 75), 4.0);
        // At week 1: 20 + 40 used, 15 left over the run rate -> 2 + 0.8.
        assert_eq!(fd(&d).cover(1, 75), 2.8);
    }

    #[test]
    fn row_walk_equals_week_by_week_cover() {
        // Ending stocks with receipts in weeks 2 and 4 (targets grow), stockouts and excess.
        let d = [5, 10, 20, 40, 0, 30, 10];
        let ends = [45, 35, 60, 20, 120, -5, 1_000];
        let f = fd(&d);
        let mut out = [0.0; 7];
        f.cover_row(&ends, &mut out);
        let expected: Vec<f64> = (0..7).map(|k| f.cover(k, ends[k])).collect();
        assert_eq!(out.to_vec(), expected);
        assert_eq!(out[0], 2.375);
    }

    #[test]
    fn cover_is_capped_and_zero_demand_means_capped() {
        assert_eq!(fd(&[0, 0, 0]).cover(0, 100), COVER_CAP);
        assert_eq!(fd(&[1, 1, 1]).cover(0, 1_000_000), COVER_CAP);
    }

    #[test]
    fn weeks_of_cover_demand_is_fractional() {
        let d = [5, 10, 20, 40];
        // 1.5 weeks after week 0: 10 + half of 20.
        assert_eq!(fd(&d).demand_after(0, 1.5), 20);
        // 3 weeks after week 1: 20 + 40 + run rate 18.75 = 78.75 -> 79.
        assert_eq!(fd(&d).demand_after(1, 3.0), 79);
        assert_eq!(fd(&d).demand_after(3, 2.0), 38);
    }
}
