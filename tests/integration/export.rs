//! The exports: the SSP (Markdown, OSCAL) and the POA&M (CSV, OSCAL) from the fixtures in
//! `tests/fixtures/oscal/` and from worked examples. Worked examples cite their paragraph; the
//! OSCAL files are checked for their shape and for being byte-identical for the same input here,
//! and against NIST's models by the `oscal` stage (`scripts/validate_oscal.py`).

use crate::support::{date, Case};
use cmmc_readiness::engine::{
    evaluate, import_oscal_ssp, load_state, poam, poam_csv, poam_oscal, ssp, ssp_markdown,
    ssp_oscal, Answer, Answers, Catalog, HeldStatus, Input, Level2Status, ObjectiveId,
    ObjectiveStatus, Poam, SavedState, Solicitation, Status, OSCAL_VERSION, SSP_ASSUMED,
};
use serde_json::Value;

fn fixture(name: &str) -> SavedState {
    let path = format!("{}/tests/fixtures/oscal/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    load_state(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn input(state: &SavedState) -> Input {
    state.input(Catalog::builtin(), date("2026-12-01"))
}

/// The four documents of an input: SSP Markdown and OSCAL, POA&M CSV and OSCAL.
fn documents(input: &Input) -> [String; 4] {
    let c = Catalog::builtin();
    let a = evaluate(c, input).assessment;
    let s = ssp(c, input, &a);
    let p = poam(c, input, &a);
    [
        ssp_markdown(&s),
        ssp_oscal(c, &s),
        poam_csv(&p),
        poam_oscal(&p),
    ]
}

/// A property of an OSCAL SSP's metadata by name (`None` when the SSP leaves it out).
fn ssp_prop(ssp_json: &str, name: &str) -> Option<Value> {
    let doc: Value = serde_json::from_str(ssp_json).expect("json");
    doc["system-security-plan"]["metadata"]["props"]
        .as_array()
        .expect("props")
        .iter()
        .find(|p| p["name"] == name)
        .map(|p| p["value"].clone())
}

fn the_poam(input: &Input) -> Poam {
    let c = Catalog::builtin();
    poam(c, input, &evaluate(c, input).assessment)
}

/// A Level 2 (C3PAO) solicitation with CUI, and the SSP answer given.
fn level2_c3pao(has_ssp: Option<bool>) -> Answers {
    Answers {
        handles_cui: Some(true),
        solicitation: Solicitation::L2C3pao,
        has_ssp,
        ..Answers::default()
    }
}

fn ids(items: &[cmmc_readiness::engine::PoamItem]) -> Vec<&str> {
    items.iter().map(|i| i.id.as_str()).collect()
}

/// Worked example (32 CFR 170.21(a)(2), (b)): the Level 2 fixture scores 105 with three open
/// items that may all sit on a POA&M (3.1.3 and 3.8.9 at one point, 3.13.11 in its named
/// partial state), so the status is Conditional and every item carries the closeout deadline,
/// 180 days after the status date (the input's date, 2026-12-01: no Conditional status is held).
#[test]
fn a_conditional_poam_carries_the_180_day_closeout() {
    let input = input(&fixture("level2_conditional.json"));
    let a = evaluate(Catalog::builtin(), &input).assessment;
    assert_eq!(a.scoring.level2.status, Level2Status::Conditional);
    assert_eq!(a.scoring.sprs.high, Some(105));
    let p = the_poam(&input);
    assert_eq!(ids(&p.items), ["3.1.3", "3.8.9", "3.13.11"]);
    assert!(p.blockers.is_empty());
    for item in &p.items {
        let c = item.closeout.expect("closeout");
        assert_eq!(
            (c.status_date, c.deadline),
            (date("2026-12-01"), date("2027-05-30"))
        );
        assert!(!c.held);
    }
    // The user's plan travels with its item; an item without a date is due at the closeout.
    assert_eq!(p.items[0].plan.owner, "Lee Chen");
    assert_eq!(p.items[0].scheduled(), Some(date("2027-03-15")));
    assert_eq!(p.items[1].scheduled(), Some(date("2027-05-30")));
    // 3.13.11 is scheduled after the deadline: said in the CSV, and the risk must still be
    // resolved by the closeout (the assessor's review: the OSCAL deadline was the later date).
    assert!(p.items[2].late());
    assert_eq!(p.items[2].scheduled(), Some(date("2027-05-30")));
    let csv = poam_csv(&p);
    assert!(csv.contains("would expire first"), "{csv}");
    assert!(csv.contains("2027-05-30"));
    assert_eq!(csv.lines().count(), 4, "a header and three items");
}

/// Worked example (METHODOLOGY.md "A worked example"; 32 CFR 170.21(a)(2)(ii)): with 3.5.3 in
/// its partial state the score is 102, but 3.5.3 may never sit on a POA&M: the status is not
/// eligible, 3.5.3 is listed apart as a blocker, and no item carries a closeout date.
#[test]
fn blockers_are_listed_apart_and_nothing_is_conditional() {
    let mut state = fixture("level2_conditional.json");
    state.direct.insert(
        "3.5.3".into(),
        cmmc_readiness::engine::DirectAnswer::new(Answer::Partial),
    );
    let input = input(&state);
    let p = the_poam(&input);
    assert_eq!(p.level2.confirmed, Level2Status::NotEligible);
    assert_eq!(ids(&p.items), ["3.1.3", "3.8.9", "3.13.11"]);
    assert_eq!(ids(&p.blockers), ["3.5.3"]);
    // It loses 3 points in its named state, and the reason says so (the assessor's review: it
    // said "Worth 5 points" beside a Points column of 3).
    let reason = p.blockers[0].blocker_reason.as_deref().unwrap_or("");
    assert!(reason.contains("loses 3 points instead of 5"), "{reason}");
    assert!(reason.contains("3.5.3 may never be on a POA&M"), "{reason}");
    assert_eq!(p.blockers[0].points, 3);
    let oscal = poam_oscal(&p);
    assert!(
        oscal.contains("3.5.3 (IA.L2-3.5.3) not met: in its named partial state"),
        "{oscal}"
    );
    assert!(p.items.iter().all(|i| i.closeout.is_none()));
    let csv = poam_csv(&p);
    let last = csv.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("Blocker: may not sit on a POA&M (Level 2),3.5.3,"),
        "{last}"
    );
    let oscal: Value = serde_json::from_str(&poam_oscal(&p)).expect("json");
    let doc = &oscal["plan-of-action-and-milestones"];
    assert_eq!(doc["findings"].as_array().map(Vec::len), Some(1));
    assert_eq!(doc["findings"][0]["target"]["target-id"], "sp800-171_3.5.3");
    assert_eq!(doc["poam-items"].as_array().map(Vec::len), Some(4));
}

