//! [`Catalog::parse`]: each table's rows to typed rows, one function per table, and the
//! cross-checks that every id a row refers to exists in its table. The first error found, in
//! table order, is the one reported.

use super::tables::{
    annex_a, list, nonempty, objective_id, points, read_table, requirement_id, requirement_ids,
    sp800_53_control, yes_no, RawCorrespondence, RawEdge, RawIso2013, RawIso2022, RawLevel1,
    RawLevel3, RawLimit, RawObjective, RawRequirement, RawScoring, T_CORRESPONDENCE, T_CROSSWALK,
    T_ISO2013, T_ISO2022, T_LEVEL1, T_LEVEL3, T_LIMITS, T_OBJECTIVES, T_REQUIREMENTS, T_SCORING,
};
use super::{
    Catalog, CatalogError, Correspondence, Edge, Index, IsoControl, IsoLimit, Level1Requirement,
    Level3Poam, Level3Requirement, Objective, PoamEligibility, Provenance, Relationship,
    Requirement, RequirementKind, Tables,
};
use crate::engine::ids::{AnnexAControl, Edition, Family, RequirementId};
use std::collections::{HashMap, HashSet};

/// Where each Annex A control sits in [`Catalog::iso_controls`], by edition and id.
type IsoIndex = HashMap<(Edition, AnnexAControl), usize>;

impl Catalog {
    /// Parses and cross-checks the tables: every id a row refers to must exist in its table.
    pub fn parse(tables: &Tables<'_>) -> Result<Catalog, CatalogError> {
        let requirements = parse_requirements(tables)?;
        let req_ids: HashSet<RequirementId> = requirements.iter().map(|r| r.id.clone()).collect();
        let objectives = parse_objectives(tables.objectives, &requirements)?;
        let level1 = parse_level1(tables.level1, &req_ids)?;
        let level3 = parse_level3(tables.level3)?;
        let (iso_controls, iso_index) = parse_iso_controls(tables)?;
        let correspondence = parse_correspondence(tables.correspondence, &iso_index)?;
        let crosswalk = parse_crosswalk(tables.crosswalk, &req_ids, &iso_index)?;
        let iso_limits = parse_iso_limits(tables.iso_limits, &req_ids)?;
        let mut catalog = Catalog {
            requirements,
            objectives,
            level1,
            level3,
            iso_controls,
            correspondence,
            crosswalk,
            iso_limits,
            index: Index::default(),
        };
        catalog.index = Index::build(&catalog, iso_index);
        Ok(catalog)
    }
}

/// A requirement a row of `table` refers to must be in the requirements table.
fn known_requirement(
    known: &HashSet<RequirementId>,
    table: &'static str,
    line: u64,
    id: &RequirementId,
) -> Result<(), CatalogError> {
    if known.contains(id) {
        Ok(())
    } else {
        Err(CatalogError {
            table,
            line,
            message: format!("requirement {id} is not in {T_REQUIREMENTS}"),
        })
    }
}

/// A control a row of `table` refers to must be in the control table of its edition.
fn known_control(
    known: &IsoIndex,
    table: &'static str,
    line: u64,
    id: &AnnexAControl,
) -> Result<(), CatalogError> {
    if known.contains_key(&(id.edition(), id.clone())) {
        Ok(())
    } else {
        Err(CatalogError {
            table,
            line,
            message: format!("control {id} is not in the {} table", id.edition()),
        })
    }
}

