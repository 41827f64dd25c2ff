//! When the app panics: a message the planner sees (not only the console), added straight to
//! the page without the reactive system, which may be what broke. It says what was saved is
//! kept and offers a reload.

use wasm_bindgen::JsCast;

/// Shows the crash message once, at the top of the page.
pub fn show(details: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc
        .query_selector("[data-testid=crash]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let Some(body) = doc.body() else { return };
    let make = |tag: &str, text: &str| {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let Some(div) = make("div", "") else { return };
    let _ = div.set_attribute("class", "banner bad crash");
    let _ = div.set_attribute("data-testid", "crash");
    let _ = div.set_attribute("role", "alert");
    let said = "Something went wrong and the app stopped responding. What was saved in this \
                browser before is kept. Reload the page to go on; if it happens again, save a \
                plan file after reloading and send the details below for help.";
    if let Some(text) = make("span", said) {
        let _ = div.append_child(&text);
    }
    // A plain link: no script has to run for it to reload.
    if let Some(link) = make("a", "Reload") {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let _ = link.set_attribute("href", &href);
        let _ = link.set_attribute("data-testid", "crash-reload");
        let _ = div.append_child(&link);
    }
    if let Some(code) = make("code", details) {
        let _ = code.set_attribute("data-testid", "crash-details");
        let _ = div.append_child(&code);
    }
    if let Some(el) = div.dyn_ref::<web_sys::HtmlElement>() {
        let _ = body.insert_before(el, body.first_child().as_ref());
    }
}

/// In a test session only (`?today=` / `?bench=`, see `session.rs`), puts
/// `window.sop_crash_test()` in place: it panics on purpose, so a browser test can see that
/// a crash shows its message. Touches no data. A planner's session has no such function: a
/// production page exports nothing that stops the app.
pub fn offer_crash_test() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let crash = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        panic!("crash test: the app was asked to stop");
    });
    let _ = js_sys::Reflect::set(&window, &"sop_crash_test".into(), crash.as_ref());
    // Lives as long as the page.
    crash.forget();
}
