//! Newtype identifiers in the standards' own spelling: requirement ids, assessment objectives,
//! Annex A controls, families.

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
        numeric_key(&self.0)
    }
}

/// The numbers of a dotted id (`3.13.11` is (3, 13, 11)), read without allocating: objective ids
/// are compared on every map lookup, so this is on the path of every answer.
fn numeric_key(id: &str) -> (u16, u16, u16) {
    let mut parts = id.split('.').map(|p| p.parse::<u16>().unwrap_or(u16::MAX));
    (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    )
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

/// A NIST SP 800-171A assessment objective: its requirement and a lowercase letter in
/// brackets, `3.1.1[a]` (the letters run on past `z` as `aa`, as SP 800-171A would, so two are
/// allowed). Made only by parsing, so every one is well formed; whether the catalog holds it is
/// the catalog's business ([`crate::engine::Catalog::objective`]).
///
/// Ordered as the standard lists them: by requirement (3.1.2 before 3.1.10), then by letter.
#[derive(Clone, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct ObjectiveId {
    id: String,
    /// The standard's order, worked out once when parsed: maps keyed by objective are searched on
    /// every answer (320 lookups per assessment), so comparing must not parse.
    key: ObjectiveKey,
}

/// An objective's place in the standard's order: the requirement's numbers, then the letters by
/// length (`z` before `aa`) and spelling. Two well-formed ids with the same key are the same id.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct ObjectiveKey {
    requirement: (u16, u16, u16),
    letters: usize,
    spelling: [u8; 2],
}

impl PartialEq for ObjectiveId {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for ObjectiveId {}

impl std::hash::Hash for ObjectiveId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

impl fmt::Debug for ObjectiveId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ObjectiveId").field(&self.id).finish()
    }
}

impl ObjectiveId {
    /// Parses `3.1.1[a]`: `3.`, a family number 1-14, a requirement number, and one or two
    /// lowercase letters in brackets, with nothing around it.
    pub fn parse(s: &str) -> Option<ObjectiveId> {
        let (requirement, rest) = s.split_once('[')?;
        let letter = rest.strip_suffix(']')?;
        let parts: Vec<&str> = requirement.split('.').collect();
        let number = |p: &str| {
            !p.is_empty()
                && p.len() <= 2
                && !p.starts_with('0')
                && p.bytes().all(|b| b.is_ascii_digit())
        };
        let family: u8 = parts.get(1).and_then(|p| p.parse().ok()).unwrap_or(0);
        let well_formed = parts.len() == 3
            && parts[0] == "3"
            && parts[1..].iter().all(|p| number(p))
            && (1..=14).contains(&family)
            && (1..=2).contains(&letter.len())
            && letter.bytes().all(|b| b.is_ascii_lowercase());
        well_formed.then(|| {
            let mut spelling = [0u8; 2];
            spelling[..letter.len()].copy_from_slice(letter.as_bytes());
            ObjectiveId {
                id: s.to_string(),
                key: ObjectiveKey {
                    requirement: numeric_key(requirement),
                    letters: letter.len(),
                    spelling,
                },
            }
        })
    }

    /// The objective as written (`3.1.1[a]`).
    pub fn as_str(&self) -> &str {
        &self.id
    }

    /// The requirement it belongs to (`3.1.1`).
    pub fn requirement(&self) -> RequirementId {
        RequirementId(self.id.split('[').next().unwrap_or_default().to_string())
    }

    /// The letter(s) in the brackets (`a`).
    pub fn letter(&self) -> &str {
        self.id
            .split_once('[')
            .map_or("", |(_, rest)| rest.trim_end_matches(']'))
    }
}

impl Ord for ObjectiveId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

impl PartialOrd for ObjectiveId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for ObjectiveId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

impl From<ObjectiveId> for String {
    fn from(id: ObjectiveId) -> String {
        id.id
    }
}

/// Deserialising parses, so a saved file cannot smuggle in a malformed id.
impl TryFrom<String> for ObjectiveId {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        ObjectiveId::parse(&s)
            .ok_or_else(|| format!("{s:?} is not an assessment objective id such as 3.1.1[a]"))
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
/// The edition follows from the shape: three parts after `A` is 2013, two is 2022. The only ways
/// to make one parse a string ([`AnnexAControl::parse`], `From<&str>`, deserialising) or go
/// through the importer's reading of an SoA cell, so every `AnnexAControl` is canonical and the
/// string order, lookups and equality it is used for never meet `A.05.15` or `a.5.15`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct AnnexAControl(String);

impl AnnexAControl {
    /// Parses a canonical id: `A.` and two numbers (2022, `A.5.15`) or three (2013, `A.9.4.2`),
    /// without leading zeros or anything around them. Cells as people write them (`A 5.15`,
    /// `Annex A 5.15`, `A.05.15 Access control`) are the importer's business, not this one's.
    pub fn parse(s: &str) -> Option<AnnexAControl> {
        // One reader for every Annex A id: the lenient one, then a check that the text is
        // exactly the canonical spelling of what it read.
        let (key, rest) = AnnexAKey::read(s)?;
        let control = key.control()?;
        (rest.is_empty() && control.0 == s).then_some(control)
    }

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

/// For ids written into code (tests, examples), where a typo is the programmer's.
///
/// # Panics
///
/// When `s` is not a canonical Annex A id. Text from a file or a user goes through
/// [`AnnexAControl::parse`], which returns `None` instead; the engine itself never calls this.
impl From<&str> for AnnexAControl {
    fn from(s: &str) -> Self {
        AnnexAControl::parse(s)
            .unwrap_or_else(|| panic!("{s:?} is not a canonical Annex A control id"))
    }
}

impl From<AnnexAControl> for String {
    fn from(control: AnnexAControl) -> String {
        control.0
    }
}

/// Deserialising parses, so saved or sent data cannot smuggle in a non-canonical id.
impl TryFrom<String> for AnnexAControl {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        AnnexAControl::parse(&s).ok_or_else(|| format!("{s:?} is not an Annex A control id"))
    }
}

/// An Annex A id read as numbers: `A.9.4.2` is `[9, 4, 2]` with `len` 3, the clause heading
/// `A.5` is `[5]` with `len` 1. Numbers make lookups cheap and let an SoA cell written `A 05.15`
/// meet the catalog's `A.5.15`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct AnnexAKey {
    parts: [u16; 3],
    len: u8,
}

