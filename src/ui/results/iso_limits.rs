//! "What ISO cannot evidence": every CMMC obligation an ISO/IEC 27001 certificate does not prove.

use crate::ui::hooks::use_catalog;
use yew::prelude::*;

/// The checklist, straight from the catalog.
#[function_component(IsoLimits)]
pub fn iso_limits() -> Html {
    let limits = &use_catalog().iso_limits;
    html! {
        <div class="card" data-testid="iso-limits">
            <h3 class="card-title">{"What ISO cannot evidence"}</h3>
            <p class="muted small">{format!("{} obligations an ISO/IEC 27001 certificate does not prove. Check each one yourself.", limits.len())}</p>
            <ul class="checklist">
                { for limits.iter().map(|l| html! {
                    <li data-limit={l.id.clone()}>
                        <h4>{&l.title}</h4>
                        <p><strong>{"Obligation: "}</strong>{&l.obligation}</p>
                        <p><strong>{"Why ISO falls short: "}</strong>{&l.why_iso_falls_short}</p>
                        if !l.requirements.is_empty() {
                            <p class="small">{"Requirements: "}{l.requirements.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(", ")}</p>
                        }
                        <p class="small muted"><cite>{&l.source}</cite></p>
                    </li>
                }) }
            </ul>
        </div>
    }
}
