//! Records and a layout to rows: each record's id is read and checked against the edition and
//! the catalog, its applicability and status become the [`ControlStatus`] it counts as, its
//! text cells are kept (truncated at the cap), and whatever is wrong becomes a [`Problem`] on
//! its line. The row rules are in the module documentation of `soa`.

use super::cells::{clean, normalize, quote};
use super::known::{parse_id, IdMap, KnownIds, ParsedId};
use super::layout::Layout;
use super::records::{Record, Records};
use super::words::{parse_applicable, parse_status, APPLICABLE_HELP, STATUS_HELP};
use super::{
    ControlStatus, ImportOptions, Problem, ProblemKind, Role, SkippedLine, SoaRow, ValueReading,
    MAX_FIELD_BYTES,
};
use crate::engine::ids::{AnnexAControl, AnnexAKey, Edition};
use std::collections::HashMap;

/// What every row is read against.
pub(super) struct RowRules<'a> {
    pub(super) layout: &'a Layout,
    /// The edition ids are read as.
    pub(super) edition: Edition,
    /// Whether the user chose the edition (messages say so rather than blame the file).
    pub(super) forced_edition: bool,
    pub(super) known: &'a KnownIds,
    /// The user's readings of status and applicability values.
    pub(super) options: &'a ImportOptions,
}

/// The rows kept and the problems found, in file order: the last stage's result.
pub(super) struct Rows {
    pub(super) rows: Vec<SoaRow>,
    pub(super) problems: Vec<Problem>,
    /// Every status and applicability value with its reading and count.
    pub(super) values: Vec<ValueReading>,
    /// Lines read but not imported as control rows.
    pub(super) skipped: Vec<SkippedLine>,
}

/// Reads every record below the header, skipping repeats of the header row.
pub(super) fn read_rows(records: &Records, rules: &RowRules<'_>) -> Rows {
    let mut reader = RowReader {
        rules,
        index: IdMap::default(),
        kept: Vec::new(),
        problems: Vec::new(),
        values: Tally::default(),
        skipped: Vec::new(),
    };
    let mut rows = Vec::new();
    for rec in records.below(rules.layout.header) {
        // Exports of paginated sheets repeat the header row; it is not a row with a bad id.
        if rules.layout.repeats_header(records, rec) {
            reader.skip(rec, "header");
            continue;
        }
        if let Some(row) = reader.read(rec) {
            rows.push(row);
        }
    }
    // A control listed twice with two statuses keeps the reading its rows agree on.
    for (row, kept) in rows.iter_mut().zip(&reader.kept) {
        (row.status, row.applicable, row.line) = (kept.status, kept.applicable, kept.line);
    }
    let values = reader.values.finish(&mut reader.problems);
    Rows {
        rows,
        problems: reader.problems,
        values,
        skipped: reader.skipped,
    }
}

/// The values met in the status and applicability columns, counted, with their readings.
#[derive(Default)]
struct Tally {
    /// By (column, normalised value): the reading and where it was first seen.
    seen: HashMap<(Role, String), TallyEntry>,
    order: Vec<(Role, String)>,
}

struct TallyEntry {
    value: String,
    first_line: usize,
    count: usize,
    reading: ControlStatus,
    recognised: bool,
    chosen: bool,
}

impl Tally {
    fn note(
        &mut self,
        column: Role,
        raw: &str,
        line: usize,
        reading: ControlStatus,
        recognised: bool,
        chosen: bool,
    ) {
        let key = (column, normalize(raw));
        if let Some(e) = self.seen.get_mut(&key) {
            e.count += 1;
            return;
        }
        self.order.push(key.clone());
        self.seen.insert(
            key,
            TallyEntry {
                value: raw.to_string(),
                first_line: line,
                count: 1,
                reading,
                recognised,
                chosen,
            },
        );
    }

    /// The values in the order met, and one problem per value the importer does not know (at
    /// its first line, with its count), never one per row.
    fn finish(mut self, problems: &mut Vec<Problem>) -> Vec<ValueReading> {
        let mut out = Vec::with_capacity(self.order.len());
        for key in self.order {
            let Some(e) = self.seen.remove(&key) else {
                continue;
            };
            if !e.recognised && !e.chosen {
                let (kind, what, help) = match key.0 {
                    Role::Applicable => (
                        ProblemKind::UnknownApplicability,
                        "applicability",
                        APPLICABLE_HELP,
                    ),
                    _ => (
                        ProblemKind::UnknownStatus,
                        "implementation status",
                        STATUS_HELP,
                    ),
                };
                problems.push(Problem::at(
                    e.first_line,
                    kind,
                    format!(
                        "{} is not a recognised {what}: {} kept as unknown (never counted as implemented) until you choose how to read it; known words: {help}",
                        quote(&e.value),
                        if e.count == 1 {
                            "the row is".to_string()
                        } else {
                            format!("the {} rows that say it (this is the first) are", e.count)
                        },
                    ),
                ));
            }
            out.push(ValueReading {
                column: key.0,
                value: e.value,
                count: e.count,
                reading: e.reading,
                recognised: e.recognised,
                chosen: e.chosen,
            });
        }
        out
    }
}

