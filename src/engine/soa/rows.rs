//! Records and a layout to rows: each record's id is read and checked against the edition and
//! the catalog, its applicability and status become the [`ControlStatus`] it counts as, its
//! text cells are kept (truncated at the cap), and whatever is wrong becomes a [`Problem`] on
//! its line. The row rules are in the module documentation of `soa`.

use super::cells::quote;
use super::known::{parse_id, IdMap, KnownIds, ParsedId};
use super::layout::Layout;
use super::records::{Record, Records};
use super::words::{parse_applicable, parse_status, APPLICABLE_HELP, STATUS_HELP};
use super::{ControlStatus, Problem, ProblemKind, Role, SoaRow, MAX_FIELD_BYTES};
use crate::engine::ids::{AnnexAControl, AnnexAKey, Edition};

/// What every row is read against.
pub(super) struct RowRules<'a> {
    pub(super) layout: &'a Layout,
    /// The edition ids are read as.
    pub(super) edition: Edition,
    /// Whether the user chose the edition (messages say so rather than blame the file).
    pub(super) forced_edition: bool,
    pub(super) known: &'a KnownIds,
}

/// The rows kept and the problems found, in file order: the last stage's result.
pub(super) struct Rows {
    pub(super) rows: Vec<SoaRow>,
    pub(super) problems: Vec<Problem>,
}

/// Reads every record below the header, skipping repeats of the header row.
pub(super) fn read_rows(records: &Records, rules: &RowRules<'_>) -> Rows {
    let mut reader = RowReader {
        rules,
        seen: IdMap::default(),
        problems: Vec::new(),
    };
    let mut rows = Vec::new();
    for rec in records.below(rules.layout.header) {
        // Exports of paginated sheets repeat the header row; it is not a row with a bad id.
        if rules.layout.repeats_header(records, rec) {
            continue;
        }
        if let Some(row) = reader.read(rec) {
            rows.push(row);
        }
    }
    Rows {
        rows,
        problems: reader.problems,
    }
}

/// The reader's state across rows: the controls accepted so far and the problems.
struct RowReader<'a> {
    rules: &'a RowRules<'a>,
    seen: IdMap,
    problems: Vec<Problem>,
}

/// One record's cells, read through the layout.
struct Cells<'r> {
    line: usize,
    record: &'r Record,
    layout: &'r Layout,
}

impl<'r> Cells<'r> {
    fn get(&self, role: Role) -> &'r str {
        self.layout.cell(self.record, role)
    }

    /// Whether the row answers anything: an applicability or a status.
    fn has_answer(&self) -> bool {
        !self.get(Role::Applicable).is_empty() || !self.get(Role::Status).is_empty()
    }
}

