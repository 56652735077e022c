//! Planning: the cheapest remediation paths to 88 and to 110, and the rough cost and timeline,
//! with every assumption visible and editable.
//!
//! Assessment fees are DoD's own estimates (32 CFR 170 final rule, 89 FR 83092, regulatory impact
//! analysis). Effort per requirement comes from `data/remediation.csv`, the project's practitioner
//! planning assumptions. Everything else is an assumption in [`CostAssumptions`] that the user can
//! change; none of it is presented as a regulatory fact.

use super::assess::{Assessment, Basis, Status};
use super::catalog::{Catalog, PoamEligibility};
use super::ids::RequirementId;
use super::questionnaire::{Answers, AssessmentType, CuiStorage, Level};
use super::score::{deduction, effective, Counting, CONDITIONAL_MIN_SCORE, MAX_SCORE};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The dominant kind of work to close a gap on a requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkKind {
    Policy,
    Configuration,
    Technology,
    Physical,
}

impl WorkKind {
    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            WorkKind::Policy => "Policy / process",
            WorkKind::Configuration => "Configuration",
            WorkKind::Technology => "New technology",
            WorkKind::Physical => "Physical",
        }
    }
}

/// Planning assumption for one requirement (a row of `data/remediation.csv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Remediation {
    pub id: RequirementId,
    pub work_kind: WorkKind,
    pub effort_days_low: f64,
    pub effort_days_high: f64,
    pub rationale: String,
}

/// The remediation table, parsed once. A malformed table fails the native tests.
pub fn remediation_table() -> &'static [Remediation] {
    static TABLE: OnceLock<Vec<Remediation>> = OnceLock::new();
    TABLE.get_or_init(|| {
        csv::Reader::from_reader(include_str!("../../data/remediation.csv").as_bytes())
            .deserialize()
            .filter_map(Result::ok)
            .collect()
    })
}

/// The table's row for a requirement, through an index built once (this runs for every open
/// requirement on every recompute).
fn remediation(id: &RequirementId) -> Option<&'static Remediation> {
    static INDEX: OnceLock<HashMap<&'static RequirementId, &'static Remediation>> = OnceLock::new();
    INDEX
        .get_or_init(|| remediation_table().iter().map(|r| (&r.id, r)).collect())
        .get(id)
        .copied()
}

/// A low-high range.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Range {
    pub low: f64,
    pub high: f64,
}

impl Range {
    /// A range from two numbers, ordered.
    pub fn new(a: f64, b: f64) -> Range {
        Range {
            low: a.min(b),
            high: a.max(b),
        }
    }

    fn scale(self, k: f64) -> Range {
        Range::new(self.low * k, self.high * k)
    }

    fn plus(self, o: Range) -> Range {
        Range::new(self.low + o.low, self.high + o.high)
    }
}

/// Every assumption behind the estimate. The defaults are planning figures, not facts; the app
/// shows each one and lets the user change it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CostAssumptions {
    /// Blended cost of a person-day of remediation work (staff or consultant), USD.
    pub day_rate_usd: Range,
    /// Person-days a month the company can put into remediation.
    pub capacity_days_per_month: f64,
    /// Share of a requirement's effort still needed when it is partial.
    pub partial_effort_share: f64,
    /// Share of effort to document and verify a requirement that ISO evidence suggests is met.
    pub verify_effort_share: f64,
    /// First-year cost of a new tool for each open technology requirement, per in-scope user, USD.
    pub tool_usd_per_user: Range,
    /// One-off cost to move CUI to a FedRAMP Moderate cloud (e.g. GCC High), USD.
    pub cloud_migration_usd: Range,
    /// Extra yearly licence cost per user of a FedRAMP Moderate cloud over a commercial one, USD.
    pub cloud_uplift_usd_per_user_year: Range,
    /// Months from booking to the assessment (assessor lead time) for a C3PAO or DIBCAC.
    pub assessor_lead_months: Range,
    /// Months to prepare and run a self-assessment once remediation is done.
    pub self_assessment_months: Range,
}

