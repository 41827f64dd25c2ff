//! The user's number conventions, read from the browser.

use crate::sheet::number::DecimalSep;

/// The user's decimal separator, from the browser's formatting of 1.5.
pub fn decimal_sep() -> DecimalSep {
    let lang = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en".into());
    let sample: String = js_sys::Number::from(1.5).to_locale_string(&lang).into();
    DecimalSep::from_sample(&sample)
}
