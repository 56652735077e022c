//! The SPRS score (32 CFR 170.24, DoD Assessment Methodology) and the CMMC statuses it leads to:
//! Level 1 met or not, Level 2 final / conditional / not eligible / no SSP (32 CFR 170.21),
//! Level 3 with its own POA&M rules.

use super::assess::RequirementResult;
use super::catalog::{Catalog, Level3Poam, Requirement};
use super::ids::RequirementId;
use super::vocab::{Status, SSP};
use serde::Serialize;
use std::collections::BTreeMap;

/// The maximum Level 2 score (32 CFR 170.24(c)(2)).
pub const MAX_SCORE: i32 = 110;
/// The minimum score for a Conditional Level 2 status: 80% of 110 (32 CFR 170.21(a)(2)(i)).
pub const CONDITIONAL_MIN_SCORE: i32 = 88;
/// Days to close out a POA&M after the Conditional status date (32 CFR 170.21(b)).
pub const POAM_CLOSEOUT_DAYS: u32 = 180;
/// Level 3 requirements that must be met for a Conditional Level 3 status: 20 of 24 (>= 80%).
pub const LEVEL3_CONDITIONAL_MIN: usize = 20;

/// Which answers a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Counting {
    /// Only what the user confirmed (direct answers and the questionnaire).
    Confirmed,
    /// Also what ISO evidence suggests.
    WithIsoEvidence,
}

/// The status a figure uses for a requirement under a counting rule. Unknown counts as not met.
pub fn effective(r: &RequirementResult, counting: Counting) -> Status {
    match (counting, r.basis.is_confirmed(), r.status) {
        (_, _, Status::Unknown) => Status::NotMet,
        (Counting::Confirmed, false, _) => Status::NotMet,
        (_, _, s) => s,
    }
}

/// Points a requirement loses in a status (32 CFR 170.24(c)(2)(i)(B)). Partial credit (3
/// instead of 5) only in the two named states (`partial_credit`, see
/// [`RequirementResult::partial_credit`]); any other partial implementation is NOT MET.
pub fn deduction(req: &Requirement, status: Status, partial_credit: bool) -> i32 {
    let points = i32::from(req.points.unwrap_or(0));
    match status {
        Status::Met | Status::NotApplicable => 0,
        Status::Partial if partial_credit => req.partial_points.map_or(points, i32::from),
        Status::Partial | Status::NotMet | Status::Unknown => points,
    }
}

/// The points a requirement loses under a counting rule.
pub fn points_lost(req: &Requirement, r: &RequirementResult, counting: Counting) -> i32 {
    let status = effective(r, counting);
    deduction(req, status, r.partial_credit && status == Status::Partial)
}

/// Whether an open requirement may sit on a POA&M under a counting rule (32 CFR 170.21(a)(2)).
pub fn poam_allowed(req: &Requirement, r: &RequirementResult, counting: Counting) -> bool {
    let status = effective(r, counting);
    req.poam
        .allows(status, r.partial_credit && status == Status::Partial)
}

/// The state of the System Security Plan (3.12.4), which decides whether there is a score at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SspState {
    Confirmed,
    /// Not answered yet: the score assumes one will exist.
    Unconfirmed,
    /// Answered "no": no score can be given.
    Missing,
}

/// What both ends of the score assume while 3.12.4 is not answered: without an SSP there is no
/// score, so a figure is only a score once the SSP is confirmed (the assessor's review of
/// 2026-12-07: an SSP export said "110 confirmed" with 3.12.4 unanswered).
pub const SSP_ASSUMED: &str = "Both figures assume a System Security Plan: 3.12.4 is not answered yet, and without an SSP there is no score (32 CFR 170.24(c)(2)(i)(B)(5)).";

/// The SPRS score as a range while answers are incomplete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SprsRange {
    /// Counting only confirmed answers (and, while `ssp` is `Unconfirmed`, assuming an SSP: see
    /// [`SSP_ASSUMED`]). `None` without an SSP.
    pub low: Option<i32>,
    /// Also counting what ISO evidence suggests. `None` without an SSP.
    pub high: Option<i32>,
    pub max: i32,
    pub min: i32,
    /// True when every requirement is answered, so low equals high.
    pub exact: bool,
    pub ssp: SspState,
}

impl SprsRange {
    /// Whether the figures assume an SSP nobody confirmed yet ([`SSP_ASSUMED`]).
    pub fn assumes_ssp(&self) -> bool {
        self.ssp == SspState::Unconfirmed
    }
}

/// Level 2 status per 32 CFR 170.21(a)(2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level2Status {
    Final,
    Conditional,
    NotEligible,
    NoSsp,
}

