//! Draws frames of the window headless on 25,000 generated dossiers, for callgrind: the
//! instructions of `frames VIEW N` minus those of `frames VIEW 0`, divided by N, are the
//! cost of one frame, free of the machine's noise; `frames edit N` does the same for an
//! edit of one dossier (2N edits).
//! `valgrind --tool=callgrind target/release/examples/frames dossier 10`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark code: a failed unwrap is a failed run, with its location"
)]
use twe_app::action::Select;
use twe_app::{Action, View, Window};
use twe_core::files::{LoadReport, LoadedDossier};
use twe_core::lang::Lang;
use twe_core::workspace::Workspace;

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

fn main() {
    let view = std::env::args().nth(1).unwrap_or_else(|| "dossier".into());
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let opts = twe_core::generate::Options {
        count: 25_000,
        seed: 1,
        match_published: false,
        violations: 0.1,
    };
    let generated = twe_core::generate::generate(&opts);
    let original = generated[8_333].0.clone();
    let dossiers = generated
        .into_iter()
        .map(|(dossier, _)| LoadedDossier {
            path: std::path::PathBuf::from(format!("{}.ron", dossier.id)),
            dossier,
            stamp: None,
        })
        .collect();
    let today = twe_core::model::date_serde::parse("2026-06-01").unwrap();
    let mut ws = Workspace::new(
        None,
        LoadReport {
            dossiers,
            errors: Vec::new(),
        },
        today,
    );
    if view == "edit" {
        // An edit of one dossier and back, N times: its findings, the tallies and the
        // statistics follow each.
        let mut moved = original.clone();
        if let Some(inst) = moved.instruments.last_mut() {
            inst.start += chrono::Duration::days(3);
        }
        for k in 0..2 * n {
            let next = if k % 2 == 0 { &moved } else { &original };
            ws.apply(8_333, next.clone(), twe_core::workspace::EditKey::Single)
                .unwrap();
        }
        println!("edit: {} edits", 2 * n);
        return;
    }
    let mut window = Window::new(ws, Lang::Nl);
    window.act(Action::Select(Select::OpenEntry(12_500)));
    match view.as_str() {
        "caseload" => window.act(Action::Select(Select::SetView(View::Caseload))),
        "statistics" => {
            window.act(Action::Select(Select::SetView(View::Statistics)));
            window.stats_mut().source = twe_core::stats::charts::DataSource::Dossiers;
        }
        _ => {}
    }
    let ctx = egui::Context::default();
    let mut shapes = 0;
    for _ in 0..5 + n {
        shapes += frame(&ctx, &mut window);
    }
    println!("{view}: {} frames, {shapes} meshes", 5 + n);
}
