//! Saved-state loading: every file in `tests/corpus/state/` gives its documented outcome, never a
//! panic, and a saved state round-trips exactly.

use cmmc_readiness::engine::{
    load_state, save_state, Answer, Answers, DirectAnswer, RequirementId, SavedState, Solicitation,
    View,
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
            e.message.contains(expected),
            "{name}: message `{}` does not contain `{expected}`",
            e.message
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
    assert!(e.message.contains("more than the 16 MB"), "{}", e.message);
}
