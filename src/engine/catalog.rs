//! The regulatory catalog: NIST SP 800-171 r2 with its SP 800-171A assessment objectives, CMMC
//! scoring, Levels 1 and 3, ISO/IEC 27001 Annex A (2013 and 2022), the crosswalk between them, and
//! what an ISO certificate cannot evidence.
//!
//! The data lives in reviewed CSV tables under `data/`, compiled in with `include_str!` and parsed
//! once into the typed structures below. A table that fails to parse is a build-breaking bug caught
//! by the native tests, so `Catalog::builtin` may treat a parse failure as unreachable.
//!
//! This file holds the public types and the lookups. Reading a table's rows by column name is
//! `tables`; [`Catalog::parse`], one function per table and the cross-checks between them, is
//! `parse`.

mod parse;
mod tables;

use super::ids::{AnnexAControl, Edition, Family, ObjectiveId, RequirementId};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// Basic (from FIPS 200) or derived (from SP 800-53) security requirement, per SP 800-171 r2 ch. 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequirementKind {
    /// A basic requirement (from FIPS 200).
    Basic,
    /// A derived requirement (from SP 800-53).
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
    /// SP 800-171 r2 id, e.g. `3.1.1`.
    pub id: RequirementId,
    /// The family it belongs to (serialized as `AC` ...).
    pub family: Family,
    /// Basic or derived.
    pub kind: RequirementKind,
    /// CMMC Level 2 id, e.g. `AC.L2-3.1.1`.
    pub cmmc_id: String,
    /// Requirement text (NIST, public domain).
    pub text: String,
    /// Points subtracted when not met (32 CFR 170.24(c)(2)(i)(B)); `None` for 3.12.4 (no SSP, no score).
    pub points: Option<u8>,
    /// Points subtracted when partially implemented; only 3.5.3 and 3.13.11 have one (3).
    pub partial_points: Option<u8>,
    /// Whether it may sit on a POA&M for Conditional Level 2 status.
    pub poam: PoamEligibility,
    /// Public source of the requirement row and of its scoring row.
    pub source: String,
}

/// One NIST SP 800-171A assessment objective ("Determine if ..."): what an assessor examines. A
/// requirement is MET only when each of its objectives is met or N/A (32 CFR 170.24(b)).
#[derive(Debug, Clone, Serialize)]
pub struct Objective {
    /// The objective, e.g. `3.1.1[a]`.
    pub id: ObjectiveId,
    /// The requirement it belongs to.
    pub requirement: RequirementId,
    /// The determination statement (NIST, public domain).
    pub text: String,
    /// True when the objective asks that something be defined (a period, a number, a list: the
    /// organisation's own value, which the SSP records): its text says the thing "is defined" or
    /// "is specified".
    pub defines: bool,
    /// Public source of the row.
    pub source: String,
}

/// One FAR 52.204-21(b)(1) requirement, i.e. one CMMC Level 1 requirement.
#[derive(Debug, Clone, Serialize)]
pub struct Level1Requirement {
    /// CMMC id, e.g. `AC.L1-b.1.i`.
    pub id: String,
    /// FAR paragraph, e.g. `52.204-21(b)(1)(i)`.
    pub far_paragraph: String,
    /// The CMMC short name, e.g. `Authorized Access Control [FCI Data]`.
    pub short_name: String,
    /// FAR text (public domain).
    pub text: String,
    /// The SP 800-171 r2 requirements it corresponds to.
    pub requirements: Vec<RequirementId>,
    /// Public source of the row.
    pub source: String,
}

/// Whether an unmet Level 3 requirement may sit on a POA&M (32 CFR 170.21(a)(3)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level3Poam {
    /// Listed in 32 CFR 170.21(a)(3)(ii): must be met at assessment time.
    Never,
    /// May sit on a POA&M for Conditional Level 3 status.
    Eligible,
}

/// One NIST SP 800-172 requirement selected for CMMC Level 3 by 32 CFR 170.14(c)(4).
#[derive(Debug, Clone, Serialize)]
pub struct Level3Requirement {
    /// CMMC id, e.g. `AC.L3-3.1.2e`.
    pub id: String,
    /// SP 800-172 id, e.g. `3.1.2e`.
    pub nist_id: String,
    /// The CMMC short name, e.g. `Security Operations Center`.
    pub short_name: String,
    /// The statement with DoD-assigned organization-defined parameters filled in.
    pub statement: String,
    /// Notes on the DoD-assigned parameters (empty when none).
    pub dod_parameters: String,
    /// Whether it may sit on a POA&M for Conditional Level 3 status.
    pub poam: Level3Poam,
    /// Public source of the row.
    pub source: String,
}

