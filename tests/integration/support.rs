//! Shared set-up for the engine tests: a [`Case`] holds everything a user can tell the engine
//! (answers, an SoA given inline as CSV text, direct requirement answers, Level 3 answers, the
//! view) and runs `assess` / `estimate` on the built-in catalog.

use cmmc_readiness::engine::{
    assess, estimate, import_soa, Answers, Assessment, Catalog, CostAssumptions, CuiStorage,
    Estimate, ImportOptions, Inputs, RequirementId, SoaImport, Solicitation, Status, View,
};
use std::collections::BTreeMap;

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
        fips_validated: Some(false),
        has_ssp: Some(true),
        ..Answers::default()
    }
}

/// Everything the user has said, in one value.
#[derive(Debug, Clone, Default)]
pub struct Case {
    pub answers: Answers,
    pub soa: Option<SoaImport>,
    pub direct: BTreeMap<RequirementId, Status>,
    pub level3: BTreeMap<String, bool>,
    pub view: View,
}

impl Case {
    /// Nothing answered, no SoA, strict view.
    pub fn new() -> Case {
        Case::default()
    }

    /// All 110 requirements answered directly with `status`.
    pub fn all(status: Status) -> Case {
        let direct = Catalog::builtin()
            .requirements
            .iter()
            .map(|r| (r.id.clone(), status))
            .collect();
        Case {
            direct,
            ..Case::default()
        }
    }

    /// All 110 requirements answered met.
    pub fn all_met() -> Case {
        Case::all(Status::Met)
    }

    /// Answers one requirement directly.
    pub fn with(mut self, id: &str, status: Status) -> Case {
        self.direct.insert(RequirementId::from(id), status);
        self
    }

    /// Answers several requirements directly with the same status.
    pub fn with_all(mut self, ids: &[&str], status: Status) -> Case {
        for id in ids {
            self.direct.insert(RequirementId::from(*id), status);
        }
        self
    }

    pub fn soa(mut self, soa: SoaImport) -> Case {
        self.soa = Some(soa);
        self
    }

    pub fn answers(mut self, answers: Answers) -> Case {
        self.answers = answers;
        self
    }

    pub fn view(mut self, view: View) -> Case {
        self.view = view;
        self
    }

    pub fn assess(&self) -> Assessment {
        let inputs = Inputs {
            answers: &self.answers,
            soa: self.soa.as_ref(),
            direct: &self.direct,
            level3: &self.level3,
            view: self.view,
        };
        assess(Catalog::builtin(), &inputs)
    }

    pub fn estimate(&self, costs: &CostAssumptions) -> (Assessment, Estimate) {
        let a = self.assess();
        let e = estimate(Catalog::builtin(), &a, &self.answers, costs);
        (a, e)
    }
}

pub use crate::corpus::check::line_count;
