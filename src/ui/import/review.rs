//! What the importer found, for the user to check before trusting a number: the detected shape
//! (edition, encoding, the status column or its absence, the controls the file does not
//! mention), the review of every status and applicability value (`status-map`), the column
//! mapping with sample values, and every line not imported (skipped headings and problems).

use crate::engine::{
    Catalog, ControlStatus, Delimiter, Edition, ImportOptions, Problem, ProblemKind, Role,
    SoaImport, TextEncoding, ValueReading,
};
use crate::ui::browser::download;
use crate::ui::format::{control_status_label, grouped};
use crate::ui::hooks::Dispatch;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// How many import problems are listed before "Show all".
const PROBLEMS_SHOWN: usize = 200;

fn encoding_label(e: TextEncoding) -> &'static str {
    match e {
        TextEncoding::Utf8 => "UTF-8",
        TextEncoding::Utf8Bom => "UTF-8 with BOM",
        TextEncoding::Utf16Le => "UTF-16 LE",
        TextEncoding::Utf16Be => "UTF-16 BE",
        TextEncoding::Windows1252 => "Windows-1252",
    }
}

fn delimiter_label(d: Delimiter) -> &'static str {
    match d {
        Delimiter::Comma => "comma",
        Delimiter::Semicolon => "semicolon",
        Delimiter::Tab => "tab",
    }
}

/// How a reading is offered for a value of `column`: for applicability, "unknown" means the row
/// is in scope and the status column (or nothing) decides.
fn reading_label(column: Role, reading: ControlStatus) -> &'static str {
    match (column, reading) {
        (Role::Applicable, ControlStatus::Unknown) => {
            "in scope: status decides (unknown without one)"
        }
        (_, ControlStatus::Unknown) => "unknown: not counted",
        (_, ControlStatus::Implemented) => "implemented",
        (_, ControlStatus::Partial) => "in progress",
        (_, ControlStatus::Planned) => "planned",
        (_, ControlStatus::NotImplemented) => "not implemented",
        (_, ControlStatus::Excluded) => "excluded (not applicable)",
    }
}

/// The report of one import: detected shape, the value review, the mapping, rows and problems.
#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    /// The verbs (not the state: the review is drawn again only when what it shows changes).
    pub dispatch: Dispatch,
    /// The import.
    pub import: std::sync::Arc<SoaImport>,
    /// The file's name.
    pub name: Option<String>,
    /// The encoding it was decoded from, when the app decoded it (not UTF-8).
    pub encoding: Option<TextEncoding>,
    /// How it was read (column overrides, readings, delimiter, edition).
    pub options: ImportOptions,
}

#[function_component(ImportReview)]
pub fn import_review(p: &ReviewProps) -> Html {
    let (app, import) = (&p.dispatch, p.import.as_ref());
    let encoding = p.encoding.unwrap_or(import.encoding);
    let status_column = import.column_for(Role::Status);
    let iso_total = import
        .edition
        .map_or(0, |e| Catalog::builtin().iso_controls_of(e).count());
    html! {
        <div class="soa-result" data-testid="soa-result">
            <h3 class="card-title">{"What we found in "}<span class="filename">{p.name.clone().unwrap_or_default()}</span></h3>
            <dl class="detected" data-testid="soa-detected">
                <div><dt>{"Edition"}</dt><dd data-testid="soa-edition">{import.edition.map_or("not recognised".to_string(), |e| format!("ISO/IEC 27001:{}", e.year()))}</dd></div>
                <div><dt>{"Encoding"}</dt><dd data-testid="soa-encoding">{encoding_label(encoding)}</dd></div>
                <div><dt>{"Delimiter"}</dt><dd data-testid="soa-delimiter">{delimiter_label(import.delimiter)}</dd></div>
                <div><dt>{"Header line"}</dt><dd data-testid="soa-header-line">{import.header_line.map_or("none".to_string(), |l| l.to_string())}</dd></div>
                <div><dt>{"Rows imported"}</dt><dd data-testid="soa-rows">{import.rows_imported}</dd></div>
                <div class={classes!(status_column.is_none().then_some("warn"))}>
                    <dt>{"Status column"}</dt>
                    <dd data-testid="soa-status-column">
                        { status_column.map_or_else(
                            || "none found".to_string(),
                            |j| column_name(import, j),
                        ) }
                    </dd>
                </div>
                <div class={classes!((!import.controls_missing.is_empty()).then_some("warn"))}>
                    <dt>{"Not in the file"}</dt>
                    <dd data-testid="soa-controls-missing">{format!("{} of {iso_total} controls", import.controls_missing.len())}</dd>
                </div>
                <div><dt>{"Problems"}</dt><dd data-testid="soa-problem-count">{import.problems.len()}</dd></div>
            </dl>
            { flags(import, encoding, iso_total) }
            <StatusMap app={app.clone()} import={p.import.clone()} options={p.options.clone()} />
            { column_mapping(app, &p.options, import) }
            { rows_preview(import) }
            { missing_and_skipped(import) }
            <ProblemList import={p.import.clone()} />
        </div>
    }
}

