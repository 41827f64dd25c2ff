//! A SKU's master data as a planner edits it in the SKU panel: on hand, safety stock (units
//! or weeks of cover), lead time, MOQ, order multiple, cost and price. Typed text becomes a
//! new product record; the workbook validates it and records it as one undoable change.

use super::locale::Locale;
use super::number::{parse_number, DecimalSep};
use crate::engine::{CellValue, Money, Product, Qty, SafetyStock};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribute {
    OnHand,
    SafetyUnits,
    SafetyWeeks,
    LeadTime,
    Moq,
    Multiple,
    UnitCost,
    UnitPrice,
}

impl Attribute {
    pub const ALL: [Attribute; 8] = [
        Attribute::OnHand,
        Attribute::SafetyUnits,
        Attribute::SafetyWeeks,
        Attribute::LeadTime,
        Attribute::Moq,
        Attribute::Multiple,
        Attribute::UnitCost,
        Attribute::UnitPrice,
    ];

    /// The `data-testid` suffix: `attr-on-hand`.
    pub fn key(self) -> &'static str {
        match self {
            Attribute::OnHand => "on-hand",
            Attribute::SafetyUnits => "safety-units",
            Attribute::SafetyWeeks => "safety-weeks",
            Attribute::LeadTime => "lead-time",
            Attribute::Moq => "moq",
            Attribute::Multiple => "multiple",
            Attribute::UnitCost => "unit-cost",
            Attribute::UnitPrice => "unit-price",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Attribute::OnHand => "On hand now (units)",
            Attribute::SafetyUnits => "Safety stock (units)",
            Attribute::SafetyWeeks => "…or weeks of cover",
            Attribute::LeadTime => "Lead time (weeks)",
            Attribute::Moq => "Minimum order (MOQ)",
            Attribute::Multiple => "Order multiple",
            Attribute::UnitCost => "Unit cost",
            Attribute::UnitPrice => "Unit price",
        }
    }

    /// The value as the panel shows it, in full and in the user's locale (so a change
    /// commits back the same number); a safety stock kind not in use shows blank.
    pub fn text(self, p: &Product, loc: &Locale) -> String {
        match (self, p.safety_stock) {
            (Attribute::OnHand, _) => loc.exact(p.on_hand),
            (Attribute::SafetyUnits, SafetyStock::Units(u)) => loc.exact(u),
            (Attribute::SafetyWeeks, SafetyStock::WeeksOfCover(w)) => loc.plain(w),
            (Attribute::SafetyUnits | Attribute::SafetyWeeks, _) => String::new(),
            (Attribute::LeadTime, _) => p.lead_time_weeks.to_string(),
            (Attribute::Moq, _) => loc.exact(p.moq),
            (Attribute::Multiple, _) => loc.exact(p.order_multiple),
            (Attribute::UnitCost, _) => loc.edit_text(CellValue::Money(p.unit_cost)),
            (Attribute::UnitPrice, _) => loc.edit_text(CellValue::Money(p.unit_price)),
        }
    }

    /// The product with this attribute set from typed text; the message names the field.
    pub fn set(self, p: &Product, text: &str, dec: DecimalSep) -> Result<Product, String> {
        let named = |e: String| format!("{} {}: {e}", p.sku, self.label().to_lowercase());
        let v = parse_number(text, dec).map_err(named)?;
        let qty = || {
            Qty::from_f64(v)
                .filter(|q| !q.is_negative())
                .ok_or_else(|| {
                    named(format!(
                        "'{}' must be a number of units, 0 or more",
                        text.trim()
                    ))
                })
        };
        let money = || {
            Money::price_from_f64(v).ok_or_else(|| {
                named(format!(
                    "'{}' must be a price between 0 and 1,000,000",
                    text.trim()
                ))
            })
        };
        let mut out = p.clone();
        match self {
            Attribute::OnHand => out.on_hand = qty()?,
            Attribute::SafetyUnits => out.safety_stock = SafetyStock::Units(qty()?),
            Attribute::SafetyWeeks => {
                if !(0.0..=52.0).contains(&v) {
                    return Err(named(format!(
                        "'{}' must be between 0 and 52 weeks",
                        text.trim()
                    )));
                }
                out.safety_stock = SafetyStock::WeeksOfCover(v);
            }
            Attribute::LeadTime => {
                if v.fract() != 0.0 || !(0.0..=104.0).contains(&v) {
                    return Err(named(format!(
                        "'{}' must be whole weeks, 0 to 104",
                        text.trim()
                    )));
                }
                out.lead_time_weeks = v as u32;
            }
            Attribute::Moq => out.moq = qty()?,
            Attribute::Multiple => out.order_multiple = qty()?,
            Attribute::UnitCost => out.unit_cost = money()?,
            Attribute::UnitPrice => out.unit_price = money()?,
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_attributes_become_a_new_product() {
        let mut p = Product::new("CND-101", "Fig", "Candles");
        p.safety_stock = SafetyStock::WeeksOfCover(2.5);
        let en = Locale::EN_US;
        assert_eq!(Attribute::SafetyWeeks.text(&p, &en), "2.5");
        assert_eq!(Attribute::SafetyUnits.text(&p, &en), "");
        let q = Attribute::OnHand.set(&p, "1,250", DecimalSep::Dot).unwrap();
        assert_eq!(q.on_hand, Qty::units(1250));
        let q = Attribute::SafetyUnits
            .set(&q, "80", DecimalSep::Dot)
            .unwrap();
        assert_eq!(q.safety_stock, SafetyStock::Units(Qty::units(80)));
        let q = Attribute::UnitPrice
            .set(&q, "24,5", DecimalSep::Comma)
            .unwrap();
        assert_eq!(q.unit_price, Money::cents(2450));
        assert_eq!(Attribute::UnitPrice.text(&q, &en), "24.50");
        let q = Attribute::LeadTime.set(&q, "6", DecimalSep::Dot).unwrap();
        assert_eq!(q.lead_time_weeks, 6);
    }

    #[test]
    fn a_decimal_comma_panel_shows_and_reads_back_the_same_values() {
        let de = Locale::DE_DE;
        let mut p = Product::new("CND-101", "Fig", "Candles");
        p.on_hand = Qty(1_234_500);
        p.moq = Qty(1_234);
        p.unit_cost = Money::cents(123_450);
        p.safety_stock = SafetyStock::WeeksOfCover(2.5);
        assert_eq!(Attribute::OnHand.text(&p, &de), "1234,5");
        assert_eq!(Attribute::Moq.text(&p, &de), "1,234");
        assert_eq!(Attribute::UnitCost.text(&p, &de), "1234,50");
        assert_eq!(Attribute::SafetyWeeks.text(&p, &de), "2,5");
        // Committing the shown text changes nothing (1,234 is 1.234 units, not 1234).
        for a in Attribute::ALL {
            let shown = a.text(&p, &de);
            if !shown.is_empty() {
                assert_eq!(a.set(&p, &shown, de.decimal), Ok(p.clone()), "{a:?}");
            }
        }
    }

    #[test]
    fn bad_attributes_are_refused_with_the_field_named() {
        let p = Product::new("CND-101", "Fig", "Candles");
        let err = |a: Attribute, t: &str| a.set(&p, t, DecimalSep::Dot).unwrap_err();
        assert_eq!(
            err(Attribute::OnHand, "-5"),
            "CND-101 on hand now (units): '-5' must be a number of units, 0 or more"
        );
        assert_eq!(
            err(Attribute::LeadTime, "2.5"),
            "CND-101 lead time (weeks): '2.5' must be whole weeks, 0 to 104"
        );
        assert_eq!(
            err(Attribute::SafetyWeeks, "60"),
            "CND-101 …or weeks of cover: '60' must be between 0 and 52 weeks"
        );
        assert_eq!(
            err(Attribute::UnitCost, "abc"),
            "CND-101 unit cost: 'abc' is not a number"
        );
    }
}
