//! What applies to this contract today: the CMMC level the solicitation (or, for a
//! subcontractor, the prime's flow-down) requires now, the obligations that apply whether or not
//! a level is named, the rollout phase in force on the date, the lifecycle of a status already
//! held, and a clearly labelled planning level where nothing is required yet.
//!
//! The rules, each with its citation: a CMMC status is a condition of award only when the
//! solicitation names a level (DFARS 252.204-7025, 252.204-7021; DFARS 204.7502/204.7503); CUI
//! under any DoD contract still brings DFARS 252.204-7012 and a current NIST SP 800-171 DoD
//! Assessment in SPRS (252.204-7019/7020); a subcontractor's level follows 32 CFR 170.23(a); the
//! phases are 32 CFR 170.3(e), read from `data/cmmc_phases.csv`.

use super::date::Date;
use super::questionnaire::{
    Answers, AssessmentType, Choice, ContractRole, HeldStatus, Level, Solicitation,
};
use serde::Serialize;
use std::sync::OnceLock;

mod assumption;
mod warnings;
pub use assumption::LevelAssumption;
pub use warnings::{warnings, Warning, FIPS_140_2_SUNSET};

/// One reason behind the decision, with the rule that drives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The reason, in plain English.
    pub text: String,
    /// The rule or clause.
    pub citation: &'static str,
}

/// An obligation that applies to the contract, whether or not a CMMC level is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Obligation {
    /// Stable id (`dfars-7012`).
    pub id: &'static str,
    /// What it asks, in plain English.
    pub text: String,
    /// The clause or rule.
    pub citation: &'static str,
}

/// A rollout phase of 32 CFR 170.3(e) (a row of `data/cmmc_phases.csv`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phase {
    /// 0 (before Phase 1) to 4.
    pub number: u8,
    /// The day it started.
    pub since: Date,
    /// Its name.
    pub name: String,
    /// What solicitations may require while it is in force.
    pub text: String,
    /// What to expect in the next solicitation.
    pub next: String,
    /// The paragraph.
    pub citation: String,
}

/// A level the company should plan for although nothing requires it yet, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Planning {
    /// The level to plan for.
    pub level: Level,
    /// Its assessment type.
    pub assessment: AssessmentType,
    /// Why this level, with citations.
    pub reasons: Vec<Reason>,
}

/// A status the company holds: when it expires and when the next affirmation is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lifecycle {
    /// The status held.
    pub status: HeldStatus,
    /// Its status date.
    pub status_date: Date,
    /// When it expires: one year for Level 1, three years for a Final Level 2 or 3, 180 days for
    /// a Conditional status.
    pub expires: Date,
    /// True when it has expired on the assessment date.
    pub expired: bool,
    /// The next annual affirmation due (a Conditional status is affirmed after its POA&M
    /// closeout instead).
    pub next_affirmation: Option<Date>,
    /// One sentence saying all of it.
    pub text: String,
    /// The rules.
    pub citation: &'static str,
}

/// The level and assessment type that apply, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Applicability {
    /// The CMMC level required now (or assumed, see `assumed`).
    pub level: Level,
    /// Its assessment type.
    pub assessment: Option<AssessmentType>,
    /// What settles the level when it is an assumption: the solicitation's (or the prime's)
    /// requirement is unknown, or, for a subcontractor, whether it will handle CUI.
    pub assumed_until: Option<LevelAssumption>,
    /// A level to plan for where none is required yet.
    pub planning: Option<Planning>,
    /// Obligations that apply to the contract.
    pub obligations: Vec<Obligation>,
    /// The rollout phase on the assessment date.
    pub phase: Phase,
    /// The date everything was decided for.
    pub date: Date,
    /// A status the company holds, with its expiry.
    pub lifecycle: Option<Lifecycle>,
    /// Why, with citations.
    pub reasons: Vec<Reason>,
    /// False while an answer that could change the level is missing.
    pub settled: bool,
}

