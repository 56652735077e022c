//! The command line as data: clap's derive structs for `crosswalk` and its subcommands (the
//! inputs `assess` and `export` share are one struct, `InputArgs`, flattened into both), the
//! value parsers that check `--view` and `--date`, and the one-line rendering of a usage error.

use crate::output::Failure;
use clap::{Args, CommandFactory as _, Parser, Subcommand, ValueEnum};
use cmmc_readiness::engine::{Date, View};
use std::ffi::OsString;
use std::fmt;
use std::io::Read as _;
use std::path::PathBuf;
use std::process::ExitCode;

const EXIT_STATUS: &str = "\
Exit status: 0 when done (also when the reader of the output stops early), 1 when the output
cannot be written, 2 on bad usage or an input that cannot be read or is not what it should be
(one line on standard error says why).";

/// The CMMC readiness engine on the command line: the same crosswalk, scoring and solicitation
/// scanner as the web app, on this machine only.
///
/// Everything is read from the files you name (or standard input) and printed to standard
/// output; nothing is sent anywhere. It is a screening tool, not a C3PAO assessment.
#[derive(Debug, Parser)]
#[command(name = "crosswalk", version, after_help = EXIT_STATUS)]
// A missing subcommand is a one-line usage error (exit 2), not the help text.
#[command(arg_required_else_help = false)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    Catalog(CatalogArgs),
    Assess(AssessArgs),
    Export(ExportArgs),
    Scan(ScanArgs),
}

/// Print the compiled catalog: a count summary, or in full as JSON.
///
/// The catalog is compiled in from the CSV tables under data/, each row citing its public
/// source; `--json` prints it whole so anyone can diff it against the published documents.
#[derive(Debug, Args)]
#[command(override_usage = "crosswalk catalog [--json]", after_help = EXIT_STATUS)]
pub struct CatalogArgs {
    /// Print the whole catalog as JSON instead of the count summary.
    #[arg(long)]
    pub json: bool,
}

/// Assess readiness from an SoA, questionnaire answers and requirement statuses.
///
/// Prints what applies (level, assessment type, rollout phase, obligations), coverage, the SPRS
/// score range, the Level 2 status and a cost and timeline estimate; `--json` prints the full
/// summary, every requirement included. Every input is optional: with none, nothing is
/// answered yet.
#[derive(Debug, Args)]
#[command(
    override_usage = "crosswalk assess [--state FILE|-] [--soa FILE|-] [--status-map FILE] [--answers FILE|-] [--requirements FILE|-] [--view strict|analysed] [--date YYYY-MM-DD] [--json]",
    after_help = EXIT_STATUS
)]
pub struct AssessArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Print the full summary as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// What the user entered, from files: the inputs `assess` and `export` share.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// A saved assessment: the web app's "Download my work" JSON (`-`: standard input), or an
    /// OSCAL SSP this tool wrote (its answers, objectives, system and date; nothing else).
    ///
    /// It holds everything the app holds (answers, SoA, requirement and objective answers,
    /// defined values, the system, the POA&M plans, Level 3 answers, the view, the date); the
    /// other flags replace its parts (`--soa`, `--answers`, `--view`, `--date`) or add to them
    /// (`--requirements`).
    #[arg(long, value_name = "FILE|-")]
    pub state: Option<Source>,

    /// An ISO/IEC 27001 Statement of Applicability as CSV (`-`: standard input).
    ///
    /// Comma, semicolon or tab; UTF-8 with or without BOM, UTF-16 or Windows-1252; ids such as A.5.15, 5.15,
    /// A 5.15, Annex A 5.15; the 2013 or 2022 edition. A file that is not an SoA exits with
    /// status 2 and a one-line reason.
    #[arg(long, value_name = "FILE|-")]
    pub soa: Option<Source>,

    /// How to read the SoA's status and applicability values: CSV `column,value,reading`.
    ///
    /// Column: status or applicability; reading: implemented, in-progress, planned,
    /// not-implemented, excluded or unknown. Values the importer does not know are kept as
    /// unknown (never implemented) until mapped; applicability alone never counts as
    /// implemented. The text output lists every value found and how it was read.
    #[arg(long, value_name = "FILE")]
    pub status_map: Option<Source>,

    /// The questionnaire's answers as JSON (`-`: standard input); see examples/answers.json.
    ///
    /// Every field is optional; a missing one means unanswered.
    #[arg(long, value_name = "FILE|-")]
    pub answers: Option<Source>,

    /// Requirements or objectives answered directly: CSV `id,status[,record[,defined value]]`.
    ///
    /// `-` reads standard input; the header row is optional. A requirement (3.1.1) takes met,
    /// partial, not-met, not-applicable, enduring-exception, temporary-deficiency or variance,
    /// with its record (justification, SSP description or plan of action) in the third column.
    /// An assessment objective (3.1.1[a]) takes met, not-met or not-applicable, its note in the
    /// third column and, for an objective that asks that something be defined, the defined value
    /// in the fourth.
    #[arg(long, value_name = "FILE|-")]
    pub requirements: Option<Source>,

    /// Which crosswalk edges count as evidence [default: strict, or the saved state's].
    #[arg(long, value_enum)]
    pub view: Option<ViewArg>,

    /// The day the rules are applied on [default: the saved state's, else today's date, UTC].
    ///
    /// It decides the rollout phase, when a status expires and how old an SPRS assessment is,
    /// and dates the exports. The engine never reads a clock: the default comes from this
    /// machine's.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,
}

