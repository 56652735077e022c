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
}

impl SystemInfo {
    /// Nothing written yet.
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
            && self.organization.trim().is_empty()
            && self.boundary.trim().is_empty()
            && self.roles.is_empty()
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
