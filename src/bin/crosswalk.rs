//! `crosswalk`: the command-line front end to the same engine the web app runs.
//!
//! One function per subcommand; `main` only splits off the first argument and dispatches, so a
//! new subcommand is one `match` arm and one function. Bad usage prints a one-line message and
//! exits with status 2, as most Unix tools do.

use cmmc_readiness::engine::{
    decode_text, evaluate, import_soa, scan_solicitation, summary, Answer, Answers, Catalog, Date,
    DirectAnswer, Edition, ImportOptions, Input, PoamEligibility, ProblemKind, Provenance,
    RequirementId, RequirementKind, ScanLevel, View,
};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: crosswalk catalog [--json] | crosswalk assess [--soa FILE|-] [--answers ANSWERS.json] [--requirements STATUS.csv] [--view strict|analysed] [--date YYYY-MM-DD] [--json] | crosswalk scan --text FILE|- [--json]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("catalog") => catalog(&args[1..]),
        Some("assess") => assess_cmd(&args[1..]),
        Some("scan") => scan_cmd(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(Failure::Usage(format!("unknown subcommand `{other}`"))),
        None => Err(Failure::Usage("missing subcommand".into())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("crosswalk: {message} ({USAGE})");
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            eprintln!("crosswalk: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("crosswalk: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Why a subcommand stopped.
enum Failure {
    /// The arguments were wrong: exit status 2.
    Usage(String),
    /// An input file is unreadable or is not what it should be: exit status 2.
    Input(String),
    /// Writing the output failed.
    Io(std::io::Error),
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Io(e)
    }
}

/// Flags shared by subcommands that can print JSON.
struct OutputFlags {
    json: bool,
}

fn parse_output_flags(args: &[String]) -> Result<OutputFlags, Failure> {
    let mut flags = OutputFlags { json: false };
    for arg in args {
        match arg.as_str() {
            "--json" => flags.json = true,
            other => return Err(Failure::Usage(format!("unexpected argument `{other}`"))),
        }
    }
    Ok(flags)
}

/// `crosswalk catalog [--json]`: the compiled catalog, in full as JSON or as a count summary.
fn catalog(args: &[String]) -> Result<(), Failure> {
    let flags = parse_output_flags(args)?;
    let catalog = Catalog::builtin();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if flags.json {
        serde_json::to_writer_pretty(&mut out, catalog).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        write_summary(&mut out, catalog)?;
    }
    out.flush()?;
    Ok(())
}

fn write_summary(out: &mut impl Write, c: &Catalog) -> std::io::Result<()> {
    let count = |f: &dyn Fn(&&cmmc_readiness::engine::Requirement) -> bool| {
        c.requirements.iter().filter(f).count()
    };
    let basic = count(&|r| r.kind == RequirementKind::Basic);
    let points = |p| count(&|r| r.points == Some(p));
    let poam = count(&|r| r.poam != PoamEligibility::Never);
    let edges = |p: Provenance| c.crosswalk.iter().filter(|e| e.provenance == p).count();
    writeln!(
        out,
        "NIST SP 800-171 r2: {} requirements ({basic} basic, {} derived)",
        c.requirements.len(),
        c.requirements.len() - basic
    )?;
    writeln!(
        out,
        "CMMC Level 2 scoring: {} x 5, {} x 3, {} x 1; score range {} to {}; {poam} POA&M-eligible",
        points(5),
        points(3),
        points(1),
        c.max_score(),
        c.min_score()
    )?;
    writeln!(
        out,
        "CMMC Level 1: {} requirements; Level 3: {} requirements",
        c.level1.len(),
        c.level3.len()
    )?;
    writeln!(
        out,
        "ISO/IEC 27001 Annex A: {} controls (2022), {} controls (2013)",
        c.iso_controls_of(Edition::Iso2022).count(),
        c.iso_controls_of(Edition::Iso2013).count()
    )?;
    writeln!(
        out,
        "Crosswalk: {} Appendix D edges (2013), {} derived 2022 edges, {} NIST OLIR 2022 edges, {} analysis edges; {} edges rest on a NIST erratum",
        edges(Provenance::NistAppendixD),
        edges(Provenance::AppendixDViaAnnexB),
        edges(Provenance::NistOlir),
        edges(Provenance::Analysis),
        c.crosswalk.iter().filter(|e| e.erratum.is_some()).count()
    )?;
    writeln!(
        out,
        "ISO limits: {} obligations an ISO certificate does not evidence",
        c.iso_limits.len()
    )
}

/// `crosswalk assess`: imports an SoA, reads answers, and prints the assessment.
// Its hand-written argument loop makes it long; the move to clap, under way on another branch,
// splits it.
#[allow(clippy::too_many_lines)]
fn assess_cmd(args: &[String]) -> Result<(), Failure> {
    let mut soa_path = None;
    let mut answers_path = None;
    let mut requirements_path = None;
    let mut view = View::Strict;
    let mut json = false;
    let mut date = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| Failure::Usage(format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--soa" => soa_path = Some(value("--soa")?),
            "--answers" => answers_path = Some(value("--answers")?),
            "--requirements" => requirements_path = Some(value("--requirements")?),
            "--view" => {
                view = match value("--view")?.as_str() {
                    "strict" => View::Strict,
                    "analysed" | "analyzed" => View::Analysed,
                    other => return Err(Failure::Usage(format!("unknown view `{other}`"))),
                }
            }
            "--date" => {
                let text = value("--date")?;
                date = Some(Date::parse(&text).ok_or_else(|| {
                    Failure::Usage(format!("`{text}` is not a date in the form YYYY-MM-DD"))
                })?);
            }
            "--json" => json = true,
            other => return Err(Failure::Usage(format!("unexpected argument `{other}`"))),
        }
    }

    let catalog = Catalog::builtin();
    let soa = match &soa_path {
        Some(path) => {
            let bytes = read_input(path)?;
            let import = import_soa(&bytes, &ImportOptions::default(), catalog);
            if import.rows.is_empty() {
                let reason = import
                    .problems
                    .iter()
                    .find(|p| p.kind == ProblemKind::NotAnSoa)
                    .or(import.problems.first())
                    .map_or("no SoA rows found".to_string(), |p| p.message.clone());
                return Err(Failure::Input(format!("{path} is not an SoA: {reason}")));
            }
            Some(import)
        }
        None => None,
    };
    let answers: Answers = match &answers_path {
        Some(path) => {
            let bytes = read_input(path)?;
            serde_json::from_slice(&bytes)
                .map_err(|e| Failure::Input(format!("{path}: not valid answers JSON: {e}")))?
        }
        None => Answers::default(),
    };
    let direct = match &requirements_path {
        Some(path) => read_requirement_statuses(path, catalog)?,
        None => BTreeMap::new(),
    };
    let input = Input {
        answers,
        soa: soa.map(std::sync::Arc::new),
        direct,
        view,
        ..Input::on(date.unwrap_or_else(today))
    };
    let result = evaluate(catalog, &input);
    let report = summary(
        input.soa.as_deref(),
        &input.answers,
        &result.assessment,
        &result.estimate,
    );

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &report).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        let a = &report.applicability;
        writeln!(out, "{} ({}): {}", a.phase.name, report.date, a.phase.text)?;
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
        for o in &a.obligations {
            writeln!(out, "Obligation: {} [{}]", o.text, o.citation)?;
        }
        for w in &report.warnings {
            writeln!(out, "Warning: {} [{}]", w.text, w.citation)?;
        }
        if let Some(s) = &report.soa {
            writeln!(
                out,
                "SoA: {} rows imported (ISO/IEC 27001:{}), {} problem(s)",
                s.rows_imported,
                s.edition.map_or("?".into(), |e| e.to_string()),
                s.problems.len()
            )?;
            for p in &s.problems {
                writeln!(out, "  line {}: {}", p.line, p.message)?;
            }
        }
        let c = &report.coverage;
        writeln!(
            out,
            "Coverage (met or partial): strict {:.0}%, analysed {:.0}%",
            c.strict.covered_percent(),
            c.analysed.covered_percent()
        )?;
        let fmt = |v: Option<i32>| v.map_or("no score".to_string(), |v| v.to_string());
        writeln!(
            out,
            "SPRS score: {} to {} (of 110)",
            fmt(report.sprs.low),
            fmt(report.sprs.high)
        )?;
        writeln!(out, "Level 2: {}", report.level2.summary)?;
        if !report.level2.blocking.is_empty() {
            writeln!(out, "  blocking: {}", report.level2.blocking.join(", "))?;
        }
        writeln!(
            out,
            "Cost, first three years: ${:.0} to ${:.0} (one-off ${:.0} to ${:.0}, yearly ${:.0} to ${:.0}, plus assessments); timeline {:.1} to {:.1} months",
            report.cost.total_usd.low,
            report.cost.total_usd.high,
            report.cost.one_time_usd.low,
            report.cost.one_time_usd.high,
            report.cost.annual_usd.low,
            report.cost.annual_usd.high,
            report.timeline_months.low,
            report.timeline_months.high
        )?;
        for n in &report.cost.notes {
            writeln!(out, "  - {n}")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// `crosswalk scan --text FILE|- [--json]`: reads a solicitation's text for the clauses, the CMMC
/// level its fill-ins name and CUI indicators, on this machine only.
fn scan_cmd(args: &[String]) -> Result<(), Failure> {
    let mut text_path = None;
    let mut json = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--text" => {
                text_path = Some(
                    it.next()
                        .cloned()
                        .ok_or_else(|| Failure::Usage("--text needs a value".into()))?,
                )
            }
            "--json" => json = true,
            other => return Err(Failure::Usage(format!("unexpected argument `{other}`"))),
        }
    }
    let path =
        text_path.ok_or_else(|| Failure::Usage("scan needs --text FILE or --text -".into()))?;
    // The same decoding as the SoA import: UTF-8 or UTF-16, with or without a byte order mark.
    let (text, _, _) = decode_text(&read_input(&path)?);
    let result = scan_solicitation(&text);

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &result).map_err(std::io::Error::from)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(());
    }
    let level = match result.solicitation {
        ScanLevel::Named(s) => s.in_sentence().to_string(),
        ScanLevel::Unknown => {
            "unknown (a CMMC clause is present, but no single level is filled in)".into()
        }
        ScanLevel::NotFound => {
            "not found (neither DFARS 252.204-7025 nor 252.204-7021 is in the text)".into()
        }
    };
    writeln!(out, "Level named: {level}")?;
    for f in &result.fill_ins {
        writeln!(
            out,
            "  line {}: {} fill-in reads {}: {}",
            f.line,
            f.paragraph,
            f.reading.as_str(),
            f.value
        )?;
    }
    if let Some(level) = result.flow_down_level {
        writeln!(out, "Flow-down to subcontractors: {}", level.in_sentence())?;
    }
    writeln!(out, "Clauses ({}):", result.clauses.len())?;
    for c in &result.clauses {
        writeln!(
            out,
            "  line {}: {} {} ({}x) [{}]",
            c.line,
            match c.kind {
                cmmc_readiness::engine::ClauseKind::Far => "FAR",
                cmmc_readiness::engine::ClauseKind::Dfars => "DFARS",
            },
            c.number,
            c.occurrences,
            c.title
        )?;
    }
    writeln!(out, "CUI indicators ({}):", result.cui_indicators.len())?;
    for i in &result.cui_indicators {
        let kind = serde_json::to_value(i.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        writeln!(out, "  line {}: {kind}: {}", i.line, i.quote)?;
    }
    writeln!(
        out,
        "Handles FCI: {}",
        if result.fci_indicated {
            "suggested yes (confirm it)"
        } else {
            "no suggestion"
        }
    )?;
    writeln!(out, "Notes:")?;
    for n in &result.notes {
        writeln!(out, "  - {} [{}]", n.text, n.citation)?;
    }
    out.flush()?;
    Ok(())
}

