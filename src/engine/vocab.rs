//! The shared vocabulary of the assessment: a requirement's status and where it comes from, the
//! crosswalk view, the user's direct answers (with the routes 32 CFR 170.24 assesses as MET and
//! the two named partial-credit states), the answers to assessment objectives (met, not met,
//! N/A, with a note and a defined value), and the requirements the rules single out by name.
//!
//! It sits below `assess` (which decides statuses) and `score` (which turns them into points and
//! CMMC statuses), so neither has to import the other.

use super::catalog::{PoamEligibility, Provenance};
use super::ids::RequirementId;
use serde::{Deserialize, Deserializer, Serialize};

/// NIST SP 800-171 r2 3.5.3, multifactor authentication: partial credit only when MFA covers
/// remote and privileged users but not all users (32 CFR 170.24(c)(2)(i)(B)(4)).
pub const MFA: &str = "3.5.3";
/// NIST SP 800-171 r2 3.13.11, FIPS-validated cryptography: partial credit, and a POA&M, only
/// when encryption is employed but not FIPS-validated (32 CFR 170.24(c)(2)(i)(B)(4); 170.21(a)(2)).
pub const FIPS_CRYPTO: &str = "3.13.11";
/// NIST SP 800-171 r2 3.12.4, the System Security Plan: no point value; without it there is no
/// score (32 CFR 170.24(c)(2)(i)(B)(5)).
pub const SSP: &str = "3.12.4";

/// A count with its noun, singular or plural: `1 requirement`, `3 requirements`.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Which crosswalk edges count as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum View {
    /// What NIST publishes: Appendix D, its Annex B composition for 2022, and NIST's OLIR
    /// mapping of SP 800-53 r5 to ISO/IEC 27001:2022 composed with Appendix D.
    #[default]
    Strict,
    /// NIST's edges plus this project's analysed edges.
    Analysed,
}

impl View {
    /// Whether an edge of this provenance counts in this view.
    pub fn admits(self, provenance: Provenance) -> bool {
        match self {
            View::Strict => provenance != Provenance::Analysis,
            View::Analysed => true,
        }
    }
}

/// A requirement's status, as the DoD Assessment Methodology knows it plus `unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Met (including the routes 32 CFR 170.24 assesses as MET).
    Met,
    /// Partly implemented. Scores as NOT MET unless it is one of the two named partial-credit
    /// states (see [`RequirementState::partial_credit`]).
    Partial,
    /// Not met.
    NotMet,
    /// Does not apply to the environment: assessed N/A and counted as MET (32 CFR 170.24).
    NotApplicable,
    /// Nothing answers it yet; counted as not met.
    Unknown,
}

impl Status {
    /// Met or not applicable: no points lost (32 CFR 170.24 counts N/A as met).
    pub fn is_satisfied(self) -> bool {
        matches!(self, Status::Met | Status::NotApplicable)
    }

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            Status::Met => "Met",
            Status::Partial => "Partial",
            Status::NotMet => "Not met",
            Status::NotApplicable => "Not applicable",
            Status::Unknown => "Unknown",
        }
    }

    /// How strongly the status supports the requirement, for "a weaker edge never lowers a
    /// stronger verdict": not met and unknown 0, partial 1, met and N/A 2.
    pub fn strength(self) -> u8 {
        match self {
            Status::Met | Status::NotApplicable => 2,
            Status::Partial => 1,
            Status::NotMet | Status::Unknown => 0,
        }
    }
}

/// Where a requirement's status comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// Its assessment objectives, every one answered (or one answered not met): what an assessor
    /// examines, so they decide before a direct answer (32 CFR 170.24(b)).
    Objectives,
    /// Some of its objectives answered, none not met, others still open: unknown until they are.
    PartlyAnswered,
    /// The user answered the requirement directly.
    Answered,
    /// A questionnaire answer decides it (the SSP question answers 3.12.4, the encryption
    /// question 3.13.11).
    Questionnaire,
    /// Inferred from the SoA through the crosswalk; to be confirmed.
    IsoEvidence,
    /// Nothing answers it.
    NoEvidence,
}

