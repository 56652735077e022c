//! Browser tests: mount the real app in headless Chromium (wasm-bindgen-test) and assert on the DOM.
#![cfg(target_arch = "wasm32")]

use cmmc_readiness::engine::{assess, import_soa, Catalog, Date, ImportOptions, Input};
use cmmc_readiness::ui::{
    sprs_text, template_csv, App, CONTENT_BLOCK_ID, SAMPLE_SOA_FILE, STORAGE_KEY,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// How long a browser test waits for the condition it asserts before it fails. CI runs on shared
/// 2-core machines, so this is generous; a passing test never waits longer than the app needs.
const WAIT_MS: u32 = 20_000;
const POLL_MS: u32 = 10;

/// Polls `condition` until it holds, letting the scheduler run renders and effects between
/// polls; panics with `what` and the last observed value if it does not hold within `WAIT_MS`.
async fn wait_until(what: &str, mut condition: impl FnMut() -> Result<(), String>) {
    let mut last = String::new();
    for _ in 0..WAIT_MS / POLL_MS {
        gloo::timers::future::TimeoutFuture::new(POLL_MS).await;
        match condition() {
            Ok(()) => return,
            Err(seen) => last = seen,
        }
    }
    panic!("waited {WAIT_MS} ms for {what}; last seen: {last}");
}

/// Waits until the results inside `root` are drawn in full: the app draws them over several
/// frames after the first render, marking the results step complete and every list still
/// filling in as busy. Scoped to `root`, so an app left over from another test cannot answer.
/// This says only that drawing has finished; a test that changed something waits for the
/// change itself with `wait_for_text`.
async fn settle(root: &web_sys::Element) {
    wait_until("the results to be drawn in full", || {
        let complete = root
            .query_selector("[data-testid=\"step-results\"][data-complete=\"true\"]")
            .ok()
            .flatten()
            .is_some();
        let busy = root
            .query_selector("[aria-busy=\"true\"]")
            .ok()
            .flatten()
            .is_some();
        if complete && !busy {
            Ok(())
        } else {
            Err(format!("complete: {complete}, busy: {busy}"))
        }
    })
    .await;
}

/// Waits until the element `testid` inside `root` shows exactly `expected`.
async fn wait_for_text(root: &web_sys::Element, testid: &str, expected: &str) {
    wait_until(&format!("{testid} to read {expected:?}"), || {
        let seen = root
            .query_selector(&format!("[data-testid=\"{testid}\"]"))
            .ok()
            .flatten()
            .map(|e| e.text_content().unwrap_or_default().trim().to_string());
        match seen {
            Some(text) if text == expected => Ok(()),
            Some(text) => Err(format!("{text:?}")),
            None => Err("no such element".to_string()),
        }
    })
    .await;
}

/// Mounts a fresh `App`, with no saved state, into its own element and returns that element
/// once the results are drawn.
async fn mount() -> web_sys::Element {
    let root = mount_now();
    settle(&root).await;
    root
}

/// Mounts a fresh `App` and returns at once, before its first render.
fn mount_now() -> web_sys::Element {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.remove_item(STORAGE_KEY);
    }
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create root");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append root");
    yew::Renderer::<App>::with_root(root.clone()).render();
    root
}

