//! The regulatory catalog: NIST SP 800-171 r2, CMMC scoring, Levels 1 and 3, ISO/IEC 27001 Annex A
//! (2013 and 2022), the crosswalk between them, and what an ISO certificate cannot evidence.
//!
//! The data lives in reviewed CSV tables under `data/`, compiled in with `include_str!` and parsed
//! once into the typed structures below. A table that fails to parse is a build-breaking bug caught
//! by the native tests, so `Catalog::builtin` may treat a parse failure as unreachable.

use super::ids::{AnnexAControl, Edition, Family, RequirementId};
use serde::Serialize;

/// Basic (from FIPS 200) or derived (from SP 800-53) security requirement, per SP 800-171 r2 ch. 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequirementKind {
    Basic,
    Derived,
}

/// Whether an unmet Level 2 requirement may sit on a POA&M for Conditional status (32 CFR 170.21(a)(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PoamEligibility {
    /// Must be met at assessment time.
    Never,
    /// A 1-point requirement not on the 170.21(a)(2)(iii) exclusion list.
    Eligible,
    /// Only 3.13.11, and only when encryption is employed but not FIPS-validated.
    EligibleWhenPartial,
}

/// One NIST SP 800-171 r2 requirement with its CMMC Level 2 scoring.
#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    pub id: RequirementId,
    pub family: Family,
    pub kind: RequirementKind,
    /// CMMC Level 2 id, e.g. `AC.L2-3.1.1`.
    pub cmmc_id: String,
    /// Requirement text (NIST, public domain).
    pub text: String,
    /// Points subtracted when not met (32 CFR 170.24(c)(2)(i)(B)); `None` for 3.12.4 (no SSP, no score).
    pub points: Option<u8>,
    /// Points subtracted when partially implemented; only 3.5.3 and 3.13.11 have one (3).
    pub partial_points: Option<u8>,
    pub poam: PoamEligibility,
    /// Public source of the requirement row and of its scoring row.
    pub source: String,
}

/// One FAR 52.204-21(b)(1) requirement, i.e. one CMMC Level 1 requirement.
#[derive(Debug, Clone, Serialize)]
pub struct Level1Requirement {
    /// CMMC id, e.g. `AC.L1-b.1.i`.
    pub id: String,
    /// FAR paragraph, e.g. `52.204-21(b)(1)(i)`.
    pub far_paragraph: String,
    pub short_name: String,
    /// FAR text (public domain).
    pub text: String,
    /// The SP 800-171 r2 requirements it corresponds to.
    pub requirements: Vec<RequirementId>,
    pub source: String,
}

/// Whether an unmet Level 3 requirement may sit on a POA&M (32 CFR 170.21(a)(3)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level3Poam {
    Never,
    Eligible,
}

/// One NIST SP 800-172 requirement selected for CMMC Level 3 by 32 CFR 170.14(c)(4).
#[derive(Debug, Clone, Serialize)]
pub struct Level3Requirement {
    /// CMMC id, e.g. `AC.L3-3.1.2e`.
    pub id: String,
    /// SP 800-172 id, e.g. `3.1.2e`.
    pub nist_id: String,
    pub short_name: String,
    /// The statement with DoD-assigned organization-defined parameters filled in.
    pub statement: String,
    /// Notes on the DoD-assigned parameters (empty when none).
    pub dod_parameters: String,
    pub poam: Level3Poam,
    pub source: String,
}

/// An ISO/IEC 27001 Annex A control: id and short title only (ISO text is copyrighted).
#[derive(Debug, Clone, Serialize)]
pub struct IsoControl {
    pub id: AnnexAControl,
    pub edition: Edition,
    pub title: String,
    /// 2022: Organizational / People / Physical / Technological. 2013: the clause title (e.g. `Access control`).
    pub theme: String,
    /// 2022 only: one of the 11 controls new in 2022.
    pub new_in_2022: bool,
    pub source: String,
}

/// ISO/IEC 27002:2022 Annex B: where a 2013 control went in 2022.
#[derive(Debug, Clone, Serialize)]
pub struct Correspondence {
    pub iso2013: AnnexAControl,
    pub iso2022: Vec<AnnexAControl>,
    pub source: String,
}

/// NIST IR 8477 set-theory relationship, read as "ISO control <relationship> requirement".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relationship {
    Equal,
    /// The ISO control covers only part of the requirement (NIST's `*`: does not fully satisfy).
    SubsetOf,
    SupersetOf,
    IntersectsWith,
}

/// Where a crosswalk edge comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Provenance {
    /// Published by NIST in SP 800-171 r2 Appendix D (ISO/IEC 27001:2013).
    NistAppendixD,
    /// A 2022 edge: an Appendix D edge carried through ISO/IEC 27002:2022 Annex B.
    AppendixDViaAnnexB,
    /// Added by this project's analysis; always carries a rationale.
    Analysis,
}

/// One crosswalk edge: ISO control -> SP 800-171 r2 requirement.
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    pub iso: AnnexAControl,
    pub edition: Edition,
    pub requirement: RequirementId,
    pub relationship: Relationship,
    pub provenance: Provenance,
    /// True when NIST marks the ISO control with `*` (does not fully satisfy the intent).
    pub nist_partial: bool,
    /// For `appendix-d-via-annex-b` edges: the 2013 control(s) the edge was carried from.
    pub via: Vec<AnnexAControl>,
    /// One sentence; required for `analysis` edges, `None` otherwise.
    pub rationale: Option<String>,
    pub source: String,
}

/// A CMMC obligation that an ISO/IEC 27001 certificate does not prove.
#[derive(Debug, Clone, Serialize)]
pub struct IsoLimit {
    /// Stable slug, e.g. `fips-crypto`.
    pub id: String,
    pub title: String,
    /// What CMMC / DFARS requires, in plain English.
    pub obligation: String,
    /// Why an ISO 27001 certificate does not evidence it.
    pub why_iso_falls_short: String,
    /// Requirements it touches (may be empty for contract-level obligations such as SPRS posting).
    pub requirements: Vec<RequirementId>,
    /// When true, ISO evidence alone can at best make the touched requirements `partial`.
    pub caps_iso_evidence: bool,
    pub source: String,
}

/// The whole compiled catalog.
#[derive(Debug, Clone, Serialize)]
pub struct Catalog {
    /// The 110 requirements in the standard's order.
    pub requirements: Vec<Requirement>,
    pub level1: Vec<Level1Requirement>,
    pub level3: Vec<Level3Requirement>,
    /// 93 controls of 2022 then 114 of 2013.
    pub iso_controls: Vec<IsoControl>,
    pub correspondence: Vec<Correspondence>,
    pub crosswalk: Vec<Edge>,
    pub iso_limits: Vec<IsoLimit>,
}
