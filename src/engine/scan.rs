//! Reads a pasted solicitation on the device: the clauses that matter, the CMMC level its fill-in
//! names, flow-down levels and CUI markings, with notes on what the text cannot tell
//! ([`scan_solicitation`]).
//!
//! Prospects have the solicitation as text (pasted from a PDF, a Word file or an e-mail) and may
//! not upload it anywhere, because it may hold CUI. The scanner is a pure function of that text:
//! no clock, no I/O, no network.
//!
//! # What it reads
//!
//! - **Clauses**, by number, from `data/solicitation_clauses.csv` (FAR 52.204-21 and its RFO
//!   successor 52.240-93, DFARS 252.204-7008, -7012, -7019, -7020, -7021, -7024, -7025). Each
//!   finding carries the 1-based line of its first occurrence and a quote of that line (trimmed,
//!   whitespace runs collapsed, control and bidirectional characters shown as U+FFFD). There is
//!   no FAR clause for CUI: FAR Case 2017-016 (Controlled Unclassified Information) was published
//!   only as a proposed rule and its clause has no number, so there is nothing to look for.
//! - **The level the solicitation names**, read only from the fill-in of DFARS 252.204-7025(b)(1)
//!   ("The CMMC level required by this solicitation is ...") and 252.204-7021(d)(1)(i) ("... a
//!   current CMMC status at the following CMMC level, or higher: ..."), in their NOV 2025 wording
//!   (48 CFR rule, 90 FR 43560). The lead-in phrases are the table's `fill_in` column. The fill-in
//!   runs from the end of the lead-in to the end of its sentence (at most 400 characters). Inside
//!   it, a bracketed contracting-officer instruction (`[Contracting Officer insert: CMMC Level 1
//!   (Self); ...]`, or any bracket that says insert, select, or, or lists with `;`) is skipped, and
//!   so is everything after an unbracketed "Contracting Officer insert". A bracket holding one
//!   level only (`[CMMC Level 2 (C3PAO)]`) is read. Tick boxes decide when present: a level after
//!   a ticked box (☒, ☑, ✓, `[X]`, `(X)`) counts, one after an empty box (☐, `[ ]`) does not.
//!   The definitions paragraphs, which name every level, are never read for a level.
//! - **Level spellings**: "CMMC Level 1 (Self)", "Level 2 (Self)", "Level 2 Self-Assessment",
//!   "Level 2 (C3PAO)", "Level 2 C3PAO", "Level 2 (Certification)", "Level 2 third-party",
//!   "Level 3 (DIBCAC)", with the number as a digit, a Roman numeral or a word ("Level II",
//!   "Level Two"). Level 1 is always a self-assessment (32 CFR 170.15) and Level 3 always DIBCAC
//!   (32 CFR 170.18), so their bare numbers are unambiguous; a bare "Level 2" does not say whether
//!   the assessment is a self-assessment or a C3PAO certification (32 CFR 170.16, 170.17) and is
//!   read as no level. A level with a contradicting assessor ("Level 1 (C3PAO)") is unreadable.
//! - **Flow-down**: a "CMMC Level N" outside the fill-ins, in a sentence that speaks of
//!   subcontracts, flow-down or lower tiers, is what a prime passes down (32 CFR 170.23), reported
//!   in [`ScanResult::flow_down`], never as the solicitation's level. Other "CMMC Level N"
//!   mentions are listed in [`ScanResult::other_level_mentions`] and never decide the level either.
//! - **CUI indicators** ([`CuiIndicatorKind`]), each with its line and quote.
//!
//! # The level rule
//!
//! - Neither 252.204-7025 nor 252.204-7021 (by number or by its fill-in sentence) in the text:
//!   [`ScanLevel::NotFound`]. The scanner never answers "none": a partial paste proves nothing, and
//!   only the user can confirm the whole solicitation was pasted.
//! - Otherwise the fill-ins that name exactly one level are collected. Exactly one distinct level
//!   among them: [`ScanLevel::Named`]. None (blank, instructions only, a bare "Level 2", several
//!   levels in one fill-in, as when struck-through options lose their formatting in a copy), or two
//!   different levels in two fill-ins: [`ScanLevel::Unknown`], with a note saying which and what to
//!   ask the contracting officer.
//!
//! # What a CUI indicator is (and is not)
//!
//! A banner is a line whose text, in capitals, is only `CUI` or `CONTROLLED`, or starts with
//! `CUI//` or `CONTROLLED//` (DoDI 5200.48; 32 CFR 2002.20). A portion marking is a line starting
//! with `(CUI)` or `(CUI//` followed by the end of the line or a word that does not start in lower
//! case (a wrapped "(CUI) during performance" from clause text is not one). A designation
//! indicator is a line starting with "Controlled by:", "CUI Category:", "CUI Categories:",
//! "Distribution/Dissemination Control:" or "Dissemination Control:". The letters "CUI" or the
//! words "controlled unclassified information" in running text (a clause's definitions, DFARS
//! 7012's title) are not indicators.
//!
//! Distribution statements B to F (DoDI 5230.24), "For Official Use Only" / FOUO, export-control
//! wording (ITAR, EAR, 22 CFR 120, 15 CFR 730, export-controlled, the "whose export is restricted"
//! warning, ECCN, the Arms Export Control Act) and DD Form 254 are found in running text, but not in
//! a sentence that defines a term (" means ", "as used in this"), because the clauses' definitions
//! name them; export-control wording is also skipped in a sentence naming DFARS 252.225-7048
//! (Export-Controlled Items), which is in most DoD contracts. Distribution Statement A (public
//! release) is not an indicator, nor is "distribution statements B through F". A DD Form 254 shows
//! classified work (the NISPOM, 32 CFR part 117), not CUI; in a negated sentence ("a DD Form 254
//! is not required", "No DD Form 254") it is skipped. At most one finding per kind and line.
//!
//! The indicator kinds are an enum in code rather than a table: each is a small rule (a whole line
//! in capitals, a line start, a phrase outside definitions) rather than a list of words, and a
//! table would have to encode those rules anyway.
//!
//! # PDF copy artefacts
//!
//! Matching runs on a normalised copy of the text; line numbers and quotes come from the original.
//! The copy is ASCII: letters are lower-cased; every Unicode dash (U+2010-2015, the figure dash,
//! the minus sign, the non-breaking hyphen, small and full-width hyphens, ...) becomes `-`; every
//! Unicode space, tab, control character and NUL becomes a space, and runs of spaces and line
//! breaks become one space (a blank line becomes a paragraph break); soft hyphens, zero-width
//! characters, byte order marks and bidirectional marks and overrides are dropped; `ﬁ`-style
//! ligatures and full-width letters become ASCII. A line ending in a hyphen joins the next line
//! without a space, so a number or word split across lines reads whole ("252.204-" / "7012").
//! Clause numbers may have spaces around their `.` and `-` ("252.204- 7012", "52.204 -21"), a
//! "DFARS" prefix or none, and a date suffix or none. Phrases tolerate a hyphen, space or nothing
//! where they have a hyphen, and a hyphen left inside a word by hyphenation.
//!
//! # Caps and cost
//!
//! Only the first [`MAX_SCAN_BYTES`] bytes are read (a note says so). At most
//! [`MAX_FINDINGS_PER_KIND`] findings are kept per indicator kind and per list, at most 20 fill-ins
//! and 200 level mentions are examined, and quotes are at most [`QUOTE_CHARS`] characters. The
//! text is normalised once and scanned once, word start by word start; the normalised copy keeps a
//! checkpoint every kilobyte so a finding's original line and offset are recovered by
//! re-normalising at most a few kilobytes. Work and memory are linear in the input: 20 MB of
//! solicitation text (a 70-line RFP repeated 4,459 times) takes about 0.35 s and 44 MB through
//! `crosswalk scan --json` (optimised build, shared 2-core machine, 2026-12-01).

use super::applicability::Reason;
use super::catalog::CatalogError;
use super::questionnaire::Solicitation;
use serde::{Serialize, Serializer};
use std::sync::OnceLock;

mod suggest;

pub use suggest::{who_to_ask, Suggested, Suggestions};

/// Text beyond this many bytes is not read (a note says so).
pub const MAX_SCAN_BYTES: usize = 32 << 20;
/// At most this many findings are kept per indicator kind, and per level-mention list.
pub const MAX_FINDINGS_PER_KIND: usize = 20;
/// A quote is at most this many characters (plus an ellipsis at a cut end).
pub const QUOTE_CHARS: usize = 160;

/// At most this many fill-in sentences are read.
const MAX_FILL_INS: usize = 20;
/// At most this many "CMMC Level" mentions outside the fill-ins are examined.
const MAX_MENTIONS: usize = 200;
/// At most this many candidates per phrase indicator kind are checked against the definition rule.
const MAX_CHECKS_PER_KIND: usize = 1000;
/// Readable bytes of a fill-in after its lead-in.
const FILL_IN_READABLE: usize = 400;
/// Bytes of normalised text a fill-in may span, brackets included.
const FILL_IN_SPAN: usize = 1500;
/// How far a bracket may reach for its closing `]`.
const BRACKET_REACH: usize = 800;
/// How far a sentence is searched on each side of a finding.
const SENTENCE_REACH: usize = 300;
/// Only this many bytes at the start of a line are examined for banners and designation lines.
const LINE_HEAD_BYTES: usize = 256;
/// A checkpoint of the normalised copy every this many normalised bytes ...
const CHECKPOINT_NORM: usize = 1024;
/// ... or every this many original bytes, whichever comes first.
const CHECKPOINT_ORIG: usize = 4096;

/// Placeholder for a character the matchers never need (any other non-ASCII character).
const OTHER: u8 = 0x01;
/// A ticked box (☒, ☑, ✓, ✔, ■, or `[X]` inside a fill-in).
const TICKED: u8 = 0x02;
/// An empty box (☐, □, or `[ ]` inside a fill-in).
const EMPTY_BOX: u8 = 0x03;

// ---------------------------------------------------------------------------------------------
// The clause table

/// FAR or DFARS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClauseKind {
    /// Federal Acquisition Regulation (48 CFR chapter 1).
    Far,
    /// Defense Federal Acquisition Regulation Supplement (48 CFR chapter 2).
    Dfars,
}

/// What a clause's presence tells the scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClauseRole {
    /// FCI safeguarding (FAR 52.204-21): suggests the contract involves FCI.
    Fci,
    /// Covered defense information safeguarding (DFARS 7008, 7012): in nearly every DoD contract.
    Cdi,
    /// NIST SP 800-171 DoD Assessment in SPRS (DFARS 7019, 7020).
    Assessment,
    /// Names the CMMC level in a fill-in (DFARS 7021, 7025).
    CmmcLevel,
    /// Often listed near the others but says nothing about CMMC or CUI (DFARS 7024).
    Unrelated,
}

