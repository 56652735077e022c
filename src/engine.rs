//! The assessment engine: pure data in, pure data out. It never touches a browser, a clock,
//! storage or randomness, so the web app and the `crosswalk` command line give the same answers.
//!
//! **Invariant:** nothing under `src/engine` names yew, web-sys, js-sys, gloo or wasm-bindgen
//! (enforced by `tests/tidy.rs`).

mod catalog;
mod ids;
mod questionnaire;

pub use catalog::{
    Catalog, CatalogError, Correspondence, Edge, IsoControl, IsoLimit, Level1Requirement,
    Level3Poam, Level3Requirement, PoamEligibility, Provenance, Relationship, Requirement,
    RequirementKind, Tables,
};
pub use ids::{AnnexAControl, Edition, Family, RequirementId};
pub use questionnaire::{
    applicability, Answers, Applicability, AssessmentType, CuiStorage, Level, Question,
    QuestionKind, Reason, Solicitation, QUESTIONS,
};