/// An ISO/IEC 27001 Annex A control: id and short title only (ISO text is copyrighted).
#[derive(Debug, Clone, Serialize)]
pub struct IsoControl {
    /// Canonical id, e.g. `A.5.15` or `A.9.2.1`.
    pub id: AnnexAControl,
    /// Which edition of Annex A it belongs to.
    pub edition: Edition,
    /// Short title (no control text).
    pub title: String,
    /// 2022: Organizational / People / Physical / Technological. 2013: the clause title (e.g. `Access control`).
    pub theme: String,
    /// 2022 only: one of the 11 controls new in 2022.
    pub new_in_2022: bool,
    /// Public source of the row.
    pub source: String,
}

/// ISO/IEC 27002:2022 Annex B: where a 2013 control went in 2022.
#[derive(Debug, Clone, Serialize)]
pub struct Correspondence {
    /// The 2013 control.
    pub iso2013: AnnexAControl,
    /// The 2022 control(s) it became (at least one).
    pub iso2022: Vec<AnnexAControl>,
    /// Public source of the row, with notes on how it was checked.
    pub source: String,
}

/// NIST IR 8477 set-theory relationship, read as "ISO control <relationship> requirement".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relationship {
    /// The ISO control and the requirement cover the same ground.
    Equal,
    /// The ISO control covers only part of the requirement (NIST's `*`: does not fully satisfy).
    SubsetOf,
    /// The ISO control covers all of the requirement and more.
    SupersetOf,
    /// They overlap; neither contains the other (NIST's unstarred Appendix D entries).
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
    /// NIST OLIR SP 800-53 r5 -> ISO/IEC 27001:2022 (2023-10-12), composed with SP 800-171 r2
    /// Appendix D's 800-171 -> 800-53 column. A 2022 edge, always `intersects-with`: two hops of
    /// NIST's `intersect` never amount to a claim of full coverage. `via_800_53` names the
    /// SP 800-53 control(s) it passes through.
    NistOlir,
}

/// One crosswalk edge: ISO control -> SP 800-171 r2 requirement.
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    /// The ISO control.
    pub iso: AnnexAControl,
    /// The ISO edition of `iso` (serialized as the number 2013 or 2022).
    pub edition: Edition,
    /// The SP 800-171 r2 requirement.
    pub requirement: RequirementId,
    /// How the control relates to the requirement.
    pub relationship: Relationship,
    /// Where the edge comes from.
    pub provenance: Provenance,
    /// True when NIST marks the ISO control with `*` (does not fully satisfy the intent).
    pub nist_partial: bool,
    /// For `appendix-d-via-annex-b` edges: the 2013 control(s) the edge was carried from.
    pub via: Vec<AnnexAControl>,
    /// The SP 800-53 control(s) the edge passes through, as NIST spells them (`AC-17(1)`).
    /// Appendix D edges: every control of the requirement's Appendix D cell whose ISO list prints
    /// the edge's control. Derived edges: the union over their `via` edges. OLIR edges: the
    /// requirement's own Appendix D controls whose OLIR rows name the edge's control. Empty for
    /// `analysis` edges.
    pub via_800_53: Vec<String>,
    /// One sentence; required for `analysis` edges, `None` otherwise.
    pub rationale: Option<String>,
    /// A known error in NIST's own mapping that this edge rests on, with the reason; `None` for a
    /// sound edge. Only NIST-sourced edges (`nist-appendix-d`, `appendix-d-via-annex-b`) can carry
    /// one. The edge is kept as NIST printed it, so the table stays a faithful transcription, but
    /// it is no evidence for the requirement.
    pub erratum: Option<String>,
    /// Public source of the edge.
    pub source: String,
}

/// A CMMC obligation that an ISO/IEC 27001 certificate does not prove.
#[derive(Debug, Clone, Serialize)]
pub struct IsoLimit {
    /// Stable slug, e.g. `fips-crypto`.
    pub id: String,
    /// Short title.
    pub title: String,
    /// What CMMC / DFARS requires, in plain English.
    pub obligation: String,
    /// Why an ISO 27001 certificate does not evidence it.
    pub why_iso_falls_short: String,
    /// Requirements it touches (may be empty for contract-level obligations such as SPRS posting).
    pub requirements: Vec<RequirementId>,
    /// When true, ISO evidence alone can at best make the touched requirements `partial`.
    pub caps_iso_evidence: bool,
    /// Public source(s) of the obligation.
    pub source: String,
}

