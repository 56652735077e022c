//! The Plan of Action and Milestones' content, once, as data ([`Poam`]), and its CSV. It holds
//! the open items only, read from the answers the user confirmed (a score counts requirements
//! assessed MET, 32 CFR 170.24(c)(2)): those found open that may sit on a POA&M for a
//! Conditional status (32 CFR 170.21(a)(2) for Level 2, (a)(3) for Level 3); listed apart, the
//! blockers that may not and must be met first; and last, the requirements not assessed yet,
//! whatever the ISO evidence suggests, each counted as not met until assessed. Each carries the
//! plan the user wrote (owner, milestones, resources, scheduled completion). When the confirmed
//! status would be Conditional, every item carries the closeout deadline: 180 days after the
//! Conditional CMMC Status Date (32 CFR 170.21(b)).
//!
//! The status date is the held Conditional status's date when the user holds one at that level
//! (that is the date the 180 days run from), else the input's date: the POA&M then shows what
//! an assessment on that day would leave open, and when it would have to be closed.

use crate::engine::assess::{RequirementResult, ISO_ASIDE};
use crate::engine::assessment::Assessment;
use crate::engine::catalog::Catalog;
use crate::engine::date::Date;
use crate::engine::evaluate::Input;
use crate::engine::ids::ObjectiveId;
use crate::engine::questionnaire::Level;
use crate::engine::records::{PoamPlan, SystemInfo};
use crate::engine::report::neutralise_cell;
use crate::engine::score::{
    blocking_reason, effective, poam_allowed, points_lost, Counting, Level2Reading, Level2Status,
    Level3Status, POAM_CLOSEOUT_DAYS,
};
use crate::engine::vocab::{Basis, ObjectiveAnswer, Status};
use std::collections::BTreeMap;

/// Everything the POA&M says.
#[derive(Debug, Clone, PartialEq)]
pub struct Poam {
    /// The date it is written for (the input's date).
    pub date: Date,
    /// The system it is for.
    pub system: SystemInfo,
    /// The Level 2 status the open items lead to: on the confirmed answers, and with the ISO
    /// suggestions.
    pub level2: Level2Reading,
    /// The Level 3 status, when Level 3 applies.
    pub level3: Option<Level3Status>,
    /// Items that may sit on the POA&M, Level 2 then Level 3.
    pub items: Vec<PoamItem>,
    /// Open items that may not: they must be met before a Conditional status.
    pub blockers: Vec<PoamItem>,
    /// Requirements not assessed yet (Level 2 then Level 3): counted as not met until they are,
    /// whatever the ISO evidence suggests. Their status is `Unknown`; the weakness says what the
    /// evidence suggests.
    pub unassessed: Vec<PoamItem>,
}

/// One open item.
#[derive(Debug, Clone, PartialEq)]
pub struct PoamItem {
    /// The item's id as the POA&M shows it (and as `Input::poam` is keyed): `3.1.1`, or
    /// `AC.L3-3.1.2e` for Level 3.
    pub id: String,
    /// 2 or 3.
    pub level: u8,
    /// The CMMC id (`AC.L2-3.1.1`, `AC.L3-3.1.2e`).
    pub cmmc_id: String,
    /// The requirement's text (Level 3: its statement with DoD's parameters).
    pub requirement: String,
    /// The weakness: why it is open.
    pub weakness: String,
    /// Its status.
    pub status: Status,
    /// In a named partial state (3.5.3 or 3.13.11, 32 CFR 170.24(c)(2)(i)(B)(4)).
    pub partial_credit: bool,
    /// The points it costs the score (Level 3: one per requirement, 32 CFR 170.24(c)(3)).
    pub points: i32,
    /// The objectives answered not met.
    pub open_objectives: Vec<ObjectiveId>,
    /// For a blocker: why it may not sit on a POA&M.
    pub blocker_reason: Option<String>,
    /// The plan the user wrote (empty fields when none).
    pub plan: PoamPlan,
    /// When the status would be Conditional: the Conditional CMMC Status Date the 180 days run
    /// from, and the closeout deadline (32 CFR 170.21(b)).
    pub closeout: Option<Closeout>,
}