/// One row of `data/solicitation_clauses.csv`: a clause that matters, and how to read it.
#[derive(Debug, Clone, Serialize)]
pub struct SolicitationClause {
    /// Stable id, e.g. `dfars-252.204-7025`.
    pub id: String,
    /// The clause number as printed, e.g. `252.204-7025`.
    pub number: String,
    /// The clause title as printed in the regulation.
    pub title: String,
    /// FAR or DFARS.
    pub kind: ClauseKind,
    /// What its presence tells the scanner.
    pub role: ClauseRole,
    /// For the level clauses: the paragraph holding the fill-in, e.g. `(b)(1)`.
    pub fill_in_paragraph: String,
    /// For the level clauses: the lead-in phrases of the fill-in sentence, as printed.
    pub fill_in: Vec<String>,
    /// What the clause obliges, in plain English.
    pub what_it_means: String,
    /// The regulation paragraphs behind `what_it_means`.
    pub citation: String,
    /// The public sources the title and text were checked against, and what was not confirmed.
    pub source: String,
}

const T_CLAUSES: &str = "solicitation_clauses.csv";

/// The reviewed clause table under `data/`, compiled in.
pub const SOLICITATION_CLAUSES_CSV: &str = include_str!("../../data/solicitation_clauses.csv");

/// The clauses the scanner looks for, parsed once from `data/solicitation_clauses.csv`.
///
/// The native tests parse the same table, so a failure here cannot reach a release.
pub fn solicitation_clauses() -> &'static [SolicitationClause] {
    &compiled().clauses
}

/// Parses a clause table shaped like `data/solicitation_clauses.csv`, reading cells by column
/// name. Every row needs an id, a number of the form `nnn.nnn-nnnn`, a title, a citation and a
/// source; a `cmmc-level` row needs at least one fill-in phrase.
pub fn parse_solicitation_clauses(text: &str) -> Result<Vec<SolicitationClause>, CatalogError> {
    let err = |line: u64, message: String| CatalogError {
        table: T_CLAUSES,
        line,
        message,
    };
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| err(1, format!("unreadable header: {e}")))?
        .clone();
    let mut out: Vec<SolicitationClause> = Vec::new();
    for record in reader.records() {
        let record =
            record.map_err(|e| err(e.position().map_or(0, |p| p.line()), e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        // Cells by column name, as the catalog reads its tables (no serde derive: smaller wasm).
        let cell = |name: &str| -> Result<String, CatalogError> {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| record.get(i))
                .map(|v| v.trim().to_string())
                .ok_or_else(|| err(line, format!("missing field `{name}`")))
        };
        let required = |name: &str| -> Result<String, CatalogError> {
            let v = cell(name)?;
            if v.is_empty() {
                Err(err(line, format!("`{name}` is empty")))
            } else {
                Ok(v)
            }
        };
        let id = required("id")?;
        if out.iter().any(|c| c.id == id) {
            return Err(err(line, format!("`{id}` is listed twice")));
        }
        let number = required("number")?;
        if parse_number(&number).is_none() {
            return Err(err(
                line,
                format!("`{number}` is not a clause number like 252.204-7012"),
            ));
        }
        let kind = match required("kind")?.as_str() {
            "far" => ClauseKind::Far,
            "dfars" => ClauseKind::Dfars,
            other => {
                return Err(err(
                    line,
                    format!("`kind` must be far or dfars, not `{other}`"),
                ))
            }
        };
        let role = match required("role")?.as_str() {
            "fci" => ClauseRole::Fci,
            "cdi" => ClauseRole::Cdi,
            "assessment" => ClauseRole::Assessment,
            "cmmc-level" => ClauseRole::CmmcLevel,
            "unrelated" => ClauseRole::Unrelated,
            other => {
                return Err(err(
                    line,
                    format!(
                    "`role` must be fci, cdi, assessment, cmmc-level or unrelated, not `{other}`"
                ),
                ))
            }
        };
        let fill_in: Vec<String> = cell("fill_in")?
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if (role == ClauseRole::CmmcLevel) == fill_in.is_empty() {
            return Err(err(
                line,
                "a cmmc-level row needs a fill-in phrase, and only such a row may have one".into(),
            ));
        }
        out.push(SolicitationClause {
            id,
            number,
            title: required("title")?,
            kind,
            role,
            fill_in_paragraph: cell("fill_in_paragraph")?,
            fill_in,
            what_it_means: required("what_it_means")?,
            citation: required("citation")?,
            source: required("source")?,
        });
    }
    Ok(out)
}

/// A clause number's digit groups and the separators between them: `252.204-7012` is
/// `[252, 204, 7012]` with `[., -]`.
#[derive(Debug, Clone)]
struct Number {
    groups: Vec<Vec<u8>>,
    seps: Vec<u8>,
}

fn parse_number(number: &str) -> Option<Number> {
    let (head, tail) = number.split_once('-')?;
    let (a, b) = head.split_once('.')?;
    let groups: Vec<Vec<u8>> = [a, b, tail].iter().map(|g| g.as_bytes().to_vec()).collect();
    let digits = |g: &Vec<u8>| !g.is_empty() && g.len() <= 6 && g.iter().all(u8::is_ascii_digit);
    groups.iter().all(digits).then_some(Number {
        groups,
        seps: vec![b'.', b'-'],
    })
}

// ---------------------------------------------------------------------------------------------
// Results

/// The CMMC level a solicitation names, as far as the pasted text shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanLevel {
    /// A 252.204-7025 or 252.204-7021 fill-in names exactly this level (never `None` or
    /// `Unknown`). Serialized as the questionnaire's value: `"L2-c3pao"`, ...
    Named(Solicitation),
    /// 252.204-7025 or 252.204-7021 is in the text, but no fill-in names exactly one level, or two
    /// fill-ins name different levels. Serialized as `"unknown"`.
    Unknown,
    /// Neither 252.204-7025 nor 252.204-7021 is in the text. Serialized as `"not-found"`.
    NotFound,
}

impl ScanLevel {
    /// The serialized value: the questionnaire's `"L1-self"` ... `"unknown"`, or `"not-found"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ScanLevel::Named(s) => solicitation_value(s),
            ScanLevel::Unknown => "unknown",
            ScanLevel::NotFound => "not-found",
        }
    }

    /// What the app may pre-fill for the questionnaire's solicitation question: the level, or
    /// `Unknown`. `None` for [`ScanLevel::NotFound`]: only the user can say the whole solicitation
    /// was pasted and names no level.
    pub fn answer(self) -> Option<Solicitation> {
        match self {
            ScanLevel::Named(s) => Some(s),
            ScanLevel::Unknown => Some(Solicitation::Unknown),
            ScanLevel::NotFound => None,
        }
    }
}

impl Serialize for ScanLevel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The questionnaire's serialized value of a solicitation answer.
fn solicitation_value(s: Solicitation) -> &'static str {
    match s {
        Solicitation::None => "none",
        Solicitation::L1Self => "L1-self",
        Solicitation::L2Self => "L2-self",
        Solicitation::L2C3pao => "L2-c3pao",
        Solicitation::L3Dibcac => "L3-dibcac",
        Solicitation::Unknown => "unknown",
    }
}

/// What one fill-in says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FillInReading {
    /// Exactly one level (serialized as its questionnaire value, `"L2-c3pao"` ...).
    Level(Solicitation),
    /// No level: blank, underscores, or only the contracting officer's instruction (`"blank"`).
    Blank,
    /// "Level 2" without saying self-assessment or C3PAO (`"no-assessment-type"`).
    NoAssessmentType,
    /// More than one level, e.g. struck-through options that lost their formatting
    /// (`"several-levels"`).
    SeveralLevels,
    /// A level with a contradicting assessor, such as "Level 1 (C3PAO)" (`"unreadable"`).
    Unreadable,
}

impl FillInReading {
    /// The serialized value.
    pub fn as_str(self) -> &'static str {
        match self {
            FillInReading::Level(s) => solicitation_value(s),
            FillInReading::Blank => "blank",
            FillInReading::NoAssessmentType => "no-assessment-type",
            FillInReading::SeveralLevels => "several-levels",
            FillInReading::Unreadable => "unreadable",
        }
    }
}

impl Serialize for FillInReading {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One fill-in sentence of 252.204-7025(b)(1) or 252.204-7021(d)(1)(i), and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FillIn {
    /// The clause's id in the table, e.g. `dfars-252.204-7025`.
    pub clause: &'static str,
    /// The paragraph, e.g. `252.204-7025(b)(1)`.
    pub paragraph: String,
    /// 1-based line where the lead-in starts.
    pub line: usize,
    /// That line, trimmed (at most [`QUOTE_CHARS`] characters).
    pub quote: String,
    /// The original text after the lead-in up to the end of the sentence, whitespace collapsed
    /// (at most [`QUOTE_CHARS`] characters).
    pub value: String,
    /// What the fill-in names.
    pub reading: FillInReading,
}

/// A clause of the table found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClauseFinding {
    /// The table's id, e.g. `dfars-252.204-7012`.
    pub id: &'static str,
    /// The number as printed in the regulation.
    pub number: &'static str,
    /// The title as printed in the regulation.
    pub title: &'static str,
    /// FAR or DFARS.
    pub kind: ClauseKind,
    /// What its presence tells the scanner.
    pub role: ClauseRole,
    /// 1-based line of the first occurrence.
    pub line: usize,
    /// That line, trimmed (at most [`QUOTE_CHARS`] characters).
    pub quote: String,
    /// How many times the number occurs.
    pub occurrences: usize,
    /// What the clause obliges, in plain English.
    pub what_it_means: &'static str,
    /// The regulation paragraphs behind it.
    pub citation: &'static str,
}

/// A kind of marking that shows CUI (or, for [`CuiIndicatorKind::DdForm254`], classified work).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CuiIndicatorKind {
    /// A banner line: `CUI`, `CONTROLLED`, `CUI//SP-CTI` ...
    CuiBanner,
    /// A paragraph starting with the portion marking `(CUI)`.
    CuiPortionMarking,
    /// A designation indicator line: "Controlled by:", "CUI Category:", "Distribution/Dissemination Control:".
    CuiDesignationIndicator,
    /// Distribution Statement B (U.S. Government agencies only).
    DistributionStatementB,
    /// Distribution Statement C (U.S. Government agencies and their contractors).
    DistributionStatementC,
    /// Distribution Statement D (DoD and U.S. DoD contractors only).
    DistributionStatementD,
    /// Distribution Statement E (DoD components only).
    DistributionStatementE,
    /// Distribution Statement F (further dissemination only as directed).
    DistributionStatementF,
    /// The legacy marking "For Official Use Only" / FOUO.
    Fouo,
    /// Export-control wording: ITAR, EAR, the export warning notice.
    ExportControl,
    /// DD Form 254, Contract Security Classification Specification: classified work.
    #[serde(rename = "dd-form-254")]
    DdForm254,
}