/// Write the System Security Plan or the POA&M to standard output.
///
/// The SSP (per requirement its status, implementation notes, objectives, defined values, ISO
/// evidence and N/A justifications; the system's name, boundary and roles) as Markdown or as an
/// OSCAL System Security Plan; the POA&M (the open items with their plans, the 180-day closeout
/// when the status would be Conditional, the blockers apart) as CSV or as an OSCAL Plan of Action
/// and Milestones. Same input, same bytes.
#[derive(Debug, Args)]
#[command(
    override_usage = "crosswalk export ssp|poam [--format FORMAT] [--state FILE|-] [--soa FILE|-] [--answers FILE|-] [--requirements FILE|-] [--view strict|analysed] [--date YYYY-MM-DD]",
    after_help = EXIT_STATUS
)]
pub struct ExportArgs {
    #[command(subcommand)]
    pub document: Document,
}

/// Which document.
#[derive(Debug, Subcommand)]
pub enum Document {
    Ssp(SspArgs),
    Poam(PoamArgs),
}

/// The System Security Plan, as Markdown or OSCAL JSON.
#[derive(Debug, Args)]
#[command(
    override_usage = "crosswalk export ssp [--format markdown|oscal-json] [--state FILE|-] [--soa FILE|-] [--answers FILE|-] [--requirements FILE|-] [--view strict|analysed] [--date YYYY-MM-DD]",
    after_help = EXIT_STATUS
)]
pub struct SspArgs {
    /// The SSP's format: Markdown (readable, printable) or OSCAL JSON (an OSCAL System Security
    /// Plan for GRC tools). The SSP is not written as CSV.
    #[arg(long, value_enum, default_value_t = SspFormat::Markdown)]
    pub format: SspFormat,

    #[command(flatten)]
    pub input: InputArgs,
}

/// The POA&M, as CSV or OSCAL JSON.
#[derive(Debug, Args)]
#[command(
    override_usage = "crosswalk export poam [--format csv|oscal-json] [--state FILE|-] [--soa FILE|-] [--answers FILE|-] [--requirements FILE|-] [--view strict|analysed] [--date YYYY-MM-DD]",
    after_help = EXIT_STATUS
)]
pub struct PoamArgs {
    /// The POA&M's format: CSV (formula cells neutralised) or OSCAL JSON (an OSCAL Plan of Action
    /// and Milestones). The POA&M is not written as Markdown.
    #[arg(long, value_enum, default_value_t = PoamFormat::Csv)]
    pub format: PoamFormat,

    #[command(flatten)]
    pub input: InputArgs,
}

/// The formats the SSP is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SspFormat {
    /// Markdown
    Markdown,
    /// An OSCAL System Security Plan (JSON)
    OscalJson,
}

/// The formats the POA&M is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PoamFormat {
    /// CSV, one row per open item
    Csv,
    /// An OSCAL Plan of Action and Milestones (JSON)
    OscalJson,
}

/// Read a solicitation's text for its CMMC level, the clauses that matter and CUI indicators.
///
/// Paste the text of a solicitation or contract (from a PDF, Word or e-mail) into a file, or
/// pipe it in with `--text -`; UTF-8 or UTF-16. The level comes only from a
/// 252.204-7025(b)(1) or 252.204-7021(d)(1)(i) fill-in: `not-found` when neither clause is in
/// the text, `unknown` when one is there but no single level is filled in.
#[derive(Debug, Args)]
#[command(override_usage = "crosswalk scan --text FILE|- [--json]", after_help = EXIT_STATUS)]
pub struct ScanArgs {
    /// The solicitation's text (`-`: standard input).
    #[arg(long, value_name = "FILE|-")]
    pub text: Source,

    /// Print the findings as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `--view`: the engine's `View`, spelled as on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// Only NIST's published mappings (Appendix D and NIST's OLIR mapping for 27001:2022)
    Strict,
    /// Also the project's analysed edges, each with a rationale
    #[value(alias = "analyzed")]
    Analysed,
}

impl From<ViewArg> for View {
    fn from(view: ViewArg) -> View {
        match view {
            ViewArg::Strict => View::Strict,
            ViewArg::Analysed => View::Analysed,
        }
    }
}

