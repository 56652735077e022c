//! Imports an ISO/IEC 27001 Statement of Applicability (SoA) exported from a spreadsheet as CSV or
//! tab-separated text, tolerating the many shapes real SoAs come in.
//!
//! The importer never fails as a whole: every good row is kept, every bad row becomes a
//! [`Problem`] carrying its 1-based physical line number and a plain-English message. Only a file
//! that has no column of Annex A control ids at all yields zero rows and a single
//! [`ProblemKind::NotAnSoa`] problem (the command line exits 2 on it).
//!
//! # How a file is read
//!
//! 1. **Encoding.** A UTF-8, UTF-16LE or UTF-16BE byte order mark decides; without one, UTF-16 is
//!    recognised by its NUL bytes (many at odd positions: little-endian, at even positions:
//!    big-endian), otherwise the file is read as UTF-8. Invalid bytes are replaced by U+FFFD and
//!    reported once ([`ProblemKind::Encoding`]) at the line of the first replacement. Workbooks,
//!    PDFs, images, JSON, HTML and XML are recognised and named in a [`ProblemKind::NotAnSoa`].
//! 2. **Delimiter.** Forced by [`ImportOptions::delimiter`], else by an Excel `sep=;` first line,
//!    else sniffed: comma, semicolon and tab are each tried on the first records and the one that
//!    yields the most rows holding a known control id wins, ties going to the most consistent
//!    multi-column parse, then to the order comma, semicolon, tab.
//! 3. **Header.** Among the first 20 records before the first row holding a control id, the one
//!    whose cells name the most column roles (at least two) is the header; title rows and blank
//!    rows above it are ignored. Header words are matched loosely ("Control ID", "Annex A ref",
//!    "Justification for inclusion/exclusion", ...). Without a header, columns are found by content.
//! 4. **Id column.** The header's id column if it holds known control ids, otherwise the column
//!    holding the most known control ids. None at all means the file is not an SoA.
//! 5. **Edition.** Forced by [`ImportOptions::edition`], else the majority of the ids' shapes:
//!    two numbers (`A.5.15`) is 2022, three (`A.9.4.2`) is 2013. Minority rows become
//!    [`ProblemKind::WrongEdition`] problems.
//!
//! # Row rules
//!
//! - A row repeating the header row (paginated exports do this) is skipped silently.
//! - A quote that opens a cell and is never closed swallows the rest of the file into that cell;
//!   it is reported ([`ProblemKind::Encoding`]) at the line where it opens.
//! - A row with no control id and no applicability or status (blank rows, notes, section headings
//!   such as `Organizational controls`) is skipped silently. So is a heading with a clause id that
//!   is shorter than a control of the file's edition (`A.5 Organizational controls` in a 2022 SoA,
//!   `A.9.4 System and application access control` in a 2013 SoA) when it carries no answer. With
//!   an answer, such a row is reported ([`ProblemKind::BadId`] or [`ProblemKind::WrongEdition`]).
//! - A row with an answer but a blank id is [`ProblemKind::MissingId`]; an unreadable id is
//!   [`ProblemKind::BadId`]; an id not in the catalog for the edition is
//!   [`ProblemKind::UnknownControl`]. These rows are skipped.
//! - A control listed twice: the first accepted row is kept, later ones are
//!   [`ProblemKind::DuplicateControl`] naming both lines.
//! - Status: applicable = No always means [`ControlStatus::Excluded`]. Otherwise a recognised status
//!   word decides. With **no status column**, or a **blank status cell**, an applicable (included)
//!   row counts as [`ControlStatus::Implemented`]: a certified organisation's SoA lists its included
//!   controls as implemented, and the status column, when present, only refines that. A file with
//!   neither an applicability nor a status column (a bare list of controls) is read the same way.
//! - A row whose applicability and status are both blank, in a file that has at least one of those
//!   columns, is kept as [`ControlStatus::NotImplemented`] with a [`ProblemKind::MissingStatus`]
//!   problem: claiming an unanswered control would overstate readiness. The exception is a
//!   checkbox-style applicability column (every filled cell is `X` or a tick), where a blank cell
//!   means "not selected" and the row is [`ControlStatus::Excluded`].
//! - An unrecognised status or applicability word is reported ([`ProblemKind::UnknownStatus`],
//!   [`ProblemKind::UnknownApplicability`]) and the row is skipped, so a typo never silently turns
//!   into a claim.
//! - Cell text is kept verbatim (after trimming): a formula such as `=HYPERLINK(...)` or an HTML
//!   string stays plain text. Whoever renders or re-exports it must escape it.
//!
//! # Caps
//!
//! - At most [`MAX_RECORDS`] CSV records are read; the rest are ignored with one
//!   [`ProblemKind::TooLarge`] problem at the first ignored record.
//! - A kept field longer than [`MAX_FIELD_BYTES`] is truncated (at a character boundary) with a
//!   [`ProblemKind::TooLarge`] problem.
//! - Only the first [`MAX_COLUMNS`] columns are examined for header words and ids and listed in
//!   [`SoaImport::columns`]; column overrides may still point further right.
//!
//! # Cost
//!
//! Linear in the input: the delimiter sniffer parses at most 200 records per candidate, then the
//! file is parsed once and each record visited a constant number of times. A 10,000-row SoA
//! imports in about 8 ms natively (opt-level 3, shared 2-core machine; see the
//! `ten_thousand_rows` test).

use super::catalog::Catalog;
use super::ids::{AnnexAControl, AnnexAKey, Edition, ID_END};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// Records beyond this many are not read (one problem reports it).
pub const MAX_RECORDS: usize = 100_000;
/// A kept field longer than this many bytes is truncated (one problem per field reports it).
pub const MAX_FIELD_BYTES: usize = 1 << 20;
/// Columns beyond this index are not examined for header words or ids.
pub const MAX_COLUMNS: usize = 256;
/// How many records may precede the header (title rows, blank rows, notes).
const HEADER_SEARCH_RECORDS: usize = 20;
/// How many records the delimiter sniffer parses per candidate.
const SNIFF_RECORDS: usize = 200;

