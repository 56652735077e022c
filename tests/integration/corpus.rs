//! The hostile-input corpus: every file under `tests/corpus/soa/` goes through the SoA importer
//! with the builtin catalog and must give the outcome `tests/corpus/soa/expected.csv` documents.
//! The huge inputs (50 MB in one column, 100,000+ rows, a 2 MB field, a 5 MB line) are built in
//! memory here instead of being committed.
//!
//! `expected.csv` has one row per file: `file,rows_imported,problem_kinds,message_contains`.
//! - `problem_kinds` is the exact sequence of problem kinds (kebab-case, as in the JSON view),
//!   space-separated, with `kind*N` for a run of N; empty when the import has no problems.
//! - `message_contains` is one or more `|`-separated phrases; each must occur in some problem as
//!   displayed (`line N: message`, or just the message for a whole-file problem), so a phrase can
//!   pin the line too.
//!
//! Every file is also run through `crosswalk assess --soa FILE`: a file that imports no rows must
//! make it exit 2 with one line on stderr; any other must be assessed (exit 0).
//!
//! Set `CORPUS_PRINT=1` to print each file's actual outcome in the manifest's format.

use crate::support::line_count;
use cmmc_readiness::engine::{
    import_soa, Catalog, Edition, ImportOptions, ProblemKind, SoaImport, MAX_FIELD_BYTES,
    MAX_RECORDS,
};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/soa")
}

/// One documented outcome.
struct Expected {
    file: String,
    rows_imported: usize,
    problem_kinds: String,
    message_contains: String,
}

fn manifest() -> Vec<Expected> {
    let path = corpus_dir().join("expected.csv");
    let mut rdr = csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    rdr.records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("{path:?}: {e}"));
            let field = |i: usize| r.get(i).unwrap_or_default().trim().to_string();
            Expected {
                file: field(0),
                rows_imported: field(1)
                    .parse()
                    .unwrap_or_else(|e| panic!("{}: rows_imported: {e}", field(0))),
                problem_kinds: field(2),
                message_contains: field(3),
            }
        })
        .collect()
}

fn kind_name(kind: ProblemKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The problem kinds as the manifest writes them: `encoding duplicate-control*3 too-large`.
fn kinds_run_length(imp: &SoaImport) -> String {
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

/// Imports `bytes` and compares the outcome with `expected`, returning what differs (empty when
/// all is well) so the corpus test can report every file at once.
fn check(name: &str, bytes: &[u8], expected: &Expected) -> String {
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

#[test]
fn every_corpus_file_gives_its_documented_outcome() {
    let manifest = manifest();
    let mut errors = String::new();
    for expected in &manifest {
        let path = corpus_dir().join(&expected.file);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        errors.push_str(&check(&expected.file, &bytes, expected));
    }
    assert!(errors.is_empty(), "\n{errors}");
}

#[test]
fn the_manifest_lists_every_corpus_file_once() {
    let listed: Vec<String> = manifest().into_iter().map(|e| e.file).collect();
    let mut on_disk: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("corpus dir")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n != "expected.csv" && n != "README.md")
        .collect();
    on_disk.sort();
    let mut sorted = listed.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), listed.len(), "a file is listed twice");
    assert_eq!(sorted, on_disk);
    assert!(
        on_disk.len() >= 40,
        "the corpus shrank to {}",
        on_disk.len()
    );
    // Small on disk: huge inputs are generated by the tests below.
    for name in &on_disk {
        let len = std::fs::metadata(corpus_dir().join(name)).map_or(0, |m| m.len());
        assert!(
            len <= 16 * 1024,
            "{name} is {len} bytes; generate it in the test"
        );
    }
}