/// What the plan prices: the required level, or the planning level where none is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PlanTarget {
    /// The level priced.
    pub level: Level,
    /// Its assessment type.
    pub assessment: Option<AssessmentType>,
    /// True when it is a planning level, not a requirement.
    pub planning: bool,
    /// True when CUI is handled: DFARS 252.204-7012 asks for all 110 requirements whatever the
    /// CMMC level.
    pub cui: bool,
}

/// What the results screens show, decided by the rules so the screens only show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResultsMode {
    /// Nothing answered yet that could show a requirement: nothing to score or price.
    Start,
    /// Neither FCI nor CUI: no CMMC requirement, no score, no cost.
    NoRequirement,
    /// Level 1 (FCI only): the 15 FAR requirements met or not; no SPRS score, no POA&M, no paths
    /// (32 CFR 170.21(a)(1)).
    Level1,
    /// Level 2, or CUI under any level (DFARS 252.204-7012 asks for the 110): the SPRS score,
    /// the Level 2 status, the paths.
    Level2,
    /// Level 3: Level 2's screens and the 24 Level 3 requirements.
    Level3,
}

impl Applicability {
    /// True when the level is an assumption ([`Self::assumed_until`] says what settles it).
    pub fn assumed(&self) -> bool {
        self.assumed_until.is_some()
    }

    /// What the results screens show: the level required (or assumed, or planned for).
    pub fn results_mode(&self, answers: &Answers) -> ResultsMode {
        let t = self.plan_target();
        match t.level {
            Level::L3 => ResultsMode::Level3,
            Level::L2 => ResultsMode::Level2,
            _ if t.cui => ResultsMode::Level2,
            Level::L1 => ResultsMode::Level1,
            Level::None
                if answers.handles_fci == Some(false) && answers.handles_cui == Some(false) =>
            {
                ResultsMode::NoRequirement
            }
            Level::None => ResultsMode::Start,
        }
    }

    /// The level the plan prices and why.
    pub fn plan_target(&self) -> PlanTarget {
        let cui = self.obligations.iter().any(|o| o.id == "dfars-7012");
        match (&self.planning, self.level) {
            (Some(p), Level::None) => PlanTarget {
                level: p.level,
                assessment: Some(p.assessment),
                planning: true,
                cui,
            },
            _ => PlanTarget {
                level: self.level,
                assessment: self.assessment,
                planning: false,
                cui,
            },
        }
    }
}

/// The phases, parsed once from `data/cmmc_phases.csv` (a malformed table fails the native tests).
pub fn phases() -> &'static [Phase] {
    static PHASES: OnceLock<Vec<Phase>> = OnceLock::new();
    PHASES.get_or_init(|| parse_phases(include_str!("../../data/cmmc_phases.csv")))
}

fn parse_phases(text: &str) -> Vec<Phase> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let Ok(headers) = reader.headers().cloned() else {
        return Vec::new();
    };
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(n), Some(s), Some(name), Some(t), Some(next), Some(c)) = (
        col("phase"),
        col("starts"),
        col("name"),
        col("in_force"),
        col("next_solicitation"),
        col("citation"),
    ) else {
        return Vec::new();
    };
    reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| {
            Some(Phase {
                number: r.get(n)?.trim().parse().ok()?,
                since: Date::parse(r.get(s)?)?,
                name: r.get(name)?.to_string(),
                text: r.get(t)?.to_string(),
                next: r.get(next)?.to_string(),
                citation: r.get(c)?.to_string(),
            })
        })
        .collect()
}

