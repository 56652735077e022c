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
//!    big-endian), otherwise the file is read as UTF-8. Bytes that are not UTF-8, hold no
//!    multi-byte UTF-8 sequence and no control bytes are Windows-1252 (Excel's "CSV (Comma
//!    delimited)" on Windows), reported once ([`ProblemKind::Encoding`]) at the first line it
//!    changed so the user can check it. Otherwise invalid bytes are replaced by U+FFFD and
//!    reported once at the line of the first replacement. Workbooks, PDFs, images, JSON, HTML
//!    and XML are recognised and named in a [`ProblemKind::NotAnSoa`].
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
//! - A row repeating the header row (paginated exports do this) is skipped and listed in
//!   [`SoaImport::skipped`].
//! - A quote that opens a cell and is never closed swallows the rest of the file into that cell;
//!   it is reported ([`ProblemKind::Encoding`]) at the line where it opens.
//! - A row with no control id and no applicability or status (blank rows, notes, section headings
//!   such as `Organizational controls`) is skipped and listed. So is a heading with a clause id that
//!   is shorter than a control of the file's edition (`A.5 Organizational controls` in a 2022 SoA,
//!   `A.9.4 System and application access control` in a 2013 SoA) when it carries no answer. With
//!   an answer, such a row is reported ([`ProblemKind::BadId`] or [`ProblemKind::WrongEdition`]).
//! - A row with an answer but a blank id is [`ProblemKind::MissingId`]; an unreadable id is
//!   [`ProblemKind::BadId`]; an id not in the catalog for the edition is
//!   [`ProblemKind::UnknownControl`]. These rows are skipped.
//! - A control listed twice: the first accepted row is kept, later ones are
//!   [`ProblemKind::DuplicateControl`] naming both lines.
//! - Status: **nothing counts as implemented unless the file says so.** Applicable = No (or a
//!   value the user reads as excluded) always means [`ControlStatus::Excluded`]. Otherwise the
//!   status cell decides: a recognised word, or the reading the user chose for that value
//!   ([`ImportOptions::readings`]). Applicability is never taken as implementation: an included
//!   row with no status column or a blank status cell is [`ControlStatus::Unknown`], as is a bare
//!   list of control ids.
//! - A row whose applicability and status are both blank, in a file that has at least one of those
//!   columns, is kept as [`ControlStatus::Unknown`] with a [`ProblemKind::MissingStatus`]
//!   problem. The exception is a checkbox-style applicability column (every filled cell is `X` or
//!   a tick), where a blank cell means "not selected" and the row is [`ControlStatus::Excluded`].
//! - An unrecognised status or applicability value keeps its row, as [`ControlStatus::Unknown`],
//!   and is reported once, at its first line, with how many rows say it
//!   ([`ProblemKind::UnknownStatus`], [`ProblemKind::UnknownApplicability`]); the user can choose
//!   how to read it. [`SoaImport::status_values`] lists every distinct value with its count and
//!   reading, so a review step can show them all.
//! - Every line with text is accounted for: imported, listed in [`SoaImport::skipped`] (headings,
//!   repeated header rows), or reported as a problem with its line. The Annex A controls the file
//!   does not mention are listed in [`SoaImport::controls_missing`].
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
//!
//! # Where the code is
//!
//! This file holds the public types and [`import_soa`], which reads as the pipeline: bytes to
//! text (`decode`), text to records with their lines (`records`), records to a layout of header
//! and column roles (`layout`), records and layout to rows and problems (`rows`). Each stage
//! hands a named value to the next. Beside them: `lines` counts physical lines (the one way,
//! also [`line_count`] for tests and fuzz targets), `known` reads id cells and knows the
//! catalog's ids, `words` the status and applicability words, `cells` the cell text helpers.

mod cells;
mod decode;
mod known;
mod layout;
mod lines;
mod records;
mod rows;
mod status_map;
mod words;

pub use decode::decode_text;
pub use lines::line_count;
pub use status_map::StatusMapError;

use super::catalog::Catalog;
use super::ids::{AnnexAControl, Edition};
use decode::Decoded;
use known::KnownIds;
use layout::Layout;
use records::Records;
use rows::RowRules;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Records beyond this many are not read (one problem reports it).
pub const MAX_RECORDS: usize = 100_000;
/// A kept field longer than this many bytes is truncated (one problem per field reports it).
pub const MAX_FIELD_BYTES: usize = 1 << 20;
/// Columns beyond this index are not examined for header words or ids.
pub const MAX_COLUMNS: usize = 256;

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

    /// Sets (or with `None` clears) the override for one role.
    pub fn set(&mut self, role: Role, column: Option<usize>) {
        let slot = match role {
            Role::Control => &mut self.control,
            Role::Title => &mut self.title,
            Role::Applicable => &mut self.applicable,
            Role::Status => &mut self.status,
            Role::Justification => &mut self.justification,
            Role::Evidence => &mut self.evidence,
            Role::Owner => &mut self.owner,
        };
        *slot = column;
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
    /// How the user chose to read values of the status and applicability columns (the review
    /// step, `--status-map`): `(column, value as written, reading)`. Values match when they are
    /// the same once trimmed, lowercased and their spaces collapsed.
    #[serde(default)]
    pub readings: Vec<(Role, String, ControlStatus)>,
}

