//! The assessment engine: pure data in, pure data out. It never touches a browser, a clock,
//! storage or randomness, so the web app and the `crosswalk` command line give the same answers.
//!
//! **Invariant:** nothing under `src/engine` names yew, web-sys, js-sys, gloo or wasm-bindgen
//! (enforced by the tidy tests in `tests/integration/tidy.rs`).

mod applicability;
mod assess;
mod assessment;
mod catalog;
mod date;
mod evaluate;
mod export;
mod ids;
mod plan;
mod questionnaire;
mod records;
mod report;
mod scan;
mod score;
mod soa;
mod state;
mod vocab;

pub use applicability::{
    applicability, phase_on, phases, warnings, Applicability, LevelAssumption, Lifecycle,
    Obligation, Phase, PlanTarget, Planning, Reason, ResultsMode, Warning, FIPS_140_2_SUNSET,
};
pub use assess::{
    evidence_2022, join_ids, ControlEvidence, Coverage, EdgeEvidence, ExcludedControl,
    FamilyCoverage, FamilyTotals, ObjectiveTally, RequirementResult,
};
pub use assessment::Assessment;
pub use catalog::{
    Catalog, CatalogError, Correspondence, Edge, IsoControl, IsoLimit, Level1Requirement,
    Level3Poam, Level3Requirement, Objective, PoamEligibility, Provenance, Relationship,
    Requirement, RequirementKind, Tables,
};
pub use date::Date;
pub use evaluate::{assess, evaluate, Evaluation, Input};
pub use export::{
    conditional_closeout, exports_not_applicable, import_oscal_ssp, poam, poam_csv, poam_oscal,
    ssp, ssp_markdown, ssp_oscal, Closeout, IsoEvidence, OscalImportError, Poam, PoamItem, Ssp,
    SspImport, SspLevel3, SspObjective, SspRequirement, MAX_OSCAL_BYTES, OSCAL_NS, OSCAL_VERSION,
};
pub use ids::{AnnexAControl, Edition, Family, ObjectiveId, RequirementId};
pub use plan::{
    assessment_fee, estimate, remediation_table, AssessmentFee, Assumption, CostAssumptions,
    CostLine, Estimate, Path, PathStep, Period, Range, Remediation, Scale, Scope, WorkKind,
};
pub use questionnaire::{
    question, questions, AnswerValue, Answers, AssessmentType, Choice, Choices, ContractRole,
    CuiStorage, Encryption, HeldStatus, Level, LevelSource, Question, QuestionId, QuestionKind,
    Solicitation, QUESTIONS,
};
pub use records::{Milestone, PoamField, PoamPlan, SystemInfo, SystemRole, SystemText};
pub use report::{
    gap_csv, neutralise_cell, summary, ApplicabilitySummary, CostSummary, CoverageSummary,
    Level2Summary, LevelMet, ProblemSummary, RequirementSummary, SoaSummary, Summary,
};
pub use scan::{
    parse_solicitation_clauses, scan_solicitation, solicitation_clauses, who_to_ask, ClauseFinding,
    ClauseKind, ClauseRole, CuiIndicator, CuiIndicatorKind, FillIn, FillInReading, LevelMention,
    ScanLevel, ScanResult, SolicitationClause, Suggested, Suggestions, MAX_FINDINGS_PER_KIND,
    MAX_SCAN_BYTES, QUOTE_CHARS, SOLICITATION_CLAUSES_CSV,
};
pub use score::{
    deduction, effective, poam_allowed, points_lost, Blocker, Counting, Level1Item, Level1Result,
    Level2Reading, Level2Result, Level2Status, Level3Item, Level3Result, Level3Status, Scoring,
    SprsRange, SspState, CLOUD_CAVEAT, CONDITIONAL_MIN_SCORE, LEVEL3_CONDITIONAL_MIN, MAX_SCORE,
    POAM_CLOSEOUT_DAYS, SSP_ASSUMED,
};
pub use soa::{
    decode_text, import_soa, line_count, Column, ColumnOverrides, ControlStatus, Delimiter,
    ImportOptions, Problem, ProblemKind, Role, SkippedLine, SoaImport, SoaRow, StatusMapError,
    TextEncoding, ValueReading, MAX_COLUMNS, MAX_FIELD_BYTES, MAX_RECORDS,
};
pub use state::{
    load_state, load_state_bytes, save_state, saved_state_json, SavedState, SharedText, StateError,
    MAX_STATE_BYTES, STATE_VERSION,
};
pub use vocab::{
    counted, Answer, Basis, DirectAnswer, ObjectiveAnswer, ObjectiveStatus, Status, View,
    FIPS_CRYPTO, MFA, SSP,
};
