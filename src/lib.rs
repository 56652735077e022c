//! CMMC readiness calculator: a pure assessment engine and, in the browser, the Yew app over it.
//!
//! `engine` knows nothing about browsers: catalog data in, assessment out. `ui` is the only part
//! that knows Yew, web-sys and the DOM. It runs in the browser (wasm32); natively it only renders
//! the first screen to HTML at build time (`ui::prerender`, yew's `ssr`), calling no browser API.

pub mod engine;

pub mod ui;
