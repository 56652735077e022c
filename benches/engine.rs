//! Criterion benchmarks for the engine's hot paths: the full `assess` + `estimate` of a real SoA
//! in both views, and `import_soa` of that SoA and of a generated 10,000-row file.
//!
//! The web app reruns `assess` and `estimate` on every answer the user gives, so those two must
//! stay well under a frame; the import runs once per file and must stay quick even on a large or
//! hostile export. Run with `cargo bench --bench engine` (add a filter such as `import_soa` to run
//! one group). Warm-up and measurement times are kept short (1 s / 3 s) so the whole run takes a
//! couple of minutes on a small machine.

use cmmc_readiness::engine::{
    evaluate, import_soa, Answers, Catalog, Date, ImportOptions, Input, View,
};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::fmt::Write as _;
use std::sync::Arc;
use std::time::Duration;

/// The fully implemented ISO/IEC 27001:2022 SoA the integration tests use: 93 rows.
const FIXTURE: &[u8] = include_bytes!("../tests/fixtures/soa/iso2022_full.csv");

/// A 10,000-row SoA: the 93 controls over and over with varied statuses and text, plus every
/// 97th row an id that is not an Annex A control. Most rows are duplicates, so this measures the
/// importer at its worst: every row parsed, most of them reported as a problem with two lines.
fn generated_soa(rows: usize) -> Vec<u8> {
    let sections = [(5, 37), (6, 8), (7, 14), (8, 34)];
    let ids: Vec<String> = sections
        .iter()
        .flat_map(|&(clause, n)| (1..=n).map(move |i| format!("A.{clause}.{i}")))
        .collect();
    let statuses = [
        "Implemented",
        "Partially implemented",
        "Planned",
        "Not implemented",
        "Excluded",
    ];
    let mut out =
        String::from("Control,Title,Applicable,Implementation status,Justification,Owner\n");
    for i in 0..rows {
        let id = if i % 97 == 96 {
            format!("A.9.{}", i % 50)
        } else {
            ids[i % ids.len()].clone()
        };
        let status = statuses[(i / ids.len()) % statuses.len()];
        let _ = writeln!(
            out,
            "{id},\"Control {i}, as titled in the register\",Yes,{status},Risk treatment plan item {i},Owner {}",
            i % 7
        );
    }
    out.into_bytes()
}

/// The documented example answers: a 40-person ISO-certified small business heading for a
/// Level 2 C3PAO certification.
fn answers() -> Answers {
    serde_json::from_str(include_str!("../examples/answers.json"))
        .expect("examples/answers.json parses")
}

fn bench_assess(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let soa = Arc::new(import_soa(FIXTURE, &ImportOptions::default(), catalog));
    let date = Date::parse("2026-12-01").expect("a date");
    let mut group = c.benchmark_group("assess_estimate_93_rows");
    for view in [View::Strict, View::Analysed] {
        let input = Input {
            answers: answers(),
            soa: Some(soa.clone()),
            view,
            ..Input::on(date)
        };
        group.bench_function(format!("{view:?}").to_lowercase(), |b| {
            b.iter(|| evaluate(catalog, black_box(&input)));
        });
    }
    group.finish();
}

fn bench_import(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let options = ImportOptions::default();
    let big = generated_soa(10_000);
    let mut group = c.benchmark_group("import_soa");
    group.throughput(Throughput::Bytes(FIXTURE.len() as u64));
    group.bench_function("93_rows", |b| {
        b.iter(|| import_soa(black_box(FIXTURE), &options, catalog));
    });
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("10000_rows", |b| {
        b.iter(|| import_soa(black_box(&big), &options, catalog));
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_assess, bench_import
}
criterion_main!(benches);
