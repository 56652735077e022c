//! Which answer decides a requirement: its assessment objectives once they say something
//! decisive, then a direct answer, then the questionnaire, then the ISO evidence.

use super::disagree::overridden_note;
use super::objectives::{by_objectives, ObjectiveFindings};
use super::{questionnaire_answer, ISO_ASIDE};
use crate::engine::catalog::Requirement;
use crate::engine::questionnaire::Answers;
use crate::engine::vocab::{Answer, Basis, DirectAnswer, Status};

/// The status the requirement counts as, its basis, whether partial credit applies, and the
/// explanation. Precedence: the assessment objectives, once any is answered (they are what an
/// assessor examines, 32 CFR 170.24(b)); then a direct answer; then the questionnaire; then the
/// ISO evidence.
pub(super) fn settle(
    req: &Requirement,
    findings: &ObjectiveFindings,
    direct: Option<&DirectAnswer>,
    answers: &Answers,
    inferred: Status,
    why: String,
) -> (Status, Basis, bool, String) {
    // Once the user has answered, what the ISO evidence alone would say is no longer the reason:
    // it follows as such, so a sentence like "confirm it meets the requirement" is never read as
    // part of the finding (the evidence itself is listed with the requirement).
    let aside = |why: &str| {
        if why.is_empty() {
            String::new()
        } else {
            format!(" {ISO_ASIDE} {why}")
        }
    };
    if findings.tally.answered() > 0 {
        let (status, basis, credit, text) = by_objectives(req, findings, direct, answers);
        // Objectives partly answered, none not met, say nothing decisive yet: what decided the
        // requirement before still does. A direct or questionnaire answer stands (answering an
        // objective "met" must not take back a "met" already given: the re-review of
        // 2026-12-07 found the SSP answered yes turn into "not eligible" that way); otherwise
        // nothing is confirmed, and the forecast keeps what the ISO evidence suggests (the
        // users' walk-through: -14 fell to -19).
        if basis == Basis::PartlyAnswered {
            let before = settle_answers(req, direct, answers, inferred, why.clone(), &aside);
            if before.1.is_confirmed() {
                let t = &findings.tally;
                return (
                    before.0,
                    before.1,
                    before.2,
                    format!(
                        "{} of {} objectives answered, none not met: until the rest are, your answer decides. {}",
                        t.answered(),
                        t.total,
                        before.3
                    ),
                );
            }
        }
        let (status, text) = if basis == Basis::PartlyAnswered && inferred != Status::Unknown {
            (
                inferred,
                format!(
                    "{text} Until then the expected score keeps what the ISO evidence suggests ({}), not counted as confirmed.",
                    inferred.label().to_lowercase()
                ),
            )
        } else {
            (status, text)
        };
        let disagree = if basis == Basis::Objectives {
            overridden_note(&req.id, answers, status)
        } else {
            String::new()
        };
        (
            status,
            basis,
            credit,
            format!("{text}{disagree}{}", aside(&why)),
        )
    } else {
        settle_answers(req, direct, answers, inferred, why, &aside)
    }
}

/// The status without objective answers: a direct answer, then the questionnaire, then the ISO
/// evidence.
fn settle_answers(
    req: &Requirement,
    direct: Option<&DirectAnswer>,
    answers: &Answers,
    inferred: Status,
    why: String,
    aside: &dyn Fn(&str) -> String,
) -> (Status, Basis, bool, String) {
    if let Some(d) = direct {
        let named_state = d.answer == Answer::Partial && req.partial_points.is_some();
        let said = d.answer.label_for(&req.id).to_lowercase();
        let record = if d.unsupported() {
            format!(
                " It is met only with its record ({}): until that is written, the requirement counts as NOT MET (32 CFR 170.24(b)(1), (c)(2)(i)(B)(8)).",
                d.answer.record_prompt().unwrap_or_default().to_lowercase()
            )
        } else if d.record_missing() {
            " Write its record (justification, SSP description or plan of action): an assessor asks for it.".to_string()
        } else {
            String::new()
        };
        (
            d.status(),
            Basis::Answered,
            named_state,
            format!(
                "You answered \u{201c}{said}\u{201d}.{record}{}{}",
                overridden_note(&req.id, answers, d.status()),
                aside(&why)
            ),
        )
    } else if let Some((status, credit, text)) = questionnaire_answer(&req.id, answers) {
        // The questionnaire's answer is the finding; what the ISO evidence alone would say
        // follows as such (its "scores as not met until you confirm" is answered already).
        (
            status,
            Basis::Questionnaire,
            credit,
            format!("{text}{}", aside(&why)),
        )
    } else if inferred == Status::Unknown {
        (Status::Unknown, Basis::NoEvidence, false, why)
    } else {
        (inferred, Basis::IsoEvidence, false, why)
    }
}
