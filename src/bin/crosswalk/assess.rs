//! `crosswalk assess`: arguments -> inputs (a saved state, SoA, answers, requirement and
//! objective statuses) -> the engine's evaluation -> the summary as text or JSON. One function
//! per step, so each reads straight down. `read_inputs` is shared with `crosswalk export`.

use crate::args::{AssessArgs, InputArgs, Source};
use crate::output::{to_stdout, write_json, Failure};
use cmmc_readiness::engine::{
    evaluate, import_oscal_ssp, import_soa, load_state_bytes, summary, Answer, Answers, Catalog,
    Date, DirectAnswer, ImportOptions, Input, Level1Item, ObjectiveAnswer, ObjectiveId,
    ObjectiveStatus, ProblemKind, RequirementId, ResultsMode, SavedState, SoaImport, Summary,
    SSP_ASSUMED,
};
use std::io::{self, Write};
use std::sync::Arc;

pub fn run(args: &AssessArgs) -> Result<(), Failure> {
    let catalog = Catalog::builtin();
    let input = read_inputs(&args.input, catalog)?;
    let report = evaluate_summary(catalog, &input);
    to_stdout(|out| {
        if args.json {
            write_json(out, &report)
        } else {
            write_text(out, &report)
        }
    })
}

/// Step 1: everything the engine needs, read and checked; the first bad input stops here. A
/// saved state is the base; the other flags replace its parts or, for `--requirements` and
/// `--status-map`, add to them.
pub fn read_inputs(args: &InputArgs, catalog: &Catalog) -> Result<Input, Failure> {
    let mut saved = args.state.as_ref().map(read_state).transpose()?;
    // A new SoA file keeps the saved readings of values (the user's vocabulary), not the saved
    // column choices (they named the old file's columns).
    let mut options = ImportOptions {
        readings: saved
            .as_ref()
            .map(|s| s.import_options.readings.clone())
            .unwrap_or_default(),
        ..ImportOptions::default()
    };
    if let Some(source) = &args.status_map {
        let has_soa = args.soa.is_some() || saved.as_ref().is_some_and(|s| s.soa_text.is_some());
        if !has_soa {
            return Err(Failure::Input(format!(
                "{source}: a status map needs an SoA to read (--soa, or a --state holding one)"
            )));
        }
        let text = String::from_utf8(source.read()?)
            .map_err(|_| Failure::Input(format!("{source}: the status map is not UTF-8 text")))?;
        options
            .apply_status_map(&text)
            .map_err(|e| Failure::Input(format!("{source}: {e}")))?;
        if let Some(s) = saved.as_mut() {
            s.import_options.readings.clone_from(&options.readings);
        }
    }
    let mut input = match saved {
        Some(s) => s.input(catalog, today()),
        None => Input::on(today()),
    };
    if let Some(source) = &args.soa {
        input.soa = Some(Arc::new(read_soa(source, &options, catalog)?));
    }
    if let Some(source) = &args.answers {
        input.answers = read_answers(source)?;
    }
    if let Some(source) = &args.requirements {
        read_requirement_statuses(source, catalog, &mut input)?;
    }
    if let Some(view) = args.view {
        input.view = view.into();
    }
    if let Some(date) = args.date {
        input.date = date;
    }
    Ok(input)
}

/// A saved assessment, or an OSCAL SSP this tool wrote (the app reads both the same way: the
/// SSP gives back the answers, objectives, system and date it carries, nothing else).
fn read_state(source: &Source) -> Result<SavedState, Failure> {
    let bytes = source.read()?;
    if let Some(text) = std::str::from_utf8(&bytes)
        .ok()
        .filter(|t| t.contains("\"system-security-plan\""))
    {
        let ssp = import_oscal_ssp(Catalog::builtin(), text)
            .map_err(|e| Failure::Input(format!("{source}: not an SSP this tool wrote: {e}")))?;
        let mut state = SavedState::default();
        ssp.apply_to(&mut state);
        return Ok(state);
    }
    load_state_bytes(&bytes)
        .map_err(|e| Failure::Input(format!("{source}: not a saved assessment: {e}")))
}

/// An SoA with no rows is not an SoA: the first "not an SoA" problem (or the first problem)
/// says why. Rows with problems are otherwise kept, as in the app.
fn read_soa(
    source: &Source,
    options: &ImportOptions,
    catalog: &Catalog,
) -> Result<SoaImport, Failure> {
    let import = import_soa(&source.read()?, options, catalog);
    if import.rows.is_empty() {
        let reason = import
            .problems
            .iter()
            .find(|p| p.kind == ProblemKind::NotAnSoa)
            .or(import.problems.first())
            .map_or("no SoA rows found".to_string(), |p| p.message.clone());
        return Err(Failure::Input(format!("{source} is not an SoA: {reason}")));
    }
    Ok(import)
}

