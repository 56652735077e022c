//! The gap table: all 110 requirements with status, basis and points, filters, search and sort;
//! each row expands to explain itself, to take a direct answer, its assessment objectives
//! (`objectives`) and, while open, its plan of action (`poam_plan`).

use crate::engine::{
    Answer, Catalog, DirectAnswer, Family, RequirementId, RequirementResult, Status,
};
use crate::ui::format::{
    basis_label, control_status_label, provenance_label, relationship_label, short_text,
    status_class,
};
use crate::ui::hooks::{use_app, use_catalog, use_progressive, ResultsProps};
use crate::ui::results::objectives::ObjectiveList;
use crate::ui::results::poam_plan::PoamPlanForm;
use std::collections::BTreeSet;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// How rows are ordered.
#[derive(Clone, Copy, PartialEq)]
enum Sort {
    Id,
    Points,
}

/// Points a requirement is worth (`None` for 3.12.4, which decides whether there is a score).
fn points(catalog: &Catalog, r: &RequirementResult) -> Option<u8> {
    catalog.requirement(&r.id).and_then(|q| q.points)
}

const STATUSES: [Status; 5] = [
    Status::Met,
    Status::Partial,
    Status::NotMet,
    Status::NotApplicable,
    Status::Unknown,
];

/// Which rows the status filter keeps.
#[derive(Clone, Copy, PartialEq)]
enum StatusFilter {
    All,
    /// Everything that still costs points: not met, partial or unknown.
    Open,
    Is(Status),
}

impl StatusFilter {
    fn fits(self, s: Status) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Open => !s.is_satisfied(),
            StatusFilter::Is(x) => x == s,
        }
    }
}

/// Rows drawn in the first frame, and in each frame after it (see `use_progressive`).
const ROWS_FIRST: usize = 15;
const ROWS_PER_FRAME: usize = 25;

/// The table with its controls.
#[function_component(GapTable)]
pub fn gap_table(p: &ResultsProps) -> Html {
    let results = &p.results;
    let catalog = use_catalog();
    let family = use_state(|| None::<Family>);
    let status = use_state(|| StatusFilter::All);
    let search = use_state(String::new);
    let sort = use_state(|| Sort::Id);
    let expanded = use_state(BTreeSet::<RequirementId>::new);

    let q = search.trim().to_lowercase();
    let mut rows: Vec<&RequirementResult> = results
        .assessment
        .requirements
        .iter()
        .filter(|r| family.is_none_or(|f| r.family == f))
        .filter(|r| status.fits(r.status))
        .filter(|r| {
            q.is_empty()
                || r.id.as_str().starts_with(&q)
                || catalog
                    .requirement(&r.id)
                    .is_some_and(|req| req.text.to_lowercase().contains(&q))
        })
        .collect();
    if *sort == Sort::Points {
        // Most points first; the standard's order breaks ties so the list is stable.
        rows.sort_by_key(|r| {
            (
                std::cmp::Reverse(points(catalog, r).unwrap_or(u8::MAX)),
                r.id.sort_key(),
            )
        });
    }

    let drawn = use_progressive(rows.len(), ROWS_FIRST, ROWS_PER_FRAME);

    let on_family = {
        let family = family.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            family.set(Family::from_abbr(&v));
        })
    };
    let on_status = {
        let status = status.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            status.set(match v.as_str() {
                "open" => StatusFilter::Open,
                _ => STATUSES
                    .iter()
                    .copied()
                    .find(|s| status_class(*s) == v)
                    .map_or(StatusFilter::All, StatusFilter::Is),
            });
        })
    };
    let on_search = {
        let search = search.clone();
        Callback::from(move |e: InputEvent| {
            search.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_sort = {
        let sort = sort.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            sort.set(if v == "points" {
                Sort::Points
            } else {
                Sort::Id
            });
        })
    };
    let on_toggle = {
        let expanded = expanded.clone();
        Callback::from(move |id: RequirementId| {
            let mut set = (*expanded).clone();
            if !set.remove(&id) {
                set.insert(id);
            }
            expanded.set(set);
        })
    };

    html! {
        <div class="card" data-testid="gaps">
            <h3 class="card-title">{"Requirements and gaps"}</h3>
            <p class="muted small">{"Expand a requirement to see why it has its status, and answer it directly: a direct answer overrides the evidence and updates every figure."}</p>
            <div class="filters no-print">
                <label>{"Family"}
                    <select onchange={on_family} data-testid="filter-family">
                        <option value="" selected={family.is_none()}>{"All families"}</option>
                        { for Family::ALL.iter().map(|f| html! {
                            <option value={f.abbr()} selected={*family == Some(*f)}>{format!("{} {}", f.abbr(), f.name())}</option>
                        }) }
                    </select>
                </label>
                <label>{"Status"}
                    <select onchange={on_status} data-testid="filter-status">
                        <option value="" selected={*status == StatusFilter::All}>{"All statuses"}</option>
                        <option value="open" selected={*status == StatusFilter::Open}>{"Open: not met, partial or unknown"}</option>
                        { for STATUSES.iter().map(|s| html! {
                            <option value={status_class(*s)} selected={*status == StatusFilter::Is(*s)}>{s.label()}</option>
                        }) }
                    </select>
                </label>
                <label class="grow">{"Search"}
                    <input type="search" placeholder="Id or words, e.g. 3.5.3 or encrypt" value={(*search).clone()} oninput={on_search} data-testid="gap-search" />
                </label>
                <label>{"Sort by"}
                    <select onchange={on_sort} data-testid="gap-sort">
                        <option value="id" selected={*sort == Sort::Id}>{"Requirement id"}</option>
                        <option value="points" selected={*sort == Sort::Points}>{"Points at stake"}</option>
                    </select>
                </label>
            </div>
            <p class="muted small" aria-live="polite">{format!("Showing {} of {} requirements.", rows.len(), results.assessment.requirements.len())}</p>
            <div class="table-wrap">
            <table class="gap-table" data-testid="gap-table" aria-busy={(drawn < rows.len()).to_string()}>
                <thead>
                    <tr>
                        <th scope="col">{"Requirement"}</th>
                        <th scope="col" class="col-family">{"Family"}</th>
                        <th scope="col">{"Text"}</th>
                        <th scope="col">{"Status"}</th>
                        <th scope="col" class="col-basis">{"Basis"}</th>
                        <th scope="col" class="num">{"Points"}</th>
                    </tr>
                </thead>
                { for rows.iter().take(drawn).map(|r| html! {
                    <GapRow key={r.id.as_str()} result={(*r).clone()} open={expanded.contains(&r.id)} on_toggle={on_toggle.clone()} />
                }) }
            </table>
            </div>
        </div>
    }
}

