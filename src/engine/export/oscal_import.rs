//! Reading back an OSCAL SSP this project wrote: the direct answers with their records, the
//! objective answers with their notes, the defined values, the Level 3 answers, the system
//! (name, organisation, boundary, roles) and the date. Anything else is refused with a typed
//! [`OscalImportError`] whose message says why: not JSON, another OSCAL model, an SSP another tool
//! wrote, or a field that is not what this project writes. It never panics.

use super::oscal::{objective_of, requirement_of_control, OSCAL_NS};
use super::oscal_ssp::{NO_BOUNDARY, NO_ENVIRONMENT, UNNAMED};
use crate::engine::catalog::Catalog;
use crate::engine::date::Date;
use crate::engine::ids::{ObjectiveId, RequirementId};
use crate::engine::records::{SystemInfo, SystemRole};
use crate::engine::state::SavedState;
use crate::engine::vocab::{Answer, DirectAnswer, ObjectiveAnswer, ObjectiveStatus};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// The largest SSP read (the same bound as a saved assessment).
pub const MAX_OSCAL_BYTES: usize = 16 * 1024 * 1024;

/// What an SSP this project wrote gives back: the user's inputs it carries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SspImport {
    /// Requirements answered directly, with their records.
    pub direct: BTreeMap<RequirementId, DirectAnswer>,
    /// Objectives answered, with notes and defined values.
    pub objectives: BTreeMap<ObjectiveId, ObjectiveAnswer>,
    /// Level 3 requirements answered, by CMMC id.
    pub level3: BTreeMap<String, bool>,
    /// The system.
    pub system: SystemInfo,
    /// The date the SSP was written for.
    pub date: Option<Date>,
}

impl SspImport {
    /// Puts what the SSP carries into a saved state, replacing those parts and keeping the
    /// rest (the questionnaire, the SoA, the assumptions, the POA&M plans).
    pub fn apply_to(self, state: &mut SavedState) {
        state.direct = self.direct;
        state.objectives = self.objectives;
        state.level3 = self.level3;
        state.system = self.system;
        if self.date.is_some() {
            state.date = self.date;
        }
    }
}

/// Why an OSCAL file could not be read back. `Display` gives the plain message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OscalImportError {
    /// Larger than [`MAX_OSCAL_BYTES`].
    TooLarge {
        /// Its size in whole MB.
        megabytes: usize,
    },
    /// Not JSON (or truncated, or nested deeper than the reader allows).
    NotJson {
        /// Where the parser stopped.
        line: usize,
        /// The column there.
        column: usize,
    },
    /// JSON, but not an OSCAL System Security Plan: what it is instead.
    NotAnSsp(String),
    /// An SSP, but not one this project wrote (its answers would be guesses).
    Foreign,
    /// A field is missing or not what this project writes.
    Malformed {
        /// Where, as a path (`control-implementation.implemented-requirements[3].props`).
        path: String,
        /// What is wrong.
        why: String,
    },
}

impl fmt::Display for OscalImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OscalImportError::TooLarge { megabytes } => write!(
                f,
                "The file is {megabytes} MB, more than the {} MB this app reads.",
                MAX_OSCAL_BYTES / (1024 * 1024)
            ),
            OscalImportError::NotJson { line, column } => write!(
                f,
                "The file is not valid JSON (line {line}, column {column}): it may be truncated, or OSCAL XML or YAML, which this app does not read."
            ),
            OscalImportError::NotAnSsp(what) => write!(
                f,
                "The file is {what}, not an OSCAL System Security Plan."
            ),
            OscalImportError::Foreign => f.write_str(
                "The file is an OSCAL System Security Plan written by another tool: only SSPs this app wrote can be read back, because only their answers map onto its questions.",
            ),
            OscalImportError::Malformed { path, why } => write!(
                f,
                "The SSP's {path} is not what this app writes: {why}."
            ),
        }
    }
}

impl std::error::Error for OscalImportError {}

fn malformed(path: &str, why: impl Into<String>) -> OscalImportError {
    OscalImportError::Malformed {
        path: path.to_string(),
        why: why.into(),
    }
}

/// Reads an OSCAL SSP (JSON) that this project wrote back into the inputs it carries.
pub fn import_oscal_ssp(catalog: &Catalog, text: &str) -> Result<SspImport, OscalImportError> {
    if text.len() > MAX_OSCAL_BYTES {
        return Err(OscalImportError::TooLarge {
            megabytes: text.len() / (1024 * 1024),
        });
    }
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        OscalImportError::NotJson {
            line: e.line(),
            column: e.column(),
        }
    })?;
    let ssp = root(&value)?;
    let metadata = object(ssp, "metadata", "metadata")?;
    let ours = props(metadata, "metadata.props")?
        .get("generator")
        .is_some_and(|g| g.starts_with("cmmc-readiness"));
    if !ours {
        return Err(OscalImportError::Foreign);
    }
    let mut out = SspImport {
        system: system(ssp, metadata)?,
        date: metadata
            .get("last-modified")
            .and_then(Value::as_str)
            .and_then(|t| t.get(..10))
            .and_then(Date::parse),
        ..SspImport::default()
    };
    let implementation = object(ssp, "control-implementation", "control-implementation")?;
    let path = "control-implementation.implemented-requirements";
    for (i, item) in array(implementation, "implemented-requirements", path)?
        .iter()
        .enumerate()
    {
        implemented(catalog, item, &format!("{path}[{i}]"), &mut out)?;
    }
    Ok(out)
}

