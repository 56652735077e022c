//! The questionnaire: the answers, every question with its help text, and the typed binding
//! between a question and the `Answers` field it fills. What the answers decide lives in
//! `applicability.rs`.
//!
//! A question's id is an enum ([`QuestionId`]) whose `get` and `set` name the field directly, so
//! a question cannot drift from its field; each choice's values and labels live once, on the
//! answer's own enum.

use super::date::Date;
use serde::{Deserialize, Serialize};

/// A choice answer: its values as written in JSON and the app, each with its label.
pub trait Choice: Copy + Sized + 'static {
    /// Every value, in the order the app lists them.
    const ALL: &'static [Self];
    /// The value as written in JSON (`L2-c3pao`).
    fn code(self) -> &'static str;
    /// Plain-English label.
    fn label(self) -> &'static str;
    /// The value for a code.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
}

/// Implements serde for a [`Choice`] enum through its codes, so JSON and the app agree.
macro_rules! choice_serde {
    ($t:ty, $what:literal) => {
        impl Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                <$t>::from_code(&s).ok_or_else(|| {
                    let all: Vec<&str> = <$t>::ALL.iter().map(|v| v.code()).collect();
                    serde::de::Error::custom(format!("`{s}` is not {} ({})", $what, all.join(", ")))
                })
            }
        }
    };
}

/// What a solicitation or contract names about CMMC (DFARS 252.204-7025(b) / 252.204-7021(b)),
/// and, for a subcontractor, what the prime's contract requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Solicitation {
    /// It names no CMMC level.
    None,
    /// CMMC Level 1 (Self).
    L1Self,
    /// CMMC Level 2 (Self).
    L2Self,
    /// CMMC Level 2 (C3PAO).
    L2C3pao,
    /// CMMC Level 3 (DIBCAC).
    L3Dibcac,
    /// The user does not know (or has no solicitation yet).
    #[default]
    Unknown,
}

impl Choice for Solicitation {
    const ALL: &'static [Solicitation] = &[
        Solicitation::Unknown,
        Solicitation::None,
        Solicitation::L1Self,
        Solicitation::L2Self,
        Solicitation::L2C3pao,
        Solicitation::L3Dibcac,
    ];
    fn code(self) -> &'static str {
        match self {
            Solicitation::None => "none",
            Solicitation::L1Self => "L1-self",
            Solicitation::L2Self => "L2-self",
            Solicitation::L2C3pao => "L2-c3pao",
            Solicitation::L3Dibcac => "L3-dibcac",
            Solicitation::Unknown => "unknown",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Solicitation::None => "None named",
            Solicitation::L1Self => "Level 1 (Self)",
            Solicitation::L2Self => "Level 2 (Self)",
            Solicitation::L2C3pao => "Level 2 (C3PAO)",
            Solicitation::L3Dibcac => "Level 3 (DIBCAC)",
            Solicitation::Unknown => "I don't know yet",
        }
    }
}
choice_serde!(Solicitation, "a CMMC level requirement");

impl Solicitation {
    /// The requirement inside a sentence: "CMMC Level 2 (C3PAO)", "no CMMC level".
    pub fn in_sentence(self) -> &'static str {
        match self {
            Solicitation::None => "no CMMC level",
            Solicitation::L1Self => "CMMC Level 1 (Self)",
            Solicitation::L2Self => "CMMC Level 2 (Self)",
            Solicitation::L2C3pao => "CMMC Level 2 (C3PAO)",
            Solicitation::L3Dibcac => "CMMC Level 3 (DIBCAC)",
            Solicitation::Unknown => "an unknown CMMC level",
        }
    }

    /// The level and assessment type it names, if it names one.
    pub fn named(self) -> Option<(Level, AssessmentType)> {
        match self {
            Solicitation::L1Self => Some((Level::L1, AssessmentType::SelfAssessment)),
            Solicitation::L2Self => Some((Level::L2, AssessmentType::SelfAssessment)),
            Solicitation::L2C3pao => Some((Level::L2, AssessmentType::C3pao)),
            Solicitation::L3Dibcac => Some((Level::L3, AssessmentType::Dibcac)),
            Solicitation::None | Solicitation::Unknown => None,
        }
    }
}

/// Whether the company holds the contract itself or works under a prime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContractRole {
    /// The prime contractor: the solicitation decides.
    Prime,
    /// A subcontractor: the prime's requirement flows down (32 CFR 170.23).
    Sub,
}

impl Choice for ContractRole {
    const ALL: &'static [ContractRole] = &[ContractRole::Prime, ContractRole::Sub];
    fn code(self) -> &'static str {
        match self {
            ContractRole::Prime => "prime",
            ContractRole::Sub => "sub",
        }
    }
    fn label(self) -> &'static str {
        match self {
            ContractRole::Prime => "Prime contractor (we bid on the DoD solicitation)",
            ContractRole::Sub => "Subcontractor (a prime flows work down to us)",
        }
    }
}
choice_serde!(ContractRole, "a contract role");

