//! The saved assessment: everything the user entered ([`SavedState`]), and the versioned JSON
//! document it is written as (the private `SavedFile`), which the web app keeps in local storage
//! and exports and which loads back on another machine with the same result. Loading never
//! panics: a bad document is a [`StateError`] the caller can match on, with a plain message.
//!
//! The file's shape is owned here, apart from the engine's types, and converted explicitly both
//! ways: renaming a field of `CostAssumptions` or `ImportOptions` cannot silently change what is
//! written or read. The leaf words (the answers' choice codes, views, delimiters, encodings,
//! editions, dates) are the engine's documented codes, shared with the CLI's JSON.

use super::catalog::Catalog;
use super::date::Date;
use super::evaluate::Input;
use super::ids::{Edition, ObjectiveId, RequirementId};
use super::plan::{CostAssumptions, Range};
use super::questionnaire::{Answers, AnswersOnDisk};
use super::records::{Milestone, PoamPlan, SystemInfo, SystemRole};
use super::soa::{
    import_soa, ColumnOverrides, ControlStatus, Delimiter, ImportOptions, Role, TextEncoding,
};
use super::vocab::{DirectAnswer, ObjectiveAnswer, ObjectiveStatus, View};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// The current schema version. Bump it when a field changes meaning, and teach `load_state` to
/// migrate the older version.
///
/// Version 2 (2026-12): a direct answer carries its record (`{"answer": "not-applicable",
/// "note": "..."}`) and may be one of the routes 32 CFR 170.24 assesses as MET; the answers
/// gained `role`, `prime_level`, `encryption`, `current_status`, `status_date`, `sprs_date` and
/// `esp_in_scope`; the state gained `date` and `company`. Version 1 files load unchanged: bare answer words are
/// read as answers without a record, and `flow_down`, `fips_validated` and `has_final_l2_c3pao`
/// are migrated by the answers' reader.
///
/// Version 3 (2026-12): the state gained `objectives` (SP 800-171A objective answers with their
/// notes and defined values), `system` (what the SSP describes) and `poam` (the plan per open
/// item), `solicitation_text` (the pasted solicitation, only when the user asked to keep it),
/// and the answers `level_source` (the fill-in sentence a level was read from). Versions 1 and
/// 2 load with all of them empty: nothing they held changes meaning.
pub const STATE_VERSION: u32 = 3;

/// The largest saved document we accept (local storage holds a few MB at most anyway).
pub const MAX_STATE_BYTES: usize = 16 * 1024 * 1024;

/// Everything the user entered. Outputs are never stored: they are derived again on load.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedState {
    /// Always [`STATE_VERSION`] when written.
    pub version: u32,
    /// The questionnaire's answers.
    pub answers: Answers,
    /// The text of the last imported SoA, kept so column overrides can re-run the import.
    pub soa_text: Option<SharedText>,
    /// The name of the file it came from, for display only.
    pub soa_name: Option<String>,
    /// The encoding the file was read in, when it was not UTF-8 (the text is stored as UTF-8).
    pub soa_encoding: Option<TextEncoding>,
    /// Column overrides and other import steering.
    pub import_options: ImportOptions,
    /// Requirements answered directly, with their records.
    pub direct: BTreeMap<RequirementId, DirectAnswer>,
    /// Assessment objectives answered, with their notes and defined values.
    pub objectives: BTreeMap<ObjectiveId, ObjectiveAnswer>,
    /// Level 3 requirements answered directly, by CMMC id.
    pub level3: BTreeMap<String, bool>,
    /// Strict (NIST's edges only) or analysed.
    pub view: View,
    /// The cost and timeline assumptions.
    pub costs: CostAssumptions,
    /// The date the rules are applied on, when the user set one; `None` means the device's date.
    pub date: Option<Date>,
    /// The company's name, for the printed report.
    pub company: Option<String>,
    /// The pasted solicitation or contract text, only when the user asked to keep it (by
    /// default the pasted text lives in the page and is gone on reload).
    pub solicitation_text: Option<String>,
    /// The system the SSP describes.
    pub system: SystemInfo,
    /// The POA&M's plan per open item (keys as [`crate::engine::Input::poam`]).
    pub poam: BTreeMap<String, PoamPlan>,
}

/// A long text held once and shared: cloning it copies a pointer, and comparing two clones of
/// the same text is one pointer comparison (two different texts are compared by content). The
/// app compares its state on every render; an SoA's text can be hundreds of KB.
#[derive(Debug, Clone, Eq)]
pub struct SharedText(Arc<str>);