impl Level2Status {
    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            Level2Status::Final => "Final Level 2",
            Level2Status::Conditional => "Conditional Level 2",
            Level2Status::NotEligible => "Not eligible",
            Level2Status::NoSsp => "No SSP: no score",
        }
    }
}

/// The Level 2 status told truthfully: what the confirmed answers give, and what counting the
/// ISO suggestions as well would give. A score counts requirements assessed MET (32 CFR
/// 170.24(c)(2)), so the confirmed one is the status; the other is a forecast, always said to be
/// one (the assessor's review, 2026-12-07: a "Final Level 2" had been shown and exported on ISO
/// suggestions nobody confirmed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Level2Reading {
    /// On the answers the user confirmed.
    pub confirmed: Level2Status,
    /// Counting what the ISO evidence suggests as well.
    pub with_iso: Level2Status,
    /// CUI is in a cloud without FedRAMP Moderate authorization or equivalency (or the user is
    /// not sure): a Final or Conditional status is then only what the requirements give, and the
    /// text says the cloud must be settled first (DFARS 252.204-7012(b)(2)(ii)(D); the
    /// assessor's review, 2026-12-07: "Final Level 2" beside a commercial cloud).
    pub cloud: bool,
}

/// What a status that passes on the requirements still needs when CUI is in a cloud without
/// FedRAMP Moderate: the sentence [`Level2Reading::text`] and the Level 2 summaries add.
pub const CLOUD_CAVEAT: &str = "only once CUI is out of the cloud without FedRAMP Moderate authorization or equivalency, or its equivalency is shown (DFARS 252.204-7012(b)(2)(ii)(D))";

impl Level2Reading {
    /// True when counting the ISO suggestions changes the status.
    pub fn differs(self) -> bool {
        self.confirmed != self.with_iso
    }

    /// The status in words: `Final Level 2`, or `Not eligible on the answers confirmed; Final
    /// Level 2 if every ISO suggestion is confirmed`.
    pub fn text(self) -> String {
        let text = if self.differs() {
            format!(
                "{} on the answers confirmed; {} if every ISO suggestion is confirmed",
                self.confirmed.label(),
                self.with_iso.label()
            )
        } else {
            self.confirmed.label().to_string()
        };
        if self.cloud_holds_it_back() {
            format!("{text}, but {CLOUD_CAVEAT}")
        } else {
            text
        }
    }

    /// True when a reading passes on the requirements (Final or Conditional) but CUI sits in a
    /// cloud without FedRAMP Moderate.
    pub fn cloud_holds_it_back(self) -> bool {
        let passes = |s: Level2Status| matches!(s, Level2Status::Final | Level2Status::Conditional);
        self.cloud && (passes(self.confirmed) || passes(self.with_iso))
    }
}

/// A requirement that stands between the user and a Conditional status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Blocker {
    pub id: RequirementId,
    pub reason: String,
}

/// The Level 2 outcome under one counting rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Level2Result {
    pub status: Level2Status,
    pub counting: Counting,
    pub score: Option<i32>,
    /// Requirements that may not sit on a POA&M but are open.
    pub blocking: Vec<Blocker>,
    /// Open requirements that may sit on a POA&M (to close within 180 days).
    pub poam: Vec<RequirementId>,
    /// One sentence saying why.
    pub summary: String,
}

/// Level 1: all 15 FAR 52.204-21 requirements met, or not (no POA&M allowed, 32 CFR 170.21(a)(1)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Level1Result {
    /// All 15 met, counting ISO evidence.
    pub met: bool,
    /// All 15 met on confirmed answers alone.
    pub met_confirmed: bool,
    /// CMMC Level 1 ids not met (counting ISO evidence).
    pub unmet: Vec<String>,
    /// The 15 FAR requirements, each with its state.
    pub items: Vec<Level1Item>,
}

/// One FAR 52.204-21(b)(1) requirement's state, from its SP 800-171 counterparts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Level1Item {
    /// CMMC id, `AC.L1-b.1.i`.
    pub id: String,
    /// Met when every counterpart is met or N/A; not met when the user answered one not met
    /// (or in progress: there is no partial at Level 1); otherwise unknown.
    pub status: Status,
    /// True when every counterpart's status was confirmed by the user (not suggested by ISO).
    pub confirmed: bool,
}

impl Level1Item {
    /// How many of `items` are met: `(confirmed, suggested by ISO evidence only)`. Only the
    /// first may be affirmed; the app, the printed report and the command line say both.
    pub fn met_counts(items: &[Level1Item]) -> (usize, usize) {
        let met = |confirmed: bool| {
            items
                .iter()
                .filter(|i| i.status == Status::Met && i.confirmed == confirmed)
                .count()
        };
        (met(true), met(false))
    }
}