fn text_of(root: &web_sys::Element, testid: &str) -> String {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .expect("query")
        .unwrap_or_else(|| panic!("no element with data-testid={testid}"))
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn click(root: &web_sys::Element, testid: &str) {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .expect("query")
        .unwrap_or_else(|| panic!("no element with data-testid={testid}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

/// The bundled sample SoA, which the app loads on demand (`ui::content`).
const SAMPLE_SOA: &str = include_str!("../static/sample-soa.csv");

/// Gives the page the sample SoA the way the single file carries it, in the content data block:
/// the test runner's server does not serve the build's `content/` files.
fn provide_the_sample_soa() {
    let document = gloo::utils::document();
    if document.get_element_by_id(CONTENT_BLOCK_ID).is_some() {
        return;
    }
    let files = js_sys::Object::new();
    js_sys::Reflect::set(&files, &SAMPLE_SOA_FILE.into(), &SAMPLE_SOA.into()).expect("set");
    let json = js_sys::JSON::stringify(&files).expect("stringify");
    let block = document.create_element("script").expect("script element");
    block
        .set_attribute("type", "application/json")
        .expect("type");
    block.set_id(CONTENT_BLOCK_ID);
    block.set_text_content(json.as_string().as_deref());
    document
        .head()
        .expect("head")
        .append_child(&block)
        .expect("append");
}

/// The SPRS text the engine gives for the sample SoA and no other answers (the score does not
/// depend on the date).
fn expected_sample_sprs() -> String {
    let catalog = Catalog::builtin();
    let soa = import_soa(SAMPLE_SOA.as_bytes(), &ImportOptions::default(), catalog);
    let input = Input {
        soa: Some(std::sync::Arc::new(soa)),
        ..Input::on(Date::UNIX_EPOCH)
    };
    sprs_text(&assess(catalog, &input).scoring.sprs)
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
    assert!(text.contains("The details"), "{text}");
    assert!(text.contains("leaves this device"), "{text}");
    assert!(text.contains("never sends what you enter"), "{text}");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_questionnaire_is_drawn_first_and_the_results_follow() {
    let root = mount_now();
    // One task later the first render is on the page: the questionnaire and the level, with the
    // score still pending and no results yet.
    gloo::timers::future::TimeoutFuture::new(0).await;
    assert!(root
        .query_selector("[data-testid=\"questionnaire\"]")
        .expect("query")
        .is_some());
    assert_eq!(text_of(&root, "level-value"), "Not determined yet");
    // Nothing is scored before there is something to score: the strip says what to do first.
    assert_eq!(
        text_of(&root, "strip-start"),
        "Answer the questionnaire to begin"
    );
    assert!(root
        .query_selector("[data-testid=\"gap-table\"]")
        .expect("query")
        .is_none());
    // Then the results fill in over the next frames, in full, still with nothing to score.
    settle(&root).await;
    assert!(root
        .query_selector("[data-testid=\"sprs-score\"]")
        .expect("query")
        .is_none());
    // Handling CUI makes Level 2 apply: now there is a score and a gap table.
    click(&root, "q-handles_cui-yes");
    wait_for_text(&root, "strip-sprs", "-203").await;
    settle(&root).await;
    let rows = root
        .query_selector_all("tr[data-testid=\"gap-row\"]")
        .expect("query rows");
    assert_eq!(rows.length(), 110);
    root.remove();
}

#[wasm_bindgen_test]
async fn loading_the_sample_shows_the_engines_sprs_score() {
    let root = mount().await;
    // With CUI and no SoA, every requirement counts as not met.
    click(&root, "q-handles_cui-yes");
    wait_for_text(&root, "sprs-score", "-203").await;
    provide_the_sample_soa();
    click(&root, "load-sample");
    // The import renders a few frames after the click, and the results were already complete
    // before it: wait for what is asserted, not for a flag that is already set.
    wait_for_text(&root, "soa-rows", "93").await;
    let expected = expected_sample_sprs();
    wait_for_text(&root, "sprs-score", &expected).await;
    wait_for_text(&root, "strip-sprs", &expected).await;
    settle(&root).await;
    assert_eq!(text_of(&root, "soa-rows"), "93");
    assert_eq!(text_of(&root, "sprs-score"), expected);
    assert_eq!(text_of(&root, "strip-sprs"), expected);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_gap_table_lists_all_110_requirements() {
    let root = mount().await;
    click(&root, "q-handles_cui-yes");
    wait_for_text(&root, "strip-sprs", "-203").await;
    settle(&root).await;
    let rows = root
        .query_selector_all("[data-testid=\"gap-row\"]")
        .expect("query rows");
    assert_eq!(rows.length(), 110);
    root.remove();
}

#[wasm_bindgen_test]
fn the_template_lists_all_93_controls() {
    let csv = template_csv();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("Control,Title,Applicable,Implementation status,Justification,Owner")
    );
    assert_eq!(lines.count(), 93);
}

#[path = "corpus/check.rs"]
mod check;
#[path = "corpus/files.rs"]
mod files;

/// The hostile-input corpus gives the same documented outcomes in the browser as natively.
#[wasm_bindgen_test]
fn the_hostile_corpus_gives_its_documented_outcomes_in_the_browser() {
    let manifest = check::manifest();
    assert_eq!(manifest.len(), files::SOA_FILES.len());
    let mut errors = String::new();
    for expected in &manifest {
        let bytes = files::SOA_FILES
            .iter()
            .find(|(name, _)| *name == expected.file)
            .map(|(_, bytes)| *bytes)
            .unwrap_or_else(|| panic!("{} is not compiled in", expected.file));
        errors.push_str(&check::check(&expected.file, bytes, expected));
    }
    assert!(errors.is_empty(), "\n{errors}");
}

/// Bad saved states are refused with the same specific messages in the browser.
#[wasm_bindgen_test]
fn bad_saved_states_are_refused_in_the_browser() {
    for (name, bytes, phrase) in files::BAD_STATES {
        let text = String::from_utf8_lossy(bytes);
        match cmmc_readiness::engine::load_state(&text) {
            Ok(_) => panic!("{name} loaded but should be refused"),
            Err(e) => assert!(e.to_string().contains(phrase), "{name}: {e}"),
        }
    }
}

/// The panel a panic shows: readable, the message as inert text, and a way to save the work.
#[wasm_bindgen_test]
fn the_panic_panel_is_readable_and_offers_the_saved_work() {
    let document = gloo::utils::document();
    cmmc_readiness::ui::show_panic_panel("boom <script>window.pwned = 1</script>");
    let panel = document
        .query_selector("[data-testid=panic-panel]")
        .expect("query")
        .expect("the panel is shown");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let text = panel.text_content().unwrap_or_default();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(
        text.contains("boom <script>"),
        "the message is shown as text: {text}"
    );
    assert!(
        panel.query_selector("script").expect("query").is_none(),
        "no script element was created from the message"
    );
    let button = panel
        .query_selector("button")
        .expect("query")
        .expect("a button");
    assert_eq!(
        button.text_content().as_deref(),
        Some("Download my saved data")
    );
    panel.remove();
}
