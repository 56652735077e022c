//! The app's state: only what the user told us (answers, the SoA text, overrides, assumptions),
//! the actions that change it, and the one reducer. Scores, gaps and estimates are derived from
//! it elsewhere (`hooks.rs`), never stored here.

use crate::engine::{
    AnswerValue, Answers, ControlStatus, CostAssumptions, Date, Delimiter, DirectAnswer, Edition,
    ImportOptions, ObjectiveId, ObjectiveStatus, PoamField, QuestionId, RequirementId, Role,
    SystemRole, SystemText, TextEncoding, View,
};
use std::rc::Rc;
use yew::Reducible;

pub use crate::engine::{SavedState, StateError};

/// The file name shown for the sample SoA.
pub const SAMPLE_NAME: &str = "sample-soa.csv (Acme Precision Machining)";

/// Saved data that could not be restored: why, and the raw text so the user can keep it.
#[derive(Debug, Clone, PartialEq)]
pub struct RestoreFailure {
    /// Why, as the engine's loader says it.
    pub error: StateError,
    /// The raw saved text, offered for download.
    pub raw: String,
}

/// What the visitor gave in the prerendered page before the app started (`boot.rs`): the
/// answers that differ from the default ones, and the company's name if typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EarlyInput {
    /// The questions answered, with their answers.
    pub answers: Vec<(QuestionId, AnswerValue)>,
    /// The company's name, when one was typed.
    pub company: Option<String>,
}

/// The root state: the user's inputs plus the one piece of session status the page must show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppState {
    /// What is saved and exported.
    pub saved: SavedState,
    /// Set when the saved state in local storage could not be read; saving pauses until the
    /// user decides, so their old data is never overwritten behind their back.
    pub restore_failure: Option<RestoreFailure>,
    /// The last JSON file the user tried to restore, when it was refused: its name and why.
    pub import_error: Option<(String, StateError)>,
    /// What the last action did, said once for screen readers and sighted users alike.
    pub notice: Option<String>,
    /// The last SoA file that was refused (no control rows in it): its name and why. The SoA
    /// loaded before stays loaded.
    pub soa_refused: Option<(String, String)>,
    /// The last OSCAL SSP that could not be read back: its name and why.
    pub ssp_refused: Option<(String, String)>,
    /// Whether the session has started (`Action::Boot`): before, the state is the first render's
    /// default one, the same as the prerendered page's, and nothing is saved.
    pub booted: bool,
    /// The saved work as the last sample company loaded it. While the work is still that, it is
    /// the sample's, not the user's: loading another sample asks nothing.
    pub sample: Option<Rc<SavedState>>,
}

