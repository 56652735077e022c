//! What applies: one worked case per rule, each citing its paragraph. The level comes only from
//! what the solicitation (or, for a subcontractor, the prime's flow-down) names; the data handled
//! brings obligations and, where nothing is required yet, a labelled planning level.

use crate::support::{date, today};
use cmmc_readiness::engine::{
    applicability, phase_on, Answers, Applicability, AssessmentType, ContractRole, Date,
    HeldStatus, Level, LevelAssumption, Solicitation,
};

fn on(a: &Answers) -> Applicability {
    applicability(a, today())
}

fn cui(requirement: Solicitation) -> Answers {
    Answers {
        handles_fci: Some(true),
        handles_cui: Some(true),
        solicitation: requirement,
        ..Answers::default()
    }
}

fn fci_only(requirement: Solicitation) -> Answers {
    Answers {
        handles_fci: Some(true),
        handles_cui: Some(false),
        solicitation: requirement,
        ..Answers::default()
    }
}

fn sub(handles_cui: bool, prime: Solicitation) -> Answers {
    Answers {
        handles_fci: Some(true),
        handles_cui: Some(handles_cui),
        role: Some(ContractRole::Sub),
        prime_level: prime,
        ..Answers::default()
    }
}

fn obligations(a: &Applicability) -> Vec<&str> {
    a.obligations.iter().map(|o| o.id).collect()
}

#[track_caller]
fn cites(a: &Applicability, citation: &str) {
    assert!(
        a.reasons.iter().any(|r| r.citation.contains(citation)),
        "no reason cites {citation}: {:#?}",
        a.reasons
    );
}

#[track_caller]
fn requires(a: &Applicability, level: Level, kind: Option<AssessmentType>) {
    assert_eq!((a.level, a.assessment), (level, kind), "{a:#?}");
}

/// DFARS 252.204-7025(b) / 204.7502: CUI under a solicitation that names no level means no CMMC
/// status is a condition of this award; 7012 and a current Basic assessment in SPRS (7019/7020)
/// still apply; Level 2 (C3PAO) is a planning level in Phase 2. (This replaces the old rule,
/// pinned by `cui_with_a_silent_solicitation_is_level_2_and_plans_for_a_c3pao`, which made it a
/// requirement and added the C3PAO fee.)
#[test]
fn cui_under_a_silent_solicitation_requires_no_cmmc_status_but_7012_and_sprs() {
    let got = on(&cui(Solicitation::None));
    requires(&got, Level::None, None);
    assert!(!got.assumed());
    assert_eq!(
        obligations(&got),
        ["far-52.204-21", "dfars-7012", "dfars-7019-7020"]
    );
    cites(&got, "DFARS 252.204-7025");
    let p = got.planning.as_ref().expect("a planning level");
    assert_eq!((p.level, p.assessment), (Level::L2, AssessmentType::C3pao));
    assert!(p.reasons[0].text.starts_with("For planning only"));
    let t = got.plan_target();
    assert!(t.planning && t.cui && t.level == Level::L2);
}

/// In Phase 1 the planning level for CUI is Level 2 (Self): C3PAO is only at DoD's discretion
/// until Phase 2 (32 CFR 170.3(e)(1)).
#[test]
fn the_planning_level_follows_the_phase() {
    let got = applicability(&cui(Solicitation::None), date("2026-06-01"));
    assert_eq!(got.phase.number, 1);
    let p = got.planning.expect("planning");
    assert_eq!(p.assessment, AssessmentType::SelfAssessment);
}

/// "I don't know": today's Level 2 (C3PAO) answer, marked as an assumption.
#[test]
fn an_unknown_solicitation_is_a_labelled_assumption() {
    let got = on(&cui(Solicitation::Unknown));
    requires(&got, Level::L2, Some(AssessmentType::C3pao));
    assert!(got.assumed() && !got.settled);
    assert!(got.reasons.iter().any(|r| r.text.contains("Assumed")));
    let got = on(&fci_only(Solicitation::Unknown));
    requires(&got, Level::L1, Some(AssessmentType::SelfAssessment));
    assert!(got.assumed());
}