impl PartialEq for SharedText {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || *self.0 == *other.0
    }
}

impl std::hash::Hash for SharedText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl std::ops::Deref for SharedText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<String> for SharedText {
    fn from(text: String) -> Self {
        SharedText(Arc::from(text))
    }
}

impl From<&str> for SharedText {
    fn from(text: &str) -> Self {
        SharedText(Arc::from(text))
    }
}

impl SavedState {
    /// The engine's input for this state: its SoA imported again with its options, on its
    /// date, or on `today` when it has none (the engine reads no clock).
    pub fn input(&self, catalog: &Catalog, today: Date) -> Input {
        let soa = self.soa_text.as_ref().map(|text| {
            std::sync::Arc::new(import_soa(text.as_bytes(), &self.import_options, catalog))
        });
        Input {
            answers: self.answers.clone(),
            soa,
            direct: self.direct.clone(),
            objectives: self.objectives.clone(),
            level3: self.level3.clone(),
            view: self.view,
            costs: self.costs.clone(),
            system: self.system.clone(),
            poam: self.poam.clone(),
            date: self.date.unwrap_or(today),
        }
    }
}

impl Default for SavedState {
    fn default() -> Self {
        SavedState {
            version: STATE_VERSION,
            answers: Answers::default(),
            soa_text: None,
            soa_name: None,
            soa_encoding: None,
            import_options: ImportOptions::default(),
            direct: BTreeMap::new(),
            objectives: BTreeMap::new(),
            level3: BTreeMap::new(),
            view: View::Strict,
            costs: CostAssumptions::default(),
            date: None,
            company: None,
            solicitation_text: None,
            system: SystemInfo::default(),
            poam: BTreeMap::new(),
        }
    }
}

/// Why a saved document could not be loaded. `Display` gives the plain message the app shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateError {
    /// Larger than [`MAX_STATE_BYTES`].
    TooLarge {
        /// Its size, in whole MB.
        megabytes: usize,
    },
    /// Nothing but whitespace.
    Empty,
    /// Not JSON at all (or truncated).
    NotJson {
        /// Where the JSON parser stopped.
        line: usize,
        /// The column there.
        column: usize,
    },
    /// JSON, but not an object.
    NotAnObject,
    /// An object without a version: not an export of this app.
    NoVersion,
    /// The bytes are not text (UTF-8).
    NotText,
    /// A version that is not a whole number (as written).
    VersionNotANumber(String),
    /// A version this release does not read: 0, or a newer release's.
    UnsupportedVersion(u64),
    /// The fields are not the expected ones (the reader's message).
    BadFields(String),
}

impl StateError {
    /// True when a newer release wrote the file: updating the app, not the file, is the fix.
    pub fn is_from_a_newer_release(&self) -> bool {
        matches!(self, StateError::UnsupportedVersion(v) if *v > u64::from(STATE_VERSION))
    }
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateError::TooLarge { megabytes } => write!(
                f,
                "The saved assessment is {megabytes} MB, more than the {} MB this app accepts.",
                MAX_STATE_BYTES / (1024 * 1024)
            ),
            StateError::Empty => f.write_str("The saved assessment is empty."),
            StateError::NotJson { line, column } => write!(
                f,
                "The saved assessment is not valid JSON (line {line}, column {column}): it may be truncated or not an export of this app."
            ),
            StateError::NotAnObject => f.write_str(
                "The saved assessment is JSON but not an object: it is not an export of this app.",
            ),
            StateError::NoVersion => f.write_str(
                "The saved assessment has no version: it is not an export of this app.",
            ),
            StateError::NotText => f.write_str(
                "The file is not text: it is not an export of this app.",
            ),
            StateError::VersionNotANumber(v) => write!(
                f,
                "The saved assessment's version is {v}, not a whole number."
            ),
            StateError::UnsupportedVersion(v) => write!(
                f,
                "The saved assessment has version {v}; this app reads versions 1 to {STATE_VERSION}. It may come from a newer release."
            ),
            StateError::BadFields(e) => write!(
                f,
                "The saved assessment does not have the expected fields: {e}."
            ),
        }
    }
}

impl std::error::Error for StateError {}

