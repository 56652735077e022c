//! The warnings beside a result, each with its rule: a posted score the answers do not support,
//! dates that cannot be, an old assessment, FIPS 140-2 after its sunset, CUI in a commercial
//! cloud, a status expired, insufficient or not yet given, Level 3 beside Level 2 gaps.

use super::{Applicability, C_NAMED};
use crate::engine::date::Date;
use crate::engine::questionnaire::{Answers, AssessmentType, CuiStorage, Encryption, Level};
use serde::Serialize;

/// A warning the user should see next to the result, with its rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Stable id (`sprs-above-support`).
    pub id: &'static str,
    /// What is wrong and what to do.
    pub text: String,
    /// The rule.
    pub citation: &'static str,
}

/// The lowest SPRS score: every requirement not met (32 CFR 170.24(c)(2)).
const MIN_POSTED: i32 = -203;

/// The day the CMVP moved every remaining FIPS 140-2 certificate to the Historical list.
pub const FIPS_140_2_SUNSET: Date = Date::ymd(2026, 9, 21);

/// Warnings from the answers, the date, what applies, and (once scored) the score the answers
/// support: `(confirmed, counting ISO evidence)`.
pub fn warnings(
    a: &Answers,
    app: &Applicability,
    supported: Option<(Option<i32>, Option<i32>)>,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let date = app.date;
    const C_POSTED: &str = "DFARS 252.204-7019(b); DFARS 252.204-7020; 32 CFR 170.22";
    if let Some(posted) = a.sprs_posted.filter(|p| !(MIN_POSTED..=110).contains(p)) {
        out.push(Warning {
            id: "sprs-posted-out-of-range",
            text: format!("SPRS scores run from {MIN_POSTED} to 110: {posted} cannot be a posted score. Check the figure you entered."),
            citation: "32 CFR 170.24(c)(2)",
        });
    }
    // Without an SSP there is no score (32 CFR 170.24(c)(2)(i)(B)(5)): no posted score is
    // supported (the re-review of 2026-12-07).
    let no_ssp = a.has_ssp == Some(false) || matches!(supported, Some((None, None)));
    if let (Some(posted), true) = (a.sprs_posted, no_ssp) {
        out.push(Warning {
            id: "sprs-posted-without-ssp",
            text: format!("You have posted {posted} in SPRS, but without a System Security Plan there is no score: the assessment cannot be completed. Write the SSP, reassess, and correct the posting."),
            citation: "32 CFR 170.24(c)(2)(i)(B)(5); DFARS 252.204-7019(b); 32 CFR 170.22",
        });
    }
    match (a.sprs_posted, supported) {
        (Some(posted), Some((_, Some(high)))) if posted > high => out.push(Warning {
            id: "sprs-above-support",
            text: format!("You have posted {posted} in SPRS, but your answers support at most {high}, even counting what ISO evidence suggests. A score higher than the implementation supports is a misrepresentation risk: reassess and correct the posting."),
            citation: C_POSTED,
        }),
        // A posted score comes from an assessment: ISO suggestions nobody confirmed do not
        // support it (the assessor's review, 2026-12-07).
        (Some(posted), Some((Some(low), _))) if posted > low => out.push(Warning {
            id: "sprs-above-confirmed",
            text: format!("You have posted {posted} in SPRS, but the answers you confirmed support {low}; only counting what ISO evidence suggests reaches {posted}. A posted score must come from an assessment of what is implemented: confirm the requirements behind it, or correct the posting."),
            citation: C_POSTED,
        }),
        _ => {}
    }
    if let Some(given) = a
        .status_date
        .filter(|d| a.current_status.is_some() && *d > date)
    {
        out.push(Warning {
            id: "status-date-future",
            text: format!("The status date you gave ({given}) is after the date the rules are applied on ({date}): a status is not held before it is given, so it does not count yet. Check the date."),
            citation: "32 CFR 170.4 (CMMC Status Date)",
        });
    }
    if let Some(assessed) = a.sprs_date {
        // "Not more than 3 years old" (7019(b)): on the third anniversary it is exactly three
        // years old and still current; the day after, it is not.
        if assessed.add_years(3) < date {
            out.push(Warning {
                id: "basic-assessment-old",
                text: format!("The assessment behind your SPRS score ({assessed}) is more than three years old, so it is no longer current for award where DFARS 252.204-7019 applies. Reassess and post the new score."),
                citation: "DFARS 252.204-7019(b)",
            });
        }
    }
    if a.encryption == Some(Encryption::Fips1402Historical) && date >= FIPS_140_2_SUNSET {
        out.push(Warning {
            id: "fips-140-2-historical",
            text: "Since 2026-09-21 every FIPS 140-2 certificate is on the CMVP's Historical list. A module already in use may stay, counted as validated here, once you have checked its certificate, its version and that it runs in its approved mode; anything new needs an active FIPS 140-3 certificate. Our sources hold no DoD ruling on historical modules.".into(),
            citation: "NIST SP 800-171 r2 3.13.11; NIST CMVP (FIPS 140-2 sunset, 2026-09-21)",
        });
    }
    if a.cui() && a.cui_storage == Some(CuiStorage::CommercialCloud) {
        out.push(Warning {
            id: "cui-in-commercial-cloud",
            text: "CUI in a cloud without FedRAMP Moderate authorization or equivalency does not meet DFARS 252.204-7012. Move it (e.g. to a government cloud) or get the provider's FedRAMP Moderate equivalency evidence as the DoD CIO memo of 2023-12-21 defines it.".into(),
            citation: "DFARS 252.204-7012(b)(2)(ii)(D); DoD CIO memorandum, 2023-12-21",
        });
    }
    if let Some(l) = &app.lifecycle {
        if l.expired {
            out.push(Warning {
                id: "status-expired",
                text: l.text.clone(),
                citation: l.citation,
            });
        }
        if let (Some(kind), false) = (app.assessment, app.assumed()) {
            let held = l.status;
            let short = held.level() < app.level
                || (held.level() == app.level
                    && app.level == Level::L2
                    && kind == AssessmentType::C3pao
                    && held.assessor() == AssessmentType::SelfAssessment);
            if short && app.level != Level::None {
                out.push(Warning {
                    id: "status-insufficient",
                    text: format!(
                        "The status you hold does not meet the {} ({}) this contract requires.",
                        app.level.label(),
                        kind.short()
                    ),
                    citation: C_NAMED,
                });
            }
        }
    }
    out
}
