//! What an assumed level waits on: the one answer that would settle it, said on the level card,
//! the summary and the printed report.

use serde::Serialize;

/// The answer an assumed level waits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LevelAssumption {
    /// What the solicitation names (a prime).
    Solicitation,
    /// What the prime's contract names (a subcontractor).
    PrimesContract,
    /// Whether the subcontractor will handle CUI: the prime's level is known, and the row of
    /// the 32 CFR 170.23(a) table turns on it.
    Cui,
}

impl LevelAssumption {
    /// "Assumed until ..." in words, and what to check.
    pub fn until(self) -> &'static str {
        match self {
            LevelAssumption::Solicitation => "you know what the solicitation names: check DFARS 252.204-7025 or 252.204-7021 in it",
            LevelAssumption::PrimesContract => "you know what the prime's contract names for subcontractors: ask the prime",
            LevelAssumption::Cui => "you answer whether you will handle CUI: the level the prime passes down turns on it",
        }
    }

    /// The same, in a few words.
    pub fn short(self) -> &'static str {
        match self {
            LevelAssumption::Solicitation => "check the solicitation",
            LevelAssumption::PrimesContract => "ask the prime",
            LevelAssumption::Cui => "answer the CUI question",
        }
    }
}
