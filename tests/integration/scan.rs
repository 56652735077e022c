//! Tests for the solicitation scanner: worked examples on the fixtures in
//! `tests/fixtures/solicitations/`, the level spellings a fill-in may use, the CUI indicator rules
//! and their false positives, quotes, the clause table, and property tests on arbitrary text.
//!
//! Most tests go through `check(text, expected)`, which renders a scan as one line per finding
//! (`fill LINE PARAGRAPH READING`, `clause LINE ID [xN]`, `cui LINE KIND`, `flow LINE LEVEL`,
//! `other LINE LEVEL`), so an expectation reads like a summary of the document.

use cmmc_readiness::engine::{
    decode_text, parse_solicitation_clauses, scan_solicitation, solicitation_clauses, ClauseRole,
    FillInReading, ScanLevel, ScanResult, Solicitation, QUOTE_CHARS, SOLICITATION_CLAUSES_CSV,
};
use proptest::prelude::*;
use std::fmt::Write as _;

/// The kebab-case name serde gives a value.
fn name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn level_name(level: Option<Solicitation>) -> String {
    level.map_or("none-named".into(), |l| name(&l))
}

/// One line per finding, in the result's order.
fn render(r: &ScanResult) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "level {}", r.solicitation.as_str());
    for f in &r.fill_ins {
        let _ = writeln!(
            out,
            "fill {} {} {}",
            f.line,
            f.paragraph,
            f.reading.as_str()
        );
    }
    for c in &r.clauses {
        let times = if c.occurrences > 1 {
            format!(" x{}", c.occurrences)
        } else {
            String::new()
        };
        let _ = writeln!(out, "clause {} {}{times}", c.line, c.id);
    }
    for i in &r.cui_indicators {
        let _ = writeln!(out, "cui {} {}", i.line, name(&i.kind));
    }
    for m in &r.flow_down {
        let _ = writeln!(out, "flow {} {}", m.line, level_name(m.level));
    }
    for m in &r.other_level_mentions {
        let _ = writeln!(out, "other {} {}", m.line, level_name(m.level));
    }
    if let Some(level) = r.flow_down_level {
        let _ = writeln!(out, "flow-down-level {}", name(&level));
    }
    if r.fci_indicated {
        let _ = writeln!(out, "fci suggested");
    }
    out
}

#[track_caller]
fn check(r: &ScanResult, expected: &str) {
    let expected: String = expected
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(render(r), expected);
}

/// A note whose text contains `phrase`, and the citation it carries.
#[track_caller]
fn note_with<'a>(r: &'a ScanResult, phrase: &str) -> &'a str {
    r.notes
        .iter()
        .find(|n| n.text.contains(phrase))
        .map(|n| n.citation)
        .unwrap_or_else(|| panic!("no note says {phrase:?}; notes: {:#?}", r.notes))
}

