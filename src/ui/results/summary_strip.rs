//! The summary strip, sticky at the top: the section navigation (`section-nav`) that reaches every
//! part of the page in a few key presses, and the headline figures that apply to this level (the
//! SPRS score, the Level 2 status and the assessment objectives answered only where a score
//! applies; "n of 15 met" at Level 1; nothing to score before anything is answered).

use crate::engine::{Applicability, ResultsMode, Status};
use crate::ui::browser::reveal;
use crate::ui::format::{level2_badge_short, sprs_text};
use crate::ui::hooks::Results;
use std::rc::Rc;
use yew::prelude::*;

/// Props of the strip.
#[derive(Properties, PartialEq)]
pub struct SummaryStripProps {
    /// The results, or `None` in the first frames, before they are computed.
    pub results: Option<Results>,
    /// What applies, from the answers alone (drawn in the first frame).
    pub applicability: Rc<Applicability>,
    /// What the results screens show.
    pub mode: ResultsMode,
}

/// The sections the navigation reaches, by mode: `(element id, label)`.
fn sections(mode: ResultsMode) -> Vec<(&'static str, &'static str)> {
    let mut out = vec![
        ("step-questionnaire", "Questionnaire"),
        ("summary", "Summary"),
    ];
    match mode {
        ResultsMode::Start | ResultsMode::NoRequirement => {}
        ResultsMode::Level1 => out.extend([("level1", "Requirements"), ("plan", "Cost")]),
        ResultsMode::Level2 | ResultsMode::Level3 => {
            out.extend([("gaps", "Gaps"), ("paths", "Paths"), ("plan", "Cost")])
        }
    }
    out.extend([("step-soa", "Import"), ("export", "Export")]);
    out
}

/// "n / 320": the assessment objectives answered, of all the Level 2 requirements' objectives.
fn objectives_answered(r: &Results) -> String {
    let (answered, total) = r.assessment.requirements.iter().fold((0, 0), |(a, t), q| {
        (a + q.objectives.answered(), t + q.objectives.total)
    });
    format!("{answered} / {total}")
}

/// The navigation and the headline figures.
#[function_component(SummaryStrip)]
pub fn summary_strip(p: &SummaryStripProps) -> Html {
    let a = &p.applicability;
    let pending =
        || html! { <span class="strip-value muted" data-testid="strip-pending">{"…"}</span> };
    let level = match (&a.planning, a.level) {
        _ if p.mode == ResultsMode::Start => "Not determined yet".to_string(),
        (Some(pl), crate::engine::Level::None) => format!("{} (planning)", pl.level.label()),
        (_, l) => l.label().to_string(),
    };
    let figures = match (p.mode, &p.results) {
        (ResultsMode::Start, _) => html! {
            <div class="strip-item strip-note"><span class="strip-value muted" data-testid="strip-start">{"Answer the questionnaire to begin"}</span></div>
        },
        (ResultsMode::NoRequirement, _) => html! {
            <div class="strip-item strip-note"><span class="strip-value" data-testid="strip-none">{"No CMMC requirement found"}</span></div>
        },
        (ResultsMode::Level1, r) => html! {
            <div class="strip-item">
                <span class="strip-label">{"FAR 52.204-21"}</span>
                if let Some(r) = r {
                    <span class="strip-value" data-testid="strip-l1">{format!("{} of 15 confirmed", crate::engine::Level1Item::met_counts(&r.assessment.scoring.level1.items).0)}</span>
                    <span class="strip-sub muted">{format!("{} met counting your SoA", r.assessment.scoring.level1.items.iter().filter(|i| i.status == Status::Met).count())}</span>
                } else { {pending()} }
            </div>
        },
        (_, r) => html! {
            <>
            <div class="strip-item">
                <span class="strip-label">{"Expected SPRS"}</span>
                if let Some(r) = r {
                    <span class="strip-value" data-testid="strip-score">{r.assessment.scoring.sprs.high.map_or("No score".to_string(), |v| v.to_string())}</span>
                    <span class="strip-sub muted" data-testid="strip-sprs">{sprs_text(&r.assessment.scoring.sprs)}</span>
                } else { {pending()} }
            </div>
            <div class="strip-item">
                <span class="strip-label">{"Level 2 status"}</span>
                if let Some(r) = r {
                    {{
                        let reading = r.assessment.scoring.level2_reading();
                        let (label, class) = level2_badge_short(reading);
                        html! {
                            <>
                            <span class={classes!("strip-value", class)} data-testid="strip-l2">{label}</span>
                            if reading.differs() {
                                <span class="strip-sub strip-keep muted" data-testid="strip-l2-confirmed">{format!("confirmed: {}", reading.confirmed.label())}</span>
                            }
                            </>
                        }
                    }}
                } else { {pending()} }
            </div>
            // Left out of a phone's compact strip (the objectives panel has the count).
            <div class="strip-item strip-optional">
                <span class="strip-label">{"Objectives answered"}</span>
                if let Some(r) = r {
                    <span class="strip-value" data-testid="strip-objectives">{objectives_answered(r)}</span>
                    <span class="strip-sub muted">{"NIST SP 800-171A"}</span>
                } else { {pending()} }
            </div>
            </>
        },
    };
    html! {
        <section class="summary-strip" data-testid="summary-strip" aria-label="Summary and sections">
            <div class="strip-figures">
                <div class="strip-item">
                    <span class="strip-label">{"Level"}</span>
                    <span class="strip-value" data-testid="strip-level">{level}</span>
                </div>
                {figures}
            </div>
            <nav class="section-nav no-print" data-testid="section-nav" aria-label="Sections">
                { for sections(p.mode).into_iter().map(|(id, label)| {
                    let onclick = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        reveal(id);
                    });
                    html! { <a href={format!("#{id}")} {onclick} data-testid={format!("nav-{id}")}>{label}</a> }
                }) }
            </nav>
        </section>
    }
}
