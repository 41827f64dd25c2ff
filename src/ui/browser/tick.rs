//! Long work in the browser runs in slices of a few tens of milliseconds, giving the page
//! back between them so it draws and answers input (no long task).

/// How long one slice of work may run before the page gets a turn.
pub const SLICE_MS: f64 = 30.0;

/// Resolves on the browser's next task (setTimeout 0), after it has drawn and handled input.
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window().is_some_and(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
        });
        if !queued {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
