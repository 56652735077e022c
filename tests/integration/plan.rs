//! Planning: the remediation paths to 88 and 110, DoD's assessment fees, the cost lines and the
//! timeline, with worked examples computed by hand.

use crate::support::{fixture, typical_answers, Case, ELIGIBLE_ONE_POINT};
use cmmc_readiness::engine::{
    assessment_fee, remediation_table, Answer, Answers, AssessmentType, Catalog, ContractRole,
    CostAssumptions, CuiStorage, Estimate, HeldStatus, Level, Period, Range, Scope, Solicitation,
    View,
};

/// A prime handling CUI under a Level 2 (C3PAO) solicitation, size unanswered.
fn l2() -> Answers {
    Answers {
        handles_fci: Some(true),
        handles_cui: Some(true),
        solicitation: Solicitation::L2C3pao,
        ..Answers::default()
    }
}

/// The path's requirement ids in order.
fn ids(path: &cmmc_readiness::engine::Path) -> Vec<String> {
    path.steps.iter().map(|s| s.id.to_string()).collect()
}

fn line<'a>(e: &'a Estimate, label: &str) -> Option<&'a cmmc_readiness::engine::CostLine> {
    e.lines.iter().find(|l| l.label.starts_with(label))
}

#[test]
fn every_requirement_has_a_remediation_row() {
    // The paths skip a requirement without a planning row, so a missing row would silently drop
    // a gap from the plan.
    let table = remediation_table();
    // The 110 SP 800-171 requirements and the 24 Level 3 (SP 800-172) requirements.
    assert_eq!(table.len(), 134);
    for l in &Catalog::builtin().level3 {
        assert!(
            table.iter().any(|m| m.id.as_str() == l.nist_id),
            "{} has no row",
            l.id
        );
    }
    for r in &Catalog::builtin().requirements {
        let row = table.iter().find(|m| m.id == r.id);
        let row = row.unwrap_or_else(|| panic!("{} has no remediation row", r.id));
        assert!(row.effort_days_low <= row.effort_days_high, "{}", r.id);
        assert!(row.effort_days_low > 0.0, "{}", r.id);
    }
}

/// The table is read by hand (no serde in the wasm); here serde's reading of the same file, as
/// the engine did before, must give the same rows, field for field, none left out.
#[test]
fn the_remediation_table_reads_as_serde_reads_it() {
    #[derive(serde::Deserialize)]
    struct Row {
        id: String,
        work_kind: String,
        effort_days_low: f64,
        effort_days_high: f64,
        scales_with: Option<String>,
        rationale: String,
    }
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/remediation.csv"))
            .expect("data/remediation.csv");
    let rows: Vec<Row> = csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .expect("every row reads");
    let table = remediation_table();
    assert_eq!(table.len(), rows.len());
    for (row, read) in rows.iter().zip(table) {
        let json = serde_json::to_value(read).expect("serialises");
        assert_eq!(read.id.as_str(), row.id);
        assert_eq!(json["work_kind"], row.work_kind.as_str(), "{}", row.id);
        assert_eq!(
            read.effort_days_low.to_bits(),
            row.effort_days_low.to_bits()
        );
        assert_eq!(
            read.effort_days_high.to_bits(),
            row.effort_days_high.to_bits()
        );
        assert_eq!(
            json["scales_with"].as_str(),
            row.scales_with.as_deref(),
            "{}",
            row.id
        );
        assert_eq!(read.rationale, row.rationale);
    }
}

/// All met except 3.1.1 (5 points, never on a POA&M), 3.5.3 (5 points, never) and the first 25
/// eligible one-point items: 110 - 5 - 5 - 25 = 75.
fn seventy_five() -> Case {
    Case::all_met()
        .answers(l2())
        .with("3.1.1", Answer::NotMet)
        .with("3.5.3", Answer::NotMet)
        .with_all(&ELIGIBLE_ONE_POINT[..25], Answer::NotMet)
}

