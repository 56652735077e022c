//! Level 3: shown only when the answers lead to Level 3; the 24 NIST SP 800-172 requirements
//! answered directly, each open one with its plan of action, and the Level 3 status they give.

use crate::engine::{conditional_closeout, Level, Level3Status, Status};
use crate::ui::hooks::{use_catalog, use_dispatch, use_selected, Level3Part, PartProps};
use crate::ui::results::poam_plan::PoamPlanForm;
use yew::prelude::*;

fn status_class(s: Level3Status) -> &'static str {
    match s {
        Level3Status::NoPrerequisite | Level3Status::NotEligible => "not-met",
        Level3Status::NotAssessed => "unknown",
        Level3Status::Final => "met",
        Level3Status::Conditional => "partial",
    }
}

/// The Level 3 card.
#[function_component(Level3Panel)]
pub fn level3_panel(p: &PartProps<Level3Part>) -> Html {
    let answers = use_selected(|s| s.saved.level3.clone());
    let (Some(app), Some(answers)) = (use_dispatch(), answers) else {
        return Html::default();
    };
    let results = &p.results;
    let catalog = use_catalog();
    if results.assessment.applicability.level != Level::L3 {
        return html! {};
    }
    let l3 = &results.assessment.scoring.level3;
    let closeout = conditional_closeout(&results.assessment, results.input.date, Level::L3);
    let (label, class) = (l3.status.label(), status_class(l3.status));
    html! {
        <div class="card" data-testid="level3">
            <h3 class="card-title">{"Level 3 (NIST SP 800-172, DIBCAC)"}</h3>
            <p>
                <span class={classes!("badge", "badge-lg", class)} data-testid="level3-status">{label}</span>
                {format!(" {} of {} met, {} answered.", l3.met, l3.total, l3.answered)}
            </p>
            if !l3.prerequisite_met {
                <p class="note" data-testid="level3-prerequisite">{"No Level 3 status is possible yet: a Level 3 assessment needs a Final Level 2 (C3PAO) status for the same scope, with the maximum score of 110 (32 CFR 170.18(a), 170.24(c)(3)). Your own answers, even all met, do not stand in for it: give the status you hold in the questionnaire."}</p>
            }
            if !l3.blocking.is_empty() {
                <p class="small">{"May not sit on a POA&M: "}{l3.blocking.join(", ")}</p>
            }
            <details>
                <summary>{"Answer the 24 Level 3 requirements"}</summary>
                <ul class="checklist">
                    { for catalog.level3.iter().map(|r| {
                        let current = answers.get(&r.id).copied();
                        let button = |text: &'static str, v: Option<bool>| {
                            let app = app.clone();
                            let id = r.id.clone();
                            let pressed = v.is_some() && current == v;
                            html! {
                                <button type="button" class={classes!("btn", "btn-small", pressed.then_some("pressed"))}
                                    aria-pressed={v.map(|_| pressed.to_string())}
                                    onclick={Callback::from(move |_: MouseEvent| app.set_level3(id.clone(), v))}>{text}</button>
                            }
                        };
                        // An open item (not met, or not answered yet) takes its plan of action.
                        let open = l3.requirements.iter().find(|i| i.id == r.id).filter(|i| i.status != Status::Met);
                        html! {
                            <li data-testid="level3-item" data-requirement={r.id.clone()}>
                                <h4>{format!("{} {}", r.id, r.short_name)}</h4>
                                <p class="small">{&r.statement}</p>
                                <div class="answer-row" role="group" aria-label={format!("Answer {}", r.id)}>
                                    {button("Met", Some(true))}{button("Not met", Some(false))}{button("Clear", None)}
                                </div>
                                if let Some(item) = open {
                                    <PoamPlanForm id={r.id.clone()} eligible={item.poam_eligible} {closeout} />
                                }
                            </li>
                        }
                    }) }
                </ul>
            </details>
        </div>
    }
}
