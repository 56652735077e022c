//! Reading the catalog's tables: each CSV row into a raw row by column name (the `Fields` /
//! `from_fields!` machinery), and each cell into a typed value with a message naming the field
//! when it is wrong.

use super::CatalogError;
use crate::engine::ids::{AnnexAControl, Edition, ObjectiveId, RequirementId};

// The tables' file names, as errors cite them.
pub(super) const T_REQUIREMENTS: &str = "nist800171r2_requirements.csv";
pub(super) const T_SCORING: &str = "cmmc_l2_scoring.csv";
pub(super) const T_OBJECTIVES: &str = "nist800171a_objectives.csv";
pub(super) const T_LEVEL1: &str = "cmmc_l1.csv";
pub(super) const T_LEVEL3: &str = "cmmc_l3.csv";
pub(super) const T_ISO2022: &str = "iso27001_2022_controls.csv";
pub(super) const T_ISO2013: &str = "iso27001_2013_controls.csv";
pub(super) const T_CORRESPONDENCE: &str = "iso_2013_to_2022.csv";
pub(super) const T_CROSSWALK: &str = "crosswalk.csv";
pub(super) const T_LIMITS: &str = "iso_limits.csv";

// Raw rows exactly as the CSV headers name them; converted into the typed structs with checks.

pub(super) struct RawRequirement {
    pub(super) id: String,
    pub(super) family: String,
    pub(super) kind: String,
    pub(super) cmmc_id: String,
    pub(super) text: String,
    pub(super) source: String,
}

pub(super) struct RawScoring {
    pub(super) id: String,
    pub(super) points: String,
    pub(super) partial_points: String,
    pub(super) poam: String,
    pub(super) source: String,
}

pub(super) struct RawObjective {
    pub(super) requirement: String,
    pub(super) id: String,
    pub(super) text: String,
    pub(super) defines: String,
    pub(super) source: String,
}

pub(super) struct RawLevel1 {
    pub(super) id: String,
    pub(super) far_paragraph: String,
    pub(super) short_name: String,
    pub(super) text: String,
    pub(super) requirements: String,
    pub(super) source: String,
}

pub(super) struct RawLevel3 {
    pub(super) id: String,
    pub(super) nist_id: String,
    pub(super) short_name: String,
    pub(super) statement: String,
    pub(super) dod_parameters: String,
    pub(super) poam: String,
    pub(super) source: String,
}

pub(super) struct RawIso2022 {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) theme: String,
    pub(super) new_in_2022: String,
    pub(super) source: String,
}

pub(super) struct RawIso2013 {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) theme: String,
    pub(super) source: String,
}

pub(super) struct RawCorrespondence {
    pub(super) iso2013: String,
    pub(super) iso2022: String,
    pub(super) source: String,
}

pub(super) struct RawEdge {
    pub(super) iso: String,
    pub(super) edition: String,
    pub(super) requirement: String,
    pub(super) relationship: String,
    pub(super) provenance: String,
    pub(super) nist_partial: String,
    pub(super) via: String,
    pub(super) via_800_53: String,
    pub(super) rationale: String,
    pub(super) erratum: String,
    pub(super) source: String,
}

pub(super) struct RawLimit {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) obligation: String,
    pub(super) why_iso_falls_short: String,
    pub(super) requirements: String,
    pub(super) caps_iso_evidence: String,
    pub(super) source: String,
}

/// A row's cells by column name. The catalog's rows are read by hand rather than through serde:
/// the derive-generated deserialisers for nine row types cost tens of kilobytes of wasm that
/// every visitor would download, for tables whose shape never changes at run time.
pub(super) struct Fields<'r> {
    headers: &'r csv::StringRecord,
    record: &'r csv::StringRecord,
}

impl Fields<'_> {
    fn get(&self, name: &str) -> Result<String, String> {
        self.headers
            .iter()
            .position(|h| h == name)
            .and_then(|i| self.record.get(i))
            .map(str::to_string)
            .ok_or_else(|| format!("missing field `{name}` (no such column in this row)"))
    }
}

/// A raw row built from its cells by column name.
pub(super) trait FromFields: Sized {
    fn from_fields(fields: &Fields<'_>) -> Result<Self, String>;
}

/// Implements [`FromFields`] for a raw row whose field names are its column names.
macro_rules! from_fields {
    ($row:ident { $($field:ident),* }) => {
        impl FromFields for $row {
            fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
                Ok($row { $($field: f.get(stringify!($field))?),* })
            }
        }
    };
}

