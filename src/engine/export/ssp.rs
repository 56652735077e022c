//! The System Security Plan's content, once, as data ([`Ssp`]): per requirement its status,
//! the implementation notes (the direct answer's record and the objectives' notes), the
//! defined values, the N/A justifications, and the ISO controls and SoA rows that evidence it;
//! the system's name, organisation, boundary and roles; and, where Level 3 applies, its 24
//! requirements. The Markdown and OSCAL writers only format it.

use crate::engine::assess::RequirementResult;
use crate::engine::assessment::Assessment;
use crate::engine::catalog::{Catalog, Level3Poam, Provenance, Relationship};
use crate::engine::date::Date;
use crate::engine::evaluate::Input;
use crate::engine::ids::{AnnexAControl, Family, ObjectiveId, RequirementId};
use crate::engine::questionnaire::Level;
use crate::engine::records::SystemInfo;
use crate::engine::score::{Level2Reading, SprsRange};
use crate::engine::soa::ControlStatus;
use crate::engine::vocab::{Basis, DirectAnswer, ObjectiveStatus, Status};

/// Everything the SSP says.
#[derive(Debug, Clone, PartialEq)]
pub struct Ssp {
    /// The date it is written for (the input's date: the rules are applied on it).
    pub date: Date,
    /// The system it describes.
    pub system: SystemInfo,
    /// The CMMC level it is written for: the one required, else the planning level, else 2.
    pub level: Level,
    /// Whether the contract requires that level (a solicitation or a prime names it, or it is
    /// assumed while unknown). False when it is only a level to plan for: the statuses are then
    /// what an assessment would find, not a status the contract asks for.
    pub required: bool,
    /// The SPRS score range the requirements give.
    pub sprs: SprsRange,
    /// The Level 2 status they lead to: on the confirmed answers, and with the ISO suggestions.
    pub level2: Level2Reading,
    /// The 110 requirements, in the standard's order.
    pub requirements: Vec<SspRequirement>,
    /// The 24 Level 3 requirements, when Level 3 applies.
    pub level3: Vec<SspLevel3>,
}

/// One requirement as the SSP describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct SspRequirement {
    /// The requirement.
    pub id: RequirementId,
    /// Its CMMC id (`AC.L2-3.1.1`).
    pub cmmc_id: String,
    /// Its family.
    pub family: Family,
    /// Its text (NIST SP 800-171 r2).
    pub text: String,
    /// Its status, as the assessment decided it.
    pub status: Status,
    /// Where the status comes from.
    pub basis: Basis,
    /// In a named partial-credit state (32 CFR 170.24(c)(2)(i)(B)(4)).
    pub partial_credit: bool,
    /// The direct answer with its record (the implementation description, or the N/A
    /// justification).
    pub answer: Option<DirectAnswer>,
    /// Its assessment objectives with what the user wrote about each.
    pub objectives: Vec<SspObjective>,
    /// The ISO/IEC 27001 controls the SoA shows in place or in progress for it.
    pub iso_evidence: Vec<IsoEvidence>,
    /// Why it has its status.
    pub explanation: String,
}

impl SspRequirement {
    /// The status as the documents state it. A status only ISO evidence suggests (or none) is
    /// never stated as the organisation's finding: "Met, as ISO/IEC 27001 evidence suggests; not
    /// confirmed". An assessor reads the SSP as the organisation's claim.
    pub fn status_words(&self) -> String {
        if self.basis.is_confirmed() || self.status == Status::Unknown {
            self.status.label().to_string()
        } else {
            format!(
                "{}, as ISO/IEC 27001 evidence suggests; not confirmed",
                self.status.label()
            )
        }
    }

    /// Whether the status is the organisation's own finding (objectives, a direct answer or the
    /// questionnaire), which the OSCAL SSP states as an implementation status.
    pub fn confirmed(&self) -> bool {
        self.basis.is_confirmed()
    }

    /// The justifications of N/A: the direct answer's, then each N/A objective's.
    pub fn na_justifications(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        if let Some(d) = &self.answer {
            // Only an N/A that counts: 3.12.4 answered N/A counts as not met (`settle_ssp`).
            if d.answer.status() == Status::NotApplicable
                && self.status == Status::NotApplicable
                && !d.note.trim().is_empty()
            {
                out.push((self.id.to_string(), d.note.as_str()));
            }
        }
        for o in &self.objectives {
            if o.answer == Some(ObjectiveStatus::NotApplicable) && !o.note.trim().is_empty() {
                out.push((o.id.to_string(), o.note.as_str()));
            }
        }
        out
    }
}

