//! `crosswalk scan --text FILE|- [--json]`: reads a solicitation's text for the clauses, the CMMC
//! level its fill-ins name and CUI indicators, on this machine only.

use crate::args::ScanArgs;
use crate::output::{to_stdout, write_json, Failure};
use cmmc_readiness::engine::{decode_text, scan_solicitation, ClauseKind, ScanLevel, ScanResult};
use std::io::{self, Write};

pub fn run(args: &ScanArgs) -> Result<(), Failure> {
    // The same decoding as the SoA import: UTF-8 or UTF-16, with or without a byte order mark.
    let (text, _, _) = decode_text(&args.text.read()?);
    let result = scan_solicitation(&text);
    to_stdout(|out| {
        if args.json {
            write_json(out, &result)
        } else {
            write_text(out, &result)
        }
    })
}

/// The level first (what the user came for), then the evidence: fill-ins, clauses, CUI
/// indicators, and the notes on what the text cannot tell.
fn write_text(out: &mut impl Write, result: &ScanResult) -> io::Result<()> {
    let level = match result.solicitation {
        ScanLevel::Named(s) => s.in_sentence().to_string(),
        ScanLevel::Unknown => {
            "unknown (a CMMC clause is present, but no single level is filled in)".into()
        }
        ScanLevel::NotFound => {
            "not found (neither DFARS 252.204-7025 nor 252.204-7021 is in the text)".into()
        }
    };
    writeln!(out, "Level named: {level}")?;
    for f in &result.fill_ins {
        writeln!(
            out,
            "  line {}: {} fill-in reads {}: {}",
            f.line,
            f.paragraph,
            f.reading.as_str(),
            f.value
        )?;
    }
    if let Some(level) = result.flow_down_level {
        writeln!(out, "Flow-down to subcontractors: {}", level.in_sentence())?;
    }
    write_findings(out, result)?;
    writeln!(
        out,
        "Handles FCI: {}",
        if result.fci_indicated {
            "suggested yes (confirm it)"
        } else {
            "no suggestion"
        }
    )?;
    writeln!(out, "Notes:")?;
    for n in &result.notes {
        writeln!(out, "  - {} [{}]", n.text, n.citation)?;
    }
    Ok(())
}

/// The clauses found and the CUI indicators, each with its line.
fn write_findings(out: &mut impl Write, result: &ScanResult) -> io::Result<()> {
    writeln!(out, "Clauses ({}):", result.clauses.len())?;
    for c in &result.clauses {
        let kind = match c.kind {
            ClauseKind::Far => "FAR",
            ClauseKind::Dfars => "DFARS",
        };
        writeln!(
            out,
            "  line {}: {kind} {} ({}x) [{}]",
            c.line, c.number, c.occurrences, c.title
        )?;
    }
    writeln!(out, "CUI indicators ({}):", result.cui_indicators.len())?;
    for i in &result.cui_indicators {
        // The kind as JSON spells it (`distribution-statement-d`), so text and JSON agree.
        let kind = serde_json::to_value(i.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        writeln!(out, "  line {}: {kind}: {}", i.line, i.quote)?;
    }
    Ok(())
}
