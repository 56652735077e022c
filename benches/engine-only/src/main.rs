//! Runs the whole engine once on text handed in by the page, so that every part of it is kept in
//! the build: SoA import, the evaluation (assessment and estimate), the solicitation scanner,
//! summary, gap CSV and the saved state.

use cmmc_readiness::engine::{
    evaluate, gap_csv, import_soa, load_state, save_state, scan_solicitation, summary, Catalog,
    Date, Input,
};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The SoA text (the page supplies it; this build is measured, never run).
    fn soa_text() -> String;
    /// A saved state as JSON.
    fn state_text() -> String;
    /// Where the results go.
    fn show(text: &str);
}

fn main() {
    let catalog = Catalog::builtin();
    let saved = load_state(&state_text()).unwrap_or_default();
    let import = import_soa(soa_text().as_bytes(), &saved.import_options, catalog);
    let input = Input {
        answers: saved.answers.clone(),
        soa: Some(std::sync::Arc::new(import)),
        direct: saved.direct.clone(),
        objectives: saved.objectives.clone(),
        level3: saved.level3.clone(),
        view: saved.view,
        costs: saved.costs.clone(),
        system: saved.system.clone(),
        poam: saved.poam.clone(),
        date: saved.date.unwrap_or(Date::UNIX_EPOCH),
    };
    let e = evaluate(catalog, &input);
    let s = summary(input.soa.as_deref(), &input.answers, &e.assessment, &e.estimate);
    show(&serde_json::to_string(&s).unwrap_or_default());
    show(&gap_csv(catalog, &e.assessment, &saved.poam));
    show(&serde_json::to_string(&scan_solicitation(&soa_text())).unwrap_or_default());
    show(&save_state(&saved));
}
