//! Custom hooks: `use_dispatch` gives the verbs (for components that take their data as props),
//! `use_selected` a slice of the state from the `StateStore` (the component is drawn again only
//! when its slice changes), `use_store` the store itself (`StateStore::app`: the current state
//! with its verbs, for callbacks); `use_compute_results` derives the engine's results, which the
//! root hands to the panels as props (`ResultsProps`, `PartProps`) once they are ready (see
//! `stage.rs`); `use_catalog` is the one way components read the catalog. No hook panics:
//! outside the `App` that provides them they say so with `None`.

use crate::engine::{
    applicability, evaluate, import_soa, Answers, Applicability, Assessment, Basis, Catalog,
    ControlStatus, CostAssumptions, Date, Delimiter, DirectAnswer, Edition, Estimate,
    ImportOptions, Input, ObjectiveAnswer, ObjectiveId, ObjectiveStatus, PoamField, PoamPlan,
    ProblemKind, RequirementId, Role, SoaImport, Status, SystemInfo, SystemRole, SystemText,
    TextEncoding, View,
};
use crate::ui::state::{Action, AppState, SavedState, StateError};
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;
use yew::prelude::*;

/// The reducer's handle. In Yew 0.23 it reads the current state whenever it is read, so deferring
/// it defers nothing: the root defers a copy of the figures' inputs instead.
pub type AppContext = UseReducerHandle<AppState>;

/// The shared state and what every component may do to it: the state, and through `Deref` the
/// verbs of [`Dispatch`].
#[derive(Clone, PartialEq)]
pub struct AppHandle {
    handle: AppContext,
    dispatch: Dispatch,
}

impl std::ops::Deref for AppHandle {
    type Target = Dispatch;
    fn deref(&self) -> &Dispatch {
        &self.dispatch
    }
}

/// The verbs over the reducer, without the state: the same value across renders, so a component
/// that takes its data as props and its verbs from `use_dispatch` is drawn again
/// only when its props change, not on every action.
#[derive(Clone, PartialEq)]
pub struct Dispatch(UseReducerDispatcher<AppState>);

impl Dispatch {
    /// The verbs of the reducer `state` belongs to (the root provides them as a context).
    pub fn of(state: &AppContext) -> Dispatch {
        Dispatch(state.dispatcher())
    }
    fn send(&self, action: Action) {
        self.0.dispatch(action);
    }
}

impl AppHandle {
    /// The saved (user-entered) part of the state.
    pub fn saved(&self) -> &SavedState {
        &self.handle.saved
    }
    /// Imports an SoA from its text, unless it holds no control rows: then it is refused with
    /// the importer's reason and the SoA loaded before stays (a stray .xlsx never replaces a
    /// good import).
    pub fn import_soa(&self, text: String, name: String, encoding: Option<TextEncoding>) {
        let options = ImportOptions {
            readings: self.saved().import_options.readings.clone(),
            ..ImportOptions::default()
        };
        let trial = import_soa(text.as_bytes(), &options, Catalog::builtin());
        if trial.rows.is_empty() {
            let reason = trial
                .problems
                .iter()
                .find(|p| p.kind == ProblemKind::NotAnSoa)
                .or(trial.problems.first())
                .map_or_else(
                    || "no Annex A control rows were found in it".to_string(),
                    |p| p.message.clone(),
                );
            self.send(Action::SoaRefused { name, reason });
            return;
        }
        self.send(Action::ImportSoa {
            text,
            name,
            encoding,
        });
    }
}

