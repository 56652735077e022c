//! The staged start-up as a type. The first render draws only what needs no catalog (the first
//! questions, the level card, the summary strip); then one `Stage` per frame: reading the catalog,
//! the import and the scores, the gap table, the paths, the estimate. `gate` is the one place
//! that hands ready results to a panel, so no panel can draw before its stage or without them.

use super::browser::after_paint;
use super::hooks::Results;
use yew::prelude::*;

/// How far the start-up has drawn, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// The first render: the questionnaire's first questions, the level card, the strip.
    FirstRender,
    /// The compiled-in catalog is read, in a task of its own.
    Catalog,
    /// The results exist: the import panel and the score cards.
    Scores,
    /// The gap table.
    Gaps,
    /// The paths to 88 and 110.
    Paths,
    /// The estimate, the ISO limits and the exports: everything is drawn.
    Complete,
}

impl Stage {
    /// The stage after this one (the last stays last).
    fn next(self) -> Stage {
        match self {
            Stage::FirstRender => Stage::Catalog,
            Stage::Catalog => Stage::Scores,
            Stage::Scores => Stage::Gaps,
            Stage::Gaps => Stage::Paths,
            Stage::Paths | Stage::Complete => Stage::Complete,
        }
    }

    /// Whether everything has been drawn.
    pub fn is_complete(self) -> bool {
        self == Stage::Complete
    }
}

/// The current stage: starts at `FirstRender` and moves on one stage after each paint, so no
/// start-up task blocks input for long.
#[hook]
pub fn use_stage() -> Stage {
    let stage = use_state(|| Stage::FirstRender);
    {
        let stage = stage.clone();
        use_effect_with(*stage, move |&now| {
            if !now.is_complete() {
                after_paint(move || stage.set(now.next()));
            }
        });
    }
    *stage
}

/// Draws `body` with the results once `stage` has reached `at` and the results exist; before
/// that, nothing.
pub fn gate(
    results: &Option<Results>,
    stage: Stage,
    at: Stage,
    body: impl FnOnce(&Results) -> Html,
) -> Html {
    match results {
        Some(r) if stage >= at => body(r),
        _ => Html::default(),
    }
}