fn fixture(file: &str) -> ScanResult {
    let path = format!(
        "{}/tests/fixtures/solicitations/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    scan_solicitation(&decode_text(&bytes).0)
}

/// The fill-in reading of one 252.204-7025(b)(1) sentence completed with `fill`.
fn reading_of(fill: &str) -> FillInReading {
    let text = format!("(b)(1) The CMMC level required by this solicitation is: {fill}. This CMMC level, or higher (see 32 CFR part 170), is required prior to award.");
    let r = scan_solicitation(&text);
    assert_eq!(r.fill_ins.len(), 1, "{text}");
    r.fill_ins[0].reading
}

// --- worked examples -------------------------------------------------------------------------

#[test]
fn an_rfp_naming_level_2_c3pao_in_the_7025_fill_in() {
    // DFARS 252.204-7025(b)(1): the level is read from the fill-in on line 44 only. The clause
    // list in Section I and the 7025 definitions paragraph (a) decide nothing. 52.225-7048's title
    // on line 18 is not an export-control marking, and "a DD Form 254 is not required" on line 69
    // shows no classified work; the distribution statement D on line 66 is controlled technical
    // information (DoDI 5230.24; DFARS 252.204-7012(a)).
    let r = fixture("rfp_l2_c3pao_sections_k_l.txt");
    assert_eq!(r.solicitation, ScanLevel::Named(Solicitation::L2C3pao));
    check(
        &r,
        "level L2-c3pao
         fill 44 252.204-7025(b)(1) L2-c3pao
         clause 13 far-52.204-21
         clause 15 dfars-252.204-7012
         clause 23 dfars-252.204-7019
         clause 16 dfars-252.204-7020 x3
         clause 17 dfars-252.204-7021 x2
         clause 32 dfars-252.204-7024
         clause 37 dfars-252.204-7025
         cui 66 distribution-statement-d
         fci suggested",
    );
    assert_eq!(r.fill_ins[0].value, "CMMC Level 2 (C3PAO).");
    assert!(r.fill_ins[0]
        .quote
        .starts_with("(b)(1) Cybersecurity Maturity Model"));
    assert_eq!(
        note_with(&r, "says nothing about CMMC or CUI"),
        "DFARS 252.204-7024(c); DFARS 204.7603"
    );
    assert_eq!(
        note_with(&r, "fill-in on line 44 names CMMC Level 2 (C3PAO)"),
        "DFARS 252.204-7025(b)(1); DFARS 252.204-7021(d)(1)(i); DFARS 204.7502(a)"
    );
    // FAR 52.204-21 on line 13 suggests FCI, with its reason; the user confirms it.
    let reason = r.fci_reason.as_ref().expect("a reason");
    assert!(reason.text.contains("52.204-21"), "{reason:?}");
    assert!(reason.text.contains("line 13"), "{reason:?}");
    assert_eq!(reason.citation, "FAR 52.204-21(a)-(b); FAR 4.1903");
    let c7012 = &r.clauses[1];
    assert_eq!(c7012.quote, "252.204-7012 Safeguarding Covered Defense Information and Cyber Incident Reporting (MAY 2024)");
    assert_eq!(c7012.role, ClauseRole::Cdi);
}

#[test]
fn a_contract_with_7012_7019_and_7020_but_no_cmmc_clause_names_no_level() {
    // No 252.204-7025 or 252.204-7021: not found, never "none" (a partial paste proves nothing).
    // 7012 is in nearly every DoD contract (DFARS 204.7304(c)); 7019/7020 need a current NIST SP
    // 800-171 DoD Assessment in SPRS before award (DFARS 252.204-7019(b)-(c), 204.7303(b)).
    let r = fixture("contract_7012_7019_7020_no_cmmc.txt");
    check(
        &r,
        "level not-found
         clause 13 dfars-252.204-7012 x2
         clause 27 dfars-252.204-7019
         clause 23 dfars-252.204-7020",
    );
    assert_eq!(r.solicitation.answer(), None);
    assert_eq!(
        note_with(&r, "A partial paste proves nothing"),
        "DFARS 204.7502(a)(1); DFARS 204.7504; DFARS 252.204-7025(b)(1)"
    );
    assert_eq!(
        note_with(&r, "It is in nearly every DoD contract"),
        "DFARS 204.7304(c); DFARS 252.204-7012(b)-(c)"
    );
    assert_eq!(
        note_with(&r, "summary score posted in SPRS"),
        "DFARS 252.204-7019(b)-(c); DFARS 204.7303(b)"
    );
    note_with(&r, "No CUI markings were found");
    assert!(!r.fci_indicated);
}

#[test]
fn a_level_1_purchase_order_with_52_204_21_and_a_filled_7021() {
    // DFARS 252.204-7021(d)(1)(i) is filled in with "CMMC Level 1 (Self)"; the lead-in starts on
    // line 20 and the level sits on line 21. FAR 52.204-21 suggests FCI (FAR 4.1903).
    let r = fixture("po_l1_self_52_204_21.txt");
    check(
        &r,
        "level L1-self
         fill 20 252.204-7021(d)(1)(i) L1-self
         clause 12 far-52.204-21
         clause 17 dfars-252.204-7021
         fci suggested",
    );
    assert!(r.fill_ins[0]
        .value
        .starts_with("CMMC Level 1 (Self) for all information systems"));
    assert_eq!(r.solicitation.answer(), Some(Solicitation::L1Self));
    // 7021(d)(1)(ii) tells the contractor to flow the level down but names none: no mention.
    assert!(r.flow_down.is_empty() && r.other_level_mentions.is_empty());
}

#[test]
fn a_level_3_solicitation_with_cui_markings() {
    // 252.204-7025(b)(1) names Level 3 (DIBCAC), which needs a Final Level 2 (C3PAO) first
    // (32 CFR 170.18(a)). The markings are DoDI 5200.48 banners (lines 1, 39), designation
    // indicators (7-10; "POC:" alone is not one), a portion marking (23), distribution statement C
    // (DoDI 5230.24), the export-control warning (once for its line) and legacy FOUO.
    let r = fixture("rfp_l3_dibcac.txt");
    check(
        &r,
        "level L3-dibcac
         fill 15 252.204-7025(b)(1) L3-dibcac
         clause 37 dfars-252.204-7012
         clause 38 dfars-252.204-7021
         clause 14 dfars-252.204-7025
         cui 1 cui-banner
         cui 7 cui-designation-indicator
         cui 8 cui-designation-indicator
         cui 9 cui-designation-indicator
         cui 10 cui-designation-indicator
         cui 23 cui-portion-marking
         cui 26 distribution-statement-c
         cui 29 export-control
         cui 33 fouo
         cui 39 cui-banner",
    );
    assert_eq!(
        note_with(&r, "needs a Final Level 2 (C3PAO)"),
        "32 CFR 170.18(a)"
    );
    assert_eq!(
        note_with(&r, "10 CUI indicator(s), the first on line 1"),
        "DoDI 5200.48; 32 CFR 170.14(c)(3)"
    );
    let banner = &r.cui_indicators[0];
    assert_eq!(banner.quote, "CUI");
    assert_eq!(
        banner.citation,
        "DoDI 5200.48, sec. 3 (CUI marking); 32 CFR 2002.20"
    );
}

#[test]
fn pdf_dashes_spaces_and_line_breaks_are_read_through() {
    // CRLF line ends, "52.204 -21", "252.204- 7012", a clause title broken over two lines,
    // figure dash, minus sign, non-breaking hyphen, "252. 204", an en dash ending a line before
    // "7025", non-breaking spaces, a soft hyphen, ligatures, and the 7025 fill-in broken inside
    // the lead-in ("re-" / "quired") and inside the level ("CMMC Level" / "2 (Self)").
    let r = fixture("pdf_artefacts_line_breaks.txt");
    check(
        &r,
        "level L2-self
         fill 18 252.204-7025(b)(1) L2-self
         clause 6 far-52.204-21
         clause 7 dfars-252.204-7012
         clause 9 dfars-252.204-7019
         clause 10 dfars-252.204-7020
         clause 11 dfars-252.204-7021
         clause 16 dfars-252.204-7025
         fci suggested",
    );
    assert_eq!(r.lines, 24);
    assert_eq!(r.fill_ins[0].value, "CMMC Level 2 (Self).");
    // The quote is the original line, not the normalised copy.
    assert_eq!(
        r.clauses[0].quote,
        "FAR 52.204 -21 Basic Safeguarding of Covered Contractor Information Systems (NOV 2021)"
    );
    assert_eq!(r.clauses[5].quote, "252.204\u{2013}");
}

#[test]
fn two_fill_ins_naming_different_levels_leave_the_level_unknown() {
    // 7021(d)(1)(i) says Level 2 (C3PAO), 7025(b)(1) says Level 2 (Self): two different levels,
    // so the level is unknown and the note says to ask the contracting officer.
    let r = fixture("two_levels_disagree.txt");
    check(
        &r,
        "level unknown
         fill 11 252.204-7021(d)(1)(i) L2-c3pao
         fill 19 252.204-7025(b)(1) L2-self
         clause 8 dfars-252.204-7021
         clause 18 dfars-252.204-7025",
    );
    assert_eq!(r.solicitation.answer(), Some(Solicitation::Unknown));
    note_with(
        &r,
        "line 11 names CMMC Level 2 (C3PAO); line 19 names CMMC Level 2 (Self)",
    );
    note_with(&r, "ask the contracting officer which level applies");
}

#[test]
fn the_unfilled_clause_text_names_no_level() {
    // 7025 with only "[Contracting Officer insert: CMMC Level 1 (Self); ...]" and the 7021
    // definitions ("Conditional Level 2 (Self) assessments ..."): the clause is present, the
    // fill-in is blank, so unknown; the definitions and the instruction are no mentions.
    let r = fixture("clause_text_unfilled.txt");
    check(
        &r,
        "level unknown
         fill 13 252.204-7025(b)(1) blank
         clause 11 dfars-252.204-7021 x2
         clause 4 dfars-252.204-7025",
    );
    note_with(
        &r,
        "is blank or holds only the contracting officer's instruction",
    );
    // "controlled unclassified information (CUI)" in running text is no indicator.
    assert!(r.cui_indicators.is_empty());
}

#[test]
fn a_flow_down_paragraph_is_reported_apart_from_the_contract_level() {
    // The contract's own level is the 7021(d)(1)(i) fill-in (Level 2 (C3PAO)); H-12(b) tells
    // FCI-only subcontractors to hold Level 1 (Self), which is flow-down (32 CFR 170.23(a)), never
    // the contract's level.
    let r = fixture("flow_down_paragraph.txt");
    check(
        &r,
        "level L2-c3pao
         fill 18 252.204-7021(d)(1)(i) L2-c3pao
         clause 7 dfars-252.204-7021 x3
         flow 10 L1-self
         flow-down-level L1-self",
    );
    assert_eq!(r.flow_down[0].mention, "cmmc level 1 (self)");
    assert_eq!(
        note_with(&r, "names CMMC Level 1 (Self) for subcontractors"),
        "32 CFR 170.23(a); DFARS 252.204-7021(d)(1)(ii), (f)"
    );
}

#[test]
fn every_fixture_keeps_the_scanner_invariants() {
    let dir = format!(
        "{}/tests/fixtures/solicitations",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 8, "{names:?}");
    for n in names {
        let r = fixture(&n);
        assert_sane(&r);
        assert_ne!(r.solicitation, ScanLevel::Named(Solicitation::None), "{n}");
    }
}

// --- level spellings -------------------------------------------------------------------------

#[test]
fn fill_in_spellings_that_name_one_level() {
    // 32 CFR 170.15-170.18: Level 1 is always a self-assessment and Level 3 always DIBCAC, so
    // their bare numbers name one level; Level 2 needs "Self" or a C3PAO/certification word.
    use Solicitation::*;
    for (fill, level) in [
        ("CMMC Level 1 (Self)", L1Self),
        ("CMMC Level 1", L1Self),
        ("Level I (Self)", L1Self),
        ("CMMC Level 2 (Self)", L2Self),
        ("CMMC Level Two (Self-Assessment)", L2Self),
        ("CMMC Level II self-assessment", L2Self),
        ("CMMC Level 2 (C3PAO)", L2C3pao),
        ("CMMC Level 2 C3PAO", L2C3pao),
        ("CMMC Level 2 (Certification)", L2C3pao),
        ("CMMC Level 2 - third-party assessment", L2C3pao),
        ("CMMC 2.0 Level 2 (certified third-party assessment organization)", L2C3pao),
        ("Level 2(C3PAO)", L2C3pao),
        ("CMMC Level 3 (DIBCAC)", L3Dibcac),
        ("CMMC Level III", L3Dibcac),
        // A bracket holding one level and no instruction is the fill-in itself.
        ("[CMMC Level 2 (C3PAO)]", L2C3pao),
        // The level typed before the instruction the contracting officer left in.
        ("CMMC Level 2 (Self) [Contracting Officer insert: CMMC Level 1 (Self); CMMC Level 2 (Self); CMMC Level 2 (C3PAO); or CMMC Level 3 (DIBCAC)]", L2Self),
        // Tick boxes decide.
        ("\u{2610} CMMC Level 1 (Self) \u{2610} CMMC Level 2 (Self) \u{2612} CMMC Level 2 (C3PAO) \u{2610} CMMC Level 3 (DIBCAC)", L2C3pao),
        ("[ ] CMMC Level 2 (Self) [X] CMMC Level 2 (C3PAO)", L2C3pao),
        // HTML pasted from an e-mail.
        ("<b>CMMC Level 2 (Self)</b>", L2Self),
    ] {
        assert_eq!(reading_of(fill), FillInReading::Level(level), "{fill}");
    }
}

#[test]
fn fill_in_spellings_that_name_no_single_level() {
    // DFARS 252.204-7025(b)(1): a blank, the instruction alone (with or without its brackets),
    // a bare "Level 2", several levels, or a contradiction leave the level unknown.
    for (fill, reading) in [
        ("___", FillInReading::Blank),
        ("", FillInReading::Blank),
        ("____ [Contracting Officer insert: CMMC Level 1 (Self); CMMC Level 2 (Self); CMMC Level 2 (C3PAO); or CMMC Level 3 (DIBCAC)]", FillInReading::Blank),
        ("Contracting Officer insert: CMMC Level 1 (Self); CMMC Level 2 (Self); CMMC Level 2 (C3PAO); or CMMC Level 3 (DIBCAC)", FillInReading::Blank),
        ("CMMC Level 2", FillInReading::NoAssessmentType),
        ("CMMC Level 1 (Self); CMMC Level 2 (Self); CMMC Level 2 (C3PAO); or CMMC Level 3 (DIBCAC)", FillInReading::SeveralLevels),
        ("CMMC Level 1 (Self) and CMMC Level 2", FillInReading::SeveralLevels),
        ("CMMC Level 1 (C3PAO)", FillInReading::Unreadable),
        ("CMMC Level 2 (Self or C3PAO)", FillInReading::Unreadable),
        ("CMMC Level 4", FillInReading::Blank),
        ("CMMC Level 2.0", FillInReading::Blank),
    ] {
        assert_eq!(reading_of(fill), reading, "{fill:?}");
    }
}

#[test]
fn an_unclosed_bracket_swallows_the_rest_of_the_fill_in() {
    let r = scan_solicitation(
        "252.204-7025\nThe CMMC level required by this solicitation is: [Contracting Officer insert: CMMC Level 2 (C3PAO)",
    );
    assert_eq!(r.fill_ins[0].reading, FillInReading::Blank);
    assert_eq!(r.solicitation, ScanLevel::Unknown);
}

#[test]
fn a_7025_cited_without_its_fill_in_sentence_is_unknown() {
    // Section K lists the provision by number only: present, but its (b)(1) is not in the text.
    let r = scan_solicitation(
        "K.3 252.204-7025 Notice of Cybersecurity Maturity Model Certification Level Requirements (NOV 2025)\n",
    );
    check(
        &r,
        "level unknown
         clause 1 dfars-252.204-7025",
    );
    note_with(&r, "the sentence that names the level is not in the text");
}

#[test]
fn mentions_outside_the_fill_ins_never_decide_the_level() {
    // Section M prose naming a level is listed, but the level comes from the fill-ins only.
    let r = scan_solicitation(
        "M.2 Offerors must hold a CMMC Level 2 (C3PAO) status at the time of award.\n\
         252.204-7025\n\
         The CMMC level required by this solicitation is: CMMC Level 2 (Self).\n",
    );
    check(
        &r,
        "level L2-self
         fill 3 252.204-7025(b)(1) L2-self
         clause 2 dfars-252.204-7025
         other 1 L2-c3pao",
    );
    note_with(&r, "outside the clause fill-ins");
    // Without any level clause, the same mention decides nothing either.
    let r = scan_solicitation("Offerors must hold a CMMC Level 2 (C3PAO) status.");
    assert_eq!(r.solicitation, ScanLevel::NotFound);
    assert_eq!(r.other_level_mentions.len(), 1);
}

#[test]
fn a_flow_down_naming_two_levels_has_no_single_flow_down_level() {
    // 32 CFR 170.23(a): FCI-only subcontractors need Level 1 (Self), CUI ones the prime's level.
    let r = scan_solicitation(
        "Subcontractors that process only FCI shall hold CMMC Level 1 (Self); subcontractors that process CUI shall hold CMMC Level 2 (C3PAO).",
    );
    check(
        &r,
        "level not-found
         flow 1 L1-self
         flow 1 L2-c3pao",
    );
    assert_eq!(r.flow_down_level, None);
}

// --- CUI indicators and their false positives ------------------------------------------------

#[test]
fn cui_indicator_rules() {
    // DoDI 5200.48 banners and portion markings are lines in capitals; designation indicators
    // are line starts with a colon; distribution statements B-F per DoDI 5230.24.
    let text = "CUI//SP-CTI\n\
                CONTROLLED\n\
                (CUI//SP-EXPT) Test data for the interface.\n\
                  CUI Categories : PRVCY, OPSEC\n\
                Dissemination Control: NOFORN\n\
                Distribution Statement E. DoD components only.\n\
                Distribution Statement F: further dissemination only as directed.\n\
                UNCLASSIFIED//FOR OFFICIAL USE ONLY\n\
                The drawings are subject to the ITAR (22 CFR parts 120-130).\n\
                Items are classified under ECCN 9E003 and are subject to the EAR.\n\
                A DD Form 254 applies to Task 3.\n\
                Distribution statement B applies.\n";
    check(
        &scan_solicitation(text),
        "level not-found
         cui 1 cui-banner
         cui 2 cui-banner
         cui 3 cui-portion-marking
         cui 4 cui-designation-indicator
         cui 5 cui-designation-indicator
         cui 6 distribution-statement-e
         cui 7 distribution-statement-f
         cui 8 fouo
         cui 9 export-control
         cui 10 export-control
         cui 11 dd-form-254
         cui 12 distribution-statement-b",
    );
}

#[test]
fn running_text_definitions_and_statement_a_are_not_indicators() {
    // The word CUI in running text, DFARS 7012's title and definitions, Distribution Statement A
    // (public release), a wrapped "(CUI) during performance", lower-case "cui" alone, "controlled
    // by the Government", 252.225-7048's title and definition, and a negated DD Form 254.
    let text = "The Contractor may receive CUI during performance.\n\
                252.204-7012 Safeguarding Covered Defense Information and Cyber Incident Reporting\n\
                Controlled technical information means technical information with military or space application that is subject to controls; it would meet the criteria, if disseminated, for distribution statements B through F using the criteria set forth in DoD Instruction 5230.24.\n\
                DISTRIBUTION STATEMENT A. Approved for public release; distribution is unlimited.\n\
                Federal contract information (FCI) or controlled unclassified information\n\
                (CUI) during performance of the contract.\n\
                cui\n\
                Controlled\n\
                Information controlled by the Government: see H.4.\n\
                252.225-7048 Export-Controlled Items (JUN 2013)\n\
                (a) Definition. Export-controlled items, as used in this clause, means items subject to the Export Administration Regulations (EAR) (15 CFR parts 730-774) or the International Traffic in Arms Regulations (ITAR) (22 CFR parts 120-130).\n\
                No DD Form 254 will be issued; the work is unclassified.\n\
                CUI is not expected. CUIS\n";
    let r = scan_solicitation(text);
    assert!(r.cui_indicators.is_empty(), "{:#?}", r.cui_indicators);
}

// --- quotes, lines and caps ------------------------------------------------------------------

#[test]
fn a_quote_from_a_long_line_is_a_window_around_the_match() {
    let line = format!(
        "{} DFARS 252.204-7012 applies. {}",
        "lorem ipsum ".repeat(5_000),
        "dolor sit ".repeat(5_000)
    );
    let r = scan_solicitation(&format!("first line\n{line}\n"));
    let c = &r.clauses[0];
    assert_eq!(c.line, 2);
    assert!(c.quote.contains("252.204-7012"), "{}", c.quote);
    assert!(
        c.quote.starts_with('…') && c.quote.ends_with('…'),
        "{}",
        c.quote
    );
    assert!(c.quote.chars().count() <= QUOTE_CHARS + 2);
}

#[test]
fn quotes_show_bidi_controls_and_nuls_as_replacement_characters() {
    // A right-to-left override could make a quote read differently from the text.
    let r = scan_solicitation("\u{202E}252.204-7021\u{202C} and \0 NUL\n");
    assert_eq!(
        r.clauses[0].quote,
        "\u{FFFD}252.204-7021\u{FFFD} and \u{FFFD} NUL"
    );
}

#[test]
fn lines_are_counted_like_the_soa_importer() {
    // LF, CRLF and a lone CR each end a line; a final line break starts no new line.
    for (text, lines, at) in [
        ("a\nb\n252.204-7012", 3, 3),
        ("a\r\nb\r\n252.204-7012\r\n", 3, 3),
        ("a\rb\r252.204-7012\r", 3, 3),
        ("a\n\n\n252.204-7012", 4, 4),
        ("", 1, 0),
    ] {
        let r = scan_solicitation(text);
        assert_eq!(r.lines, lines, "{text:?}");
        assert_eq!(r.clauses.first().map_or(0, |c| c.line), at, "{text:?}");
    }
}

#[test]
fn numbers_need_their_digits_whole() {
    // 252.204-70120 and 1252.204-7012 are other numbers; 52.204-21 inside 252.204-21 is not FAR.
    let r = scan_solicitation("252.204-70120 1252.204-7012 252.204-21 52.204-210 252.204 7012");
    assert!(r.clauses.is_empty(), "{:#?}", r.clauses);
    let r = scan_solicitation("(DFARS252.204-7012) [52.204-21]; 252 . 204 - 7025.");
    check(
        &r,
        "level unknown
         clause 1 far-52.204-21
         clause 1 dfars-252.204-7012
         clause 1 dfars-252.204-7025
         fci suggested",
    );
}

// --- the clause table ------------------------------------------------------------------------

#[test]
fn the_clause_table_parses_and_cites_every_row() {
    let clauses = solicitation_clauses();
    let ids: Vec<&str> = clauses.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "far-52.204-21",
            "far-52.240-93",
            "dfars-252.204-7008",
            "dfars-252.204-7012",
            "dfars-252.204-7019",
            "dfars-252.204-7020",
            "dfars-252.204-7021",
            "dfars-252.204-7024",
            "dfars-252.204-7025",
        ]
    );
    for c in clauses {
        assert!(c.id.ends_with(&c.number), "{}", c.id);
        assert!(!c.citation.is_empty() && !c.source.is_empty(), "{}", c.id);
    }
    let title = |id: &str| {
        clauses
            .iter()
            .find(|c| c.id == id)
            .map_or("", |c| c.title.as_str())
    };
    assert_eq!(
        title("dfars-252.204-7024"),
        "Notice on the Use of the Supplier Performance Risk System"
    );
    assert_eq!(
        title("dfars-252.204-7025"),
        "Notice of Cybersecurity Maturity Model Certification Level Requirements"
    );
    // The unconfirmed 7024 title says so in its source column.
    let c7024 = clauses.iter().find(|c| c.id == "dfars-252.204-7024");
    assert!(c7024.is_some_and(|c| c.source.contains("NOT confirmed")));
    let levels: Vec<&str> = clauses
        .iter()
        .filter(|c| c.role == ClauseRole::CmmcLevel)
        .map(|c| c.fill_in_paragraph.as_str())
        .collect();
    assert_eq!(levels, ["(d)(1)(i)", "(b)(1)"]);
}