/// The whole compiled catalog.
#[derive(Debug, Clone, Serialize)]
pub struct Catalog {
    /// The 110 requirements in the standard's order.
    pub requirements: Vec<Requirement>,
    /// The 320 SP 800-171A assessment objectives, in the standard's order.
    pub objectives: Vec<Objective>,
    /// The 15 Level 1 requirements (FAR 52.204-21(b)(1)).
    pub level1: Vec<Level1Requirement>,
    /// The 24 Level 3 requirements (32 CFR 170.14(c)(4)).
    pub level3: Vec<Level3Requirement>,
    /// 93 controls of 2022 then 114 of 2013.
    pub iso_controls: Vec<IsoControl>,
    /// ISO/IEC 27002:2022 Annex B, one row per 2013 control (114).
    pub correspondence: Vec<Correspondence>,
    /// Every crosswalk edge: Appendix D (2013), derived 2022, NIST OLIR 2022, then analysis.
    pub crosswalk: Vec<Edge>,
    /// What an ISO certificate cannot evidence.
    pub iso_limits: Vec<IsoLimit>,
    /// Lookup indexes built once by [`Catalog::parse`]; not part of the data.
    #[serde(skip)]
    index: Index,
}

/// The raw text of every catalog table, one field per CSV file under `data/`.
///
/// [`Tables::builtin`] gives the tables compiled into the binary; tests build their own to exercise
/// [`Catalog::parse`]'s error path.
#[derive(Debug, Clone, Copy)]
pub struct Tables<'a> {
    /// `nist800171r2_requirements.csv`
    pub requirements: &'a str,
    /// `cmmc_l2_scoring.csv`
    pub scoring: &'a str,
    /// `nist800171a_objectives.csv`
    pub objectives: &'a str,
    /// `cmmc_l1.csv`
    pub level1: &'a str,
    /// `cmmc_l3.csv`
    pub level3: &'a str,
    /// `iso27001_2022_controls.csv`
    pub iso2022: &'a str,
    /// `iso27001_2013_controls.csv`
    pub iso2013: &'a str,
    /// `iso_2013_to_2022.csv`
    pub correspondence: &'a str,
    /// `crosswalk.csv`
    pub crosswalk: &'a str,
    /// `iso_limits.csv`
    pub iso_limits: &'a str,
}

impl Tables<'static> {
    /// The reviewed tables under `data/`, compiled in.
    pub fn builtin() -> Tables<'static> {
        Tables {
            requirements: include_str!("../../data/nist800171r2_requirements.csv"),
            scoring: include_str!("../../data/cmmc_l2_scoring.csv"),
            objectives: include_str!("../../data/nist800171a_objectives.csv"),
            level1: include_str!("../../data/cmmc_l1.csv"),
            level3: include_str!("../../data/cmmc_l3.csv"),
            iso2022: include_str!("../../data/iso27001_2022_controls.csv"),
            iso2013: include_str!("../../data/iso27001_2013_controls.csv"),
            correspondence: include_str!("../../data/iso_2013_to_2022.csv"),
            crosswalk: include_str!("../../data/crosswalk.csv"),
            iso_limits: include_str!("../../data/iso_limits.csv"),
        }
    }
}

/// A catalog table that does not parse: which table, which line, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    /// The table's file name, e.g. `crosswalk.csv`.
    pub table: &'static str,
    /// 1-based line in that file (the header is line 1); 0 when the problem is not tied to a line.
    pub line: u64,
    /// What is wrong, in plain English.
    pub message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, line {}: {}", self.table, self.line, self.message)
    }
}

impl std::error::Error for CatalogError {}

/// Lookup tables built once from the rows, so lookups do not scan.
#[derive(Debug, Clone, Default)]
struct Index {
    requirement: HashMap<RequirementId, usize>,
    /// Each requirement's objectives, as a range of [`Catalog::objectives`] (they are contiguous).
    objectives_of: HashMap<RequirementId, (usize, usize)>,
    objective: HashMap<ObjectiveId, usize>,
    iso: HashMap<(Edition, AnnexAControl), usize>,
    successors: HashMap<AnnexAControl, usize>,
    edges_to: HashMap<RequirementId, Vec<usize>>,
    edges_from: HashMap<AnnexAControl, Vec<usize>>,
}

