//! The engine benchmark in Chromium as wasm (release): `bash scripts/bench`.
//! Prints figures; it asserts nothing about speed (targets are judged by people, not CI).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn engine_benchmark_in_wasm() {
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance API");
    let clock = move || perf.now();
    web_sys::console::log_1(&"engine benchmark (wasm in Chromium, release)".into());
    // 200 SKUs fit in cache: per-SKU cost there shows how much of the rest is memory traffic.
    for skus in [200, 2_000, 10_000] {
        let figures = sop_grid::bench::run(skus, 15, 31, 200, &clock);
        web_sys::console::log_1(&figures.to_string().into());
    }
}
