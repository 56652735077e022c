//! The paths to 88 (Conditional) and 110 (Final): the remediations in order, with points,
//! effort and the score after each step.

use crate::engine::Path;
use crate::ui::format::num_range;
use crate::ui::hooks::{use_progressive, ResultsProps};
use yew::prelude::*;

/// Both paths side by side.
#[function_component(Paths)]
pub fn paths(p: &ResultsProps) -> Html {
    let results = &p.results;
    let e = &results.estimate;
    // Up to 110 rows each: drawn a few frames at a time, like the gap table.
    let drawn_88 = use_progressive(e.path_to_88.steps.len(), 15, 30);
    let drawn_110 = use_progressive(e.path_to_110.steps.len(), 0, 30);
    // The paths start from the expected score, which counts what the ISO evidence suggests: the
    // confirmed score is said beside it (the re-review of 2026-12-07: "Already at 110" at -77).
    let confirmed = results.assessment.scoring.sprs.low;
    html! {
        <div class="cards-row stack">
            {path_card("Path to 88 (Conditional Level 2)", "path-88", &e.path_to_88, drawn_88, confirmed)}
            {path_card("Path to 110 (Final Level 2)", "path-110", &e.path_to_110, drawn_110, confirmed)}
        </div>
    }
}

fn path_card(
    title: &'static str,
    testid: &'static str,
    p: &Path,
    drawn: usize,
    confirmed: Option<i32>,
) -> Html {
    let body = if !p.reachable {
        html! { <p class="muted">{"No score to start from: a System Security Plan (3.12.4) comes first."}</p> }
    } else if p.steps.is_empty() {
        match confirmed.filter(|c| *c < p.target) {
            Some(c) => {
                html! { <p data-testid={format!("{testid}-to-confirm")}>{format!("At {} or above counting what your ISO evidence suggests; on the answers confirmed so far the score is {c}. Confirm the suggested requirements to make it so.", p.target)}</p> }
            }
            None => {
                html! { <p>{format!("Already at {} or above on current answers.", p.target)}</p> }
            }
        }
    } else {
        html! {
            <>
            <p class="small">{format!("{} {}, {} person-days.", p.steps.len(), if p.steps.len() == 1 { "step" } else { "steps" }, crate::ui::format::days_range(p.effort_days))}</p>
            <div class="table-wrap scroll-y" tabindex="0" role="region" aria-label={format!("{title}: steps")}>
            <table class="path-table" aria-busy={(drawn < p.steps.len()).to_string()}>
                <thead><tr>
                    <th scope="col">{"#"}</th><th scope="col">{"Requirement"}</th><th scope="col">{"Work"}</th>
                    <th scope="col" class="num">{"Points"}</th><th scope="col" class="num">{"Days"}</th><th scope="col" class="num">{"Score after"}</th>
                </tr></thead>
                <tbody>
                { for p.steps.iter().take(drawn).enumerate().map(|(i, s)| html! {
                    <tr key={s.id.as_str()}>
                        <td>{i + 1}</td>
                        <td>{s.id.as_str()}if s.required { <span class="tag" title="May not sit on a POA&M">{"required"}</span> }</td>
                        <td>{s.work_kind.label()}</td>
                        <td class="num">{format!("+{}", s.points)}</td>
                        <td class="num">{num_range(s.effort_days)}</td>
                        <td class="num">{s.score_after}</td>
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
            </>
        }
    };
    html! {
        <div class="card" data-testid={testid}>
            <h3 class="card-title">{title}</h3>
            {body}
        </div>
    }
}