/// Level 3 status per 32 CFR 170.21(a)(3) and 170.24(c)(3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level3Status {
    /// No Final Level 2 (C3PAO) status for the scope: a Level 3 assessment cannot start
    /// (32 CFR 170.18(a)).
    NoPrerequisite,
    /// None of the 24 requirements answered yet.
    NotAssessed,
    /// All 24 met.
    Final,
    /// At least 20 of 24 met and every open one may sit on a POA&M.
    Conditional,
    /// Neither.
    NotEligible,
}

impl Level3Status {
    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            Level3Status::NoPrerequisite => "No Final Level 2 (C3PAO) yet",
            Level3Status::NotAssessed => "Not assessed yet",
            Level3Status::Final => "Final Level 3",
            Level3Status::Conditional => "Conditional Level 3",
            Level3Status::NotEligible => "Not eligible",
        }
    }
}

/// One Level 3 requirement's state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Level3Item {
    /// CMMC id, `AC.L3-3.1.2e`.
    pub id: String,
    /// Met, not met, or unknown (unanswered).
    pub status: Status,
    /// Whether it may sit on a Level 3 POA&M when open (32 CFR 170.21(a)(3)(ii)).
    pub poam_eligible: bool,
}

/// The Level 3 outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Level3Result {
    /// The status.
    pub status: Level3Status,
    /// Requirements met.
    pub met: usize,
    /// Requirements answered.
    pub answered: usize,
    /// 24.
    pub total: usize,
    /// The 24 requirements' states.
    pub requirements: Vec<Level3Item>,
    /// Unmet requirements that may not sit on a Level 3 POA&M.
    pub blocking: Vec<String>,
    /// Unmet requirements that may sit on a Level 3 POA&M.
    pub poam: Vec<String>,
    /// The user holds a Final Level 2 (C3PAO) status (or a Level 3 status), current on the
    /// assessment date: the prerequisite of 32 CFR 170.18(a). Self-answers never stand in for it.
    pub prerequisite_met: bool,
}

/// All scores and statuses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scoring {
    pub sprs: SprsRange,
    /// Level 2 counting ISO evidence (the optimistic reading).
    pub level2: Level2Result,
    /// Level 2 counting only confirmed answers.
    pub level2_confirmed: Level2Result,
    pub level1: Level1Result,
    pub level3: Level3Result,
    /// CUI in a cloud without FedRAMP Moderate (set by `evaluate` from the answers; see
    /// [`Level2Reading::cloud`]).
    pub cui_in_commercial_cloud: bool,
}

impl Scoring {
    /// The Level 2 status, confirmed and with the ISO suggestions ([`Level2Reading`]).
    pub fn level2_reading(&self) -> Level2Reading {
        Level2Reading {
            confirmed: self.level2_confirmed.status,
            with_iso: self.level2.status,
            cloud: self.cui_in_commercial_cloud,
        }
    }

    /// Says in both Level 2 summaries that no CMMC level is required, so the status is what an
    /// assessment would find, for planning, and a Conditional one's 180 days would run only
    /// from a status actually given (the re-review of 2026-12-07: "with 3 to close within 180
    /// days" beside a contract that names no level).
    pub fn note_planning(&mut self) {
        for r in [&mut self.level2, &mut self.level2_confirmed] {
            let note = if r.status == Level2Status::Conditional {
                "For planning only: no CMMC level is required by this contract, so no closeout runs until a Conditional status is given."
            } else {
                "For planning only: no CMMC level is required by this contract."
            };
            r.summary = format!("{} {note}", r.summary);
        }
    }

    /// Says in both Level 2 summaries when a passing status waits on the cloud (see
    /// [`CLOUD_CAVEAT`]); `evaluate` calls it once it knows where CUI is stored.
    pub fn note_commercial_cloud(&mut self) {
        self.cui_in_commercial_cloud = true;
        for r in [&mut self.level2, &mut self.level2_confirmed] {
            if matches!(r.status, Level2Status::Final | Level2Status::Conditional) {
                let summary = r.summary.trim_end_matches('.');
                r.summary = format!("{summary}, but {CLOUD_CAVEAT}.");
            }
        }
    }
}

