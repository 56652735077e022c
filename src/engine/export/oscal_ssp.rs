//! The SSP as an OSCAL System Security Plan (JSON). Per requirement an `implemented-requirement`
//! of the project's catalog (`sp800-171_3.1.1`): its status and how it was decided as project
//! properties, the direct answer's record as its remarks, one `statement` per assessment objective
//! (`sp800-171_3.1.1_obj.a`) with its finding and note, the defined values as `set-parameters`,
//! and the ISO controls the SoA shows as a second component's statement. The profile (and in it
//! the catalog) travels in the back-matter. Everything the user entered is written so that
//! `import_oscal_ssp` can read it back.

use super::oscal::{
    control_id, document, level3_control_id, line, metadata, objective_part_id, param_id, prop,
    Ids, Obj, OSCAL_NS,
};
use super::oscal_catalog::{embedded, profile_json};
use super::ssp::{Ssp, SspLevel3, SspRequirement};
use crate::engine::catalog::Catalog;
use crate::engine::questionnaire::Level;
use crate::engine::score::SspState;
use crate::engine::vocab::{ObjectiveStatus, Status};

/// What `system-name` says when the user gave no name (and what the importer reads as none).
pub(super) const UNNAMED: &str = "Unnamed system";
/// What the boundary says when the user described none (read back as none).
pub(super) const NO_BOUNDARY: &str = "The authorization boundary is not described yet.";
/// What the system's description says when the user described no environment of operation
/// (read back as none).
pub(super) const NO_ENVIRONMENT: &str = "A contractor information system that processes, stores or transmits Controlled Unclassified Information (CUI), assessed against NIST SP 800-171 r2 for CMMC (32 CFR 170).";

/// The words the project's `cmmc-status` property uses.
pub(super) fn status_code(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::Partial => "partial",
        Status::NotMet => "not-met",
        Status::NotApplicable => "not-applicable",
        Status::Unknown => "unknown",
    }
}

/// OSCAL's implementation state for a status; none while it is unknown. A NOT MET requirement
/// is `planned`: it must have a plan of action (32 CFR 170.24(c)(2)(i)(B)(6)).
fn implementation_state(s: Status) -> Option<&'static str> {
    match s {
        Status::Met => Some("implemented"),
        Status::Partial => Some("partial"),
        Status::NotMet => Some("planned"),
        Status::NotApplicable => Some("not-applicable"),
        Status::Unknown => None,
    }
}

fn objective_state(s: ObjectiveStatus) -> &'static str {
    match s {
        ObjectiveStatus::Met => "implemented",
        ObjectiveStatus::NotMet => "planned",
        ObjectiveStatus::NotApplicable => "not-applicable",
    }
}

/// The SSP as OSCAL JSON: the same `Ssp` gives the same bytes.
pub fn ssp_oscal(catalog: &Catalog, s: &Ssp) -> String {
    let ids = Ids::new("ssp", &s.system);
    let (profile, profile_file) = profile_json(catalog, s.level);
    let profile_uuid = ids.uuid("resource/profile");
    let this_system = ids.uuid("component/this-system");
    let isms = ids.uuid("component/iso-27001-isms");
    let mut implemented: Vec<Obj> = s
        .requirements
        .iter()
        .map(|r| requirement(&ids, r, &this_system, &isms))
        .collect();
    implemented.extend(s.level3.iter().map(|l| level3(&ids, l, &this_system)));
    let body = Obj::new()
        .s("uuid", ids.uuid("document"))
        .o("metadata", ssp_metadata(&ids, s))
        .o("import-profile", Obj::new().s("href", format!("#{profile_uuid}")))
        .o("system-characteristics", characteristics(&ids, s))
        .o("system-implementation", implementation(&ids, s, &this_system, &isms))
        .o(
            "control-implementation",
            Obj::new()
                .s(
                    "description",
                    format!(
                        "How each requirement of CMMC Level {} is implemented, as answered in the CMMC readiness calculator for {}. A requirement's status follows its assessment objectives once any is answered (32 CFR 170.24(b)), else its direct answer, else the questionnaire, else what the ISO/IEC 27001 SoA suggests (to be confirmed). Statuses and answers are in the properties of namespace {OSCAL_NS}.",
                        if s.level == Level::L3 { 3 } else { 2 },
                        s.date
                    ),
                )
                .l("implemented-requirements", implemented),
        )
        .o(
            "back-matter",
            Obj::new().l(
                "resources",
                vec![embedded(
                    profile_uuid,
                    "The profile (baseline) this plan implements, with the catalog inside it",
                    profile_file,
                    "application/oscal.profile+json",
                    &profile,
                )],
            ),
        );
    document("system-security-plan", body)
}

