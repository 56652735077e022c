//! The answers' own types: each choice question's enum with its values and labels (the
//! `Choice` trait), and the held CMMC status.

use super::{AssessmentType, Level};
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
