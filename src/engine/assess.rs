//! Coverage and gaps: for each of the 110 requirements, a status and the chain of evidence that
//! explains it, from its assessment objectives, direct answers, the questionnaire, or the SoA
//! through the crosswalk (in that order of precedence: see `settle`).
//!
//! ISO evidence is always evaluated in ISO/IEC 27001:2022 space: a 2013 SoA is first carried
//! through the ISO/IEC 27002:2022 Annex B correspondence, so there is one inference mechanism.
//! Edges are weighed in tiers (NIST's own Appendix D edges first, then NIST's two-hop OLIR
//! composition, then this project's analysis), and a weaker tier may add evidence but never
//! lowers what a stronger one decided. An ISO exclusion is neither evidence for nor against.

use super::catalog::{Catalog, Edge, IsoLimit, Provenance, Relationship, Requirement};
use super::ids::{AnnexAControl, Edition, Family, ObjectiveId, RequirementId};
use super::questionnaire::{Answers, CuiStorage, Encryption};
use super::soa::ControlStatus;
use super::vocab::{Basis, DirectAnswer, ObjectiveAnswer, Status, View, FIPS_CRYPTO, SSP};
pub use evidence::evidence_2022;
use objectives::ObjectiveFindings;
use serde::Serialize;
use settle::settle;
use ssp::settle_ssp;
use std::collections::BTreeMap;

mod coverage;
mod disagree;
mod evidence;
mod objectives;
mod settle;
mod ssp;

pub use coverage::{coverage, Coverage, FamilyCoverage, FamilyTotals};
pub use disagree::answers_disagree;

/// The SoA's word on one ISO/IEC 27001:2022 control, possibly carried from 2013 controls.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlEvidence {
    /// The 2022 control.
    pub control: AnnexAControl,
    /// The status the rows combine to.
    pub status: ControlStatus,
    /// The SoA rows it comes from: `(control as written in the SoA's edition, line, status)`.
    pub rows: Vec<(AnnexAControl, usize, ControlStatus)>,
    /// The rows' justifications, verbatim (non-empty ones, joined).
    pub justification: String,
}

/// One crosswalk edge behind a requirement, with what the SoA says of its control.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EdgeEvidence {
    /// The ISO control.
    pub iso: AnnexAControl,
    /// How it relates to the requirement.
    pub relationship: Relationship,
    /// Where the edge comes from.
    pub provenance: Provenance,
    /// NIST marks the control `*` (does not fully satisfy the intent).
    pub nist_partial: bool,
    /// For analysis edges: why.
    pub rationale: Option<String>,
    /// A known error in NIST's Appendix D that this edge rests on: shown, never used as evidence.
    pub erratum: Option<String>,
    /// The SP 800-53 controls the edge passes through.
    pub via_800_53: Vec<String>,
    /// `None` when the control is not in the SoA (or there is no SoA).
    pub soa: Option<ControlEvidence>,
}

impl EdgeEvidence {
    /// The control as the SoA wrote it: the 2022 id, and where the file is of 2013 the rows it
    /// was carried from (`A.5.15 (your A.9.1.1, A.9.1.2)`), so a reader finds their own rows.
    pub fn as_written(&self) -> String {
        let carried: Vec<&str> = self
            .soa
            .iter()
            .flat_map(|s| s.rows.iter())
            .filter(|r| r.0 != self.iso)
            .map(|r| r.0.as_str())
            .collect();
        if carried.is_empty() {
            self.iso.to_string()
        } else {
            format!("{} (your {})", self.iso, carried.join(", "))
        }
    }

    /// Whether the edge can carry the whole requirement on its own. NIST's unstarred Appendix D
    /// edges can (NIST says the control satisfies the intent); a `*` or `subset-of` edge never can;
    /// and the project's own `intersects-with` analysis edges only ever show partial support,
    /// because each rationale names something the ISO control does not require.
    pub fn is_full(&self) -> bool {
        tier(self.provenance) == Tier::Nist
            && !self.nist_partial
            && self.relationship != Relationship::SubsetOf
    }

    fn status(&self) -> Option<ControlStatus> {
        self.soa.as_ref().map(|s| s.status)
    }
}

/// How much an edge's provenance can carry, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    /// NIST's own Appendix D edges (and their Annex B composition for 2022): an unstarred one
    /// can carry a requirement.
    Nist,
    /// NIST's OLIR mapping of SP 800-53 r5 to ISO/IEC 27001:2022, composed with Appendix D: two
    /// `intersect` hops are at best `intersects-with`, so alone it suggests partial, never met.
    NistOlir,
    /// This project's analysis: never more than partial.
    Analysis,
}

