//! Plain-English wording and number formats shared by the components, so a figure reads the same
//! in the summary strip, the cards and the printed report.

use crate::engine::{
    Basis, ControlStatus, Level2Status, Provenance, Range, Relationship, SprsRange, Status,
};
use yew::{classes, Classes};

/// The SPRS score as the page shows it: one number, "low to high" while answers are incomplete,
/// or "No score" when the user said there is no SSP.
pub fn sprs_text(s: &SprsRange) -> String {
    match (s.low, s.high) {
        (Some(l), Some(h)) if l == h => l.to_string(),
        (Some(l), Some(h)) => format!("{l} to {h}"),
        _ => "No score".to_string(),
    }
}

/// What a single-figure score means: every requirement answered, or (no ISO evidence to count)
/// the requirements not yet answered counting as not met in both figures. 3.12.4 unanswered is
/// not counted as not met (there would be no score): both figures assume an SSP, and it says so.
pub fn exact_score_note(a: &crate::engine::Assessment) -> String {
    let assumes_ssp = a.scoring.sprs.assumes_ssp();
    let open = a
        .requirements
        .iter()
        .filter(|r| !r.basis.is_confirmed())
        .filter(|r| !(assumes_ssp && r.id.as_str() == crate::engine::SSP))
        .count();
    let note = match open {
        0 if assumes_ssp => "Every other requirement is answered.".to_string(),
        0 => "Every requirement is answered.".to_string(),
        1 => "No ISO evidence to count: the 1 requirement not yet answered counts as not met."
            .to_string(),
        n => format!(
            "No ISO evidence to count: the {n} requirements not yet answered count as not met."
        ),
    };
    if assumes_ssp {
        format!("{note} {}", crate::engine::SSP_ASSUMED)
    } else {
        note
    }
}

/// A CSS class for a status; the label always travels with it (never colour alone).
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::Partial => "partial",
        Status::NotMet => "not-met",
        Status::NotApplicable => "na",
        Status::Unknown => "unknown",
    }
}

/// A CSS class for a Level 2 status.
pub fn level2_class(s: Level2Status) -> &'static str {
    match s {
        Level2Status::Final => "met",
        Level2Status::Conditional => "partial",
        Level2Status::NotEligible => "not-met",
        Level2Status::NoSsp => "unknown",
    }
}

/// The Level 2 status as a badge shows it, with its classes: the forecast that counts the ISO
/// suggestions, like the expected score beside it, but said to be one ("Final Level 2, to
/// confirm", dashed) whenever the confirmed answers give another status. The confirmed status
/// goes beside it ([`crate::engine::Level2Reading`]).
pub fn level2_badge(r: crate::engine::Level2Reading) -> (String, Classes) {
    level2_badge_as(r, Level2Status::label)
}

/// [`level2_badge`] for the summary strip, whose label already says "Level 2 status": the
/// forecast in a word or two ("Final, to confirm"), so it fits a phone's compact strip.
pub fn level2_badge_short(r: crate::engine::Level2Reading) -> (String, Classes) {
    level2_badge_as(r, |s| match s {
        Level2Status::Final => "Final",
        Level2Status::Conditional => "Conditional",
        other => other.label(),
    })
}

fn level2_badge_as(
    r: crate::engine::Level2Reading,
    label: impl Fn(Level2Status) -> &'static str,
) -> (String, Classes) {
    if r.differs() {
        (
            format!("{}, to confirm", label(r.with_iso)),
            classes!("badge", level2_class(r.with_iso), "suggested"),
        )
    } else {
        (
            r.confirmed.label().to_string(),
            classes!("badge", level2_class(r.confirmed)),
        )
    }
}

/// Where a status comes from, in words.
pub fn basis_label(b: Basis) -> &'static str {
    b.label()
}

/// A crosswalk relationship, in words.
pub fn relationship_label(r: Relationship) -> &'static str {
    match r {
        Relationship::Equal => "equal to",
        Relationship::SubsetOf => "covers part of",
        Relationship::SupersetOf => "covers all of (and more)",
        Relationship::IntersectsWith => "overlaps",
    }
}

/// Where an edge comes from, in words.
pub fn provenance_label(p: Provenance) -> &'static str {
    match p {
        Provenance::NistAppendixD => "NIST SP 800-171 Appendix D",
        Provenance::AppendixDViaAnnexB => "NIST Appendix D via ISO/IEC 27002:2022 Annex B",
        Provenance::Analysis => "this project's analysis",
        Provenance::NistOlir => "NIST OLIR (SP 800-53 r5 to ISO/IEC 27001:2022) via Appendix D",
    }
}

/// An SoA control status, in words.
pub fn control_status_label(s: ControlStatus) -> &'static str {
    match s {
        ControlStatus::Implemented => "implemented",
        ControlStatus::Partial => "partly implemented",
        ControlStatus::Planned => "planned",
        ControlStatus::NotImplemented => "not implemented",
        ControlStatus::Excluded => "excluded",
        ControlStatus::Unknown => "unknown (the file does not say)",
    }
}

/// A whole number with thousands separators: `9,907`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whole US dollars with thousands separators: `$12,345`.
pub fn usd(v: f64) -> String {
    format!("${}", grouped(v.round().max(0.0) as u64))
}

/// A dollar range: `$1,000 to $2,000`, or one figure when both ends agree.
pub fn usd_range(r: Range) -> String {
    if (r.high - r.low).abs() < 0.5 {
        usd(r.low)
    } else {
        format!("{} to {}", usd(r.low), usd(r.high))
    }
}

/// A number with at most one decimal, without a trailing `.0`.
pub fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// A plain range: `2 to 5`, or one figure when both ends agree.
pub fn num_range(r: Range) -> String {
    if num(r.low) == num(r.high) {
        num(r.low)
    } else {
        format!("{} to {}", num(r.low), num(r.high))
    }
}

/// Person-days as the estimate's own notes write them: whole days, `111 to 297`.
pub fn days_range(r: Range) -> String {
    let (low, high) = (format!("{:.0}", r.low), format!("{:.0}", r.high));
    if low == high {
        low
    } else {
        format!("{low} to {high}")
    }
}

/// The first sentence-ish part of a requirement's text, for the gap table's short column.
pub fn short_text(text: &str) -> String {
    const MAX: usize = 90;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}
