//! How a requirement's SP 800-171A assessment objectives decide it (32 CFR 170.24(b)): the
//! answers counted per requirement, and the decision they make, with the named partial states of
//! 3.5.3 and 3.13.11 (32 CFR 170.24(c)(2)(i)(B)(4)). `settle` in the front door weighs it first.

use super::ObjectiveTally;
use crate::engine::catalog::{Catalog, Requirement};
use crate::engine::ids::ObjectiveId;
use crate::engine::questionnaire::{Answers, Encryption};
use crate::engine::vocab::{
    Answer, Basis, DirectAnswer, ObjectiveAnswer, ObjectiveStatus, Status, FIPS_CRYPTO, MFA,
};
use std::collections::BTreeMap;

/// 3.5.3's one objective the named partial state may leave open: MFA for network access to
/// non-privileged accounts (SP 800-171A 3.5.3[d]). Its other objectives (privileged accounts
/// identified, MFA for their local and network access) are the state itself.
const MFA_NON_PRIVILEGED: &str = "3.5.3[d]";

/// What the answers to a requirement's assessment objectives say.
pub(super) struct ObjectiveFindings {
    pub(super) tally: ObjectiveTally,
    /// Answered not met.
    pub(super) not_met: Vec<ObjectiveId>,
    /// Not answered yet (listed only once one of the requirement's objectives is answered).
    unanswered: Vec<ObjectiveId>,
    /// Answered N/A without a justification.
    unjustified: Vec<ObjectiveId>,
}

impl ObjectiveFindings {
    pub(super) fn of(
        catalog: &Catalog,
        req: &Requirement,
        answers: &BTreeMap<ObjectiveId, ObjectiveAnswer>,
    ) -> ObjectiveFindings {
        let mut f = ObjectiveFindings {
            tally: ObjectiveTally::default(),
            not_met: Vec::new(),
            unanswered: Vec::new(),
            unjustified: Vec::new(),
        };
        let objectives = catalog.objectives_of(&req.id);
        // Most requirements have no objective answered, and then the objectives do not decide
        // (`settle`) and no list is read: only counted, so an answer does not copy 320 ids.
        if objectives.iter().all(|o| !answers.contains_key(&o.id)) {
            f.tally.total = u32::try_from(objectives.len()).unwrap_or(u32::MAX);
            return f;
        }
        for o in objectives {
            f.tally.total += 1;
            let answer = answers.get(&o.id);
            match answer.and_then(|a| a.answer) {
                Some(ObjectiveStatus::Met) => f.tally.met += 1,
                Some(ObjectiveStatus::NotMet) => {
                    f.tally.not_met += 1;
                    f.not_met.push(o.id.clone());
                }
                Some(ObjectiveStatus::NotApplicable) => f.tally.not_applicable += 1,
                None => f.unanswered.push(o.id.clone()),
            }
            if answer.is_some_and(ObjectiveAnswer::record_missing) {
                f.unjustified.push(o.id.clone());
            }
        }
        f
    }
}

/// Objective ids for a sentence: all of them up to six, else the first five and a count.
fn join_objectives(ids: &[ObjectiveId]) -> String {
    let names: Vec<&str> = ids.iter().map(ObjectiveId::as_str).collect();
    match names.len() {
        0..=6 => names.join(", "),
        n => format!("{} and {} more", names[..5].join(", "), n - 5),
    }
}