#[test]
fn the_path_to_88_closes_never_poam_items_first() {
    let (a, e) = seventy_five().estimate(&CostAssumptions::default());
    assert_eq!(a.scoring.sprs.high, Some(75));
    let p = &e.path_to_88;
    // Closing 3.1.1 and 3.5.3 first: 75 + 10 = 85; then three 1-point items: 88. Five steps.
    let path = ids(p);
    assert_eq!(path.len(), 5, "{path:?}");
    let mut first_two = path[..2].to_vec();
    first_two.sort();
    assert_eq!(first_two, ["3.1.1", "3.5.3"]);
    assert!(p.steps[..2].iter().all(|s| s.required && s.points == 5));
    assert!(p.steps[2..].iter().all(|s| !s.required && s.points == 1));
    let scores: Vec<i32> = p.steps.iter().map(|s| s.score_after).collect();
    assert_eq!(scores, [80, 85, 86, 87, 88]);
    assert!(p.reachable);
    assert_eq!(p.target, 88);
    // The remaining 22 open items are all POA&M-eligible.
    let sum = p.steps.iter().fold(Range::default(), |r, s| Range {
        low: r.low + s.effort_days.low,
        high: r.high + s.effort_days.high,
    });
    assert_eq!(sum, p.effort_days);
}

#[test]
fn a_blocker_is_required_even_above_88() {
    // 3.1.20 and 3.1.3 not met: 110 - 1 - 1 = 108, already above 88, but 3.1.20 may not sit
    // on a POA&M, so the path to a Conditional status still closes it (one step, to 109) and
    // leaves 3.1.3 on the POA&M.
    let (_, e) = Case::all_met()
        .answers(l2())
        .with("3.1.20", Answer::NotMet)
        .with("3.1.3", Answer::NotMet)
        .estimate(&CostAssumptions::default());
    assert_eq!(ids(&e.path_to_88), ["3.1.20"]);
    assert!(e.path_to_88.steps[0].required);
    assert_eq!(e.path_to_88.steps[0].score_after, 109);
    // To 110 both go.
    assert_eq!(e.path_to_110.steps.len(), 2);
    assert_eq!(e.path_to_110.steps.last().map(|s| s.score_after), Some(110));
}

#[test]
fn the_path_to_110_closes_every_gap() {
    let (_, e) = seventy_five().estimate(&CostAssumptions::default());
    let p = &e.path_to_110;
    assert_eq!(p.steps.len(), 27);
    assert_eq!(p.steps.last().map(|s| s.score_after), Some(110));
    assert!(p.reachable);
    // Ordered by points per day of effort, so the score never goes down.
    assert!(p
        .steps
        .windows(2)
        .all(|w| w[0].score_after <= w[1].score_after));

    // Also from the SoA alone (unknowns count as not met): every open item closes to 110.
    let (a, e) = Case::new()
        .answers(typical_answers())
        .soa(fixture("iso2022_full.csv"))
        .estimate(&CostAssumptions::default());
    assert_eq!(e.path_to_110.steps.last().map(|s| s.score_after), Some(110));
    let open = a
        .requirements
        .iter()
        .filter(|r| !r.status.is_satisfied())
        .count();
    // 3.12.4 is answered by the SSP question and not open; every other open one is a step.
    assert_eq!(e.path_to_110.steps.len(), open);

    // Nothing open: no steps, already there.
    let (_, e) = Case::all_met()
        .answers(l2())
        .estimate(&CostAssumptions::default());
    assert!(e.path_to_110.steps.is_empty() && e.path_to_110.reachable);
    assert!(e.path_to_88.steps.is_empty() && e.path_to_88.reachable);

    // No SSP, no score: no path.
    let (_, e) = Case::all_met()
        .answers(l2())
        .with("3.12.4", Answer::NotMet)
        .estimate(&CostAssumptions::default());
    assert!(!e.path_to_110.reachable && !e.path_to_88.reachable);
}