/// Reads a file, or standard input for `-`.
fn read_input(path: &str) -> Result<Vec<u8>, Failure> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::Input(format!("standard input: {e}")))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| Failure::Input(format!("{path}: {e}")))
    }
}

/// Today's date (UTC) from the system clock: the CLI's default for `--date`. The engine itself
/// never reads a clock.
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    Date::from_days(days).unwrap_or(Date::UNIX_EPOCH)
}

/// Reads `id,status[,note]` rows (a header row is optional). `partial` means the named partial
/// state for 3.5.3 and 3.13.11 and work in progress (not met) for every other requirement.
fn read_requirement_statuses(
    path: &str,
    catalog: &Catalog,
) -> Result<BTreeMap<RequirementId, DirectAnswer>, Failure> {
    let bytes = read_input(path)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes.as_slice());
    let mut out = BTreeMap::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 1;
        let record = record.map_err(|e| Failure::Input(format!("{path}: line {line}: {e}")))?;
        let id = record.get(0).unwrap_or_default();
        let status = record.get(1).unwrap_or_default();
        if line == 1 && id.eq_ignore_ascii_case("id") {
            continue;
        }
        if id.is_empty() && status.is_empty() {
            continue;
        }
        let rid = RequirementId::from(id);
        if catalog.requirement(&rid).is_none() {
            return Err(Failure::Input(format!(
                "{path}: line {line}: `{id}` is not a NIST SP 800-171 r2 requirement"
            )));
        }
        let answer = Answer::parse(status).ok_or_else(|| {
            Failure::Input(format!(
                "{path}: line {line}: status `{status}` is not met, partial, not-met, not-applicable, enduring-exception, temporary-deficiency or variance"
            ))
        })?;
        let note = record.get(2).unwrap_or_default().to_string();
        out.insert(rid, DirectAnswer::with_note(answer, note));
    }
    Ok(out)
}
