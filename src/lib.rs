//! CMMC readiness calculator: a pure assessment engine and, in the browser, the Yew app over it.
//!
//! `engine` knows nothing about browsers: catalog data in, assessment out. `ui` is the only part
//! that knows Yew, web-sys and the DOM, and only exists when compiling for `wasm32`.

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;