/// Everything that can change the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Replace the questionnaire's answers.
    SetAnswers(Answers),
    /// A new SoA: its text, file name, and non-UTF-8 encoding if any. Resets column overrides.
    ImportSoa {
        /// The file's text.
        text: String,
        /// Its name.
        name: String,
        /// The encoding it was decoded from, when not UTF-8.
        encoding: Option<TextEncoding>,
    },
    /// A file was read and holds no control rows: it is not imported, and the SoA loaded before
    /// (if any) stays.
    SoaRefused {
        /// The file's name.
        name: String,
        /// Why, as the importer says it.
        reason: String,
    },
    /// Read a value of the status or applicability column a given way (or as the importer
    /// reads it, with `None`), and re-import.
    SetReading(Role, String, Option<ControlStatus>),
    /// Use a given column (or detection, with `None`) for a role, and re-import.
    SetColumn(Role, Option<usize>),
    /// Force a delimiter (or sniff it again, with `None`), and re-import.
    SetDelimiter(Option<Delimiter>),
    /// Force an edition (or detect it again, with `None`), and re-import.
    SetEdition(Option<Edition>),
    /// Forget the imported SoA.
    ClearSoa,
    /// Answer a requirement directly (with its record), or clear the answer with `None`.
    SetDirect(RequirementId, Option<DirectAnswer>),
    /// Apply the rules on a given date, or on the device's date with `None`.
    SetDate(Option<Date>),
    /// Answer an assessment objective (met, not met, N/A), or clear the finding with `None`
    /// (its note and defined value stay).
    SetObjective(ObjectiveId, Option<ObjectiveStatus>),
    /// An objective's note: how it is met, or why it is N/A.
    SetObjectiveNote(ObjectiveId, String),
    /// The value an objective asks to be defined ("15 minutes").
    SetDefinedValue(ObjectiveId, String),
    /// One of the SSP's free-text fields about the system (name, organisation, boundary,
    /// environment, connections, update frequency).
    SetSystemText(SystemText, String),
    /// When the SSP was last updated.
    SetSystemUpdated(Option<Date>),
    /// The SSP's roles and who holds each.
    SetSystemRoles(Vec<SystemRole>),
    /// One field of the POA&M plan of an open item (`3.1.1`, or `AC.L3-3.1.2e` for Level 3).
    SetPoam(String, PoamField),
    /// Answer a Level 3 requirement (`true` = met), or clear it with `None`.
    SetLevel3(String, Option<bool>),
    /// Switch the crosswalk view.
    SetView(View),
    /// Replace the cost assumptions.
    SetCosts(CostAssumptions),
    /// Replace everything with a restored state (from a JSON file), saying so.
    Restore(Box<SavedState>, String),
    /// Put what an OSCAL SSP this app wrote carries (answers, objectives, the system, the date)
    /// into the current work, keeping the rest; the file's name.
    ApplySsp(Box<crate::engine::SspImport>, String),
    /// An OSCAL SSP could not be read back: its name and why. The work stays as it was.
    SspRefused(String, String),
    /// Load a sample company: its answers and its SoA, replacing what was there.
    LoadSample {
        /// The sample's answers.
        answers: Box<Answers>,
        /// Its SoA's text.
        soa: String,
        /// Its name, shown as the SoA's file name and in the report.
        name: String,
    },
    /// The company's name for the report, or none.
    SetCompany(Option<String>),
    /// Answers filled in from a pasted solicitation, saying what changed.
    FillAnswers(Box<Answers>, String),
    /// Keep the pasted solicitation text with the saved work, or forget it with `None`.
    KeepSolicitationText(Option<String>),

    /// The session starts (`boot.rs`): the saved state from local storage if any (or why it
    /// could not be read), then the answers given in the prerendered page before the app
    /// started, which win.
    Boot(Box<Option<Result<SavedState, RestoreFailure>>>, EarlyInput),
    /// A JSON file could not be restored.
    RestoreRefused(String, StateError),
    /// The user has dealt with the unreadable saved data; saving resumes.
    DismissRestoreFailure,
    /// Start from nothing.
    Reset,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // A notice says what the last action did; the next action replaces or clears it.
        next.notice = None;
        let s = &mut next.saved;
        match action {
            Action::SetAnswers(a) => s.answers = a,
            Action::ImportSoa {
                text,
                name,
                encoding,
            } => next.import_new_soa(text, name, encoding),
            Action::SoaRefused { name, reason } => next.soa_refused = Some((name, reason)),
            Action::SetReading(role, value, reading) => {
                s.import_options.set_reading(role, &value, reading);
            }
            Action::SetColumn(role, column) => s.import_options.columns.set(role, column),
            Action::SetDelimiter(delimiter) => s.import_options.delimiter = delimiter,
            Action::SetEdition(edition) => s.import_options.edition = edition,
            Action::ClearSoa => {
                next.soa_refused = None;
                s.soa_text = None;
                s.soa_name = None;
                s.soa_encoding = None;
                s.import_options = ImportOptions::default();
            }
            Action::SetDirect(id, Some(answer)) => {
                s.direct.insert(id, answer);
            }
            Action::SetDate(date) => s.date = date,
            records @ (Action::SetObjective(..)
            | Action::SetObjectiveNote(..)
            | Action::SetDefinedValue(..)
            | Action::SetSystemText(..)
            | Action::SetSystemUpdated(_)
            | Action::SetSystemRoles(_)
            | Action::SetPoam(..)) => edit_records(s, records),
            Action::SetDirect(id, None) => {
                s.direct.remove(&id);
            }
            Action::SetLevel3(id, Some(met)) => {
                s.level3.insert(id, met);
            }
            Action::SetLevel3(id, None) => {
                s.level3.remove(&id);
            }
            Action::SetView(v) => s.view = v,
            Action::SetCosts(c) => s.costs = c,
            Action::Restore(saved, name) => {
                next.saved = *saved;
                next.import_error = None;
                next.ssp_refused = None;
                next.notice = Some(format!("Restored your work from {name}."));
            }
            Action::ApplySsp(ssp, name) => {
                ssp.apply_to(&mut next.saved);
                next.import_error = None;
                next.ssp_refused = None;
                // An SSP carries no questionnaire: with none answered, nothing would show yet.
                let start = if next.saved.answers == crate::engine::Answers::default() {
                    " Answer the questionnaire (CUI and the level the solicitation names) to see them in the results."
                } else {
                    ""
                };
                next.notice = Some(format!(
                    "Restored the answers, objectives and system description from {name} (an OSCAL SSP); the questionnaire, the SoA and the plans of action are unchanged.{start}"
                ));
            }
            Action::SspRefused(name, why) => next.ssp_refused = Some((name, why)),
            Action::LoadSample { answers, soa, name } => next.load_sample(*answers, soa, &name),
            Action::SetCompany(c) => next.saved.company = c,
            Action::FillAnswers(answers, notice) => {
                next.saved.answers = *answers;
                next.notice = Some(notice);
            }
            Action::KeepSolicitationText(text) => next.saved.solicitation_text = text,

            Action::Boot(saved, early) => next.boot(*saved, early),
            Action::RestoreRefused(name, why) => next.import_error = Some((name, why)),
            Action::DismissRestoreFailure => next.restore_failure = None,
            Action::Reset => {
                next = AppState {
                    notice: Some(
                        "Deleted all your data from this browser. You are starting fresh.".into(),
                    ),
                    booted: true,
                    ..AppState::default()
                }
            }
        }
        Rc::new(next)
    }
}