#[test]
fn crosswalk_exits_2_with_one_line_for_every_file_without_rows() {
    for expected in manifest() {
        let path = corpus_dir().join(&expected.file);
        let out = Command::new(env!("CARGO_BIN_EXE_crosswalk"))
            .args(["assess", "--soa"])
            .arg(&path)
            .output()
            .expect("crosswalk runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        if expected.rows_imported == 0 {
            // The reason is the importer's own message, on the one line.
            let bytes = std::fs::read(&path).expect("corpus file");
            let imp = import_soa(&bytes, &ImportOptions::default(), Catalog::builtin());
            let reason = imp
                .problems
                .iter()
                .find(|p| p.kind == ProblemKind::NotAnSoa)
                .or(imp.problems.first())
                .map(|p| p.message.clone())
                .unwrap_or_default();
            assert_eq!(out.status.code(), Some(2), "{}: {stderr}", expected.file);
            assert_eq!(
                stderr,
                format!("crosswalk: {} is not an SoA: {reason}\n", path.display()),
                "{}",
                expected.file
            );
            assert_eq!(stderr.lines().count(), 1, "{}", expected.file);
        } else {
            assert_eq!(out.status.code(), Some(0), "{}: {stderr}", expected.file);
        }
    }
}

// --- huge inputs, built at run time ----------------------------------------------------------

#[track_caller]
fn check_generated(name: &str, bytes: &[u8], rows: usize, kinds: &str, message: &str) {
    let expected = Expected {
        file: name.to_string(),
        rows_imported: rows,
        problem_kinds: kinds.to_string(),
        message_contains: message.to_string(),
    };
    let errors = check(name, bytes, &expected);
    assert!(errors.is_empty(), "\n{errors}");
}

#[test]
fn fifty_megabytes_in_one_column() {
    // One column, one data cell: the id followed by 50 MB of title text. The title is cut at
    // the field cap and the row still counts.
    let mut input = b"Control\nA.5.15 ".to_vec();
    input.resize(input.len() + 50 * 1024 * 1024, b'x');
    input.push(b'\n');
    check_generated(
        "50 MB in one column",
        &input,
        1,
        "too-large",
        &format!(
            "line 2: the title of A.5.15 is {} bytes long; only the first {MAX_FIELD_BYTES} bytes were kept",
            50 * 1024 * 1024
        ),
    );
}

#[test]
fn more_than_a_hundred_thousand_rows() {
    // Every 2022 control once, then the same ids again until the record cap: 93 rows, a
    // duplicate problem for every repeat, and one problem at the first record not read.
    let ids: Vec<&str> = Catalog::builtin()
        .iso_controls_of(Edition::Iso2022)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids.len(), 93);
    let mut input = String::from("Control,Status\n");
    for i in 0..MAX_RECORDS + 500 {
        let _ = writeln!(input, "{},Yes", ids[i % ids.len()]);
    }
    let repeats = MAX_RECORDS - 1 - ids.len();
    check_generated(
        "100,500 rows",
        input.as_bytes(),
        93,
        &format!("duplicate-control*{repeats} too-large"),
        &format!(
            "line 95: A.5.1 is listed again; the row on line 2 is kept|line {}: the file has more than 100000 rows",
            MAX_RECORDS + 1
        ),
    );
}

#[test]
fn a_two_megabyte_field_keeps_later_line_numbers() {
    // A quoted justification of 2 MB holding commas, quotes and line breaks: it is truncated,
    // and the rows after it keep their physical line numbers.
    let mut field = String::new();
    while field.len() < 2 * 1024 * 1024 {
        field.push_str("risk, \"\"accepted\"\"\nby the board; ");
    }
    let breaks = field.matches('\n').count();
    let input = format!(
        "Control,Status,Justification\nA.5.15,Yes,\"{field}\"\nA.8.5,Yes,short\nA.5.99,Yes,x\n"
    );
    let unknown_line = 2 + breaks + 2;
    check_generated(
        "2 MB field",
        input.as_bytes(),
        2,
        "too-large unknown-control",
        &format!(
            "line 2: the justification of A.5.15 is|line {unknown_line}: \"A.5.99\" is not an ISO/IEC 27001:2022 Annex A control"
        ),
    );
}

#[test]
fn a_five_megabyte_line_without_line_breaks() {
    // Rows whose line ends were lost: one record of 700,000-odd cells. Only the first
    // MAX_COLUMNS columns are examined; the ids there make one row (the rest repeat it).
    let cell = "A.5.15,Yes,";
    let input = cell.repeat(5 * 1024 * 1024 / cell.len());
    check_generated("5 MB line", input.as_bytes(), 1, "", "");
}
