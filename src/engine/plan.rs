//! Planning: the cheapest remediation paths to 88 and to 110, and the rough cost and timeline,
//! with every assumption visible and editable.
//!
//! Assessment fees are DoD's own estimates (32 CFR 170 final rule, 89 FR 83092, regulatory impact
//! analysis). Effort per requirement comes from `data/remediation.csv`, the project's practitioner
//! planning assumptions. Everything else is an assumption in [`CostAssumptions`] that the user can
//! change; none of it is presented as a regulatory fact.

use super::applicability::PlanTarget;
use super::assessment::Assessment;
use super::catalog::Catalog;
use super::ids::RequirementId;
use super::questionnaire::{Answers, AssessmentType, CuiStorage, Level};
use super::score::{
    effective, poam_allowed, points_lost, Counting, CONDITIONAL_MIN_SCORE, MAX_SCORE,
};
use super::vocab::{Basis, Status};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The dominant kind of work to close a gap on a requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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

/// What a new tool's yearly cost scales with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scale {
    /// Per in-scope user (MFA, DLP, log management).
    User,
    /// Per endpoint (EDR, MDM, scanners, encryption).
    Device,
}

/// Planning assumption for one requirement (a row of `data/remediation.csv`): the 110 SP 800-171
/// requirements by their ids, the 24 Level 3 requirements by their SP 800-172 ids (`3.1.2e`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Remediation {
    /// The requirement.
    pub id: RequirementId,
    /// The dominant kind of work.
    pub work_kind: WorkKind,
    /// Person-days, low.
    pub effort_days_low: f64,
    /// Person-days, high.
    pub effort_days_high: f64,
    /// For `technology` rows: what the new tool's yearly cost scales with.
    pub scales_with: Option<Scale>,
    /// Why.
    pub rationale: String,
}

/// The remediation table, parsed once; a row that does not read is left out, so a malformed
/// table fails the native tests (every requirement has its row). Each row is read by column
/// name by hand, as the catalog's are (`catalog/tables.rs`), rather than through serde's derived
/// deserialiser and the csv crate's serde support, which every visitor would download.
pub fn remediation_table() -> &'static [Remediation] {
    static TABLE: OnceLock<Vec<Remediation>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let text = include_str!("../../data/remediation.csv");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let Ok(h) = reader.headers().cloned() else {
            return Vec::new();
        };
        let col = |name: &str| h.iter().position(|x| x == name).unwrap_or(usize::MAX);
        let (id, kind, low, high, scales, why) = (
            col("id"),
            col("work_kind"),
            col("effort_days_low"),
            col("effort_days_high"),
            col("scales_with"),
            col("rationale"),
        );
        reader
            .records()
            .filter_map(Result::ok)
            .filter_map(|r| {
                Some(Remediation {
                    id: RequirementId(r.get(id)?.to_string()),
                    work_kind: match r.get(kind)? {
                        "policy" => WorkKind::Policy,
                        "configuration" => WorkKind::Configuration,
                        "technology" => WorkKind::Technology,
                        "physical" => WorkKind::Physical,
                        _ => return None,
                    },
                    effort_days_low: r.get(low)?.parse().ok()?,
                    effort_days_high: r.get(high)?.parse().ok()?,
                    scales_with: match r.get(scales)? {
                        "" => None,
                        "user" => Some(Scale::User),
                        "device" => Some(Scale::Device),
                        _ => return None,
                    },
                    rationale: r.get(why)?.to_string(),
                })
            })
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
    /// Yearly cost of a new per-user tool for each open technology requirement, per in-scope
    /// user, USD.
    pub tool_usd_per_user: Range,
    /// Yearly cost of a new per-device tool for each open technology requirement, per endpoint
    /// in scope, USD.
    pub tool_usd_per_device: Range,
    /// One-off cost to move CUI to a FedRAMP Moderate cloud (e.g. GCC High), USD.
    pub cloud_migration_usd: Range,
    /// Extra yearly licence cost per user of a FedRAMP Moderate cloud over a commercial one, USD.
    pub cloud_uplift_usd_per_user_year: Range,
    /// Months from booking to the assessment (assessor lead time) for a C3PAO or DIBCAC. The
    /// default reflects the scheduling backlog practitioners report as Phase 2 begins; no
    /// official figure is published.
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
            tool_usd_per_device: Range::new(30.0, 120.0),
            cloud_migration_usd: Range::new(15_000.0, 60_000.0),
            cloud_uplift_usd_per_user_year: Range::new(150.0, 400.0),
            assessor_lead_months: Range::new(3.0, 9.0),
            self_assessment_months: Range::new(0.5, 1.0),
        }
    }
}

