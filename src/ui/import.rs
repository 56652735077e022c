//! Step 2: bring the SoA in (file, drag and drop, paste, or the sample), see what was detected,
//! fix the column mapping, and read every problem with its line number.

use crate::engine::{Catalog, Delimiter, Edition, Role, SoaImport, TextEncoding};
use crate::ui::browser::{bytes_to_text, download, read_file};
use crate::ui::format::control_status_label;
use crate::ui::hooks::{use_app, AppHandle, ResultsProps};
use crate::ui::state::{SAMPLE_NAME, SAMPLE_SOA};
use web_sys::{DragEvent, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
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

/// How many import problems are listed before "Show all".
const PROBLEMS_SHOWN: usize = 200;

fn import_file(app: &AppHandle, file: web_sys::File) {
    let app = app.clone();
    read_file(file, move |name, bytes| {
        let (text, encoding) = bytes_to_text(&bytes);
        app.import_soa(text, name, encoding);
    });
}

fn encoding_label(e: TextEncoding) -> &'static str {
    match e {
        TextEncoding::Utf8 => "UTF-8",
        TextEncoding::Utf8Bom => "UTF-8 with BOM",
        TextEncoding::Utf16Le => "UTF-16 LE",
        TextEncoding::Utf16Be => "UTF-16 BE",
    }
}

fn delimiter_label(d: Delimiter) -> &'static str {
    match d {
        Delimiter::Comma => "comma",
        Delimiter::Semicolon => "semicolon",
        Delimiter::Tab => "tab",
    }
}

/// The import panel.
#[function_component(SoaImportPanel)]
pub fn soa_import_panel(p: &ResultsProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let results = &p.results;
    let paste = use_state(String::new);
    let dragging = use_state(|| false);
    // A file with thousands of bad rows would take seconds to draw in full; the first
    // PROBLEMS_SHOWN are listed and the rest are one click away.
    let all_problems = use_state(|| false);
    let shown = if *all_problems {
        usize::MAX
    } else {
        PROBLEMS_SHOWN
    };
    let show_all_problems = {
        let all_problems = all_problems.clone();
        Callback::from(move |_: MouseEvent| all_problems.set(true))
    };

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
                app.import_soa((*paste).clone(), "pasted text".into(), None);
            }
        })
    };
    let on_sample = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.import_soa(SAMPLE_SOA.to_string(), SAMPLE_NAME.to_string(), None)
        })
    };
    let on_template = Callback::from(|_: MouseEvent| {
        download(
            "soa-template-iso27001-2022.csv",
            "text/csv;charset=utf-8",
            &template_csv(),
        )
    });
    let on_clear = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.clear_soa())
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
                <button type="button" class="btn" onclick={on_sample} data-testid="load-sample">{"Try it with a sample company"}</button>
                <button type="button" class="btn btn-link" onclick={on_template} data-testid="download-template">{"Download template (ISO/IEC 27001:2022, 93 controls)"}</button>
                if app.saved().soa_text.is_some() {
                    <button type="button" class="btn btn-link" onclick={on_clear} data-testid="soa-clear">{"Remove the SoA"}</button>
                }
            </div>
            if let Some(import) = results.soa.as_ref().as_ref() {
                <div class="soa-result" data-testid="soa-result">
                    <h3 class="card-title">{"What we found in "}<span class="filename">{app.saved().soa_name.clone().unwrap_or_default()}</span></h3>
                    <dl class="detected" data-testid="soa-detected">
                        <div><dt>{"Edition"}</dt><dd data-testid="soa-edition">{import.edition.map_or("not recognised".to_string(), |e| format!("ISO/IEC 27001:{}", e.year()))}</dd></div>
                        <div><dt>{"Encoding"}</dt><dd data-testid="soa-encoding">{encoding_label(app.saved().soa_encoding.unwrap_or(import.encoding))}</dd></div>
                        <div><dt>{"Delimiter"}</dt><dd data-testid="soa-delimiter">{delimiter_label(import.delimiter)}</dd></div>
                        <div><dt>{"Header line"}</dt><dd data-testid="soa-header-line">{import.header_line.map_or("none".to_string(), |l| l.to_string())}</dd></div>
                        <div><dt>{"Rows imported"}</dt><dd data-testid="soa-rows">{import.rows_imported}</dd></div>
                        <div><dt>{"Problems"}</dt><dd data-testid="soa-problem-count">{import.problems.len()}</dd></div>
                    </dl>
                    <details class="mapping" data-testid="column-mapping">
                        <summary>{"Column mapping"}<span class="muted small">{" (fix it if a column was read wrongly)"}</span></summary>
                        <div class="mapping-grid">
                            { for Role::ALL.iter().map(|role| {
                                let role = *role;
                                let overridden = app.saved().import_options.columns.get(role);
                                let detected = import.column_for(role);
                                let app = app.clone();
                                let onchange = Callback::from(move |e: Event| {
                                    let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                                    app.set_column(role, v.parse::<usize>().ok());
                                });
                                let auto = match (overridden, detected) {
                                    (None, Some(i)) => format!("Automatic (column {})", i + 1),
                                    _ => "Automatic".to_string(),
                                };
                                let id = format!("map-{}", role.label().replace(' ', "-"));
                                html! {
                                    <div class="field">
                                        <label for={id.clone()}>{role.label()}</label>
                                        <select id={id.clone()} {onchange} data-testid={id}>
                                            <option value="auto" selected={overridden.is_none()}>{auto}</option>
                                            { for import.columns.iter().map(|c| html! {
                                                <option value={c.index.to_string()} selected={overridden == Some(c.index)}>
                                                    {format!("Column {}: {}", c.index + 1, if c.header.is_empty() { "(no header)" } else { c.header.as_str() })}
                                                </option>
                                            }) }
                                        </select>
                                    </div>
                                }
                            }) }
                            { read_as_fields(&app, import) }
                        </div>
                    </details>
                    <details class="mapping" data-testid="soa-rows-preview">
                        <summary>{format!("Imported rows ({})", import.rows.len())}</summary>
                        <div class="table-wrap scroll-y" tabindex="0" role="region" aria-label="Imported rows">
                        <table>
                            <thead><tr>
                                <th scope="col" class="num">{"Line"}</th><th scope="col">{"Control"}</th><th scope="col">{"Status"}</th>
                                <th scope="col">{"Justification"}</th><th scope="col">{"Owner"}</th>
                            </tr></thead>
                            <tbody>
                            { for import.rows.iter().map(|r| html! {
                                // File text is only ever a text node: Yew escapes it, so markup stays inert.
                                <tr>
                                    <td class="num">{r.line}</td>
                                    <td>{r.control.as_str()}</td>
                                    <td>{control_status_label(r.status)}</td>
                                    <td class="cell-text">{&r.justification}</td>
                                    <td>{&r.owner}</td>
                                </tr>
                            }) }
                            </tbody>
                        </table>
                        </div>
                    </details>
                    <h4>{"Problems"}</h4>
                    if import.problems.is_empty() {
                        <p class="ok-text" data-testid="soa-no-problems">{"No problems: every row was read."}</p>
                    }
                    <ul class="problems" data-testid="soa-problems">
                        { for import.problems.iter().take(shown).map(|p| html! {
                            <li data-line={p.line.to_string()}>
                                <span class="line-no">{if p.line == 0 { "File".to_string() } else { format!("Line {}", p.line) }}</span>
                                <span>{&p.message}</span>
                            </li>
                        }) }
                    </ul>
                    if import.problems.len() > shown {
                        <p class="muted" data-testid="soa-problems-more">
                            {format!("{} more problem(s) not listed. ", import.problems.len() - shown)}
                            <button type="button" class="btn btn-small" onclick={show_all_problems}>
                                {format!("Show all {}", import.problems.len())}
                            </button>
                        </p>
                    }
                </div>
            }
        </div>
    }
}