/// Where CUI is stored and processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CuiStorage {
    /// A cloud service without FedRAMP Moderate authorization or equivalency, or one the user
    /// is unsure of.
    CommercialCloud,
    /// FedRAMP Moderate authorized (or equivalent per the DoD CIO memo of 2023-12-21), e.g.
    /// Microsoft 365 GCC High.
    FedrampModerate,
    /// Own servers and endpoints only.
    OnPremises,
}

impl Choice for CuiStorage {
    const ALL: &'static [CuiStorage] = &[
        CuiStorage::CommercialCloud,
        CuiStorage::FedrampModerate,
        CuiStorage::OnPremises,
    ];
    fn code(self) -> &'static str {
        match self {
            CuiStorage::CommercialCloud => "commercial-cloud",
            CuiStorage::FedrampModerate => "fedramp-moderate",
            CuiStorage::OnPremises => "on-premises",
        }
    }
    fn label(self) -> &'static str {
        match self {
            CuiStorage::CommercialCloud => "A cloud without FedRAMP Moderate, or not sure",
            CuiStorage::FedrampModerate => {
                "A FedRAMP Moderate authorized (or equivalent) cloud, e.g. GCC High"
            }
            CuiStorage::OnPremises => "On our own premises only",
        }
    }
}
choice_serde!(CuiStorage, "a CUI storage answer");

/// How CUI is encrypted, which decides 3.13.11's state (32 CFR 170.24(c)(2)(i)(B)(4)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encryption {
    /// Modules with an active FIPS 140-3 (or 140-2 before 2026-09-21) CMVP certificate, in their
    /// approved mode.
    FipsValidated,
    /// Modules whose FIPS 140-2 certificate is on the CMVP's Historical list (all of them since
    /// 2026-09-21): counted as validated with a warning.
    Fips1402Historical,
    /// Encryption is employed, but the modules are not FIPS-validated: the named partial state.
    NotValidated,
    /// CUI is not encrypted.
    None,
}

impl Choice for Encryption {
    const ALL: &'static [Encryption] = &[
        Encryption::FipsValidated,
        Encryption::Fips1402Historical,
        Encryption::NotValidated,
        Encryption::None,
    ];
    fn code(self) -> &'static str {
        match self {
            Encryption::FipsValidated => "fips-validated",
            Encryption::Fips1402Historical => "fips-140-2",
            Encryption::NotValidated => "not-validated",
            Encryption::None => "none",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Encryption::FipsValidated => "FIPS 140-3 validated (active CMVP certificate)",
            Encryption::Fips1402Historical => {
                "FIPS 140-2 validated (certificate now on the Historical list)"
            }
            Encryption::NotValidated => "Encrypted, but not with FIPS-validated modules",
            Encryption::None => "Not encrypted",
        }
    }
}
choice_serde!(Encryption, "an encryption answer");

/// A CMMC status the company already holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeldStatus {
    /// Final Level 1 (Self).
    L1Self,
    /// Final Level 2 (Self).
    L2SelfFinal,
    /// Conditional Level 2 (Self): a POA&M open.
    L2SelfConditional,
    /// Final Level 2 (C3PAO).
    L2C3paoFinal,
    /// Conditional Level 2 (C3PAO).
    L2C3paoConditional,
    /// Final Level 3 (DIBCAC).
    L3DibcacFinal,
    /// Conditional Level 3 (DIBCAC).
    L3DibcacConditional,
}

impl Choice for HeldStatus {
    const ALL: &'static [HeldStatus] = &[
        HeldStatus::L1Self,
        HeldStatus::L2SelfFinal,
        HeldStatus::L2SelfConditional,
        HeldStatus::L2C3paoFinal,
        HeldStatus::L2C3paoConditional,
        HeldStatus::L3DibcacFinal,
        HeldStatus::L3DibcacConditional,
    ];
    fn code(self) -> &'static str {
        match self {
            HeldStatus::L1Self => "L1-self",
            HeldStatus::L2SelfFinal => "L2-self-final",
            HeldStatus::L2SelfConditional => "L2-self-conditional",
            HeldStatus::L2C3paoFinal => "L2-c3pao-final",
            HeldStatus::L2C3paoConditional => "L2-c3pao-conditional",
            HeldStatus::L3DibcacFinal => "L3-dibcac-final",
            HeldStatus::L3DibcacConditional => "L3-dibcac-conditional",
        }
    }
    fn label(self) -> &'static str {
        match self {
            HeldStatus::L1Self => "Final Level 1 (Self)",
            HeldStatus::L2SelfFinal => "Final Level 2 (Self)",
            HeldStatus::L2SelfConditional => "Conditional Level 2 (Self)",
            HeldStatus::L2C3paoFinal => "Final Level 2 (C3PAO)",
            HeldStatus::L2C3paoConditional => "Conditional Level 2 (C3PAO)",
            HeldStatus::L3DibcacFinal => "Final Level 3 (DIBCAC)",
            HeldStatus::L3DibcacConditional => "Conditional Level 3 (DIBCAC)",
        }
    }
}

