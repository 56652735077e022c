//! Coverage and gaps: for each of the 110 requirements, a status and the chain of evidence that
//! explains it, from direct answers, the questionnaire, or the SoA through the crosswalk.
//!
//! ISO evidence is always evaluated in ISO/IEC 27001:2022 space: a 2013 SoA is first carried
//! through the ISO/IEC 27002:2022 Annex B correspondence, so there is one inference mechanism.

use super::catalog::{Catalog, Edge, IsoLimit, Provenance, Relationship, Requirement};
use super::ids::{AnnexAControl, Edition, Family, RequirementId};
use super::questionnaire::{applicability, Answers, Applicability};
use super::score::{score, Scoring};
use super::soa::{ControlStatus, SoaImport};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which crosswalk edges count as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum View {
    /// Only what NIST publishes (Appendix D, and its Annex B composition for 2022).
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
    Met,
    Partial,
    NotMet,
    NotApplicable,
    Unknown,
}

impl Status {
    /// Met or not applicable: no points lost (32 CFR 170.24(b)(3) counts N/A as met).
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

    /// Parses `met`, `partial`, `not-met`, `not-applicable`, `unknown` (case-insensitive; `_` and
    /// spaces allowed for `-`; `n/a` and `na` for not applicable).
    pub fn parse(s: &str) -> Option<Status> {
        let t = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Some(match t.as_str() {
            "met" | "yes" => Status::Met,
            "partial" | "partially-met" => Status::Partial,
            "not-met" | "notmet" | "no" => Status::NotMet,
            "not-applicable" | "n/a" | "na" => Status::NotApplicable,
            "unknown" => Status::Unknown,
            _ => return None,
        })
    }
}

/// Where a requirement's status comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// The user answered the requirement directly.
    Answered,
    /// A questionnaire answer decides it (the SSP question answers 3.12.4).
    Questionnaire,
    /// Inferred from the SoA through the crosswalk; to be confirmed.
    IsoEvidence,
    /// Nothing answers it.
    NoEvidence,
}

/// The SoA's word on one ISO/IEC 27001:2022 control, possibly carried from 2013 controls.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlEvidence {
    pub control: AnnexAControl,
    pub status: ControlStatus,
    /// The SoA rows it comes from: `(control as written in the SoA's edition, line, status)`.
    pub rows: Vec<(AnnexAControl, usize, ControlStatus)>,
}

/// One crosswalk edge behind a requirement, with what the SoA says of its control.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EdgeEvidence {
    pub iso: AnnexAControl,
    pub relationship: Relationship,
    pub provenance: Provenance,
    pub nist_partial: bool,
    pub rationale: Option<String>,
    /// `None` when the control is not in the SoA (or there is no SoA).
    pub soa: Option<ControlEvidence>,
}

impl EdgeEvidence {
    /// Whether the edge can carry the whole requirement on its own. NIST's unstarred Appendix D
    /// edges can (NIST says the control satisfies the intent); a `*` or `subset-of` edge never can;
    /// and the project's own `intersects-with` analysis edges only ever show partial support,
    /// because each rationale names something the ISO control does not require.
    pub fn is_full(&self) -> bool {
        let analysed_overlap = self.provenance == Provenance::Analysis
            && self.relationship == Relationship::IntersectsWith;
        !self.nist_partial && self.relationship != Relationship::SubsetOf && !analysed_overlap
    }
}

/// The decision on one requirement and everything that explains it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementResult {
    pub id: RequirementId,
    pub family: Family,
    pub status: Status,
    pub basis: Basis,
    /// What ISO evidence alone suggests in this view (also when the user answered directly).
    pub inferred: Status,
    /// The edges admitted by the view, each with the SoA's status of its control.
    pub evidence: Vec<EdgeEvidence>,
    /// Mapped controls the SoA excludes: CMMC does not accept those as not applicable.
    pub excluded_controls: Vec<AnnexAControl>,
    /// Ids of the "what ISO cannot evidence" items that touch this requirement.
    pub limits: Vec<String>,
    /// Ids of those limits that held ISO evidence down to `partial`.
    pub capped_by: Vec<String>,
    /// One or two plain-English sentences saying why.
    pub explanation: String,
}

impl RequirementResult {
    /// The controls that support this requirement in the SoA (implemented or partial).
    pub fn supporting_controls(&self) -> Vec<&AnnexAControl> {
        self.evidence
            .iter()
            .filter(|e| {
                e.soa.as_ref().is_some_and(|s| {
                    matches!(
                        s.status,
                        ControlStatus::Implemented | ControlStatus::Partial
                    )
                })
            })
            .map(|e| &e.iso)
            .collect()
    }
}

