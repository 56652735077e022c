//! Level 1 in plain words: the 15 FAR 52.204-21(b)(1) requirements, each answered met or not met
//! (an answer sets its NIST SP 800-171 counterparts, so the engine decides it the same way the
//! CLI does). No score, no POA&M: all 15 must be met (32 CFR 170.21(a)(1)).

use crate::engine::{Answer, Basis, DirectAnswer, Status};
use crate::ui::hooks::{use_catalog, use_dispatch, ResultsProps};
use yew::prelude::*;

/// The checklist.
#[function_component(Level1Checklist)]
pub fn level1_checklist(p: &ResultsProps) -> Html {
    let Some(app) = use_dispatch() else {
        return Html::default();
    };
    let catalog = use_catalog();
    let items = &p.results.assessment.scoring.level1.items;
    html! {
        <div class="card" data-testid="level1-checklist">
            <h3 class="card-title">{"The 15 Level 1 requirements (FAR 52.204-21)"}</h3>
            <p class="muted small">{"Answer each one for the systems that hold FCI. \u{201c}Suggested\u{201d} means your SoA points that way: confirm it."}</p>
            <ol class="checklist l1-list">
                { for catalog.level1.iter().map(|l| {
                    let item = items.iter().find(|i| i.id == l.id);
                    let status = item.map_or(Status::Unknown, |i| i.status);
                    let confirmed = item.is_some_and(|i| i.confirmed);
                    let answer = |label: &'static str, a: Option<Answer>, slug: &'static str| {
                        let app = app.clone();
                        let ids = l.requirements.clone();
                        let pressed = confirmed && match a {
                            Some(Answer::Met) => status == Status::Met,
                            Some(Answer::NotMet) => status == Status::NotMet,
                            _ => false,
                        };
                        let onclick = Callback::from(move |_: MouseEvent| {
                            for id in &ids {
                                app.set_direct(id.clone(), a.map(DirectAnswer::new));
                            }
                        });
                        html! {
                            <button type="button" class={classes!("btn", "btn-small", pressed.then_some("pressed"))}
                                aria-pressed={a.map(|_| pressed.to_string())} {onclick} data-testid={format!("l1-{slug}")}>{label}</button>
                        }
                    };
                    // Unknown because the SoA evidences a counterpart only in part is not the
                    // same as nothing said: there is no partial at Level 1, so it asks to confirm.
                    let partly = l.requirements.iter()
                        .filter_map(|id| p.results.assessment.requirement(id))
                        .any(|r| r.basis == Basis::IsoEvidence && r.status == Status::Partial);
                    let (badge, class) = match (status, confirmed) {
                        (Status::Met, true) => ("Met", "met"),
                        (Status::Met, false) => ("Met (suggested)", "met suggested"),
                        (Status::NotMet, _) => ("Not met", "not-met"),
                        _ if partly => ("Partly evidenced: not met until you confirm", "unknown suggested"),
                        _ => ("Not answered", "unknown"),
                    };
                    html! {
                        <li data-testid="l1-item" data-id={l.id.clone()} data-status={class}>
                            <p class="l1-head"><strong>{&l.short_name}</strong>
                                <span class={classes!("badge", class)}>{badge}</span></p>
                            <p class="small">{&l.text}</p>
                            <p class="muted small">{format!("{} · NIST SP 800-171 {}", l.far_paragraph, l.requirements.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", "))}</p>
                            <div class="answer-row" role="group" aria-label={format!("Answer {}", l.short_name)}>
                                {answer("Met", Some(Answer::Met), "met")}
                                {answer("Not met", Some(Answer::NotMet), "not-met")}
                                {answer("Clear", None, "clear")}
                            </div>
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