#[test]
fn a_broken_clause_table_is_refused_with_its_line() {
    let header = SOLICITATION_CLAUSES_CSV.lines().next().unwrap_or_default();
    for (row, message) in [
        (
            "x,252.204-70X2,T,dfars,cdi,,,m,c,s",
            "is not a clause number",
        ),
        (
            "x,252.204-7012,T,dfar,cdi,,,m,c,s",
            "`kind` must be far or dfars",
        ),
        ("x,252.204-7012,T,dfars,level,,,m,c,s", "`role` must be"),
        (
            "x,252.204-7012,T,dfars,cmmc-level,,,m,c,s",
            "needs a fill-in phrase",
        ),
        ("x,252.204-7012,,dfars,cdi,,,m,c,s", "`title` is empty"),
    ] {
        let err = parse_solicitation_clauses(&format!("{header}\n{row}\n")).expect_err(row);
        assert_eq!(err.line, 2, "{row}");
        assert!(err.message.contains(message), "{row}: {err}");
        assert!(err
            .to_string()
            .starts_with("solicitation_clauses.csv, line 2: "));
    }
}

// --- properties ------------------------------------------------------------------------------

/// What every scan keeps: lines within the text, quotes short and free of control characters,
/// the questionnaire's values only.
#[track_caller]
fn assert_sane(r: &ScanResult) {
    let quote_ok = |q: &str| {
        q.chars().count() <= QUOTE_CHARS + 2
            && !q.chars().any(|c| {
                c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            })
    };
    let mut lines: Vec<(usize, &str)> = Vec::new();
    lines.extend(r.clauses.iter().map(|c| (c.line, c.quote.as_str())));
    lines.extend(r.fill_ins.iter().map(|c| (c.line, c.quote.as_str())));
    lines.extend(r.cui_indicators.iter().map(|c| (c.line, c.quote.as_str())));
    lines.extend(r.flow_down.iter().map(|c| (c.line, c.quote.as_str())));
    lines.extend(
        r.other_level_mentions
            .iter()
            .map(|c| (c.line, c.quote.as_str())),
    );
    for (line, quote) in lines {
        assert!(line >= 1 && line <= r.lines, "line {line} of {}", r.lines);
        assert!(quote_ok(quote), "{quote:?}");
    }
    for f in &r.fill_ins {
        assert!(quote_ok(&f.value), "{:?}", f.value);
    }
    assert!(r.cui_indicators.len() <= 11 * cmmc_readiness::engine::MAX_FINDINGS_PER_KIND);
    assert!(r.fill_ins.len() <= 20);
    assert_ne!(r.solicitation, ScanLevel::Named(Solicitation::None));
    assert_ne!(r.solicitation, ScanLevel::Named(Solicitation::Unknown));
    assert_eq!(r.fci_indicated, r.fci_reason.is_some());
    if r.fill_ins.is_empty() && !r.clauses.iter().any(|c| c.role == ClauseRole::CmmcLevel) {
        assert_eq!(r.solicitation, ScanLevel::NotFound);
    }
    assert!(r
        .notes
        .iter()
        .all(|n| !n.text.is_empty() && !n.citation.is_empty()));
}