/// What a column of the SoA holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The Annex A control id (`A.5.15`), possibly followed by the title in the same cell.
    Control,
    /// The control's title.
    Title,
    /// Whether the control is applicable / included / selected.
    Applicable,
    /// The implementation status.
    Status,
    /// The justification for inclusion or exclusion.
    Justification,
    /// Evidence or document references.
    Evidence,
    /// The control owner.
    Owner,
}

impl Role {
    /// Every role, in the order a typical SoA lists its columns.
    pub const ALL: [Role; 7] = [
        Role::Control,
        Role::Title,
        Role::Applicable,
        Role::Status,
        Role::Justification,
        Role::Evidence,
        Role::Owner,
    ];

    /// A short English label for messages and the UI.
    pub fn label(self) -> &'static str {
        match self {
            Role::Control => "control id",
            Role::Title => "title",
            Role::Applicable => "applicability",
            Role::Status => "implementation status",
            Role::Justification => "justification",
            Role::Evidence => "evidence",
            Role::Owner => "owner",
        }
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// Column indexes (0-based) chosen by the user, overriding detection for that role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnOverrides {
    /// Column holding the control id.
    pub control: Option<usize>,
    /// Column holding the title.
    pub title: Option<usize>,
    /// Column holding applicable / included.
    pub applicable: Option<usize>,
    /// Column holding the implementation status.
    pub status: Option<usize>,
    /// Column holding the justification.
    pub justification: Option<usize>,
    /// Column holding evidence references.
    pub evidence: Option<usize>,
    /// Column holding the owner.
    pub owner: Option<usize>,
}

impl ColumnOverrides {
    /// The override for one role, if any.
    pub fn get(&self, role: Role) -> Option<usize> {
        match role {
            Role::Control => self.control,
            Role::Title => self.title,
            Role::Applicable => self.applicable,
            Role::Status => self.status,
            Role::Justification => self.justification,
            Role::Evidence => self.evidence,
            Role::Owner => self.owner,
        }
    }
}

/// A field delimiter the importer understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Delimiter {
    /// `,`
    Comma,
    /// `;` (Excel in locales whose decimal separator is a comma)
    Semicolon,
    /// Tab (Excel's "Unicode Text" export)
    Tab,
}

impl Delimiter {
    /// Candidates in tie-break order.
    pub const ALL: [Delimiter; 3] = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];

    /// The delimiter byte.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }
}

/// How the caller wants the import steered; the default detects everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOptions {
    /// Per-role column overrides (0-based indexes).
    pub columns: ColumnOverrides,
    /// Use this delimiter instead of sniffing.
    pub delimiter: Option<Delimiter>,
    /// Read ids as this edition instead of taking the majority.
    pub edition: Option<Edition>,
}

/// The text encoding the file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TextEncoding {
    /// UTF-8 without a byte order mark.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-8 with a byte order mark (Excel's "CSV UTF-8").
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    /// UTF-16 little-endian, with or without a byte order mark (Excel's "Unicode Text").
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16 big-endian, with or without a byte order mark.
    #[serde(rename = "utf-16be")]
    Utf16Be,
}

/// One column of the file as detected, so a UI can show it and let the user fix the mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// 0-based column index.
    pub index: usize,
    /// The header cell's text (empty when the file has no header row).
    pub header: String,
    /// The role the importer used this column for, if any.
    pub role: Option<Role>,
}

/// The implementation status of one control, as the importer reads the SoA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ControlStatus {
    /// Implemented ("implemented", "yes", "done", "complete", ...).
    Implemented,
    /// Partly implemented ("partial", "partially", "partly", "in progress").
    Partial,
    /// Not yet started ("planned", "to do", "not started").
    Planned,
    /// Applicable but not implemented ("no", "not implemented", "missing").
    NotImplemented,
    /// Not applicable / excluded from the SoA ("excluded", "n/a", "not applicable").
    Excluded,
}

/// One imported SoA row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SoaRow {
    /// 1-based physical line where the record starts.
    pub line: usize,
    /// The canonical control id (`A.5.15`, `A.9.4.2`).
    pub control: AnnexAControl,
    /// The title as written in the file (from the title column, or after the id in the id cell).
    pub title: String,
    /// What the applicability column says; `None` when it is absent, blank or checkbox-blank
    /// with a status present.
    pub applicable: Option<bool>,
    /// The status the row is counted as (see the module's row rules).
    pub status: ControlStatus,
    /// The justification, verbatim.
    pub justification: String,
    /// Evidence references, verbatim.
    pub evidence: String,
    /// The control owner, verbatim.
    pub owner: String,
}

/// What kind of trouble a [`Problem`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// The file is not an SoA: empty, binary, or no column holds control ids.
    NotAnSoa,
    /// Bytes that are not valid in the detected encoding were replaced, or the text could not be
    /// read as CSV past some point (an unclosed quote).
    Encoding,
    /// A cap was hit: too many records, or a field too long.
    TooLarge,
    /// The id cell is not an Annex A control id.
    BadId,
    /// The row has an answer but no control id.
    MissingId,
    /// The id is well formed but not a control of the edition.
    UnknownControl,
    /// The id belongs to the other edition.
    WrongEdition,
    /// The control was already listed on an earlier line.
    DuplicateControl,
    /// The status cell holds a word the importer does not know.
    UnknownStatus,
    /// The applicability cell holds a word the importer does not know.
    UnknownApplicability,
    /// Applicability and status are both blank; the row is counted as not implemented.
    MissingStatus,
}

/// One problem found while importing, with its position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// 1-based physical line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// What kind of problem it is.
    pub kind: ProblemKind,
    /// Plain English, naming the offending value; `Display` prefixes `line N: `.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            f.write_str(&self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

/// The result of importing an SoA: what was detected, the rows, and the problems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SoaImport {
    /// The edition the ids were read as (`None` when the file is not an SoA).
    pub edition: Option<Edition>,
    /// The text encoding the bytes were decoded as.
    pub encoding: TextEncoding,
    /// The field delimiter used.
    pub delimiter: Delimiter,
    /// 1-based line of the header row, `None` when the file has none.
    pub header_line: Option<usize>,
    /// Every column (up to [`MAX_COLUMNS`]) with its header text and the role it was used for.
    pub columns: Vec<Column>,
    /// The imported rows, in file order.
    pub rows: Vec<SoaRow>,
    /// The problems, ordered by line (whole-file problems first).
    pub problems: Vec<Problem>,
    /// CSV records read after the header (or all records without one), blank-ish ones included.
    pub records_read: usize,
    /// Rows imported (`rows.len()`, kept here for the JSON view).
    pub rows_imported: usize,
}

