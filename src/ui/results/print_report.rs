//! The printed report: hidden on screen, the only thing a printout shows. Page one is an
//! executive summary a client can read (company, date, the inputs, what applies, score and
//! status, top gaps, cost and timeline, the screening disclaimer); then the open requirements
//! as an appendix with their full text. No on-screen instructions, no buttons.

use crate::engine::{
    poam_allowed, points_lost, AnswerValue, Applicability, Counting, Level, QuestionKind,
    ResultsMode, Status, QUESTIONS,
};
use crate::ui::format::{basis_label, num_range, usd, usd_range};
use crate::ui::hooks::{use_catalog, use_selected, Results};
use std::rc::Rc;
use yew::prelude::*;

/// Props of the report.
#[derive(Properties, PartialEq)]
pub struct PrintReportProps {
    /// What applies.
    pub applicability: Rc<Applicability>,
    /// The results (the report is drawn once they exist).
    pub results: Results,
}

/// The report.
#[function_component(PrintReport)]
pub fn print_report(p: &PrintReportProps) -> Html {
    // The answers come with the results (the input they were computed from); the company and the
    // SoA's file name, which change no figure, are the report's own slice of the state.
    let named = use_selected(|s| (s.saved.company.clone(), s.saved.soa_name.clone()));
    let Some((company_name, soa_name)) = named else {
        return Html::default();
    };
    let catalog = use_catalog();
    let answers = &p.results.input.answers;
    let a = &p.applicability;
    let r = &p.results;
    let mode = a.results_mode(answers);
    let company = company_name.unwrap_or_else(|| "Your company".to_string());
    let level = match (&a.planning, a.level) {
        (Some(pl), Level::None) => format!(
            "No CMMC level is required yet. Planning level: {} ({})",
            pl.level.label(),
            pl.assessment.short()
        ),
        (_, Level::None) => "No CMMC level applies".to_string(),
        (_, l) => format!(
            "{} ({}){}",
            l.label(),
            a.assessment.map_or("", |k| k.short()),
            a.assumed_until
                .map(|u| format!(", assumed until {}", u.until()))
                .unwrap_or_default()
        ),
    };
    let answers: Vec<(&'static str, String)> = QUESTIONS
        .iter()
        .filter(|q| q.id.relevant(answers))
        .map(|q| (q.prompt, answer_words(q.kind, q.id.get(answers))))
        .collect();
    let scored = matches!(mode, ResultsMode::Level2 | ResultsMode::Level3);
    // Satisfied only on what the ISO evidence suggests: not open in the forecast, not confirmed.
    let suggested = r
        .assessment
        .requirements
        .iter()
        .filter(|x| x.status.is_satisfied() && !x.basis.is_confirmed())
        .count();
    let s = &r.assessment.scoring;
    let e = &r.estimate;
    let open: Vec<_> = r
        .assessment
        .requirements
        .iter()
        .filter(|x| !x.status.is_satisfied())
        .filter_map(|x| catalog.requirement(&x.id).map(|q| (q, x)))
        .collect();
    html! {
        <div class="print-report print-only" data-testid="print-report" aria-hidden="true">
            <section class="pr-page">
                <h1>{"CMMC readiness report"}</h1>
                <p class="pr-meta"><strong data-testid="print-company">{company}</strong>
                    {format!(" · rules applied on {} ({}) · printed {}", a.date, a.phase.name, crate::ui::browser::today())}</p>
                <p class="pr-disclaimer"><strong>{"Screening, not an assessment. "}</strong>
                    {"This report estimates where the company stands from its own answers and its ISO/IEC 27001 Statement of Applicability. Only a C3PAO (Level 2 certification), DCMA DIBCAC (Level 3) or the company's own documented self-assessment against the DoD assessment guides decides a CMMC status. Figures suggested by ISO evidence must be confirmed."}</p>
                <h2>{"What applies"}</h2>
                <p data-testid="print-level">{level}</p>
                <ul class="pr-tight">{ for a.obligations.iter().map(|o| html! { <li>{&o.text}{format!(" ({})", o.citation)}</li> }) }</ul>
                if let Some(l) = &a.lifecycle {
                    <p data-testid="print-lifecycle">{format!("Status held: {} ({})", l.text, l.citation)}</p>
                }
                <h2>{"Where the company stands"}</h2>
                if scored {
                    <p data-testid="print-score">{format!("Expected SPRS score{} {} (confirmed so far {}; the scale runs from {} to 110). Level 2 status: {}.{}",
                        if s.sprs.assumes_ssp() { ", if the SSP exists," } else { "" },
                        s.sprs.high.map_or("none".to_string(), |v| v.to_string()),
                        s.sprs.low.map_or("none".to_string(), |v| v.to_string()),
                        s.sprs.min, s.level2_reading().text(),
                        if s.sprs.assumes_ssp() { format!(" {}", crate::engine::SSP_ASSUMED) } else { String::new() })}</p>
                    if mode == ResultsMode::Level3 { <p>{format!("Level 3: {}.", s.level3.status.label())}</p> }
                    // The 180-day closeout, when the status is (or would be) Conditional: from
                    // the status held, or from the date applied (32 CFR 170.21(b)).
                    if let Some(c) = crate::engine::conditional_closeout(&r.assessment, r.input.date, crate::engine::Level::L2) {
                        <p data-testid="print-closeout">{if c.held {
                            format!("POA&M closeout due by {} (180 days after the Conditional status date {}, 32 CFR 170.21(b)).", c.deadline, c.status_date)
                        } else {
                            format!("If a Conditional status were dated {} (the date of this report), its POA&M would have to be closed out by {} (32 CFR 170.21(b)).", c.status_date, c.deadline)
                        }}</p>
                    }
                } else if mode == ResultsMode::Level1 {
                    <p data-testid="print-score">{{
                        let (confirmed, suggested) = crate::engine::Level1Item::met_counts(&s.level1.items);
                        let more = if suggested == 0 { String::new() } else { format!("; {suggested} more suggested by the SoA, not confirmed") };
                        format!("{confirmed} of the 15 FAR 52.204-21 requirements confirmed met{more}. Level 1 has no score and no POA&M: all 15 must be met.")
                    }}</p>
                } else {
                    <p>{"Nothing to score."}</p>
                }
                if !r.assessment.warnings.is_empty() {
                    <ul class="pr-tight">{ for r.assessment.warnings.iter().map(|w| html! { <li><strong>{"Warning: "}</strong>{&w.text}</li> }) }</ul>
                }
                if scored && !open.is_empty() {
                    <h2>{"Top gaps"}</h2>
                    <ol class="pr-tight">{ for top(&open).into_iter().take(8).map(|(pts, q)| html! {
                        <li>{format!("{} ({} point{}): {}", q.id, pts, if pts == 1 { "" } else { "s" }, q.text)}</li>
                    }) }</ol>
                }
                if mode != ResultsMode::Start && mode != ResultsMode::NoRequirement {
                    <h2>{"Cost and timeline"}</h2>
                    <p data-testid="print-cost">{format!("First three years{}: {} (one-off {}, yearly {}, assessments: {}). Timeline: {} months.",
                        if e.planning { ", planning level" } else { "" },
                        usd_range(e.total_usd), usd_range(e.one_time_usd), usd_range(e.annual_usd),
                        e.assessments.iter().map(|f| f.usd.map_or("not published in our sources".to_string(), |u| format!("{} {}", usd(f64::from(u)), f.period))).collect::<Vec<_>>().join("; "),
                        num_range(e.timeline_months))}</p>
                }
                <h2>{"Inputs"}</h2>
                <table class="pr-inputs">
                    <tbody>
                    { for answers.iter().map(|(q, v)| html! { <tr><th scope="row">{*q}</th><td>{v}</td></tr> }) }
                    <tr><th scope="row">{"Statement of Applicability"}</th><td>{match (&soa_name, r.soa.as_ref()) {
                        (Some(n), Some(soa)) => format!("{n}: {} rows, ISO/IEC 27001:{}", soa.rows.len(), soa.edition.map_or("?".to_string(), |e| e.year().to_string())),
                        _ => "none imported".to_string(),
                    }}</td></tr>
                    if r.soa.is_some() {
                        // The figures move with the view: the reader must know which one they are.
                        <tr data-testid="print-view"><th scope="row">{"Crosswalk view"}</th><td>{match r.assessment.view {
                            crate::engine::View::Strict => "strict: NIST's published mappings only",
                            crate::engine::View::Analysed => "analysed: NIST's mappings and this project's reviewed edges",
                        }}</td></tr>
                    }
                    </tbody>
                </table>
            </section>
            <section class="pr-appendix">
                if mode == ResultsMode::Level1 {
                    <h2>{"Appendix: the 15 Level 1 requirements"}</h2>
                    { for catalog.level1.iter().map(|l| {
                        let st = s.level1.items.iter().find(|i| i.id == l.id).map_or(Status::Unknown, |i| i.status);
                        let confirmed = s.level1.items.iter().any(|i| i.id == l.id && i.confirmed);
                        let said = match st {
                            Status::Met if confirmed => "met",
                            Status::Met => "suggested met by the SoA, not confirmed",
                            Status::NotMet => "not met",
                            _ => "not answered",
                        };
                        html! { <div class="pr-req"><p><strong>{format!("{} {}", l.id, l.short_name)}</strong>{format!(" · {said}")}</p><p>{&l.text}</p></div> }
                    }) }
                } else if scored {
                    <h2 data-testid="print-appendix">{format!("Appendix: the {} open requirements", open.len())}</h2>
                    if suggested > 0 {
                        <p data-testid="print-appendix-suggested">{format!("Not listed: {} that the ISO evidence suggests met, none confirmed yet. On the answers confirmed so far they count as not met.", crate::engine::counted(suggested, "requirement", "requirements"))}</p>
                    }
                    { for open.iter().map(|(q, x)| html! {
                        <div class="pr-req">
                            <p><strong>{format!("{} ({})", x.id, q.cmmc_id)}</strong>
                                {format!(" · {} ({}) · {} · POA&M: {}", x.status.label(), basis_label(x.basis),
                                    crate::engine::counted(usize::try_from(points_lost(q, x, Counting::WithIsoEvidence)).unwrap_or(0), "point", "points"), if poam_allowed(q, x, Counting::WithIsoEvidence) { "allowed" } else { "not allowed" })}</p>
                            <p>{&q.text}</p>
                        </div>
                    }) }
                }
            </section>
        </div>
    }
}

/// The open requirements by points lost, most first; among equal points, the gaps the company
/// confirmed before the ones only the ISO evidence suggests (the walk-through of 2026-12-07:
/// two confirmed blockers with plans were in neither top list, behind unconfirmed ones).
fn top<'a>(
    open: &[(
        &'a crate::engine::Requirement,
        &'a crate::engine::RequirementResult,
    )],
) -> Vec<(i32, &'a crate::engine::Requirement)> {
    let mut v: Vec<(i32, bool, &crate::engine::Requirement)> = open
        .iter()
        .map(|(q, x)| {
            (
                points_lost(q, x, Counting::WithIsoEvidence),
                x.basis.is_confirmed(),
                *q,
            )
        })
        .collect();
    v.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.id.sort_key().cmp(&b.2.id.sort_key()))
    });
    v.into_iter().map(|(p, _, q)| (p, q)).collect()
}

/// An answer in words.
fn answer_words(kind: QuestionKind, v: AnswerValue) -> String {
    match (kind, v) {
        (_, AnswerValue::Unanswered) => "not answered".to_string(),
        (_, AnswerValue::Bool(true)) => "yes".to_string(),
        (_, AnswerValue::Bool(false)) => "no".to_string(),
        (QuestionKind::Choice(c), AnswerValue::Choice(code)) => c
            .options()
            .into_iter()
            .find(|(k, _)| *k == code)
            .map_or(code.to_string(), |(_, l)| l.to_string()),
        (_, AnswerValue::Choice(code)) => code.to_string(),
        (_, AnswerValue::Number(n)) => n.to_string(),
        (_, AnswerValue::Date(d)) => d.to_string(),
    }
}
