//! The SSP as Markdown: readable as plain text, printable once rendered. Everything the user
//! wrote is escaped, so a note can neither break a table nor smuggle in HTML or links.

use super::ssp::{Ssp, SspLevel3, SspRequirement};
use crate::engine::assess::ISO_ASIDE;
use crate::engine::ids::Family;
use crate::engine::questionnaire::Level;
use crate::engine::score::SSP_ASSUMED;
use crate::engine::soa::ControlStatus;
use crate::engine::vocab::Status;
use std::fmt::Write as _;

/// The SSP as a Markdown document.
pub fn ssp_markdown(s: &Ssp) -> String {
    let mut out = String::new();
    header(&mut out, s);
    summary(&mut out, s);
    let mut family: Option<Family> = None;
    for r in &s.requirements {
        if family != Some(r.family) {
            family = Some(r.family);
            let _ = write!(out, "\n## 3.{} {}\n", r.family.section(), r.family.name());
        }
        requirement(&mut out, r);
    }
    if !s.level3.is_empty() {
        level3(&mut out, &s.level3);
    }
    out.push_str(
        "\n---\n\nWritten on this device by the CMMC readiness calculator from the answers it was given: a self-assessment aid, not an assessment. Statuses marked \u{201c}ISO evidence\u{201d} are suggestions to confirm against the objectives.\n",
    );
    out
}

fn header(out: &mut String, s: &Ssp) {
    let name = or_dash(&s.system.name);
    let _ = writeln!(out, "# System Security Plan: {}\n", inline(name));
    let level = match s.level {
        Level::L3 => "CMMC Level 3 (NIST SP 800-171 r2 and the 24 SP 800-172 requirements of 32 CFR 170.14(c)(4))",
        _ => "CMMC Level 2 (NIST SP 800-171 r2)",
    };
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(out, "| System | {} |", cell(name));
    let _ = writeln!(
        out,
        "| Organization | {} |",
        cell(or_dash(&s.system.organization))
    );
    let _ = writeln!(out, "| Requirements | {level} |");
    if !s.required {
        let _ = writeln!(
            out,
            "| CMMC level required | None by this contract: the level above is one to plan for, and the statuses are what an assessment would find |"
        );
    }
    let _ = writeln!(out, "| As of | {} |", s.date);
    // The sections SP 800-171A 3.12.4 looks for: the boundary [b], the environment of operation
    // [c], the connections to other systems [f], and how often the plan is updated [g], [h].
    for (title, text) in [
        ("System boundary", &s.system.boundary),
        ("Environment of operation", &s.system.environment),
        (
            "Connections to other systems and services",
            &s.system.connections,
        ),
    ] {
        let _ = writeln!(
            out,
            "\n## {title}\n\n{}\n",
            block(or_text(text, "Not described yet."))
        );
    }
    out.push_str("## Plan maintenance\n\n");
    let _ = writeln!(
        out,
        "Updated: {}. Last updated: {}.\n",
        inline(or_text(
            &s.system.update_frequency,
            "frequency not defined yet"
        )),
        s.system
            .last_updated
            .map_or("not recorded".to_string(), |d| d.to_string())
    );
    out.push_str("## Roles\n\n");
    if s.system.roles.is_empty() {
        out.push_str("No roles named yet.\n");
    } else {
        out.push_str("| Role | Held by |\n|---|---|\n");
        for r in &s.system.roles {
            let _ = writeln!(out, "| {} | {} |", cell(&r.title), cell(or_dash(&r.holder)));
        }
    }
}

fn summary(out: &mut String, s: &Ssp) {
    // The organisation's own findings, and apart from them what ISO evidence only suggests: an
    // SSP states as met only what was confirmed.
    let count = |st: Status, confirmed: bool| {
        s.requirements
            .iter()
            .filter(|r| r.status == st && r.status != Status::Unknown && r.confirmed() == confirmed)
            .count()
    };
    let undecided = s
        .requirements
        .iter()
        .filter(|r| r.status == Status::Unknown)
        .count();
    let score = |v: Option<i32>| v.map_or("no score".to_string(), |v| v.to_string());
    out.push_str("\n## Summary\n\n");
    let _ = writeln!(
        out,
        "Of {} requirements, as the organisation confirmed them: {} met, {} not applicable, {} partial, {} not met. Suggested by ISO/IEC 27001 evidence, not confirmed: {} met, {} partial, {} not met. Not yet decided: {}.",
        s.requirements.len(),
        count(Status::Met, true),
        count(Status::NotApplicable, true),
        count(Status::Partial, true),
        count(Status::NotMet, true),
        count(Status::Met, false),
        count(Status::Partial, false),
        count(Status::NotMet, false),
        undecided
    );
    let _ = writeln!(
        out,
        "SPRS score{}: {} confirmed, {} counting ISO evidence (of 110). Level 2{}: {}.",
        // No score is confirmed while the SSP is not: both figures are what it would be.
        if s.sprs.assumes_ssp() {
            ", if the SSP exists"
        } else {
            ""
        },
        score(s.sprs.low),
        score(s.sprs.high),
        if s.required {
            ""
        } else {
            " (planning: no CMMC status is required by this contract)"
        },
        s.level2.text()
    );
    if s.sprs.assumes_ssp() {
        let _ = writeln!(out, "\n{SSP_ASSUMED}");
    }
}