/// The phase in force on a date (the first row for dates before it).
pub fn phase_on(date: Date) -> Phase {
    let all = phases();
    // Before the program rule took effect (the first row's date, 2024-12-16) there was no CMMC
    // program to be in (the assessor's review, 2026-12-07: "the rule is in effect" on 2024-06-01).
    if let Some(first) = all.first().filter(|p| date < p.since) {
        return Phase {
            name: "Before the CMMC rule".into(),
            text: format!("The CMMC program rule (32 CFR 170) takes effect on {}: until then there is no CMMC status to require, and DFARS 252.204-7012 and 7019/7020 govern CUI as before.", first.since),
            next: first.next.clone(),
            citation: "32 CFR 170 (effective 2024-12-16)".into(),
            ..first.clone()
        };
    }
    all.iter()
        .rev()
        .find(|p| p.since <= date)
        .or(all.first())
        .cloned()
        .unwrap_or_else(|| Phase {
            number: 0,
            since: date,
            name: "Unknown".into(),
            text: String::new(),
            next: String::new(),
            citation: "32 CFR 170.3(e)".into(),
        })
}

const C_7012: &str = "DFARS 252.204-7012(b)(2)";
const C_SILENT: &str =
    "DFARS 252.204-7025; DFARS 252.204-7021; DFARS 204.7502, 204.7503; 32 CFR 170.3(e)";
const C_NAMED: &str = "DFARS 252.204-7025(b); DFARS 252.204-7021(b)";
const C_FLOW: &str = "32 CFR 170.23(a); DFARS 252.204-7021(c)";

/// Collects reasons and obligations while the rules run.
#[derive(Default)]
struct Findings {
    reasons: Vec<Reason>,
    obligations: Vec<Obligation>,
}

impl Findings {
    fn why(&mut self, text: impl Into<String>, citation: &'static str) {
        self.reasons.push(Reason {
            text: text.into(),
            citation,
        });
    }
    fn owe(&mut self, id: &'static str, text: impl Into<String>, citation: &'static str) {
        self.obligations.push(Obligation {
            id,
            text: text.into(),
            citation,
        });
    }
}

/// The requirement now: `(level, assessment, assumed)`, or `None` when nothing is required.
type Required = Option<(Level, AssessmentType, bool)>;

/// Decides what applies on `date` (32 CFR 170.3(e), 170.14-170.18, 170.23; DFARS 252.204-7012,
/// -7019, -7020, -7021, -7025; FAR 52.204-21).
pub fn applicability(a: &Answers, date: Date) -> Applicability {
    let phase = phase_on(date);
    let mut f = Findings::default();
    let cui = a.handles_cui == Some(true);
    let fci = a.handles_fci == Some(true) || (cui && a.handles_fci != Some(false));
    let sub = a.role == Some(ContractRole::Sub);

    data_obligations(a, cui, fci, &mut f);
    let required = if sub {
        flowed_down(a, cui, fci, &mut f)
    } else {
        solicited(a, cui, fci, &mut f)
    };
    let planning = planning_level(required, cui, fci, &phase);
    if let Some((level, kind, _)) = required {
        status_obligations(level, kind, sub, &mut f);
    }
    if a.iso_certified == Some(true) {
        f.why(
            "Your ISO/IEC 27001 certificate does not stand in for a CMMC assessment or the NIST SP 800-171 DoD Assessment: CMMC assesses every requirement that applies, with no exclusions by risk choice. Your Statement of Applicability shows which requirements your ISO work may cover, as suggestions to confirm.",
            "32 CFR 170.15-170.18; 32 CFR 170.24",
        );
    }
    let (level, assessment, assumed) = match required {
        Some((l, k, assumed)) => (l, Some(k), assumed),
        None => (Level::None, None, false),
    };
    if level == Level::None && planning.is_none() {
        let text = match (a.handles_fci, a.handles_cui) {
            (Some(false), Some(false)) => "You handle neither FCI nor CUI, so no CMMC level applies. Double-check what your contract sends you: drawings, specifications and contract emails are usually FCI, and marked technical data may be CUI.",
            _ => "Answer whether you handle FCI or CUI to find your level.",
        };
        f.why(text, "32 CFR 170.14; FAR 4.1901");
    }
    let lifecycle = lifecycle(a, date);
    if level == Level::L3 {
        level3_prerequisite(a, lifecycle.as_ref(), date, &mut f);
    }
    let requirement = a.deciding_requirement();
    let settled = a.handles_cui.is_some()
        && (cui || a.handles_fci.is_some())
        && requirement != Solicitation::Unknown
        && (a.role.is_some() || requirement != Solicitation::None || !cui);
    let assumed_until = assumed.then_some(match (sub, a.prime_level.named(), a.handles_cui) {
        (true, Some(_), None) => LevelAssumption::Cui,
        (true, _, _) => LevelAssumption::PrimesContract,
        _ => LevelAssumption::Solicitation,
    });
    Applicability {
        level,
        assessment,
        assumed_until,
        planning,
        obligations: f.obligations,
        phase,
        date,
        lifecycle,
        reasons: f.reasons,
        settled,
    }
}

