//! What every OSCAL file this project writes shares: the OSCAL version, the project's namespace
//! (for its own properties and for version 5 UUIDs), the ids it gives controls, objectives and
//! parameters, dates as OSCAL date-times, and a JSON object that keeps its keys in the order
//! written (serde_json's own map sorts them, and OSCAL readers expect `uuid` and `metadata` first).

use super::uuid::{uuid_v5, Uuid};
use crate::engine::date::Date;
use crate::engine::ids::{ObjectiveId, RequirementId};
use crate::engine::records::SystemInfo;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// The OSCAL version written: the newest that compliance-trestle 5.2.0 validates (its models
/// accept 1.2.0 and 1.2.1). NIST published OSCAL 1.2.0 in December 2025.
pub const OSCAL_VERSION: &str = "1.2.1";

/// The project's UUID namespace, chosen once at random (version 4) and fixed forever: every UUID
/// in every file is version 5 of this namespace and a name naming its subject.
pub(super) const PROJECT_NAMESPACE: Uuid = [
    0x38, 0x28, 0xab, 0xc5, 0x3f, 0x5f, 0x4b, 0x39, 0x8f, 0xa9, 0x30, 0x83, 0x6a, 0xde, 0x9b, 0x96,
];

/// The namespace of this project's own properties (`cmmc-status`, `generator`, ...): the same
/// UUID as a URN, a URI no one else can mint.
pub const OSCAL_NS: &str = "urn:uuid:3828abc5-3f5f-4b39-8fa9-30836ade9b96";

/// What `generator` says: this crate and its version.
pub(super) const GENERATOR: &str = concat!("cmmc-readiness ", env!("CARGO_PKG_VERSION"));

/// A JSON value built for OSCAL: strings, booleans, lists and ordered objects.
pub(super) enum Node {
    Str(String),
    Bool(bool),
    Obj(Obj),
    List(Vec<Node>),
}

/// A JSON object that keeps the order its keys were added in. Empty strings and empty lists are
/// left out when added (OSCAL lists hold at least one item, and empty text means nothing).
#[derive(Default)]
pub(super) struct Obj(Vec<(&'static str, Node)>);

impl Obj {
    pub(super) fn new() -> Obj {
        Obj::default()
    }

    /// A string field, left out when empty.
    pub(super) fn s(mut self, key: &'static str, value: impl Into<String>) -> Obj {
        let value = value.into();
        if !value.is_empty() {
            self.0.push((key, Node::Str(value)));
        }
        self
    }

    /// An object field.
    pub(super) fn o(mut self, key: &'static str, value: Obj) -> Obj {
        self.0.push((key, Node::Obj(value)));
        self
    }

    /// An object field, when there is one.
    pub(super) fn o_opt(self, key: &'static str, value: Option<Obj>) -> Obj {
        match value {
            Some(v) => self.o(key, v),
            None => self,
        }
    }

    /// A list of objects, left out when empty.
    pub(super) fn l(mut self, key: &'static str, items: Vec<Obj>) -> Obj {
        if !items.is_empty() {
            self.0
                .push((key, Node::List(items.into_iter().map(Node::Obj).collect())));
        }
        self
    }

    /// A list of strings, left out when empty.
    pub(super) fn strings(mut self, key: &'static str, items: Vec<String>) -> Obj {
        if !items.is_empty() {
            self.0
                .push((key, Node::List(items.into_iter().map(Node::Str).collect())));
        }
        self
    }

    /// A boolean field.
    pub(super) fn b(mut self, key: &'static str, value: bool) -> Obj {
        self.0.push((key, Node::Bool(value)));
        self
    }
}

impl Serialize for Obj {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Str(v) => s.serialize_str(v),
            Node::Bool(v) => s.serialize_bool(*v),
            Node::Obj(o) => o.serialize(s),
            Node::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for i in items {
                    seq.serialize_element(i)?;
                }
                seq.end()
            }
        }
    }
}

/// The document `{root: body}` as pretty JSON with a final newline.
pub(super) fn document(root: &'static str, body: Obj) -> String {
    let mut text = serde_json::to_string_pretty(&Obj::new().o(root, body)).unwrap_or_default();
    text.push('\n');
    text
}

