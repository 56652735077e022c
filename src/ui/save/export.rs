//! Export and restore: the gap CSV, the whole state as JSON, the SSP (Markdown, OSCAL) and the
//! POA&M (CSV, OSCAL), restoring from JSON or from an OSCAL SSP this app wrote, printing, and deleting everything (with an in-page
//! confirmation).

use crate::engine::Catalog;
use crate::engine::{
    exports_not_applicable, gap_csv, import_oscal_ssp, poam, poam_csv, poam_oscal,
    saved_state_json, ssp, ssp_markdown, ssp_oscal, summary,
};
use crate::ui::browser::{clear_saved, download, print, read_file};
use crate::ui::hooks::{use_catalog, use_selected, use_store, Results, ResultsProps};
use crate::ui::save::system::SystemForm;

use serde::Serialize;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The exported JSON: the saved file, plus the summary of its results for humans.
#[derive(Serialize)]
struct Export {
    #[serde(flatten)]
    state: serde_json::Value,
    summary: crate::engine::Summary,
}

/// The text of a file that is an OSCAL SSP (its JSON has the key `"system-security-plan"`, which a
/// saved file never holds: inside a JSON string the quotes would be escaped).
fn oscal_ssp_text(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes)
        .ok()
        .filter(|t| t.contains("\"system-security-plan\""))
}