/// Drops the line numbers once the cross-checks that cite them are done.
fn rows<T>(read: Vec<(u64, T)>) -> Vec<T> {
    read.into_iter().map(|(_, row)| row).collect()
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

/// The SP 800-171A assessment objectives: each of a known requirement whose id it carries, none
/// twice, each requirement's objectives together and in the requirements' order, and every
/// requirement with at least one (a requirement is MET only when its objectives are).
fn parse_objectives(
    text: &str,
    requirements: &[Requirement],
) -> Result<Vec<Objective>, CatalogError> {
    let objectives = read_table(T_OBJECTIVES, text, |r: RawObjective| {
        let id = objective_id(&r.id)?;
        let requirement = requirement_id(&r.requirement)?;
        if id.requirement() != requirement {
            return Err(format!("objective {id} is not one of {requirement}'s"));
        }
        let text = nonempty("text", r.text)?;
        if !text.starts_with("Determine if ") {
            return Err(format!(
                "`text` of {id} must be a determination statement (\"Determine if ...\")"
            ));
        }
        Ok(Objective {
            id,
            requirement,
            text,
            defines: yes_no("defines", &r.defines)?,
            source: nonempty("source", r.source)?,
        })
    })?;
    let order: HashMap<&RequirementId, usize> = requirements
        .iter()
        .enumerate()
        .map(|(i, r)| (&r.id, i))
        .collect();
    let err = |line: u64, message: String| CatalogError {
        table: T_OBJECTIVES,
        line,
        message,
    };
    let mut seen = HashSet::new();
    let mut last: Option<usize> = None;
    for (line, o) in &objectives {
        let Some(&at) = order.get(&o.requirement) else {
            return Err(err(
                *line,
                format!("requirement {} is not in {T_REQUIREMENTS}", o.requirement),
            ));
        };
        if !seen.insert(o.id.clone()) {
            return Err(err(*line, format!("objective {} appears twice", o.id)));
        }
        if last.is_some_and(|l| at < l) {
            return Err(err(
                *line,
                format!(
                    "objective {} is out of order: each requirement's objectives go together, in the requirements' order",
                    o.id
                ),
            ));
        }
        last = Some(at);
    }
    let with: HashSet<&RequirementId> = objectives.iter().map(|(_, o)| &o.requirement).collect();
    if let Some(r) = requirements.iter().find(|r| !with.contains(&r.id)) {
        return Err(err(0, format!("requirement {} has no objective", r.id)));
    }
    Ok(rows(objectives))
}

/// The Level 1 requirements, each naming at least one known SP 800-171 requirement.
fn parse_level1(
    text: &str,
    req_ids: &HashSet<RequirementId>,
) -> Result<Vec<Level1Requirement>, CatalogError> {
    let level1 = read_table(T_LEVEL1, text, |r: RawLevel1| {
        Ok(Level1Requirement {
            id: nonempty("id", r.id)?,
            far_paragraph: nonempty("far_paragraph", r.far_paragraph)?,
            short_name: nonempty("short_name", r.short_name)?,
            text: nonempty("text", r.text)?,
            requirements: requirement_ids(&r.requirements)?,
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
            known_requirement(req_ids, T_LEVEL1, *line, id)?;
        }
    }
    Ok(rows(level1))
}

/// The Level 3 requirements (they refer to SP 800-172, which the catalog does not hold).
fn parse_level3(text: &str) -> Result<Vec<Level3Requirement>, CatalogError> {
    let level3 = read_table(T_LEVEL3, text, |r: RawLevel3| {
        Ok(Level3Requirement {
            id: nonempty("id", r.id)?,
            nist_id: nonempty("nist_id", r.nist_id)?,
            short_name: nonempty("short_name", r.short_name)?,
            statement: nonempty("statement", r.statement)?,
            dod_parameters: r.dod_parameters.trim().to_string(),
            poam: match r.poam.trim() {
                "never" => Level3Poam::Never,
                "eligible" => Level3Poam::Eligible,
                other => return Err(format!("`poam` must be never or eligible, not `{other}`")),
            },
            source: nonempty("source", r.source)?,
        })
    })?;
    Ok(rows(level3))
}

/// The Annex A controls, 2022 then 2013, and where each sits; no control may appear twice.
fn parse_iso_controls(tables: &Tables<'_>) -> Result<(Vec<IsoControl>, IsoIndex), CatalogError> {
    let mut iso_controls: Vec<(&'static str, u64, IsoControl)> = Vec::new();
    for (line, c) in read_table(T_ISO2022, tables.iso2022, |r: RawIso2022| {
        let theme = nonempty("theme", r.theme)?;
        if !["Organizational", "People", "Physical", "Technological"].contains(&theme.as_str()) {
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
    let controls = iso_controls.into_iter().map(|(_, _, c)| c).collect();
    Ok((controls, iso_index))
}

/// ISO/IEC 27002:2022 Annex B: each 2013 control and the known 2022 control(s) it became.
fn parse_correspondence(
    text: &str,
    iso_index: &IsoIndex,
) -> Result<Vec<Correspondence>, CatalogError> {
    let correspondence = read_table(T_CORRESPONDENCE, text, |r: RawCorrespondence| {
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
    })?;
    for (line, c) in &correspondence {
        known_control(iso_index, T_CORRESPONDENCE, *line, &c.iso2013)?;
        for id in &c.iso2022 {
            known_control(iso_index, T_CORRESPONDENCE, *line, id)?;
        }
    }
    Ok(rows(correspondence))
}

/// The crosswalk edges: each between a known control and a known requirement, none twice.
fn parse_crosswalk(
    text: &str,
    req_ids: &HashSet<RequirementId>,
    iso_index: &IsoIndex,
) -> Result<Vec<Edge>, CatalogError> {
    let crosswalk = read_table(T_CROSSWALK, text, parse_edge)?;
    let mut seen = HashSet::new();
    for (line, e) in &crosswalk {
        known_control(iso_index, T_CROSSWALK, *line, &e.iso)?;
        known_requirement(req_ids, T_CROSSWALK, *line, &e.requirement)?;
        for v in &e.via {
            known_control(iso_index, T_CROSSWALK, *line, v)?;
        }
        if !seen.insert((e.iso.clone(), e.requirement.clone())) {
            return Err(CatalogError {
                table: T_CROSSWALK,
                line: *line,
                message: format!("duplicate edge {} -> {}", e.iso, e.requirement),
            });
        }
    }
    Ok(rows(crosswalk))
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

/// What an ISO certificate cannot evidence, each touching known requirements only.
fn parse_iso_limits(
    text: &str,
    req_ids: &HashSet<RequirementId>,
) -> Result<Vec<IsoLimit>, CatalogError> {
    let iso_limits = read_table(T_LIMITS, text, |r: RawLimit| {
        Ok(IsoLimit {
            id: nonempty("id", r.id)?,
            title: nonempty("title", r.title)?,
            obligation: nonempty("obligation", r.obligation)?,
            why_iso_falls_short: nonempty("why_iso_falls_short", r.why_iso_falls_short)?,
            requirements: requirement_ids(&r.requirements)?,
            caps_iso_evidence: yes_no("caps_iso_evidence", &r.caps_iso_evidence)?,
            source: nonempty("source", r.source)?,
        })
    })?;
    for (line, l) in &iso_limits {
        for id in &l.requirements {
            known_requirement(req_ids, T_LIMITS, *line, id)?;
        }
    }
    Ok(rows(iso_limits))
}
