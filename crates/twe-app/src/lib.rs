//! The eframe window. Its shape follows egui's demo app and Rerun's viewer:
//!
//! - [`shell`] is the eframe application: persistence, file dialogs, the folder watcher,
//!   full screen, screenshots. It owns the [`Window`].
//! - [`window`] owns the workspace, the selection and the panels; it lays the panels out,
//!   collects the [`Action`]s they emit while drawing and applies them once, after drawing.
//! - Each panel is a struct that owns its own UI state and draws from a read-only
//!   [`ViewCx`] ([`cx`]): the dossier list, the timeline (`gantt`), the editor, the
//!   findings, the caseload, the agenda, the statistics, the slides, the menu bar, the status bar, the
//!   help and the dialogs. No panel imports the window or the shell.
//! - Shared helpers: `rows` (the list's filtered rows, which the caseload shows too),
//!   `stats_pages` (the statistics pages, which are also the
//!   slides), `chart_view`, `timeline` (axes), `dates`, `palette`.

pub mod action;
mod agenda_view;
mod caseload;
pub mod chart_view;
mod combo;
pub mod command;
pub mod cx;
pub mod dates;
mod dialogs;
mod dossier_list;
mod editor;
mod findings;
mod focus;
mod gantt;
pub mod help;
mod import_view;
mod menu;
mod opening;
pub mod palette;
pub mod panel;
mod recovery;
mod rows;
pub mod shell;
pub mod slides;
pub mod stats_pages;
pub mod stats_view;
pub mod status;
mod timeline;
pub mod window;

pub use action::{Action, Pending, Question, Request};
pub use agenda_view::AgendaView;
pub use caseload::Caseload;
pub use command::{By, Command, Scope};
pub use cx::{Layout, Selection, View, ViewCx};
pub use dialogs::Dialogs;
pub use dossier_list::DossierList;
pub use editor::Editor;
pub use findings::FindingsPanel;
pub use gantt::Timeline;
pub use help::{GESTURES, Gesture, Help};
pub use import_view::ImportPanel;
pub use menu::MenuBar;
pub use panel::Panel;
pub use recovery::install_panic_hook;
pub use rows::{ListCache, ListFilter, Phase, SortBy, WithFindings};
pub use shell::PlannerApp;
pub use slides::Slides;
pub use stats_pages::StatsChoices;
pub use stats_view::StatsView;
pub use status::StatusBar;
pub use window::Window;

use std::path::PathBuf;

/// The application's id: the name of its per-user folders.
pub const APP_ID: &str = "twe-planner";

/// The desktop's id of the application (the `.desktop` file's and the `AppStream` metainfo's
/// name, and the window's app id on Wayland and class on X11, so the desktop shows the
/// window with its icon and entry).
pub const DESKTOP_ID: &str = "be.ocmw.TwePlanner";

/// Each per-user place the program keeps something, named in `lang`: the window's settings
/// (size and place, language, recent workspaces; eframe's file), the recovery journals, and
/// the crash reports beside them. `twe-planner --paths` prints them; the README names them.
pub fn kept_paths(lang: twe_core::lang::Lang) -> Vec<(&'static str, PathBuf)> {
    let settings = settings_file();
    let journals = twe_core::workspace::journal::default_dir();
    vec![
        (lang.pick("instellingen", "settings"), settings),
        (
            lang.pick("herstel-logboeken", "recovery journals"),
            journals.clone(),
        ),
        (lang.pick("crashverslagen", "crash reports"), journals),
    ]
}

/// The window's settings file, in the program's one per-user folder beside the journals
/// (`workspace::journal::data_dir`). Named here, not left to eframe, which would pick a
/// folder of its own (after the window's app id, roaming on Windows) and move a user's
/// settings when that id did.
fn settings_file() -> PathBuf {
    twe_core::workspace::journal::data_dir().join("app.ron")
}

/// Opens the window on `path`, or on the last workspace, or on the built-in sample.
pub fn run(path: Option<PathBuf>) -> eframe::Result {
    run_with(
        path,
        false,
        twe_core::about::Build::of_version(env!("CARGO_PKG_VERSION")),
    )
}

/// Opens the window, in the presentation when `present` is set; `build` names the build
/// in the About. The window keeps its size and place between starts (eframe's settings).
pub fn run_with(
    path: Option<PathBuf>,
    present: bool,
    build: twe_core::about::Build,
) -> eframe::Result {
    let options = native_options();
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let app = PlannerApp::new(cc, path, build);
            Ok(Box::new(if present { app.presenting() } else { app }))
        }),
    )
}

/// How the window is made: its first size, its smallest, its title, icon and app id, and
/// that eframe keeps its size and place between starts in the settings file, which is in
/// the documented per-user folder (`--paths`).
fn native_options() -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size([1366.0, 768.0])
        .with_min_inner_size([900.0, 560.0])
        .with_title("twe-planner")
        .with_app_id(DESKTOP_ID);
    // The application's icon, also in the task bar; a broken one is no reason not to start.
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    eframe::NativeOptions {
        viewport,
        persist_window: true,
        persistence_path: Some(settings_file()),
        ..Default::default()
    }
}

