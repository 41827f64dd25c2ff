//! The user's number conventions ([`Locale`]): how the grid shows numbers (thousands
//! grouped, `1.234,5` in de-DE), and how the editor, the clipboard and the merge view write
//! them in full without grouping, so what is shown, edited, copied and pasted reads back as
//! the same number (through [`super::number::parse_number`]).

use super::number::{is_group_space, parse_number, DecimalSep};
use crate::engine::calc::cover::COVER_CAP;
use crate::engine::collab::conflict::{event_text, Value};
use crate::engine::{CellValue, Qty, SafetyStock};

/// The user's number conventions: the decimal separator, and the character the grid puts
/// between groups of three digits. One value for showing, editing, copying and pasting, so a
/// number never changes on its way through the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locale {
    pub decimal: DecimalSep,
    /// `None`: the locale writes no thousands separator.
    pub group: Option<char>,
}

impl Locale {
    /// `1,234.5`.
    pub const EN_US: Locale = Locale {
        decimal: DecimalSep::Dot,
        group: Some(','),
    };
    /// `1.234,5`.
    pub const DE_DE: Locale = Locale {
        decimal: DecimalSep::Comma,
        group: Some('.'),
    };
    /// `1 234,5` with the narrow no-break space (U+202F) the browser writes.
    pub const FR_FR: Locale = Locale {
        decimal: DecimalSep::Comma,
        group: Some('\u{202f}'),
    };

    /// From the locale's own writing of 1234567.5 (the browser's `"1.234.567,5"`). A sample
    /// in other digits or of another shape gives en-US, which every user can read.
    pub fn from_sample(sample: &str) -> Locale {
        let chars: Vec<char> = sample.chars().collect();
        let (Some(first), Some(last)) = (
            chars.iter().position(|c| c.is_ascii_digit()),
            chars.iter().rposition(|c| c.is_ascii_digit()),
        ) else {
            return Locale::EN_US;
        };
        let core = &chars[first..=last];
        let digits: String = core.iter().filter(|c| c.is_ascii_digit()).collect();
        if digits != "12345675" || core.len() < 3 {
            return Locale::EN_US;
        }
        let decimal = match core[core.len() - 2] {
            ',' => DecimalSep::Comma,
            '.' => DecimalSep::Dot,
            _ => return Locale::EN_US,
        };
        let seps: Vec<char> = core[..core.len() - 2]
            .iter()
            .filter(|c| !c.is_ascii_digit())
            .copied()
            .collect();
        let group = seps.first().copied().filter(|&g| {
            seps.iter().all(|&c| c == g)
                && g != decimal.char()
                && (matches!(g, ',' | '.') || g == ' ' || is_group_space(g))
        });
        Locale { decimal, group }
    }

    /// Typed or pasted text as a number (see [`parse_number`]).
    pub fn parse(&self, text: &str) -> Result<f64, String> {
        parse_number(text, self.decimal)
    }

    /// A quantity as the grid shows it: grouped, one decimal only where it is fractional
    /// (`1.234,5`; `-20` thousandths show `0`).
    pub fn units(&self, q: Qty) -> String {
        let tenths = (q.0.unsigned_abs() + 50) / 100;
        let mut s = self.grouped(&(tenths / 10).to_string());
        let tenth = tenths % 10;
        if tenth > 0 {
            s.push(self.decimal.char());
            s.push_str(&tenth.to_string());
        }
        signed(q.0 < 0 && tenths > 0, s)
    }

    /// Money in cents as whole currency units, grouped: `1.234`.
    pub fn money(&self, cents: i128) -> String {
        let whole = (cents.unsigned_abs() + 50) / 100;
        signed(cents < 0 && whole > 0, self.grouped(&whole.to_string()))
    }

    /// Weeks of cover: `2,4`, `0`, `99+` at the cap.
    pub fn cover(&self, weeks: f64) -> String {
        if weeks >= COVER_CAP {
            return "99+".to_string();
        }
        let s = self.fixed(weeks, 1);
        let point = format!("{}0", self.decimal.char());
        s.strip_suffix(&point).map_or(s.clone(), str::to_string)
    }