/// Pieces a hostile or mangled solicitation is made of.
const TOKENS: &[&str] = &[
    "252",
    "204",
    "7025",
    "7021",
    "7012",
    "52",
    "21",
    ".",
    "-",
    "\u{2013}",
    "\u{2014}",
    "\u{2011}",
    "\u{2212}",
    "\u{00AD}",
    "\u{2012}",
    " ",
    "\u{00A0}",
    "\u{200B}",
    "\u{202E}",
    "\u{2066}",
    "\n",
    "\r",
    "\r\n",
    "\0",
    "\t",
    "(",
    ")",
    "[",
    "]",
    ":",
    ";",
    "CMMC",
    "Level",
    "level",
    "2",
    "1",
    "3",
    "II",
    "(Self)",
    "(C3PAO)",
    "(DIBCAC)",
    "The CMMC level required by this solicitation is",
    "current CMMC status at the following CMMC level",
    "Contracting Officer insert",
    "CUI",
    "CUI//",
    "(CUI)",
    "Controlled by:",
    "Distribution Statement",
    " B",
    " D",
    "FOUO",
    "ITAR",
    "subcontractor",
    "DD Form 254",
    " means ",
    "\u{2612}",
    "\u{2610}",
    "\u{FB01}",
    "é",
    "\u{FFFD}",
    "x",
    "___",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        assert_sane(&scan_solicitation(&text));
    }

    #[test]
    fn arbitrary_bytes_decoded_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        assert_sane(&scan_solicitation(&decode_text(&bytes).0));
    }

    #[test]
    fn mixes_of_dashes_spaces_digits_and_clause_words_never_panic(
        tokens in proptest::collection::vec(proptest::sample::select(TOKENS), 0..300),
    ) {
        let text: String = tokens.concat();
        assert_sane(&scan_solicitation(&text));
    }

    #[test]
    fn a_filled_7025_is_read_whatever_dash_and_space_separate_its_number(
        dash in proptest::sample::select(&["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE63}", "\u{FF0D}"][..]),
        space in proptest::sample::select(&["", " ", "\u{00A0}", "\n", "\u{200B}", "\u{2009}"][..]),
        level in proptest::sample::select(&[("CMMC Level 1 (Self)", Solicitation::L1Self), ("CMMC Level 2 (Self)", Solicitation::L2Self), ("CMMC Level 2 (C3PAO)", Solicitation::L2C3pao), ("CMMC Level 3 (DIBCAC)", Solicitation::L3Dibcac)][..]),
    ) {
        let text = format!("DFARS 252.204{space}{dash}{space}7025\nThe CMMC level required by this solicitation is:{space} {}.\n", level.0);
        let r = scan_solicitation(&text);
        prop_assert_eq!(r.solicitation, ScanLevel::Named(level.1));
        prop_assert_eq!(r.clauses.len(), 1);
        prop_assert_eq!(r.clauses[0].id, "dfars-252.204-7025");
    }
}