impl Dispatch {
    /// Replaces the questionnaire answers.
    pub fn set_answers(&self, a: Answers) {
        self.send(Action::SetAnswers(a));
    }
    /// Reads a value of the status or applicability column a given way (`None`: as the
    /// importer reads it).
    pub fn set_reading(&self, column: Role, value: String, reading: Option<ControlStatus>) {
        self.send(Action::SetReading(column, value, reading));
    }
    /// Overrides the column used for a role.
    pub fn set_column(&self, role: Role, column: Option<usize>) {
        self.send(Action::SetColumn(role, column));
    }
    /// Forces a delimiter, or `None` to sniff it.
    pub fn set_delimiter(&self, delimiter: Option<Delimiter>) {
        self.send(Action::SetDelimiter(delimiter));
    }
    /// Forces an edition, or `None` to detect it.
    pub fn set_edition(&self, edition: Option<Edition>) {
        self.send(Action::SetEdition(edition));
    }
    /// Forgets the SoA.
    pub fn clear_soa(&self) {
        self.send(Action::ClearSoa);
    }
    /// Answers (or clears) a requirement directly.
    pub fn set_direct(&self, id: RequirementId, answer: Option<DirectAnswer>) {
        self.send(Action::SetDirect(id, answer));
    }
    /// Applies the rules on a date, or on the device's date with `None`.
    pub fn set_date(&self, date: Option<Date>) {
        self.send(Action::SetDate(date));
    }
    /// Answers (or clears) a Level 3 requirement.
    pub fn set_level3(&self, id: String, met: Option<bool>) {
        self.send(Action::SetLevel3(id, met));
    }
    /// Switches the view.
    pub fn set_view(&self, v: View) {
        self.send(Action::SetView(v));
    }
    /// Replaces the cost assumptions.
    pub fn set_costs(&self, c: CostAssumptions) {
        self.send(Action::SetCosts(c));
    }
    /// Restores a saved state, or reports why a file could not be restored.
    pub fn restore(&self, name: String, result: Result<SavedState, StateError>) {
        self.send(match result {
            Ok(s) => Action::Restore(Box::new(s), name),
            Err(why) => Action::RestoreRefused(name, why),
        });
    }
    /// Puts what an OSCAL SSP this app wrote carries into the current work, or reports why it
    /// could not be read.
    pub fn apply_ssp(
        &self,
        name: String,
        result: Result<crate::engine::SspImport, crate::engine::OscalImportError>,
    ) {
        self.send(match result {
            Ok(ssp) => Action::ApplySsp(Box::new(ssp), name),
            Err(why) => Action::SspRefused(name, why.to_string()),
        });
    }
    /// Loads a sample company (answers and SoA).
    pub fn load_sample(&self, answers: Answers, soa: String, name: String) {
        self.send(Action::LoadSample {
            answers: Box::new(answers),
            soa,
            name,
        });
    }
    /// Sets the company's name for the report.
    pub fn set_company(&self, name: Option<String>) {
        self.send(Action::SetCompany(name));
    }
    /// Replaces the answers with ones filled in from pasted text, saying what changed.
    pub fn fill_answers(&self, answers: Answers, notice: String) {
        self.send(Action::FillAnswers(Box::new(answers), notice));
    }
    /// Keeps the pasted solicitation text with the saved work (`None`: forgets it).
    pub fn keep_solicitation_text(&self, text: Option<String>) {
        self.send(Action::KeepSolicitationText(text));
    }
    /// Resumes saving after unreadable saved data was dealt with.
    pub fn dismiss_restore_failure(&self) {
        self.send(Action::DismissRestoreFailure);
    }
    /// Forgets everything.
    pub fn reset(&self) {
        self.send(Action::Reset);
    }
}

/// The verbs of the objective, system and POA&M inputs (`results::objectives`,
/// `results::poam_plan`, `save::system`). What they set is saved with the rest of the state and
/// reaches the exports through `Input`.
impl Dispatch {
    /// Answers (or clears) an assessment objective.
    pub fn set_objective(&self, id: ObjectiveId, answer: Option<ObjectiveStatus>) {
        self.send(Action::SetObjective(id, answer));
    }
    /// Writes an objective's note.
    pub fn set_objective_note(&self, id: ObjectiveId, note: String) {
        self.send(Action::SetObjectiveNote(id, note));
    }
    /// Records the value an objective asks to be defined.
    pub fn set_defined_value(&self, id: ObjectiveId, value: String) {
        self.send(Action::SetDefinedValue(id, value));
    }
    /// Sets one of the SSP's free-text fields about the system.
    pub fn set_system_text(&self, field: SystemText, text: String) {
        self.send(Action::SetSystemText(field, text));
    }
    /// Records when the SSP was last updated.
    pub fn set_system_updated(&self, date: Option<Date>) {
        self.send(Action::SetSystemUpdated(date));
    }
    /// Replaces the SSP's roles.
    pub fn set_system_roles(&self, roles: Vec<SystemRole>) {
        self.send(Action::SetSystemRoles(roles));
    }
    /// Sets one field of an open item's POA&M plan.
    pub fn set_poam(&self, id: String, field: PoamField) {
        self.send(Action::SetPoam(id, field));
    }
}

/// The state for components that read only a slice of it (`use_selected`): the same value for
/// the whole session (so the context itself never redraws anyone), holding the current state and
/// who is listening. The root puts each new state in (`StateStore::publish`); a listener is drawn
/// again only when the slice it selected changed. The state's context (`AppContext`) would draw
/// every reader on every action: an objective answered would redraw the cost panel, the export
/// panel and every other reader, all inside the answer's frame.
#[derive(Clone)]
pub struct StateStore(Rc<StoreInner>);

