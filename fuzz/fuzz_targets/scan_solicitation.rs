//! Fuzz target `scan_solicitation`: arbitrary bytes, decoded as the command line decodes them
//! (`decode_text`), through the solicitation scanner.
//!
//! Besides "never panics", it checks what a user relies on: every cited line is in the text,
//! quotes are short and show no control character, the level is never "none", and a text
//! without 252.204-7025 or 252.204-7021 is "not-found".
#![no_main]

use cmmc_readiness::engine::{
    decode_text, scan_solicitation, ClauseRole, ScanLevel, Solicitation, QUOTE_CHARS,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, _, _) = decode_text(data);
    let r = scan_solicitation(&text);
    let cited = r
        .clauses
        .iter()
        .map(|c| (c.line, &c.quote))
        .chain(r.fill_ins.iter().map(|f| (f.line, &f.quote)))
        .chain(r.cui_indicators.iter().map(|i| (i.line, &i.quote)))
        .chain(r.flow_down.iter().map(|m| (m.line, &m.quote)))
        .chain(r.other_level_mentions.iter().map(|m| (m.line, &m.quote)));
    for (line, quote) in cited {
        assert!(line >= 1 && line <= r.lines, "line {line} of {}", r.lines);
        assert!(quote.chars().count() <= QUOTE_CHARS + 2, "{quote:?}");
        assert!(!quote.chars().any(char::is_control), "{quote:?}");
    }
    assert_ne!(r.solicitation, ScanLevel::Named(Solicitation::None));
    let level_clause =
        !r.fill_ins.is_empty() || r.clauses.iter().any(|c| c.role == ClauseRole::CmmcLevel);
    assert_eq!(r.solicitation == ScanLevel::NotFound, !level_clause);
    assert_eq!(r.fci_indicated, r.fci_reason.is_some());
    assert!(r.notes.iter().all(|n| !n.text.is_empty()));
});
