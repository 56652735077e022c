//! The coverage chart: one stacked bar per family (met / partial / not met / unknown) as inline
//! SVG, and the strict / analysed switch that changes the whole assessment's view.

use crate::engine::{Coverage, View};
use crate::ui::hooks::{use_dispatch, use_selected, CoveragePart, PartProps};
use yew::prelude::*;

const LABEL_W: f64 = 56.0;
const BAR_W: f64 = 520.0;
const ROW_H: f64 = 26.0;
const BAR_H: f64 = 18.0;

/// The segments of a bar, in drawing order: (class, label, count).
fn segments(c: &Coverage) -> [(&'static str, &'static str, u32); 4] {
    [
        // Not applicable loses no points, so it is drawn with met.
        ("met", "met or N/A", c.met + c.not_applicable),
        ("partial", "partial", c.partial),
        ("not-met", "not met", c.not_met),
        ("unknown", "unknown", c.unknown),
    ]
}

/// The chart and the view switch.
#[function_component(CoverageChart)]
pub fn coverage_chart(p: &PartProps<CoveragePart>) -> Html {
    let view = use_selected(|s| s.saved.view);
    let (Some(app), Some(view)) = (use_dispatch(), view) else {
        return Html::default();
    };
    let results = &p.results;
    let a = &results.assessment;
    let pick = |f: &crate::engine::FamilyCoverage| match view {
        View::Strict => f.strict,
        View::Analysed => f.analysed,
    };
    let overall = match view {
        View::Strict => a.overall.strict,
        View::Analysed => a.overall.analysed,
    };
    let height = ROW_H * a.families.len() as f64 + 4.0;
    let switch = |v: View, label: &'static str, hint: &'static str| {
        let app = app.clone();
        let onchange = Callback::from(move |_: Event| app.set_view(v));
        let slug = if v == View::Strict {
            "strict"
        } else {
            "analysed"
        };
        html! {
            <label class="seg-option" title={hint}>
                <input type="radio" name="view" value={slug} checked={view == v} {onchange} data-testid={format!("view-{slug}")} />
                <span>{label}</span>
            </label>
        }
    };
    html! {
        <div class="card" data-testid="coverage">
            <div class="card-head">
                <h3 class="card-title">{"Coverage by family"}</h3>
                <fieldset class="seg view-switch" data-testid="view-switch">
                    <legend class="visually-hidden">{"Crosswalk view"}</legend>
                    {switch(View::Strict, "Strict (NIST only)", "Only NIST's published crosswalk edges count")}
                    {switch(View::Analysed, "Analysed", "NIST's edges plus this project's analysed edges")}
                </fieldset>
            </div>
            <p class="muted small">
                {format!("{} of {} requirements met or N/A, {} partial, {} not met, {} unknown. ",
                    overall.met + overall.not_applicable, overall.total, overall.partial, overall.not_met, overall.unknown)}
                {match view {
                    View::Strict => "Strict counts only the crosswalk NIST publishes.",
                    View::Analysed => "Analysed adds this project's reviewed edges, each with a rationale.",
                }}
                {" The view changes what ISO evidence suggests, and so the cost and the timeline; the score moves only where a requirement becomes met, since partial evidence earns no points."}
            </p>
            <svg class="chart" data-testid="coverage-chart" role="img" aria-labelledby="chart-title"
                viewBox={format!("0 0 {} {height}", LABEL_W + BAR_W + 40.0)} preserveAspectRatio="xMinYMin meet">
                <title id="chart-title">{"Requirements by family and status"}</title>
                { for a.families.iter().enumerate().map(|(i, f)| {
                    let c = pick(f);
                    let y = i as f64 * ROW_H + 2.0;
                    let mut x = LABEL_W;
                    let total = f64::from(c.total.max(1));
                    let segs = segments(&c);
                    let summary = format!("{}: {}", f.family.name(),
                        segs.iter().map(|(_, l, n)| format!("{n} {l}")).collect::<Vec<_>>().join(", "));
                    html! {
                        <g class="bar">
                            <title>{summary}</title>
                            <text x="0" y={format!("{}", y + BAR_H - 4.0)} class="bar-label">{f.family.abbr()}</text>
                            { for segs.iter().filter(|s| s.2 > 0).map(|(class, label, n)| {
                                let w = BAR_W * f64::from(*n) / total;
                                let rect = html! {
                                    <rect x={format!("{x:.1}")} y={format!("{y:.1}")} width={format!("{w:.1}")} height={format!("{BAR_H}")}
                                        class={classes!("seg-rect", *class)}>
                                        <title>{format!("{}: {n} {label}", f.family.name())}</title>
                                    </rect>
                                };
                                x += w;
                                rect
                            }) }
                            <text x={format!("{}", LABEL_W + BAR_W + 6.0)} y={format!("{}", y + BAR_H - 4.0)} class="bar-count">{c.total}</text>
                        </g>
                    }
                }) }
            </svg>
            <ul class="legend" aria-label="Legend">
                <li><span class="swatch met"></span>{"Met or N/A"}</li>
                <li><span class="swatch partial"></span>{"Partial"}</li>
                <li><span class="swatch not-met"></span>{"Not met"}</li>
                <li><span class="swatch unknown"></span>{"Unknown"}</li>
            </ul>
        </div>
    }
}