impl Basis {
    /// Confirmed by the user (directly or through the questionnaire), not merely suggested.
    pub fn is_confirmed(self) -> bool {
        matches!(
            self,
            Basis::Objectives | Basis::Answered | Basis::Questionnaire
        )
    }

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            Basis::Objectives => "objectives",
            Basis::PartlyAnswered => "objectives partly answered",
            Basis::Answered => "answered",
            Basis::Questionnaire => "questionnaire",
            Basis::IsoEvidence => "ISO evidence",
            Basis::NoEvidence => "no evidence",
        }
    }
}

/// A direct answer to one requirement. Each variant is a state the DoD Assessment Methodology
/// (32 CFR 170.24) knows; the ones that count as MET without being plainly met each need their
/// record (the note).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    /// Implemented as NIST words it.
    Met,
    /// Not implemented.
    NotMet,
    /// For 3.5.3 and 3.13.11, the named partial-credit state (MFA for remote and privileged
    /// users but not all users; encryption employed but not FIPS-validated): 3 points instead
    /// of 5 (32 CFR 170.24(c)(2)(i)(B)(4)). For any other requirement, work in progress, which
    /// is NOT MET whether or not it is on a POA&M (32 CFR 170.24(c)(2)(i)(B)(6)).
    Partial,
    /// Does not apply to the environment: assessed N/A and counted as MET; the SSP justifies it
    /// (32 CFR 170.24).
    NotApplicable,
    /// An enduring exception described in the SSP: assessed MET (32 CFR 170.24(b)(1)(i)).
    EnduringException,
    /// A temporary deficiency: implemented, has since slipped, and has an operational plan of
    /// action: assessed MET (32 CFR 170.24(b)(1)(ii); 170.4). Never an implementation still in
    /// progress.
    TemporaryDeficiency,
    /// A variance adjudicated by the DoD CIO (DFARS 252.204-7008/7012) and included in the SSP:
    /// assessed MET (32 CFR 170.24(c)(2)(i)(B)(8)).
    Variance,
}

impl Answer {
    /// Every answer, in the order the app offers them.
    pub const ALL: [Answer; 7] = [
        Answer::Met,
        Answer::Partial,
        Answer::NotMet,
        Answer::NotApplicable,
        Answer::EnduringException,
        Answer::TemporaryDeficiency,
        Answer::Variance,
    ];

    /// The status the answer gives the requirement.
    pub fn status(self) -> Status {
        match self {
            Answer::Met
            | Answer::EnduringException
            | Answer::TemporaryDeficiency
            | Answer::Variance => Status::Met,
            Answer::NotMet => Status::NotMet,
            Answer::Partial => Status::Partial,
            Answer::NotApplicable => Status::NotApplicable,
        }
    }

    /// Whether the answer needs a written record (justification, SSP description, plan of
    /// action or the variance's reference) before an assessor would accept it.
    pub fn needs_record(self) -> bool {
        matches!(
            self,
            Answer::NotApplicable
                | Answer::EnduringException
                | Answer::TemporaryDeficiency
                | Answer::Variance
        )
    }