fn read_answers(source: &Source) -> Result<Answers, Failure> {
    serde_json::from_slice(&source.read()?)
        .map_err(|e| Failure::Input(format!("{source}: not valid answers JSON: {e}")))
}

/// Reads `id,status[,note[,defined value]]` rows (a header row is optional) into the input: a
/// requirement's answer, or an assessment objective's finding with its note and defined value.
/// `partial` means the named partial state for 3.5.3 and 3.13.11 and work in progress (not met)
/// for every other requirement.
fn read_requirement_statuses(
    source: &Source,
    catalog: &Catalog,
    input: &mut Input,
) -> Result<(), Failure> {
    let bytes = source.read()?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes.as_slice());
    for (i, record) in reader.records().enumerate() {
        let line = i + 1;
        let at = |what: String| Failure::Input(format!("{source}: line {line}: {what}"));
        let record = record.map_err(|e| at(e.to_string()))?;
        let cell = |n: usize| record.get(n).unwrap_or_default();
        let (id, status) = (cell(0), cell(1));
        if (line == 1 && id.eq_ignore_ascii_case("id")) || (id.is_empty() && status.is_empty()) {
            continue;
        }
        if id.contains('[') {
            let objective = ObjectiveId::parse(id)
                .filter(|o| catalog.objective(o).is_some())
                .ok_or_else(|| at(format!("`{id}` is not an SP 800-171A assessment objective")))?;
            let answer = ObjectiveStatus::parse(status).ok_or_else(|| {
                at(format!(
                    "status `{status}` of objective {id} is not met, not-met or not-applicable"
                ))
            })?;
            input.objectives.insert(
                objective,
                ObjectiveAnswer {
                    answer: Some(answer),
                    note: cell(2).to_string(),
                    defined_value: cell(3).to_string(),
                },
            );
            continue;
        }
        let rid = RequirementId::from(id);
        if catalog.requirement(&rid).is_none() {
            return Err(at(format!(
                "`{id}` is not a NIST SP 800-171 r2 requirement"
            )));
        }
        let answer = Answer::parse(status).ok_or_else(|| {
            at(format!(
                "status `{status}` is not met, partial, not-met, not-applicable, enduring-exception, temporary-deficiency or variance"
            ))
        })?;
        input
            .direct
            .insert(rid, DirectAnswer::with_note(answer, cell(2)));
    }
    Ok(())
}

/// Today's date (UTC) from the system clock: the CLI's default for `--date`. The engine itself
/// never reads a clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    Date::from_days(days).unwrap_or(Date::UNIX_EPOCH)
}

/// Step 2: the engine's assessment and estimate, in the shape `--json` prints.
fn evaluate_summary(catalog: &Catalog, input: &Input) -> Summary {
    let result = evaluate(catalog, input);
    summary(
        input.soa.as_deref(),
        &input.answers,
        &result.assessment,
        &result.estimate,
    )
}

/// Step 3 (text): what applies, the SoA import, then the figures.
fn write_text(out: &mut impl Write, report: &Summary) -> io::Result<()> {
    write_applicability(out, report)?;
    write_soa(out, report)?;
    write_figures(out, report)
}

fn write_applicability(out: &mut impl Write, report: &Summary) -> io::Result<()> {
    let a = &report.applicability;
    // The date the rules were applied on, then the phase in force and the day it began (a date
    // beside the phase's name alone read as the day the phase started).
    let since = match a.phase.number {
        0 => String::new(),
        _ => format!(" (since {})", a.phase.since),
    };
    writeln!(
        out,
        "On {}: {}{since}: {} [{}]",
        report.date, a.phase.name, a.phase.text, a.phase.citation
    )?;
    writeln!(
        out,
        "Level: {} ({}){}",
        a.level.label(),
        a.assessment.map_or("no assessment", |k| k.label()),
        if a.assumed { ", assumed" } else { "" }
    )?;
    if let Some(p) = &a.planning {
        writeln!(
            out,
            "Planning level: {} ({})",
            p.level.label(),
            p.assessment.label()
        )?;
    }
    for r in &a.reasons {
        writeln!(out, "  - {} [{}]", r.text, r.citation)?;
    }
    if let Some(l) = &a.lifecycle {
        writeln!(out, "Status held: {} [{}]", l.text, l.citation)?;
    }
    for o in &a.obligations {
        writeln!(out, "Obligation: {} [{}]", o.text, o.citation)?;
    }
    for w in &report.warnings {
        writeln!(out, "Warning: {} [{}]", w.text, w.citation)?;
    }
    Ok(())
}

