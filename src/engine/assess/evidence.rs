//! The SoA's rows as ISO/IEC 27001:2022 controls: a 2022 control carried from several 2013
//! controls combines their statuses.

use super::ControlEvidence;
use crate::engine::catalog::Catalog;
use crate::engine::ids::{AnnexAControl, Edition};
use crate::engine::soa::{ControlStatus, SoaImport};
use std::collections::{BTreeMap, BTreeSet};

/// The SoA's statuses as ISO/IEC 27001:2022 controls. A 2022 control carried from several 2013
/// controls is implemented only if all of them are, excluded only if all are, and partial when
/// some of the work is done. An excluded 2013 control is neither for nor against (it does not
/// make the others' implemented partial), and one the file does not list is not stated: the
/// 2022 control is then at most partial (the reviews of 2026-12-07 found an exclusion costing
/// 13 points, and a file listing A.9.1.2 alone counting A.5.15 implemented).
pub fn evidence_2022(
    catalog: &Catalog,
    soa: &SoaImport,
) -> BTreeMap<AnnexAControl, ControlEvidence> {
    let mut out: BTreeMap<AnnexAControl, ControlEvidence> = BTreeMap::new();
    for row in &soa.rows {
        let targets: Vec<AnnexAControl> = match row.control.edition() {
            Edition::Iso2022 => vec![row.control.clone()],
            Edition::Iso2013 => catalog.successors_2022(&row.control).to_vec(),
        };
        for target in targets {
            let entry = out
                .entry(target.clone())
                .or_insert_with(|| ControlEvidence {
                    control: target,
                    status: row.status,
                    rows: Vec::new(),
                    justification: String::new(),
                });
            entry.rows.push((row.control.clone(), row.line, row.status));
            let why = row.justification.trim();
            if !why.is_empty() && !entry.justification.contains(why) {
                if !entry.justification.is_empty() {
                    entry.justification.push_str("; ");
                }
                entry.justification.push_str(why);
            }
        }
    }
    // The 2013 controls each 2022 control was carried from, for those the file does not list.
    let listed: BTreeSet<&AnnexAControl> = soa.rows.iter().map(|r| &r.control).collect();
    let mut unlisted: BTreeMap<&AnnexAControl, usize> = BTreeMap::new();
    for c in &catalog.correspondence {
        if !listed.contains(&c.iso2013) {
            for t in &c.iso2022 {
                *unlisted.entry(t).or_default() += 1;
            }
        }
    }
    for ev in out.values_mut() {
        // Only a control the file states in 2013 terms alone is missing its other 2013 parts.
        let from_2013 = ev.rows.iter().all(|r| r.0.edition() == Edition::Iso2013);
        let missing = if from_2013 {
            unlisted.get(&ev.control).copied().unwrap_or(0)
        } else {
            0
        };
        ev.status = combine(ev.rows.iter().map(|r| r.2), missing);
    }
    out
}

/// Combines the statuses of several SoA rows that evidence one control, with `unlisted` more
/// parts the file does not list at all.
fn combine(statuses: impl Iterator<Item = ControlStatus>, unlisted: usize) -> ControlStatus {
    let with_unknown: Vec<ControlStatus> = statuses.collect();
    // What the file does not say is left out; if it says nothing at all, the control is unknown,
    // and a control only partly stated is at most partly done.
    let all: Vec<ControlStatus> = with_unknown
        .iter()
        .copied()
        .filter(|s| *s != ControlStatus::Unknown)
        .collect();
    let some_unknown = all.len() < with_unknown.len() || unlisted > 0;
    // An exclusion is neither for nor against: it decides only when every part is excluded.
    let stated: Vec<ControlStatus> = all
        .iter()
        .copied()
        .filter(|s| *s != ControlStatus::Excluded)
        .collect();
    let every = |s: ControlStatus| stated.iter().all(|x| *x == s);
    let any = |s: ControlStatus| stated.contains(&s);
    if all.is_empty() {
        ControlStatus::Unknown
    } else if stated.is_empty() {
        if some_unknown {
            ControlStatus::Unknown
        } else {
            ControlStatus::Excluded
        }
    } else if every(ControlStatus::Implemented) && some_unknown {
        ControlStatus::Partial
    } else if every(ControlStatus::Implemented) {
        ControlStatus::Implemented
    } else if any(ControlStatus::Implemented) || any(ControlStatus::Partial) {
        ControlStatus::Partial
    } else if any(ControlStatus::Planned) {
        ControlStatus::Planned
    } else {
        ControlStatus::NotImplemented
    }
}