/// 32 CFR 170.21(b): the 180 days run from the Conditional CMMC Status Date. When the user holds
/// a Conditional Level 2 status, that date, not the input's, starts them.
#[test]
fn a_held_conditional_status_dates_the_closeout() {
    let mut state = fixture("level2_conditional.json");
    state.answers.current_status = Some(HeldStatus::L2C3paoConditional);
    state.answers.status_date = Some(date("2026-10-01"));
    let p = the_poam(&input(&state));
    let c = p.items[0].closeout.expect("closeout");
    assert!(c.held);
    assert_eq!(c.deadline, date("2027-03-30"));

    // "Within 180-days of the Conditional CMMC Status Date": the 180th day still counts (the
    // assessor's review, 2026-12-07, found it expired on that day and a new deadline from the
    // plan's date). The day after, it has expired, and the 180 days run from the plan's date.
    let on = |d: &str| {
        let mut input = state.input(Catalog::builtin(), date(d));
        input.date = date(d);
        let c = Catalog::builtin();
        let a = evaluate(c, &input).assessment;
        let life = a.applicability.lifecycle.clone().expect("lifecycle");
        (
            life,
            poam(c, &input, &a).items[0].closeout.expect("closeout"),
        )
    };
    let (life, c) = on("2027-03-30");
    assert!(!life.expired);
    assert!(
        life.text
            .contains("lasts through 2027-03-30, the 180th day"),
        "{}",
        life.text
    );
    assert_eq!((c.held, c.deadline), (true, date("2027-03-30")));
    let (life, c) = on("2027-03-31");
    assert!(life.expired);
    assert!(
        life.text.contains("its 180 days ended on 2027-03-30"),
        "{}",
        life.text
    );
    assert_eq!((c.held, c.deadline), (false, date("2027-09-27")));
}

#[test]
fn the_poam_csv_neutralises_formulas() {
    let mut state = fixture("level2_conditional.json");
    if let Some(plan) = state.poam.get_mut("3.1.3") {
        plan.owner = "=HYPERLINK(\"http://x\")".into();
        plan.resources = "+1 contractor".into();
    }
    let csv = poam_csv(&the_poam(&input(&state)));
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
    assert!(csv.contains(",'+1 contractor,"), "{csv}");
}

