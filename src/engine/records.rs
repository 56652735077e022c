//! What the user writes down for the exports beyond statuses: the system the SSP describes (its
//! name, the organisation, its boundary, the roles and who holds them) and, per open requirement,
//! the POA&M's plan (owner, milestones, resources, scheduled completion). Inputs only: the SSP
//! and the POA&M are derived from them and the assessment (`export`).
//!
//! It sits below `evaluate` (which carries them in `Input`), `state` (which saves them) and
//! `export` (which writes them out), so none of those has to import another for them.

use super::date::Date;
use serde::Serialize;

/// The system the SSP describes (NIST SP 800-171 r2 3.12.4: the system boundary, the
/// environment of operation, how each requirement is implemented).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct SystemInfo {
    /// The system's name ("Acme CUI enclave").
    pub name: String,
    /// The organisation that owns and operates it.
    pub organization: String,
    /// The authorization boundary: what is in scope (assets that process, store or transmit CUI,
    /// security protection assets) and what is not (32 CFR 170.19).
    pub boundary: String,
    /// The roles the SSP names and who holds each.
    pub roles: Vec<SystemRole>,
    /// The environment of operation: where the system runs, its sites, networks and platforms
    /// (SP 800-171A 3.12.4[c]).
    pub environment: String,
    /// Its relationships with and connections to other systems: cloud services, external
    /// service providers, the prime's or DoD's systems (3.12.4[f]).
    pub connections: String,
    /// How often the SSP is updated ("every 12 months and after each significant change",
    /// 3.12.4[g]).
    pub update_frequency: String,
    /// When it was last updated (what 3.12.4[h] checks against the frequency).
    pub last_updated: Option<Date>,
}

/// The SSP's descriptive fields that are free text (each set whole, on `change`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SystemText {
    Name,
    Organization,
    Boundary,
    Environment,
    Connections,
    UpdateFrequency,
}

impl SystemInfo {
    /// Nothing written yet.
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
            && self.organization.trim().is_empty()
            && self.boundary.trim().is_empty()
            && self.roles.is_empty()
            && self.environment.trim().is_empty()
            && self.connections.trim().is_empty()
            && self.update_frequency.trim().is_empty()
            && self.last_updated.is_none()
    }

    /// Sets one free-text field.
    pub fn set_text(&mut self, field: SystemText, value: String) {
        let slot = match field {
            SystemText::Name => &mut self.name,
            SystemText::Organization => &mut self.organization,
            SystemText::Boundary => &mut self.boundary,
            SystemText::Environment => &mut self.environment,
            SystemText::Connections => &mut self.connections,
            SystemText::UpdateFrequency => &mut self.update_frequency,
        };
        *slot = value;
    }
}

/// A role in the SSP ("System owner", "ISSO") and who holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct SystemRole {
    /// The role's title.
    pub title: String,
    /// Who holds it (a person's name, or a team's); empty when not yet assigned.
    pub holder: String,
}

/// The plan of action for one open item of the POA&M: who owns it, its milestones, what it needs
/// and when it is scheduled to be done (32 CFR 170.21; NIST SP 800-171 r2 3.12.2). Every field
/// may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct PoamPlan {
    /// Who is responsible for closing it.
    pub owner: String,
    /// The milestones, in the order written.
    pub milestones: Vec<Milestone>,
    /// What closing it needs (people, money, tools).
    pub resources: String,
    /// The scheduled completion date.
    pub completion: Option<Date>,
}

impl PoamPlan {
    /// The milestones as the exports list them: `2027-01-15: what` (`what` alone when undated).
    pub fn milestone_lines(&self) -> Vec<String> {
        self.milestones
            .iter()
            .map(|m| match m.date {
                Some(d) => format!("{d}: {}", m.text),
                None => m.text.clone(),
            })
            .collect()
    }

    /// Nothing written yet.
    pub fn is_empty(&self) -> bool {
        self.owner.trim().is_empty()
            && self.milestones.is_empty()
            && self.resources.trim().is_empty()
            && self.completion.is_none()
    }

    /// Sets one field.
    pub fn set(&mut self, field: PoamField) {
        match field {
            PoamField::Owner(owner) => self.owner = owner,
            PoamField::Milestones(milestones) => self.milestones = milestones,
            PoamField::Resources(resources) => self.resources = resources,
            PoamField::Completion(completion) => self.completion = completion,
        }
    }
}