fn tier(p: Provenance) -> Tier {
    match p {
        Provenance::NistAppendixD | Provenance::AppendixDViaAnnexB => Tier::Nist,
        Provenance::NistOlir => Tier::NistOlir,
        Provenance::Analysis => Tier::Analysis,
    }
}

/// A mapped control the SoA excludes, with the SoA's reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExcludedControl {
    /// The control.
    pub control: AnnexAControl,
    /// The SoA's justification, verbatim (empty when it gives none).
    pub justification: String,
}

/// The decision on one requirement and everything that explains it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementResult {
    /// The requirement.
    pub id: RequirementId,
    /// Its family.
    pub family: Family,
    /// The decided status.
    pub status: Status,
    /// Where it comes from.
    pub basis: Basis,
    /// True only in one of the two named partial-credit states of 32 CFR
    /// 170.24(c)(2)(i)(B)(4) (3.5.3 MFA for remote and privileged users only; 3.13.11 encryption
    /// employed but not FIPS-validated), set by a direct answer or, for 3.13.11, the
    /// questionnaire; never by ISO evidence.
    pub partial_credit: bool,
    /// The direct answer, with its record, when the user gave one.
    pub answer: Option<DirectAnswer>,
    /// How its SP 800-171A assessment objectives are answered.
    pub objectives: ObjectiveTally,
    /// The objectives answered not met, which keep the requirement NOT MET.
    pub open_objectives: Vec<ObjectiveId>,
    /// What ISO evidence alone suggests in this view (also when the user answered directly).
    pub inferred: Status,
    /// The edges admitted by the view, each with the SoA's status of its control.
    pub evidence: Vec<EdgeEvidence>,
    /// Mapped controls the SoA excludes, with its justification: neither evidence for nor
    /// against; the user confirms whether the requirement is N/A or a gap.
    pub excluded: Vec<ExcludedControl>,
    /// Mapped controls the SoA excludes (the ids of `excluded`).
    pub excluded_controls: Vec<AnnexAControl>,
    /// True when the SoA excludes every mapped control and the user has not answered it: the
    /// app asks "not applicable in the CUI environment, or a gap?".
    pub needs_confirmation: bool,
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
                matches!(
                    e.status(),
                    Some(ControlStatus::Implemented | ControlStatus::Partial)
                )
            })
            .map(|e| &e.iso)
            .collect()
    }
}

/// How a requirement's assessment objectives are answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ObjectiveTally {
    /// Its objectives (at least one each).
    pub total: u32,
    /// Answered met.
    pub met: u32,
    /// Answered not met.
    pub not_met: u32,
    /// Answered not applicable (equivalent to met, 32 CFR 170.24(b)(3)).
    pub not_applicable: u32,
}

impl ObjectiveTally {
    /// Objectives with a finding.
    pub fn answered(&self) -> u32 {
        self.met + self.not_met + self.not_applicable
    }
}

/// What deciding a requirement needs from the user's inputs.
#[derive(Debug, Clone, Copy)]
pub struct Decide<'a> {
    /// The questionnaire's answers.
    pub answers: &'a Answers,
    /// The SoA's statuses in 2022 space ([`evidence_2022`]), when there is an SoA.
    pub soa: Option<&'a BTreeMap<AnnexAControl, ControlEvidence>>,
    /// Requirements answered directly.
    pub direct: &'a BTreeMap<RequirementId, DirectAnswer>,
    /// Assessment objectives answered.
    pub objectives: &'a BTreeMap<ObjectiveId, ObjectiveAnswer>,
}

/// Decides every requirement in one view, in the standard's order.
pub fn decide_all(catalog: &Catalog, inputs: &Decide<'_>, view: View) -> Vec<RequirementResult> {
    catalog
        .requirements
        .iter()
        .map(|r| decide(catalog, r, inputs, view))
        .collect()
}