/// What the information handled brings, whatever the solicitation says.
fn data_obligations(a: &Answers, cui: bool, fci: bool, f: &mut Findings) {
    if fci {
        f.owe(
            "far-52.204-21",
            "Apply the 15 basic safeguarding requirements of FAR 52.204-21(b)(1) to every system that processes, stores or transmits FCI.",
            "FAR 52.204-21(b)(1)",
        );
    }
    if cui {
        f.why(
            "You handle CUI, so DFARS 252.204-7012 applies: all 110 requirements of NIST SP 800-171 r2, and CMMC Level 2 is the level for CUI.",
            "DFARS 252.204-7012(b)(2)(ii)(A); 32 CFR 170.14(c)(3)",
        );
        f.owe(
            "dfars-7012",
            "Implement all 110 requirements of NIST SP 800-171 r2 on systems that hold CUI, report cyber incidents to DoD within 72 hours of discovery, keep CUI in the cloud only with a FedRAMP Moderate (or equivalent) provider, and flow the clause down to subcontractors that handle CUI.",
            C_7012,
        );
        f.owe(
            "dfars-7019-7020",
            "Have a current NIST SP 800-171 DoD Assessment (at least a Basic self-assessment, not more than 3 years old) with its score posted in SPRS before award, scored by the DoD Assessment Methodology.",
            "DFARS 252.204-7019(b); DFARS 252.204-7020",
        );
    } else if fci {
        f.why(
            "You handle FCI, so FAR 52.204-21 applies: its 15 basic safeguarding requirements are CMMC Level 1.",
            "FAR 52.204-21(b)(1); 32 CFR 170.14(c)(2)",
        );
    }
    if a.esp_in_scope == Some(true) && (cui || fci) {
        f.owe(
            "esp-in-scope",
            "Your MSP/MSSP is in your assessment scope: the services it runs in your environment are assessed with yours, so its people, tools and processes must meet the same requirements, and your SSP must describe them.",
            "32 CFR 170.16(c); 32 CFR 170.17(c); 32 CFR 170.19",
        );
    }
    if cui && a.export_controlled == Some(true) {
        f.owe(
            "export-control",
            "Export-controlled CUI may be accessed only by US persons or under a licence: choose cloud, support and administrator arrangements that guarantee it.",
            "ITAR, 22 CFR 120-130; EAR, 15 CFR 730-774",
        );
    }
}

/// A prime: the solicitation decides.
fn solicited(a: &Answers, cui: bool, fci: bool, f: &mut Findings) -> Required {
    match a.solicitation.named() {
        Some((named, kind)) => {
            f.why(
                format!("The solicitation names CMMC {} ({}): holding it in SPRS is a condition of award.", named.label(), kind.short()),
                C_NAMED,
            );
            cite_pasted(a, f);
            if cui && named == Level::L1 {
                f.why(
                    "But you handle CUI, which a Level 1 requirement does not cover: ask the contracting officer which level applies before you bid. DFARS 252.204-7012 and a current NIST SP 800-171 DoD Assessment apply to the CUI either way.",
                    "32 CFR 170.14(c)(3); DFARS 252.204-7012; DFARS 252.204-7019",
                );
            }
            if a.handles_cui == Some(false) && named >= Level::L2 {
                f.why(
                    format!("You report no CUI, yet the solicitation names {}: the requirement is a condition of award all the same. Ask the contracting officer what CUI the contract will involve.", named.label()),
                    C_NAMED,
                );
            }
            Some((named, kind, false))
        }
        None if a.solicitation == Solicitation::None => {
            if cui || fci {
                f.why(
                    "The solicitation names no CMMC level, so no CMMC status is a condition of this award.",
                    C_SILENT,
                );
            }
            None
        }
        None => assumed_level(cui, fci, "the solicitation", f),
    }
}