/// DFARS 252.204-7025(b): the solicitation decides the level and the assessment type.
#[test]
fn the_solicitation_decides_the_level_and_the_assessment_type() {
    for (s, level, kind) in [
        (
            Solicitation::L1Self,
            Level::L1,
            AssessmentType::SelfAssessment,
        ),
        (
            Solicitation::L2Self,
            Level::L2,
            AssessmentType::SelfAssessment,
        ),
        (Solicitation::L2C3pao, Level::L2, AssessmentType::C3pao),
        (Solicitation::L3Dibcac, Level::L3, AssessmentType::Dibcac),
    ] {
        // FCI only under Level 1; CUI under the others (CUI under Level 1 is its own rule).
        let got = on(&if level == Level::L1 {
            fci_only(s)
        } else {
            cui(s)
        });
        requires(&got, level, Some(kind));
        assert!(!got.assumed() && got.settled && got.planning.is_none());
        cites(&got, "252.204-7025(b)");
        assert!(obligations(&got).contains(&"cmmc-status"));
        assert!(obligations(&got).contains(&"status-change-notice"));
    }
}

/// 32 CFR 170.18(a): Level 3 needs a Final Level 2 (C3PAO) first.
#[test]
fn level_3_names_final_level_2_c3pao_as_its_prerequisite() {
    let got = on(&cui(Solicitation::L3Dibcac));
    assert!(got
        .reasons
        .iter()
        .any(|r| r.text.contains("Level 3 requires a Final Level 2 (C3PAO)")));
    cites(&got, "170.18(a)");

    // The reason follows the held status as the Level 3 result does (the assessor's review,
    // 2026-12-07): an expired Final Level 2 (C3PAO) is not the prerequisite, one dated after the
    // day does not count yet, a Level 3 status rests on a current Level 2.
    let held = |status, day: &str| Answers {
        current_status: Some(status),
        status_date: Some(date(day)),
        ..cui(Solicitation::L3Dibcac)
    };
    let text = |a: &Answers| -> String {
        let got = on(a);
        got.reasons
            .iter()
            .find(|r| r.citation.contains("170.18(a)"))
            .map(|r| r.text.clone())
            .unwrap_or_default()
    };
    let current = text(&held(HeldStatus::L2C3paoFinal, "2025-01-15"));
    assert!(
        current.starts_with("You report a Final Level 2 (C3PAO) status, the prerequisite"),
        "{current}"
    );
    let expired = text(&held(HeldStatus::L2C3paoFinal, "2023-01-15"));
    assert!(
        expired.contains("expired on 2026-01-15, so it is not the prerequisite any more"),
        "{expired}"
    );
    let future = text(&held(HeldStatus::L2C3paoFinal, "2027-01-15"));
    assert!(
        future.contains("does not count yet as the prerequisite"),
        "{future}"
    );
    let expired3 = text(&held(HeldStatus::L3DibcacFinal, "2023-01-15"));
    assert!(
        expired3.contains(
            "expired on 2026-01-15: a new Level 3 assessment needs a current Final Level 2 (C3PAO)"
        ),
        "{expired3}"
    );
    assert!(
        !expired3.contains("not the prerequisite any more"),
        "{expired3}"
    );
    let level3 = text(&held(HeldStatus::L3DibcacFinal, "2025-01-15"));
    assert!(
        level3.starts_with(
            "You report a Level 3 (DIBCAC) status: it rests on a Final Level 2 (C3PAO)"
        ),
        "{level3}"
    );
    assert!(
        !level3.contains("plan for a C3PAO Level 2 certification"),
        "{level3}"
    );
}

/// CUI under a Level 1 solicitation: ask the contracting officer; the required level stays what
/// the solicitation names (no forced C3PAO), with 7012 and a planning Level 2.
#[test]
fn cui_under_a_level_1_solicitation_says_ask_the_contracting_officer() {
    let got = on(&cui(Solicitation::L1Self));
    requires(&got, Level::L1, Some(AssessmentType::SelfAssessment));
    assert!(got
        .reasons
        .iter()
        .any(|r| r.text.contains("ask the contracting officer")));
    assert!(obligations(&got).contains(&"dfars-7012"));
    assert_eq!(got.planning.as_ref().map(|p| p.level), Some(Level::L2));
    // The plan prices the 110 that 7012 asks for.
    assert!(got.plan_target().cui);
}