/// The reader's state across rows: the controls accepted so far and the problems.
struct RowReader<'a> {
    rules: &'a RowRules<'a>,
    /// Each control's place in `kept` (its first line is `kept`'s while no other reading replaced
    /// it).
    index: IdMap,
    /// What each accepted row says, in order, as repeats of its control leave it.
    kept: Vec<Kept>,
    problems: Vec<Problem>,
    values: Tally,
    skipped: Vec<SkippedLine>,
}

/// What an accepted row says: its reading, and whether its cells said anything.
struct Kept {
    status: ControlStatus,
    applicable: Option<bool>,
    said: bool,
    /// The line the reading comes from.
    line: usize,
}

/// Whether a row says anything about a control's status: a status cell with text (a word the
/// importer does not know included), or an exclusion. "Applicable: Yes" alone says nothing.
fn says_status(cells: &Cells<'_>, status: ControlStatus) -> bool {
    !cells.get(Role::Status).is_empty() || status != ControlStatus::Unknown
}

/// How much a status would count towards a requirement, to keep the weaker of two: a row that
/// says a control is excluded says less against it than one that says it is not implemented,
/// and a stated gap is kept over a word the importer does not know.
fn credit(s: ControlStatus) -> u8 {
    match s {
        ControlStatus::NotImplemented => 0,
        ControlStatus::Unknown => 1,
        ControlStatus::Excluded => 2,
        ControlStatus::Planned => 3,
        ControlStatus::Partial => 4,
        ControlStatus::Implemented => 5,
    }
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
        if let Some(&at) = self.index.get(&id.key) {
            self.listed_again(&cells, at, &control);
            return None;
        }
        let (applicable, status, words) = self.read_status(&cells);
        self.contradiction(&cells, &control, words);
        let layout = self.rules.layout;
        if !cells.has_answer() && layout.has_answer_columns() && !layout.checkbox {
            self.report(
                cells.line,
                ProblemKind::MissingStatus,
                format!(
                    "{control} has neither an applicability nor a status; it is kept as unknown, never counted as implemented"
                ),
            );
        }
        self.index.insert(id.key, self.kept.len());
        self.kept.push(Kept {
            status,
            applicable,
            said: says_status(&cells, status),
            line: cells.line,
        });
        Some(self.row(&cells, &id, control, applicable, status))
    }

    /// The row's control: its id read, of the file's edition, and in the catalog. A heading
    /// without an answer is skipped and listed in `skipped`; anything else that is no known
    /// control of the edition is a problem.
    fn read_id<'r>(&mut self, cells: &Cells<'r>) -> Option<(ParsedId<'r>, AnnexAControl)> {
        let rules = self.rules;
        let raw = cells.get(Role::Control);
        let has_answer = cells.has_answer();
        let Some(parsed) = parse_id(raw) else {
            if !has_answer {
                self.skip(cells.record, "heading");
            } else if raw.is_empty() {
                self.report(
                    cells.line,
                    ProblemKind::MissingId,
                    "this row has an applicability or status but no control id".to_string(),
                );
            } else {
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
            self.skip(cells.record, "heading"); // a clause or objective heading
            return None;
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

    /// The applicability and the status the row counts as (see the module's row rules). The
    /// user's reading of a value wins; a word the importer does not know is kept as unknown
    /// (never dropped, never counted as implemented); applicability alone never says a control
    /// is implemented. The third value is what the two cells say as words the importer knows,
    /// when both do and the user chose a reading for neither ([`Self::contradiction`]).
    fn read_status(
        &mut self,
        cells: &Cells<'_>,
    ) -> (Option<bool>, ControlStatus, Option<(bool, ControlStatus)>) {
        let (raw_app, raw_status) = (cells.get(Role::Applicable), cells.get(Role::Status));
        let options = self.rules.options;
        let line = cells.line;
        let app = (!raw_app.is_empty()).then(|| {
            let known = parse_applicable(raw_app).flatten();
            let chosen = options.reading(Role::Applicable, raw_app);
            // Included means in scope, not implemented: the file says nothing about the work.
            let read = chosen.unwrap_or(match known {
                Some(false) => ControlStatus::Excluded,
                _ => ControlStatus::Unknown,
            });
            self.values.note(
                Role::Applicable,
                raw_app,
                line,
                read,
                known.is_some(),
                chosen.is_some(),
            );
            (known, read, chosen.is_some())
        });
        let status = (!raw_status.is_empty()).then(|| {
            let known = parse_status(raw_status).flatten();
            let chosen = options.reading(Role::Status, raw_status);
            let read = chosen.or(known).unwrap_or(ControlStatus::Unknown);
            self.values.note(
                Role::Status,
                raw_status,
                line,
                read,
                known.is_some(),
                chosen.is_some(),
            );
            (known, read, chosen.is_some())
        });
        // Both cells in words the importer knows, neither read by the user's own choice.
        let words = match (app, status) {
            (Some((Some(a), _, false)), Some((Some(s), _, false))) => Some((a, s)),
            _ => None,
        };
        let app = app.map(|(known, read, _)| (known, read));
        let status = status.map(|(_, read, _)| read);
        let applicable = app.and_then(|(known, read)| match read {
            ControlStatus::Excluded => Some(false),
            _ => known,
        });
        let layout = self.rules.layout;
        let status = match (app, status) {
            (Some((_, ControlStatus::Excluded)), _) => ControlStatus::Excluded,
            (_, Some(s)) => s,
            (Some((_, read)), None) => read,
            (None, None) if layout.checkbox => ControlStatus::Excluded,
            (None, None) => ControlStatus::Unknown,
        };
        let applicable =
            if applicable.is_none() && layout.checkbox && status == ControlStatus::Excluded {
                Some(false)
            } else {
                applicable
            };
        (applicable, status, words)
    }

    /// A row whose applicability and status cells say opposite things, as the importer reads
    /// them: applicable, but the status says not applicable (or excluded); or not applicable,
    /// but the status says implemented. It counts as excluded, neither for nor against, and the
    /// row is listed so the user reads it (the walk-through of 2026-12-07: "Y" beside "N/A" was
    /// read as excluded without a word). The user's own readings are theirs, and not questioned.
    fn contradiction(
        &mut self,
        cells: &Cells<'_>,
        control: &AnnexAControl,
        words: Option<(bool, ControlStatus)>,
    ) {
        let Some((app, status)) = words else {
            return;
        };
        let (raw_app, raw_status) = (cells.get(Role::Applicable), cells.get(Role::Status));
        let message = match (app, status) {
            (true, ControlStatus::Excluded) => format!(
                "{control} is marked applicable (\u{201c}{raw_app}\u{201d}) but its status says \u{201c}{raw_status}\u{201d}: read as excluded, neither for nor against; check the row"
            ),
            (false, ControlStatus::Implemented | ControlStatus::Partial) => format!(
                "{control} is marked not applicable (\u{201c}{raw_app}\u{201d}) but its status says \u{201c}{raw_status}\u{201d}: read as excluded, neither for nor against; check the row"
            ),
            _ => return,
        };
        self.report(cells.line, ProblemKind::Contradiction, message);
    }

    /// Records a line read but not imported, when it holds any text.
    fn skip(&mut self, record: &Record, why: &str) {
        let text: Vec<&str> = record
            .fields
            .iter()
            .map(clean)
            .filter(|f| !f.is_empty())
            .collect();
        if text.is_empty() {
            return;
        }
        let joined = text.join(" ");
        let short: String = joined.chars().take(80).collect();
        self.skipped.push(SkippedLine {
            line: record.line,
            why: why.to_string(),
            text: short,
        });
    }

    /// A control listed again: a problem naming the line whose row is kept. When the two rows
    /// say different things, the weaker reading is kept (nothing counts as implemented that one
    /// of its rows does not say is; the assessor's review, 2026-12-07, found the first row kept
    /// whatever the second said); a row that says nothing gives way to one that says something.
    fn listed_again(&mut self, cells: &Cells<'_>, at: usize, control: &AnnexAControl) {
        let (applicable, status) = if cells.has_answer() {
            let (applicable, status, _) = self.read_status(cells);
            (applicable, status)
        } else {
            (None, ControlStatus::Unknown)
        };
        let said = says_status(cells, status);
        let this = Kept {
            status,
            applicable,
            said,
            line: cells.line,
        };
        let kept = &self.kept[at];
        let message = if !said || (status == kept.status && applicable == kept.applicable) {
            format!(
                "{control} is listed again; the row on line {} is kept and this one ignored",
                kept.line
            )
        } else if !kept.said {
            let message = format!(
                "{control} is listed again; the row on line {} says nothing of it, so this line's reading ({}) is kept",
                kept.line,
                status.label()
            );
            self.kept[at] = this;
            message
        } else {
            let weaker = if credit(status) < credit(kept.status) {
                status
            } else {
                kept.status
            };
            let message = format!(
                "{control} is listed again with another status: line {} says {}, this line says {}; the weaker, {}, is kept (correct the file if one of the rows is wrong)",
                kept.line,
                kept.status.label(),
                status.label(),
                weaker.label()
            );
            if credit(status) < credit(kept.status) {
                self.kept[at] = this;
            }
            message
        };
        self.report(cells.line, ProblemKind::DuplicateControl, message);
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