/// The delimiter and edition selectors: when sniffing or detection guessed wrong, the user says.
fn read_as_fields(app: &AppHandle, import: &SoaImport) -> Html {
    let options = &app.saved().import_options;
    let on_delimiter = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            app.set_delimiter(
                Delimiter::ALL
                    .into_iter()
                    .find(|d| delimiter_label(*d) == v),
            );
        })
    };
    let on_edition = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            app.set_edition(match v.as_str() {
                "2013" => Some(Edition::Iso2013),
                "2022" => Some(Edition::Iso2022),
                _ => None,
            });
        })
    };
    let detected_edition = import
        .edition
        .map_or("none found".to_string(), |e| e.year().to_string());
    html! {
        <>
            <div class="field">
                <label for="map-delimiter">{"Delimiter"}</label>
                <select id="map-delimiter" onchange={on_delimiter} data-testid="map-delimiter">
                    <option value="auto" selected={options.delimiter.is_none()}>
                        {format!("Automatic ({})", delimiter_label(import.delimiter))}
                    </option>
                    { for Delimiter::ALL.into_iter().map(|d| html! {
                        <option value={delimiter_label(d)} selected={options.delimiter == Some(d)}>{delimiter_label(d)}</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="map-edition">{"ISO/IEC 27001 edition"}</label>
                <select id="map-edition" onchange={on_edition} data-testid="map-edition">
                    <option value="auto" selected={options.edition.is_none()}>{format!("Automatic ({detected_edition})")}</option>
                    <option value="2022" selected={options.edition == Some(Edition::Iso2022)}>{"2022"}</option>
                    <option value="2013" selected={options.edition == Some(Edition::Iso2013)}>{"2013"}</option>
                </select>
            </div>
        </>
    }
}