    /// What the record must say, for prompts and exports.
    pub fn record_prompt(self) -> Option<&'static str> {
        Some(match self {
            Answer::NotApplicable => {
                "Why the requirement does not apply to the CUI environment (goes into the SSP)"
            }
            Answer::EnduringException => "The enduring exception as described in the SSP",
            Answer::TemporaryDeficiency => {
                "What slipped, when, and the operational plan of action to restore it"
            }
            Answer::Variance => {
                "The DoD CIO adjudication (reference and date) and where the SSP includes it"
            }
            _ => return None,
        })
    }

    /// Plain-English label for one requirement: the partial state is named where the rules name
    /// one.
    pub fn label_for(self, id: &RequirementId) -> &'static str {
        match (self, id.as_str()) {
            (Answer::Partial, MFA) => "MFA for remote and privileged users only",
            (Answer::Partial, FIPS_CRYPTO) => "Encrypted, but not FIPS-validated",
            (Answer::Met, MFA) => "Met: MFA for all users",
            (Answer::Met, FIPS_CRYPTO) => "Met: FIPS-validated",
            (Answer::NotMet, MFA) => "Not met: MFA partial or none",
            (Answer::NotMet, FIPS_CRYPTO) => "Not met: no encryption",
            _ => self.label(),
        }
    }

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Met => "Met",
            Answer::NotMet => "Not met",
            Answer::Partial => "In progress",
            Answer::NotApplicable => "Not applicable",
            Answer::EnduringException => "Met: enduring exception",
            Answer::TemporaryDeficiency => "Met: temporary deficiency",
            Answer::Variance => "Met: DoD CIO variance",
        }
    }

    /// The rule behind the answer.
    pub fn citation(self) -> &'static str {
        match self {
            Answer::Met | Answer::NotMet => "32 CFR 170.24(c)(2)(i)(B)",
            Answer::Partial => "32 CFR 170.24(c)(2)(i)(B)(4), (6)",
            Answer::NotApplicable => "32 CFR 170.24",
            Answer::EnduringException => "32 CFR 170.24(b)(1)(i)",
            Answer::TemporaryDeficiency => "32 CFR 170.24(b)(1)(ii); 32 CFR 170.4",
            Answer::Variance => "32 CFR 170.24(c)(2)(i)(B)(8)",
        }
    }

    /// Parses the CLI's and the saved file's words: `met`, `partial`, `not-met`,
    /// `not-applicable` (`n/a`, `na`), `enduring-exception`, `temporary-deficiency`, `variance`
    /// (case-insensitive; `_` and spaces allowed for `-`).
    pub fn parse(s: &str) -> Option<Answer> {
        let t = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Some(match t.as_str() {
            "met" | "yes" => Answer::Met,
            "partial" | "partially-met" | "in-progress" => Answer::Partial,
            "not-met" | "notmet" | "no" => Answer::NotMet,
            "not-applicable" | "n/a" | "na" => Answer::NotApplicable,
            "enduring-exception" => Answer::EnduringException,
            "temporary-deficiency" => Answer::TemporaryDeficiency,
            "variance" => Answer::Variance,
            _ => return None,
        })
    }
}

/// A direct answer and its record: the justification, the SSP description, the plan of action,
/// or any note the user wants the exports to carry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct DirectAnswer {
    /// The answer.
    pub answer: Answer,
    /// The record; empty when none was written.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl DirectAnswer {
    /// An answer without a record.
    pub fn new(answer: Answer) -> DirectAnswer {
        DirectAnswer {
            answer,
            note: String::new(),
        }
    }

    /// An answer with its record.
    pub fn with_note(answer: Answer, note: impl Into<String>) -> DirectAnswer {
        DirectAnswer {
            answer,
            note: note.into(),
        }
    }

    /// True when the answer needs a record and has none.
    pub fn record_missing(&self) -> bool {
        self.answer.needs_record() && self.note.trim().is_empty()
    }

    /// Whether the answer is MET only on the strength of its record, and the record is missing:
    /// an enduring exception is MET when described in the SSP (32 CFR 170.24(b)(1)(i)), a
    /// temporary deficiency with an operational plan of action (170.24(b)(1)(ii)), a variance
    /// when adjudicated by the DoD CIO and included in the SSP (170.24(c)(2)(i)(B)(8)). N/A is
    /// not among them: the assessor decides it, and the SSP's justification is asked for.
    pub fn unsupported(&self) -> bool {
        self.record_missing()
            && matches!(
                self.answer,
                Answer::EnduringException | Answer::TemporaryDeficiency | Answer::Variance
            )
    }

    /// The status the answer gives the requirement: the answer's, except that an answer MET
    /// only with its record counts as NOT MET until the record is written ([`Self::unsupported`]).
    pub fn status(&self) -> Status {
        if self.unsupported() {
            Status::NotMet
        } else {
            self.answer.status()
        }
    }
}

impl From<Answer> for DirectAnswer {
    fn from(answer: Answer) -> DirectAnswer {
        DirectAnswer::new(answer)
    }
}

