//! Cost and timeline: low-high ranges with each line's basis, the DoD assessment fee with its
//! source, and every assumption editable in place.

use crate::engine::{Assumption, CostAssumptions, Period, Scope};
use crate::ui::format::{num, num_range, usd, usd_range};
use crate::ui::hooks::{use_dispatch, use_selected, EstimatePart, PartProps};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The cost card, the timeline card and the assumptions.
#[function_component(CostPanel)]
pub fn cost_panel(p: &PartProps<EstimatePart>) -> Html {
    let costs = use_selected(|s| s.saved.costs.clone());
    let (Some(app), Some(costs)) = (use_dispatch(), costs) else {
        return Html::default();
    };
    let results = &p.results;
    let e = &results.estimate;
    let scope = match e.scope {
        Scope::None => "Nothing to price: no CMMC level applies or is expected.".to_string(),
        Scope::Level1 => "Priced: the 15 FAR 52.204-21 requirements of Level 1 (through their 17 NIST SP 800-171 counterparts).".to_string(),
        Scope::Level2 => "Priced: the 110 NIST SP 800-171 r2 requirements.".to_string(),
        Scope::Level3 => "Priced: the 110 NIST SP 800-171 r2 requirements and the 24 Level 3 requirements.".to_string(),
    };
    let period = |p: Period| match p {
        Period::OneOff => "once",
        Period::PerYear => "a year",
    };
    html! {
        <>
        <div class="cards-row two">
            <div class="card" data-testid="cost-estimate">
                <h3 class="card-title">{if e.planning { "Cost (planning level)" } else { "Cost" }}</h3>
                <p class="score-big small-big" data-testid="cost-total">{usd_range(e.total_usd)}</p>
                <p class="muted small">{"Over the first three years: one-off work, three years of yearly costs, and the assessments that fall in them."}</p>
                <p class="small" data-testid="cost-scope">{scope}</p>
                <table class="lines">
                    <tbody>
                    { for e.lines.iter().map(|l| html! {
                        <tr><th scope="row">{&l.label}<div class="muted small">{&l.basis}</div></th>
                            <td class="num">{usd_range(l.usd)}<div class="muted small">{period(l.period)}</div></td></tr>
                    }) }
                    <tr class="subtotal"><th scope="row">{"One-off"}</th><td class="num" data-testid="cost-one-time">{usd_range(e.one_time_usd)}</td></tr>
                    <tr class="subtotal"><th scope="row">{"Yearly"}</th><td class="num" data-testid="cost-annual">{usd_range(e.annual_usd)}</td></tr>
                    </tbody>
                </table>
                <div class="fee" data-testid="assessment-fee">
                    <h4>{"Assessments (DoD's cost estimates)"}</h4>
                    <ul class="fees">
                    { for e.assessments.iter().map(|fee| html! {
                        <li data-role={fee.role}>
                            <strong>{format!("{} ({}){}: ", fee.level.label(), fee.assessor.map_or("", |k| k.short()),
                                match fee.role { "prerequisite" => ", prerequisite", "planning" => ", planning", _ => "" })}</strong>
                            <strong>{fee.usd.map_or("not published in our sources".to_string(), |u| usd(f64::from(u)))}</strong>
                            {if fee.period.is_empty() { String::new() } else { format!(" {}", fee.period) }}
                            <div class="small">{&fee.note}</div>
                            <div class="small muted"><cite>{fee.source.clone()}</cite>{format!(" (confidence: {})", fee.confidence)}</div>
                        </li>
                    }) }
                    </ul>
                </div>
                if !e.notes.is_empty() {
                    <ul class="small notes" data-testid="cost-notes">{ for e.notes.iter().map(|n| html! { <li>{n}</li> }) }</ul>
                }
            </div>
            <div class="card" data-testid="timeline-estimate">
                <h3 class="card-title">{"Timeline"}</h3>
                <p class="score-big small-big">{format!("{} months", num_range(e.timeline_months))}</p>
                <p class="muted small">{if e.effort_days.high > 0.0 {
                    format!("{} person-days of remediation effort.", crate::ui::format::days_range(e.effort_days))
                } else {
                    "No remediation effort left.".to_string()
                }}</p>
                <ul class="small">{ for e.timeline_basis.iter().map(|b| html! { <li>{b}</li> }) }</ul>
                if e.open_by_kind.iter().any(|(_, n)| *n > 0) {
                    <p class="small">{"Open work: "}{e.open_by_kind.iter().map(|(k, n)| format!("{n} {}", k.label())).collect::<Vec<_>>().join(", ")}</p>
                }
            </div>
        </div>
        <details class="card assumptions" data-testid="assumptions" open=true>
            <summary><h3 class="card-title inline">{"Assumptions"}</h3><span class="muted small">{" Planning figures, not facts: change any of them."}</span></summary>
            <div class="assumption-grid">
                { for Assumption::ALL.iter().filter(|f| f.applies(e.scope)).map(|&f| {
                    let app = app.clone();
                    let current = costs.clone();
                    let (id, label, unit, min, max) = f.describe();
                    let on_value = Callback::from(move |x: f64| app.set_costs(f.set(&current, x)));
                    html! {
                        <NumberField id={format!("assume-{id}")} {label} {unit}
                            value={f.get(&costs)} {min} {max} {on_value} />
                    }
                }) }
            </div>
            <button type="button" class="btn btn-small no-print" data-testid="reset-assumptions"
                onclick={{ let app = app.clone(); Callback::from(move |_: MouseEvent| app.set_costs(CostAssumptions::default())) }}>
                {"Restore default assumptions"}
            </button>
        </details>
        </>
    }
}

