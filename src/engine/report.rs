//! Reports: the summary every front end prints (the `crosswalk assess --json` shape), and the
//! gap list / POA&M starter as CSV with spreadsheet formulas neutralised.

use super::assess::{Assessment, Basis, Status};
use super::catalog::{Catalog, PoamEligibility};
use super::plan::{Estimate, Range};
use super::questionnaire::{AssessmentType, Level, Reason};
use super::score::{deduction, Level2Status, SprsRange};
use super::soa::SoaImport;
use serde::Serialize;

/// The assessment in brief, as `crosswalk assess --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub applicability: ApplicabilitySummary,
    pub soa: Option<SoaSummary>,
    pub requirements: Vec<RequirementSummary>,
    pub coverage: CoverageSummary,
    pub sprs: SprsRange,
    pub level2: Level2Summary,
    pub level1: LevelMet,
    pub cost: CostSummary,
    pub timeline_months: Range,
    pub path_to_88: Vec<String>,
    pub path_to_110: Vec<String>,
}

/// Level, assessment type and reasons.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApplicabilitySummary {
    pub level: Level,
    pub assessment: Option<AssessmentType>,
    pub reasons: Vec<Reason>,
}

/// What the SoA import found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SoaSummary {
    pub edition: Option<u16>,
    pub rows_imported: usize,
    pub problems: Vec<ProblemSummary>,
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
    pub id: String,
    pub status: Status,
    pub basis: Basis,
    pub via: Vec<String>,
}

/// Coverage counts in both views.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageSummary {
    pub view: super::assess::View,
    pub strict: super::assess::Coverage,
    pub analysed: super::assess::Coverage,
}

/// Level 2 status and what blocks it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Level2Summary {
    pub status: Level2Status,
    pub confirmed_status: Level2Status,
    pub blocking: Vec<String>,
    pub poam: Vec<String>,
    pub summary: String,
}

/// Level 1 met or not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelMet {
    pub met: bool,
    pub unmet: Vec<String>,
}

/// Cost in brief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostSummary {
    pub assessment_usd: Option<u32>,
    pub total_usd: Range,
}

/// Builds the summary from the parts every front end already has.
pub fn summary(soa: Option<&SoaImport>, a: &Assessment, e: &Estimate) -> Summary {
    Summary {
        applicability: ApplicabilitySummary {
            level: a.applicability.level,
            assessment: a.applicability.assessment,
            reasons: a.applicability.reasons.clone(),
        },
        soa: soa.map(|s| SoaSummary {
            edition: s.edition.map(|e| e.year()),
            rows_imported: s.rows.len(),
            problems: s
                .problems
                .iter()
                .map(|p| ProblemSummary {
                    line: p.line,
                    message: p.message.clone(),
                })
                .collect(),
        }),
        requirements: a
            .requirements
            .iter()
            .map(|r| RequirementSummary {
                id: r.id.to_string(),
                status: r.status,
                basis: r.basis,
                via: r
                    .supporting_controls()
                    .iter()
                    .map(|c| c.to_string())
                    .collect(),
            })
            .collect(),
        coverage: CoverageSummary {
            view: a.view,
            strict: a.overall.strict,
            analysed: a.overall.analysed,
        },
        sprs: a.scoring.sprs,
        level2: Level2Summary {
            status: a.scoring.level2.status,
            confirmed_status: a.scoring.level2_confirmed.status,
            blocking: a
                .scoring
                .level2
                .blocking
                .iter()
                .map(|b| b.id.to_string())
                .collect(),
            poam: a
                .scoring
                .level2
                .poam
                .iter()
                .map(|b| b.to_string())
                .collect(),
            summary: a.scoring.level2.summary.clone(),
        },
        level1: LevelMet {
            met: a.scoring.level1.met,
            unmet: a.scoring.level1.unmet.clone(),
        },
        // Whole dollars and tenths of a month: the estimate is rough, and the JSON should not
        // pretend otherwise with float noise such as 34.910000000000004.
        cost: CostSummary {
            assessment_usd: e.assessment.usd,
            total_usd: Range::new(e.total_usd.low.round(), e.total_usd.high.round()),
        },
        timeline_months: Range::new(
            (e.timeline_months.low * 10.0).round() / 10.0,
            (e.timeline_months.high * 10.0).round() / 10.0,
        ),
        path_to_88: e
            .path_to_88
            .steps
            .iter()
            .map(|s| s.id.to_string())
            .collect(),
        path_to_110: e
            .path_to_110
            .steps
            .iter()
            .map(|s| s.id.to_string())
            .collect(),
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
/// eligibility, status, why, and the ISO controls involved.
pub fn gap_csv(catalog: &Catalog, a: &Assessment) -> String {
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
            PoamEligibility::EligibleWhenPartial if r.status == Status::Partial => {
                "yes (partial state only)"
            }
            PoamEligibility::EligibleWhenPartial => "only when partial",
            PoamEligibility::Never => "no",
        };
        let basis = match r.basis {
            Basis::Answered => "answered",
            Basis::Questionnaire => "questionnaire",
            Basis::IsoEvidence => "ISO evidence",
            Basis::NoEvidence => "no evidence",
        };
        let controls: Vec<String> = r.evidence.iter().map(|e| e.iso.to_string()).collect();
        let points = match req.points {
            Some(_) => deduction(req, r.status).to_string(),
            None => "no score without it".to_string(),
        };
        let fields = [
            r.id.to_string(),
            req.cmmc_id.clone(),
            req.family.name().to_string(),
            req.text.clone(),
            r.status.label().to_string(),
            basis.to_string(),
            points,
            poam.to_string(),
            controls.join(" "),
            r.explanation.clone(),
            String::new(),
            String::new(),
            String::new(),
        ];
        let _ = w.write_record(fields.iter().map(|f| neutralise_cell(f)));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
