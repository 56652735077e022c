//! Runs the built `crosswalk` binary and checks the shape of `catalog --json` and the usage errors.

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
