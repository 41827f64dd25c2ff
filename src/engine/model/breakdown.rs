//! Where units came from or sit: a SKU's actual sales split by sales channel ("Shopify web",
//! "Amazon"), and its stock on hand split by location ("Warehouse", "Amazon FBA"). The plan
//! works with the totals (the grid's actual sales row, the on hand the projection starts
//! from); the split says where they came from, and always adds up to the total.
//!
//! Rules a planner can rely on:
//! - Units whose file did not say a channel or location sit in the unnamed one, shown as
//!   "Other / not said". A SKU with no split at all has all of its units there.
//! - A typed total keeps what each named channel (location) holds and puts the rest on
//!   "Other / not said". Typed below what the named ones hold, that week's channel split (the
//!   SKU's location split) is cleared: all of the total counts as "not said".
//! - A split is kept tidy: channels and locations with no units are dropped, and a split
//!   that is all "not said" is no split.

use super::product::Product;
use super::qty::Qty;
use super::series::SkuSeries;
use std::collections::BTreeMap;

/// Actual sales by channel name: one value per plan week, like the series.
pub type Channels = BTreeMap<String, Vec<Qty>>;

/// Stock on hand by location name.
pub type Locations = BTreeMap<String, Qty>;

/// The channel or location of units whose file did not say.
pub const NOT_SAID: &str = "";

/// How the unnamed channel or location reads.
pub const NOT_SAID_LABEL: &str = "Other / not said";

/// The name a planner reads for a channel or location.
pub fn label(name: &str) -> &str {
    if name == NOT_SAID {
        NOT_SAID_LABEL
    } else {
        name
    }
}

/// A SKU's channels as values: its split, or all of its actual sales "not said".
pub fn channels_of(s: &SkuSeries) -> Channels {
    if s.channels.is_empty() {
        let mut all = Channels::new();
        if s.actual.iter().any(|q| *q != Qty::ZERO) {
            all.insert(NOT_SAID.to_string(), s.actual.clone());
        }
        all
    } else {
        s.channels.clone()
    }
}

/// A product's locations as values: its split, or all of its stock "not said".
pub fn locations_of(p: &Product) -> Locations {
    if p.locations.is_empty() && p.on_hand != Qty::ZERO {
        Locations::from([(NOT_SAID.to_string(), p.on_hand)])
    } else {
        p.locations.clone()
    }
}

/// Sums with saturation: bounds are checked by the plan's own rules afterwards.
fn add(a: Qty, b: Qty) -> Qty {
    Qty(a.0.saturating_add(b.0))
}

/// Each week's total over all channels.
pub fn week_totals(channels: &Channels, weeks: usize) -> Vec<Qty> {
    let mut out = vec![Qty::ZERO; weeks];
    for values in channels.values() {
        for (t, q) in out.iter_mut().zip(values) {
            *t = add(*t, *q);
        }
    }
    out
}

/// The total over all locations.
pub fn location_total(locations: &Locations) -> Qty {
    locations.values().fold(Qty::ZERO, |t, q| add(t, *q))
}

/// Drops channels with no units; a split that is all "not said" becomes no split.
pub fn tidy_channels(channels: &mut Channels) {
    channels.retain(|_, v| v.iter().any(|q| *q != Qty::ZERO));
    if channels.keys().all(|k| k == NOT_SAID) {
        channels.clear();
    }
}

/// Drops locations with no units; a split that is all "not said" becomes no split.
pub fn tidy_locations(locations: &mut Locations) {
    locations.retain(|_, q| *q != Qty::ZERO);
    if locations.keys().all(|k| k == NOT_SAID) {
        locations.clear();
    }
}

/// A week's total typed over a channel split: the named channels keep their units, "not
/// said" gets the rest; below what the named ones hold, the week's split is cleared.
pub fn retotal_week(channels: &mut Channels, weeks: usize, week: usize, total: Qty) {
    if channels.is_empty() || week >= weeks {
        return;
    }
    let named = channels
        .iter()
        .filter(|(k, _)| *k != NOT_SAID)
        .fold(Qty::ZERO, |t, (_, v)| {
            add(t, v.get(week).copied().unwrap_or_default())
        });
    let rest = if total >= named {
        Qty(total.0 - named.0)
    } else {
        for (k, v) in channels.iter_mut() {
            if k != NOT_SAID {
                if let Some(q) = v.get_mut(week) {
                    *q = Qty::ZERO;
                }
            }
        }
        total
    };
    channels
        .entry(NOT_SAID.to_string())
        .or_insert_with(|| vec![Qty::ZERO; weeks])[week] = rest;
    tidy_channels(channels);
}

