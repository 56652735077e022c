//! Reports: the summary every front end prints (the `crosswalk assess --json` shape), and the
//! gap list / POA&M starter as CSV with spreadsheet formulas neutralised.

use super::applicability::{Lifecycle, Obligation, Phase, Planning, Reason, ResultsMode, Warning};
use super::assess::{EdgeEvidence, RequirementResult};
use super::assessment::Assessment;
use super::catalog::{Catalog, PoamEligibility};
use super::plan::{AssessmentFee, Estimate, PathStep, Range, Scope};
use super::questionnaire::{Answers, AssessmentType, Level};
use super::records::PoamPlan;
#[cfg(doc)]
use super::score::Level2Reading;
use super::score::{points_lost, Counting, Level2Status, Level3Result, SprsRange};
use super::soa::{Role, SoaImport};
use super::vocab::{Answer, Basis, Status};
use serde::Serialize;
use std::collections::BTreeMap;

/// The assessment in brief, as `crosswalk assess --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The date the rules were applied on.
    pub date: String,
    /// What the results show at this level: `start`, `no-requirement`, `level1` (no SPRS score,
    /// no POA&M), `level2`, `level3`.
    pub results_mode: ResultsMode,
    /// What applies.
    pub applicability: ApplicabilitySummary,
    /// The answers, as read (deprecated fields migrated).
    pub answers: Answers,
    /// What the SoA import found.
    pub soa: Option<SoaSummary>,
    /// Each requirement's status.
    pub requirements: Vec<RequirementSummary>,
    /// Coverage counts.
    pub coverage: CoverageSummary,
    /// The SPRS score range.
    pub sprs: SprsRange,
    /// Level 2 status.
    pub level2: Level2Summary,
    /// Level 1 met or not.
    pub level1: LevelMet,
    /// Level 3, whenever Level 3 applies (required or planned).
    pub level3: Option<Level3Result>,
    /// Cost.
    pub cost: CostSummary,
    /// Months until the assessment.
    pub timeline_months: Range,
    /// Requirements to close for a Conditional Level 2, in order.
    pub path_to_88: Vec<String>,
    /// Requirements to close for 110, in order.
    pub path_to_110: Vec<String>,
    /// What the user should know, each with its rule.
    pub warnings: Vec<Warning>,
}

/// What applies on the date, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApplicabilitySummary {
    /// The level required now (or assumed).
    pub level: Level,
    /// Its assessment type.
    pub assessment: Option<AssessmentType>,
    /// True when the level is an assumption.
    pub assumed: bool,
    /// A labelled planning level where none is required.
    pub planning: Option<Planning>,
    /// Obligations that apply to the contract.
    pub obligations: Vec<Obligation>,
    /// The rollout phase on the date.
    pub phase: Phase,
    /// A status held, with its expiry.
    pub lifecycle: Option<Lifecycle>,
    /// Why.
    pub reasons: Vec<Reason>,
}

/// What the SoA import found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SoaSummary {
    pub edition: Option<u16>,
    /// The encoding the file was read as (`UTF-8`, `UTF-16LE`, `Windows-1252`, ...).
    pub encoding: &'static str,
    pub rows_imported: usize,
    /// Every distinct value of the status and applicability columns, how many rows hold it and
    /// how it is read.
    pub status_values: Vec<StatusValueSummary>,
    /// Lines read but not imported (headings, repeated header rows).
    pub skipped_lines: Vec<usize>,
    /// The Annex A controls of the edition the file does not mention.
    pub controls_missing: Vec<String>,
    pub problems: Vec<ProblemSummary>,
}

/// One distinct value of the status or applicability column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusValueSummary {
    /// `status` or `applicability`, as in the CLI's `--status-map`.
    pub column: &'static str,
    pub value: String,
    pub count: usize,
    /// As in `--status-map`: implemented, in-progress, planned, not-implemented, excluded,
    /// unknown.
    pub reading: &'static str,
    /// `known` (a word the importer reads), `chosen` (the user's reading) or `unrecognised`
    /// (kept as unknown until someone chooses).
    pub source: &'static str,
}

