//! The questionnaire's answers, and their shape on disk: `AnswersOnDisk` reads what older
//! releases wrote, once, and never writes it.

use super::{ContractRole, CuiStorage, Encryption, HeldStatus, Solicitation};
use crate::engine::date::Date;
use serde::{Deserialize, Serialize};

/// Where a level answer came from when it was read from pasted text: the fill-in sentence of
/// DFARS 252.204-7025(b)(1) or 252.204-7021(d)(1)(i), never the text around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelSource {
    /// The level the sentence names.
    pub level: Solicitation,
    /// The clause paragraph, e.g. `252.204-7025(b)(1)`.
    pub paragraph: String,
    /// 1-based line in the pasted text.
    pub line: usize,
    /// The sentence as read.
    pub quote: String,
}

impl LevelSource {
    /// The rule behind the sentence: the paragraph whose fill-in it is.
    pub fn citation(&self) -> &'static str {
        if self.paragraph.contains("7021") {
            "DFARS 252.204-7021(d)(1)(i)"
        } else {
            "DFARS 252.204-7025(b)(1)"
        }
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
    /// The sentence of a pasted solicitation or contract the level was read from, when the user
    /// took the level from the scanner: the level card cites it while the answer still names
    /// that level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_source: Option<LevelSource>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    level_source: Option<LevelSource>,
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
            level_source: a.level_source.clone(),
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
            level_source: d.level_source,
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

    /// The pasted sentence behind the deciding requirement, while the answer still names the
    /// level it was read as.
    pub fn deciding_source(&self) -> Option<&LevelSource> {
        let level = self.deciding_requirement();
        self.level_source.as_ref().filter(|s| s.level == level)
    }
}
