//! The POA&M as an OSCAL Plan of Action and Milestones (JSON). Each open item is an observation
//! (why it is open), a risk (the weakness, its deadline, and the plan as a remediation whose
//! tasks are the milestones) and a `poam-item` pointing at both. Items that may sit on a CMMC
//! POA&M come first; the blockers follow, each flagged `cmmc-poam-eligible: no` and with a
//! finding that says which rule keeps it off (32 CFR 170.21(a)(2)(ii)-(iii), (a)(3)(ii)). A
//! Conditional status puts the 180-day closeout deadline (32 CFR 170.21(b)) on every item as its
//! risk's deadline unless the user scheduled it otherwise. The `system-id` is the SSP's.

use super::oscal::{
    control_id, document, level3_control_id, line, metadata, prop, timestamp, Ids, Obj,
};
use super::oscal_ssp::status_code;
use super::poam::{Poam, PoamItem};
use crate::engine::ids::RequirementId;
use crate::engine::vocab::Status;

/// The POA&M as OSCAL JSON: the same `Poam` gives the same bytes.
pub fn poam_oscal(p: &Poam) -> String {
    let ids = Ids::new("poam", &p.system);
    let system_id = Ids::new("ssp", &p.system).uuid("system");
    let all: Vec<&PoamItem> = p
        .items
        .iter()
        .chain(&p.blockers)
        .chain(&p.unassessed)
        .collect();
    let observations = all.iter().map(|i| observation(&ids, p, i)).collect();
    let risks = all.iter().map(|i| risk(&ids, i)).collect();
    let findings = p.blockers.iter().map(|i| finding(&ids, i)).collect();
    let mut poam_items: Vec<Obj> = all.iter().map(|i| poam_item(&ids, i)).collect();
    if poam_items.is_empty() {
        poam_items.push(
            Obj::new()
                .s("uuid", ids.uuid("item/none"))
                .s("title", format!("No open items on {}", p.date))
                .s(
                    "description",
                    format!(
                        "Every requirement is met or not applicable on {}: there is nothing to plan.",
                        p.date
                    ),
                ),
        );
    }
    let closeout = all
        .iter()
        .filter_map(|i| i.closeout)
        .map(|c| c.deadline.to_string())
        .min();
    let props = [
        prop("level2-status", p.level2.confirmed.label()),
        prop("level2-status-with-iso-evidence", p.level2.with_iso.label()),
        p.level3.and_then(|s| prop("level3-status", s.label())),
        closeout.and_then(|d| prop("closeout-deadline", &d)),
    ];
    let name = if line(&p.system.name).is_empty() {
        super::oscal_ssp::UNNAMED.to_string()
    } else {
        line(&p.system.name)
    };
    let body = Obj::new()
        .s("uuid", ids.uuid("document"))
        .o(
            "metadata",
            metadata(
                &format!("Plan of Action and Milestones: {name}"),
                p.date,
                props.into_iter().flatten().collect(),
            ),
        )
        .o(
            "system-id",
            Obj::new()
                .s("identifier-type", "https://ietf.org/rfc/rfc4122")
                .s("id", system_id),
        )
        .l("observations", observations)
        .l("risks", risks)
        .l("findings", findings)
        .l("poam-items", poam_items);
    document("plan-of-action-and-milestones", body)
}

/// What the item's finding is: an item not assessed yet is not said to be not met.
fn finding_words(i: &PoamItem) -> &'static str {
    match i.status {
        Status::Unknown => "not assessed yet",
        // Still NOT MET, but in its named partial state (3 points, 32 CFR 170.24(c)(2)(i)(B)(4)).
        Status::Partial if i.partial_credit => "not met: in its named partial state",
        Status::Partial => "not met: partly implemented",
        _ => "not met",
    }
}

fn key(i: &PoamItem) -> String {
    format!("item/{}", i.id)
}

fn target(i: &PoamItem) -> String {
    if i.level == 3 {
        let nist = i.cmmc_id.split('-').nth(1).unwrap_or_default();
        level3_control_id(nist)
    } else {
        control_id(&RequirementId::from(i.id.as_str()))
    }
}

fn observation(ids: &Ids, p: &Poam, i: &PoamItem) -> Obj {
    let method = if i.status == Status::Unknown {
        "UNKNOWN"
    } else {
        "EXAMINE"
    };
    Obj::new()
        .s("uuid", ids.uuid(&format!("{}/observation", key(i))))
        .s("title", format!("{} ({}) is open", i.id, i.cmmc_id))
        .s("description", i.weakness.clone())
        .strings("methods", vec![method.to_string()])
        .strings("types", vec!["finding".to_string()])
        .s("collected", timestamp(p.date))
}

fn risk(ids: &Ids, i: &PoamItem) -> Obj {
    let objectives: Vec<&str> = i.open_objectives.iter().map(|o| o.as_str()).collect();
    let props = [
        prop("cmmc-status", status_code(i.status)),
        prop("points", &i.points.to_string()),
        prop("open-objectives", &objectives.join(" ")),
    ];
    Obj::new()
        .s("uuid", ids.uuid(&format!("{}/risk", key(i))))
        .s(
            "title",
            format!("{} ({}) {}", i.id, i.cmmc_id, finding_words(i)),
        )
        .s("description", i.requirement.clone())
        .s("statement", i.weakness.clone())
        .l("props", props.into_iter().flatten().collect())
        .s("status", "open")
        .s("deadline", i.scheduled().map(timestamp).unwrap_or_default())
        .l("remediations", vec![remediation(ids, i)])
        .l(
            "related-observations",
            vec![Obj::new().s(
                "observation-uuid",
                ids.uuid(&format!("{}/observation", key(i))),
            )],
        )
}

