//! The assessment engine: pure data in, pure data out. It never touches a browser, a clock,
//! storage or randomness, so the web app and the `crosswalk` command line give the same answers.
//!
//! **Invariant:** nothing under `src/engine` names yew, web-sys, js-sys, gloo or wasm-bindgen
//! (enforced by `tests/tidy.rs`).

mod catalog;
mod ids;
mod soa;

pub use catalog::{
    Catalog, Correspondence, Edge, IsoControl, IsoLimit, Level1Requirement, Level3Poam,
    Level3Requirement, PoamEligibility, Provenance, Relationship, Requirement, RequirementKind,
};
pub use ids::{AnnexAControl, Edition, Family, RequirementId};
pub use soa::{
    import_soa, Column, ColumnOverrides, ControlStatus, Delimiter, ImportOptions, Problem,
    ProblemKind, Role, SoaImport, SoaRow, TextEncoding, MAX_COLUMNS, MAX_FIELD_BYTES, MAX_RECORDS,
};