impl SoaImport {
    /// The column used for a role, if any.
    pub fn column_for(&self, role: Role) -> Option<usize> {
        self.columns
            .iter()
            .find(|c| c.role == Some(role))
            .map(|c| c.index)
    }

    /// True when the file was rejected as not an SoA.
    pub fn is_not_an_soa(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.kind == ProblemKind::NotAnSoa)
    }
}

/// Imports an SoA from the raw bytes of a CSV / tab-separated export. Never panics, never fails
/// as a whole; see the module documentation for the rules.
pub fn import_soa(input: &[u8], options: &ImportOptions, catalog: &Catalog) -> SoaImport {
    let (text, encoding, replaced) = decode(input);
    let mut out = SoaImport {
        edition: None,
        encoding,
        delimiter: options.delimiter.unwrap_or(Delimiter::Comma),
        header_line: None,
        columns: Vec::new(),
        rows: Vec::new(),
        problems: Vec::new(),
        records_read: 0,
        rows_imported: 0,
    };
    if let Some(what) = binary_signature(input) {
        return not_an_soa(
            out,
            format!("this looks like {what}, not a CSV or text export; {SAVE_AS_CSV}"),
        );
    }
    if text.trim_matches(is_blank).is_empty() {
        return not_an_soa(out, "the file is empty".to_string());
    }
    // JSON, HTML and XML are text too, and a JSON object keyed by ids (`"A.5.15": "No",`) even
    // parses as CSV cells holding ids, which would import every control as implemented. Naming
    // the format is the clearer answer.
    if let Some(what) = text_document_kind(&text) {
        return not_an_soa(
            out,
            format!("this looks like {what}, not a CSV or text export; {SAVE_AS_CSV}"),
        );
    }
    let looks_binary = text.contains('\0') || replaced * 20 > text.len().max(1);
    if replaced > 0 {
        let first = text.find('\u{FFFD}').unwrap_or(0);
        out.problems.push(Problem {
            line: 1 + count_line_breaks(text.as_bytes(), 0, first),
            kind: ProblemKind::Encoding,
            message: format!(
                "the file is not valid {}; {replaced} invalid byte sequence(s) were replaced with \u{FFFD}, starting here",
                encoding_name(encoding)
            ),
        });
    }

    let known = KnownIds::new(catalog);
    let delimiter = options
        .delimiter
        .or_else(|| sep_hint(&text))
        .unwrap_or_else(|| sniff_delimiter(&text, &known));
    out.delimiter = delimiter;

    let records = read_records(&text, delimiter.byte(), &mut out.problems);
    // A stray quote at the start of a cell makes the csv reader take the rest of the file as
    // that one cell, so every later row would vanish without a word. Say where it opened.
    let unclosed = if records.len() < MAX_RECORDS {
        records
            .last()
            .and_then(|last| unclosed_quote(&text, last, delimiter.byte()))
    } else {
        None
    };
    if let Some(line) = unclosed {
        out.problems.push(Problem {
            line,
            kind: ProblemKind::Encoding,
            message: "a quoted cell opens here and its quote (\") is never closed, so the rest of the file was read as this one cell and no later row was imported".to_string(),
        });
    }
    let header = find_header(&records, &known);
    out.header_line = header.map(|h| records[h].line);
    let data = &records[header.map_or(0, |h| h + 1)..];
    out.records_read = data.len();

    let width = records
        .iter()
        .map(|r| r.fields.len())
        .max()
        .unwrap_or(0)
        .min(MAX_COLUMNS);
    let mut roles: [Option<usize>; 7] = [None; 7];
    if let Some(h) = header {
        for (j, cell) in records[h].fields.iter().enumerate().take(MAX_COLUMNS) {
            if let Some(role) = header_role(cell) {
                roles[role.slot()].get_or_insert(j);
            }
        }
    }
    let id_counts = id_column_counts(data, &known, width);
    let forced_id = options.columns.control;
    let id_column = match forced_id {
        Some(j) => Some(j),
        None => roles[Role::Control.slot()]
            .filter(|&j| id_counts.get(j).is_some_and(|&n| n > 0))
            .or_else(|| best_column(&id_counts)),
    };
    let id_column = match id_column {
        Some(j)
            if id_counts
                .get(j)
                .copied()
                .unwrap_or_else(|| known_ids_in(data, j, &known))
                > 0 =>
        {
            j
        }
        Some(j) if forced_id.is_some() => {
            let msg = format!(
                "the chosen control id column (column {}) holds no ISO/IEC 27001 Annex A control ids",
                j + 1
            );
            return not_an_soa(out, msg);
        }
        _ => {
            // The generic reason, then the most specific hint the file allows, so the user
            // learns what to fix rather than only that something is wrong.
            let why = if looks_binary {
                "the file does not look like text".to_string()
            } else {
                "no column holds ISO/IEC 27001 Annex A control ids (such as A.5.15 or A.9.4.2)"
                    .to_string()
            };
            let widest = records.iter().map(|r| r.fields.len()).max().unwrap_or(0);
            let hint = if let Some(line) = unclosed {
                format!("the quote (\") that opens a cell on line {line} is never closed, so the rest of the file was read as one cell; close or remove it and import again")
            } else if let Some((line, cell)) = id_shaped_cell(data) {
                format!(
                    "{} on line {line} is shaped like one but is not a control of either edition",
                    quote(cell)
                )
            } else if header.is_some()
                && data
                    .iter()
                    .all(|r| r.fields.iter().all(|c| clean(c).is_empty()))
            {
                format!(
                    "the header on line {} has no rows below it",
                    records[header.unwrap_or(0)].line
                )
            } else if widest > MAX_COLUMNS {
                format!("only the first {MAX_COLUMNS} columns are searched for them; {SAVE_AS_CSV}")
            } else {
                SAVE_AS_CSV.to_string()
            };
            return not_an_soa(
                out,
                format!("this is not a Statement of Applicability: {why}; {hint}"),
            );
        }
    };
    // A column holds one role: the id column found by content wins over a header guess.
    for slot in roles.iter_mut() {
        if *slot == Some(id_column) {
            *slot = None;
        }
    }
    roles[Role::Control.slot()] = Some(id_column);
    if header.is_none() {
        detect_roles_by_content(data, &known, id_column, width, &mut roles);
    }
    for role in Role::ALL {
        if let Some(j) = options.columns.get(role) {
            for slot in roles.iter_mut() {
                if *slot == Some(j) {
                    *slot = None;
                }
            }
            roles[role.slot()] = Some(j);
        }
    }
    out.columns = (0..width)
        .map(|index| Column {
            index,
            header: header
                .and_then(|h| records[h].fields.get(index))
                .map(|s| clean(s).to_string())
                .unwrap_or_default(),
            role: Role::ALL
                .into_iter()
                .find(|r| roles[r.slot()] == Some(index)),
        })
        .collect();

    let edition = options
        .edition
        .unwrap_or_else(|| majority_edition(data, id_column, &known));
    out.edition = Some(edition);
    let ctx = RowContext {
        roles,
        edition,
        forced_edition: options.edition.is_some(),
        checkbox: roles[Role::Applicable.slot()].is_some_and(|j| is_checkbox_column(data, j)),
        has_answer_columns: roles[Role::Applicable.slot()].is_some()
            || roles[Role::Status.slot()].is_some(),
        known: &known,
    };
    let mut seen = IdMap::default();
    for rec in data {
        // Exports of paginated sheets repeat the header row; it is not a row with a bad id.
        if header.is_some_and(|h| repeats_header(&records[h], rec, id_column)) {
            continue;
        }
        if let Some(row) = read_row(rec, &ctx, &mut seen, &mut out.problems) {
            out.rows.push(row);
        }
    }
    out.rows_imported = out.rows.len();
    // Stable, so problems on one line stay in the order they were found.
    out.problems.sort_by_key(|p| p.line);
    out
}

