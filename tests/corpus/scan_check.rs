//! The solicitation-scanner corpus check: every file under `tests/corpus/solicitation/` is decoded
//! as the command line decodes it (`decode_text`) and scanned, and must give the outcome
//! `tests/corpus/solicitation/expected.csv` documents. It takes bytes and the manifest's text, so
//! it needs no file system (the browser tests could run it as they run `check.rs`).
//!
//! `expected.csv` has one row per file:
//! `file,solicitation,fill_ins,clauses,indicators,mentions,flow_down_level,note_contains,why`.
//! - `fill_ins`: `LINE:READING` for every fill-in, in order, space-separated.
//! - `clauses`: `ID@LINE` (or `ID@LINExN` for N occurrences) for every clause found, in table order.
//! - `indicators`: `KIND@LINE` for every CUI indicator, in text order.
//! - `mentions`: `flow:LEVEL@LINE` then `other:LEVEL@LINE` (`none-named` for a bare Level 2).
//! - `note_contains`: `|`-separated phrases, each in some note.
//! - `why`: what the file is and why the outcome is right.
//!
//! Set `CORPUS_PRINT=1` to print each file's actual outcome in the manifest's format.

use cmmc_readiness::engine::{decode_text, scan_solicitation, ScanResult, QUOTE_CHARS};
use std::fmt::Write as _;

/// The manifest, compiled in.
pub const MANIFEST: &str = include_str!("solicitation/expected.csv");

/// One documented outcome.
pub struct Expected {
    pub file: String,
    pub solicitation: String,
    pub fill_ins: String,
    pub clauses: String,
    pub indicators: String,
    pub mentions: String,
    pub flow_down_level: String,
    pub note_contains: String,
}

/// Parses `expected.csv`.
pub fn manifest() -> Vec<Expected> {
    let mut rdr = csv::Reader::from_reader(MANIFEST.as_bytes());
    rdr.records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("solicitation/expected.csv: {e}"));
            let field = |i: usize| r.get(i).unwrap_or_default().trim().to_string();
            assert!(
                !field(8).is_empty(),
                "{}: the `why` column is empty",
                field(0)
            );
            Expected {
                file: field(0),
                solicitation: field(1),
                fill_ins: field(2),
                clauses: field(3),
                indicators: field(4),
                mentions: field(5),
                flow_down_level: field(6),
                note_contains: field(7),
            }
        })
        .collect()
}

fn value<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A scan in the manifest's columns.
pub fn columns(r: &ScanResult) -> [String; 6] {
    let join = |items: Vec<String>| items.join(" ");
    let level = |l: Option<cmmc_readiness::engine::Solicitation>| {
        l.map_or("none-named".to_string(), |l| value(&l))
    };
    [
        r.solicitation.as_str().to_string(),
        join(
            r.fill_ins
                .iter()
                .map(|f| format!("{}:{}", f.line, f.reading.as_str()))
                .collect(),
        ),
        join(
            r.clauses
                .iter()
                .map(|c| {
                    if c.occurrences > 1 {
                        format!("{}@{}x{}", c.id, c.line, c.occurrences)
                    } else {
                        format!("{}@{}", c.id, c.line)
                    }
                })
                .collect(),
        ),
        join(
            r.cui_indicators
                .iter()
                .map(|i| format!("{}@{}", value(&i.kind), i.line))
                .collect(),
        ),
        join(
            r.flow_down
                .iter()
                .map(|m| format!("flow:{}@{}", level(m.level), m.line))
                .chain(
                    r.other_level_mentions
                        .iter()
                        .map(|m| format!("other:{}@{}", level(m.level), m.line)),
                )
                .collect(),
        ),
        r.flow_down_level.map_or(String::new(), |l| value(&l)),
    ]
}

/// Scans `bytes` and compares the outcome with `expected`, returning what differs (empty when
/// all is well) so the corpus test can report every file at once.
pub fn check(name: &str, bytes: &[u8], expected: &Expected) -> String {
    let (text, _, _) = decode_text(bytes);
    let r = scan_solicitation(&text);
    let mut errors = String::new();
    let mut fail = |what: String| {
        let _ = writeln!(errors, "{name}: {what}");
    };
    let actual = columns(&r);
    let wanted = [
        &expected.solicitation,
        &expected.fill_ins,
        &expected.clauses,
        &expected.indicators,
        &expected.mentions,
        &expected.flow_down_level,
    ];
    let names = [
        "solicitation",
        "fill_ins",
        "clauses",
        "indicators",
        "mentions",
        "flow_down_level",
    ];
    for ((column, got), want) in names.iter().zip(&actual).zip(wanted) {
        if got != want {
            fail(format!("{column} is `{got}`, expected `{want}`"));
        }
    }
    for phrase in expected
        .note_contains
        .split('|')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if !r.notes.iter().any(|n| n.text.contains(phrase)) {
            let notes: Vec<&str> = r.notes.iter().map(|n| n.text.as_str()).collect();
            fail(format!("no note says {phrase:?}; notes: {notes:#?}"));
        }
    }
    // Every line cited is in the text; every quote is short and shows no control character.
    let cited = r
        .clauses
        .iter()
        .map(|c| (c.line, &c.quote))
        .chain(r.fill_ins.iter().map(|f| (f.line, &f.quote)))
        .chain(r.cui_indicators.iter().map(|i| (i.line, &i.quote)))
        .chain(r.flow_down.iter().map(|m| (m.line, &m.quote)))
        .chain(r.other_level_mentions.iter().map(|m| (m.line, &m.quote)));
    for (line, quote) in cited {
        if line == 0 || line > r.lines {
            fail(format!("line {line} cited, the text has {}", r.lines));
        }
        if quote.chars().count() > QUOTE_CHARS + 2 || quote.chars().any(char::is_control) {
            fail(format!("quote {quote:?}"));
        }
    }
    if std::env::var_os("CORPUS_PRINT").is_some() {
        println!("{name},{}", actual.join(","));
    }
    errors
}