/// A listener: what to call when a new state is published, under the id it is forgotten by.
type Listener = (u64, Rc<dyn Fn()>);

struct StoreInner {
    current: std::cell::RefCell<AppContext>,
    listeners: std::cell::RefCell<Vec<Listener>>,
    next_id: std::cell::Cell<u64>,
}

impl PartialEq for StateStore {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl StateStore {
    /// A store holding `state`, with no listeners yet.
    pub fn new(state: AppContext) -> StateStore {
        StateStore(Rc::new(StoreInner {
            current: std::cell::RefCell::new(state),
            listeners: std::cell::RefCell::new(Vec::new()),
            next_id: std::cell::Cell::new(0),
        }))
    }

    /// Puts in the state the root just rendered and tells the listeners when it is a new one
    /// (each then compares its own slice). Their redraws are scheduled, so they run in the same
    /// pass as the root's, before the frame is painted.
    pub fn publish(&self, state: &AppContext) {
        if *self.0.current.borrow() == *state {
            return;
        }
        *self.0.current.borrow_mut() = state.clone();
        let listeners: Vec<Rc<dyn Fn()>> = self
            .0
            .listeners
            .borrow()
            .iter()
            .map(|(_, f)| f.clone())
            .collect();
        for listener in listeners {
            listener();
        }
    }

    /// The current state (for callbacks that read it when they run, like an export).
    pub fn current(&self) -> AppContext {
        self.0.current.borrow().clone()
    }

    /// The current state with its verbs, for a callback that reads the state when it runs (an
    /// import takes the value readings in force then, an export the state to write).
    pub fn app(&self) -> AppHandle {
        let handle = self.current();
        AppHandle {
            dispatch: Dispatch::of(&handle),
            handle,
        }
    }

    fn listen(&self, f: Rc<dyn Fn()>) -> u64 {
        let id = self.0.next_id.get();
        self.0.next_id.set(id + 1);
        self.0.listeners.borrow_mut().push((id, f));
        id
    }

    fn forget(&self, id: u64) {
        self.0.listeners.borrow_mut().retain(|(i, _)| *i != id);
    }
}

/// The store of the state; `None` outside the `App` that provides it.
#[hook]
pub fn use_store() -> Option<StateStore> {
    use_context::<StateStore>()
}

/// A slice of the state: `select` applied to the current state, and the component drawn again
/// when (and only when) that slice changes, not on every action as a reader of the whole state
/// would be. `None` outside the `App` that provides the store (a component then draws
/// nothing rather than panic).
#[hook]
pub fn use_selected<T, F>(select: F) -> Option<T>
where
    T: Clone + PartialEq + 'static,
    F: Fn(&AppState) -> T + 'static,
{
    // The slice last drawn, and whether a state would draw another one: the latter type-erased,
    // so the subscription (`use_listening`) is compiled once, not once per kind of slice.
    let drawn = use_mut_ref(|| None::<T>);
    let select = Rc::new(select);
    let changed: Rc<dyn Fn(&AppState) -> bool> = {
        let (select, drawn) = (select.clone(), drawn.clone());
        Rc::new(move |state| drawn.borrow().as_ref() != Some(&select(state)))
    };
    let store = use_listening(changed)?;
    let value = select(&store.current());
    *drawn.borrow_mut() = Some(value.clone());
    Some(value)
}

/// Listens to the store while the component is mounted and draws it again when `changed` says a
/// newly published state would draw something else (`changed` is the latest one given).
#[hook]
fn use_listening(changed: Rc<dyn Fn(&AppState) -> bool>) -> Option<StateStore> {
    let store = use_store();
    let check = use_mut_ref(|| changed.clone());
    *check.borrow_mut() = changed;
    let redraw = use_force_update();
    use_effect_with(store.clone(), move |store| {
        let listening = store.as_ref().map(|store| {
            let reader = store.clone();
            let id = store.listen(Rc::new(move || {
                if (check.borrow())(&reader.current()) {
                    redraw.force_update();
                }
            }));
            (store.clone(), id)
        });
        move || {
            if let Some((store, id)) = listening {
                store.forget(id);
            }
        }
    });
    store
}

/// The verbs alone; `None` outside the `App` that provides them. A component that uses this and
/// `use_selected` is drawn again only when its props or its slice of the state change.
#[hook]
pub fn use_dispatch() -> Option<Dispatch> {
    use_context::<Dispatch>()
}

/// The catalog the engine was compiled with. Components read it only through this hook, so how it
/// is loaded is decided in one place.
#[hook]
pub fn use_catalog() -> &'static Catalog {
    Catalog::builtin()
}