#[test]
fn assessment_fees_are_dods_figures() {
    use AssessmentType::{C3pao, Dibcac, SelfAssessment};
    let fee = |level, kind, small| assessment_fee(level, Some(kind), Some(small)).usd;
    // 32 CFR 170 final rule, regulatory impact analysis.
    assert_eq!(fee(Level::L2, C3pao, true), Some(104_670));
    assert_eq!(fee(Level::L2, SelfAssessment, true), Some(37_196));
    // The small-entity figure is no floor: Level 1 costs a small entity more.
    assert_eq!(fee(Level::L1, SelfAssessment, true), Some(5_977));
    assert_eq!(fee(Level::L1, SelfAssessment, false), Some(4_042));
    assert_eq!(
        assessment_fee(Level::L1, None, Some(true)).period,
        "per year"
    );
    // Not published in our sources: None, and the note says so.
    for (level, kind, small) in [
        (Level::L2, C3pao, false),
        (Level::L2, SelfAssessment, false),
        (Level::L3, Dibcac, true),
        (Level::L3, Dibcac, false),
    ] {
        let f = assessment_fee(level, Some(kind), Some(small));
        assert_eq!(f.usd, None, "{level:?} {kind:?} {small}");
        assert!(
            f.note.contains("not published in our sources"),
            "{}",
            f.note
        );
    }
    // Size unknown: the small-entity figure, saying it was assumed.
    let f = assessment_fee(Level::L2, Some(C3pao), None);
    assert_eq!(f.usd, Some(104_670));
    assert!(f.note.contains("assumed"), "{}", f.note);
    assert!(f.source.contains("89 FR 83092"));
}

#[test]
fn an_unpublished_fee_is_left_out_of_the_total_not_replaced() {
    // Other than small, Level 2 (C3PAO): DoD's figure is not in our sources. The old rule put
    // the small-entity $104,670 in as a "floor"; the total now leaves it out and says so.
    let mut answers = typical_answers();
    answers.small_business = Some(false);
    let (_, e) = Case::all_met()
        .answers(answers)
        .estimate(&CostAssumptions::default());
    assert_eq!(e.assessment.usd, None);
    assert!(
        e.notes
            .iter()
            .any(|n| n.contains("not published in our sources")),
        "{:?}",
        e.notes
    );
    // All met: only the cloud move and its licences remain.
    let expected = e.one_time_usd.low + 3.0 * e.annual_usd.low;
    assert!((e.total_usd.low - expected).abs() < 1e-6);
}

#[test]
fn cui_in_a_commercial_cloud_adds_a_fedramp_migration() {
    // 25 CUI users: migration $15,000-$60,000 once, plus $150-$400 a user a year:
    // $3,750-$10,000 a year.
    let (_, e) = Case::all_met()
        .answers(typical_answers())
        .estimate(&CostAssumptions::default());
    let cloud = line(&e, "Move CUI to a FedRAMP Moderate cloud").expect("cloud line");
    assert_eq!(cloud.usd, Range::new(15_000.0, 60_000.0));
    assert_eq!(cloud.period, Period::OneOff);
    assert!(cloud.basis.contains("252.204-7012"));
    let licences = line(&e, "FedRAMP Moderate cloud licences").expect("licence line");
    assert_eq!(licences.usd, Range::new(3_750.0, 10_000.0));
    assert_eq!(licences.period, Period::PerYear);
    // The first three years: 15,000 + 3 x 3,750 + 104,670 = 130,920 to
    // 60,000 + 3 x 10,000 + 104,670 = 194,670.
    assert_eq!(e.one_time_usd, Range::new(15_000.0, 60_000.0));
    assert_eq!(e.annual_usd, Range::new(3_750.0, 10_000.0));
    assert_eq!(e.total_usd, Range::new(130_920.0, 194_670.0));

    for storage in [CuiStorage::FedrampModerate, CuiStorage::OnPremises] {
        let mut answers = typical_answers();
        answers.cui_storage = Some(storage);
        let (_, e) = Case::all_met()
            .answers(answers)
            .estimate(&CostAssumptions::default());
        assert!(line(&e, "Move CUI").is_none(), "{storage:?}");
    }
}