fn ssp_metadata(ids: &Ids, s: &Ssp) -> Obj {
    let level = if s.level == Level::L3 { "3" } else { "2" };
    let props = [
        prop("cmmc-level", level),
        prop(
            "cmmc-level-required",
            if s.required {
                "yes"
            } else {
                "no: a level to plan for"
            },
        ),
        // A confirmed score needs a confirmed SSP: while 3.12.4 is not answered the figure
        // assumes one, so it is left out here and `sprs-ssp` says why.
        prop(
            "sprs-score-confirmed",
            &s.sprs
                .low
                .filter(|_| !s.sprs.assumes_ssp())
                .map(|v| v.to_string())
                .unwrap_or_default(),
        ),
        prop(
            "sprs-ssp",
            match s.sprs.ssp {
                SspState::Confirmed => "confirmed",
                SspState::Unconfirmed => "not answered: no score until it is",
                SspState::Missing => "none: no score",
            },
        ),
        prop(
            "sprs-score-with-iso-evidence",
            &s.sprs.high.map(|v| v.to_string()).unwrap_or_default(),
        ),
        prop("level2-status", s.level2.confirmed.label()),
        prop("level2-status-with-iso-evidence", s.level2.with_iso.label()),
    ];
    let mut roles = Vec::new();
    let mut parties = Vec::new();
    let mut responsible = Vec::new();
    for (i, r) in s.system.roles.iter().enumerate() {
        let id = format!("role-{}", i + 1);
        let title = line(&r.title);
        roles.push(Obj::new().s("id", id.clone()).s(
            "title",
            if title.is_empty() {
                format!("Role {}", i + 1)
            } else {
                title
            },
        ));
        if !line(&r.holder).is_empty() {
            let party = ids.uuid(&format!("party/{id}"));
            parties.push(
                Obj::new()
                    .s("uuid", party.clone())
                    .s("type", "person")
                    .s("name", line(&r.holder)),
            );
            responsible.push(
                Obj::new()
                    .s("role-id", id)
                    .strings("party-uuids", vec![party]),
            );
        }
    }
    if !line(&s.system.organization).is_empty() {
        parties.push(
            Obj::new()
                .s("uuid", ids.uuid("party/organization"))
                .s("type", "organization")
                .s("name", line(&s.system.organization)),
        );
    }
    metadata(
        &format!("System Security Plan: {}", display_name(s)),
        s.date,
        props.into_iter().flatten().collect(),
    )
    .l("roles", roles)
    .l("parties", parties)
    .l("responsible-parties", responsible)
}

fn display_name(s: &Ssp) -> String {
    let name = line(&s.system.name);
    if name.is_empty() {
        UNNAMED.to_string()
    } else {
        name
    }
}

