//! The words the importer understands in status and applicability cells, and the lists of
//! them that problems offer ("use one of: ...").

use super::cells::{clean, normalize};
use super::ControlStatus;

const STATUS_WORDS: &[(&str, ControlStatus)] = &[
    ("implemented", ControlStatus::Implemented),
    ("fully implemented", ControlStatus::Implemented),
    ("yes", ControlStatus::Implemented),
    ("y", ControlStatus::Implemented),
    ("done", ControlStatus::Implemented),
    ("complete", ControlStatus::Implemented),
    ("completed", ControlStatus::Implemented),
    ("in place", ControlStatus::Implemented),
    ("fully in place", ControlStatus::Implemented),
    ("operational", ControlStatus::Implemented),
    ("partial", ControlStatus::Partial),
    ("partially", ControlStatus::Partial),
    ("partially implemented", ControlStatus::Partial),
    ("partly", ControlStatus::Partial),
    ("partly implemented", ControlStatus::Partial),
    ("in progress", ControlStatus::Partial),
    ("work in progress", ControlStatus::Partial),
    ("wip", ControlStatus::Partial),
    ("ongoing", ControlStatus::Partial),
    ("planned", ControlStatus::Planned),
    ("to do", ControlStatus::Planned),
    ("todo", ControlStatus::Planned),
    ("not started", ControlStatus::Planned),
    ("no", ControlStatus::NotImplemented),
    ("n", ControlStatus::NotImplemented),
    ("not implemented", ControlStatus::NotImplemented),
    ("missing", ControlStatus::NotImplemented),
    ("none", ControlStatus::NotImplemented),
    ("excluded", ControlStatus::Excluded),
    ("n/a", ControlStatus::Excluded),
    ("na", ControlStatus::Excluded),
    ("not applicable", ControlStatus::Excluded),
    ("out of scope", ControlStatus::Excluded),
    ("tbd", ControlStatus::Unknown),
    ("to be determined", ControlStatus::Unknown),
    ("unknown", ControlStatus::Unknown),
    ("?", ControlStatus::Unknown),
];

pub(super) const STATUS_HELP: &str = "implemented, yes, done, complete, partial, partly, in progress, WIP, planned, to do, not started, no, not implemented, missing, excluded, n/a, not applicable, TBD, unknown";

const APPLICABLE_WORDS: &[(&str, bool)] = &[
    ("yes", true),
    ("y", true),
    ("true", true),
    ("1", true),
    ("included", true),
    ("include", true),
    ("applicable", true),
    ("selected", true),
    ("in scope", true),
    ("x", true),
    ("✓", true),
    ("✔", true),
    ("☑", true),
    ("✅", true),
    ("no", false),
    ("n", false),
    ("false", false),
    ("0", false),
    ("excluded", false),
    ("exclude", false),
    ("n/a", false),
    ("na", false),
    ("not applicable", false),
    ("not selected", false),
    ("out of scope", false),
];

pub(super) const APPLICABLE_HELP: &str =
    "yes, y, true, 1, included, x, no, n, false, 0, excluded, n/a";

/// Words that take back or qualify what a cell starts with: `Implemented? No`, `Implemented
/// (partially)`, `Yes - planned for Q3`, `Yes, except the VPN`. A cell that starts with a word
/// that would count (implemented, applicable) and then says one of these is not read as that
/// word: it is kept as a word the importer does not know, reported with its line, and never
/// counted as implemented.
const HEDGES: &[&str] = &[
    "no",
    "not",
    "non",
    "never",
    "none",
    "missing",
    "partial",
    "partially",
    "partly",
    "incomplete",
    "planned",
    "planning",
    "plan",
    "pending",
    "progress",
    "ongoing",
    "underway",
    "draft",
    "tbd",
    "todo",
    "determined",
    "unknown",
    "future",
    "scheduled",
    "will",
    "later",
    "proposed",
    "target",
    "until",
    "expected",
    "q1",
    "q2",
    "q3",
    "q4",
    "except",
    "excluding",
    "but",
    "however",
    "gap",
    "gaps",
    "excluded",
    "exclude",
    "na",
];