/// Props of a number field.
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// Element id.
    pub id: String,
    /// Visible label.
    pub label: &'static str,
    /// Unit shown after the label.
    pub unit: &'static str,
    /// The last valid value.
    pub value: f64,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// Emits each new valid value.
    pub on_value: Callback<f64>,
}

/// A number input that only ever emits valid values; while the text is invalid, the last valid
/// value stays in force and a message (in space reserved for it, so nothing jumps) says why.
#[function_component(NumberField)]
pub fn number_field(p: &NumberFieldProps) -> Html {
    // Exact text (`0.15`, `800`): rounding here would show a different value than is in force.
    let text = use_state(|| p.value.to_string());
    let error = use_state(|| None::<String>);
    {
        // Follow outside changes (restore, reset) unless the text already means this value.
        let text = text.clone();
        let error = error.clone();
        use_effect_with(p.value, move |v| {
            if text.trim().parse::<f64>().ok() != Some(*v) {
                text.set(v.to_string());
                error.set(None);
            }
        });
    }
    let oninput = {
        let text = text.clone();
        let error = error.clone();
        let (min, max, cb) = (p.min, p.max, p.on_value.clone());
        Callback::from(move |e: InputEvent| {
            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
            text.set(raw.clone());
            match raw.trim().parse::<f64>() {
                Ok(x) if x.is_finite() && x >= min && x <= max => {
                    error.set(None);
                    cb.emit(x);
                }
                Ok(_) => error.set(Some(format!(
                    "Enter a number from {} to {}; keeping the last valid value.",
                    num(min),
                    num(max)
                ))),
                Err(_) => error.set(Some("Enter a number; keeping the last valid value.".into())),
            }
        })
    };
    let err_id = format!("{}-err", p.id);
    html! {
        <div class="field">
            <label for={p.id.clone()}>{p.label}<span class="muted small">{format!(" ({})", p.unit)}</span></label>
            <input id={p.id.clone()} type="number" step="any" min={p.min.to_string()} max={p.max.to_string()}
                value={(*text).clone()} {oninput} aria-invalid={error.is_some().to_string()} aria-describedby={err_id.clone()}
                data-testid={p.id.clone()} />
            <p class="field-error" id={err_id} aria-live="polite">{(*error).clone().unwrap_or_default()}</p>
        </div>
    }
}