const SAVE_AS_CSV: &str =
    "in Excel use File > Save As > \"CSV UTF-8\" (or \"Unicode Text\") and import that file";

fn not_an_soa(mut out: SoaImport, message: String) -> SoaImport {
    // One clear problem is more useful than a pile of per-line noise about a file that was
    // never an SoA, so everything found so far is dropped.
    out.problems = vec![Problem {
        line: 0,
        kind: ProblemKind::NotAnSoa,
        message,
    }];
    out.rows.clear();
    out.rows_imported = 0;
    out.edition = None;
    out
}

// ---------------------------------------------------------------------------------------------
// Decoding

fn decode(input: &[u8]) -> (Cow<'_, str>, TextEncoding, usize) {
    let (encoding, body) = if let Some(rest) = input.strip_prefix(b"\xEF\xBB\xBF") {
        (TextEncoding::Utf8Bom, rest)
    } else if let Some(rest) = input.strip_prefix(b"\xFF\xFE") {
        (TextEncoding::Utf16Le, rest)
    } else if let Some(rest) = input.strip_prefix(b"\xFE\xFF") {
        (TextEncoding::Utf16Be, rest)
    } else {
        match sniff_utf16(input) {
            Some(e @ (TextEncoding::Utf16Le | TextEncoding::Utf16Be)) => (e, input),
            _ => (TextEncoding::Utf8, input),
        }
    };
    // Only UTF-8 and UTF-16 are read, so the standard library decodes them; a general-purpose
    // decoder would ship every legacy encoding's tables to the browser for nothing.
    let (text, had_errors) = match encoding {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => match String::from_utf8_lossy(body) {
            Cow::Borrowed(s) => (Cow::Borrowed(s), false),
            Cow::Owned(s) => (Cow::Owned(s), true),
        },
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let big_endian = encoding == TextEncoding::Utf16Be;
            let units = body.chunks_exact(2).map(|p| {
                if big_endian {
                    u16::from_be_bytes([p[0], p[1]])
                } else {
                    u16::from_le_bytes([p[0], p[1]])
                }
            });
            let mut text: String = char::decode_utf16(units)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect();
            let odd_byte = body.len() % 2 == 1;
            if odd_byte {
                text.push(char::REPLACEMENT_CHARACTER);
            }
            let had_errors = odd_byte || text.contains(char::REPLACEMENT_CHARACTER);
            (Cow::Owned(text), had_errors)
        }
    };
    let replaced = if had_errors {
        text.chars().filter(|&c| c == '\u{FFFD}').count()
    } else {
        0
    };
    (text, encoding, replaced)
}

/// Decodes an SoA file's bytes as the importer does (UTF-8 with or without BOM, UTF-16 with or
/// without BOM), for front ends that keep the text rather than the bytes. Returns the text
/// (without a BOM), the encoding it was read as, and how many characters had to be replaced.
pub fn decode_text(input: &[u8]) -> (String, TextEncoding, usize) {
    let (text, encoding, replaced) = decode(input);
    (text.into_owned(), encoding, replaced)
}

/// UTF-16 without a byte order mark: ASCII-heavy text has a NUL in every other byte.
fn sniff_utf16(input: &[u8]) -> Option<TextEncoding> {
    let sample = &input[..input.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let nul_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let nul_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // At least 30% NULs on one side and almost none on the other: text, not binary.
    if nul_odd * 10 >= pairs * 3 && nul_even * 20 < pairs {
        Some(TextEncoding::Utf16Le)
    } else if nul_even * 10 >= pairs * 3 && nul_odd * 20 < pairs {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

fn binary_signature(input: &[u8]) -> Option<&'static str> {
    if input.starts_with(b"PK\x03\x04") {
        Some("an Excel workbook (.xlsx) or another zip file")
    } else if input.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some("a legacy Excel workbook (.xls)")
    } else if input.starts_with(b"%PDF") {
        Some("a PDF document")
    } else if input.starts_with(b"\x89PNG\r\n\x1a\n")
        || input.starts_with(b"\xFF\xD8\xFF")
        || input.starts_with(b"GIF8")
    {
        // Screenshots of the SoA get picked by mistake often enough to name them.
        Some("an image (PNG, JPEG or GIF)")
    } else {
        None
    }
}

/// Text formats that are not CSV, recognised by their opening (and, for JSON, by parsing).
fn text_document_kind(text: &str) -> Option<&'static str> {
    let start = text.trim_start_matches(is_blank);
    let head: String = start
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<?xml") {
        Some("an XML document (perhaps an Excel \"XML Spreadsheet\")")
    } else if head.starts_with("<!doctype html") || head.starts_with("<html") {
        Some("an HTML page")
    } else if (start.starts_with('{') || start.starts_with('['))
        && serde_json::from_str::<serde::de::IgnoredAny>(text.trim_matches(is_blank)).is_ok()
    {
        // Only a document that parses as a whole: a CSV title row such as `[Draft] SoA` is not.
        Some("a JSON document")
    } else {
        None
    }
}

