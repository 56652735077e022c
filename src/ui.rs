//! The web front end: the only module that knows Yew, web-sys, gloo, storage and the DOM.
//!
//! Shape (after yew's function_todomvc): `state.rs` holds the inputs and the one reducer,
//! `hooks.rs` wraps them in verbs and memoises the engine's results, and every component lives
//! in its own file and reads both through those hooks.

mod app;
mod browser;
mod cost;
mod coverage_chart;
mod export;
mod format;
mod gap_table;
mod hooks;
mod iso_limits;
mod level3;
mod level_card;
mod methodology;
mod panic;
mod paths;
mod questionnaire;
mod restore_banner;
mod scores;
mod soa_import;
pub mod state;
mod summary_strip;

pub use app::App;
pub use browser::STORAGE_KEY;
pub use format::sprs_text;
pub use panic::show_panel as show_panic_panel;
pub use soa_import::template_csv;

/// Mounts the app into the document body. Called by the web entry in `src/main.rs`.
pub fn start() {
    panic::install();
    browser::mark("app-start");
    yew::Renderer::<App>::new().render();
}