/// The application's icon at 256 px (assets/icons/, drawn from twe-planner.svg).
pub const ICON_PNG: &[u8] =
    include_bytes!("../../../assets/icons/hicolor/256x256/apps/twe-planner.png");

#[cfg(test)]
mod tests {
    /// The icon the window sets decodes to what it says: a broken one would be skipped
    /// without a word at start-up.
    /// The window keeps its size and place between starts, in the settings file `--paths`
    /// names (a window that opened at its first size every morning was a complaint), and
    /// carries the app id the desktop file and the icon are found by.
    #[test]
    fn the_window_keeps_its_size_and_place_where_paths_says() {
        let options = super::native_options();
        assert!(options.persist_window, "size and place kept");
        assert_eq!(options.persistence_path, Some(super::settings_file()));
        assert_eq!(
            super::settings_file().parent(),
            Some(twe_core::workspace::journal::data_dir().as_path())
        );
        assert_eq!(options.viewport.app_id.as_deref(), Some(super::DESKTOP_ID));
        assert!(options.viewport.icon.is_some(), "the window has its icon");
        assert_eq!(
            options.viewport.min_inner_size,
            Some(egui::vec2(900.0, 560.0))
        );
    }

    #[test]
    fn the_window_icon_decodes() {
        let icon = eframe::icon_data::from_png_bytes(super::ICON_PNG).expect("the icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }

    /// Every drop-down of the window goes through `combo::Keys`, one home for how a
    /// drop-down answers the keyboard: each `.show_ui(` is followed by its `.keys(`.
    #[test]
    fn every_drop_down_answers_the_keyboard_alike() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![src.clone()];
        let mut seen = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("lib.rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            seen += source.matches(".show_ui(").count();
            assert_eq!(
                source.matches(".show_ui(").count(),
                source.matches(".keys(").count(),
                "{}: a drop-down without combo::Keys",
                path.display()
            );
        }
        assert!(seen >= 17, "the drop-downs were found: {seen}");
    }

    /// Which modules of `src/app` a module's `super::` imports name.
    fn imports(source: &str) -> Vec<&str> {
        let mut out: Vec<&str> = source
            .match_indices("super::")
            .filter_map(|(i, _)| {
                let rest = &source[i + "super::".len()..];
                let end = rest.find(|c: char| !(c.is_ascii_lowercase() || c == '_'))?;
                // `super::Foo` (an item of the parent) is not a module.
                (end > 0 && rest[end..].starts_with("::")).then(|| &rest[..end])
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The shape of the window: the shell imports the window, the window the panels, and a
    /// panel only the actions, the context and the helpers: no panel imports the window,
    /// the shell or another panel, so there is no cycle.
    #[test]
    fn panels_import_only_actions_context_and_helpers() {
        let helpers = [
            "palette",
            "timeline",
            "rows",
            "cx",
            "action",
            "command",
            "panel",
            "dates",
            "chart_view",
            "stats_pages",
            "focus",
        ];
        let panels: [(&str, &str); 12] = [
            ("caseload", include_str!("caseload.rs")),
            ("dialogs", include_str!("dialogs.rs")),
            ("dossier_list", include_str!("dossier_list.rs")),
            ("editor", include_str!("editor.rs")),
            ("findings", include_str!("findings.rs")),
            ("gantt", include_str!("gantt.rs")),
            ("help", include_str!("help.rs")),
            ("menu", include_str!("menu.rs")),
            ("slides", include_str!("slides.rs")),
            ("stats_view", include_str!("stats_view.rs")),
            ("status", include_str!("status.rs")),
            ("recovery", include_str!("recovery.rs")),
        ];
        let helper_sources: [(&str, &str); 10] = [
            ("palette", include_str!("palette.rs")),
            ("timeline", include_str!("timeline.rs")),
            ("rows", include_str!("rows.rs")),
            ("cx", include_str!("cx.rs")),
            ("action", include_str!("action.rs")),
            ("command", include_str!("command.rs")),
            ("panel", include_str!("panel.rs")),
            ("dates", include_str!("dates.rs")),
            ("chart_view", include_str!("chart_view.rs")),
            ("stats_pages", include_str!("stats_pages.rs")),
        ];
        for (name, source) in panels.iter().chain(&helper_sources) {
            for m in imports(source) {
                assert!(helpers.contains(&m), "{name} imports {m}");
            }
        }
        // Helpers import only helpers listed before them: no cycle among them either.
        for (k, (name, source)) in helper_sources.iter().enumerate() {
            for m in imports(source) {
                let at = helpers.iter().position(|h| *h == m);
                assert!(at.is_some_and(|at| at < k), "{name} imports {m}");
            }
        }
        for window in [
            include_str!("window/mod.rs"),
            include_str!("window/files.rs"),
            include_str!("window/edits.rs"),
            include_str!("window/documents.rs"),
        ] {
            assert!(!imports(window).contains(&"shell"));
        }
        // The shell installs the crash hook of `recovery` beside the window.
        assert_eq!(
            imports(include_str!("shell.rs")),
            ["action", "recovery", "window"]
        );
    }
}