/// What every panel that shows results takes: the results, handed over by the root once they
/// exist, so a panel cannot render without them.
#[derive(Properties, Clone, PartialEq)]
pub struct ResultsProps {
    /// The engine's results for the current inputs.
    pub results: Results,
}

/// Results for a panel that draws only part of them, equal when that part is: an answer that
/// leaves the part as it was (the cost, the coverage, the score) does not draw the panel again,
/// although every answer makes new results. Each panel says which part (`Part`).
#[derive(Properties)]
pub struct PartProps<P: Part> {
    /// The engine's results for the current inputs.
    pub results: Results,
    #[prop_or_default]
    pub part: std::marker::PhantomData<P>,
}

/// The part of the results a panel draws, compared in place of the whole.
pub trait Part: 'static {
    /// Whether `a` and `b` draw the same.
    fn same(a: &Results, b: &Results) -> bool;
}

impl<P: Part> Clone for PartProps<P> {
    fn clone(&self) -> Self {
        PartProps {
            results: self.results.clone(),
            part: std::marker::PhantomData,
        }
    }
}

impl<P: Part> PartialEq for PartProps<P> {
    fn eq(&self, other: &Self) -> bool {
        self.results == other.results || P::same(&self.results, &other.results)
    }
}

/// The score cards' part: the scoring.
pub struct ScoringPart;
impl Part for ScoringPart {
    fn same(a: &Results, b: &Results) -> bool {
        a.assessment.scoring == b.assessment.scoring
    }
}

/// The Level 3 card's part: the level, the scoring (its Level 3 items and the closeout that
/// follows from the statuses) and the date.
pub struct Level3Part;
impl Part for Level3Part {
    fn same(a: &Results, b: &Results) -> bool {
        a.assessment.applicability.level == b.assessment.applicability.level
            && a.assessment.scoring == b.assessment.scoring
            && a.input.date == b.input.date
    }
}

/// The coverage chart's part: coverage overall and by family.
pub struct CoveragePart;
impl Part for CoveragePart {
    fn same(a: &Results, b: &Results) -> bool {
        a.assessment.overall == b.assessment.overall
            && a.assessment.families == b.assessment.families
    }
}

/// The cost panel's part: the estimate.
pub struct EstimatePart;
impl Part for EstimatePart {
    fn same(a: &Results, b: &Results) -> bool {
        Rc::ptr_eq(&a.estimate, &b.estimate) || *a.estimate == *b.estimate
    }
}

/// The import panel's part: the import itself (a new one only when the SoA or its options
/// change).
pub struct ImportPart;
impl Part for ImportPart {
    fn same(a: &Results, b: &Results) -> bool {
        Rc::ptr_eq(&a.soa, &b.soa) && a.soa_name == b.soa_name
    }
}

/// The summary's part: the scoring, the estimate, and each requirement's status and how it was
/// decided (its top gaps).
pub struct SummaryPart;
impl Part for SummaryPart {
    fn same(a: &Results, b: &Results) -> bool {
        fn decided(r: &Results) -> impl Iterator<Item = (Status, Basis, bool)> + '_ {
            r.assessment
                .requirements
                .iter()
                .map(|x| (x.status, x.basis, x.partial_credit))
        }
        a.assessment.scoring == b.assessment.scoring
            && a.assessment.view == b.assessment.view
            && EstimatePart::same(a, b)
            && decided(a).eq(decided(b))
    }
}

/// The engine's outputs for the current inputs. Compared by pointer: a new value means the
/// memo recomputed, which is exactly when components must re-render.
#[derive(Clone)]
pub struct Results {
    /// The SoA import, when there is an SoA.
    pub soa: Rc<Option<Arc<SoaImport>>>,
    /// The assessment.
    pub assessment: Rc<Assessment>,
    /// Cost, timeline and paths.
    pub estimate: Rc<Estimate>,
    /// The input they were computed from (the exports need its system, objectives and POA&M
    /// plans next to the assessment).
    pub input: Rc<Input>,
    /// The name of the SoA file the import was read from, as the user's import review shows it
    /// with the import (both follow an answer one frame late, together).
    pub soa_name: Option<String>,
}

impl PartialEq for Results {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.soa, &other.soa)
            && Rc::ptr_eq(&self.assessment, &other.assessment)
            && Rc::ptr_eq(&self.estimate, &other.estimate)
            && Rc::ptr_eq(&self.input, &other.input)
            && self.soa_name == other.soa_name
    }
}