impl ImportOptions {
    /// The user's reading of a value in a column, if they chose one.
    pub fn reading(&self, column: Role, value: &str) -> Option<ControlStatus> {
        let key = cells::normalize(cells::clean(value));
        self.readings
            .iter()
            .find(|(c, v, _)| *c == column && cells::normalize(cells::clean(v)) == key)
            .map(|(_, _, r)| *r)
    }

    /// Sets (or with `None` forgets) the reading of a value in a column.
    pub fn set_reading(&mut self, column: Role, value: &str, reading: Option<ControlStatus>) {
        let key = cells::normalize(cells::clean(value));
        self.readings
            .retain(|(c, v, _)| !(*c == column && cells::normalize(cells::clean(v)) == key));
        if let Some(r) = reading {
            self.readings.push((column, value.to_string(), r));
        }
    }
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
    /// Windows-1252, what Excel's "CSV (Comma delimited)" writes on Windows in Western locales:
    /// recognised when the bytes are not UTF-8 and hold no UTF-8 sequence at all.
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl TextEncoding {
    /// The encoding's usual name (`UTF-8`, `Windows-1252`).
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with BOM",
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
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
    /// Up to three distinct values from the rows below the header (each at most 40
    /// characters), so a user choosing a column sees what it holds.
    #[serde(default)]
    pub samples: Vec<String>,
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
    /// The file does not say: included without a status, a blank row, or a word the importer
    /// does not know (until the user says how to read it). Never counted as implemented.
    Unknown,
}

impl ControlStatus {
    /// Every status, in the order the review step offers them.
    pub const ALL: [ControlStatus; 6] = [
        ControlStatus::Implemented,
        ControlStatus::Partial,
        ControlStatus::Planned,
        ControlStatus::NotImplemented,
        ControlStatus::Excluded,
        ControlStatus::Unknown,
    ];

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            ControlStatus::Implemented => "implemented",
            ControlStatus::Partial => "in progress",
            ControlStatus::Planned => "planned",
            ControlStatus::NotImplemented => "not implemented",
            ControlStatus::Excluded => "excluded",
            ControlStatus::Unknown => "unknown",
        }
    }

    /// The word the CLI's `--status-map` and the saved file use (`in-progress`).
    pub fn code(self) -> &'static str {
        match self {
            ControlStatus::Implemented => "implemented",
            ControlStatus::Partial => "in-progress",
            ControlStatus::Planned => "planned",
            ControlStatus::NotImplemented => "not-implemented",
            ControlStatus::Excluded => "excluded",
            ControlStatus::Unknown => "unknown",
        }
    }

    /// Reads a code (or the old serde name `partial`).
    pub fn from_code(s: &str) -> Option<ControlStatus> {
        let s = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        ControlStatus::ALL
            .iter()
            .copied()
            .find(|c| c.code() == s)
            .or((s == "partial").then_some(ControlStatus::Partial))
    }
}

/// A value found in the status or applicability column, how many rows hold it, and how it is
/// read: the review step lists these so the user sees (and can change) every reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueReading {
    /// The column it was found in (`status` or `applicable`).
    pub column: Role,
    /// The value as first written in the file.
    pub value: String,
    /// How many imported rows hold it.
    pub count: usize,
    /// How it is read.
    pub reading: ControlStatus,
    /// True when the importer knows the word; false when it is kept as unknown.
    pub recognised: bool,
    /// True when the user chose the reading.
    pub chosen: bool,
}

