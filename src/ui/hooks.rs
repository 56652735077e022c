//! Custom hooks: `use_app` wraps the shared state and exposes verbs; `use_results` hands out the
//! derived engine results, which the root memoises on exactly the inputs each one reads.

use super::state::{Action, AppState, SavedState};
use crate::engine::{
    assess, estimate, import_soa, Answers, Assessment, Catalog, CostAssumptions, Delimiter,
    Edition, Estimate, ImportOptions, Inputs, RequirementId, Role, SoaImport, Status, TextEncoding,
    View,
};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// The shared state handle, provided by the root component.
pub type AppContext = UseReducerHandle<AppState>;

/// What every component may do to the state, as verbs over the reducer.
#[derive(Clone, PartialEq)]
pub struct AppHandle {
    handle: AppContext,
}

impl AppHandle {
    /// The current state.
    pub fn state(&self) -> &AppState {
        &self.handle
    }
    /// The saved (user-entered) part of the state.
    pub fn saved(&self) -> &SavedState {
        &self.handle.saved
    }
    /// Replaces the questionnaire answers.
    pub fn set_answers(&self, a: Answers) {
        self.handle.dispatch(Action::SetAnswers(a));
    }
    /// Imports an SoA from its text.
    pub fn import_soa(&self, text: String, name: String, encoding: Option<TextEncoding>) {
        self.handle.dispatch(Action::ImportSoa {
            text,
            name,
            encoding,
        });
    }
    /// Overrides the column used for a role.
    pub fn set_column(&self, role: Role, column: Option<usize>) {
        self.handle.dispatch(Action::SetColumn(role, column));
    }
    /// Forces a delimiter, or `None` to sniff it.
    pub fn set_delimiter(&self, delimiter: Option<Delimiter>) {
        self.handle.dispatch(Action::SetDelimiter(delimiter));
    }
    /// Forces an edition, or `None` to detect it.
    pub fn set_edition(&self, edition: Option<Edition>) {
        self.handle.dispatch(Action::SetEdition(edition));
    }
    /// Forgets the SoA.
    pub fn clear_soa(&self) {
        self.handle.dispatch(Action::ClearSoa);
    }
    /// Answers (or clears) a requirement directly.
    pub fn set_direct(&self, id: RequirementId, status: Option<Status>) {
        self.handle.dispatch(Action::SetDirect(id, status));
    }
    /// Answers (or clears) a Level 3 requirement.
    pub fn set_level3(&self, id: String, met: Option<bool>) {
        self.handle.dispatch(Action::SetLevel3(id, met));
    }
    /// Switches the view.
    pub fn set_view(&self, v: View) {
        self.handle.dispatch(Action::SetView(v));
    }
    /// Replaces the cost assumptions.
    pub fn set_costs(&self, c: CostAssumptions) {
        self.handle.dispatch(Action::SetCosts(c));
    }
    /// Restores a saved state, or reports why a file could not be restored.
    pub fn restore(&self, result: Result<SavedState, String>) {
        self.handle.dispatch(match result {
            Ok(s) => Action::Restore(s),
            Err(why) => Action::RestoreRefused(why),
        });
    }
    /// Resumes saving after unreadable saved data was dealt with.
    pub fn dismiss_restore_failure(&self) {
        self.handle.dispatch(Action::DismissRestoreFailure);
    }
    /// Forgets everything.
    pub fn reset(&self) {
        self.handle.dispatch(Action::Reset);
    }
}

/// The shared state with its verbs.
#[hook]
pub fn use_app() -> AppHandle {
    let handle = use_context::<AppContext>().expect("AppContext is provided by App");
    AppHandle { handle }
}

/// The engine's outputs for the current inputs. Compared by pointer: a new value means the
/// memo recomputed, which is exactly when components must re-render.
#[derive(Clone)]
pub struct Results {
    /// The SoA import, when there is an SoA.
    pub soa: Rc<Option<SoaImport>>,
    /// The assessment.
    pub assessment: Rc<Assessment>,
    /// Cost, timeline and paths.
    pub estimate: Rc<Estimate>,
}

impl PartialEq for Results {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.soa, &other.soa)
            && Rc::ptr_eq(&self.assessment, &other.assessment)
            && Rc::ptr_eq(&self.estimate, &other.estimate)
    }
}

/// Computes the results from the state, each stage memoised on its own inputs so that, say,
/// editing a cost assumption re-runs only the estimate and never the SoA import.
#[hook]
pub fn use_compute_results(saved: &SavedState) -> Results {
    let soa = use_memo(
        (saved.soa_text.clone(), saved.import_options.clone()),
        |(text, options): &(Option<String>, ImportOptions)| {
            super::browser::measured("import", || {
                text.as_ref()
                    .map(|t| import_soa(t.as_bytes(), options, Catalog::builtin()))
            })
        },
    );
    let assessment = use_memo(
        (
            saved.answers.clone(),
            SoaKey(soa.clone()),
            saved.direct.clone(),
            saved.level3.clone(),
            saved.view,
        ),
        |(answers, soa, direct, level3, view): &(
            Answers,
            SoaKey,
            BTreeMap<RequirementId, Status>,
            BTreeMap<String, bool>,
            View,
        )| {
            super::browser::measured("recompute", || {
                assess(
                    Catalog::builtin(),
                    &Inputs {
                        answers,
                        soa: soa.0.as_ref().as_ref(),
                        direct,
                        level3,
                        view: *view,
                    },
                )
            })
        },
    );
    let est = use_memo(
        (
            AssessmentKey(assessment.clone()),
            saved.answers.clone(),
            saved.costs.clone(),
        ),
        |(a, answers, costs): &(AssessmentKey, Answers, CostAssumptions)| {
            super::browser::measured("recompute", || {
                estimate(Catalog::builtin(), &a.0, answers, costs)
            })
        },
    );
    Results {
        soa,
        assessment,
        estimate: est,
    }
}

/// A memo key that compares the SoA import by pointer: a new `Rc` is a new import.
struct SoaKey(Rc<Option<SoaImport>>);
impl PartialEq for SoaKey {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}

/// A memo key that compares the assessment by pointer.
struct AssessmentKey(Rc<Assessment>);
impl PartialEq for AssessmentKey {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}

/// The derived results, provided by the root component.
#[hook]
pub fn use_results() -> Results {
    use_context::<Results>().expect("Results are provided by App")
}