/// "Column 4: Status/Comments".
fn column_name(import: &SoaImport, j: usize) -> String {
    let header = import
        .columns
        .get(j)
        .map(|c| c.header.as_str())
        .filter(|h| !h.is_empty());
    match header {
        Some(h) => format!("column {}: {h}", j + 1),
        None => format!("column {}", j + 1),
    }
}

/// The things that change what the numbers mean, said in words before any table.
fn flags(import: &SoaImport, encoding: TextEncoding, iso_total: usize) -> Html {
    let no_status = import.column_for(Role::Status).is_none();
    let unknown = import
        .rows
        .iter()
        .filter(|r| r.status == ControlStatus::Unknown)
        .count();
    let unrecognised = import
        .status_values
        .iter()
        .filter(|v| !v.recognised && !v.chosen)
        .count();
    html! {
        <ul class="warnings import-flags" data-testid="soa-flags">
            if no_status {
                <li data-testid="soa-no-status-column">
                    <strong>{"No status column found. "}</strong>
                    {"The file lists controls but does not say whether they are implemented, so none counts as implemented. If a column holds the status, choose it under Column mapping; otherwise add one (the template has it)."}
                </li>
            }
            if unrecognised > 0 {
                <li data-testid="soa-unrecognised-values">
                    {format!("{} in the file {}. Their rows are kept as unknown until you choose how to read them below.", crate::engine::counted(unrecognised, "value", "values"), if unrecognised == 1 { "is not a word we know" } else { "are not words we know" })}
                </li>
            }
            if unknown > 0 {
                <li data-testid="soa-unknown-rows">
                    {format!("{unknown} of {} rows do not say whether the control is implemented: they count as unknown, never as met.", import.rows.len())}
                </li>
            }
            if !import.controls_missing.is_empty() {
                <li data-testid="soa-missing-note">
                    {format!(
                        "{} of the {iso_total} Annex A controls are not in the file: a partial SoA gives no evidence for them (listed below).",
                        import.controls_missing.len()
                    )}
                </li>
            }
            if encoding == TextEncoding::Windows1252 {
                <li data-testid="soa-encoding-note">
                    {"The file is not UTF-8; it was read as Windows-1252, what Excel's \"CSV (Comma delimited)\" writes on Windows. Check that accented letters and dashes read right in the rows below; if not, save it as \"CSV UTF-8\" and import it again."}
                </li>
            }
        </ul>
    }
}

/// The review step: every distinct value of the status and applicability columns, how many rows
/// hold it, and how it is read, with a choice to change it (the same map `--status-map` takes).
#[derive(Properties, PartialEq)]
struct StatusMapProps {
    app: Dispatch,
    import: std::sync::Arc<SoaImport>,
    options: ImportOptions,
}

#[function_component(StatusMap)]
fn status_map(p: &StatusMapProps) -> Html {
    let (app, import) = (&p.app, p.import.as_ref());
    if import.status_values.is_empty() {
        return Html::default();
    }
    let on_download = {
        let options: ImportOptions = p.options.clone();
        Callback::from(move |_: MouseEvent| {
            download(
                "status-map.csv",
                "text/csv;charset=utf-8",
                &options.status_map_csv(),
            );
        })
    };
    let chosen = p.options.readings.len();
    html! {
        <section class="status-map" data-testid="status-map" aria-labelledby="status-map-h">
            <h4 id="status-map-h">{"How each value is read"}</h4>
            <p class="note">
                {"Nothing counts as implemented unless the file says so. \"Included\" or \"applicable\" says a control is in scope, not that it is done. Check each value and change any that is read wrongly; your choices apply to every row with that value."}
            </p>
            <div class="table-wrap">
                <table class="status-map-table">
                    <thead><tr>
                        <th scope="col">{"Column"}</th>
                        <th scope="col">{"Value in the file"}</th>
                        <th scope="col" class="num">{"Rows"}</th>
                        <th scope="col">{"Read as"}</th>
                    </tr></thead>
                    <tbody>
                        { for import.status_values.iter().enumerate().map(|(i, v)| value_row(app, i, v)) }
                    </tbody>
                </table>
            </div>
            if chosen > 0 {
                <div class="button-row">
                    <button type="button" class="btn btn-small" onclick={on_download}
                        data-testid="download-status-map">
                        {format!("Download my readings ({chosen}) as CSV")}
                    </button>
                    <span class="muted small">{"The same file works with crosswalk assess --status-map."}</span>
                </div>
            }
        </section>
    }
}