#[test]
fn the_ssp_markdown_carries_what_the_user_wrote() {
    let [md, ..] = documents(&input(&fixture("level2_conditional.json")));
    for needle in [
        "# System Security Plan: Acme CUI enclave",
        "| Organization | Acme Precision Machining |",
        "| Information system security officer | Lee Chen |",
        "The office network and the shop floor machines are out of scope.",
        // SP 800-171A 3.12.4[c], [f], [g], [h].
        "## Environment of operation\n\nOne site in Dayton, Ohio: the engineering office and the machine shop.  \n",
        "## Connections to other systems and services\n\nMicrosoft 365 GCC (FedRAMP Moderate)",
        "Updated: Every 12 months and after each significant change. Last updated: 2026-11-20.",
        "- 3.1.8[a]: 5 failed attempts, then a 30-minute lockout",
        "- 3.10.6: No alternate work sites",
        "- 3.1.16[a]: No wireless access points inside the enclave",
        "**Status:** Partial (the named partial state",
        "A.5.15 Access control (implemented; SoA A.5.15 line",
    ] {
        assert!(md.contains(needle), "missing {needle:?}");
    }
    // A note cannot inject HTML or break a table.
    let mut state = fixture("level2_conditional.json");
    state.system.roles[0].holder = "<script>x</script> | [link](http://x)".into();
    let [md, ..] = documents(&input(&state));
    assert!(md.contains("&lt;script>x&lt;/script> \\| \\[link\\](http://x)"));
    // A `>` opens nothing mid-line and stays as written; at a line's start it is escaped.
    let mut state = fixture("level2_conditional.json");
    state.system.roles[0].holder = "> quoted, PL-2 -> A.6.1.2".into();
    let [md, ..] = documents(&input(&state));
    assert!(md.contains("| \\> quoted, PL-2 -> A.6.1.2 |"), "{md}");
    // An ampersand stays readable, except where it would start an entity.
    let mut state = fixture("level2_conditional.json");
    state.system.roles[0].holder = "R&D lead &lt;not a tag&gt; & co".into();
    let [md, ..] = documents(&input(&state));
    assert!(
        md.contains("R&D lead &amp;lt;not a tag&amp;gt; & co"),
        "{md}"
    );
}

/// The OSCAL files: the version trestle validates, v5 UUIDs, the profile and the catalog inside
/// the SSP, the objectives as statements, the defined values as parameters.
#[test]
fn the_oscal_ssp_has_the_expected_shape() {
    let [_, oscal, _, poam_json] = documents(&input(&fixture("level2_conditional.json")));
    let v: Value = serde_json::from_str(&oscal).expect("json");
    let doc = &v["system-security-plan"];
    assert_eq!(doc["metadata"]["oscal-version"], OSCAL_VERSION);
    assert_eq!(doc["metadata"]["last-modified"], "2026-12-01T00:00:00Z");
    let uuid = doc["uuid"].as_str().unwrap_or_default();
    assert_eq!(uuid.len(), 36);
    assert_eq!(&uuid[14..15], "5", "version 5: {uuid}");
    let reqs = doc["control-implementation"]["implemented-requirements"]
        .as_array()
        .expect("requirements");
    assert_eq!(reqs.len(), 110);
    let r318 = &reqs[7];
    assert_eq!(r318["control-id"], "sp800-171_3.1.8");
    assert_eq!(
        r318["statements"][0]["statement-id"],
        "sp800-171_3.1.8_obj.a"
    );
    assert_eq!(
        r318["set-parameters"][0]["param-id"],
        "sp800-171_3.1.8_odp.a"
    );
    assert_eq!(
        r318["set-parameters"][0]["values"][0],
        "5 failed attempts, then a 30-minute lockout"
    );
    let href = doc["import-profile"]["href"].as_str().unwrap_or_default();
    let resource = &doc["back-matter"]["resources"][0];
    assert_eq!(
        href,
        format!("#{}", resource["uuid"].as_str().unwrap_or_default())
    );
    assert_eq!(
        resource["base64"]["media-type"],
        "application/oscal.profile+json"
    );
    // Nothing is the r3 catalog, and every id starts with a letter.
    assert!(!oscal.contains("SP_800_171_03") && !oscal.contains("\"03."));
    let p: Value = serde_json::from_str(&poam_json).expect("json");
    assert_eq!(
        p["plan-of-action-and-milestones"]["system-id"]["id"],
        doc["system-characteristics"]["system-ids"][0]["id"],
        "the POA&M names the SSP's system"
    );
}