/// The sentence of the pasted solicitation or contract the named level was read from, quoted.
fn cite_pasted(a: &Answers, f: &mut Findings) {
    if let Some(src) = a.deciding_source() {
        f.why(
            format!(
                "Read from the text you pasted (line {}): \u{201c}{}\u{201d}",
                src.line, src.quote
            ),
            src.citation(),
        );
    }
}

/// Until the requirement is known: CUI assumes Level 2 (C3PAO), FCI Level 1 (Self).
fn assumed_level(cui: bool, fci: bool, whose: &str, f: &mut Findings) -> Required {
    if cui {
        f.why(
            format!("You don't know yet which level {whose} names. Assumed: Level 2 (C3PAO), the level for CUI and the assessment most CUI contracts call for from Phase 2. Check the clause before you rely on it."),
            "32 CFR 170.14(c)(3); 32 CFR 170.3(e); DFARS 252.204-7025",
        );
        Some((Level::L2, AssessmentType::C3pao, true))
    } else if fci {
        f.why(
            format!("You don't know yet which level {whose} names. Assumed: Level 1 (Self), the level for FCI only."),
            "32 CFR 170.14(c)(2); 32 CFR 170.15",
        );
        Some((Level::L1, AssessmentType::SelfAssessment, true))
    } else {
        None
    }
}

