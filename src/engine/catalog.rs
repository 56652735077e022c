//! The regulatory catalog: NIST SP 800-171 r2, CMMC scoring, Levels 1 and 3, ISO/IEC 27001 Annex A
//! (2013 and 2022), the crosswalk between them, and what an ISO certificate cannot evidence.
//!
//! The data lives in reviewed CSV tables under `data/`, compiled in with `include_str!` and parsed
//! once into the typed structures below. A table that fails to parse is a build-breaking bug caught
//! by the native tests, so `Catalog::builtin` may treat a parse failure as unreachable.

use super::ids::{AnnexAControl, Edition, Family, RequirementId};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
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

const T_REQUIREMENTS: &str = "nist800171r2_requirements.csv";
const T_SCORING: &str = "cmmc_l2_scoring.csv";
const T_LEVEL1: &str = "cmmc_l1.csv";
const T_LEVEL3: &str = "cmmc_l3.csv";
const T_ISO2022: &str = "iso27001_2022_controls.csv";
const T_ISO2013: &str = "iso27001_2013_controls.csv";
const T_CORRESPONDENCE: &str = "iso_2013_to_2022.csv";
const T_CROSSWALK: &str = "crosswalk.csv";
const T_LIMITS: &str = "iso_limits.csv";

/// Lookup tables built once from the rows, so lookups do not scan.
#[derive(Debug, Clone, Default)]
struct Index {
    requirement: HashMap<RequirementId, usize>,
    iso: HashMap<(Edition, AnnexAControl), usize>,
    successors: HashMap<AnnexAControl, usize>,
    edges_to: HashMap<RequirementId, Vec<usize>>,
    edges_from: HashMap<AnnexAControl, Vec<usize>>,
}

// Raw rows exactly as the CSV headers name them; converted into the typed structs with checks.

struct RawRequirement {
    id: String,
    family: String,
    kind: String,
    cmmc_id: String,
    text: String,
    source: String,
}

struct RawScoring {
    id: String,
    points: String,
    partial_points: String,
    poam: String,
    source: String,
}

struct RawLevel1 {
    id: String,
    far_paragraph: String,
    short_name: String,
    text: String,
    requirements: String,
    source: String,
}

struct RawLevel3 {
    id: String,
    nist_id: String,
    short_name: String,
    statement: String,
    dod_parameters: String,
    poam: String,
    source: String,
}

struct RawIso2022 {
    id: String,
    title: String,
    theme: String,
    new_in_2022: String,
    source: String,
}

struct RawIso2013 {
    id: String,
    title: String,
    theme: String,
    source: String,
}

struct RawCorrespondence {
    iso2013: String,
    iso2022: String,
    source: String,
}

struct RawEdge {
    iso: String,
    edition: String,
    requirement: String,
    relationship: String,
    provenance: String,
    nist_partial: String,
    via: String,
    via_800_53: String,
    rationale: String,
    erratum: String,
    source: String,
}

struct RawLimit {
    id: String,
    title: String,
    obligation: String,
    why_iso_falls_short: String,
    requirements: String,
    caps_iso_evidence: String,
    source: String,
}

/// A row's cells by column name. The catalog's rows are read by hand rather than through serde:
/// the derive-generated deserialisers for nine row types cost tens of kilobytes of wasm that
/// every visitor would download, for tables whose shape never changes at run time.
struct Fields<'r> {
    headers: &'r csv::StringRecord,
    record: &'r csv::StringRecord,
}

impl Fields<'_> {
    fn get(&self, name: &str) -> Result<String, String> {
        self.headers
            .iter()
            .position(|h| h == name)
            .and_then(|i| self.record.get(i))
            .map(str::to_string)
            .ok_or_else(|| format!("missing field `{name}` (no such column in this row)"))
    }
}

