//! Counting decided requirements: coverage by status, by family and overall, in both views.

use super::RequirementResult;
use crate::engine::ids::Family;
use crate::engine::vocab::Status;
use serde::Serialize;

/// Counts of statuses over a set of requirements.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Requirements counted.
    pub total: u32,
    /// Met.
    pub met: u32,
    /// Partial.
    pub partial: u32,
    /// Not met.
    pub not_met: u32,
    /// Not applicable.
    pub not_applicable: u32,
    /// Unknown.
    pub unknown: u32,
    /// Requirements with at least one crosswalk edge in the view.
    pub mapped: u32,
}

impl Coverage {
    fn add(&mut self, status: Status, mapped: bool) {
        self.total += 1;
        self.mapped += u32::from(mapped);
        match status {
            Status::Met => self.met += 1,
            Status::Partial => self.partial += 1,
            Status::NotMet => self.not_met += 1,
            Status::NotApplicable => self.not_applicable += 1,
            Status::Unknown => self.unknown += 1,
        }
    }

    /// Share (0-100) of requirements met or not applicable.
    pub fn met_percent(&self) -> f64 {
        percent(self.met + self.not_applicable, self.total)
    }

    /// Share (0-100) of requirements the ISO work covers at least partly (met, partial, N/A).
    pub fn covered_percent(&self) -> f64 {
        percent(self.met + self.partial + self.not_applicable, self.total)
    }
}

fn percent(n: u32, d: u32) -> f64 {
    if d == 0 {
        0.0
    } else {
        f64::from(n) * 100.0 / f64::from(d)
    }
}

/// Coverage of one family in both views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FamilyCoverage {
    /// The family.
    pub family: Family,
    /// In the strict view.
    pub strict: Coverage,
    /// In the analysed view.
    pub analysed: Coverage,
}

/// Overall coverage in both views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FamilyTotals {
    /// In the strict view.
    pub strict: Coverage,
    /// In the analysed view.
    pub analysed: Coverage,
}

/// Coverage by family and overall, from the decisions of both views.
pub fn coverage(
    strict: &[RequirementResult],
    analysed: &[RequirementResult],
) -> (FamilyTotals, Vec<FamilyCoverage>) {
    let mut families: Vec<FamilyCoverage> = Family::ALL
        .iter()
        .map(|&family| FamilyCoverage {
            family,
            strict: Coverage::default(),
            analysed: Coverage::default(),
        })
        .collect();
    let mut overall = FamilyTotals {
        strict: Coverage::default(),
        analysed: Coverage::default(),
    };
    for (s, a) in strict.iter().zip(analysed) {
        let f = &mut families[usize::from(s.family.section()) - 1];
        f.strict.add(s.status, !s.evidence.is_empty());
        f.analysed.add(a.status, !a.evidence.is_empty());
        overall.strict.add(s.status, !s.evidence.is_empty());
        overall.analysed.add(a.status, !a.evidence.is_empty());
    }
    (overall, families)
}