/// The saved file, as written and read (versions 1 to 3 share this shape; older versions simply
/// lack the newer fields).
#[derive(Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct SavedFile {
    version: u32,
    answers: AnswersOnDisk,
    #[serde(skip_serializing_if = "Option::is_none")]
    soa_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    soa_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    soa_encoding: Option<TextEncoding>,
    import_options: ImportFile,
    direct: BTreeMap<RequirementId, DirectAnswer>,
    objectives: BTreeMap<ObjectiveId, ObjectiveFile>,
    level3: BTreeMap<String, bool>,
    view: View,
    costs: CostsFile,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    solicitation_text: Option<String>,
    system: SystemFile,
    poam: BTreeMap<String, PoamFile>,
}

/// An objective's answer as the file writes it: `{"answer": "not-applicable", "note": "...",
/// "defined_value": "..."}`, each field left out when empty.
#[derive(Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct ObjectiveFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    answer: Option<ObjectiveStatus>,
    #[serde(skip_serializing_if = "String::is_empty")]
    note: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    defined_value: String,
}

/// The system as the file writes it.
#[derive(Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct SystemFile {
    name: String,
    organization: String,
    boundary: String,
    roles: Vec<RoleFile>,
    // Added at stop 21 (SP 800-171A 3.12.4[c], [f] to [h]): written only when set, so a file
    // without them reads as before and one without them is written as before.
    #[serde(skip_serializing_if = "String::is_empty")]
    environment: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    connections: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    update_frequency: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_updated: Option<Date>,
}

/// A role as the file writes it.
#[derive(Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RoleFile {
    title: String,
    holder: String,
}

/// A POA&M plan as the file writes it.
#[derive(Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct PoamFile {
    owner: String,
    milestones: Vec<MilestoneFile>,
    resources: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    completion: Option<Date>,
}

/// A milestone as the file writes it.
#[derive(Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct MilestoneFile {
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
}

impl From<&ObjectiveAnswer> for ObjectiveFile {
    fn from(a: &ObjectiveAnswer) -> Self {
        ObjectiveFile {
            answer: a.answer,
            note: a.note.clone(),
            defined_value: a.defined_value.clone(),
        }
    }
}

impl From<ObjectiveFile> for ObjectiveAnswer {
    fn from(f: ObjectiveFile) -> Self {
        ObjectiveAnswer {
            answer: f.answer,
            note: f.note,
            defined_value: f.defined_value,
        }
    }
}

impl From<&SystemInfo> for SystemFile {
    fn from(s: &SystemInfo) -> Self {
        SystemFile {
            name: s.name.clone(),
            organization: s.organization.clone(),
            boundary: s.boundary.clone(),
            roles: s
                .roles
                .iter()
                .map(|r| RoleFile {
                    title: r.title.clone(),
                    holder: r.holder.clone(),
                })
                .collect(),
            environment: s.environment.clone(),
            connections: s.connections.clone(),
            update_frequency: s.update_frequency.clone(),
            last_updated: s.last_updated,
        }
    }
}

impl From<SystemFile> for SystemInfo {
    fn from(f: SystemFile) -> Self {
        SystemInfo {
            name: f.name,
            organization: f.organization,
            boundary: f.boundary,
            roles: f
                .roles
                .into_iter()
                .map(|r| SystemRole {
                    title: r.title,
                    holder: r.holder,
                })
                .collect(),
            environment: f.environment,
            connections: f.connections,
            update_frequency: f.update_frequency,
            last_updated: f.last_updated,
        }
    }
}

impl From<&PoamPlan> for PoamFile {
    fn from(p: &PoamPlan) -> Self {
        PoamFile {
            owner: p.owner.clone(),
            milestones: p
                .milestones
                .iter()
                .map(|m| MilestoneFile {
                    text: m.text.clone(),
                    date: m.date,
                })
                .collect(),
            resources: p.resources.clone(),
            completion: p.completion,
        }
    }
}

impl From<PoamFile> for PoamPlan {
    fn from(f: PoamFile) -> Self {
        PoamPlan {
            owner: f.owner,
            milestones: f
                .milestones
                .into_iter()
                .map(|m| Milestone {
                    text: m.text,
                    date: m.date,
                })
                .collect(),
            resources: f.resources,
            completion: f.completion,
        }
    }
}

impl Default for SavedFile {
    fn default() -> Self {
        SavedFile::from(&SavedState::default())
    }
}

/// Import steering as the file writes it.
#[derive(Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct ImportFile {
    columns: ColumnsFile,
    delimiter: Option<Delimiter>,
    edition: Option<Edition>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    readings: Vec<ReadingFile>,
}

