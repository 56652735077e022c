//! Browser tests: mount the real app in headless Chromium (wasm-bindgen-test) and assert on the DOM.
#![cfg(target_arch = "wasm32")]

use cmmc_readiness::ui::App;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh `App` into its own element and returns that element.
async fn mount() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create root");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append root");
    yew::Renderer::<App>::with_root(root.clone()).render();
    // Let the scheduler run the first render.
    gloo::timers::future::TimeoutFuture::new(0).await;
    root
}

#[wasm_bindgen_test]
async fn app_shows_the_three_steps_and_the_privacy_line() {
    let root = mount().await;
    let steps = root.query_selector_all(".step").expect("query steps");
    assert_eq!(steps.length(), 3, "three steps");
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Answer the questionnaire"), "{text}");
    assert!(
        text.contains("Import your Statement of Applicability"),
        "{text}"
    );
    assert!(text.contains("See your results"), "{text}");
    assert!(text.contains("leaves this device"), "{text}");
}