impl CuiIndicatorKind {
    /// Every kind, in report order.
    pub const ALL: [CuiIndicatorKind; 11] = [
        CuiIndicatorKind::CuiBanner,
        CuiIndicatorKind::CuiPortionMarking,
        CuiIndicatorKind::CuiDesignationIndicator,
        CuiIndicatorKind::DistributionStatementB,
        CuiIndicatorKind::DistributionStatementC,
        CuiIndicatorKind::DistributionStatementD,
        CuiIndicatorKind::DistributionStatementE,
        CuiIndicatorKind::DistributionStatementF,
        CuiIndicatorKind::Fouo,
        CuiIndicatorKind::ExportControl,
        CuiIndicatorKind::DdForm254,
    ];

    /// The rule the kind rests on.
    pub fn citation(self) -> &'static str {
        use CuiIndicatorKind::*;
        match self {
            CuiBanner | CuiPortionMarking | CuiDesignationIndicator => {
                "DoDI 5200.48, sec. 3 (CUI marking); 32 CFR 2002.20"
            }
            DistributionStatementB | DistributionStatementC | DistributionStatementD
            | DistributionStatementE | DistributionStatementF => {
                "DoDI 5230.24 (distribution statements); DFARS 252.204-7012(a) (controlled technical information)"
            }
            Fouo => "DoDI 5200.48 (FOUO is a legacy marking replaced by CUI)",
            ExportControl => "22 CFR 120-130 (ITAR); 15 CFR 730-774 (EAR); DoDI 5230.24 (export-control warning)",
            DdForm254 => "32 CFR part 117 (NISPOM), DD Form 254",
        }
    }

    /// What finding it means, in plain English.
    pub fn meaning(self) -> &'static str {
        use CuiIndicatorKind::*;
        match self {
            CuiBanner => "A CUI banner marking: the document itself holds CUI.",
            CuiPortionMarking => "A CUI portion marking: that paragraph holds CUI.",
            CuiDesignationIndicator => "A CUI designation indicator block: the document is marked as CUI.",
            DistributionStatementB | DistributionStatementC | DistributionStatementD
            | DistributionStatementE | DistributionStatementF => {
                "A distribution statement B to F: controlled technical information, which is CUI."
            }
            Fouo => "A legacy FOUO marking: information DoD now handles as CUI.",
            ExportControl => "Export-controlled information (ITAR or EAR), which DoD handles as CUI.",
            DdForm254 => "A DD Form 254: the contract involves classified information, which the NISPOM governs, not CMMC; its security requirements (and the contract data requirements) often carry CUI too. Confirm what you will receive.",
        }
    }
}

/// One CUI indicator found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CuiIndicator {
    /// What was found.
    pub kind: CuiIndicatorKind,
    /// 1-based line.
    pub line: usize,
    /// That line, trimmed (at most [`QUOTE_CHARS`] characters).
    pub quote: String,
    /// The rule the kind rests on.
    pub citation: &'static str,
}

/// A "CMMC Level N" outside the fill-ins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelMention {
    /// The level it names; `None` for a bare "Level 2" or a contradiction.
    pub level: Option<Solicitation>,
    /// The words as read, lower case (e.g. `cmmc level 2 (c3pao)`).
    pub mention: String,
    /// 1-based line.
    pub line: usize,
    /// That line, trimmed (at most [`QUOTE_CHARS`] characters).
    pub quote: String,
}

/// Everything [`scan_solicitation`] found, and what it cannot tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScanResult {
    /// The level the solicitation names (see the module documentation for the rule).
    pub solicitation: ScanLevel,
    /// Every fill-in sentence read, in text order (at most 20).
    pub fill_ins: Vec<FillIn>,
    /// The clauses found, in table order.
    pub clauses: Vec<ClauseFinding>,
    /// The CUI indicators found, in text order (at most [`MAX_FINDINGS_PER_KIND`] per kind).
    pub cui_indicators: Vec<CuiIndicator>,
    /// The level subcontractors are told to have, when every flow-down mention names the same one.
    pub flow_down_level: Option<Solicitation>,
    /// "CMMC Level N" in sentences about subcontracts or flow-down.
    pub flow_down: Vec<LevelMention>,
    /// Other "CMMC Level N" mentions outside the fill-ins; they never decide the level.
    pub other_level_mentions: Vec<LevelMention>,
    /// Whether the text suggests the contract involves FCI (FAR 52.204-21, or a Level 1 fill-in).
    /// A suggestion for the user to confirm, never a fact.
    pub fci_indicated: bool,
    /// Why FCI is suggested.
    pub fci_reason: Option<Reason>,
    /// What the findings mean and what the text cannot tell, each with its rule.
    pub notes: Vec<Reason>,
    /// Lines in the text read.
    pub lines: usize,
    /// True when the text was longer than [`MAX_SCAN_BYTES`] and only its start was read.
    pub truncated: bool,
}

// ---------------------------------------------------------------------------------------------
// Normalising

/// What one character of the original becomes in the matching copy.
enum Class {
    Ignore,
    Space,
    Break,
    Byte(u8),
    Bytes(&'static [u8]),
}

fn classify(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            '\n' | '\r' => Class::Break,
            '\t' | ' ' => Class::Space,
            c if c.is_ascii_control() => Class::Space,
            c => Class::Byte(c.to_ascii_lowercase() as u8),
        };
    }
    match c {
        // Dashes: Unicode category Pd, the minus signs and the hyphen bullet.
        '\u{058A}'
        | '\u{05BE}'
        | '\u{1400}'
        | '\u{1806}'
        | '\u{2010}'..='\u{2015}'
        | '\u{2043}'
        | '\u{2E17}'
        | '\u{2E1A}'
        | '\u{2E3A}'
        | '\u{2E3B}'
        | '\u{2E40}'
        | '\u{2E5D}'
        | '\u{301C}'
        | '\u{3030}'
        | '\u{30A0}'
        | '\u{FE31}'
        | '\u{FE32}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{FF0D}'
        | '\u{10EAD}'
        | '\u{2212}'
        | '\u{02D7}'
        | '\u{207B}'
        | '\u{208B}'
        | '\u{2796}' => Class::Byte(b'-'),
        // Invisible: soft hyphen, zero-width characters, word joiner, byte order mark,
        // bidirectional marks, embeddings, overrides and isolates, variation selectors.
        '\u{00AD}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}'
        | '\u{FE00}'..='\u{FE0F}' => Class::Ignore,
        // Ligatures a PDF copy produces.
        '\u{FB00}' => Class::Bytes(b"ff"),
        '\u{FB01}' => Class::Bytes(b"fi"),
        '\u{FB02}' => Class::Bytes(b"fl"),
        '\u{FB03}' => Class::Bytes(b"ffi"),
        '\u{FB04}' => Class::Bytes(b"ffl"),
        '\u{FB05}' | '\u{FB06}' => Class::Bytes(b"st"),
        // Tick boxes.
        '\u{2611}' | '\u{2612}' | '\u{2713}' | '\u{2714}' | '\u{2717}' | '\u{2718}'
        | '\u{25A0}' | '\u{25A3}' | '\u{22A0}' => Class::Byte(TICKED),
        '\u{2610}' | '\u{25A1}' => Class::Byte(EMPTY_BOX),
        '\u{2024}' => Class::Byte(b'.'),
        '\u{2044}' | '\u{2215}' => Class::Byte(b'/'),
        '\u{2018}' | '\u{2019}' => Class::Byte(b'\''),
        '\u{201C}' | '\u{201D}' => Class::Byte(b'"'),
        // Full-width ASCII (U+FF01-FF5E).
        '\u{FF01}'..='\u{FF5E}' => {
            let ascii = (c as u32 - 0xFEE0) as u8;
            Class::Byte(ascii.to_ascii_lowercase())
        }
        c if c.is_whitespace() || c.is_control() => Class::Space,
        _ => Class::Byte(OTHER),
    }
}

/// The normaliser's state before a character: enough to restart it there exactly.
#[derive(Debug, Clone, Copy)]
struct State {
    /// The last byte emitted.
    last: Option<u8>,
    /// A line ended in a hyphen: join the next line without a space.
    join: bool,
    /// Something other than spaces was emitted on the current line.
    content: bool,
    /// The current 1-based line.
    line: usize,
}

impl State {
    fn start() -> State {
        State {
            last: None,
            join: false,
            content: false,
            line: 1,
        }
    }
}

/// Receives the normalised bytes with the original offset and line that produced each.
trait Sink {
    /// Called before each original character; may record a checkpoint.
    fn before(&mut self, at: usize, state: &State);
    fn push(&mut self, b: u8, at: usize, line: usize);
    fn replace_last(&mut self, b: u8);
    fn done(&self) -> bool;
}

/// Normalises `text[from..]` starting in `state`, feeding `sink` until it is done.
fn normalise(text: &str, from: usize, mut state: State, sink: &mut impl Sink) {
    let Some(rest) = text.get(from..) else {
        return;
    };
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if sink.done() {
            return;
        }
        let at = from + i;
        sink.before(at, &state);
        let class = if c == '\r' && matches!(chars.peek(), Some((_, '\n'))) {
            Class::Ignore // CRLF is one line break, counted at the LF
        } else {
            classify(c)
        };
        match class {
            Class::Ignore => {}
            Class::Space => {
                if !state.join && matches!(state.last, Some(b) if b != b' ' && b != b'\n') {
                    sink.push(b' ', at, state.line);
                    state.last = Some(b' ');
                }
            }
            Class::Break => {
                if state.last == Some(b'-') {
                    state.join = true;
                } else if !state.join {
                    if !state.content {
                        // A blank line: a paragraph break.
                        match state.last {
                            Some(b' ') => {
                                sink.replace_last(b'\n');
                                state.last = Some(b'\n');
                            }
                            Some(b'\n') | None => {}
                            Some(_) => {
                                sink.push(b'\n', at, state.line);
                                state.last = Some(b'\n');
                            }
                        }
                    } else if matches!(state.last, Some(b) if b != b' ' && b != b'\n') {
                        sink.push(b' ', at, state.line);
                        state.last = Some(b' ');
                    }
                }
                state.content = false;
                state.line += 1;
            }
            Class::Byte(b) => {
                state.join = false;
                state.content = true;
                sink.push(b, at, state.line);
                state.last = Some(b);
            }
            Class::Bytes(bytes) => {
                state.join = false;
                state.content = true;
                for &b in bytes {
                    sink.push(b, at, state.line);
                }
                state.last = bytes.last().copied();
            }
        }
    }
}