/// FCI only with no level named: FAR 52.204-21 applies; Level 1 (Self) is the planning level.
#[test]
fn fci_only_with_a_silent_solicitation_plans_for_level_1() {
    let got = on(&fci_only(Solicitation::None));
    requires(&got, Level::None, None);
    assert_eq!(obligations(&got), ["far-52.204-21"]);
    let p = got.planning.expect("planning");
    assert_eq!(
        (p.level, p.assessment),
        (Level::L1, AssessmentType::SelfAssessment)
    );
}

/// Neither FCI nor CUI: nothing applies, nothing to plan.
#[test]
fn neither_fci_nor_cui_is_no_level_and_empty_answers_are_unsettled() {
    let a = Answers {
        handles_fci: Some(false),
        handles_cui: Some(false),
        solicitation: Solicitation::None,
        ..Answers::default()
    };
    let got = on(&a);
    requires(&got, Level::None, None);
    assert!(got.planning.is_none() && got.obligations.is_empty());
    cites(&got, "170.14");
    let empty = on(&Answers::default());
    assert_eq!(empty.level, Level::None);
    assert!(!empty.settled);
}

/// 32 CFR 170.3(e): the phase in force on each boundary date and the day before it.
#[test]
fn the_phase_changes_on_each_boundary_date() {
    for (day, phase) in [
        ("2024-12-15", 0),
        ("2024-12-16", 0),
        ("2025-11-09", 0),
        ("2025-11-10", 1),
        ("2026-11-09", 1),
        ("2026-11-10", 2),
        ("2027-11-09", 2),
        ("2027-11-10", 3),
        ("2028-11-09", 3),
        ("2028-11-10", 4),
        ("2040-01-01", 4),
    ] {
        let p = phase_on(date(day));
        assert_eq!(p.number, phase, "{day}");
        if day < "2024-12-16" {
            // Before the program rule took effect there is no program to be in.
            assert_eq!(p.name, "Before the CMMC rule", "{day}");
            assert!(p.text.contains("takes effect on 2024-12-16"), "{day}");
            assert!(!p.text.contains("is in effect"), "{day}");
        } else {
            assert!(p.citation.starts_with("32 CFR 170.3(e)"), "{day}");
        }
    }
    assert_eq!(phase_on(today()).since, date("2026-11-10"));
    assert!(phase_on(today()).text.contains("Level 2 (C3PAO)"));
}

/// 32 CFR 170.23(a), row by row: what a subcontractor needs under each prime level.
#[test]
fn each_flow_down_row() {
    for prime in [
        Solicitation::L1Self,
        Solicitation::L2Self,
        Solicitation::L2C3pao,
        Solicitation::L3Dibcac,
    ] {
        // (a)(1): FCI only, any CMMC prime level: Level 1 (Self).
        let got = on(&sub(false, prime));
        requires(&got, Level::L1, Some(AssessmentType::SelfAssessment));
        cites(&got, "170.23(a)(1)");
        assert!(got.reasons.iter().any(|r| r.citation.contains("7021(c)")));
    }
    let got = on(&sub(true, Solicitation::L2Self));
    requires(&got, Level::L2, Some(AssessmentType::SelfAssessment));
    cites(&got, "170.23(a)(2)");
    let got = on(&sub(true, Solicitation::L2C3pao));
    requires(&got, Level::L2, Some(AssessmentType::C3pao));
    cites(&got, "170.23(a)(3)");
    let got = on(&sub(true, Solicitation::L3Dibcac));
    requires(&got, Level::L2, Some(AssessmentType::C3pao));
    cites(&got, "170.23(a)(4)");
    // A sub's level never comes from the solicitation question.
    let mut a = sub(true, Solicitation::L2Self);
    a.solicitation = Solicitation::L3Dibcac;
    requires(&on(&a), Level::L2, Some(AssessmentType::SelfAssessment));
}

