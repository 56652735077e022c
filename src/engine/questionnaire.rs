//! The questionnaire: every question with its help text, the answers, and the rules that turn them
//! into a CMMC level and assessment type with reasons citing the clause or rule behind each.
//!
//! Everything a user is asked lives in [`QUESTIONS`]; everything decided from it lives in
//! [`applicability`]. Keeping both in this one module lets a reviewer read the logic top to bottom.

use serde::{Deserialize, Serialize};

/// What the solicitation or contract says about CMMC (DFARS 252.204-7021 / 7025).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Solicitation {
    /// The solicitation names no CMMC level.
    #[serde(rename = "none")]
    None,
    #[serde(rename = "L1-self")]
    L1Self,
    #[serde(rename = "L2-self")]
    L2Self,
    #[serde(rename = "L2-c3pao")]
    L2C3pao,
    #[serde(rename = "L3-dibcac")]
    L3Dibcac,
    /// The user does not know (or has no solicitation yet).
    #[default]
    #[serde(rename = "unknown")]
    Unknown,
}

/// Where CUI is stored and processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CuiStorage {
    /// A cloud service without FedRAMP Moderate authorization, or one the user is unsure of.
    CommercialCloud,
    /// FedRAMP Moderate (or equivalent) cloud, e.g. Microsoft 365 GCC High.
    FedrampModerate,
    /// Own servers and endpoints only.
    OnPremises,
}

/// The questionnaire's answers. Every field is optional: unanswered questions are simply unknown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub handles_fci: Option<bool>,
    pub handles_cui: Option<bool>,
    pub solicitation: Solicitation,
    /// The company is a subcontractor and the prime flows the CMMC clause down.
    pub flow_down: Option<bool>,
    pub small_business: Option<bool>,
    pub employees: Option<u32>,
    /// People who will access CUI (in-scope users).
    pub cui_users: Option<u32>,
    /// Endpoints (laptops, desktops, servers) in the CUI scope.
    pub cui_endpoints: Option<u32>,
    pub iso_certified: Option<bool>,
    pub cui_storage: Option<CuiStorage>,
    pub fips_validated: Option<bool>,
    pub export_controlled: Option<bool>,
    /// A current System Security Plan exists (answers 3.12.4 directly).
    pub has_ssp: Option<bool>,
    /// The score currently posted in SPRS, if any.
    pub sprs_posted: Option<i32>,
    /// The company already holds a Final Level 2 (C3PAO) status (Level 3 prerequisite).
    pub has_final_l2_c3pao: Option<bool>,
}

/// The kind of input a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    YesNo,
    /// One of fixed options: `(value, label)`.
    Choice(&'static [(&'static str, &'static str)]),
    Number,
}

/// One question as the user sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Question {
    /// The `Answers` field it fills.
    pub id: &'static str,
    pub prompt: &'static str,
    pub help: &'static str,
    pub kind: QuestionKind,
    /// Whether the answer can change the level (the rest only change the estimate).
    pub decides_level: bool,
}