/// From findings to answers (issue 16, item 3): the scan suggests the level with the fill-in
/// sentence, CUI from a marking, FCI from 52.204-21; applied, the level card's reasons quote the
/// sentence while the answer still names that level, and nothing already answered is suggested.
#[test]
fn suggestions_fill_the_answers_and_the_level_card_cites_the_quote() {
    use cmmc_readiness::engine::{
        applicability, Answers, AssessmentType, ContractRole, Date, Level,
    };
    let r = fixture("rfp_l2_c3pao_sections_k_l.txt");
    let mut answers = Answers::default();
    let s = r.suggestions(&answers);
    let level = s.level.as_ref().expect("a level");
    assert_eq!(level.value, Solicitation::L2C3pao);
    assert_eq!(level.line, Some(44));
    assert!(level.why.starts_with("252.204-7025(b)(1) names CMMC Level 2 (C3PAO) on line 44: \u{201c}(b)(1) Cybersecurity Maturity Model"), "{}", level.why);
    let source = s.level_source.as_ref().expect("a source");
    assert_eq!(
        (source.line, source.citation()),
        (44, "DFARS 252.204-7025(b)(1)")
    );
    let cui = s.handles_cui.as_ref().expect("CUI");
    assert!(cui.value && cui.line == Some(66), "{cui:?}");
    assert!(
        cui.why.contains("distribution statement B to F"),
        "{}",
        cui.why
    );
    assert!(s
        .handles_fci
        .as_ref()
        .is_some_and(|f| f.value && f.why.contains("52.204-21")));

    // The user takes the level and CUI, not FCI.
    s.apply(&mut answers, true, true, false);
    assert_eq!(answers.solicitation, Solicitation::L2C3pao);
    assert_eq!(answers.handles_cui, Some(true));
    assert_eq!(answers.handles_fci, None);
    let date = Date::parse("2026-12-01").expect("a date");
    let app = applicability(&answers, date);
    assert_eq!(
        (app.level, app.assessment),
        (Level::L2, Some(AssessmentType::C3pao))
    );
    let cited = app
        .reasons
        .iter()
        .find(|r| {
            r.text
                .starts_with("Read from the text you pasted (line 44): \u{201c}(b)(1)")
        })
        .expect("the quote is a reason");
    assert_eq!(cited.citation, "DFARS 252.204-7025(b)(1)");
    // The answers survive a save and restore with their source.
    let json = serde_json::to_string(&answers).expect("json");
    let back: Answers = serde_json::from_str(&json).expect("answers");
    assert_eq!(back, answers);
    // Applied answers are not suggested again; only FCI is left.
    let again = r.suggestions(&answers);
    assert!(again.level.is_none() && again.handles_cui.is_none() && again.handles_fci.is_some());
    // Once the user names another level by hand, the quote no longer supports it: not cited.
    answers.solicitation = Solicitation::L2Self;
    let app = applicability(&answers, date);
    assert!(app
        .reasons
        .iter()
        .all(|r| !r.text.starts_with("Read from the text")));

    // A subcontractor's pasted contract fills the prime's level, the question that decides.
    let mut sub = Answers {
        role: Some(ContractRole::Sub),
        handles_cui: Some(true),
        ..Answers::default()
    };
    r.suggestions(&sub).apply(&mut sub, true, true, true);
    assert_eq!(sub.prime_level, Solicitation::L2C3pao);
    assert_eq!(sub.solicitation, Solicitation::Unknown);
    let app = applicability(&sub, date);
    assert!(app.reasons.iter().any(|r| r
        .text
        .starts_with("Read from the text you pasted (line 44)")));
}

