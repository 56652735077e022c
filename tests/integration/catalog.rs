//! Catalog tests: counts, scoring and POA&M facts, referential integrity, crosswalk conventions,
//! and the loader's error path. The expected figures come from 32 CFR 170 and NIST SP 800-171 r2.

use cmmc_readiness::engine::{
    AnnexAControl, Catalog, Edition, Family, Level3Poam, PoamEligibility, Provenance, Relationship,
    RequirementId, RequirementKind, Tables,
};
use std::collections::{BTreeSet, HashSet};

fn cat() -> &'static Catalog {
    Catalog::builtin()
}

/// Compares a computed figure with the expected one, naming what was counted.
fn check<T: PartialEq + std::fmt::Debug>(what: &str, actual: T, expected: T) {
    assert_eq!(actual, expected, "{what}");
}

fn req(id: &str) -> &'static cmmc_readiness::engine::Requirement {
    cat()
        .requirement(&RequirementId::from(id))
        .unwrap_or_else(|| panic!("{id} missing"))
}

fn ids(list: &str) -> BTreeSet<String> {
    list.split_whitespace().map(str::to_string).collect()
}

#[test]
fn requirement_counts_by_family_and_kind() {
    let c = cat();
    check("requirements", c.requirements.len(), 110);
    let sizes = [
        (Family::AccessControl, 22),
        (Family::AwarenessAndTraining, 3),
        (Family::AuditAndAccountability, 9),
        (Family::ConfigurationManagement, 9),
        (Family::IdentificationAndAuthentication, 11),
        (Family::IncidentResponse, 3),
        (Family::Maintenance, 6),
        (Family::MediaProtection, 9),
        (Family::PersonnelSecurity, 2),
        (Family::PhysicalProtection, 6),
        (Family::RiskAssessment, 3),
        (Family::SecurityAssessment, 4),
        (Family::SystemAndCommunicationsProtection, 16),
        (Family::SystemAndInformationIntegrity, 7),
    ];
    for (family, n) in sizes {
        let got = c.requirements.iter().filter(|r| r.family == family).count();
        check(family.name(), got, n);
    }
    let basic = c
        .requirements
        .iter()
        .filter(|r| r.kind == RequirementKind::Basic)
        .count();
    check("basic", basic, 31);
    check("derived", c.requirements.len() - basic, 79);
    for r in &c.requirements {
        check(
            "cmmc id",
            r.cmmc_id.clone(),
            format!("{}.L2-{}", r.family, r.id),
        );
        assert!(!r.text.is_empty() && !r.source.is_empty(), "{}", r.id);
    }
}

#[test]
fn requirements_are_in_the_standards_order() {
    let keys: Vec<_> = cat().requirements.iter().map(|r| r.id.sort_key()).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    check("order", keys, sorted);
}

#[test]
fn point_values_follow_32_cfr_170_24() {
    let c = cat();
    let count = |p: Option<u8>| c.requirements.iter().filter(|r| r.points == p).count();
    check("5-point", count(Some(5)), 44);
    check("3-point", count(Some(3)), 14);
    check("1-point", count(Some(1)), 51);
    check("valueless", count(None), 1);
    check("3.12.4 has no value", req("3.12.4").points, None);
    // 170.24(c)(2)(i)(B)(1) and (2), listed in full.
    let five = ids(
        "3.1.1 3.1.2 3.2.1 3.2.2 3.3.1 3.4.1 3.4.2 3.5.1 3.5.2 3.6.1 3.6.2 3.7.2 3.8.3 3.9.2 \
         3.10.1 3.10.2 3.12.1 3.12.3 3.13.1 3.13.2 3.14.1 3.14.2 3.14.3 3.1.12 3.1.13 3.1.16 \
         3.1.17 3.1.18 3.3.5 3.4.5 3.4.6 3.4.7 3.4.8 3.5.10 3.7.5 3.8.7 3.11.2 3.13.5 3.13.6 \
         3.13.15 3.14.4 3.14.6 3.5.3 3.13.11",
    );
    let three = ids(
        "3.3.2 3.7.1 3.8.1 3.8.2 3.9.1 3.11.1 3.12.2 3.1.5 3.1.19 3.7.4 3.8.8 3.13.8 3.14.5 3.14.7",
    );
    let with = |p: u8| -> BTreeSet<String> {
        c.requirements
            .iter()
            .filter(|r| r.points == Some(p))
            .map(|r| r.id.to_string())
            .collect()
    };
    check("5-point list", with(5), five);
    check("3-point list", with(3), three);
    for r in &c.requirements {
        let expected = if ["3.5.3", "3.13.11"].contains(&r.id.as_str()) {
            Some(3)
        } else {
            None
        };
        check(&format!("{} partial", r.id), r.partial_points, expected);
    }
}