fn characteristics(ids: &Ids, s: &Ssp) -> Obj {
    let boundary = if s.system.boundary.trim().is_empty() {
        NO_BOUNDARY.to_string()
    } else {
        s.system.boundary.clone()
    };
    Obj::new()
        .l(
            "system-ids",
            vec![Obj::new()
                .s("identifier-type", "https://ietf.org/rfc/rfc4122")
                .s("id", ids.uuid("system"))],
        )
        .s("system-name", display_name(s))
        // The environment of operation (SP 800-171A 3.12.4[c]) is the system's description.
        .s(
            "description",
            if s.system.environment.trim().is_empty() {
                NO_ENVIRONMENT.to_string()
            } else {
                s.system.environment.trim().to_string()
            },
        )
        .l(
            "props",
            [
                prop("organization", &s.system.organization),
                prop("ssp-update-frequency", &s.system.update_frequency),
                prop(
                    "ssp-last-updated",
                    &s.system
                        .last_updated
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                ),
            ]
            .into_iter()
            .flatten()
            .collect(),
        )
        .o(
            "system-information",
            Obj::new().l(
                "information-types",
                vec![Obj::new()
                    .s("uuid", ids.uuid("information-type/cui"))
                    .s("title", "Controlled Unclassified Information (CUI)")
                    .s(
                        "description",
                        "CUI as 32 CFR 2002 defines it; CUI Basic is protected at no less than the moderate confidentiality impact level (32 CFR 2002.14(c)(2)).",
                    )
                    .o("confidentiality-impact", Obj::new().s("base", "fips-199-moderate"))],
            ),
        )
        .o(
            "status",
            Obj::new()
                .s("state", "other")
                .s("remarks", "The operating status is not recorded by the readiness calculator."),
        )
        .o("authorization-boundary", Obj::new().s("description", boundary))
}

fn implementation(ids: &Ids, s: &Ssp, this_system: &str, isms: &str) -> Obj {
    let users = s
        .system
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let title = line(&r.title);
            Obj::new()
                .s("uuid", ids.uuid(&format!("user/role-{}", i + 1)))
                .s(
                    "title",
                    if title.is_empty() {
                        format!("Role {}", i + 1)
                    } else {
                        title
                    },
                )
                .strings("role-ids", vec![format!("role-{}", i + 1)])
        })
        .collect();
    let status = || {
        Obj::new().s("state", "other").s(
            "remarks",
            "The operating status is not recorded by the readiness calculator.",
        )
    };
    let mut components = vec![Obj::new()
        .s("uuid", this_system)
        .s("type", "this-system")
        .s("title", display_name(s))
        .s(
            "description",
            "The system as a whole, within its authorization boundary.",
        )
        .o("status", status())];
    if s.requirements.iter().any(|r| !r.iso_evidence.is_empty()) {
        components.push(
            Obj::new()
                .s("uuid", isms)
                .s("type", "process-procedure")
                .s("title", "ISO/IEC 27001 information security management system")
                .s(
                    "description",
                    "The Annex A controls of the organisation's Statement of Applicability. ISO work supports a requirement; it never shows on its own that the requirement is met as CMMC assesses it.",
                )
                .o("status", status()),
        );
    }
    // The relationships with and connections to other systems (3.12.4[f]).
    Obj::new()
        .l("users", users)
        .l("components", components)
        .s("remarks", s.system.connections.trim())
}

