//! The gap table: all 110 requirements with status, basis and points, filters, search and sort;
//! each row expands (`gap_detail`) to explain itself, to take a direct answer, its assessment
//! objectives and, while open, its plan of action. A row is drawn again only when its result or
//! its open state changes, so an answer redraws the rows it moved, not all 110.

use crate::engine::{
    conditional_closeout, Assessment, Catalog, Closeout, Family, Level, RequirementId,
    RequirementResult, Status,
};
use crate::ui::format::{basis_label, short_text, status_class};
use crate::ui::hooks::{use_catalog, use_progressive, ResultsProps};
use crate::ui::results::gap_detail::{detail_id, GapDetail};
use std::collections::BTreeSet;
use std::rc::Rc;
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

/// The points cell: what the requirement is worth, or in its named partial state what it costs
/// ("3 of 5", 32 CFR 170.24(c)(2)(i)(B)(4)); "SSP" for 3.12.4.
fn points_cell(catalog: &Catalog, r: &RequirementResult) -> String {
    let partial = catalog
        .requirement(&r.id)
        .and_then(|q| q.partial_points)
        .filter(|_| r.partial_credit && r.status == Status::Partial);
    match (points(catalog, r), partial) {
        (Some(full), Some(p)) => format!("{p} of {full}"),
        (Some(full), None) => full.to_string(),
        (None, _) => "SSP".to_string(),
    }
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
    // Each row with its index in the assessment, which the row's props carry instead of a copy.
    let mut rows: Vec<(usize, &RequirementResult)> = results
        .assessment
        .requirements
        .iter()
        .enumerate()
        .filter(|(_, r)| family.is_none_or(|f| r.family == f))
        .filter(|(_, r)| status.fits(r.status))
        .filter(|(_, r)| {
            q.is_empty()
                || r.id.as_str().starts_with(&q)
                || catalog
                    .requirement(&r.id)
                    .is_some_and(|req| req.text.to_lowercase().contains(&q))
        })
        .collect();
    if *sort == Sort::Points {
        // Most points first; the standard's order breaks ties so the list is stable.
        rows.sort_by_key(|(_, r)| {
            (
                std::cmp::Reverse(points(catalog, r).unwrap_or(u8::MAX)),
                r.id.sort_key(),
            )
        });
    }

    let drawn = use_progressive(rows.len(), ROWS_FIRST, ROWS_PER_FRAME);
    let closeout = conditional_closeout(&results.assessment, results.input.date, Level::L2);

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
    // The same callback across renders (until a row opens or closes), so unchanged rows keep
    // equal props.
    let on_toggle = use_callback(expanded.clone(), |id: RequirementId, expanded| {
        let mut set = (**expanded).clone();
        if !set.remove(&id) {
            set.insert(id);
        }
        expanded.set(set);
    });

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
                        <th scope="col" class="col-req">{"Requirement"}</th>
                        <th scope="col" class="col-family">{"Family"}</th>
                        <th scope="col" class="col-text">{"Text"}</th>
                        <th scope="col" class="col-status">{"Status"}</th>
                        <th scope="col" class="col-basis">{"Basis"}</th>
                        <th scope="col" class="num col-points">{"Points"}</th>
                    </tr>
                </thead>
                { for rows.iter().take(drawn).map(|(i, r)| html! {
                    <GapRow key={r.id.as_str()} assessment={results.assessment.clone()} index={*i} open={expanded.contains(&r.id)} on_toggle={on_toggle.clone()} {closeout} />
                }) }
            </table>
            </div>
        </div>
    }
}

/// Props of one row.
#[derive(Properties)]
struct GapRowProps {
    /// The assessment the row is one requirement of.
    assessment: Rc<Assessment>,
    /// The requirement's index in it.
    index: usize,
    open: bool,
    on_toggle: Callback<RequirementId>,
    /// The Level 2 closeout when the status is (or would be) Conditional.
    closeout: Option<Closeout>,
}

impl GapRowProps {
    fn result(&self) -> Option<&RequirementResult> {
        self.assessment.requirements.get(self.index)
    }
}

/// Equal when the row's own requirement, open state and callback are: a new assessment in which
/// this requirement did not move leaves the row as drawn, with nothing cloned to find out.
impl PartialEq for GapRowProps {
    fn eq(&self, other: &Self) -> bool {
        self.open == other.open
            && self.on_toggle == other.on_toggle
            && self.closeout == other.closeout
            && self.result() == other.result()
    }
}

/// One requirement: the summary row and, when open, its detail (`gap_detail`). The row itself
/// reads no shared state, so a row whose result did not change is not drawn again.
#[function_component(GapRow)]
fn gap_row(p: &GapRowProps) -> Html {
    let Some(r) = p.result() else {
        return Html::default();
    };
    let catalog = use_catalog();
    let text = catalog
        .requirement(&r.id)
        .map(|q| q.text.as_str())
        .unwrap_or_default();
    let detail_id = detail_id(&r.id);
    let toggle = {
        let cb = p.on_toggle.clone();
        let id = r.id.clone();
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };
    // A status only ISO evidence suggests is told apart from one the user confirmed.
    // A status nobody confirmed (ISO evidence, or the forecast of partly answered objectives).
    let suggested = !r.basis.is_confirmed() && r.status != crate::engine::Status::Unknown;
    let status_label = if suggested {
        format!("{} (suggested)", r.status.label())
    } else {
        r.status.label().to_string()
    };
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
                <td class="col-text">{short_text(text)}</td>
                <td class="col-status"><span class={classes!("badge", status_class(r.status), suggested.then_some("suggested"))} data-testid="gap-status">{status_label}</span></td>
                <td class="col-basis">{basis_label(r.basis)}</td>
                <td class="num col-points" data-testid="gap-points">{points_cell(catalog, r)}</td>
            </tr>
            if p.open {
                <GapDetail result={r.clone()} closeout={p.closeout} />
            }
        </tbody>
    }
}
