//! SPRS scoring and the CMMC statuses it leads to, through worked examples computed by hand from
//! 32 CFR 170.24 (points) and 170.21 (POA&M and Conditional status).
//!
//! The rules used in the hand calculations below:
//! - the score starts at 110 and loses 5, 3 or 1 point per requirement not met (170.24(c)(2));
//! - 3.5.3 and 3.13.11 lose 3 instead of 5 when partial (170.24(c)(2)(i)(B)(4));
//! - not applicable counts as met (170.24(b)(3));
//! - only 1-point requirements may sit on a POA&M, never 3.1.20, 3.1.22, 3.12.4, 3.10.3-3.10.5,
//!   and 3.13.11 only in its partial state (170.21(a)(2)(ii)-(iii));
//! - Conditional Level 2 needs a score of at least 88 (80% of 110) and every open item on the
//!   POA&M (170.21(a)(2)(i));
//! - without a System Security Plan (3.12.4) there is no score at all.
//!
//! Most tests go through `check(case, expected)`, which renders the scoring as one line:
//! `sprs LOW..HIGH [exact] | LEVEL 2 STATUS | blocking IDS | poam IDS | L1 met|not met`.

use crate::support::{Case, ELIGIBLE_ONE_POINT};
use cmmc_readiness::engine::{
    Answer, Answers, Basis, Catalog, HeldStatus, Level2Status, Level3Poam, Level3Status,
    ObjectiveStatus, RequirementId, Scoring, SspState, Status,
};

fn render(s: &Scoring) -> String {
    let n = |v: Option<i32>| v.map_or("none".to_string(), |v| v.to_string());
    let ids = |v: Vec<String>| {
        if v.is_empty() {
            "-".to_string()
        } else {
            v.join(" ")
        }
    };
    let status = serde_json::to_value(s.level2.status).expect("status serialises");
    format!(
        "sprs {}..{}{} | {} | blocking {} | poam {} | L1 {}",
        n(s.sprs.low),
        n(s.sprs.high),
        if s.sprs.exact { " exact" } else { "" },
        status.as_str().unwrap_or("?"),
        ids(s.level2.blocking.iter().map(|b| b.id.to_string()).collect()),
        ids(s.level2.poam.iter().map(|p| p.to_string()).collect()),
        if s.level1.met { "met" } else { "not met" },
    )
}

/// Assesses the case and compares the rendered scoring with `expected`.
#[track_caller]
fn check(case: Case, expected: &str) {
    let a = case.assess();
    assert_eq!(render(&a.scoring), expected, "{:#?}", a.scoring);
}

#[test]
fn all_met_is_110_and_final() {
    // Nothing lost: 110. No open item, so Final Level 2; the 15 Level 1 requirements are among
    // the 110, so Level 1 is met too.
    check(
        Case::all_met(),
        "sprs 110..110 exact | final | blocking - | poam - | L1 met",
    );
    let a = Case::all_met().assess();
    assert_eq!(a.scoring.level2_confirmed.status, Level2Status::Final);
    assert!(a.scoring.level1.met_confirmed);
    assert_eq!(a.scoring.sprs.ssp, SspState::Confirmed);
    assert_eq!((a.scoring.sprs.max, a.scoring.sprs.min), (110, -203));
}

#[test]
fn a_five_point_gap_blocks_the_conditional_status() {
    // 3.1.1 is worth 5: 110 - 5 = 105 >= 88, but a 5-point item may not sit on a POA&M, so not
    // eligible; 3.1.1 is also FAR b.1.i, so Level 1 is not met.
    check(
        Case::all_met().with("3.1.1", Answer::NotMet),
        "sprs 105..105 exact | not-eligible | blocking 3.1.1 | poam - | L1 not met",
    );
}

#[test]
fn one_point_gap_and_non_fips_encryption_are_conditional() {
    // 3.1.3 (1 point, eligible) not met and 3.13.11 partial (encryption but not FIPS-validated,
    // 3 points, eligible in that state): 110 - 1 - 3 = 106 >= 88, both on the POA&M.
    check(
        Case::all_met()
            .with("3.1.3", Answer::NotMet)
            .with("3.13.11", Answer::Partial),
        "sprs 106..106 exact | conditional | blocking - | poam 3.1.3 3.13.11 | L1 met",
    );
}

#[test]
fn no_encryption_at_all_blocks() {
    // 3.13.11 not met loses the full 5: 105, and only its partial state may be on a POA&M.
    check(
        Case::all_met().with("3.13.11", Answer::NotMet),
        "sprs 105..105 exact | not-eligible | blocking 3.13.11 | poam - | L1 met",
    );
}

