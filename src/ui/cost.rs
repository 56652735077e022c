//! Cost and timeline: low-high ranges with each line's basis, the DoD assessment fee with its
//! source, and every assumption editable in place.

use super::format::{num, num_range, usd, usd_range};
use super::hooks::{use_app, use_results};
use crate::engine::CostAssumptions;
use serde_json::Value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// One editable assumption: label, field, `low`/`high` for ranges, and the allowed interval.
struct Field {
    label: &'static str,
    key: &'static str,
    part: Option<&'static str>,
    min: f64,
    max: f64,
    unit: &'static str,
}

const FIELDS: &[Field] = &[
    Field {
        label: "Day rate, low",
        key: "day_rate_usd",
        part: Some("low"),
        min: 0.0,
        max: 100_000.0,
        unit: "USD/day",
    },
    Field {
        label: "Day rate, high",
        key: "day_rate_usd",
        part: Some("high"),
        min: 0.0,
        max: 100_000.0,
        unit: "USD/day",
    },
    Field {
        label: "Capacity",
        key: "capacity_days_per_month",
        part: None,
        min: 0.5,
        max: 1000.0,
        unit: "person-days/month",
    },
    Field {
        label: "Effort share for partial requirements",
        key: "partial_effort_share",
        part: None,
        min: 0.0,
        max: 1.0,
        unit: "0 to 1",
    },
    Field {
        label: "Effort share to verify ISO-evidenced requirements",
        key: "verify_effort_share",
        part: None,
        min: 0.0,
        max: 1.0,
        unit: "0 to 1",
    },
    Field {
        label: "New tool cost per user, low",
        key: "tool_usd_per_user",
        part: Some("low"),
        min: 0.0,
        max: 100_000.0,
        unit: "USD",
    },
    Field {
        label: "New tool cost per user, high",
        key: "tool_usd_per_user",
        part: Some("high"),
        min: 0.0,
        max: 100_000.0,
        unit: "USD",
    },
    Field {
        label: "Cloud migration, low",
        key: "cloud_migration_usd",
        part: Some("low"),
        min: 0.0,
        max: 10_000_000.0,
        unit: "USD",
    },
    Field {
        label: "Cloud migration, high",
        key: "cloud_migration_usd",
        part: Some("high"),
        min: 0.0,
        max: 10_000_000.0,
        unit: "USD",
    },
    Field {
        label: "FedRAMP cloud uplift per user-year, low",
        key: "cloud_uplift_usd_per_user_year",
        part: Some("low"),
        min: 0.0,
        max: 100_000.0,
        unit: "USD",
    },
    Field {
        label: "FedRAMP cloud uplift per user-year, high",
        key: "cloud_uplift_usd_per_user_year",
        part: Some("high"),
        min: 0.0,
        max: 100_000.0,
        unit: "USD",
    },
    Field {
        label: "Assessor lead time, low",
        key: "assessor_lead_months",
        part: Some("low"),
        min: 0.0,
        max: 60.0,
        unit: "months",
    },
    Field {
        label: "Assessor lead time, high",
        key: "assessor_lead_months",
        part: Some("high"),
        min: 0.0,
        max: 60.0,
        unit: "months",
    },
    Field {
        label: "Self-assessment preparation, low",
        key: "self_assessment_months",
        part: Some("low"),
        min: 0.0,
        max: 60.0,
        unit: "months",
    },
    Field {
        label: "Self-assessment preparation, high",
        key: "self_assessment_months",
        part: Some("high"),
        min: 0.0,
        max: 60.0,
        unit: "months",
    },
];

fn get(c: &CostAssumptions, f: &Field) -> f64 {
    let v = serde_json::to_value(c).unwrap_or(Value::Null);
    let v = &v[f.key];
    let v = match f.part {
        Some(p) => &v[p],
        None => v,
    };
    v.as_f64().unwrap_or(0.0)
}

fn set(c: &CostAssumptions, f: &Field, x: f64) -> CostAssumptions {
    let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
    let slot = match f.part {
        Some(p) => &mut v[f.key][p],
        None => &mut v[f.key],
    };
    *slot = Value::from(x);
    serde_json::from_value(v).unwrap_or_else(|_| c.clone())
}

/// The cost card, the timeline card and the assumptions.
#[function_component(CostPanel)]
pub fn cost_panel() -> Html {
    let app = use_app();
    let results = use_results();
    let e = &results.estimate;
    let costs = app.saved().costs.clone();
    let fee = &e.assessment;
    html! {
        <>
        <div class="cards-row two">
            <div class="card" data-testid="cost-estimate">
                <h3 class="card-title">{"Cost"}</h3>
                <p class="score-big small-big" data-testid="cost-total">{usd_range(e.total_usd)}</p>
                <p class="muted small">{"Remediation and first-year costs, before the assessment itself."}</p>
                <table class="lines">
                    <tbody>
                    { for e.lines.iter().map(|l| html! {
                        <tr><th scope="row">{&l.label}<div class="muted small">{&l.basis}</div></th><td class="num">{usd_range(l.usd)}</td></tr>
                    }) }
                    </tbody>
                </table>
                <div class="fee" data-testid="assessment-fee">
                    <h4>{"DoD's assessment cost estimate"}</h4>
                    <p>
                        <strong>{fee.usd.map_or("Not published".to_string(), |u| usd(f64::from(u)))}</strong>
                        {if fee.period.is_empty() { String::new() } else { format!(" {}", fee.period) }}
                    </p>
                    <p class="small">{fee.note}</p>
                    <p class="small muted"><cite>{fee.source}</cite></p>
                </div>
            </div>
            <div class="card" data-testid="timeline-estimate">
                <h3 class="card-title">{"Timeline"}</h3>
                <p class="score-big small-big">{format!("{} months", num_range(e.timeline_months))}</p>
                <p class="muted small">{format!("{} person-days of remediation effort.", num_range(e.effort_days))}</p>
                <ul class="small">{ for e.timeline_basis.iter().map(|b| html! { <li>{b}</li> }) }</ul>
                if !e.open_by_kind.is_empty() {
                    <p class="small">{"Open work: "}{e.open_by_kind.iter().map(|(k, n)| format!("{n} {}", k.label())).collect::<Vec<_>>().join(", ")}</p>
                }
            </div>
        </div>
        <details class="card assumptions" data-testid="assumptions" open=true>
            <summary><h3 class="card-title inline">{"Assumptions"}</h3><span class="muted small">{" Planning figures, not facts: change any of them."}</span></summary>
            <div class="assumption-grid">
                { for FIELDS.iter().enumerate().map(|(i, f)| {
                    let app = app.clone();
                    let current = costs.clone();
                    let on_value = Callback::from(move |x: f64| app.set_costs(set(&current, &FIELDS[i], x)));
                    html! {
                        <NumberField id={format!("assume-{}-{}", f.key, f.part.unwrap_or("v"))} label={f.label} unit={f.unit}
                            value={get(&costs, f)} min={f.min} max={f.max} {on_value} />
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