/// A place to restart the normaliser: the state before the character at `orig`, when `norm`
/// bytes had been emitted.
#[derive(Debug, Clone, Copy)]
struct Checkpoint {
    norm: usize,
    orig: usize,
    state: State,
}

/// The normalised copy of a text with its checkpoints.
struct Normalised {
    bytes: Vec<u8>,
    checkpoints: Vec<Checkpoint>,
    /// Lines in the text.
    lines: usize,
}

impl Sink for Normalised {
    fn before(&mut self, at: usize, state: &State) {
        let last = self.checkpoints.last().copied();
        let due = last.is_none_or(|cp| {
            self.bytes.len() - cp.norm >= CHECKPOINT_NORM || at - cp.orig >= CHECKPOINT_ORIG
        });
        if due {
            self.checkpoints.push(Checkpoint {
                norm: self.bytes.len(),
                orig: at,
                state: *state,
            });
        }
        self.lines = state.line;
    }
    fn push(&mut self, b: u8, _at: usize, _line: usize) {
        self.bytes.push(b);
    }
    fn replace_last(&mut self, b: u8) {
        if let Some(last) = self.bytes.last_mut() {
            *last = b;
        }
    }
    fn done(&self) -> bool {
        false
    }
}

/// Finds the original offset and line of one normalised byte.
struct Locate {
    count: usize,
    target: usize,
    found: Option<(usize, usize)>,
}

impl Sink for Locate {
    fn before(&mut self, _at: usize, _state: &State) {}
    fn push(&mut self, _b: u8, at: usize, line: usize) {
        if self.count == self.target && self.found.is_none() {
            self.found = Some((at, line));
        }
        self.count += 1;
    }
    fn replace_last(&mut self, _b: u8) {}
    fn done(&self) -> bool {
        self.found.is_some()
    }
}

impl Normalised {
    fn build(text: &str) -> Normalised {
        let mut n = Normalised {
            bytes: Vec::with_capacity(text.len()),
            checkpoints: Vec::new(),
            lines: 1,
        };
        // `before` records the line of every character, so a final line break does not count
        // as the start of a line.
        normalise(text, 0, State::start(), &mut n);
        n
    }

    /// The original byte offset and 1-based line of normalised byte `target`; past the end,
    /// the end of the text and its last line.
    fn locate(&self, text: &str, target: usize) -> (usize, usize) {
        let i = self.checkpoints.partition_point(|cp| cp.norm <= target);
        if target < self.bytes.len() && i > 0 {
            let cp = self.checkpoints[i - 1];
            let mut sink = Locate {
                count: cp.norm,
                target,
                found: None,
            };
            normalise(text, cp.orig, cp.state, &mut sink);
            if let Some(found) = sink.found {
                return found;
            }
        }
        (text.len(), self.lines)
    }
}

// ---------------------------------------------------------------------------------------------
// Matching on the normalised copy

fn is_alnum(b: Option<&u8>) -> bool {
    b.is_some_and(u8::is_ascii_alphanumeric)
}

/// Matches `pat` (normalised) at `text[at..]`. A `-` in the pattern also matches a space or
/// nothing; a `-` in the text between two letters may be skipped (left by hyphenation); a space in
/// the pattern matches a space or a paragraph break. Returns the end.
fn match_phrase(text: &[u8], at: usize, pat: &[u8]) -> Option<usize> {
    let (mut i, mut j) = (at, 0);
    while let Some(&p) = pat.get(j) {
        let t = text.get(i).copied();
        match p {
            b'-' => {
                if matches!(t, Some(b'-' | b' ')) {
                    i += 1;
                }
                j += 1;
            }
            b' ' => {
                if !matches!(t, Some(b' ' | b'\n')) {
                    return None;
                }
                i += 1;
                j += 1;
            }
            _ if t == Some(p) => {
                i += 1;
                j += 1;
            }
            _ if t == Some(b'-')
                && p.is_ascii_alphabetic()
                && i > at
                && text.get(i - 1).is_some_and(u8::is_ascii_alphabetic)
                && text.get(i + 1) == Some(&p) =>
            {
                i += 1;
            }
            _ => return None,
        }
    }
    Some(i)
}

/// A whole word (or phrase) at `at`: nothing alphanumeric right after it.
fn match_word(text: &[u8], at: usize, pat: &[u8]) -> Option<usize> {
    match_phrase(text, at, pat).filter(|&end| !is_alnum(text.get(end)))
}

/// Up to two spaces (the copy has collapsed runs, so one is the most there can be).
fn skip_spaces(text: &[u8], mut i: usize) -> usize {
    for _ in 0..2 {
        if matches!(text.get(i), Some(b' ' | b'\n')) {
            i += 1;
        }
    }
    i
}

/// Matches a clause number at `at` (a digit not preceded by a digit), allowing spaces around
/// its `.` and `-`.
fn match_number(text: &[u8], at: usize, num: &Number) -> Option<usize> {
    let mut i = at;
    for (k, group) in num.groups.iter().enumerate() {
        if k > 0 {
            i = skip_spaces(text, i);
            if text.get(i) != num.seps.get(k - 1) {
                return None;
            }
            i = skip_spaces(text, i + 1);
        }
        if !text.get(i..)?.starts_with(group) {
            return None;
        }
        i += group.len();
    }
    (!text.get(i).is_some_and(u8::is_ascii_digit)).then_some(i)
}

/// Whether `needle` occurs in `hay`.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The sentence around `at`: back to the last ". " or paragraph break, forward to the next,
/// each side at most [`SENTENCE_REACH`] bytes.
fn sentence(text: &[u8], at: usize) -> &[u8] {
    let lo = at.saturating_sub(SENTENCE_REACH);
    let mut start = lo;
    let mut k = at.min(text.len());
    while k > lo {
        let b = text[k - 1];
        if b == b'\n' || (b == b' ' && k >= 2 && text[k - 2] == b'.') {
            start = k;
            break;
        }
        k -= 1;
    }
    let hi = (at + SENTENCE_REACH).min(text.len());
    let mut end = hi;
    for (k, &b) in text.iter().enumerate().take(hi).skip(at.min(hi)) {
        if b == b'\n' || (b == b'.' && matches!(text.get(k + 1), Some(b' ' | b'\n') | None)) {
            end = k;
            break;
        }
    }
    text.get(start..end.max(start)).unwrap_or_default()
}

/// A sentence that defines terms: the clauses' definitions name every marking and level.
fn is_definition(sentence: &[u8]) -> bool {
    contains(sentence, b" means ") || contains(sentence, b"as used in this")
}

// ---------------------------------------------------------------------------------------------
// Levels

/// The assessor written next to a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Assessor {
    Unsaid,
    SelfAssessment,
    C3pao,
    /// "Certification": a C3PAO for Level 2, DIBCAC for Level 3.
    Certification,
    Dibcac,
    Conflict,
}

/// A level as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    Named(Solicitation),
    Level2WithoutType,
    Contradictory,
}

impl Written {
    fn level(self) -> Option<Solicitation> {
        match self {
            Written::Named(s) => Some(s),
            _ => None,
        }
    }
}

fn classify_assessor(words: &[u8]) -> Assessor {
    let selfa = contains(words, b"self");
    let c3pao = contains(words, b"c3pao") || contains(words, b"third");
    let dibcac = contains(words, b"dibcac");
    let cert = contains(words, b"certif");
    match (selfa, c3pao, dibcac) {
        (true, false, false) if !cert => Assessor::SelfAssessment,
        (false, true, false) => Assessor::C3pao,
        (false, false, true) => Assessor::Dibcac,
        (false, false, false) if cert => Assessor::Certification,
        (false, false, false) => Assessor::Unsaid,
        _ => Assessor::Conflict,
    }
}

/// The level number after "level ": a digit, a Roman numeral or a word.
fn level_number(text: &[u8], at: usize) -> Option<(u8, usize)> {
    for (word, n) in [
        (&b"1"[..], 1),
        (b"2", 2),
        (b"3", 3),
        (b"iii", 3),
        (b"ii", 2),
        (b"i", 1),
        (b"one", 1),
        (b"two", 2),
        (b"three", 3),
    ] {
        if let Some(end) = match_word(text, at, word) {
            // "Level 2.0" is not a level number.
            if text.get(end) == Some(&b'.') && is_alnum(text.get(end + 1)) {
                return None;
            }
            return Some((n, end));
        }
    }
    None
}

/// The assessor written after the number: a parenthesis, or one word ("C3PAO",
/// "Self-Assessment", "Certification", "third-party").
fn assessor_after(text: &[u8], at: usize) -> (Assessor, usize) {
    let mut i = at;
    if text.get(i) == Some(&b' ') {
        i += 1;
    }
    if matches!(text.get(i), Some(b'-' | b':')) && text.get(i + 1) == Some(&b' ') {
        i += 2;
    }
    if text.get(i) == Some(&b'(') {
        let reach = text.len().min(i + 60);
        if let Some(close) = text
            .get(i..reach)
            .and_then(|s| s.iter().position(|&b| b == b')'))
        {
            let end = i + close + 1;
            return (classify_assessor(&text[i + 1..end - 1]), end);
        }
        return (Assessor::Unsaid, at);
    }
    let word_end = text
        .iter()
        .skip(i)
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-'))
        .map_or(text.len(), |p| i + p);
    let word = text.get(i..word_end).unwrap_or_default();
    let known = [
        &b"self"[..],
        b"self-assessment",
        b"selfassessment",
        b"self-assessed",
        b"c3pao",
        b"certification",
        b"certified",
        b"dibcac",
        b"third-party",
        b"thirdparty",
    ];
    if known.contains(&word) {
        return (classify_assessor(word), word_end);
    }
    if word == b"third" && match_phrase(text, word_end, b" party").is_some() {
        return (Assessor::C3pao, word_end + 6);
    }
    (Assessor::Unsaid, at)
}

/// Reads "level N [assessor]" at `at`.
fn parse_level(text: &[u8], at: usize) -> Option<(Written, usize)> {
    let i = match_word(text, at, b"level")?;
    let i = skip_spaces(text, i);
    let (n, i) = level_number(text, i)?;
    let (assessor, end) = assessor_after(text, i);
    let written = match (n, assessor) {
        (1, Assessor::Unsaid | Assessor::SelfAssessment) => Written::Named(Solicitation::L1Self),
        (2, Assessor::SelfAssessment) => Written::Named(Solicitation::L2Self),
        (2, Assessor::C3pao | Assessor::Certification) => Written::Named(Solicitation::L2C3pao),
        (2, Assessor::Unsaid) => Written::Level2WithoutType,
        (3, Assessor::Unsaid | Assessor::Dibcac | Assessor::Certification) => {
            Written::Named(Solicitation::L3Dibcac)
        }
        _ => Written::Contradictory,
    };
    Some((written, end))
}

