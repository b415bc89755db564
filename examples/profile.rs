//! Runs the check (or the load) many times in one process, for a profiler:
//! `cargo build --release --example profile && perf record target/release/examples/profile check`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark code: a failed unwrap is a failed run, with its location"
)]
use std::hint::black_box;
use twe_planner::rules::{CheckContext, check};

fn main() {
    let what = std::env::args().nth(1).unwrap_or_else(|| "check".into());
    let opts = twe_planner::generate::Options {
        count: 0,
        seed: 1,
        match_published: true,
        violations: 0.0,
    };
    let dossiers: Vec<_> = twe_planner::generate::generate(&opts)
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    let ctx = CheckContext::new(chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default());
    match what.as_str() {
        "check" => {
            let t = std::time::Instant::now();
            let mut n = 0;
            let passes: u32 = std::env::args()
                .nth(2)
                .and_then(|n| n.parse().ok())
                .unwrap_or(200);
            for _ in 0..passes {
                for d in &dossiers {
                    n += black_box(check(d, &ctx)).len();
                }
            }
            println!(
                "{n} findings, {:?} per pass (one core)",
                t.elapsed() / passes.max(1)
            );
        }
        "check-all" => {
            // The minimum over many passes: this machine's neighbours make averages noisy.
            let refs: Vec<&twe_planner::model::Dossier> = dossiers.iter().collect();
            let mut best = std::time::Duration::MAX;
            let mut best_drop = std::time::Duration::MAX;
            for _ in 0..200 {
                let t = std::time::Instant::now();
                let r = black_box(twe_planner::rules::check_all(refs.iter().copied(), &ctx));
                best = best.min(t.elapsed());
                let t = std::time::Instant::now();
                drop(r);
                best_drop = best_drop.min(t.elapsed());
            }
            println!("check all, both cores: best {best:?}, dropping the findings {best_drop:?}");
        }
        "load" => {
            let dir = std::path::PathBuf::from(std::env::args().nth(2).unwrap_or_default());
            let mut best = std::time::Duration::MAX;
            let mut best_check = std::time::Duration::MAX;
            for _ in 0..10 {
                let t = std::time::Instant::now();
                let report = twe_planner::files::load_paths(std::slice::from_ref(&dir));
                best = best.min(t.elapsed());
                let findings =
                    twe_planner::rules::check_all(report.dossiers.iter().map(|d| &d.dossier), &ctx);
                best_check = best_check.min(t.elapsed());
                println!(
                    "{} dossiers, {} errors",
                    findings.len(),
                    report.errors.len()
                );
            }
            println!("load: best {best:?}; load + check: best {best_check:?}");
        }
        "parse" => {
            let texts: Vec<String> = dossiers
                .iter()
                .filter_map(|d| twe_planner::files::to_ron(d).ok())
                .collect();
            let name = std::path::Path::new("x.ron");
            let t = std::time::Instant::now();
            let mut n = 0;
            for _ in 0..5 {
                n += texts
                    .iter()
                    .filter(|t| twe_planner::files::parse_dossier(t, name).is_ok())
                    .count();
            }
            println!("{n} parsed, {:?} per pass (one core)", t.elapsed() / 5);
        }
        "digest" => {
            // One hash of every finding of 25,000 dossiers with errors injected, in both
            // year modes and on two reference dates: compare it before and after a change
            // to the rules' code that should change nothing.
            let opts = twe_planner::generate::Options {
                count: 25_000,
                seed: 3,
                match_published: false,
                violations: 0.3,
            };
            let injected: Vec<_> = twe_planner::generate::generate(&opts)
                .into_iter()
                .map(|(d, _)| d)
                .collect();
            let mut h = std::collections::hash_map::DefaultHasher::new();
            let mut n = 0;
            for today in ["2019-06-01", "2026-06-01"] {
                for mode in [
                    twe_planner::rules::YearMode::Trajectory,
                    twe_planner::rules::YearMode::Calendar,
                ] {
                    let mut ctx = ctx;
                    ctx.today = twe_planner::model::date_serde::parse(today).unwrap_or_default();
                    ctx.year_mode = mode;
                    for d in injected.iter().chain(&dossiers) {
                        for f in check(d, &ctx) {
                            std::hash::Hash::hash(&format!("{f:?}"), &mut h);
                            n += 1;
                        }
                    }
                }
            }
            println!("{n} findings, digest {:x}", std::hash::Hasher::finish(&h));
        }
        "sizes" => {
            use std::mem::size_of;
            println!(
                "Finding {} Findings {} Hit {} Detail {} Facts {}",
                size_of::<twe_planner::rules::Finding>(),
                size_of::<twe_planner::rules::Findings>(),
                size_of::<twe_planner::rules::Hit>(),
                size_of::<twe_planner::rules::Detail>(),
                size_of::<twe_planner::rules::Facts>(),
            );
        }
        other => eprintln!("unknown: {other}"),
    }
}