impl RowReader<'_> {
    /// One record to a row, or to nothing (a heading, a blank row) or a problem.
    fn read(&mut self, record: &Record) -> Option<SoaRow> {
        let cells = Cells {
            line: record.line,
            record,
            layout: self.rules.layout,
        };
        let (id, control) = self.read_id(&cells)?;
        let (applicable, status) = self.read_status(&cells, &control)?;
        self.check_first_listing(cells.line, id.key, &control)?;
        let layout = self.rules.layout;
        if !cells.has_answer() && layout.has_answer_columns() && !layout.checkbox {
            self.report(
                cells.line,
                ProblemKind::MissingStatus,
                format!(
                    "{control} has neither an applicability nor a status; it is counted as not implemented"
                ),
            );
        }
        self.seen.insert(id.key, cells.line);
        Some(self.row(&cells, &id, control, applicable, status))
    }

    /// The row's control: its id read, of the file's edition, and in the catalog. A heading
    /// without an answer is skipped silently; anything else that is no known control of the
    /// edition is a problem.
    fn read_id<'r>(&mut self, cells: &Cells<'r>) -> Option<(ParsedId<'r>, AnnexAControl)> {
        let rules = self.rules;
        let raw = cells.get(Role::Control);
        let has_answer = cells.has_answer();
        let Some(parsed) = parse_id(raw) else {
            if has_answer && raw.is_empty() {
                self.report(
                    cells.line,
                    ProblemKind::MissingId,
                    "this row has an applicability or status but no control id".to_string(),
                );
            } else if has_answer {
                self.report(
                    cells.line,
                    ProblemKind::BadId,
                    format!(
                        "{} is not an ISO/IEC 27001 Annex A control id (expected something like A.5.15 or A.9.4.2)",
                        quote(raw)
                    ),
                );
            }
            return None;
        };
        let key = parsed.key;
        let expected_len: u8 = match rules.edition {
            Edition::Iso2022 => 2,
            Edition::Iso2013 => 3,
        };
        if key.len() < expected_len && !has_answer {
            return None; // a clause or objective heading
        }
        let (kind, message) = match key.control() {
            None => (
                ProblemKind::BadId,
                format!(
                    "{} is a clause heading, not an Annex A control",
                    shown_id(raw, key)
                ),
            ),
            Some(control) if control.edition() != rules.edition => {
                let chosen = if rules.forced_edition {
                    format!("{} was chosen", rules.edition)
                } else {
                    format!("this SoA uses {} ids", rules.edition)
                };
                (
                    ProblemKind::WrongEdition,
                    format!(
                        "{} is an {} control id, but {chosen}",
                        shown_id(raw, key),
                        control.edition()
                    ),
                )
            }
            Some(_) if !rules.known.contains(key) => (
                ProblemKind::UnknownControl,
                format!(
                    "{} is not an {} Annex A control",
                    shown_id(raw, key),
                    rules.edition
                ),
            ),
            Some(control) => return Some((parsed, control)),
        };
        self.report(cells.line, kind, message);
        None
    }

    /// The applicability and the status the row counts as (see the module's row rules); `None`
    /// when either cell holds a word the importer does not know.
    fn read_status(
        &mut self,
        cells: &Cells<'_>,
        control: &AnnexAControl,
    ) -> Option<(Option<bool>, ControlStatus)> {
        let (raw_app, raw_status) = (cells.get(Role::Applicable), cells.get(Role::Status));
        let Some(applicable) = parse_applicable(raw_app) else {
            self.report(
                cells.line,
                ProblemKind::UnknownApplicability,
                format!(
                    "{} is not a recognised applicability for {control}; use one of: {APPLICABLE_HELP}",
                    quote(raw_app)
                ),
            );
            return None;
        };
        let Some(status) = parse_status(raw_status) else {
            self.report(
                cells.line,
                ProblemKind::UnknownStatus,
                format!(
                    "{} is not a recognised implementation status for {control}; use one of: {STATUS_HELP}",
                    quote(raw_status)
                ),
            );
            return None;
        };
        let layout = self.rules.layout;
        Some(match (applicable, status) {
            (Some(false), _) => (Some(false), ControlStatus::Excluded),
            (a, Some(s)) => (a, s),
            (Some(true), None) => (Some(true), ControlStatus::Implemented),
            (None, None) if layout.checkbox => (Some(false), ControlStatus::Excluded),
            (None, None) if !layout.has_answer_columns() => (None, ControlStatus::Implemented),
            (None, None) => (None, ControlStatus::NotImplemented),
        })
    }

    /// `Some(())` when the control has not been accepted yet; a later listing is a problem
    /// naming the line that is kept.
    fn check_first_listing(
        &mut self,
        line: usize,
        key: AnnexAKey,
        control: &AnnexAControl,
    ) -> Option<()> {
        let Some(&first) = self.seen.get(&key) else {
            return Some(());
        };
        self.report(
            line,
            ProblemKind::DuplicateControl,
            format!(
                "{control} is listed again; the row on line {first} is kept and this one ignored"
            ),
        );
        None
    }

    /// The accepted row, its text cells kept verbatim up to the cap.
    fn row(
        &mut self,
        cells: &Cells<'_>,
        id: &ParsedId<'_>,
        control: AnnexAControl,
        applicable: Option<bool>,
        status: ControlStatus,
    ) -> SoaRow {
        let title_cell = cells.get(Role::Title);
        let title = if title_cell.is_empty() {
            id.rest
        } else {
            title_cell
        };
        // In this order, so the truncation problems of one row read left to right.
        let title = self.keep(cells.line, &control, Role::Title, title);
        let justification = self.keep(
            cells.line,
            &control,
            Role::Justification,
            cells.get(Role::Justification),
        );
        let evidence = self.keep(
            cells.line,
            &control,
            Role::Evidence,
            cells.get(Role::Evidence),
        );
        let owner = self.keep(cells.line, &control, Role::Owner, cells.get(Role::Owner));
        SoaRow {
            line: cells.line,
            control,
            title,
            applicable,
            status,
            justification,
            evidence,
            owner,
        }
    }

    /// The cell's text, truncated at a character boundary to [`MAX_FIELD_BYTES`] with a
    /// problem when it is longer.
    fn keep(&mut self, line: usize, control: &AnnexAControl, role: Role, value: &str) -> String {
        if value.len() <= MAX_FIELD_BYTES {
            return value.to_string();
        }
        let mut end = MAX_FIELD_BYTES;
        while !value.is_char_boundary(end) {
            end -= 1;
        }
        self.report(
            line,
            ProblemKind::TooLarge,
            format!(
                "the {} of {control} is {} bytes long; only the first {MAX_FIELD_BYTES} bytes were kept",
                role.label(),
                value.len()
            ),
        );
        value[..end].to_string()
    }

    fn report(&mut self, line: usize, kind: ProblemKind, message: String) {
        self.problems.push(Problem::at(line, kind, message));
    }
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