impl<'de> Deserialize<'de> for DirectAnswer {
    /// Reads `{"answer": "met", "note": "..."}`, or a bare word (`"met"`, `"partial"`,
    /// `"not-applicable"`) as version 1 of the saved file wrote it.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<DirectAnswer, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape {
            Word(String),
            Full {
                answer: String,
                #[serde(default)]
                note: String,
            },
        }
        let (word, note) = match Shape::deserialize(d)? {
            Shape::Word(w) => (w, String::new()),
            Shape::Full { answer, note } => (answer, note),
        };
        let answer = Answer::parse(&word).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{word}` is not an answer (met, partial, not-met, not-applicable, enduring-exception, temporary-deficiency, variance)"
            ))
        })?;
        Ok(DirectAnswer { answer, note })
    }
}

/// The finding on one SP 800-171A assessment objective. An objective assessed N/A counts as MET
/// (32 CFR 170.24(b)(3)); a requirement is MET only when every objective is met or N/A.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ObjectiveStatus {
    /// The determination statement holds.
    Met,
    /// It does not: the requirement is NOT MET.
    NotMet,
    /// It does not apply to the environment: equivalent to MET (32 CFR 170.24(b)(3)), justified
    /// in the SSP (the note).
    NotApplicable,
}

impl ObjectiveStatus {
    /// Every finding, in the order the app offers them.
    pub const ALL: [ObjectiveStatus; 3] = [
        ObjectiveStatus::Met,
        ObjectiveStatus::NotMet,
        ObjectiveStatus::NotApplicable,
    ];

    /// The word the saved file and the CLI use: `met`, `not-met`, `not-applicable`.
    pub fn code(self) -> &'static str {
        match self {
            ObjectiveStatus::Met => "met",
            ObjectiveStatus::NotMet => "not-met",
            ObjectiveStatus::NotApplicable => "not-applicable",
        }
    }

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            ObjectiveStatus::Met => "Met",
            ObjectiveStatus::NotMet => "Not met",
            ObjectiveStatus::NotApplicable => "Not applicable",
        }
    }

    /// Met or N/A.
    pub fn is_satisfied(self) -> bool {
        self != ObjectiveStatus::NotMet
    }

    /// Parses `met`, `not-met`, `not-applicable` (`n/a`, `na`), case-insensitive, `_` or spaces
    /// for `-`. The requirement-only answers (partial, the MET routes) are no objective findings.
    pub fn parse(s: &str) -> Option<ObjectiveStatus> {
        let t = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Some(match t.as_str() {
            "met" | "yes" => ObjectiveStatus::Met,
            "not-met" | "notmet" | "no" => ObjectiveStatus::NotMet,
            "not-applicable" | "n/a" | "na" => ObjectiveStatus::NotApplicable,
            _ => return None,
        })
    }
}

/// What the user wrote about one assessment objective: the finding (none yet, while only a note
/// or a defined value is written), a note (how it is met, or why it is N/A), and, for objectives
/// that ask that something be defined, the organisation's value (goes into the SSP).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct ObjectiveAnswer {
    /// The finding, once given.
    pub answer: Option<ObjectiveStatus>,
    /// The note: the implementation, or the justification of N/A; empty when none was written.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The defined value ("15 minutes", "5 attempts, then a 30-minute lockout"); empty when none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub defined_value: String,
}

impl ObjectiveAnswer {
    /// A finding without a note.
    pub fn new(answer: ObjectiveStatus) -> ObjectiveAnswer {
        ObjectiveAnswer {
            answer: Some(answer),
            ..ObjectiveAnswer::default()
        }
    }

    /// A finding with its note.
    pub fn with_note(answer: ObjectiveStatus, note: impl Into<String>) -> ObjectiveAnswer {
        ObjectiveAnswer {
            answer: Some(answer),
            note: note.into(),
            ..ObjectiveAnswer::default()
        }
    }

    /// Nothing written at all: such an entry is dropped rather than kept.
    pub fn is_empty(&self) -> bool {
        self.answer.is_none() && self.note.trim().is_empty() && self.defined_value.trim().is_empty()
    }

    /// N/A without a justification: an assessor asks for one.
    pub fn record_missing(&self) -> bool {
        self.answer == Some(ObjectiveStatus::NotApplicable) && self.note.trim().is_empty()
    }
}

impl PoamEligibility {
    /// Whether an open requirement in this state may sit on a POA&M for a Conditional status
    /// (32 CFR 170.21(a)(2)): 1-point requirements outside the exclusion list, and 3.13.11 only
    /// in its named partial state (encryption employed but not FIPS-validated).
    pub fn allows(self, status: Status, partial_credit: bool) -> bool {
        match self {
            PoamEligibility::Eligible => true,
            PoamEligibility::EligibleWhenPartial => status == Status::Partial && partial_credit,
            PoamEligibility::Never => false,
        }
    }
}
