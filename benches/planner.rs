//! The planner's speed on a Flanders-size workspace (25,000 dossiers), headless:
//! - one frame (context run + tessellation) in the dossier view and the caseload view;
//! - an edit to one dossier until its findings, tallies and statistics are current;
//! - checking every dossier and aggregating the province table from scratch (the costs the
//!   window avoids per frame and per edit).
//!
//! `cargo bench --bench planner`. Targets (issue 3): frame ≤ 2 ms median, edit ≤ 0.2 ms.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark code: a failed unwrap is a failed run, with its location"
)]

use chrono::Duration;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use twe_app::action::Select;
use twe_app::{Action, View, Window};
use twe_core::files::{LoadReport, LoadedDossier};
use twe_core::lang::Lang;
use twe_core::rules::{CheckContext, check};
use twe_core::workspace::{EditKey, Workspace};

const DOSSIERS: usize = 25_000;

/// `n` generated dossiers (the published distributions, 10% with an injected error).
fn workspace(n: usize) -> Workspace {
    let opts = twe_core::generate::Options {
        count: n,
        seed: 1,
        match_published: false,
        violations: 0.1,
    };
    let dossiers = twe_core::generate::generate(&opts)
        .into_iter()
        .map(|(dossier, _)| LoadedDossier {
            path: std::path::PathBuf::from(format!("{}.ron", dossier.id)),
            dossier,
            stamp: None,
        })
        .collect();
    let today = twe_core::model::date_serde::parse("2026-06-01").unwrap_or_default();
    Workspace::new(
        None,
        LoadReport {
            dossiers,
            errors: Vec::new(),
        },
        today,
    )
}

fn frame(ctx: &egui::Context, window: &mut Window) -> usize {
    let raw = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1366.0, 768.0),
        )),
        ..Default::default()
    };
    let mut out = ctx.run_ui(raw, |ui| window.ui(ui));
    out.textures_delta.clear();
    let shapes = std::mem::take(&mut out.shapes);
    ctx.tessellate(shapes, out.pixels_per_point).len()
}

fn frames(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut window = Window::new(workspace(DOSSIERS), Lang::Nl);
    window.act(Action::Select(Select::OpenEntry(DOSSIERS / 2)));
    for _ in 0..5 {
        frame(&ctx, &mut window);
    }
    c.bench_function("frame: dossier view, 25,000 dossiers", |b| {
        b.iter(|| black_box(frame(&ctx, &mut window)));
    });
    window.act(Action::Select(Select::SetView(View::Caseload)));
    for _ in 0..5 {
        frame(&ctx, &mut window);
    }
    c.bench_function("frame: caseload view, 25,000 dossiers", |b| {
        b.iter(|| black_box(frame(&ctx, &mut window)));
    });
    window.act(Action::Select(Select::SetView(View::Statistics)));
    window.stats_mut().source = twe_core::stats::charts::DataSource::Dossiers;
    for _ in 0..5 {
        frame(&ctx, &mut window);
    }
    c.bench_function(
        "frame: statistics view (from the dossiers), 25,000 dossiers",
        |b| b.iter(|| black_box(frame(&ctx, &mut window))),
    );
}

fn edits(c: &mut Criterion) {
    let mut ws = workspace(DOSSIERS);
    let i = DOSSIERS / 3;
    let original = ws.entries()[i].dossier().clone();
    let mut moved = original.clone();
    if let Some(inst) = moved.instruments.last_mut() {
        inst.start += Duration::days(3);
    }
    let mut flip = false;
    c.bench_function(
        "edit one dossier -> findings, agenda, tallies, statistics",
        |b| {
            b.iter(|| {
                flip = !flip;
                let next = if flip {
                    moved.clone()
                } else {
                    original.clone()
                };
                ws.apply(i, next, EditKey::Single).unwrap();
                black_box((
                    ws.entries()[i].findings().len(),
                    ws.entries()[i].agenda().len(),
                ))
            });
        },
    );
    c.bench_function("aggregate the province table from 25,000 dossiers", |b| {
        b.iter(|| {
            black_box(twe_core::stats::ProvinceYearTable::from_dossiers(
                ws.entries().iter().map(twe_core::workspace::Entry::dossier),
                twe_core::reference::municipalities(),
                twe_core::stats::YearBasis::TrajectoryStart,
            ))
        });
    });
    let ctx = CheckContext::new(ws.today());
    c.bench_function("check all 25,000 dossiers (one core)", |b| {
        b.iter(|| {
            ws.entries()
                .iter()
                .map(|e| check(e.dossier(), &ctx).len())
                .sum::<usize>()
        });
    });
}

/// Laying out and writing one dossier's plan as PDF, warm (issue 13: under 100 ms).
fn print(c: &mut Criterion) {
    let report = twe_core::sample::load();
    let ids: Vec<String> = report
        .dossiers
        .iter()
        .map(|l| l.dossier.id.clone())
        .collect();
    let d = report
        .dossiers
        .into_iter()
        .map(|l| l.dossier)
        .find(|d| d.id == "HERE-2024-0028")
        .unwrap_or_else(|| panic!("{ids:?} {:?}", report.errors.len()));
    let opts = twe_documents::print::PlanOptions {
        lang: twe_core::lang::Lang::Nl,
        today: d.start,
        printed: d.start,
        client_copy: false,
        year_mode: twe_core::rules::YearMode::Trajectory,
    };
    c.bench_function("plan of one dossier: lay out the pages", |b| {
        b.iter(|| black_box(twe_documents::print::plan_pages(&d, &opts)));
    });
    c.bench_function("plan of one dossier: lay out and write the PDF", |b| {
        b.iter(|| black_box(twe_documents::print::plan_pdf(&d, &opts).map(|p| p.len())));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = frames, edits, print
}
criterion_main!(benches);