impl HeldStatus {
    /// The level.
    pub fn level(self) -> Level {
        match self {
            HeldStatus::L1Self => Level::L1,
            HeldStatus::L2SelfFinal
            | HeldStatus::L2SelfConditional
            | HeldStatus::L2C3paoFinal
            | HeldStatus::L2C3paoConditional => Level::L2,
            HeldStatus::L3DibcacFinal | HeldStatus::L3DibcacConditional => Level::L3,
        }
    }

    /// Who assessed it.
    pub fn assessor(self) -> AssessmentType {
        match self {
            HeldStatus::L1Self | HeldStatus::L2SelfFinal | HeldStatus::L2SelfConditional => {
                AssessmentType::SelfAssessment
            }
            HeldStatus::L2C3paoFinal | HeldStatus::L2C3paoConditional => AssessmentType::C3pao,
            HeldStatus::L3DibcacFinal | HeldStatus::L3DibcacConditional => AssessmentType::Dibcac,
        }
    }

    /// Final or Conditional.
    pub fn is_final(self) -> bool {
        !matches!(
            self,
            HeldStatus::L2SelfConditional
                | HeldStatus::L2C3paoConditional
                | HeldStatus::L3DibcacConditional
        )
    }
}

/// `{"level": "2", "assessor": "c3pao", "kind": "final"}`, the shape `crosswalk assess --json`
/// documents; the compact code (`"L2-c3pao-final"`) is read too.
impl Serialize for HeldStatus {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("HeldStatus", 3)?;
        st.serialize_field("level", &self.level())?;
        st.serialize_field("assessor", &self.assessor())?;
        st.serialize_field(
            "kind",
            if self.is_final() {
                "final"
            } else {
                "conditional"
            },
        )?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for HeldStatus {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape {
            Code(String),
            Parts {
                level: Level,
                assessor: AssessmentType,
                #[serde(default = "final_kind")]
                kind: String,
            },
        }
        fn final_kind() -> String {
            "final".into()
        }
        let found = match Shape::deserialize(d)? {
            Shape::Code(code) => HeldStatus::from_code(&code),
            Shape::Parts {
                level,
                assessor,
                kind,
            } => HeldStatus::ALL.iter().copied().find(|h| {
                h.level() == level
                    && h.assessor() == assessor
                    && (if h.is_final() { "final" } else { "conditional" }) == kind
            }),
        };
        found.ok_or_else(|| {
            serde::de::Error::custom(
                "not a CMMC status: Level 1 (Self) final; Level 2 (Self or C3PAO) or Level 3 (DIBCAC), final or conditional",
            )
        })
    }
}

/// The questionnaire's answers. Every field is optional: unanswered questions are simply unknown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, from = "AnswersOnDisk")]
pub struct Answers {
    /// The company receives or creates Federal Contract Information.
    pub handles_fci: Option<bool>,
    /// The company stores, processes or transmits Controlled Unclassified Information.
    pub handles_cui: Option<bool>,
    /// Prime or subcontractor.
    pub role: Option<ContractRole>,
    /// What the solicitation names (for a prime).
    pub solicitation: Solicitation,
    /// For a subcontractor: the CMMC level the prime's contract requires (DFARS 252.204-7021).
    pub prime_level: Solicitation,
    /// Small business under the SBA size standard.
    pub small_business: Option<bool>,
    /// Total headcount.
    pub employees: Option<u32>,
    /// People who will access CUI (in-scope users).
    pub cui_users: Option<u32>,
    /// Endpoints (laptops, desktops, servers) in the assessment scope.
    pub cui_endpoints: Option<u32>,
    /// Holds an ISO/IEC 27001 certificate.
    pub iso_certified: Option<bool>,
    /// Where CUI is stored.
    pub cui_storage: Option<CuiStorage>,
    /// An MSP, MSSP or other external service provider (not a cloud) touches the CUI
    /// environment or its security tools.
    pub esp_in_scope: Option<bool>,
    /// How CUI is encrypted (decides 3.13.11).
    pub encryption: Option<Encryption>,
    /// Some CUI is export-controlled (ITAR or EAR).
    pub export_controlled: Option<bool>,
    /// A current System Security Plan exists (answers 3.12.4 directly).
    pub has_ssp: Option<bool>,
    /// The score currently posted in SPRS, if any.
    pub sprs_posted: Option<i32>,
    /// The date of the assessment behind the posted score.
    pub sprs_date: Option<Date>,
    /// A CMMC status the company already holds.
    pub current_status: Option<HeldStatus>,
    /// The status date of `current_status`.
    pub status_date: Option<Date>,
}

