use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    view! { <main>"loading"</main> }
}
