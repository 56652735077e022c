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

#[test]
fn the_solicitation_reading_rules_hold() {
    use cmmc_readiness::engine::{scan_solicitation, ScanLevel, Solicitation};
    assert!(DOC.contains("## Reading a solicitation"));
    // "never none": a text without 7025 or 7021 is not found.
    assert!(DOC.contains("it says the level was **not found**, never \"none\""));
    let r = scan_solicitation("DFARS 252.204-7012 Safeguarding Covered Defense Information");
    assert_eq!(r.solicitation, ScanLevel::NotFound);
    // A bare Level 2 leaves the level unknown.
    assert!(DOC.contains("`CMMC Level 2` without \"(Self)\" or \"(C3PAO)\""));
    let r = scan_solicitation("The CMMC level required by this solicitation is: CMMC Level 2.");
    assert_eq!(r.solicitation, ScanLevel::Unknown);
    // The filled-in sentence decides, the bracketed instruction does not.
    let r = scan_solicitation(
        "The CMMC level required by this solicitation is: CMMC Level 2 (Self) [Contracting Officer insert: CMMC Level 1 (Self); CMMC Level 2 (Self); CMMC Level 2 (C3PAO); or CMMC Level 3 (DIBCAC)].",
    );
    assert_eq!(r.solicitation, ScanLevel::Named(Solicitation::L2Self));
    // Statement A is public release, not an indicator.
    assert!(DOC.contains("statement A is public release"));
    let r = scan_solicitation("DISTRIBUTION STATEMENT A. Approved for public release.");
    assert!(r.cui_indicators.is_empty());
}