/// Outside the 170.23(a) table: a prime with no CMMC level (no flow-down, but 7012(m) and
/// 7019/7020 reach a CUI sub), a Level 1 prime with CUI (ask), an unknown prime (assumption).
#[test]
fn flow_down_outside_the_table() {
    let got = on(&sub(true, Solicitation::None));
    requires(&got, Level::None, None);
    cites(&got, "7012(m)");
    assert!(obligations(&got).contains(&"dfars-7019-7020"));
    assert!(got.planning.is_some());

    let got = on(&sub(true, Solicitation::L1Self));
    requires(&got, Level::L1, Some(AssessmentType::SelfAssessment));
    assert!(got.reasons.iter().any(|r| r.text.contains("Ask the prime")));

    let got = on(&sub(true, Solicitation::Unknown));
    requires(&got, Level::L2, Some(AssessmentType::C3pao));
    assert!(got.assumed());
    assert_eq!(got.assumed_until, Some(LevelAssumption::PrimesContract));
    let got = on(&cui(Solicitation::Unknown));
    assert_eq!(got.assumed_until, Some(LevelAssumption::Solicitation));
    assert_eq!(on(&cui(Solicitation::L2C3pao)).assumed_until, None);
}

/// A subcontractor with FCI that has not said whether it will handle CUI: the 170.23(a) row turns
/// on that answer, so the level is the CUI row's, marked as an assumption, and the reason never
/// says "FCI only". (The assessor's review, 2026-12-07: "You handle FCI only ... Level 1 (Self)"
/// with the CUI question unanswered under a Level 2 (C3PAO) prime.) A Level 1 prime gives Level 1
/// either way.
#[test]
fn a_sub_unsure_of_cui_is_assumed_at_the_cui_row() {
    for (prime, kind) in [
        (Solicitation::L2Self, AssessmentType::SelfAssessment),
        (Solicitation::L2C3pao, AssessmentType::C3pao),
        (Solicitation::L3Dibcac, AssessmentType::C3pao),
    ] {
        let mut a = sub(false, prime);
        a.handles_cui = None;
        let got = on(&a);
        requires(&got, Level::L2, Some(kind));
        assert!(got.assumed(), "{prime:?}");
        assert!(
            !got.reasons.iter().any(|r| r.text.contains("FCI only, so")),
            "{prime:?}"
        );
        assert!(got.reasons.iter().any(|r| r
            .text
            .contains("You have not said whether you will handle CUI")));
        cites(&got, "170.23(a)");
        // What settles it is the CUI question, not the solicitation (the re-review of 2026-12-07).
        assert_eq!(got.assumed_until, Some(LevelAssumption::Cui), "{prime:?}");
    }
    let mut a = sub(false, Solicitation::L1Self);
    a.handles_cui = None;
    let got = on(&a);
    requires(&got, Level::L1, Some(AssessmentType::SelfAssessment));
    assert!(!got.reasons.iter().any(|r| r.text.contains("FCI only")));
}

