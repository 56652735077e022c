//! Reports: the gap list / POA&M starter CSV (formula cells neutralised, only open requirements)
//! and the summary JSON shape that `crosswalk assess --json` prints.

use crate::support::{fixture, typical_answers, Case};
use cmmc_readiness::engine::{
    gap_csv, neutralise_cell, summary, Answer, Catalog, CostAssumptions, Tables,
};
use serde_json::Value;
use std::collections::BTreeMap;

#[test]
fn neutralise_cell_prefixes_formula_starts() {
    // (input, expected): a leading = + - @ tab or CR would make a spreadsheet evaluate the cell.
    let cases = [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("3.1.1", "3.1.1"),
        ("a=b", "a=b"),
        (" =1", " =1"),
        ("", ""),
        ("'=already", "'=already"),
    ];
    for (input, expected) in cases {
        assert_eq!(neutralise_cell(input), expected, "{input:?}");
    }
}

/// Parses CSV text into records.
fn records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn gap_csv_lists_only_open_requirements() {
    // 3.1.1 N/A and 3.1.2 met are satisfied; 3.1.3 not met, 3.13.11 partial, 3.5.3 partial open.
    let a = Case::all_met()
        .with("3.1.1", Answer::NotApplicable)
        .with("3.1.3", Answer::NotMet)
        .with("3.13.11", Answer::Partial)
        .with("3.5.3", Answer::Partial)
        .assess();
    let text = gap_csv(Catalog::builtin(), &a, &BTreeMap::new());
    assert!(text.ends_with("\r\n"));
    let rows = records(&text);
    assert_eq!(rows[0][0], "Requirement");
    assert_eq!(rows[0].len(), 15);
    let body: Vec<(&str, &str, &str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[4].as_str(), r[6].as_str(), r[7].as_str()))
        .collect();
    // Points at stake per 170.24: 1, 3 (partial MFA), 3 (non-FIPS encryption).
    assert_eq!(
        body,
        [
            ("3.1.3", "Not met", "1", "yes"),
            ("3.5.3", "Partial", "3", "no"),
            ("3.13.11", "Partial", "3", "yes (partial state only)"),
        ]
    );

    // Without an SSP, its row says what is at stake instead of a number.
    let a = Case::all_met().with("3.12.4", Answer::NotMet).assess();
    let rows = records(&gap_csv(Catalog::builtin(), &a, &BTreeMap::new()));
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][6], "no score without it");

    // Nothing open: the header only.
    let rows = records(&gap_csv(
        Catalog::builtin(),
        &Case::all_met().assess(),
        &BTreeMap::new(),
    ));
    assert_eq!(rows.len(), 1);
}

#[test]
fn gap_csv_neutralises_formula_cells() {
    // The catalog is reviewed data, but the CSV must be safe whatever it holds: give four
    // requirement texts a formula start and check every one comes out prefixed.
    let builtin = Tables::builtin();
    let requirements = builtin
        .requirements
        .replacen("\"Limit system access to authorized", "\"=HYPERLINK(1)", 1)
        .replacen(",Limit system access to the types", ",+Limit", 1)
        .replacen(",Control the flow of CUI", ",-Control", 1)
        .replacen(",Separate the duties", ",@Separate", 1);
    let catalog = Catalog::parse(&Tables {
        requirements: &requirements,
        ..builtin
    })
    .expect("catalog parses");
    let case = Case::all_met().with_all(&["3.1.1", "3.1.2", "3.1.3", "3.1.4"], Answer::NotMet);
    let a = cmmc_readiness::engine::assess(&catalog, &case.input);
    let rows = records(&gap_csv(&catalog, &a, &BTreeMap::new()));
    let texts: Vec<&str> = rows[1..].iter().map(|r| r[3].as_str()).collect();
    assert_eq!(texts.len(), 4);
    for (text, start) in texts
        .iter()
        .zip(["'=HYPERLINK(1)", "'+Limit", "'-Control", "'@Separate"])
    {
        assert!(text.starts_with(start), "{text:?}");
    }
    // No cell anywhere starts with a formula character.
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
}