/// Nothing is suggested that the text does not show: a contract without 7025 or 7021 suggests
/// no level (only the user can say the paste is whole), and a text naming two levels suggests
/// "I don't know yet" with no quote.
#[test]
fn a_silent_or_contradictory_text_suggests_no_named_level() {
    use cmmc_readiness::engine::Answers;
    let silent = fixture("contract_7012_7019_7020_no_cmmc.txt");
    let s = silent.suggestions(&Answers::default());
    assert!(s.level.is_none() && s.level_source.is_none(), "{s:?}");
    let two = fixture("two_levels_disagree.txt");
    let answers = Answers {
        solicitation: Solicitation::L2Self,
        ..Answers::default()
    };
    let s = two.suggestions(&answers);
    let level = s.level.expect("unknown is suggested over a named level");
    assert_eq!(level.value, Solicitation::Unknown);
    assert!(s.level_source.is_none());
    assert!(level.why.contains("names no single level"), "{}", level.why);
}

/// A subcontractor's purchase order that names the level for the subcontract: that is the level
/// the prime passes down (32 CFR 170.23(a)), suggested for the prime's-level question with its
/// line. With no such sentence, a subcontractor is told to ask the prime, not a contracting
/// officer it does not have. (The walk-through of 2026-12-07.)
#[test]
fn a_subcontracts_own_level_is_suggested_as_the_primes() {
    use cmmc_readiness::engine::{scan_solicitation, Answers, ContractRole};
    let po = "PURCHASE ORDER 4471 - SUBCONTRACT TERMS\n\
              DFARS 252.204-7012 Safeguarding Covered Defense Information and Cyber Incident Reporting\n\
              DFARS 252.204-7021 Contractor Compliance with the Cybersecurity Maturity Model Certification Level Requirements (NOV 2025)\n\
              CMMC Requirement: The required CMMC level for this subcontract is CMMC Level 2 (Self). Offeror shall have a current CMMC Level 2 (Self) status posted in SPRS at award.\n";
    let r = scan_solicitation(po);
    assert_eq!(r.flow_down_level, Some(Solicitation::L2Self), "{r:?}");
    let mut sub = Answers {
        role: Some(ContractRole::Sub),
        handles_cui: Some(true),
        ..Answers::default()
    };
    let s = r.suggestions(&sub);
    let level = s.level.clone().expect("the subcontract's level");
    assert_eq!(level.value, Solicitation::L2Self);
    assert_eq!(level.line, Some(4));
    assert!(
        level
            .why
            .contains("the level your prime passes down to you"),
        "{}",
        level.why
    );
    s.apply(&mut sub, true, true, true);
    assert_eq!(sub.prime_level, Solicitation::L2Self);
    // Once answered, nothing new to suggest.
    assert!(r.suggestions(&sub).level.is_none());

    // Written as a label and its value (the re-review of 2026-12-07), the same.
    let labelled = scan_solicitation(
        "DFARS 252.204-7021 Contractor Compliance with the Cybersecurity Maturity Model Certification Level Requirements\n\
         CMMC level required for this subcontract: Level 2 (C3PAO).\n",
    );
    assert_eq!(
        labelled.flow_down_level,
        Some(Solicitation::L2C3pao),
        "{labelled:?}"
    );
    assert_eq!(
        labelled.solicitation,
        cmmc_readiness::engine::ScanLevel::Unknown
    );
    let s = labelled.suggestions(&Answers {
        role: Some(ContractRole::Sub),
        ..Answers::default()
    });
    assert_eq!(
        s.level.map(|l| (l.value, l.line)),
        Some((Solicitation::L2C3pao, Some(2)))
    );

    // Without a sentence for subcontractors, a subcontractor asks the prime.
    let cited = scan_solicitation("DFARS 252.204-7021 Contractor Compliance with the Cybersecurity Maturity Model Certification Level Requirements (NOV 2025)\n");
    let s = cited.suggestions(&Answers {
        role: Some(ContractRole::Sub),
        prime_level: Solicitation::L1Self,
        ..Answers::default()
    });
    let why = s.level.expect("unknown").why;
    assert!(why.ends_with("ask the prime."), "{why}");
    let s = cited.suggestions(&Answers {
        solicitation: Solicitation::L1Self,
        ..Answers::default()
    });
    let why = s.level.expect("unknown").why;
    assert!(why.ends_with("ask the contracting officer."), "{why}");
}

/// A DD Form 254 is among the CUI indicators the reference lists ("DD 254 / contract data
/// requirements"): listed, and, like every indicator, a suggestion of CUI for the user to
/// confirm (the assessor's review of 2026-12-07: listed, but never suggested).
#[test]
fn a_dd_form_254_suggests_cui_to_confirm() {
    use cmmc_readiness::engine::{scan_solicitation, Answers};
    let r = scan_solicitation("SECTION H\nA DD Form 254 applies to Task 3.\n");
    let s = r.suggestions(&Answers::default());
    let cui = s.handles_cui.expect("suggested");
    assert!(cui.value);
    assert_eq!(cui.line, Some(2));
    assert!(cui.why.contains("often carry CUI too"), "{}", cui.why);
    // Negated, it is no indicator and suggests nothing.
    let r = scan_solicitation("No DD Form 254 will be issued; the work is unclassified.\n");
    assert!(r.suggestions(&Answers::default()).handles_cui.is_none());
}