/// `--date`: the engine's own parser, so the CLI accepts exactly what the engine does.
fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| {
        "not a date in the form YYYY-MM-DD (a day that exists, such as 2026-12-01)".to_string()
    })
}

/// Where an input comes from: a file, or standard input for `-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl From<OsString> for Source {
    fn from(arg: OsString) -> Source {
        if arg == "-" {
            Source::Stdin
        } else {
            Source::File(arg.into())
        }
    }
}

/// As given on the command line, for messages: `-` or the path.
impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Stdin => f.write_str("-"),
            Source::File(path) => write!(f, "{}", path.display()),
        }
    }
}

impl Source {
    /// Reads the whole input; a failure is an input error naming the file.
    pub fn read(&self) -> Result<Vec<u8>, Failure> {
        match self {
            Source::Stdin => {
                let mut buf = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut buf)
                    .map_err(|e| Failure::Input(format!("standard input: {e}")))?;
                Ok(buf)
            }
            Source::File(path) => {
                std::fs::read(path).map_err(|e| Failure::Input(format!("{self}: {e}")))
            }
        }
    }
}

/// Prints what clap has to say and returns the exit status: help and version go to standard
/// output with status 0; a usage error becomes one line on standard error with status 2, with
/// the usage of the subcommand it is about (`args` are the program's arguments).
pub fn usage_failure(e: &clap::Error, args: &[OsString]) -> ExitCode {
    if !e.use_stderr() {
        // `--help` or `--version`; a reader that went away is no reason to fail.
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let message = message_of(&e.render().to_string());
    eprintln!(
        "crosswalk: {message} (usage: {}; see --help)",
        usage_of(args)
    );
    ExitCode::from(2)
}

/// The usage line of the (nested) subcommand `args` name: each argument not starting with `-`
/// that names a subcommand of the one before (`export ssp`), or the top level's.
fn usage_of(args: &[OsString]) -> String {
    let names: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .filter(|a| !a.starts_with('-'))
        .collect();
    let usage = usage_at(&mut Cli::command(), &names);
    let usage = usage.to_string();
    let usage = usage.trim();
    usage.strip_prefix("Usage: ").unwrap_or(usage).to_string()
}

/// The usage of the deepest subcommand `names` lead to from `command`.
fn usage_at(command: &mut clap::Command, names: &[String]) -> clap::builder::StyledStr {
    match names.split_first() {
        Some((first, rest)) => match command.find_subcommand_mut(first) {
            Some(sub) => usage_at(sub, rest),
            None => command.render_usage(),
        },
        None => command.render_usage(),
    }
}

/// The message of clap's error text, on one line: the `error: ...` paragraph (clap's text comes
/// in blank-line separated paragraphs: the error, tips, `Usage: ...`, `For more information`).
/// Tips are dropped: the usage line and --help say the same.
fn message_of(rendered: &str) -> String {
    let words = |paragraph: &str| paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
    rendered
        .split("\n\n")
        .map(words)
        .find_map(|p| p.strip_prefix("error: ").map(str::to_string))
        .unwrap_or_else(|| words(rendered))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_usage_error_folds_into_one_line() {
        let rendered = "error: the following required arguments were not provided:\n  --text <FILE|->\n\n  tip: something\n\nUsage: crosswalk scan --text FILE|- [--json]\n\nFor more information, try '--help'.\n";
        assert_eq!(
            message_of(rendered),
            "the following required arguments were not provided: --text <FILE|->"
        );
        assert_eq!(message_of("something odd\n"), "something odd");
    }

    #[test]
    fn the_usage_is_the_subcommands() {
        let usage = |args: &[&str]| usage_of(&args.iter().map(OsString::from).collect::<Vec<_>>());
        assert_eq!(
            usage(&["scan", "--text"]),
            "crosswalk scan --text FILE|- [--json]"
        );
        assert_eq!(usage(&["catalog", "--yaml"]), "crosswalk catalog [--json]");
        assert!(usage(&["assess"]).starts_with("crosswalk assess [--state FILE|-] [--soa FILE|-]"));
        assert!(usage(&["export", "ssp", "--format", "csv"])
            .starts_with("crosswalk export ssp [--format markdown|oscal-json]"));
        assert!(usage(&["export"]).starts_with("crosswalk export ssp|poam"));
        assert_eq!(usage(&["--nope", "nonsense"]), "crosswalk <COMMAND>");
        assert_eq!(usage(&[]), "crosswalk <COMMAND>");
    }

    #[test]
    fn dates_are_checked_by_the_engine() {
        assert!(parse_date("2026-12-01").is_ok());
        for bad in ["2026-13-01", "2026-02-29", "1/12/2026", "today", ""] {
            assert!(parse_date(bad).unwrap_err().contains("YYYY-MM-DD"), "{bad}");
        }
    }
}