/// Counts of statuses over a set of requirements.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub total: u32,
    pub met: u32,
    pub partial: u32,
    pub not_met: u32,
    pub not_applicable: u32,
    pub unknown: u32,
    /// Requirements with at least one crosswalk edge in the view.
    pub mapped: u32,
}

impl Coverage {
    fn add(&mut self, status: Status, mapped: bool) {
        self.total += 1;
        self.mapped += u32::from(mapped);
        match status {
            Status::Met => self.met += 1,
            Status::Partial => self.partial += 1,
            Status::NotMet => self.not_met += 1,
            Status::NotApplicable => self.not_applicable += 1,
            Status::Unknown => self.unknown += 1,
        }
    }

    /// Share (0-100) of requirements met or not applicable.
    pub fn met_percent(&self) -> f64 {
        percent(self.met + self.not_applicable, self.total)
    }

    /// Share (0-100) of requirements the ISO work covers at least partly (met, partial, N/A).
    pub fn covered_percent(&self) -> f64 {
        percent(self.met + self.partial + self.not_applicable, self.total)
    }
}

fn percent(n: u32, d: u32) -> f64 {
    if d == 0 {
        0.0
    } else {
        f64::from(n) * 100.0 / f64::from(d)
    }
}

/// Coverage of one family in both views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FamilyCoverage {
    pub family: Family,
    pub strict: Coverage,
    pub analysed: Coverage,
}

/// Everything the user has told us; every output is derived from it.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub answers: &'a Answers,
    pub soa: Option<&'a SoaImport>,
    /// Requirements answered directly (met / partial / not-met / not-applicable).
    pub direct: &'a BTreeMap<RequirementId, Status>,
    /// Level 3 requirements answered directly, by CMMC id (`true` = met).
    pub level3: &'a BTreeMap<String, bool>,
    pub view: View,
}

/// The whole assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub view: View,
    pub applicability: Applicability,
    /// Edition of the SoA, if one was imported.
    pub soa_edition: Option<Edition>,
    /// The 110 requirements in the standard's order, decided in `view`.
    pub requirements: Vec<RequirementResult>,
    pub overall: FamilyTotals,
    pub families: Vec<FamilyCoverage>,
    pub scoring: Scoring,
}

/// Overall coverage in both views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FamilyTotals {
    pub strict: Coverage,
    pub analysed: Coverage,
}

impl Assessment {
    /// The result for one requirement.
    pub fn requirement(&self, id: &RequirementId) -> Option<&RequirementResult> {
        self.requirements.iter().find(|r| &r.id == id)
    }

    /// Whether every requirement has been answered (by the user or the questionnaire).
    pub fn fully_answered(&self) -> bool {
        self.requirements
            .iter()
            .all(|r| matches!(r.basis, Basis::Answered | Basis::Questionnaire))
    }
}

/// Assesses the inputs against the catalog.
pub fn assess(catalog: &Catalog, inputs: &Inputs<'_>) -> Assessment {
    let soa = inputs.soa.map(|s| evidence_2022(catalog, s));
    let decide_all = |view: View| -> Vec<RequirementResult> {
        catalog
            .requirements
            .iter()
            .map(|r| decide(catalog, r, soa.as_ref(), inputs, view))
            .collect()
    };
    let strict = decide_all(View::Strict);
    let analysed = decide_all(View::Analysed);

    let mut families: Vec<FamilyCoverage> = Family::ALL
        .iter()
        .map(|&family| FamilyCoverage {
            family,
            strict: Coverage::default(),
            analysed: Coverage::default(),
        })
        .collect();
    let mut overall = FamilyTotals {
        strict: Coverage::default(),
        analysed: Coverage::default(),
    };
    for (s, a) in strict.iter().zip(&analysed) {
        let f = &mut families[usize::from(s.family.section()) - 1];
        f.strict.add(s.status, !s.evidence.is_empty());
        f.analysed.add(a.status, !a.evidence.is_empty());
        overall.strict.add(s.status, !s.evidence.is_empty());
        overall.analysed.add(a.status, !a.evidence.is_empty());
    }

    let requirements = match inputs.view {
        View::Strict => strict,
        View::Analysed => analysed,
    };
    let scoring = score(
        catalog,
        &requirements,
        inputs.level3,
        inputs.answers.has_final_l2_c3pao,
    );
    Assessment {
        view: inputs.view,
        applicability: applicability(inputs.answers),
        soa_edition: inputs.soa.and_then(|s| s.edition),
        requirements,
        overall,
        families,
        scoring,
    }
}

