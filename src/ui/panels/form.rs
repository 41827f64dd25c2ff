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
            crate::ui::browser::persist::new_token()
        ),
        wb.user().unwrap_or("someone").to_string(),
    )
}

/// The options of a "SKU or family" select: families first (`family:<name>`), then SKUs;
/// `selected` is the value chosen now.
pub fn target_options(wb: &Workbook, selected: &str) -> impl IntoView {
    let families = wb.families().keys().map(|f| {
        (
            format!("{}{f}", crate::engine::model::event::FAMILY),
            format!("Family {f}"),
        )
    });
    let skus = wb
        .plan()
        .products
        .iter()
        .map(|p| (p.sku.clone(), format!("{} {}", p.sku, p.name)));
    families
        .chain(skus)
        .map(|(value, label)| {
            let chosen = selected == value;
            view! { <option value=value selected=chosen>{label}</option> }
        })
        .collect_view()
}