#[test]
fn partial_mfa_scores_3_but_never_goes_on_a_poam() {
    // 3.5.3 partial (MFA for remote and privileged users only) loses 3: 107. Unlike 3.13.11 it
    // may never be on a POA&M, partial or not.
    check(
        Case::all_met().with("3.5.3", Answer::Partial),
        "sprs 107..107 exact | not-eligible | blocking 3.5.3 | poam - | L1 met",
    );
    // Not met at all loses 5: 105.
    check(
        Case::all_met().with("3.5.3", Answer::NotMet),
        "sprs 105..105 exact | not-eligible | blocking 3.5.3 | poam - | L1 met",
    );
}

/// 32 CFR 170.24(c)(2)(i)(B)(4): partial credit only in the named state, which only the user can
/// say holds. ISO evidence alone (the analysed edge A.8.5 -> 3.5.3) suggests partial work but
/// scores 5 points off; answering "MFA for remote and privileged users only" scores 3.
#[test]
fn iso_evidence_alone_never_earns_partial_credit() {
    use crate::support::soa_of;
    let mut case = Case::all_met()
        .soa(soa_of(&[("A.8.5", "Implemented")]))
        .view(cmmc_readiness::engine::View::Analysed);
    case.input.direct.remove(&RequirementId::from("3.5.3"));
    let a = case.assess();
    let r = a.requirement(&RequirementId::from("3.5.3")).unwrap();
    assert_eq!(
        (r.status, r.basis, r.partial_credit),
        (Status::Partial, Basis::IsoEvidence, false)
    );
    assert_eq!(a.scoring.sprs.high, Some(105));
    let a = case.with("3.5.3", Answer::Partial).assess();
    assert_eq!(a.scoring.sprs.high, Some(107));
    assert_eq!(a.scoring.sprs.low, Some(107));
}

/// 32 CFR 170.24(b)(1)(i), (b)(1)(ii) and (c)(2)(i)(B)(8): an enduring exception described in the
/// SSP, a temporary deficiency with an operational plan of action, and a DoD CIO variance
/// included in the SSP are assessed MET; each is MET only with that record, so without it the
/// requirement counts as NOT MET until it is written. N/A is assessed by the assessor and counted
/// as MET, with a reminder to write the justification. Work still in progress is NOT MET whether
/// or not it is on a POA&M (170.24(c)(2)(i)(B)(6)).
#[test]
fn the_routes_assessed_as_met_and_in_progress_work() {
    for answer in [
        Answer::EnduringException,
        Answer::TemporaryDeficiency,
        Answer::Variance,
    ] {
        // Without its record: NOT MET at 5 points, and the explanation says what to write.
        let a = Case::all_met().with("3.1.1", answer).assess();
        assert_eq!(a.scoring.sprs.high, Some(105), "{answer:?}");
        let r = a.requirement(&RequirementId::from("3.1.1")).unwrap();
        assert_eq!(r.status, Status::NotMet, "{answer:?}");
        assert!(
            r.explanation
                .contains("until that is written, the requirement counts as NOT MET"),
            "{answer:?}: {}",
            r.explanation
        );
        // With it: MET, a Final status.
        let a = Case::all_met()
            .with_note("3.1.1", answer, "Described in SSP section 4.2")
            .assess();
        assert_eq!(a.scoring.sprs.high, Some(110), "{answer:?}");
        assert_eq!(a.scoring.level2.status, Level2Status::Final, "{answer:?}");
        let r = a.requirement(&RequirementId::from("3.1.1")).unwrap();
        assert_eq!(r.status, Status::Met, "{answer:?}");
        assert!(!r.explanation.contains("Write its record"));
        assert!(!r.explanation.contains("NOT MET"));
        assert_eq!(
            r.answer.as_ref().map(|d| d.note.as_str()),
            Some("Described in SSP section 4.2")
        );
    }
    // N/A without its justification: counted as met, with the reminder.
    let a = Case::all_met()
        .with("3.1.1", Answer::NotApplicable)
        .assess();
    assert_eq!(a.scoring.sprs.high, Some(110));
    assert_eq!(a.scoring.level2.status, Level2Status::Final);
    let r = a.requirement(&RequirementId::from("3.1.1")).unwrap();
    assert!(
        r.explanation.contains("Write its record"),
        "{}",
        r.explanation
    );
    // In progress on a 5-point requirement: not met, 5 points, blocks the Conditional status.
    check(
        Case::all_met().with("3.1.1", Answer::Partial),
        "sprs 105..105 exact | not-eligible | blocking 3.1.1 | poam - | L1 not met",
    );
}

