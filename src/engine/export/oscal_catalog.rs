//! The OSCAL catalog and profiles the SSP points at. NIST publishes no OSCAL catalog of SP
//! 800-171 r2 (its OSCAL content has only r3, whose numbering and text differ, and CMMC Level 2
//! is r2: 32 CFR 170.2), nor of the 32 CFR 170.14(c)(4) selection of SP 800-172, so the project
//! writes its own from its reviewed tables: the 110 requirements with their statements and their
//! SP 800-171A objectives (as `assessment-objective` parts), one parameter per objective that
//! asks for a defined value, and the 24 Level 3 requirements with DoD's parameters.
//!
//! They travel inside the SSP as back-matter resources (base64): the profile in the SSP's, the
//! catalog in the profile's, so each `#uuid` reference resolves in the document that makes it
//! and a single downloaded file is whole. Files beside it would be lost the first time someone
//! mails the SSP alone.

use super::oscal::{
    compact, control_id, level3_control_id, metadata, objective_part_id, oscal_prop, param_id,
    prop, Ids, Obj,
};
use super::uuid::base64;
use crate::engine::catalog::{Catalog, Level3Poam, PoamEligibility, Requirement};
use crate::engine::date::Date;
use crate::engine::ids::Family;
use crate::engine::questionnaire::Level;

/// The catalog's file name, as its resource names it.
pub(super) const CATALOG_FILE: &str = "cmmc-readiness_sp800-171r2_catalog.json";

/// The date of the catalog's data (the tables under `data/`), its `last-modified`: the catalog
/// does not change with the input, so neither does its date.
fn catalog_date() -> Date {
    Date::new(2026, 12, 1).unwrap_or(Date::UNIX_EPOCH)
}

/// The catalog as compact OSCAL JSON.
pub(super) fn catalog_json(catalog: &Catalog) -> String {
    let ids = Ids::fixed("catalog/sp800-171r2+sp800-172-cmmc");
    let mut groups: Vec<Obj> = Family::ALL
        .iter()
        .map(|&family| {
            let controls = catalog
                .requirements
                .iter()
                .filter(|r| r.family == family)
                .map(|r| control(catalog, r))
                .collect();
            Obj::new()
                .s("id", format!("sp800-171_3.{}", family.section()))
                .s("class", "family")
                .s("title", family.name())
                .l("controls", controls)
        })
        .collect();
    groups.push(level3_group(catalog));
    let body = Obj::new()
        .s("uuid", ids.uuid("document"))
        .o(
            "metadata",
            metadata(
                "NIST SP 800-171 r2 with its SP 800-171A assessment objectives, and the SP 800-172 requirements of CMMC Level 3",
                catalog_date(),
                Vec::new(),
            )
            .s(
                "remarks",
                "Written by the cmmc-readiness project from its reviewed tables (data/*.csv): requirement text from NIST SP 800-171 r2 chapter 3, objectives from NIST SP 800-171A as the DoD CMMC Assessment Guide Level 2 v2.13 prints them, point values and POA&M rules from 32 CFR 170.24 and 170.21, the Level 3 statements with DoD's parameters from 32 CFR 170.14(c)(4) as the DoD CMMC Assessment Guide Level 3 v2.13 prints them. Not a NIST publication. Control ids are sp800-171_<id> and sp800-172_<id>; objective parts sp800-171_<id>_obj.<letter>; the value an objective defines is the parameter sp800-171_<id>_odp.<letter>.",
            ),
        )
        .l("groups", groups)
        .o("back-matter", sources(&ids));
    compact("catalog", body)
}

fn control(catalog: &Catalog, r: &Requirement) -> Obj {
    let objectives = catalog.objectives_of(&r.id);
    let params = objectives
        .iter()
        .filter(|o| o.defines)
        .map(|o| {
            Obj::new()
                .s("id", param_id(&o.id))
                .s("label", format!("organization-defined value for {}", o.id))
                .s("usage", o.text.clone())
        })
        .collect();
    let parts = objectives
        .iter()
        .map(|o| {
            Obj::new()
                .s("id", objective_part_id(&o.id))
                .s("name", "assessment-objective")
                .l("props", vec![oscal_prop("label", o.id.as_str())])
                .s("prose", o.text.clone())
        })
        .collect();
    let poam = match r.poam {
        PoamEligibility::Never => "never",
        PoamEligibility::Eligible => "eligible",
        PoamEligibility::EligibleWhenPartial => "eligible-when-partial",
    };
    let points = r.points.map(|p| p.to_string()).unwrap_or_default();
    let props = [
        Some(oscal_prop("label", r.id.as_str())),
        prop("cmmc-id", &r.cmmc_id),
        prop("points", &points),
        prop(
            "partial-points",
            &r.partial_points.map(|p| p.to_string()).unwrap_or_default(),
        ),
        prop("poam", poam),
    ];
    Obj::new()
        .s("id", control_id(&r.id))
        .s("class", "requirement")
        .s("title", r.cmmc_id.clone())
        .l("params", params)
        .l("props", props.into_iter().flatten().collect())
        .l(
            "parts",
            vec![
                Obj::new()
                    .s("id", format!("{}_smt", control_id(&r.id)))
                    .s("name", "statement")
                    .s("prose", r.text.clone()),
                Obj::new()
                    .s("id", format!("{}_obj", control_id(&r.id)))
                    .s("name", "assessment-objective")
                    .l("parts", parts),
            ],
        )
}