#[test]
fn score_range_is_110_to_minus_203() {
    check("max", cat().max_score(), 110);
    check("min", cat().min_score(), -203);
}

#[test]
fn poam_eligibility_follows_32_cfr_170_21() {
    let c = cat();
    let never_one_point = ids("3.1.20 3.1.22 3.12.4 3.10.3 3.10.4 3.10.5");
    for r in &c.requirements {
        let expected = if r.id.as_str() == "3.13.11" {
            PoamEligibility::EligibleWhenPartial
        } else if never_one_point.contains(r.id.as_str()) || r.points != Some(1) {
            PoamEligibility::Never
        } else {
            PoamEligibility::Eligible
        };
        check(r.id.as_str(), r.poam, expected);
    }
    let eligible = c
        .requirements
        .iter()
        .filter(|r| r.poam != PoamEligibility::Never)
        .count();
    check("POA&M-eligible incl. 3.13.11 when partial", eligible, 47);
    check(
        "3.5.3 never, even partial",
        req("3.5.3").poam,
        PoamEligibility::Never,
    );
}

#[test]
fn level1_is_far_52_204_21() {
    let c = cat();
    check("L1", c.level1.len(), 15);
    let expected = [
        ("AC.L1-b.1.i", "3.1.1"),
        ("AC.L1-b.1.ii", "3.1.2"),
        ("AC.L1-b.1.iii", "3.1.20"),
        ("AC.L1-b.1.iv", "3.1.22"),
        ("IA.L1-b.1.v", "3.5.1"),
        ("IA.L1-b.1.vi", "3.5.2"),
        ("MP.L1-b.1.vii", "3.8.3"),
        ("PE.L1-b.1.viii", "3.10.1"),
        ("PE.L1-b.1.ix", "3.10.3 3.10.4 3.10.5"),
        ("SC.L1-b.1.x", "3.13.1"),
        ("SC.L1-b.1.xi", "3.13.5"),
        ("SI.L1-b.1.xii", "3.14.1"),
        ("SI.L1-b.1.xiii", "3.14.2"),
        ("SI.L1-b.1.xiv", "3.14.4"),
        ("SI.L1-b.1.xv", "3.14.5"),
    ];
    for (l1, (id, reqs)) in c.level1.iter().zip(expected) {
        check("L1 id", l1.id.as_str(), id);
        let got: BTreeSet<String> = l1.requirements.iter().map(|r| r.to_string()).collect();
        check(id, got, ids(reqs));
        let roman = id.rsplit('.').next().unwrap_or_default();
        check(
            "FAR paragraph",
            l1.far_paragraph.clone(),
            format!("52.204-21(b)(1)({roman})"),
        );
        for r in &l1.requirements {
            assert!(c.requirement(r).is_some(), "{id} -> {r}");
        }
    }
}

#[test]
fn level3_has_24_with_seven_never_on_poam() {
    let c = cat();
    check("L3", c.level3.len(), 24);
    let never: BTreeSet<String> = c
        .level3
        .iter()
        .filter(|r| r.poam == Level3Poam::Never)
        .map(|r| r.id.clone())
        .collect();
    check(
        "L3 POA&M exclusions, 170.21(a)(3)(ii)",
        never,
        ids("IR.L3-3.6.1e IR.L3-3.6.2e RA.L3-3.11.1e RA.L3-3.11.4e RA.L3-3.11.6e RA.L3-3.11.7e SI.L3-3.14.3e"),
    );
    let unique: HashSet<&str> = c.level3.iter().map(|r| r.id.as_str()).collect();
    check("unique L3 ids", unique.len(), 24);
    for r in &c.level3 {
        assert!(r.id.ends_with(&format!("-{}", r.nist_id)), "{}", r.id);
        assert!(
            r.nist_id.ends_with('e') && !r.statement.is_empty(),
            "{}",
            r.id
        );
    }
}

#[test]
fn iso_control_counts_and_themes() {
    let c = cat();
    check("2022", c.iso_controls_of(Edition::Iso2022).count(), 93);
    check("2013", c.iso_controls_of(Edition::Iso2013).count(), 114);
    for (theme, n) in [
        ("Organizational", 37),
        ("People", 8),
        ("Physical", 14),
        ("Technological", 34),
    ] {
        let got = c
            .iso_controls_of(Edition::Iso2022)
            .filter(|i| i.theme == theme)
            .count();
        check(theme, got, n);
    }
    let new: BTreeSet<String> = c
        .iso_controls
        .iter()
        .filter(|i| i.new_in_2022)
        .map(|i| i.id.to_string())
        .collect();
    check(
        "new in 2022",
        new,
        ids("A.5.7 A.5.23 A.5.30 A.7.4 A.8.9 A.8.10 A.8.11 A.8.12 A.8.16 A.8.23 A.8.28"),
    );
    for i in &c.iso_controls {
        check(i.id.as_str(), i.id.edition(), i.edition);
    }
}