/// The FCI-only machine shop (FAR 52.204-21, Level 1): only the 15 FAR requirements are priced,
/// through their 17 SP 800-171 counterparts, each once, with the Level 1 fee. Every counterpart
/// met but 3.14.2 (malware protection), 12 endpoints, a small business:
/// work 10-20 person-days at $800-$1,400 = $8,000-$28,000 once; EDR on 12 endpoints at $30-$120
/// a year = $360-$1,440 a year; the Level 1 self-assessment and affirmation $5,977 a year.
/// First three years: 8,000 + 3 x 360 + 3 x 5,977 = $27,011 to 28,000 + 3 x 1,440 + 3 x 5,977
/// = $50,251.
#[test]
fn level_1_prices_only_the_15_far_requirements() {
    let shop = Answers {
        handles_fci: Some(true),
        handles_cui: Some(false),
        solicitation: Solicitation::L1Self,
        small_business: Some(true),
        employees: Some(12),
        cui_endpoints: Some(12),
        ..Answers::default()
    };
    let counterparts = [
        "3.1.1", "3.1.2", "3.1.20", "3.1.22", "3.5.1", "3.5.2", "3.8.3", "3.10.1", "3.10.3",
        "3.10.4", "3.10.5", "3.13.1", "3.13.5", "3.14.1", "3.14.4", "3.14.5",
    ];
    let (_, e) = Case::new()
        .answers(shop.clone())
        .with_all(&counterparts, Answer::Met)
        .with("3.14.2", Answer::NotMet)
        .estimate(&CostAssumptions::default());
    assert_eq!(e.scope, Scope::Level1);
    assert_eq!(e.requirements_in_scope, 15);
    assert_eq!(e.assessments.len(), 1);
    assert_eq!(e.assessments[0].usd, Some(5_977));
    assert_eq!(e.assessments[0].period, "per year");
    assert_eq!(
        line(&e, "Remediation work").map(|l| l.usd),
        Some(Range::new(8_000.0, 28_000.0))
    );
    // Counted in SP 800-171 requirements, and said so beside the 15 FAR items.
    let basis = line(&e, "Remediation work").map(|l| l.basis.clone());
    assert!(
        basis.as_deref().is_some_and(
            |b| b.starts_with("1 open SP 800-171 requirement behind the FAR 52.204-21 items,")
        ),
        "{basis:?}"
    );
    assert_eq!(e.annual_usd, Range::new(360.0, 1_440.0));
    assert_eq!(e.total_usd, Range::new(27_011.0, 50_251.0));
    // No SPRS score at Level 1: no paths to 88 or 110.
    assert!(e.path_to_88.steps.is_empty() && e.path_to_110.steps.is_empty());

    // Everything met: nothing to schedule, said in words rather than "0-0 person-days", with
    // the months the timeline still holds (the self-assessment itself).
    let (_, e) = Case::new()
        .answers(shop.clone())
        .with_all(&counterparts, Answer::Met)
        .with("3.14.2", Answer::Met)
        .estimate(&CostAssumptions::default());
    assert_eq!(e.effort_days, Range::new(0.0, 0.0));
    assert!(
        e.timeline_basis.iter().any(
            |b| b == "No remediation work left to schedule: 0.5-1.0 months of self-assessment."
        ),
        "{:?}",
        e.timeline_basis
    );
    assert!(!e
        .timeline_basis
        .iter()
        .any(|b| b.contains("0-0 person-days")));

    // The old bug: a fully implemented ISO 27001:2022 SoA priced all 110 ($110,097-$494,727).
    let (_, e) = Case::new()
        .answers(shop)
        .soa(fixture("iso2022_full.csv"))
        .estimate(&CostAssumptions::default());
    assert_eq!(e.scope, Scope::Level1);
    assert!(e.total_usd.high < 60_000.0, "{:?}", e.total_usd);
}