from_fields!(RawRequirement {
    id,
    family,
    kind,
    cmmc_id,
    text,
    source
});
from_fields!(RawScoring {
    id,
    points,
    partial_points,
    poam,
    source
});
from_fields!(RawObjective {
    requirement,
    id,
    text,
    defines,
    source
});
from_fields!(RawLevel1 {
    id,
    far_paragraph,
    short_name,
    text,
    requirements,
    source
});
from_fields!(RawLevel3 {
    id,
    nist_id,
    short_name,
    statement,
    dod_parameters,
    poam,
    source
});
from_fields!(RawIso2022 {
    id,
    title,
    theme,
    new_in_2022,
    source
});
from_fields!(RawIso2013 {
    id,
    title,
    theme,
    source
});
from_fields!(RawCorrespondence {
    iso2013,
    iso2022,
    source
});
from_fields!(RawEdge {
    iso,
    edition,
    requirement,
    relationship,
    provenance,
    nist_partial,
    via,
    via_800_53,
    rationale,
    erratum,
    source
});
from_fields!(RawLimit {
    id,
    title,
    obligation,
    why_iso_falls_short,
    requirements,
    caps_iso_evidence,
    source
});

/// Reads one table, handing each row and its line to `convert`.
pub(super) fn read_table<R: FromFields, T>(
    table: &'static str,
    text: &str,
    mut convert: impl FnMut(R) -> Result<T, String>,
) -> Result<Vec<(u64, T)>, CatalogError> {
    let err = |line: u64, message: String| CatalogError {
        table,
        line,
        message,
    };
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| err(1, format!("unreadable header: {e}")))?
        .clone();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            err(line, e.to_string())
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let raw = R::from_fields(&Fields {
            headers: &headers,
            record: &record,
        })
        .map_err(|m| err(line, m))?;
        out.push((line, convert(raw).map_err(|m| err(line, m))?));
    }
    Ok(out)
}

pub(super) fn nonempty(field: &str, value: String) -> Result<String, String> {
    let value = value.trim().to_string();
    if value.is_empty() {
        Err(format!("`{field}` is empty"))
    } else {
        Ok(value)
    }
}

pub(super) fn yes_no(field: &str, value: &str) -> Result<bool, String> {
    match value.trim() {
        "yes" => Ok(true),
        "no" => Ok(false),
        other => Err(format!("`{field}` must be yes or no, not `{other}`")),
    }
}

pub(super) fn points(field: &str, value: &str) -> Result<Option<u8>, String> {
    match value.trim() {
        "" => Ok(None),
        v @ ("1" | "3" | "5") => Ok(v.parse().ok()),
        other => Err(format!("`{field}` must be 5, 3, 1 or empty, not `{other}`")),
    }
}

/// Splits a `;`-separated list, dropping empty items.
pub(super) fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(';').map(str::trim).filter(|s| !s.is_empty())
}

pub(super) fn requirement_id(value: &str) -> Result<RequirementId, String> {
    let id = RequirementId(value.trim().to_string());
    let parts: Vec<&str> = id.0.split('.').collect();
    if parts.len() == 3 && parts[0] == "3" && id.sort_key().2 != u16::MAX && id.sort_key().1 <= 14 {
        Ok(id)
    } else {
        Err(format!("`{value}` is not an SP 800-171 r2 requirement id"))
    }
}

/// A `;`-separated list of SP 800-171 r2 requirement ids.
pub(super) fn requirement_ids(value: &str) -> Result<Vec<RequirementId>, String> {
    list(value).map(requirement_id).collect()
}

pub(super) fn annex_a(value: &str, edition: Edition) -> Result<AnnexAControl, String> {
    match AnnexAControl::parse(value.trim()) {
        Some(control) if control.edition() == edition => Ok(control),
        _ => Err(format!("`{value}` is not an {edition} Annex A control id")),
    }
}

/// An SP 800-53 control or enhancement id as NIST prints it: `AC-2`, `AC-17(1)`, `SI-4(4)`.
pub(super) fn sp800_53_control(value: &str) -> Result<String, String> {
    let (family, rest) = value.split_once('-').unwrap_or(("", ""));
    let (number, enhancement) = match rest.split_once('(') {
        Some((n, e)) => (n, e.strip_suffix(')').unwrap_or("")),
        None => (rest, "0"),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    let well_formed = family.len() == 2
        && family.bytes().all(|b| b.is_ascii_uppercase())
        && digits(number)
        && !number.starts_with('0')
        && digits(enhancement);
    if well_formed {
        Ok(value.to_string())
    } else {
        Err(format!("`{value}` is not an SP 800-53 control id"))
    }
}

pub(super) fn objective_id(value: &str) -> Result<ObjectiveId, String> {
    ObjectiveId::parse(value.trim())
        .ok_or_else(|| format!("`{value}` is not an assessment objective id such as 3.1.1[a]"))
}