fn encoding_name(e: TextEncoding) -> &'static str {
    match e {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => "UTF-8",
        TextEncoding::Utf16Le => "UTF-16LE",
        TextEncoding::Utf16Be => "UTF-16BE",
    }
}

/// Line breaks in `bytes[from..to]`: LF, CRLF, and a lone CR (old Mac Excel's "CSV (Macintosh)"
/// export ends lines with CR only, and the csv reader splits records there too).
fn count_line_breaks(bytes: &[u8], from: usize, to: usize) -> usize {
    (from..to)
        .filter(|&i| match bytes[i] {
            b'\n' => true,
            b'\r' => bytes.get(i + 1) != Some(&b'\n'),
            _ => false,
        })
        .count()
}

// ---------------------------------------------------------------------------------------------
// Records

/// One CSV record and the 1-based line where it starts.
struct Record {
    line: usize,
    /// Byte offset in the decoded text where the record starts.
    start: usize,
    fields: csv::StringRecord,
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Reads up to [`MAX_RECORDS`] records, each with the line it starts on.
fn read_records(text: &str, delimiter: u8, problems: &mut Vec<Problem>) -> Vec<Record> {
    let mut rdr = reader(text, delimiter);
    let bytes = text.as_bytes();
    // The csv reader's position for a record is where it started reading, which may be before
    // skipped blank lines or the LF of a CRLF, so the real start is found by skipping those and
    // the line is counted incrementally from the previous record (linear overall).
    let (mut counted_to, mut line) = (0usize, 1usize);
    let mut out = Vec::new();
    // One growing buffer is read into and each record cloned at its exact size, which allocates
    // far less than growing a fresh record per row.
    let mut fields = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut fields) {
            Ok(true) => {}
            Ok(false) => break,
            Err(err) => {
                problems.push(Problem {
                    line: line.max(1),
                    kind: ProblemKind::Encoding,
                    message: format!("the rest of the file could not be read: {err}"),
                });
                break;
            }
        }
        let mut start = fields
            .position()
            .map_or(counted_to, |p| {
                usize::try_from(p.byte()).unwrap_or(usize::MAX)
            })
            .clamp(counted_to, bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        line += count_line_breaks(bytes, counted_to, start);
        counted_to = start;
        if out.len() == MAX_RECORDS {
            problems.push(Problem {
                line,
                kind: ProblemKind::TooLarge,
                message: format!(
                    "the file has more than {MAX_RECORDS} rows; only the first {MAX_RECORDS} were read"
                ),
            });
            break;
        }
        out.push(Record {
            line,
            start,
            fields: fields.clone(),
        });
    }
    out
}

/// The line of a quote that opens a cell and is never closed. The csv reader then takes the rest
/// of the file as that one cell, so only the last record can hold one and only it is scanned,
/// with the reader's rules: a quote opens a cell only at the cell's start, `""` inside a quoted
/// cell is a literal quote, and after the closing quote the cell may go on unquoted.
fn unclosed_quote(text: &str, last: &Record, delimiter: u8) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum State {
        CellStart,
        Unquoted,
        Quoted { opened_at: usize },
        QuoteInQuoted { opened_at: usize },
    }
    let bytes = text.as_bytes();
    let ends_cell = |b: u8| b == delimiter || b == b'\n' || b == b'\r';
    let mut state = State::CellStart;
    for (i, &b) in bytes.iter().enumerate().skip(last.start) {
        state = match state {
            State::CellStart if b == b'"' => State::Quoted { opened_at: i },
            State::CellStart | State::Unquoted if ends_cell(b) => State::CellStart,
            State::CellStart | State::Unquoted => State::Unquoted,
            State::Quoted { opened_at } if b == b'"' => State::QuoteInQuoted { opened_at },
            State::Quoted { .. } => state,
            State::QuoteInQuoted { opened_at } if b == b'"' => State::Quoted { opened_at },
            State::QuoteInQuoted { .. } if ends_cell(b) => State::CellStart,
            State::QuoteInQuoted { .. } => State::Unquoted,
        };
    }
    match state {
        State::Quoted { opened_at } => {
            Some(last.line + count_line_breaks(bytes, last.start, opened_at))
        }
        _ => None,
    }
}

/// True when `rec` repeats the header row (cells equal after trimming, trailing blanks ignored).
/// The id cell is compared first, so ordinary rows cost one comparison.
fn repeats_header(header: &Record, rec: &Record, id_column: usize) -> bool {
    fn cell(r: &Record, j: usize) -> &str {
        clean(r.fields.get(j).unwrap_or(""))
    }
    if cell(rec, id_column) != cell(header, id_column) {
        return false;
    }
    (0..header.fields.len().max(rec.fields.len())).all(|j| cell(rec, j) == cell(header, j))
}

/// The first cell, among the first [`MAX_COLUMNS`] columns, that is written like an Annex A
/// control id of either edition (`A.5.99`) but is no known control: the reason a file whose ids
/// are all wrong is not read as an SoA. Only `A`-prefixed whole cells count, so a column of
/// numbers such as `1.5` is not mistaken for ids.
fn id_shaped_cell(data: &[Record]) -> Option<(usize, &str)> {
    data.iter().find_map(|rec| {
        rec.fields
            .iter()
            .take(MAX_COLUMNS)
            .find(|c| {
                clean(c).starts_with(['A', 'a'])
                    && parse_id(c).is_some_and(|p| p.rest.is_empty() && p.key.edition().is_some())
            })
            .map(|c| (rec.line, clean(c)))
    })
}

