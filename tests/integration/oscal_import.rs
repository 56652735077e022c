//! Reading OSCAL SSPs back: every file in `tests/corpus/oscal/` gives the outcome
//! `expected.csv` documents (foreign, malformed and hostile files are refused with a plain
//! message, never a panic), and the corpus lists exactly the files on disk.

use cmmc_readiness::engine::{import_oscal_ssp, Catalog, OscalImportError, MAX_OSCAL_BYTES};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/oscal")
}

fn expected() -> Vec<(String, String, String)> {
    let mut reader = csv::Reader::from_path(dir().join("expected.csv")).expect("expected.csv");
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            (r[0].to_string(), r[1].to_string(), r[2].to_string())
        })
        .collect()
}

#[test]
fn every_oscal_corpus_file_gives_its_documented_outcome() {
    for (file, outcome, message) in expected() {
        let bytes = std::fs::read(dir().join(&file)).expect("corpus file");
        let text = String::from_utf8_lossy(&bytes);
        let result = import_oscal_ssp(Catalog::builtin(), &text);
        match (outcome.as_str(), result) {
            ("ok", Ok(import)) => {
                // `3.1.1 met; 3.1.1[a] not-met`: the direct answer and the objective read back.
                assert_eq!(message, "3.1.1 met; 3.1.1[a] not-met", "{file}");
                let direct = import.direct.get(&"3.1.1".into()).expect("3.1.1");
                assert_eq!(direct.note, "Accounts reviewed monthly");
                let (id, objective) = import.objectives.iter().next().expect("objective");
                assert_eq!(id.as_str(), "3.1.1[a]");
                assert_eq!(objective.note, "HR list is stale");
                assert_eq!(import.system.name, "Corpus system");
            }
            ("error", Err(e)) => {
                assert!(
                    e.to_string().contains(&message),
                    "{file}: `{e}` lacks `{message}`"
                )
            }
            (_, other) => panic!("{file}: expected {outcome}, got {other:?}"),
        }
    }
}

#[test]
fn the_oscal_corpus_lists_every_file() {
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .expect("corpus dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n != "expected.csv")
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = expected().into_iter().map(|(f, _, _)| f).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn an_oversized_file_is_refused_unread() {
    let huge = " ".repeat(MAX_OSCAL_BYTES + 1);
    assert_eq!(
        import_oscal_ssp(Catalog::builtin(), &huge),
        Err(OscalImportError::TooLarge { megabytes: 16 })
    );
}
