//! The corpus check shared by the native tests (`tests/integration/corpus.rs`) and the browser
//! tests (`tests/browser.rs`): the same SoA files must give the same documented outcome whether
//! the importer runs natively or as wasm in Chromium. It takes bytes and the manifest's text, so
//! it needs no file system.

use cmmc_readiness::engine::{
    import_soa, Catalog, ControlStatus, ImportOptions, ProblemKind, SoaImport,
};
use std::fmt::Write as _;

/// The manifest, compiled in so the browser tests have it too.
pub const MANIFEST: &str = include_str!("soa/expected.csv");

/// One documented outcome.
pub struct Expected {
    pub file: String,
    pub rows_imported: usize,
    pub problem_kinds: String,
    pub message_contains: String,
    /// How the imported rows are read, by status in `ControlStatus::ALL` order with zero counts
    /// left out: `implemented:2 planned:1 unknown:4`; empty when no row was imported. Pins that
    /// nothing is counted as implemented that the file does not say is.
    pub readings: String,
}

/// Parses `expected.csv`.
pub fn manifest() -> Vec<Expected> {
    let mut rdr = csv::Reader::from_reader(MANIFEST.as_bytes());
    rdr.records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("expected.csv: {e}"));
            let field = |i: usize| r.get(i).unwrap_or_default().trim().to_string();
            Expected {
                file: field(0),
                rows_imported: field(1)
                    .parse()
                    .unwrap_or_else(|e| panic!("{}: rows_imported: {e}", field(0))),
                problem_kinds: field(2),
                message_contains: field(3),
                readings: field(4),
            }
        })
        .collect()
}

/// The physical lines an importer may cite: the importer's own count, so the check and the
/// importer cannot disagree on what a line is.
pub use cmmc_readiness::engine::line_count;

pub fn kind_name(kind: ProblemKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The problem kinds as the manifest writes them: `encoding duplicate-control*3 too-large`.
pub fn kinds_run_length(imp: &SoaImport) -> String {
    let mut runs: Vec<(String, usize)> = Vec::new();
    for p in &imp.problems {
        let name = kind_name(p.kind);
        match runs.last_mut() {
            Some((last, n)) if *last == name => *n += 1,
            _ => runs.push((name, 1)),
        }
    }
    runs.iter()
        .map(|(k, n)| {
            if *n == 1 {
                k.clone()
            } else {
                format!("{k}*{n}")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The rows' readings as the manifest writes them (see [`Expected::readings`]).
pub fn readings(imp: &SoaImport) -> String {
    ControlStatus::ALL
        .iter()
        .filter_map(|&status| {
            let n = imp.rows.iter().filter(|r| r.status == status).count();
            (n > 0).then(|| format!("{}:{n}", status.code()))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Imports `bytes` and compares the outcome with `expected`, returning what differs (empty when
/// all is well) so the corpus test can report every file at once.
pub fn check(name: &str, bytes: &[u8], expected: &Expected) -> String {
    let imp = import_soa(bytes, &ImportOptions::default(), Catalog::builtin());
    let mut errors = String::new();
    let mut fail = |what: String| {
        let _ = writeln!(errors, "{name}: {what}");
    };
    if imp.rows_imported != imp.rows.len() {
        fail(format!(
            "rows_imported {} but {} rows",
            imp.rows_imported,
            imp.rows.len()
        ));
    }
    if imp.rows_imported != expected.rows_imported {
        fail(format!(
            "{} rows imported, expected {}",
            imp.rows_imported, expected.rows_imported
        ));
    }
    let read = readings(&imp);
    if read != expected.readings {
        fail(format!(
            "readings `{read}`, expected `{}`",
            expected.readings
        ));
    }
    let kinds = kinds_run_length(&imp);
    if kinds != expected.problem_kinds {
        fail(format!(
            "problem kinds `{kinds}`, expected `{}`",
            expected.problem_kinds
        ));
    }
    let shown: Vec<String> = imp.problems.iter().map(ToString::to_string).collect();
    for phrase in expected
        .message_contains
        .split('|')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if !shown.iter().any(|m| m.contains(phrase)) {
            let some: Vec<&String> = shown.iter().take(20).collect();
            fail(format!("no problem says {phrase:?}; problems: {some:#?}"));
        }
    }
    if !imp.problems.is_empty() && expected.message_contains.is_empty() {
        fail("the manifest names no phrase for a file with problems".to_string());
    }
    let lines = line_count(bytes);
    for p in &imp.problems {
        // Whole-file problems (and only they) have line 0; every other line is in the file.
        let whole_file = p.kind == ProblemKind::NotAnSoa;
        if whole_file != (p.line == 0) || p.line > lines {
            fail(format!(
                "problem line {} (file has {lines} lines): {p}",
                p.line
            ));
        }
        // A message is shown on one line (the CLI prints it as its one-line reason).
        if p.message.contains(['\n', '\r', '\0']) {
            fail(format!("problem message spans lines: {:?}", p.message));
        }
    }
    for r in &imp.rows {
        if r.line == 0 || r.line > lines {
            fail(format!("row line {} (file has {lines} lines)", r.line));
        }
    }
    if imp.is_not_an_soa() && (imp.problems.len() != 1 || !imp.rows.is_empty()) {
        fail("a not-an-SoA import must have no rows and that one problem".to_string());
    }
    if std::env::var_os("CORPUS_PRINT").is_some() {
        let first = imp
            .problems
            .first()
            .map_or(String::new(), ToString::to_string);
        println!(
            "{name},{},{kinds},\"{}\"",
            imp.rows_imported,
            first.replace('"', "\"\"")
        );
        for p in &imp.problems {
            println!("    {p}");
        }
    }
    errors
}