impl PoamItem {
    /// The risk's deadline, the date by which it must be resolved: the earlier of the user's
    /// completion date and the closeout deadline. A completion scheduled after the closeout does
    /// not move the deadline (`late` says so); one before it is the organisation's own, stricter
    /// commitment. (The scheduled completion the exports print is the user's date alone.)
    pub fn scheduled(&self) -> Option<Date> {
        let closeout = self.closeout.as_ref().map(|c| c.deadline);
        match (self.plan.completion, closeout) {
            (Some(d), Some(c)) => Some(d.min(c)),
            (d, c) => d.or(c),
        }
    }

    /// True when the user's completion date falls after the closeout deadline: the Conditional
    /// status would expire first (32 CFR 170.21(b)).
    pub fn late(&self) -> bool {
        matches!((self.plan.completion, &self.closeout), (Some(d), Some(c)) if d > c.deadline)
    }
}

/// The 180-day closeout of a Conditional status (32 CFR 170.21(b)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closeout {
    /// The Conditional CMMC Status Date.
    pub status_date: Date,
    /// True when it is the date of a Conditional status the user holds; false when it is the
    /// input's date (the status an assessment on that day would give).
    pub held: bool,
    /// The status date plus 180 days: the POA&M must be closed and confirmed by a closeout
    /// assessment by then.
    pub deadline: Date,
}

/// The POA&M for the inputs and their assessment, read from the confirmed answers.
pub fn poam(catalog: &Catalog, input: &Input, a: &Assessment) -> Poam {
    let level2 = &a.scoring.level2_confirmed;
    let closeout2 = conditional_closeout(a, input.date, Level::L2);
    let mut items = Vec::new();
    let mut blockers = Vec::new();
    let mut unassessed = Vec::new();
    for r in &a.requirements {
        let Some(req) = catalog.requirement(&r.id) else {
            continue;
        };
        // Every open requirement is on the POA&M with its plan, whatever the status: each one
        // not met needs a plan of action (32 CFR 170.24(c)(2)(i)(B)(6); NIST SP 800-171 r2
        // 3.12.2), also without an SSP, when the status has no POA&M items to speak of. Whether
        // it may sit on a POA&M for a Conditional status is the rule of 170.21(a)(2).
        let status = effective(r, Counting::Confirmed);
        if status.is_satisfied() {
            continue;
        }
        let plan = input.poam.get(r.id.as_str()).cloned().unwrap_or_default();
        let points = points_lost(req, r, Counting::Confirmed);
        if !r.basis.is_confirmed() {
            unassessed.push(PoamItem {
                id: r.id.to_string(),
                level: 2,
                cmmc_id: req.cmmc_id.clone(),
                requirement: req.text.clone(),
                weakness: unassessed_weakness(r),
                status: Status::Unknown,
                partial_credit: false,
                points,
                open_objectives: r.open_objectives.clone(),
                blocker_reason: None,
                plan,
                closeout: None,
            });
            continue;
        }
        let blocker = level2
            .blocking
            .iter()
            .find(|b| b.id == r.id)
            .map(|b| b.reason.clone())
            .or_else(|| {
                (!poam_allowed(req, r, Counting::Confirmed))
                    .then(|| blocking_reason(req, status, r.partial_credit))
            });
        let item = PoamItem {
            id: r.id.to_string(),
            level: 2,
            cmmc_id: req.cmmc_id.clone(),
            requirement: req.text.clone(),
            weakness: weakness(r, &input.objectives),
            status: r.status,
            partial_credit: r.partial_credit,
            points,
            open_objectives: r.open_objectives.clone(),
            blocker_reason: blocker.clone(),
            plan,
            closeout: if blocker.is_some() { None } else { closeout2 },
        };
        if blocker.is_some() {
            blockers.push(item);
        } else {
            items.push(item);
        }
    }
    let app = &a.applicability;
    let level3_applies =
        app.level == Level::L3 || app.planning.as_ref().is_some_and(|p| p.level == Level::L3);
    let level3 = level3_applies.then_some(a.scoring.level3.status);
    if level3_applies {
        level3_items(
            catalog,
            input,
            a,
            &mut items,
            &mut blockers,
            &mut unassessed,
        );
    }
    Poam {
        date: input.date,
        system: input.system.clone(),
        level2: a.scoring.level2_reading(),
        level3,
        items,
        blockers,
        unassessed,
    }
}

