//! The window on a large folder, headless, as a user meets it: opens the folder the way the
//! window does (in the background), and reports when the first frame was drawn, when the
//! first dossier could be opened, when every file was in, the frame time of each view
//! afterwards (median and worst of 60), an edit, and the peak resident memory.
//! `cargo run --release --example large -- /tmp/ws250k`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark code: a failed unwrap is a failed run, with its location"
)]
use std::time::{Duration, Instant};
use twe_app::action::Select;
use twe_app::{Action, View, Window};
use twe_core::lang::Lang;
use twe_core::workspace::Workspace;

fn frame(ctx: &egui::Context, window: &mut Window) -> Duration {
    let raw = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1366.0, 768.0),
        )),
        ..Default::default()
    };
    let t = Instant::now();
    let mut out = ctx.run_ui(raw, |ui| window.ui(ui));
    out.textures_delta.clear();
    let shapes = std::mem::take(&mut out.shapes);
    let _ = ctx.tessellate(shapes, out.pixels_per_point);
    t.elapsed()
}

/// The peak resident memory of this process, from the kernel.
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn median_and_worst(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    (times[times.len() / 2], times[times.len() - 1])
}

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("a folder"));
    let today = twe_core::model::date_serde::parse("2026-06-01").unwrap();
    let ctx = egui::Context::default();
    let start = Instant::now();
    let mut window = Window::new(Workspace::sample(today), Lang::Nl);
    window.open_workspace(&dir);
    let first_frame = frame(&ctx, &mut window);
    let drawn = start.elapsed();
    let mut usable = None;
    let mut worst_while_loading = Duration::ZERO;
    while window.is_opening() {
        std::thread::sleep(Duration::from_millis(16));
        let before = window.workspace().len();
        let took = frame(&ctx, &mut window);
        if took > Duration::from_millis(20) && std::env::var_os("LARGE_SLOW").is_some() {
            println!(
                "slow frame {took:?} at {before} dossiers, loading: {}",
                window.is_opening()
            );
        }
        worst_while_loading = worst_while_loading.max(took);
        if usable.is_none() && window.shown_dossier().is_some() {
            usable = Some(start.elapsed());
        }
    }
    let loaded = start.elapsed();
    let n = window.workspace().len();
    println!("{n} dossiers from {}", dir.display());
    println!("first frame drawn after {drawn:?} (the frame took {first_frame:?})");
    println!("first dossier open after {:?}", usable.unwrap_or(loaded));
    println!("every file in after {loaded:?}; worst frame while loading {worst_while_loading:?}");
    window.act(Action::Select(Select::OpenEntry(n / 2)));
    for view in [View::Dossier, View::Caseload, View::Statistics] {
        window.act(Action::Select(Select::SetView(view)));
        if view == View::Statistics {
            window.stats_mut().source = twe_core::stats::charts::DataSource::Dossiers;
        }
        for _ in 0..5 {
            frame(&ctx, &mut window);
        }
        let times: Vec<Duration> = (0..60).map(|_| frame(&ctx, &mut window)).collect();
        let (median, worst) = median_and_worst(times);
        println!("frame, {view:?} view: median {median:?}, worst {worst:?}");
    }
    window.act(Action::Select(Select::SetView(View::Dossier)));
    let i = n / 2;
    let original = window.workspace().entries()[i].dossier().clone();
    let mut moved = original.clone();
    if let Some(inst) = moved.instruments.last_mut() {
        inst.start += chrono::Duration::days(3);
    }
    let mut times = Vec::new();
    for k in 0..200 {
        let next = if k % 2 == 0 { &moved } else { &original };
        let t = Instant::now();
        window
            .workspace_mut()
            .apply(i, next.clone(), twe_core::workspace::EditKey::Single)
            .unwrap();
        times.push(t.elapsed());
    }
    let (median, worst) = median_and_worst(times);
    println!(
        "edit one dossier (taking and giving back its lock file): median {median:?}, worst {worst:?}"
    );
    // The same without lock files: what the workspace itself costs per edit.
    window.workspace_mut().set_locking(false);
    let mut times = Vec::new();
    for k in 0..200 {
        let next = if k % 2 == 0 { &moved } else { &original };
        let t = Instant::now();
        window
            .workspace_mut()
            .apply(i, next.clone(), twe_core::workspace::EditKey::Single)
            .unwrap();
        times.push(t.elapsed());
    }
    let (median, worst) = median_and_worst(times);
    println!("edit one dossier (no lock files): median {median:?}, worst {worst:?}");
    println!("peak resident memory: {:.0} MB", peak_rss_mb());
}