    /// Any ratio or figure to a fixed number of decimals, grouped: `1.234,5`. Never prints
    /// `NaN`: a value that is not a number shows `—`.
    pub fn fixed(&self, v: f64, places: usize) -> String {
        if !v.is_finite() {
            return "—".to_string();
        }
        let text = format!("{:.*}", places, v.abs());
        let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut s = self.grouped(whole);
        if !frac.is_empty() {
            s.push(self.decimal.char());
            s.push_str(frac);
        }
        signed(v < 0.0 && text.chars().any(|c| matches!(c, '1'..='9')), s)
    }

    /// A share as a percentage with one decimal: `12,5%`.
    pub fn percent(&self, ratio: f64) -> String {
        format!("{}%", self.fixed(ratio * 100.0, 1))
    }

    /// A signed share: `+12,5%`, `-3,0%`, `+0,0%`.
    pub fn signed_percent(&self, ratio: f64) -> String {
        let s = self.percent(ratio);
        if s.starts_with(['-', '—']) {
            s
        } else {
            format!("+{s}")
        }
    }

    /// A quantity in full (to the thousandth), without grouping: `100,125`, `-1234,5`. What
    /// the editor opens with and the clipboard holds, so it reads back unchanged.
    pub fn exact(&self, q: Qty) -> String {
        self.localised(q.to_string())
    }

    /// A cell's value for the editor and the clipboard: full precision, no grouping, the
    /// locale's decimal separator (a de-DE spreadsheet reads `1234,5` as a number).
    pub fn edit_text(&self, v: CellValue) -> String {
        match v {
            CellValue::Units(q) => self.exact(q),
            CellValue::Money(m) => self.localised(m.to_string()),
            CellValue::Weeks(w) if w.is_finite() => self.localised(format!("{w:.2}")),
            CellValue::Weeks(_) | CellValue::Blank => String::new(),
        }
    }

    /// A value two copies of the plan disagree on, in full, as the merge lists it: `100,125`,
    /// `12,50`, `2,5 weeks of cover` (words and texts as the engine says them).
    pub fn conflict_value(&self, v: &Value) -> String {
        match v {
            Value::Qty(Some(q)) => self.exact(*q),
            Value::Money(m) => self.edit_text(CellValue::Money(*m)),
            Value::SafetyStock(SafetyStock::Units(u)) => format!("{} units", self.exact(*u)),
            Value::SafetyStock(SafetyStock::WeeksOfCover(w)) => {
                format!("{} weeks of cover", self.plain(*w))
            }
            Value::Event(Some(e)) => event_text(e, |q| self.exact(q)),
            other => other.to_string(),
        }
    }

    /// A figure in full, unrounded and ungrouped, for a form field: `2,5` weeks.
    pub fn plain(&self, v: f64) -> String {
        if v.is_finite() {
            self.localised(v.to_string())
        } else {
            String::new()
        }
    }

    /// Plain digits with a dot (Rust's writing) in this locale's decimal separator.
    fn localised(&self, plain: String) -> String {
        match self.decimal {
            DecimalSep::Dot => plain,
            DecimalSep::Comma => plain.replace('.', ","),
        }
    }

    /// `1234567` → `1.234.567` (groups of three from the right).
    fn grouped(&self, digits: &str) -> String {
        let Some(sep) = self.group else {
            return digits.to_string();
        };
        let n = digits.chars().count();
        let mut out = String::with_capacity(digits.len() + n / 3 * sep.len_utf8());
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (n - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(ch);
        }
        out
    }
}