/// Computes the results from the state: the SoA import memoised on its own inputs (the
/// expensive part), then one call of the engine's `evaluate` on everything else. Nothing is
/// computed until `ready`: the first render shows the questionnaire without waiting for the
/// catalog, the import and the assessment.
#[hook]
pub fn use_compute_results(saved: &SavedState, date: Date, ready: bool) -> Option<Results> {
    let soa = use_memo(
        (ready, saved.soa_text.clone(), saved.import_options.clone()),
        |(ready, text, options): &(bool, Option<crate::engine::SharedText>, ImportOptions)| {
            ready.then(|| {
                Rc::new(crate::ui::browser::measured("import", || {
                    text.as_ref()
                        .map(|t| Arc::new(import_soa(t.as_bytes(), options, Catalog::builtin())))
                }))
            })
        },
    );
    let evaluation = use_memo(
        (
            ByPointer((*soa).clone()),
            saved.answers.clone(),
            saved.direct.clone(),
            saved.objectives.clone(),
            saved.level3.clone(),
            saved.view,
            saved.costs.clone(),
            (saved.system.clone(), saved.poam.clone()),
            date,
        ),
        |(soa, answers, direct, objectives, level3, view, costs, (system, poam), date): &EvaluateInputs| {
            soa.0.as_ref().map(|soa| {
                crate::ui::browser::measured("recompute", || {
                    // The system and the POA&M plans change no figure, but the exports read
                    // them from the same input (a recompute takes about a millisecond).
                    let input = Input {
                        answers: answers.clone(),
                        soa: soa.as_ref().clone(),
                        direct: direct.clone(),
                        objectives: objectives.clone(),
                        level3: level3.clone(),
                        view: *view,
                        costs: costs.clone(),
                        system: system.clone(),
                        poam: poam.clone(),
                        date: *date,
                    };
                    let e = evaluate(Catalog::builtin(), &input);
                    (Rc::new(e.assessment), Rc::new(e.estimate), Rc::new(input))
                })
            })
        },
    );
    let (assessment, estimate, input) = (*evaluation).clone()?;
    Some(Results {
        soa: (*soa).clone()?,
        assessment,
        estimate,
        input,
        soa_name: saved.soa_name.clone(),
    })
}

/// What the evaluation is memoised on.
type EvaluateInputs = (
    ByPointer<Option<Arc<SoaImport>>>,
    Answers,
    BTreeMap<RequirementId, DirectAnswer>,
    BTreeMap<ObjectiveId, ObjectiveAnswer>,
    BTreeMap<String, bool>,
    View,
    CostAssumptions,
    (SystemInfo, BTreeMap<String, PoamPlan>),
    Date,
);

/// A memo key that compares a computed stage by pointer: a new `Rc` is a new result.
struct ByPointer<T>(Option<Rc<T>>);
impl<T> PartialEq for ByPointer<T> {
    fn eq(&self, o: &Self) -> bool {
        match (&self.0, &o.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

/// The level and assessment type the answers lead to. They depend on the answers alone, so the
/// level card shows them in the first render, before the catalog is read.
#[hook]
pub fn use_applicability(answers: &Answers, date: Date) -> Rc<Applicability> {
    use_memo((answers.clone(), date), |(a, d)| applicability(a, *d))
}

/// How many of `total` items to draw: `first` at once, then `step` more after each paint. A long
/// table drawn in one go blocks the page for a tenth of a second or more; drawn this way no task
/// is long, so the page answers input while the table fills in. Once everything has been drawn,
/// later changes draw in full.
#[hook]
pub fn use_progressive(total: usize, first: usize, step: usize) -> usize {
    let shown = use_state(|| first);
    {
        let shown = shown.clone();
        use_effect_with((*shown, total), move |&(n, total)| {
            if n < total {
                crate::ui::browser::after_paint(move || shown.set(n.saturating_add(step)));
            }
        });
    }
    (*shown).min(total)
}

/// `value` one frame late: the value shown until the frame that made it has been painted, then
/// the new one (a second render, after the paint). Panels that are off screen or folded take
/// their inputs through it, so an answer's frame draws only what the user is looking at and the
/// rest follows right after (the idea of React's `useDeferredValue`). Values compare with
/// `PartialEq` (pointers, for `Results` and the state handle), so nothing re-renders twice.
#[hook]
pub fn use_deferred<T: Clone + PartialEq + 'static>(value: T) -> T {
    let shown = use_state(|| value.clone());
    {
        let shown = shown.clone();
        use_effect_with(value, move |value| {
            if *shown != *value {
                let value = value.clone();
                crate::ui::browser::after_paint(move || shown.set(value));
            }
        });
    }
    (*shown).clone()
}
