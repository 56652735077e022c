//! The web front end: the only module that knows Yew, web-sys, gloo, storage and the DOM.
//!
//! Shape (after yew's function_todomvc): `state.rs` holds the inputs and the one reducer,
//! `hooks.rs` wraps them in verbs and derives the engine's results, `stage.rs` draws the start-up
//! in stages and hands ready results to the panels, and the components are grouped by feature:
//! `questionnaire/` (step 1), `import.rs` (step 2), `results/` (step 3), `save/` (exports and
//! restore), one component per file.
//!
//! The first screen is rendered twice from the same components: at build time into index.html
//! (`prerender`, native, yew's `ssr`), and in the browser, which hydrates that markup (`start`).
//! `boot.rs` carries what the prerendered page held over the hydration.

mod app;
mod boot;
mod browser;
mod content;
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
pub use content::{INLINE_ID as CONTENT_BLOCK_ID, SAMPLE_SOA as SAMPLE_SOA_FILE};
pub use format::sprs_text;
pub use import::template_csv;
pub use panic::show_panel as show_panic_panel;

/// The id of the element the app renders into (`index.html`'s `<div id="app">`).
pub const ROOT_ID: &str = "app";

/// Starts the app in the page. Called by the web entry in `src/main.rs`.
///
/// When the page holds the prerendered first screen, the answers given there are read first
/// (hydrating resets every input to the first render's value), then the app hydrates the markup
/// and puts them back (`boot.rs`); otherwise it renders into the empty root.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    panic::install();
    browser::mark("app-start");
    let Some(root) = gloo::utils::document().get_element_by_id(ROOT_ID) else {
        yew::Renderer::<App>::new().render();
        return;
    };
    if boot::prerendered(&root) {
        boot::read_prerendered_form(&root);
        yew::Renderer::<App>::with_root(root).hydrate();
    } else {
        yew::Renderer::<App>::with_root(root).render();
    }
}

/// The app's first render as hydratable HTML, for `index.html` at build time: the state is the
/// default one (nothing saved is known here) and nothing date-dependent is drawn.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender() -> String {
    futures::executor::block_on(yew::ServerRenderer::<App>::new().render())
}