/// Level 3: the 110, the 24 Level 3 requirements, the Level 2 (C3PAO) certification as a
/// prerequisite, and the Level 3 assessment, whose cost is not published in our sources, left
/// out of the total.
#[test]
fn level_3_adds_its_24_requirements_and_both_assessments() {
    let answers = Answers {
        small_business: Some(true),
        ..l2()
    };
    let answers = Answers {
        solicitation: Solicitation::L3Dibcac,
        ..answers
    };
    let (a, e) = Case::all_met()
        .answers(answers)
        .estimate(&CostAssumptions::default());
    assert_eq!(e.scope, Scope::Level3);
    assert_eq!(e.requirements_in_scope, 134);
    let roles: Vec<(&str, Option<u32>)> = e.assessments.iter().map(|f| (f.role, f.usd)).collect();
    assert_eq!(roles, [("prerequisite", Some(104_670)), ("required", None)]);
    assert!(e
        .notes
        .iter()
        .any(|n| n.starts_with("Level 3 (DIBCAC) assessment cost: not published")));
    // The 24 Level 3 requirements are unanswered, so all 24 are open work.
    assert_eq!(a.scoring.level3.answered, 0);
    let l3_days: f64 = Catalog::builtin()
        .level3
        .iter()
        .filter_map(|l| {
            remediation_table()
                .iter()
                .find(|m| m.id.as_str() == l.nist_id)
        })
        .map(|m| m.effort_days_low)
        .sum();
    assert!(l3_days > 0.0);
    assert!(
        (e.effort_days.low - l3_days).abs() < 1e-6,
        "{:?} vs {l3_days}",
        e.effort_days
    );
    // Two assessor lead times, one after the other.
    assert!(e.timeline_basis.iter().any(|b| b.contains("twice")));
    // The total is the prerequisite's fee plus the work; the Level 3 fee is not in it.
    let work = e.one_time_usd.low + 3.0 * e.annual_usd.low;
    assert!((e.total_usd.low - (work + 104_670.0)).abs() < 1e-6);
}

/// No level required yet (CUI, silent solicitation): the plan prices the planning level and
/// says so.
#[test]
fn a_silent_solicitation_prices_the_planning_level_labelled() {
    let answers = Answers {
        solicitation: Solicitation::None,
        role: Some(ContractRole::Prime),
        ..l2()
    };
    let (_, e) = Case::all_met()
        .answers(answers)
        .estimate(&CostAssumptions::default());
    assert!(e.planning);
    assert_eq!(e.scope, Scope::Level2);
    assert_eq!(e.assessments[0].role, "planning");
    assert!(e.notes[0].contains("planning level"), "{:?}", e.notes);

    // Neither FCI nor CUI: nothing to price.
    let none = Answers {
        handles_fci: Some(false),
        handles_cui: Some(false),
        ..Answers::default()
    };
    let (_, e) = Case::new()
        .answers(none)
        .estimate(&CostAssumptions::default());
    assert_eq!(e.scope, Scope::None);
    assert_eq!(e.total_usd, Range::default());
    assert!(e.lines.is_empty() && e.assessments.is_empty());
}

/// A held status is an answer like any other: it does not change the plan's scope.
#[test]
fn a_held_status_does_not_change_the_scope() {
    let answers = Answers {
        current_status: Some(HeldStatus::L2C3paoFinal),
        ..l2()
    };
    let (_, e) = Case::all_met()
        .answers(answers)
        .estimate(&CostAssumptions::default());
    assert_eq!(e.scope, Scope::Level2);
}

/// The typical ISO-certified small company: 40 people, 25 of them with CUI access, certified to
/// ISO/IEC 27001:2022 with every Annex A control implemented, CUI in a commercial cloud,
/// encryption not FIPS-validated, an SSP, heading for a Level 2 C3PAO certification; analysed
/// view, with a handful of requirements answered directly.
fn typical_company() -> Case {
    Case::new()
        .answers(typical_answers())
        .soa(fixture("iso2022_full.csv"))
        .view(View::Analysed)
        .with("3.1.1", Answer::Met)
        .with("3.1.2", Answer::Met)
        .with("3.5.3", Answer::Partial)
        .with("3.6.2", Answer::NotMet)
        .with("3.13.11", Answer::Partial)
}

