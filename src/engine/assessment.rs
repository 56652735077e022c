//! [`Assessment`], the whole assessment: the decided requirements, coverage, scores, what
//! applies and the warnings. `evaluate` builds it; the estimate (`plan`) and the report read it,
//! so it sits below all three rather than in `evaluate`, which needs `plan` for the estimate.

use super::applicability::{Applicability, Warning};
use super::assess::{FamilyCoverage, FamilyTotals, RequirementResult};
use super::ids::{Edition, RequirementId};
use super::score::Scoring;
use super::vocab::View;
use serde::Serialize;

/// The whole assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// The view the requirements were decided in.
    pub view: View,
    /// What applies on the date.
    pub applicability: Applicability,
    /// Edition of the SoA, if one was imported.
    pub soa_edition: Option<Edition>,
    /// The 110 requirements in the standard's order, decided in `view`.
    pub requirements: Vec<RequirementResult>,
    /// Coverage in both views.
    pub overall: FamilyTotals,
    /// Coverage by family in both views.
    pub families: Vec<FamilyCoverage>,
    /// Scores and statuses.
    pub scoring: Scoring,
    /// What the user should know, each with its rule.
    pub warnings: Vec<Warning>,
}

impl Assessment {
    /// The result for one requirement.
    pub fn requirement(&self, id: &RequirementId) -> Option<&RequirementResult> {
        self.requirements.iter().find(|r| &r.id == id)
    }

    /// Whether every requirement has been answered (by the user or the questionnaire).
    pub fn fully_answered(&self) -> bool {
        self.requirements.iter().all(|r| r.basis.is_confirmed())
    }
}
