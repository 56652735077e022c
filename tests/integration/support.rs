//! Shared set-up for the engine tests: a [`Case`] holds everything a user can tell the engine
//! (the engine's own `Input`: answers, an SoA given inline as CSV text, direct requirement
//! answers, Level 3 answers, the view, the date) and runs `evaluate` on the built-in catalog.

use cmmc_readiness::engine::{
    evaluate, import_soa, Answer, Answers, Assessment, Catalog, CostAssumptions, CuiStorage, Date,
    DirectAnswer, Encryption, Estimate, ImportOptions, Input, ObjectiveAnswer, ObjectiveId,
    ObjectiveStatus, RequirementId, SoaImport, Solicitation, View,
};
use std::sync::Arc;

/// The date the tests decide on unless they say otherwise: 2026-12-01, in Phase 2.
pub fn today() -> Date {
    date("2026-12-01")
}

/// A date from `YYYY-MM-DD`.
pub fn date(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|| panic!("{s} is not a date"))
}

/// The SoA header every inline SoA in these tests uses.
pub const SOA_HEADER: &str = "Control,Title,Applicable,Implementation status,Justification\n";

/// The 46 one-point requirements that may sit on a POA&M (32 CFR 170.21(a)(2)(ii)-(iii)): every
/// 1-point requirement except 3.1.20, 3.1.22, 3.10.3, 3.10.4, 3.10.5 (and 3.12.4, which has no
/// points). Written out by hand from the rule so the tests do not echo the catalog.
pub const ELIGIBLE_ONE_POINT: [&str; 46] = [
    "3.1.3", "3.1.4", "3.1.6", "3.1.7", "3.1.8", "3.1.9", "3.1.10", "3.1.11", "3.1.14", "3.1.15",
    "3.1.21", "3.2.3", "3.3.3", "3.3.4", "3.3.6", "3.3.7", "3.3.8", "3.3.9", "3.4.3", "3.4.4",
    "3.4.9", "3.5.4", "3.5.5", "3.5.6", "3.5.7", "3.5.8", "3.5.9", "3.5.11", "3.6.3", "3.7.3",
    "3.7.6", "3.8.4", "3.8.5", "3.8.6", "3.8.9", "3.10.6", "3.11.3", "3.13.3", "3.13.4", "3.13.7",
    "3.13.9", "3.13.10", "3.13.12", "3.13.13", "3.13.14", "3.13.16",
];

/// Imports an SoA from CSV text with the default options.
pub fn soa(text: &str) -> SoaImport {
    import_soa(
        text.as_bytes(),
        &ImportOptions::default(),
        Catalog::builtin(),
    )
}

/// An SoA of `(control, status)` rows under [`SOA_HEADER`].
pub fn soa_of(rows: &[(&str, &str)]) -> SoaImport {
    let mut text = SOA_HEADER.to_string();
    for (control, status) in rows {
        let applicable = if status.eq_ignore_ascii_case("excluded") {
            "No"
        } else {
            "Yes"
        };
        text.push_str(&format!(
            "{control},Test control,{applicable},{status},Risk treatment\n"
        ));
    }
    soa(&text)
}

/// One of the SoA fixtures in `tests/fixtures/soa/`.
pub fn fixture(name: &str) -> SoaImport {
    let path = format!("{}/tests/fixtures/soa/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    import_soa(&bytes, &ImportOptions::default(), Catalog::builtin())
}

/// The answers of `examples/answers.json`: a 40-person ISO-certified small business handling
/// CUI in a commercial cloud, heading for a Level 2 C3PAO certification.
pub fn typical_answers() -> Answers {
    Answers {
        handles_fci: Some(true),
        handles_cui: Some(true),
        solicitation: Solicitation::L2C3pao,
        small_business: Some(true),
        employees: Some(40),
        cui_users: Some(25),
        iso_certified: Some(true),
        cui_storage: Some(CuiStorage::CommercialCloud),
        encryption: Some(Encryption::NotValidated),
        has_ssp: Some(true),
        ..Answers::default()
    }
}

/// Everything the user has said, in one value: the engine's [`Input`] with builder verbs.
#[derive(Debug, Clone)]
pub struct Case {
    pub input: Input,
}

impl Default for Case {
    fn default() -> Case {
        Case {
            input: Input::on(today()),
        }
    }
}

impl Case {
    /// Nothing answered, no SoA, strict view, on [`today`].
    pub fn new() -> Case {
        Case::default()
    }

    /// All 110 requirements answered directly with `answer`.
    pub fn all(answer: Answer) -> Case {
        let mut case = Case::default();
        for r in &Catalog::builtin().requirements {
            case.input
                .direct
                .insert(r.id.clone(), DirectAnswer::new(answer));
        }
        case
    }

    /// All 110 requirements answered met.
    pub fn all_met() -> Case {
        Case::all(Answer::Met)
    }

    /// Answers one requirement directly.
    pub fn with(mut self, id: &str, answer: Answer) -> Case {
        self.input
            .direct
            .insert(RequirementId::from(id), DirectAnswer::new(answer));
        self
    }

    /// Answers one requirement directly, with its record.
    pub fn with_note(mut self, id: &str, answer: Answer, note: &str) -> Case {
        self.input.direct.insert(
            RequirementId::from(id),
            DirectAnswer::with_note(answer, note),
        );
        self
    }

    /// Answers several requirements directly with the same answer.
    pub fn with_all(mut self, ids: &[&str], answer: Answer) -> Case {
        for id in ids {
            self = self.with(id, answer);
        }
        self
    }

    /// Answers one assessment objective (`3.1.1[a]`).
    pub fn objective(mut self, id: &str, status: ObjectiveStatus) -> Case {
        let id = ObjectiveId::parse(id).unwrap_or_else(|| panic!("{id} is not an objective id"));
        self.input
            .objectives
            .insert(id, ObjectiveAnswer::new(status));
        self
    }

    /// Answers one assessment objective with a note (how it is met, why not, or why N/A).
    pub fn objective_with_note(mut self, id: &str, status: ObjectiveStatus, note: &str) -> Case {
        let id = ObjectiveId::parse(id).unwrap_or_else(|| panic!("{id} is not an objective id"));
        self.input
            .objectives
            .insert(id, ObjectiveAnswer::with_note(status, note));
        self
    }

    /// Answers every objective of a requirement with the same finding.
    pub fn all_objectives(mut self, requirement: &str, status: ObjectiveStatus) -> Case {
        for o in Catalog::builtin().objectives_of(&RequirementId::from(requirement)) {
            self.input
                .objectives
                .insert(o.id.clone(), ObjectiveAnswer::new(status));
        }
        self
    }

    pub fn soa(mut self, soa: SoaImport) -> Case {
        self.input.soa = Some(Arc::new(soa));
        self
    }

    pub fn answers(mut self, answers: Answers) -> Case {
        self.input.answers = answers;
        self
    }

    pub fn view(mut self, view: View) -> Case {
        self.input.view = view;
        self
    }

    /// The imported SoA, if any.
    pub fn soa_ref(&self) -> Option<&SoaImport> {
        self.input.soa.as_deref()
    }

    pub fn assess(&self) -> Assessment {
        evaluate(Catalog::builtin(), &self.input).assessment
    }

    pub fn estimate(&self, costs: &CostAssumptions) -> (Assessment, Estimate) {
        let mut input = self.input.clone();
        input.costs = costs.clone();
        let e = evaluate(Catalog::builtin(), &input);
        (e.assessment, e.estimate)
    }
}

pub use crate::corpus::check::line_count;
