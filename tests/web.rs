//! Browser tests (wasm-bindgen-test in headless Chromium): code that needs browser APIs.
//! Run by `bash scripts/test`; alone: `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use sop_grid::ui::app::App;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts the app with the current week pinned by the URL, as a user's link would.
fn mount_at(date: &str) {
    let window = web_sys::window().expect("a window");
    window
        .history()
        .expect("history")
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("?today={date}")))
        .expect("replaceState");
    // Mount into a container of our own: the test runner keeps its output in <body>.
    if let Some(old) = document().get_element_by_id("app-under-test") {
        old.remove();
    }
    let root = document().create_element("div").expect("a div");
    root.set_id("app-under-test");
    document()
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("append");
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::dyn_into(root).expect("an HTML element");
    leptos::mount::mount_to(root, App).forget();
}

fn count(selector: &str) -> u32 {
    document()
        .query_selector_all(selector)
        .expect("valid selector")
        .length()
}

fn text(selector: &str) -> String {
    document()
        .query_selector(selector)
        .expect("valid selector")
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn today_comes_from_the_url_and_the_grid_follows_the_contract() {
    mount_at("2026-11-23");
    assert_eq!(
        sop_grid::ui::browser::today::today().to_string(),
        "2026-11-23"
    );
    assert_eq!(count("[role=grid][data-testid=plan-grid]"), 1);
    assert_eq!(text("[data-testid=current-week]"), "Week 2026-W48");
    // 4 past weeks and 13 ahead (W44 to 2027-W07): 17 periods + the label column. Columns
    // are virtualised too, so only the first ones are in the DOM before scrolling.
    let grid = document().query_selector("[role=grid]").unwrap().unwrap();
    assert_eq!(grid.get_attribute("aria-colcount").as_deref(), Some("18"));
    assert_eq!(count("[role=columnheader][data-period='2026-W44']"), 1);
    assert_eq!(count("[role=columnheader][data-period='2026-W48']"), 1);
    assert_eq!(count("[role=columnheader][data-period='2026-W43']"), 0);
    // Every cell carries the contract's attributes; the DOM stays bounded (virtualised).
    let cells = count("[role=gridcell]");
    assert!(cells > 100 && cells <= 3000, "{cells} cells");
    assert_eq!(
        count("[role=gridcell][data-sku][data-period][data-measure]"),
        cells
    );
    assert_eq!(
        count("[role=gridcell][data-sku=total][data-period='2026-W48'][data-measure=projected]"),
        1
    );
}

#[wasm_bindgen_test]
fn grid_numbers_are_the_engine_numbers() {
    mount_at("2026-11-23");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let wb = sop_grid::engine::Workbook::new(sop_grid::demo::demo_plan(today));
    let sku = wb.plan().sku_index("CND-101").unwrap();
    let w = wb.plan().calendar.parse_week("2026-W49").unwrap();
    let expected = sop_grid::ui::browser::format::units(wb.derived(sku).projected[w]);
    let cell =
        text("[role=gridcell][data-sku='CND-101'][data-period='2026-W49'][data-measure=projected]");
    assert_eq!(cell.trim(), expected);
}
