//! `crosswalk export` and the inputs it shares with `assess` (`--state`, objective ids in
//! `--requirements`), and the objectives in `crosswalk catalog --json`: run through the built
//! binary, output shapes, usage errors (exit 2, naming the formats each document takes).

use serde_json::Value;
use std::process::{Command, Output, Stdio};

fn crosswalk(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosswalk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("crosswalk starts");
    if let Some(mut pipe) = child.stdin.take() {
        let _ = pipe.write_all(stdin);
    }
    child.wait_with_output().expect("crosswalk ends")
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/oscal/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[track_caller]
fn fails(out: &Output, reason: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(reason), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn export_writes_each_document_in_its_formats() {
    let state = fixture("level2_conditional.json");
    let md = ok(&crosswalk(&["export", "ssp", "--state", &state], b""));
    assert!(md.starts_with("# System Security Plan: Acme CUI enclave"));
    let csv = ok(&crosswalk(&["export", "poam", "--state", &state], b""));
    assert!(csv.starts_with("Kind,Item,CMMC id,"));
    for doc in ["ssp", "poam"] {
        let args = ["export", doc, "--format", "oscal-json", "--state", &state];
        let first = ok(&crosswalk(&args, b""));
        let json: Value = serde_json::from_str(&first).expect("json");
        assert!(json.as_object().is_some_and(|o| o.len() == 1), "{doc}");
        assert_eq!(
            first,
            ok(&crosswalk(&args, b"")),
            "{doc}: same input, same bytes"
        );
    }
    // --date replaces the state's date, and dates the file.
    let later = ok(&crosswalk(
        &[
            "export",
            "poam",
            "--format",
            "oscal-json",
            "--state",
            &state,
            "--date",
            "2027-01-10",
        ],
        b"",
    ));
    assert!(later.contains("\"last-modified\": \"2027-01-10T00:00:00Z\""));
}

#[test]
fn a_format_a_document_does_not_take_is_a_usage_error() {
    fails(
        &crosswalk(&["export", "ssp", "--format", "csv"], b""),
        "invalid value 'csv' for '--format <FORMAT>' [possible values: markdown, oscal-json] (usage: crosswalk export ssp",
    );
    fails(
        &crosswalk(&["export", "poam", "--format", "markdown"], b""),
        "[possible values: csv, oscal-json] (usage: crosswalk export poam",
    );
    fails(
        &crosswalk(&["export"], b""),
        "usage: crosswalk export ssp|poam",
    );
    fails(
        &crosswalk(&["export", "sar"], b""),
        "unrecognized subcommand 'sar'",
    );
}

#[test]
fn a_bad_state_is_an_input_error() {
    fails(
        &crosswalk(&["export", "ssp", "--state", "-"], br#"{"version":4}"#),
        "-: not a saved assessment: The saved assessment has version 4",
    );
}

#[test]
fn requirements_take_objective_ids_with_notes_and_defined_values() {
    let out = crosswalk(
        &["assess", "--requirements", "-", "--json"],
        b"id,status,record,defined value\n3.1.8[a],met,Lockout GPO,5 attempts\n3.1.1[d],not-met\n",
    );
    let json: Value = serde_json::from_str(&ok(&out)).expect("json");
    let req = |id: &str| {
        json["requirements"]
            .as_array()
            .and_then(|rs| rs.iter().find(|r| r["id"] == id))
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(req("3.1.8")["basis"], "partly-answered");
    assert_eq!(req("3.1.1")["status"], "not-met");
    assert_eq!(req("3.1.1")["open_objectives"][0], "3.1.1[d]");
    let ssp = ok(&crosswalk(
        &["export", "ssp", "--requirements", "-"],
        b"3.1.8[a],met,Lockout GPO,5 attempts\n",
    ));
    assert!(ssp.contains("- 3.1.8[a]: 5 attempts"));
    fails(
        &crosswalk(&["assess", "--requirements", "-"], b"3.1.1[z],met\n"),
        "line 1: `3.1.1[z]` is not an SP 800-171A assessment objective",
    );
    fails(
        &crosswalk(&["assess", "--requirements", "-"], b"3.1.1[a],partial\n"),
        "status `partial` of objective 3.1.1[a] is not met, not-met or not-applicable",
    );
}

#[test]
fn the_catalog_json_lists_the_objectives() {
    let json: Value =
        serde_json::from_str(&ok(&crosswalk(&["catalog", "--json"], b""))).expect("json");
    let objectives = json["objectives"].as_array().expect("objectives");
    assert_eq!(objectives.len(), 320);
    assert_eq!(objectives[0]["id"], "3.1.1[a]");
    assert_eq!(objectives[0]["requirement"], "3.1.1");
    assert_eq!(
        objectives[0]["text"],
        "Determine if authorized users are identified."
    );
    assert_eq!(objectives[0]["defines"], false);
}

#[test]
fn state_takes_an_oscal_ssp_this_tool_wrote() {
    // Another device: the SSP in OSCAL is all that was carried over. `--state` reads it back
    // and every requirement the user decided (directly or by objectives) has the same status.
    let state = fixture("level2_conditional.json");
    let args = |s: &str| {
        [
            "export",
            "ssp",
            "--format",
            "oscal-json",
            "--date",
            "2026-12-01",
            "--state",
            s,
        ]
        .map(str::to_string)
    };
    let first = ok(&crosswalk(
        &args(&state).each_ref().map(String::as_str),
        b"",
    ));
    let statuses = |out: &str| -> Vec<(String, String)> {
        let json: Value = serde_json::from_str(out).expect("json");
        json["requirements"]
            .as_array()
            .expect("requirements")
            .iter()
            .filter(|r| r["basis"] == "answered" || r["basis"] == "objectives")
            .map(|r| (r["id"].to_string(), r["status"].to_string()))
            .collect()
    };
    let from_state = statuses(&ok(&crosswalk(
        &["assess", "--state", &state, "--json"],
        b"",
    )));
    let dir = std::env::temp_dir().join(format!("cw-ssp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let ssp = dir.join("ssp.json");
    std::fs::write(&ssp, &first).expect("write");
    let ssp = ssp.to_string_lossy().to_string();
    let answers = r#"{"handles_cui":true,"has_ssp":true,"encryption":"not-validated"}"#;
    let from_ssp = statuses(&ok(&crosswalk(
        &["assess", "--state", &ssp, "--answers", "-", "--json"],
        answers.as_bytes(),
    )));
    assert!(!from_state.is_empty());
    assert_eq!(from_ssp, from_state);
    fails(
        &crosswalk(
            &["assess", "--state", "-"],
            br#"{"system-security-plan": {"uuid": "x"}}"#,
        ),
        "-: not an SSP this tool wrote:",
    );
}

#[test]
fn no_ssp_or_poam_where_they_do_not_apply() {
    // Level 1: all 15 FAR 52.204-21 requirements must be met and no POA&M is allowed (32 CFR
    // 170.21(a)(1)); a Level 2 SSP or POA&M would mislead, so neither is written.
    let level1 = br#"{"handles_fci":true,"handles_cui":false,"solicitation":"L1-self"}"#;
    for doc in ["ssp", "poam"] {
        fails(
            &crosswalk(&["export", doc, "--answers", "-"], level1),
            "these answers: Level 1 needs no SSP or POA&M from this tool",
        );
    }
    fails(
        &crosswalk(
            &["export", "poam", "--answers", "-"],
            br#"{"handles_fci":false,"handles_cui":false}"#,
        ),
        "no POA&M for these answers: No CMMC requirement applies",
    );
    // Nothing answered yet (an SoA alone, say): the documents are written, as before.
    ok(&crosswalk(&["export", "poam", "--answers", "-"], b"{}"));
}
