//! The start-up over the prerendered page. `index.html` holds the app's first render, drawn at
//! build time from the default state (`ui::prerender`), so a visitor can answer the first
//! questions before the wasm has loaded. Yew's hydration then resets every input to that first
//! render's value, so the order is:
//!
//! 1. `read_prerendered_form`, before hydrating: the answers the page's form holds that differ
//!    from the default ones (what the visitor changed), and the company's name if typed;
//! 2. hydration, which draws the default state, as the build did (the same markup, so nothing
//!    moves or aborts);
//! 3. `boot_action`, from the root's first effect: the saved state from local storage, then the
//!    answers read in 1 on top of it (they are the newer ones), in one action;
//! 4. the date-dependent parts (the phase line): the first render has no date, since the build's
//!    date is not the visitor's; they follow the booted state.
//!
//! Until step 3, nothing is saved, so the default state never overwrites the saved one. Only a
//! change shows in the form: an answer set back to its default ("Not sure") before the app
//! started reads as not given, so a saved answer to that question stays. Buttons (the samples,
//! the methodology, print) do nothing before the app runs.

use super::state::{Action, EarlyInput, RestoreFailure};
#[cfg(target_arch = "wasm32")]
use crate::engine::{AnswerValue, Date, QuestionId, QuestionKind, QUESTIONS};
use std::cell::RefCell;

thread_local! {
    /// What was read from the prerendered form, waiting for the app's first effect.
    static EARLY: RefCell<EarlyInput> = RefCell::new(EarlyInput::default());
}

#[cfg(target_arch = "wasm32")]
/// Whether the root holds prerendered markup to hydrate (the build-time render); an empty root
/// (a build without the prerender step) is rendered into instead.
pub fn prerendered(root: &web_sys::Element) -> bool {
    root.first_element_child().is_some()
}

#[cfg(target_arch = "wasm32")]
/// Reads the answers the prerendered form holds that differ from the default state's, and the
/// company's name, and keeps them for `boot_action`. Must run before hydrating, which resets the
/// inputs.
pub fn read_prerendered_form(root: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let defaults = crate::engine::Answers::default();
    let answers: Vec<(QuestionId, AnswerValue)> = QUESTIONS
        .iter()
        .filter_map(|q| {
            let value = read_question(root, q.field, q.kind)?;
            (value != q.id.get(&defaults)).then_some((q.id, value))
        })
        .collect();
    // As the summary card's field takes it: trimmed, and nothing when empty.
    let company = root
        .query_selector("input[data-testid=\"company-name\"]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value().trim().to_string())
        .filter(|name| !name.is_empty());
    EARLY.with(|e| *e.borrow_mut() = EarlyInput { answers, company });
}

#[cfg(target_arch = "wasm32")]
/// The answer one question's control holds in the page, or `None` when it is not in the page.
fn read_question(root: &web_sys::Element, field: &str, kind: QuestionKind) -> Option<AnswerValue> {
    use wasm_bindgen::JsCast;
    let find = |selector: String| root.query_selector(&selector).ok().flatten();
    let value_of = |selector: String| -> Option<String> {
        let el = find(selector)?;
        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            return Some(input.value());
        }
        el.dyn_ref::<web_sys::HtmlSelectElement>()
            .map(|s| s.value())
    };
    match kind {
        QuestionKind::YesNo => {
            // No radio checked (the page lost its default) reads as not answered.
            find(format!("fieldset[data-testid=\"q-{field}\"]"))?;
            let checked = value_of(format!("input[name=\"q-{field}\"]:checked"));
            Some(match checked.as_deref() {
                Some("yes") => AnswerValue::Bool(true),
                Some("no") => AnswerValue::Bool(false),
                _ => AnswerValue::Unanswered,
            })
        }
        QuestionKind::Choice(choices) => {
            let raw = value_of(format!("select#q-{field}"))?;
            Some(
                choices
                    .options()
                    .into_iter()
                    .map(|(code, _)| code)
                    .find(|code| *code == raw)
                    .map_or(AnswerValue::Unanswered, AnswerValue::Choice),
            )
        }
        QuestionKind::Number { .. } => {
            let raw = value_of(format!("input#q-{field}"))?;
            Some(
                raw.trim()
                    .parse::<i64>()
                    .map_or(AnswerValue::Unanswered, AnswerValue::Number),
            )
        }
        QuestionKind::Date => {
            let raw = value_of(format!("input#q-{field}"))?;
            Some(Date::parse(&raw).map_or(AnswerValue::Unanswered, AnswerValue::Date))
        }
    }
}

/// The action that starts the session: what local storage holds (unreadable data is reported,
/// not deleted: the user decides), then the answers given in the prerendered page.
pub fn boot_action() -> Action {
    let saved = super::browser::load_saved()
        .map(|raw| crate::engine::load_state(&raw).map_err(|error| RestoreFailure { error, raw }));
    let early = EARLY.with(|e| std::mem::take(&mut *e.borrow_mut()));
    Action::Boot(Box::new(saved), early)
}
