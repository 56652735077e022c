//! What the SSP says about the system beyond the requirements: its name, the organisation, the
//! boundary (what is in scope and what is not, 32 CFR 170.19) and the roles with who holds each.
//! Saved with the rest of the work; committed on `change`, so typing redraws nothing.

use crate::engine::SystemRole;
use crate::ui::browser::field_value;
use crate::ui::hooks::{use_dispatch, use_selected, Dispatch};
use yew::prelude::*;

/// The form, folded until something is written.
#[function_component(SystemForm)]
pub fn system_form() -> Html {
    let system = use_selected(|s| s.saved.system.clone());
    let (Some(app), Some(system)) = (use_dispatch(), system) else {
        return Html::default();
    };
    // Every field commits its trimmed value on change through one of the verbs.
    let on_change = |set: fn(&Dispatch, String)| {
        let app = app.clone();
        Callback::from(move |e: Event| set(&app, field_value(&e)))
    };
    html! {
        <details class="system-form" data-testid="system-form" open={!system.is_empty()}>
            <summary>{"About the system (for the SSP)"}</summary>
            <p class="muted small">{"The SSP describes the system boundary, the environment and how each requirement is implemented (NIST SP 800-171 r2 3.12.4). What you write here goes into both SSP files."}</p>
            <div class="poam-fields">
                <label class="poam-field">{"System name"}
                    <input type="text" value={system.name.clone()} placeholder="e.g. Acme CUI enclave"
                        onchange={on_change(|a, v| a.set_system_name(v))} data-testid="system-name" />
                </label>
                <label class="poam-field">{"Organisation"}
                    <input type="text" value={system.organization.clone()}
                        onchange={on_change(|a, v| a.set_system_organization(v))} data-testid="system-organization" />
                </label>
            </div>
            <label class="answer-note">{"Boundary: what is in scope (assets that process, store or transmit CUI; security protection assets) and what is not"}
                <textarea rows="3" value={system.boundary.clone()} onchange={on_change(|a, v| a.set_system_boundary(v))} data-testid="system-boundary" />
            </label>
            <label class="answer-note">{"Roles, one per line as Title: who holds it (e.g. System owner: Dana Reyes)"}
                <textarea rows="3" value={SystemRole::to_lines(&system.roles)}
                    onchange={on_change(|a, v| a.set_system_roles(SystemRole::parse_lines(&v)))} data-testid="system-roles" />
            </label>
        </details>
    }
}
