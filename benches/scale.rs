//! A Flanders-size workspace: the 23,186 trajectories of 2017–2021 as files
//! (`twe-planner generate --match-published`), loaded, checked and aggregated.
//!
//! `cargo bench --bench scale`. Targets (issue 5): load + check ≤ 0.3 s, full check ≤ 5 ms,
//! agenda of every dossier ≤ 10 ms (issue 12),
//! aggregation ≤ 5 ms; the caseload as one workbook: export < 2 s, import < 5 s (issue 14).
//! Yardsticks: reading the bytes alone, and `serde_json` parsing the same
//! records.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark code: a failed unwrap is a failed run, with its location"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use rayon::prelude::*;
use std::hint::black_box;
use twe_core::files::{load_paths, parse_dossier, to_ron};
use twe_core::model::Dossier;
use twe_core::rules::{CheckContext, check_all};
use twe_core::stats::{ProvinceYearTable, YearBasis};

/// The published trajectories of 2017–2021 as files in a temporary folder.
struct Flanders {
    dir: tempfile::TempDir,
    dossiers: Vec<Dossier>,
    paths: Vec<std::path::PathBuf>,
    files: Vec<std::path::PathBuf>,
}

fn flanders() -> Flanders {
    let opts = twe_core::generate::Options {
        count: 0,
        seed: 1,
        match_published: true,
        violations: 0.0,
    };
    let generated = twe_core::generate::generate(&opts);
    let dir = tempfile::tempdir().expect("a temporary folder");
    twe_core::generate::write(&generated, dir.path()).expect("the files are written");
    let dossiers: Vec<Dossier> = generated.into_iter().map(|(d, _)| d).collect();
    let paths = vec![dir.path().to_path_buf()];
    let files: Vec<std::path::PathBuf> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    let bytes: u64 = files
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    println!("{} files, {:.1} MB", files.len(), bytes as f64 / 1e6);
    Flanders {
        dir,
        dossiers,
        paths,
        files,
    }
}

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

fn scale(c: &mut Criterion) {
    let fx = flanders();
    let mut g = c.benchmark_group("23,186 dossiers");
    g.sample_size(10);
    let ctx =
        CheckContext::new(twe_core::model::date_serde::parse("2026-06-01").unwrap_or_default());
    loading(&mut g, &fx, &ctx);
    agenda(&mut g, &fx, ctx);
    parsing(&mut g, &fx.dossiers);
    figures(&mut g, &fx.dossiers);
    g.finish();
}

/// Reading, loading, checking and sweeping the folder.
fn loading(g: &mut Group<'_>, fx: &Flanders, ctx: &CheckContext<'_>) {
    let Flanders {
        dir,
        dossiers,
        paths,
        files,
    } = fx;
    g.bench_function("read the files' bytes (both cores)", |b| {
        b.iter(|| {
            files
                .par_iter()
                .map(|p| std::fs::read(p).map_or(0, |v| v.len()))
                .sum::<usize>()
        });
    });
    // `iter_with_large_drop`: freeing the previous workspace is not part of loading the next
    // (BENCHMARKS.md gives what freeing costs).
    g.bench_function("load the folder (read + parse, both cores)", |b| {
        b.iter_with_large_drop(|| load_paths(paths));
    });
    g.bench_function("load + check (both cores)", |b| {
        b.iter_with_large_drop(|| {
            let report = load_paths(paths);
            let findings = check_all(report.dossiers.iter().map(|d| &d.dossier), ctx);
            (report, findings)
        });
    });
    g.bench_function("check all (both cores)", |b| {
        b.iter_with_large_drop(|| check_all(dossiers.iter(), ctx));
    });
    // The shell's sweep of a shared folder (off the UI thread): list and stat every file,
    // then compare with the sweep before.
    g.bench_function("sweep the folder (list + stat, one core)", |b| {
        b.iter_with_large_drop(|| twe_core::workspace::sweep::scan(dir.path()));
    });
    let before = twe_core::workspace::sweep::scan(dir.path()).expect("a sweep");
    let after = twe_core::workspace::sweep::scan(dir.path()).expect("a sweep");
    g.bench_function("compare two sweeps", |b| {
        b.iter(|| black_box(twe_core::workspace::sweep::changes(&before, &after)));
    });
}