/// A total typed over a location split, by the same rule as [`retotal_week`].
pub fn retotal_locations(locations: &mut Locations, total: Qty) {
    if locations.is_empty() {
        return;
    }
    let named = locations
        .iter()
        .filter(|(k, _)| *k != NOT_SAID)
        .fold(Qty::ZERO, |t, (_, q)| add(t, *q));
    if total >= named {
        locations.insert(NOT_SAID.to_string(), Qty(total.0 - named.0));
    } else {
        locations.clear();
    }
    tidy_locations(locations);
}

/// A product with one location's stock set (an import of that location): the other
/// locations keep theirs, the total is the sum.
pub fn set_location(p: &mut Product, location: &str, q: Qty) {
    let mut all = locations_of(p);
    all.insert(location.to_string(), q);
    p.on_hand = location_total(&all);
    tidy_locations(&mut all);
    p.locations = all;
}

/// A product edited as a whole (a typed on hand, a products import) kept consistent: when
/// its total no longer matches its locations, the total wins by [`retotal_locations`].
pub fn settle_product(p: &mut Product) {
    if !p.locations.is_empty() && location_total(&p.locations) != p.on_hand {
        retotal_locations(&mut p.locations, p.on_hand);
    }
}

/// Units and share of each channel over the last `n` weeks before `current`, largest first
/// (ties by name); the share is of the total of those weeks (0 when nothing was sold).
pub fn recent_channels(s: &SkuSeries, current: usize, n: usize) -> Vec<(String, Qty, f64)> {
    let weeks = current.saturating_sub(n)..current.min(s.actual.len());
    let mut rows: Vec<(String, Qty, f64)> = channels_of(s)
        .into_iter()
        .map(|(name, v)| {
            let units = v
                .get(weeks.clone())
                .unwrap_or_default()
                .iter()
                .fold(Qty::ZERO, |t, q| add(t, *q));
            (name, units, 0.0)
        })
        .filter(|(_, units, _)| *units != Qty::ZERO)
        .collect();
    let total = rows.iter().fold(Qty::ZERO, |t, r| add(t, r.1));
    for r in &mut rows {
        if total.0 > 0 {
            r.2 = r.1 .0 as f64 / total.0 as f64;
        }
    }
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(v: &[i64]) -> Vec<Qty> {
        v.iter().map(|&x| Qty::units(x)).collect()
    }

    #[test]
    fn a_typed_total_puts_the_rest_on_not_said() {
        let mut c = Channels::from([
            ("Amazon".to_string(), u(&[5, 3])),
            ("".to_string(), u(&[1, 0])),
        ]);
        retotal_week(&mut c, 2, 0, Qty::units(9));
        assert_eq!(c["Amazon"], u(&[5, 3]));
        assert_eq!(c[""], u(&[4, 0]));
        // Below the named channels (3 < 5): the week's split is cleared.
        retotal_week(&mut c, 2, 0, Qty::units(3));
        assert_eq!(c["Amazon"], u(&[0, 3]));
        assert_eq!(c[""], u(&[3, 0]));
    }

    #[test]
    fn a_split_all_not_said_is_no_split() {
        let mut c = Channels::from([("Amazon".to_string(), u(&[2])), ("".to_string(), u(&[1]))]);
        retotal_week(&mut c, 1, 0, Qty::units(1));
        assert!(c.is_empty());
    }

    #[test]
    fn locations_follow_the_same_rule() {
        let mut p = Product::new("A", "A", "F");
        p.on_hand = Qty::units(10);
        set_location(&mut p, "Amazon FBA", Qty::units(4));
        assert_eq!(p.on_hand, Qty::units(14));
        assert_eq!(p.locations[""], Qty::units(10));
        p.on_hand = Qty::units(20);
        settle_product(&mut p);
        assert_eq!(p.locations[""], Qty::units(16));
        p.on_hand = Qty::units(3);
        settle_product(&mut p);
        assert!(p.locations.is_empty());
        assert_eq!(p.on_hand, Qty::units(3));
    }

    #[test]
    fn recent_split_has_units_and_shares() {
        let mut s = SkuSeries::zeros(4);
        s.actual = u(&[100, 5, 3, 0]);
        s.channels = Channels::from([
            ("Amazon".to_string(), u(&[100, 5, 0, 0])),
            ("".to_string(), u(&[0, 0, 3, 0])),
        ]);
        // Weeks 1 and 2 (current 3, last 2 weeks): Amazon 5, not said 3 of 8.
        let rows = recent_channels(&s, 3, 2);
        assert_eq!(
            rows,
            vec![
                ("Amazon".to_string(), Qty::units(5), 0.625),
                ("".to_string(), Qty::units(3), 0.375)
            ]
        );
    }
}