/// One import problem.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProblemSummary {
    pub line: usize,
    pub message: String,
}

/// One requirement's status and the ISO controls that support it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementSummary {
    /// The requirement.
    pub id: String,
    /// Its status.
    pub status: Status,
    /// Where it comes from.
    pub basis: Basis,
    /// In a named partial-credit state (3 points instead of 5).
    pub partial_credit: bool,
    /// The direct answer, when given.
    pub answer: Option<Answer>,
    /// The answer's record (justification, SSP description, plan of action), when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The assessment objectives answered not met.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub open_objectives: Vec<String>,
    /// The ISO controls that support it.
    pub via: Vec<String>,
    /// Mapped controls the SoA excludes (to confirm: N/A or a gap).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub excluded: Vec<String>,
}

/// Coverage counts in both views.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageSummary {
    pub view: super::vocab::View,
    pub strict: super::assess::Coverage,
    pub analysed: super::assess::Coverage,
}

/// Level 2 status and what blocks it, on the answers the user confirmed: a score counts the
/// requirements assessed MET (32 CFR 170.24(c)(2)), so `status`, `blocking`, `poam` and `summary`
/// are what an assessment would find today. `with_iso_evidence` is the forecast, if every ISO
/// suggestion is confirmed; `text` says both when they differ ([`Level2Reading`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Level2Summary {
    pub status: Level2Status,
    pub blocking: Vec<String>,
    pub poam: Vec<String>,
    pub summary: String,
    pub with_iso_evidence: Level2Forecast,
    pub text: String,
}

/// The Level 2 status if every ISO suggestion were confirmed: a forecast, never a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Level2Forecast {
    pub status: Level2Status,
    pub blocking: Vec<String>,
    pub poam: Vec<String>,
    pub summary: String,
}

/// Level 1 met or not, on the answers the user confirmed (what an affirmation may say,
/// 32 CFR 170.22), with the forecast beside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelMet {
    /// All 15 met on the answers the user confirmed.
    pub met: bool,
    /// All 15 met if every ISO suggestion is confirmed (a forecast).
    pub met_with_iso_evidence: bool,
    /// CMMC Level 1 ids not confirmed met.
    pub unmet: Vec<String>,
    /// CMMC Level 1 ids not met even counting the ISO suggestions.
    pub unmet_with_iso_evidence: Vec<String>,
    /// Each of the 15 with its state and whether the user confirmed it.
    pub items: Vec<super::score::Level1Item>,
}

/// Cost in brief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostSummary {
    /// What the plan covers.
    pub scope: Scope,
    /// True when it prices a planning level.
    pub planning: bool,
    /// 0, 15, 110 or 134.
    pub requirements_in_scope: usize,
    /// One-off costs.
    pub one_time_usd: Range,
    /// Yearly costs.
    pub annual_usd: Range,
    /// Every assessment in the first three years.
    pub assessments: Vec<AssessmentFee>,
    /// The fee of the level required (or planned), when published.
    pub assessment_usd: Option<u32>,
    /// The first three years.
    pub total_usd: Range,
    /// What the plan leaves out.
    pub notes: Vec<String>,
}

