//! Annex A ids in SoA cells: reading the id at the start of a cell (and the title after it), and
//! the catalog's ids as numbers, so that every cell of a large file is looked up without
//! allocating.

use super::cells::{clean, is_blank};
use super::MAX_COLUMNS;
use crate::engine::catalog::Catalog;
use crate::engine::ids::{AnnexAKey, ID_END};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A parsed id cell: the id and whatever text followed it (often the title).
pub(super) struct ParsedId<'a> {
    pub(super) key: AnnexAKey,
    pub(super) rest: &'a str,
}

/// Reads an id cell the lenient way people write ids (see [`AnnexAKey::read`]), trimming the
/// blanks around the cell and the punctuation between the id and the title.
pub(super) fn parse_id(cell: &str) -> Option<ParsedId<'_>> {
    let (key, rest) = AnnexAKey::read(clean(cell))?;
    let rest = rest
        .trim_start_matches(|c: char| is_blank(c) || ID_END.contains(c))
        .trim_end_matches(is_blank);
    Some(ParsedId { key, rest })
}

/// A multiply-rotate hash for [`AnnexAKey`]s: much cheaper than the DoS-resistant default, which
/// buys nothing here because every set and map keyed by ids only ever holds catalog ids.
#[derive(Default)]
pub(super) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// Accepted controls and the line each was first accepted on.
pub(super) type IdMap = HashMap<AnnexAKey, usize, BuildHasherDefault<IdHasher>>;

/// The catalog's Annex A ids, as numbers for allocation-free lookups.
pub(super) struct KnownIds(HashSet<AnnexAKey, BuildHasherDefault<IdHasher>>);

impl KnownIds {
    pub(super) fn new(catalog: &Catalog) -> KnownIds {
        KnownIds(
            catalog
                .iso_controls
                .iter()
                .filter_map(|c| parse_id(c.id.as_str()).map(|p| p.key))
                .filter(|k| k.edition().is_some())
                .collect(),
        )
    }

    /// Whether the catalog has this control (in either edition).
    pub(super) fn contains(&self, key: AnnexAKey) -> bool {
        self.0.contains(&key)
    }

    /// The id in a cell, if it is a known control of either edition.
    pub(super) fn key_of(&self, cell: &str) -> Option<AnnexAKey> {
        parse_id(cell).map(|p| p.key).filter(|k| self.0.contains(k))
    }

    /// Whether any of the record's first [`MAX_COLUMNS`] cells holds a known control id.
    pub(super) fn in_record(&self, record: &csv::StringRecord) -> bool {
        record
            .iter()
            .take(MAX_COLUMNS)
            .any(|c| self.key_of(c).is_some())
    }
}
