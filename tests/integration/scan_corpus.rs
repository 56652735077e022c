//! The scanner's hostile-input corpus: every file under `tests/corpus/solicitation/` must give the
//! outcome `expected.csv` documents (see `tests/corpus/scan_check.rs`), and `crosswalk scan`
//! must read each without failing. The huge inputs (20 MB of text, a 1 MB line, text beyond the
//! 32 MB cap, millions of repeated findings) are built in memory here instead of being committed.

#[path = "../corpus/scan_check.rs"]
pub mod scan_check;

use cmmc_readiness::engine::{
    scan_solicitation, CuiIndicatorKind, FillInReading, ScanLevel, Solicitation,
    MAX_FINDINGS_PER_KIND, MAX_SCAN_BYTES,
};
use scan_check::{check, manifest};
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/solicitation")
}

#[test]
fn every_corpus_file_gives_its_documented_outcome() {
    let mut errors = String::new();
    for expected in manifest() {
        let path = corpus_dir().join(&expected.file);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        errors.push_str(&check(&expected.file, &bytes, &expected));
    }
    assert!(errors.is_empty(), "\n{errors}");
}

#[test]
fn the_manifest_lists_every_corpus_file_once_and_they_are_small() {
    let listed: Vec<String> = manifest().into_iter().map(|e| e.file).collect();
    let mut on_disk: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("corpus dir")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n != "expected.csv")
        .collect();
    on_disk.sort();
    let mut sorted = listed.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), listed.len(), "a file is listed twice");
    assert_eq!(sorted, on_disk);
    assert!(
        on_disk.len() >= 18,
        "the corpus shrank to {}",
        on_disk.len()
    );
    for name in &on_disk {
        let len = std::fs::metadata(corpus_dir().join(name)).map_or(0, |m| m.len());
        assert!(
            len <= 16 * 1024,
            "{name} is {len} bytes; generate it in the test"
        );
    }
}

#[test]
fn crosswalk_scan_reads_every_corpus_file() {
    for expected in manifest() {
        let out = Command::new(env!("CARGO_BIN_EXE_crosswalk"))
            .args(["scan", "--json", "--text"])
            .arg(corpus_dir().join(&expected.file))
            .output()
            .expect("crosswalk runs");
        assert_eq!(out.status.code(), Some(0), "{}", expected.file);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(
            json["solicitation"],
            expected.solicitation.as_str(),
            "{}",
            expected.file
        );
    }
}

// --- huge inputs, built at run time ----------------------------------------------------------

/// A realistic page of contract text (about 1 KB), without any clause the scanner looks for.
const PAGE: &str = "C.4.2 The Contractor shall provide all personnel, equipment, tools, materials, supervision and other items necessary to perform depot-level repair as defined in this performance work statement.\n\
    C.4.3 Repairs shall restore each unit to its original form, fit and function. The Contractor shall document each repair in the maintenance data collection system within five working days.\n\
    C.4.4 Government-furnished property is listed in Attachment J-2. The Contractor shall report loss, damage or destruction of Government property in accordance with FAR 52.245-1.\n\
    \n\
    C.4.5 Deliverables under this section are listed in the Contract Data Requirements List (DD Form 1423) at Attachment J-3.\n";

#[test]
fn twenty_megabytes_of_text_are_read_in_linear_time() {
    // 20 MB of contract prose with 7012 near the start, a CUI banner in the middle and the 7025
    // fill-in on the last line: every finding keeps its true line number.
    let pages = 20 * 1024 * 1024 / PAGE.len();
    let mut text = String::with_capacity(21 * 1024 * 1024);
    text.push_str("DFARS 252.204-7012 Safeguarding Covered Defense Information\n");
    for i in 0..pages {
        if i == pages / 2 {
            text.push_str("CUI\n");
        }
        text.push_str(PAGE);
    }
    text.push_str(
        "252.204-7025 The CMMC level required by this solicitation is: CMMC Level 2 (C3PAO).\n",
    );
    let lines_per_page = PAGE.lines().count();
    let total = 1 + pages * lines_per_page + 1 + 1;
    let started = Instant::now();
    let r = scan_solicitation(&text);
    let elapsed = started.elapsed();
    assert_eq!(r.lines, total);
    assert_eq!(r.solicitation, ScanLevel::Named(Solicitation::L2C3pao));
    assert_eq!(r.fill_ins[0].line, total);
    assert_eq!(r.clauses[0].line, 1);
    let banner = &r.cui_indicators[0];
    assert_eq!(banner.kind, CuiIndicatorKind::CuiBanner);
    assert_eq!(banner.line, 2 + (pages / 2) * lines_per_page);
    assert!(!r.truncated);
    // Generous: a debug build on a shared 2-core machine reads it in about two seconds.
    assert!(elapsed.as_secs() < 60, "took {elapsed:?}");
}