/// Builds the summary from the parts every front end already has.
pub fn summary(
    soa: Option<&SoaImport>,
    answers: &Answers,
    a: &Assessment,
    e: &Estimate,
) -> Summary {
    let app = &a.applicability;
    let level3_applies =
        app.level == Level::L3 || app.planning.as_ref().is_some_and(|p| p.level == Level::L3);
    let ids = |steps: &[PathStep]| steps.iter().map(|s| s.id.to_string()).collect();
    Summary {
        date: app.date.to_string(),
        results_mode: app.results_mode(answers),
        applicability: ApplicabilitySummary {
            level: app.level,
            assessment: app.assessment,
            assumed: app.assumed(),
            planning: app.planning.clone(),
            obligations: app.obligations.clone(),
            phase: app.phase.clone(),
            lifecycle: app.lifecycle.clone(),
            reasons: app.reasons.clone(),
        },
        answers: answers.clone(),
        soa: soa.map(soa_summary),
        requirements: a.requirements.iter().map(requirement_summary).collect(),
        coverage: CoverageSummary {
            view: a.view,
            strict: a.overall.strict,
            analysed: a.overall.analysed,
        },
        sprs: a.scoring.sprs,
        level2: level2_summary(a),
        level1: LevelMet {
            met: a.scoring.level1.met_confirmed,
            met_with_iso_evidence: a.scoring.level1.met,
            unmet: a
                .scoring
                .level1
                .items
                .iter()
                .filter(|i| !(i.status == Status::Met && i.confirmed))
                .map(|i| i.id.clone())
                .collect(),
            unmet_with_iso_evidence: a.scoring.level1.unmet.clone(),
            items: a.scoring.level1.items.clone(),
        },
        level3: level3_applies.then(|| a.scoring.level3.clone()),
        cost: cost_summary(e),
        // Tenths of a month: the estimate is rough (see `cost_summary`).
        timeline_months: Range::new(
            (e.timeline_months.low * 10.0).round() / 10.0,
            (e.timeline_months.high * 10.0).round() / 10.0,
        ),
        path_to_88: ids(&e.path_to_88.steps),
        path_to_110: ids(&e.path_to_110.steps),
        warnings: a.warnings.clone(),
    }
}

fn soa_summary(s: &SoaImport) -> SoaSummary {
    SoaSummary {
        edition: s.edition.map(|e| e.year()),
        encoding: s.encoding.name(),
        rows_imported: s.rows.len(),
        status_values: s
            .status_values
            .iter()
            .map(|v| StatusValueSummary {
                column: match v.column {
                    Role::Applicable => "applicability",
                    _ => "status",
                },
                value: v.value.clone(),
                count: v.count,
                reading: v.reading.code(),
                source: if v.chosen {
                    "chosen"
                } else if v.recognised {
                    "known"
                } else {
                    "unrecognised"
                },
            })
            .collect(),
        skipped_lines: s.skipped.iter().map(|l| l.line).collect(),
        controls_missing: s.controls_missing.iter().map(ToString::to_string).collect(),
        problems: s
            .problems
            .iter()
            .map(|p| ProblemSummary {
                line: p.line,
                message: p.message.clone(),
            })
            .collect(),
    }
}

fn requirement_summary(r: &RequirementResult) -> RequirementSummary {
    RequirementSummary {
        id: r.id.to_string(),
        status: r.status,
        basis: r.basis,
        partial_credit: r.partial_credit,
        answer: r.answer.as_ref().map(|d| d.answer),
        note: r
            .answer
            .as_ref()
            .map(|d| d.note.clone())
            .filter(|n| !n.is_empty()),
        open_objectives: r.open_objectives.iter().map(|o| o.to_string()).collect(),
        via: r
            .supporting_controls()
            .iter()
            .map(|c| c.to_string())
            .collect(),
        excluded: r.excluded_controls.iter().map(|c| c.to_string()).collect(),
    }
}

fn level2_summary(a: &Assessment) -> Level2Summary {
    let confirmed = &a.scoring.level2_confirmed;
    let forecast = &a.scoring.level2;
    let blocking = |r: &super::score::Level2Result| -> Vec<String> {
        r.blocking.iter().map(|b| b.id.to_string()).collect()
    };
    let poam = |r: &super::score::Level2Result| -> Vec<String> {
        r.poam.iter().map(ToString::to_string).collect()
    };
    Level2Summary {
        status: confirmed.status,
        blocking: blocking(confirmed),
        poam: poam(confirmed),
        summary: confirmed.summary.clone(),
        with_iso_evidence: Level2Forecast {
            status: forecast.status,
            blocking: blocking(forecast),
            poam: poam(forecast),
            summary: forecast.summary.clone(),
        },
        text: a.scoring.level2_reading().text(),
    }
}