/// Reads "CMMC [2.0] Level N [assessor]" at `at` (the `c` of cmmc), or a label and its value:
/// "CMMC level required for this subcontract: Level 2 (C3PAO)" (the re-review of 2026-12-07
/// found a purchase order written that way read as naming no level).
fn parse_cmmc_level(text: &[u8], at: usize) -> Option<(Written, usize)> {
    let mut i = match_word(text, at, b"cmmc")?;
    if text.get(i) == Some(&b')') {
        i += 1;
    }
    i = skip_spaces(text, i);
    if let Some(end) = match_phrase(text, i, b"2.0 ") {
        i = end;
    }
    parse_level(text, i).or_else(|| labelled_level(text, i))
}

/// "level <a few words>: Level N ..." at `at`: a colon within the label's clause (no full stop,
/// no line break, at most [`LABEL_SPAN`] bytes), then the level.
fn labelled_level(text: &[u8], at: usize) -> Option<(Written, usize)> {
    let after = match_word(text, at, b"level")?;
    let span = &text[after..text.len().min(after + LABEL_SPAN)];
    let colon = span
        .iter()
        .take_while(|&&b| b != b'.' && b != b'\n')
        .position(|&b| b == b':')?;
    let mut i = skip_spaces(text, after + colon + 1);
    if let Some(end) = match_phrase(text, i, b"cmmc ") {
        i = end;
    }
    parse_level(text, i)
}

/// How far a "CMMC level ...:" label may run before its colon.
const LABEL_SPAN: usize = 60;

/// Whether a bracket's content is a contracting officer's instruction rather than a fill-in.
fn is_instruction(content: &[u8]) -> bool {
    [
        &b"insert"[..],
        b"contracting officer",
        b"select",
        b" or ",
        b"enter ",
        b"identify",
        b"check one",
        b"fill in",
        b";",
    ]
    .iter()
    .any(|cue| contains(content, cue))
}