fn write_soa(out: &mut impl Write, report: &Summary) -> io::Result<()> {
    let Some(s) = &report.soa else {
        return Ok(());
    };
    writeln!(
        out,
        "SoA: {} rows imported (ISO/IEC 27001:{}, read as {}), {} problem(s); {} Annex A control(s) not mentioned",
        s.rows_imported,
        s.edition.map_or("?".into(), |e| e.to_string()),
        s.encoding,
        s.problems.len(),
        s.controls_missing.len()
    )?;
    for v in &s.status_values {
        writeln!(
            out,
            "  {} \"{}\" ({} row{}): read as {}{}",
            v.column,
            v.value,
            v.count,
            if v.count == 1 { "" } else { "s" },
            v.reading,
            match v.source {
                "chosen" => " (your map)",
                "unrecognised" => " (not recognised: map it with --status-map)",
                _ => "",
            }
        )?;
    }
    for p in &s.problems {
        writeln!(out, "  line {}: {}", p.line, p.message)?;
    }
    Ok(())
}

/// Coverage, the SPRS range, the Level 2 status, cost and timeline.
fn write_figures(out: &mut impl Write, report: &Summary) -> io::Result<()> {
    let c = &report.coverage;
    writeln!(
        out,
        "Coverage (met or partial): strict {:.0}%, analysed {:.0}%",
        c.strict.covered_percent(),
        c.analysed.covered_percent()
    )?;
    // Only what applies at this level: no SPRS score or Level 2 status for Level 1 (32 CFR
    // 170.21(a)(1)), nothing scored or priced when nothing applies.
    match report.results_mode {
        ResultsMode::Start => {
            writeln!(
                out,
                "Nothing to score or price yet: answer whether you handle FCI and CUI."
            )?;
            return Ok(());
        }
        ResultsMode::NoRequirement => {
            writeln!(out, "No CMMC requirement found: nothing to score or price.")?;
            return Ok(());
        }
        ResultsMode::Level1 => {
            // Confirmed answers only, as the app and the printed report count them; what the SoA
            // suggests is said apart (the re-review of 2026-12-07).
            let (confirmed, suggested) = Level1Item::met_counts(&report.level1.items);
            let suggested = match suggested {
                0 => String::new(),
                n => format!("; {n} more suggested by the SoA, not confirmed"),
            };
            writeln!(
                out,
                "Level 1: {confirmed} of 15 FAR 52.204-21 requirements confirmed met{suggested} (no score, no POA&M: all 15 must be met)"
            )?;
            if !report.level1.unmet_with_iso_evidence.is_empty() {
                let open = report.level1.unmet_with_iso_evidence.join(", ");
                writeln!(out, "  open: {open}")?;
            }
        }
        ResultsMode::Level2 | ResultsMode::Level3 => {
            let score = |v: Option<i32>| v.map_or("no score".to_string(), |v| v.to_string());
            writeln!(
                out,
                "SPRS score: {} to {} (of 110)",
                score(report.sprs.low),
                score(report.sprs.high)
            )?;
            if report.sprs.assumes_ssp() {
                writeln!(out, "  {SSP_ASSUMED}")?;
            }
            // The status counts what was confirmed; counting the ISO suggestions is a forecast,
            // said as one when it differs.
            writeln!(out, "Level 2: {}", report.level2.text)?;
            let forecast = &report.level2.with_iso_evidence;
            if forecast.status == report.level2.status {
                writeln!(out, "  {}", report.level2.summary)?;
            } else {
                writeln!(out, "  confirmed: {}", report.level2.summary)?;
                writeln!(
                    out,
                    "  if every ISO suggestion is confirmed: {}",
                    forecast.summary
                )?;
            }
            // The gaps that stay whatever is confirmed: the ones to work on first.
            if !forecast.blocking.is_empty() {
                writeln!(
                    out,
                    "  blocking even with every ISO suggestion confirmed: {}",
                    forecast.blocking.join(", ")
                )?;
            }
            if let Some(l3) = &report.level3 {
                writeln!(
                    out,
                    "Level 3: {} ({} of {} met)",
                    l3.status.label(),
                    l3.met,
                    l3.total
                )?;
            }
        }
    }
    let cost = &report.cost;
    writeln!(
        out,
        "Cost, first three years: ${:.0} to ${:.0} (one-off ${:.0} to ${:.0}, yearly ${:.0} to ${:.0}, plus assessments); timeline {:.1} to {:.1} months",
        cost.total_usd.low,
        cost.total_usd.high,
        cost.one_time_usd.low,
        cost.one_time_usd.high,
        cost.annual_usd.low,
        cost.annual_usd.high,
        report.timeline_months.low,
        report.timeline_months.high
    )?;
    // Each assessment fee with what it covers, so an assumed company size is said here as in
    // the JSON (the assessor's review, 2026-12-07).
    for f in &cost.assessments {
        let usd = f
            .usd
            .map_or("not published in our sources".to_string(), |u| {
                format!("${u} {}", f.period)
            });
        writeln!(out, "  - assessment: {usd}: {}", f.note)?;
    }
    for n in &cost.notes {
        writeln!(out, "  - {n}")?;
    }
    Ok(())
}
