//! Entry point: installs the panic hook and mounts the app. Nothing else lives here.

fn main() {
    // A panic logs to the console and shows a message on the page (it would otherwise
    // freeze the app with no word to the planner).
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        sop_grid::ui::browser::crash::show(&info.to_string());
    }));
    leptos::mount::mount_to_body(sop_grid::ui::app::App);
}
