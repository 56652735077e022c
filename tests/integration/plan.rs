//! Planning: the remediation paths to 88 and 110, DoD's assessment fees, the cost lines and the
//! timeline, with worked examples computed by hand.

use crate::support::{fixture, typical_answers, Case, ELIGIBLE_ONE_POINT};
use cmmc_readiness::engine::{
    assessment_fee, remediation_table, AssessmentType, Catalog, CostAssumptions, CuiStorage,
    Estimate, Level, Range, Status, View,
};

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
    assert_eq!(table.len(), 110);
    for r in &Catalog::builtin().requirements {
        let row = table.iter().find(|m| m.id == r.id);
        let row = row.unwrap_or_else(|| panic!("{} has no remediation row", r.id));
        assert!(row.effort_days_low <= row.effort_days_high, "{}", r.id);
        assert!(row.effort_days_low > 0.0, "{}", r.id);
    }
}

/// All met except 3.1.1 (5 points, never on a POA&M), 3.5.3 (5 points, never) and the first 25
/// eligible one-point items: 110 - 5 - 5 - 25 = 75.
fn seventy_five() -> Case {
    Case::all_met()
        .with("3.1.1", Status::NotMet)
        .with("3.5.3", Status::NotMet)
        .with_all(&ELIGIBLE_ONE_POINT[..25], Status::NotMet)
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
        .with("3.1.20", Status::NotMet)
        .with("3.1.3", Status::NotMet)
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
    let (_, e) = Case::all_met().estimate(&CostAssumptions::default());
    assert!(e.path_to_110.steps.is_empty() && e.path_to_110.reachable);
    assert!(e.path_to_88.steps.is_empty() && e.path_to_88.reachable);

    // No SSP, no score: no path.
    let (_, e) = Case::all_met()
        .with("3.12.4", Status::NotMet)
        .estimate(&CostAssumptions::default());
    assert!(!e.path_to_110.reachable && !e.path_to_88.reachable);
}

#[test]
fn assessment_fees_are_dods_figures() {
    use AssessmentType::{C3pao, Dibcac, SelfAssessment};
    let fee = |level, kind, small| assessment_fee(level, Some(kind), Some(small)).usd;
    // 32 CFR 170 final rule, regulatory impact analysis, small entities.
    assert_eq!(fee(Level::L2, C3pao, true), Some(104_670));
    assert_eq!(fee(Level::L2, SelfAssessment, true), Some(37_196));
    assert_eq!(fee(Level::L1, SelfAssessment, true), Some(5_977));
    assert_eq!(fee(Level::L1, SelfAssessment, false), Some(4_042));
    // Not published in our sources: None, and the note says so.
    for (level, kind, small) in [
        (Level::L2, C3pao, false),
        (Level::L2, SelfAssessment, false),
        (Level::L3, Dibcac, true),
    ] {
        let f = assessment_fee(level, Some(kind), Some(small));
        assert_eq!(f.usd, None, "{level:?} {kind:?} {small}");
        assert!(f.note.contains("not in our sources"), "{}", f.note);
        assert!(f.source.contains("89 FR 83092"));
    }
    // Size unknown: the small-entity figure.
    assert_eq!(
        assessment_fee(Level::L2, Some(C3pao), None).usd,
        Some(104_670)
    );
}

#[test]
fn the_estimate_carries_the_fee_and_a_floor_when_unpublished() {
    let (_, e) = Case::all_met()
        .answers(typical_answers())
        .estimate(&CostAssumptions::default());
    assert_eq!(e.assessment.usd, Some(104_670));
    let fee = line(&e, "Assessment").expect("fee line");
    assert_eq!(fee.usd, Range::new(104_670.0, 104_670.0));

    // Other than small: no published figure; the small-entity one is used as a floor, and the
    // line says so.
    let mut answers = typical_answers();
    answers.small_business = Some(false);
    let (_, e) = Case::all_met()
        .answers(answers)
        .estimate(&CostAssumptions::default());
    assert_eq!(e.assessment.usd, None);
    let fee = line(&e, "Assessment").expect("fee line");
    assert_eq!(fee.usd.low, 104_670.0);
    assert!(fee.basis.contains("floor"), "{}", fee.basis);
}

#[test]
fn cui_in_a_commercial_cloud_adds_a_fedramp_migration() {
    // 25 CUI users: migration $15,000-$60,000 plus $150-$400 a user a year:
    // 15,000 + 25 x 150 = 18,750 to 60,000 + 25 x 400 = 70,000.
    let (_, e) = Case::all_met()
        .answers(typical_answers())
        .estimate(&CostAssumptions::default());
    let cloud = line(&e, "Move CUI to a FedRAMP Moderate cloud").expect("cloud line");
    assert_eq!(cloud.usd, Range::new(18_750.0, 70_000.0));
    assert!(cloud.basis.contains("252.204-7012"));
    // All met, FedRAMP line and fee: 104,670 + 18,750 = 123,420 to 104,670 + 70,000 = 174,670.
    assert_eq!(e.total_usd, Range::new(123_420.0, 174_670.0));

    for storage in [CuiStorage::FedrampModerate, CuiStorage::OnPremises] {
        let mut answers = typical_answers();
        answers.cui_storage = Some(storage);
        let (_, e) = Case::all_met()
            .answers(answers)
            .estimate(&CostAssumptions::default());
        assert!(line(&e, "Move CUI").is_none(), "{storage:?}");
    }
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
        .with("3.1.1", Status::Met)
        .with("3.1.2", Status::Met)
        .with("3.5.3", Status::Partial)
        .with("3.6.2", Status::NotMet)
        .with("3.13.11", Status::Partial)
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
    assert!(t.low >= 3.0 && t.high <= 18.0, "{t:?}");
    assert!(t.low < t.high);
    // The fee is part of the total, and the remediation work is more than the fee's rounding.
    assert!(e.total_usd.low > 104_670.0);
    // The assessor lead time (1-3 months) is in the timeline.
    assert!(t.low >= 1.0 + e.effort_days.low / 20.0 - 1e-9);
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
    // Work months scale with 1 / capacity; the lead time (1-3 months) does not.
    let work = |e: &Estimate| e.timeline_months.high - 3.0;
    assert!((work(&slow) - 4.0 * work(&fast)).abs() < 1e-6);
}