/// The agenda on a day when thousands of the trajectories run, and the province table.
fn agenda(g: &mut Group<'_>, fx: &Flanders, ctx: CheckContext<'_>) {
    let dossiers = &fx.dossiers;
    // The agenda on a day when thousands of these trajectories run (every kind has items),
    // and the agenda view's list: every kept item of the workspace, sorted.
    let mut agenda_ctx = ctx;
    agenda_ctx.today = twe_core::model::date_serde::parse("2019-06-03").unwrap_or_default();
    let open: Vec<Dossier> = dossiers
        .iter()
        .cloned()
        .map(|mut d| {
            // The generated trajectories are all closed; the ones under way on the day are
            // opened again, as they were then.
            if d.end.is_some_and(|e| e >= agenda_ctx.today) {
                d.end = None;
                d.outcome = None;
            }
            d
        })
        .collect();
    let items: usize = twe_core::rules::agenda::all(open.iter(), &agenda_ctx)
        .iter()
        .map(smallvec::SmallVec::len)
        .sum();
    println!("agenda on 3 June 2019: {items} items");
    g.bench_function("agenda of every dossier (both cores)", |b| {
        b.iter_with_large_drop(|| twe_core::rules::agenda::all(open.iter(), &agenda_ctx));
    });
    let ws = twe_core::workspace::Workspace::new(
        None,
        twe_core::files::LoadReport {
            dossiers: open
                .iter()
                .cloned()
                .map(|dossier| twe_core::files::LoadedDossier {
                    path: std::path::PathBuf::from(format!("{}.ron", dossier.id)),
                    dossier,
                    stamp: None,
                })
                .collect(),
            errors: Vec::new(),
        },
        agenda_ctx.today,
    );
    g.bench_function("the agenda view's items, kept per entry, sorted", |b| {
        b.iter_with_large_drop(|| ws.agenda(|_| true));
    });
    let m = twe_core::reference::municipalities();
    g.bench_function("aggregate the province table", |b| {
        b.iter(|| {
            black_box(ProvinceYearTable::from_dossiers(
                dossiers.iter(),
                m,
                YearBasis::TrajectoryStart,
            ))
        });
    });
}

/// The statistics (issue 21): the kept counts through the one disclosure gate (what the
/// window does once after an edit), the same counted from scratch (the command line's
/// `stats --dossiers`), and every chart of the statistics view from the gated table.
fn figures(g: &mut Group<'_>, dossiers: &[Dossier]) {
    use twe_core::stats::{Figures, charts};
    let today = twe_core::model::date_serde::parse("2021-05-01").unwrap_or_default();
    let ws = twe_core::workspace::Workspace::new(
        None,
        twe_core::files::LoadReport {
            dossiers: dossiers
                .iter()
                .cloned()
                .map(|dossier| twe_core::files::LoadedDossier {
                    path: std::path::PathBuf::from(format!("{}.ron", dossier.id)),
                    dossier,
                    stamp: None,
                })
                .collect(),
            errors: Vec::new(),
        },
        today,
    );
    let m = twe_core::reference::municipalities();
    g.bench_function("figures: the kept counts through the gate", |b| {
        b.iter_with_large_drop(|| {
            Figures::dossiers(
                ws.table(YearBasis::TrajectoryStart),
                ws.table(YearBasis::CalendarYear),
                ws.dossier_stats(),
                m,
                today,
                false,
            )
        });
    });
    let refs: Vec<&Dossier> = dossiers.iter().collect();
    g.bench_function("figures: counted, checked and gated from scratch", |b| {
        b.iter_with_large_drop(|| Figures::of(&refs, today, false));
    });
    let fig = ws.figures();
    let table = fig.table_or_start(YearBasis::TrajectoryStart);
    let opts = charts::ChartOptions {
        measure: twe_core::stats::Measure::Trajectories,
        up_to: 2021,
        relative: false,
    };
    g.bench_function(
        "figures: every chart of the view from the gated table",
        |b| {
            b.iter_with_large_drop(|| charts::all(table, &opts, twe_core::lang::Lang::Nl));
        },
    );
}