/// A raw row built from its cells by column name.
trait FromFields: Sized {
    fn from_fields(fields: &Fields<'_>) -> Result<Self, String>;
}

/// Implements [`FromFields`] for a raw row whose field names are its column names.
macro_rules! from_fields {
    ($row:ident { $($field:ident),* }) => {
        impl FromFields for $row {
            fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
                Ok($row { $($field: f.get(stringify!($field))?),* })
            }
        }
    };
}

from_fields!(RawRequirement {
    id,
    family,
    kind,
    cmmc_id,
    text,
    source
});
from_fields!(RawScoring {
    id,
    points,
    partial_points,
    poam,
    source
});
from_fields!(RawLevel1 {
    id,
    far_paragraph,
    short_name,
    text,
    requirements,
    source
});
from_fields!(RawLevel3 {
    id,
    nist_id,
    short_name,
    statement,
    dod_parameters,
    poam,
    source
});
from_fields!(RawIso2022 {
    id,
    title,
    theme,
    new_in_2022,
    source
});
from_fields!(RawIso2013 {
    id,
    title,
    theme,
    source
});
from_fields!(RawCorrespondence {
    iso2013,
    iso2022,
    source
});
from_fields!(RawEdge {
    iso,
    edition,
    requirement,
    relationship,
    provenance,
    nist_partial,
    via,
    via_800_53,
    rationale,
    erratum,
    source
});
from_fields!(RawLimit {
    id,
    title,
    obligation,
    why_iso_falls_short,
    requirements,
    caps_iso_evidence,
    source
});

/// Reads one table, handing each row and its line to `convert`.
fn read_table<R: FromFields, T>(
    table: &'static str,
    text: &str,
    mut convert: impl FnMut(R) -> Result<T, String>,
) -> Result<Vec<(u64, T)>, CatalogError> {
    let err = |line: u64, message: String| CatalogError {
        table,
        line,
        message,
    };
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| err(1, format!("unreadable header: {e}")))?
        .clone();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            err(line, e.to_string())
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let raw = R::from_fields(&Fields {
            headers: &headers,
            record: &record,
        })
        .map_err(|m| err(line, m))?;
        out.push((line, convert(raw).map_err(|m| err(line, m))?));
    }
    Ok(out)
}

fn nonempty(field: &str, value: String) -> Result<String, String> {
    let value = value.trim().to_string();
    if value.is_empty() {
        Err(format!("`{field}` is empty"))
    } else {
        Ok(value)
    }
}

fn yes_no(field: &str, value: &str) -> Result<bool, String> {
    match value.trim() {
        "yes" => Ok(true),
        "no" => Ok(false),
        other => Err(format!("`{field}` must be yes or no, not `{other}`")),
    }
}

fn points(field: &str, value: &str) -> Result<Option<u8>, String> {
    match value.trim() {
        "" => Ok(None),
        v @ ("1" | "3" | "5") => Ok(v.parse().ok()),
        other => Err(format!("`{field}` must be 5, 3, 1 or empty, not `{other}`")),
    }
}

/// Splits a `;`-separated list, dropping empty items.
fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(';').map(str::trim).filter(|s| !s.is_empty())
}

fn requirement_id(value: &str) -> Result<RequirementId, String> {
    let id = RequirementId(value.trim().to_string());
    let parts: Vec<&str> = id.0.split('.').collect();
    if parts.len() == 3 && parts[0] == "3" && id.sort_key().2 != u16::MAX && id.sort_key().1 <= 14 {
        Ok(id)
    } else {
        Err(format!("`{value}` is not an SP 800-171 r2 requirement id"))
    }
}

