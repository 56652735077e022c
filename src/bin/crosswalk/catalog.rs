//! `crosswalk catalog [--json]`: the compiled catalog, in full as JSON or as a count summary.

use crate::args::CatalogArgs;
use crate::output::{to_stdout, write_json, Failure};
use cmmc_readiness::engine::{
    Catalog, Edition, PoamEligibility, Provenance, Requirement, RequirementKind,
};
use std::io::{self, Write};

pub fn run(args: &CatalogArgs) -> Result<(), Failure> {
    let catalog = Catalog::builtin();
    to_stdout(|out| {
        if args.json {
            write_json(out, catalog)
        } else {
            write_summary(out, catalog)
        }
    })
}

/// One line per table: what a reviewer checks first against the published documents.
fn write_summary(out: &mut impl Write, c: &Catalog) -> io::Result<()> {
    let count = |f: &dyn Fn(&&Requirement) -> bool| c.requirements.iter().filter(f).count();
    let basic = count(&|r| r.kind == RequirementKind::Basic);
    let points = |p| count(&|r| r.points == Some(p));
    let poam = count(&|r| r.poam != PoamEligibility::Never);
    let edges = |p: Provenance| c.crosswalk.iter().filter(|e| e.provenance == p).count();
    writeln!(
        out,
        "NIST SP 800-171 r2: {} requirements ({basic} basic, {} derived)",
        c.requirements.len(),
        c.requirements.len() - basic
    )?;
    writeln!(
        out,
        "NIST SP 800-171A: {} assessment objectives ({} ask for a defined value)",
        c.objectives.len(),
        c.objectives.iter().filter(|o| o.defines).count()
    )?;
    writeln!(
        out,
        "CMMC Level 2 scoring: {} x 5, {} x 3, {} x 1; score range {} to {}; {poam} POA&M-eligible",
        points(5),
        points(3),
        points(1),
        c.max_score(),
        c.min_score()
    )?;
    writeln!(
        out,
        "CMMC Level 1: {} requirements; Level 3: {} requirements",
        c.level1.len(),
        c.level3.len()
    )?;
    writeln!(
        out,
        "ISO/IEC 27001 Annex A: {} controls (2022), {} controls (2013)",
        c.iso_controls_of(Edition::Iso2022).count(),
        c.iso_controls_of(Edition::Iso2013).count()
    )?;
    writeln!(
        out,
        "Crosswalk: {} Appendix D edges (2013), {} derived 2022 edges, {} NIST OLIR 2022 edges, {} analysis edges; {} edges rest on a NIST erratum",
        edges(Provenance::NistAppendixD),
        edges(Provenance::AppendixDViaAnnexB),
        edges(Provenance::NistOlir),
        edges(Provenance::Analysis),
        c.crosswalk.iter().filter(|e| e.erratum.is_some()).count()
    )?;
    writeln!(
        out,
        "ISO limits: {} obligations an ISO certificate does not evidence",
        c.iso_limits.len()
    )
}