/// The readable part of a fill-in: the text after the lead-in up to the end of its sentence,
/// with instruction brackets removed and bracketed tick boxes turned into [`TICKED`] or
/// [`EMPTY_BOX`]. Returns it and the normalised offset where the fill-in ends.
fn read_fill_in(text: &[u8], from: usize) -> (Vec<u8>, usize) {
    let span_end = text.len().min(from + FILL_IN_SPAN);
    let mut out = Vec::new();
    // After an unbracketed "Contracting Officer insert" nothing is read, but the fill-in still
    // runs to the end of its sentence, so the levels the instruction lists are not mentions.
    let mut instruction = false;
    let mut i = from;
    while i < span_end && out.len() < FILL_IN_READABLE {
        let b = text[i];
        if instruction {
            if b == b'.' && !is_alnum(text.get(i + 1)) {
                return (out, i + 1);
            }
            i += 1;
            continue;
        }
        match b {
            b'[' => {
                let reach = text.len().min(i + 1 + BRACKET_REACH);
                let Some(close) = text
                    .get(i + 1..reach)
                    .and_then(|s| s.iter().position(|&b| b == b']'))
                else {
                    // An instruction that never closes: nothing after it is a fill-in.
                    return (out, span_end.max(i));
                };
                let content = &text[i + 1..i + 1 + close];
                let trimmed: Vec<u8> = content.iter().copied().filter(|&b| b != b' ').collect();
                if trimmed.is_empty() {
                    out.push(EMPTY_BOX);
                } else if trimmed == b"x" || trimmed == [TICKED] {
                    out.push(TICKED);
                } else if !is_instruction(content) {
                    out.push(b' ');
                    out.extend_from_slice(content);
                }
                out.push(b' ');
                i += close + 2;
                continue;
            }
            // The end of the sentence: a full stop not followed by a letter or digit (so not
            // "2.0" or "U.S."; "</b>." in pasted HTML still ends it).
            b'.' if !is_alnum(text.get(i + 1)) => {
                return (out, i + 1);
            }
            b'c' if (i == 0 || !is_alnum(text.get(i - 1)))
                && match_phrase(text, i, b"contracting officer").is_some() =>
            {
                // An unbracketed instruction: brackets lost in the copy.
                instruction = true;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    (out, i)
}

/// Whether a tick box stands right before the level written at `at`: `Some(true)` ticked,
/// `Some(false)` empty, `None` no box.
fn tick_before(text: &[u8], at: usize) -> Option<bool> {
    let mut k = at;
    while k > 0 && text[k - 1] == b' ' {
        k -= 1;
    }
    match text.get(k.checked_sub(1)?)? {
        &TICKED => Some(true),
        &EMPTY_BOX => Some(false),
        b')' if k >= 3 && text[k - 3] == b'(' && text[k - 2] == b'x' => Some(true),
        b')' if k >= 2 && text[k - 2] == b'(' => Some(false),
        b')' if k >= 3 && text[k - 3] == b'(' && text[k - 2] == b' ' => Some(false),
        _ => None,
    }
}

/// What a fill-in's readable text names.
fn read_levels(fill: &[u8]) -> FillInReading {
    let mut found: Vec<(Written, Option<bool>)> = Vec::new();
    let mut i = 0;
    while i < fill.len() {
        let word_start = fill[i].is_ascii_alphabetic() && (i == 0 || !is_alnum(fill.get(i - 1)));
        if word_start {
            let parsed = match fill[i] {
                b'c' => parse_cmmc_level(fill, i).map(|p| (p, i)),
                b'l' => parse_level(fill, i).map(|p| (p, i)),
                _ => None,
            };
            if let Some(((written, end), start)) = parsed {
                found.push((written, tick_before(fill, start)));
                i = end.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    // A ticked box decides; an empty box never counts.
    if found.iter().any(|(_, tick)| *tick == Some(true)) {
        found.retain(|(_, tick)| *tick == Some(true));
    } else {
        found.retain(|(_, tick)| *tick != Some(false));
    }
    let named = distinct(found.iter().filter_map(|(w, _)| w.level()));
    let contradictory = found.iter().any(|(w, _)| *w == Written::Contradictory);
    let bare2 = found.iter().any(|(w, _)| *w == Written::Level2WithoutType);
    match named.as_slice() {
        _ if contradictory => FillInReading::Unreadable,
        [] if bare2 => FillInReading::NoAssessmentType,
        [] => FillInReading::Blank,
        // A bare "Level 2" next to "Level 2 (C3PAO)" repeats it; next to another level it is a
        // second level.
        [one] if bare2 && !matches!(one, Solicitation::L2Self | Solicitation::L2C3pao) => {
            FillInReading::SeveralLevels
        }
        [one] => FillInReading::Level(*one),
        _ => FillInReading::SeveralLevels,
    }
}

/// Whether `at` sits inside a bracketed contracting-officer instruction.
fn inside_instruction(text: &[u8], at: usize) -> bool {
    let lo = at.saturating_sub(BRACKET_REACH);
    let open = text
        .get(lo..at)
        .and_then(|s| s.iter().rposition(|&b| b == b'[' || b == b']'))
        .map(|p| lo + p);
    let Some(open) = open.filter(|&p| text[p] == b'[') else {
        return false;
    };
    let hi = text.len().min(open + 1 + BRACKET_REACH);
    match text
        .get(open + 1..hi)
        .and_then(|s| s.iter().position(|&b| b == b']'))
    {
        Some(close) => is_instruction(&text[open + 1..open + 1 + close]),
        None => true,
    }
}

/// Words that make a sentence about what a prime passes to its subcontractors.
const FLOW_DOWN_CUES: [&[u8]; 4] = [b"subcontract", b"flow-down", b"lower-tier", b"sub-tier"];

fn speaks_of_flow_down(sentence: &[u8]) -> bool {
    (0..sentence.len()).any(|i| {
        (i == 0 || !is_alnum(sentence.get(i - 1)))
            && FLOW_DOWN_CUES
                .iter()
                .any(|cue| match_phrase(sentence, i, cue).is_some())
    })
}

// ---------------------------------------------------------------------------------------------
// The compiled patterns

/// What a phrase found in running text means.
#[derive(Debug, Clone, Copy)]
enum Hit {
    Lead(usize),
    Cmmc,
    Indicator(CuiIndicatorKind),
    /// "distribution statement": the letter after it decides the kind.
    DistributionStatement,
}

struct Phrase {
    text: Vec<u8>,
    hit: Hit,
    /// Must end at a word boundary.
    whole: bool,
}

struct Compiled {
    clauses: Vec<SolicitationClause>,
    numbers: Vec<Number>,
    phrases: Vec<Phrase>,
    /// Indices into `phrases` by first byte.
    by_first: Vec<Vec<usize>>,
}

/// The phrase indicators, already in normalised form (lower case, ASCII). A `-` also matches a
/// space or nothing (see [`match_phrase`]).
const INDICATOR_PHRASES: [(&str, CuiIndicatorKind); 18] = {
    use CuiIndicatorKind::{DdForm254, ExportControl, Fouo};
    [
        ("for official use only", Fouo),
        ("fouo", Fouo),
        ("itar", ExportControl),
        ("international traffic in arms regulations", ExportControl),
        ("export administration regulations", ExportControl),
        ("export-controlled", ExportControl),
        ("whose export is restricted", ExportControl),
        ("arms export control act", ExportControl),
        ("eccn", ExportControl),
        ("22 cfr 120", ExportControl),
        ("22 cfr part 120", ExportControl),
        ("22 cfr parts 120", ExportControl),
        ("15 cfr 730", ExportControl),
        ("15 cfr part 730", ExportControl),
        ("15 cfr parts 730", ExportControl),
        ("dd form 254", DdForm254),
        ("dd-254", DdForm254),
        ("contract security classification specification", DdForm254),
    ]
};

/// The normalised copy of a short phrase.
fn normalise_phrase(s: &str) -> Vec<u8> {
    let mut n = Normalised {
        bytes: Vec::new(),
        checkpoints: Vec::new(),
        lines: 1,
    };
    normalise(s.trim(), 0, State::start(), &mut n);
    n.bytes
}

fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let clauses = match parse_solicitation_clauses(SOLICITATION_CLAUSES_CSV) {
            Ok(c) => c,
            Err(e) => panic!("built-in clause table does not parse: {e}"),
        };
        let numbers = clauses
            .iter()
            .map(|c| {
                parse_number(&c.number).unwrap_or(Number {
                    groups: vec![],
                    seps: vec![],
                })
            })
            .collect();
        let mut phrases = Vec::new();
        for (k, c) in clauses.iter().enumerate() {
            for lead in &c.fill_in {
                phrases.push(Phrase {
                    text: normalise_phrase(lead),
                    hit: Hit::Lead(k),
                    whole: true,
                });
            }
        }
        phrases.push(Phrase {
            text: b"cmmc".to_vec(),
            hit: Hit::Cmmc,
            whole: true,
        });
        phrases.push(Phrase {
            text: b"distribution statement".to_vec(),
            hit: Hit::DistributionStatement,
            whole: true,
        });
        // A loop over a table rather than one call per phrase: smaller wasm.
        for (text, kind) in INDICATOR_PHRASES {
            debug_assert_eq!(normalise_phrase(text), text.as_bytes(), "{text}");
            phrases.push(Phrase {
                text: text.as_bytes().to_vec(),
                hit: Hit::Indicator(kind),
                whole: true,
            });
        }
        let mut by_first = vec![Vec::new(); 256];
        for (i, p) in phrases.iter().enumerate() {
            if let Some(&b) = p.text.first() {
                by_first[usize::from(b)].push(i);
            }
        }
        Compiled {
            clauses,
            numbers,
            phrases,
            by_first,
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Quotes

/// The largest char boundary at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Makes a quote safe to show: tabs become spaces; control characters and bidirectional
/// controls become U+FFFD (so an override cannot reorder what the user reads); invisible
/// characters are dropped; whitespace runs become one space.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}' => '\u{FFFD}',
            '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
            c if c.is_whitespace() => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        };
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
    out.trim().to_string()
}

/// The line around original offset `at`, trimmed; a line longer than [`QUOTE_CHARS`] is cut to
/// a window starting a little before `at`, with an ellipsis at each cut end.
fn quote_at(text: &str, at: usize) -> String {
    let at = floor_boundary(text, at);
    let bytes = text.as_bytes();
    let reach = QUOTE_CHARS * 4;
    let is_break = |b: &u8| *b == b'\n' || *b == b'\r';
    let lo = floor_boundary(text, at.saturating_sub(reach));
    let line_start = bytes[lo..at].iter().rposition(is_break).map(|p| lo + p + 1);
    let hi = floor_boundary(text, at + reach);
    let line_end = bytes[at..hi].iter().position(is_break).map(|p| at + p);
    if let (Some(s), Some(e)) = (
        line_start.or((lo == 0).then_some(0)),
        line_end.or((hi == text.len()).then_some(hi)),
    ) {
        let line = &text[s..e];
        if line.trim().chars().count() <= QUOTE_CHARS {
            return clean(line);
        }
    }
    // A long line: a window from a little before the match.
    let floor = line_start.unwrap_or(lo);
    let mut start = at;
    for (n, (i, _)) in text[floor..at].char_indices().rev().enumerate() {
        start = floor + i;
        if n + 1 >= 40 {
            break;
        }
    }
    let ceiling = line_end.unwrap_or(hi);
    let mut end = ceiling;
    if let Some((i, _)) = text[start..ceiling].char_indices().nth(QUOTE_CHARS) {
        end = start + i;
    }
    let mut quote = String::new();
    if start > floor || line_start.is_none() && lo > 0 {
        quote.push('…');
    }
    quote.push_str(&clean(&text[start..end]));
    if end < ceiling || line_end.is_none() && hi < text.len() {
        quote.push('…');
    }
    quote
}

/// The original text between two original offsets, whitespace collapsed, at most
/// [`QUOTE_CHARS`] characters.
fn excerpt(text: &str, from: usize, to: usize) -> String {
    let from = floor_boundary(text, from);
    let to = floor_boundary(text, to.max(from));
    let cut = text[from..to]
        .char_indices()
        .nth(QUOTE_CHARS * 2)
        .map_or(to, |(i, _)| from + i);
    let mut s = clean(&text[from..cut]);
    if let Some((i, _)) = s.char_indices().nth(QUOTE_CHARS) {
        s.truncate(i);
        s.push('…');
    }
    s
}

/// A fill-in's value without the punctuation and the ", or higher:" between lead-in and level.
fn fill_in_value(value: String) -> String {
    let punct: &[char] = &[' ', ':', ',', ';'];
    let mut v = value.trim_start_matches(punct);
    if v.get(..9)
        .is_some_and(|h| h.eq_ignore_ascii_case("or higher"))
    {
        v = v[9..].trim_start_matches(punct);
    }
    v.to_string()
}

// ---------------------------------------------------------------------------------------------
// Line-based indicators

/// Banners, portion markings and designation indicators: rules about how a line starts.
fn line_indicators(text: &str, out: &mut Vec<(usize, CuiIndicatorKind, usize)>) {
    let bytes = text.as_bytes();
    let mut counts = [0usize; 3];
    let mut line = 1;
    let mut start = 0;
    while start <= bytes.len() {
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |p| start + p);
        let head_end = floor_boundary(text, (start + LINE_HEAD_BYTES).min(end));
        if let Some(kind) = line_kind(&text[start..head_end], head_end < end) {
            let slot = match kind {
                CuiIndicatorKind::CuiBanner => 0,
                CuiIndicatorKind::CuiPortionMarking => 1,
                _ => 2,
            };
            if counts[slot] < MAX_FINDINGS_PER_KIND {
                counts[slot] += 1;
                out.push((line, kind, start));
            }
        }
        if end >= bytes.len() {
            break;
        }
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
        line += 1;
    }
}

/// The indicator a line's start shows, if any. `more` is true when the line goes on past `head`.
fn line_kind(head: &str, more: bool) -> Option<CuiIndicatorKind> {
    // Drop invisible characters and leading spaces; keep the case (banners are in capitals).
    let visible: String = head
        .chars()
        .filter(|&c| !matches!(classify(c), Class::Ignore))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let t = visible.trim_start();
    for banner in ["CUI", "CONTROLLED"] {
        if let Some(rest) = t.trim_end().strip_prefix(banner) {
            if (rest.is_empty() && !more) || rest.trim_start().starts_with("//") {
                return Some(CuiIndicatorKind::CuiBanner);
            }
        }
    }
    if let Some(rest) = t.strip_prefix("(CUI)") {
        let next = rest.trim_start().chars().next();
        if next.is_none_or(|c| !c.is_ascii_lowercase()) {
            return Some(CuiIndicatorKind::CuiPortionMarking);
        }
    }
    if t.starts_with("(CUI//") {
        return Some(CuiIndicatorKind::CuiPortionMarking);
    }
    // Designation indicator lines, after any bullet; every label starts with a C or a D.
    let first = t.chars().find(char::is_ascii_alphanumeric);
    if !matches!(first, Some('c' | 'C' | 'd' | 'D')) {
        return None;
    }
    let norm = normalise_phrase(t);
    let from = norm
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .unwrap_or(norm.len());
    let norm = &norm[from..];
    for label in [
        &b"controlled by"[..],
        b"cui category",
        b"cui categories",
        b"distribution/dissemination control",
        b"dissemination control",
    ] {
        if let Some(end) = match_phrase(norm, 0, label) {
            let colon = skip_spaces(norm, end);
            if norm.get(colon) == Some(&b':') {
                return Some(CuiIndicatorKind::CuiDesignationIndicator);
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// The scan

/// What the pass over the normalised copy found, as normalised offsets.
#[derive(Default)]
struct Found {
    /// First offset and count per clause (table order).
    clause_first: Vec<Option<usize>>,
    clause_count: Vec<usize>,
    /// (clause, lead-in start, lead-in end).
    leads: Vec<(usize, usize, usize)>,
    /// Starts of "cmmc".
    cmmc: Vec<usize>,
    /// (kind, start) of phrase indicators.
    indicators: Vec<(CuiIndicatorKind, usize)>,
    indicator_count: Vec<usize>,
    indicator_checks: Vec<usize>,
    capped: bool,
}

/// The slot of a phrase indicator kind in the per-kind counters.
fn kind_slot(kind: CuiIndicatorKind) -> usize {
    CuiIndicatorKind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(0)
}

impl Found {
    fn indicator(&mut self, norm: &[u8], kind: CuiIndicatorKind, at: usize) {
        let slot = kind_slot(kind);
        if self.indicator_count[slot] >= MAX_FINDINGS_PER_KIND
            || self.indicator_checks[slot] >= MAX_CHECKS_PER_KIND
        {
            self.capped |= self.indicator_count[slot] >= MAX_FINDINGS_PER_KIND;
            return;
        }
        self.indicator_checks[slot] += 1;
        let s = sentence(norm, at);
        if is_definition(s) {
            return;
        }
        // DFARS 252.225-7048, Export-Controlled Items, is in most DoD contracts: its title and
        // text name ITAR and EAR without showing that any item is export-controlled.
        let names_7048 = || {
            contains(s, b"252.225-7048")
                || (0..s.len()).any(|i| match_phrase(s, i, b"export-controlled items").is_some())
        };
        if kind == CuiIndicatorKind::ExportControl && names_7048() {
            return;
        }
        // "A DD Form 254 is not required": a negation shows no classified work.
        let negated = contains(s, b" not ") || contains(s, b"n't ") || contains(s, b"no dd");
        if kind == CuiIndicatorKind::DdForm254 && negated {
            return;
        }
        self.indicator_count[slot] += 1;
        self.indicators.push((kind, at));
    }
}

/// The letter of a distribution statement at `at` (after "distribution statement "), if it is
/// B to F and is a marking rather than a range ("B through F").
fn distribution_letter(norm: &[u8], at: usize) -> Option<CuiIndicatorKind> {
    let i = skip_spaces(norm, at);
    let letter = *norm.get(i)?;
    if is_alnum(norm.get(i + 1)) {
        return None;
    }
    let after = skip_spaces(norm, i + 1);
    if match_phrase(norm, after, b"through").is_some()
        || match_phrase(norm, after, b"thru").is_some()
    {
        return None;
    }
    use CuiIndicatorKind::*;
    Some(match letter {
        b'b' => DistributionStatementB,
        b'c' => DistributionStatementC,
        b'd' => DistributionStatementD,
        b'e' => DistributionStatementE,
        b'f' => DistributionStatementF,
        _ => return None,
    })
}

fn pass(norm: &[u8], c: &Compiled) -> Found {
    let mut f = Found {
        clause_first: vec![None; c.clauses.len()],
        clause_count: vec![0; c.clauses.len()],
        indicator_count: vec![0; CuiIndicatorKind::ALL.len()],
        indicator_checks: vec![0; CuiIndicatorKind::ALL.len()],
        ..Found::default()
    };
    for i in 0..norm.len() {
        let b = norm[i];
        if !b.is_ascii_alphanumeric() {
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| norm.get(p));
        if b.is_ascii_digit() && !prev.is_some_and(u8::is_ascii_digit) {
            for (k, num) in c.numbers.iter().enumerate() {
                if match_number(norm, i, num).is_some() {
                    f.clause_count[k] += 1;
                    f.clause_first[k].get_or_insert(i);
                }
            }
        }
        if is_alnum(prev) {
            continue;
        }
        for &p in &c.by_first[usize::from(b)] {
            let phrase = &c.phrases[p];
            let Some(end) = match_phrase(norm, i, &phrase.text) else {
                continue;
            };
            if phrase.whole && is_alnum(norm.get(end)) {
                continue;
            }
            match phrase.hit {
                Hit::Lead(k) => {
                    if f.leads.len() < MAX_FILL_INS {
                        f.leads.push((k, i, end));
                    } else {
                        f.capped = true;
                    }
                }
                Hit::Cmmc => {
                    if f.cmmc.len() < MAX_MENTIONS {
                        f.cmmc.push(i);
                    }
                }
                Hit::Indicator(kind) => f.indicator(norm, kind, i),
                Hit::DistributionStatement => {
                    if let Some(kind) = distribution_letter(norm, end) {
                        f.indicator(norm, kind, i);
                    }
                }
            }
        }
    }
    f
}

/// Scans pasted solicitation or contract text: the clauses that matter, the CMMC level named in a
/// 252.204-7025 or 252.204-7021 fill-in, flow-down levels, CUI indicators, and notes on what the
/// text cannot tell. Never panics; linear in the input (see the module documentation).
pub fn scan_solicitation(text: &str) -> ScanResult {
    let truncated = text.len() > MAX_SCAN_BYTES;
    let text = &text[..floor_boundary(text, MAX_SCAN_BYTES)];
    let scan = Scan::new(text);
    let clauses = scan.clauses();
    let (fill_ins, windows) = scan.fill_ins();
    let mentions = scan.level_mentions(&windows);
    let (cui_indicators, indicators_capped) = scan.cui_indicators();
    let solicitation = solicitation_level(&fill_ins, &clauses);
    let fci_reason = fci_reason(&clauses, solicitation);
    let flow_levels = distinct(mentions.flow_down.iter().filter_map(|m| m.level));
    let flow_down_level = match flow_levels.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let mut result = ScanResult {
        solicitation,
        fill_ins,
        clauses,
        cui_indicators,
        flow_down_level,
        flow_down: mentions.flow_down,
        other_level_mentions: mentions.other,
        fci_indicated: fci_reason.is_some(),
        fci_reason,
        notes: Vec::new(),
        lines: scan.norm.lines,
        truncated,
    };
    result.notes = notes(
        &result,
        text,
        indicators_capped || mentions.capped || scan.found.capped,
    );
    result
}

/// A text being scanned: the text (cut at the cap), its normalised copy, and what the one pass
/// over that copy found, as normalised offsets the findings below map back to the text.
struct Scan<'t> {
    compiled: &'static Compiled,
    text: &'t str,
    norm: Normalised,
    found: Found,
}

/// The "CMMC Level N" mentions outside the fill-ins.
struct Mentions {
    flow_down: Vec<LevelMention>,
    other: Vec<LevelMention>,
    /// A list was full and mentions were left out.
    capped: bool,
}

impl<'t> Scan<'t> {
    fn new(text: &'t str) -> Scan<'t> {
        let compiled = compiled();
        let norm = Normalised::build(text);
        let found = pass(&norm.bytes, compiled);
        Scan {
            compiled,
            text,
            norm,
            found,
        }
    }

    /// The original byte offset and 1-based line of a normalised offset.
    fn locate(&self, t: usize) -> (usize, usize) {
        self.norm.locate(self.text, t)
    }

    /// The clauses found, in table order.
    fn clauses(&self) -> Vec<ClauseFinding> {
        self.compiled
            .clauses
            .iter()
            .enumerate()
            .filter_map(|(k, c)| {
                let first = self.found.clause_first[k]?;
                let (at, line) = self.locate(first);
                Some(ClauseFinding {
                    id: &c.id,
                    number: &c.number,
                    title: &c.title,
                    kind: c.kind,
                    role: c.role,
                    line,
                    quote: quote_at(self.text, at),
                    occurrences: self.found.clause_count[k],
                    what_it_means: &c.what_it_means,
                    citation: &c.citation,
                })
            })
            .collect()
    }

    /// The fill-in sentences with what each names, and the (normalised) span each covers, so
    /// the level mentions inside them are not counted again.
    fn fill_ins(&self) -> (Vec<FillIn>, Vec<(usize, usize)>) {
        let mut windows: Vec<(usize, usize)> = Vec::new();
        let mut fill_ins: Vec<FillIn> = Vec::new();
        for &(k, start, end) in &self.found.leads {
            let (readable, fill_end) = read_fill_in(&self.norm.bytes, end);
            windows.push((start, fill_end));
            let c = &self.compiled.clauses[k];
            let (at, line) = self.locate(start);
            let (value_from, _) = self.locate(end);
            let (value_to, _) = self.locate(fill_end);
            fill_ins.push(FillIn {
                clause: &c.id,
                paragraph: format!("{}{}", c.number, c.fill_in_paragraph),
                line,
                quote: quote_at(self.text, at),
                value: fill_in_value(excerpt(self.text, value_from, value_to)),
                reading: read_levels(&readable),
            });
        }
        (fill_ins, windows)
    }

    /// The level mentions outside the fill-ins (`windows`) and outside the contracting
    /// officer's instructions, split into flow-down ones and the rest.
    fn level_mentions(&self, windows: &[(usize, usize)]) -> Mentions {
        let norm = &self.norm.bytes;
        let mut flow_down: Vec<LevelMention> = Vec::new();
        let mut other: Vec<LevelMention> = Vec::new();
        let mut capped = false;
        for &at in &self.found.cmmc {
            if windows.iter().any(|&(s, e)| at >= s && at < e) {
                continue;
            }
            let Some((written, end)) = parse_cmmc_level(norm, at) else {
                continue;
            };
            if inside_instruction(norm, at) {
                continue;
            }
            let list = if speaks_of_flow_down(sentence(norm, at)) {
                &mut flow_down
            } else {
                &mut other
            };
            if list.len() >= MAX_FINDINGS_PER_KIND {
                capped = true;
                continue;
            }
            let (orig, line) = self.locate(at);
            let words: String = norm[at..end]
                .iter()
                .map(|&b| {
                    if b.is_ascii_graphic() || b == b' ' {
                        b as char
                    } else {
                        ' '
                    }
                })
                .collect();
            list.push(LevelMention {
                level: written.level(),
                mention: words.trim().to_string(),
                line,
                quote: quote_at(self.text, orig),
            });
        }
        Mentions {
            flow_down,
            other,
            capped,
        }
    }

    /// The CUI indicators in text order, and whether some were left out at a cap. The line
    /// rules and the phrase rules each give their findings in line order, so the two lists are
    /// merged rather than sorted.
    fn cui_indicators(&self) -> (Vec<CuiIndicator>, bool) {
        let mut by_line: Vec<(usize, CuiIndicatorKind, usize)> = Vec::new();
        line_indicators(self.text, &mut by_line);
        let by_phrase = self.found.indicators.iter().map(|&(kind, start)| {
            let (at, line) = self.locate(start);
            (line, kind, at)
        });
        let mut cui_indicators: Vec<CuiIndicator> = Vec::new();
        let mut by_line = by_line.into_iter().peekable();
        let mut by_phrase = by_phrase.peekable();
        loop {
            let next = match (by_line.peek(), by_phrase.peek()) {
                (Some(a), Some(b)) if a.0 <= b.0 => by_line.next(),
                (Some(_), None) => by_line.next(),
                (_, Some(_)) => by_phrase.next(),
                (None, None) => break,
            };
            let Some((line, kind, at)) = next else { break };
            // One finding per kind and line: a warning notice names the ITAR and the EAR
            // together.
            let repeated = cui_indicators
                .iter()
                .rev()
                .take_while(|i| i.line == line)
                .any(|i| i.kind == kind);
            if !repeated {
                cui_indicators.push(CuiIndicator {
                    kind,
                    line,
                    quote: quote_at(self.text, at),
                    citation: kind.citation(),
                });
            }
        }
        let capped = self.found.capped
            || CuiIndicatorKind::ALL[..3].iter().any(|&k| {
                cui_indicators.iter().filter(|i| i.kind == k).count() >= MAX_FINDINGS_PER_KIND
            });
        (cui_indicators, capped)
    }
}

/// The level: not found without a level clause, named when the fill-ins name exactly one,
/// unknown otherwise.
fn solicitation_level(fill_ins: &[FillIn], clauses: &[ClauseFinding]) -> ScanLevel {
    let level_clause_present =
        !fill_ins.is_empty() || clauses.iter().any(|c| c.role == ClauseRole::CmmcLevel);
    let named = distinct(fill_ins.iter().filter_map(|f| match f.reading {
        FillInReading::Level(s) => Some(s),
        _ => None,
    }));
    if !level_clause_present {
        ScanLevel::NotFound
    } else if let [one] = named.as_slice() {
        ScanLevel::Named(*one)
    } else {
        ScanLevel::Unknown
    }
}

/// Why FCI is suggested: FAR 52.204-21 in the text, or a Level 1 fill-in.
fn fci_reason(clauses: &[ClauseFinding], solicitation: ScanLevel) -> Option<Reason> {
    let fci_clause = clauses.iter().find(|c| c.role == ClauseRole::Fci);
    match (fci_clause, solicitation) {
        (Some(c), _) => Some(Reason {
            text: format!(
                "FAR {} ({}) is on line {}: the contract will likely involve Federal contract information, so \"handles FCI: yes\" is suggested. Confirm it: FCI is information not intended for public release that is provided by or generated for the Government under the contract.",
                c.number, c.title, c.line
            ),
            citation: "FAR 52.204-21(a)-(b); FAR 4.1903",
        }),
        (None, ScanLevel::Named(Solicitation::L1Self)) => Some(Reason {
            text: "The solicitation names CMMC Level 1 (Self), which protects Federal contract information, so \"handles FCI: yes\" is suggested. Confirm it.".into(),
            citation: "32 CFR 170.14(c)(2); DFARS 252.204-7025(b)(1)",
        }),
        _ => None,
    }
}

/// The distinct levels among `levels`, from Level 1 up. Counting beats sorting here: each sort
/// instantiation costs kilobytes of wasm.
fn distinct(levels: impl IntoIterator<Item = Solicitation>) -> Vec<Solicitation> {
    use Solicitation::*;
    const ORDER: [Solicitation; 6] = [None, L1Self, L2Self, L2C3pao, L3Dibcac, Unknown];
    let mut seen = [false; ORDER.len()];
    for level in levels {
        if let Some(i) = ORDER.iter().position(|&o| o == level) {
            seen[i] = true;
        }
    }
    ORDER
        .iter()
        .zip(seen)
        .filter(|(_, seen)| *seen)
        .map(|(level, _)| *level)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Notes

fn note(text: impl Into<String>, citation: &'static str) -> Reason {
    Reason {
        text: text.into(),
        citation,
    }
}

/// Whether the text looks like binary data rather than a document.
fn looks_binary(text: &str) -> bool {
    let sample = &text[..floor_boundary(text, 64 * 1024)];
    let (mut odd, mut all) = (0usize, 0usize);
    for c in sample.chars() {
        all += 1;
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
            odd += 1;
        }
    }
    all > 0 && odd * 8 > all
}

/// What the findings mean and what the text cannot tell.
fn notes(r: &ScanResult, text: &str, capped: bool) -> Vec<Reason> {
    let mut out = Vec::new();
    if r.truncated {
        out.push(note(
            format!(
                "The text is longer than {} MB; only the first {} MB were read.",
                MAX_SCAN_BYTES >> 20,
                MAX_SCAN_BYTES >> 20
            ),
            "scanner limit",
        ));
    }
    if looks_binary(text) {
        out.push(note(
            "The text does not look like a document (many control or unreadable characters): paste the solicitation's text rather than the file's bytes.",
            "scanner limit",
        ));
    }
    level_notes(r, &mut out);
    clause_notes(r, &mut out);
    cui_notes(r, &mut out);
    if capped {
        out.push(note(
            format!(
                "The text repeats some findings many times: only the first {MAX_FINDINGS_PER_KIND} of a kind (and 20 fill-ins) are listed."
            ),
            "scanner limit",
        ));
    }
    out
}

/// The level: which fill-in names it, or why it is unknown; what Level 3 needs first; the
/// levels asked of subcontractors; other mentions of a level.
fn level_notes(r: &ScanResult, out: &mut Vec<Reason>) {
    match r.solicitation {
        ScanLevel::NotFound => out.push(note(
            "Neither DFARS 252.204-7025 nor 252.204-7021 is in the text, so the text names no CMMC level. A partial paste proves nothing: if you pasted the whole solicitation, it names no CMMC level and CMMC is not a condition of this award; otherwise look for those clauses in the rest of it.",
            "DFARS 204.7502(a)(1); DFARS 204.7504; DFARS 252.204-7025(b)(1)",
        )),
        ScanLevel::Named(level) => {
            let from = r
                .fill_ins
                .iter()
                .find(|f| f.reading == FillInReading::Level(level));
            if let Some(f) = from {
                out.push(note(
                    format!(
                        "The {} fill-in on line {} names {}: that level, or higher, is required for each information system that will process, store or transmit FCI or CUI.",
                        f.paragraph,
                        f.line,
                        Solicitation::in_sentence(level)
                    ),
                    "DFARS 252.204-7025(b)(1); DFARS 252.204-7021(d)(1)(i); DFARS 204.7502(a)",
                ));
            }
        }
        ScanLevel::Unknown => unknown_level_notes(r, out),
    }
    if let ScanLevel::Named(Solicitation::L3Dibcac) = r.solicitation {
        out.push(note(
            "Level 3 (DIBCAC) needs a Final Level 2 (C3PAO) status for the same scope first.",
            "32 CFR 170.18(a)",
        ));
    }
    if !r.flow_down.is_empty() {
        let what = match r.flow_down_level {
            Some(level) => format!(
                "names {} for subcontractors",
                Solicitation::in_sentence(level)
            ),
            None => "names CMMC levels for subcontractors".to_string(),
        };
        out.push(note(
            format!(
                "Line {} {what}. That is what the prime passes down to its subcontractors, not the level this solicitation requires of the offeror; if you are the subcontractor, it is the level your prime asks of you.",
                r.flow_down[0].line
            ),
            "32 CFR 170.23(a); DFARS 252.204-7021(d)(1)(ii), (f)",
        ));
    }
    if let Some(m) = r.other_level_mentions.first() {
        out.push(note(
            format!(
                "Line {} mentions \"{}\" outside the clause fill-ins. The scanner takes the level only from the 252.204-7025 and 252.204-7021 fill-ins; check that the two agree.",
                m.line, m.mention
            ),
            "DFARS 252.204-7025(b)(1); DFARS 252.204-7021(d)(1)(i)",
        ));
    }
}

/// Why the level is unknown: the fill-ins disagree, the level sentence is missing, or a
/// fill-in names no single level.
fn unknown_level_notes(r: &ScanResult, out: &mut Vec<Reason>) {
    let level_clause = r.clauses.iter().find(|c| c.role == ClauseRole::CmmcLevel);
    let distinct: Vec<&FillIn> = r
        .fill_ins
        .iter()
        .filter(|f| matches!(f.reading, FillInReading::Level(_)))
        .collect();
    let several_named = distinct.iter().any(|f| f.reading != distinct[0].reading);
    if several_named {
        let list: Vec<String> = distinct
            .iter()
            .map(|f| {
                let label = match f.reading {
                    FillInReading::Level(s) => Solicitation::in_sentence(s),
                    _ => "",
                };
                format!("line {} names {label}", f.line)
            })
            .collect();
        out.push(note(
            format!(
                "The fill-ins disagree ({}). The level is unknown: ask the contracting officer which level applies.",
                list.join("; ")
            ),
            "DFARS 252.204-7025(b)(1); DFARS 252.204-7021(d)(1)(i)",
        ));
    } else if r.fill_ins.is_empty() {
        if let Some(c) = level_clause {
            out.push(note(
                format!(
                    "DFARS {} is cited on line {}, but the sentence that names the level is not in the text (the clause may be incorporated by reference, or the paste cut off). The level is unknown: find the clause's full text, or ask the contracting officer.",
                    c.number, c.line
                ),
                "DFARS 252.204-7025(b)(1); DFARS 252.204-7021(d)(1)(i)",
            ));
        }
    }
    for f in &r.fill_ins {
        let why = match f.reading {
            FillInReading::Level(_) => continue,
            FillInReading::Blank => "is blank or holds only the contracting officer's instruction, which lists every level",
            FillInReading::NoAssessmentType => "names Level 2 without saying whether it is a self-assessment or a C3PAO certification",
            FillInReading::SeveralLevels => "names more than one level (struck-through options may have lost their formatting in the copy)",
            FillInReading::Unreadable => "names a level with an assessor that contradicts it",
        };
        out.push(note(
            format!(
                "The {} fill-in on line {} {why}. The level is unknown: ask the contracting officer.",
                f.paragraph, f.line
            ),
            "DFARS 252.204-7025(b)(1); DFARS 252.204-7021(d)(1)(i); 32 CFR 170.16-170.18",
        ));
    }
}

/// What the other clauses found oblige (7012, 7019 / 7020, 7024).
fn clause_notes(r: &ScanResult, out: &mut Vec<Reason>) {
    let clause = |id: &str| r.clauses.iter().find(|c| c.id == id);
    if let Some(c) = clause("dfars-252.204-7012") {
        out.push(note(
            format!(
                "DFARS 252.204-7012 is on line {}. It is in nearly every DoD contract, so by itself it does not show that you will handle CUI; if you do, it requires NIST SP 800-171 r2, cyber incident reports to DoD within 72 hours and FedRAMP Moderate (or equivalent) cloud services for it.",
                c.line
            ),
            "DFARS 204.7304(c); DFARS 252.204-7012(b)-(c)",
        ));
    }
    if let Some(c) = clause("dfars-252.204-7019").or(clause("dfars-252.204-7020")) {
        out.push(note(
            format!(
                "DFARS {} is on line {}: before award you need a current NIST SP 800-171 DoD Assessment (at least a Basic self-assessment, not more than 3 years old) for each covered contractor information system, with its summary score posted in SPRS.",
                c.number, c.line
            ),
            "DFARS 252.204-7019(b)-(c); DFARS 204.7303(b)",
        ));
    }
    if let Some(c) = clause("dfars-252.204-7024") {
        out.push(note(
            format!(
                "DFARS 252.204-7024 on line {} is about the SPRS item, price and supplier risk assessments used to evaluate offers. It says nothing about CMMC or CUI.",
                c.line
            ),
            "DFARS 252.204-7024(c); DFARS 204.7603",
        ));
    }
}

/// What the CUI indicators suggest (or their absence does not show), and a DD Form 254.
fn cui_notes(r: &ScanResult, out: &mut Vec<Reason>) {
    let cui: Vec<&CuiIndicator> = r
        .cui_indicators
        .iter()
        .filter(|i| i.kind != CuiIndicatorKind::DdForm254)
        .collect();
    if let Some(first) = cui.first() {
        out.push(note(
            format!(
                "{} CUI indicator(s), the first on line {} ({}). They suggest the contract involves CUI, which needs NIST SP 800-171 r2 and, where CMMC applies, Level 2 or 3; confirm what you will receive.",
                cui.len(),
                first.line,
                first.kind.meaning()
            ),
            "DoDI 5200.48; 32 CFR 170.14(c)(3)",
        ));
        if r.solicitation == ScanLevel::Named(Solicitation::L1Self) {
            out.push(note(
                "The solicitation names Level 1, but the text shows CUI indicators: CUI cannot be protected under a Level 1 requirement. Raise it with the contracting officer.",
                "32 CFR 170.14(c)(2)-(3)",
            ));
        }
    } else if r.clauses.iter().any(|c| c.id == "dfars-252.204-7012") {
        out.push(note(
            "No CUI markings were found. That does not show there is no CUI: it is usually identified in the statement of work or the contract data requirements list, or arrives later in marked documents, and markings may not survive a copy.",
            "DFARS 252.204-7012(a) (covered defense information); DoDI 5200.48",
        ));
    }
    if let Some(dd) = r
        .cui_indicators
        .iter()
        .find(|i| i.kind == CuiIndicatorKind::DdForm254)
    {
        out.push(note(
            format!(
                "Line {} mentions a DD Form 254: the contract involves classified information, which the NISPOM governs. CMMC covers unclassified contractor information systems; a DD Form 254 does not by itself show CUI.",
                dd.line
            ),
            "32 CFR part 117 (NISPOM); 32 CFR 170.3",
        ));
    }
}
