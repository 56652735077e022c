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

/// The start-up over the prerendered page: the saved work, then the answers given before the app
/// started on top of it, once; a later `Boot` changes nothing, and deleting everything keeps the
/// session started (so saving goes on).
#[test]
fn the_session_starts_with_the_saved_work_and_the_early_answers_on_top() {
    use cmmc_readiness::engine::{AnswerValue, QuestionId, SavedState};
    use cmmc_readiness::ui::state::{Action, AppState, EarlyInput};
    use std::rc::Rc;
    use yew::Reducible;

    let mut saved = SavedState::default();
    saved.answers.handles_fci = Some(true);
    saved.answers.handles_cui = Some(true);
    saved.company = Some("Saved Co".into());
    let early = EarlyInput {
        answers: vec![(QuestionId::HandlesCui, AnswerValue::Bool(false))],
        company: None,
    };
    let state = Rc::new(AppState::default());
    assert!(!state.booted);
    let state = state.reduce(Action::Boot(Box::new(Some(Ok(saved.clone()))), early));
    assert!(state.booted);
    assert_eq!(state.saved.answers.handles_fci, Some(true));
    assert_eq!(state.saved.answers.handles_cui, Some(false));
    assert_eq!(state.saved.company.as_deref(), Some("Saved Co"));

    let again = state.clone().reduce(Action::Boot(
        Box::new(Some(Ok(SavedState::default()))),
        EarlyInput::default(),
    ));
    assert_eq!(again.saved, state.saved);

    let reset = state.reduce(Action::Reset);
    assert!(reset.booted);
    assert_eq!(reset.saved, SavedState::default());
}
