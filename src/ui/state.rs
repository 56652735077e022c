//! The app's state: only what the user told us (answers, the SoA text, overrides, assumptions),
//! the actions that change it, and the one reducer. Scores, gaps and estimates are derived from
//! it elsewhere (`hooks.rs`), never stored here.

use crate::engine::{
    Answers, ControlStatus, CostAssumptions, Date, Delimiter, DirectAnswer, Edition, ImportOptions,
    RequirementId, Role, TextEncoding, View,
};
use std::rc::Rc;
use yew::Reducible;

pub use crate::engine::{SavedState, StateError};

/// The bundled sample SoA ("Acme Precision Machining"), compiled in so loading it fetches nothing.
pub const SAMPLE_SOA: &str = include_str!("../../static/sample-soa.csv");

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
    /// Answer a Level 3 requirement (`true` = met), or clear it with `None`.
    SetLevel3(String, Option<bool>),
    /// Switch the crosswalk view.
    SetView(View),
    /// Replace the cost assumptions.
    SetCosts(CostAssumptions),
    /// Replace everything with a restored state (from a JSON file), saying so.
    Restore(Box<SavedState>, String),
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
            } => {
                s.soa_text = Some(text);
                next.notice = Some(format!("Imported {name}."));
                s.soa_name = Some(name);
                s.soa_encoding = encoding;
                // Overrides name columns of the previous file; they mean nothing for a new one.
                // How values read ("Fully in place" is implemented) is the user's vocabulary, not
                // the file's layout: it carries over to an updated SoA.
                s.import_options = ImportOptions {
                    readings: std::mem::take(&mut s.import_options.readings),
                    ..ImportOptions::default()
                };
                next.soa_refused = None;
            }
            Action::SoaRefused { name, reason } => next.soa_refused = Some((name, reason)),
            Action::SetReading(role, value, reading) => {
                s.import_options.set_reading(role, &value, reading);
            }
            Action::SetColumn(role, column) => {
                let c = &mut s.import_options.columns;
                let slot = match role {
                    Role::Control => &mut c.control,
                    Role::Title => &mut c.title,
                    Role::Applicable => &mut c.applicable,
                    Role::Status => &mut c.status,
                    Role::Justification => &mut c.justification,
                    Role::Evidence => &mut c.evidence,
                    Role::Owner => &mut c.owner,
                };
                *slot = column;
            }
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
                next.notice = Some(format!("Restored your work from {name}."));
            }
            Action::LoadSample { answers, soa, name } => {
                next.saved = SavedState {
                    answers: *answers,
                    soa_text: Some(soa),
                    soa_name: Some(format!("{name} (sample)")),
                    company: Some(name.clone()),
                    ..SavedState::default()
                };
                next.import_error = None;
                next.notice = Some(format!(
                    "Loaded the sample company {name}: its answers and its SoA."
                ));
            }
            Action::SetCompany(c) => next.saved.company = c,

            Action::RestoreRefused(name, why) => next.import_error = Some((name, why)),
            Action::DismissRestoreFailure => next.restore_failure = None,
            Action::Reset => {
                next = AppState {
                    notice: Some(
                        "Deleted all your data from this browser. You are starting fresh.".into(),
                    ),
                    ..AppState::default()
                }
            }
        }
        Rc::new(next)
    }
}