#[test]
fn annex_b_links_every_control_both_ways() {
    let c = cat();
    check("correspondence rows", c.correspondence.len(), 114);
    let mut has_predecessor = HashSet::new();
    for old in c.iso_controls_of(Edition::Iso2013) {
        let next = c.successors_2022(&old.id);
        assert!(!next.is_empty(), "{} has no 2022 successor", old.id);
        for n in next {
            assert!(c.iso_control(n).is_some(), "{} -> unknown {n}", old.id);
            has_predecessor.insert(n.clone());
        }
    }
    for new in c.iso_controls_of(Edition::Iso2022) {
        check(
            &format!("{} has a 2013 predecessor unless new", new.id),
            has_predecessor.contains(&new.id),
            !new.new_in_2022,
        );
    }
    check(
        "A.12.6.2 -> A.8.19",
        c.successors_2022(&AnnexAControl::from("A.12.6.2")).to_vec(),
        vec![AnnexAControl::from("A.8.19")],
    );
    assert!(c.successors_2022(&AnnexAControl::from("A.5.15")).is_empty());
}

#[test]
fn crosswalk_edges_refer_to_existing_ids() {
    let c = cat();
    for e in &c.crosswalk {
        let control = c.iso_control(&e.iso);
        assert!(
            control.is_some_and(|i| i.edition == e.edition),
            "{} {}",
            e.iso,
            e.edition
        );
        assert!(c.requirement(&e.requirement).is_some(), "{}", e.requirement);
        for v in &e.via {
            check("via is a 2013 control", v.edition(), Edition::Iso2013);
            assert!(
                c.successors_2022(v).contains(&e.iso),
                "{v} does not lead to {}",
                e.iso
            );
        }
    }
    for l in &c.iso_limits {
        for r in &l.requirements {
            assert!(c.requirement(r).is_some(), "{} -> {r}", l.id);
        }
    }
}

#[test]
fn crosswalk_conventions_hold() {
    let c = cat();
    let mut seen = HashSet::new();
    for e in &c.crosswalk {
        assert!(
            seen.insert((e.iso.clone(), e.requirement.clone())),
            "duplicate {} -> {}",
            e.iso,
            e.requirement
        );
        let has_rationale = e.rationale.as_deref().is_some_and(|r| !r.trim().is_empty());
        check(
            &format!("{} -> {} rationale", e.iso, e.requirement),
            has_rationale,
            e.provenance == Provenance::Analysis,
        );
        match e.provenance {
            Provenance::NistAppendixD => {
                check("Appendix D is 2013", e.edition, Edition::Iso2013);
                let expected = if e.nist_partial {
                    Relationship::SubsetOf
                } else {
                    Relationship::IntersectsWith
                };
                check("starred -> subset-of", e.relationship, expected);
            }
            Provenance::AppendixDViaAnnexB => {
                check("derived is 2022", e.edition, Edition::Iso2022);
                // The derived edge is partial only when every 2013 edge it came through is.
                let all_starred = e.via.iter().all(|v| {
                    c.edges_from(v)
                        .any(|d| d.requirement == e.requirement && d.nist_partial)
                });
                check("derived partial", e.nist_partial, all_starred);
            }
            Provenance::Analysis => {
                check("analysis is 2022", e.edition, Edition::Iso2022);
                assert!(e.via.is_empty() && !e.nist_partial);
            }
        }
    }
}

#[test]
fn derived_edges_are_exactly_appendix_d_through_annex_b() {
    let c = cat();
    let mut composed = BTreeSet::new();
    for e in c
        .crosswalk
        .iter()
        .filter(|e| e.provenance == Provenance::NistAppendixD)
    {
        for n in c.successors_2022(&e.iso) {
            composed.insert((n.to_string(), e.requirement.to_string()));
        }
    }
    let derived: BTreeSet<(String, String)> = c
        .crosswalk
        .iter()
        .filter(|e| e.provenance == Provenance::AppendixDViaAnnexB)
        .map(|e| (e.iso.to_string(), e.requirement.to_string()))
        .collect();
    check("derived = AppD x Annex B", derived, composed);
}