/// Why a requirement not assessed yet is on the POA&M, with what the ISO evidence suggests: for
/// the assessor who reads it, not the app's instructions to its user.
fn unassessed_weakness(r: &RequirementResult) -> String {
    let suggests = match (r.basis, r.inferred) {
        (Basis::PartlyAnswered, suggested) => format!(
            "Its assessment objectives are partly answered ({} of {}, none not met){}.",
            r.objectives.answered(),
            r.objectives.total,
            if suggested == Status::Unknown {
                String::new()
            } else {
                format!(
                    "; ISO/IEC 27001 evidence suggests: {}",
                    suggested.label().to_lowercase()
                )
            }
        ),
        (_, Status::Unknown) => "No ISO/IEC 27001 evidence for it either.".to_string(),
        (_, suggested) => {
            let controls: Vec<String> = r
                .supporting_controls()
                .iter()
                .map(|c| c.to_string())
                .collect();
            let via = if controls.is_empty() {
                String::new()
            } else {
                format!(" ({})", controls.join(", "))
            };
            format!(
                "ISO/IEC 27001 evidence{via} suggests: {}.",
                suggested.label().to_lowercase()
            )
        }
    };
    format!("Not assessed yet: counted as not met until it is (32 CFR 170.24(c)(2)). {suggests}")
}

/// The open Level 3 requirements: on the POA&M unless 32 CFR 170.21(a)(3)(ii) excludes them.
fn level3_items(
    catalog: &Catalog,
    input: &Input,
    a: &Assessment,
    items: &mut Vec<PoamItem>,
    blockers: &mut Vec<PoamItem>,
    unassessed: &mut Vec<PoamItem>,
) {
    let l3 = &a.scoring.level3;
    let closeout3 = conditional_closeout(a, input.date, Level::L3);
    for item in l3.requirements.iter().filter(|i| i.status != Status::Met) {
        let Some(req) = catalog.level3.iter().find(|l| l.id == item.id) else {
            continue;
        };
        let answered = if item.status == Status::Unknown {
            "Not assessed yet: counted as not met until it is."
        } else {
            "Answered not met."
        };
        let blocker_reason = (!item.poam_eligible).then(|| {
            "Excluded from a Level 3 POA&M by 32 CFR 170.21(a)(3)(ii): it must be met at assessment."
                .to_string()
        });
        let out = PoamItem {
            id: item.id.clone(),
            level: 3,
            cmmc_id: item.id.clone(),
            requirement: req.statement.clone(),
            weakness: format!("{} ({}): {answered}", req.short_name, req.nist_id),
            status: item.status,
            partial_credit: false,
            points: 1,
            open_objectives: Vec::new(),
            plan: input.poam.get(&item.id).cloned().unwrap_or_default(),
            closeout: if item.poam_eligible { closeout3 } else { None },
            blocker_reason,
        };
        if item.status == Status::Unknown {
            unassessed.push(PoamItem {
                closeout: None,
                blocker_reason: None,
                ..out
            });
        } else if item.poam_eligible {
            items.push(out);
        } else {
            blockers.push(out);
        }
    }
}

/// The 180-day closeout of the level's status (32 CFR 170.21(b)) when that status is (or would
/// be, assessed on `date`) Conditional, and `None` otherwise: then no POA&M item has a deadline.
/// It runs from the held Conditional status's date when the user holds one at that level (not
/// expired), else from `date`. Where the contract requires no CMMC level at all (a planning
/// level only) and no Conditional status is held, there is no status to close out and no
/// deadline: DFARS 252.204-7012 and 7019/7020 set none (the assessor's review, 2026-12-07). The
/// POA&M dates its items with it; the app's plan form says it beside the scheduled completion.
pub fn conditional_closeout(a: &Assessment, date: Date, level: Level) -> Option<Closeout> {
    let (conditional, required) = match level {
        Level::L2 => (
            a.scoring.level2_confirmed.status == Level2Status::Conditional,
            matches!(a.applicability.level, Level::L2 | Level::L3),
        ),
        Level::L3 => (
            a.scoring.level3.status == Level3Status::Conditional,
            a.applicability.level == Level::L3,
        ),
        _ => (false, false),
    };
    let c = closeout(a, date, level);
    (conditional && (required || c.held)).then_some(c)
}