/// The deprecated `flow_down: true` reads as a subcontractor under an unknown prime level.
#[test]
fn deprecated_answers_are_migrated() {
    let a: Answers = serde_json::from_str(
        r#"{"handles_fci": true, "handles_cui": true, "flow_down": true, "fips_validated": true, "has_final_l2_c3pao": true}"#,
    )
    .expect("parse");
    assert_eq!(a.role, Some(ContractRole::Sub));
    assert_eq!(a.prime_level, Solicitation::Unknown);
    assert_eq!(
        a.encryption,
        Some(cmmc_readiness::engine::Encryption::FipsValidated)
    );
    assert_eq!(a.current_status, Some(HeldStatus::L2C3paoFinal));
    // Written back, the deprecated fields are gone.
    let json = serde_json::to_value(&a).expect("serialise");
    assert!(json.get("flow_down").is_none() && json.get("fips_validated").is_none());
    assert_eq!(json["role"], "sub");
    assert_eq!(json["current_status"]["level"], "2");
    assert_eq!(json["current_status"]["assessor"], "c3pao");
    assert_eq!(json["current_status"]["kind"], "final");
    // FIPS "no" did not say whether CUI was encrypted: it stays unanswered.
    let a: Answers = serde_json::from_str(r#"{"fips_validated": false}"#).expect("parse");
    assert_eq!(a.encryption, None);
}

/// Lifecycle: Level 1 lasts a year, a Final Level 2 three years with annual affirmations, a
/// Conditional status 180 days (32 CFR 170.15(a), 170.17(a), 170.21(b)).
#[test]
fn a_held_status_shows_its_expiry_and_next_affirmation() {
    let held = |status, day: &str| Answers {
        current_status: Some(status),
        status_date: Some(date(day)),
        ..Answers::default()
    };
    let l = on(&held(HeldStatus::L1Self, "2026-03-01"))
        .lifecycle
        .expect("lifecycle");
    assert_eq!(l.expires, date("2027-03-01"));
    assert!(!l.expired);
    assert_eq!(l.next_affirmation, Some(date("2027-03-01")));

    let l = on(&held(HeldStatus::L2C3paoFinal, "2025-01-15"))
        .lifecycle
        .expect("lifecycle");
    assert_eq!(l.expires, date("2028-01-15"));
    assert_eq!(l.next_affirmation, Some(date("2027-01-15")));
    assert_eq!(l.citation, "32 CFR 170.17(a)");

    let l = on(&held(HeldStatus::L2C3paoConditional, "2026-07-01"))
        .lifecycle
        .expect("lifecycle");
    assert_eq!(l.expires, date("2026-12-28"));
    assert!(!l.expired && l.next_affirmation.is_none());
    assert!(l.text.contains("closeout"));

    let l = on(&held(HeldStatus::L1Self, "2025-11-30"))
        .lifecycle
        .expect("lifecycle");
    assert!(l.expired, "{l:?}");

    // An affirmation due on the date applied is due now, not next year; the one that falls on
    // the expiry goes with the new assessment (the assessor's review, 2026-12-07). `on` applies
    // the rules on 2026-12-01.
    let l = on(&held(HeldStatus::L2C3paoFinal, "2025-12-01"))
        .lifecycle
        .expect("lifecycle");
    assert_eq!(l.next_affirmation, Some(date("2026-12-01")));
    assert!(
        l.text.ends_with("; the annual affirmation is due today."),
        "{}",
        l.text
    );
    let l = on(&held(HeldStatus::L2C3paoFinal, "2024-01-15"))
        .lifecycle
        .expect("lifecycle");
    assert_eq!(l.expires, date("2027-01-15"));
    assert!(
        l.text.ends_with(
            "valid until 2027-01-15, when a new assessment and its affirmation are due."
        ),
        "{}",
        l.text
    );
    assert!(!l.text.contains("next annual affirmation"), "{}", l.text);
}

/// The questionnaire's bindings: every question fills its own field, and `relevant` hides CUI
/// questions after "CUI: no".
#[test]
fn questions_are_bound_to_their_fields_and_hide_when_moot() {
    use cmmc_readiness::engine::{AnswerValue, QuestionKind, QUESTIONS};
    for q in QUESTIONS {
        let mut a = Answers::default();
        let v = match q.kind {
            QuestionKind::YesNo => AnswerValue::Bool(true),
            QuestionKind::Choice(c) => AnswerValue::Choice(c.options()[1].0),
            QuestionKind::Number { .. } => AnswerValue::Number(7),
            QuestionKind::Date => AnswerValue::Date(Date::UNIX_EPOCH),
        };
        q.id.set(&mut a, v);
        assert_eq!(q.id.get(&a), v, "{}", q.field);
        let json = serde_json::to_value(&a).expect("serialise");
        assert!(
            !json[q.field].is_null(),
            "{} is not the field it sets",
            q.field
        );
    }
    let no_cui = Answers {
        handles_cui: Some(false),
        ..Answers::default()
    };
    let hidden: Vec<&str> = QUESTIONS
        .iter()
        .filter(|q| !q.id.relevant(&no_cui))
        .map(|q| q.field)
        .collect();
    for f in [
        "cui_users",
        "cui_storage",
        "encryption",
        "has_ssp",
        "sprs_posted",
    ] {
        assert!(hidden.contains(&f), "{f} still shown after CUI: no");
    }
}

fn warning_ids(a: &Answers, day: &str, supported: Option<i32>) -> Vec<&'static str> {
    let app = applicability(a, date(day));
    cmmc_readiness::engine::warnings(a, &app, supported.map(|s| (Some(s), Some(s))))
        .into_iter()
        .map(|w| w.id)
        .collect()
}