fn level3_group(catalog: &Catalog) -> Obj {
    let controls = catalog
        .level3
        .iter()
        .map(|l| {
            let id = level3_control_id(&l.nist_id);
            let poam = if l.poam == Level3Poam::Never {
                "never"
            } else {
                "eligible"
            };
            let props = [
                Some(oscal_prop("label", &l.nist_id)),
                prop("cmmc-id", &l.id),
                prop("points", "1"),
                prop("poam", poam),
            ];
            Obj::new()
                .s("id", id.clone())
                .s("class", "requirement")
                .s("title", l.short_name.clone())
                .l("props", props.into_iter().flatten().collect())
                .l(
                    "parts",
                    vec![Obj::new()
                        .s("id", format!("{id}_smt"))
                        .s("name", "statement")
                        .s("prose", l.statement.clone())],
                )
        })
        .collect();
    Obj::new()
        .s("id", "sp800-172_cmmc-level-3")
        .s("class", "selection")
        .s(
            "title",
            "CMMC Level 3: the NIST SP 800-172 requirements of 32 CFR 170.14(c)(4)",
        )
        .l("controls", controls)
}

/// The public documents the catalog is transcribed from.
fn sources(ids: &Ids) -> Obj {
    let docs = [
        (
            "NIST SP 800-171 Rev. 2",
            "https://doi.org/10.6028/NIST.SP.800-171r2",
        ),
        (
            "NIST SP 800-171A",
            "https://doi.org/10.6028/NIST.SP.800-171A",
        ),
        ("NIST SP 800-172", "https://doi.org/10.6028/NIST.SP.800-172"),
        (
            "32 CFR Part 170 (CMMC Program)",
            "https://www.ecfr.gov/current/title-32/subtitle-A/chapter-I/subchapter-G/part-170",
        ),
    ];
    Obj::new().l(
        "resources",
        docs.iter()
            .map(|(title, href)| {
                Obj::new()
                    .s("uuid", ids.uuid(&format!("source/{title}")))
                    .s("title", *title)
                    .l("rlinks", vec![Obj::new().s("href", *href)])
            })
            .collect(),
    )
}

/// The profile of a level as compact OSCAL JSON, with the catalog as its back-matter resource:
/// Level 2 selects the 110 SP 800-171 r2 requirements, Level 3 the whole catalog.
pub(super) fn profile_json(catalog: &Catalog, level: Level) -> (String, &'static str) {
    let (name, file, title) = match level {
        Level::L3 => (
            "level-3",
            "cmmc-readiness_cmmc-level-3_profile.json",
            "CMMC Level 3: NIST SP 800-171 r2 and the 24 SP 800-172 requirements of 32 CFR 170.14(c)(4)",
        ),
        _ => (
            "level-2",
            "cmmc-readiness_cmmc-level-2_profile.json",
            "CMMC Level 2: the 110 requirements of NIST SP 800-171 r2 (32 CFR 170.14(c)(3))",
        ),
    };
    let ids = Ids::fixed(&format!("profile/{name}"));
    let catalog_uuid = ids.uuid("resource/catalog");
    let import = Obj::new().s("href", format!("#{catalog_uuid}"));
    let import = if level == Level::L3 {
        import.o("include-all", Obj::new())
    } else {
        import.l(
            "include-controls",
            vec![Obj::new().strings(
                "with-ids",
                catalog
                    .requirements
                    .iter()
                    .map(|r| control_id(&r.id))
                    .collect(),
            )],
        )
    };
    let body = Obj::new()
        .s("uuid", ids.uuid("document"))
        .o("metadata", metadata(title, catalog_date(), Vec::new()))
        .l("imports", vec![import])
        .o("merge", Obj::new().b("as-is", true))
        .o(
            "back-matter",
            Obj::new().l(
                "resources",
                vec![embedded(
                    catalog_uuid,
                    "The catalog this profile selects from",
                    CATALOG_FILE,
                    "application/oscal.catalog+json",
                    &catalog_json(catalog),
                )],
            ),
        );
    (compact("profile", body), file)
}

/// A back-matter resource carrying a document inside it, in base64.
pub(super) fn embedded(uuid: String, title: &str, file: &str, media: &str, text: &str) -> Obj {
    Obj::new().s("uuid", uuid).s("title", title).o(
        "base64",
        Obj::new()
            .s("filename", file)
            .s("media-type", media)
            .s("value", base64(text.as_bytes())),
    )
}
