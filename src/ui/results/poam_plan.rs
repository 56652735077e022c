//! The plan of action for one open requirement, inside its gap-table row: owner, scheduled
//! completion, resources and milestones, which the POA&M exports carry (32 CFR 170.21; NIST SP
//! 800-171 r2 3.12.2). Fields are committed on `change`, so typing redraws nothing. Whether the
//! item may sit on a POA&M at all is the engine's rule, said next to the form.

use crate::engine::{Closeout, Date, Milestone, PoamField, PoamPlan};
use crate::ui::browser::field_value;
use crate::ui::hooks::{use_dispatch, use_selected};
use yew::prelude::*;

/// Props of the form.
#[derive(Properties, PartialEq)]
pub struct PoamPlanProps {
    /// The requirement's id (the plan's key).
    pub id: AttrValue,
    /// Whether the open requirement may sit on a POA&M for Conditional status.
    pub eligible: bool,
    /// The 180-day closeout when the status is (or would be) Conditional.
    pub closeout: Option<Closeout>,
}

/// The form.
#[function_component(PoamPlanForm)]
pub fn poam_plan_form(p: &PoamPlanProps) -> Html {
    let plan = {
        let id = p.id.clone();
        use_selected(move |s| s.saved.poam.get(id.as_str()).cloned())
    };
    let (Some(app), Some(plan)) = (use_dispatch(), plan) else {
        return Html::default();
    };
    let plan: PoamPlan = plan.unwrap_or_default();
    let set = |make: fn(String) -> PoamField| {
        let app = app.clone();
        let id = p.id.to_string();
        move |value: String| app.set_poam(id.clone(), make(value))
    };
    let on_input = |make: fn(String) -> PoamField| {
        let set = set(make);
        Callback::from(move |e: Event| set(field_value(&e)))
    };
    let on_milestones = on_input(|v| PoamField::Milestones(Milestone::parse_lines(&v)));
    let field = p.id.replace('.', "-");
    let label = |what: &str, input: Html| {
        html! { <label class="poam-field">{what.to_string()}{input}</label> }
    };
    html! {
        <details class="poam-plan" data-testid="poam-plan" open={!plan.is_empty()}>
            <summary>{"Plan of action (for the POA&M)"}</summary>
            <p class="muted small">
                if p.eligible {
                    {"This item may sit on a POA&M for a Conditional status; it must be closed within 180 days of the status date (32 CFR 170.21(b))."}
                } else {
                    {"This item may not sit on a POA&M for a Conditional status (32 CFR 170.21(a)(2) at Level 2, (a)(3) at Level 3): it must be met at the assessment. The plan still goes into your POA&M, listed apart as a blocker."}
                }
            </p>
            if let (true, Some(c)) = (p.eligible, p.closeout) {
                <p class="small" data-testid="poam-closeout">
                    {format!("Closeout deadline: {} (180 days after the {} status date, {}).", c.deadline,
                        if c.held { "Conditional" } else { "expected Conditional" }, c.status_date)}
                    if plan.completion.is_some_and(|d| d > c.deadline) {
                        {" "}<span class="tag warn" data-testid="poam-late">{"the scheduled completion is later: the Conditional status would expire first (32 CFR 170.21(b))"}</span>
                    }
                </p>
            }
            <div class="poam-fields">
                {label("Owner", html! { <input type="text" id={format!("poam-owner-{field}")} value={plan.owner.clone()} onchange={on_input(PoamField::Owner)} data-testid="poam-owner" /> })}
                {label("Scheduled completion", html! { <input type="date" value={plan.completion.map(|d| d.to_string()).unwrap_or_default()}
                    onchange={on_input(|v| PoamField::Completion(Date::parse(&v)))} data-testid="poam-completion" /> })}
                {label("Resources", html! { <input type="text" value={plan.resources.clone()} onchange={on_input(PoamField::Resources)} data-testid="poam-resources" /> })}
            </div>
            <label class="answer-note">{"Milestones, one per line; start a line with a date (YYYY-MM-DD) to schedule it"}
                <textarea rows="3" value={Milestone::to_lines(&plan.milestones)} onchange={on_milestones} data-testid="poam-milestones" />
            </label>
        </details>
    }
}