/// Excel honours a first line `sep=;` naming the delimiter.
fn sep_hint(text: &str) -> Option<Delimiter> {
    let first = text.lines().next()?.trim_end_matches('\r');
    match first.to_ascii_lowercase().as_str() {
        "sep=," => Some(Delimiter::Comma),
        "sep=;" => Some(Delimiter::Semicolon),
        "sep=\t" => Some(Delimiter::Tab),
        _ => None,
    }
}

fn sniff_delimiter(text: &str, known: &KnownIds) -> Delimiter {
    let mut best = (Delimiter::Comma, (0usize, 0usize));
    for delimiter in Delimiter::ALL {
        let mut rdr = reader(text, delimiter.byte());
        let mut id_rows = 0;
        let mut widths: HashMap<usize, usize> = HashMap::new();
        let mut rec = csv::StringRecord::new();
        for _ in 0..SNIFF_RECORDS {
            match rdr.read_record(&mut rec) {
                Ok(true) => {}
                _ => break,
            }
            if rec.len() > 1 {
                *widths.entry(rec.len()).or_default() += 1;
            }
            if rec
                .iter()
                .take(MAX_COLUMNS)
                .any(|c| known.key_of(c).is_some())
            {
                id_rows += 1;
            }
        }
        let consistent = widths.values().copied().max().unwrap_or(0);
        let score = (id_rows, consistent);
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

// ---------------------------------------------------------------------------------------------
// Columns

/// How a header cell is matched against a role's words.
enum Pattern {
    Exact(&'static str),
    Contains(&'static str),
}

use Pattern::{Contains, Exact};

/// Header words, tried in order; the first match decides. Order matters: "Control owner" is an
/// owner, "Justification for inclusion" a justification, "Implementation evidence" evidence,
/// "Reference" evidence but "Annex A ref" an id.
const HEADER_RULES: &[(Pattern, Role)] = &[
    (Exact("reference"), Role::Evidence),
    (Exact("references"), Role::Evidence),
    (Contains("justif"), Role::Justification),
    (Contains("reason"), Role::Justification),
    (Contains("rationale"), Role::Justification),
    (Contains("comment"), Role::Justification),
    (Contains("remark"), Role::Justification),
    (Contains("description of"), Role::Justification),
    (Exact("notes"), Role::Justification),
    (Contains("owner"), Role::Owner),
    (Contains("responsib"), Role::Owner),
    (Contains("accountab"), Role::Owner),
    (Contains("evidence"), Role::Evidence),
    (Contains("document"), Role::Evidence),
    (Contains("applicab"), Role::Applicable),
    (Contains("inclu"), Role::Applicable),
    (Contains("selected"), Role::Applicable),
    (Contains("in scope"), Role::Applicable),
    (Contains("status"), Role::Status),
    (Contains("implement"), Role::Status),
    (Contains("title"), Role::Title),
    (Contains("name"), Role::Title),
    (Exact("description"), Role::Title),
    (Exact("control description"), Role::Title),
    (Contains("annex"), Role::Control),
    (Contains("clause"), Role::Control),
    (Contains("control"), Role::Control),
    (Exact("id"), Role::Control),
    (Exact("ref"), Role::Control),
    (Exact("ref."), Role::Control),
    (Exact("ref no"), Role::Control),
    (Exact("ref no."), Role::Control),
    (Exact("ref #"), Role::Control),
    (Exact("#"), Role::Control),
    (Exact("no"), Role::Control),
    (Exact("no."), Role::Control),
    (Exact("nr"), Role::Control),
    (Exact("number"), Role::Control),
];

fn header_role(cell: &str) -> Option<Role> {
    let cell = clean(cell);
    if cell.is_empty() || cell.len() > 80 {
        return None;
    }
    let h = normalize(cell);
    let h = h.trim_end_matches([':', '*', '?']).trim_end();
    HEADER_RULES.iter().find_map(|(pattern, role)| {
        let hit = match pattern {
            Exact(w) => h == *w,
            Contains(w) => h.contains(w),
        };
        hit.then_some(*role)
    })
}

/// The header is the record, among the first few before any control id, naming the most roles.
fn find_header(records: &[Record], known: &KnownIds) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, rec) in records.iter().enumerate().take(HEADER_SEARCH_RECORDS) {
        if rec
            .fields
            .iter()
            .take(MAX_COLUMNS)
            .any(|c| known.key_of(c).is_some())
        {
            break;
        }
        let mut found: HashSet<Role> = HashSet::new();
        for cell in rec.fields.iter().take(MAX_COLUMNS) {
            if let Some(role) = header_role(cell) {
                found.insert(role);
            }
        }
        let score = found.len() * 2 + usize::from(found.contains(&Role::Control));
        if found.len() >= 2 && best.is_none_or(|(_, s)| score > s) {
            best = Some((i, score));
        }
    }
    best.map(|(i, _)| i)
}

fn id_column_counts(data: &[Record], known: &KnownIds, width: usize) -> Vec<usize> {
    let mut counts = vec![0; width];
    for rec in data {
        for (j, cell) in rec.fields.iter().enumerate().take(width) {
            if known.key_of(cell).is_some() {
                counts[j] += 1;
            }
        }
    }
    counts
}

fn known_ids_in(data: &[Record], j: usize, known: &KnownIds) -> usize {
    data.iter()
        .filter(|r| r.fields.get(j).is_some_and(|c| known.key_of(c).is_some()))
        .count()
}

/// The leftmost column with the highest non-zero count.
fn best_column(counts: &[usize]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (j, &n) in counts.iter().enumerate() {
        if n > 0 && best.is_none_or(|(_, b)| n > b) {
            best = Some((j, n));
        }
    }
    best.map(|(j, _)| j)
}

/// Without a header: a yes/no column is the applicability, a column of status words the status,
/// and the text column right after the id the title. Everything else the user can map by hand.
fn detect_roles_by_content(
    data: &[Record],
    known: &KnownIds,
    id_column: usize,
    width: usize,
    roles: &mut [Option<usize>; 7],
) {
    let id_rows: Vec<&Record> = data
        .iter()
        .filter(|r| {
            r.fields
                .get(id_column)
                .is_some_and(|c| known.key_of(c).is_some())
        })
        .collect();
    for j in 0..width {
        if j == id_column {
            continue;
        }
        let (mut filled, mut yes_no, mut status, mut status_only) = (0, 0, 0, 0);
        for rec in &id_rows {
            let cell = clean(rec.fields.get(j).unwrap_or(""));
            if cell.is_empty() {
                continue;
            }
            filled += 1;
            let a = parse_applicable(cell).is_some();
            let s = parse_status(cell).is_some();
            yes_no += usize::from(a);
            status += usize::from(s);
            status_only += usize::from(s && !a);
        }
        if filled == 0 {
            continue;
        }
        let mostly = |n: usize| n * 10 >= filled * 8;
        if mostly(yes_no) && status_only == 0 && roles[Role::Applicable.slot()].is_none() {
            roles[Role::Applicable.slot()] = Some(j);
        } else if mostly(status) && roles[Role::Status.slot()].is_none() {
            roles[Role::Status.slot()] = Some(j);
        } else if j == id_column + 1 && yes_no == 0 && status == 0 {
            roles[Role::Title.slot()].get_or_insert(j);
        }
    }
}

fn is_checkbox_column(data: &[Record], j: usize) -> bool {
    let mut any = false;
    for rec in data {
        let cell = clean(rec.fields.get(j).unwrap_or(""));
        if cell.is_empty() {
            continue;
        }
        if !is_mark(cell) {
            return false;
        }
        any = true;
    }
    any
}

fn is_mark(cell: &str) -> bool {
    matches!(cell, "x" | "X" | "✓" | "✔" | "☑" | "✅")
}

// ---------------------------------------------------------------------------------------------
// Control ids

/// A parsed id cell: the id and whatever text followed it (often the title).
struct ParsedId<'a> {
    key: AnnexAKey,
    rest: &'a str,
}

/// Reads an id cell (see [`AnnexAKey::read`]), trimming blanks around the cell and between the
/// id and the title.
fn parse_id(cell: &str) -> Option<ParsedId<'_>> {
    let (key, rest) = AnnexAKey::read(clean(cell))?;
    let rest = rest
        .trim_start_matches(|c: char| is_blank(c) || ID_END.contains(c))
        .trim_end_matches(is_blank);
    Some(ParsedId { key, rest })
}