/// Scores the decided requirements. `prerequisite_met` is the Level 3 prerequisite as the user
/// reported it (a held, current Final Level 2 (C3PAO) status).
pub fn score(
    catalog: &Catalog,
    results: &[RequirementResult],
    level3_answers: &BTreeMap<String, bool>,
    prerequisite_met: bool,
) -> Scoring {
    let pairs: Vec<(&Requirement, &RequirementResult)> = results
        .iter()
        .filter_map(|r| catalog.requirement(&r.id).map(|q| (q, r)))
        .collect();
    let ssp_result = results.iter().find(|r| r.id.as_str() == SSP);
    let ssp = match ssp_result {
        Some(r) if r.basis.is_confirmed() => {
            if r.status.is_satisfied() {
                SspState::Confirmed
            } else {
                SspState::Missing
            }
        }
        _ => SspState::Unconfirmed,
    };
    let total = |counting: Counting| -> Option<i32> {
        if ssp == SspState::Missing {
            return None;
        }
        Some(
            MAX_SCORE
                - pairs
                    .iter()
                    .map(|(q, r)| points_lost(q, r, counting))
                    .sum::<i32>(),
        )
    };
    let low = total(Counting::Confirmed);
    let high = total(Counting::WithIsoEvidence);
    let exact = results.iter().all(|r| r.basis.is_confirmed());
    let sprs = SprsRange {
        low,
        high,
        max: MAX_SCORE,
        min: catalog.min_score(),
        exact,
        ssp,
    };
    let level2 = level2_status(&pairs, Counting::WithIsoEvidence, high);
    let level2_confirmed = level2_status(&pairs, Counting::Confirmed, low);

    let level1 = level1(catalog, results);
    let level3 = level3(catalog, level3_answers, prerequisite_met);
    Scoring {
        sprs,
        level2,
        level2_confirmed,
        level1,
        level3,
        cui_in_commercial_cloud: false,
    }
}

/// Level 1 from the SP 800-171 counterparts of the 15 FAR 52.204-21(b)(1) requirements.
fn level1(catalog: &Catalog, results: &[RequirementResult]) -> Level1Result {
    let satisfied = |id: &RequirementId, counting: Counting| {
        results
            .iter()
            .find(|r| &r.id == id)
            .is_some_and(|r| effective(r, counting).is_satisfied())
    };
    let unmet: Vec<String> = catalog
        .level1
        .iter()
        .filter(|l| {
            !l.requirements
                .iter()
                .all(|id| satisfied(id, Counting::WithIsoEvidence))
        })
        .map(|l| l.id.clone())
        .collect();
    let met_confirmed = catalog.level1.iter().all(|l| {
        l.requirements
            .iter()
            .all(|id| satisfied(id, Counting::Confirmed))
    });
    let items = catalog
        .level1
        .iter()
        .map(|l| {
            let parts: Vec<&RequirementResult> = l
                .requirements
                .iter()
                .filter_map(|id| results.iter().find(|r| &r.id == id))
                .collect();
            let all = |f: &dyn Fn(&RequirementResult) -> bool| parts.iter().all(|r| f(r));
            let any = |f: &dyn Fn(&RequirementResult) -> bool| parts.iter().any(|r| f(r));
            let status = if all(&|r| r.status.is_satisfied()) {
                Status::Met
            } else if any(&|r| {
                r.basis.is_confirmed() && matches!(r.status, Status::NotMet | Status::Partial)
            }) {
                Status::NotMet
            } else {
                Status::Unknown
            };
            Level1Item {
                id: l.id.clone(),
                status,
                confirmed: all(&|r| r.basis.is_confirmed()),
            }
        })
        .collect();
    Level1Result {
        met: unmet.is_empty(),
        met_confirmed,
        unmet,
        items,
    }
}