/// Decides one requirement in one view: the evidence behind it, what the ISO evidence
/// suggests, then the status it counts as.
fn decide(
    catalog: &Catalog,
    req: &Requirement,
    inputs: &Decide<'_>,
    view: View,
) -> RequirementResult {
    let evidence = edge_evidence(catalog, req, inputs, view);
    let excluded = excluded_controls(&evidence);
    let touching: Vec<&IsoLimit> = catalog.limits_for(&req.id).collect();
    // A limit whose subject the answers rule out (no export-controlled CUI) is not listed.
    let limits: Vec<String> = touching
        .iter()
        .filter(|l| !ruled_out_by_answers(&l.id, inputs.answers))
        .map(|l| l.id.clone())
        .collect();
    let (inferred, why, capped_by) =
        iso_verdict(catalog, req, inputs, view, &evidence, &excluded, &touching);
    let direct = inputs.direct.get(&req.id);
    let findings = ObjectiveFindings::of(catalog, req, inputs.objectives);
    let (status, basis, partial_credit, explanation) = settle_ssp(
        req,
        direct,
        settle(req, &findings, direct, inputs.answers, inferred, why),
    );
    RequirementResult {
        id: req.id.clone(),
        family: req.family,
        status,
        basis,
        partial_credit,
        answer: direct.cloned(),
        objectives: findings.tally,
        inferred,
        needs_confirmation: excluded_entirely(&evidence)
            && direct.is_none()
            && findings.tally.answered() == 0,
        open_objectives: findings.not_met,
        excluded_controls: excluded.iter().map(|x| x.control.clone()).collect(),
        excluded,
        evidence,
        limits,
        capped_by,
        explanation: explanation.trim().to_string(),
    }
}

/// Every 2022 edge into the requirement that the view admits, with the SoA's word on its
/// control.
fn edge_evidence(
    catalog: &Catalog,
    req: &Requirement,
    inputs: &Decide<'_>,
    view: View,
) -> Vec<EdgeEvidence> {
    catalog
        .edges_to(&req.id)
        .filter(|e| e.edition == Edition::Iso2022 && view.admits(e.provenance))
        .map(|e: &Edge| EdgeEvidence {
            iso: e.iso.clone(),
            relationship: e.relationship,
            provenance: e.provenance,
            nist_partial: e.nist_partial,
            rationale: e.rationale.clone(),
            erratum: e.erratum.clone(),
            via_800_53: e.via_800_53.clone(),
            soa: inputs.soa.and_then(|m| m.get(&e.iso)).cloned(),
        })
        .collect()
}

/// The controls behind sound edges that the SoA excludes, with their justifications.
/// Whether the SoA excludes every mapped control that counts: only then does the exclusion say
/// anything about the requirement, and the app asks whether it applies to the CUI environment.
/// With other mapped controls in the SoA, those carry the requirement (or do not), and asking
/// "not applicable, or a gap?" of a requirement such as 3.1.1 invites a false N/A (the user
/// walk-through of 2026-12-07: one click on 3.1.1 with A.8.26 excluded gave +5 points and an
/// unrelated reason in the SSP).
fn excluded_entirely(evidence: &[EdgeEvidence]) -> bool {
    let mut counting = evidence.iter().filter(|e| e.erratum.is_none()).peekable();
    counting.peek().is_some()
        && counting.all(|e| {
            e.soa
                .as_ref()
                .is_some_and(|s| s.status == ControlStatus::Excluded)
        })
}

fn excluded_controls(evidence: &[EdgeEvidence]) -> Vec<ExcludedControl> {
    evidence
        .iter()
        .filter(|e| e.erratum.is_none())
        .filter_map(|e| {
            let soa = e.soa.as_ref()?;
            (soa.status == ControlStatus::Excluded).then(|| ExcludedControl {
                control: e.iso.clone(),
                justification: soa.justification.clone(),
            })
        })
        .collect()
}

/// What the ISO evidence suggests, the reason, and the ISO limits that capped it: the tiers'
/// verdict, at best partial where a limit applies that the answers do not lift, with notes on
/// partial credit and on exclusions.
fn iso_verdict(
    catalog: &Catalog,
    req: &Requirement,
    inputs: &Decide<'_>,
    view: View,
    evidence: &[EdgeEvidence],
    excluded: &[ExcludedControl],
    touching: &[&IsoLimit],
) -> (Status, String, Vec<String>) {
    let (mut inferred, mut why) = infer(evidence, inputs.soa.is_some(), view);
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
    if inferred == Status::Partial && req.partial_points.is_some() {
        why.push_str(" Partly evidenced by ISO work scores as not met (full points) until you confirm which state holds: partial credit is given only in the state 32 CFR 170.24(c)(2)(i)(B)(4) names.");
    }
    if !excluded.is_empty() {
        let named: Vec<String> = excluded
            .iter()
            .map(|x| {
                if x.justification.is_empty() {
                    x.control.to_string()
                } else {
                    format!("{} (\u{201c}{}\u{201d})", x.control, x.justification)
                }
            })
            .collect();
        // Only an exclusion of every mapped control says anything about whether the requirement
        // applies; beside controls that carry it, asking "N/A or a gap?" invites a false N/A
        // (the re-review of 2026-12-07 found the question left in this text after the prompt
        // had gone).
        why = if excluded_entirely(evidence) {
            format!(
                "{why} Your SoA excludes {}, every control that maps to this requirement. An ISO exclusion is neither evidence for nor against: confirm whether the requirement does not apply to the CUI environment (assessed N/A and counted as met, with a justification in the SSP) or is a gap. CMMC forbids leaving out a requirement that applies: there is no exclusion by risk choice as in ISO/IEC 27001.",
                named.join(", ")
            )
        } else {
            format!(
                "{why} Your SoA excludes {}: an ISO exclusion is neither evidence for nor against, so the other mapped controls decide what the ISO evidence suggests.",
                named.join(", ")
            )
        };
    }
    (inferred, why, capped_by)
}