fn requirement(ids: &Ids, r: &SspRequirement, this_system: &str, isms: &str) -> Obj {
    let key = format!("requirement/{}", r.id);
    // A status nobody confirmed is not one the organisation states: `cmmc-status` says it is not
    // assessed yet, and what the ISO evidence suggests travels apart (the assessor's review,
    // 2026-12-07: a suggestion read `cmmc-status: met`).
    let (status, suggested) = if r.confirmed() {
        (status_code(r.status), None)
    } else {
        ("not-assessed", Some(status_code(r.status)))
    };
    let props = [
        prop("cmmc-status", status),
        suggested.and_then(|s| prop("cmmc-status-suggested", s)),
        prop("cmmc-basis", r.basis.label()),
        r.partial_credit
            .then(|| prop("partial-credit", "true"))
            .flatten(),
        r.answer
            .as_ref()
            .and_then(|d| prop("cmmc-answer", answer_code(d.answer))),
    ];
    let set_parameters = r
        .objectives
        .iter()
        .filter(|o| o.defines && !line(&o.defined_value).is_empty())
        .map(|o| {
            Obj::new()
                .s("param-id", param_id(&o.id))
                .strings("values", vec![line(&o.defined_value)])
        })
        .collect();
    let statements = r
        .objectives
        .iter()
        .map(|o| {
            let subject = format!("{key}/objective/{}", o.id);
            let description = match (o.answer, o.note.trim()) {
                (Some(a), "") => format!("{}.", a.label()),
                (Some(a), note) => format!("{}: {note}", a.label()),
                (None, _) => "Not assessed yet.".to_string(),
            };
            let by = Obj::new()
                .s("component-uuid", this_system)
                .s("uuid", ids.uuid(&format!("{subject}/this-system")))
                .s("description", description)
                .o_opt(
                    "implementation-status",
                    o.answer.map(|a| Obj::new().s("state", objective_state(a))),
                );
            Obj::new()
                .s("statement-id", objective_part_id(&o.id))
                .s("uuid", ids.uuid(&subject))
                .l(
                    "props",
                    o.answer
                        .and_then(|a| prop("cmmc-objective-status", a.code()))
                        .into_iter()
                        .collect(),
                )
                .l("by-components", vec![by])
                .s("remarks", o.note.clone())
        })
        .collect();
    let mut by_components = vec![Obj::new()
        .s("component-uuid", this_system)
        .s("uuid", ids.uuid(&format!("{key}/this-system")))
        .s("description", implementation_text(r))
        .o_opt(
            "implementation-status",
            // Only the organisation's own finding is stated; a suggestion is said in words.
            implementation_state(r.status)
                .filter(|_| r.confirmed())
                .map(|s| Obj::new().s("state", s)),
        )];
    if !r.iso_evidence.is_empty() {
        by_components.push(
            Obj::new()
                .s("component-uuid", isms)
                .s("uuid", ids.uuid(&format!("{key}/iso-27001-isms")))
                .s("description", iso_text(r)),
        );
    }
    Obj::new()
        .s("uuid", ids.uuid(&key))
        .s("control-id", control_id(&r.id))
        .l("props", props.into_iter().flatten().collect())
        .l("set-parameters", set_parameters)
        .l("statements", statements)
        .l("by-components", by_components)
        .s(
            "remarks",
            r.answer
                .as_ref()
                .map(|d| d.note.clone())
                .unwrap_or_default(),
        )
}

/// The direct answer's word, as the CLI and the saved file spell it.
pub(super) fn answer_code(a: crate::engine::vocab::Answer) -> &'static str {
    use crate::engine::vocab::Answer;
    match a {
        Answer::Met => "met",
        Answer::NotMet => "not-met",
        Answer::Partial => "partial",
        Answer::NotApplicable => "not-applicable",
        Answer::EnduringException => "enduring-exception",
        Answer::TemporaryDeficiency => "temporary-deficiency",
        Answer::Variance => "variance",
    }
}

fn implementation_text(r: &SspRequirement) -> String {
    let mut text = format!("{} ({}).", r.status_words(), r.basis.label());
    if let Some(d) = &r.answer {
        if !d.note.trim().is_empty() {
            text = format!("{text} {}", d.note.trim());
        }
    }
    format!("{text} {}", r.explanation)
}

fn iso_text(r: &SspRequirement) -> String {
    let parts: Vec<String> = r
        .iso_evidence
        .iter()
        .map(|e| {
            let lines: Vec<String> = e.rows.iter().map(|(_, l)| l.to_string()).collect();
            format!(
                "{} {} ({}, SoA line {})",
                e.control,
                e.title,
                super::markdown::soa_word(e.status),
                lines.join(", ")
            )
        })
        .collect();
    format!(
        "The SoA shows {}. Suggested support for the requirement, to be confirmed against its objectives.",
        parts.join("; ")
    )
}

fn level3(ids: &Ids, l: &SspLevel3, this_system: &str) -> Obj {
    let key = format!("requirement/{}", l.nist_id);
    let description = match l.status {
        Status::Unknown => "Not answered yet.".to_string(),
        s => format!("{}.", s.label()),
    };
    Obj::new()
        .s("uuid", ids.uuid(&key))
        .s("control-id", level3_control_id(&l.nist_id))
        .l(
            "props",
            [
                prop("cmmc-status", status_code(l.status)),
                prop("cmmc-id", &l.id),
            ]
            .into_iter()
            .flatten()
            .collect(),
        )
        .l(
            "by-components",
            vec![Obj::new()
                .s("component-uuid", this_system)
                .s("uuid", ids.uuid(&format!("{key}/this-system")))
                .s("description", description)
                .o_opt(
                    "implementation-status",
                    implementation_state(l.status).map(|s| Obj::new().s("state", s)),
                )],
        )
}