/// The answers as saved files and `--answers` write them: the file's own shape, converted
/// explicitly to and from [`Answers`]. It also reads fields that older releases wrote, once, and
/// migrates them (see [`Answers`]'s `From`); it never writes them.
#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
pub(crate) struct AnswersOnDisk {
    handles_fci: Option<bool>,
    handles_cui: Option<bool>,
    role: Option<ContractRole>,
    solicitation: Solicitation,
    prime_level: Solicitation,
    /// Deprecated: `true` meant "a subcontractor whose prime flows CMMC down".
    #[serde(skip_serializing)]
    flow_down: Option<bool>,
    small_business: Option<bool>,
    employees: Option<u32>,
    cui_users: Option<u32>,
    cui_endpoints: Option<u32>,
    iso_certified: Option<bool>,
    cui_storage: Option<CuiStorage>,
    esp_in_scope: Option<bool>,
    encryption: Option<Encryption>,
    /// Deprecated: `true` meant FIPS-validated; `false` did not say whether CUI was encrypted.
    #[serde(skip_serializing)]
    fips_validated: Option<bool>,
    export_controlled: Option<bool>,
    has_ssp: Option<bool>,
    sprs_posted: Option<i32>,
    sprs_date: Option<Date>,
    current_status: Option<HeldStatus>,
    status_date: Option<Date>,
    /// Deprecated: `true` meant a Final Level 2 (C3PAO) status.
    #[serde(skip_serializing)]
    has_final_l2_c3pao: Option<bool>,
}

impl From<&Answers> for AnswersOnDisk {
    fn from(a: &Answers) -> AnswersOnDisk {
        AnswersOnDisk {
            handles_fci: a.handles_fci,
            handles_cui: a.handles_cui,
            role: a.role,
            solicitation: a.solicitation,
            prime_level: a.prime_level,
            flow_down: None,
            small_business: a.small_business,
            employees: a.employees,
            cui_users: a.cui_users,
            cui_endpoints: a.cui_endpoints,
            iso_certified: a.iso_certified,
            cui_storage: a.cui_storage,
            esp_in_scope: a.esp_in_scope,
            encryption: a.encryption,
            fips_validated: None,
            export_controlled: a.export_controlled,
            has_ssp: a.has_ssp,
            sprs_posted: a.sprs_posted,
            sprs_date: a.sprs_date,
            current_status: a.current_status,
            status_date: a.status_date,
            has_final_l2_c3pao: None,
        }
    }
}

impl From<AnswersOnDisk> for Answers {
    fn from(d: AnswersOnDisk) -> Answers {
        // Older answers: a subcontractor with flow-down had an unknown prime level; FIPS "yes"
        // is a validated module, while FIPS "no" did not say whether CUI was encrypted at all,
        // so it stays unanswered rather than earning partial credit; a Final Level 2 (C3PAO)
        // "yes" is that status.
        let role = d
            .role
            .or(d.flow_down.and_then(|sub| sub.then_some(ContractRole::Sub)));
        let encryption = d.encryption.or(match d.fips_validated {
            Some(true) => Some(Encryption::FipsValidated),
            _ => None,
        });
        let current_status = d.current_status.or(match d.has_final_l2_c3pao {
            Some(true) => Some(HeldStatus::L2C3paoFinal),
            _ => None,
        });
        Answers {
            handles_fci: d.handles_fci,
            handles_cui: d.handles_cui,
            role,
            solicitation: d.solicitation,
            prime_level: d.prime_level,
            small_business: d.small_business,
            employees: d.employees,
            cui_users: d.cui_users,
            cui_endpoints: d.cui_endpoints,
            iso_certified: d.iso_certified,
            cui_storage: d.cui_storage,
            esp_in_scope: d.esp_in_scope,
            encryption,
            export_controlled: d.export_controlled,
            has_ssp: d.has_ssp,
            sprs_posted: d.sprs_posted,
            sprs_date: d.sprs_date,
            current_status,
            status_date: d.status_date,
        }
    }
}

impl Answers {
    /// Whether the answers say the company handles CUI.
    pub fn cui(&self) -> bool {
        self.handles_cui == Some(true)
    }

    /// The CMMC requirement that decides this contract: the prime's (flowed down) for a
    /// subcontractor, the solicitation's otherwise.
    pub fn deciding_requirement(&self) -> Solicitation {
        if self.role == Some(ContractRole::Sub) {
            self.prime_level
        } else {
            self.solicitation
        }
    }
}

/// A CMMC level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    /// No CMMC level.
    #[serde(rename = "none")]
    None,
    /// Level 1.
    #[serde(rename = "1")]
    L1,
    /// Level 2.
    #[serde(rename = "2")]
    L2,
    /// Level 3.
    #[serde(rename = "3")]
    L3,
}

impl Level {
    /// "Level 2", or "No CMMC level".
    pub fn label(self) -> &'static str {
        match self {
            Level::None => "No CMMC level",
            Level::L1 => "Level 1",
            Level::L2 => "Level 2",
            Level::L3 => "Level 3",
        }
    }
}

