//! What the SSP says about the system beyond the requirements: its name, the organisation, the
//! boundary (what is in scope and what is not, 32 CFR 170.19), the environment of operation, the
//! connections to other systems, how often the plan is updated and when it last was (SP 800-171A
//! 3.12.4[b], [c], [f], [g], [h]), and the roles with who holds each. Saved with the rest of the
//! work; committed on `change`, so typing redraws nothing.

use crate::engine::{Date, SystemRole, SystemText};
use crate::ui::browser::field_value;
use crate::ui::hooks::{use_dispatch, use_selected};
use yew::prelude::*;

/// The form, folded until something is written.
#[function_component(SystemForm)]
pub fn system_form() -> Html {
    let system = use_selected(|s| s.saved.system.clone());
    let (Some(app), Some(system)) = (use_dispatch(), system) else {
        return Html::default();
    };
    // Every free-text field commits its value on change.
    let on_text = |field: SystemText| {
        let app = app.clone();
        Callback::from(move |e: Event| app.set_system_text(field, field_value(&e)))
    };
    let on_roles = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            app.set_system_roles(SystemRole::parse_lines(&field_value(&e)));
        })
    };
    // A date input gives `YYYY-MM-DD` or nothing.
    let on_updated = {
        let app = app.clone();
        Callback::from(move |e: Event| app.set_system_updated(Date::parse(&field_value(&e))))
    };
    let area = |label: &'static str, field: SystemText, value: &str, testid: &'static str| {
        html! {
            <label class="answer-note">{label}
                <textarea rows="3" value={value.to_string()} onchange={on_text(field)} data-testid={testid} />
            </label>
        }
    };
    html! {
        <details class="system-form" data-testid="system-form" open={!system.is_empty()}>
            <summary>{"About the system (for the SSP)"}</summary>
            <p class="muted small">{"The SSP describes the system boundary, its environment of operation, its connections to other systems, how each requirement is implemented and how often the plan is updated (NIST SP 800-171 r2 3.12.4; SP 800-171A 3.12.4[b] to [h]). What you write here goes into both SSP files."}</p>
            <div class="poam-fields">
                <label class="poam-field">{"System name"}
                    <input type="text" value={system.name.clone()} placeholder="e.g. Acme CUI enclave"
                        onchange={on_text(SystemText::Name)} data-testid="system-name" />
                </label>
                <label class="poam-field">{"Organisation"}
                    <input type="text" value={system.organization.clone()}
                        onchange={on_text(SystemText::Organization)} data-testid="system-organization" />
                </label>
            </div>
            {area("Boundary: what is in scope (assets that process, store or transmit CUI; security protection assets) and what is not", SystemText::Boundary, &system.boundary, "system-boundary")}
            {area("Environment of operation: sites, networks, platforms and the people who use the system", SystemText::Environment, &system.environment, "system-environment")}
            {area("Connections to other systems and services: cloud services, your MSP or other external service providers, the prime's or DoD's systems", SystemText::Connections, &system.connections, "system-connections")}
            <div class="poam-fields">
                <label class="poam-field">{"How often the SSP is updated"}
                    <input type="text" value={system.update_frequency.clone()} placeholder="e.g. every 12 months and after each significant change"
                        onchange={on_text(SystemText::UpdateFrequency)} data-testid="system-update-frequency" />
                </label>
                <label class="poam-field">{"Last updated"}
                    <input type="date" value={system.last_updated.map(|d| d.to_string()).unwrap_or_default()}
                        onchange={on_updated} data-testid="system-last-updated" />
                </label>
            </div>
            <label class="answer-note">{"Roles, one per line as Title: who holds it (e.g. System owner: Dana Reyes)"}
                <textarea rows="3" value={SystemRole::to_lines(&system.roles)}
                    onchange={on_roles} data-testid="system-roles" />
            </label>
        </details>
    }
}