/// One editable assumption, bound to its field: the app edits assumptions only through these,
/// so a field cannot be misnamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Assumption {
    /// Day rate, low.
    DayRateLow,
    /// Day rate, high.
    DayRateHigh,
    /// Person-days a month.
    Capacity,
    /// Effort share for partial requirements.
    PartialShare,
    /// Effort share to verify ISO-evidenced requirements.
    VerifyShare,
    /// Per-user tool, low.
    ToolPerUserLow,
    /// Per-user tool, high.
    ToolPerUserHigh,
    /// Per-device tool, low.
    ToolPerDeviceLow,
    /// Per-device tool, high.
    ToolPerDeviceHigh,
    /// Cloud migration, low.
    CloudMigrationLow,
    /// Cloud migration, high.
    CloudMigrationHigh,
    /// FedRAMP licence uplift, low.
    CloudUpliftLow,
    /// FedRAMP licence uplift, high.
    CloudUpliftHigh,
    /// Assessor lead time, low.
    AssessorLeadLow,
    /// Assessor lead time, high.
    AssessorLeadHigh,
    /// Self-assessment preparation, low.
    SelfAssessmentLow,
    /// Self-assessment preparation, high.
    SelfAssessmentHigh,
}

impl Assumption {
    /// Whether the assumption can move the estimate of `scope`: at Level 1 (FCI only, a
    /// self-assessment) there is no CUI to move to a FedRAMP cloud and no assessor to book, so
    /// those assumptions are not offered.
    pub fn applies(self, scope: Scope) -> bool {
        use Assumption as A;
        match self {
            A::CloudMigrationLow
            | A::CloudMigrationHigh
            | A::CloudUpliftLow
            | A::CloudUpliftHigh
            | A::AssessorLeadLow
            | A::AssessorLeadHigh => matches!(scope, Scope::Level2 | Scope::Level3),
            _ => scope != Scope::None,
        }
    }

    /// Every assumption, in the order the app lists them.
    pub const ALL: [Assumption; 17] = [
        Assumption::DayRateLow,
        Assumption::DayRateHigh,
        Assumption::Capacity,
        Assumption::PartialShare,
        Assumption::VerifyShare,
        Assumption::ToolPerUserLow,
        Assumption::ToolPerUserHigh,
        Assumption::ToolPerDeviceLow,
        Assumption::ToolPerDeviceHigh,
        Assumption::CloudMigrationLow,
        Assumption::CloudMigrationHigh,
        Assumption::CloudUpliftLow,
        Assumption::CloudUpliftHigh,
        Assumption::AssessorLeadLow,
        Assumption::AssessorLeadHigh,
        Assumption::SelfAssessmentLow,
        Assumption::SelfAssessmentHigh,
    ];

    /// The field it edits (`(field, part)`, as in the saved file: `("day_rate_usd", "low")`).
    fn slot(self, c: &mut CostAssumptions) -> &mut f64 {
        use Assumption as A;
        match self {
            A::DayRateLow => &mut c.day_rate_usd.low,
            A::DayRateHigh => &mut c.day_rate_usd.high,
            A::Capacity => &mut c.capacity_days_per_month,
            A::PartialShare => &mut c.partial_effort_share,
            A::VerifyShare => &mut c.verify_effort_share,
            A::ToolPerUserLow => &mut c.tool_usd_per_user.low,
            A::ToolPerUserHigh => &mut c.tool_usd_per_user.high,
            A::ToolPerDeviceLow => &mut c.tool_usd_per_device.low,
            A::ToolPerDeviceHigh => &mut c.tool_usd_per_device.high,
            A::CloudMigrationLow => &mut c.cloud_migration_usd.low,
            A::CloudMigrationHigh => &mut c.cloud_migration_usd.high,
            A::CloudUpliftLow => &mut c.cloud_uplift_usd_per_user_year.low,
            A::CloudUpliftHigh => &mut c.cloud_uplift_usd_per_user_year.high,
            A::AssessorLeadLow => &mut c.assessor_lead_months.low,
            A::AssessorLeadHigh => &mut c.assessor_lead_months.high,
            A::SelfAssessmentLow => &mut c.self_assessment_months.low,
            A::SelfAssessmentHigh => &mut c.self_assessment_months.high,
        }
    }

