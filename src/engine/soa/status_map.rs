//! The status map: how the user reads the values of an SoA's status and applicability columns,
//! as a small CSV (`column,value,reading`) the CLI takes with `--status-map` and the app's review
//! step writes. One row per value; the header row is optional.
//!
//! ```text
//! column,value,reading
//! status,Fully in place,implemented
//! status,Awaiting budget,not-implemented
//! applicability,X,unknown
//! ```
//!
//! `column` is `status` or `applicability`; `reading` is one of [`ControlStatus::code`]
//! (`implemented`, `in-progress`, `planned`, `not-implemented`, `excluded`, `unknown`).

use super::{ControlStatus, ImportOptions, Role};
use std::fmt;

/// A status map line that cannot be read, with its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusMapError {
    /// 1-based line (0 for the file as a whole).
    pub line: usize,
    /// What is wrong, naming the value.
    pub message: String,
}

impl fmt::Display for StatusMapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for StatusMapError {}

/// The column names a status map accepts, and the role each stands for.
fn column_of(name: &str) -> Option<Role> {
    match name.trim().to_ascii_lowercase().as_str() {
        "status" | "implementation status" => Some(Role::Status),
        "applicability" | "applicable" | "included" => Some(Role::Applicable),
        _ => None,
    }
}

/// The spelling of a role in a status map.
fn column_name(role: Role) -> &'static str {
    match role {
        Role::Applicable => "applicability",
        _ => "status",
    }
}

impl ImportOptions {
    /// Reads a status map (see the module documentation) into [`ImportOptions::readings`],
    /// replacing any reading of the same value. The first bad line stops the read and nothing is
    /// changed: a half-applied map would read some values one way and the rest another.
    pub fn apply_status_map(&mut self, text: &str) -> Result<(), StatusMapError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let mut read = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| StatusMapError {
                line: e
                    .position()
                    .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0)),
                message: e.to_string(),
            })?;
            let line = record
                .position()
                .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
            let at = |message: String| StatusMapError { line, message };
            let field = |i: usize| record.get(i).unwrap_or_default();
            let (column, value, reading) = (field(0), field(1), field(2));
            if record.iter().all(str::is_empty) || column.starts_with('#') {
                continue;
            }
            if read.is_empty()
                && column.eq_ignore_ascii_case("column")
                && value.eq_ignore_ascii_case("value")
            {
                continue; // the header row
            }
            let role = column_of(column).ok_or_else(|| {
                at(format!(
                    "`{column}` is not a column of the map: use status or applicability"
                ))
            })?;
            if value.is_empty() {
                return Err(at(
                    "the value is blank: a blank cell is never mapped".to_string()
                ));
            }
            let status = ControlStatus::from_code(reading).ok_or_else(|| {
                at(format!(
                    "`{reading}` is not a reading: use one of {}",
                    ControlStatus::ALL
                        .iter()
                        .map(|s| s.code())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
            read.push((role, value.to_string(), status));
        }
        for (role, value, status) in read {
            self.set_reading(role, &value, Some(status));
        }
        Ok(())
    }

    /// The readings as a status map CSV, header first, in the order they were chosen; every
    /// value is quoted where CSV needs it, so the map reads back the same.
    pub fn status_map_csv(&self) -> String {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let rows = std::iter::once(["column", "value", "reading"].map(str::to_string)).chain(
            self.readings.iter().map(|(role, value, status)| {
                [column_name(*role), value.as_str(), status.code()].map(str::to_string)
            }),
        );
        for row in rows {
            // Writing to a Vec cannot fail.
            let _ = writer.write_record(&row);
        }
        String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}