#[test]
fn a_one_megabyte_line_keeps_its_quote_short() {
    let mut line = "x".repeat(512 * 1024);
    line.push_str(" FAR 52.204-21 ");
    line.push_str(&"y".repeat(512 * 1024));
    let r = scan_solicitation(&format!("CUI\n{line}\n(CUI) Test.\n"));
    assert_eq!(r.clauses[0].line, 2);
    assert!(r.clauses[0].quote.contains("52.204-21"));
    assert!(r.clauses[0].quote.chars().count() <= 162);
    let lines: Vec<usize> = r.cui_indicators.iter().map(|i| i.line).collect();
    assert_eq!(lines, [1, 3]);
}

#[test]
fn text_beyond_the_cap_is_not_read_and_a_note_says_so() {
    let mut text = "a".repeat(MAX_SCAN_BYTES - 2);
    // A multi-byte character straddling the cap must not be split.
    text.push('\u{2013}');
    text.push_str("\n252.204-7012\n");
    let r = scan_solicitation(&text);
    assert!(r.truncated);
    assert!(r.clauses.is_empty());
    assert!(r
        .notes
        .iter()
        .any(|n| n.text.contains("only the first 32 MB were read")));
}

#[test]
fn millions_of_repeated_findings_are_capped() {
    // Banners, FOUO markings, flow-down sentences, fill-ins and clause numbers repeated to 20 MB:
    // each list stops at its cap, clause occurrences are still counted, and a note says so.
    let block = "CUI\nFOUO. Subcontractors shall hold CMMC Level 2 (Self). 252.204-7025 The CMMC level required by this solicitation is: CMMC Level 1 (Self).\n";
    let n = 20 * 1024 * 1024 / block.len();
    let text = block.repeat(n);
    let started = Instant::now();
    let r = scan_solicitation(&text);
    assert!(started.elapsed().as_secs() < 60);
    let count = |k: CuiIndicatorKind| r.cui_indicators.iter().filter(|i| i.kind == k).count();
    assert_eq!(count(CuiIndicatorKind::CuiBanner), MAX_FINDINGS_PER_KIND);
    assert_eq!(count(CuiIndicatorKind::Fouo), MAX_FINDINGS_PER_KIND);
    assert_eq!(r.flow_down.len(), MAX_FINDINGS_PER_KIND);
    assert_eq!(r.fill_ins.len(), 20);
    assert!(r
        .fill_ins
        .iter()
        .all(|f| f.reading == FillInReading::Level(Solicitation::L1Self)));
    assert_eq!(r.clauses[0].occurrences, n);
    assert_eq!(r.solicitation, ScanLevel::Named(Solicitation::L1Self));
    assert!(r.notes.iter().any(|n| n.text.contains("only the first 20")));
}

#[test]
fn hostile_brackets_and_lead_ins_stay_bounded() {
    // Unclosed brackets after every lead-in, and a text of brackets only.
    let lead = "The CMMC level required by this solicitation is: [[[[ ";
    let text = format!("{}{}", lead.repeat(200_000), "[".repeat(2_000_000));
    let started = Instant::now();
    let r = scan_solicitation(&text);
    assert!(started.elapsed().as_secs() < 60);
    assert_eq!(r.solicitation, ScanLevel::Unknown);
    assert!(r.fill_ins.iter().all(|f| f.reading == FillInReading::Blank));
    let r = scan_solicitation(&"\u{2014}\u{00A0}\u{200B}".repeat(2_000_000));
    assert_eq!(r.solicitation, ScanLevel::NotFound);
    assert_eq!(r.lines, 1);
}