/// Who assesses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssessmentType {
    /// The company itself.
    #[serde(rename = "self")]
    SelfAssessment,
    /// A CMMC Third-Party Assessment Organization.
    C3pao,
    /// DCMA's Defense Industrial Base Cybersecurity Assessment Center.
    Dibcac,
}

impl AssessmentType {
    /// Who performs it, for use inside a sentence ("the company itself", "a C3PAO").
    pub fn assessor(self) -> &'static str {
        match self {
            AssessmentType::SelfAssessment => "the company itself (self-assessment)",
            AssessmentType::C3pao => "a C3PAO (certification)",
            AssessmentType::Dibcac => "DCMA DIBCAC (certification)",
        }
    }

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            AssessmentType::SelfAssessment => "Self-assessment",
            AssessmentType::C3pao => "Certification by a C3PAO",
            AssessmentType::Dibcac => "Certification by DCMA DIBCAC",
        }
    }

    /// The short name used in the rule's level names: `Self`, `C3PAO`, `DIBCAC`.
    pub fn short(self) -> &'static str {
        match self {
            AssessmentType::SelfAssessment => "Self",
            AssessmentType::C3pao => "C3PAO",
            AssessmentType::Dibcac => "DIBCAC",
        }
    }
}

/// The kind of input a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// Yes, no, or not sure.
    YesNo,
    /// One of a fixed set of options.
    Choice(Choices),
    /// A whole number, at least `min`.
    Number {
        /// The smallest accepted value.
        min: i64,
    },
    /// A calendar date.
    Date,
}

/// Every question's id: each names the `Answers` field it fills (see [`QuestionId::get`] and
/// [`QuestionId::set`]), so a typo is a compile error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuestionId {
    /// `handles_fci`
    HandlesFci,
    /// `handles_cui`
    HandlesCui,
    /// `role`
    Role,
    /// `solicitation`
    Solicitation,
    /// `prime_level`
    PrimeLevel,
    /// `current_status`
    CurrentStatus,
    /// `status_date`
    StatusDate,
    /// `small_business`
    SmallBusiness,
    /// `employees`
    Employees,
    /// `cui_users`
    CuiUsers,
    /// `cui_endpoints`
    CuiEndpoints,
    /// `iso_certified`
    IsoCertified,
    /// `cui_storage`
    CuiStorage,
    /// `esp_in_scope`
    EspInScope,
    /// `encryption`
    Encryption,
    /// `export_controlled`
    ExportControlled,
    /// `has_ssp`
    HasSsp,
    /// `sprs_posted`
    SprsPosted,
    /// `sprs_date`
    SprsDate,
}

/// The answer enums a choice question can take, so a question names its options' one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choices {
    /// [`ContractRole`]
    Role,
    /// [`Solicitation`]
    Solicitation,
    /// [`HeldStatus`]
    HeldStatus,
    /// [`CuiStorage`]
    CuiStorage,
    /// [`Encryption`]
    Encryption,
}

impl Choices {
    /// The options as `(value, label)`, in the order the app lists them.
    pub fn options(self) -> Vec<(&'static str, &'static str)> {
        fn of<T: Choice>() -> Vec<(&'static str, &'static str)> {
            T::ALL.iter().map(|v| (v.code(), v.label())).collect()
        }
        match self {
            Choices::Role => of::<ContractRole>(),
            Choices::Solicitation => of::<Solicitation>(),
            Choices::HeldStatus => of::<HeldStatus>(),
            Choices::CuiStorage => of::<CuiStorage>(),
            Choices::Encryption => of::<Encryption>(),
        }
    }
}

/// A question's answer, whatever its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerValue {
    /// Not answered (or "not sure").
    Unanswered,
    /// Yes or no.
    Bool(bool),
    /// A choice's code.
    Choice(&'static str),
    /// A whole number.
    Number(i64),
    /// A date.
    Date(Date),
}

fn yes_no(v: Option<bool>) -> AnswerValue {
    v.map_or(AnswerValue::Unanswered, AnswerValue::Bool)
}

fn choice<T: Choice>(v: Option<T>) -> AnswerValue {
    v.map_or(AnswerValue::Unanswered, |c| AnswerValue::Choice(c.code()))
}

fn number<T: Into<i64>>(v: Option<T>) -> AnswerValue {
    v.map_or(AnswerValue::Unanswered, |n| AnswerValue::Number(n.into()))
}

fn date(v: Option<Date>) -> AnswerValue {
    v.map_or(AnswerValue::Unanswered, AnswerValue::Date)
}

impl AnswerValue {
    fn as_bool(self) -> Option<bool> {
        match self {
            AnswerValue::Bool(b) => Some(b),
            _ => None,
        }
    }
    fn as_choice<T: Choice>(self) -> Option<T> {
        match self {
            AnswerValue::Choice(code) => T::from_code(code),
            _ => None,
        }
    }
    fn as_u32(self) -> Option<u32> {
        match self {
            AnswerValue::Number(n) => u32::try_from(n).ok(),
            _ => None,
        }
    }
    fn as_date(self) -> Option<Date> {
        match self {
            AnswerValue::Date(d) => Some(d),
            _ => None,
        }
    }
}