    /// Its current value.
    pub fn get(self, c: &CostAssumptions) -> f64 {
        let mut copy = c.clone();
        *self.slot(&mut copy)
    }

    /// The assumptions with this one set to `x`; every range stays ordered (low at most high).
    pub fn set(self, c: &CostAssumptions, x: f64) -> CostAssumptions {
        let mut next = c.clone();
        *self.slot(&mut next) = x;
        for r in [
            &mut next.day_rate_usd,
            &mut next.tool_usd_per_user,
            &mut next.tool_usd_per_device,
            &mut next.cloud_migration_usd,
            &mut next.cloud_uplift_usd_per_user_year,
            &mut next.assessor_lead_months,
            &mut next.self_assessment_months,
        ] {
            *r = Range::new(r.low, r.high);
        }
        next
    }

    /// `(id, label, unit, min, max)`: the element id the app uses (`day_rate_usd-low`), the
    /// label, the unit and the allowed interval.
    // A table with a row per assumption reads best as one match over every variant; split, it
    // would only scatter the rows.
    #[allow(clippy::too_many_lines)]
    pub fn describe(self) -> (&'static str, &'static str, &'static str, f64, f64) {
        use Assumption as A;
        const USD: f64 = 100_000.0;
        match self {
            A::DayRateLow => ("day_rate_usd-low", "Day rate, low", "USD/day", 0.0, USD),
            A::DayRateHigh => ("day_rate_usd-high", "Day rate, high", "USD/day", 0.0, USD),
            A::Capacity => (
                "capacity_days_per_month-v",
                "Capacity",
                "person-days/month",
                0.5,
                1000.0,
            ),
            A::PartialShare => (
                "partial_effort_share-v",
                "Effort share for partial requirements",
                "0 to 1",
                0.0,
                1.0,
            ),
            A::VerifyShare => (
                "verify_effort_share-v",
                "Effort share to verify ISO-evidenced requirements",
                "0 to 1",
                0.0,
                1.0,
            ),
            A::ToolPerUserLow => (
                "tool_usd_per_user-low",
                "New tool per user a year, low",
                "USD",
                0.0,
                USD,
            ),
            A::ToolPerUserHigh => (
                "tool_usd_per_user-high",
                "New tool per user a year, high",
                "USD",
                0.0,
                USD,
            ),
            A::ToolPerDeviceLow => (
                "tool_usd_per_device-low",
                "New tool per device a year, low",
                "USD",
                0.0,
                USD,
            ),
            A::ToolPerDeviceHigh => (
                "tool_usd_per_device-high",
                "New tool per device a year, high",
                "USD",
                0.0,
                USD,
            ),
            A::CloudMigrationLow => (
                "cloud_migration_usd-low",
                "Cloud migration, low",
                "USD",
                0.0,
                10_000_000.0,
            ),
            A::CloudMigrationHigh => (
                "cloud_migration_usd-high",
                "Cloud migration, high",
                "USD",
                0.0,
                10_000_000.0,
            ),
            A::CloudUpliftLow => (
                "cloud_uplift_usd_per_user_year-low",
                "FedRAMP cloud uplift per user-year, low",
                "USD",
                0.0,
                USD,
            ),
            A::CloudUpliftHigh => (
                "cloud_uplift_usd_per_user_year-high",
                "FedRAMP cloud uplift per user-year, high",
                "USD",
                0.0,
                USD,
            ),
            A::AssessorLeadLow => (
                "assessor_lead_months-low",
                "Assessor lead time, low",
                "months",
                0.0,
                60.0,
            ),
            A::AssessorLeadHigh => (
                "assessor_lead_months-high",
                "Assessor lead time, high",
                "months",
                0.0,
                60.0,
            ),
            A::SelfAssessmentLow => (
                "self_assessment_months-low",
                "Self-assessment preparation, low",
                "months",
                0.0,
                60.0,
            ),
            A::SelfAssessmentHigh => (
                "self_assessment_months-high",
                "Self-assessment preparation, high",
                "months",
                0.0,
                60.0,
            ),
        }
    }
}

