//! The SKU panel's "where it sold" and "where it sits" blocks: actual sales of the last 13
//! weeks by channel (units and share) and stock on hand by location. Read-only; the figures
//! come from the imports (see README, "Channels and locations").

use crate::engine::Workbook;
use crate::sheet::split::{channel_lines, location_lines, RECENT_WEEKS};
use crate::ui::browser::locale;
use leptos::prelude::*;

#[component]
pub fn SplitPanel(workbook: RwSignal<Workbook>, sku: usize) -> impl IntoView {
    let loc = locale::current();
    let channels = move || {
        workbook
            .with(|wb| channel_lines(wb.plan(), sku, &loc))
            .into_iter()
            .map(|l| {
                view! {
                    <tr data-testid="sku-channel-row" data-channel=l.name>
                        <td>{l.label}</td>
                        <td class="num" data-testid="sku-channel-units">{l.units}</td>
                        <td class="num" data-testid="sku-channel-share">{l.share}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let locations = move || {
        workbook
            .with(|wb| location_lines(wb.plan(), sku, &loc))
            .into_iter()
            .map(|l| {
                view! {
                    <tr data-testid="sku-location-row" data-location=l.name>
                        <td>{l.label}</td>
                        <td class="num" data-testid="sku-location-units">{l.units}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="splits">
            <table class="split" data-testid="sku-channels">
                <caption>{format!("Sales by channel, last {RECENT_WEEKS} weeks")}</caption>
                <tbody>{channels}</tbody>
            </table>
            <table class="split" data-testid="sku-locations">
                <caption>"On hand by location"</caption>
                <tbody>{locations}</tbody>
            </table>
        </div>
    }
}