#[test]
fn excluded_one_point_items_block() {
    // 3.1.20 is worth 1 (109) but is on the 170.21(a)(2)(iii) exclusion list; it is also FAR
    // b.1.iii, so Level 1 fails as well.
    check(
        Case::all_met().with("3.1.20", Answer::NotMet),
        "sprs 109..109 exact | not-eligible | blocking 3.1.20 | poam - | L1 not met",
    );
    for id in ["3.1.22", "3.10.3", "3.10.4", "3.10.5"] {
        check(
            Case::all_met().with(id, Answer::NotMet),
            &format!("sprs 109..109 exact | not-eligible | blocking {id} | poam - | L1 not met"),
        );
    }
    let a = Case::all_met().with("3.1.20", Answer::NotMet).assess();
    assert!(
        a.scoring.level2.blocking[0]
            .reason
            .contains("170.21(a)(2)(iii)"),
        "{:?}",
        a.scoring.level2.blocking
    );
    // Counted in words: one, then two.
    assert_eq!(
        a.scoring.level2.summary,
        "Score 109 reaches 88, but 1 open requirement may not go on a POA&M."
    );
    let a = Case::all_met()
        .with_all(&["3.1.20", "3.1.22"], Answer::NotMet)
        .assess();
    assert!(
        a.scoring
            .level2
            .summary
            .ends_with("but 2 open requirements may not go on a POA&M."),
        "{}",
        a.scoring.level2.summary
    );
}

#[test]
fn not_applicable_counts_as_met() {
    // 170.24(b)(3): N/A loses nothing and needs no POA&M, so still 110 and Final.
    check(
        Case::all_met()
            .with("3.1.1", Answer::NotApplicable)
            .with("3.1.3", Answer::NotApplicable)
            .with("3.13.11", Answer::NotApplicable),
        "sprs 110..110 exact | final | blocking - | poam - | L1 met",
    );
}

#[test]
fn no_ssp_means_no_score() {
    // 3.12.4 has no point value; without it there is no score and no status.
    check(
        Case::all_met().with("3.12.4", Answer::NotMet),
        "sprs none..none exact | no-ssp | blocking 3.12.4 | poam - | L1 met",
    );
    let a = Case::all_met().with("3.12.4", Answer::NotMet).assess();
    assert_eq!(a.scoring.sprs.ssp, SspState::Missing);
    assert_eq!(a.scoring.level2.score, None);
    assert_eq!(a.scoring.level2_confirmed.status, Level2Status::NoSsp);
}

/// 3.12.4 is met only by an SSP that exists (32 CFR 170.24(c)(2)(i)(B)(5)): not applicable, an
/// enduring exception, a temporary deficiency or a variance, each with its record, and every
/// objective not applicable, all count as NOT MET, so there is no score (the assessor's review,
/// 2026-12-07: each had given 110 and Final).
#[test]
fn nothing_stands_in_for_the_ssp() {
    for answer in [
        Answer::NotApplicable,
        Answer::EnduringException,
        Answer::TemporaryDeficiency,
        Answer::Variance,
    ] {
        let case = Case::all_met().with_note("3.12.4", answer, "Described in SSP section 1");
        check(
            case.clone(),
            "sprs none..none exact | no-ssp | blocking 3.12.4 | poam - | L1 met",
        );
        let a = case.assess();
        let r = a.requirement(&RequirementId::from("3.12.4")).unwrap();
        assert_eq!(
            (r.status, r.basis),
            (Status::NotMet, Basis::Answered),
            "{answer:?}"
        );
        assert!(
            r.explanation.contains("170.24(c)(2)(i)(B)(5)"),
            "{}",
            r.explanation
        );
    }
    let mut case = Case::all_met();
    for letter in 'a'..='h' {
        case = case.objective_with_note(
            &format!("3.12.4[{letter}]"),
            ObjectiveStatus::NotApplicable,
            "No system",
        );
    }
    let a = case.assess();
    let r = a.requirement(&RequirementId::from("3.12.4")).unwrap();
    assert_eq!((r.status, r.basis), (Status::NotMet, Basis::Objectives));
    assert!(
        r.explanation.contains("cannot be not applicable"),
        "{}",
        r.explanation
    );
    assert_eq!(a.scoring.level2.status, Level2Status::NoSsp);
    // Met stays met, and another requirement's N/A still counts as met.
    check(
        Case::all_met().with_note("3.1.12", Answer::NotApplicable, "No remote access"),
        "sprs 110..110 exact | final | blocking - | poam - | L1 met",
    );
}

