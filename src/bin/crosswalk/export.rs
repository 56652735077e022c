//! `crosswalk export ssp|poam`: the same inputs as `assess` -> the engine's assessment -> the
//! System Security Plan (Markdown or OSCAL JSON) or the POA&M (CSV or OSCAL JSON) on standard
//! output. The formats each document takes are separate value lists, so clap refuses
//! `ssp --format csv` as a usage error naming the ones it takes.

use crate::args::{Document, ExportArgs, PoamFormat, SspFormat};
use crate::assess::read_inputs;
use crate::output::{to_stdout, Failure};
use cmmc_readiness::engine::{
    evaluate, exports_not_applicable, poam, poam_csv, poam_oscal, ssp, ssp_markdown, ssp_oscal,
    Catalog, Input,
};
use std::io::Write as _;

pub fn run(args: &ExportArgs) -> Result<(), Failure> {
    let catalog = Catalog::builtin();
    // Neither document is written for results it does not describe (Level 1, no requirement).
    let assessed = |input: &Input, what: &str| {
        let assessment = evaluate(catalog, input).assessment;
        match exports_not_applicable(assessment.applicability.results_mode(&input.answers)) {
            Some(why) => Err(Failure::Input(format!(
                "no {what} for these answers: {why}"
            ))),
            None => Ok(assessment),
        }
    };
    let text = match &args.document {
        Document::Ssp(a) => {
            let input = read_inputs(&a.input, catalog)?;
            let plan = ssp(catalog, &input, &assessed(&input, "SSP")?);
            match a.format {
                SspFormat::Markdown => ssp_markdown(&plan),
                SspFormat::OscalJson => ssp_oscal(catalog, &plan),
            }
        }
        Document::Poam(a) => {
            let input = read_inputs(&a.input, catalog)?;
            let plan = poam(catalog, &input, &assessed(&input, "POA&M")?);
            match a.format {
                PoamFormat::Csv => poam_csv(&plan),
                PoamFormat::OscalJson => poam_oscal(&plan),
            }
        }
    };
    to_stdout(|out| out.write_all(text.as_bytes()))
}