impl AnnexAKey {
    /// Reads the id at the start of `s` and returns it with the text right after it, untrimmed.
    /// Accepts `A.5.15`, `5.15`, `A 5.15`, `A.05.15`, `Annex A 5.15`, `A5.15`, `a.5.15`,
    /// `A.5.15 Access control`, `A.9.4.2`, and clause headings such as `A.5` or `5`. The id
    /// must end at a word boundary; `s` must not start with blanks.
    pub(crate) fn read(s: &str) -> Option<(AnnexAKey, &str)> {
        let b = s.as_bytes();
        let mut i = 0;
        let had_prefix = if b.len() >= 5 && b[..5].eq_ignore_ascii_case(b"annex") {
            i = 5;
            while i < b.len() && matches!(b[i], b' ' | b'-' | b':') {
                i += 1;
            }
            if i < b.len() && b[i].eq_ignore_ascii_case(&b'a') {
                i += 1;
                true
            } else {
                return None;
            }
        } else if b.first().is_some_and(|c| c.eq_ignore_ascii_case(&b'a')) {
            i = 1;
            true
        } else {
            false
        };
        if had_prefix {
            let from = i;
            while i < b.len() && i - from < 3 && matches!(b[i], b' ' | b'.' | b':' | b'-') {
                i += 1;
            }
        }
        let mut parts = [0u16; 3];
        let mut len = 0usize;
        loop {
            let from = i;
            while i < b.len() && b[i].is_ascii_digit() && i - from < 4 {
                i += 1;
            }
            if i == from || (i < b.len() && b[i].is_ascii_digit()) {
                return None; // no digits, or an implausibly long number
            }
            if len == 3 {
                return None; // a fourth level is not an Annex A id
            }
            parts[len] = s[from..i].parse().ok()?;
            len += 1;
            if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
                i += 1;
            } else {
                break;
            }
        }
        let rest = &s[i..];
        // The id must end at a word boundary: `A.5.15 Access`, `A.5.15: Access`, `A.5.15 - Access`,
        // `A.5.15.` but not `5.15a` or `A.5.15;x` (the latter keeps delimiter sniffing honest).
        let ok_boundary = match rest.chars().next() {
            None => true,
            Some(c) => (c.is_whitespace() && c != '\t') || ID_END.contains(c),
        };
        if !ok_boundary {
            return None;
        }
        // `A-5-15`, `A.5.-15`, `A.5.15-16`: punctuation running straight into more digits means the
        // id goes on in a shape this reader does not know. Taking its first number alone would call
        // `A-5-15` the clause heading A.5 (or silently skip it as one).
        let after_punct = rest.trim_start_matches(|c: char| ID_END.contains(c));
        if after_punct.len() < rest.len() && after_punct.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let key = AnnexAKey {
            parts,
            len: len as u8,
        };
        Some((key, rest))
    }

    /// How many numbers the id has: 1 for a clause heading, 2 for 2022, 3 for 2013.
    pub(crate) fn len(self) -> u8 {
        self.len
    }

    /// The edition of a control id of this shape; `None` for a clause heading.
    pub(crate) fn edition(self) -> Option<Edition> {
        match self.len {
            2 => Some(Edition::Iso2022),
            3 => Some(Edition::Iso2013),
            _ => None,
        }
    }

    /// The canonical spelling (`A.5.15`, or `A.5` for a heading).
    pub(crate) fn canonical(self) -> String {
        use std::fmt::Write as _;
        let mut s = String::with_capacity(12);
        s.push('A');
        for p in &self.parts[..usize::from(self.len)] {
            let _ = write!(s, ".{p}");
        }
        s
    }

    /// The control id, when the shape is one of an edition's controls (not a clause heading).
    pub(crate) fn control(self) -> Option<AnnexAControl> {
        self.edition().map(|_| AnnexAControl(self.canonical()))
    }
}

/// Punctuation that may end an id and lead into its title (`A.5.15 - Access control`).
pub(crate) const ID_END: &str = "-–—:.)";

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
