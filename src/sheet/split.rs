//! The SKU panel's split of actual sales by channel (last 13 weeks, units and share) and of
//! stock on hand by location, as the planner reads them in their locale.

use super::locale::Locale;
use crate::engine::model::breakdown::{label, locations_of, recent_channels};
use crate::engine::Plan;

/// Weeks the channel split looks back over (a quarter).
pub const RECENT_WEEKS: usize = 13;

/// One line of a split: the name as stored (`""`: not said), as read, and its figures.
#[derive(Clone, Debug, PartialEq)]
pub struct SplitLine {
    pub name: String,
    pub label: String,
    pub units: String,
    /// Share of the total (channels only), as every share in the app: `62,5%` in de-DE,
    /// `62.5%` in en-US.
    pub share: String,
}

/// A SKU's actual sales of the last 13 weeks by channel, largest first.
pub fn channel_lines(plan: &Plan, sku: usize, loc: &Locale) -> Vec<SplitLine> {
    let Some(s) = plan.series.get(sku) else {
        return Vec::new();
    };
    recent_channels(s, plan.calendar.current(), RECENT_WEEKS)
        .into_iter()
        .map(|(name, units, share)| SplitLine {
            label: label(&name).to_string(),
            units: loc.units(units),
            share: loc.percent(share),
            name,
        })
        .collect()
}

/// A SKU's stock on hand by location, largest first.
pub fn location_lines(plan: &Plan, sku: usize, loc: &Locale) -> Vec<SplitLine> {
    let Some(p) = plan.products.get(sku) else {
        return Vec::new();
    };
    let mut all: Vec<_> = locations_of(p).into_iter().collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    all.into_iter()
        .map(|(name, units)| SplitLine {
            label: label(&name).to_string(),
            units: loc.units(units),
            share: String::new(),
            name,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Calendar, Product, Qty};
    use chrono::NaiveDate;

    #[test]
    fn channels_of_the_last_13_weeks_with_shares_in_the_locale() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let mut plan = Plan::new(Calendar::around(today, 20, 10).unwrap());
        let mut p = Product::new("A", "A", "F");
        p.on_hand = Qty::units(8);
        p.locations.insert("Amazon FBA".into(), Qty::units(3));
        p.locations.insert("".into(), Qty::units(5));
        plan.add_product(p);
        let c = plan.calendar.current();
        let s = plan.series_mut(0);
        let mut web = vec![Qty::ZERO; s.actual.len()];
        let mut amazon = web.clone();
        // 14 weeks back is outside the 13: not counted.
        web[c - 14] = Qty::units(100);
        web[c - 13] = Qty::units(5);
        amazon[c - 1] = Qty::units(3);
        for w in 0..web.len() {
            s.actual[w] = web[w] + amazon[w];
        }
        s.channels.insert("Shopify web".into(), web);
        s.channels.insert("Amazon".into(), amazon);
        let de = channel_lines(&plan, 0, &Locale::DE_DE);
        let got: Vec<(&str, &str, &str)> = de
            .iter()
            .map(|l| (l.name.as_str(), l.units.as_str(), l.share.as_str()))
            .collect();
        assert_eq!(
            got,
            [("Shopify web", "5", "62,5%"), ("Amazon", "3", "37,5%")]
        );
        assert_eq!(channel_lines(&plan, 0, &Locale::EN_US)[0].share, "62.5%");
        let at: Vec<(String, String, String)> = location_lines(&plan, 0, &Locale::DE_DE)
            .into_iter()
            .map(|l| (l.name, l.label, l.units))
            .collect();
        assert_eq!(
            at,
            [
                ("".into(), "Other / not said".into(), "5".into()),
                ("Amazon FBA".into(), "Amazon FBA".into(), "3".into())
            ]
        );
    }
}