/// Introduces, in an answered requirement's explanation, what the ISO evidence alone would say;
/// the POA&M's weakness stops before it.
pub(crate) const ISO_ASIDE: &str = "Without your answer, the ISO evidence alone would say:";

/// `text` with `sentence` added to the finding, before the aside on what the ISO evidence alone
/// would say ([`ISO_ASIDE`]) when there is one: the aside stays last, so the SSP can leave it
/// out of a confirmed requirement's explanation.
pub(crate) fn before_aside(text: &str, sentence: &str) -> String {
    match text.find(ISO_ASIDE) {
        Some(i) => format!("{} {sentence} {}", text[..i].trim_end(), &text[i..]),
        None => format!("{text} {sentence}"),
    }
}

/// The verdict of one tier of edges, with the controls behind it.
struct Verdict {
    status: Status,
    text: String,
}

/// What the mapped controls' SoA statuses suggest for the requirement, with the reason. Tiers
/// are weighed strongest first; a weaker tier may raise the verdict (unknown to partial, say)
/// or add a note, never lower it.
fn infer(all: &[EdgeEvidence], have_soa: bool, view: View) -> (Status, String) {
    // Edges resting on a known NIST error are shown with their reason but never weighed.
    let errata: Vec<&EdgeEvidence> = all.iter().filter(|e| e.erratum.is_some()).collect();
    let evidence: Vec<EdgeEvidence> = all
        .iter()
        .filter(|e| e.erratum.is_none())
        .cloned()
        .collect();
    let (status, mut text) = infer_from(&evidence, have_soa, view);
    for e in errata {
        text.push_str(&format!(
            " {} is not counted: {}",
            e.iso,
            e.erratum.as_deref().unwrap_or_default()
        ));
    }
    (status, text)
}

fn infer_from(evidence: &[EdgeEvidence], have_soa: bool, view: View) -> (Status, String) {
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
    let mut tiers: Vec<Tier> = evidence.iter().map(|e| tier(e.provenance)).collect();
    tiers.sort();
    tiers.dedup();
    let mut best: Option<Verdict> = None;
    let mut notes: Vec<String> = Vec::new();
    for t in tiers {
        let edges: Vec<&EdgeEvidence> = evidence
            .iter()
            .filter(|e| tier(e.provenance) == t)
            .collect();
        let v = tier_verdict(&edges, t);
        match &best {
            None => best = Some(v),
            Some(b) if rank(v.status) > rank(b.status) => best = Some(v),
            Some(b) => {
                // A weaker tier that would say less is a note, not a verdict.
                let open: Vec<AnnexAControl> = edges
                    .iter()
                    .filter(|e| {
                        matches!(
                            e.status(),
                            Some(ControlStatus::Planned | ControlStatus::NotImplemented)
                        )
                    })
                    .map(|e| e.iso.clone())
                    .collect();
                if !open.is_empty() && b.status.strength() > 0 {
                    notes.push(format!(
                        "{} also bear{} on it ({}) and {} open in your SoA; that does not lower the verdict from NIST's mapping.",
                        join_ids(&open),
                        if open.len() == 1 { "s" } else { "" },
                        t.describe(),
                        if open.len() == 1 { "is" } else { "are" }
                    ));
                }
            }
        }
    }
    let v = best.unwrap_or(Verdict {
        status: Status::Unknown,
        text: String::new(),
    });
    let mut text = v.text;
    for n in notes {
        text.push(' ');
        text.push_str(&n);
    }
    (v.status, text)
}

