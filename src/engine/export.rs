//! The documents an assessor or a GRC tool takes, each made from the inputs and their
//! assessment: the System Security Plan ([`ssp`], written as Markdown or OSCAL JSON) and the Plan
//! of Action and Milestones ([`poam`], written as CSV or OSCAL JSON), and the way back from an
//! OSCAL SSP this project wrote to the inputs it carries ([`import_oscal_ssp`]).
//!
//! Each document is built once as data (`ssp`, `poam`); the writers only format it. The OSCAL
//! files are deterministic: UUIDs are version 5 of a fixed project namespace and the subject's
//! name, and every date comes from the input's date, so the same input gives the same bytes.
//!
//! Rooms: `ssp` and `poam` (the content), `markdown` (the SSP as Markdown; the POA&M's CSV is in
//! `poam`), `oscal` (what the OSCAL writers share), `oscal_catalog` (the catalog and profiles
//! the SSP embeds), `oscal_ssp`, `oscal_poam`, `oscal_import`, and `uuid` (SHA-1, UUIDv5,
//! base64).

mod markdown;
mod oscal;
mod oscal_catalog;
mod oscal_import;
mod oscal_poam;
mod oscal_ssp;
mod poam;
mod ssp;
mod uuid;

pub use markdown::ssp_markdown;
pub use oscal::{OSCAL_NS, OSCAL_VERSION};
pub use oscal_import::{import_oscal_ssp, OscalImportError, SspImport, MAX_OSCAL_BYTES};
pub use oscal_poam::poam_oscal;
pub use oscal_ssp::ssp_oscal;
pub use poam::{poam, poam_csv, Closeout, Poam, PoamItem};
pub use ssp::{ssp, IsoEvidence, Ssp, SspLevel3, SspObjective, SspRequirement};