/// The SSP object, or what the document is instead.
fn root(value: &Value) -> Result<&Value, OscalImportError> {
    let Some(map) = value.as_object() else {
        return Err(OscalImportError::NotAnSsp("JSON but not an object".into()));
    };
    if let Some(ssp) = map.get("system-security-plan") {
        return if ssp.is_object() {
            Ok(ssp)
        } else {
            Err(malformed("system-security-plan", "not an object"))
        };
    }
    let models = [
        ("catalog", "an OSCAL catalog"),
        ("profile", "an OSCAL profile"),
        ("component-definition", "an OSCAL component definition"),
        ("assessment-plan", "an OSCAL assessment plan"),
        ("assessment-results", "OSCAL assessment results"),
        (
            "plan-of-action-and-milestones",
            "an OSCAL plan of action and milestones (POA&M)",
        ),
        ("mapping-collection", "an OSCAL mapping collection"),
    ];
    let what = models
        .iter()
        .find(|(key, _)| map.contains_key(*key))
        .map_or("a JSON object that is no OSCAL document", |(_, what)| what);
    Err(OscalImportError::NotAnSsp(what.to_string()))
}

fn object<'a>(v: &'a Value, key: &str, path: &str) -> Result<&'a Value, OscalImportError> {
    v.get(key)
        .filter(|x| x.is_object())
        .ok_or_else(|| malformed(path, "missing, or not an object"))
}

fn array<'a>(v: &'a Value, key: &str, path: &str) -> Result<&'a [Value], OscalImportError> {
    match v.get(key) {
        None => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(malformed(path, "not a list")),
    }
}

fn string(v: &Value, key: &str, path: &str) -> Result<Option<String>, OscalImportError> {
    match v.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(malformed(&format!("{path}.{key}"), "not a string")),
    }
}

/// This project's properties of an object (those in its namespace), by name.
fn props(v: &Value, path: &str) -> Result<BTreeMap<String, String>, OscalImportError> {
    let mut out = BTreeMap::new();
    for (i, p) in array(v, "props", path)?.iter().enumerate() {
        let at = format!("{path}[{i}]");
        let name =
            string(p, "name", &at)?.ok_or_else(|| malformed(&at, "a property without a name"))?;
        let value = string(p, "value", &at)?.unwrap_or_default();
        if string(p, "ns", &at)?.as_deref() == Some(OSCAL_NS) {
            out.insert(name, value);
        }
    }
    Ok(out)
}

/// The system: its name, organisation and boundary, and the roles with their holders.
fn system(ssp: &Value, metadata: &Value) -> Result<SystemInfo, OscalImportError> {
    let chars = object(ssp, "system-characteristics", "system-characteristics")?;
    let name = string(chars, "system-name", "system-characteristics")?.unwrap_or_default();
    let boundary = object(
        chars,
        "authorization-boundary",
        "system-characteristics.authorization-boundary",
    )?;
    let boundary = string(
        boundary,
        "description",
        "system-characteristics.authorization-boundary",
    )?
    .unwrap_or_default();
    let mut own = props(chars, "system-characteristics.props")?;
    let organization = own.remove("organization").unwrap_or_default();
    let update_frequency = own.remove("ssp-update-frequency").unwrap_or_default();
    let last_updated = match own.remove("ssp-last-updated") {
        None => None,
        Some(d) => Some(Date::parse(&d).ok_or_else(|| {
            malformed(
                "system-characteristics.props",
                format!("ssp-last-updated `{d}` is not a date (YYYY-MM-DD)"),
            )
        })?),
    };
    let environment = string(chars, "description", "system-characteristics")?
        .filter(|d| d != NO_ENVIRONMENT)
        .unwrap_or_default();
    let connections = match ssp.get("system-implementation") {
        Some(i) => string(i, "remarks", "system-implementation")?.unwrap_or_default(),
        None => String::new(),
    };
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for (i, p) in array(metadata, "parties", "metadata.parties")?
        .iter()
        .enumerate()
    {
        let at = format!("metadata.parties[{i}]");
        if let (Some(uuid), Some(name)) = (string(p, "uuid", &at)?, string(p, "name", &at)?) {
            names.insert(uuid, name);
        }
    }
    let mut holders: BTreeMap<String, String> = BTreeMap::new();
    for (i, r) in array(
        metadata,
        "responsible-parties",
        "metadata.responsible-parties",
    )?
    .iter()
    .enumerate()
    {
        let at = format!("metadata.responsible-parties[{i}]");
        let role = string(r, "role-id", &at)?.unwrap_or_default();
        let people: Vec<String> = array(r, "party-uuids", &at)?
            .iter()
            .filter_map(|u| u.as_str().and_then(|u| names.get(u)).cloned())
            .collect();
        holders.insert(role, people.join(", "));
    }
    let mut roles = Vec::new();
    for (i, r) in array(metadata, "roles", "metadata.roles")?
        .iter()
        .enumerate()
    {
        let at = format!("metadata.roles[{i}]");
        let id = string(r, "id", &at)?.unwrap_or_default();
        roles.push(SystemRole {
            title: string(r, "title", &at)?.unwrap_or_default(),
            holder: holders.remove(&id).unwrap_or_default(),
        });
    }
    Ok(SystemInfo {
        name: if name == UNNAMED { String::new() } else { name },
        organization,
        boundary: if boundary == NO_BOUNDARY {
            String::new()
        } else {
            boundary
        },
        roles,
        environment,
        connections,
        update_frequency,
        last_updated,
    })
}