/// The document `{root: body}` as compact JSON, to embed as a resource.
pub(super) fn compact(root: &'static str, body: Obj) -> String {
    serde_json::to_string(&Obj::new().o(root, body)).unwrap_or_default()
}

/// The UUIDs of one document: version 5 of the project namespace and
/// `<kind>/<organization>/<system name>/<subject>`, so the same system gets the same UUIDs in
/// every revision (OSCAL assigns them per subject) and two systems never share one.
pub(super) struct Ids {
    scope: String,
}

impl Ids {
    pub(super) fn new(kind: &str, system: &SystemInfo) -> Ids {
        Ids {
            scope: format!(
                "{kind}/{}/{}",
                line(&system.organization),
                line(&system.name)
            ),
        }
    }

    /// The UUIDs of something that belongs to no system (the catalog, the profiles).
    pub(super) fn fixed(kind: &str) -> Ids {
        Ids {
            scope: kind.to_string(),
        }
    }

    pub(super) fn uuid(&self, subject: &str) -> String {
        uuid_v5(&PROJECT_NAMESPACE, &format!("{}/{subject}", self.scope))
    }
}

/// The OSCAL control id of an SP 800-171 r2 requirement: `sp800-171_3.1.1` (OSCAL ids start
/// with a letter).
pub(super) fn control_id(id: &RequirementId) -> String {
    format!("sp800-171_{id}")
}

/// The OSCAL control id of a Level 3 requirement: `sp800-172_3.1.2e`.
pub(super) fn level3_control_id(nist_id: &str) -> String {
    format!("sp800-172_{nist_id}")
}

/// The part id of an assessment objective: `sp800-171_3.1.1_obj.a`.
pub(super) fn objective_part_id(id: &ObjectiveId) -> String {
    format!("sp800-171_{}_obj.{}", id.requirement(), id.letter())
}

/// The parameter id of the value an objective defines: `sp800-171_3.1.10_odp.a`.
pub(super) fn param_id(id: &ObjectiveId) -> String {
    format!("sp800-171_{}_odp.{}", id.requirement(), id.letter())
}

/// The requirement of a control id `sp800-171_3.1.1`.
pub(super) fn requirement_of_control(control_id: &str) -> Option<RequirementId> {
    control_id
        .strip_prefix("sp800-171_")
        .map(RequirementId::from)
}

/// The objective of a part id `sp800-171_3.1.1_obj.a` or a parameter id `..._odp.a`.
pub(super) fn objective_of(id: &str, marker: &str) -> Option<ObjectiveId> {
    let rest = id.strip_prefix("sp800-171_")?;
    let (requirement, letter) = rest.split_once(marker)?;
    ObjectiveId::parse(&format!("{requirement}[{letter}]"))
}

/// A date as an OSCAL date-time: midnight UTC of the day.
pub(super) fn timestamp(d: Date) -> String {
    format!("{d}T00:00:00Z")
}

/// Text for a one-line OSCAL field (titles, names, property values): runs of whitespace,
/// line breaks included, become one space, and the ends are trimmed.
pub(super) fn line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One of this project's properties; `None` when the value is empty.
pub(super) fn prop(name: &str, value: &str) -> Option<Obj> {
    let value = line(value);
    (!value.is_empty()).then(|| {
        Obj::new()
            .s("name", name)
            .s("ns", OSCAL_NS)
            .s("value", value)
    })
}

/// One of OSCAL's own properties (no namespace), such as `label`.
pub(super) fn oscal_prop(name: &str, value: &str) -> Obj {
    Obj::new().s("name", name).s("value", line(value))
}

/// The metadata every document opens with: its title, the date it is written for as
/// `published` and `last-modified` (so the same input gives the same bytes), the date as its
/// version, the OSCAL version and the generator.
pub(super) fn metadata(title: &str, date: Date, props: Vec<Obj>) -> Obj {
    let mut all = vec![prop("generator", GENERATOR).unwrap_or_default()];
    all.extend(props);
    Obj::new()
        .s("title", line(title))
        .s("published", timestamp(date))
        .s("last-modified", timestamp(date))
        .s("version", date.to_string())
        .s("oscal-version", OSCAL_VERSION)
        .l("props", all)
}
