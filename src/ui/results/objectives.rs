//! A requirement's NIST SP 800-171A assessment objectives, inside its gap-table row: each answered
//! met / not met / N/A, with a note (how it is met, or why it does not apply) and, where the
//! objective asks that something be defined, the organisation's value. Once any objective is
//! answered, the objectives decide the requirement (32 CFR 170.24(b)); ISO evidence never marks
//! an objective met. Notes and values are committed on `change` (leaving the field), so typing
//! redraws nothing.

use crate::engine::{ObjectiveAnswer, ObjectiveId, ObjectiveStatus, RequirementResult};
use crate::ui::browser::field_value;
use crate::ui::hooks::{use_catalog, use_dispatch, use_selected};
use yew::prelude::*;

/// Props of the list.
#[derive(Properties, PartialEq)]
pub struct ObjectiveListProps {
    /// The requirement, as assessed (its tally and open objectives).
    pub result: RequirementResult,
}

/// The slug of a finding in test ids and `data-answer`.
fn slug(s: ObjectiveStatus) -> &'static str {
    match s {
        ObjectiveStatus::Met => "met",
        ObjectiveStatus::NotMet => "not-met",
        ObjectiveStatus::NotApplicable => "na",
    }
}

/// The objectives of one requirement.
#[function_component(ObjectiveList)]
pub fn objective_list(p: &ObjectiveListProps) -> Html {
    let catalog = use_catalog();
    let r = &p.result;
    let objectives = catalog.objectives_of(&r.id);
    // This requirement's answers only: answering another requirement's objective, or anything
    // else, does not redraw the list.
    let answers = {
        let id = r.id.clone();
        use_selected(move |s| {
            catalog
                .objectives_of(&id)
                .iter()
                .map(|o| s.saved.objectives.get(&o.id).cloned().unwrap_or_default())
                .collect::<Vec<_>>()
        })
    };
    let Some(answers) = answers else {
        return Html::default();
    };
    if objectives.is_empty() {
        return Html::default();
    }
    let t = r.objectives;
    html! {
        <section class="objectives" data-testid="objectives" aria-label={format!("Assessment objectives of {}", r.id)}>
            <h4>{"Assessment objectives (NIST SP 800-171A) "}
                <span class="muted small" data-testid="objectives-tally">{format!("{} of {} answered", t.answered(), t.total)}</span>
            </h4>
            <p class="muted small">{"An assessor examines each objective: the requirement is met only when every one is met or not applicable (32 CFR 170.24(b)). Once you answer one, the objectives decide this requirement. ISO evidence never marks an objective met."}</p>
            <ol class="objective-list">
                { for objectives.iter().zip(answers).map(|(o, answer)| {
                    html! { <ObjectiveItem key={o.id.as_str()} id={o.id.clone()} text={o.text.as_str()} defines={o.defines} {answer} /> }
                }) }
            </ol>
        </section>
    }
}

/// Props of one objective.
#[derive(Properties, PartialEq)]
struct ObjectiveItemProps {
    id: ObjectiveId,
    text: &'static str,
    defines: bool,
    answer: ObjectiveAnswer,
}

/// One objective: its statement, the finding buttons, the note and the defined value.
#[function_component(ObjectiveItem)]
fn objective_item(p: &ObjectiveItemProps) -> Html {
    let Some(app) = use_dispatch() else {
        return Html::default();
    };
    let id = p.id.clone();
    let a = &p.answer;
    let button = |finding: Option<ObjectiveStatus>| {
        let app = app.clone();
        let id = id.clone();
        let pressed = finding.is_some() && a.answer == finding;
        let onclick = Callback::from(move |_: MouseEvent| app.set_objective(id.clone(), finding));
        let (label, test) = match finding {
            Some(s) => (s.label(), format!("objective-{}", slug(s))),
            None => ("Clear", "objective-clear".to_string()),
        };
        html! {
            <button type="button" class={classes!("btn", "btn-small", pressed.then_some("pressed"))}
                aria-pressed={finding.map(|_| pressed.to_string())} {onclick} data-testid={test}>{label}</button>
        }
    };
    let on_note = {
        let app = app.clone();
        let id = id.clone();
        Callback::from(move |e: Event| {
            app.set_objective_note(id.clone(), field_value(&e));
        })
    };
    let on_value = {
        let app = app.clone();
        let id = id.clone();
        Callback::from(move |e: Event| {
            app.set_defined_value(id.clone(), field_value(&e));
        })
    };
    let field = p.id.as_str().replace(['.', '[', ']'], "-");
    html! {
        <li class="objective" data-testid="objective" data-objective={p.id.to_string()}
            data-answer={a.answer.map_or("", slug)}>
            <p class="objective-text"><strong>{p.id.as_str()}</strong>{" "}{p.text}</p>
            <div class="answer-row" role="group" aria-label={format!("Answer objective {}", p.id)}>
                {button(Some(ObjectiveStatus::Met))}
                {button(Some(ObjectiveStatus::NotMet))}
                {button(Some(ObjectiveStatus::NotApplicable))}
                {button(None)}
            </div>
            if p.defines {
                <label class="answer-note" for={format!("defined-{field}")}>
                    {"Defined value (goes into the SSP), e.g. a number, a period or a list"}
                    if a.answer == Some(ObjectiveStatus::Met) && a.defined_value.trim().is_empty() {
                        <span class="tag warn" data-testid="objective-value-needed">{"value needed: an assessor asks what was defined"}</span>
                    }
                </label>
                <input id={format!("defined-{field}")} type="text" class="defined-value" value={a.defined_value.clone()}
                    onchange={on_value} data-testid="objective-defined" />
            }
            <label class="answer-note">
                {match a.answer {
                    Some(ObjectiveStatus::NotApplicable) => "Why it does not apply (the SSP justifies each N/A)",
                    Some(ObjectiveStatus::NotMet) => "What is missing (optional; goes into the SSP and the POA&M's weakness)",
                    _ => "How it is met (optional; goes into the SSP)",
                }}
                if a.record_missing() { <span class="tag warn">{"justification needed"}</span> }
                <textarea rows="2" value={a.note.clone()} onchange={on_note} data-testid="objective-note" />
            </label>
        </li>
    }
}
