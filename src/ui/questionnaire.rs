//! Step 1: the questionnaire, rendered from the engine's `QUESTIONS` so the two never drift. Each
//! question reads and writes its own `Answers` field through the engine's typed binding
//! (`QuestionId::get` / `set`), and only the questions that still matter are shown.

mod level_card;
mod solicitation;

pub use level_card::LevelCard;
use solicitation::SolicitationReader;

use crate::engine::{AnswerValue, Answers, Date, Question, QuestionId, QuestionKind, QUESTIONS};
use crate::ui::hooks::{use_dispatch, use_progressive};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Questions drawn in the first frame (see `use_progressive`).
const QUESTIONS_FIRST: usize = 3;

/// Props of the questionnaire: the answers it shows. It takes them as props, not from the shared
/// state, so answering a requirement elsewhere does not draw it again.
#[derive(Properties, PartialEq)]
pub struct QuestionnaireProps {
    /// The current answers.
    pub answers: Answers,
}

/// Every question that still matters, each with its help text; answers go straight into the state.
#[function_component(Questionnaire)]
pub fn questionnaire(p: &QuestionnaireProps) -> Html {
    let dispatch = use_dispatch();
    let answers = &p.answers;
    // The same callback until the answers change, so the questions' props stay equal until then.
    let on_answer = use_callback(
        (answers.clone(), dispatch.clone()),
        |(id, value): (QuestionId, AnswerValue), (answers, dispatch)| {
            let mut next = answers.clone();
            id.set(&mut next, value);
            if let Some(d) = dispatch {
                d.set_answers(next);
            }
        },
    );
    let shown: Vec<&Question> = QUESTIONS
        .iter()
        .filter(|q| q.id.relevant(answers))
        .collect();
    // The first questions fill a laptop screen and more than a phone's; the rest follow a frame
    // later. Creating the form controls is most of the first render, so this is what lets the
    // page show and answer input sooner (measured: about 30 ms earlier on this project's machine).
    let drawn = use_progressive(QUESTIONS.len(), QUESTIONS_FIRST, QUESTIONS.len());
    html! {
        <form class="questions" data-testid="questionnaire" aria-busy={(drawn < QUESTIONS.len()).to_string()}
            onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { for shown.iter().take(drawn).flat_map(|q| {
                let field = html! {
                    <QuestionField key={q.field} question={**q} value={q.id.get(answers)} on_answer={on_answer.clone()} />
                };
                // The question that decides the level gets the solicitation reader beside it.
                let reader = matches!(q.id, QuestionId::Solicitation | QuestionId::PrimeLevel)
                    .then(|| html! { <SolicitationReader key="solicitation-reader" /> });
                std::iter::once(field).chain(reader)
            }) }
        </form>
    }
}

/// Props of one question.
#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    /// The question.
    pub question: Question,
    /// Its current answer.
    pub value: AnswerValue,
    /// Emits the question's id and the new answer.
    pub on_answer: Callback<(QuestionId, AnswerValue)>,
}

/// One question: yes/no as segmented radios, choices as a select, numbers and dates as inputs.
#[function_component(QuestionField)]
fn question_field(p: &QuestionProps) -> Html {
    let q = p.question;
    let id = q.id;
    let input_id = format!("q-{}", q.field);
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
    let emit = {
        let cb = p.on_answer.clone();
        move |v: AnswerValue| cb.emit((id, v))
    };
    match q.kind {
        QuestionKind::YesNo => {
            let option = |label: &'static str, v: AnswerValue, slug: &'static str| {
                let checked = p.value == v;
                let emit = emit.clone();
                let onchange = Callback::from(move |_: Event| emit(v));
                html! {
                    <label class="seg-option">
                        <input type="radio" name={input_id.clone()} value={slug} {checked} {onchange}
                            data-testid={format!("q-{}-{slug}", q.field)} />
                        <span>{label}</span>
                    </label>
                }
            };
            html! {
                <fieldset class="question" data-testid={input_id.clone()}>
                    <legend>{q.prompt}{badge}</legend>
                    <div class="seg">
                        {option("Yes", AnswerValue::Bool(true), "yes")}
                        {option("No", AnswerValue::Bool(false), "no")}
                        {option("Not sure", AnswerValue::Unanswered, "unsure")}
                    </div>
                    {help}
                </fieldset>
            }
        }
        QuestionKind::Choice(choices) => {
            let options = choices.options();
            let current = match p.value {
                AnswerValue::Choice(c) => c,
                _ => "",
            };
            let has_unknown = options.iter().any(|(v, _)| *v == "unknown");
            let onchange = Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                let value = options_code(choices.options(), &v)
                    .map_or(AnswerValue::Unanswered, AnswerValue::Choice);
                emit(value);
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
        QuestionKind::Number { min } => {
            let current = match p.value {
                AnswerValue::Number(n) => n.to_string(),
                _ => String::new(),
            };
            // Only whole numbers reach the state; a half-typed value simply waits.
            let oninput = Callback::from(move |e: InputEvent| {
                let raw = e.target_unchecked_into::<HtmlInputElement>().value();
                let raw = raw.trim();
                if raw.is_empty() {
                    emit(AnswerValue::Unanswered);
                } else if let Ok(n) = raw.parse::<i64>() {
                    emit(AnswerValue::Number(n));
                }
            });
            html! {
                <div class="question" data-testid={input_id.clone()}>
                    <label for={input_id.clone()} class="q-prompt">{q.prompt}{badge}</label>
                    <input id={input_id.clone()} type="number" inputmode="numeric" step="1" min={min.to_string()}
                        value={current} {oninput} />
                    {help}
                </div>
            }
        }
        QuestionKind::Date => {
            let current = match p.value {
                AnswerValue::Date(d) => d.to_string(),
                _ => String::new(),
            };
            let onchange = Callback::from(move |e: Event| {
                let raw = e.target_unchecked_into::<HtmlInputElement>().value();
                emit(Date::parse(&raw).map_or(AnswerValue::Unanswered, AnswerValue::Date));
            });
            html! {
                <div class="question" data-testid={input_id.clone()}>
                    <label for={input_id.clone()} class="q-prompt">{q.prompt}{badge}</label>
                    <input id={input_id.clone()} type="date" value={current} {onchange} />
                    {help}
                </div>
            }
        }
    }
}

/// The option's own `&'static str` code for a value read back from the page.
fn options_code(options: Vec<(&'static str, &'static str)>, value: &str) -> Option<&'static str> {
    options.into_iter().map(|(c, _)| c).find(|c| *c == value)
}
