//! The root component: the page frame and the three steps a user takes.

use yew::prelude::*;

/// The whole application.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <div class="page">
            <header class="masthead">
                <div class="brand">
                    <span class="brand-mark" aria-hidden="true">{"◆"}</span>
                    <span class="brand-name">{"CMMC Readiness"}</span>
                </div>
                <p class="tagline">{"From ISO/IEC 27001 to CMMC: your level, your gaps, your SPRS score."}</p>
            </header>
            <main>
                <ol class="steps">
                    <li class="step" data-testid="step-questionnaire">
                        <h2><span class="step-no">{"1"}</span>{"Answer the questionnaire"}</h2>
                        <p>{"Tell us about your contracts and your environment."}</p>
                    </li>
                    <li class="step" data-testid="step-soa">
                        <h2><span class="step-no">{"2"}</span>{"Import your Statement of Applicability"}</h2>
                        <p>{"Bring your ISO/IEC 27001 SoA as CSV."}</p>
                    </li>
                    <li class="step" data-testid="step-results">
                        <h2><span class="step-no">{"3"}</span>{"See your results"}</h2>
                        <p>{"Level, gaps, SPRS score, cost and timeline."}</p>
                    </li>
                </ol>
            </main>
            <footer class="footer" data-testid="privacy-footer">
                {"Nothing you enter or import leaves this device: every calculation runs in your browser."}
            </footer>
        </div>
    }
}