/// Warnings, each with its rule: a posted SPRS score above what the answers support (DFARS
/// 252.204-7019/7020, 32 CFR 170.22), a Basic assessment older than three years (7019(b)),
/// FIPS 140-2 modules after the CMVP sunset of 2026-09-21, CUI in a commercial cloud (7012
/// (b)(2)(ii)(D)), an expired or insufficient status.
#[test]
fn warnings_with_their_rules() {
    use cmmc_readiness::engine::{CuiStorage, Encryption};
    let posted = Answers {
        sprs_posted: Some(100),
        sprs_date: Some(date("2023-11-30")),
        ..cui(Solicitation::L2C3pao)
    };
    let got = warning_ids(&posted, "2026-12-01", Some(80));
    assert_eq!(got, ["sprs-above-support", "basic-assessment-old"]);
    // Posted at or below what is supported, and assessed within three years: nothing.
    let fresh = Answers {
        sprs_date: Some(date("2023-12-02")),
        ..posted.clone()
    };
    assert!(warning_ids(&fresh, "2026-12-01", Some(100)).is_empty());
    // Exactly three years old on the day is "not more than 3 years old" (7019(b)): current.
    let anniversary = Answers {
        sprs_date: Some(date("2023-12-01")),
        ..posted.clone()
    };
    assert!(warning_ids(&anniversary, "2026-12-01", Some(100)).is_empty());

    let fips2 = Answers {
        encryption: Some(Encryption::Fips1402Historical),
        ..cui(Solicitation::L2C3pao)
    };
    assert!(warning_ids(&fips2, "2026-09-20", None).is_empty());
    assert_eq!(
        warning_ids(&fips2, "2026-09-21", None),
        ["fips-140-2-historical"]
    );

    let cloud = Answers {
        cui_storage: Some(CuiStorage::CommercialCloud),
        ..cui(Solicitation::L2C3pao)
    };
    assert_eq!(
        warning_ids(&cloud, "2026-12-01", None),
        ["cui-in-commercial-cloud"]
    );

    let held = Answers {
        current_status: Some(HeldStatus::L2SelfFinal),
        status_date: Some(date("2026-01-10")),
        ..cui(Solicitation::L2C3pao)
    };
    assert_eq!(
        warning_ids(&held, "2026-12-01", None),
        ["status-insufficient"]
    );
    let expired = Answers {
        status_date: Some(date("2023-01-10")),
        current_status: Some(HeldStatus::L2C3paoFinal),
        ..held
    };
    assert_eq!(
        warning_ids(&expired, "2026-12-01", None),
        ["status-expired"]
    );
}

/// The posted-score warning compares with the engine's own score counting ISO evidence.
#[test]
fn a_posted_score_above_the_assessment_is_flagged() {
    use crate::support::Case;
    let answers = Answers {
        sprs_posted: Some(110),
        has_ssp: Some(true),
        ..cui(Solicitation::L2C3pao)
    };
    let a = Case::all_met()
        .answers(answers)
        .with("3.1.1", cmmc_readiness::engine::Answer::NotMet)
        .assess();
    assert_eq!(a.scoring.sprs.high, Some(105));
    let w = a
        .warnings
        .iter()
        .find(|w| w.id == "sprs-above-support")
        .expect("warned");
    assert!(
        w.text.contains("posted 110") && w.text.contains("at most 105"),
        "{}",
        w.text
    );
}

