//! The root component: owns the state (one reducer), memoises the engine's results, persists to
//! local storage, and lays out the page frame and the three steps.

use super::browser::{clear_saved, load_saved, store_saved};
use super::hooks::{use_applicability, use_compute_results, AppContext};
use super::import::SoaImportPanel;
use super::methodology::Methodology;
use super::questionnaire::{LevelCard, Questionnaire};
use super::results::cost::CostPanel;
use super::results::coverage_chart::CoverageChart;
use super::results::gap_table::GapTable;
use super::results::iso_limits::IsoLimits;
use super::results::level3::Level3Panel;
use super::results::paths::Paths;
use super::results::scores::Scores;
use super::results::summary_strip::SummaryStrip;
use super::save::export::ExportPanel;
use super::save::restore_banner::RestoreBanner;
use super::stage::{gate, use_stage, Stage};
use super::state::{AppState, RestoreFailure, SavedState};
use yew::prelude::*;

/// Reads the saved state. Unreadable data is reported, not deleted: the user decides.
fn initial_state() -> AppState {
    let mut state = AppState::default();
    if let Some(raw) = load_saved() {
        match crate::engine::load_state(&raw) {
            Ok(saved) => state.saved = saved,
            Err(error) => state.restore_failure = Some(RestoreFailure { error, raw }),
        }
    }
    state
}

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
    // the first render is the first questions and the level card, and the rest follows one stage
    // per frame (`stage.rs`).
    let stage = use_stage();
    // The end of the first render, for the start-up figures in scripts/bench.
    use_effect_with((), |()| super::browser::mark("first-render"));
    // The compiled-in catalog is read in a task of its own, inside a performance entry so
    // scripts/bench can report what it costs.
    use_effect_with(stage >= Stage::Catalog, |&read| {
        if read {
            super::browser::measured("catalog", || {
                let _ = crate::engine::Catalog::builtin();
            });
        }
    });
    let date = state.saved.date.unwrap_or_else(super::browser::today);
    let results = use_compute_results(&state.saved, date, stage >= Stage::Scores);
    let applicability = use_applicability(&state.saved.answers, date);

    // Save on every change. While unreadable old data awaits the user's decision, saving pauses
    // so it is not overwritten; an untouched default state clears the key instead of writing it.
    use_effect_with(
        (state.saved.clone(), state.restore_failure.is_some()),
        |(saved, paused)| {
            if !*paused {
                if *saved == SavedState::default() {
                    clear_saved();
                } else {
                    store_saved(&crate::engine::save_state(saved));
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
                <p class="print-only print-date">{format!("Report printed {}", crate::ui::browser::today())}</p>
            </header>
            if *show_methodology {
                <Methodology on_close={close_methodology} />
            } else {
            <SummaryStrip results={results.clone()} applicability={applicability.clone()} />
            <RestoreBanner />
            <main>
                <section class="step" data-testid="step-questionnaire" aria-labelledby="h-step1">
                    <h2 id="h-step1"><span class="step-no">{"1"}</span>{"Answer the questionnaire"}</h2>
                    <p class="step-lead">{"Tell us about your contracts and your environment. Answer in any order; your level updates as you go."}</p>
                    <div class="step-grid">
                        <Questionnaire />
                        // The level card needs nothing from the results to draw; once they exist
                        // it shows their warnings too (the posted-score check needs the score).
                        <LevelCard applicability={applicability.clone()} results={results.clone()} />
                    </div>
                </section>
                <section class="step" data-testid="step-soa" aria-labelledby="h-step2" aria-busy={(stage < Stage::Scores).to_string()}>
                    <h2 id="h-step2"><span class="step-no">{"2"}</span>{"Import your Statement of Applicability"}</h2>
                    <p class="step-lead">{"Bring your ISO/IEC 27001 SoA as CSV. Optional: without one, answer requirements directly in the gap table."}</p>
                    {gate(&results, stage, Stage::Scores, |r| html! { <SoaImportPanel results={r.clone()} /> })}
                </section>
                <section class="step" data-testid="step-results" aria-labelledby="h-step3"
                    aria-busy={(!stage.is_complete()).to_string()} data-complete={stage.is_complete().to_string()}>
                    <h2 id="h-step3"><span class="step-no">{"3"}</span>{"See your results"}</h2>
                    <p class="step-lead">{"Level, gaps, SPRS score, cost and timeline. Every figure can be expanded to show why."}</p>
                    {gate(&results, stage, Stage::Scores, |r| html! {
                        <>
                        <Scores results={r.clone()} />
                        <Level3Panel results={r.clone()} />
                        <CoverageChart results={r.clone()} />
                        </>
                    })}
                    {gate(&results, stage, Stage::Gaps, |r| html! { <GapTable results={r.clone()} /> })}
                    {gate(&results, stage, Stage::Paths, |r| html! { <Paths results={r.clone()} /> })}
                    {gate(&results, stage, Stage::Complete, |r| html! {
                        <>
                        <CostPanel results={r.clone()} />
                        <IsoLimits />
                        </>
                    })}
                </section>
                {gate(&results, stage, Stage::Complete, |r| html! { <ExportPanel results={r.clone()} /> })}
            </main>
            }
            <footer class="footer" data-testid="privacy-footer">
                {"Nothing you enter or import leaves this device: every calculation runs in your browser."}
            </footer>
        </div>
        </ContextProvider<AppContext>>
    }
}
