//! The summary strip: level, SPRS score and Level 2 status, sticky at the top on wide screens.

use crate::engine::Applicability;
use crate::ui::format::{level2_class, sprs_text};
use crate::ui::hooks::Results;
use std::rc::Rc;
use yew::prelude::*;

/// Props of the strip.
#[derive(Properties, PartialEq)]
pub struct SummaryStripProps {
    /// The results, or `None` in the first frame, before they are computed.
    pub results: Option<Results>,
    /// What applies, from the answers alone (drawn in the first frame).
    pub applicability: Rc<Applicability>,
}

/// The three headline figures. The level depends on the answers alone and shows at once; the
/// score and status show "…" for the one frame before the results exist.
#[function_component(SummaryStrip)]
pub fn summary_strip(p: &SummaryStripProps) -> Html {
    let applicability = &p.applicability;
    let pending =
        || html! { <span class="strip-value muted" data-testid="strip-pending">{"…"}</span> };
    html! {
        <section class="summary-strip" data-testid="summary-strip" aria-label="Summary">
            <div class="strip-item">
                <span class="strip-label">{"Level"}</span>
                <span class="strip-value" data-testid="strip-level">{applicability.level.label()}</span>
            </div>
            <div class="strip-item">
                <span class="strip-label">{"SPRS score"}</span>
                if let Some(r) = &p.results {
                    <span class="strip-value" data-testid="strip-sprs">{sprs_text(&r.assessment.scoring.sprs)}</span>
                } else { {pending()} }
            </div>
            <div class="strip-item">
                <span class="strip-label">{"Level 2 status"}</span>
                if let Some(r) = &p.results {
                    <span class={classes!("strip-value", "badge", level2_class(r.assessment.scoring.level2.status))} data-testid="strip-l2">{r.assessment.scoring.level2.status.label()}</span>
                } else { {pending()} }
            </div>
        </section>
    }
}