fn annex_a(value: &str, edition: Edition) -> Result<AnnexAControl, String> {
    match AnnexAControl::parse(value.trim()) {
        Some(control) if control.edition() == edition => Ok(control),
        _ => Err(format!("`{value}` is not an {edition} Annex A control id")),
    }
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

    /// Parses and cross-checks the tables: every id a row refers to must exist in its table.
    pub fn parse(tables: &Tables<'_>) -> Result<Catalog, CatalogError> {
        let requirements = parse_requirements(tables)?;
        let req_ids: HashSet<RequirementId> = requirements.iter().map(|r| r.id.clone()).collect();
        let known_req = |table: &'static str, line: u64, id: &RequirementId| {
            if req_ids.contains(id) {
                Ok(())
            } else {
                Err(CatalogError {
                    table,
                    line,
                    message: format!("requirement {id} is not in {T_REQUIREMENTS}"),
                })
            }
        };

        let level1 = read_table(T_LEVEL1, tables.level1, |r: RawLevel1| {
            Ok(Level1Requirement {
                id: nonempty("id", r.id)?,
                far_paragraph: nonempty("far_paragraph", r.far_paragraph)?,
                short_name: nonempty("short_name", r.short_name)?,
                text: nonempty("text", r.text)?,
                requirements: list(&r.requirements)
                    .map(requirement_id)
                    .collect::<Result<_, _>>()?,
                source: nonempty("source", r.source)?,
            })
        })?;
        for (line, l1) in &level1 {
            if l1.requirements.is_empty() {
                return Err(CatalogError {
                    table: T_LEVEL1,
                    line: *line,
                    message: "`requirements` is empty".into(),
                });
            }
            for id in &l1.requirements {
                known_req(T_LEVEL1, *line, id)?;
            }
        }

        let level3 = read_table(T_LEVEL3, tables.level3, |r: RawLevel3| {
            Ok(Level3Requirement {
                id: nonempty("id", r.id)?,
                nist_id: nonempty("nist_id", r.nist_id)?,
                short_name: nonempty("short_name", r.short_name)?,
                statement: nonempty("statement", r.statement)?,
                dod_parameters: r.dod_parameters.trim().to_string(),
                poam: match r.poam.trim() {
                    "never" => Level3Poam::Never,
                    "eligible" => Level3Poam::Eligible,
                    other => {
                        return Err(format!("`poam` must be never or eligible, not `{other}`"))
                    }
                },
                source: nonempty("source", r.source)?,
            })
        })?;

        let mut iso_controls: Vec<(&'static str, u64, IsoControl)> = Vec::new();
        for (line, c) in read_table(T_ISO2022, tables.iso2022, |r: RawIso2022| {
            let theme = nonempty("theme", r.theme)?;
            if !["Organizational", "People", "Physical", "Technological"].contains(&theme.as_str())
            {
                return Err(format!("`theme` `{theme}` is not a 2022 theme"));
            }
            Ok(IsoControl {
                id: annex_a(&r.id, Edition::Iso2022)?,
                edition: Edition::Iso2022,
                title: nonempty("title", r.title)?,
                theme,
                new_in_2022: yes_no("new_in_2022", &r.new_in_2022)?,
                source: nonempty("source", r.source)?,
            })
        })? {
            iso_controls.push((T_ISO2022, line, c));
        }
        for (line, c) in read_table(T_ISO2013, tables.iso2013, |r: RawIso2013| {
            Ok(IsoControl {
                id: annex_a(&r.id, Edition::Iso2013)?,
                edition: Edition::Iso2013,
                title: nonempty("title", r.title)?,
                theme: nonempty("theme", r.theme)?,
                new_in_2022: false,
                source: nonempty("source", r.source)?,
            })
        })? {
            iso_controls.push((T_ISO2013, line, c));
        }
        let mut iso_index = HashMap::new();
        for (i, (table, line, c)) in iso_controls.iter().enumerate() {
            if iso_index.insert((c.edition, c.id.clone()), i).is_some() {
                return Err(CatalogError {
                    table,
                    line: *line,
                    message: format!("control {} appears twice", c.id),
                });
            }
        }
        let known_iso = |table: &'static str, line: u64, id: &AnnexAControl| {
            if iso_index.contains_key(&(id.edition(), id.clone())) {
                Ok(())
            } else {
                Err(CatalogError {
                    table,
                    line,
                    message: format!("control {id} is not in the {} table", id.edition()),
                })
            }
        };

        let correspondence = read_table(
            T_CORRESPONDENCE,
            tables.correspondence,
            |r: RawCorrespondence| {
                let iso2022: Vec<AnnexAControl> = list(&r.iso2022)
                    .map(|c| annex_a(c, Edition::Iso2022))
                    .collect::<Result<_, _>>()?;
                if iso2022.is_empty() {
                    return Err("`iso2022` is empty".into());
                }
                Ok(Correspondence {
                    iso2013: annex_a(&r.iso2013, Edition::Iso2013)?,
                    iso2022,
                    source: nonempty("source", r.source)?,
                })
            },
        )?;
        for (line, c) in &correspondence {
            known_iso(T_CORRESPONDENCE, *line, &c.iso2013)?;
            for id in &c.iso2022 {
                known_iso(T_CORRESPONDENCE, *line, id)?;
            }
        }

        let crosswalk = read_table(T_CROSSWALK, tables.crosswalk, parse_edge)?;
        let mut seen = HashSet::new();
        for (line, e) in &crosswalk {
            known_iso(T_CROSSWALK, *line, &e.iso)?;
            known_req(T_CROSSWALK, *line, &e.requirement)?;
            for v in &e.via {
                known_iso(T_CROSSWALK, *line, v)?;
            }
            if !seen.insert((e.iso.clone(), e.requirement.clone())) {
                return Err(CatalogError {
                    table: T_CROSSWALK,
                    line: *line,
                    message: format!("duplicate edge {} -> {}", e.iso, e.requirement),
                });
            }
        }

        let iso_limits = read_table(T_LIMITS, tables.iso_limits, |r: RawLimit| {
            Ok(IsoLimit {
                id: nonempty("id", r.id)?,
                title: nonempty("title", r.title)?,
                obligation: nonempty("obligation", r.obligation)?,
                why_iso_falls_short: nonempty("why_iso_falls_short", r.why_iso_falls_short)?,
                requirements: list(&r.requirements)
                    .map(requirement_id)
                    .collect::<Result<_, _>>()?,
                caps_iso_evidence: yes_no("caps_iso_evidence", &r.caps_iso_evidence)?,
                source: nonempty("source", r.source)?,
            })
        })?;
        for (line, l) in &iso_limits {
            for id in &l.requirements {
                known_req(T_LIMITS, *line, id)?;
            }
        }

        let mut catalog = Catalog {
            requirements,
            level1: level1.into_iter().map(|(_, r)| r).collect(),
            level3: level3.into_iter().map(|(_, r)| r).collect(),
            iso_controls: iso_controls.into_iter().map(|(_, _, c)| c).collect(),
            correspondence: correspondence.into_iter().map(|(_, c)| c).collect(),
            crosswalk: crosswalk.into_iter().map(|(_, e)| e).collect(),
            iso_limits: iso_limits.into_iter().map(|(_, l)| l).collect(),
            index: Index::default(),
        };
        catalog.index = Index::build(&catalog, iso_index);
        Ok(catalog)
    }

    /// The requirement with this id.
    pub fn requirement(&self, id: &RequirementId) -> Option<&Requirement> {
        self.index
            .requirement
            .get(id)
            .map(|&i| &self.requirements[i])
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

/// Joins the requirement table with the scoring table, which must list the same ids in the same order.
fn parse_requirements(tables: &Tables<'_>) -> Result<Vec<Requirement>, CatalogError> {
    let reqs = read_table(T_REQUIREMENTS, tables.requirements, |r: RawRequirement| {
        let family = Family::from_abbr(r.family.trim())
            .ok_or_else(|| format!("`family` `{}` is not one of the 14 families", r.family))?;
        let id = requirement_id(&r.id)?;
        if id.sort_key().1 != u16::from(family.section()) {
            return Err(format!("{id} is not in family {family}"));
        }
        let kind = match r.kind.trim() {
            "basic" => RequirementKind::Basic,
            "derived" => RequirementKind::Derived,
            other => return Err(format!("`kind` must be basic or derived, not `{other}`")),
        };
        let cmmc_id = nonempty("cmmc_id", r.cmmc_id)?;
        if cmmc_id != format!("{family}.L2-{id}") {
            return Err(format!(
                "`cmmc_id` `{cmmc_id}` does not match {family}.L2-{id}"
            ));
        }
        Ok((
            id,
            family,
            kind,
            cmmc_id,
            nonempty("text", r.text)?,
            nonempty("source", r.source)?,
        ))
    })?;
    let scoring = read_table(T_SCORING, tables.scoring, |r: RawScoring| {
        let poam = match r.poam.trim() {
            "never" => PoamEligibility::Never,
            "eligible" => PoamEligibility::Eligible,
            "eligible-when-partial" => PoamEligibility::EligibleWhenPartial,
            other => {
                return Err(format!(
                    "`poam` must be never, eligible or eligible-when-partial, not `{other}`"
                ))
            }
        };
        Ok((
            requirement_id(&r.id)?,
            points("points", &r.points)?,
            points("partial_points", &r.partial_points)?,
            poam,
            nonempty("source", r.source)?,
        ))
    })?;
    if scoring.len() != reqs.len() {
        return Err(CatalogError {
            table: T_SCORING,
            line: 0,
            message: format!(
                "{} scoring rows for {} requirements in {T_REQUIREMENTS}",
                scoring.len(),
                reqs.len()
            ),
        });
    }
    let mut out = Vec::with_capacity(reqs.len());
    let mut seen = HashSet::new();
    for ((line, r), (sline, s)) in reqs.into_iter().zip(scoring) {
        let (id, family, kind, cmmc_id, text, source) = r;
        let (sid, points, partial_points, poam, score_source) = s;
        if sid != id {
            return Err(CatalogError {
                table: T_SCORING,
                line: sline,
                message: format!("expected {id} (same order as {T_REQUIREMENTS}), found {sid}"),
            });
        }
        if !seen.insert(id.clone()) {
            return Err(CatalogError {
                table: T_REQUIREMENTS,
                line,
                message: format!("requirement {id} appears twice"),
            });
        }
        out.push(Requirement {
            id,
            family,
            kind,
            cmmc_id,
            text,
            points,
            partial_points,
            poam,
            source: format!("{source}; scoring: {score_source}"),
        });
    }
    Ok(out)
}

fn parse_edge(r: RawEdge) -> Result<Edge, String> {
    let edition = match r.edition.trim() {
        "2013" => Edition::Iso2013,
        "2022" => Edition::Iso2022,
        other => return Err(format!("`edition` must be 2013 or 2022, not `{other}`")),
    };
    let relationship = match r.relationship.trim() {
        "equal" => Relationship::Equal,
        "subset-of" => Relationship::SubsetOf,
        "superset-of" => Relationship::SupersetOf,
        "intersects-with" => Relationship::IntersectsWith,
        other => {
            return Err(format!(
                "`relationship` `{other}` is not a NIST IR 8477 relationship"
            ))
        }
    };
    let provenance = match r.provenance.trim() {
        "nist-appendix-d" => Provenance::NistAppendixD,
        "appendix-d-via-annex-b" => Provenance::AppendixDViaAnnexB,
        "nist-olir" => Provenance::NistOlir,
        "analysis" => Provenance::Analysis,
        other => return Err(format!("`provenance` `{other}` is unknown")),
    };
    let via: Vec<AnnexAControl> = list(&r.via)
        .map(|c| annex_a(c, Edition::Iso2013))
        .collect::<Result<_, _>>()?;
    let via_800_53: Vec<String> = list(&r.via_800_53)
        .map(sp800_53_control)
        .collect::<Result<_, _>>()?;
    let rationale = Some(r.rationale.trim().to_string()).filter(|s| !s.is_empty());
    let erratum = Some(r.erratum.trim().to_string()).filter(|s| !s.is_empty());
    let nist_partial = yes_no("nist_partial", &r.nist_partial)?;
    // Provenance decides which optional columns must be filled: only analysis explains itself,
    // only derived 2022 edges say which 2013 controls they came from, every NIST-sourced edge
    // names the SP 800-53 controls it passes through, and only an edge NIST printed can carry
    // NIST's error.
    let nist_sourced = provenance != Provenance::Analysis;
    if nist_sourced && via_800_53.is_empty() {
        return Err(
            "NIST-sourced edges must name their SP 800-53 control(s) in `via_800_53`".into(),
        );
    }
    if !nist_sourced && !via_800_53.is_empty() {
        return Err(
            "analysis edges pass through no SP 800-53 control: `via_800_53` must be empty".into(),
        );
    }
    if erratum.is_some()
        && !matches!(
            provenance,
            Provenance::NistAppendixD | Provenance::AppendixDViaAnnexB
        )
    {
        return Err(
            "only edges NIST printed (Appendix D and its Annex B children) carry an `erratum`"
                .into(),
        );
    }
    match provenance {
        Provenance::NistAppendixD if edition != Edition::Iso2013 => {
            return Err("Appendix D edges are ISO/IEC 27001:2013 edges".into())
        }
        Provenance::AppendixDViaAnnexB if edition != Edition::Iso2022 || via.is_empty() => {
            return Err("derived edges are 2022 edges and must list `via`".into())
        }
        Provenance::NistOlir if edition != Edition::Iso2022 => {
            return Err("OLIR edges are ISO/IEC 27001:2022 edges".into())
        }
        Provenance::NistOlir if relationship != Relationship::IntersectsWith || nist_partial => {
            return Err(
                "OLIR edges are `intersects-with` with `nist_partial` no: two hops of NIST's `intersect` claim no more"
                    .into(),
            )
        }
        Provenance::Analysis if edition != Edition::Iso2022 || rationale.is_none() => {
            return Err("analysis edges are 2022 edges and must carry a rationale".into())
        }
        Provenance::Analysis | Provenance::NistAppendixD | Provenance::NistOlir
            if !via.is_empty() =>
        {
            return Err("only derived edges carry `via`".into())
        }
        Provenance::NistAppendixD | Provenance::AppendixDViaAnnexB | Provenance::NistOlir
            if rationale.is_some() =>
        {
            return Err("only analysis edges carry a rationale".into())
        }
        _ => {}
    }
    Ok(Edge {
        iso: annex_a(&r.iso, edition)?,
        edition,
        requirement: requirement_id(&r.requirement)?,
        relationship,
        provenance,
        nist_partial,
        via,
        via_800_53,
        rationale,
        erratum,
        source: nonempty("source", r.source)?,
    })
}

/// An SP 800-53 control or enhancement id as NIST prints it: `AC-2`, `AC-17(1)`, `SI-4(4)`.
fn sp800_53_control(value: &str) -> Result<String, String> {
    let (family, rest) = value.split_once('-').unwrap_or(("", ""));
    let (number, enhancement) = match rest.split_once('(') {
        Some((n, e)) => (n, e.strip_suffix(')').unwrap_or("")),
        None => (rest, "0"),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    let well_formed = family.len() == 2
        && family.bytes().all(|b| b.is_ascii_uppercase())
        && digits(number)
        && !number.starts_with('0')
        && digits(enhancement);
    if well_formed {
        Ok(value.to_string())
    } else {
        Err(format!("`{value}` is not an SP 800-53 control id"))
    }
}
