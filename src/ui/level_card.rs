//! The level card: the CMMC level and assessment type the answers lead to, with cited reasons.

use super::hooks::use_applicability;
use yew::prelude::*;

/// Level, assessment type and the reasons behind them.
#[function_component(LevelCard)]
pub fn level_card() -> Html {
    let a = use_applicability();
    html! {
        <section class="card level-card" aria-label="Your CMMC level" data-testid="level-result" aria-live="polite">
            <h3 class="card-title">{"Your CMMC level"}</h3>
            <p class="level-big" data-testid="level-value">{a.level.label()}</p>
            <p class="level-type" data-testid="assessment-type">
                {a.assessment.map_or("No assessment", |k| k.label())}
            </p>
            if !a.settled {
                <p class="note">{"Provisional: answer the questions marked \u{201c}decides your level\u{201d} to settle it."}</p>
            }
            <ul class="reasons">
                { for a.reasons.iter().map(|r| html! {
                    <li>{&r.text}<cite>{r.citation}</cite></li>
                }) }
            </ul>
        </section>
    }
}
