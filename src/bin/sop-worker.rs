//! Entry point of the forecasting Web Worker (built by trunk from the second `<link>` in
//! index.html): answers each message with `sop_grid::worker::serve`, after saying it is
//! ready. Nothing else lives here; it never reaches the page's code (`sop_grid::ui`).

use sop_grid::worker::protocol::{encode, Response, PROTOCOL};
use sop_grid::worker::serve::answer_text;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    // A panic logs to the console; the page sees the worker fail (its error event) and
    // tells the planner, and starts a fresh worker next time.
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let out = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let text = event.data().as_string().unwrap_or_default();
        let _ = out.post_message(&JsValue::from_str(&answer_text(&text)));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it: so does its listener.
    on_message.forget();
    let ready = encode(&Response::Ready { protocol: PROTOCOL });
    let _ = scope.post_message(&JsValue::from_str(&ready));
}