/// DoD's estimate of an assessment's cost, where our sources publish one (a row of
/// `data/cmmc_assessment_costs.csv`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssessmentFee {
    /// The level assessed.
    pub level: Level,
    /// Who assesses.
    pub assessor: Option<AssessmentType>,
    /// USD, or `None` where the figure is not published in our sources (then it is left out of
    /// every total rather than replaced by another figure).
    pub usd: Option<u32>,
    /// `per year` or `per 3-year cycle`.
    pub period: &'static str,
    /// What it covers, and for which company size.
    pub note: String,
    /// Where the figure comes from.
    pub source: String,
    /// How sure our sources are: `medium`, `low`, or `none` when not published.
    pub confidence: String,
    /// Why it is in the plan: `required`, `prerequisite` (Level 2 (C3PAO) before Level 3) or
    /// `planning`.
    pub role: &'static str,
}

/// One row of the fee table.
struct FeeRow {
    level: Level,
    assessor: AssessmentType,
    small: bool,
    usd: Option<u32>,
    per_year: bool,
    covers: String,
    confidence: String,
    source: String,
}

/// The fee table, parsed once (a malformed table fails the native tests).
fn fee_table() -> &'static [FeeRow] {
    static TABLE: OnceLock<Vec<FeeRow>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let text = include_str!("../../data/cmmc_assessment_costs.csv");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let Ok(h) = reader.headers().cloned() else {
            return Vec::new();
        };
        let col = |name: &str| h.iter().position(|x| x == name).unwrap_or(usize::MAX);
        let (lv, asr, size, usd, period, covers, conf, src) = (
            col("level"),
            col("assessor"),
            col("entity_size"),
            col("usd"),
            col("period"),
            col("covers"),
            col("confidence"),
            col("source"),
        );
        reader
            .records()
            .filter_map(Result::ok)
            .filter_map(|r| {
                let cell = |i: usize| r.get(i).map(str::trim);
                Some(FeeRow {
                    level: match cell(lv)? {
                        "1" => Level::L1,
                        "2" => Level::L2,
                        "3" => Level::L3,
                        _ => return None,
                    },
                    assessor: match cell(asr)? {
                        "self" => AssessmentType::SelfAssessment,
                        "c3pao" => AssessmentType::C3pao,
                        "dibcac" => AssessmentType::Dibcac,
                        _ => return None,
                    },
                    small: match cell(size)? {
                        "small" => true,
                        "other-than-small" => false,
                        _ => return None,
                    },
                    usd: cell(usd)?.parse().ok(),
                    per_year: cell(period)? == "per year",
                    covers: cell(covers)?.to_string(),
                    confidence: cell(conf)?.to_string(),
                    source: cell(src)?.to_string(),
                })
            })
            .collect()
    })
}

/// DoD's published assessment cost for the level, type and company size (an unanswered size
/// reads the small-entity row and says so). `role` says why it is in the plan.
pub fn assessment_fee(
    level: Level,
    kind: Option<AssessmentType>,
    small: Option<bool>,
) -> AssessmentFee {
    fee(level, kind, small, "required")
}

fn fee(
    level: Level,
    kind: Option<AssessmentType>,
    small: Option<bool>,
    role: &'static str,
) -> AssessmentFee {
    let assessor = match (level, kind) {
        (Level::L1, _) => Some(AssessmentType::SelfAssessment),
        (Level::L3, _) => Some(AssessmentType::Dibcac),
        (_, k) => k,
    };
    let is_small = small != Some(false);
    let row = fee_table()
        .iter()
        .find(|r| Some(r.assessor) == assessor && r.level == level && r.small == is_small);
    match row {
        Some(r) => {
            let size = match small {
                Some(true) => "small entity",
                Some(false) => "other than small entity",
                None => "small entity (assumed: answer the size question)",
            };
            AssessmentFee {
                level,
                assessor,
                usd: r.usd,
                period: if r.per_year {
                    "per year"
                } else {
                    "per 3-year cycle"
                },
                note: if r.usd.is_some() {
                    format!("{}, {size}.", r.covers)
                } else {
                    format!(
                        "{}, {size}: not published in our sources, so not in the total.",
                        r.covers
                    )
                },
                source: r.source.clone(),
                confidence: r.confidence.clone(),
                role,
            }
        }
        None => AssessmentFee {
            level,
            assessor,
            usd: (level == Level::None).then_some(0),
            period: "",
            note: if level == Level::None {
                "No CMMC assessment applies.".into()
            } else {
                "Not published in our sources.".into()
            },
            source: "32 CFR 170.14".into(),
            confidence: "none".into(),
            role,
        },
    }
}