/// One reading the user chose in the import review, as the file writes it.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadingFile {
    /// `status` or `applicable`.
    column: Role,
    value: String,
    /// `implemented`, `in-progress`, `planned`, `not-implemented`, `excluded`, `unknown`.
    reading: String,
}

/// Column overrides (0-based) as the file writes them.
#[derive(Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct ColumnsFile {
    control: Option<usize>,
    title: Option<usize>,
    applicable: Option<usize>,
    status: Option<usize>,
    justification: Option<usize>,
    evidence: Option<usize>,
    owner: Option<usize>,
}

/// A low-high range as the file writes it.
#[derive(Serialize, Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
struct RangeFile {
    low: f64,
    high: f64,
}

/// The cost assumptions as the file writes them; a missing field keeps its default.
#[derive(Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct CostsFile {
    day_rate_usd: RangeFile,
    capacity_days_per_month: f64,
    partial_effort_share: f64,
    verify_effort_share: f64,
    tool_usd_per_user: RangeFile,
    tool_usd_per_device: RangeFile,
    cloud_migration_usd: RangeFile,
    cloud_uplift_usd_per_user_year: RangeFile,
    assessor_lead_months: RangeFile,
    self_assessment_months: RangeFile,
}

impl Default for CostsFile {
    fn default() -> Self {
        CostsFile::from(&CostAssumptions::default())
    }
}

impl From<Range> for RangeFile {
    fn from(r: Range) -> Self {
        RangeFile {
            low: r.low,
            high: r.high,
        }
    }
}

impl From<RangeFile> for Range {
    fn from(r: RangeFile) -> Self {
        Range {
            low: r.low,
            high: r.high,
        }
    }
}

impl From<&CostAssumptions> for CostsFile {
    fn from(c: &CostAssumptions) -> Self {
        CostsFile {
            day_rate_usd: c.day_rate_usd.into(),
            capacity_days_per_month: c.capacity_days_per_month,
            partial_effort_share: c.partial_effort_share,
            verify_effort_share: c.verify_effort_share,
            tool_usd_per_user: c.tool_usd_per_user.into(),
            tool_usd_per_device: c.tool_usd_per_device.into(),
            cloud_migration_usd: c.cloud_migration_usd.into(),
            cloud_uplift_usd_per_user_year: c.cloud_uplift_usd_per_user_year.into(),
            assessor_lead_months: c.assessor_lead_months.into(),
            self_assessment_months: c.self_assessment_months.into(),
        }
    }
}

impl From<CostsFile> for CostAssumptions {
    fn from(c: CostsFile) -> Self {
        CostAssumptions {
            day_rate_usd: c.day_rate_usd.into(),
            capacity_days_per_month: c.capacity_days_per_month,
            partial_effort_share: c.partial_effort_share,
            verify_effort_share: c.verify_effort_share,
            tool_usd_per_user: c.tool_usd_per_user.into(),
            tool_usd_per_device: c.tool_usd_per_device.into(),
            cloud_migration_usd: c.cloud_migration_usd.into(),
            cloud_uplift_usd_per_user_year: c.cloud_uplift_usd_per_user_year.into(),
            assessor_lead_months: c.assessor_lead_months.into(),
            self_assessment_months: c.self_assessment_months.into(),
        }
    }
}

impl From<&ImportOptions> for ImportFile {
    fn from(o: &ImportOptions) -> Self {
        let c = &o.columns;
        ImportFile {
            columns: ColumnsFile {
                control: c.control,
                title: c.title,
                applicable: c.applicable,
                status: c.status,
                justification: c.justification,
                evidence: c.evidence,
                owner: c.owner,
            },
            delimiter: o.delimiter,
            edition: o.edition,
            readings: o
                .readings
                .iter()
                .map(|(column, value, r)| ReadingFile {
                    column: *column,
                    value: value.clone(),
                    reading: r.code().to_string(),
                })
                .collect(),
        }
    }
}

impl From<ImportFile> for ImportOptions {
    fn from(o: ImportFile) -> Self {
        let c = o.columns;
        ImportOptions {
            columns: ColumnOverrides {
                control: c.control,
                title: c.title,
                applicable: c.applicable,
                status: c.status,
                justification: c.justification,
                evidence: c.evidence,
                owner: c.owner,
            },
            delimiter: o.delimiter,
            edition: o.edition,
            // A reading this release does not know is dropped: the value is then read as the
            // importer would without it, which never over-claims.
            readings: o
                .readings
                .into_iter()
                .filter_map(|r| Some((r.column, r.value, ControlStatus::from_code(&r.reading)?)))
                .collect(),
        }
    }
}

