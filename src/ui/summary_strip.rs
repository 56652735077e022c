//! The summary strip: level, SPRS score and Level 2 status, sticky at the top on wide screens.

use super::format::{level2_class, sprs_text};
use super::hooks::use_results;
use yew::prelude::*;

/// The three headline figures.
#[function_component(SummaryStrip)]
pub fn summary_strip() -> Html {
    let results = use_results();
    let a = &results.assessment;
    let l2 = &a.scoring.level2;
    html! {
        <section class="summary-strip" data-testid="summary-strip" aria-label="Summary">
            <div class="strip-item">
                <span class="strip-label">{"Level"}</span>
                <span class="strip-value" data-testid="strip-level">{a.applicability.level.label()}</span>
            </div>
            <div class="strip-item">
                <span class="strip-label">{"SPRS score"}</span>
                <span class="strip-value" data-testid="strip-sprs">{sprs_text(&a.scoring.sprs)}</span>
            </div>
            <div class="strip-item">
                <span class="strip-label">{"Level 2 status"}</span>
                <span class={classes!("strip-value", "badge", level2_class(l2.status))} data-testid="strip-l2">{l2.status.label()}</span>
            </div>
        </section>
    }
}
