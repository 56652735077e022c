//! The executive summary, right under the questionnaire: what applies and what it means, in the
//! mode the rules decide (`ResultsMode`): nothing yet, no requirement, Level 1 (the 15 FAR
//! requirements, no score), or Level 2/3 (the expected score, the status, the top gaps, points
//! to 88). Cost and timeline, the company's name for the report, and Print.

use crate::engine::{
    points_lost, Applicability, Catalog, Counting, Estimate, Level, Level2Status, Level3Status,
    ResultsMode, Status, CONDITIONAL_MIN_SCORE,
};
use crate::ui::browser::print;
use crate::ui::format::{num_range, short_text, usd, usd_range};
use crate::ui::hooks::{use_catalog, use_dispatch, use_selected, Part, Results, SummaryPart};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of the summary card.
#[derive(Properties)]
pub struct SummaryCardProps {
    /// What applies (drawn in the first frame).
    pub applicability: Rc<Applicability>,
    /// The results once they exist.
    pub results: Option<Results>,
}

/// Equal when what the card draws is: an answer that moves no status, score or cost (an
/// objective answered while others of its requirement are open) does not draw it again.
impl PartialEq for SummaryCardProps {
    fn eq(&self, other: &Self) -> bool {
        self.applicability == other.applicability
            && match (&self.results, &other.results) {
                (Some(a), Some(b)) => a == b || SummaryPart::same(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

/// How many gaps the summary lists.
const TOP_GAPS: usize = 5;

/// The summary.
#[function_component(SummaryCard)]
pub fn summary_card(p: &SummaryCardProps) -> Html {
    let mine = use_selected(|s| (s.saved.answers.clone(), s.saved.company.clone()));
    let (Some(app), Some((answers, company))) = (use_dispatch(), mine) else {
        return Html::default();
    };
    let catalog = use_catalog();
    let mode = p.applicability.results_mode(&answers);
    let body = match (mode, &p.results) {
        (ResultsMode::Start, _) => html! {
            <div data-testid="summary-start">
                <p class="summary-lead">{"Start with the first two questions: do you handle FCI, and CUI?"}</p>
                <p class="muted">{"Nothing is scored or priced until we know what applies to you. Or try a sample company from the top of the page."}</p>
            </div>
        },
        (ResultsMode::NoRequirement, _) => html! {
            <div data-testid="summary-none">
                <p class="summary-lead">{"No CMMC requirement found."}</p>
                <p>{"You told us you handle neither Federal Contract Information nor Controlled Unclassified Information, so no CMMC level and no score apply, and there is nothing to price."}</p>
                <p class="small">{"Double-check before you rely on it: drawings, specifications, pricing and contract emails you receive under a DoD contract are usually FCI (FAR 4.1901), and marked technical data (CUI banners, distribution statements B to F, export-control notices) is CUI. A new contract can change this."}</p>
            </div>
        },
        (_, None) => {
            html! { <p class="muted" data-testid="summary-pending">{"Working out your results…"}</p> }
        }
        (ResultsMode::Level1, Some(r)) => level1_body(catalog, r),
        (ResultsMode::Level2 | ResultsMode::Level3, Some(r)) => level2_body(catalog, r, mode),
    };
    let priced = matches!(
        mode,
        ResultsMode::Level1 | ResultsMode::Level2 | ResultsMode::Level3
    );
    let on_company = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let v = v.trim();
            app.set_company((!v.is_empty()).then(|| v.to_string()));
        })
    };
    html! {
        <section class="card summary-card" id="summary" tabindex="-1" aria-labelledby="h-summary" data-testid="summary-card" data-mode={mode_name(mode)}>
            <h2 id="h-summary" class="card-title">{"Summary"}</h2>
            {headline(&p.applicability)}
            {body}
            if let (true, Some(r)) = (priced, &p.results) {
                {cost_line(&r.estimate, unanswered(r, mode))}
            }
            <div class="summary-actions no-print">
                <label class="company-field">{"Company name (for the report) "}
                    <input type="text" value={company.unwrap_or_default()} onchange={on_company}
                        placeholder="Your company" data-testid="company-name" autocomplete="organization" />
                </label>
                <button type="button" class="btn btn-primary" onclick={Callback::from(|_: MouseEvent| print())} data-testid="print-summary">{"Print report"}</button>
            </div>
        </section>
    }
}

fn mode_name(m: ResultsMode) -> &'static str {
    match m {
        ResultsMode::Start => "start",
        ResultsMode::NoRequirement => "none",
        ResultsMode::Level1 => "level1",
        ResultsMode::Level2 => "level2",
        ResultsMode::Level3 => "level3",
    }
}

