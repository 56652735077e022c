//! The web entry point: mounts `ui::App` into the page (built by Trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    cmmc_readiness::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("this is the web entry; build it with `trunk build --release`, or use the `crosswalk` binary");
    std::process::exit(2);
}
