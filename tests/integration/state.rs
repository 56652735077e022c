//! Saved-state loading: every file in `tests/corpus/state/` gives its documented outcome, never a
//! panic, and a saved state round-trips exactly.

use cmmc_readiness::engine::{
    load_state, load_state_bytes, save_state, Answer, Answers, Date, DirectAnswer, Milestone,
    ObjectiveAnswer, ObjectiveId, ObjectiveStatus, PoamPlan, RequirementId, SavedState,
    Solicitation, StateError, SystemInfo, SystemRole, View,
};
use std::path::PathBuf;

use crate::corpus_files::BAD_STATES;

fn corpus(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/state")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Loads a corpus file and checks that it fails with a message containing `expected`.
fn check_error(name: &str, text: &str, expected: &str) {
    match load_state(text) {
        Ok(state) => panic!("{name} loaded but should fail: {state:?}"),
        Err(e) => assert!(
            e.to_string().contains(expected),
            "{name}: message `{e}` does not contain `{expected}`"
        ),
    }
}

#[test]
fn bad_saved_states_give_specific_messages() {
    for (name, bytes, expected) in BAD_STATES {
        check_error(name, &String::from_utf8_lossy(bytes), expected);
    }
}

#[test]
fn good_saved_states_load() {
    let s = load_state(&corpus("good_minimal.json")).expect("good_minimal loads");
    assert_eq!(s.view, View::Analysed);
    assert_eq!(
        s.direct.get(&RequirementId::from("3.1.1")),
        Some(&DirectAnswer::new(Answer::Met))
    );
    assert!(s.soa_text.as_deref().is_some_and(|t| t.contains("A.5.15")));

    let s = load_state(&corpus("good_export_wrapper.json")).expect("export wrapper loads");
    assert_eq!(
        s.direct.get(&RequirementId::from("3.1.1")),
        Some(&DirectAnswer::new(Answer::NotMet))
    );
}

#[test]
fn a_saved_state_round_trips_exactly() {
    let mut state = SavedState {
        answers: Answers {
            handles_cui: Some(true),
            solicitation: Solicitation::L2C3pao,
            employees: Some(42),
            ..Answers::default()
        },
        soa_text: Some("Control,Status\n\"A.5.15\",\"=cmd|' /C calc'!A0\"\n".into()),
        view: View::Analysed,
        ..SavedState::default()
    };
    state.direct.insert(
        RequirementId::from("3.5.3"),
        DirectAnswer::with_note(
            Answer::Partial,
            "MFA on VPN and admin accounts; rollout to all staff by March",
        ),
    );
    state.direct.insert(
        RequirementId::from("3.10.6"),
        DirectAnswer::with_note(
            Answer::NotApplicable,
            "No alternate work sites: all staff work on premises",
        ),
    );
    state.level3.insert("AC.L3-3.1.2e".into(), true);
    state.costs.capacity_days_per_month = 7.5;
    let objective = |id: &str| ObjectiveId::parse(id).expect("objective id");
    state.objectives.insert(
        objective("3.1.8[a]"),
        ObjectiveAnswer {
            answer: Some(ObjectiveStatus::Met),
            note: "Account lockout policy in the domain GPO".into(),
            defined_value: "5 attempts, then a 30-minute lockout".into(),
        },
    );
    state.objectives.insert(
        objective("3.1.16[a]"),
        ObjectiveAnswer::with_note(ObjectiveStatus::NotApplicable, "No wireless in the enclave"),
    );
    state.objectives.insert(
        objective("3.10.1[a]"),
        ObjectiveAnswer {
            defined_value: "Badge list kept by facilities".into(),
            ..ObjectiveAnswer::default()
        },
    );
    state.system = SystemInfo {
        name: "Acme CUI enclave".into(),
        organization: "Acme Precision Machining".into(),
        boundary: "The engineering VLAN and its file server;\nthe office network is out of scope."
            .into(),
        roles: vec![SystemRole {
            title: "System owner".into(),
            holder: "Pat Smith".into(),
        }],
        environment: "One site in Dayton, Ohio; Windows 11 endpoints joined to Entra ID".into(),
        connections: "Microsoft 365 GCC High (FedRAMP High); the MSP's RMM agent".into(),
        update_frequency: "Every 12 months and after each significant change".into(),
        last_updated: Date::parse("2026-11-20"),
    };
    state.poam.insert(
        "3.1.3".into(),
        PoamPlan {
            owner: "IT lead".into(),
            milestones: vec![Milestone {
                text: "Firewall rules reviewed".into(),
                date: Date::parse("2027-01-15"),
            }],
            resources: "Two days of the network contractor".into(),
            completion: Date::parse("2027-02-01"),
        },
    );
    let text = save_state(&state);
    assert_eq!(load_state(&text).expect("reload"), state);
    assert_eq!(save_state(&load_state(&text).expect("reload")), text);
}

#[test]
fn oversized_state_is_refused_without_parsing() {
    let huge = format!(
        "{{\"version\":1,\"soa_text\":\"{}\"}}",
        "x".repeat(17 * 1024 * 1024)
    );
    let e = load_state(&huge).expect_err("too large");
    assert_eq!(e, StateError::TooLarge { megabytes: 17 });
    assert!(e.to_string().contains("more than the 16 MB"), "{e}");
}

/// The loader's refusals are values the app matches on: a newer release's file says so, bytes
/// that are not text say so, and a version 1 file (bare answer words, deprecated answers) loads
/// into today's shape.
#[test]
fn refusals_are_typed_and_version_1_files_migrate() {
    let e = load_state(r#"{"version": 4}"#).expect_err("newer");
    assert_eq!(e, StateError::UnsupportedVersion(4));
    assert!(e.is_from_a_newer_release());
    assert!(!StateError::UnsupportedVersion(0).is_from_a_newer_release());
    assert_eq!(
        load_state_bytes(&[0xff, 0xfe, 0x00]),
        Err(StateError::NotText)
    );
    assert_eq!(load_state(""), Err(StateError::Empty));

    let v1 = r#"{"version":1,"answers":{"handles_cui":true,"flow_down":true,"fips_validated":true},"direct":{"3.5.3":"partial"},"costs":{"day_rate_usd":{"low":900,"high":1500}}}"#;
    let s = load_state(v1).expect("version 1 loads");
    assert_eq!(s.version, 3);
    assert_eq!(
        s.answers.role,
        Some(cmmc_readiness::engine::ContractRole::Sub)
    );
    assert_eq!(
        s.direct.get(&RequirementId::from("3.5.3")),
        Some(&DirectAnswer::new(Answer::Partial))
    );
    assert_eq!(s.costs.day_rate_usd.low, 900.0);
    // A missing assumption keeps its default.
    assert_eq!(s.costs.capacity_days_per_month, 20.0);
    // Written back: version 3, no deprecated fields.
    let text = save_state(&s);
    assert!(text.starts_with(r#"{"version":3,"#), "{text}");
    assert!(!text.contains("flow_down") && !text.contains("fips_validated"));
}
