//! The command line as data: clap's derive structs for `crosswalk` and its subcommands, the value
//! parsers that check `--view` and `--date`, and the one-line rendering of a usage error.

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
    override_usage = "crosswalk assess [--soa FILE|-] [--status-map FILE] [--answers FILE|-] [--requirements FILE|-] [--view strict|analysed] [--date YYYY-MM-DD] [--json]",
    after_help = EXIT_STATUS
)]
pub struct AssessArgs {
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
    #[arg(long, value_name = "FILE", requires = "soa")]
    pub status_map: Option<Source>,

    /// The questionnaire's answers as JSON (`-`: standard input); see examples/answers.json.
    ///
    /// Every field is optional; a missing one means unanswered.
    #[arg(long, value_name = "FILE|-")]
    pub answers: Option<Source>,

    /// Requirements answered directly: CSV `id,status[,record]` (`-`: standard input).
    ///
    /// The header row is optional. Status: met, partial, not-met, not-applicable,
    /// enduring-exception, temporary-deficiency or variance; the record (justification, SSP
    /// description or plan of action) goes in the third column.
    #[arg(long, value_name = "FILE|-")]
    pub requirements: Option<Source>,

    /// Which crosswalk edges count as evidence.
    #[arg(long, value_enum, default_value_t = ViewArg::Strict)]
    pub view: ViewArg,

    /// The day the rules are applied on [default: today's date, UTC].
    ///
    /// It decides the rollout phase, when a status expires and how old an SPRS assessment is.
    /// The engine never reads a clock: the default comes from this machine's.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,

    /// Print the full summary as JSON instead of text.
    #[arg(long)]
    pub json: bool,
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

/// The usage line of the subcommand named first in `args` (the top level takes no option
/// values, so that is the first argument not starting with `-`), or the top level's.
fn usage_of(args: &[OsString]) -> String {
    let mut command = Cli::command();
    let named = args.iter().find(|a| !a.to_string_lossy().starts_with('-'));
    let usage = match named.and_then(|name| command.find_subcommand_mut(name)) {
        Some(sub) => sub.render_usage(),
        None => command.render_usage(),
    };
    let usage = usage.to_string();
    let usage = usage.trim();
    usage.strip_prefix("Usage: ").unwrap_or(usage).to_string()
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
        assert!(usage(&["assess"]).starts_with("crosswalk assess [--soa FILE|-]"));
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