fn signed(negative: bool, s: String) -> String {
    if negative {
        format!("-{s}")
    } else {
        s
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use DecimalSep::{Comma, Dot};

    const EN: Locale = Locale::EN_US;
    const DE: Locale = Locale::DE_DE;
    const FR: Locale = Locale::FR_FR;
    /// fr-FR's narrow no-break space, as the browser writes it.
    const NN: char = '\u{202f}';

    #[test]
    fn the_browser_sample_gives_the_locale() {
        assert_eq!(Locale::from_sample("1,234,567.5"), EN);
        assert_eq!(Locale::from_sample("1.234.567,5"), DE);
        assert_eq!(Locale::from_sample("1\u{202f}234\u{202f}567,5"), FR);
        // de-CH groups with an apostrophe; some locales do not group at all.
        assert_eq!(
            Locale::from_sample("1’234’567.5"),
            Locale {
                decimal: Dot,
                group: Some('’')
            }
        );
        assert_eq!(
            Locale::from_sample("1234567,5"),
            Locale {
                decimal: Comma,
                group: None
            }
        );
        // Other digits (ar-EG), nothing, or a surprise: en-US.
        assert_eq!(Locale::from_sample("١٬٢٣٤٬٥٦٧٫٥"), EN);
        assert_eq!(Locale::from_sample(""), EN);
        assert_eq!(Locale::from_sample("12345675"), EN);
    }

    #[test]
    fn the_grid_shows_thousands_and_one_decimal_in_the_locale() {
        let q = Qty(1_234_500);
        assert_eq!(EN.units(q), "1,234.5");
        assert_eq!(DE.units(q), "1.234,5");
        assert_eq!(FR.units(q), format!("1{NN}234,5"));
        let q = Qty(-1_500_500);
        assert_eq!(EN.units(q), "-1,500.5");
        assert_eq!(DE.units(q), "-1.500,5");
        assert_eq!(FR.units(q), format!("-1{NN}500,5"));
        assert_eq!(EN.units(Qty::units(1_234_567)), "1,234,567");
        assert_eq!(DE.units(Qty::units(1_234_567)), "1.234.567");
        assert_eq!(DE.units(Qty::units(1_234)), "1.234");
        // 100.125 shows 100,1; 0.05 rounds up to 0,1; -0.02 shows 0.
        assert_eq!(DE.units(Qty(100_125)), "100,1");
        assert_eq!(DE.units(Qty(50)), "0,1");
        assert_eq!(EN.units(Qty(-20)), "0");
        assert_eq!(EN.units(Qty::units(999)), "999");
        assert_eq!(EN.money(123_456_789), "1,234,568");
        assert_eq!(DE.money(123_456_789), "1.234.568");
        assert_eq!(FR.money(-250_000), format!("-2{NN}500"));
        assert_eq!(EN.money(-40), "0");
        assert_eq!(EN.cover(2.44), "2.4");
        assert_eq!(DE.cover(2.44), "2,4");
        assert_eq!(DE.cover(3.0), "3");
        assert_eq!(FR.cover(99.0), "99+");
        assert_eq!(EN.signed_percent(0.125), "+12.5%");
        assert_eq!(DE.signed_percent(-0.03), "-3,0%");
        assert_eq!(DE.signed_percent(-0.0001), "+0,0%");
        assert_eq!(FR.percent(0.5), "50,0%");
        assert_eq!(DE.fixed(12_345.678, 1), "12.345,7");
        assert_eq!(EN.fixed(f64::NAN, 1), "—");
        assert_eq!(DE.signed_percent(f64::NAN), "—%");
    }

    #[test]
    fn editor_and_clipboard_hold_the_full_value_without_grouping() {
        let q = Qty(100_125);
        assert_eq!(EN.exact(q), "100.125");
        assert_eq!(DE.exact(q), "100,125");
        assert_eq!(FR.exact(q), "100,125");
        let q = Qty(-1_234_567);
        assert_eq!(EN.exact(q), "-1234.567");
        assert_eq!(DE.exact(q), "-1234,567");
        assert_eq!(DE.edit_text(CellValue::Units(Qty::units(1_234))), "1234");
        assert_eq!(
            DE.edit_text(CellValue::Money(crate::engine::Money(123_450))),
            "1234,50"
        );
        assert_eq!(EN.edit_text(CellValue::Weeks(2.456)), "2.46");
        assert_eq!(FR.edit_text(CellValue::Weeks(2.456)), "2,46");
        assert_eq!(DE.edit_text(CellValue::Blank), "");
    }

    #[test]
    fn merge_conflicts_show_both_values_in_full_in_the_locale() {
        use crate::engine::Money;
        let value = |v: Value| (EN.conflict_value(&v), DE.conflict_value(&v));
        assert_eq!(
            value(Value::Qty(Some(Qty(1_234_125)))),
            ("1234.125".into(), "1234,125".into())
        );
        assert_eq!(
            value(Value::Money(Money(1250))),
            ("12.50".into(), "12,50".into())
        );
        assert_eq!(
            value(Value::SafetyStock(SafetyStock::WeeksOfCover(2.5))),
            ("2.5 weeks of cover".into(), "2,5 weeks of cover".into())
        );
        assert_eq!(
            value(Value::SafetyStock(SafetyStock::Units(Qty(7_500)))),
            ("7.5 units".into(), "7,5 units".into())
        );
        assert_eq!(value(Value::Qty(None)).1, "not set");
        assert_eq!(value(Value::Weeks(3)).1, "3 weeks");
        assert_eq!(value(Value::Text("Fig 1.5".into())).1, "Fig 1.5");
        use crate::engine::model::event::{DemandEvent, Lift};
        let event = |lift| {
            Value::Event(Some(Box::new(DemandEvent {
                id: "e1".into(),
                name: "Spring 1.5".into(),
                target: "family:Candles".into(),
                first: "2026-W10".into(),
                last: "2026-W12".into(),
                lift,
                active: false,
                author: "Ana".into(),
            })))
        };
        assert_eq!(
            value(event(Lift::Units(Qty(12_500)))),
            (
                "Spring 1.5: 12.5 units a week on family:Candles, 2026-W10–2026-W12, switched off"
                    .into(),
                "Spring 1.5: 12,5 units a week on family:Candles, 2026-W10–2026-W12, switched off"
                    .into()
            )
        );
        assert_eq!(
            value(event(Lift::Percent(Qty(-7_500)))).1,
            "Spring 1.5: -7,5 % on family:Candles, 2026-W10–2026-W12, switched off"
        );
        assert_eq!(value(Value::Event(None)).1, "(no such event)");
    }

    #[test]
    fn typed_text_reads_in_the_locale() {
        // Thousands, decimals, negatives, as each locale writes them.
        assert_eq!(EN.parse("1,234.5"), Ok(1234.5));
        assert_eq!(DE.parse("1.234,5"), Ok(1234.5));
        assert_eq!(FR.parse(&format!("1{NN}234,5")), Ok(1234.5));
        assert_eq!(FR.parse("1 234,5"), Ok(1234.5));
        assert_eq!(FR.parse("1\u{a0}234,5"), Ok(1234.5));
        assert_eq!(DE.parse("-1.500,5"), Ok(-1500.5));
        assert_eq!(FR.parse("\u{2212}1 500,5"), Ok(-1500.5));
        assert_eq!(EN.parse("-1,500.5"), Ok(-1500.5));
        assert_eq!(DE.parse("100,125"), Ok(100.125));
        assert_eq!(FR.parse("100,125"), Ok(100.125));
        assert_eq!(EN.parse("100.125"), Ok(100.125));
        assert_eq!(EN.parse("1’234.5"), Ok(1234.5));
        // The same text, another number: 1.234 is 1234 in de-DE and 1.234 in en-US.
        assert_eq!(DE.parse("1.234"), Ok(1234.0));
        assert_eq!(EN.parse("1.234"), Ok(1.234));
        assert_eq!(DE.parse("1,234"), Ok(1.234));
        assert_eq!(EN.parse("1,234"), Ok(1234.0));
        // A space must still group by three.
        assert!(FR.parse("1 23,5").is_err());
        assert!(FR.parse("1\u{a0}20").is_err());
    }

    #[test]
    fn what_the_grid_writes_reads_back_the_same() {
        for loc in [EN, DE, FR] {
            for milli in [0, 1, 100_125, -100_125, 1_234_500, -1_234_567, 999_999_999] {
                let q = Qty(milli);
                // Editor and clipboard: exact.
                assert_eq!(loc.parse(&loc.exact(q)), Ok(q.to_f64()), "{loc:?} {milli}");
                let v = CellValue::Units(q);
                assert_eq!(
                    loc.parse(&loc.edit_text(v)),
                    Ok(q.to_f64()),
                    "{loc:?} {milli}"
                );
            }
            // What the grid shows reads back as the shown (rounded) number.
            assert_eq!(loc.parse(&loc.units(Qty(1_234_500))), Ok(1234.5), "{loc:?}");
            assert_eq!(loc.parse(&loc.units(Qty(-7_654_321_000))), Ok(-7_654_321.0));
        }
    }
}

/// Any quantity the grid can hold survives editor and clipboard in every tested locale.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod round_trip {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn exact_text_reads_back_unchanged(milli in -100_000_000_000i64..=100_000_000_000i64) {
            let q = Qty(milli);
            for loc in [Locale::EN_US, Locale::DE_DE, Locale::FR_FR] {
                let back = loc.parse(&loc.exact(q)).map(Qty::from_f64);
                prop_assert_eq!(back, Ok(Some(q)));
                // The grid's rounded text reads back as the tenth it shows.
                let shown = loc.parse(&loc.units(q)).map(Qty::from_f64);
                let tenths = (milli.abs() + 50) / 100 * milli.signum();
                prop_assert_eq!(shown, Ok(Some(Qty(tenths * 100))));
            }
        }
    }
}
