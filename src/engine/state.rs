//! The saved assessment: everything the user entered, as a versioned JSON document that the web
//! app keeps in local storage and exports, and that loads back on another machine with the same
//! result. Loading never panics: a bad document is a `StateError` with a plain message.

use super::date::Date;
use super::ids::RequirementId;
use super::plan::CostAssumptions;
use super::questionnaire::Answers;
use super::soa::{ImportOptions, TextEncoding};
use super::vocab::{DirectAnswer, View};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The current schema version. Bump it when a field changes meaning, and teach `load_state` to
/// migrate the older version.
///
/// Version 2 (2026-12): a direct answer carries its record (`{"answer": "not-applicable",
/// "note": "..."}`) and may be one of the routes 32 CFR 170.24 assesses as MET; the answers
/// gained `role`, `prime_level`, `encryption`, `current_status`, `status_date`, `sprs_date` and
/// `esp_in_scope`. Version 1 files load unchanged: bare answer words are read as answers
/// without a record, and `flow_down`, `fips_validated` and `has_final_l2_c3pao` are migrated by
/// the answers' own reader.
pub const STATE_VERSION: u32 = 2;

/// The largest saved document we accept (local storage holds a few MB at most anyway).
pub const MAX_STATE_BYTES: usize = 16 * 1024 * 1024;

/// Everything the user entered. Outputs are never stored: they are derived again on load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SavedState {
    /// Always [`STATE_VERSION`] when written; newer versions are refused.
    pub version: u32,
    /// The questionnaire's answers.
    pub answers: Answers,
    /// The text of the last imported SoA, kept so column overrides can re-run the import.
    pub soa_text: Option<String>,
    /// The name of the file it came from, for display only.
    pub soa_name: Option<String>,
    /// The encoding the file was read in, when it was not UTF-8 (the text is stored as UTF-8).
    pub soa_encoding: Option<TextEncoding>,
    /// Column overrides and other import steering.
    pub import_options: ImportOptions,
    /// Requirements answered directly, with their records.
    pub direct: BTreeMap<RequirementId, DirectAnswer>,
    /// Level 3 requirements answered directly, by CMMC id.
    pub level3: BTreeMap<String, bool>,
    /// Strict (NIST's edges only) or analysed.
    pub view: View,
    /// The cost and timeline assumptions.
    pub costs: CostAssumptions,
    /// The date the rules are applied on, when the user set one; `None` means the device's date.
    pub date: Option<Date>,
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
            level3: BTreeMap::new(),
            view: View::Strict,
            costs: CostAssumptions::default(),
            date: None,
        }
    }
}

/// Why a saved document could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateError {
    pub message: String,
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

fn error(message: impl Into<String>) -> StateError {
    StateError {
        message: message.into(),
    }
}

/// Serialises a state as JSON.
pub fn save_state(state: &SavedState) -> String {
    serde_json::to_string(state).unwrap_or_default()
}

/// Reads a saved document. The document may also be an export that wraps the state as
/// `{ "state": {...}, "summary": {...} }`; the summary is ignored (it is derived again).
pub fn load_state(text: &str) -> Result<SavedState, StateError> {
    if text.len() > MAX_STATE_BYTES {
        return Err(error(format!(
            "The saved assessment is {} MB, more than the {} MB this app accepts.",
            text.len() / (1024 * 1024),
            MAX_STATE_BYTES / (1024 * 1024)
        )));
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(error("The saved assessment is empty."));
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        error(format!(
            "The saved assessment is not valid JSON (line {}, column {}): it may be truncated or not an export of this app.",
            e.line(),
            e.column()
        ))
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
        return Err(error(
            "The saved assessment is JSON but not an object: it is not an export of this app.",
        ));
    };
    let version = match object.get("version") {
        None => {
            return Err(error(
                "The saved assessment has no version: it is not an export of this app.",
            ))
        }
        Some(v) => v.as_u64().ok_or_else(|| {
            error(format!(
                "The saved assessment's version is {v}, not a whole number."
            ))
        })?,
    };
    if version == 0 || version > u64::from(STATE_VERSION) {
        return Err(error(format!(
            "The saved assessment has version {version}; this app reads versions 1 to {STATE_VERSION}. It may come from a newer release."
        )));
    }
    serde_json::from_value::<SavedState>(value).map_err(|e| {
        error(format!(
            "The saved assessment does not have the expected fields: {e}."
        ))
    })
}