/// A multiply-rotate hash for [`AnnexAKey`]s: much cheaper than the DoS-resistant default, which
/// buys nothing here because every set and map keyed by ids only ever holds catalog ids.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// Accepted controls and the line each was first accepted on.
type IdMap = HashMap<AnnexAKey, usize, BuildHasherDefault<IdHasher>>;

/// The catalog's Annex A ids, as numbers for allocation-free lookups.
struct KnownIds(HashSet<AnnexAKey, BuildHasherDefault<IdHasher>>);

impl KnownIds {
    fn new(catalog: &Catalog) -> KnownIds {
        KnownIds(
            catalog
                .iso_controls
                .iter()
                .filter_map(|c| parse_id(c.id.as_str()).map(|p| p.key))
                .filter(|k| k.edition().is_some())
                .collect(),
        )
    }

    /// The id in a cell, if it is a known control of either edition.
    fn key_of(&self, cell: &str) -> Option<AnnexAKey> {
        parse_id(cell).map(|p| p.key).filter(|k| self.0.contains(k))
    }
}

fn majority_edition(data: &[Record], j: usize, known: &KnownIds) -> Edition {
    let (mut e2013, mut e2022) = (0usize, 0usize);
    for rec in data {
        match rec
            .fields
            .get(j)
            .and_then(|c| known.key_of(c))
            .and_then(AnnexAKey::edition)
        {
            Some(Edition::Iso2013) => e2013 += 1,
            Some(Edition::Iso2022) => e2022 += 1,
            None => {}
        }
    }
    // A tie goes to the current edition.
    if e2013 > e2022 {
        Edition::Iso2013
    } else {
        Edition::Iso2022
    }
}

// ---------------------------------------------------------------------------------------------
// Rows

struct RowContext<'a> {
    roles: [Option<usize>; 7],
    edition: Edition,
    forced_edition: bool,
    checkbox: bool,
    has_answer_columns: bool,
    known: &'a KnownIds,
}

