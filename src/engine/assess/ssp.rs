//! The one requirement nothing can stand in for: 3.12.4, the System Security Plan.

use super::before_aside;
use crate::engine::catalog::Requirement;
use crate::engine::vocab::{Answer, Basis, DirectAnswer, Status, SSP};

/// 3.12.4, the System Security Plan, is met only by a plan that exists: without one "the
/// assessment could not be completed" and there is no score (32 CFR 170.24(c)(2)(i)(B)(5)). So
/// it cannot be assessed not applicable, and an enduring exception, a temporary deficiency or a
/// variance cannot stand in for it: each of those is itself recorded in the SSP. Such an answer
/// counts as NOT MET (no SSP), and the explanation says why.
pub(super) fn settle_ssp(
    req: &Requirement,
    direct: Option<&DirectAnswer>,
    settled: (Status, Basis, bool, String),
) -> (Status, Basis, bool, String) {
    let (status, basis, credit, text) = settled;
    if req.id.as_str() != SSP {
        return (status, basis, credit, text);
    }
    let stands_in = basis == Basis::Answered
        && direct.is_some_and(|d| {
            matches!(
                d.answer,
                Answer::EnduringException | Answer::TemporaryDeficiency | Answer::Variance
            )
        });
    if status == Status::NotApplicable {
        (
            Status::NotMet,
            basis,
            false,
            before_aside(&text, "The System Security Plan cannot be not applicable: without one the assessment cannot be completed and there is no score (32 CFR 170.24(c)(2)(i)(B)(5)). It counts as NOT MET."),
        )
    } else if stands_in {
        (
            Status::NotMet,
            basis,
            false,
            before_aside(&text, "Only a System Security Plan that exists meets 3.12.4: an enduring exception, a temporary deficiency or a variance is recorded in the SSP and cannot stand in for it (32 CFR 170.24(c)(2)(i)(B)(5)). It counts as NOT MET: without an SSP there is no score."),
        )
    } else {
        (status, basis, credit, text)
    }
}