/// The export card.
#[function_component(ExportPanel)]
pub fn export_panel(p: &ResultsProps) -> Html {
    // What the panel shows of the state; the downloads read the state when they run.
    let shown = use_selected(|s| {
        (
            s.saved.answers.clone(),
            s.import_error.clone(),
            s.ssp_refused.clone(),
        )
    });
    let (Some(store), Some((answers, import_error, ssp_refused))) = (use_store(), shown) else {
        return Html::default();
    };
    // The verbs (restore, delete); the state they act on is the one current when they run.
    let app = store.app();
    let results = &p.results;
    let catalog = use_catalog();
    let confirming = use_state(|| false);
    // The gap CSV, the SSP and the POA&M describe Levels 2 and 3: not offered at Level 1 or where
    // nothing applies (the engine says why).
    let not_applicable =
        exports_not_applicable(results.assessment.applicability.results_mode(&answers));

    let on_csv = {
        let results = results.clone();
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let csv = gap_csv(catalog, &results.assessment, &store.app().saved().poam);
            download("cmmc-gaps-poam.csv", "text/csv;charset=utf-8", &csv);
        })
    };
    let on_json = {
        let store = store.clone();
        let results = results.clone();
        Callback::from(move |_: MouseEvent| {
            let app = store.app();
            let export = Export {
                state: saved_state_json(app.saved()),
                summary: summary(
                    results.soa.as_ref().as_deref(),
                    &app.saved().answers,
                    &results.assessment,
                    &results.estimate,
                ),
            };
            if let Ok(text) = serde_json::to_string_pretty(&export) {
                download("cmmc-readiness.json", "application/json", &text);
            }
        })
    };
    // The SSP and the POA&M, made by the engine from the same input and assessment as the
    // results on screen.
    let document = |name: &'static str, mime: &'static str, make: fn(&Results) -> String| {
        let results = results.clone();
        Callback::from(move |_: MouseEvent| download(name, mime, &make(&results)))
    };
    let on_ssp_md = document("cmmc-ssp.md", "text/markdown;charset=utf-8", |r| {
        let c = Catalog::builtin();
        ssp_markdown(&ssp(c, &r.input, &r.assessment))
    });
    let on_ssp_oscal = document("cmmc-ssp.oscal.json", "application/json", |r| {
        let c = Catalog::builtin();
        ssp_oscal(c, &ssp(c, &r.input, &r.assessment))
    });
    let on_poam_csv = document("cmmc-poam.csv", "text/csv;charset=utf-8", |r| {
        poam_csv(&poam(Catalog::builtin(), &r.input, &r.assessment))
    });
    let on_poam_oscal = document("cmmc-poam.oscal.json", "application/json", |r| {
        poam_oscal(&poam(Catalog::builtin(), &r.input, &r.assessment))
    });
    let on_import = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                let app = app.clone();
                read_file(file, move |name, bytes| {
                    // An OSCAL SSP this app wrote is read back into the current work; anything
                    // else is a saved file.
                    if let Some(text) = oscal_ssp_text(&bytes) {
                        let result = import_oscal_ssp(Catalog::builtin(), text);
                        let restored = result.is_ok();
                        app.apply_ssp(name, result);
                        if restored {
                            crate::ui::browser::after_paint(|| {
                                crate::ui::browser::reveal("summary")
                            });
                        }
                        return;
                    }
                    let result = crate::engine::load_state_bytes(&bytes);
                    let restored = result.is_ok();
                    app.restore(name, result);
                    if restored {
                        crate::ui::browser::after_paint(|| crate::ui::browser::reveal("summary"));
                    }
                });
            }
            input.set_value("");
        })
    };
    let on_print = Callback::from(|_: MouseEvent| print());
    let on_reset = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let on_cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let on_confirm = {
        let app = app.clone();
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            clear_saved();
            app.reset();
            crate::ui::browser::after_paint(|| crate::ui::browser::reveal("step-questionnaire"));
            confirming.set(false);
        })
    };

    html! {
        <section class="card export no-print" data-testid="export" aria-labelledby="h-export">
            <h2 id="h-export" class="card-title">{"Save, share, print"}</h2>
            <p class="muted small">{"Your work is saved in this browser as you go. Files below are made on this device."}</p>
            <div class="button-row">
                if not_applicable.is_none() {
                    <button type="button" class="btn" onclick={on_csv} data-testid="export-csv">{"Gap list (CSV)"}</button>
                }
                <button type="button" class="btn" onclick={on_json} data-testid="export-json">{"Download my work (JSON)"}</button>
                if not_applicable.is_none() {
                    <button type="button" class="btn" onclick={on_ssp_md} data-testid="export-ssp-md">{"SSP (Markdown)"}</button>
                    <button type="button" class="btn" onclick={on_ssp_oscal} data-testid="export-ssp-oscal">{"SSP (OSCAL JSON)"}</button>
                    <button type="button" class="btn" onclick={on_poam_csv} data-testid="export-poam-csv">{"POA&M (CSV)"}</button>
                    <button type="button" class="btn" onclick={on_poam_oscal} data-testid="export-poam-oscal">{"POA&M (OSCAL JSON)"}</button>
                }
                <label class="btn file-btn">
                    {"Restore from JSON or an OSCAL SSP…"}
                    <input type="file" accept=".json,application/json" onchange={on_import} data-testid="import-json" class="visually-hidden-input" />
                </label>
                <button type="button" class="btn" onclick={on_print} data-testid="print">{"Print report"}</button>
            </div>
            if not_applicable.is_none() {
                <p class="muted small" data-testid="export-confirmed-note">{"The SSP and the POA&M state what you confirmed: what your ISO evidence only suggests is said to be a suggestion, and each requirement not assessed yet is on the POA&M as such, counted as not met."}</p>
            }
            if let Some((name, err)) = import_error {
                <p class="banner banner-warn" role="alert" data-testid="import-error">
                    {format!("{name} could not be restored: {err}")}
                    if err.is_from_a_newer_release() { {" Update this app to read it."} }
                    {" Your current work is unchanged."}
                </p>
            }
            if let Some((name, why)) = ssp_refused {
                <p class="banner banner-warn" role="alert" data-testid="ssp-import-error">
                    {format!("{name} could not be read back: {why} Your current work is unchanged.")}
                </p>
            }
            if let Some(why) = not_applicable {
                <p class="muted small" data-testid="export-not-applicable">{why}</p>
            } else {
                <SystemForm />
            }
            <div class="danger-zone">
                if *confirming {
                    <div class="confirm" role="alertdialog" aria-labelledby="confirm-text" data-testid="reset-confirm-box">
                        <p id="confirm-text"><strong>{"Delete everything?"}</strong>{" Your answers, your SoA and your settings will be removed from this browser. This cannot be undone."}</p>
                        <div class="button-row">
                            <button type="button" class="btn btn-danger" onclick={on_confirm} data-testid="reset-confirm">{"Yes, delete all my data"}</button>
                            <button type="button" class="btn" onclick={on_cancel} data-testid="reset-cancel">{"Cancel"}</button>
                        </div>
                    </div>
                } else {
                    <button type="button" class="btn btn-danger-outline" onclick={on_reset} data-testid="reset-all">{"Delete all my data"}</button>
                }
            </div>
        </section>
    }
}
