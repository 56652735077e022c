//! The sample companies a demo starts from, in the first screen: each loads its answers and its
//! SoA and takes the viewer to the summary. The files are static files of the build, loaded when
//! a sample is chosen (`content.rs`), not compiled into the wasm.

use crate::engine::Answers;
use crate::ui::content;
use crate::ui::hooks::{use_dispatch, use_selected};
use yew::prelude::*;

/// One sample company.
pub struct Sample {
    /// Stable id, for test ids.
    pub id: &'static str,
    /// The company's name.
    pub name: &'static str,
    /// One line saying who it is.
    pub blurb: &'static str,
    /// Its questionnaire answers, as JSON: the file's path (`content.rs`).
    pub answers: &'static str,
    /// Its SoA, as CSV: the file's path.
    pub soa: &'static str,
}

/// The samples, in the order shown.
pub const SAMPLES: [Sample; 2] = [
    Sample {
        id: "software-firm",
        name: "Northwind Avionics Software",
        blurb: "ISO 27001-certified software firm, 85 people, CUI, heading for Level 2 (C3PAO)",
        answers: "content/samples/northwind-avionics.json",
        soa: "content/samples/northwind-avionics-soa.csv",
    },
    Sample {
        id: "machine-shop",
        name: "Acme Precision Machining",
        blurb: "12-person machine shop, FCI only, Level 1 (Self)",
        answers: "content/samples/acme-machining.json",
        soa: content::SAMPLE_SOA,
    },
];

/// Props of the sample buttons.
#[derive(Properties, PartialEq)]
pub struct SampleButtonsProps {
    /// Called after a sample is loaded, to take the viewer to the summary.
    pub on_loaded: Callback<()>,
}

/// A sample's answers and SoA, loaded and read.
async fn load(sample: &Sample) -> Result<(Answers, String), String> {
    let answers = content::get(sample.answers).await?;
    // Through a `Value`, as the saved state is read (`load_state`): the answers' deserialiser is
    // then compiled once, for `Value`, not a second time for text.
    let answers: Answers = serde_json::from_str::<serde_json::Value>(&answers)
        .and_then(serde_json::from_value)
        .map_err(|e| format!("{} could not be read ({e})", sample.answers))?;
    let soa = content::get(sample.soa).await?;
    Ok((answers, soa.to_string()))
}

/// "Try a sample company": one button per sample. While a sample loads it says so; a sample that
/// cannot be loaded says why and changes nothing.
#[function_component(SampleButtons)]
pub fn sample_buttons(p: &SampleButtonsProps) -> Html {
    // `Ok`: loading, with what; `Err`: why the last sample could not be loaded.
    let status = use_state(|| None::<Result<String, String>>);
    // The sample waiting for the user to say their own work may be replaced.
    let confirming = use_state(|| None::<&'static Sample>);
    let own_work = use_selected(|s| s.has_own_work()).unwrap_or(false);
    let Some(app) = use_dispatch() else {
        return Html::default();
    };
    let start = {
        let (app, done, status, confirming) = (
            app.clone(),
            p.on_loaded.clone(),
            status.clone(),
            confirming.clone(),
        );
        move |s: &'static Sample| {
            confirming.set(None);
            status.set(Some(Ok(format!("Loading {}…", s.name))));
            let (app, done, status) = (app.clone(), done.clone(), status.clone());
            yew::platform::spawn_local(async move {
                match load(s).await {
                    Ok((answers, soa)) => {
                        status.set(None);
                        app.load_sample(answers, soa, s.name.to_string());
                        done.emit(());
                    }
                    Err(why) => status.set(Some(Err(format!(
                        "The sample could not be loaded: {why}. Nothing was changed."
                    )))),
                }
            });
        }
    };
    html! {
        <div class="samples no-print" data-testid="samples">
            <span class="samples-label">{"Try it with a sample company:"}</span>
            { for SAMPLES.iter().map(|s| {
                let start = start.clone();
                let confirming = confirming.clone();
                // Work of the user's own is never replaced without asking (see below).
                let onclick = Callback::from(move |_: MouseEvent| {
                    if own_work {
                        confirming.set(Some(s));
                    } else {
                        start(s);
                    }
                });
                html! {
                    <button type="button" class="btn btn-sample" {onclick} data-testid={format!("sample-{}", s.id)}>
                        <strong>{s.name}</strong><span class="small">{s.blurb}</span>
                    </button>
                }
            }) }
            if let Some(s) = *confirming {
                <div class="samples-status banner banner-warn" role="alert" data-testid="samples-confirm">
                    <p>{format!("Loading {} replaces everything you entered in this browser: your answers, your SoA, your notes and plans. To keep them, download your work first (Export).", s.name)}</p>
                    <button type="button" class="btn btn-small" data-testid="samples-replace"
                        onclick={let start = start.clone(); Callback::from(move |_: MouseEvent| start(s))}>
                        {"Replace my work with the sample"}</button>
                    {" "}
                    <button type="button" class="btn btn-small" data-testid="samples-keep"
                        onclick={let confirming = confirming.clone(); Callback::from(move |_: MouseEvent| confirming.set(None))}>
                        {"Keep my work"}</button>
                </div>
            }
            if let Some(Ok(text)) = &*status {
                <p class="samples-status small" role="status" data-testid="samples-status">{text.clone()}</p>
            }
            if let Some(Err(text)) = &*status {
                <p class="samples-status banner banner-warn" role="alert" data-testid="samples-failed">{text.clone()}</p>
            }
        </div>
    }
}