/// A posted score must come from an assessment (the assessor's review, 2026-12-07): above the
/// confirmed answers' score, even when the ISO suggestions would reach it, it is flagged; a
/// posted score outside -203..110 cannot be one; a status dated after the day does not count
/// yet, and a Level 3 result beside Level 2 requirements found not met is flagged.
#[test]
fn a_posted_score_needs_confirmed_answers_and_dates_must_be_possible() {
    use crate::support::Case;
    use cmmc_readiness::engine::{Answer, Catalog, Level3Status};
    let answers = Answers {
        sprs_posted: Some(105),
        has_ssp: Some(true),
        ..cui(Solicitation::L2C3pao)
    };
    let app = applicability(&answers, date("2026-12-01"));
    let ids = |low: i32, high: i32| -> Vec<&'static str> {
        cmmc_readiness::engine::warnings(&answers, &app, Some((Some(low), Some(high))))
            .into_iter()
            .map(|w| w.id)
            .collect()
    };
    assert_eq!(ids(-77, 110), ["sprs-above-confirmed"]);
    assert_eq!(ids(-77, 100), ["sprs-above-support"]);
    assert!(ids(105, 110).is_empty());
    let w = cmmc_readiness::engine::warnings(&answers, &app, Some((Some(-77), Some(110))));
    assert!(w[0].text.contains("confirmed support -77"), "{}", w[0].text);

    // No SSP: no score, so no posted score is supported.
    let no_ssp = Answers {
        sprs_posted: Some(90),
        has_ssp: Some(false),
        ..cui(Solicitation::L2C3pao)
    };
    assert_eq!(
        warning_ids(&no_ssp, "2026-12-01", None),
        ["sprs-posted-without-ssp"]
    );
    for bad in [111, -204] {
        let a = Answers {
            sprs_posted: Some(bad),
            ..cui(Solicitation::L2C3pao)
        };
        assert_eq!(
            warning_ids(&a, "2026-12-01", None),
            ["sprs-posted-out-of-range"],
            "{bad}"
        );
    }

    // A Final Level 2 (C3PAO) dated after the day: not held yet, so no Level 3 prerequisite.
    let l3 = |status_date: &str| Answers {
        current_status: Some(HeldStatus::L2C3paoFinal),
        status_date: Some(date(status_date)),
        ..cui(Solicitation::L3Dibcac)
    };
    assert_eq!(
        warning_ids(&l3("2027-06-01"), "2026-12-01", None),
        ["status-date-future", "status-insufficient"]
    );
    let mut case = Case::all_met().answers(l3("2027-06-01"));
    case.input.date = date("2026-12-01");
    assert_eq!(
        case.assess().scoring.level3.status,
        Level3Status::NoPrerequisite
    );

    // Held and current: Level 3 is scored, and Level 2 requirements found not met are named.
    let mut case = Case::all_met()
        .answers(l3("2026-06-01"))
        .with("3.1.1", Answer::NotMet)
        .with("3.1.2", Answer::NotMet);
    case.input.date = date("2026-12-01");
    for id in Catalog::builtin().level3.iter().map(|l| l.id.clone()) {
        case.input.level3.insert(id, true);
    }
    let a = case.assess();
    assert_eq!(a.scoring.level3.status, Level3Status::Final);
    let w = a
        .warnings
        .iter()
        .find(|w| w.id == "level3-on-open-level2")
        .expect("warned");
    assert!(
        w.text
            .contains("2 Level 2 requirements not met (3.1.1, 3.1.2)"),
        "{}",
        w.text
    );
    assert!(w.citation.contains("170.24(c)(3)"));
}

/// The results screens follow the rules: nothing before an answer, no requirement for neither
/// FCI nor CUI, Level 1 for FCI only (also planned), Level 2 whenever CUI is handled (7012 asks
/// for the 110, even under a Level 1 solicitation), Level 3 when named.
#[test]
fn the_results_mode_follows_what_applies() {
    use cmmc_readiness::engine::ResultsMode;
    let mode = |a: &Answers| on(a).results_mode(a);
    assert_eq!(mode(&Answers::default()), ResultsMode::Start);
    let neither = Answers {
        handles_fci: Some(false),
        handles_cui: Some(false),
        ..Answers::default()
    };
    assert_eq!(mode(&neither), ResultsMode::NoRequirement);
    assert_eq!(mode(&fci_only(Solicitation::L1Self)), ResultsMode::Level1);
    assert_eq!(mode(&fci_only(Solicitation::None)), ResultsMode::Level1);
    assert_eq!(mode(&cui(Solicitation::L1Self)), ResultsMode::Level2);
    assert_eq!(mode(&cui(Solicitation::None)), ResultsMode::Level2);
    assert_eq!(mode(&cui(Solicitation::L3Dibcac)), ResultsMode::Level3);
}
