//! Step 3, the results: the panels that show what the engine computed, each taking the results
//! as props from the root's gate (`stage.rs`).

pub mod cost;
pub mod coverage_chart;
pub mod gap_detail;
pub mod gap_table;
pub mod iso_limits;
pub mod level1;
pub mod level3;
pub mod objectives;
pub mod paths;
pub mod poam_plan;
pub mod print_report;
pub mod scores;
pub mod summary_card;
pub mod summary_strip;
