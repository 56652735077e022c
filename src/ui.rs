//! The web front end: the only module that knows Yew, web-sys, gloo, storage and the DOM.

mod app;

pub use app::App;

/// Mounts the app into the document body. Called by the web entry in `src/main.rs`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