/// How often a cost falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    /// Once.
    OneOff,
    /// Every year.
    PerYear,
}

/// What the plan covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Nothing to plan for.
    None,
    /// The 15 FAR 52.204-21 requirements (through their 17 SP 800-171 counterparts).
    Level1,
    /// The 110 SP 800-171 r2 requirements.
    Level2,
    /// The 110 plus the 24 Level 3 requirements.
    Level3,
}

impl Scope {
    /// How many requirements the scope counts: 0, 15 (FAR items), 110 or 134.
    pub fn requirements(self, catalog: &Catalog) -> usize {
        match self {
            Scope::None => 0,
            Scope::Level1 => catalog.level1.len(),
            Scope::Level2 => catalog.requirements.len(),
            Scope::Level3 => catalog.requirements.len() + catalog.level3.len(),
        }
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
    scales: Option<Scale>,
    points: i32,
    effort: Range,
    poam_ok: bool,
    /// A Level 3 requirement: no SPRS points, so never a step on a path to a Level 2 score.
    level3: bool,
}

/// The requirements the plan prices: `(800-171 requirements, Level 3 requirements)`. Level 1
/// prices the 17 SP 800-171 counterparts of the 15 FAR items, each once; CUI brings all 110
/// whatever the level (DFARS 252.204-7012).
/// A whole count held as a float (users, devices) with its noun: `1 user`, `25 users`.
fn whole(n: f64, one: &str, many: &str) -> String {
    // Counts of users and devices: small and never negative, so the cast cannot truncate.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = n.round().max(0.0) as usize;
    super::vocab::counted(n, one, many)
}

fn scope_of(target: &PlanTarget) -> Scope {
    match target.level {
        Level::L3 => Scope::Level3,
        Level::L2 => Scope::Level2,
        _ if target.cui => Scope::Level2,
        Level::L1 => Scope::Level1,
        Level::None => Scope::None,
    }
}

fn open_items(catalog: &Catalog, a: &Assessment, scope: Scope, x: &CostAssumptions) -> Vec<Open> {
    let level1: HashSet<&RequirementId> = catalog
        .level1
        .iter()
        .flat_map(|l| l.requirements.iter())
        .collect();
    let mut open: Vec<Open> = a
        .requirements
        .iter()
        .filter(|r| match scope {
            Scope::None => false,
            Scope::Level1 => level1.contains(&r.id),
            Scope::Level2 | Scope::Level3 => true,
        })
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
            Some(Open {
                id: r.id.clone(),
                kind: rem.work_kind,
                scales: rem.scales_with,
                points: points_lost(req, r, Counting::WithIsoEvidence),
                effort: Range::new(rem.effort_days_low, rem.effort_days_high).scale(share),
                poam_ok: poam_allowed(req, r, Counting::WithIsoEvidence),
                level3: false,
            })
        })
        .collect();
    if scope == Scope::Level3 {
        for item in a
            .scoring
            .level3
            .requirements
            .iter()
            .filter(|l| l.status != Status::Met)
        {
            let Some(l3) = catalog.level3.iter().find(|l| l.id == item.id) else {
                continue;
            };
            let Some(rem) = remediation(&RequirementId(l3.nist_id.clone())) else {
                continue;
            };
            open.push(Open {
                id: RequirementId(l3.nist_id.clone()),
                kind: rem.work_kind,
                scales: rem.scales_with,
                points: 0,
                effort: Range::new(rem.effort_days_low, rem.effort_days_high),
                poam_ok: item.poam_eligible,
                level3: true,
            });
        }
    }
    open
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
    // Level 3 items carry no SPRS points: they are not part of a path to a Level 2 score.
    items.retain(|o| !o.level3);
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
    /// What it is.
    pub label: String,
    /// USD for one period.
    pub usd: Range,
    /// Once or every year.
    pub period: Period,
    /// How it was computed, in words.
    pub basis: String,
}

