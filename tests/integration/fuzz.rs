//! Mutation fuzzing inside `cargo test`: byte-wise mutations of the corpus files and fixtures go
//! through the SoA importer, which must keep its invariants, and through the OSCAL SSP importer,
//! which must never panic. `scripts/fuzz` (cargo-fuzz) is the
//! deep, coverage-guided run; this one needs no extra tools, so CI always runs it.
//!
//! `FUZZ_CASES=100000 cargo test --release --test integration fuzz::` runs longer; the default
//! (256 cases) keeps CI fast.

use crate::support::line_count;
use cmmc_readiness::engine::{import_soa, Catalog, ImportOptions, ProblemKind};
use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Every file of `tests/corpus/soa` and `tests/fixtures/soa`, read once.
fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in ["tests/corpus/soa", "tests/fixtures/soa"] {
            let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
                .unwrap_or_else(|e| panic!("{dir}: {e}"))
                .map(|e| e.expect("dir entry").path())
                .collect();
            paths.sort();
            out.extend(paths.iter().map(|p| std::fs::read(p).expect("seed file")));
        }
        out
    })
}

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// One byte-level edit, in the spirit of libFuzzer's mutators.
#[derive(Debug, Clone)]
enum Mutation {
    Flip {
        at: usize,
        bit: u8,
    },
    Set {
        at: usize,
        byte: u8,
    },
    Insert {
        at: usize,
        bytes: Vec<u8>,
    },
    Erase {
        at: usize,
        len: usize,
    },
    /// Copies a slice of the input over another place (duplicates rows, quotes, ids).
    Copy {
        from: usize,
        to: usize,
        len: usize,
    },
}

/// Bytes that matter to the importer, so insertions hit its decisions more often than noise.
const INTERESTING: &[u8] = b",;\t\"\r\n\0A.5 15x\xEF\xBB\xBF\xFF\xFE";

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop_oneof![any::<u8>(), proptest::sample::select(INTERESTING)];
    prop_oneof![
        (any::<usize>(), 0..8u8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), byte.clone()).prop_map(|(at, byte)| Mutation::Set { at, byte }),
        (any::<usize>(), proptest::collection::vec(byte, 1..8))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), 1..64usize).prop_map(|(at, len)| Mutation::Erase { at, len }),
        (any::<usize>(), any::<usize>(), 1..256usize).prop_map(|(from, to, len)| Mutation::Copy {
            from,
            to,
            len
        }),
    ]
}

fn apply(input: &mut Vec<u8>, m: &Mutation) {
    let n = input.len();
    match *m {
        Mutation::Flip { at, bit } if n > 0 => input[at % n] ^= 1 << bit,
        Mutation::Set { at, byte } if n > 0 => input[at % n] = byte,
        Mutation::Insert { at, ref bytes } => {
            let at = at % (n + 1);
            input.splice(at..at, bytes.iter().copied());
        }
        Mutation::Erase { at, len } if n > 0 => {
            let at = at % n;
            input.drain(at..(at + len).min(n));
        }
        Mutation::Copy { from, to, len } if n > 0 => {
            let from = from % n;
            let piece: Vec<u8> = input[from..(from + len).min(n)].to_vec();
            let to = to % (n + 1);
            input.splice(to..to, piece);
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn mutated_corpus_files_keep_the_importer_invariants(
        seed in any::<proptest::sample::Index>(),
        mutations in proptest::collection::vec(mutation(), 1..16),
    ) {
        let seeds = seeds();
        let mut input = seeds[seed.index(seeds.len())].clone();
        for m in &mutations {
            apply(&mut input, m);
        }
        let imp = import_soa(&input, &ImportOptions::default(), Catalog::builtin());
        prop_assert_eq!(imp.rows_imported, imp.rows.len());
        let lines = line_count(&input);
        for p in &imp.problems {
            prop_assert!(p.line <= lines, "problem line {} of {}: {:?}", p.line, lines, p);
            prop_assert_eq!(p.line == 0, p.kind == ProblemKind::NotAnSoa, "{:?}", p);
            prop_assert!(!p.message.is_empty() && !p.message.contains(['\n', '\r', '\0']), "{:?}", p);
        }
        for r in &imp.rows {
            prop_assert!(r.line >= 1 && r.line <= lines, "row line {} of {}", r.line, lines);
        }
        if imp.is_not_an_soa() {
            prop_assert!(imp.rows.is_empty() && imp.problems.len() == 1);
        }
    }
}

/// The OSCAL corpus, read once: the seeds of the SSP importer's mutations.
fn oscal_seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/oscal");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("dir entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| std::fs::read(p).expect("seed file"))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Whatever the bytes, reading an OSCAL SSP answers (an import or an error with a one-line
    /// message) and never panics.
    #[test]
    fn mutated_oscal_files_never_panic_the_ssp_importer(
        seed in any::<proptest::sample::Index>(),
        mutations in proptest::collection::vec(mutation(), 1..16),
    ) {
        let seeds = oscal_seeds();
        let mut input = seeds[seed.index(seeds.len())].clone();
        for m in &mutations {
            apply(&mut input, m);
        }
        let text = String::from_utf8_lossy(&input);
        if let Err(e) = cmmc_readiness::engine::import_oscal_ssp(Catalog::builtin(), &text) {
            prop_assert!(!e.to_string().is_empty());
        }
    }
}
