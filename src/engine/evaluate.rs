//! The engine's one entry point: everything the user entered ([`Input`], owned) in, the whole
//! assessment and estimate out ([`evaluate`]). The CLI, the app and the tests all call it, so
//! they cannot disagree.

use super::applicability::{applicability, warnings, Applicability, Warning};
use super::assess::{
    answers_disagree, coverage, decide_all, evidence_2022, Decide, RequirementResult,
};
use super::assessment::Assessment;
use super::catalog::Catalog;
use super::date::Date;
use super::ids::{ObjectiveId, RequirementId};
use super::plan::{estimate, CostAssumptions, Estimate};
use super::questionnaire::{Answers, CuiStorage, HeldStatus, Level};
use super::records::{PoamPlan, SystemInfo};
use super::score::{score, Level3Status, Scoring};
use super::soa::SoaImport;
use super::vocab::{counted, DirectAnswer, ObjectiveAnswer, View};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Everything the user has told us, and the day to decide for; every output is derived from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// The questionnaire's answers.
    pub answers: Answers,
    /// The imported SoA, if any (shared, so a recompute does not copy 10,000 rows).
    pub soa: Option<Arc<SoaImport>>,
    /// Requirements answered directly, with their records.
    pub direct: BTreeMap<RequirementId, DirectAnswer>,
    /// SP 800-171A assessment objectives answered, with their notes and defined values. Once
    /// any objective of a requirement is answered, its objectives decide it.
    pub objectives: BTreeMap<ObjectiveId, ObjectiveAnswer>,
    /// Level 3 requirements answered directly, by CMMC id (`true` = met).
    pub level3: BTreeMap<String, bool>,
    /// Strict (NIST's edges only) or analysed.
    pub view: View,
    /// The cost and timeline assumptions.
    pub costs: CostAssumptions,
    /// The system the SSP describes.
    pub system: SystemInfo,
    /// The POA&M's plan per open item, keyed by the item's id as the POA&M shows it: the SP
    /// 800-171 r2 id for Level 2 (`3.1.1`), the CMMC id for Level 3 (`AC.L3-3.1.2e`, as
    /// `level3` is keyed).
    pub poam: BTreeMap<String, PoamPlan>,
    /// The date the rules are applied on (phase, expiry, the age of an SPRS assessment). The
    /// engine never reads a clock.
    pub date: Date,
}

impl Input {
    /// Nothing answered, no SoA, strict view, default assumptions, on `date`.
    pub fn on(date: Date) -> Input {
        Input {
            answers: Answers::default(),
            soa: None,
            direct: BTreeMap::new(),
            objectives: BTreeMap::new(),
            level3: BTreeMap::new(),
            view: View::Strict,
            costs: CostAssumptions::default(),
            system: SystemInfo::default(),
            poam: BTreeMap::new(),
            date,
        }
    }
}

/// The assessment and the estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Statuses, scores, what applies.
    pub assessment: Assessment,
    /// Cost, timeline and paths.
    pub estimate: Estimate,
}

/// Decides, scores and checks the inputs against the catalog (no estimate).
pub fn assess(catalog: &Catalog, input: &Input) -> Assessment {
    let soa = input.soa.as_deref().map(|s| evidence_2022(catalog, s));
    let decide = Decide {
        answers: &input.answers,
        soa: soa.as_ref(),
        direct: &input.direct,
        objectives: &input.objectives,
    };
    let strict = decide_all(catalog, &decide, View::Strict);
    let analysed = decide_all(catalog, &decide, View::Analysed);
    let (overall, families) = coverage(&strict, &analysed);
    let requirements = match input.view {
        View::Strict => strict,
        View::Analysed => analysed,
    };
    let applicability = applicability(&input.answers, input.date);
    let mut scoring = score(
        catalog,
        &requirements,
        &input.level3,
        level3_prerequisite(&input.answers, &applicability),
    );
    if input.answers.handles_cui == Some(true)
        && input.answers.cui_storage == Some(CuiStorage::CommercialCloud)
    {
        scoring.note_commercial_cloud();
    }
    if applicability.level == Level::None && applicability.planning.is_some() {
        scoring.note_planning();
    }
    let mut warnings = warnings(
        &input.answers,
        &applicability,
        Some((scoring.sprs.low, scoring.sprs.high)),
    );
    warnings.extend(answers_disagree(&requirements, &input.answers));
    warnings.extend(level3_on_open_level2(&requirements, &scoring));
    Assessment {
        view: input.view,
        applicability,
        soa_edition: input.soa.as_deref().and_then(|s| s.edition),
        requirements,
        overall,
        families,
        scoring,
        warnings,
    }
}

/// The Level 3 prerequisite (32 CFR 170.18(a)) as the user reported it: a held Final Level 2
/// (C3PAO), or a Level 3 status, not expired on the date (undated, it is taken as current) and
/// not dated after it. A score computed from self-answers never stands in for it.
fn level3_prerequisite(answers: &Answers, app: &Applicability) -> bool {
    let held = matches!(
        answers.current_status,
        Some(
            HeldStatus::L2C3paoFinal | HeldStatus::L3DibcacFinal | HeldStatus::L3DibcacConditional
        )
    );
    let future = answers.status_date.is_some_and(|d| d > app.date);
    held && !future && !app.lifecycle.as_ref().is_some_and(|l| l.expired)
}

/// A Level 3 status beside Level 2 answers that are not all met: the Level 3 assessment needs a
/// maximum score on the Level 2 certification assessment of the same scope (32 CFR 170.24(c)(3),
/// 170.18(a)), and the Level 2 status held is affirmed every year as still met (170.22). The
/// held status is what counts; the user's own findings say it may not hold (the assessor's
/// review, 2026-12-07).
fn level3_on_open_level2(requirements: &[RequirementResult], scoring: &Scoring) -> Option<Warning> {
    if !matches!(
        scoring.level3.status,
        Level3Status::Final | Level3Status::Conditional | Level3Status::NotEligible
    ) {
        return None;
    }
    let open: Vec<&str> = requirements
        .iter()
        .filter(|r| r.basis.is_confirmed() && !r.status.is_satisfied())
        .map(|r| r.id.as_str())
        .collect();
    if open.is_empty() {
        return None;
    }
    Some(Warning {
        id: "level3-on-open-level2",
        text: format!(
            "Your Level 3 result rests on the Level 2 (C3PAO) status you hold, but your own answers find {} not met ({}). A Level 3 assessment needs a maximum score on the Level 2 certification assessment of the same scope, and the Level 2 status is affirmed every year as still met: close these first.",
            counted(open.len(), "Level 2 requirement", "Level 2 requirements"),
            open.join(", ")
        ),
        citation: "32 CFR 170.24(c)(3); 32 CFR 170.18(a); 32 CFR 170.22",
    })
}

/// Everything: the assessment, then the estimate from it.
pub fn evaluate(catalog: &Catalog, input: &Input) -> Evaluation {
    let assessment = assess(catalog, input);
    let estimate = estimate(catalog, &assessment, &input.answers, &input.costs);
    Evaluation {
        assessment,
        estimate,
    }
}
