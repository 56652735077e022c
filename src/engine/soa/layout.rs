//! Records to a layout: which record is the header, and which column holds each role (from the
//! header's words, from the cells' content, from the user's overrides), all in one [`Layout`];
//! and, when no column holds control ids, why the file is not an SoA.

use super::cells::{clean, normalize, quote};
use super::known::{parse_id, KnownIds};
use super::records::{Record, Records};
use super::words::{is_mark, parse_applicable, parse_status};
use super::{Column, ColumnOverrides, Role, MAX_COLUMNS, SAVE_AS_CSV};
use crate::engine::ids::Edition;
use std::collections::HashSet;

/// How many records may precede the header (title rows, blank rows, notes).
const HEADER_SEARCH_RECORDS: usize = 20;

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
    // Before "comment": a column headed "Status/Comments" holds the status first.
    (Contains("status"), Role::Status),
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

/// The index of the header record, if there is one: among the first few records before any
/// control id, the one naming the most roles (at least two).
pub(super) fn find_header(records: &Records, known: &KnownIds) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, rec) in records.all.iter().enumerate().take(HEADER_SEARCH_RECORDS) {
        if known.in_record(&rec.fields) {
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

/// The file's shape: where the header is and which column holds each role. The third stage's
/// hand-over, and the only place roles live while importing; the caller's
/// [`ColumnOverrides`] go in and the [`Column`] list comes out.
pub(super) struct Layout {
    /// Index (into the records) of the header row.
    pub(super) header: Option<usize>,
    /// The column of each role, by [`Role::slot`]. The control role's entry is where row ids
    /// are read; a user override of another role onto the id column clears it.
    roles: [Option<usize>; 7],
    /// The column the ids were found in, which decides the edition and spots repeated headers
    /// whatever the overrides did to the roles.
    id_column: usize,
    /// Columns examined: the widest record's, up to [`MAX_COLUMNS`].
    width: usize,
    /// The applicability column is a checkbox column: every filled cell is a tick mark.
    pub(super) checkbox: bool,
}

/// Why no column could serve as the id column.
pub(super) enum NoIdColumn {
    /// The user chose this column (0-based), and it holds no known control id.
    Chosen(usize),
    /// No column holds a known control id.
    NoneFound,
}

impl Layout {
    /// Settles the column of each role: the header's words first, then the id column (the
    /// header's if it holds ids, else the one holding the most), then, without a header, the
    /// other roles by content, and last the user's overrides.
    pub(super) fn detect(
        records: &Records,
        header: Option<usize>,
        known: &KnownIds,
        overrides: &ColumnOverrides,
    ) -> Result<Layout, NoIdColumn> {
        let data = records.below(header);
        let width = records.widest().min(MAX_COLUMNS);
        let mut roles = header.map_or([None; 7], |h| header_roles(&records.all[h]));
        let id_column = id_column(data, known, width, roles[Role::Control.slot()], overrides)?;
        // A column headed "Control" that does not hold the ids ("Ref, Control, ...": the ids
        // under "Ref", the titles under "Control") holds the titles when nothing else is
        // headed as the title.
        let headed_control = header.and_then(|h| {
            records.all[h]
                .fields
                .iter()
                .enumerate()
                .position(|(j, cell)| {
                    j != id_column
                        && !roles.contains(&Some(j))
                        && matches!(
                            normalize(clean(cell)).as_str(),
                            "control"
                                | "controls"
                                | "control name"
                                | "control title"
                                | "annex a control"
                        )
                })
        });
        // A column holds one role: the id column found by content wins over a header guess.
        assign(&mut roles, Role::Control, id_column);
        if let (Some(j), None) = (headed_control, roles[Role::Title.slot()]) {
            roles[Role::Title.slot()] = Some(j);
        }
        if header.is_none() {
            detect_roles_by_content(data, known, id_column, width, &mut roles);
        }
        for role in Role::ALL {
            if let Some(j) = overrides.get(role) {
                assign(&mut roles, role, j);
            }
        }
        let checkbox = roles[Role::Applicable.slot()].is_some_and(|j| is_checkbox_column(data, j));
        Ok(Layout {
            header,
            roles,
            id_column,
            width,
            checkbox,
        })
    }

    /// The trimmed cell of `record` in the column of `role`; empty when there is none.
    pub(super) fn cell<'r>(&self, record: &'r Record, role: Role) -> &'r str {
        self.roles[role.slot()]
            .and_then(|j| record.fields.get(j))
            .map_or("", clean)
    }

    /// Whether a column is used for `role`.
    pub(super) fn has(&self, role: Role) -> bool {
        self.roles[role.slot()].is_some()
    }

    /// Whether the file has an applicability or a status column.
    pub(super) fn has_answer_columns(&self) -> bool {
        self.roles[Role::Applicable.slot()].is_some() || self.roles[Role::Status.slot()].is_some()
    }

    /// Every examined column with its header text and the role it is used for.
    pub(super) fn columns(&self, records: &Records) -> Vec<Column> {
        (0..self.width)
            .map(|index| Column {
                index,
                header: self
                    .header
                    .and_then(|h| records.all[h].fields.get(index))
                    .map(|s| clean(s).to_string())
                    .unwrap_or_default(),
                role: Role::ALL
                    .into_iter()
                    .find(|r| self.roles[r.slot()] == Some(index)),
                samples: samples(records.below(self.header), index),
            })
            .collect()
    }

    /// True when `rec` repeats the header row (cells equal after trimming, trailing blanks
    /// ignored), as exports of paginated sheets do. The id cell is compared first, so ordinary
    /// rows cost one comparison.
    pub(super) fn repeats_header(&self, records: &Records, rec: &Record) -> bool {
        fn cell(r: &Record, j: usize) -> &str {
            clean(r.fields.get(j).unwrap_or(""))
        }
        let Some(header) = self.header.map(|h| &records.all[h]) else {
            return false;
        };
        if cell(rec, self.id_column) != cell(header, self.id_column) {
            return false;
        }
        (0..header.fields.len().max(rec.fields.len())).all(|j| cell(rec, j) == cell(header, j))
    }

    /// The edition most known ids in the id column belong to; a tie goes to the current one.
    pub(super) fn majority_edition(&self, records: &Records, known: &KnownIds) -> Edition {
        let (mut e2013, mut e2022) = (0usize, 0usize);
        for rec in records.below(self.header) {
            match rec
                .fields
                .get(self.id_column)
                .and_then(|c| known.key_of(c))
                .and_then(|k| k.edition())
            {
                Some(Edition::Iso2013) => e2013 += 1,
                Some(Edition::Iso2022) => e2022 += 1,
                None => {}
            }
        }
        if e2013 > e2022 {
            Edition::Iso2013
        } else {
            Edition::Iso2022
        }
    }
}

