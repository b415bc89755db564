//! Runs the check (or the load) many times in one process, for a profiler:
//! `cargo build --release --example profile && perf record target/release/examples/profile check`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark code: a failed unwrap is a failed run, with its location"
)]
use std::hint::black_box;
use twe_core::model::Dossier;
use twe_core::rules::{CheckContext, check};

fn main() {
    let what = std::env::args().nth(1).unwrap_or_else(|| "check".into());
    let opts = twe_core::generate::Options {
        count: 0,
        seed: 1,
        match_published: true,
        violations: 0.0,
    };
    let dossiers: Vec<_> = twe_core::generate::generate(&opts)
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    let ctx = CheckContext::new(chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default());
    match what.as_str() {
        "check" => check_passes(&dossiers, &ctx),
        "check-all" => check_all(&dossiers, &ctx),
        "load" => load(&ctx),
        "parse" => parse(&dossiers),
        "digest" => digest(&dossiers, &ctx),
        "sizes" => sizes(),
        "worst" => worst(),
        other => eprintln!("unknown: {other}"),
    }
}

fn check_passes(dossiers: &[Dossier], ctx: &CheckContext<'_>) {
    let t = std::time::Instant::now();
    let mut n = 0;
    let passes: u32 = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    for _ in 0..passes {
        for d in dossiers {
            n += black_box(check(d, ctx)).len();
        }
    }
    println!(
        "{n} findings, {:?} per pass (one core)",
        t.elapsed() / passes.max(1)
    );
}

fn check_all(dossiers: &[Dossier], ctx: &CheckContext<'_>) {
    // The minimum over many passes: this machine's neighbours make averages noisy.
    let refs: Vec<&twe_core::model::Dossier> = dossiers.iter().collect();
    let mut best = std::time::Duration::MAX;
    let mut best_drop = std::time::Duration::MAX;
    for _ in 0..200 {
        let t = std::time::Instant::now();
        let r = black_box(twe_core::rules::check_all(refs.iter().copied(), ctx));
        best = best.min(t.elapsed());
        let t = std::time::Instant::now();
        drop(r);
        best_drop = best_drop.min(t.elapsed());
    }
    println!("check all, both cores: best {best:?}, dropping the findings {best_drop:?}");
}

fn load(ctx: &CheckContext<'_>) {
    let dir = std::path::PathBuf::from(std::env::args().nth(2).unwrap_or_default());
    let mut best = std::time::Duration::MAX;
    let mut best_check = std::time::Duration::MAX;
    for _ in 0..10 {
        let t = std::time::Instant::now();
        let report = twe_core::files::load_paths(std::slice::from_ref(&dir));
        best = best.min(t.elapsed());
        let findings = twe_core::rules::check_all(report.dossiers.iter().map(|d| &d.dossier), ctx);
        best_check = best_check.min(t.elapsed());
        println!(
            "{} dossiers, {} errors",
            findings.len(),
            report.errors.len()
        );
    }
    println!("load: best {best:?}; load + check: best {best_check:?}");
}

fn parse(dossiers: &[Dossier]) {
    let texts: Vec<String> = dossiers
        .iter()
        .filter_map(|d| twe_core::files::to_ron(d).ok())
        .collect();
    let name = std::path::Path::new("x.ron");
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..5 {
        n += texts
            .iter()
            .filter(|t| twe_core::files::parse_dossier(t, name).is_ok())
            .count();
    }
    println!("{n} parsed, {:?} per pass (one core)", t.elapsed() / 5);
}

fn digest(dossiers: &[Dossier], ctx: &CheckContext<'_>) {
    // One hash of every finding of 25,000 dossiers with errors injected, in both
    // year modes and on two reference dates: compare it before and after a change
    // to the rules' code that should change nothing.
    let opts = twe_core::generate::Options {
        count: 25_000,
        seed: 3,
        match_published: false,
        violations: 0.3,
    };
    let injected: Vec<_> = twe_core::generate::generate(&opts)
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut n = 0;
    for today in ["2019-06-01", "2026-06-01"] {
        for mode in [
            twe_core::rules::YearMode::Trajectory,
            twe_core::rules::YearMode::Calendar,
        ] {
            let mut ctx = *ctx;
            ctx.today = twe_core::model::date_serde::parse(today).unwrap_or_default();
            ctx.year_mode = mode;
            for d in injected.iter().chain(dossiers) {
                for f in check(d, &ctx) {
                    std::hash::Hash::hash(&format!("{f:?}"), &mut h);
                    n += 1;
                }
            }
        }
    }
    println!("{n} findings, digest {:x}", std::hash::Hasher::finish(&h));
}

fn sizes() {
    use std::mem::size_of;
    println!(
        "Finding {} Findings {} Hit {} Detail {} Facts {}",
        size_of::<twe_core::rules::Finding>(),
        size_of::<twe_core::rules::Findings>(),
        size_of::<twe_core::rules::Hit>(),
        size_of::<twe_core::rules::Detail>(),
        size_of::<twe_core::rules::Facts>(),
    );
}

fn worst() {
    let out = std::env::args()
        .nth(2)
        .unwrap_or_else(|| "worst.ron".into());
    let text = worst_dossier();
    std::fs::write(&out, &text).unwrap();
    println!("{out}: {} bytes", text.len());
}

/// The worst dossier the loader accepts, as text: every list at its bound (1,000
/// instruments all on the same days, 1,000 documents, 1,000 activities by VDAB), every text
/// field long, an OCMW no municipality resembles, all under the 1 MiB limit. It makes every
/// rule work as hard as it can: overlaps, technical trainings, durations, gaps, years,
/// uploads, mediation and the nearest-name search.
fn worst_dossier() -> String {
    use twe_core::model::{
        Activity, ActivityKind, Actor, Document, DocumentKind, Dossier, Focus, Instrument,
        InstrumentKind, Provider, Status,
    };
    let day = |s: &str| twe_core::model::date_serde::parse(s).unwrap();
    let long = |c: char, n: usize| std::iter::repeat_n(c, n).collect::<String>();
    let instruments = (0..1_000)
        .map(|k| Instrument {
            kind: match k % 5 {
                0 => InstrumentKind::Art60,
                1 => InstrumentKind::Wes,
                2 => InstrumentKind::Ibo,
                3 => InstrumentKind::Bvs,
                _ => InstrumentKind::Opleiding {
                    name: long('T', 900),
                    provider: Provider::Other(long('P', 200)),
                    focus: Focus::Technical,
                    full_time: true,
                },
            },
            start: day("2019-03-01") + chrono::Days::new(k % 7),
            end: day("2021-12-31") - chrono::Days::new(k % 11),
            status: Status::Planned,
        })
        .collect();
    let d = Dossier {
        id: long('I', 1_000),
        client: long('C', 1_000),
        ocmw: long('Z', 1_000),
        guided_by: Some(long('G', 1_000)),
        counsellor: Some(long('C', 1_000)),
        plan: None,
        start: day("2019-03-01"),
        end: Some(day("2023-06-30")),
        social_rights_acquired: Some(day("2019-04-01")),
        instruments,
        documents: (0..1_000u64)
            .map(|k| Document {
                kind: DocumentKind::Other("D".into()),
                uploaded: day("2019-03-01") + chrono::Days::new(k),
            })
            .collect(),
        activities: (0..1_000u64)
            .map(|k| Activity {
                kind: ActivityKind::JobSearch,
                date: day("2019-03-01") + chrono::Days::new(k),
                by: Actor::Vdab,
            })
            .collect(),
        outcome: None,
        notes: Vec::new(),
    };
    twe_core::files::to_ron(&d).unwrap()
}