/// The decision the objective answers make (32 CFR 170.24(b)): any objective not met makes the
/// requirement NOT MET; every objective met or N/A makes it MET (N/A is equivalent to MET,
/// 170.24(b)(3), so all N/A is assessed N/A and counts as MET); some answered and none not met
/// leaves it unknown. For 3.5.3 and 3.13.11 an unmet objective is the named partial state when
/// the user says that state holds (the direct answer `partial`, or for 3.13.11 the encryption
/// question): 3 points instead of 5 (32 CFR 170.24(c)(2)(i)(B)(4)).
pub(super) fn by_objectives(
    req: &Requirement,
    f: &ObjectiveFindings,
    direct: Option<&DirectAnswer>,
    answers: &Answers,
) -> (Status, Basis, bool, String) {
    let t = f.tally;
    let set_aside = |contradicts: bool| {
        match direct {
        Some(d) if contradicts => format!(
            " The direct answer (\u{201c}{}\u{201d}) is set aside: once objectives are answered, they decide.",
            d.answer.label_for(&req.id).to_lowercase()
        ),
        _ => String::new(),
    }
    };
    let unjustified = if f.unjustified.is_empty() {
        String::new()
    } else {
        format!(
            " Write why {} {} not apply: the SSP justifies each N/A.",
            join_objectives(&f.unjustified),
            if f.unjustified.len() == 1 {
                "does"
            } else {
                "do"
            }
        )
    };
    if !f.not_met.is_empty() {
        let open = format!(
            "Objective{} {} not met, so the requirement is NOT MET (32 CFR 170.24(b)).",
            if f.not_met.len() == 1 { "" } else { "s" },
            join_objectives(&f.not_met)
        );
        if req.partial_points.is_some() {
            let aside = set_aside(direct.is_some_and(|d| d.answer != Answer::NotMet));
            if let Some(broken) = mfa_state_broken(req, f, &open, &aside, &unjustified) {
                return broken;
            }
            let stated = direct.is_some_and(|d| d.answer == Answer::Partial)
                || (req.id.as_str() == FIPS_CRYPTO
                    && answers.encryption == Some(Encryption::NotValidated));
            return named_partial_state(req, &open, stated, &unjustified);
        }
        let contradicts = direct.is_some_and(|d| d.status().is_satisfied());
        return (
            Status::NotMet,
            Basis::Objectives,
            false,
            format!("{open}{}{unjustified}", set_aside(contradicts)),
        );
    }
    let contradicts = direct.is_some_and(|d| !d.status().is_satisfied());
    if t.answered() < t.total {
        return (
            Status::Unknown,
            Basis::PartlyAnswered,
            false,
            format!(
                "{} of {} objectives answered, none not met: unknown until {} {} answered.{}{unjustified}",
                t.answered(),
                t.total,
                join_objectives(&f.unanswered),
                if f.unanswered.len() == 1 { "is" } else { "are" },
                set_aside(direct.is_some())
            ),
        );
    }
    if t.not_applicable == t.total {
        return (
            Status::NotApplicable,
            Basis::Objectives,
            false,
            format!(
                "Every objective is not applicable: the requirement is assessed N/A, which counts as MET (32 CFR 170.24(b)(3)).{}{unjustified}",
                set_aside(contradicts)
            ),
        );
    }
    (
        Status::Met,
        Basis::Objectives,
        false,
        format!(
            "Every objective is met{}: MET (32 CFR 170.24(b)).{}{unjustified}",
            if t.not_applicable > 0 {
                " or not applicable (N/A counts as met, 170.24(b)(3))"
            } else {
                ""
            },
            set_aside(contradicts)
        ),
    )
}

/// MFA's named state is MFA for remote and privileged users: privileged accounts identified
/// ([a]) and MFA for their local ([b]) and network ([c]) access. Only network access to
/// non-privileged accounts ([d]) may be open in it; with any other objective not met the state
/// does not hold, and 3.5.3 is NOT MET at its full points whatever the answer says.
fn mfa_state_broken(
    req: &Requirement,
    f: &ObjectiveFindings,
    open: &str,
    set_aside: &str,
    unjustified: &str,
) -> Option<(Status, Basis, bool, String)> {
    if req.id.as_str() != MFA {
        return None;
    }
    let beyond: Vec<ObjectiveId> = f
        .not_met
        .iter()
        .filter(|o| o.as_str() != MFA_NON_PRIVILEGED)
        .cloned()
        .collect();
    (!beyond.is_empty()).then(|| {
        (
            Status::NotMet,
            Basis::Objectives,
            false,
            format!(
                "{open} The named partial state (MFA for remote and privileged users) does not hold: {} {} about privileged accounts, so it loses {} points (32 CFR 170.24(c)(2)(i)(B)(4)).{set_aside}{unjustified}",
                join_objectives(&beyond),
                if beyond.len() == 1 { "is" } else { "are" },
                req.points.unwrap_or(5),
            ),
        )
    })
}

/// 3.5.3 or 3.13.11 with an objective not met: the named partial state when the user says it
/// holds, else NOT MET at full points with the state named, so the user can say it if it holds.
fn named_partial_state(
    req: &Requirement,
    open: &str,
    stated: bool,
    unjustified: &str,
) -> (Status, Basis, bool, String) {
    let state = if req.id.as_str() == MFA {
        "MFA implemented for remote and privileged users but not for all users"
    } else {
        "encryption employed but not FIPS-validated"
    };
    let points = req.partial_points.unwrap_or(3);
    if stated {
        (
            Status::Partial,
            Basis::Objectives,
            true,
            format!(
                "{open} The answer says the named partial state holds ({state}): {points} points instead of {} (32 CFR 170.24(c)(2)(i)(B)(4)).{unjustified}",
                req.points.unwrap_or(5)
            ),
        )
    } else {
        let how = if req.id.as_str() == MFA {
            "answer the requirement \u{201c}partial\u{201d}"
        } else {
            "answer the requirement \u{201c}partial\u{201d} (or the encryption question: encrypted, not FIPS-validated)"
        };
        (
            Status::NotMet,
            Basis::Objectives,
            false,
            format!(
                "{open} If the named partial state holds ({state}), {how}: it loses {points} points instead of {} (32 CFR 170.24(c)(2)(i)(B)(4)).{unjustified}",
                req.points.unwrap_or(5)
            ),
        )
    }
}