impl Default for CostAssumptions {
    fn default() -> Self {
        CostAssumptions {
            day_rate_usd: Range::new(800.0, 1400.0),
            capacity_days_per_month: 20.0,
            partial_effort_share: 0.5,
            verify_effort_share: 0.15,
            tool_usd_per_user: Range::new(40.0, 180.0),
            cloud_migration_usd: Range::new(15_000.0, 60_000.0),
            cloud_uplift_usd_per_user_year: Range::new(150.0, 400.0),
            assessor_lead_months: Range::new(1.0, 3.0),
            self_assessment_months: Range::new(0.5, 1.0),
        }
    }
}

/// DoD's estimate of an assessment's cost, where the final rule publishes one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssessmentFee {
    /// USD, or `None` where the figure is not published in our sources.
    pub usd: Option<u32>,
    pub period: &'static str,
    pub note: &'static str,
    pub source: &'static str,
}

/// DoD's published assessment cost for the level, type and company size.
pub fn assessment_fee(
    level: Level,
    kind: Option<AssessmentType>,
    small: Option<bool>,
) -> AssessmentFee {
    const RIA: &str =
        "32 CFR 170 final rule, 89 FR 83092 (15 Oct 2024), regulatory impact analysis";
    let small = small != Some(false);
    match (level, kind, small) {
        (Level::L1, _, true) => AssessmentFee {
            usd: Some(5_977),
            period: "per year",
            note: "Level 1 self-assessment and affirmation, small entity.",
            source: RIA,
        },
        (Level::L1, _, false) => AssessmentFee {
            usd: Some(4_042),
            period: "per year",
            note: "Level 1 self-assessment and affirmation, other than small entity.",
            source: RIA,
        },
        (Level::L2, Some(AssessmentType::SelfAssessment), true) => AssessmentFee {
            usd: Some(37_196),
            period: "per 3-year cycle",
            note: "Level 2 self-assessment ($34,277) plus three annual affirmations ($2,919), small entity.",
            source: RIA,
        },
        (Level::L2, Some(AssessmentType::SelfAssessment), false) => AssessmentFee {
            usd: None,
            period: "per 3-year cycle",
            note: "DoD's figure for other-than-small entities is not in our sources; the small-entity figure ($37,196) is a floor.",
            source: RIA,
        },
        (Level::L2, _, true) => AssessmentFee {
            usd: Some(104_670),
            period: "per 3-year cycle",
            note: "Level 2 certification by a C3PAO plus affirmations, small entity.",
            source: RIA,
        },
        (Level::L2, _, false) => AssessmentFee {
            usd: None,
            period: "per 3-year cycle",
            note: "DoD's figure for other-than-small entities is not in our sources; the small-entity figure ($104,670) is a floor.",
            source: RIA,
        },
        (Level::L3, _, _) => AssessmentFee {
            usd: None,
            period: "per 3-year cycle",
            note: "DoD's Level 3 (DIBCAC) assessment cost is not in our sources; a Final Level 2 (C3PAO) certification comes first.",
            source: RIA,
        },
        (Level::None, _, _) => AssessmentFee {
            usd: Some(0),
            period: "",
            note: "No CMMC assessment applies.",
            source: "32 CFR 170.14",
        },
    }
}

/// One remediation on a path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathStep {
    pub id: RequirementId,
    pub work_kind: WorkKind,
    /// Points the score gains when it is closed.
    pub points: i32,
    /// Person-days, low-high.
    pub effort_days: Range,
    /// The score after this step (counting ISO evidence).
    pub score_after: i32,
    /// Must be closed for the target because it may not sit on a POA&M.
    pub required: bool,
}

/// The remediations, in order, that reach a target score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Path {
    pub target: i32,
    pub steps: Vec<PathStep>,
    pub effort_days: Range,
    /// False when there is no score (no SSP) to start from.
    pub reachable: bool,
}

/// What one open requirement would take.
#[derive(Clone)]
struct Open {
    id: RequirementId,
    kind: WorkKind,
    points: i32,
    effort: Range,
    poam_ok: bool,
}

fn open_items(catalog: &Catalog, a: &Assessment, x: &CostAssumptions) -> Vec<Open> {
    a.requirements
        .iter()
        .filter_map(|r| {
            let req = catalog.requirement(&r.id)?;
            let status = effective(r, Counting::WithIsoEvidence);
            if status.is_satisfied() {
                return None;
            }
            let rem = remediation(&r.id)?;
            let share = if status == Status::Partial {
                x.partial_effort_share
            } else {
                1.0
            };
            let poam_ok = match req.poam {
                PoamEligibility::Eligible => true,
                PoamEligibility::EligibleWhenPartial => status == Status::Partial,
                PoamEligibility::Never => false,
            };
            Some(Open {
                id: r.id.clone(),
                kind: rem.work_kind,
                points: deduction(req, status),
                effort: Range::new(rem.effort_days_low, rem.effort_days_high).scale(share),
                poam_ok,
            })
        })
        .collect()
}