/// A subcontractor: the prime's requirement and the information handled decide
/// (32 CFR 170.23(a)).
fn flowed_down(a: &Answers, cui: bool, fci: bool, f: &mut Findings) -> Required {
    f.why(
        "As a subcontractor, your CMMC requirement comes from the prime's contract, set by the information you handle; the prime checks that your status is current before it awards the subcontract.",
        C_FLOW,
    );
    let prime = a.prime_level;
    match prime.named() {
        Some((prime_level, prime_kind)) => {
            cite_pasted(a, f);
            let required = if cui {
                match (prime_level, prime_kind) {
                    (Level::L1, _) => {
                        f.why(
                            "The prime's contract requires only Level 1, but you handle CUI: the 32 CFR 170.23(a) table has no row for this. Ask the prime (or its contracting officer) which level it will flow down; DFARS 252.204-7012 reaches you through 7012(m) either way.",
                            "32 CFR 170.23(a); DFARS 252.204-7012(m)",
                        );
                        (Level::L1, AssessmentType::SelfAssessment)
                    }
                    (Level::L2, AssessmentType::SelfAssessment) => {
                        f.why("With CUI under a Level 2 (Self) prime, you need at least Level 2 (Self).", "32 CFR 170.23(a)(2)");
                        (Level::L2, AssessmentType::SelfAssessment)
                    }
                    (Level::L2, _) => {
                        f.why("With CUI under a Level 2 (C3PAO) prime, you need at least Level 2 (C3PAO).", "32 CFR 170.23(a)(3)");
                        (Level::L2, AssessmentType::C3pao)
                    }
                    _ => {
                        f.why("With CUI under a Level 3 (DIBCAC) prime, you need at least Level 2 (C3PAO); DoD may direct otherwise in the contract, and the prime may ask for Level 3 if it passes you the information Level 3 protects.", "32 CFR 170.23(a)(4); 32 CFR 170.23(b)");
                        (Level::L2, AssessmentType::C3pao)
                    }
                }
            } else if a.handles_cui.is_none() && prime_level != Level::L1 {
                // Which row of the flow-down table applies turns on the one answer missing:
                // assume the CUI row, the level the prime would ask for, and say so.
                let with_cui = match (prime_level, prime_kind) {
                    (Level::L2, AssessmentType::SelfAssessment) => AssessmentType::SelfAssessment,
                    _ => AssessmentType::C3pao,
                };
                f.why(
                    format!(
                        "You have not said whether you will handle CUI, and the level a {} ({}) prime flows down turns on it: Level 2 ({}) with CUI, Level 1 (Self) with FCI only. Assumed: Level 2 ({}) until you answer.",
                        prime_level.label(),
                        prime_kind.short(),
                        with_cui.short(),
                        with_cui.short()
                    ),
                    "32 CFR 170.23(a)",
                );
                return Some((Level::L2, with_cui, true));
            } else if fci {
                // A Level 1 prime gives Level 1 either way; "FCI only" is said only when it was.
                let text = if a.handles_cui.is_none() {
                    format!(
                        "You handle FCI, so under a {} ({}) prime you need Level 1 (Self); if you will handle CUI as well, ask the prime which level it will flow down.",
                        prime_level.label(),
                        prime_kind.short()
                    )
                } else {
                    format!(
                        "You handle FCI only, so under a {} ({}) prime you need Level 1 (Self).",
                        prime_level.label(),
                        prime_kind.short()
                    )
                };
                f.why(text, "32 CFR 170.23(a)(1)");
                (Level::L1, AssessmentType::SelfAssessment)
            } else {
                if a.handles_fci == Some(false) && a.handles_cui == Some(false) {
                    f.why(
                        "A subcontractor that handles neither FCI nor CUI receives no CMMC flow-down.",
                        "32 CFR 170.23(a)",
                    );
                }
                return None;
            };
            Some((required.0, required.1, false))
        }
        None if prime == Solicitation::None => {
            if cui {
                f.why(
                    "The prime's contract names no CMMC level, so there is no CMMC flow-down; DFARS 252.204-7012(m) and the NIST SP 800-171 DoD Assessment in SPRS still reach a subcontractor that handles CUI.",
                    "32 CFR 170.23(a); DFARS 252.204-7012(m); DFARS 252.204-7019",
                );
            } else if fci {
                f.why(
                    "The prime's contract names no CMMC level, so there is no CMMC flow-down.",
                    "32 CFR 170.23(a)",
                );
            }
            None
        }
        None => assumed_level(cui, fci, "the prime's contract", f),
    }
}

/// The prerequisite for a Level 3 assessment, as the held status and its lifecycle give it (the
/// same test as `evaluate`'s, so the reason and the Level 3 result never disagree: the
/// assessor's review, 2026-12-07, found "You report a Final Level 2 (C3PAO) status, the
/// prerequisite" beside "No Final Level 2 (C3PAO) yet" for an expired status).
fn level3_prerequisite(a: &Answers, lifecycle: Option<&Lifecycle>, date: Date, f: &mut Findings) {
    const PLAN: &str = "plan for a C3PAO Level 2 certification with the maximum score of 110 before DIBCAC assesses the 24 Level 3 requirements.";
    let text = match (a.current_status, lifecycle) {
        (Some(held), Some(l)) if l.expired && held.level() == Level::L3 => format!(
            "Your {} expired on {}: a new Level 3 assessment needs a current Final Level 2 (C3PAO) status for the same scope first; {PLAN}",
            held.label(),
            l.expires
        ),
        (Some(held), Some(l)) if l.expired && held.level() == Level::L2 => format!(
            "Your {} expired on {}, so it is not the prerequisite any more: a Final Level 2 (C3PAO) status for the same scope must be current first; {PLAN}",
            held.label(),
            l.expires
        ),
        (Some(held), Some(l)) if l.status_date > date => format!(
            "Your {} is dated {}, after the date the rules are applied on ({date}), so it does not count yet as the prerequisite.",
            held.label(),
            l.status_date
        ),
        (Some(HeldStatus::L2C3paoFinal), _) => "You report a Final Level 2 (C3PAO) status, the prerequisite for a Level 3 assessment of the same scope.".to_string(),
        (Some(HeldStatus::L3DibcacFinal | HeldStatus::L3DibcacConditional), _) => "You report a Level 3 (DIBCAC) status: it rests on a Final Level 2 (C3PAO) status for the same scope, which must stay current, affirmed every year, for the Level 3 status to hold.".to_string(),
        _ => format!("Level 3 requires a Final Level 2 (C3PAO) status for the same scope first: {PLAN}"),
    };
    f.why(text, "32 CFR 170.18(a); 32 CFR 170.24(c)(3)");
}

