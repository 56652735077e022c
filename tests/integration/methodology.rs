//! The worked example in METHODOLOGY.md (shown in the app) is computed by the engine, so the
//! document cannot drift from the code.

use crate::support::Case;
use cmmc_readiness::engine::{Answer, Level2Status, RequirementId};

const DOC: &str = include_str!("../../METHODOLOGY.md");

#[test]
fn the_worked_example_holds() {
    let case = Case::all_met()
        .with("3.5.3", Answer::Partial)
        .with("3.13.11", Answer::Partial)
        .with("3.1.3", Answer::NotMet)
        .with("3.8.9", Answer::NotMet);
    let a = case.assess();
    assert_eq!(a.scoring.sprs.low, Some(102));
    assert_eq!(a.scoring.sprs.high, Some(102));
    assert_eq!(a.scoring.level2.status, Level2Status::NotEligible);
    let blocking: Vec<&str> = a
        .scoring
        .level2
        .blocking
        .iter()
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(blocking, ["3.5.3"]);
    assert!(
        DOC.contains("110 - 8 = **102**"),
        "the document states the score"
    );
    assert!(DOC.contains("**not eligible** and 3.5.3 is the blocker"));

    let fixed = case.with("3.5.3", Answer::Met).assess();
    assert_eq!(fixed.scoring.sprs.high, Some(105));
    assert_eq!(fixed.scoring.level2.status, Level2Status::Conditional);
    let mut poam: Vec<RequirementId> = fixed.scoring.level2.poam.clone();
    poam.sort_by_key(RequirementId::sort_key);
    let poam: Vec<&str> = poam.iter().map(RequirementId::as_str).collect();
    assert_eq!(poam, ["3.1.3", "3.8.9", "3.13.11"]);
    assert!(DOC.contains("the score is 105"));
    assert!(DOC.contains("**Conditional Level 2**, with 180 days"));
}

#[test]
fn the_stated_coverage_and_minimum_hold() {
    let a = Case::new()
        .soa(crate::support::fixture("iso2022_full.csv"))
        .assess();
    assert_eq!(a.overall.strict.mapped, 74);
    assert_eq!(a.overall.strict.met + a.overall.strict.partial, 74);
    assert_eq!((a.overall.strict.met, a.overall.strict.partial), (59, 15));
    assert!(DOC.contains("covers 74 of the 110 requirements in this view (67%)"));
    assert!(DOC.contains("59 suggested met and 15 partial"));
    assert_eq!(a.overall.analysed.mapped, 107);
    assert!(DOC.contains("107 of the 110 requirements then have ISO evidence"));
    assert!(DOC.contains("The lowest possible score is -203."));
}