/// Points per mid-range effort day: higher is cheaper.
fn value(o: &Open) -> f64 {
    f64::from(o.points.max(0)) / ((o.effort.low + o.effort.high) / 2.0).max(0.5)
}

fn path_to(
    target: i32,
    start: Option<i32>,
    mut items: Vec<Open>,
    needs_all_required: bool,
) -> Path {
    let Some(mut score) = start else {
        return Path {
            target,
            steps: Vec::new(),
            effort_days: Range::default(),
            reachable: false,
        };
    };
    // Items that may not be on a POA&M come first when the target is a Conditional status, then
    // the best points per day of effort; ties go to the standard's order.
    items.sort_by(|a, b| {
        let req = |o: &Open| needs_all_required && !o.poam_ok;
        req(b)
            .cmp(&req(a))
            .then(value(b).total_cmp(&value(a)))
            .then(a.id.sort_key().cmp(&b.id.sort_key()))
    });
    let mut steps = Vec::new();
    let mut effort = Range::default();
    for o in items {
        let required = needs_all_required && !o.poam_ok;
        if !required && score >= target {
            break;
        }
        score += o.points;
        effort = effort.plus(o.effort);
        steps.push(PathStep {
            id: o.id,
            work_kind: o.kind,
            points: o.points,
            effort_days: o.effort,
            score_after: score,
            required,
        });
    }
    Path {
        target,
        steps,
        effort_days: effort,
        reachable: score >= target,
    }
}

/// One line of the cost estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostLine {
    pub label: String,
    pub usd: Range,
    /// How it was computed, in words.
    pub basis: String,
}

/// The estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    pub assessment: AssessmentFee,
    pub lines: Vec<CostLine>,
    pub total_usd: Range,
    /// Person-days of remediation and verification work.
    pub effort_days: Range,
    pub timeline_months: Range,
    /// How the timeline was computed, in words.
    pub timeline_basis: Vec<String>,
    pub path_to_88: Path,
    pub path_to_110: Path,
    /// Open requirements by kind of work: `(kind, count)`.
    pub open_by_kind: Vec<(WorkKind, u32)>,
}

