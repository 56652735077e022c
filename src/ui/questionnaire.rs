//! Step 1: the questionnaire, rendered from the engine's `QUESTIONS` so the two never drift.

use super::hooks::{use_app, use_progressive};
use super::state::{answer_values, with_answer};
use crate::engine::{Question, QuestionKind, QUESTIONS};
use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Questions drawn in the first frame (see `use_progressive`).
const QUESTIONS_FIRST: usize = 3;

/// Every question, each with its help text; answers go straight into the state.
#[function_component(Questionnaire)]
pub fn questionnaire() -> Html {
    let app = use_app();
    let answers = app.saved().answers.clone();
    let values = answer_values(&answers);
    let on_answer = {
        let app = app.clone();
        let answers = answers.clone();
        Callback::from(move |(id, value): (&'static str, Value)| {
            app.set_answers(with_answer(&answers, id, value));
        })
    };
    // The first questions fill a laptop screen and more than a phone's; the rest follow a frame
    // later. Creating the form controls is most of the first render, so this is what lets the
    // page show and answer input sooner (measured: about 30 ms earlier on this project's machine).
    let drawn = use_progressive(QUESTIONS.len(), QUESTIONS_FIRST, QUESTIONS.len());
    html! {
        <form class="questions" data-testid="questionnaire" aria-busy={(drawn < QUESTIONS.len()).to_string()}
            onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { for QUESTIONS.iter().take(drawn).map(|q| html! {
                <QuestionField key={q.id} question={*q} value={values.get(q.id).cloned().unwrap_or(Value::Null)} on_answer={on_answer.clone()} />
            }) }
        </form>
    }
}

/// Props of one question.
#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    /// The question.
    pub question: Question,
    /// Its current answer (`null` when unanswered).
    pub value: Value,
    /// Emits the question's id and the new answer.
    pub on_answer: Callback<(&'static str, Value)>,
}

/// One question: yes/no as segmented radios, choices as a select, numbers as a number input.
#[function_component(QuestionField)]
fn question_field(p: &QuestionProps) -> Html {
    let q = p.question;
    let id = q.id;
    let input_id = format!("q-{id}");
    let help = html! {
        <details class="help">
            <summary>{"Help"}<span class="visually-hidden">{format!(": {}", q.prompt)}</span></summary>
            <p>{q.help}</p>
        </details>
    };
    let badge = if q.decides_level {
        html! { <span class="tag">{"decides your level"}</span> }
    } else {
        html! {}
    };
    match q.kind {
        QuestionKind::YesNo => {
            let option = |label: &'static str, v: Value| {
                let checked = p.value == v;
                let on_answer = p.on_answer.clone();
                let value = v.clone();
                let onchange = Callback::from(move |_: Event| on_answer.emit((id, value.clone())));
                let slug = match &v {
                    Value::Bool(true) => "yes",
                    Value::Bool(false) => "no",
                    _ => "unsure",
                };
                html! {
                    <label class="seg-option">
                        <input type="radio" name={input_id.clone()} value={slug} {checked} {onchange}
                            data-testid={format!("q-{id}-{slug}")} />
                        <span>{label}</span>
                    </label>
                }
            };
            html! {
                <fieldset class="question" data-testid={input_id.clone()}>
                    <legend>{q.prompt}{badge}</legend>
                    <div class="seg">
                        {option("Yes", Value::Bool(true))}
                        {option("No", Value::Bool(false))}
                        {option("Not sure", Value::Null)}
                    </div>
                    {help}
                </fieldset>
            }
        }
        QuestionKind::Choice(options) => {
            let current = p.value.as_str().unwrap_or("").to_string();
            let has_unknown = options.iter().any(|(v, _)| *v == "unknown");
            let on_answer = p.on_answer.clone();
            let onchange = Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                on_answer.emit((
                    id,
                    if v.is_empty() {
                        Value::Null
                    } else {
                        Value::String(v)
                    },
                ));
            });
            html! {
                <div class="question" data-testid={input_id.clone()}>
                    <label for={input_id.clone()} class="q-prompt">{q.prompt}{badge}</label>
                    <select id={input_id.clone()} {onchange}>
                        if !has_unknown {
                            <option value="" selected={current.is_empty()}>{"Not answered"}</option>
                        }
                        { for options.iter().map(|(v, label)| html! {
                            <option value={*v} selected={current == *v}>{*label}</option>
                        }) }
                    </select>
                    {help}
                </div>
            }
        }
        QuestionKind::Number => {
            let current = match &p.value {
                Value::Number(n) => n.to_string(),
                _ => String::new(),
            };
            let on_answer = p.on_answer.clone();
            // Only whole numbers reach the state; a half-typed value simply waits.
            let oninput = Callback::from(move |e: InputEvent| {
                let raw = e.target_unchecked_into::<HtmlInputElement>().value();
                let raw = raw.trim();
                if raw.is_empty() {
                    on_answer.emit((id, Value::Null));
                } else if let Ok(n) = raw.parse::<i64>() {
                    on_answer.emit((id, Value::from(n)));
                }
            });
            let min = if id == "sprs_posted" { "-203" } else { "0" };
            html! {
                <div class="question" data-testid={input_id.clone()}>
                    <label for={input_id.clone()} class="q-prompt">{q.prompt}{badge}</label>
                    <input id={input_id.clone()} type="number" inputmode="numeric" step="1" {min}
                        value={current} {oninput} />
                    {help}
                </div>
            }
        }
    }
}