/// A planning level where nothing (or less than the data needs) is required yet.
fn planning_level(required: Required, cui: bool, fci: bool, phase: &Phase) -> Option<Planning> {
    let needs_more = matches!(required, Some((Level::L1, _, false))) && cui;
    if required.is_some() && !needs_more {
        return None;
    }
    if cui {
        let kind = if phase.number >= 2 {
            AssessmentType::C3pao
        } else {
            AssessmentType::SelfAssessment
        };
        let text = if kind == AssessmentType::C3pao {
            format!("For planning only: with CUI, the next solicitation will most likely name Level 2 (C3PAO), which {} makes a condition of award in applicable solicitations.", phase.name)
        } else {
            let now = if phase.number == 0 {
                "no solicitation requires a CMMC status yet; from Phase 1 (2025-11-10) they mostly call for Level 2 (Self)".to_string()
            } else {
                format!(
                    "in {} solicitations mostly call for Level 2 (Self)",
                    phase.name
                )
            };
            format!("For planning only: with CUI, expect Level 2; {now}, and Level 2 (C3PAO) becomes the rule in Phase 2 (from 2026-11-10).")
        };
        Some(Planning {
            level: Level::L2,
            assessment: kind,
            reasons: vec![Reason {
                text,
                citation: "32 CFR 170.3(e); 32 CFR 170.14(c)(3)",
            }],
        })
    } else if fci && required.is_none() {
        Some(Planning {
            level: Level::L1,
            assessment: AssessmentType::SelfAssessment,
            reasons: vec![Reason {
                text: "For planning only: with FCI, expect Level 1 (Self) in DoD solicitations that name a level.".into(),
                citation: "32 CFR 170.14(c)(2); 32 CFR 170.3(e)",
            }],
        })
    } else {
        None
    }
}

/// What holding a CMMC status involves, once one is required.
fn status_obligations(level: Level, kind: AssessmentType, sub: bool, f: &mut Findings) {
    let (text, citation) = match (level, kind) {
        (Level::L1, _) => (
            "Level 1 (Self): a self-assessment of all 15 requirements every year, each entered in SPRS with an affirmation by a senior official. No POA&M is allowed: every requirement must be met.",
            "32 CFR 170.15; 32 CFR 170.21(a)(1); 32 CFR 170.22",
        ),
        (Level::L2, AssessmentType::SelfAssessment) => (
            "Level 2 (Self): a self-assessment every 3 years, results and affirmation in SPRS, affirmed again every year. A Conditional status (score of at least 88 with an allowed POA&M) lasts 180 days, by which the POA&M must be closed.",
            "32 CFR 170.16; 32 CFR 170.21; 32 CFR 170.22",
        ),
        (Level::L2, _) => (
            "Level 2 (C3PAO): a certification assessment by a C3PAO every 3 years, affirmed in SPRS at the assessment and every year. A Conditional status lasts 180 days, by which the POA&M must be closed in a closeout assessment.",
            "32 CFR 170.17; 32 CFR 170.21; 32 CFR 170.22",
        ),
        _ => (
            "Level 3 (DIBCAC): a Final Level 2 (C3PAO) for the same scope first, then a DIBCAC assessment of the 24 Level 3 requirements every 3 years, affirmed every year. A Conditional status lasts 180 days.",
            "32 CFR 170.18; 32 CFR 170.21; 32 CFR 170.22",
        ),
    };
    f.owe("cmmc-status", text, citation);
    f.owe(
        "status-change-notice",
        "Keep the status current in SPRS for every contractor information system that holds FCI or CUI, and tell the contracting officer within 72 hours of any lapse or change in it.",
        "DFARS 252.204-7021 (as amended by 90 FR 43560)",
    );
    if !sub {
        f.owe(
            "flow-down",
            "Flow the CMMC requirement down to subcontractors that will process, store or transmit FCI or CUI, at the level 32 CFR 170.23 gives them, and check their status in SPRS before awarding the subcontract.",
            C_FLOW,
        );
    }
}