/// The plan: who owns it, what it needs, its milestones as tasks, and the closeout.
fn remediation(ids: &Ids, i: &PoamItem) -> Obj {
    let plan = &i.plan;
    let mut description = Vec::new();
    if !line(&plan.owner).is_empty() {
        description.push(format!("Owner: {}.", line(&plan.owner)));
    }
    if !plan.resources.trim().is_empty() {
        // A sentence of its own, whatever the user ended it with ("Resources: $5k Close by"
        // ran two sentences together: the re-review of 2026-12-07).
        let resources = plan.resources.trim();
        let stop = if resources.ends_with(['.', '!', '?']) {
            ""
        } else {
            "."
        };
        description.push(format!("Resources: {resources}{stop}"));
    }
    if let Some(c) = &i.closeout {
        description.push(if c.held {
            format!(
                "Close by {} (180 days after the Conditional status date {}, 32 CFR 170.21(b)).",
                c.deadline, c.status_date
            )
        } else {
            format!(
                "Close by {} if a Conditional status is dated {} (the date of this plan): 180 days after the status date, 32 CFR 170.21(b).",
                c.deadline, c.status_date
            )
        });
    }
    if i.late() {
        description.push(
            "Scheduled after the closeout deadline: the Conditional status would expire first."
                .to_string(),
        );
    }
    if description.is_empty() {
        description.push("No plan written yet.".to_string());
    }
    let tasks = plan
        .milestones
        .iter()
        .enumerate()
        .map(|(n, m)| {
            let title = line(&m.text);
            Obj::new()
                .s("uuid", ids.uuid(&format!("{}/milestone/{}", key(i), n + 1)))
                .s("type", "milestone")
                .s(
                    "title",
                    if title.is_empty() {
                        format!("Milestone {}", n + 1)
                    } else {
                        title
                    },
                )
                .o_opt(
                    "timing",
                    m.date
                        .map(|d| Obj::new().o("on-date", Obj::new().s("date", timestamp(d)))),
                )
        })
        .collect();
    let assets = if plan.resources.trim().is_empty() {
        Vec::new()
    } else {
        vec![Obj::new()
            .s("uuid", ids.uuid(&format!("{}/resources", key(i))))
            .s("description", plan.resources.trim())]
    };
    Obj::new()
        .s("uuid", ids.uuid(&format!("{}/remediation", key(i))))
        .s("lifecycle", "planned")
        .s("title", format!("Plan of action for {}", i.id))
        .s("description", description.join(" "))
        .l("props", prop("owner", &plan.owner).into_iter().collect())
        .l("required-assets", assets)
        .l("tasks", tasks)
}

fn finding(ids: &Ids, i: &PoamItem) -> Obj {
    let reason = i.blocker_reason.clone().unwrap_or_default();
    Obj::new()
        .s("uuid", ids.uuid(&format!("{}/finding", key(i))))
        .s("title", format!("{} may not sit on a POA&M", i.id))
        .s("description", reason)
        .o(
            "target",
            Obj::new()
                .s("type", "objective-id")
                .s("target-id", target(i))
                .o("status", Obj::new().s("state", "not-satisfied")),
        )
        .l(
            "related-risks",
            vec![Obj::new().s("risk-uuid", ids.uuid(&format!("{}/risk", key(i))))],
        )
}

fn poam_item(ids: &Ids, i: &PoamItem) -> Obj {
    let eligible = i.blocker_reason.is_none();
    let assessed = i.status != Status::Unknown;
    let props = [
        prop("requirement", &i.id),
        prop("cmmc-id", &i.cmmc_id),
        prop("cmmc-level", &i.level.to_string()),
        // Whether it may sit on a POA&M depends on the finding: not said before there is one.
        if assessed {
            prop("cmmc-poam-eligible", if eligible { "yes" } else { "no" })
        } else {
            prop("cmmc-assessed", "no")
        },
        prop("points", &i.points.to_string()),
        prop("owner", &i.plan.owner),
        prop(
            "scheduled-completion",
            &i.plan.completion.map(|d| d.to_string()).unwrap_or_default(),
        ),
        prop(
            "closeout-deadline",
            &i.closeout
                .map(|c| c.deadline.to_string())
                .unwrap_or_default(),
        ),
    ];
    let title = if !assessed {
        format!("Not assessed yet: {} ({})", i.id, i.cmmc_id)
    } else if eligible {
        format!("{} ({})", i.id, i.cmmc_id)
    } else {
        format!("Blocker: {} ({}) must be met first", i.id, i.cmmc_id)
    };
    let mut description = i.weakness.clone();
    if let Some(reason) = &i.blocker_reason {
        description = format!("{reason} {description}");
    }
    Obj::new()
        .s("uuid", ids.uuid(&key(i)))
        .s("title", title)
        .s("description", description)
        .l("props", props.into_iter().flatten().collect())
        .l(
            "related-observations",
            vec![Obj::new().s(
                "observation-uuid",
                ids.uuid(&format!("{}/observation", key(i))),
            )],
        )
        .l(
            "related-risks",
            vec![Obj::new().s("risk-uuid", ids.uuid(&format!("{}/risk", key(i))))],
        )
}