#[test]
fn the_88_threshold_is_inclusive() {
    // 23 eligible one-point items open: 110 - 23 = 87 < 88, not eligible although every item
    // could sit on a POA&M.
    let (first_23, first_22) = (&ELIGIBLE_ONE_POINT[..23], &ELIGIBLE_ONE_POINT[..22]);
    let a = Case::all_met().with_all(first_23, Answer::NotMet).assess();
    assert_eq!(a.scoring.sprs.high, Some(87));
    assert_eq!(a.scoring.level2.status, Level2Status::NotEligible);
    assert!(a.scoring.level2.blocking.is_empty());
    assert_eq!(a.scoring.level2.poam.len(), 23);
    assert!(a.scoring.level2.summary.contains("below 88"));

    // 22 open: 110 - 22 = 88 = 0.8 x 110, exactly the minimum: Conditional.
    let a = Case::all_met().with_all(first_22, Answer::NotMet).assess();
    assert_eq!(a.scoring.sprs.high, Some(88));
    assert_eq!(a.scoring.level2.status, Level2Status::Conditional);
    let poam: Vec<String> = a
        .scoring
        .level2
        .poam
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(poam, first_22);
}

#[test]
fn all_46_eligible_items_open_is_64() {
    // 110 - 46 = 64: the POA&M could hold them all, but the score is far below 88.
    let a = Case::all_met()
        .with_all(&ELIGIBLE_ONE_POINT, Answer::NotMet)
        .assess();
    assert_eq!(a.scoring.sprs.high, Some(64));
    assert_eq!(a.scoring.level2.poam.len(), 46);
    assert!(a.scoring.level2.blocking.is_empty());
    assert_eq!(a.scoring.level2.status, Level2Status::NotEligible);
}

#[test]
fn everything_not_met_is_the_minimum() {
    // 44 x 5 + 14 x 3 + 51 x 1 = 220 + 42 + 51 = 313 lost: 110 - 313 = -203. 3.12.4 is answered
    // met so there is a score; 3.5.3 and 3.13.11 not met lose the full 5.
    let a = Case::all(Answer::NotMet)
        .with("3.12.4", Answer::Met)
        .assess();
    assert_eq!(a.scoring.sprs.low, Some(-203));
    assert_eq!(a.scoring.sprs.high, Some(-203));
    assert_eq!(a.scoring.sprs.min, -203);
    assert!(a.scoring.sprs.exact);
    assert_eq!(a.scoring.level2.status, Level2Status::NotEligible);
    // Blocking: 44 five-point + 14 three-point + 5 excluded one-point = 63; POA&M: 46.
    assert_eq!(a.scoring.level2.blocking.len(), 63);
    assert_eq!(a.scoring.level2.poam.len(), 46);
    assert_eq!(a.scoring.level1.unmet.len(), 15);
}

#[test]
fn an_soa_alone_gives_a_range_that_answers_close() {
    // Counting only confirmed answers, nothing is met: the low end is the minimum. The high end
    // also counts what ISO evidence suggests.
    let case = Case::new().soa(crate::support::fixture("iso2022_full.csv"));
    let a = case.assess();
    let (low, high) = (a.scoring.sprs.low.unwrap(), a.scoring.sprs.high.unwrap());
    assert!(!a.scoring.sprs.exact);
    assert!(low < high, "{low} < {high}");
    assert_eq!(low, -203);
    assert_eq!(a.scoring.sprs.ssp, SspState::Unconfirmed);

    // Answering every requirement (here: all met, over the same SoA) closes the range.
    let mut answered = Case::all_met();
    answered.input.soa = case.input.soa.clone();
    let a = answered.assess();
    assert!(a.scoring.sprs.exact);
    assert_eq!(a.scoring.sprs.low, a.scoring.sprs.high);
    assert_eq!(a.scoring.sprs.low, Some(110));
    assert!(a.fully_answered());
}