/// The estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// What the plan covers.
    pub scope: Scope,
    /// True when it prices a planning level, not a required one.
    pub planning: bool,
    /// 0, 15 (FAR items), 110 or 134.
    pub requirements_in_scope: usize,
    /// The fee of the level required (or planned for), as DoD estimates it.
    pub assessment: AssessmentFee,
    /// Every assessment the plan involves over the first three years (Level 3: the Level 2
    /// (C3PAO) prerequisite and the Level 3 assessment).
    pub assessments: Vec<AssessmentFee>,
    /// The cost lines (one-off or yearly), assessments excluded.
    pub lines: Vec<CostLine>,
    /// One-off costs.
    pub one_time_usd: Range,
    /// Yearly costs.
    pub annual_usd: Range,
    /// The first three years: one-off costs, three years of yearly costs, and the assessments
    /// of those three years whose fee is published.
    pub total_usd: Range,
    /// Person-days of remediation and verification work.
    pub effort_days: Range,
    /// Months until the assessment.
    pub timeline_months: Range,
    /// How the timeline was computed, in words.
    pub timeline_basis: Vec<String>,
    /// To a Conditional Level 2 status (empty outside Level 2 and 3 scopes).
    pub path_to_88: Path,
    /// To 110.
    pub path_to_110: Path,
    /// Open requirements by kind of work: `(kind, count)`.
    pub open_by_kind: Vec<(WorkKind, u32)>,
    /// What the plan leaves out, and other caveats.
    pub notes: Vec<String>,
}

/// The assessments of the target over the first three years, each once with its role.
fn assessments_for(target: &PlanTarget, small: Option<bool>) -> Vec<AssessmentFee> {
    let role = if target.planning {
        "planning"
    } else {
        "required"
    };
    match target.level {
        Level::None => Vec::new(),
        Level::L3 => vec![
            fee(
                Level::L2,
                Some(AssessmentType::C3pao),
                small,
                "prerequisite",
            ),
            fee(Level::L3, Some(AssessmentType::Dibcac), small, role),
        ],
        level => vec![fee(level, target.assessment, small, role)],
    }
}

/// How many times a fee falls due in the first three years.
fn times_in_three_years(f: &AssessmentFee) -> f64 {
    if f.period == "per year" {
        3.0
    } else {
        1.0
    }
}

/// The cost line for moving CUI out of a cloud without FedRAMP Moderate.
const CLOUD_MOVE: &str = "Move CUI to a FedRAMP Moderate cloud";