/// The SoA's statuses as ISO/IEC 27001:2022 controls. A 2022 control carried from several 2013
/// controls is implemented only if all of them are, excluded only if all are, and partial when
/// some of the work is done.
pub fn evidence_2022(
    catalog: &Catalog,
    soa: &SoaImport,
) -> BTreeMap<AnnexAControl, ControlEvidence> {
    let mut out: BTreeMap<AnnexAControl, ControlEvidence> = BTreeMap::new();
    for row in &soa.rows {
        let targets: Vec<AnnexAControl> = match row.control.edition() {
            Edition::Iso2022 => vec![row.control.clone()],
            Edition::Iso2013 => catalog.successors_2022(&row.control).to_vec(),
        };
        for target in targets {
            let entry = out
                .entry(target.clone())
                .or_insert_with(|| ControlEvidence {
                    control: target,
                    status: row.status,
                    rows: Vec::new(),
                });
            entry.rows.push((row.control.clone(), row.line, row.status));
        }
    }
    for ev in out.values_mut() {
        ev.status = combine(ev.rows.iter().map(|r| r.2));
    }
    out
}

/// Combines the statuses of several SoA rows that evidence one control.
fn combine(statuses: impl Iterator<Item = ControlStatus>) -> ControlStatus {
    let all: Vec<ControlStatus> = statuses.collect();
    let every = |s: ControlStatus| all.iter().all(|x| *x == s);
    let any = |s: ControlStatus| all.contains(&s);
    if all.is_empty() {
        ControlStatus::NotImplemented
    } else if every(ControlStatus::Implemented) {
        ControlStatus::Implemented
    } else if every(ControlStatus::Excluded) {
        ControlStatus::Excluded
    } else if any(ControlStatus::Implemented) || any(ControlStatus::Partial) {
        ControlStatus::Partial
    } else if any(ControlStatus::Planned) {
        ControlStatus::Planned
    } else {
        ControlStatus::NotImplemented
    }
}