/// Estimates cost and timeline from an assessment, the answers and the assumptions.
pub fn estimate(
    catalog: &Catalog,
    a: &Assessment,
    answers: &Answers,
    x: &CostAssumptions,
) -> Estimate {
    let open = open_items(catalog, a, x);
    let high_score = a.scoring.sprs.high;
    let path_to_88 = path_to(CONDITIONAL_MIN_SCORE, high_score, open.clone(), true);
    let path_to_110 = path_to(MAX_SCORE, high_score, open.clone(), false);

    // Requirements that ISO evidence suggests are met still need their 800-171 evidence written up.
    let verify: Range = a
        .requirements
        .iter()
        .filter(|r| r.basis == Basis::IsoEvidence && r.status == Status::Met)
        .filter_map(|r| remediation(&r.id))
        .map(|m| Range::new(m.effort_days_low, m.effort_days_high).scale(x.verify_effort_share))
        .fold(Range::default(), Range::plus);
    let fix: Range = open
        .iter()
        .map(|o| o.effort)
        .fold(Range::default(), Range::plus);
    let effort_days = fix.plus(verify);

    let users = f64::from(answers.cui_users.or(answers.employees).unwrap_or(25).max(1));
    let mut lines = Vec::new();
    lines.push(CostLine {
        label: "Remediation work".into(),
        usd: Range::new(fix.low * x.day_rate_usd.low, fix.high * x.day_rate_usd.high),
        basis: format!(
            "{} open requirement(s), {:.0}-{:.0} person-days at ${:.0}-${:.0} a day.",
            open.len(),
            fix.low,
            fix.high,
            x.day_rate_usd.low,
            x.day_rate_usd.high
        ),
    });
    if verify.high > 0.0 {
        lines.push(CostLine {
            label: "Confirming ISO-evidenced requirements".into(),
            usd: Range::new(verify.low * x.day_rate_usd.low, verify.high * x.day_rate_usd.high),
            basis: format!(
                "{:.0}-{:.0} person-days to show that ISO controls meet each requirement as NIST words it ({:.0}% of each requirement's effort).",
                verify.low,
                verify.high,
                x.verify_effort_share * 100.0
            ),
        });
    }
    let tools = open
        .iter()
        .filter(|o| o.kind == WorkKind::Technology)
        .count() as f64;
    if tools > 0.0 {
        lines.push(CostLine {
            label: "New technology (first year)".into(),
            usd: x.tool_usd_per_user.scale(tools * users),
            basis: format!(
                "{tools:.0} requirement(s) needing a new tool, {users:.0} in-scope user(s), ${:.0}-${:.0} per user each.",
                x.tool_usd_per_user.low, x.tool_usd_per_user.high
            ),
        });
    }
    let handles_cui = answers.handles_cui == Some(true) || a.applicability.level >= Level::L2;
    if handles_cui && answers.cui_storage == Some(CuiStorage::CommercialCloud) {
        lines.push(CostLine {
            label: "Move CUI to a FedRAMP Moderate cloud (first year)".into(),
            usd: x.cloud_migration_usd.plus(x.cloud_uplift_usd_per_user_year.scale(users)),
            basis: format!(
                "Migration ${:.0}-${:.0} plus ${:.0}-${:.0} per user a year for {users:.0} user(s) (DFARS 252.204-7012(b)(2)(ii)(D)).",
                x.cloud_migration_usd.low,
                x.cloud_migration_usd.high,
                x.cloud_uplift_usd_per_user_year.low,
                x.cloud_uplift_usd_per_user_year.high
            ),
        });
    }
    let fee = assessment_fee(
        a.applicability.level,
        a.applicability.assessment,
        answers.small_business,
    );
    let fee_usd = match (fee.usd, a.applicability.level, a.applicability.assessment) {
        (Some(v), _, _) => f64::from(v),
        // Not published: use the small-entity figure of the same kind as a floor.
        (None, Level::L2, Some(AssessmentType::SelfAssessment)) => 37_196.0,
        (None, Level::L2, _) | (None, Level::L3, _) => 104_670.0,
        (None, _, _) => 0.0,
    };
    lines.push(CostLine {
        label: "Assessment (DoD estimate)".into(),
        usd: Range::new(fee_usd, fee_usd),
        basis: if fee.period.is_empty() {
            fee.note.to_string()
        } else {
            format!("{} ({}; {})", fee.note, fee.period, fee.source)
        },
    });
    let total_usd = lines
        .iter()
        .map(|l| l.usd)
        .fold(Range::default(), Range::plus);

    let capacity = x.capacity_days_per_month.max(0.5);
    let work_months = effort_days.scale(1.0 / capacity);
    let (lead, lead_label) = match a.applicability.assessment {
        Some(AssessmentType::SelfAssessment) => (x.self_assessment_months, "self-assessment"),
        Some(_) => (x.assessor_lead_months, "assessor lead time"),
        None => (Range::default(), "no assessment"),
    };
    let timeline_months = work_months.plus(lead);
    let timeline_basis = vec![
        format!(
            "{:.0}-{:.0} person-days of work at {capacity:.0} person-days a month: {:.1}-{:.1} months.",
            effort_days.low, effort_days.high, work_months.low, work_months.high
        ),
        format!("Plus {:.1}-{:.1} months of {lead_label}.", lead.low, lead.high),
        "A Conditional status leaves up to 180 days after the status date to close the POA&M (32 CFR 170.21(b)); that time is not counted here.".into(),
    ];

    let mut open_by_kind: Vec<(WorkKind, u32)> = Vec::new();
    for kind in [
        WorkKind::Policy,
        WorkKind::Configuration,
        WorkKind::Technology,
        WorkKind::Physical,
    ] {
        let n = open.iter().filter(|o| o.kind == kind).count() as u32;
        open_by_kind.push((kind, n));
    }

    Estimate {
        assessment: fee,
        lines,
        total_usd,
        effort_days,
        timeline_months,
        timeline_basis,
        path_to_88,
        path_to_110,
        open_by_kind,
    }
}