/// Estimates cost and timeline from an assessment, the answers and the assumptions.
#[allow(clippy::too_many_lines)] // one estimate, line by line, in the order the app shows it
pub fn estimate(
    catalog: &Catalog,
    a: &Assessment,
    answers: &Answers,
    x: &CostAssumptions,
) -> Estimate {
    let target = a.applicability.plan_target();
    let scope = scope_of(&target);
    let open = open_items(catalog, a, scope, x);
    let sprs_scope = matches!(scope, Scope::Level2 | Scope::Level3);
    let high_score = a.scoring.sprs.high.filter(|_| sprs_scope);
    let no_path = |target| Path {
        target,
        steps: Vec::new(),
        effort_days: Range::default(),
        reachable: false,
    };
    let (path_to_88, path_to_110) = if sprs_scope {
        (
            path_to(CONDITIONAL_MIN_SCORE, high_score, open.clone(), true),
            path_to(MAX_SCORE, high_score, open.clone(), false),
        )
    } else {
        (no_path(CONDITIONAL_MIN_SCORE), no_path(MAX_SCORE))
    };

    // Requirements that ISO evidence suggests are met still need their 800-171 evidence written up.
    let in_scope: HashSet<RequirementId> = match scope {
        Scope::None => HashSet::new(),
        Scope::Level1 => catalog
            .level1
            .iter()
            .flat_map(|l| l.requirements.iter().cloned())
            .collect(),
        Scope::Level2 | Scope::Level3 => {
            catalog.requirements.iter().map(|r| r.id.clone()).collect()
        }
    };
    let verify: Range = a
        .requirements
        .iter()
        .filter(|r| in_scope.contains(&r.id))
        .filter(|r| r.basis == Basis::IsoEvidence && r.status == Status::Met)
        .filter_map(|r| remediation(&r.id))
        .map(|m| Range::new(m.effort_days_low, m.effort_days_high).scale(x.verify_effort_share))
        .fold(Range::default(), Range::plus);
    let fix: Range = open
        .iter()
        .map(|o| o.effort)
        .fold(Range::default(), Range::plus);
    let effort_days = fix.plus(verify);

    let users_answered = answers.cui_users.or(answers.employees);
    let users = f64::from(users_answered.unwrap_or(25).max(1));
    let devices_answered = answers.cui_endpoints;
    let devices = devices_answered.map_or(users, |d| f64::from(d.max(1)));
    let mut lines = Vec::new();
    if scope != Scope::None {
        lines.push(CostLine {
            label: "Remediation work".into(),
            usd: Range::new(fix.low * x.day_rate_usd.low, fix.high * x.day_rate_usd.high),
            period: Period::OneOff,
            basis: format!(
                "{} {}, {:.0}-{:.0} person-days at ${:.0}-${:.0} a day.",
                open.len(),
                match (scope, open.len()) {
                    // The 15 FAR items are met through their 17 SP 800-171 counterparts.
                    (Scope::Level1, 1) =>
                        "open SP 800-171 requirement behind the FAR 52.204-21 items",
                    (Scope::Level1, _) =>
                        "open SP 800-171 requirements behind the FAR 52.204-21 items",
                    (_, 1) => "open requirement",
                    _ => "open requirements",
                },
                fix.low,
                fix.high,
                x.day_rate_usd.low,
                x.day_rate_usd.high
            ),
        });
    }
    if verify.high > 0.0 {
        lines.push(CostLine {
            label: "Confirming ISO-evidenced requirements".into(),
            usd: Range::new(verify.low * x.day_rate_usd.low, verify.high * x.day_rate_usd.high),
            period: Period::OneOff,
            basis: format!(
                "{:.0}-{:.0} person-days to show that ISO controls meet each requirement as NIST words it ({:.0}% of each requirement's effort).",
                verify.low,
                verify.high,
                x.verify_effort_share * 100.0
            ),
        });
    }
    let count = |s: Scale| {
        open.iter()
            .filter(|o| o.kind == WorkKind::Technology && o.scales == Some(s))
            .count() as f64
    };
    let per_user = count(Scale::User);
    if per_user > 0.0 {
        let who = if users_answered.is_some() {
            ""
        } else {
            " (assumed: answer how many people access CUI)"
        };
        lines.push(CostLine {
            label: "New tools per user (yearly)".into(),
            usd: x.tool_usd_per_user.scale(per_user * users),
            period: Period::PerYear,
            basis: format!(
                "{} needing a new per-user tool, {}{who}, ${:.0}-${:.0} per user a year each.",
                whole(per_user, "requirement", "requirements"),
                whole(users, "in-scope user", "in-scope users"),
                x.tool_usd_per_user.low,
                x.tool_usd_per_user.high
            ),
        });
    }
    let per_device = count(Scale::Device);
    if per_device > 0.0 {
        let which = if devices_answered.is_some() {
            ""
        } else {
            " (assumed one per user: answer the endpoint question)"
        };
        lines.push(CostLine {
            label: "New tools per device (yearly)".into(),
            usd: x.tool_usd_per_device.scale(per_device * devices),
            period: Period::PerYear,
            basis: format!(
                "{} needing a new per-device tool, {}{which}, ${:.0}-${:.0} per device a year each.",
                whole(per_device, "requirement", "requirements"),
                whole(devices, "endpoint", "endpoints"),
                x.tool_usd_per_device.low, x.tool_usd_per_device.high
            ),
        });
    }
    if target.cui && answers.cui_storage == Some(CuiStorage::CommercialCloud) {
        lines.push(CostLine {
            label: CLOUD_MOVE.into(),
            usd: x.cloud_migration_usd,
            period: Period::OneOff,
            basis: format!(
                "Migration ${:.0}-${:.0} (DFARS 252.204-7012(b)(2)(ii)(D)).",
                x.cloud_migration_usd.low, x.cloud_migration_usd.high
            ),
        });
        lines.push(CostLine {
            label: "FedRAMP Moderate cloud licences (yearly)".into(),
            usd: x.cloud_uplift_usd_per_user_year.scale(users),
            period: Period::PerYear,
            basis: format!(
                "${:.0}-${:.0} per user a year more than a commercial cloud, for {}.",
                x.cloud_uplift_usd_per_user_year.low,
                x.cloud_uplift_usd_per_user_year.high,
                whole(users, "user", "users")
            ),
        });
    }
    let sum = |p: Period| {
        lines
            .iter()
            .filter(|l| l.period == p)
            .map(|l| l.usd)
            .fold(Range::default(), Range::plus)
    };
    let one_time_usd = sum(Period::OneOff);
    let annual_usd = sum(Period::PerYear);
    let assessments = assessments_for(&target, answers.small_business);
    let fees: f64 = assessments
        .iter()
        .filter_map(|f| f.usd.map(|u| f64::from(u) * times_in_three_years(f)))
        .sum();
    let total_usd = one_time_usd
        .plus(annual_usd.scale(3.0))
        .plus(Range::new(fees, fees));
    let assessment = assessments
        .last()
        .cloned()
        .unwrap_or_else(|| fee(Level::None, None, answers.small_business, "required"));

    let mut notes = Vec::new();
    if target.planning {
        notes.push(format!(
            "No CMMC level is required yet: this prices the planning level, {} ({}).",
            target.level.label(),
            target.assessment.map_or("no assessment", |k| k.short())
        ));
    }
    if scope == Scope::Level2 && target.level == Level::L1 {
        notes.push("You handle CUI: DFARS 252.204-7012 asks for all 110 NIST SP 800-171 requirements, so all 110 are priced although the level named is Level 1.".into());
    }
    for f in assessments.iter().filter(|f| f.usd.is_none()) {
        notes.push(format!(
            "{} ({}) assessment cost: not published in our sources, so it is not in the total.",
            f.level.label(),
            f.assessor.map_or("", |k| k.short())
        ));
    }

    let capacity = x.capacity_days_per_month.max(0.5);
    let work_months = effort_days.scale(1.0 / capacity);
    let (lead, lead_label) = match (scope, target.assessment) {
        (Scope::None, _) => (Range::default(), "no assessment"),
        (_, Some(AssessmentType::SelfAssessment)) => (x.self_assessment_months, "self-assessment"),
        (Scope::Level3, _) => (
            x.assessor_lead_months.scale(2.0),
            "assessor lead time, twice: the C3PAO's Level 2 certification, then DIBCAC's Level 3 assessment",
        ),
        (_, Some(_)) => (x.assessor_lead_months, "assessor lead time"),
        (_, None) => (Range::default(), "no assessment"),
    };
    let timeline_months = work_months.plus(lead);
    let mut timeline_basis = Vec::new();
    if scope == Scope::None {
        timeline_basis
            .push("Nothing to plan for: no CMMC level applies and none is expected.".into());
    } else if effort_days.high <= 0.0 {
        timeline_basis.push(format!(
            "No remediation work left to schedule: {:.1}-{:.1} months of {lead_label}.",
            lead.low, lead.high
        ));
    } else {
        timeline_basis.push(format!(
            "{:.0}-{:.0} person-days of work at {capacity:.0} person-days a month: {:.1}-{:.1} months.",
            effort_days.low, effort_days.high, work_months.low, work_months.high
        ));
        timeline_basis.push(format!(
            "Plus {:.1}-{:.1} months of {lead_label}.",
            lead.low, lead.high
        ));
        if sprs_scope {
            timeline_basis.push("A Conditional status leaves up to 180 days after the status date to close the POA&M (32 CFR 170.21(b)); that time is not counted here.".into());
        }
    }
    if lines.iter().any(|l| l.label == CLOUD_MOVE) {
        timeline_basis.push("Moving CUI to a FedRAMP Moderate cloud is priced above but not in these months: plan its duration with the provider, before the assessment.".into());
    }

    let open_by_kind = [
        WorkKind::Policy,
        WorkKind::Configuration,
        WorkKind::Technology,
        WorkKind::Physical,
    ]
    .into_iter()
    .map(|kind| (kind, open.iter().filter(|o| o.kind == kind).count() as u32))
    .collect();

    Estimate {
        scope,
        planning: target.planning,
        requirements_in_scope: scope.requirements(catalog),
        assessment,
        assessments,
        lines,
        one_time_usd,
        annual_usd,
        total_usd,
        effort_days,
        timeline_months,
        timeline_basis,
        path_to_88,
        path_to_110,
        open_by_kind,
        notes,
    }
}