/// When a held status expires and when its next affirmation is due.
fn lifecycle(a: &Answers, date: Date) -> Option<Lifecycle> {
    let status = a.current_status?;
    let status_date = a.status_date?;
    let (expires, citation) = if !status.is_final() {
        (status_date.add_days(180), "32 CFR 170.21(b)")
    } else if status.level() == Level::L1 {
        (status_date.add_years(1), "32 CFR 170.15(a)")
    } else if status.level() == Level::L2 {
        (
            status_date.add_years(3),
            if status.assessor() == AssessmentType::SelfAssessment {
                "32 CFR 170.16(a)"
            } else {
                "32 CFR 170.17(a)"
            },
        )
    } else {
        (status_date.add_years(3), "32 CFR 170.18(a)")
    };
    // A Conditional status must be closed out "within 180-days of the Conditional CMMC Status
    // Date" (32 CFR 170.21(b)): the 180th day still counts, and it expires after it. A Final
    // status is valid "for a period of three years" (one year at Level 1) from its date, which
    // ends on the anniversary.
    let expired = if status.is_final() {
        date >= expires
    } else {
        date > expires
    };
    // Affirmations are annual from the status date; a Conditional status is affirmed after the
    // POA&M closeout instead (32 CFR 170.22). An affirmation due on the date applied is due
    // now, not next year (the assessor's review, 2026-12-07).
    let next_affirmation = if status.is_final() && !expired {
        let mut next = status_date.add_years(1);
        let mut years = 1;
        while next < date && years < 10 {
            years += 1;
            next = status_date.add_years(years);
        }
        (next <= expires).then_some(next)
    } else {
        None
    };
    let text = if status_date > date {
        format!(
            "Your {} is dated {status_date}, after the date the rules are applied on ({date}): it does not count yet.",
            status.label()
        )
    } else if expired && !status.is_final() {
        format!(
            "Your {} from {status_date} expired: its 180 days ended on {expires} without a closeout (32 CFR 170.21(b)). It no longer counts for award or for continued performance. Reassess now.",
            status.label()
        )
    } else if expired {
        format!(
            "Your {} from {status_date} expired on {expires}: it no longer counts for award or for continued performance. Reassess now.",
            status.label()
        )
    } else if status.is_final() {
        // The affirmation that falls on the expiry goes with a new assessment, not on its own.
        let affirm = match next_affirmation {
            Some(d) if d == expires => format!(
                ", when a new {} and its affirmation are due",
                if status.level() == Level::L1 {
                    "self-assessment"
                } else {
                    "assessment"
                }
            ),
            Some(d) if d == date => "; the annual affirmation is due today".to_string(),
            Some(d) => format!("; the next annual affirmation is due by {d}"),
            None => String::new(),
        };
        format!(
            "Your {} from {status_date} is valid until {expires}{affirm}.",
            status.label()
        )
    } else {
        format!(
            "Your {} from {status_date} lasts through {expires}, the 180th day: the POA&M must be closed and confirmed by a closeout assessment by then, or the status expires (32 CFR 170.21(b)).",
            status.label()
        )
    };
    Some(Lifecycle {
        status,
        status_date,
        expires,
        expired,
        next_affirmation,
        text,
        citation,
    })
}
