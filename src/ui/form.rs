//! Small form pieces the side panels share.

use crate::engine::Workbook;
use leptos::prelude::*;

/// A labelled input bound to a text signal (`kind`: text, date, number…).
pub fn field(
    label: &'static str,
    testid: &'static str,
    value: RwSignal<String>,
    kind: &'static str,
) -> impl IntoView {
    view! {
        <label><span>{label}</span><input type=kind data-testid=testid prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev)) /></label>
    }
}

/// A new record's id, unique across browsers so copies merge (`<plan id>-<tag>-<token>`),
/// and who makes it ("someone" until they say who they are).
pub fn new_record(wb: &Workbook, tag: &str) -> (String, String) {
    (
        format!(
            "{}-{tag}-{}",
            wb.plan().meta.id,
            super::persist::new_token()
        ),
        wb.user().unwrap_or("someone").to_string(),
    )
}
