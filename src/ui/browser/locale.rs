//! The user's number conventions, read once from the browser: how the browser's language
//! (`navigator.language`) writes 1234567.5. The rules themselves are in
//! [`crate::sheet::locale::Locale`], pure and tested natively.

use crate::sheet::locale::Locale;
use crate::sheet::number::DecimalSep;

thread_local! {
    static CURRENT: Locale = read();
}

/// The locale every number in the app is shown, edited, copied and pasted in.
pub fn current() -> Locale {
    CURRENT.with(|l| *l)
}

/// The user's decimal separator (for forms that parse typed numbers).
pub fn decimal_sep() -> DecimalSep {
    current().decimal
}

#[cfg(target_arch = "wasm32")]
fn read() -> Locale {
    use wasm_bindgen::{JsCast, JsValue};
    let sample = JsValue::from_f64(1_234_567.5);
    let language = web_sys::window().and_then(|w| w.navigator().language());
    // `Number.prototype.toLocaleString`, called so that a throw (a language tag the browser
    // does not know) comes back as an error: then the browser's default locale. `Reflect.get`
    // needs an object, so the function is taken from the prototype, not from the number.
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key));
    let written = get(&js_sys::global(), "Number")
        .and_then(|n| get(&n, "prototype"))
        .and_then(|p| get(&p, "toLocaleString"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| {
            let tag = language.map_or(JsValue::UNDEFINED, |l| JsValue::from_str(&l));
            f.call1(&sample, &tag).or_else(|_| f.call0(&sample)).ok()
        })
        .and_then(|s| s.as_string());
    written.map_or(Locale::EN_US, |s| Locale::from_sample(&s))
}

/// Natively (unit tests of UI helpers) there is no browser: en-US.
#[cfg(not(target_arch = "wasm32"))]
fn read() -> Locale {
    Locale::EN_US
}