#[test]
fn coverage_strict_and_analysed() {
    let c = cat();
    let uncovered = |include: &dyn Fn(Provenance) -> bool| -> BTreeSet<String> {
        c.requirements
            .iter()
            .filter(|r| !c.edges_to(&r.id).any(|e| include(e.provenance)))
            .map(|r| r.id.to_string())
            .collect()
    };
    let strict = uncovered(&|p| p != Provenance::Analysis);
    check("requirements Appendix D leaves unmapped", strict.len(), 40);
    let analysed = uncovered(&|_| true);
    assert!(analysed.len() <= 5, "still unmapped: {analysed:?}");
    assert!(analysed.is_subset(&strict));
    let analysis = c
        .crosswalk
        .iter()
        .filter(|e| e.provenance == Provenance::Analysis)
        .count();
    assert!((30..=80).contains(&analysis), "{analysis} analysis edges");
}

#[test]
fn lookups_answer_from_the_index() {
    let c = cat();
    let mfa = RequirementId::from("3.5.3");
    assert!(c.edges_to(&mfa).any(|e| e.iso.as_str() == "A.8.5"));
    assert!(c
        .edges_from(&AnnexAControl::from("A.9.4.2"))
        .any(|e| e.requirement.as_str() == "3.1.8"));
    assert!(c.limits_for(&mfa).any(|l| l.caps_iso_evidence));
    assert!(c
        .limits_for(&RequirementId::from("3.13.11"))
        .any(|l| l.caps_iso_evidence));
    assert!(c
        .limits_for(&RequirementId::from("3.12.4"))
        .any(|l| l.caps_iso_evidence));
    assert!(c.requirement(&RequirementId::from("3.15.1")).is_none());
    assert!(c.iso_control(&AnnexAControl::from("A.5.38")).is_none());
    check(
        "A.5.15 title",
        c.iso_control(&AnnexAControl::from("A.5.15"))
            .map(|i| i.title.as_str()),
        Some("Access control"),
    );
}

#[test]
fn iso_limits_cover_the_known_gaps() {
    let c = cat();
    assert!(c.iso_limits.len() >= 11);
    let unique: HashSet<&str> = c.iso_limits.iter().map(|l| l.id.as_str()).collect();
    check("unique limit ids", unique.len(), c.iso_limits.len());
    let capped: BTreeSet<String> = c
        .iso_limits
        .iter()
        .filter(|l| l.caps_iso_evidence)
        .flat_map(|l| l.requirements.iter().map(|r| r.to_string()))
        .collect();
    check("capped requirements", capped, ids("3.5.3 3.12.4 3.13.11"));
}

/// A table with one bad row must come back as an error naming the table and line, not a panic.
#[test]
fn malformed_tables_are_errors_with_a_position() {
    let good = Tables::builtin();
    let cases: Vec<(Tables<'_>, &str, u64, &str)> = vec![
        (
            Tables {
                scoring: "id,points,partial_points,poam,source\n3.1.1,7,,never,x\n",
                ..good
            },
            "cmmc_l2_scoring.csv",
            2,
            "points",
        ),
        (
            Tables {
                crosswalk: "iso,edition,requirement,relationship,provenance,nist_partial,via,rationale,source\n\
                            A.5.15,2022,3.1.1,intersects-with,analysis,no,,,x\n",
                ..good
            },
            "crosswalk.csv",
            2,
            "rationale",
        ),
        (
            Tables {
                crosswalk: "iso,edition,requirement,relationship,provenance,nist_partial,via,rationale,source\n\
                            A.5.15,2022,3.1.1,intersects-with,analysis,no,,why,x\n\
                            A.5.99,2022,3.1.1,equal,analysis,no,,why,x\n",
                ..good
            },
            "crosswalk.csv",
            3,
            "A.5.99",
        ),
        (
            Tables {
                level1: "id,far_paragraph,short_name,text,requirements,source\n\
                         AC.L1-b.1.i,52.204-21(b)(1)(i),n,t,3.1.99,s\n",
                ..good
            },
            "cmmc_l1.csv",
            2,
            "3.1.99",
        ),
        (
            Tables {
                iso_limits: "id,title\nx,y\n",
                ..good
            },
            "iso_limits.csv",
            2,
            "missing field",
        ),
    ];
    for (tables, table, line, needle) in cases {
        let err = Catalog::parse(&tables).expect_err(table);
        check("table", err.table, table);
        check("line", err.line, line);
        assert!(err.message.contains(needle), "{err}");
        assert!(
            err.to_string()
                .starts_with(&format!("{table}, line {line}:")),
            "{err}"
        );
    }
}

#[test]
fn the_builtin_tables_parse_the_same_twice() {
    let again = Catalog::parse(&Tables::builtin()).expect("builtin tables parse");
    check("edges", again.crosswalk.len(), cat().crosswalk.len());
}