/// Orders verdicts for "never lower": unknown < not met < partial < met.
fn rank(s: Status) -> u8 {
    match s {
        Status::Unknown => 0,
        Status::NotMet => 1,
        Status::Partial => 2,
        Status::Met | Status::NotApplicable => 3,
    }
}

impl Tier {
    fn describe(self) -> &'static str {
        match self {
            Tier::Nist => "NIST's Appendix D mapping",
            Tier::NistOlir => "NIST's OLIR mapping for ISO/IEC 27001:2022",
            Tier::Analysis => "this project's analysis",
        }
    }
}

/// The verdict when no mapped control is stated: none in the SoA, only excluded ones, or only
/// ones listed without a status.
fn nothing_stated(edges: &[&EdgeEvidence], t: Tier) -> Verdict {
    let all: Vec<AnnexAControl> = edges.iter().map(|e| e.iso.clone()).collect();
    let any_excluded = edges
        .iter()
        .any(|e| e.status() == Some(ControlStatus::Excluded));
    let unstated: Vec<AnnexAControl> = edges
        .iter()
        .filter(|e| e.status() == Some(ControlStatus::Unknown))
        .map(|e| e.iso.clone())
        .collect();
    let text = if !unstated.is_empty() {
        format!(
            "Your SoA lists {} without saying whether it is implemented, so ISO evidence says nothing yet: say how to read its status in the import review, or answer directly.",
            join_ids(&unstated)
        )
    } else if any_excluded {
        format!(
            "Only excluded controls ({}) map to it in {}, so ISO evidence says nothing either way.",
            join_ids(&all),
            t.describe()
        )
    } else {
        format!(
            "None of the mapped ISO controls ({}) is in your SoA.",
            join_ids(&all)
        )
    };
    Verdict {
        status: Status::Unknown,
        text,
    }
}

/// The verdict of one tier's edges. Excluded controls are left out: an exclusion is neither
/// evidence for nor against. A mapped control the SoA does not list, or lists without saying
/// whether it is implemented, is not stated: it is no evidence against, but no evidence for
/// either, so the requirement is at most partly evidenced until every mapped control is stated.
/// (Before the assessor's review of 2026-12-07 such controls were left out, so an SoA that said
/// less got more credit: one implemented row suggested 3.1.1 met, and adding "A.5.15, Not
/// implemented" lowered it.)
fn tier_verdict(edges: &[&EdgeEvidence], t: Tier) -> Verdict {
    // An exclusion is neither for nor against, and a control the SoA lists without saying
    // whether it is implemented is no evidence either.
    let present: Vec<&&EdgeEvidence> = edges
        .iter()
        .filter(|e| {
            e.soa.is_some()
                && !matches!(
                    e.status(),
                    Some(ControlStatus::Excluded | ControlStatus::Unknown)
                )
        })
        .collect();
    if present.is_empty() {
        return nothing_stated(edges, t);
    }
    // Named as the SoA wrote them: a 2013 file's reader sees its own ids beside the 2022 ones.
    let ids = |pred: &dyn Fn(&EdgeEvidence) -> bool| -> Vec<String> {
        present
            .iter()
            .filter(|e| pred(e))
            .map(|e| e.as_written())
            .collect()
    };
    let done = |e: &EdgeEvidence| {
        matches!(
            e.status(),
            Some(ControlStatus::Implemented | ControlStatus::Partial)
        )
    };
    let full = ids(&|e| e.status() == Some(ControlStatus::Implemented) && e.is_full());
    let some_work = ids(&done);
    let gaps = ids(&|e| !done(e));
    // The gaps as the SoA says them: "planned" is not "not implemented" (the walk-through of
    // 2026-12-07 read A.6.7 "not implemented" beside a row that said "planned").
    let gaps_said = {
        let planned = ids(&|e| e.status() == Some(ControlStatus::Planned));
        let missing = ids(&|e| !done(e) && e.status() != Some(ControlStatus::Planned));
        [
            (!missing.is_empty()).then(|| format!("{} not implemented", join_names(&missing))),
            (!planned.is_empty()).then(|| format!("{} only planned", join_names(&planned))),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" and ")
    };
    let partial_work = ids(&|e| e.status() == Some(ControlStatus::Partial));
    let unstated: Vec<String> = edges
        .iter()
        .filter(|e| e.soa.is_none() || e.status() == Some(ControlStatus::Unknown))
        .map(|e| e.as_written())
        .collect();

    if gaps.is_empty() && partial_work.is_empty() && !full.is_empty() && unstated.is_empty() {
        Verdict {
            status: Status::Met,
            text: format!(
                "Suggested by ISO evidence: {} implemented in your SoA. Confirm it meets the requirement as written.",
                join_names(&full)
            ),
        }
    } else if !some_work.is_empty() {
        let mut text = format!(
            "Partly evidenced: {} implemented or in progress",
            join_names(&some_work)
        );
        if !gaps.is_empty() {
            text.push_str(&format!(", but {gaps_said}"));
        }
        if !unstated.is_empty() {
            text.push_str(&format!(
                "{} your SoA does not say whether {} {} implemented",
                if gaps.is_empty() { ", but" } else { ", and" },
                join_names(&unstated),
                if unstated.len() == 1 { "is" } else { "are" }
            ));
        }
        if full.is_empty() && partial_work.is_empty() {
            text.push_str(match t {
                Tier::Nist => ", and NIST marks the mapping as not fully satisfying the requirement",
                Tier::NistOlir => ", through NIST's two-hop OLIR mapping, which shows overlap, never that the control is enough",
                Tier::Analysis => ", and this project's analysis finds the control covers only part of the requirement",
            });
        }
        text.push('.');
        Verdict {
            status: Status::Partial,
            text,
        }
    } else {
        Verdict {
            status: Status::NotMet,
            text: format!("Not evidenced: in your SoA, {gaps_said}."),
        }
    }
}

