//! The questionnaire: the answers, every question with its help text, and the typed binding
//! between a question and the `Answers` field it fills. What the answers decide lives in
//! `applicability.rs`.
//!
//! A question's id is an enum ([`QuestionId`]) whose `get` and `set` name the field directly, so
//! a question cannot drift from its field; each choice's values and labels live once, on the
//! answer's own enum.

use super::date::Date;
use serde::{Deserialize, Serialize};

mod answers;
mod choices;

pub(crate) use answers::AnswersOnDisk;
pub use answers::{Answers, LevelSource};
pub use choices::{Choice, ContractRole, CuiStorage, Encryption, HeldStatus, Solicitation};

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
            help: "NIST SP 800-171 3.12.4. Without an SSP there is no SPRS score and no assessment can be completed. An ISO Statement of Applicability is not an SSP. Writing it now, with this app? Leave this question unanswered until it is done: the score then assumes the SSP you are writing, and says so. Answer \u{201c}No\u{201d} if there is none and none is being written.",
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
