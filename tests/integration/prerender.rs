//! The build-time render of the first screen (`ui::prerender`, what scripts/prerender.py puts into
//! index.html): it runs natively without touching a browser API, holds the whole first screen, and
//! leaves out what depends on the visitor's date (the browser's e2e test checks it matches the
//! app's first render).

use cmmc_readiness::ui::prerender;

#[test]
fn the_first_screen_renders_natively_and_for_hydration() {
    let html = prerender();
    for part in [
        "data-testid=\"privacy-note\"",
        "data-testid=\"summary-strip\"",
        "data-testid=\"questionnaire\"",
        "data-testid=\"q-handles_fci-yes\"",
        "data-testid=\"level-result\"",
        "data-testid=\"privacy-footer\"",
    ] {
        assert!(html.contains(part), "the prerendered page has no {part}");
    }
    // Yew's component markers, which hydration walks.
    assert!(html.starts_with("<!--<[cmmc_readiness::ui::app::App]>-->"));
    // The build's date is not the visitor's: no phase line, no date.
    assert!(!html.contains("data-testid=\"phase\""));
    assert!(!html.contains("data-testid=\"assessment-date\""));
    // No script: the page's CSP allows only Trunk's loader, by hash.
    assert!(!html.to_lowercase().contains("<script"));
}

#[test]
fn the_prerender_is_the_same_every_time() {
    assert_eq!(prerender(), prerender());
}