/// The same input gives byte-identical files; a different system gives different UUIDs.
#[test]
fn the_same_input_gives_byte_identical_files() {
    for name in ["level2_conditional.json", "level3.json"] {
        let first = documents(&input(&fixture(name)));
        let second = documents(&input(&fixture(name)));
        assert_eq!(first, second, "{name}");
    }
    let mut other = fixture("level2_conditional.json");
    other.system.name = "Another enclave".into();
    let a = documents(&input(&fixture("level2_conditional.json")));
    let b = documents(&input(&other));
    assert_ne!(a[1][..120], b[1][..120]);
}

/// Importing an SSP this app wrote restores the answers, the notes, the defined values, the
/// Level 3 answers and the system.
#[test]
fn an_oscal_ssp_round_trips_to_the_inputs() {
    for name in ["level2_conditional.json", "level3.json"] {
        let state = fixture(name);
        let [_, oscal, ..] = documents(&input(&state));
        let back = import_oscal_ssp(Catalog::builtin(), &oscal).expect("imports");
        assert_eq!(back.direct, state.direct, "{name}");
        assert_eq!(back.objectives, state.objectives, "{name}");
        assert_eq!(back.system, state.system, "{name}");
        assert_eq!(back.date, state.date, "{name}");
        if name == "level3.json" {
            assert_eq!(back.level3, state.level3);
        }
        let mut restored = SavedState::default();
        back.apply_to(&mut restored);
        assert_eq!(restored.objectives, state.objectives);
    }
}

/// Level 3 (32 CFR 170.21(a)(3)): 22 of 24 met, both open ones eligible: Conditional Level 3,
/// with the closeout from the input's date (no Conditional Level 3 is held).
#[test]
fn a_level3_case_exports_its_24_requirements() {
    let state = fixture("level3.json");
    let input = input(&state);
    let p = the_poam(&input);
    assert_eq!(
        p.level3,
        Some(cmmc_readiness::engine::Level3Status::Conditional)
    );
    assert_eq!(ids(&p.items), ["AC.L3-3.1.2e", "CM.L3-3.4.2e"]);
    assert_eq!(
        p.items[0].closeout.map(|c| c.deadline),
        Some(date("2028-05-29"))
    );
    assert_eq!(p.items[1].plan.owner, "SOC manager");
    let [md, oscal, ..] = documents(&input);
    assert!(md.contains("## Level 3"));
    let v: Value = serde_json::from_str(&oscal).expect("json");
    let reqs = &v["system-security-plan"]["control-implementation"]["implemented-requirements"];
    assert_eq!(reqs.as_array().map(Vec::len), Some(134));
    assert_eq!(reqs[110]["control-id"], "sp800-172_3.1.2e");
}

/// Objective answers reach the exports: an unmet objective is named on its POA&M item.
#[test]
fn open_objectives_reach_the_poam() {
    let mut case = Case::all_met()
        .answers(level2_c3pao(Some(true)))
        .objective("3.1.8[b]", ObjectiveStatus::NotMet);
    case.input.date = date("2026-12-01");
    let p = the_poam(&case.input);
    assert_eq!(ids(&p.items), ["3.1.8"]);
    assert_eq!(
        p.items[0].open_objectives,
        [ObjectiveId::parse("3.1.8[b]").expect("id")]
    );
    assert!(poam_csv(&p).contains(",3.1.8[b],"));

    // What the user wrote about the unmet objective is part of the weakness.
    let case = case.objective_with_note(
        "3.1.8[b]",
        ObjectiveStatus::NotMet,
        "Lockout not enforced on the VPN",
    );
    let p = the_poam(&case.input);
    assert!(
        p.items[0]
            .weakness
            .ends_with(" 3.1.8[b]: Lockout not enforced on the VPN"),
        "{}",
        p.items[0].weakness
    );
}

/// Worked example (32 CFR 170.24(c)(2)(i)(B)(5), (6); NIST SP 800-171 r2 3.12.2): without an SSP
/// there is no score and no status, but every open requirement still needs its plan of action.
/// The POA&M keeps 3.1.8 with the plan written for it, and lists 3.12.4 apart as a blocker.
#[test]
fn without_an_ssp_the_poam_keeps_every_open_item_and_its_plan() {
    let mut case = Case::all_met()
        .answers(level2_c3pao(Some(false)))
        .with("3.12.4", Answer::NotMet)
        .objective("3.1.8[b]", ObjectiveStatus::NotMet);
    case.input.date = date("2026-12-01");
    case.input.poam.insert(
        "3.1.8".into(),
        cmmc_readiness::engine::PoamPlan {
            owner: "Dana Reyes".into(),
            ..Default::default()
        },
    );
    let a = evaluate(Catalog::builtin(), &case.input).assessment;
    assert_eq!(a.scoring.level2.status, Level2Status::NoSsp);
    let p = the_poam(&case.input);
    assert_eq!(ids(&p.items), ["3.1.8"]);
    assert_eq!(p.items[0].plan.owner, "Dana Reyes");
    // No status, so no 180-day closeout to date the item by.
    assert!(p.items[0].closeout.is_none());
    assert_eq!(ids(&p.blockers), ["3.12.4"]);
    assert!(poam_csv(&p).contains(",3.1.8[b],Dana Reyes,"));
}