#[test]
fn summary_json_has_the_documented_fields() {
    let case = Case::new()
        .answers(typical_answers())
        .soa(fixture("iso2022_full.csv"));
    let (a, e) = case.estimate(&CostAssumptions::default());
    let s = summary(case.soa_ref(), &case.input.answers, &a, &e);
    let json: Value = serde_json::to_value(&s).expect("summary serialises");
    assert_eq!(json["applicability"]["level"], "2");
    assert_eq!(json["applicability"]["assessment"], "c3pao");
    assert_eq!(json["soa"]["rows_imported"], 93);
    assert_eq!(json["soa"]["edition"], 2022);
    assert!(json["sprs"]["low"].is_i64());
    assert!(json["sprs"]["high"].is_i64());
    assert!(json["sprs"]["low"].as_i64() < json["sprs"]["high"].as_i64());
    assert!(json["level2"]["status"].is_string());
    assert_eq!(json["cost"]["assessment_usd"], 104_670);
    assert!(json["cost"]["total_usd"]["low"].is_f64());
    let (low, high) = (
        json["timeline_months"]["low"].as_f64().unwrap(),
        json["timeline_months"]["high"].as_f64().unwrap(),
    );
    assert!(0.0 < low && low <= high);
    assert_eq!(json["requirements"].as_array().map(Vec::len), Some(110));
    assert_eq!(json["requirements"][0]["id"], "3.1.1");
    assert!(json["path_to_110"].is_array());

    // No SoA: `soa` is null; no SSP: the score fields are null.
    let case = Case::all_met().with("3.12.4", Answer::NotMet);
    let (a, e) = case.estimate(&CostAssumptions::default());
    let json = serde_json::to_value(summary(None, &case.input.answers, &a, &e)).unwrap();
    assert!(json["soa"].is_null());
    assert!(json["sprs"]["low"].is_null() && json["sprs"]["high"].is_null());
    assert_eq!(json["level2"]["status"], "no-ssp");
}

/// The gap list carries the plan of action written for each open requirement (milestones and
/// resources, owner, completion date), as the POA&M does; a requirement without a plan keeps
/// those cells empty.
#[test]
fn gap_csv_carries_the_plans_written() {
    use cmmc_readiness::engine::{Milestone, PoamPlan};
    let a = Case::all_met()
        .with_all(&["3.1.3", "3.4.9"], Answer::NotMet)
        .assess();
    let mut plans = BTreeMap::new();
    plans.insert(
        "3.4.9".to_string(),
        PoamPlan {
            owner: "IT lead".into(),
            milestones: vec![
                Milestone {
                    text: "Approve the software allow-list".into(),
                    date: Some(crate::support::date("2027-01-15")),
                },
                Milestone {
                    text: "=Enforce it on every endpoint".into(),
                    date: None,
                },
            ],
            resources: "10 person-days".into(),
            completion: Some(crate::support::date("2027-02-28")),
        },
    );
    let rows = records(&gap_csv(Catalog::builtin(), &a, &plans));
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = |id: &str| rows.iter().find(|r| r[0] == id).unwrap();
    let planned = row("3.4.9");
    assert_eq!(
        planned[col("Planned action")],
        "2027-01-15: Approve the software allow-list; =Enforce it on every endpoint; Resources: 10 person-days"
    );
    assert_eq!(planned[col("Owner")], "IT lead");
    assert_eq!(planned[col("Target date")], "2027-02-28");
    let unplanned = row("3.1.3");
    for name in ["Planned action", "Owner", "Target date"] {
        assert_eq!(unplanned[col(name)], "", "{name}");
    }
}

/// A 2013 SoA's gap list names the reader's own rows beside the 2022 ids, as the reasons do:
/// "A.5.15 (your A.9.1.1, A.9.1.2)", so the list can be checked against the file it came from.
#[test]
fn the_gap_list_names_a_2013_soas_own_rows() {
    let soa = crate::support::soa(
        "Control,Status\nA.9.1.1,Implemented\nA.9.1.2,Not implemented\nA.9.2.1,Implemented\n",
    );
    let a = Case::new().soa(soa).assess();
    let rows = records(&gap_csv(Catalog::builtin(), &a, &BTreeMap::new()));
    let col = rows[0]
        .iter()
        .position(|h| h == "ISO controls")
        .expect("column");
    let row = rows[1..]
        .iter()
        .find(|r| r[0] == "3.1.1")
        .expect("3.1.1 is open: A.9.1.2 is not implemented");
    let cell = &row[col];
    assert!(cell.contains("A.5.15 (your A.9.1.1, A.9.1.2)"), "{cell}");
    // Only the ISO evidence says so: the status says it is not confirmed; a requirement nothing
    // speaks to is not assessed yet, not "suggested".
    assert_eq!(row[4], "Partial (suggested, not confirmed)");
    let silent = rows[1..].iter().find(|r| r[0] == "3.1.6").expect("3.1.6");
    assert_eq!(silent[4], "Not assessed yet");
    // Each control is one item of a "; " list, never split on the spaces inside it.
    assert!(cell.split("; ").all(|c| c.starts_with("A.")), "{cell}");
    // A 2022 SoA's cells stay bare ids.
    let soa = crate::support::soa("Control,Status\nA.5.15,Not implemented\n");
    let a = Case::new().soa(soa).assess();
    let rows = records(&gap_csv(Catalog::builtin(), &a, &BTreeMap::new()));
    let row = rows[1..].iter().find(|r| r[0] == "3.1.1").expect("3.1.1");
    assert!(row[col].split("; ").any(|c| c == "A.5.15"), "{}", row[col]);
    assert!(!row[col].contains("your"), "{}", row[col]);
}