fn closeout(a: &Assessment, date: Date, level: Level) -> Closeout {
    let held = a
        .applicability
        .lifecycle
        .as_ref()
        .filter(|l| !l.status.is_final() && l.status.level() == level && !l.expired);
    let status_date = held.map_or(date, |l| l.status_date);
    Closeout {
        status_date,
        held: held.is_some(),
        deadline: status_date.add_days(i64::from(POAM_CLOSEOUT_DAYS)),
    }
}

/// The POA&M as CSV: the items that may sit on it, then the blockers, one row each, every cell
/// made safe for a spreadsheet ([`neutralise_cell`]).
pub fn poam_csv(p: &Poam) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header = [
        "Kind",
        "Item",
        "CMMC id",
        "Requirement",
        "Weakness",
        "Status",
        "Points",
        "Objectives not met",
        "Owner",
        "Milestones",
        "Resources",
        "Scheduled completion",
        "Closeout deadline (32 CFR 170.21(b))",
        "Notes",
    ];
    // Writing to a Vec cannot fail; a failed record would only drop that record.
    let _ = w.write_record(header);
    let rows = p
        .items
        .iter()
        .map(|i| (i, "POA&M item"))
        .chain(
            p.blockers
                .iter()
                .map(|i| (i, "Blocker: may not sit on a POA&M")),
        )
        .chain(
            p.unassessed
                .iter()
                .map(|i| (i, "Not assessed yet: counted as not met")),
        );
    for (item, kind) in rows {
        let _ = w.write_record(csv_row(item, kind).iter().map(|f| neutralise_cell(f)));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Why a requirement is open: its explanation, what the user wrote with their answer to it, then
/// what they wrote about each objective answered not met ("3.1.8[b]: lockout not yet enforced
/// on the VPN").
fn weakness(r: &RequirementResult, objectives: &BTreeMap<ObjectiveId, ObjectiveAnswer>) -> String {
    // The finding, without the aside on what ISO evidence alone would say.
    let mut out = r
        .explanation
        .split(ISO_ASIDE)
        .next()
        .unwrap_or_default()
        .trim_end()
        .to_string();
    if let Some(note) = r
        .answer
        .as_ref()
        .filter(|_| r.basis == Basis::Answered)
        .map(|d| d.note.trim())
        .filter(|n| !n.is_empty())
    {
        out.push_str(&format!(" Your note: {note}"));
    }
    for id in &r.open_objectives {
        if let Some(note) = objectives
            .get(id)
            .map(|o| o.note.trim())
            .filter(|n| !n.is_empty())
        {
            out.push_str(&format!(" {id}: {note}"));
        }
    }
    out
}

fn csv_row(item: &PoamItem, kind: &str) -> [String; 14] {
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let milestones = item.plan.milestone_lines();
    let mut notes = Vec::new();
    if let Some(reason) = &item.blocker_reason {
        notes.push(reason.clone());
    }
    if let Some(c) = &item.closeout {
        notes.push(if c.held {
            format!(
                "Closeout {POAM_CLOSEOUT_DAYS} days after the Conditional status date {} (the status you hold).",
                c.status_date
            )
        } else {
            format!(
                "Closeout {POAM_CLOSEOUT_DAYS} days after a Conditional status dated {} (the date of this plan): the real deadline runs from the status date an assessment gives.",
                c.status_date
            )
        });
    }
    if item.late() {
        notes.push(
            "Scheduled after the closeout deadline: the Conditional status would expire first (32 CFR 170.21(b))."
                .to_string(),
        );
    }
    [
        format!("{kind} (Level {})", item.level),
        item.id.clone(),
        item.cmmc_id.clone(),
        item.requirement.clone(),
        item.weakness.clone(),
        item.status.label().to_string(),
        item.points.to_string(),
        item.open_objectives
            .iter()
            .map(ObjectiveId::as_str)
            .collect::<Vec<_>>()
            .join(" "),
        item.plan.owner.clone(),
        milestones.join("; "),
        item.plan.resources.clone(),
        // The organisation's own date only: the closeout deadline has its own column, and a
        // date nobody set must not read as a commitment (the assessor's review, 2026-12-07).
        date(item.plan.completion),
        date(item.closeout.map(|c| c.deadline)),
        notes.join(" "),
    ]
}