/// Questionnaire answers that decide a requirement outright: the SSP question answers 3.12.4,
/// the encryption question 3.13.11 (with its named partial state).
fn questionnaire_answer(
    id: &RequirementId,
    answers: &Answers,
) -> Option<(Status, bool, &'static str)> {
    match (id.as_str(), answers.has_ssp, answers.encryption) {
        (SSP, Some(true), _) => Some((Status::Met, false, "A current System Security Plan exists (the questionnaire's answer).")),
        (SSP, Some(false), _) => Some((
            Status::NotMet,
            false,
            "There is no System Security Plan (the questionnaire's answer): without one there is no SPRS score.",
        )),
        (FIPS_CRYPTO, _, Some(Encryption::FipsValidated)) => Some((
            Status::Met,
            false,
            "CUI is encrypted with FIPS-validated modules (the questionnaire's answer).",
        )),
        (FIPS_CRYPTO, _, Some(Encryption::Fips1402Historical)) => Some((
            Status::Met,
            false,
            "CUI is encrypted with FIPS 140-2 validated modules, whose certificates are now historical (the questionnaire's answer): counted as validated; check each module's certificate, version and approved mode.",
        )),
        (FIPS_CRYPTO, _, Some(Encryption::NotValidated)) => Some((
            Status::Partial,
            true,
            "CUI is encrypted, but not with FIPS-validated modules (the questionnaire's answer): the named partial state (3 points, may sit on a POA&M).",
        )),
        (FIPS_CRYPTO, _, Some(Encryption::None)) => Some((
            Status::NotMet,
            false,
            "CUI is not encrypted (the questionnaire's answer).",
        )),
        _ => None,
    }
}

/// Whether the answers say an ISO limit's subject is absent (not merely confirmed): then it does
/// not touch the requirement at all.
fn ruled_out_by_answers(limit: &str, answers: &Answers) -> bool {
    limit == "us-persons-export-control" && answers.export_controlled == Some(false)
}

/// Whether a questionnaire answer confirms the CMMC-specific part an ISO limit stands for.
fn lifted_by_answers(limit: &str, answers: &Answers) -> bool {
    match limit {
        "fips-validated-crypto" => matches!(
            answers.encryption,
            Some(Encryption::FipsValidated | Encryption::Fips1402Historical)
        ),
        "fedramp-cloud" => matches!(
            answers.cui_storage,
            Some(CuiStorage::FedrampModerate | CuiStorage::OnPremises)
        ),
        "us-persons-export-control" => answers.export_controlled == Some(false),
        _ => false,
    }
}

/// Control ids for a sentence: all of them up to four, else the first three and a count.
pub fn join_ids(ids: &[AnnexAControl]) -> String {
    let names: Vec<String> = ids.iter().map(|c| c.to_string()).collect();
    join_names(&names)
}

/// Names joined for a sentence, the first three and a count past four.
fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1..=4 => names.join(", "),
        n => format!("{} and {} more", names[..3].join(", "), n - 3),
    }
}