/// A line the importer read but did not import as a control row, and why: so every non-blank
/// line is accounted for (imported, skipped here, or a problem).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedLine {
    /// 1-based physical line.
    pub line: usize,
    /// Why: `heading` (a section or clause heading, or a note without an answer), `header`
    /// (a repeat of the header row).
    pub why: String,
    /// The start of its text.
    pub text: String,
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
    /// Applicability and status are both blank, so the row is counted as unknown; or (on the
    /// header line) the file has no status column at all.
    MissingStatus,
    /// The applicability and the status say opposite things (applicable, but "N/A"; or not
    /// applicable, but implemented): read as excluded, neither for nor against, and listed so
    /// the user reads the row.
    Contradiction,
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
    /// Every value found in the status and applicability columns, with its reading.
    pub status_values: Vec<ValueReading>,
    /// Lines read but not imported as control rows (headings, repeated headers, notes).
    pub skipped: Vec<SkippedLine>,
    /// The Annex A controls of the edition the file does not mention.
    pub controls_missing: Vec<AnnexAControl>,
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
    // Bytes to text.
    let decoded = Decoded::new(input);
    // A file refused before it is read as CSV reports the caller's delimiter, or a comma.
    let first_guess = options.delimiter.unwrap_or(Delimiter::Comma);
    let mut out = SoaImport::started(decoded.encoding, first_guess);
    if let Some(why) = decoded.not_an_export(input) {
        return out.not_an_soa(why);
    }
    out.problems.extend(decoded.replacement_problem());

    // Text to records.
    let known = KnownIds::new(catalog);
    out.delimiter = Delimiter::choose(options.delimiter, &decoded.text, &known);
    let records = Records::read(&decoded.text, out.delimiter, &mut out.problems);

    // Records to a layout: the header row, then the column of each role.
    let header = layout::find_header(&records, &known);
    out.header_line = header.map(|h| records.all[h].line);
    out.records_read = records.below(header).len();
    let layout = match Layout::detect(&records, header, &known, &options.columns) {
        Ok(layout) => layout,
        Err(missing) => {
            let why = layout::why_not_an_soa(missing, &records, header, decoded.looks_binary());
            return out.not_an_soa(why);
        }
    };
    out.columns = layout.columns(&records);
    let edition = options
        .edition
        .unwrap_or_else(|| layout.majority_edition(&records, &known));
    out.edition = Some(edition);

    // Records and layout to rows and problems.
    let rules = RowRules {
        layout: &layout,
        edition,
        forced_edition: options.edition.is_some(),
        known: &known,
        options,
    };
    let rows = rows::read_rows(&records, &rules);
    out.rows = rows.rows;
    out.problems.extend(rows.problems);
    out.status_values = rows.values;
    out.skipped = rows.skipped;
    out.rows_imported = out.rows.len();
    // Said once, at the header (or the first row when there is none), when it leaves rows
    // unknown: a list of included controls is not a list of implemented ones.
    let first_unknown = out.rows.iter().find(|r| r.status == ControlStatus::Unknown);
    if let (false, Some(row)) = (layout.has(Role::Status), first_unknown) {
        out.problems.push(Problem::at(
            out.header_line.unwrap_or(row.line),
            ProblemKind::MissingStatus,
            "no status column found: the file says which controls are listed or included, not whether they are implemented, so those rows are kept as unknown (never counted as implemented); if a column holds the implementation status, choose it as the status column".to_string(),
        ));
    }
    let present: std::collections::HashSet<&AnnexAControl> =
        out.rows.iter().map(|r| &r.control).collect();
    out.controls_missing = catalog
        .iso_controls_of(edition)
        .map(|c| c.id.clone())
        .filter(|id| !present.contains(id))
        .collect();
    // Stable, so problems on one line stay in the order they were found.
    out.problems.sort_by_key(|p| p.line);
    out
}

/// The advice every not-an-SoA message that blames the file's format ends with.
const SAVE_AS_CSV: &str =
    "in Excel use File > Save As > \"CSV UTF-8\" (or \"Unicode Text\") and import that file";

impl Problem {
    fn at(line: usize, kind: ProblemKind, message: String) -> Problem {
        Problem {
            line,
            kind,
            message,
        }
    }
}

impl SoaImport {
    /// Nothing read yet: the encoding is known and the delimiter is a first guess.
    fn started(encoding: TextEncoding, delimiter: Delimiter) -> SoaImport {
        SoaImport {
            edition: None,
            encoding,
            delimiter,
            header_line: None,
            columns: Vec::new(),
            rows: Vec::new(),
            problems: Vec::new(),
            records_read: 0,
            rows_imported: 0,
            status_values: Vec::new(),
            skipped: Vec::new(),
            controls_missing: Vec::new(),
        }
    }

    /// The import of a file that is not an SoA: what was detected so far, no rows, one problem.
    fn not_an_soa(mut self, message: String) -> SoaImport {
        // One clear problem is more useful than a pile of per-line noise about a file that was
        // never an SoA, so everything found so far is dropped.
        self.problems = vec![Problem::at(0, ProblemKind::NotAnSoa, message)];
        self.rows.clear();
        self.rows_imported = 0;
        self.edition = None;
        self
    }
}