/// Up to three distinct non-blank values of column `j`, each cut to 40 characters: what a
/// user choosing the column needs to see. At most 200 rows are looked at, so a long file
/// costs no more than a short one.
fn samples(data: &[Record], j: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(3);
    for rec in data.iter().take(200) {
        let cell = rec.fields.get(j).map_or("", |c| clean(c));
        if cell.is_empty() {
            continue;
        }
        let one_line = cell.split_whitespace().collect::<Vec<_>>().join(" ");
        let short: String = one_line.chars().take(40).collect();
        if !out.contains(&short) {
            out.push(short);
            if out.len() == 3 {
                break;
            }
        }
    }
    out
}

/// Gives `role` column `j`, taking it from any role that had it.
fn assign(roles: &mut [Option<usize>; 7], role: Role, j: usize) {
    for slot in roles.iter_mut() {
        if *slot == Some(j) {
            *slot = None;
        }
    }
    roles[role.slot()] = Some(j);
}

/// The roles the header's words name; the leftmost column wins a role named twice.
fn header_roles(header: &Record) -> [Option<usize>; 7] {
    let mut roles = [None; 7];
    for (j, cell) in header.fields.iter().enumerate().take(MAX_COLUMNS) {
        if let Some(role) = header_role(cell) {
            roles[role.slot()].get_or_insert(j);
        }
    }
    roles
}

/// The id column: the user's choice, else the header's id column if it holds known ids, else
/// the leftmost column holding the most. It must hold at least one known id.
fn id_column(
    data: &[Record],
    known: &KnownIds,
    width: usize,
    from_header: Option<usize>,
    overrides: &ColumnOverrides,
) -> Result<usize, NoIdColumn> {
    let counts = id_column_counts(data, known, width);
    let candidate = match overrides.control {
        Some(j) => Some(j),
        None => from_header
            .filter(|&j| counts.get(j).is_some_and(|&n| n > 0))
            .or_else(|| best_column(&counts)),
    };
    match candidate {
        // A chosen column beyond the examined ones is counted on its own.
        Some(j)
            if counts
                .get(j)
                .copied()
                .unwrap_or_else(|| known_ids_in(data, j, known))
                > 0 =>
        {
            Ok(j)
        }
        Some(j) if overrides.control.is_some() => Err(NoIdColumn::Chosen(j)),
        _ => Err(NoIdColumn::NoneFound),
    }
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

/// The not-an-SoA message when no id column could be settled on: the generic reason, then the
/// most specific hint the file allows, so the user learns what to fix rather than only that
/// something is wrong.
pub(super) fn why_not_an_soa(
    missing: NoIdColumn,
    records: &Records,
    header: Option<usize>,
    looks_binary: bool,
) -> String {
    if let NoIdColumn::Chosen(j) = missing {
        return format!(
            "the chosen control id column (column {}) holds no ISO/IEC 27001 Annex A control ids",
            j + 1
        );
    }
    let why = if looks_binary {
        "the file does not look like text"
    } else {
        "no column holds ISO/IEC 27001 Annex A control ids (such as A.5.15 or A.9.4.2)"
    };
    let data = records.below(header);
    let hint = if let Some(line) = records.unclosed_quote {
        format!("the quote (\") that opens a cell on line {line} is never closed, so the rest of the file was read as one cell; close or remove it and import again")
    } else if let Some((line, cell)) = id_shaped_cell(data) {
        format!(
            "{} on line {line} is shaped like one but is not a control of either edition",
            quote(cell)
        )
    } else if let Some(h) = header.filter(|_| {
        data.iter()
            .all(|r| r.fields.iter().all(|c| clean(c).is_empty()))
    }) {
        format!(
            "the header on line {} has no rows below it",
            records.all[h].line
        )
    } else if records.widest() > MAX_COLUMNS {
        format!("only the first {MAX_COLUMNS} columns are searched for them; {SAVE_AS_CSV}")
    } else {
        SAVE_AS_CSV.to_string()
    };
    format!("this is not a Statement of Applicability: {why}; {hint}")
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