/// The level line: required, assumed, or planning.
fn headline(a: &Applicability) -> Html {
    let (level, kind, tag) = match (&a.planning, a.level) {
        (Some(p), Level::None) => (
            p.level,
            Some(p.assessment),
            Some("planning level: no level is required yet".to_string()),
        ),
        (_, level) => (
            level,
            a.assessment,
            a.assumed_until.map(|u| format!("assumed: {}", u.short())),
        ),
    };
    if level == Level::None {
        return Html::default();
    }
    html! {
        <p class="summary-level" data-testid="summary-level">
            <strong>{format!("{} ({})", level.label(), kind.map_or("", |k| k.short()))}</strong>
            if let Some(t) = tag { <span class="tag">{t}</span> }
        </p>
    }
}

/// Level 1: the 15 FAR requirements met or not; no score, no POA&M.
fn level1_body(catalog: &Catalog, r: &Results) -> Html {
    let l1 = &r.assessment.scoring.level1;
    let count = |s: Status| l1.items.iter().filter(|i| i.status == s).count();
    let (met, not_met, unknown) = (
        count(Status::Met),
        count(Status::NotMet),
        count(Status::Unknown),
    );
    let (confirmed, _) = crate::engine::Level1Item::met_counts(&l1.items);
    let open: Vec<_> = l1
        .items
        .iter()
        .filter(|i| i.status != Status::Met)
        .filter_map(|i| catalog.level1.iter().find(|l| l.id == i.id))
        .take(TOP_GAPS)
        .collect();
    html! {
        <div data-testid="summary-level1">
            // Only confirmed answers are counted in the headline: the affirmation in SPRS says all
            // 15 are met, which ISO evidence alone cannot show.
            <p class="summary-lead" data-testid="summary-l1-count">{format!("{confirmed} of 15 FAR 52.204-21 requirements confirmed met")}</p>
            <p class="muted small" data-testid="summary-l1-rest">{{
                let suggested = met - confirmed;
                let more = if suggested > 0 { format!("{suggested} more suggested by your SoA (confirm each), ") } else { String::new() };
                format!("{more}{not_met} not met, {unknown} not answered yet. Level 1 has no score and no POA&M: all 15 must be met (32 CFR 170.21(a)(1)).")
            }}</p>
            if !open.is_empty() {
                <h3 class="summary-h">{"Still open"}</h3>
                <ul class="summary-gaps" data-testid="summary-gaps">
                    { for open.iter().map(|l| html! { <li><strong>{&l.short_name}</strong>{": "}{short_text(&l.text)}</li> }) }
                </ul>
            }
            <p class="small" data-testid="summary-next"><strong>{"Next step: "}</strong>{level1_next(confirmed, not_met)}</p>
        </div>
    }
}

/// What a Level 1 company does next, from its confirmed answers: fix what is not met (no POA&M
/// at Level 1), confirm what is only suggested, or affirm.
fn level1_next(confirmed: usize, not_met: usize) -> String {
    const AFFIRM: &str = "enter the results and an affirmation by a senior official in SPRS, and repeat both each year (32 CFR 170.15, 170.22).";
    if confirmed == 15 {
        format!("all 15 are confirmed met: {AFFIRM}")
    } else if not_met > 0 {
        let rest = 15 - confirmed - not_met;
        let then = if rest > 0 {
            format!("Then confirm the other {rest} and {AFFIRM}")
        } else {
            format!("Then {AFFIRM}")
        };
        format!("implement the {not_met} not met before you affirm: Level 1 allows no POA&M (32 CFR 170.21(a)(1)). {then}")
    } else {
        format!("confirm the {} requirements not yet confirmed (answer each in the Level 1 list below), then {AFFIRM}", 15 - confirmed)
    }
}

