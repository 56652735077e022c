//! The detail of one gap-table row: why the requirement has its status, the exclusion prompt,
//! the direct answer with its record, the assessment objectives (`objectives`), the plan of
//! action while it is open (`poam_plan`), the ISO evidence with its SoA lines, and what ISO
//! cannot evidence. Drawn only while the row is open.

use crate::engine::{Answer, Closeout, DirectAnswer, RequirementId, RequirementResult};
use crate::ui::format::{control_status_label, provenance_label, relationship_label};
use crate::ui::hooks::{use_catalog, use_dispatch, use_selected};
use crate::ui::results::objectives::ObjectiveList;
use crate::ui::results::poam_plan::PoamPlanForm;
use yew::prelude::*;

/// The id of a row's detail cell (the disclosure button's `aria-controls`).
pub fn detail_id(id: &RequirementId) -> String {
    format!("detail-{}", id.as_str().replace('.', "-"))
}

/// Props of the detail.
#[derive(Properties, PartialEq)]
pub struct GapDetailProps {
    /// The requirement, as assessed.
    pub result: RequirementResult,
    /// The Level 2 closeout when the status is (or would be) Conditional.
    pub closeout: Option<Closeout>,
}

/// The detail row.
#[function_component(GapDetail)]
pub fn gap_detail(p: &GapDetailProps) -> Html {
    // The direct answer of this requirement only (the rest of the state redraws nothing here).
    let direct = {
        let id = p.result.id.clone();
        use_selected(move |s| s.saved.direct.get(&id).cloned())
    };
    let (Some(app), Some(direct)) = (use_dispatch(), direct) else {
        return Html::default();
    };
    let r = &p.result;
    let catalog = use_catalog();
    let req = catalog.requirement(&r.id);
    let text = req.map(|q| q.text.clone()).unwrap_or_default();
    let detail_id = detail_id(&r.id);
    // The SSP is met only by a plan that exists (the engine's `settle_ssp`): no N/A, no stand-ins.
    let is_ssp = r.id.as_str() == crate::engine::SSP;
    let set = {
        let app = app.clone();
        let id = r.id.clone();
        move |d: Option<DirectAnswer>| app.set_direct(id.clone(), d)
    };
    // Once the objectives decide, the direct answer is kept but set aside: shown as such.
    let set_aside = direct.is_some()
        && matches!(
            r.basis,
            crate::engine::Basis::Objectives | crate::engine::Basis::PartlyAnswered
        );
    let answer = |answer: Option<Answer>, slug: &'static str| {
        let set = set.clone();
        let pressed = answer.is_some() && direct.as_ref().map(|d| d.answer) == answer;
        // Changing the answer keeps the record already written.
        let note = direct.as_ref().map(|d| d.note.clone()).unwrap_or_default();
        let onclick = Callback::from(move |_: MouseEvent| {
            set(answer.map(|a| DirectAnswer::with_note(a, note.clone())))
        });
        let label = answer.map_or("Clear", |a| a.label_for(&r.id));
        html! {
            <button type="button" class={classes!("btn", "btn-small", pressed.then_some("pressed"), (pressed && set_aside).then_some("set-aside"))}
                aria-pressed={answer.map(|_| pressed.to_string())}
                title={answer.map(|a| a.citation())}
                {onclick} data-testid={format!("answer-{slug}")}>{label}</button>
        }
    };
    let on_note = {
        let set = set.clone();
        let direct = direct.clone();
        Callback::from(move |e: Event| {
            let note = e
                .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value();
            if let Some(d) = &direct {
                set(Some(DirectAnswer::with_note(d.answer, note.trim())));
            }
        })
    };
    // The SoA's reason for excluding a control is not the requirement's N/A justification: the
    // user writes their own (the field opens, marked "record needed").
    let confirm = |answer: Answer, label: &'static str, slug: &'static str| {
        let set = set.clone();
        let onclick = Callback::from(move |_: MouseEvent| set(Some(DirectAnswer::new(answer))));
        html! { <button type="button" class="btn btn-small" {onclick} data-testid={slug}>{label}</button> }
    };
    let limits: Vec<_> = catalog
        .iso_limits
        .iter()
        .filter(|l| r.limits.contains(&l.id))
        .collect();
    html! {
        <tr class="gap-detail" data-testid="gap-detail" data-requirement={r.id.to_string()}>
            <td colspan="6" id={detail_id}>
                <p class="req-text"><strong>{format!("{} ", req.map(|q| q.cmmc_id.as_str()).unwrap_or(""))}</strong>{&text}</p>
                <div class="answer-row" role="group" aria-label={format!("Answer {} directly", r.id)}>
                    <span class="answer-label">{"Your answer:"}</span>
                    {answer(Some(Answer::Met), "met")}
                    {answer(Some(Answer::Partial), "partial")}
                    {answer(Some(Answer::NotMet), "not-met")}
                    if !is_ssp {
                        {answer(Some(Answer::NotApplicable), "na")}
                    }
                    {answer(None, "clear")}
                    if set_aside {
                        <span class="tag" data-testid="answer-set-aside">{"set aside: the objectives decide"}</span>
                    }
                </div>
                if is_ssp {
                    <p class="muted small" data-testid="ssp-only-met">{"Only a System Security Plan that exists meets 3.12.4: it cannot be not applicable, and no exception or variance stands in for it. Without one there is no score (32 CFR 170.24(c)(2)(i)(B)(5))."}</p>
                } else {
                <details class="answer-more" open={direct.as_ref().is_some_and(|d| d.answer.needs_record() && d.answer != Answer::NotApplicable)}>
                    <summary>{"Other answers an assessor counts as met"}</summary>
                    <div class="answer-row" role="group" aria-label={format!("Other answers for {}", r.id)}>
                        {answer(Some(Answer::EnduringException), "enduring-exception")}
                        {answer(Some(Answer::TemporaryDeficiency), "temporary-deficiency")}
                        {answer(Some(Answer::Variance), "variance")}
                    </div>
                    <p class="muted small">{"A temporary deficiency is something implemented that has since slipped, with an operational plan of action; work still in progress is not met (32 CFR 170.24(b)(1)(ii), (c)(2)(i)(B)(6))."}</p>
                </details>
                }
                if let Some(d) = &direct {
                    <label class="answer-note">
                        {d.answer.record_prompt().unwrap_or("Note for the SSP and the exports (optional)")}
                        if d.record_missing() { <span class="tag warn">{"record needed"}</span> }
                        <textarea rows="2" value={d.note.clone()} onchange={on_note} data-testid="answer-note" />
                    </label>
                }
                if r.needs_confirmation {
                    <div class="exclusion-prompt" data-testid="exclusion-prompt" role="group" aria-label="Confirm the exclusion">
                        <p><strong>{"Your SoA excludes "}</strong>{r.excluded.iter().map(|x| if x.justification.is_empty() { x.control.to_string() } else { format!("{} (\u{201c}{}\u{201d})", x.control, x.justification) }).collect::<Vec<_>>().join(", ")}
                            {", every control that maps to this requirement. Does the requirement not apply to your CUI environment, or is it a gap? If it does not apply, write why below: the SSP carries your justification, not the SoA's."}</p>
                        {confirm(Answer::NotApplicable, "Not applicable: counts as met, with an SSP justification", "confirm-na")}
                        {confirm(Answer::NotMet, "It is a gap", "confirm-gap")}
                    </div>
                }
                <ObjectiveList result={r.clone()} />
                <p data-testid="detail-why"><strong>{"Why this status: "}</strong>{&r.explanation}</p>
                if r.basis == crate::engine::Basis::Answered && r.inferred != r.status {
                    <p class="muted small">{format!("ISO evidence alone would suggest: {}.", r.inferred.label())}</p>
                }
                if !r.status.is_satisfied() {
                    <PoamPlanForm id={r.id.to_string()} eligible={req.is_some_and(|q| q.poam.allows(r.status, r.partial_credit))} closeout={p.closeout} />
                }
                if r.evidence.is_empty() {
                    <p class="muted small">{"No ISO/IEC 27001 control maps to this requirement in this view."}</p>
                } else {
                    <h4>{"ISO evidence"}</h4>
                    <ul class="evidence">
                        { for r.evidence.iter().map(|e| {
                            let title = catalog.iso_control(&e.iso).map(|c| c.title.clone()).unwrap_or_default();
                            html! {
                                <li>
                                    <strong>{e.iso.as_str()}</strong>{" "}{title}
                                    <span class="muted">{format!(" — {} the requirement; source: {}", relationship_label(e.relationship), provenance_label(e.provenance))}</span>
                                    if e.nist_partial {
                                        <span class="tag">{"NIST: does not fully satisfy"}</span>
                                    }
                                    if let Some(why) = &e.erratum {
                                        <span class="tag warn">{"NIST erratum: not counted"}</span>
                                        <br/><span class="small">{why}</span>
                                    }
                                    <br/>
                                    {match &e.soa {
                                        Some(s) => html! { <span>{format!("SoA: {} (line{} {})", control_status_label(s.status),
                                            if s.rows.len() > 1 { "s" } else { "" },
                                            s.rows.iter().map(|(c, line, _)| if c == &s.control { line.to_string() } else { format!("{line} as {c}") }).collect::<Vec<_>>().join(", "))}</span> },
                                        None => html! { <span class="muted">{"Not in the SoA."}</span> },
                                    }}
                                    if let Some(why) = &e.rationale {
                                        <br/><span class="small">{"Rationale: "}{why}</span>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                }
                if !r.excluded.is_empty() && !r.needs_confirmation {
                    <p class="small"><strong>{"Excluded in your SoA: "}</strong>
                        {r.excluded_controls.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(", ")}
                        {". An exclusion is neither evidence for nor against; your answer decides."}</p>
                }
                if !limits.is_empty() {
                    <h4>{"What ISO cannot evidence here"}</h4>
                    <ul>{ for limits.iter().map(|l| html! {
                        <li><strong>{&l.title}</strong>{": "}{&l.why_iso_falls_short}
                            if r.capped_by.contains(&l.id) { <span class="tag">{"caps ISO evidence at partial"}</span> }
                        </li>
                    }) }</ul>
                }
            </td>
        </tr>
    }
}