/// One implemented requirement: a Level 2 requirement's answers, or a Level 3 answer.
fn implemented(
    catalog: &Catalog,
    item: &Value,
    path: &str,
    out: &mut SspImport,
) -> Result<(), OscalImportError> {
    let control =
        string(item, "control-id", path)?.ok_or_else(|| malformed(path, "no control-id"))?;
    let own = props(item, &format!("{path}.props"))?;
    if let Some(nist_id) = control.strip_prefix("sp800-172_") {
        let l3 = catalog
            .level3
            .iter()
            .find(|l| l.nist_id == nist_id)
            .ok_or_else(|| {
                malformed(path, format!("{control} is not a CMMC Level 3 requirement"))
            })?;
        match own.get("cmmc-status").map(String::as_str) {
            Some("met") => out.level3.insert(l3.id.clone(), true),
            Some("not-met") => out.level3.insert(l3.id.clone(), false),
            _ => None,
        };
        return Ok(());
    }
    let requirement = requirement_of_control(&control)
        .filter(|r| catalog.requirement(r).is_some())
        .ok_or_else(|| {
            malformed(
                path,
                format!("{control} is not an SP 800-171 r2 requirement of this app's catalog"),
            )
        })?;
    if let Some(word) = own.get("cmmc-answer") {
        let answer = Answer::parse(word).ok_or_else(|| {
            malformed(
                &format!("{path}.props"),
                format!("`{word}` is not an answer"),
            )
        })?;
        let note = string(item, "remarks", path)?.unwrap_or_default();
        out.direct
            .insert(requirement.clone(), DirectAnswer::with_note(answer, note));
    }
    for (i, st) in array(item, "statements", &format!("{path}.statements"))?
        .iter()
        .enumerate()
    {
        statement(
            catalog,
            &requirement,
            st,
            &format!("{path}.statements[{i}]"),
            out,
        )?;
    }
    let params = format!("{path}.set-parameters");
    for (i, p) in array(item, "set-parameters", &params)?.iter().enumerate() {
        let at = format!("{params}[{i}]");
        let id = string(p, "param-id", &at)?.unwrap_or_default();
        let objective =
            known_objective(catalog, &requirement, objective_of(&id, "_odp."), &id, &at)?;
        let value = array(p, "values", &at)?
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; ");
        out.objectives.entry(objective).or_default().defined_value = value;
    }
    Ok(())
}

fn statement(
    catalog: &Catalog,
    requirement: &RequirementId,
    st: &Value,
    path: &str,
    out: &mut SspImport,
) -> Result<(), OscalImportError> {
    let id = string(st, "statement-id", path)?.unwrap_or_default();
    let objective = known_objective(catalog, requirement, objective_of(&id, "_obj."), &id, path)?;
    let status = match props(st, &format!("{path}.props"))?.get("cmmc-objective-status") {
        None => None,
        Some(word) => Some(ObjectiveStatus::parse(word).ok_or_else(|| {
            malformed(
                &format!("{path}.props"),
                format!("`{word}` is not an objective finding"),
            )
        })?),
    };
    let note = string(st, "remarks", path)?.unwrap_or_default();
    if status.is_some() || !note.is_empty() {
        let entry = out.objectives.entry(objective).or_default();
        entry.answer = status;
        entry.note = note;
    }
    Ok(())
}

fn known_objective(
    catalog: &Catalog,
    requirement: &RequirementId,
    objective: Option<ObjectiveId>,
    id: &str,
    path: &str,
) -> Result<ObjectiveId, OscalImportError> {
    objective
        .filter(|o| &o.requirement() == requirement && catalog.objective(o).is_some())
        .ok_or_else(|| {
            malformed(
                path,
                format!("`{id}` is not one of {requirement}'s objectives"),
            )
        })
}