/// Level 2 and 3: the expected score with its range, the status, the top gaps, points to 88.
fn level2_body(catalog: &Catalog, r: &Results, mode: ResultsMode) -> Html {
    let s = &r.assessment.scoring;
    let l2 = &s.level2;
    let reading = s.level2_reading();
    let (badge_label, badge_class) = crate::ui::format::level2_badge(reading);
    let expected = s.sprs.high;
    let mut gaps: Vec<(i32, &crate::engine::RequirementResult)> = r
        .assessment
        .requirements
        .iter()
        .filter(|x| !x.status.is_satisfied())
        .filter_map(|x| {
            let req = catalog.requirement(&x.id)?;
            Some((points_lost(req, x, Counting::WithIsoEvidence), x))
        })
        .collect();
    // Equal points: the gaps the company confirmed first (see `print_report::top`).
    gaps.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.basis.is_confirmed().cmp(&a.1.basis.is_confirmed()))
            .then(a.1.id.sort_key().cmp(&b.1.id.sort_key()))
    });
    let to_88 = expected
        .map(|e| CONDITIONAL_MIN_SCORE - e)
        .filter(|d| *d > 0);
    html! {
        <div data-testid="summary-level2">
            <div class="summary-score">
                <div>
                    <span class="muted small">{"Expected SPRS score"}</span>
                    <p class="score-big" data-testid="summary-score">{expected.map_or("No score".to_string(), |v| v.to_string())}</p>
                    <p class="muted small" data-testid="summary-range">{match (s.sprs.low, s.sprs.high) {
                        (Some(l), Some(h)) if l != h => format!("Counting ISO evidence, to confirm. Confirmed so far: {l} (the scale runs from {} to 110).{}", s.sprs.min,
                            if s.sprs.assumes_ssp() { format!(" {}", crate::engine::SSP_ASSUMED) } else { String::new() }),
                        (Some(_), Some(_)) => crate::ui::format::exact_score_note(&r.assessment),
                        _ => "No System Security Plan: no score can be given.".to_string(),
                    }}</p>
                    if r.assessment.view == crate::engine::View::Analysed {
                        <p class="muted small" data-testid="summary-view">{"Analysed view: ISO evidence also counts this project's reviewed crosswalk edges (see Coverage by family)."}</p>
                    }
                </div>
                <div>
                    <span class="muted small">{"Level 2 status"}</span>
                    <p><span class={classes!(badge_class, "badge-lg")} data-testid="summary-status">{badge_label}</span></p>
                    if reading.cloud_holds_it_back() {
                        <p class="small warn-text" data-testid="summary-status-cloud">{format!("The requirements give this status; it holds {}.", crate::engine::CLOUD_CAVEAT)}</p>
                    }
                    if reading.differs() {
                        <p class="small" data-testid="summary-status-confirmed">{format!("On the answers confirmed so far: {}. The forecast counts what your ISO evidence suggests; confirm each requirement to make it the status.", reading.confirmed.label())}</p>
                    }
                    if let Some(d) = to_88 {
                        <p class="small" data-testid="summary-to-88">{format!("{d} points to {CONDITIONAL_MIN_SCORE}, the minimum for a Conditional status.")}</p>
                    } else if l2.status == Level2Status::NoSsp {
                        <p class="small">{"No System Security Plan (3.12.4): no score and no status until there is one."}</p>
                    } else if l2.status != Level2Status::Final && !l2.blocking.is_empty() {
                        <p class="small">{match l2.blocking.len() {
                            1 => "1 open requirement may not sit on a POA&M.".to_string(),
                            n => format!("{n} open requirements may not sit on a POA&M."),
                        }}</p>
                    }
                </div>
                if mode == ResultsMode::Level3 {
                    <div>
                        <span class="muted small">{"Level 3"}</span>
                        <p><span class={classes!("badge", if s.level3.status == Level3Status::Final { "met" } else { "not-met" })} data-testid="summary-l3">{s.level3.status.label()}</span></p>
                    </div>
                }
            </div>
            if !gaps.is_empty() {
                <h3 class="summary-h">{"Top gaps"}</h3>
                <ol class="summary-gaps" data-testid="summary-gaps">
                    { for gaps.iter().take(TOP_GAPS).map(|(pts, x)| {
                        let text = catalog.requirement(&x.id).map(|q| short_text(&q.text)).unwrap_or_default();
                        html! { <li><strong>{x.id.as_str()}</strong>{format!(" ({pts} point{}) ", if *pts == 1 { "" } else { "s" })}{text}</li> }
                    }) }
                </ol>
            }
        </div>
    }
}

/// The requirements the estimate counts as work to do only because nothing says otherwise yet:
/// at Level 1 the FAR requirements not answered, else the SP 800-171 requirements with neither
/// an answer nor ISO evidence.
fn unanswered(r: &Results, mode: ResultsMode) -> usize {
    if mode == ResultsMode::Level1 {
        r.assessment
            .scoring
            .level1
            .items
            .iter()
            .filter(|i| i.status == Status::Unknown)
            .count()
    } else {
        r.assessment
            .requirements
            .iter()
            .filter(|x| x.status == Status::Unknown)
            .count()
    }
}

/// Cost and timeline in one line each, with their basis.
fn cost_line(e: &Estimate, unanswered: usize) -> Html {
    let fee = e
        .assessments
        .iter()
        .map(|f| match f.usd {
            Some(u) => format!("{} {}", usd(f64::from(u)), f.period),
            None => "not published".to_string(),
        })
        .collect::<Vec<_>>()
        .join(" + ");
    html! {
        <div class="summary-cost">
            <p><span class="muted small">{if e.planning { "Cost, first three years (planning)" } else { "Cost, first three years" }}</span><br/>
                <strong data-testid="summary-cost">{usd_range(e.total_usd)}</strong>
                <span class="small muted">{format!(" incl. assessment {fee}")}</span></p>
            <p><span class="muted small">{"Timeline"}</span><br/>
                <strong data-testid="summary-timeline">{format!("{} months", num_range(e.timeline_months))}</strong></p>
            if unanswered > 0 {
                <p class="small muted summary-cost-note" data-testid="summary-cost-unanswered">{format!("Counts the {} not answered yet as work still to do: answering them narrows it.", crate::engine::counted(unanswered, "requirement", "requirements"))}</p>
            }
        </div>
    }
}