/// An assessor reads the SSP as the organisation's own claim: a status only ISO evidence
/// suggests is said as a suggestion, and the OSCAL SSP gives it no implementation status.
#[test]
fn the_ssp_never_states_a_suggestion_as_implemented() {
    let mut case = Case::new()
        .soa(crate::support::fixture("iso2022_full.csv"))
        .answers(level2_c3pao(None))
        .with("3.1.1", Answer::Met);
    case.input.date = date("2026-12-01");
    let [md, oscal, _, _] = documents(&case.input);
    assert!(md.contains(
        "**Status:** Met, as ISO/IEC 27001 evidence suggests; not confirmed (basis: ISO evidence)."
    ));
    assert!(
        md.contains("**Status:** Met (basis: answered)."),
        "the user's own answer is stated"
    );
    // The organisation's own answer carries no screening aside (the walk-through of 2026-12-07:
    // "Without your answer, the ISO evidence alone would say" under requirements answered met);
    // a suggestion keeps its reason.
    let section = |id: &str| {
        md.split("\n### ")
            .find(|s| s.starts_with(&format!("{id} ")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(!section("3.1.1").contains("*Why:*"), "{}", section("3.1.1"));
    assert!(!md.contains("Without your answer"));
    assert!(
        section("3.1.2").contains("*Why:* Suggested by ISO evidence"),
        "{}",
        section("3.1.2")
    );
    let json: Value = serde_json::from_str(&oscal).expect("json");
    let reqs = json["system-security-plan"]["control-implementation"]["implemented-requirements"]
        .as_array()
        .expect("requirements");
    let basis = |r: &Value| {
        r["props"]
            .as_array()
            .and_then(|p| p.iter().find(|p| p["name"] == "cmmc-basis"))
            .map(|p| p["value"].as_str().unwrap_or_default().to_string())
            .unwrap_or_default()
    };
    let prop = |r: &Value, name: &str| {
        r["props"]
            .as_array()
            .and_then(|p| p.iter().find(|p| p["name"] == name))
            .map(|p| p["value"].as_str().unwrap_or_default().to_string())
    };
    let suggested: Vec<&Value> = reqs.iter().filter(|r| basis(r) == "ISO evidence").collect();
    assert!(!suggested.is_empty());
    for r in suggested {
        assert!(
            r["by-components"][0].get("implementation-status").is_none(),
            "{}",
            r["control-id"]
        );
        // Its status is not the organisation's: not assessed, with the suggestion apart.
        assert_eq!(prop(r, "cmmc-status").as_deref(), Some("not-assessed"));
        assert!(
            prop(r, "cmmc-status-suggested").is_some(),
            "{}",
            r["control-id"]
        );
    }
    let answered = reqs
        .iter()
        .find(|r| r["control-id"] == "sp800-171_3.1.1")
        .expect("3.1.1");
    assert_eq!(
        answered["by-components"][0]["implementation-status"]["state"],
        "implemented"
    );
    assert_eq!(prop(answered, "cmmc-status").as_deref(), Some("met"));
    assert_eq!(prop(answered, "cmmc-status-suggested"), None);
}

/// Once answered, the explanation says what ISO evidence alone would say only as an aside, and
/// the POA&M's weakness is the finding alone (with the user's note on the unmet objective).
#[test]
fn the_weakness_is_the_finding_not_the_iso_aside() {
    let mut case = Case::new()
        .soa(crate::support::fixture("iso2022_full.csv"))
        .answers(level2_c3pao(Some(true)))
        .objective_with_note(
            "3.1.8[b]",
            ObjectiveStatus::NotMet,
            "Lockout not enforced on the VPN",
        );
    case.input.date = date("2026-12-01");
    let a = evaluate(Catalog::builtin(), &case.input).assessment;
    let r = a
        .requirements
        .iter()
        .find(|r| r.id.as_str() == "3.1.8")
        .expect("3.1.8");
    assert!(
        r.explanation.contains(
            "Without your answer, the ISO evidence alone would say: Suggested by ISO evidence"
        ),
        "{}",
        r.explanation
    );
    let p = the_poam(&case.input);
    let item = p
        .items
        .iter()
        .find(|i| i.id == "3.1.8")
        .expect("on the POA&M");
    assert_eq!(
        item.weakness,
        "Objective 3.1.8[b] not met, so the requirement is NOT MET (32 CFR 170.24(b)). 3.1.8[b]: Lockout not enforced on the VPN"
    );
}

/// The SSP's summary states as met only what the organisation confirmed; what ISO evidence
/// only suggests is counted apart, as not confirmed.
#[test]
fn the_ssp_summary_keeps_iso_suggestions_apart() {
    let case = Case::new()
        .answers(level2_c3pao(Some(true)))
        .soa(crate::support::soa_of(&[
            ("A.6.3", "Implemented"),
            ("A.8.7", "Implemented"),
        ]))
        .with("3.1.1", Answer::Met);
    let c = Catalog::builtin();
    let a = evaluate(c, &case.input).assessment;
    let suggested_met = a
        .requirements
        .iter()
        .filter(|r| r.status == Status::Met && !r.basis.is_confirmed())
        .count();
    assert!(
        suggested_met >= 1,
        "3.2.1 is suggested met by A.6.3 and A.8.7"
    );
    let md = ssp_markdown(&ssp(c, &case.input, &a));
    // Confirmed: 3.1.1 (answered) and 3.12.4 (the SSP question).
    assert!(
        md.contains("Of 110 requirements, as the organisation confirmed them: 2 met, 0 not applicable, 0 partial, 0 not met."),
        "{md}"
    );
    assert!(
        md.contains(&format!(
            "Suggested by ISO/IEC 27001 evidence, not confirmed: {suggested_met} met"
        )),
        "{md}"
    );
}

/// A POA&M item's weakness carries what the user wrote with their answer to the requirement, not
/// only "You answered 'in progress'".
#[test]
fn the_poam_weakness_carries_the_answers_note() {
    let case = Case::new()
        .answers(level2_c3pao(Some(true)))
        .with_note(
            "3.4.9",
            Answer::Partial,
            "Allow-listing piloted on 10 of 40 laptops",
        )
        .with("3.1.3", Answer::NotMet);
    let p = the_poam(&case.input);
    let item = p.items.iter().chain(&p.blockers).find(|i| i.id == "3.4.9");
    let weakness = item.map(|i| i.weakness.as_str()).unwrap_or_default();
    assert!(
        weakness.contains("Your note: Allow-listing piloted on 10 of 40 laptops"),
        "{weakness}"
    );
    // Without a note, nothing is added.
    let item = p.items.iter().chain(&p.blockers).find(|i| i.id == "3.1.3");
    assert!(!item
        .map(|i| i.weakness.as_str())
        .unwrap_or_default()
        .contains("Your note"));
}

/// The assessor's review (2026-12-07): a full ISO SoA with every requirement it does not suggest
/// met answered met, and nothing else confirmed, had been shown and exported as "Final Level 2"
/// with an empty POA&M. A score counts requirements assessed MET (32 CFR 170.24(c)(2)): the
/// status is the confirmed answers' (not eligible), the ISO forecast is said as one, and every
/// requirement not assessed yet is on the POA&M as such, counted as not met, with what the ISO
/// evidence suggests and none of the app's instructions.
#[test]
fn the_status_and_the_poam_count_only_what_was_confirmed() {
    let c = Catalog::builtin();
    let mut case = Case::new()
        .soa(crate::support::fixture("iso2022_full.csv"))
        .answers(level2_c3pao(Some(true)));
    case.input.date = date("2026-12-01");
    let suggested = evaluate(c, &case.input).assessment;
    let mut unconfirmed = Vec::new();
    for r in &suggested.requirements {
        if r.status == cmmc_readiness::engine::Status::Met && !r.basis.is_confirmed() {
            unconfirmed.push(r.id.to_string());
        } else if !r.basis.is_confirmed() {
            case = case.with(r.id.as_str(), Answer::Met);
        }
    }
    assert!(unconfirmed.len() > 40, "{}", unconfirmed.len());
    let a = evaluate(c, &case.input).assessment;
    let reading = a.scoring.level2_reading();
    assert_eq!(reading.with_iso, Level2Status::Final);
    assert_eq!(reading.confirmed, Level2Status::NotEligible);
    assert_eq!(
        reading.text(),
        "Not eligible on the answers confirmed; Final Level 2 if every ISO suggestion is confirmed"
    );

    let p = the_poam(&case.input);
    assert_eq!(p.level2, reading);
    assert!(p.items.is_empty() && p.blockers.is_empty());
    assert_eq!(ids(&p.unassessed), unconfirmed);
    for i in &p.unassessed {
        assert_eq!(i.status, cmmc_readiness::engine::Status::Unknown);
        assert!(
            i.weakness
                .starts_with("Not assessed yet: counted as not met"),
            "{}",
            i.weakness
        );
        assert!(i.weakness.contains("suggests: met."), "{}", i.weakness);
        assert!(i.closeout.is_none());
    }
    let csv = poam_csv(&p);
    assert_eq!(csv.lines().count(), 1 + unconfirmed.len());
    assert!(csv
        .lines()
        .skip(1)
        .all(|l| l.starts_with("Not assessed yet: counted as not met (Level 2),")));
    assert!(!csv.contains("answer it directly") && !csv.contains("switch to"));
    let oscal: Value = serde_json::from_str(&poam_oscal(&p)).expect("json");
    let doc = &oscal["plan-of-action-and-milestones"];
    let props = doc["metadata"]["props"].as_array().expect("props");
    let prop = |name: &str| {
        props
            .iter()
            .find(|p| p["name"] == name)
            .map(|p| p["value"].clone())
    };
    assert_eq!(prop("level2-status"), Some(Value::from("Not eligible")));
    assert_eq!(
        prop("level2-status-with-iso-evidence"),
        Some(Value::from("Final Level 2"))
    );
    let risk = &doc["risks"][0];
    assert!(risk["title"]
        .as_str()
        .unwrap_or_default()
        .ends_with("not assessed yet"));
    let item = &doc["poam-items"][0];
    assert!(item["title"]
        .as_str()
        .unwrap_or_default()
        .starts_with("Not assessed yet: "));
    assert!(!item.to_string().contains("cmmc-poam-eligible"));

    let [md, ssp, _, _] = documents(&case.input);
    assert!(md.contains(
        "Level 2: Not eligible on the answers confirmed; Final Level 2 if every ISO suggestion is confirmed."
    ));
    let ssp: Value = serde_json::from_str(&ssp).expect("json");
    let props = ssp["system-security-plan"]["metadata"]["props"].to_string();
    assert!(
        props.contains(r#""name":"level2-status","ns":"#)
            && props.contains(r#""value":"Not eligible"}"#),
        "{props}"
    );
}

/// An item without the organisation's own completion date does not get one: the closeout
/// deadline has its own column (the assessor's review, 2026-12-07).
#[test]
fn a_completion_date_nobody_set_is_left_blank() {
    let p = the_poam(&input(&fixture("level2_conditional.json")));
    let csv = poam_csv(&p);
    let row = csv
        .lines()
        .find(|l| l.starts_with("POA&M item (Level 2),3.8.9,"))
        .expect("3.8.9");
    assert!(row.contains(",,2027-05-30,"), "{row}");
    let oscal: Value = serde_json::from_str(&poam_oscal(&p)).expect("json");
    let item = oscal["plan-of-action-and-milestones"]["poam-items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["title"] == "3.8.9 (MP.L2-3.8.9)"))
        .expect("3.8.9")
        .to_string();
    assert!(!item.contains("scheduled-completion"), "{item}");
    assert!(item.contains(r#""closeout-deadline""#), "{item}");
}

/// 3.12.4 answered N/A counts as not met (no SSP, no score): the SSP does not print it as a
/// justified N/A (the re-review of 2026-12-07).
#[test]
fn the_ssp_does_not_justify_an_ssp_as_not_applicable() {
    let mut case = Case::all_met().answers(level2_c3pao(None)).with_note(
        "3.12.4",
        Answer::NotApplicable,
        "We are too small",
    );
    case.input.date = date("2026-12-01");
    let [md, ..] = documents(&case.input);
    let section = md
        .split("\n### ")
        .find(|s| s.starts_with("3.12.4 "))
        .expect("3.12.4");
    assert!(!section.contains("Not applicable, because"), "{section}");
    assert!(section.contains("counts as NOT MET"), "{section}");
}

/// Without an SSP there is no score (32 CFR 170.24(c)(2)(i)(B)(5)), so no figure is a confirmed
/// score while 3.12.4 is not answered. The assessor's case: every other requirement met, the SSP
/// question and 3.12.4 left unanswered. The SSP said "SPRS score: 110 confirmed"; now each
/// document says both figures assume an SSP, and the OSCAL SSP carries no confirmed score.
#[test]
fn no_score_is_confirmed_while_the_ssp_is_not_answered() {
    let mut case = crate::support::Case::all_met();
    case.input
        .direct
        .remove(&cmmc_readiness::engine::RequirementId::from("3.12.4"));
    let case = case.answers(level2_c3pao(None));
    let a = case.assess();
    assert!(a.scoring.sprs.assumes_ssp());
    assert_eq!(
        (a.scoring.sprs.low, a.scoring.sprs.high),
        (Some(110), Some(110))
    );
    let [md, ssp, _, _] = documents(&case.input);
    assert!(md.contains(SSP_ASSUMED), "{md}");
    assert!(
        md.contains("SPRS score, if the SSP exists: 110 confirmed, 110 counting ISO evidence"),
        "{md}"
    );
    let prop = |name: &str| ssp_prop(&ssp, name);
    assert_eq!(prop("sprs-score-confirmed"), None);
    assert_eq!(
        prop("sprs-score-with-iso-evidence"),
        Some(Value::from("110"))
    );
    assert_eq!(
        prop("sprs-ssp"),
        Some(Value::from("not answered: no score until it is"))
    );

    // Answered: the figure is a score, and the documents say nothing of an assumption.
    let case = case.with("3.12.4", Answer::Met);
    assert!(!case.assess().scoring.sprs.assumes_ssp());
    let [md, ssp, _, _] = documents(&case.input);
    assert!(!md.contains(SSP_ASSUMED));
    assert_eq!(
        ssp_prop(&ssp, "sprs-score-confirmed"),
        Some(Value::from("110"))
    );
}

/// Where the contract names no CMMC level (a CUI prime, solicitation "none": DFARS 252.204-7012
/// and 7019/7020 apply, and Level 2 is a level to plan for), there is no CMMC status and no
/// 170.21(b) closeout: the POA&M items carry no deadline, and the SSP says its statuses are for
/// planning. A Conditional status the company holds still dates its closeout. (The assessor's
/// review, 2026-12-07: the POA&M gave 2027-05-30 and the SSP "Level 2: Conditional Level 2".)
#[test]
fn no_level_required_means_no_closeout_deadline() {
    let answers = Answers {
        handles_fci: Some(true),
        handles_cui: Some(true),
        solicitation: Solicitation::None,
        has_ssp: Some(true),
        ..Answers::default()
    };
    let case = crate::support::Case::all_met()
        .with("3.1.3", Answer::NotMet)
        .answers(answers.clone());
    let a = case.assess();
    assert_eq!(a.applicability.level, cmmc_readiness::engine::Level::None);
    assert_eq!(a.scoring.level2_confirmed.status, Level2Status::Conditional);
    // The status's own sentence says it is for planning, with no 180 days running.
    assert!(
        a.scoring.level2_confirmed.summary.ends_with(
            "For planning only: no CMMC level is required by this contract, so no closeout runs until a Conditional status is given."
        ),
        "{}",
        a.scoring.level2_confirmed.summary
    );
    let p = the_poam(&case.input);
    assert_eq!(ids(&p.items), ["3.1.3"]);
    assert!(p.items[0].closeout.is_none());
    assert_eq!(p.items[0].scheduled(), None);
    let [md, ssp_json, csv, oscal] = documents(&case.input);
    assert!(
        !csv.contains("2027-05-30") && !csv.contains("Closeout 180"),
        "{csv}"
    );
    assert!(!oscal.contains("Close by"), "{oscal}");
    assert!(
        md.contains("| CMMC level required | None by this contract"),
        "{md}"
    );
    assert!(
        md.contains(
            "Level 2 (planning: no CMMC status is required by this contract): Conditional Level 2."
        ),
        "{md}"
    );
    assert_eq!(
        ssp_prop(&ssp_json, "cmmc-level-required"),
        Some(Value::from("no: a level to plan for"))
    );

    // A Conditional Level 2 (C3PAO) status held: its closeout is real whatever this contract says.
    let mut held = answers;
    held.current_status = Some(HeldStatus::L2C3paoConditional);
    held.status_date = Some(date("2026-10-01"));
    let case = case.answers(held);
    let p = the_poam(&case.input);
    let c = p.items[0].closeout.expect("the held status's closeout");
    assert!(c.held);
    assert_eq!(c.deadline, date("2027-03-30"));

    // A contract that names Level 2 keeps the deadline, dated from this plan, and says so.
    let case = case.answers(level2_c3pao(Some(true)));
    let p = the_poam(&case.input);
    assert!(!p.items[0].closeout.expect("closeout").held);
    let [md, _, csv, oscal] = documents(&case.input);
    assert!(
        csv.contains("after a Conditional status dated 2026-12-01 (the date of this plan)"),
        "{csv}"
    );
    assert!(
        oscal.contains("if a Conditional status is dated 2026-12-01 (the date of this plan)"),
        "{oscal}"
    );
    assert!(!md.contains("CMMC level required"), "{md}");
}
