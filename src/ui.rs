//! The web front end: the only module that knows Yew, web-sys, gloo, storage and the DOM.
//!
//! Shape (after yew's function_todomvc): `state.rs` holds the inputs and the one reducer,
//! `hooks.rs` wraps them in verbs and derives the engine's results, `stage.rs` draws the start-up
//! in stages and hands ready results to the panels, and the components are grouped by feature:
//! `questionnaire/` (step 1), `import.rs` (step 2), `results/` (step 3), `save/` (exports and
//! restore), one component per file.

mod app;
mod browser;
mod format;
mod hooks;
mod import;
mod methodology;
mod panic;
mod questionnaire;
mod results;
mod samples;
mod save;
mod stage;
pub mod state;

pub use app::App;
pub use browser::STORAGE_KEY;
pub use format::sprs_text;
pub use import::template_csv;
pub use panic::show_panel as show_panic_panel;

/// Mounts the app into the document body. Called by the web entry in `src/main.rs`.
pub fn start() {
    panic::install();
    browser::mark("app-start");
    yew::Renderer::<App>::new().render();
}