#[test]
fn the_ssp_question_decides_3_12_4() {
    let yes = Answers {
        has_ssp: Some(true),
        ..Answers::default()
    };
    let no = Answers {
        has_ssp: Some(false),
        ..Answers::default()
    };
    let id = RequirementId::from("3.12.4");

    // All other 109 answered met, 3.12.4 left to the questionnaire.
    let mut case = Case::all_met();
    case.input.direct.remove(&id);
    let a = case.clone().answers(yes.clone()).assess();
    let r = a.requirement(&id).unwrap();
    assert_eq!((r.status, r.basis), (Status::Met, Basis::Questionnaire));
    assert_eq!(a.scoring.sprs.ssp, SspState::Confirmed);
    assert_eq!(a.scoring.level2.status, Level2Status::Final);
    assert!(a.scoring.sprs.exact, "a questionnaire answer is an answer");

    let a = case.clone().answers(no).assess();
    let r = a.requirement(&id).unwrap();
    assert_eq!((r.status, r.basis), (Status::NotMet, Basis::Questionnaire));
    assert_eq!(a.scoring.sprs.ssp, SspState::Missing);
    assert_eq!((a.scoring.sprs.low, a.scoring.sprs.high), (None, None));
    assert_eq!(a.scoring.level2.status, Level2Status::NoSsp);

    // Unanswered: the score assumes an SSP will exist.
    let a = case.clone().assess();
    assert_eq!(a.scoring.sprs.ssp, SspState::Unconfirmed);
    assert_eq!(a.scoring.sprs.high, Some(110));

    // A direct answer wins over the questionnaire.
    let a = case.with("3.12.4", Answer::NotMet).answers(yes).assess();
    let r = a.requirement(&id).unwrap();
    assert_eq!((r.status, r.basis), (Status::NotMet, Basis::Answered));
}

/// The 24 Level 3 ids, split into the 7 that may never be on a Level 3 POA&M and the 17 others.
fn level3_ids() -> (Vec<String>, Vec<String>) {
    let c = Catalog::builtin();
    let never: Vec<String> = c
        .level3
        .iter()
        .filter(|l| l.poam == Level3Poam::Never)
        .map(|l| l.id.clone())
        .collect();
    let others: Vec<String> = c
        .level3
        .iter()
        .filter(|l| l.poam != Level3Poam::Never)
        .map(|l| l.id.clone())
        .collect();
    (never, others)
}

#[test]
fn level_3_statuses() {
    let (never, others) = level3_ids();
    // 170.21(a)(3)(ii), written out by hand.
    let mut expected_never = vec![
        "IR.L3-3.6.1e",
        "IR.L3-3.6.2e",
        "RA.L3-3.11.1e",
        "RA.L3-3.11.4e",
        "RA.L3-3.11.6e",
        "RA.L3-3.11.7e",
        "SI.L3-3.14.3e",
    ];
    expected_never.sort_unstable();
    let mut got_never: Vec<&str> = never.iter().map(String::as_str).collect();
    got_never.sort_unstable();
    assert_eq!(got_never, expected_never);
    assert_eq!(others.len(), 17);

    // The prerequisite as the user reports it: a held, current Final Level 2 (C3PAO).
    let certified = Answers {
        current_status: Some(HeldStatus::L2C3paoFinal),
        status_date: Some(crate::support::date("2026-06-01")),
        ..Answers::default()
    };
    let level3 = |met: &[&String], unmet: &[&String]| {
        let mut case = Case::all_met().answers(certified.clone());
        case.input.level3 = met
            .iter()
            .map(|id| ((*id).clone(), true))
            .chain(unmet.iter().map(|id| ((*id).clone(), false)))
            .collect();
        case
    };
    let all: Vec<&String> = never.iter().chain(&others).collect();

    // Nothing answered: not assessed.
    let a = Case::all_met().answers(certified.clone()).assess();
    assert_eq!(a.scoring.level3.status, Level3Status::NotAssessed);

    // 24 of 24 met with the Final Level 2 (C3PAO) held: Final Level 3.
    let a = level3(&all, &[]).assess();
    assert_eq!(a.scoring.level3.status, Level3Status::Final);
    assert_eq!((a.scoring.level3.met, a.scoring.level3.total), (24, 24));
    assert!(a.scoring.level3.prerequisite_met);
    assert_eq!(a.scoring.level3.requirements.len(), 24);

    // 20 met (20/24 = 83% >= 80%), the 7 excluded among them, 4 eligible ones open: Conditional.
    let (met, unmet) = all.split_at(20);
    assert!(unmet.iter().all(|id| !never.contains(id)));
    let a = level3(met, unmet).assess();
    assert_eq!(a.scoring.level3.status, Level3Status::Conditional);
    assert_eq!(a.scoring.level3.met, 20);
    assert!(a.scoring.level3.blocking.is_empty());
    assert_eq!(a.scoring.level3.poam.len(), 4);

    // 19 met (79% < 80%), all open ones eligible: not eligible.
    let (met, unmet) = all.split_at(19);
    let a = level3(met, unmet).assess();
    assert_eq!(a.scoring.level3.status, Level3Status::NotEligible);

    // 20 met but one of the 7 excluded is open: not eligible, and it is named.
    let mut met: Vec<&String> = all[1..].to_vec();
    met.truncate(20);
    let unmet: Vec<&String> = all.iter().filter(|id| !met.contains(id)).copied().collect();
    assert!(unmet.contains(&&never[0]));
    let a = level3(&met, &unmet).assess();
    assert_eq!(a.scoring.level3.met, 20);
    assert_eq!(a.scoring.level3.status, Level3Status::NotEligible);
    assert_eq!(a.scoring.level3.blocking, vec![never[0].clone()]);

    // 32 CFR 170.18(a): a self-answered 110 is not the Final Level 2 (C3PAO) status. Without the
    // held status there is no Level 3 status of any kind, however many are met.
    let mut case = level3(&all, &[]);
    case.input.answers = Answers::default();
    let a = case.assess();
    assert_eq!(a.scoring.level2.status, Level2Status::Final);
    assert!(!a.scoring.level3.prerequisite_met);
    assert_eq!(a.scoring.level3.status, Level3Status::NoPrerequisite);
    // A held Final Level 2 (C3PAO) that has expired on the date does not count either.
    case.input.answers = Answers {
        status_date: Some(crate::support::date("2023-06-01")),
        ..certified.clone()
    };
    assert_eq!(
        case.assess().scoring.level3.status,
        Level3Status::NoPrerequisite
    );
    // A Final Level 2 (Self) is not the prerequisite.
    case.input.answers = Answers {
        current_status: Some(HeldStatus::L2SelfFinal),
        ..certified
    };
    assert!(!case.assess().scoring.level3.prerequisite_met);
}