/// Every question, in the order the app shows them (they may be answered in any order).
pub const QUESTIONS: &[Question] = &[
    Question {
        id: "handles_fci",
        prompt: "Do you receive or create Federal Contract Information (FCI) under a DoD contract?",
        help: "FCI is information not intended for public release that is provided by or generated for the government under a contract: statements of work, pricing, schedules, internal contract emails. Nearly every DoD contractor handles FCI. FAR 52.204-21 protects it.",
        kind: QuestionKind::YesNo,
        decides_level: true,
    },
    Question {
        id: "handles_cui",
        prompt: "Do you store, process or transmit Controlled Unclassified Information (CUI)?",
        help: "CUI is government information that needs safeguarding under law or policy, such as controlled technical drawings, specifications or export-controlled data. It is usually marked \"CUI\" or \"CONTROLLED\", and your contract will contain DFARS 252.204-7012. Look in section I (contract clauses) of your contract, or ask your contracting officer or prime.",
        kind: QuestionKind::YesNo,
        decides_level: true,
    },
    Question {
        id: "solicitation",
        prompt: "What CMMC level does the solicitation or contract name?",
        help: "DFARS 252.204-7021 (in contracts) and 252.204-7025 (in solicitations) state the required CMMC level and whether it is a self-assessment or a certification. Look for \"CMMC Level\" in section L/M or the clause fill-ins. If you are a subcontractor, the prime's requirement flows down to you.",
        kind: QuestionKind::Choice(&[
            ("unknown", "I don't know yet"),
            ("none", "None named"),
            ("L1-self", "Level 1 (Self)"),
            ("L2-self", "Level 2 (Self)"),
            ("L2-c3pao", "Level 2 (C3PAO)"),
            ("L3-dibcac", "Level 3 (DIBCAC)"),
        ]),
        decides_level: true,
    },
    Question {
        id: "flow_down",
        prompt: "Are you a subcontractor whose prime flows the CMMC requirement down to you?",
        help: "DFARS 252.204-7021 requires primes to flow the CMMC requirement down to subcontractors that process, store or transmit FCI or CUI, at the level appropriate to the information the subcontractor handles.",
        kind: QuestionKind::YesNo,
        decides_level: true,
    },
    Question {
        id: "has_final_l2_c3pao",
        prompt: "Do you already hold a Final Level 2 (C3PAO) status?",
        help: "Level 3 can only be assessed after a Final Level 2 certification by a C3PAO for the same scope (32 CFR 170.18(a)).",
        kind: QuestionKind::YesNo,
        decides_level: false,
    },
    Question {
        id: "small_business",
        prompt: "Are you a small business?",
        help: "Under the SBA size standard for your NAICS code. DoD's cost estimates for assessments differ for small and other-than-small entities.",
        kind: QuestionKind::YesNo,
        decides_level: false,
    },
    Question {
        id: "employees",
        prompt: "How many employees do you have?",
        help: "Total headcount. Used only for the cost and timeline estimate.",
        kind: QuestionKind::Number,
        decides_level: false,
    },
    Question {
        id: "cui_users",
        prompt: "How many people will access CUI?",
        help: "Users inside the CUI assessment scope. Per-user costs such as MFA and a GCC High tenant scale with it. Leave empty to use the employee count.",
        kind: QuestionKind::Number,
        decides_level: false,
    },
    Question {
        id: "cui_endpoints",
        prompt: "How many endpoints (laptops, desktops, servers) are in the CUI scope?",
        help: "Used for per-device costs such as FIPS-validated encryption and endpoint protection.",
        kind: QuestionKind::Number,
        decides_level: false,
    },
    Question {
        id: "iso_certified",
        prompt: "Do you hold an ISO/IEC 27001 certificate?",
        help: "An ISO 27001 certificate overlaps with NIST SP 800-171 but is not accepted in its place: CMMC requires every requirement, with no exclusions by choice.",
        kind: QuestionKind::YesNo,
        decides_level: false,
    },
    Question {
        id: "cui_storage",
        prompt: "Where is CUI stored?",
        help: "DFARS 252.204-7012(b)(2)(ii)(D) requires a cloud service that stores, processes or transmits CUI to meet the FedRAMP Moderate baseline (or equivalent) and to accept the clause's incident-reporting terms. Check the provider's FedRAMP Marketplace listing and its DFARS 7012 commitment; many contractors move CUI to a government cloud such as Microsoft 365 GCC High for this reason.",
        kind: QuestionKind::Choice(&[
            ("commercial-cloud", "A cloud without FedRAMP Moderate, or not sure"),
            ("fedramp-moderate", "A FedRAMP Moderate (or higher) cloud, e.g. GCC High"),
            ("on-premises", "On our own premises only"),
        ]),
        decides_level: false,
    },
    Question {
        id: "fips_validated",
        prompt: "Is the cryptography protecting CUI FIPS 140-2/140-3 validated?",
        help: "NIST SP 800-171 3.13.11 requires FIPS-validated cryptography to protect the confidentiality of CUI. Check the module's certificate number in NIST's CMVP list. Encryption that is not validated earns partial credit only.",
        kind: QuestionKind::YesNo,
        decides_level: false,
    },
    Question {
        id: "export_controlled",
        prompt: "Is any of your CUI export-controlled (ITAR or EAR)?",
        help: "Export-controlled CUI must be accessible only to US persons (or licensed foreign persons), which affects cloud choice and access control.",
        kind: QuestionKind::YesNo,
        decides_level: false,
    },
    Question {
        id: "has_ssp",
        prompt: "Do you have a current System Security Plan (SSP)?",
        help: "NIST SP 800-171 3.12.4. Without an SSP there is no SPRS score and no assessment can be completed. An ISO Statement of Applicability is not an SSP.",
        kind: QuestionKind::YesNo,
        decides_level: false,
    },
    Question {
        id: "sprs_posted",
        prompt: "What score have you posted in SPRS, if any?",
        help: "DFARS 252.204-7019/7020 require a current (within 3 years) NIST SP 800-171 assessment score in SPRS. Leave empty if none.",
        kind: QuestionKind::Number,
        decides_level: false,
    },
];

/// A CMMC level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    #[serde(rename = "none")]
    None,
    #[serde(rename = "1")]
    L1,
    #[serde(rename = "2")]
    L2,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssessmentType {
    #[serde(rename = "self")]
    SelfAssessment,
    C3pao,
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
}

/// One reason behind the decision, with the rule that drives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub text: String,
    pub citation: &'static str,
}

