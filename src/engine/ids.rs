//! Newtype identifiers in the standards' own spelling: requirement ids, Annex A controls, families.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A NIST SP 800-171 r2 requirement id, e.g. `3.1.1` or `3.13.11`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RequirementId(pub String);

impl RequirementId {
    /// The id as written in the standard (`3.5.3`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Numeric sort key, so 3.1.2 sorts before 3.1.10 and 3.2.1 after 3.1.22.
    pub fn sort_key(&self) -> (u16, u16, u16) {
        let mut parts = self
            .0
            .split('.')
            .map(|p| p.parse::<u16>().unwrap_or(u16::MAX));
        (
            parts.next().unwrap_or(0),
            parts.next().unwrap_or(0),
            parts.next().unwrap_or(0),
        )
    }
}

impl fmt::Display for RequirementId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for RequirementId {
    fn from(s: &str) -> Self {
        RequirementId(s.to_string())
    }
}

/// Which edition of ISO/IEC 27001 Annex A a control id belongs to.
///
/// Serializes as the number `2013` or `2022` everywhere (JSON views, saved state); deserializes
/// from that number or from the same digits as a string, so older string-valued data still loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Edition {
    /// ISO/IEC 27001:2013 (114 controls, `A.<clause>.<n>.<m>`).
    Iso2013,
    /// ISO/IEC 27001:2022 (93 controls, `A.<clause>.<n>`).
    Iso2022,
}

impl Edition {
    /// The edition for a year, if it is 2013 or 2022.
    pub fn from_year(year: u16) -> Option<Edition> {
        match year {
            2013 => Some(Edition::Iso2013),
            2022 => Some(Edition::Iso2022),
            _ => None,
        }
    }
}

impl Serialize for Edition {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.year())
    }
}

impl<'de> Deserialize<'de> for Edition {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Year {
            Number(u16),
            Text(String),
        }
        let year = match Year::deserialize(deserializer)? {
            Year::Number(n) => Some(n),
            Year::Text(s) => s.trim().parse().ok(),
        };
        year.and_then(Edition::from_year)
            .ok_or_else(|| serde::de::Error::custom("edition must be 2013 or 2022"))
    }
}

impl Edition {
    /// The year as a number, as used in the JSON views (`2013`, `2022`).
    pub fn year(self) -> u16 {
        match self {
            Edition::Iso2013 => 2013,
            Edition::Iso2022 => 2022,
        }
    }
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ISO/IEC 27001:{}", self.year())
    }
}

/// An ISO/IEC 27001 Annex A control id in canonical form (`A.5.15`, `A.9.4.2`), with its edition.
///
/// The edition follows from the shape: three parts after `A` is 2013, two is 2022.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnexAControl(pub String);

impl AnnexAControl {
    /// The canonical id (`A.5.15`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The edition implied by the id's shape.
    pub fn edition(&self) -> Edition {
        if self.0.matches('.').count() >= 3 {
            Edition::Iso2013
        } else {
            Edition::Iso2022
        }
    }

    /// Numeric sort key (`A.5.2` before `A.5.10`).
    pub fn sort_key(&self) -> Vec<u16> {
        self.0
            .trim_start_matches("A.")
            .split('.')
            .map(|p| p.parse::<u16>().unwrap_or(u16::MAX))
            .collect()
    }
}

impl fmt::Display for AnnexAControl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for AnnexAControl {
    fn from(s: &str) -> Self {
        AnnexAControl(s.to_string())
    }
}

/// The 14 requirement families of NIST SP 800-171 r2, in the standard's order (3.1 ... 3.14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Family {
    #[serde(rename = "AC")]
    AccessControl,
    #[serde(rename = "AT")]
    AwarenessAndTraining,
    #[serde(rename = "AU")]
    AuditAndAccountability,
    #[serde(rename = "CM")]
    ConfigurationManagement,
    #[serde(rename = "IA")]
    IdentificationAndAuthentication,
    #[serde(rename = "IR")]
    IncidentResponse,
    #[serde(rename = "MA")]
    Maintenance,
    #[serde(rename = "MP")]
    MediaProtection,
    #[serde(rename = "PS")]
    PersonnelSecurity,
    #[serde(rename = "PE")]
    PhysicalProtection,
    #[serde(rename = "RA")]
    RiskAssessment,
    #[serde(rename = "CA")]
    SecurityAssessment,
    #[serde(rename = "SC")]
    SystemAndCommunicationsProtection,
    #[serde(rename = "SI")]
    SystemAndInformationIntegrity,
}

impl Family {
    /// All families in the standard's order.
    pub const ALL: [Family; 14] = [
        Family::AccessControl,
        Family::AwarenessAndTraining,
        Family::AuditAndAccountability,
        Family::ConfigurationManagement,
        Family::IdentificationAndAuthentication,
        Family::IncidentResponse,
        Family::Maintenance,
        Family::MediaProtection,
        Family::PersonnelSecurity,
        Family::PhysicalProtection,
        Family::RiskAssessment,
        Family::SecurityAssessment,
        Family::SystemAndCommunicationsProtection,
        Family::SystemAndInformationIntegrity,
    ];

    /// Two-letter abbreviation used in CMMC ids (`AC`).
    pub fn abbr(self) -> &'static str {
        match self {
            Family::AccessControl => "AC",
            Family::AwarenessAndTraining => "AT",
            Family::AuditAndAccountability => "AU",
            Family::ConfigurationManagement => "CM",
            Family::IdentificationAndAuthentication => "IA",
            Family::IncidentResponse => "IR",
            Family::Maintenance => "MA",
            Family::MediaProtection => "MP",
            Family::PersonnelSecurity => "PS",
            Family::PhysicalProtection => "PE",
            Family::RiskAssessment => "RA",
            Family::SecurityAssessment => "CA",
            Family::SystemAndCommunicationsProtection => "SC",
            Family::SystemAndInformationIntegrity => "SI",
        }
    }

    /// The family's name as NIST writes it.
    pub fn name(self) -> &'static str {
        match self {
            Family::AccessControl => "Access Control",
            Family::AwarenessAndTraining => "Awareness and Training",
            Family::AuditAndAccountability => "Audit and Accountability",
            Family::ConfigurationManagement => "Configuration Management",
            Family::IdentificationAndAuthentication => "Identification and Authentication",
            Family::IncidentResponse => "Incident Response",
            Family::Maintenance => "Maintenance",
            Family::MediaProtection => "Media Protection",
            Family::PersonnelSecurity => "Personnel Security",
            Family::PhysicalProtection => "Physical Protection",
            Family::RiskAssessment => "Risk Assessment",
            Family::SecurityAssessment => "Security Assessment",
            Family::SystemAndCommunicationsProtection => "System and Communications Protection",
            Family::SystemAndInformationIntegrity => "System and Information Integrity",
        }
    }

    /// The family's section number in SP 800-171 r2 chapter 3 (`3.1` is 1).
    pub fn section(self) -> u8 {
        Family::ALL.iter().position(|f| *f == self).unwrap_or(0) as u8 + 1
    }

    /// Parses the two-letter abbreviation.
    pub fn from_abbr(s: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.abbr() == s)
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.abbr())
    }
}
