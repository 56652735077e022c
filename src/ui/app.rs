//! The root component: owns the state (one reducer), memoises the engine's results, persists to
//! local storage, and lays out the page frame and the three steps.

use super::browser;
use super::hooks::{use_applicability, use_compute_results, use_deferred, Dispatch, StateStore};
use super::import::SoaImportPanel;
use super::methodology::Methodology;
use super::questionnaire::{LevelCard, Questionnaire};
use super::results::cost::CostPanel;
use super::results::coverage_chart::CoverageChart;
use super::results::gap_table::GapTable;
use super::results::iso_limits::IsoLimits;
use super::results::level1::Level1Checklist;
use super::results::level3::Level3Panel;
use super::results::paths::Paths;
use super::results::print_report::PrintReport;
use super::results::scores::Scores;
use super::results::summary_card::SummaryCard;
use super::results::summary_strip::SummaryStrip;
use super::samples::SampleButtons;
use super::save::export::ExportPanel;
use super::save::restore_banner::RestoreBanner;
use super::stage::{gate, use_stage, Stage};
use super::state::{AppState, SavedState};
use crate::engine::{Date, ResultsMode};
use yew::prelude::*;

/// The whole application.
#[function_component(App)]
pub fn app() -> Html {
    // The first render is the default state's, the same as the page prerendered at build time
    // (which it hydrates); the saved state and the answers given before the app started follow
    // in the first effect (`boot.rs`).
    let state = use_reducer(AppState::default);
    {
        let state = state.clone();
        use_effect_with((), move |()| state.dispatch(super::boot::boot_action()));
    }
    // Which page is showing: navigation only, so it is neither saved nor part of the state. Read
    // from the address after the first render, which is the questionnaire, as prerendered.
    let show_methodology = use_state(|| false);
    // Whether this session opened the methodology page, so closing it goes back in the history
    // (where the user was) rather than adding an entry.
    let opened_here = use_mut_ref(|| false);
    {
        // The methodology is a page of its own in the browser history: Back and Forward work.
        let show = show_methodology.clone();
        use_effect_with((), move |()| {
            show.set(browser::hash() == "methodology");
            let listener = browser::on_hash_change(move |h| show.set(h == "methodology"));
            move || drop(listener)
        });
    }
    // Where the calculator was scrolled to when the methodology opened, to return there.
    let scrolled = use_mut_ref(|| None::<f64>);
    let open_methodology = {
        let opened_here = opened_here.clone();
        let scrolled = scrolled.clone();
        Callback::from(move |_: MouseEvent| {
            *opened_here.borrow_mut() = true;
            *scrolled.borrow_mut() = web_sys::window().and_then(|w| w.scroll_y().ok());
            browser::go_to("methodology");
        })
    };
    {
        let scrolled = scrolled.clone();
        use_effect_with(*show_methodology, move |&showing| {
            if showing {
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            } else if let (Some(y), Some(w)) = (scrolled.borrow_mut().take(), web_sys::window()) {
                w.scroll_to_with_x_and_y(0.0, y);
            }
        });
    }
    let close_methodology = {
        let show = show_methodology.clone();
        Callback::from(move |()| {
            if *opened_here.borrow() {
                browser::go_back();
            } else {
                browser::go_to("");
                show.set(false);
            }
        })
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
    // The date the rules are applied on. The first render has none: it is drawn at build time
    // too, whose date is not the visitor's, so it leaves out what depends on it (the phase line),
    // and the default answers decide nothing else by date.
    let date = state
        .booted
        .then(|| state.saved.date.unwrap_or_else(super::browser::today));
    let rules_date = date.unwrap_or(Date::UNIX_EPOCH);
    let applicability = use_applicability(&state.saved.answers, rules_date);
    // The figures follow an answer one frame late: the frame of the click shows the answer itself
    // (the pressed button, the level card, the state's own fields), then the engine runs and the
    // scores, statuses and costs are drawn in the frame after (`use_deferred`). So input is
    // answered within a frame however large the SoA; docs/performance.md gives both figures.
    // What is deferred is a copy of the inputs the figures need (the state's handle would not
    // do: it always reads the current state).
    let (figures, figures_date) = use_deferred((figures_input(&state.saved), date));
    let ready = stage >= Stage::Scores && figures_date.is_some();
    let results = use_compute_results(&figures, figures_date.unwrap_or(Date::UNIX_EPOCH), ready);

    // Saved as it changes: debounced, flushed when the page is hidden or left (`save::persist`);
    // not before the session has started, so the first render's default state overwrites nothing.
    let paused = state.restore_failure.is_some() || !state.booted;
    super::save::persist::use_saving(&state.saved, paused);

    let mode = applicability.results_mode(&state.saved.answers);
    let scored = matches!(mode, ResultsMode::Level2 | ResultsMode::Level3);
    let priced = scored || mode == ResultsMode::Level1;
    let notice = state.notice.clone();
    let on_sample = Callback::from(|()| browser::after_paint(|| browser::reveal("summary")));
    // The paths (folded) and the printed report (hidden on screen) are the largest parts of the
    // page and never what an answer is looking at: they follow the figures one frame later still
    // (`use_deferred`), so the figures' frame does not redraw them.
    let late_results = use_deferred(results.clone());
    let late_applicability = use_deferred(applicability.clone());

    let dispatch = Dispatch::of(&state);
    // The panels that read a slice of the state (`use_selected`) are drawn again only when it
    // changes: the store is one value for the session, and each new state is published to it.
    let store = {
        let state = state.clone();
        use_memo((), move |()| StateStore::new(state))
    };
    store.publish(&state);
    html! {
        <ContextProvider<Dispatch> context={dispatch}>
        <ContextProvider<StateStore> context={(*store).clone()}>
        <div class="page">
            <header class="masthead">
                <h1 class="brand">
                    <span class="brand-mark" aria-hidden="true">{"◆"}</span>
                    <span class="brand-name">{"CMMC Readiness"}</span>
                </h1>
                <p class="tagline">{"From ISO/IEC 27001 to CMMC: your level, your gaps, your SPRS score."}</p>
                <p class="privacy-note" data-testid="privacy-note">
                    <strong>{"Nothing leaves this device."}</strong>
                    {" Open your browser's network panel: the page asks only this site for its own files (a sample or the methodology when you open them) and never sends what you enter."}
                </p>
                <p class="no-print">
                    <button type="button" class="btn btn-link" data-testid="open-methodology" onclick={open_methodology}>
                        {"How the numbers are computed (methodology and sources)"}
                    </button>
                </p>
                if !*show_methodology { <SampleButtons on_loaded={on_sample} /> }
            </header>
            if *show_methodology {
                <Methodology on_close={close_methodology} />
            }
            // Hidden, not removed, while the methodology shows: the sections the user opened
            // and the requirement they were reading are where they left them on the way back.
            <div class="calculator" hidden={*show_methodology}>
            <SummaryStrip results={results.clone()} applicability={applicability.clone()} {mode} />
            <RestoreBanner />
            <p class="notice" role="status" aria-live="polite" data-testid="notice">{notice.unwrap_or_default()}</p>
            <main>
                <section class="step" id="step-questionnaire" tabindex="-1" data-testid="step-questionnaire" aria-labelledby="h-step1">
                    <h2 id="h-step1"><span class="step-no">{"1"}</span>{"Answer the questionnaire"}</h2>
                    <p class="step-lead">{"Tell us about your contracts and your environment. Answer in any order; your level updates as you go."}</p>
                    <div class="step-grid">
                        <Questionnaire answers={state.saved.answers.clone()} />
                        // The level card needs nothing from the results to draw; once they exist
                        // it shows their warnings too (the posted-score check needs the score).
                        <LevelCard applicability={applicability.clone()} results={results.clone()} dated={date.is_some()} />
                    </div>
                </section>
                <SummaryCard applicability={applicability.clone()} results={results.clone()} />
                <section class="step" id="step-soa" tabindex="-1" data-testid="step-soa" aria-labelledby="h-step2" aria-busy={(stage < Stage::Scores).to_string()}>
                    <h2 id="h-step2"><span class="step-no">{"2"}</span>{"Import your Statement of Applicability"}</h2>
                    <p class="step-lead">{"Bring your ISO/IEC 27001 SoA as CSV. Optional: without one, answer requirements directly."}</p>
                    {gate(&results, stage, Stage::Scores, |r| html! { <SoaImportPanel results={r.clone()} /> })}
                </section>
                <section class="step" data-testid="step-results" aria-labelledby="h-step3"
                    aria-busy={(!stage.is_complete()).to_string()} data-complete={stage.is_complete().to_string()}>
                    <h2 id="h-step3"><span class="step-no">{"3"}</span>{"The details"}</h2>
                    <p class="step-lead">{match mode {
                        ResultsMode::Start => "Nothing to score or price yet: answer the first questions.",
                        ResultsMode::NoRequirement => "No CMMC requirement applies, so there is nothing to score or price.",
                        ResultsMode::Level1 => "Your 15 Level 1 requirements, and what meeting them costs. Open a section to see why.",
                        _ => "Every requirement, the paths to 88 and 110, cost and timeline. Open a section to see why.",
                    }}</p>
                    if mode == ResultsMode::Level1 {
                        {gate(&results, stage, Stage::Scores, |r| html! {
                            <section id="level1" tabindex="-1" class="anchor"><Level1Checklist results={r.clone()} /></section>
                        })}
                    }
                    if scored {
                        {gate(&results, stage, Stage::Scores, |r| html! {
                            <Fold id="scores" title="SPRS score and statuses" open={false}>
                                <Scores results={r.clone()} />
                                <Level3Panel results={r.clone()} />
                                <CoverageChart results={r.clone()} />
                            </Fold>
                        })}
                        {gate(&results, stage, Stage::Gaps, |r| html! {
                            <Fold id="gaps" title="Requirements and gaps" open={false}><GapTable results={r.clone()} /></Fold>
                        })}
                        {gate(&results, stage, Stage::Paths, |_| html! {
                            <Fold id="paths" title="Paths to 88 and 110" open={false}>
                                {gate(&late_results, stage, Stage::Paths, |r| html! { <Paths results={r.clone()} /> })}
                            </Fold>
                        })}
                    }
                    if priced {
                        {gate(&results, stage, Stage::Complete, |r| html! {
                            <Fold id="plan" title="Cost, timeline and assumptions" open={false}><CostPanel results={r.clone()} /></Fold>
                        })}
                    }
                    // What ISO cannot evidence is about Levels 2 and 3 (FIPS, FedRAMP, POA&M rules).
                    if !matches!(mode, ResultsMode::Level1 | ResultsMode::NoRequirement) {
                        {gate(&results, stage, Stage::Complete, |_| html! {
                            <Fold id="iso-limits" title="What ISO cannot evidence" open={false}><IsoLimits /></Fold>
                        })}
                    }
                </section>
                {gate(&results, stage, Stage::Complete, |r| html! {
                    <section id="export" tabindex="-1" class="anchor"><ExportPanel results={r.clone()} /></section>
                })}
            </main>
            </div>
            if !*show_methodology {
                {gate(&late_results, stage, Stage::Complete, |r| html! {
                    <PrintReport applicability={late_applicability.clone()} results={r.clone()} />
                })}
            }
            <footer class="footer" data-testid="privacy-footer">
                {"Nothing you enter or import leaves this device: every calculation runs in your browser."}
            </footer>
        </div>
        </ContextProvider<StateStore>>
        </ContextProvider<Dispatch>>
    }
}

/// Props of a folded section.
#[derive(Properties, PartialEq)]
struct FoldProps {
    id: &'static str,
    title: &'static str,
    open: bool,
    children: Html,
}

/// A section folded behind its title, so the summary stays near the top; the section
/// navigation opens it.
#[function_component(Fold)]
fn fold(p: &FoldProps) -> Html {
    html! {
        <details class="fold" id={p.id} tabindex="-1" open={p.open} data-testid={format!("fold-{}", p.id)}>
            <summary><h3 class="fold-title">{p.title}</h3></summary>
            {p.children.clone()}
        </details>
    }
}

/// The part of the saved state the figures are computed from (the engine's `Input` less the
/// date) and the SoA's file name the import review shows with them: copied, so the root can hand
/// it to the engine one frame late. The pasted solicitation and the company change no figure and
/// are left out.
fn figures_input(saved: &SavedState) -> SavedState {
    SavedState {
        answers: saved.answers.clone(),
        soa_text: saved.soa_text.clone(),
        soa_name: saved.soa_name.clone(),
        import_options: saved.import_options.clone(),
        direct: saved.direct.clone(),
        objectives: saved.objectives.clone(),
        level3: saved.level3.clone(),
        view: saved.view,
        costs: saved.costs.clone(),
        date: saved.date,
        system: saved.system.clone(),
        poam: saved.poam.clone(),
        ..SavedState::default()
    }
}
