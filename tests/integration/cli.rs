//! Runs the built `crosswalk` binary and checks the shape of its output, its help, its usage
//! errors and its exit statuses.

use serde_json::Value;
use std::process::Command;

fn crosswalk(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_crosswalk"))
        .args(args)
        .output()
        .expect("crosswalk runs")
}

#[test]
fn catalog_json_has_the_documented_shape() {
    let out = crosswalk(&["catalog", "--json"]);
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let len = |key: &str| json[key].as_array().map_or(0, Vec::len);
    assert_eq!(len("requirements"), 110);
    assert_eq!(len("level1"), 15);
    assert_eq!(len("level3"), 24);
    assert_eq!(len("iso_controls"), 93 + 114);
    assert_eq!(len("correspondence"), 114);
    assert!(len("crosswalk") > 400);
    assert!(len("iso_limits") >= 11);

    let first = &json["requirements"][0];
    assert_eq!(first["id"], "3.1.1");
    assert_eq!(first["family"], "AC");
    assert_eq!(first["kind"], "basic");
    assert_eq!(first["cmmc_id"], "AC.L2-3.1.1");
    assert_eq!(first["points"], 5);
    assert!(first["partial_points"].is_null());
    assert_eq!(first["poam"], "never");
    let by_id = |id: &str| {
        json["requirements"]
            .as_array()
            .and_then(|a| a.iter().find(|r| r["id"] == id))
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(by_id("3.13.11")["poam"], "eligible-when-partial");
    assert_eq!(by_id("3.13.11")["partial_points"], 3);
    assert!(by_id("3.12.4")["points"].is_null());

    assert_eq!(json["level1"][0]["id"], "AC.L1-b.1.i");
    assert_eq!(json["level1"][0]["requirements"][0], "3.1.1");
    assert_eq!(json["level3"][0]["id"], "AC.L3-3.1.2e");

    for e in json["crosswalk"].as_array().into_iter().flatten() {
        let edition = e["edition"].as_u64().expect("edition is a number");
        assert!(edition == 2013 || edition == 2022);
        assert!(e["iso"].as_str().is_some_and(|s| s.starts_with("A.")));
        let analysis = e["provenance"] == "analysis";
        assert_eq!(e["rationale"].is_string(), analysis, "{e}");
        assert!(e["via"].is_array());
    }
    let edition = |e: &Value| e["edition"].as_u64();
    assert!(json["iso_controls"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|c| edition(c).is_some()));
}

#[test]
fn catalog_summary_prints_counts() {
    let out = crosswalk(&["catalog"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("110 requirements"), "{text}");
    assert!(text.contains("-203"), "{text}");
    assert!(
        text.contains("320 assessment objectives (54 ask for a defined value)"),
        "{text}"
    );
}

#[test]
fn bad_usage_exits_2_with_one_line() {
    for args in [&[][..], &["nonsense"][..], &["catalog", "--yaml"][..]] {
        let out = crosswalk(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr).trim().lines().count(),
            1
        );
    }
}

/// Runs `crosswalk` with `stdin` piped in.
fn crosswalk_with_stdin(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write as _;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosswalk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("crosswalk starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    // The command may stop reading early (e.g. on a bad file): a broken pipe is fine here.
    let _ = pipe.write_all(stdin);
    drop(pipe);
    child.wait_with_output().expect("crosswalk runs")
}

/// A path under the crate root, so the tests do not depend on the working directory.
fn path(relative: &str) -> String {
    format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"))
}

fn json_of(out: &std::process::Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// Checks a failed run: exit status 2, one line on stderr containing `reason`, no panic.
#[track_caller]
fn check_fails(out: &std::process::Output, reason: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(reason), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn assess_json_has_the_summary_shape() {
    let soa = path("tests/fixtures/soa/iso2022_full.csv");
    let json = json_of(&crosswalk(&["assess", "--soa", &soa, "--json"]));
    assert_eq!(json["soa"]["rows_imported"], 93);
    assert_eq!(json["soa"]["edition"], 2022);
    assert_eq!(json["soa"]["problems"].as_array().map(Vec::len), Some(0));
    assert_eq!(json["requirements"].as_array().map(Vec::len), Some(110));
    for key in ["status", "basis", "via"] {
        assert!(!json["requirements"][0][key].is_null(), "{key}");
    }
    assert_eq!(json["coverage"]["view"], "strict");
    assert_eq!(json["coverage"]["strict"]["mapped"], 74);
    // No answers: nothing confirmed, so the low end is the minimum.
    assert_eq!(json["sprs"]["low"], -203);
    assert!(json["sprs"]["high"].as_i64() > Some(-203));
    assert_eq!(json["sprs"]["exact"], false);
    for key in ["status", "blocking", "poam", "summary", "text"] {
        assert!(!json["level2"][key].is_null(), "level2.{key}");
        if key != "text" {
            let forecast = &json["level2"]["with_iso_evidence"][key];
            assert!(!forecast.is_null(), "level2.with_iso_evidence.{key}");
        }
    }
    assert!(json["level1"]["met"].is_boolean());
    assert!(json["cost"]["total_usd"]["low"].is_number());
    assert!(json["timeline_months"]["high"].is_number());
    assert!(json["path_to_88"].is_array() && json["path_to_110"].is_array());
    // Nothing answered: no level yet, so no fee (none applies).
    assert_eq!(json["applicability"]["level"], "none");

    // The text form prints the same figures in words.
    let out = crosswalk(&["assess", "--soa", &soa]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("SoA: 93 rows imported (ISO/IEC 27001:2022, read as UTF-8), 0 problem(s); 0 Annex A control(s) not mentioned"),
        "{text}"
    );
    // Nothing answered yet: nothing is scored or priced (the JSON keeps every figure for tools).
    assert_eq!(json["results_mode"], "start");
    assert!(text.contains("Nothing to score or price yet"), "{text}");
    assert!(!text.contains("SPRS score"), "{text}");
}

#[test]
fn assess_reads_the_soa_from_stdin() {
    let bytes = std::fs::read(path("tests/fixtures/soa/iso2022_full.csv")).expect("fixture");
    let from_stdin = json_of(&crosswalk_with_stdin(
        &["assess", "--soa", "-", "--json"],
        &bytes,
    ));
    let soa = path("tests/fixtures/soa/iso2022_full.csv");
    let from_file = json_of(&crosswalk(&["assess", "--soa", &soa, "--json"]));
    assert_eq!(from_stdin, from_file);
}

#[test]
fn a_file_that_is_not_an_soa_exits_2_with_a_reason() {
    let png: &[u8] =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa";
    let prose: &[u8] =
        b"Dear team,\n\nplease find attached the minutes of Tuesday's meeting.\nKind regards\n";
    let nul: &[u8] = &[0u8; 64];
    for (what, bytes) in [
        ("png", png),
        ("prose", prose),
        ("zeros", nul),
        ("empty", &b""[..]),
    ] {
        let out = crosswalk_with_stdin(&["assess", "--soa", "-", "--json"], bytes);
        check_fails(&out, "- is not an SoA");
        let _ = what;
    }
    // A missing file names the path.
    let out = crosswalk(&["assess", "--soa", "/nonexistent/soa.csv"]);
    check_fails(&out, "/nonexistent/soa.csv");
}

#[test]
fn assess_with_the_example_answers() {
    let answers = path("examples/answers.json");
    let soa = path("tests/fixtures/soa/iso2022_full.csv");
    let json = json_of(&crosswalk(&[
        "assess",
        "--soa",
        &soa,
        "--answers",
        &answers,
        "--json",
    ]));
    assert_eq!(json["applicability"]["level"], "2");
    assert_eq!(json["applicability"]["assessment"], "c3pao");
    // Small business, Level 2 C3PAO: DoD's $104,670.
    assert_eq!(json["cost"]["assessment_usd"], 104_670);
    // The SSP answer decides 3.12.4.
    let ssp = json["requirements"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["id"] == "3.12.4"))
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(ssp["status"], "met");
    assert_eq!(ssp["basis"], "questionnaire");
    assert_eq!(json["sprs"]["ssp"], "confirmed");

    // Malformed answers exit 2 naming the file.
    let out = crosswalk_with_stdin(
        &["assess", "--answers", "-"],
        b"{\"handles_cui\": \"maybe\"}",
    );
    check_fails(&out, "not valid answers JSON");
}

#[test]
fn assess_with_direct_requirement_statuses() {
    let requirements = path("examples/requirements.csv");
    let json = json_of(&crosswalk(&[
        "assess",
        "--requirements",
        &requirements,
        "--answers",
        &path("examples/answers.json"),
        "--json",
    ]));
    let status = |id: &str| {
        json["requirements"]
            .as_array()
            .and_then(|a| a.iter().find(|r| r["id"] == id))
            .map(|r| (r["status"].clone(), r["basis"].clone()))
            .unwrap_or_default()
    };
    assert_eq!(status("3.1.1"), ("met".into(), "answered".into()));
    assert_eq!(status("3.5.3"), ("partial".into(), "answered".into()));
    assert_eq!(status("3.6.2"), ("not-met".into(), "answered".into()));
    assert_eq!(
        status("3.10.6"),
        ("not-applicable".into(), "answered".into())
    );
    assert_eq!(status("3.1.3"), ("unknown".into(), "no-evidence".into()));

    // From stdin, without a header row, with messy spacing and case.
    let json = json_of(&crosswalk_with_stdin(
        &["assess", "--requirements", "-", "--json"],
        b" 3.1.1 , Not Met\n3.1.2,N/A\n\n",
    ));
    assert_eq!(json["requirements"][0]["status"], "not-met");
    assert_eq!(json["requirements"][1]["status"], "not-applicable");
}

#[test]
fn a_bad_requirement_status_exits_2_naming_the_line() {
    let out = crosswalk_with_stdin(
        &["assess", "--requirements", "-"],
        b"id,status\n3.1.1,met\n3.1.2,sort of\n",
    );
    check_fails(&out, "line 3: status `sort of`");
    let out = crosswalk_with_stdin(&["assess", "--requirements", "-"], b"3.1.1,unknown\n");
    check_fails(&out, "line 1: status `unknown`");
    let out = crosswalk_with_stdin(
        &["assess", "--requirements", "-"],
        b"3.1.1,met\n3.99.1,met\n",
    );
    check_fails(
        &out,
        "line 2: `3.99.1` is not a NIST SP 800-171 r2 requirement",
    );
}

#[test]
fn scan_json_has_the_documented_shape() {
    let rfp = path("tests/fixtures/solicitations/rfp_l2_c3pao_sections_k_l.txt");
    let json = json_of(&crosswalk(&["scan", "--text", &rfp, "--json"]));
    assert_eq!(json["solicitation"], "L2-c3pao");
    let first = &json["clauses"][0];
    assert_eq!(first["id"], "far-52.204-21");
    assert_eq!(first["number"], "52.204-21");
    assert_eq!(
        first["title"],
        "Basic Safeguarding of Covered Contractor Information Systems"
    );
    assert_eq!(first["kind"], "far");
    assert_eq!(first["role"], "fci");
    assert_eq!(first["line"], 13);
    assert_eq!(first["occurrences"], 1);
    assert_eq!(
        first["citation"],
        "FAR 52.204-21(b)(1); FAR 4.1903; 32 CFR 170.14(c)(2)"
    );
    assert!(first["quote"]
        .as_str()
        .is_some_and(|q| q.starts_with("52.204-21")));
    assert_eq!(json["clauses"].as_array().map(Vec::len), Some(7));
    let fill = &json["fill_ins"][0];
    assert_eq!(fill["clause"], "dfars-252.204-7025");
    assert_eq!(fill["paragraph"], "252.204-7025(b)(1)");
    assert_eq!(fill["line"], 44);
    assert_eq!(fill["reading"], "L2-c3pao");
    assert_eq!(fill["value"], "CMMC Level 2 (C3PAO).");
    let cui = &json["cui_indicators"][0];
    assert_eq!(cui["kind"], "distribution-statement-d");
    assert_eq!(cui["line"], 66);
    assert!(cui["citation"]
        .as_str()
        .is_some_and(|c| c.contains("DoDI 5230.24")));
    assert!(json["flow_down_level"].is_null());
    assert_eq!(json["flow_down"], serde_json::json!([]));
    assert_eq!(json["fci_indicated"], true);
    assert!(json["fci_reason"]["text"].is_string());
    assert!(json["notes"].as_array().is_some_and(|n| n
        .iter()
        .all(|n| n["text"].is_string() && n["citation"].is_string())));
    assert_eq!(json["lines"], 70);
    assert_eq!(json["truncated"], false);

    // The text form says the same in words.
    let out = crosswalk(&["scan", "--text", &rfp]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Level named: CMMC Level 2 (C3PAO)"), "{text}");
    assert!(
        text.contains("line 44: 252.204-7025(b)(1) fill-in reads L2-c3pao"),
        "{text}"
    );
    assert!(text.contains("line 66: distribution-statement-d"), "{text}");
    assert!(
        text.contains("Handles FCI: suggested yes (confirm it)"),
        "{text}"
    );
}

#[test]
fn scan_reads_stdin_in_utf16_and_says_not_found() {
    // UTF-16LE with a byte order mark, as Windows tools save text, decoded by decode_text.
    let text = "Contract W00000-26-C-0001\r\nDFARS 252.204-7012 Safeguarding Covered Defense Information\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let json = json_of(&crosswalk_with_stdin(
        &["scan", "--text", "-", "--json"],
        &bytes,
    ));
    assert_eq!(json["solicitation"], "not-found");
    assert_eq!(json["clauses"][0]["id"], "dfars-252.204-7012");
    assert_eq!(json["clauses"][0]["line"], 2);
    let out = crosswalk_with_stdin(&["scan", "--text", "-"], &bytes);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Level named: not found"));
    // The same text from a file gives the same JSON.
    let two = path("tests/fixtures/solicitations/two_levels_disagree.txt");
    let from_file = json_of(&crosswalk(&["scan", "--text", &two, "--json"]));
    let bytes = std::fs::read(&two).expect("fixture");
    let from_stdin = json_of(&crosswalk_with_stdin(
        &["scan", "--text", "-", "--json"],
        &bytes,
    ));
    assert_eq!(from_file, from_stdin);
    assert_eq!(from_file["solicitation"], "unknown");
}

#[test]
fn scan_usage_errors_exit_2_with_one_line() {
    for (args, reason) in [
        (
            &["scan"][..],
            "required arguments were not provided: --text",
        ),
        (
            &["scan", "--json"][..],
            "required arguments were not provided: --text",
        ),
        (&["scan", "--text"][..], "a value is required for '--text"),
        (
            &["scan", "--text", "-", "--yaml"][..],
            "unexpected argument '--yaml'",
        ),
    ] {
        let out = crosswalk(args);
        check_fails(&out, reason);
        assert!(String::from_utf8_lossy(&out.stderr).contains("crosswalk scan --text FILE|-"));
    }
    check_fails(
        &crosswalk(&["scan", "--text", "/nonexistent/rfp.txt"]),
        "/nonexistent/rfp.txt",
    );
}

#[test]
fn version_comes_from_cargo_toml() {
    let out = crosswalk(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("crosswalk {}", env!("CARGO_PKG_VERSION"))
    );
}

/// Checks `crosswalk ARGS --help`: exit 0, on standard output, naming each of `words`.
#[track_caller]
fn check_help(args: &[&str], words: &[&str]) {
    let out = crosswalk(args);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{args:?}");
    assert!(out.stderr.is_empty(), "{args:?}");
    for word in words {
        assert!(
            help.contains(word),
            "{args:?} does not name {word}:\n{help}"
        );
    }
}

#[test]
fn help_names_every_subcommand_and_flag() {
    check_help(
        &["--help"],
        &["catalog", "assess", "scan", "--version", "Exit status"],
    );
    check_help(&["catalog", "--help"], &["--json"]);
    check_help(
        &["assess", "--help"],
        &[
            "--soa <FILE|->",
            "--status-map <FILE>",
            "--answers <FILE|->",
            "--requirements <FILE|->",
            "--view <VIEW>",
            "strict",
            "analysed",
            "--date <YYYY-MM-DD>",
            "--json",
            "Exit status",
        ],
    );
    check_help(
        &["scan", "--help"],
        &[
            "crosswalk scan --text FILE|- [--json]",
            "--text <FILE|->",
            "--json",
        ],
    );
    // `-h` is the short form; `help SUBCOMMAND` the same as `SUBCOMMAND --help`.
    check_help(&["scan", "-h"], &["--text"]);
    check_help(&["help", "assess"], &["--requirements"]);
}

#[test]
fn unknown_flags_exit_2_with_the_usage() {
    for (args, usage) in [
        (&["--nope"][..], "crosswalk <COMMAND>"),
        (
            &["assess", "--bogus"][..],
            "crosswalk assess [--state FILE|-] [--soa FILE|-]",
        ),
        (&["catalog", "--yaml"][..], "crosswalk catalog [--json]"),
    ] {
        let out = crosswalk(args);
        check_fails(&out, "unexpected argument '-");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(usage),
            "{args:?}"
        );
    }
}

#[test]
fn a_bad_date_or_view_exits_2_naming_what_is_expected() {
    for date in ["2026-13-01", "2026-02-29", "12/01/2026", "today"] {
        let out = crosswalk(&["assess", "--date", date]);
        check_fails(&out, &format!("invalid value '{date}' for '--date"));
        check_fails(&out, "in the form YYYY-MM-DD");
    }
    let out = crosswalk(&["assess", "--view", "loose"]);
    check_fails(&out, "[possible values: strict, analysed]");
}

#[test]
fn date_and_view_reach_the_engine() {
    let json = json_of(&crosswalk(&[
        "assess",
        "--date",
        "2026-12-01",
        "--view",
        "analysed",
        "--json",
    ]));
    assert_eq!(json["date"], "2026-12-01");
    assert_eq!(json["coverage"]["view"], "analysed");
    // The American spelling is accepted too.
    let json = json_of(&crosswalk(&["assess", "--view", "analyzed", "--json"]));
    assert_eq!(json["coverage"]["view"], "analysed");
    // Without --date: today's date, from the CLI's clock.
    let date = json["date"].as_str().unwrap_or_default();
    assert!(
        date.len() == 10 && date.as_bytes()[4] == b'-' && date > "2025-01-01",
        "{date}"
    );
}

#[test]
fn a_reader_that_stops_early_is_no_failure() {
    use std::io::Read as _;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosswalk"))
        .args(["catalog", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("crosswalk starts");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).expect("some output");
    // `| head -c 1`: the catalog (far more than a pipe buffer) meets a closed pipe.
    drop(stdout);
    let out = child.wait_with_output().expect("crosswalk runs");
    assert_eq!(first[0], b'{');
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_output_that_cannot_be_written_exits_1() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        return; // Not Linux: nothing to check here.
    };
    let out = Command::new(env!("CARGO_BIN_EXE_crosswalk"))
        .args(["catalog"])
        .stdout(full)
        .output()
        .expect("crosswalk runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("crosswalk: writing the output:"),
        "{stderr}"
    );
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
}

/// The text form shows only what applies at the level: a Level 1 shop sees its 15 FAR
/// requirements, never an SPRS score or a Level 2 status (32 CFR 170.21(a)(1)).
#[test]
fn assess_text_follows_the_level() {
    let out = crosswalk(&[
        "assess",
        "--soa",
        &path("static/sample-soa.csv"),
        "--answers",
        &path("static/samples/acme-machining.json"),
        "--date",
        "2026-12-01",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Level 1: 0 of 15 FAR 52.204-21 requirements confirmed met; 14 more suggested by the SoA, not confirmed"),
        "{text}"
    );
    assert!(
        !text.contains("SPRS score") && !text.contains("Level 2:"),
        "{text}"
    );
    assert!(text.contains("$23171 to $42711"), "{text}");
}

/// The SoA of issue 12's walk-through: odd headers, free-text statuses, `X` for included.
const ODD_HEADERS: &[u8] = b"Ref,Control,Included?,Status/Comments
A.5.15,Access control,X,Fully in place
A.5.16,Identity management,X,WIP
A.5.17,Authentication information,X,TBD
A.8.5,Secure authentication,X,Awaiting budget
A.8.6,Capacity management,X,Awaiting budget
";

#[test]
fn a_status_map_reads_values_the_importer_does_not_know() {
    let soa = std::env::temp_dir().join(format!("crosswalk-odd-{}.csv", std::process::id()));
    std::fs::write(&soa, ODD_HEADERS).expect("temp file");
    let soa = soa.to_string_lossy().to_string();
    let values = |json: &Value| -> Vec<String> {
        json["soa"]["status_values"]
            .as_array()
            .expect("status_values")
            .iter()
            .map(|v| {
                format!(
                    "{} {} {} {} {}",
                    v["column"], v["value"], v["count"], v["reading"], v["source"]
                )
            })
            .collect()
    };
    // Without a map: "X" is in scope, not implemented; the unknown value is kept, unknown.
    let before = json_of(&crosswalk(&[
        "assess",
        "--soa",
        &soa,
        "--json",
        "--date",
        "2026-12-01",
    ]));
    assert_eq!(
        values(&before),
        [
            r#""applicability" "X" 5 "unknown" "known""#,
            r#""status" "Fully in place" 1 "implemented" "known""#,
            r#""status" "WIP" 1 "in-progress" "known""#,
            r#""status" "TBD" 1 "unknown" "known""#,
            r#""status" "Awaiting budget" 2 "unknown" "unrecognised""#,
        ]
    );
    assert_eq!(before["soa"]["rows_imported"], 5);
    assert_eq!(before["soa"]["encoding"], "UTF-8");
    assert_eq!(
        before["soa"]["controls_missing"].as_array().map(Vec::len),
        Some(93 - 5)
    );
    // With a map (the value matched whatever its case and spacing), the reading is the user's.
    let out = crosswalk_with_stdin(
        &[
            "assess",
            "--soa",
            &soa,
            "--status-map",
            "-",
            "--json",
            "--date",
            "2026-12-01",
        ],
        b"column,value,reading\nstatus,  awaiting   BUDGET ,implemented\n",
    );
    let after = json_of(&out);
    assert!(values(&after)
        .contains(&r#""status" "Awaiting budget" 2 "implemented" "chosen""#.to_string()));
    let status_of = |json: &Value, id: &str| {
        json["requirements"]
            .as_array()
            .and_then(|r| r.iter().find(|x| x["id"] == id))
            .map(|x| x["status"].clone())
    };
    // A.8.5 (secure authentication) supports 3.1.8 (unsuccessful logon attempts): unknown before the
    // map, implemented evidence after it.
    assert_eq!(status_of(&before, "3.1.8"), Some(Value::from("unknown")));
    assert_eq!(status_of(&after, "3.1.8"), Some(Value::from("met")));
    // The text form lists every value and how it was read.
    let text = String::from_utf8_lossy(
        &crosswalk(&["assess", "--soa", &soa, "--date", "2026-12-01"]).stdout,
    )
    .to_string();
    assert!(
        text.contains(r#"status "Awaiting budget" (2 rows): read as unknown (not recognised: map it with --status-map)"#),
        "{text}"
    );
    // A bad map line stops the run naming the line; nothing is half-applied.
    let out = crosswalk_with_stdin(
        &["assess", "--soa", &soa, "--status-map", "-"],
        b"status,Awaiting budget,implemented\nstatus,WIP,sort of done\n",
    );
    check_fails(&out, "line 2: `sort of done` is not a reading");
    let out = crosswalk_with_stdin(
        &["assess", "--soa", &soa, "--status-map", "-"],
        b"owner,Bob,implemented\n",
    );
    check_fails(&out, "line 1: `owner` is not a column of the map");
    // A map needs an SoA to apply to.
    let out = crosswalk_with_stdin(&["assess", "--status-map", "-"], b"");
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_file(&soa);
}

/// A program reading `crosswalk assess --json` gets the finding, not the forecast: `status` and
/// `met` count what was confirmed (32 CFR 170.24(c)(2): a score counts requirements assessed MET),
/// and what the ISO suggestions would give sits apart under `with_iso_evidence`. The fixture is a
/// full ISO SoA with only the requirements ISO does not suggest met answered: -77 confirmed,
/// Final Level 2 if every suggestion were confirmed.
#[test]
fn assess_json_says_the_confirmed_status_first() {
    let state = path("tests/fixtures/iso_forecast_final.json");
    let json = json_of(&crosswalk(&["assess", "--state", &state, "--json"]));
    let level2 = &json["level2"];
    assert_eq!(level2["status"], "not-eligible");
    assert!(level2["summary"]
        .as_str()
        .is_some_and(|s| s.contains("-77")));
    assert!(level2["blocking"].as_array().is_some_and(|b| b.len() > 30));
    assert_eq!(level2["with_iso_evidence"]["status"], "final");
    assert_eq!(
        level2["with_iso_evidence"]["blocking"],
        Value::Array(vec![])
    );
    assert_eq!(
        level2["text"],
        "Not eligible on the answers confirmed; Final Level 2 if every ISO suggestion is confirmed"
    );
    assert_eq!(json["sprs"]["low"], -77);
    assert_eq!(json["sprs"]["high"], 110);
    // Level 1 the same way: met only on confirmed answers; the ids not confirmed are open.
    let level1 = &json["level1"];
    assert_eq!(level1["met"], false);
    assert_eq!(level1["met_with_iso_evidence"], true);
    assert_eq!(level1["unmet_with_iso_evidence"], Value::Array(vec![]));
    assert!(level1["unmet"].as_array().is_some_and(|u| !u.is_empty()));

    // The text output says the same, the confirmed status first.
    let out = crosswalk(&["assess", "--state", &state]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("  confirmed: Score -77 is below 88"),
        "{text}"
    );
    assert!(
        text.contains("  if every ISO suggestion is confirmed: All 110 requirements met"),
        "{text}"
    );
    assert!(!text.contains("blocking even"), "{text}");
}

/// The text output dates the phase by the day it began, beside the day the rules were applied
/// on (32 CFR 170.3(e): Phase 2 began on 2026-11-10).
#[test]
fn assess_text_says_when_the_phase_began() {
    let out = crosswalk(&["assess", "--date", "2026-12-01"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("On 2026-12-01: Phase 2 (since 2026-11-10): "),
        "{first}"
    );
    assert!(
        first.ends_with("]") && first.contains("170.3(e)"),
        "{first}"
    );
    let out = crosswalk(&["assess", "--date", "2025-01-01"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("On 2025-01-01: Before Phase 1: "),
        "{first}"
    );
}