impl Catalog {
    /// The catalog compiled from `data/`, parsed once per process.
    ///
    /// The native tests parse the same tables, so a failure here cannot reach a release.
    pub fn builtin() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| match Catalog::parse(&Tables::builtin()) {
            Ok(catalog) => catalog,
            Err(e) => panic!("built-in catalog does not parse: {e}"),
        })
    }

    /// The requirement with this id.
    pub fn requirement(&self, id: &RequirementId) -> Option<&Requirement> {
        self.index
            .requirement
            .get(id)
            .map(|&i| &self.requirements[i])
    }

    /// The assessment objectives of a requirement, in order; empty for an unknown requirement.
    pub fn objectives_of(&self, id: &RequirementId) -> &[Objective] {
        self.index
            .objectives_of
            .get(id)
            .map_or(&[][..], |&(start, end)| &self.objectives[start..end])
    }

    /// The assessment objective with this id.
    pub fn objective(&self, id: &ObjectiveId) -> Option<&Objective> {
        self.index.objective.get(id).map(|&i| &self.objectives[i])
    }

    /// The Annex A control with this id, in the edition its shape implies.
    pub fn iso_control(&self, id: &AnnexAControl) -> Option<&IsoControl> {
        self.index
            .iso
            .get(&(id.edition(), id.clone()))
            .map(|&i| &self.iso_controls[i])
    }

    /// Every crosswalk edge into a requirement, in table order.
    pub fn edges_to<'a>(&'a self, id: &RequirementId) -> impl Iterator<Item = &'a Edge> + 'a {
        let rows = self.index.edges_to.get(id).map_or(&[][..], Vec::as_slice);
        rows.iter().map(move |&i| &self.crosswalk[i])
    }

    /// Every crosswalk edge out of an Annex A control, in table order.
    pub fn edges_from<'a>(&'a self, id: &AnnexAControl) -> impl Iterator<Item = &'a Edge> + 'a {
        let rows = self.index.edges_from.get(id).map_or(&[][..], Vec::as_slice);
        rows.iter().map(move |&i| &self.crosswalk[i])
    }

    /// The 2022 control(s) a 2013 control became (ISO/IEC 27002:2022 Annex B); empty for
    /// anything that is not a known 2013 control.
    pub fn successors_2022(&self, id: &AnnexAControl) -> &[AnnexAControl] {
        self.index
            .successors
            .get(id)
            .map_or(&[][..], |&i| self.correspondence[i].iso2022.as_slice())
    }

    /// The ISO limits that touch a requirement.
    pub fn limits_for<'a>(
        &'a self,
        id: &'a RequirementId,
    ) -> impl Iterator<Item = &'a IsoLimit> + 'a {
        self.iso_limits
            .iter()
            .filter(move |l| l.requirements.contains(id))
    }

    /// The Level 2 maximum score: one point per requirement (32 CFR 170.24(c)(2)), i.e. 110.
    pub fn max_score(&self) -> i32 {
        self.requirements.len() as i32
    }

    /// The lowest possible Level 2 score: every requirement NOT MET at full value (-203).
    pub fn min_score(&self) -> i32 {
        let lost: i32 = self
            .requirements
            .iter()
            .filter_map(|r| r.points)
            .map(i32::from)
            .sum();
        self.max_score() - lost
    }

    /// The 2013 or 2022 Annex A controls, in table order.
    pub fn iso_controls_of(&self, edition: Edition) -> impl Iterator<Item = &IsoControl> {
        self.iso_controls
            .iter()
            .filter(move |c| c.edition == edition)
    }
}

impl Index {
    fn build(catalog: &Catalog, iso: HashMap<(Edition, AnnexAControl), usize>) -> Index {
        let mut index = Index {
            iso,
            ..Index::default()
        };
        for (i, r) in catalog.requirements.iter().enumerate() {
            index.requirement.insert(r.id.clone(), i);
        }
        for (i, o) in catalog.objectives.iter().enumerate() {
            index.objective.insert(o.id.clone(), i);
            let range = index
                .objectives_of
                .entry(o.requirement.clone())
                .or_insert((i, i));
            range.1 = i + 1;
        }
        for (i, c) in catalog.correspondence.iter().enumerate() {
            index.successors.insert(c.iso2013.clone(), i);
        }
        for (i, e) in catalog.crosswalk.iter().enumerate() {
            index
                .edges_to
                .entry(e.requirement.clone())
                .or_default()
                .push(i);
            index.edges_from.entry(e.iso.clone()).or_default().push(i);
        }
        index
    }
}
