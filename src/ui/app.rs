//! The root component: owns the state (one reducer), memoises the engine's results, persists to
//! local storage, and lays out the page frame and the three steps.

use super::browser::{clear_saved, load_saved, store_saved};
use super::cost::CostPanel;
use super::coverage_chart::CoverageChart;
use super::export::ExportPanel;
use super::gap_table::GapTable;
use super::hooks::{use_compute_results, use_progressive, AppContext, Results};
use super::iso_limits::IsoLimits;
use super::level3::Level3Panel;
use super::level_card::LevelCard;
use super::methodology::Methodology;
use super::paths::Paths;
use super::questionnaire::Questionnaire;
use super::restore_banner::RestoreBanner;
use super::scores::Scores;
use super::soa_import::SoaImportPanel;
use super::state::{parse_saved, AppState, RestoreFailure, SavedState};
use super::summary_strip::SummaryStrip;
use yew::prelude::*;

/// Reads the saved state. Unreadable data is reported, not deleted: the user decides.
fn initial_state() -> AppState {
    let mut state = AppState::default();
    if let Some(raw) = load_saved() {
        match parse_saved(&raw) {
            Ok(saved) => state.saved = saved,
            Err(reason) => state.restore_failure = Some(RestoreFailure { reason, raw }),
        }
    }
    state
}

/// The steps after the first render, one per frame: 1 reads the catalog, 2 computes the results
/// and draws the import and the scores, 3 the gap table, 4 the paths, 5 the estimate.
const CATALOG_STAGE: u8 = 1;
const RESULTS_STAGE: u8 = 2;
const RESULT_STAGES: u8 = 5;

/// The whole application.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    // Which page is showing: navigation only, so it is neither saved nor part of the state.
    let show_methodology = use_state(|| false);
    let open_methodology = {
        let show = show_methodology.clone();
        Callback::from(move |_: MouseEvent| show.set(true))
    };
    let close_methodology = {
        let show = show_methodology.clone();
        Callback::from(move |()| show.set(false))
    };

    // The results are long (about 3,300 elements) and need the catalog read first; building them
    // in the first render would keep the questionnaire from showing until all of that is done. So
    // the first render is the first questions and the level card, and the rest follows one step
    // per frame (`use_progressive`): reading the catalog, then the import and the scores, the gap
    // table, the paths, and the estimate.
    let stage = use_progressive(usize::from(RESULT_STAGES), 0, 1);
    let shown = |group: u8| stage >= usize::from(group);
    // The end of the first render, for the start-up figures in scripts/bench.
    use_effect_with((), |()| super::browser::mark("first-render"));
    // The compiled-in catalog is read in a task of its own, inside a performance entry so
    // scripts/bench can report what it costs.
    use_effect_with(shown(CATALOG_STAGE), |&read| {
        if read {
            super::browser::measured("catalog", || {
                let _ = crate::engine::Catalog::builtin();
            });
        }
    });
    let date = state.saved.date.unwrap_or_else(super::browser::today);
    let results = use_compute_results(&state.saved, date, shown(RESULTS_STAGE));
    // Wraps what reads the results in their provider; before the first group there is nothing.
    let with_results = |body: Html| match &results {
        Some(r) => {
            html! { <ContextProvider<Results> context={r.clone()}>{body}</ContextProvider<Results>> }
        }
        None => Html::default(),
    };

    // Save on every change. While unreadable old data awaits the user's decision, saving pauses
    // so it is not overwritten; an untouched default state clears the key instead of writing it.
    use_effect_with(
        (state.saved.clone(), state.restore_failure.is_some()),
        |(saved, paused)| {
            if !*paused {
                if *saved == SavedState::default() {
                    clear_saved();
                } else if let Ok(text) = serde_json::to_string(saved) {
                    store_saved(&text);
                }
            }
        },
    );

    html! {
        <ContextProvider<AppContext> context={state}>
        <div class="page">
            <header class="masthead">
                <h1 class="brand">
                    <span class="brand-mark" aria-hidden="true">{"◆"}</span>
                    <span class="brand-name">{"CMMC Readiness"}</span>
                </h1>
                <p class="tagline">{"From ISO/IEC 27001 to CMMC: your level, your gaps, your SPRS score."}</p>
                <p class="privacy-note" data-testid="privacy-note">
                    <strong>{"Nothing leaves this device."}</strong>
                    {" Open your browser's network panel: after the page loads, it makes no requests."}
                </p>
                <p class="no-print">
                    <button type="button" class="btn btn-link" data-testid="open-methodology" onclick={open_methodology}>
                        {"How the numbers are computed (methodology and sources)"}
                    </button>
                </p>
                <p class="print-only print-date">{format!("Report printed {}", super::browser::today())}</p>
            </header>
            if *show_methodology {
                <Methodology on_close={close_methodology} />
            } else {
            <SummaryStrip results={results.clone()} />
            <RestoreBanner />
            <main>
                <section class="step" data-testid="step-questionnaire" aria-labelledby="h-step1">
                    <h2 id="h-step1"><span class="step-no">{"1"}</span>{"Answer the questionnaire"}</h2>
                    <p class="step-lead">{"Tell us about your contracts and your environment. Answer in any order; your level updates as you go."}</p>
                    <div class="step-grid">
                        <Questionnaire />
                        // The level card needs nothing from the results to draw; once they exist
                        // it reads their warnings too (the posted-score check needs the score).
                        {match &results {
                            Some(r) => html! { <ContextProvider<Results> context={r.clone()}><LevelCard /></ContextProvider<Results>> },
                            None => html! { <LevelCard /> },
                        }}
                    </div>
                </section>
                <section class="step" data-testid="step-soa" aria-labelledby="h-step2" aria-busy={(!shown(RESULTS_STAGE)).to_string()}>
                    <h2 id="h-step2"><span class="step-no">{"2"}</span>{"Import your Statement of Applicability"}</h2>
                    <p class="step-lead">{"Bring your ISO/IEC 27001 SoA as CSV. Optional: without one, answer requirements directly in the gap table."}</p>
                    {with_results(html! { <SoaImportPanel /> })}
                </section>
                <section class="step" data-testid="step-results" aria-labelledby="h-step3"
                    aria-busy={(!shown(RESULT_STAGES)).to_string()} data-complete={shown(RESULT_STAGES).to_string()}>
                    <h2 id="h-step3"><span class="step-no">{"3"}</span>{"See your results"}</h2>
                    <p class="step-lead">{"Level, gaps, SPRS score, cost and timeline. Every figure can be expanded to show why."}</p>
                    {with_results(html! {
                        <>
                        <Scores />
                        <Level3Panel />
                        <CoverageChart />
                        if shown(3) { <GapTable /> }
                        if shown(4) { <Paths /> }
                        if shown(5) {
                            <CostPanel />
                            <IsoLimits />
                        }
                        </>
                    })}
                </section>
                if shown(RESULT_STAGES) { {with_results(html! { <ExportPanel /> })} }
            </main>
            }
            <footer class="footer" data-testid="privacy-footer">
                {"Nothing you enter or import leaves this device: every calculation runs in your browser."}
            </footer>
        </div>
        </ContextProvider<AppContext>>
    }
}
