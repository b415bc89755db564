//! The eframe window: the planner (dossier list, Gantt timeline, editor, findings) and the
//! caseload. One file per view; [`State`] holds everything and is what tests drive.

mod caseload;
pub mod dates;
mod dossier_list;
mod editor;
mod findings;
mod gantt;
mod help;
mod menu;
pub mod palette;
mod state;
pub mod stats_view;
mod timeline;

pub use dossier_list::{ListFilter, Phase, WithFindings};
pub use state::{Pending, Question, Request, Selection, State, View};

use crate::lang::Lang;
use crate::workspace::Workspace;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The key of the settings in eframe's storage.
const SETTINGS_KEY: &str = "twe-planner-settings";

/// What the window remembers between starts.
#[derive(Default, Serialize, Deserialize)]
struct Settings {
    /// The workspace open at the last exit, reopened at the next start.
    last_workspace: Option<PathBuf>,
    /// Recently opened workspaces, newest first.
    recent: Vec<PathBuf>,
    /// The UI language; `None` means the system locale's.
    lang: Option<Lang>,
    /// Light theme instead of dark.
    light: bool,
}

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

/// A screenshot on its way from the renderer, for the PNG export.
type PendingShot = std::sync::Arc<std::sync::Mutex<Option<std::sync::Arc<egui::ColorImage>>>>;

/// Watches the workspace folder for files changed outside the program.
struct Watcher {
    /// The folder watched.
    root: PathBuf,
    /// Kept alive: dropping it stops the watching.
    _watcher: notify::RecommendedWatcher,
    /// The events, drained once per frame.
    events: std::sync::mpsc::Receiver<notify::Result<notify::Event>>,
}

impl Watcher {
    fn new(root: &std::path::Path, ctx: &egui::Context) -> Option<Self> {
        use notify::Watcher as _;
        let (tx, events) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let mut watcher = notify::recommended_watcher(move |event| {
            let _ = tx.send(event);
            ctx.request_repaint();
        })
        .ok()?;
        watcher.watch(root, notify::RecursiveMode::Recursive).ok()?;
        Some(Self {
            root: root.to_path_buf(),
            _watcher: watcher,
            events,
        })
    }

    /// The files created, changed or removed since the last call.
    fn changed(&self) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = self
            .events
            .try_iter()
            .filter_map(Result::ok)
            .filter(|e| e.kind.is_create() || e.kind.is_modify() || e.kind.is_remove())
            .flat_map(|e| e.paths)
            .collect();
        paths.sort();
        paths.dedup();
        paths
    }
}

/// The eframe shell around [`State`]: persistence, file dialogs and the close button.
pub struct PlannerApp {
    /// The watcher of the workspace folder, if it has one.
    watcher: Option<Watcher>,
    /// Everything the window shows.
    pub state: State,
    /// The screenshot asked for by a PNG export, once the renderer delivers it.
    shot: Option<(PendingShot, egui::Rect, f32)>,
    /// Whether the window is full screen for the presentation.
    fullscreen: bool,
}

impl PlannerApp {
    /// Restores the settings and opens the workspace.
    pub fn new(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        let today = chrono::Local::now().date_naive();
        let reopen = path.or(settings.last_workspace.filter(|p| p.exists()));
        let ws = match &reopen {
            Some(p) => Workspace::open(p, today),
            None => Workspace::sample(today),
        };
        let mut state = State::new(ws, settings.lang.unwrap_or_else(Lang::from_env));
        state.dark = !settings.light;
        state.recent = settings.recent;
        state.enable_recovery();
        Self {
            watcher: None,
            state,
            shot: None,
            fullscreen: false,
        }
    }

    /// Opens the window straight in the presentation.
    pub fn presenting(mut self) -> Self {
        self.state.presenting = true;
        self
    }

    /// Crops and saves a delivered screenshot.
    fn save_shot(&mut self, image: &egui::ColorImage, rect: egui::Rect, pixels_per_point: f32) {
        let lang = self.state.lang;
        let region = image.region(&rect, Some(pixels_per_point));
        let [w, h] = region.size;
        let bytes: Vec<u8> = region.pixels.iter().flat_map(|c| c.to_array()).collect();
        let Some(buffer) = image::RgbaImage::from_raw(w as u32, h as u32, bytes) else {
            return;
        };
        if let Some(path) = rfd::FileDialog::new()
            .add_filter("PNG", &["png"])
            .set_file_name("twe-grafiek.png")
            .save_file()
        {
            self.state.status = Some(match buffer.save(&path) {
                Ok(()) => format!("{} {}", lang.pick("Bewaard:", "Saved:"), path.display()),
                Err(e) => format!("{}: {e}", path.display()),
            });
        }
    }