fn read_row(
    rec: &Record,
    ctx: &RowContext<'_>,
    seen: &mut IdMap,
    problems: &mut Vec<Problem>,
) -> Option<SoaRow> {
    let line = rec.line;
    let cell = |role: Role| -> &str {
        ctx.roles[role.slot()]
            .and_then(|j| rec.fields.get(j))
            .map_or("", clean)
    };
    let mut report = |kind: ProblemKind, message: String| {
        problems.push(Problem {
            line,
            kind,
            message,
        })
    };
    let raw_id = cell(Role::Control);
    let (raw_app, raw_status) = (cell(Role::Applicable), cell(Role::Status));
    let has_answer = !raw_app.is_empty() || !raw_status.is_empty();

    let Some(parsed) = parse_id(raw_id) else {
        if has_answer && raw_id.is_empty() {
            report(
                ProblemKind::MissingId,
                "this row has an applicability or status but no control id".to_string(),
            );
        } else if has_answer {
            report(
                ProblemKind::BadId,
                format!(
                    "{} is not an ISO/IEC 27001 Annex A control id (expected something like A.5.15 or A.9.4.2)",
                    quote(raw_id)
                ),
            );
        }
        return None;
    };
    let key = parsed.key;
    let expected_len: u8 = match ctx.edition {
        Edition::Iso2022 => 2,
        Edition::Iso2013 => 3,
    };
    let shown = || shown_id(raw_id, key);
    let chosen = || {
        if ctx.forced_edition {
            format!("{} was chosen", ctx.edition)
        } else {
            format!("this SoA uses {} ids", ctx.edition)
        }
    };
    if key.len() < expected_len && !has_answer {
        return None; // a clause or objective heading
    }
    let Some(control) = key.control() else {
        report(
            ProblemKind::BadId,
            format!("{} is a clause heading, not an Annex A control", shown()),
        );
        return None;
    };
    let e = control.edition();
    if e != ctx.edition {
        report(
            ProblemKind::WrongEdition,
            format!("{} is an {e} control id, but {}", shown(), chosen()),
        );
        return None;
    }
    if !ctx.known.0.contains(&key) {
        report(
            ProblemKind::UnknownControl,
            format!("{} is not an {} Annex A control", shown(), ctx.edition),
        );
        return None;
    }

    let applicable = match parse_applicable(raw_app) {
        Some(a) => a,
        None => {
            report(
                ProblemKind::UnknownApplicability,
                format!(
                    "{} is not a recognised applicability for {}; use one of: {}",
                    quote(raw_app),
                    key.canonical(),
                    APPLICABLE_HELP
                ),
            );
            return None;
        }
    };
    let status_word = match parse_status(raw_status) {
        Some(s) => s,
        None => {
            report(
                ProblemKind::UnknownStatus,
                format!(
                    "{} is not a recognised implementation status for {}; use one of: {}",
                    quote(raw_status),
                    key.canonical(),
                    STATUS_HELP
                ),
            );
            return None;
        }
    };
    let (applicable, status) = match (applicable, status_word) {
        (Some(false), _) => (Some(false), ControlStatus::Excluded),
        (a, Some(s)) => (a, s),
        (Some(true), None) => (Some(true), ControlStatus::Implemented),
        (None, None) if ctx.checkbox => (Some(false), ControlStatus::Excluded),
        (None, None) if !ctx.has_answer_columns => (None, ControlStatus::Implemented),
        (None, None) => (None, ControlStatus::NotImplemented),
    };
    if let Some(&first) = seen.get(&key) {
        report(
            ProblemKind::DuplicateControl,
            format!(
                "{} is listed again; the row on line {first} is kept and this one ignored",
                key.canonical()
            ),
        );
        return None;
    }
    if !has_answer && ctx.has_answer_columns && !ctx.checkbox {
        report(
            ProblemKind::MissingStatus,
            format!(
                "{} has neither an applicability nor a status; it is counted as not implemented",
                key.canonical()
            ),
        );
    }
    seen.insert(key, line);

    let mut keep = |role: Role, value: &str| -> String {
        if value.len() <= MAX_FIELD_BYTES {
            return value.to_string();
        }
        let mut end = MAX_FIELD_BYTES;
        while !value.is_char_boundary(end) {
            end -= 1;
        }
        problems.push(Problem {
            line,
            kind: ProblemKind::TooLarge,
            message: format!(
                "the {} of {} is {} bytes long; only the first {MAX_FIELD_BYTES} bytes were kept",
                role.label(),
                key.canonical(),
                value.len()
            ),
        });
        value[..end].to_string()
    };
    let title_cell = cell(Role::Title);
    let title = keep(
        Role::Title,
        if title_cell.is_empty() {
            parsed.rest
        } else {
            title_cell
        },
    );
    Some(SoaRow {
        line,
        control,
        title,
        applicable,
        status,
        justification: keep(Role::Justification, cell(Role::Justification)),
        evidence: keep(Role::Evidence, cell(Role::Evidence)),
        owner: keep(Role::Owner, cell(Role::Owner)),
    })
}

/// `"A.05.99" (read as A.5.99)`, or just `"A.5.99"` when the cell is already canonical.
fn shown_id(raw: &str, key: AnnexAKey) -> String {
    let canonical = key.canonical();
    if raw == canonical {
        quote(raw)
    } else {
        format!("{} (read as {canonical})", quote(raw))
    }
}

/// Quotes a cell for a message, shortened so one huge cell cannot flood the problem list.
/// Control characters (a line break or NUL inside a quoted cell) and bidirectional overrides are
/// escaped (`\n`, `\u{202e}`), so a message stays on one line and reads in its true order: the
/// command line prints it as its one-line reason, and a hostile cell must not reorder or split it.
fn quote(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    for c in chars.by_ref().take(60) {
        let hidden = c.is_control()
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2028}' | '\u{2029}' | '\u{2066}'..='\u{2069}');
        if hidden {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if chars.next().is_some() {
        out.push('…');
    }
    format!("\"{out}\"")
}

// ---------------------------------------------------------------------------------------------
// Words

const STATUS_WORDS: &[(&str, ControlStatus)] = &[
    ("implemented", ControlStatus::Implemented),
    ("fully implemented", ControlStatus::Implemented),
    ("yes", ControlStatus::Implemented),
    ("y", ControlStatus::Implemented),
    ("done", ControlStatus::Implemented),
    ("complete", ControlStatus::Implemented),
    ("completed", ControlStatus::Implemented),
    ("in place", ControlStatus::Implemented),
    ("operational", ControlStatus::Implemented),
    ("partial", ControlStatus::Partial),
    ("partially", ControlStatus::Partial),
    ("partially implemented", ControlStatus::Partial),
    ("partly", ControlStatus::Partial),
    ("partly implemented", ControlStatus::Partial),
    ("in progress", ControlStatus::Partial),
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
];

const STATUS_HELP: &str = "implemented, yes, done, complete, partial, partially, partly, in progress, planned, to do, not started, no, not implemented, missing, excluded, n/a, not applicable";

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

const APPLICABLE_HELP: &str = "yes, y, true, 1, included, x, no, n, false, 0, excluded, n/a";

/// `Some(None)` for a blank cell, `Some(Some(word))` for a known word, `None` for an unknown one.
fn parse_status(cell: &str) -> Option<Option<ControlStatus>> {
    lookup(cell, STATUS_WORDS)
}

fn parse_applicable(cell: &str) -> Option<Option<bool>> {
    lookup(cell, APPLICABLE_WORDS)
}

/// Exact match first, then the longest known phrase followed by a word boundary, so that
/// `Yes - see ISMS manual` reads as yes while `Not implemented` never reads as `no`.
fn lookup<T: Copy>(cell: &str, words: &[(&str, T)]) -> Option<Option<T>> {
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
    words
        .iter()
        .filter(|(w, _)| {
            n.strip_prefix(w)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| !c.is_alphanumeric() && c != '/')
        })
        .max_by_key(|(w, _)| w.len())
        .map(|(_, v)| Some(*v))
}

fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        )
}

/// Trims whitespace including NBSP and zero-width characters.
fn clean(s: &str) -> &str {
    s.trim_matches(is_blank)
}

/// Lowercase with runs of whitespace collapsed to one space.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(is_blank).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}
