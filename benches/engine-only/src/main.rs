//! Runs the whole engine once on text handed in by the page, so that every part of it is kept in
//! the build: SoA import, assessment, estimate, summary, gap CSV and the saved state.

use cmmc_readiness::engine::{
    assess, estimate, gap_csv, import_soa, load_state, save_state, summary, Catalog, Inputs,
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
    let a = assess(
        catalog,
        &Inputs {
            answers: &saved.answers,
            soa: Some(&import),
            direct: &saved.direct,
            level3: &saved.level3,
            view: saved.view,
        },
    );
    let e = estimate(catalog, &a, &saved.answers, &saved.costs);
    let s = summary(Some(&import), &a, &e);
    show(&serde_json::to_string(&s).unwrap_or_default());
    show(&gap_csv(catalog, &a));
    show(&save_state(&saved));
}