/// Decides one requirement in one view.
fn decide(
    catalog: &Catalog,
    req: &Requirement,
    soa: Option<&BTreeMap<AnnexAControl, ControlEvidence>>,
    inputs: &Inputs<'_>,
    view: View,
) -> RequirementResult {
    let edges: Vec<&Edge> = catalog
        .edges_to(&req.id)
        .filter(|e| e.edition == Edition::Iso2022 && view.admits(e.provenance))
        .collect();
    let evidence: Vec<EdgeEvidence> = edges
        .iter()
        .map(|e| EdgeEvidence {
            iso: e.iso.clone(),
            relationship: e.relationship,
            provenance: e.provenance,
            nist_partial: e.nist_partial,
            rationale: e.rationale.clone(),
            soa: soa.and_then(|m| m.get(&e.iso)).cloned(),
        })
        .collect();
    let excluded_controls: Vec<AnnexAControl> = evidence
        .iter()
        .filter(|e| {
            e.soa
                .as_ref()
                .is_some_and(|s| s.status == ControlStatus::Excluded)
        })
        .map(|e| e.iso.clone())
        .collect();
    let touching: Vec<&IsoLimit> = catalog.limits_for(&req.id).collect();
    let limits: Vec<String> = touching.iter().map(|l| l.id.clone()).collect();

    let (mut inferred, mut why) = infer(&evidence, soa.is_some(), view);
    let mut capped_by = Vec::new();
    if inferred == Status::Met {
        for limit in touching.iter().filter(|l| l.caps_iso_evidence) {
            if !lifted_by_answers(&limit.id, inputs.answers) {
                capped_by.push(limit.id.clone());
            }
        }
        if !capped_by.is_empty() {
            inferred = Status::Partial;
            why = format!(
                "{why} ISO evidence cannot show the CMMC-specific part ({}), so at best partial until you confirm it.",
                capped_by
                    .iter()
                    .filter_map(|id| catalog.iso_limits.iter().find(|l| &l.id == id))
                    .map(|l| l.title.to_lowercase())
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
    }
    if !excluded_controls.is_empty() {
        why = format!(
            "{why} Your SoA excludes {}: CMMC does not accept a requirement as not applicable by choice, so this is a gap to close.",
            join_ids(&excluded_controls)
        );
    }

    let (status, basis, explanation) = if let Some(&answer) = inputs.direct.get(&req.id) {
        (
            answer,
            Basis::Answered,
            format!("You answered {}. {why}", answer.label().to_lowercase()),
        )
    } else if let Some((answer, text)) = questionnaire_answer(&req.id, inputs.answers) {
        (answer, Basis::Questionnaire, format!("{text} {why}"))
    } else if inferred == Status::Unknown {
        (Status::Unknown, Basis::NoEvidence, why)
    } else {
        (inferred, Basis::IsoEvidence, why)
    };

    RequirementResult {
        id: req.id.clone(),
        family: req.family,
        status,
        basis,
        inferred,
        evidence,
        excluded_controls,
        limits,
        capped_by,
        explanation: explanation.trim().to_string(),
    }
}

/// What the mapped controls' SoA statuses suggest for the requirement, with the reason.
fn infer(evidence: &[EdgeEvidence], have_soa: bool, view: View) -> (Status, String) {
    if evidence.is_empty() {
        let text = match view {
            View::Strict => "NIST maps no ISO/IEC 27001 control to this requirement; answer it directly, or switch to the analysed view.",
            View::Analysed => "No ISO/IEC 27001 control evidences this requirement; answer it directly.",
        };
        return (Status::Unknown, text.to_string());
    }
    if !have_soa {
        return (
            Status::Unknown,
            "Import your SoA, or answer this requirement directly.".to_string(),
        );
    }
    let present: Vec<&EdgeEvidence> = evidence.iter().filter(|e| e.soa.is_some()).collect();
    if present.is_empty() {
        return (
            Status::Unknown,
            format!(
                "None of the mapped ISO controls ({}) is in your SoA.",
                join_ids(&evidence.iter().map(|e| e.iso.clone()).collect::<Vec<_>>())
            ),
        );
    }
    let status_of = |e: &&EdgeEvidence| e.soa.as_ref().map(|s| s.status);
    let full: Vec<AnnexAControl> = present
        .iter()
        .filter(|e| status_of(e) == Some(ControlStatus::Implemented) && e.is_full())
        .map(|e| e.iso.clone())
        .collect();
    let some_work: Vec<AnnexAControl> = present
        .iter()
        .filter(|e| {
            matches!(
                status_of(e),
                Some(ControlStatus::Implemented | ControlStatus::Partial)
            )
        })
        .map(|e| e.iso.clone())
        .collect();
    let gaps: Vec<AnnexAControl> = present
        .iter()
        .filter(|e| {
            !matches!(
                status_of(e),
                Some(ControlStatus::Implemented | ControlStatus::Partial)
            )
        })
        .map(|e| e.iso.clone())
        .collect();
    let partial_work: Vec<AnnexAControl> = present
        .iter()
        .filter(|e| status_of(e) == Some(ControlStatus::Partial))
        .map(|e| e.iso.clone())
        .collect();

    if gaps.is_empty() && partial_work.is_empty() && !full.is_empty() {
        (
            Status::Met,
            format!(
                "Suggested by ISO evidence: {} implemented in your SoA. Confirm it meets the requirement as written.",
                join_ids(&full)
            ),
        )
    } else if !some_work.is_empty() {
        let mut text = format!(
            "Partly evidenced: {} implemented or in progress",
            join_ids(&some_work)
        );
        if !gaps.is_empty() {
            text.push_str(&format!(", but {} not implemented", join_ids(&gaps)));
        }
        if full.is_empty() && partial_work.is_empty() {
            text.push_str(", and NIST marks the mapping as not fully satisfying the requirement");
        }
        text.push('.');
        (Status::Partial, text)
    } else {
        (
            Status::NotMet,
            format!(
                "Not evidenced: the mapped ISO controls ({}) are not implemented or are excluded in your SoA.",
                join_ids(&gaps)
            ),
        )
    }
}

/// Questionnaire answers that decide a requirement outright.
fn questionnaire_answer(id: &RequirementId, answers: &Answers) -> Option<(Status, &'static str)> {
    match (id.as_str(), answers.has_ssp) {
        ("3.12.4", Some(true)) => Some((Status::Met, "You have a current System Security Plan.")),
        ("3.12.4", Some(false)) => Some((
            Status::NotMet,
            "You have no System Security Plan: without one there is no SPRS score.",
        )),
        _ => None,
    }
}

/// Whether a questionnaire answer confirms the CMMC-specific part an ISO limit stands for.
fn lifted_by_answers(limit: &str, answers: &Answers) -> bool {
    match limit {
        "fips-validated-crypto" => answers.fips_validated == Some(true),
        "fedramp-cloud" => matches!(
            answers.cui_storage,
            Some(
                super::questionnaire::CuiStorage::FedrampModerate
                    | super::questionnaire::CuiStorage::OnPremises
            )
        ),
        "us-persons-export-control" => answers.export_controlled == Some(false),
        _ => false,
    }
}

fn join_ids(ids: &[AnnexAControl]) -> String {
    let names: Vec<&str> = ids.iter().map(|c| c.as_str()).collect();
    match names.len() {
        0 => String::new(),
        1..=4 => names.join(", "),
        n => format!("{} and {} more", names[..3].join(", "), n - 3),
    }
}
