//! `crosswalk`: the command-line front end to the same engine the web app runs.
//!
//! One function per subcommand; `main` only splits off the first argument and dispatches, so a
//! new subcommand is one `match` arm and one function. Bad usage prints a one-line message and
//! exits with status 2, as most Unix tools do.

use cmmc_readiness::engine::{Catalog, Edition, PoamEligibility, Provenance, RequirementKind};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: crosswalk catalog [--json]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("catalog") => catalog(&args[1..]),
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
        "Crosswalk: {} Appendix D edges (2013), {} derived 2022 edges, {} analysis edges",
        edges(Provenance::NistAppendixD),
        edges(Provenance::AppendixDViaAnnexB),
        edges(Provenance::Analysis)
    )?;
    writeln!(
        out,
        "ISO limits: {} obligations an ISO certificate does not evidence",
        c.iso_limits.len()
    )
}