/// Parsing the files' text in memory: the fast path against ron and `serde_json`.
fn parsing(g: &mut Group<'_>, dossiers: &[Dossier]) {
    let ron_texts: Vec<String> = dossiers.iter().filter_map(|d| to_ron(d).ok()).collect();
    let json_texts: Vec<String> = dossiers
        .iter()
        .filter_map(|d| serde_json::to_string(d).ok())
        .collect();
    let name = std::path::Path::new("bench.ron");
    g.bench_function("yardstick: ron alone, one core, in memory", |b| {
        b.iter(|| {
            ron_texts
                .iter()
                .filter(|t| ron::from_str::<Dossier>(t).is_ok())
                .count()
        });
    });
    g.bench_function(
        "parse (fast path, ron for the rest), one core, in memory",
        |b| {
            b.iter(|| {
                ron_texts
                    .iter()
                    .filter(|t| parse_dossier(t, name).is_ok())
                    .count()
            });
        },
    );
    g.bench_function(
        "parse (fast path, ron for the rest), both cores, in memory",
        |b| {
            b.iter(|| {
                ron_texts
                    .par_iter()
                    .filter(|t| parse_dossier(t, name).is_ok())
                    .count()
            });
        },
    );
    g.bench_function("yardstick: serde_json parse, one core, in memory", |b| {
        b.iter(|| {
            json_texts
                .iter()
                .filter(|t| serde_json::from_str::<Dossier>(t).is_ok())
                .count()
        });
    });
}

/// Issue 14: the caseload of Flanders as one workbook, out (< 2 s) and in (< 5 s, new
/// files and one sync of the folder at the end).
fn spreadsheets(c: &mut Criterion) {
    use twe_documents::spreadsheet::{Preview, Source, import, read_xlsx, sheets, workbook};
    let opts = twe_core::generate::Options {
        count: 0,
        seed: 1,
        match_published: true,
        violations: 0.0,
    };
    let dossiers: Vec<Dossier> = twe_core::generate::generate(&opts)
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    let refs: Vec<&Dossier> = dossiers.iter().collect();
    let book = workbook(&sheets(&refs, twe_core::lang::Lang::Nl)).unwrap();
    println!(
        "{} dossiers, workbook {:.1} MB",
        dossiers.len(),
        book.len() as f64 / 1e6
    );
    let mut g = c.benchmark_group("23,186 dossiers as a workbook");
    g.sample_size(10);
    g.bench_function("export: the four sheets as .xlsx", |b| {
        b.iter(|| {
            workbook(&sheets(&refs, twe_core::lang::Lang::Nl))
                .unwrap()
                .len()
        });
    });
    g.bench_function("import: read the workbook (unpack check + cells)", |b| {
        b.iter_with_large_drop(|| read_xlsx(&book).unwrap());
    });
    g.bench_function("import: read + dossiers", |b| {
        b.iter_with_large_drop(|| {
            let tables = read_xlsx(&book).unwrap();
            import(&Preview::of(Source::of_tables(tables, false)))
        });
    });
    let root = tempfile::tempdir().expect("a temporary folder");
    let mut n = 0;
    g.bench_function("import: read + dossiers + new files, one sync", |b| {
        b.iter_batched(
            || {
                n += 1;
                root.path().join(n.to_string())
            },
            |dir| {
                let tables = read_xlsx(&book).unwrap();
                let got = import(&Preview::of(Source::of_tables(tables, false)));
                twe_core::files::write_workspace(&dir, &got.dossiers)
                    .unwrap()
                    .len()
            },
            criterion::BatchSize::PerIteration,
        );
    });
    g.finish();
}

criterion_group!(benches, scale, spreadsheets);
criterion_main!(benches);