impl AppState {
    /// Whether there is work of the user's own that loading a sample would replace: anything
    /// entered, unless it is still exactly what the last sample loaded.
    pub fn has_own_work(&self) -> bool {
        self.saved != SavedState::default() && self.sample.as_deref() != Some(&self.saved)
    }

    /// Replaces the work with a sample company's (see `Action::LoadSample`).
    fn load_sample(&mut self, answers: Answers, soa: String, name: &str) {
        self.saved = SavedState {
            answers,
            soa_text: Some(soa.into()),
            soa_name: Some(format!("{name} (sample)")),
            company: Some(name.to_string()),
            ..SavedState::default()
        };
        self.sample = Some(Rc::new(self.saved.clone()));
        self.import_error = None;
        self.notice = Some(format!(
            "Loaded the sample company {name}: its answers and its SoA."
        ));
    }

    /// Starts the session once (see `Action::Boot`).
    fn boot(&mut self, saved: Option<Result<SavedState, RestoreFailure>>, early: EarlyInput) {
        if self.booted {
            return;
        }
        self.booted = true;
        match saved {
            Some(Ok(saved)) => self.saved = saved,
            Some(Err(failure)) => self.restore_failure = Some(failure),
            None => {}
        }
        for (id, value) in early.answers {
            id.set(&mut self.saved.answers, value);
        }
        if early.company.is_some() {
            self.saved.company = early.company;
        }
    }

    /// A new SoA replaces the old one. Column overrides name columns of the previous file; they
    /// mean nothing for a new one. How values read ("Fully in place" is implemented) is the
    /// user's vocabulary, not the file's layout: it carries over to an updated SoA.
    fn import_new_soa(&mut self, text: String, name: String, encoding: Option<TextEncoding>) {
        let s = &mut self.saved;
        s.soa_text = Some(text.into());
        self.notice = Some(format!("Imported {name}."));
        s.soa_name = Some(name);
        s.soa_encoding = encoding;
        s.import_options = ImportOptions {
            readings: std::mem::take(&mut s.import_options.readings),
            ..ImportOptions::default()
        };
        self.soa_refused = None;
    }
}

/// Edits what the user wrote about one objective, dropping the entry once nothing is left.
fn edit_objective(
    s: &mut SavedState,
    id: ObjectiveId,
    edit: impl FnOnce(&mut crate::engine::ObjectiveAnswer),
) {
    let entry = s.objectives.entry(id.clone()).or_default();
    edit(entry);
    if entry.is_empty() {
        s.objectives.remove(&id);
    }
}

/// The edits of what the exports carry beyond statuses: objective answers, notes and defined
/// values, the system, the plans of action. Any other action changes nothing here.
fn edit_records(s: &mut SavedState, action: Action) {
    match action {
        Action::SetObjective(id, answer) => {
            edit_objective(s, id, |o| o.answer = answer);
        }
        Action::SetObjectiveNote(id, note) => edit_objective(s, id, |o| o.note = note),
        Action::SetDefinedValue(id, value) => {
            edit_objective(s, id, |o| o.defined_value = value);
        }
        Action::SetSystemText(field, text) => s.system.set_text(field, text),
        Action::SetSystemUpdated(date) => s.system.last_updated = date,
        Action::SetSystemRoles(roles) => s.system.roles = roles,
        Action::SetPoam(id, field) => {
            let plan = s.poam.entry(id.clone()).or_default();
            plan.set(field);
            if plan.is_empty() {
                s.poam.remove(&id);
            }
        }
        _ => {}
    }
}
