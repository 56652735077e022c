//! Two answers that disagree: a questionnaire question that decides a requirement outright (the
//! SSP question for 3.12.4, the encryption question for 3.13.11) beside the requirement's own
//! answer (direct, or its assessment objectives) saying something else. The requirement's own
//! answer is counted (`settle`), but the other one still reaches the SSP, the POA&M and the
//! level card's reasoning, so the user is told which two disagree and asked to correct one.

use super::{questionnaire_answer, RequirementResult};
use crate::engine::applicability::Warning;
use crate::engine::ids::RequirementId;
use crate::engine::questionnaire::Answers;
use crate::engine::vocab::{Basis, Status, FIPS_CRYPTO, SSP};

/// What the questionnaire makes the requirement, when the requirement's own answer (`status`)
/// says otherwise.
pub(super) fn overridden(id: &RequirementId, answers: &Answers, status: Status) -> Option<Status> {
    let (said, _, _) = questionnaire_answer(id, answers)?;
    (said != status).then_some(said)
}

/// The sentence the requirement's explanation ends with when its own answer overrides the
/// questionnaire's (empty otherwise).
pub(super) fn overridden_note(id: &RequirementId, answers: &Answers, status: Status) -> String {
    overridden(id, answers, status).map_or_else(String::new, |said| {
        format!(
            " The questionnaire's answer makes it {}: the two disagree, and this answer is the one counted. Correct the other.",
            said.label().to_lowercase()
        )
    })
}

/// One warning per requirement whose own answer overrides a questionnaire answer it contradicts.
pub fn answers_disagree(requirements: &[RequirementResult], answers: &Answers) -> Vec<Warning> {
    requirements
        .iter()
        .filter(|r| matches!(r.basis, Basis::Answered | Basis::Objectives))
        .filter_map(|r| {
            let said = overridden(&r.id, answers, r.status)?;
            let (id, subject, question, citation) = match r.id.as_str() {
                SSP => (
                    "answers-disagree-3.12.4",
                    "3.12.4 (the System Security Plan)",
                    "whether you have a current System Security Plan",
                    "NIST SP 800-171 r2 3.12.4; 32 CFR 170.24(c)(2)(i)(B)(5)",
                ),
                FIPS_CRYPTO => (
                    "answers-disagree-3.13.11",
                    "3.13.11 (FIPS-validated cryptography)",
                    "how CUI is encrypted",
                    "NIST SP 800-171 r2 3.13.11; 32 CFR 170.24(c)(2)(i)(B)(4)",
                ),
                _ => return None,
            };
            let own = match r.basis {
                Basis::Objectives => "the requirement's assessment objectives",
                _ => "your answer on the requirement",
            };
            Some(Warning {
                id,
                text: format!(
                    "Your answers disagree on {subject}: the questionnaire's answer on {question} makes it {}, {own} make{} it {}. The requirement's own answer is the one counted here; correct the other, so that the score, the SSP and the plan of action say the same.",
                    said.label().to_lowercase(),
                    if r.basis == Basis::Objectives { "" } else { "s" },
                    r.status.label().to_lowercase(),
                ),
                citation,
            })
        })
        .collect()
}
