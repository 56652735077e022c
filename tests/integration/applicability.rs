//! Level applicability: the questionnaire's rules, one worked case per rule.

use cmmc_readiness::engine::{applicability, Answers, AssessmentType, Level, Solicitation};

/// Checks the level, the assessment type, and that some reason cites `citation`.
fn check(answers: Answers, level: Level, kind: Option<AssessmentType>, citation: &str) {
    let got = applicability(&answers);
    assert_eq!(got.level, level, "{answers:?} -> {got:#?}");
    assert_eq!(got.assessment, kind, "{answers:?} -> {got:#?}");
    assert!(
        got.reasons.iter().any(|r| r.citation.contains(citation)),
        "no reason cites {citation}: {:#?}",
        got.reasons
    );
}

#[test]
fn fci_only_is_level_1_self() {
    let a = Answers {
        handles_fci: Some(true),
        handles_cui: Some(false),
        ..Answers::default()
    };
    check(
        a,
        Level::L1,
        Some(AssessmentType::SelfAssessment),
        "FAR 52.204-21",
    );
}

#[test]
fn cui_with_a_silent_solicitation_is_level_2_and_plans_for_a_c3pao() {
    let a = Answers {
        handles_fci: Some(true),
        handles_cui: Some(true),
        solicitation: Solicitation::None,
        ..Answers::default()
    };
    check(
        a.clone(),
        Level::L2,
        Some(AssessmentType::C3pao),
        "252.204-7012",
    );
    let got = applicability(&a);
    assert!(got
        .reasons
        .iter()
        .any(|r| r.text.contains("Most contracts involving CUI")));
    assert!(got.settled);
}

#[test]
fn the_solicitation_decides_the_assessment_type() {
    let base = Answers {
        handles_fci: Some(true),
        handles_cui: Some(true),
        ..Answers::default()
    };
    let with = |s| Answers {
        solicitation: s,
        ..base.clone()
    };
    check(
        with(Solicitation::L2Self),
        Level::L2,
        Some(AssessmentType::SelfAssessment),
        "252.204-7021",
    );
    check(
        with(Solicitation::L2C3pao),
        Level::L2,
        Some(AssessmentType::C3pao),
        "252.204-7025",
    );
    check(
        with(Solicitation::L3Dibcac),
        Level::L3,
        Some(AssessmentType::Dibcac),
        "170.18(a)",
    );
}

#[test]
fn level_3_names_final_level_2_as_its_prerequisite() {
    let a = Answers {
        handles_cui: Some(true),
        solicitation: Solicitation::L3Dibcac,
        ..Answers::default()
    };
    let got = applicability(&a);
    assert!(
        got.reasons
            .iter()
            .any(|r| r.text.contains("Final Level 2 (C3PAO)")),
        "{got:#?}"
    );
}

#[test]
fn cui_under_a_level_1_solicitation_still_needs_level_2() {
    let a = Answers {
        handles_cui: Some(true),
        solicitation: Solicitation::L1Self,
        ..Answers::default()
    };
    check(a, Level::L2, Some(AssessmentType::C3pao), "170.14(c)(3)");
}

#[test]
fn flow_down_is_explained() {
    let a = Answers {
        handles_fci: Some(true),
        handles_cui: Some(false),
        flow_down: Some(true),
        solicitation: Solicitation::L1Self,
        ..Answers::default()
    };
    check(
        a,
        Level::L1,
        Some(AssessmentType::SelfAssessment),
        "flow-down",
    );
}

#[test]
fn neither_fci_nor_cui_is_no_level_and_empty_answers_are_unsettled() {
    let a = Answers {
        handles_fci: Some(false),
        handles_cui: Some(false),
        ..Answers::default()
    };
    check(a, Level::None, None, "170.14");
    let empty = applicability(&Answers::default());
    assert_eq!(empty.level, Level::None);
    assert!(!empty.settled);
}

#[test]
fn answers_read_from_partial_json() {
    let a: Answers = serde_json::from_str(
        r#"{"handles_fci": true, "handles_cui": true, "solicitation": "L2-c3pao", "small_business": true, "employees": 40}"#,
    )
    .expect("parse answers");
    assert_eq!(a.solicitation, Solicitation::L2C3pao);
    assert_eq!(a.employees, Some(40));
    assert_eq!(applicability(&a).assessment, Some(AssessmentType::C3pao));
}