/// One field of a [`PoamPlan`], as a form edits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoamField {
    /// Who owns the item.
    Owner(String),
    /// Its milestones.
    Milestones(Vec<Milestone>),
    /// What it needs.
    Resources(String),
    /// When it is scheduled to be done.
    Completion(Option<Date>),
}

/// One milestone of a plan of action: what is to be done, and by when.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Milestone {
    /// What is to be done.
    pub text: String,
    /// By when, when a date is set.
    pub date: Option<Date>,
}

/// The one-entry-per-line text the app's forms show for lists: milestones as `YYYY-MM-DD what`
/// (the date optional), roles as `Title: holder` (the holder optional). Reading and writing are
/// inverse on what they write; blank lines are dropped, nothing else is.
impl Milestone {
    /// Reads one milestone per non-blank line. A line that starts with a `YYYY-MM-DD` date takes
    /// it as the milestone's date (a `:`, `-` or dash after it is dropped); any other line is all
    /// text, so nothing written is lost.
    pub fn parse_lines(text: &str) -> Vec<Milestone> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                let date = l.get(..10).and_then(Date::parse);
                match date {
                    Some(date) => Milestone {
                        text: l[10..]
                            .trim_start_matches([' ', '\t', ':', '-', '\u{2013}', '\u{2014}'])
                            .trim()
                            .to_string(),
                        date: Some(date),
                    },
                    None => Milestone {
                        text: l.to_string(),
                        date: None,
                    },
                }
            })
            .collect()
    }

    /// Writes milestones one per line, as `parse_lines` reads them.
    pub fn to_lines(milestones: &[Milestone]) -> String {
        milestones
            .iter()
            .map(|m| match m.date {
                Some(d) if m.text.is_empty() => d.to_string(),
                Some(d) => format!("{d} {}", m.text),
                None => m.text.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl SystemRole {
    /// Reads one role per non-blank line, `Title: holder`; a line without `:` is a title not
    /// yet assigned to anyone.
    pub fn parse_lines(text: &str) -> Vec<SystemRole> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| match l.split_once(':') {
                Some((title, holder)) => SystemRole {
                    title: title.trim().to_string(),
                    holder: holder.trim().to_string(),
                },
                None => SystemRole {
                    title: l.to_string(),
                    holder: String::new(),
                },
            })
            .collect()
    }

    /// Writes roles one per line, as `parse_lines` reads them.
    pub fn to_lines(roles: &[SystemRole]) -> String {
        roles
            .iter()
            .map(|r| {
                if r.holder.is_empty() {
                    r.title.clone()
                } else {
                    format!("{}: {}", r.title, r.holder)
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestone_lines_take_a_leading_date_and_keep_every_other_line_as_text() {
        let m = Milestone::parse_lines(
            "2027-01-15 Order hardware keys\n\n  2027-02-01: Enrol every user \nPilot with IT\n2027-13-01 not a date",
        );
        assert_eq!(m.len(), 4);
        assert_eq!(m[0].date, Date::parse("2027-01-15"));
        assert_eq!(m[0].text, "Order hardware keys");
        assert_eq!(m[1].text, "Enrol every user");
        assert_eq!(m[2].date, None);
        assert_eq!(m[2].text, "Pilot with IT");
        // An impossible date is text, never dropped.
        assert_eq!(m[3].date, None);
        assert_eq!(m[3].text, "2027-13-01 not a date");
        assert_eq!(Milestone::parse_lines(&Milestone::to_lines(&m)), m);
    }

    #[test]
    fn role_lines_split_at_the_first_colon() {
        let r = SystemRole::parse_lines("System owner: Dana Reyes\nISSO\nBackup: Ops: night shift");
        assert_eq!(r.len(), 3);
        assert_eq!(
            (r[0].title.as_str(), r[0].holder.as_str()),
            ("System owner", "Dana Reyes")
        );
        assert_eq!((r[1].title.as_str(), r[1].holder.as_str()), ("ISSO", ""));
        assert_eq!(r[2].holder, "Ops: night shift");
        assert_eq!(SystemRole::parse_lines(&SystemRole::to_lines(&r)), r);
    }
}