impl From<&SavedState> for SavedFile {
    fn from(s: &SavedState) -> Self {
        SavedFile {
            version: STATE_VERSION,
            answers: AnswersOnDisk::from(&s.answers),
            soa_text: s.soa_text.as_deref().map(str::to_string),
            soa_name: s.soa_name.clone(),
            soa_encoding: s.soa_encoding,
            import_options: ImportFile::from(&s.import_options),
            direct: s.direct.clone(),
            objectives: s
                .objectives
                .iter()
                .filter(|(_, a)| !a.is_empty())
                .map(|(id, a)| (id.clone(), ObjectiveFile::from(a)))
                .collect(),
            level3: s.level3.clone(),
            view: s.view,
            costs: CostsFile::from(&s.costs),
            date: s.date,
            company: s.company.clone(),
            solicitation_text: s.solicitation_text.clone(),
            system: SystemFile::from(&s.system),
            poam: s
                .poam
                .iter()
                .filter(|(_, p)| !p.is_empty())
                .map(|(id, p)| (id.clone(), PoamFile::from(p)))
                .collect(),
        }
    }
}

impl From<SavedFile> for SavedState {
    fn from(f: SavedFile) -> Self {
        SavedState {
            // Read in any supported version, held as the current one from now on.
            version: STATE_VERSION,
            answers: Answers::from(f.answers),
            soa_text: f.soa_text.map(SharedText::from),
            soa_name: f.soa_name,
            soa_encoding: f.soa_encoding,
            import_options: f.import_options.into(),
            direct: f.direct,
            objectives: f
                .objectives
                .into_iter()
                .map(|(id, a)| (id, ObjectiveAnswer::from(a)))
                .filter(|(_, a)| !a.is_empty())
                .collect(),
            level3: f.level3,
            view: f.view,
            costs: f.costs.into(),
            date: f.date,
            company: f.company,
            solicitation_text: f.solicitation_text,
            system: f.system.into(),
            poam: f
                .poam
                .into_iter()
                .map(|(id, p)| (id, PoamPlan::from(p)))
                .filter(|(_, p)| !p.is_empty())
                .collect(),
        }
    }
}

/// Serialises a state as the current version of the saved file.
pub fn save_state(state: &SavedState) -> String {
    serde_json::to_string(&SavedFile::from(state)).unwrap_or_default()
}

/// The saved file as a JSON value, to nest in an export next to the derived summary. Read back
/// from [`save_state`]'s text, so the saved file is serialised by one serializer only (each one
/// is compiled into the wasm again for every type it writes: `to_value` cost 20 KB).
pub fn saved_state_json(state: &SavedState) -> serde_json::Value {
    serde_json::from_str(&save_state(state)).unwrap_or_default()
}

/// Reads a saved document from its bytes (a file the user picked): text, then [`load_state`].
pub fn load_state_bytes(bytes: &[u8]) -> Result<SavedState, StateError> {
    let text = std::str::from_utf8(bytes).map_err(|_| StateError::NotText)?;
    load_state(text)
}

/// Reads a saved document. The document may also be an export that wraps the state as
/// `{ "state": {...}, "summary": {...} }`; the summary is ignored (it is derived again).
pub fn load_state(text: &str) -> Result<SavedState, StateError> {
    if text.len() > MAX_STATE_BYTES {
        return Err(StateError::TooLarge {
            megabytes: text.len() / (1024 * 1024),
        });
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(StateError::Empty);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| StateError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    // An export carries the derived `summary` next to the inputs, for people reading the file;
    // it is recomputed on load, so it is set aside here. An export may also nest the inputs
    // under `state`.
    let value = match value {
        serde_json::Value::Object(mut map) => {
            map.remove("summary");
            if map.contains_key("state") && !map.contains_key("version") {
                map.remove("state").unwrap_or_default()
            } else {
                serde_json::Value::Object(map)
            }
        }
        other => other,
    };
    let Some(object) = value.as_object() else {
        return Err(StateError::NotAnObject);
    };
    let version = match object.get("version") {
        None => return Err(StateError::NoVersion),
        Some(v) => v
            .as_u64()
            .ok_or_else(|| StateError::VersionNotANumber(v.to_string()))?,
    };
    if version == 0 || version > u64::from(STATE_VERSION) {
        return Err(StateError::UnsupportedVersion(version));
    }
    serde_json::from_value::<SavedFile>(value)
        .map(SavedState::from)
        .map_err(|e| StateError::BadFields(e.to_string()))
}
