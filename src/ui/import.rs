//! Step 2: bring the SoA in (file, drag and drop, paste, or the sample), see what was detected,
//! fix the column mapping, and read every problem with its line number.

mod review;

use crate::engine::{Catalog, Edition};
use crate::ui::browser::{bytes_to_text, download, read_file};
use crate::ui::content;
use crate::ui::hooks::{use_selected, use_store, ImportPart, PartProps, StateStore};
use crate::ui::state::SAMPLE_NAME;
use review::ImportReview;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// A blank ISO/IEC 27001:2022 SoA: every Annex A control with its title, ready to fill in.
pub fn template_csv() -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = w.write_record([
        "Control",
        "Title",
        "Applicable",
        "Implementation status",
        "Justification",
        "Owner",
    ]);
    for c in Catalog::builtin()
        .iso_controls
        .iter()
        .filter(|c| c.edition == Edition::Iso2022)
    {
        let _ = w.write_record([c.id.as_str(), c.title.as_str(), "", "", "", ""]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn import_file(store: &StateStore, file: web_sys::File) {
    let store = store.clone();
    read_file(file, move |name, bytes| {
        let (text, encoding) = bytes_to_text(&bytes);
        store.app().import_soa(text, name, encoding);
    });
}

/// What loading the bundled sample is doing: `Ok`, loading; `Err`, why it could not be loaded.
type SampleStatus = UseStateHandle<Option<Result<&'static str, String>>>;

/// Imports the bundled sample SoA, a file of the build loaded on demand (`content.rs`).
fn load_sample(store: &StateStore, status: &SampleStatus) -> Callback<MouseEvent> {
    let (store, status) = (store.clone(), status.clone());
    Callback::from(move |_: MouseEvent| {
        status.set(Some(Ok("Loading the sample SoA…")));
        let (store, status) = (store.clone(), status.clone());
        yew::platform::spawn_local(async move {
            match content::get(content::SAMPLE_SOA).await {
                Ok(text) => {
                    status.set(None);
                    store
                        .app()
                        .import_soa(text.to_string(), SAMPLE_NAME.to_string(), None);
                }
                Err(why) => status.set(Some(Err(format!(
                    "The sample SoA could not be loaded: {why}. Nothing was changed."
                )))),
            }
        });
    })
}

/// The import panel.
#[function_component(SoaImportPanel)]
pub fn soa_import_panel(p: &PartProps<ImportPart>) -> Html {
    // What the panel shows of the state; the imports read the rest when they run.
    let shown = use_selected(|s| {
        (
            s.saved.soa_text.is_some(),
            s.soa_refused.clone(),
            s.saved.soa_name.clone(),
            s.saved.soa_encoding,
            s.saved.import_options.clone(),
        )
    });
    let (Some(app), Some((has_soa, refused, soa_name, soa_encoding, options))) =
        (use_store(), shown)
    else {
        return Html::default();
    };
    let results = &p.results;
    let paste = use_state(String::new);
    let dragging = use_state(|| false);
    let sample_status: SampleStatus = use_state(|| None);
    let on_file = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                import_file(&app, file);
            }
            // Clear it so choosing the same file again still fires a change.
            input.set_value("");
        })
    };
    let on_drop = {
        let app = app.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                import_file(&app, file);
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_paste_input = {
        let paste = paste.clone();
        Callback::from(move |e: InputEvent| {
            paste.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_paste_import = {
        let app = app.clone();
        let paste = paste.clone();
        Callback::from(move |_: MouseEvent| {
            if !paste.trim().is_empty() {
                app.app()
                    .import_soa((*paste).clone(), "pasted text".into(), None);
            }
        })
    };
    let on_sample = load_sample(&app, &sample_status);
    let on_template = Callback::from(|_: MouseEvent| {
        download(
            "soa-template-iso27001-2022.csv",
            "text/csv;charset=utf-8",
            &template_csv(),
        )
    });
    let on_clear = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.app().clear_soa())
    };

    html! {
        <div class="soa">
            <div class="soa-inputs">
                <div class={classes!("dropzone", dragging.then_some("dragging"))} data-testid="soa-dropzone"
                    ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                    <p class="drop-title">{"Drop your SoA file here"}</p>
                    <p class="muted small">{"CSV, semicolon CSV or tab-separated text, as Excel or Google Sheets export it."}</p>
                    <label class="btn btn-primary file-btn">
                        {"Choose a file…"}
                        <input type="file" accept=".csv,.txt,.tsv" onchange={on_file} data-testid="soa-file-input" class="visually-hidden-input" />
                    </label>
                </div>
                <div class="paste">
                    <label for="soa-paste">{"Or paste CSV"}</label>
                    <textarea id="soa-paste" rows="5" spellcheck="false" placeholder={"Control,Title,Applicable,Implementation status\nA.5.1,Policies for information security,Yes,Implemented"}
                        value={(*paste).clone()} oninput={on_paste_input} data-testid="soa-paste" />
                    <button type="button" class="btn" onclick={on_paste_import} data-testid="soa-paste-import">{"Import pasted text"}</button>
                </div>
            </div>
            <div class="button-row">
                <button type="button" class="btn" onclick={on_sample} data-testid="load-sample">{"Load a sample SoA (Acme Precision Machining's)"}</button>
                <button type="button" class="btn btn-link" onclick={on_template} data-testid="download-template">{"Download template (ISO/IEC 27001:2022, 93 controls)"}</button>
                if has_soa {
                    <button type="button" class="btn btn-link" onclick={on_clear} data-testid="soa-clear">{"Remove the SoA"}</button>
                }
            </div>
            if let Some(Ok(text)) = &*sample_status {
                <p class="small" role="status" data-testid="sample-status">{*text}</p>
            }
            if let Some(Err(text)) = &*sample_status {
                <p class="banner banner-warn" role="alert" data-testid="sample-failed">{text.clone()}</p>
            }
            if let Some((name, reason)) = refused.as_ref() {
                <div class="banner banner-bad" role="alert" data-testid="soa-refused">
                    <p><strong>{format!("{name} was not imported. ")}</strong>{reason}</p>
                    <p>{ match soa_name.as_ref() {
                        Some(kept) => format!("Your SoA {kept} is still loaded and nothing in it changed."),
                        None => "Nothing was loaded.".to_string(),
                    } }</p>
                </div>
            }
            if let Some(import) = results.soa.as_ref().as_ref() {
                <ImportReview dispatch={(*app.app()).clone()} import={import.clone()} name={results.soa_name.clone()}
                    encoding={soa_encoding} options={options} />
            }
        </div>
    }
}