impl QuestionId {
    /// The question's current answer.
    pub fn get(self, a: &Answers) -> AnswerValue {
        use QuestionId as Q;
        match self {
            Q::HandlesFci => yes_no(a.handles_fci),
            Q::HandlesCui => yes_no(a.handles_cui),
            Q::Role => choice(a.role),
            Q::Solicitation => AnswerValue::Choice(a.solicitation.code()),
            Q::PrimeLevel => AnswerValue::Choice(a.prime_level.code()),
            Q::CurrentStatus => choice(a.current_status),
            Q::StatusDate => date(a.status_date),
            Q::SmallBusiness => yes_no(a.small_business),
            Q::Employees => number(a.employees),
            Q::CuiUsers => number(a.cui_users),
            Q::CuiEndpoints => number(a.cui_endpoints),
            Q::IsoCertified => yes_no(a.iso_certified),
            Q::CuiStorage => choice(a.cui_storage),
            Q::EspInScope => yes_no(a.esp_in_scope),
            Q::Encryption => choice(a.encryption),
            Q::ExportControlled => yes_no(a.export_controlled),
            Q::HasSsp => yes_no(a.has_ssp),
            Q::SprsPosted => number(a.sprs_posted),
            Q::SprsDate => date(a.sprs_date),
        }
    }

    /// Sets the question's answer; a value of the wrong kind (or out of range) clears it.
    pub fn set(self, a: &mut Answers, v: AnswerValue) {
        use QuestionId as Q;
        match self {
            Q::HandlesFci => a.handles_fci = v.as_bool(),
            Q::HandlesCui => a.handles_cui = v.as_bool(),
            Q::Role => a.role = v.as_choice(),
            Q::Solicitation => a.solicitation = v.as_choice().unwrap_or_default(),
            Q::PrimeLevel => a.prime_level = v.as_choice().unwrap_or_default(),
            Q::CurrentStatus => a.current_status = v.as_choice(),
            Q::StatusDate => a.status_date = v.as_date(),
            Q::SmallBusiness => a.small_business = v.as_bool(),
            Q::Employees => a.employees = v.as_u32(),
            Q::CuiUsers => a.cui_users = v.as_u32(),
            Q::CuiEndpoints => a.cui_endpoints = v.as_u32(),
            Q::IsoCertified => a.iso_certified = v.as_bool(),
            Q::CuiStorage => a.cui_storage = v.as_choice(),
            Q::EspInScope => a.esp_in_scope = v.as_bool(),
            Q::Encryption => a.encryption = v.as_choice(),
            Q::ExportControlled => a.export_controlled = v.as_bool(),
            Q::HasSsp => a.has_ssp = v.as_bool(),
            Q::SprsPosted => {
                a.sprs_posted = match v {
                    AnswerValue::Number(n) => {
                        i32::try_from(n).ok().filter(|n| (-203..=110).contains(n))
                    }
                    _ => None,
                }
            }
            Q::SprsDate => a.sprs_date = v.as_date(),
        }
    }

    /// Whether the question still matters given the other answers: CUI questions disappear
    /// after "CUI: no", the prime's level shows only for a subcontractor, a date only once
    /// there is something to date. Hidden questions keep their answers.
    pub fn relevant(self, a: &Answers) -> bool {
        use QuestionId as Q;
        let cui_possible = a.handles_cui != Some(false);
        let any_info = a.handles_cui != Some(false) || a.handles_fci != Some(false);
        match self {
            Q::HandlesFci | Q::HandlesCui | Q::Role | Q::SmallBusiness | Q::Employees => true,
            Q::Solicitation => a.role != Some(ContractRole::Sub),
            Q::PrimeLevel => a.role == Some(ContractRole::Sub),
            Q::CurrentStatus | Q::CuiEndpoints | Q::IsoCertified | Q::EspInScope => any_info,
            Q::StatusDate => a.current_status.is_some(),
            Q::CuiUsers
            | Q::CuiStorage
            | Q::Encryption
            | Q::ExportControlled
            | Q::HasSsp
            | Q::SprsPosted => cui_possible,
            Q::SprsDate => cui_possible && a.sprs_posted.is_some(),
        }
    }

    /// The field's name in JSON (`handles_fci`), which is also the question's id in the app.
    pub fn field(self) -> &'static str {
        question(self).field
    }
}

/// One question as the user sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Which question, and so which `Answers` field it fills.
    pub id: QuestionId,
    /// The field's name in JSON (`handles_fci`).
    pub field: &'static str,
    /// The question.
    pub prompt: &'static str,
    /// Help text: what it means and where to look.
    pub help: &'static str,
    /// The kind of input.
    pub kind: QuestionKind,
    /// Whether the answer can change the level (the rest change the score, warnings or estimate).
    pub decides_level: bool,
}