/// Props of one row.
#[derive(Properties, PartialEq)]
struct GapRowProps {
    result: RequirementResult,
    open: bool,
    on_toggle: Callback<RequirementId>,
}

/// One requirement: the summary row and, when open, the explanation and the answer buttons.
#[function_component(GapRow)]
fn gap_row(p: &GapRowProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let r = &p.result;
    let catalog = use_catalog();
    let req = catalog.requirement(&r.id);
    let text = req.map(|q| q.text.clone()).unwrap_or_default();
    let detail_id = format!("detail-{}", r.id.as_str().replace('.', "-"));
    let toggle = {
        let cb = p.on_toggle.clone();
        let id = r.id.clone();
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };
    let direct = app.saved().direct.get(&r.id).cloned();
    let set = {
        let app = app.clone();
        let id = r.id.clone();
        move |d: Option<DirectAnswer>| app.set_direct(id.clone(), d)
    };
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
            <button type="button" class={classes!("btn", "btn-small", pressed.then_some("pressed"))}
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
    let confirm = |answer: Answer, label: &'static str, slug: &'static str| {
        let set = set.clone();
        let note = if answer == Answer::NotApplicable {
            r.excluded
                .iter()
                .filter(|x| !x.justification.is_empty())
                .map(|x| format!("{}: {}", x.control, x.justification))
                .collect::<Vec<_>>()
                .join("; ")
        } else {
            String::new()
        };
        let onclick = Callback::from(move |_: MouseEvent| {
            set(Some(DirectAnswer::with_note(answer, note.clone())))
        });
        html! { <button type="button" class="btn btn-small" {onclick} data-testid={slug}>{label}</button> }
    };
    // A status only ISO evidence suggests is told apart from one the user confirmed.
    let suggested = r.basis == crate::engine::Basis::IsoEvidence;
    let status_label = if suggested {
        format!("{} (suggested)", r.status.label())
    } else {
        r.status.label().to_string()
    };
    let limits: Vec<_> = catalog
        .iso_limits
        .iter()
        .filter(|l| r.limits.contains(&l.id))
        .collect();
    html! {
        <tbody class={classes!("gap-group", p.open.then_some("open"))}>
            <tr data-testid="gap-row" data-requirement={r.id.to_string()} data-status={status_class(r.status)}>
                <th scope="row">
                    <button type="button" class="disclosure" aria-expanded={p.open.to_string()} aria-controls={detail_id.clone()} onclick={toggle}
                        data-testid="gap-expand">
                        <span class="chev" aria-hidden="true">{if p.open { "▾" } else { "▸" }}</span>
                        {r.id.as_str()}
                        <span class="visually-hidden">{" details"}</span>
                    </button>
                </th>
                <td class="col-family">{r.family.abbr()}</td>
                <td class="col-text">{short_text(&text)}</td>
                <td class="col-status"><span class={classes!("badge", status_class(r.status), suggested.then_some("suggested"))} data-testid="gap-status">{status_label}</span></td>
                <td class="col-basis">{basis_label(r.basis)}</td>
                <td class="num col-points">{points(catalog, r).map_or("SSP".to_string(), |p| p.to_string())}</td>
            </tr>
            if p.open {
                <tr class="gap-detail" data-testid="gap-detail" data-requirement={r.id.to_string()}>
                    <td colspan="6" id={detail_id}>
                        <p class="req-text"><strong>{format!("{} ", req.map(|q| q.cmmc_id.as_str()).unwrap_or(""))}</strong>{&text}</p>
                        <p><strong>{"Why: "}</strong>{&r.explanation}</p>
                        if r.basis == crate::engine::Basis::Answered && r.inferred != r.status {
                            <p class="muted small">{format!("ISO evidence alone would suggest: {}.", r.inferred.label())}</p>
                        }
                        if r.needs_confirmation {
                            <div class="exclusion-prompt" data-testid="exclusion-prompt" role="group" aria-label="Confirm the exclusion">
                                <p><strong>{"Your SoA excludes "}</strong>{r.excluded.iter().map(|x| if x.justification.is_empty() { x.control.to_string() } else { format!("{} (\u{201c}{}\u{201d})", x.control, x.justification) }).collect::<Vec<_>>().join(", ")}
                                    {". Does this requirement not apply to your CUI environment, or is it a gap?"}</p>
                                {confirm(Answer::NotApplicable, "Not applicable: counts as met, with an SSP justification", "confirm-na")}
                                {confirm(Answer::NotMet, "It is a gap", "confirm-gap")}
                            </div>
                        }
                        <div class="answer-row" role="group" aria-label={format!("Answer {} directly", r.id)}>
                            <span class="answer-label">{"Your answer:"}</span>
                            {answer(Some(Answer::Met), "met")}
                            {answer(Some(Answer::Partial), "partial")}
                            {answer(Some(Answer::NotMet), "not-met")}
                            {answer(Some(Answer::NotApplicable), "na")}
                            {answer(None, "clear")}
                        </div>
                        <details class="answer-more" open={direct.as_ref().is_some_and(|d| d.answer.needs_record() && d.answer != Answer::NotApplicable)}>
                            <summary>{"Other answers an assessor counts as met"}</summary>
                            <div class="answer-row" role="group" aria-label={format!("Other answers for {}", r.id)}>
                                {answer(Some(Answer::EnduringException), "enduring-exception")}
                                {answer(Some(Answer::TemporaryDeficiency), "temporary-deficiency")}
                                {answer(Some(Answer::Variance), "variance")}
                            </div>
                            <p class="muted small">{"A temporary deficiency is something implemented that has since slipped, with an operational plan of action; work still in progress is not met (32 CFR 170.24(b)(1)(ii), (c)(2)(i)(B)(6))."}</p>
                        </details>
                        if let Some(d) = &direct {
                            <label class="answer-note">
                                {d.answer.record_prompt().unwrap_or("Note for the SSP and the exports (optional)")}
                                if d.record_missing() { <span class="tag warn">{"record needed"}</span> }
                                <textarea rows="2" value={d.note.clone()} onchange={on_note} data-testid="answer-note" />
                            </label>
                        }
                        <ObjectiveList result={r.clone()} />
                        if !r.status.is_satisfied() {
                            <PoamPlanForm id={r.id.to_string()} eligible={req.is_some_and(|q| q.poam.allows(r.status, r.partial_credit))} />
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
        </tbody>
    }
}
