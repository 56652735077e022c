//! The build-time renderer: prints the app's first screen as hydratable HTML (yew's server-side
//! rendering of the same components the browser runs), for `scripts/prerender.py` to put into
//! `dist/index.html`'s `<div id="app">`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    print!("{}", cmmc_readiness::ui::prerender());
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // Build time only: the page's own entry is src/main.rs.
}
