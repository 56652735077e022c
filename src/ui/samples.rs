//! The sample companies a demo starts from, in the first screen: each loads its answers and its
//! SoA and takes the viewer to the summary. The files are compiled in, so loading one fetches
//! nothing.

use crate::engine::Answers;
use crate::ui::hooks::use_dispatch;
use yew::prelude::*;

/// One sample company.
pub struct Sample {
    /// Stable id, for test ids.
    pub id: &'static str,
    /// The company's name.
    pub name: &'static str,
    /// One line saying who it is.
    pub blurb: &'static str,
    /// Its questionnaire answers, as JSON.
    pub answers: &'static str,
    /// Its SoA, as CSV.
    pub soa: &'static str,
}

/// The samples, in the order shown.
pub const SAMPLES: [Sample; 2] = [
    Sample {
        id: "software-firm",
        name: "Northwind Avionics Software",
        blurb: "ISO 27001-certified software firm, 85 people, CUI, heading for Level 2 (C3PAO)",
        answers: include_str!("../../static/samples/northwind-avionics.json"),
        soa: include_str!("../../static/samples/northwind-avionics-soa.csv"),
    },
    Sample {
        id: "machine-shop",
        name: "Acme Precision Machining",
        blurb: "12-person machine shop, FCI only, Level 1 (Self)",
        answers: include_str!("../../static/samples/acme-machining.json"),
        soa: include_str!("../../static/sample-soa.csv"),
    },
];

/// Props of the sample buttons.
#[derive(Properties, PartialEq)]
pub struct SampleButtonsProps {
    /// Called after a sample is loaded, to take the viewer to the summary.
    pub on_loaded: Callback<()>,
}

/// "Try a sample company": one button per sample.
#[function_component(SampleButtons)]
pub fn sample_buttons(p: &SampleButtonsProps) -> Html {
    let Some(app) = use_dispatch() else {
        return Html::default();
    };
    html! {
        <div class="samples no-print" data-testid="samples">
            <span class="samples-label">{"Try it with a sample company:"}</span>
            { for SAMPLES.iter().map(|s| {
                let app = app.clone();
                let done = p.on_loaded.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    // The samples are compiled in and checked by the tests, so they parse.
                    let answers: Answers = serde_json::from_str(s.answers).unwrap_or_default();
                    app.load_sample(answers, s.soa.to_string(), s.name.to_string());
                    done.emit(());
                });
                html! {
                    <button type="button" class="btn btn-sample" {onclick} data-testid={format!("sample-{}", s.id)}>
                        <strong>{s.name}</strong><span class="small">{s.blurb}</span>
                    </button>
                }
            }) }
        </div>
    }
}