/// The level and assessment type that apply, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Applicability {
    pub level: Level,
    pub assessment: Option<AssessmentType>,
    pub reasons: Vec<Reason>,
    /// False while an answer that could change the level is missing.
    pub settled: bool,
}

/// Decides the CMMC level and assessment type from the answers (32 CFR 170.14-170.18, DFARS
/// 252.204-7012/7021/7025, FAR 52.204-21).
pub fn applicability(a: &Answers) -> Applicability {
    let mut reasons = Vec::new();
    let mut why = |text: String, citation: &'static str| reasons.push(Reason { text, citation });

    // What the information handled requires, independent of the paperwork.
    let by_data = if a.handles_cui == Some(true) {
        why(
            "You handle CUI, so DFARS 252.204-7012 applies: you must implement all 110 requirements of NIST SP 800-171 r2, and CMMC Level 2 is the level for CUI.".into(),
            "DFARS 252.204-7012(b)(2)(ii)(A); 32 CFR 170.14(c)(3)",
        );
        Level::L2
    } else if a.handles_fci == Some(true) {
        why(
            "You handle FCI, so FAR 52.204-21 applies: its 15 basic safeguarding requirements are CMMC Level 1.".into(),
            "FAR 52.204-21(b)(1); 32 CFR 170.14(c)(2)",
        );
        Level::L1
    } else {
        Level::None
    };

    if a.flow_down == Some(true) {
        why(
            "As a subcontractor, the prime must flow the CMMC requirement down to you at the level that fits the information you handle.".into(),
            "DFARS 252.204-7021 (subcontract flow-down)",
        );
    }

    let by_contract = match a.solicitation {
        Solicitation::L1Self => Some((Level::L1, AssessmentType::SelfAssessment)),
        Solicitation::L2Self => Some((Level::L2, AssessmentType::SelfAssessment)),
        Solicitation::L2C3pao => Some((Level::L2, AssessmentType::C3pao)),
        Solicitation::L3Dibcac => Some((Level::L3, AssessmentType::Dibcac)),
        Solicitation::None | Solicitation::Unknown => None,
    };

    let (level, assessment) = match by_contract {
        Some((named, kind)) => {
            why(
                format!(
                    "The solicitation names CMMC {}, assessed by {}.",
                    named.label(),
                    kind.assessor()
                ),
                "DFARS 252.204-7021; DFARS 252.204-7025",
            );
            if by_data > named {
                why(
                    format!(
                        "But the information you handle needs {}: CUI cannot be protected under a Level 1 requirement. Raise this with the contracting officer; plan for {}.",
                        by_data.label(),
                        by_data.label()
                    ),
                    "32 CFR 170.14(c)(3); DFARS 252.204-7012",
                );
                (by_data, Some(AssessmentType::C3pao))
            } else {
                (named, Some(kind))
            }
        }
        None => match by_data {
            Level::L2 => {
                let silent = if a.solicitation == Solicitation::None {
                    "The solicitation names no CMMC level"
                } else {
                    "You don't know yet which level the solicitation names"
                };
                why(
                    format!("{silent}, but CUI means Level 2 is required. Most contracts involving CUI call for a Level 2 certification by a C3PAO rather than a self-assessment, so plan for one."),
                    "32 CFR 170.14(c)(3); 32 CFR 170.17; DFARS 252.204-7021",
                );
                (Level::L2, Some(AssessmentType::C3pao))
            }
            Level::L1 => {
                why(
                    "With FCI only, Level 1 is assessed by an annual self-assessment and affirmation in SPRS.".into(),
                    "32 CFR 170.15",
                );
                (Level::L1, Some(AssessmentType::SelfAssessment))
            }
            _ => (Level::None, None),
        },
    };

    if level == Level::L3 {
        let prerequisite = if a.has_final_l2_c3pao == Some(true) {
            "You report a Final Level 2 (C3PAO) status, the prerequisite for a Level 3 assessment."
        } else {
            "Level 3 requires a Final Level 2 (C3PAO) status for the same scope first: plan for a C3PAO Level 2 certification with a perfect score of 110 before DIBCAC assesses the 24 Level 3 requirements."
        };
        why(prerequisite.into(), "32 CFR 170.18(a); 32 CFR 170.24(c)(3)");
    }

    if level == Level::None {
        let text = match (a.handles_fci, a.handles_cui) {
            (Some(false), Some(false)) => {
                "You handle neither FCI nor CUI, so no CMMC level applies."
            }
            _ => "Answer whether you handle FCI or CUI to find your level.",
        };
        why(text.into(), "32 CFR 170.14");
    }

    let settled = a.handles_cui.is_some()
        && (a.handles_cui == Some(true) || a.handles_fci.is_some())
        && a.solicitation != Solicitation::Unknown;
    Applicability {
        level,
        assessment,
        reasons,
        settled,
    }
}