    /// Opens the file dialog the state asked for (blocking, outside the drawing code).
    fn handle(&mut self, request: Request) {
        let lang = self.state.lang;
        match request {
            Request::ExportCsv(csv) => {
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter("CSV", &["csv"])
                    .set_file_name("twe-cijfers.csv")
                    .save_file()
                {
                    self.state.status =
                        Some(match crate::files::write_atomic(&path, csv.as_bytes()) {
                            Ok(()) => {
                                format!("{} {}", lang.pick("Bewaard:", "Saved:"), path.display())
                            }
                            Err(e) => format!("{}: {e}", path.display()),
                        });
                }
            }
            Request::ExportPng => {}
            Request::OpenFolder => {
                if let Some(dir) = rfd::FileDialog::new()
                    .set_title(lang.pick("Werkmap openen", "Open workspace"))
                    .pick_folder()
                {
                    self.state.open_workspace(dir);
                }
            }
            Request::OpenFile => {
                if let Some(file) = rfd::FileDialog::new()
                    .add_filter("RON", &["ron"])
                    .pick_file()
                {
                    self.state.open_workspace(file);
                }
            }
            Request::SaveAs(i) => {
                let name = self
                    .state
                    .ws
                    .entries
                    .get(i)
                    .map(|e| e.name.clone())
                    .unwrap_or_default();
                let mut dialog = rfd::FileDialog::new()
                    .add_filter("RON", &["ron"])
                    .set_file_name(name);
                if let Some(root) = &self.state.ws.root {
                    dialog = dialog.set_directory(root);
                }
                if let Some(path) = dialog.save_file() {
                    match self.state.ws.save_as(i, path) {
                        Ok(()) => {
                            self.state.status = Some(lang.pick("Bewaard", "Saved").to_string())
                        }
                        Err(e) => self.state.status = Some(e.message(lang)),
                    }
                }
            }
            Request::SaveUnfiled => {
                if let Some(dir) = rfd::FileDialog::new()
                    .set_title(lang.pick(
                        "Map voor de nieuwe dossierbestanden",
                        "Folder for the new dossier files",
                    ))
                    .pick_folder()
                {
                    let problems = self.state.ws.save_unfiled_into(&dir);
                    self.state.status = Some(match problems.first() {
                        None => {
                            format!("{} {}", lang.pick("Bewaard in", "Saved in"), dir.display())
                        }
                        Some((_, e)) => e.message(lang),
                    });
                    if !self.state.recent.contains(&dir) {
                        self.state.recent.insert(0, dir);
                    }
                }
            }
        }
    }
}

impl eframe::App for PlannerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if ui.ctx().input(|i| i.viewport().close_requested()) && self.state.on_close_requested() {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        let root = self.state.ws.root.clone();
        if self.watcher.as_ref().map(|w| &w.root) != root.as_ref() {
            self.watcher = root.as_deref().and_then(|r| Watcher::new(r, ui.ctx()));
        }
        if let Some(w) = &self.watcher {
            let changed = w.changed();
            if !changed.is_empty() {
                self.state.disk_changed(&changed);
            }
        }
        self.state.ui(ui);
        if self.state.presenting != self.fullscreen {
            self.fullscreen = self.state.presenting;
            ui.ctx()
                .set_zoom_factor(if self.fullscreen { 1.4 } else { 1.0 });
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.fullscreen));
        }
        if self.state.request == Some(Request::ExportPng) {
            self.state.request = None;
            if let Some(rect) = self.state.export_rect {
                let slot: PendingShot = Default::default();
                let sink = slot.clone();
                let ctx = ui.ctx().clone();
                ui.ctx().request_screenshot(move |image| {
                    if let Ok(mut s) = sink.lock() {
                        *s = Some(image);
                    }
                    ctx.request_repaint();
                });
                self.shot = Some((slot, rect, ui.ctx().pixels_per_point()));
            }
        }
        let delivered = self.shot.as_ref().and_then(|(slot, rect, ppp)| {
            slot.lock()
                .ok()
                .and_then(|mut s| s.take())
                .map(|image| (image, *rect, *ppp))
        });
        if let Some((image, rect, ppp)) = delivered {
            self.shot = None;
            self.save_shot(&image, rect, ppp);
        }
        if self.state.quit_now {
            self.state.quit_now = false;
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if let Some(request) = self.state.request.take() {
            self.handle(request);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let settings = Settings {
            last_workspace: self.state.ws.root.clone(),
            recent: self.state.recent.clone(),
            lang: Some(self.state.lang),
            light: !self.state.dark,
        };
        eframe::set_value(storage, SETTINGS_KEY, &settings);
    }
}
