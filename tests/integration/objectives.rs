//! The SP 800-171A assessment objectives: the table (320, every requirement with at least one,
//! ids well formed and unique, the counts NIST prints, which objectives define something), and
//! how answering them decides a requirement (32 CFR 170.24(b)): any objective not met makes it
//! NOT MET, all met or N/A makes it MET, some answered leaves it unknown, and objective answers
//! win over a direct answer. Worked examples cite their paragraph.

use crate::support::Case;
use cmmc_readiness::engine::{
    Answer, Basis, Catalog, Encryption, ObjectiveId, ObjectiveStatus, RequirementId, Status,
};
use std::collections::{BTreeMap, HashSet};

fn cat() -> &'static Catalog {
    Catalog::builtin()
}

fn result(case: &Case, id: &str) -> cmmc_readiness::engine::RequirementResult {
    case.assess()
        .requirements
        .into_iter()
        .find(|r| r.id.as_str() == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

fn score(case: &Case) -> Option<i32> {
    case.assess().scoring.sprs.high
}

#[test]
fn there_are_320_objectives_and_every_requirement_has_one() {
    let c = cat();
    assert_eq!(c.objectives.len(), 320);
    let mut seen = HashSet::new();
    for o in &c.objectives {
        assert!(seen.insert(o.id.clone()), "{} twice", o.id);
        assert_eq!(ObjectiveId::parse(o.id.as_str()).as_ref(), Some(&o.id));
        assert_eq!(o.id.requirement(), o.requirement, "{}", o.id);
        assert!(c.requirement(&o.requirement).is_some(), "{}", o.id);
        assert!(o.text.starts_with("Determine if "), "{}", o.id);
        assert!(o.source.contains("SP 800-171A"), "{}", o.id);
    }
    for r in &c.requirements {
        let letters: Vec<&str> = c
            .objectives_of(&r.id)
            .iter()
            .map(|o| o.id.letter())
            .collect();
        assert!(!letters.is_empty(), "{} has no objective", r.id);
        // The letters run a, b, c ... without a gap, as SP 800-171A prints them.
        let expected: Vec<String> = (0..letters.len())
            .map(|i| char::from(b'a' + i as u8).to_string())
            .collect();
        assert_eq!(letters, expected, "{}", r.id);
    }
}

/// Per family, and for the requirements whose objectives this project's other tables cite (the
/// Appendix D own-control assignments in data/README.md), the counts SP 800-171A prints.
#[test]
fn objective_counts_follow_sp_800_171a() {
    let c = cat();
    let mut by_family: BTreeMap<u8, usize> = BTreeMap::new();
    for o in &c.objectives {
        *by_family
            .entry(o.requirement.sort_key().1 as u8)
            .or_default() += 1;
    }
    let families: Vec<usize> = by_family.values().copied().collect();
    assert_eq!(
        families,
        [70, 9, 29, 44, 25, 14, 10, 15, 4, 16, 9, 14, 41, 20],
        "AC AT AU CM IA IR MA MP PS PE RA CA SC SI"
    );
    let counts = [
        ("3.1.1", 6),
        ("3.1.2", 2),
        ("3.3.1", 6),
        ("3.3.2", 2),
        ("3.4.1", 6),
        ("3.4.2", 2),
        ("3.4.7", 15),
        ("3.5.1", 3),
        ("3.5.2", 3),
        ("3.5.3", 4),
        ("3.6.1", 7),
        ("3.6.2", 6),
        ("3.7.2", 4),
        ("3.8.1", 4),
        ("3.8.2", 1),
        ("3.8.3", 2),
        ("3.9.1", 1),
        ("3.9.2", 3),
        ("3.10.1", 4),
        ("3.10.2", 4),
        ("3.12.4", 8),
        ("3.13.11", 1),
    ];
    for (id, n) in counts {
        assert_eq!(c.objectives_of(&RequirementId::from(id)).len(), n, "{id}");
    }
    assert!(c.objectives_of(&RequirementId::from("3.99.1")).is_empty());
}

/// An objective "defines" something when its determination statement says the thing "is (are)
/// defined" or "specified" (an organisation-defined value the SSP records), never when it only
/// refers to what was defined ("restricted ... as defined", "within the specified time frame").
#[test]
fn the_objectives_that_define_something_are_marked() {
    let rule = |text: &str| {
        ["is defined", "are defined", "is specified", "are specified"]
            .iter()
            .any(|p| text.contains(p))
    };
    for o in &cat().objectives {
        assert_eq!(o.defines, rule(&o.text), "{}: {}", o.id, o.text);
    }
    let defining: Vec<&str> = cat()
        .objectives
        .iter()
        .filter(|o| o.defines)
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(defining.len(), 54);
    for id in [
        "3.1.8[a]",  // the means of limiting unsuccessful logon attempts
        "3.1.10[a]", // the inactivity period before a session lock
        "3.5.7[a]",  // password complexity
        "3.5.8[a]",  // password generations before reuse
        "3.11.2[a]", // vulnerability scan frequency
        "3.12.4[g]", // how often the SSP is updated
        "3.14.1[a]", // the time within which flaws are identified
    ] {
        assert!(defining.contains(&id), "{id}");
    }
    for id in ["3.1.21[c]", "3.4.7[c]", "3.3.1[f]", "3.14.1[b]"] {
        assert!(
            !defining.contains(&id),
            "{id} only refers to a defined value"
        );
    }
}

#[test]
fn objective_ids_parse_strictly() {
    for good in ["3.1.1[a]", "3.13.11[a]", "3.4.7[o]", "3.14.7[aa]"] {
        assert!(ObjectiveId::parse(good).is_some(), "{good}");
    }
    for bad in [
        "3.1.1",
        "3.1.1[]",
        "3.1.1[A]",
        "3.1.1[a",
        "3.1.1 [a]",
        "3.15.1[a]",
        "3.0.1[a]",
        "4.1.1[a]",
        "3.1.01[a]",
        "3.1.1[abc]",
        "3.1.1[a] ",
        "",
    ] {
        assert!(ObjectiveId::parse(bad).is_none(), "{bad}");
    }
    let mut ids: Vec<ObjectiveId> = ["3.1.10[a]", "3.1.2[b]", "3.1.2[a]", "3.1.1[aa]", "3.1.1[z]"]
        .iter()
        .filter_map(|s| ObjectiveId::parse(s))
        .collect();
    ids.sort();
    let sorted: Vec<&str> = ids.iter().map(ObjectiveId::as_str).collect();
    assert_eq!(
        sorted,
        ["3.1.1[z]", "3.1.1[aa]", "3.1.2[a]", "3.1.2[b]", "3.1.10[a]"]
    );
}

/// Worked example (32 CFR 170.24(b); 170.24(c)(2)(i)(B)(1)): everything met except objective
/// 3.1.1[d] (access limited to authorized users). The requirement is NOT MET, the objective is
/// named in the result and its explanation, and the score moves by 3.1.1's five points.
#[test]
fn an_objective_not_met_makes_its_requirement_not_met() {
    let base = Case::all_met();
    assert_eq!(score(&base), Some(110));
    let case = base.objective("3.1.1[d]", ObjectiveStatus::NotMet);
    let r = result(&case, "3.1.1");
    assert_eq!(r.status, Status::NotMet);
    assert_eq!(r.basis, Basis::Objectives);
    assert_eq!(r.open_objectives, [ObjectiveId::parse("3.1.1[d]").unwrap()]);
    assert!(
        r.explanation.contains("3.1.1[d] not met"),
        "{}",
        r.explanation
    );
    // The direct answer "met" is set aside, and says so.
    assert!(r.explanation.contains("set aside"), "{}", r.explanation);
    assert_eq!(score(&case), Some(105));
    let blocking = case.assess().scoring.level2.blocking;
    assert_eq!(blocking.len(), 1);
    assert_eq!(blocking[0].id.as_str(), "3.1.1");
}

/// Worked example (32 CFR 170.24(b)(3)): every objective of 3.10.6 (alternate work sites) N/A.
/// N/A is equivalent to MET, so the requirement counts as met (assessed N/A) and costs nothing,
/// even where the direct answer said not met.
#[test]
fn all_objectives_not_applicable_counts_as_met() {
    let case = Case::all_met()
        .with("3.10.6", Answer::NotMet)
        .all_objectives("3.10.6", ObjectiveStatus::NotApplicable);
    let r = result(&case, "3.10.6");
    assert_eq!(r.status, Status::NotApplicable);
    assert!(r.status.is_satisfied());
    assert_eq!(r.basis, Basis::Objectives);
    assert_eq!(score(&case), Some(110));
    // N/A without a justification: an assessor asks for one.
    assert!(r.explanation.contains("Write why"), "{}", r.explanation);

    // A mix of met and N/A is met.
    let mixed = Case::new()
        .objective("3.1.1[a]", ObjectiveStatus::Met)
        .objective("3.1.1[b]", ObjectiveStatus::NotApplicable)
        .objective("3.1.1[c]", ObjectiveStatus::Met)
        .objective("3.1.1[d]", ObjectiveStatus::Met)
        .objective("3.1.1[e]", ObjectiveStatus::NotApplicable)
        .objective("3.1.1[f]", ObjectiveStatus::Met);
    assert_eq!(result(&mixed, "3.1.1").status, Status::Met);
}

/// Some objectives answered and none not met say nothing decisive: a direct answer given still
/// decides until the rest are answered (the re-review of 2026-12-07: answering an objective
/// "met" had taken back a "met" already given); without one, the requirement is unknown.
#[test]
fn partly_answered_objectives_leave_the_requirement_unknown() {
    let case = Case::new()
        .with("3.1.2", Answer::Met)
        .objective("3.1.2[a]", ObjectiveStatus::Met);
    let r = result(&case, "3.1.2");
    assert_eq!((r.status, r.basis), (Status::Met, Basis::Answered));
    assert!(
        r.explanation
            .contains("1 of 2 objectives answered, none not met"),
        "{}",
        r.explanation
    );
    let r = result(
        &Case::new().objective("3.1.2[a]", ObjectiveStatus::Met),
        "3.1.2",
    );
    assert_eq!(r.status, Status::Unknown);
    assert_eq!(r.basis, Basis::PartlyAnswered);
    assert!(!r.basis.is_confirmed());
    assert!(r.explanation.contains("3.1.2[b]"), "{}", r.explanation);
    // One objective not met decides at once, the direct answer set aside.
    let r = result(
        &case.objective("3.1.2[b]", ObjectiveStatus::NotMet),
        "3.1.2",
    );
    assert_eq!((r.status, r.basis), (Status::NotMet, Basis::Objectives));
    // Without objective answers the direct answer decides, as before.
    assert_eq!(
        result(&Case::new().with("3.1.2", Answer::Met), "3.1.2").status,
        Status::Met
    );
}

/// 32 CFR 170.24(c)(2)(i)(B)(4): 3.5.3 with the MFA objective for non-privileged network access
/// not met. Alone it is NOT MET at five points and the result names the partial state; with the
/// direct answer `partial` (MFA for remote and privileged users only) it is that state: three
/// points, never on a POA&M.
#[test]
fn an_unmet_mfa_objective_asks_for_the_named_partial_state() {
    let objectives = Case::all_met()
        .all_objectives("3.5.3", ObjectiveStatus::Met)
        .objective("3.5.3[d]", ObjectiveStatus::NotMet);
    let r = result(&objectives, "3.5.3");
    assert_eq!((r.status, r.partial_credit), (Status::NotMet, false));
    assert!(
        r.explanation
            .contains("remote and privileged users but not for all users"),
        "{}",
        r.explanation
    );
    assert_eq!(score(&objectives), Some(105));

    let named = objectives.with("3.5.3", Answer::Partial);
    let r = result(&named, "3.5.3");
    assert_eq!((r.status, r.partial_credit), (Status::Partial, true));
    assert_eq!(score(&named), Some(107));
    let level2 = named.assess().scoring.level2;
    assert_eq!(level2.blocking[0].id.as_str(), "3.5.3");

    // Every objective met: met, whatever the direct answer said.
    let met = Case::all_met()
        .with("3.5.3", Answer::Partial)
        .all_objectives("3.5.3", ObjectiveStatus::Met);
    assert_eq!(result(&met, "3.5.3").status, Status::Met);
    assert_eq!(score(&met), Some(110));
}

/// The named partial state of 3.5.3 is MFA for remote and privileged users (32 CFR
/// 170.24(c)(2)(i)(B)(4)): privileged accounts identified and MFA for their local and network
/// access (SP 800-171A 3.5.3[a] to [c]). With one of those not met the state cannot hold, whatever
/// the direct answer says: five points, not three. The assessor's case: answered `partial`, [a]
/// met, [b] to [d] not met, everything else met: 105, not 107.
#[test]
fn mfa_missing_for_privileged_accounts_is_not_the_partial_state() {
    let case = Case::all_met()
        .with("3.5.3", Answer::Partial)
        .objective("3.5.3[a]", ObjectiveStatus::Met)
        .objective("3.5.3[b]", ObjectiveStatus::NotMet)
        .objective("3.5.3[c]", ObjectiveStatus::NotMet)
        .objective("3.5.3[d]", ObjectiveStatus::NotMet);
    let r = result(&case, "3.5.3");
    assert_eq!((r.status, r.partial_credit), (Status::NotMet, false));
    assert!(
        r.explanation
            .contains("does not hold: 3.5.3[b], 3.5.3[c] are about privileged accounts"),
        "{}",
        r.explanation
    );
    assert!(r.explanation.contains("is set aside"), "{}", r.explanation);
    assert_eq!(score(&case), Some(105));
    // Any one of [a], [b], [c] is enough to break the state.
    for o in ["3.5.3[a]", "3.5.3[b]", "3.5.3[c]"] {
        let case = Case::all_met()
            .with("3.5.3", Answer::Partial)
            .all_objectives("3.5.3", ObjectiveStatus::Met)
            .objective(o, ObjectiveStatus::NotMet)
            .objective("3.5.3[d]", ObjectiveStatus::NotMet);
        assert_eq!(score(&case), Some(105), "{o}");
    }
}

/// 3.13.11's one objective (FIPS-validated cryptography employed) not met: the named partial
/// state when the user says encryption is employed but not validated, by the direct answer or
/// the encryption question (3 points, may sit on a POA&M: 32 CFR 170.21(a)(2)(ii)).
#[test]
fn an_unmet_fips_objective_takes_the_stated_partial_state() {
    let unmet = Case::all_met().objective("3.13.11[a]", ObjectiveStatus::NotMet);
    assert_eq!(score(&unmet), Some(105));
    let mut answers = crate::support::typical_answers();
    answers.encryption = Some(Encryption::NotValidated);
    let stated = unmet.answers(answers);
    let r = result(&stated, "3.13.11");
    assert_eq!((r.status, r.partial_credit), (Status::Partial, true));
    assert_eq!(score(&stated), Some(107));
    let level2 = stated.assess().scoring.level2;
    assert_eq!(
        level2.poam.iter().map(|id| id.as_str()).collect::<Vec<_>>(),
        ["3.13.11"]
    );
}

/// Answering one objective "met" never lowers the expected score (the users' walk-through,
/// 2026-12-07: on a projector, -14 fell to -19). Partly answered, none not met, the requirement
/// is still not confirmed, and the forecast keeps what the ISO evidence suggests; one objective
/// not met decides at once.
#[test]
fn a_first_objective_met_keeps_the_forecast() {
    let soa = crate::support::fixture("iso2022_full.csv");
    let before = Case::new().soa(soa.clone()).assess();
    let case = Case::new()
        .soa(soa.clone())
        .objective("3.1.1[a]", ObjectiveStatus::Met);
    let after = case.assess();
    let r = after
        .requirements
        .iter()
        .find(|r| r.id.as_str() == "3.1.1")
        .expect("3.1.1");
    assert_eq!((r.status, r.basis), (Status::Met, Basis::PartlyAnswered));
    assert!(
        r.explanation
            .contains("keeps what the ISO evidence suggests (met)"),
        "{}",
        r.explanation
    );
    assert_eq!(after.scoring.sprs.high, before.scoring.sprs.high);
    assert_eq!(after.scoring.sprs.low, before.scoring.sprs.low);
    let not_met = Case::new()
        .soa(soa)
        .objective("3.1.1[a]", ObjectiveStatus::NotMet)
        .assess();
    assert_eq!(
        not_met.scoring.sprs.high.map(|h| h + 5),
        before.scoring.sprs.high
    );
}