/// One assessment objective with what the user wrote about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SspObjective {
    /// The objective.
    pub id: ObjectiveId,
    /// Its determination statement.
    pub text: String,
    /// It asks that something be defined.
    pub defines: bool,
    /// The finding, when given.
    pub answer: Option<ObjectiveStatus>,
    /// The note (how it is met, or why it is N/A).
    pub note: String,
    /// The organisation's defined value.
    pub defined_value: String,
}

/// An ISO/IEC 27001:2022 control the SoA shows in place or in progress for a requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsoEvidence {
    /// The control.
    pub control: AnnexAControl,
    /// Its short title.
    pub title: String,
    /// What the SoA says of it.
    pub status: ControlStatus,
    /// The SoA rows it comes from: the control as written there and the line.
    pub rows: Vec<(AnnexAControl, usize)>,
    /// How it relates to the requirement.
    pub relationship: Relationship,
    /// Where the crosswalk edge comes from.
    pub provenance: Provenance,
}

/// One Level 3 requirement as the SSP lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SspLevel3 {
    /// CMMC id (`AC.L3-3.1.2e`).
    pub id: String,
    /// SP 800-172 id (`3.1.2e`).
    pub nist_id: String,
    /// Its short name.
    pub short_name: String,
    /// The statement with DoD's parameters.
    pub statement: String,
    /// Met, not met, or unknown (not answered).
    pub status: Status,
    /// It may sit on a Level 3 POA&M (32 CFR 170.21(a)(3)(ii)).
    pub poam_eligible: bool,
}

/// The SSP for the inputs and their assessment.
pub fn ssp(catalog: &Catalog, input: &Input, a: &Assessment) -> Ssp {
    let app = &a.applicability;
    let planned = app.planning.as_ref().map(|p| p.level);
    let level = match (app.level, planned) {
        (Level::L2 | Level::L3, _) => app.level,
        (_, Some(l @ (Level::L2 | Level::L3))) => l,
        _ => Level::L2,
    };
    let level3 = if level == Level::L3 {
        catalog
            .level3
            .iter()
            .map(|l| SspLevel3 {
                id: l.id.clone(),
                nist_id: l.nist_id.clone(),
                short_name: l.short_name.clone(),
                statement: l.statement.clone(),
                status: match input.level3.get(&l.id) {
                    Some(true) => Status::Met,
                    Some(false) => Status::NotMet,
                    None => Status::Unknown,
                },
                poam_eligible: l.poam == Level3Poam::Eligible,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ssp {
        date: input.date,
        system: input.system.clone(),
        level,
        required: matches!(app.level, Level::L2 | Level::L3),
        sprs: a.scoring.sprs,
        level2: a.scoring.level2_reading(),
        requirements: a
            .requirements
            .iter()
            .map(|r| requirement(catalog, input, r))
            .collect(),
        level3,
    }
}

fn requirement(catalog: &Catalog, input: &Input, r: &RequirementResult) -> SspRequirement {
    let (cmmc_id, text) = catalog
        .requirement(&r.id)
        .map(|q| (q.cmmc_id.clone(), q.text.clone()))
        .unwrap_or_default();
    let objectives = catalog
        .objectives_of(&r.id)
        .iter()
        .map(|o| {
            let written = input.objectives.get(&o.id).cloned().unwrap_or_default();
            SspObjective {
                id: o.id.clone(),
                text: o.text.clone(),
                defines: o.defines,
                answer: written.answer,
                note: written.note,
                defined_value: written.defined_value,
            }
        })
        .collect();
    let iso_evidence = r
        .evidence
        .iter()
        .filter(|e| e.erratum.is_none())
        .filter_map(|e| {
            let soa = e.soa.as_ref()?;
            matches!(
                soa.status,
                ControlStatus::Implemented | ControlStatus::Partial
            )
            .then(|| IsoEvidence {
                control: e.iso.clone(),
                title: catalog
                    .iso_control(&e.iso)
                    .map(|c| c.title.clone())
                    .unwrap_or_default(),
                status: soa.status,
                rows: soa
                    .rows
                    .iter()
                    .map(|(c, line, _)| (c.clone(), *line))
                    .collect(),
                relationship: e.relationship,
                provenance: e.provenance,
            })
        })
        .collect();
    SspRequirement {
        id: r.id.clone(),
        cmmc_id,
        family: r.family,
        text,
        status: r.status,
        basis: r.basis,
        partial_credit: r.partial_credit,
        answer: r.answer.clone(),
        objectives,
        iso_evidence,
        explanation: r.explanation.clone(),
    }
}