#[test]
fn a_typical_iso_certified_small_company_is_months_not_years_away() {
    let (a, e) = typical_company().estimate(&CostAssumptions::default());
    println!(
        "typical company: SPRS {:?}..{:?}, Level 2 {:?}, effort {:.0}-{:.0} person-days, \
         timeline {:.1}-{:.1} months, total ${:.0}-${:.0}, fee {:?}",
        a.scoring.sprs.low,
        a.scoring.sprs.high,
        a.scoring.level2.status,
        e.effort_days.low,
        e.effort_days.high,
        e.timeline_months.low,
        e.timeline_months.high,
        e.total_usd.low,
        e.total_usd.high,
        e.assessment.usd
    );
    for l in &e.lines {
        println!(
            "  {}: ${:.0}-${:.0} ({})",
            l.label, l.usd.low, l.usd.high, l.basis
        );
    }
    for b in &e.timeline_basis {
        println!("  {b}");
    }
    assert_eq!(e.assessment.usd, Some(104_670));
    assert!(line(&e, "Move CUI").is_some());
    let t = e.timeline_months;
    assert!(t.low >= 3.0 && t.high <= 24.0, "{t:?}");
    assert!(t.low < t.high);
    // The fee is part of the total, and the remediation work is more than the fee's rounding.
    assert!(e.total_usd.low > 104_670.0);
    // The assessor lead time (3-9 months in Phase 2) is in the timeline.
    assert!(t.low >= 3.0 + e.effort_days.low / 20.0 - 1e-9);
}

#[test]
fn less_capacity_means_a_longer_wider_timeline() {
    let full = CostAssumptions::default();
    let quarter = CostAssumptions {
        capacity_days_per_month: full.capacity_days_per_month / 4.0,
        ..CostAssumptions::default()
    };
    let (_, fast) = typical_company().estimate(&full);
    let (_, slow) = typical_company().estimate(&quarter);
    let width = |r: Range| r.high - r.low;
    assert_eq!(fast.effort_days, slow.effort_days);
    assert!(slow.timeline_months.low > fast.timeline_months.low);
    assert!(slow.timeline_months.high > fast.timeline_months.high);
    assert!(width(slow.timeline_months) > width(fast.timeline_months));
    // Work months scale with 1 / capacity; the lead time (3-9 months) does not.
    let work = |e: &Estimate| e.timeline_months.high - 9.0;
    assert!((work(&slow) - 4.0 * work(&fast)).abs() < 1e-6);
}

/// A Level 1 firm is offered only the assumptions that can move its estimate: no FedRAMP cloud
/// (no CUI) and no assessor to book (a self-assessment). Levels 2 and 3 are offered all of them.
#[test]
fn level_1_is_offered_only_the_assumptions_that_apply() {
    use cmmc_readiness::engine::Assumption;
    let ids = |scope| {
        Assumption::ALL
            .iter()
            .filter(|a| a.applies(scope))
            .map(|a| a.describe().0)
            .collect::<Vec<_>>()
    };
    let level1 = ids(Scope::Level1);
    for gone in [
        "cloud_migration_usd-low",
        "cloud_uplift_usd_per_user_year-high",
        "assessor_lead_months-low",
    ] {
        assert!(!level1.contains(&gone), "{gone}");
    }
    assert!(level1.contains(&"day_rate_usd-low"));
    assert!(level1.contains(&"self_assessment_months-low"));
    assert_eq!(ids(Scope::Level2).len(), Assumption::ALL.len());
    assert_eq!(ids(Scope::Level3).len(), Assumption::ALL.len());
    assert!(ids(Scope::None).is_empty());
}
