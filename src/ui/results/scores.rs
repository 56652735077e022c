//! The score cards: SPRS score (or range), Level 2 status with blockers, Level 1, confirmed-only.

use crate::engine::{SspState, MAX_SCORE};
use crate::ui::format::{level2_class, sprs_text};
use crate::ui::hooks::{PartProps, ScoringPart};
use yew::prelude::*;

/// What the two ends of the range are.
const RANGE_NOTE: &str = "The first figure is your confirmed score: only what you confirmed. The second is the score with ISO evidence: it also counts what your SoA suggests, to confirm.";

/// SPRS and status cards.
#[function_component(Scores)]
pub fn scores(p: &PartProps<ScoringPart>) -> Html {
    let results = &p.results;
    let s = &results.assessment.scoring;
    let sprs = &s.sprs;
    let sprs_note = match (sprs.ssp, sprs.exact) {
        (SspState::Missing, _) => {
            "Without a System Security Plan (3.12.4) there is no SPRS score.".to_string()
        }
        (_, true) => format!(
            "{} The scale runs from {} to {MAX_SCORE}.",
            crate::ui::format::exact_score_note(&results.assessment),
            sprs.min
        ),
        // Neither figure is a confirmed score while the SSP is not confirmed.
        (SspState::Unconfirmed, false) => format!("The first figure counts only what you confirmed; the second also counts what your SoA suggests, to confirm. {}", crate::engine::SSP_ASSUMED),
        (SspState::Confirmed, false) => RANGE_NOTE.to_string(),
    };
    let l2 = &s.level2;
    let confirmed = &s.level2_confirmed;
    let (badge_label, badge_class) = crate::ui::format::level2_badge(s.level2_reading());
    html! {
        <div class="cards-row">
            <div class="card score-card">
                <h3 class="card-title">{"SPRS score"}</h3>
                <p class="score-big"><span data-testid="sprs-score">{sprs_text(sprs)}</span></p>
                <p class="muted">{format!("of {MAX_SCORE} (lowest possible {})", sprs.min)}</p>
                <p class="note">{sprs_note}</p>
            </div>
            <div class="card" data-testid="level2-status">
                <h3 class="card-title">{"Level 2 status"}</h3>
                <p><span class={classes!(badge_class, "badge-lg")} data-testid="level2-label">{badge_label}</span></p>
                // The finding first: what the answers confirmed give (the assessor's review,
                // 2026-12-07: the forecast's "-14" read here beside a confirmed -201).
                <p data-testid="level2-summary">{&confirmed.summary}</p>
                if l2.summary != confirmed.summary {
                    <p class="muted small" data-testid="level2-forecast">{format!("If every ISO suggestion is confirmed: {}", l2.summary)}</p>
                }
                if !l2.blocking.is_empty() {
                    <details class="blockers">
                        <summary>{match (l2.blocking.len(), l2.summary != confirmed.summary) {
                            (1, false) => "1 requirement blocks a Conditional status".to_string(),
                            (n, false) => format!("{n} requirements block a Conditional status"),
                            (1, true) => "1 requirement blocks a Conditional status even if every ISO suggestion is confirmed".to_string(),
                            (n, true) => format!("{n} requirements block a Conditional status even if every ISO suggestion is confirmed"),
                        }}</summary>
                        <ul>{ for l2.blocking.iter().map(|b| html! { <li><strong>{b.id.as_str()}</strong>{": "}{&b.reason}</li> }) }</ul>
                    </details>
                }
                <p class="muted small">
                    {"Counting only what you confirmed: "}
                    <span class={classes!("badge", level2_class(confirmed.status))} data-testid="level2-confirmed">{confirmed.status.label()}</span>
                </p>
            </div>
            <div class="card" data-testid="level1-status">
                <h3 class="card-title">{"Level 1 (FAR 52.204-21)"}</h3>
                // Met only on what was confirmed; what ISO evidence alone suggests is a forecast.
                <p>
                    <span class={classes!("badge", "badge-lg", match (s.level1.met_confirmed, s.level1.met) {
                        (true, _) => "met",
                        (false, true) => "met suggested",
                        (false, false) => "not-met",
                    })} data-testid="level1-label">
                        {match (s.level1.met_confirmed, s.level1.met) {
                            (true, _) => "Met",
                            (false, true) => "Met, to confirm",
                            (false, false) => "Not met",
                        }}
                    </span>
                </p>
                <p class="muted small">{match (s.level1.met_confirmed, s.level1.met) {
                    (true, _) => "Met on the answers you confirmed.",
                    (false, true) => "Not yet met on the answers you confirmed: counting what your ISO evidence suggests, all 15 are met; confirm the ones not confirmed yet.",
                    (false, false) => "Not met: an affirmation needs all 15 met.",
                }}</p>
                if !s.level1.unmet.is_empty() {
                    <p class="small">{"Open: "}{s.level1.unmet.join(", ")}</p>
                }
            </div>
        </div>
    }
}
