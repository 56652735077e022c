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
pub use poam::{conditional_closeout, poam, poam_csv, Closeout, Poam, PoamItem};
pub use ssp::{ssp, IsoEvidence, Ssp, SspLevel3, SspObjective, SspRequirement};

use super::applicability::ResultsMode;

/// Why the SSP and the POA&M do not apply to results in this mode, or `None` when they do. Both
/// documents describe the 110 NIST SP 800-171 requirements of Levels 2 and 3 (and the 24 of
/// Level 3); a Level 1 firm must meet all 15 FAR 52.204-21 requirements, with no POA&M allowed
/// (32 CFR 170.21(a)(1)), so handing it a Level 2 POA&M would mislead. The app hides the two
/// exports with this sentence in their place; the CLI refuses them with it.
pub fn exports_not_applicable(mode: ResultsMode) -> Option<&'static str> {
    match mode {
        ResultsMode::Level1 => Some(
            "Level 1 needs no SSP or POA&M from this tool: they cover the 110 NIST SP 800-171 requirements of Levels 2 and 3. At Level 1 all 15 FAR 52.204-21 requirements must be met, with no POA&M allowed (32 CFR 170.21(a)(1)); the result is the annual self-assessment and affirmation in SPRS (32 CFR 170.15).",
        ),
        ResultsMode::NoRequirement => Some(
            "No CMMC requirement applies to these answers (neither FCI nor CUI), so there is no SSP or POA&M to write.",
        ),
        ResultsMode::Start | ResultsMode::Level2 | ResultsMode::Level3 => None,
    }
}
