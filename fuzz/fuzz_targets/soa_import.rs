//! Fuzz target `soa_import`: arbitrary bytes through the SoA importer with the builtin catalog.
//!
//! Besides "never panics", it checks the invariants a user relies on: the row count agrees with
//! the rows, every line cited is in the file, whole-file problems (and only they) have line 0,
//! a not-an-SoA import has no rows and that one problem, and every message is one line.
#![no_main]

use cmmc_readiness::engine::{import_soa, line_count, Catalog, ImportOptions, ProblemKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let imp = import_soa(data, &ImportOptions::default(), Catalog::builtin());
    assert_eq!(imp.rows_imported, imp.rows.len());
    let lines = line_count(data);
    for p in &imp.problems {
        assert!(
            p.line <= lines + 1,
            "problem line {} of {lines}: {p:?}",
            p.line
        );
        assert_eq!(p.line == 0, p.kind == ProblemKind::NotAnSoa, "{p:?}");
        assert!(!p.message.is_empty());
        assert!(!p.message.contains(['\n', '\r', '\0']), "{p:?}");
    }
    for r in &imp.rows {
        assert!(
            r.line >= 1 && r.line <= lines,
            "row line {} of {lines}",
            r.line
        );
    }
    if imp.is_not_an_soa() {
        assert!(imp.rows.is_empty());
        assert_eq!(imp.problems.len(), 1);
    }
});