/// CUI in a cloud without FedRAMP Moderate authorization or equivalency (or not sure) does not
/// meet DFARS 252.204-7012(b)(2)(ii)(D): a status the requirements give is said to wait on it,
/// in the status text and both summaries, and the timeline says the move is not in its months.
/// (The assessor's review, 2026-12-07: all 110 met beside a commercial cloud read "Final Level
/// 2" with the warning elsewhere.) A status that does not pass says nothing more.
#[test]
fn a_commercial_cloud_holds_a_passing_status_back() {
    use cmmc_readiness::engine::{CostAssumptions, CuiStorage, CLOUD_CAVEAT};
    let answers = |storage| Answers {
        handles_cui: Some(true),
        solicitation: cmmc_readiness::engine::Solicitation::L2C3pao,
        has_ssp: Some(true),
        cui_storage: Some(storage),
        ..Answers::default()
    };
    let case = Case::all_met().answers(answers(CuiStorage::CommercialCloud));
    let (a, e) = case.estimate(&CostAssumptions::default());
    let reading = a.scoring.level2_reading();
    assert_eq!(reading.confirmed, Level2Status::Final);
    assert!(reading.cloud_holds_it_back());
    assert_eq!(reading.text(), format!("Final Level 2, but {CLOUD_CAVEAT}"));
    assert!(a
        .scoring
        .level2
        .summary
        .ends_with(&format!("{CLOUD_CAVEAT}.")));
    assert!(a.scoring.level2_confirmed.summary.contains(CLOUD_CAVEAT));
    assert!(
        e.timeline_basis
            .iter()
            .any(|b| b.starts_with("Moving CUI to a FedRAMP Moderate cloud is priced")),
        "{:?}",
        e.timeline_basis
    );

    let case = Case::all_met().answers(answers(CuiStorage::FedrampModerate));
    let (a, e) = case.estimate(&CostAssumptions::default());
    assert!(!a.scoring.level2_reading().cloud_holds_it_back());
    assert_eq!(a.scoring.level2_reading().text(), "Final Level 2");
    assert!(!e.timeline_basis.iter().any(|b| b.contains("FedRAMP")));

    let case = Case::all_met()
        .with("3.1.1", Answer::NotMet)
        .answers(answers(CuiStorage::CommercialCloud));
    let a = case.assess();
    assert_eq!(a.scoring.level2.status, Level2Status::NotEligible);
    assert!(!a.scoring.level2_reading().cloud_holds_it_back());
    assert!(!a.scoring.level2.summary.contains(CLOUD_CAVEAT));
}