/// Every question, in the order the app shows them (they may be answered in any order).
pub fn questions() -> &'static [Question] {
    QUESTIONS
}

/// The question with this id.
pub fn question(id: QuestionId) -> &'static Question {
    QUESTIONS
        .iter()
        .find(|q| q.id == id)
        .unwrap_or(&QUESTIONS[0])
}

use QuestionId as Q;

/// Every question, in the order the app shows them.
pub const QUESTIONS: &[Question] = &[
        Question {
            id: Q::HandlesFci,
            field: "handles_fci",
            prompt: "Do you receive or create Federal Contract Information (FCI) under a DoD contract?",
            help: "FCI is information not intended for public release that is provided by or generated for the government under a contract: statements of work, drawings you were sent, pricing, schedules, contract emails. It excludes information the government has released to the public and simple transactional information such as what is needed to process payments (FAR 4.1901). Nearly every DoD contractor handles FCI; FAR 52.204-21 protects it.",
            kind: QuestionKind::YesNo,
            decides_level: true,
        },
        Question {
            id: Q::HandlesCui,
            field: "handles_cui",
            prompt: "Do you store, process or transmit Controlled Unclassified Information (CUI)?",
            help: "CUI is government information that law or policy says must be safeguarded. Look for what marks it: a \"CUI\" or \"CONTROLLED\" banner and a designation indicator (DoDI 5200.48), distribution statements B to F on technical data and drawings, legacy \"FOUO\" markings, export-control (ITAR/EAR) notices, or CUI named in the contract's data requirements. DFARS 252.204-7012 is in nearly every DoD contract, so finding it does not show that you handle CUI. When in doubt, ask the contracting officer or your prime.",
            kind: QuestionKind::YesNo,
            decides_level: true,
        },
        Question {
            id: Q::Role,
            field: "role",
            prompt: "Are you the prime contractor or a subcontractor on this work?",
            help: "A prime answers to the solicitation. A subcontractor's CMMC requirement flows down from the prime's contract, set by what information the subcontractor handles (32 CFR 170.23).",
            kind: QuestionKind::Choice(Choices::Role),
            decides_level: true,
        },
        Question {
            id: Q::Solicitation,
            field: "solicitation",
            prompt: "What CMMC level does the solicitation or contract name?",
            help: "DFARS 252.204-7025 (in solicitations) says \"The CMMC level required by this solicitation is ...\" and 252.204-7021 (in contracts) names the CMMC status required: Level 1 (Self), Level 2 (Self), Level 2 (C3PAO) or Level 3 (DIBCAC). If neither clause is there, the solicitation names no level: CMMC is then not a condition of award, although DFARS 252.204-7012, -7019 and -7020 still apply where CUI is involved.",
            kind: QuestionKind::Choice(Choices::Solicitation),
            decides_level: true,
        },
        Question {
            id: Q::PrimeLevel,
            field: "prime_level",
            prompt: "What CMMC level does the prime's contract require (DFARS 252.204-7021)?",
            help: "The prime must flow the CMMC requirement down to subcontractors that handle FCI or CUI and check their status before awarding the subcontract (DFARS 252.204-7021(c)). Your level depends on the prime's requirement and on what you handle (32 CFR 170.23(a)): FCI only means Level 1 (Self) under any CMMC prime; CUI means Level 2 (Self) under a Level 2 (Self) prime and Level 2 (C3PAO) under a Level 2 (C3PAO) or Level 3 prime.",
            kind: QuestionKind::Choice(Choices::Solicitation),
            decides_level: true,
        },
        Question {
            id: Q::CurrentStatus,
            field: "current_status",
            prompt: "Do you already hold a CMMC status?",
            help: "As recorded in SPRS. A Level 3 assessment needs a Final Level 2 (C3PAO) status for the same scope first (32 CFR 170.18(a)). With the status date, the app shows when it expires and when the next affirmation is due.",
            kind: QuestionKind::Choice(Choices::HeldStatus),
            decides_level: false,
        },
        Question {
            id: Q::StatusDate,
            field: "status_date",
            prompt: "What is that status's date?",
            help: "The CMMC status date in SPRS. Level 1 is valid for one year, a Final Level 2 or 3 for three years, a Conditional status for 180 days (32 CFR 170.15-170.18, 170.21(b)).",
            kind: QuestionKind::Date,
            decides_level: false,
        },
        Question {
            id: Q::SmallBusiness,
            field: "small_business",
            prompt: "Are you a small business?",
            help: "Under the SBA size standard for your NAICS code. DoD's cost estimates for assessments differ for small and other-than-small entities.",
            kind: QuestionKind::YesNo,
            decides_level: false,
        },
        Question {
            id: Q::Employees,
            field: "employees",
            prompt: "How many employees do you have?",
            help: "Total headcount. Used only for the cost and timeline estimate.",
            kind: QuestionKind::Number { min: 0 },
            decides_level: false,
        },
        Question {
            id: Q::CuiUsers,
            field: "cui_users",
            prompt: "How many people will access CUI?",
            help: "Users inside the CUI assessment scope. Per-user costs such as MFA and a GCC High tenant scale with it. Leave empty to use the employee count.",
            kind: QuestionKind::Number { min: 0 },
            decides_level: false,
        },
        Question {
            id: Q::CuiEndpoints,
            field: "cui_endpoints",
            prompt: "How many endpoints (laptops, desktops, servers) are in the assessment scope?",
            help: "Per-device costs such as endpoint protection and disk encryption scale with it. Leave empty to assume one per user.",
            kind: QuestionKind::Number { min: 0 },
            decides_level: false,
        },
        Question {
            id: Q::IsoCertified,
            field: "iso_certified",
            prompt: "Do you hold an ISO/IEC 27001 certificate?",
            help: "An ISO 27001 certificate overlaps with NIST SP 800-171 but is not accepted in place of a CMMC assessment: CMMC assesses every requirement that applies, with no exclusions by risk choice. Import your Statement of Applicability to see what your ISO work covers.",
            kind: QuestionKind::YesNo,
            decides_level: false,
        },
        Question {
            id: Q::CuiStorage,
            field: "cui_storage",
            prompt: "Where is CUI stored?",
            help: "A cloud service that stores, processes or transmits CUI must be FedRAMP Moderate authorized or meet FedRAMP Moderate equivalency and accept the clause's incident-reporting terms (DFARS 252.204-7012(b)(2)(ii)(D)). Equivalency, as the DoD CIO memorandum of 2023-12-21 defines it, means a FedRAMP-recognised 3PAO assessment showing 100% of the Moderate baseline implemented, with its body of evidence. Check the provider's FedRAMP Marketplace listing; many contractors use a government cloud such as Microsoft 365 GCC High.",
            kind: QuestionKind::Choice(Choices::CuiStorage),
            decides_level: false,
        },
        Question {
            id: Q::EspInScope,
            field: "esp_in_scope",
            prompt: "Does an MSP, MSSP or other outside provider manage systems or security tools in your CUI (or FCI) environment?",
            help: "An External Service Provider that is not a cloud service and whose services touch CUI or security functions is part of your assessment scope: its people, tools and processes are assessed with yours (32 CFR 170.16(c), 170.17(c)). Clouds are covered by the storage question.",
            kind: QuestionKind::YesNo,
            decides_level: false,
        },
        Question {
            id: Q::Encryption,
            field: "encryption",
            prompt: "How is CUI encrypted?",
            help: "NIST SP 800-171 3.13.11 requires FIPS-validated cryptography to protect the confidentiality of CUI. Check each module's certificate in NIST's CMVP list. Encryption that is employed but not validated scores 3 points off instead of 5 and may sit on a POA&M (32 CFR 170.24(c)(2)(i)(B)(4), 170.21(a)(2)). Since 2026-09-21 every FIPS 140-2 certificate is on the Historical list: new deployments need FIPS 140-3.",
            kind: QuestionKind::Choice(Choices::Encryption),
            decides_level: false,
        },
        Question {
            id: Q::ExportControlled,
            field: "export_controlled",
            prompt: "Is any of your CUI export-controlled (ITAR or EAR)?",
            help: "Export-controlled technical data may be released only to US persons, or to foreign persons under a licence (ITAR, 22 CFR 120-130; EAR, 15 CFR 730-774). That limits which cloud and support arrangements you can use and who may hold administrator access.",
            kind: QuestionKind::YesNo,
            decides_level: false,
        },
        Question {
            id: Q::HasSsp,
            field: "has_ssp",
            prompt: "Do you have a current System Security Plan (SSP)?",
            help: "NIST SP 800-171 3.12.4. Without an SSP there is no SPRS score and no assessment can be completed. An ISO Statement of Applicability is not an SSP.",
            kind: QuestionKind::YesNo,
            decides_level: false,
        },
        Question {
            id: Q::SprsPosted,
            field: "sprs_posted",
            prompt: "What NIST SP 800-171 score have you posted in SPRS, if any?",
            help: "DFARS 252.204-7019/7020 require a current (not more than 3 years old) NIST SP 800-171 DoD Assessment score in SPRS before award where CUI is involved. Leave empty if none. A posted score higher than your implementation supports is a misrepresentation risk.",
            kind: QuestionKind::Number { min: -203 },
            decides_level: false,
        },
        Question {
            id: Q::SprsDate,
            field: "sprs_date",
            prompt: "When was the assessment behind that score done?",
            help: "The assessment date recorded in SPRS. A Basic assessment older than three years is no longer current (DFARS 252.204-7019(b)).",
            kind: QuestionKind::Date,
            decides_level: false,
        },
];