fn value_row(app: &Dispatch, i: usize, v: &ValueReading) -> Html {
    let column = v.column;
    let value = v.value.clone();
    let onchange = {
        let app = app.clone();
        let value = value.clone();
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            app.set_reading(column, value.clone(), ControlStatus::from_code(&code));
        })
    };
    let id = format!("reading-{i}");
    let column_label = match column {
        Role::Applicable => "applicability",
        _ => "status",
    };
    html! {
        <tr data-testid="status-value" data-value={value.clone()} data-reading={v.reading.code()}
            class={classes!((!v.recognised && !v.chosen).then_some("needs-choice"))}>
            <td>{column_label}</td>
            <td class="cell-text">
                <label for={id.clone()}>{&v.value}</label>
                if !v.recognised && !v.chosen {
                    <span class="tag warn">{"not recognised"}</span>
                }
                if v.chosen {
                    <span class="tag">{"your choice"}</span>
                }
            </td>
            <td class="num">{v.count}</td>
            <td>
                <select id={id.clone()} {onchange} data-testid={id}>
                    if v.chosen {
                        <option value="auto">{"undo my choice"}</option>
                    }
                    { for ControlStatus::ALL.iter().map(|s| html! {
                        <option value={s.code()} selected={*s == v.reading}>{reading_label(column, *s)}</option>
                    }) }
                </select>
            </td>
        </tr>
    }
}

/// The column mapping, each column offered with a few of its values, then delimiter and edition.
fn column_mapping(app: &Dispatch, options: &ImportOptions, import: &SoaImport) -> Html {
    html! {
        <details class="mapping" data-testid="column-mapping">
            <summary>{"Column mapping"}<span class="muted small">{" (fix it if a column was read wrongly)"}</span></summary>
            <div class="mapping-grid">
                { for Role::ALL.iter().map(|role| role_field(app, options, import, *role)) }
                { read_as_fields(app, options, import) }
            </div>
        </details>
    }
}

fn role_field(app: &Dispatch, options: &ImportOptions, import: &SoaImport, role: Role) -> Html {
    let overridden = options.columns.get(role);
    let detected = import.column_for(role);
    let onchange = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            app.set_column(role, v.parse::<usize>().ok());
        })
    };
    let auto = match (overridden, detected) {
        (None, Some(i)) => format!("Automatic (column {})", i + 1),
        (None, None) => "Automatic (none found)".to_string(),
        _ => "Automatic".to_string(),
    };
    let id = format!("map-{}", role.label().replace(' ', "-"));
    let used = overridden.or(detected);
    let samples = used
        .and_then(|j| import.columns.get(j))
        .map(|c| c.samples.join(" · "))
        .unwrap_or_default();
    html! {
        <div class="field">
            <label for={id.clone()}>{role.label()}</label>
            <select id={id.clone()} {onchange} data-testid={id.clone()}>
                <option value="auto" selected={overridden.is_none()}>{auto}</option>
                { for import.columns.iter().map(|c| html! {
                    <option value={c.index.to_string()} selected={overridden == Some(c.index)}>
                        {format!(
                            "Column {}: {}{}",
                            c.index + 1,
                            if c.header.is_empty() { "(no header)" } else { c.header.as_str() },
                            if c.samples.is_empty() { String::new() } else { format!(" (e.g. {})", c.samples.join(", ")) }
                        )}
                    </option>
                }) }
            </select>
            <p class="samples-line muted small" data-testid={format!("{id}-samples")}>
                { if used.is_none() {
                    "No column used.".to_string()
                } else if samples.is_empty() {
                    "The column is empty.".to_string()
                } else {
                    format!("Holds: {samples}")
                } }
            </p>
        </div>
    }
}