fn cost_summary(e: &Estimate) -> CostSummary {
    // Whole dollars (and, in the timeline, tenths of a month): the estimate is rough, and the
    // JSON should not pretend otherwise with float noise such as 34.910000000000004.
    let dollars = |r: Range| Range::new(r.low.round(), r.high.round());
    CostSummary {
        scope: e.scope,
        planning: e.planning,
        requirements_in_scope: e.requirements_in_scope,
        one_time_usd: dollars(e.one_time_usd),
        annual_usd: dollars(e.annual_usd),
        assessments: e.assessments.clone(),
        assessment_usd: e.assessment.usd,
        total_usd: dollars(e.total_usd),
        notes: e.notes.clone(),
    }
}

/// Makes a cell safe to open in a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or carriage
/// return would make Excel or Sheets treat it as a formula, so such cells get a leading `'`.
pub fn neutralise_cell(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    }
}

/// The gap list as a POA&M starter: every requirement not met, with its points, POA&M
/// eligibility, status, why, the ISO controls involved, and the plan of action the user wrote
/// for it (`plans`, by requirement id: its milestones, owner and completion date).
pub fn gap_csv(catalog: &Catalog, a: &Assessment, plans: &BTreeMap<String, PoamPlan>) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header = [
        "Requirement",
        "CMMC id",
        "Family",
        "Requirement text",
        "Status",
        "Basis",
        "Points at stake",
        "POA&M eligible",
        "ISO controls",
        "Excluded in the SoA",
        "Answer record",
        "Why",
        "Planned action",
        "Owner",
        "Target date",
    ];
    // Writing to a Vec cannot fail; a failed record would only drop that record.
    let _ = w.write_record(header);
    for r in a.requirements.iter().filter(|r| !r.status.is_satisfied()) {
        let Some(req) = catalog.requirement(&r.id) else {
            continue;
        };
        let poam = match req.poam {
            PoamEligibility::Eligible => "yes",
            PoamEligibility::EligibleWhenPartial if r.partial_credit => "yes (partial state only)",
            PoamEligibility::EligibleWhenPartial => {
                "only when encryption is employed but not FIPS-validated"
            }
            PoamEligibility::Never => "no",
        };
        let basis = r.basis.label();
        let controls: Vec<String> = r.evidence.iter().map(EdgeEvidence::as_written).collect();
        let points = match req.points {
            Some(_) => points_lost(req, r, Counting::WithIsoEvidence).to_string(),
            None => "no score without it".to_string(),
        };
        let excluded: Vec<String> = r
            .excluded
            .iter()
            .map(|x| {
                if x.justification.is_empty() {
                    x.control.to_string()
                } else {
                    format!("{} ({})", x.control, x.justification)
                }
            })
            .collect();
        let record = r
            .answer
            .as_ref()
            .map(|d| d.note.clone())
            .unwrap_or_default();
        let plan = plans.get(r.id.as_str()).filter(|p| !p.is_empty());
        let fields = [
            r.id.to_string(),
            req.cmmc_id.clone(),
            req.family.name().to_string(),
            req.text.clone(),
            // A status nobody confirmed says so here too, as the SSP does (the walk-through of
            // 2026-12-07: "Not met" on the basis "objectives partly answered" read as a finding).
            if r.basis.is_confirmed() {
                r.status.label().to_string()
            } else if r.status == Status::Unknown {
                "Not assessed yet".to_string()
            } else {
                format!("{} (suggested, not confirmed)", r.status.label())
            },
            basis.to_string(),
            points,
            poam.to_string(),
            controls.join("; "),
            excluded.join("; "),
            record,
            r.explanation.clone(),
            plan.map(planned_action).unwrap_or_default(),
            plan.map(|p| p.owner.trim().to_string()).unwrap_or_default(),
            plan.and_then(|p| p.completion)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ];
        let _ = w.write_record(fields.iter().map(|f| neutralise_cell(f)));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// A plan's milestones (`date: what`) and resources, for the gap list's "Planned action".
fn planned_action(p: &PoamPlan) -> String {
    let mut parts = p.milestone_lines();
    if !p.resources.trim().is_empty() {
        parts.push(format!("Resources: {}", p.resources.trim()));
    }
    parts.join("; ")
}
