//! The eframe window. Its shape follows egui's demo app and Rerun's viewer:
//!
//! - [`shell`] is the eframe application: persistence, file dialogs, the folder watcher,
//!   full screen, screenshots. It owns the [`Window`].
//! - [`window`] owns the workspace, the selection and the panels; it lays the panels out,
//!   collects the [`Action`]s they emit while drawing and applies them once, after drawing.
//! - Each panel is a struct that owns its own UI state and draws from a read-only
//!   [`ViewCx`] ([`cx`]): the dossier list, the timeline (`gantt`), the editor, the
//!   findings, the caseload, the statistics, the slides, the menu bar, the status bar, the
//!   help and the dialogs. No panel imports the window or the shell.
//! - Shared drawing helpers: `stats_pages` (the statistics pages, which are also the
//!   slides), `chart_view`, `timeline` (axes), `dates`, `palette`.

pub mod action;
mod caseload;
mod chart_view;
pub mod cx;
pub mod dates;
mod dialogs;
mod dossier_list;
mod editor;
mod findings;
mod gantt;
mod help;
mod menu;
pub mod palette;
mod recovery;
pub mod shell;
pub mod slides;
pub mod stats_pages;
pub mod stats_view;
pub mod status;
mod timeline;
pub mod window;

pub use action::{Action, Pending, Question, Request};
pub use caseload::Caseload;
pub use cx::{Layout, Selection, View, ViewCx};
pub use dialogs::Dialogs;
pub use dossier_list::{DossierList, ListFilter, Phase, WithFindings};
pub use editor::Editor;
pub use findings::FindingsPanel;
pub use gantt::Timeline;
pub use help::{GESTURES, Help, SHORTCUTS};
pub use menu::MenuBar;
pub use shell::PlannerApp;
pub use slides::Slides;
pub use stats_pages::StatsChoices;
pub use stats_view::StatsView;
pub use status::StatusBar;
pub use window::Window;

use std::path::PathBuf;

/// Opens the window on `path`, or on the last workspace, or on the built-in sample.
pub fn run(path: Option<PathBuf>) -> eframe::Result {
    run_with(path, false)
}

/// Opens the window, in the presentation when `present` is set.
pub fn run_with(path: Option<PathBuf>, present: bool) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1366.0, 768.0])
            .with_min_inner_size([900.0, 560.0])
            .with_title("twe-planner"),
        ..Default::default()
    };
    eframe::run_native(
        "twe-planner",
        options,
        Box::new(move |cc| {
            let app = PlannerApp::new(cc, path);
            Ok(Box::new(if present { app.presenting() } else { app }))
        }),
    )
}