/// The delimiter and edition selectors: when sniffing or detection guessed wrong, the user says.
fn read_as_fields(app: &Dispatch, options: &ImportOptions, import: &SoaImport) -> Html {
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

fn rows_preview(import: &SoaImport) -> Html {
    html! {
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
    }
}

/// The controls the file does not mention, and the lines read but not imported as rows.
fn missing_and_skipped(import: &SoaImport) -> Html {
    let catalog = Catalog::builtin();
    html! {
        <>
            if !import.controls_missing.is_empty() {
                <details class="mapping" data-testid="soa-missing-list">
                    <summary>{format!("Annex A controls not in the file ({})", import.controls_missing.len())}</summary>
                    <ul class="compact-list">
                        { for import.controls_missing.iter().map(|c| html! {
                            <li>
                                <span class="mono">{c.as_str()}</span>{" "}
                                {catalog.iso_control(c).map(|x| x.title.clone()).unwrap_or_default()}
                            </li>
                        }) }
                    </ul>
                </details>
            }
            if !import.skipped.is_empty() {
                <details class="mapping" data-testid="soa-skipped">
                    <summary>{format!("Lines not imported as controls ({})", import.skipped.len())}</summary>
                    <ul class="problems skipped">
                        { for import.skipped.iter().map(|s| html! {
                            <li data-line={s.line.to_string()}>
                                <span class="line-no">{format!("Line {}", s.line)}</span>
                                <span>{format!("{}: {}", if s.why == "header" { "a repeated header row" } else { "a heading or note without an answer" }, s.text)}</span>
                            </li>
                        }) }
                    </ul>
                </details>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ProblemListProps {
    import: std::sync::Arc<SoaImport>,
}

/// From how many problems the list starts with a count of each kind, so that thousands of
/// repeated rows read as one finding, not as a failed import.
const KINDS_FROM: usize = 5;

/// The problems' kinds with their counts, in the order first met.
fn problem_kinds(problems: &[Problem]) -> Vec<(ProblemKind, usize)> {
    let mut out: Vec<(ProblemKind, usize)> = Vec::new();
    for p in problems {
        match out.iter_mut().find(|(k, _)| *k == p.kind) {
            Some((_, n)) => *n += 1,
            None => out.push((p.kind, 1)),
        }
    }
    out
}

/// One kind of problem, counted, and what the import did with those lines.
fn kind_summary(kind: ProblemKind, n: usize) -> String {
    let lines = format!(
        "{} {}",
        grouped(n as u64),
        if n == 1 { "line" } else { "lines" }
    );
    let words = format!(
        "{} {}",
        grouped(n as u64),
        if n == 1 { "word" } else { "words" }
    );
    match kind {
        ProblemKind::NotAnSoa => "The file is not an SoA.".to_string(),
        ProblemKind::Encoding => format!("{lines} with text that could not be read as written."),
        ProblemKind::TooLarge => "A size limit was reached: the rest of the file was not read.".to_string(),
        ProblemKind::BadId => format!("{lines} whose id is not an Annex A control id: not imported."),
        ProblemKind::MissingId => format!("{lines} with an answer but no control id: not imported."),
        ProblemKind::UnknownControl => format!("{lines} naming a control not in the edition: not imported."),
        ProblemKind::WrongEdition => format!("{lines} naming a control of the other edition: not imported."),
        ProblemKind::DuplicateControl => format!("{lines} listing a control again: one reading is kept for each control (the weaker where two rows differ), these lines are named below."),
        ProblemKind::UnknownStatus => format!("{words} of status the importer does not know: those rows are kept as unknown, never counted as implemented."),
        ProblemKind::UnknownApplicability => format!("{words} of applicability the importer does not know: those rows are kept as unknown."),
        ProblemKind::MissingStatus => format!("{lines} with no status or applicability: counted as unknown."),
        ProblemKind::Contradiction => format!("{lines} whose applicability and status disagree: read as excluded (neither for nor against); check them."),
    }
}

/// Every problem with its line; a file with thousands of bad rows would take seconds to draw
/// in full, so the first [`PROBLEMS_SHOWN`] are listed and the rest are one click away.
#[function_component(ProblemList)]
fn problem_list(p: &ProblemListProps) -> Html {
    let import = p.import.as_ref();
    let all = use_state(|| false);
    let shown = if *all { usize::MAX } else { PROBLEMS_SHOWN };
    let show_all = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(true))
    };
    html! {
        <>
            <h4>{"Problems"}</h4>
            if import.problems.is_empty() {
                <p class="ok-text" data-testid="soa-no-problems">
                    { if import.skipped.is_empty() {
                        "No problems: every line with text was imported.".to_string()
                    } else {
                        format!("No problems: every line with text was imported, or is a heading listed above ({}).", import.skipped.len())
                    } }
                </p>
            }
            if import.problems.len() >= KINDS_FROM {
                <ul class="problem-kinds" data-testid="soa-problem-kinds">
                    { for problem_kinds(&import.problems).into_iter().map(|(kind, n)| html! {
                        <li>{kind_summary(kind, n)}</li>
                    }) }
                </ul>
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
                    {format!("{} not listed. ", crate::engine::counted(import.problems.len() - shown, "more problem", "more problems"))}
                    <button type="button" class="btn btn-small" onclick={show_all}>
                        {format!("Show all {}", import.problems.len())}
                    </button>
                </p>
            }
        </>
    }
}