/// Applies 32 CFR 170.21(a)(2) to one reading of the requirements.
fn level2_status(
    pairs: &[(&Requirement, &RequirementResult)],
    counting: Counting,
    score: Option<i32>,
) -> Level2Result {
    let Some(score) = score else {
        return Level2Result {
            status: Level2Status::NoSsp,
            counting,
            score: None,
            blocking: vec![Blocker {
                id: RequirementId::from(SSP),
                reason: "No System Security Plan: the assessment cannot be completed and there is no score.".into(),
            }],
            poam: Vec::new(),
            summary: "Without a System Security Plan (3.12.4) there is no SPRS score and no CMMC status.".into(),
        };
    };
    let mut blocking = Vec::new();
    let mut poam = Vec::new();
    for (req, r) in pairs {
        let status = effective(r, counting);
        if status.is_satisfied() {
            continue;
        }
        if poam_allowed(req, r, counting) {
            poam.push(req.id.clone());
        } else {
            blocking.push(Blocker {
                id: req.id.clone(),
                reason: blocking_reason(req, status, r.partial_credit),
            });
        }
    }
    let (status, summary) = if blocking.is_empty() && poam.is_empty() {
        (
            Level2Status::Final,
            "All 110 requirements met: eligible for Final Level 2.".to_string(),
        )
    } else if score >= CONDITIONAL_MIN_SCORE && blocking.is_empty() {
        (
            Level2Status::Conditional,
            format!(
                "Score {score} is at least {CONDITIONAL_MIN_SCORE} and every open requirement may go on a POA&M: Conditional Level 2, with {} to close within {POAM_CLOSEOUT_DAYS} days.",
                super::vocab::counted(poam.len(), "item", "items")
            ),
        )
    } else if score < CONDITIONAL_MIN_SCORE {
        (
            Level2Status::NotEligible,
            format!(
                "Score {score} is below {CONDITIONAL_MIN_SCORE}, the minimum for Conditional Level 2{}.",
                if blocking.is_empty() {
                    String::new()
                } else {
                    format!(", and {} may not go on a POA&M", super::vocab::counted(blocking.len(), "open requirement", "open requirements"))
                }
            ),
        )
    } else {
        (
            Level2Status::NotEligible,
            format!(
                "Score {score} reaches {CONDITIONAL_MIN_SCORE}, but {} may not go on a POA&M.",
                super::vocab::counted(blocking.len(), "open requirement", "open requirements")
            ),
        )
    };
    Level2Result {
        status,
        counting,
        score: Some(score),
        blocking,
        poam,
        summary,
    }
}

pub(crate) fn blocking_reason(req: &Requirement, status: Status, partial_credit: bool) -> String {
    let unconfirmed = if status == Status::Unknown {
        " (not yet confirmed)"
    } else {
        ""
    };
    match (req.id.as_str(), req.points) {
        (SSP, _) => format!("The System Security Plan must exist{unconfirmed}; it can never be on a POA&M."),
        (super::vocab::FIPS_CRYPTO, _) if status == Status::Partial && !partial_credit => "FIPS-validated cryptography: ISO evidence suggests partial work, but only the named state (encryption employed, not FIPS-validated) may be on a POA&M; confirm which state holds.".to_string(),
        (super::vocab::FIPS_CRYPTO, _) => format!("FIPS-validated cryptography: only the partial state (encryption that is not FIPS-validated) may be on a POA&M{unconfirmed}."),
        (super::vocab::MFA, Some(p)) if status == Status::Partial && partial_credit => format!("MFA in its named partial state loses {} points instead of {p}, but 3.5.3 may never be on a POA&M: only 1-point requirements and 3.13.11's partial state may (32 CFR 170.21(a)(2)).", req.partial_points.unwrap_or(3)),
        (_, Some(p)) if p > 1 => format!("Worth {p} points: only 1-point requirements may be on a POA&M{unconfirmed}."),
        _ => format!("Excluded from POA&Ms by 32 CFR 170.21(a)(2)(iii){unconfirmed}."),
    }
}

fn level3(
    catalog: &Catalog,
    answers: &BTreeMap<String, bool>,
    prerequisite_met: bool,
) -> Level3Result {
    let total = catalog.level3.len();
    let requirements: Vec<Level3Item> = catalog
        .level3
        .iter()
        .map(|l| Level3Item {
            id: l.id.clone(),
            status: match answers.get(&l.id) {
                Some(true) => Status::Met,
                Some(false) => Status::NotMet,
                None => Status::Unknown,
            },
            poam_eligible: l.poam == Level3Poam::Eligible,
        })
        .collect();
    let answered = requirements
        .iter()
        .filter(|r| r.status != Status::Unknown)
        .count();
    let met = requirements
        .iter()
        .filter(|r| r.status == Status::Met)
        .count();
    let open = || requirements.iter().filter(|r| r.status != Status::Met);
    let blocking: Vec<String> = open()
        .filter(|r| !r.poam_eligible)
        .map(|r| r.id.clone())
        .collect();
    let poam: Vec<String> = open()
        .filter(|r| r.poam_eligible)
        .map(|r| r.id.clone())
        .collect();
    // 32 CFR 170.18(a): no Level 3 status of any kind without the Final Level 2 (C3PAO).
    let status = if !prerequisite_met {
        Level3Status::NoPrerequisite
    } else if answered == 0 {
        Level3Status::NotAssessed
    } else if met == total {
        Level3Status::Final
    } else if met >= LEVEL3_CONDITIONAL_MIN && blocking.is_empty() {
        Level3Status::Conditional
    } else {
        Level3Status::NotEligible
    };
    Level3Result {
        status,
        met,
        answered,
        total,
        requirements,
        blocking,
        poam,
        prerequisite_met,
    }
}