/// What may follow "Implemented" or "Yes" in a status cell for it still to read as implemented:
/// a pointer to the evidence ("Yes - see ISMS manual", "Implemented (policy P-12)"), nothing
/// else. Any other text may qualify it ("Implemented (HQ only)", "Implemented (50%)",
/// "Implemented soon", "Implemented?"), so the cell is a value the importer does not know, kept
/// unknown and listed for the user to read (the re-review of 2026-12-07 found a list of hedge
/// words always one word short).
const REFERENCES: &[&str] = &[
    "see",
    "ref",
    "refs",
    "reference",
    "references",
    "per",
    "cf",
    "policy",
    "policies",
    "procedure",
    "procedures",
    "doc",
    "docs",
    "document",
    "documented",
    "evidence",
    "isms",
    "sop",
    "audit",
    "audited",
    "certified",
    "verified",
    "tested",
    "reviewed",
    "approved",
    "since",
];

/// Whether the text after a word that counts only points to evidence ([`REFERENCES`]) and
/// hedges nothing ([`HEDGES`]).
fn only_a_reference(rest: &str) -> bool {
    let mut words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let first = words.next();
    first.is_some_and(|w| REFERENCES.contains(&w)) && !hedges(rest)
}

/// Whether the text takes back or qualifies what precedes it ([`HEDGES`]).
fn hedges(rest: &str) -> bool {
    rest.split(|c: char| !c.is_alphanumeric())
        .any(|t| HEDGES.contains(&t))
}

/// `Some(None)` for a blank cell, `Some(Some(word))` for a known word, `None` for an unknown one.
pub(super) fn parse_status(cell: &str) -> Option<Option<ControlStatus>> {
    lookup(cell, STATUS_WORDS, |s, rest| {
        s != ControlStatus::Implemented || only_a_reference(rest)
    })
}

/// Like [`parse_status`], for the applicability column (`true` = applicable). Applicability never
/// counts as implemented, so a comment after a yes is kept ("yes - risk R12") unless it hedges.
pub(super) fn parse_applicable(cell: &str) -> Option<Option<bool>> {
    lookup(cell, APPLICABLE_WORDS, |a, rest| !a || !hedges(rest))
}

/// Exact match first, then the longest known phrase followed by a word boundary, so that
/// `Yes - see ISMS manual` reads as yes while `Not implemented` never reads as `no`. A phrase
/// is read from a longer cell only when `rest_ok` accepts what follows it: `Implemented? No`
/// is not a yes.
fn lookup<T: Copy>(
    cell: &str,
    words: &[(&str, T)],
    rest_ok: impl Fn(T, &str) -> bool,
) -> Option<Option<T>> {
    let cell = clean(cell);
    if cell.is_empty() {
        return Some(None);
    }
    // Fast path without allocating: most cells are one of the words in some capitalisation.
    let bare = cell.trim_end_matches('.');
    if let Some((_, v)) = words.iter().find(|(w, _)| w.eq_ignore_ascii_case(bare)) {
        return Some(Some(*v));
    }
    let n = normalize(cell);
    let n = n.trim_end_matches('.');
    if let Some((_, v)) = words.iter().find(|(w, _)| *w == n) {
        return Some(Some(*v));
    }
    let (word, v) = words
        .iter()
        .filter(|(w, _)| {
            n.strip_prefix(w)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| !c.is_alphanumeric() && c != '/')
        })
        .max_by_key(|(w, _)| w.len())?;
    rest_ok(*v, &n[word.len()..]).then_some(Some(*v))
}

/// A tick in a checkbox-style applicability column.
pub(super) fn is_mark(cell: &str) -> bool {
    matches!(cell, "x" | "X" | "✓" | "✔" | "☑" | "✅")
}
