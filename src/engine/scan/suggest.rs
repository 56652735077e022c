//! From findings to answers: what a scan suggests for the questionnaire (the level the
//! solicitation or the prime's contract names, CUI, FCI), each with the words it rests on, for
//! the user to confirm. Nothing is suggested that the text does not show: never "no CUI" (a
//! silent text proves nothing), never "no level" (only the user knows the paste is whole).

use super::{FillInReading, ScanLevel, ScanResult};
use crate::engine::questionnaire::{Answers, ContractRole, LevelSource, Solicitation};

/// One suggested answer and the words it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggested<T> {
    /// The answer suggested.
    pub value: T,
    /// Why, in plain English, quoting the text.
    pub why: String,
    /// The 1-based line of the pasted text it rests on, if one.
    pub line: Option<usize>,
}

/// What a scan suggests for the questionnaire; `None` where the text shows nothing new.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Suggestions {
    /// The level the solicitation (for a prime) or the prime's contract (for a subcontractor)
    /// names, with the sentence it was read from; `Unknown` when 7025 or 7021 is there but names
    /// no single level.
    pub level: Option<Suggested<Solicitation>>,
    /// The sentence behind a named level, kept with the answer so the level card can cite it.
    pub level_source: Option<LevelSource>,
    /// Handles CUI: yes, when the text carries a CUI indicator.
    pub handles_cui: Option<Suggested<bool>>,
    /// Handles FCI: yes, when FAR 52.204-21 or a Level 1 fill-in is in the text.
    pub handles_fci: Option<Suggested<bool>>,
}

impl Suggestions {
    /// True when there is nothing to fill in.
    pub fn is_empty(&self) -> bool {
        self.level.is_none() && self.handles_cui.is_none() && self.handles_fci.is_none()
    }

    /// Writes the chosen suggestions into `answers`: the level into the question that decides
    /// (the prime's level for a subcontractor, the solicitation's otherwise), with its source.
    pub fn apply(&self, answers: &mut Answers, level: bool, cui: bool, fci: bool) {
        if let (true, Some(s)) = (level, &self.level) {
            if answers.role == Some(ContractRole::Sub) {
                answers.prime_level = s.value;
            } else {
                answers.solicitation = s.value;
            }
            answers.level_source.clone_from(&self.level_source);
        }
        if let (true, Some(s)) = (cui, &self.handles_cui) {
            answers.handles_cui = Some(s.value);
        }
        if let (true, Some(s)) = (fci, &self.handles_fci) {
            answers.handles_fci = Some(s.value);
        }
    }
}

impl ScanResult {
    /// What the findings suggest for `answers`, leaving out what they already say.
    pub fn suggestions(&self, answers: &Answers) -> Suggestions {
        let mut out = Suggestions::default();
        let sub = answers.role == Some(ContractRole::Sub);
        // A subcontractor's level is the one its prime passes down: a purchase order or
        // subcontract that names the level for subcontractors names it (32 CFR 170.23(a)). The
        // walk-through of 2026-12-07 pasted "The required CMMC level for this subcontract is
        // CMMC Level 2 (Self)" and was told to ask a contracting officer it does not have.
        let flowed = self.flow_down_level.zip(
            self.flow_down
                .iter()
                .find(|m| m.level == self.flow_down_level),
        );
        if let (true, Some((level, m))) = (sub, flowed) {
            if answers.prime_level != level {
                out.level = Some(Suggested {
                    value: level,
                    why: format!(
                        "Line {} names {} for subcontractors: \u{201c}{}\u{201d}. That is the level your prime passes down to you (32 CFR 170.23(a)).",
                        m.line,
                        level.in_sentence(),
                        m.quote
                    ),
                    line: Some(m.line),
                });
            }
        } else if let Some(level) = self.solicitation.answer() {
            let fill_in = self
                .fill_ins
                .iter()
                .find(|f| f.reading == FillInReading::Level(level));
            let source = match (self.solicitation, fill_in) {
                (ScanLevel::Named(_), Some(f)) => Some(LevelSource {
                    level,
                    paragraph: f.paragraph.clone(),
                    line: f.line,
                    quote: f.quote.clone(),
                }),
                _ => None,
            };
            let why = match (&source, self.fill_ins.first()) {
                (Some(src), _) => format!(
                    "{} names {} on line {}: \u{201c}{}\u{201d}",
                    src.paragraph,
                    level.in_sentence(),
                    src.line,
                    src.quote
                ),
                (None, Some(f)) => format!(
                    "{} is in the text, but its fill-in names no single level (line {}: \u{201c}{}\u{201d}): ask {}.",
                    f.paragraph, f.line, f.quote, who_to_ask(sub)
                ),
                (None, None) => format!("DFARS 252.204-7025 or 252.204-7021 is in the text, but no fill-in names a level: ask {}.", who_to_ask(sub)),
            };
            let unchanged = answers.deciding_requirement() == level
                && answers.deciding_source() == source.as_ref();
            if !unchanged {
                out.level = Some(Suggested {
                    value: level,
                    why,
                    line: source
                        .as_ref()
                        .map(|s| s.line)
                        .or(self.fill_ins.first().map(|f| f.line)),
                });
                out.level_source = source;
            }
        }
        // Every indicator counts, a DD Form 254 included (the reference lists "DD 254 / contract
        // data requirements" among the CUI indicators; the assessor's review of 2026-12-07 found
        // it listed as one but never suggested): a suggestion the user confirms, never a fact.
        let cui = self.cui_indicators.first();
        if let (Some(c), false) = (cui, answers.handles_cui == Some(true)) {
            let count = self.cui_indicators.len();
            out.handles_cui = Some(Suggested {
                value: true,
                why: format!(
                    "{} CUI indicator{} in the text, the first on line {}: \u{201c}{}\u{201d}. {}",
                    count,
                    if count == 1 { "" } else { "s" },
                    c.line,
                    c.quote,
                    c.kind.meaning()
                ),
                line: Some(c.line),
            });
        }
        if let (true, false) = (self.fci_indicated, answers.handles_fci == Some(true)) {
            out.handles_fci = Some(Suggested {
                value: true,
                why: self.fci_reason.as_ref().map_or_else(
                    || {
                        "The text shows the contract involves Federal Contract Information."
                            .to_string()
                    },
                    |r| r.text.clone(),
                ),
                line: None,
            });
        }
        out
    }
}

/// Who can say which level applies: the contracting officer for a prime, the prime for a
/// subcontractor (which has no contracting officer of its own).
pub fn who_to_ask(sub: bool) -> &'static str {
    if sub {
        "the prime"
    } else {
        "the contracting officer"
    }
}