fn requirement(out: &mut String, r: &SspRequirement) {
    let _ = writeln!(out, "\n### {} ({})\n", r.id, r.cmmc_id);
    let _ = writeln!(out, "> {}\n", inline(&r.text));
    let partial = if r.partial_credit {
        " (the named partial state, 32 CFR 170.24(c)(2)(i)(B)(4))"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "**Status:** {}{partial} (basis: {}).\n",
        r.status_words(),
        r.basis.label()
    );
    if let Some(d) = &r.answer {
        let _ = writeln!(out, "**Answer:** {}.\n", d.answer.label_for(&r.id));
        if !d.note.trim().is_empty() && d.answer.status() != Status::NotApplicable {
            let _ = writeln!(out, "**Implementation:** {}\n", block(&d.note));
        }
    }
    let na = r.na_justifications();
    if !na.is_empty() {
        out.push_str("**Not applicable, because:**\n\n");
        for (id, why) in na {
            let _ = writeln!(out, "- {id}: {}", inline(why));
        }
        out.push('\n');
    }
    let defined: Vec<_> = r
        .objectives
        .iter()
        .filter(|o| !o.defined_value.trim().is_empty())
        .collect();
    if !defined.is_empty() {
        out.push_str("**Defined values:**\n\n");
        for o in defined {
            let _ = writeln!(out, "- {}: {}", o.id, inline(&o.defined_value));
        }
        out.push('\n');
    }
    out.push_str("| Objective | Determine if ... | Finding | Note |\n|---|---|---|---|\n");
    for o in &r.objectives {
        let text = o.text.trim_start_matches("Determine if ");
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            o.id,
            cell(text),
            o.answer.map_or("not answered", |a| a.label()),
            cell(&o.note)
        );
    }
    if !r.iso_evidence.is_empty() {
        out.push_str("\n**ISO/IEC 27001 evidence (from the SoA):** ");
        let parts: Vec<String> = r
            .iso_evidence
            .iter()
            .map(|e| {
                let lines: Vec<String> = e
                    .rows
                    .iter()
                    .map(|(c, line)| format!("{c} line {line}"))
                    .collect();
                format!(
                    "{} {} ({}; SoA {})",
                    e.control,
                    inline(&e.title),
                    soa_word(e.status),
                    lines.join(", ")
                )
            })
            .collect();
        let _ = writeln!(out, "{}.", parts.join("; "));
    }
    if let Some(why) = why(r) {
        let _ = writeln!(out, "\n*Why:* {}", inline(why));
    }
}

/// The explanation an SSP carries: for a status the organisation confirmed, its own finding
/// without the app's aside on what the ISO evidence alone would say, and nothing when that is
/// only "You answered ..." (the answer and its record are above it); for a suggestion, all of
/// it. (The walk-through of 2026-12-07: 38 "Without your answer, the ISO evidence alone would
/// say" paragraphs under requirements answered met.)
fn why(r: &SspRequirement) -> Option<&str> {
    if !r.confirmed() {
        return Some(r.explanation.as_str());
    }
    let own = r
        .explanation
        .split(ISO_ASIDE)
        .next()
        .unwrap_or_default()
        .trim();
    let only_the_answer = own.starts_with("You answered \u{201c}")
        && own.find("\u{201d}.").map(|i| i + "\u{201d}.".len()) == Some(own.len());
    (!own.is_empty() && !only_the_answer).then_some(own)
}

fn level3(out: &mut String, items: &[SspLevel3]) {
    out.push_str(
        "\n## Level 3: NIST SP 800-172 requirements (32 CFR 170.14(c)(4))\n\n| Requirement | Statement | Status | POA&M |\n|---|---|---|---|\n",
    );
    for l in items {
        let _ = writeln!(
            out,
            "| {} ({}) {} | {} | {} | {} |",
            l.id,
            l.nist_id,
            cell(&l.short_name),
            cell(&l.statement),
            if l.status == Status::Unknown {
                "Not answered"
            } else {
                l.status.label()
            },
            if l.poam_eligible {
                "may sit on one"
            } else {
                "never (32 CFR 170.21(a)(3)(ii))"
            }
        );
    }
}

/// The SoA's status of a control, in words.
pub(super) fn soa_word(s: ControlStatus) -> &'static str {
    match s {
        ControlStatus::Implemented => "implemented",
        ControlStatus::Partial => "partly implemented",
        ControlStatus::Planned => "planned",
        ControlStatus::NotImplemented => "not implemented",
        ControlStatus::Excluded => "excluded",
        ControlStatus::Unknown => "status not stated",
    }
}

fn or_dash(s: &str) -> &str {
    or_text(s, "-")
}

fn or_text<'a>(s: &'a str, fallback: &'a str) -> &'a str {
    if s.trim().is_empty() {
        fallback
    } else {
        s
    }
}

/// Escapes Markdown and HTML in text set on one line: every line break becomes a space.
fn inline(s: &str) -> String {
    escape(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A table cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    inline(s)
}

/// A paragraph that keeps its line breaks (as Markdown hard breaks).
fn block(s: &str) -> String {
    s.trim()
        .lines()
        .map(|l| escape(l.trim()))
        .collect::<Vec<_>>()
        .join("  \n")
}

/// Backslash-escapes the characters Markdown gives a meaning, and writes `<` as an entity so no
/// HTML tag (nor autolink) survives. A `>` cannot open one, so it stays as written ("PL-2 ->
/// A.6.1.2" reads as such in the file: the walk-through of 2026-12-07 found `-&gt;`), except
/// at the start of a line, where it would open a quotation. An `&` is written as `&amp;` only
/// where it would start an entity (`&lt;`, `&#60;`): "R&D" stays readable in the file.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' if i == 0 => out.push_str("\\>"),
            '&' if starts_entity(&s[i + 1..]) => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether text after an `&` would make it an entity: `#`, letters or digits, then `;`.
fn starts_entity(rest: &str) -> bool {
    let name = rest.strip_prefix('#').unwrap_or(rest);
    let len = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    len > 0 && name[len..].starts_with(';')
}
