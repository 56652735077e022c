//! The native integration tests: one binary, one module per area of the engine.
#![cfg(not(target_arch = "wasm32"))]

mod applicability;
mod assess;
mod catalog;
mod cli;
mod cli_export;
mod corpus;
#[path = "../corpus/files.rs"]
mod corpus_files;
mod export;
mod fuzz;
mod methodology;
mod objectives;
mod oscal_import;
mod plan;
mod prerender;
mod report;
mod scan;
mod scan_corpus;
mod score;
mod soa;
mod state;
mod support;
mod tidy;
