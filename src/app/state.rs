//! The window's whole state and its top-level layout. Tests drive [`State::ui`] directly;
//! the eframe shell (`super::PlannerApp`) adds what needs a real window: file dialogs,
//! persistence and the close button.

use super::dossier_list::{ListCache, ListFilter};
use super::gantt::Drag;
use crate::lang::Lang;
use crate::model::Dossier;
use crate::workspace::{SaveError, Workspace};
use chrono::NaiveDate;
use std::path::PathBuf;

/// Which central view is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// One dossier: Gantt timeline, editor and findings.
    Dossier,
    /// Every dossier of the list on one shared timeline.
    Caseload,
    /// The published figures and the workspace's, as charts.
    Statistics,
}

/// A file dialog the shell should open after this frame (dialogs block, so never from
/// drawing code, and never in tests).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Pick a workspace folder.
    OpenFolder,
    /// Pick one dossier file.
    OpenFile,
    /// Pick a file to save entry `usize` as.
    SaveAs(usize),
    /// Pick a folder for the dossiers that have no file yet (the sample, new ones).
    SaveUnfiled,
    /// Pick a file to write this CSV to.
    ExportCsv(String),
    /// Take a screenshot of the current chart or slide and pick a PNG file for it.
    ExportPng,
}

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Close the window.
    Quit,
    /// Open this workspace.
    Open(PathBuf),
    /// Open a file dialog.
    Dialog(Request),
}

/// A question the window is asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// There are unsaved changes; then do `Pending`.
    Unsaved(Pending),
    /// Entry `usize`'s file changed on disk since it was loaded: overwrite?
    ChangedOnDisk(usize),
    /// A previous session left this many unsaved dossiers in the recovery journal.
    Recover(usize),
    /// Entry `usize` was edited here and its file changed on disk: keep, take or save elsewhere.
    Conflict(usize),
}

/// How often unsaved edits are written to the recovery journal, in seconds.
const JOURNAL_SECONDS: f64 = 5.0;

/// The current selection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The open dossier (index into the workspace).
    pub entry: Option<usize>,
    /// The selected instrument of that dossier.
    pub instrument: Option<usize>,
    /// The selected finding of that dossier (index into its findings).
    pub finding: Option<usize>,
}

/// The window's state.
pub struct State {
    /// The open workspace.
    pub ws: Workspace,
    /// What is selected.
    pub sel: Selection,
    /// The UI language.
    pub lang: Lang,
    /// Dark or light theme.
    pub dark: bool,
    /// The central view.
    pub view: View,
    /// The dossier list's search and filters.
    pub filter: ListFilter,
    /// The dossier list's rows, recomputed only when the filter or the workspace changes.
    pub(super) list: ListCache,
    /// A bar being dragged in the timeline, with its live preview.
    pub(super) drag: Option<Drag>,
    /// The bar under the pointer in the last frame: the plot must not pan when a drag
    /// starts there.
    pub(super) hovered_bar: Option<usize>,
    /// The question being asked, if any.
    pub question: Option<Question>,
    /// A file dialog for the shell to open.
    pub request: Option<Request>,
    /// The last message for the status bar.
    pub status: Option<String>,
    /// Whether the help window is open.
    pub show_help: bool,
    /// Set when the user confirmed closing with unsaved changes.
    pub quit_confirmed: bool,
    /// Whether the shell should close the window now.
    pub quit_now: bool,
    /// Whether the dossier editor panel is shown.
    pub show_editor: bool,
    /// Whether the dossier list panel is shown.
    pub show_list: bool,
    /// Recently opened workspaces, newest first (persisted by the shell).
    pub recent: Vec<PathBuf>,
    /// Quick fixes of the open dossier's findings, per finding, computed once per edit:
    /// the entry and workspace generation they are for.
    pub(super) fixes: Option<(usize, u64, Vec<Vec<crate::rules::fixes::Fix>>)>,
    /// The statistics view's choices (shared with the presentation).
    pub stats: super::stats_view::StatsUi,
    /// Whether the presentation is showing (full screen, slides, no personal data).
    pub presenting: bool,
    /// The screen area of the chart or slide last drawn, for the PNG export.
    pub export_rect: Option<egui::Rect>,
    /// Unsaved work a previous session left, waiting for the user's answer.
    journal: Option<Vec<crate::workspace::JournalEntry>>,
    /// The workspace generation and the time (egui seconds) of the last journal write.
    journal_written: (u64, f64),
    /// Whether unsaved edits are journalled (the window: yes; tests: where they test it).
    journal_enabled: bool,
    /// A "plan the rest" proposal shown as ghost bars: the entry and the instruments.
    pub proposal: Option<(usize, crate::planner::Proposal)>,
    /// The timeline's plot-to-screen mapping of the last frame, to find a bar on screen.
    pub(super) gantt_transform: Option<egui_plot::PlotTransform>,
}

impl State {
    /// A window on `ws`.
    /// The recovery journal is off until [`State::enable_recovery`]: the window turns it on,
    /// tests only where they test it, so no test writes outside its temporary folders.
    pub fn new(ws: Workspace, lang: Lang) -> Self {
        Self::without_recovery(ws, lang)
    }

    /// Brings the workspace in line with files changed on disk (the shell's file watcher
    /// reports them); an edited dossier whose file changed becomes a question.
    pub fn disk_changed(&mut self, paths: &[PathBuf]) {
        use crate::workspace::DiskChange;
        let lang = self.lang;
        for path in paths {
            let said = match self.ws.reconcile(path) {
                DiskChange::None => None,
                DiskChange::Conflict(i) => {
                    self.question = Some(Question::Conflict(i));
                    None
                }
                DiskChange::Reloaded(_) => Some((lang.pick("Opnieuw geladen:", "Reloaded:"), "")),
                DiskChange::Added(_) => Some((lang.pick("Nieuw bestand:", "New file:"), "")),
                DiskChange::LoadError(_) => {
                    Some((lang.pick("Laadt niet meer:", "No longer loads:"), ""))
                }
                DiskChange::Deleted(_) => Some((
                    lang.pick("Verwijderd op schijf:", "Deleted on disk:"),
                    lang.pick(
                        " (het dossier blijft open, niet bewaard)",
                        " (the dossier stays open, unsaved)",
                    ),
                )),
            };
            if let Some((what, then)) = said {
                self.status = Some(format!("{what} {}{then}", path.display()));
            }
        }
        self.clamp_selection();
    }

    /// Journals unsaved edits every few seconds, and asks now about unsaved work a previous
    /// session left.
    pub fn enable_recovery(&mut self) {
        self.journal_enabled = true;
        self.offer_recovery();
    }

    /// Asks about unsaved work a previous session left in the journal, if any.
    fn offer_recovery(&mut self) {
        if !self.journal_enabled {
            return;
        }
        if let Some(entries) = self.ws.read_journal() {
            self.question = Some(Question::Recover(entries.len()));
            self.journal = Some(entries);
        }
        self.journal_written = (self.ws.generation(), 0.0);
    }

    fn without_recovery(ws: Workspace, lang: Lang) -> Self {
        let first = (!ws.entries.is_empty()).then_some(0);
        Self {
            ws,
            sel: Selection {
                entry: first,
                ..Default::default()
            },
            lang,
            dark: true,
            view: View::Dossier,
            filter: ListFilter::default(),
            list: ListCache::default(),
            drag: None,
            hovered_bar: None,
            question: None,
            request: None,
            status: None,
            show_help: false,
            quit_confirmed: false,
            quit_now: false,
            show_editor: true,
            show_list: true,
            recent: Vec::new(),
            gantt_transform: None,
            proposal: None,
            fixes: None,
            stats: Default::default(),
            presenting: false,
            export_rect: None,
            journal: None,
            journal_written: (0, 0.0),
            journal_enabled: false,
        }
    }

    /// The open dossier, as shown: the drag preview while a bar is being dragged.
    pub fn shown_dossier(&self) -> Option<&Dossier> {
        if let Some(drag) = &self.drag {
            return Some(&drag.preview);
        }
        self.sel
            .entry
            .and_then(|i| self.ws.entries.get(i))
            .map(|e| &e.dossier)
    }

    /// Where instrument `i`'s bar of the open dossier was drawn in the last frame.
    pub fn bar_rect(&self, i: usize) -> Option<egui::Rect> {
        let t = self.gantt_transform?;
        let d = self.shown_dossier()?;
        let lane = super::gantt::lanes(d).iter().position(|&k| k == i)?;
        let inst = d.instruments.get(i)?;
        let y = -(lane as f64);
        let a = egui_plot::PlotPoint::new(super::timeline::x_of(inst.start), y - 0.3);
        let b = egui_plot::PlotPoint::new(super::timeline::x_of(inst.end) + 1.0, y + 0.3);
        Some(t.rect_from_values(&a, &b))
    }

    /// Opens entry `i` in the dossier view.
    pub fn open_entry(&mut self, i: usize) {
        if self.sel.entry != Some(i) {
            self.sel = Selection {
                entry: Some(i),
                instrument: None,
                finding: None,
            };
            self.drag = None;
            self.proposal = None;
        }
        self.view = View::Dossier;
    }

    /// Applies an edit to the open dossier as one undoable step.
    pub fn apply(&mut self, after: Dossier, key: crate::workspace::EditKey) {
        if let Some(i) = self.sel.entry
            && self.ws.apply(i, after, key)
        {
            self.sel.finding = None;
            self.proposal = None;
            self.clamp_selection();
        }
    }

    fn clamp_selection(&mut self) {
        let n = self
            .sel
            .entry
            .and_then(|i| self.ws.entries.get(i))
            .map_or(0, |e| e.dossier.instruments.len());
        if self.sel.instrument.is_some_and(|k| k >= n) {
            self.sel.instrument = None;
        }
    }

    /// Undo, and follow the edit to its dossier.
    pub fn undo(&mut self) {
        if let Some(i) = self.ws.undo() {
            self.sel.entry = Some(i);
            self.sel.finding = None;
            self.clamp_selection();
            self.status = Some(self.lang.pick("Ongedaan gemaakt", "Undone").to_string());
        }
    }

    /// Redo, and follow the edit to its dossier.
    pub fn redo(&mut self) {
        if let Some(i) = self.ws.redo() {
            self.sel.entry = Some(i);
            self.sel.finding = None;
            self.clamp_selection();
            self.status = Some(self.lang.pick("Opnieuw gedaan", "Redone").to_string());
        }
    }

    /// Saves the open dossier (Ctrl+S).
    pub fn save_current(&mut self) {
        let Some(i) = self.sel.entry else { return };
        match self.ws.save(i) {
            Ok(()) => {
                self.status = Some(format!(
                    "{} {}",
                    self.lang.pick("Bewaard:", "Saved:"),
                    self.ws.entries[i].name
                ))
            }
            Err(SaveError::NeedsPath) => self.request = Some(Request::SaveAs(i)),
            Err(SaveError::ChangedOnDisk(_)) => self.question = Some(Question::ChangedOnDisk(i)),
            Err(e) => self.status = Some(e.message(self.lang)),
        }
    }

    /// Saves every changed dossier; asks for a folder for those without a file.
    pub fn save_all(&mut self) {
        let problems = self.ws.save_all();
        let mut needs_folder = false;
        for (i, e) in problems {
            match e {
                SaveError::NeedsPath => needs_folder = true,
                SaveError::ChangedOnDisk(_) => self.question = Some(Question::ChangedOnDisk(i)),
                e => self.status = Some(e.message(self.lang)),
            }
        }
        if needs_folder {
            self.request = Some(Request::SaveUnfiled);
        } else if self.question.is_none() {
            self.status = Some(self.lang.pick("Alles bewaard", "All saved").to_string());
        }
    }

    /// The window's close button was pressed: returns whether to keep the window open (there
    /// are unsaved changes, and the question is now asked).
    pub fn on_close_requested(&mut self) -> bool {
        if self.quit_confirmed || self.ws.dirty_count() == 0 {
            return false;
        }
        self.question = Some(Question::Unsaved(Pending::Quit));
        true
    }

    /// Does `pending` now, or first asks about unsaved changes.
    pub fn guard(&mut self, pending: Pending) {
        if self.ws.dirty_count() > 0 {
            self.question = Some(Question::Unsaved(pending));
        } else {
            self.run_pending(pending);
        }
    }

    fn run_pending(&mut self, pending: Pending) {
        match pending {
            Pending::Quit => {
                // Clean: the journal goes. Discarded: the caller removed it already.
                if self.ws.dirty_count() == 0 {
                    let _ = self.ws.remove_journal();
                }
                self.quit_confirmed = true;
                self.quit_now = true;
            }
            Pending::Open(path) => self.open_workspace(path),
            Pending::Dialog(r) => self.request = Some(r),
        }
    }

    /// Replaces the workspace with the one at `path` (no questions asked: see [`State::guard`]).
    pub fn open_workspace(&mut self, path: PathBuf) {
        let today = self.ws.today();
        let ws = Workspace::open(&path, today);
        let n = ws.entries.len();
        self.ws = ws;
        self.sel = Selection {
            entry: (n > 0).then_some(0),
            ..Default::default()
        };
        self.list = ListCache::default();
        self.drag = None;
        self.offer_recovery();
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(8);
        self.status = Some(format!(
            "{} {} ({n} dossiers)",
            self.lang.pick("Geopend:", "Opened:"),
            path.display()
        ));
    }

    /// Sets the reference date (re-checks every dossier once).
    pub fn set_today(&mut self, today: NaiveDate) {
        let mode = self.ws.year_mode();
        self.ws.set_context(today, mode);
    }

    /// Draws the whole window.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        ui.ctx().set_theme(if self.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        if ui.input(|i| i.key_pressed(egui::Key::F11)) {
            self.presenting = !self.presenting;
        }
        if self.presenting {
            // Nothing but the slide: no list, no names, no editor.
            super::stats_view::presentation_ui(self, ui);
            return;
        }
        self.shortcuts(ui);
        self.journal_ui(ui);
        egui::Panel::top("menu").show(ui, |ui| super::menu::menu_ui(self, ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if self.view == View::Statistics {
            egui::Panel::left("stats-controls")
                .default_size(300.0)
                .min_size(220.0)
                .resizable(true)
                .show(ui, |ui| super::stats_view::stats_controls_ui(self, ui));
        } else if self.show_list {
            egui::Panel::left("dossiers")
                .default_size(300.0)
                .min_size(200.0)
                .resizable(true)
                .show(ui, |ui| super::dossier_list::list_ui(self, ui));
        }
        match self.view {
            View::Dossier => {
                if self.show_editor && self.sel.entry.is_some() {
                    egui::Panel::right("editor")
                        .default_size(340.0)
                        .min_size(260.0)
                        .resizable(true)
                        .show(ui, |ui| super::editor::editor_ui(self, ui));
                }
                if self.sel.entry.is_some() {
                    egui::Panel::bottom("findings")
                        .default_size(190.0)
                        .min_size(80.0)
                        .resizable(true)
                        .show(ui, |ui| super::findings::findings_ui(self, ui));
                }
                egui::CentralPanel::default().show(ui, |ui| super::gantt::gantt_ui(self, ui));
            }
            View::Caseload => {
                egui::CentralPanel::default().show(ui, |ui| super::caseload::caseload_ui(self, ui));
            }
            View::Statistics => {
                egui::CentralPanel::default().show(ui, |ui| super::stats_view::stats_ui(self, ui));
            }
        }
        super::help::help_ui(self, ui);
        self.question_ui(ui);
    }

    fn shortcuts(&mut self, ui: &mut egui::Ui) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let ctx = ui.ctx().clone();
        let redo_y = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
        let redo_z = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
        let save_all = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
        let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
        let next = KeyboardShortcut::new(Modifiers::NONE, Key::F8);
        let prev = KeyboardShortcut::new(Modifiers::SHIFT, Key::F8);
        // Text fields keep their own undo; ours works when none has focus.
        let typing = ctx.memory(|m| m.focused().is_some());
        if ctx.input_mut(|i| i.consume_shortcut(&redo_z) || i.consume_shortcut(&redo_y)) && !typing
        {
            self.redo();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&undo)) && !typing {
            self.undo();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&save_all)) {
            self.save_all();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&save)) {
            self.save_current();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&prev)) {
            super::findings::step(self, -1);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&next)) {
            super::findings::step(self, 1);
        }
        if ctx.input(|i| i.key_pressed(Key::F1)) {
            self.show_help = !self.show_help;
        }
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.horizontal(|ui| {
            let t = self.ws.totals();
            ui.label(format!(
                "{} dossiers · {} {} · {} {} · {} {}",
                crate::lang::number(self.ws.entries.len() as i64, lang),
                crate::lang::number(t.errors.into(), lang),
                lang.pick("fouten", "errors"),
                crate::lang::number(t.warnings.into(), lang),
                lang.pick("waarschuwingen", "warnings"),
                self.ws.dirty_count(),
                lang.pick("niet bewaard", "unsaved"),
            ));
            if !self.ws.load_errors.is_empty() {
                ui.separator();
                let n = self.ws.load_errors.len();
                ui.colored_label(
                    super::palette::severity(crate::rules::Severity::Error),
                    format!(
                        "{n} {}",
                        lang.pick("bestanden niet geladen", "files not loaded")
                    ),
                )
                .on_hover_text(
                    self.ws
                        .load_errors
                        .iter()
                        .map(|e| e.display(lang))
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
            if let Some(s) = &self.status {
                ui.separator();
                ui.label(s);
            }
        });
    }

    /// Writes unsaved edits to the recovery journal every few seconds (not while the user is
    /// still being asked about an older journal).
    fn journal_ui(&mut self, ui: &mut egui::Ui) {
        let (generation, at) = self.journal_written;
        if !self.journal_enabled || self.journal.is_some() || generation == self.ws.generation() {
            return;
        }
        let now = ui.input(|i| i.time);
        if now - at >= JOURNAL_SECONDS {
            if let Err(e) = self.ws.write_journal() {
                self.status = Some(format!("{}: {e}", self.ws.journal_path().display()));
            }
            self.journal_written = (self.ws.generation(), now);
        } else {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(
                    JOURNAL_SECONDS - (now - at),
                ));
        }
    }

    fn question_ui(&mut self, ui: &mut egui::Ui) {
        let Some(q) = self.question.clone() else {
            return;
        };
        let lang = self.lang;
        let ctx = ui.ctx().clone();
        egui::Modal::new(egui::Id::unique("question")).show(&ctx, |ui| {
            ui.set_max_width(460.0);
            match q {
                Question::Unsaved(pending) => {
                    ui.heading(lang.pick("Niet-bewaarde wijzigingen", "Unsaved changes"));
                    ui.label(format!(
                        "{} {}",
                        self.ws.dirty_count(),
                        lang.pick(
                            "dossier(s) hebben wijzigingen die nog niet bewaard zijn.",
                            "dossier(s) have changes that are not saved yet."
                        )
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(lang.pick("Alles bewaren", "Save all")).clicked() {
                            self.question = None;
                            self.save_all();
                            if self.ws.dirty_count() == 0 {
                                self.run_pending(pending.clone());
                            }
                        }
                        if ui.button(lang.pick("Niet bewaren", "Discard")).clicked() {
                            self.question = None;
                            let _ = self.ws.remove_journal();
                            self.run_pending(pending.clone());
                        }
                        if ui.button(lang.pick("Annuleren", "Cancel")).clicked() {
                            self.question = None;
                        }
                    });
                }
                Question::Conflict(i) => {
                    ui.heading(lang.pick("Bestand buiten twe-planner gewijzigd", "File changed outside twe-planner"));
                    let name = self.ws.entries.get(i).map(|e| e.name.clone()).unwrap_or_default();
                    ui.label(format!(
                        "{name}: {}",
                        lang.pick(
                            "u hebt dit dossier hier gewijzigd en het bestand is intussen ook gewijzigd.",
                            "you changed this dossier here and its file changed meanwhile."
                        )
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(lang.pick("Mijn versie houden", "Keep mine")).clicked() {
                            self.question = None;
                            self.ws.keep_mine(i);
                        }
                        if ui.button(lang.pick("Hun versie nemen", "Take theirs")).clicked() {
                            self.question = None;
                            self.ws.take_theirs(i);
                            self.clamp_selection();
                        }
                        if ui.button(lang.pick("Mijn versie elders bewaren…", "Save mine elsewhere…")).clicked() {
                            self.question = None;
                            self.request = Some(Request::SaveAs(i));
                        }
                    });
                }
                Question::Recover(n) => {
                    ui.heading(lang.pick("Niet-bewaard werk gevonden", "Unsaved work found"));
                    ui.label(format!(
                        "{n} {}",
                        lang.pick(
                            "dossier(s) hadden wijzigingen die niet bewaard waren toen twe-planner stopte.",
                            "dossier(s) had changes that were not saved when twe-planner stopped."
                        )
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(lang.pick("Herstellen", "Restore")).clicked() {
                            self.question = None;
                            if let Some(entries) = self.journal.take() {
                                let n = self.ws.restore(entries);
                                self.status = Some(format!("{n} {}", lang.pick("dossier(s) hersteld", "dossier(s) restored")));
                            }
                        }
                        if ui.button(lang.pick("Weggooien", "Discard")).clicked() {
                            self.question = None;
                            self.journal = None;
                            let _ = self.ws.remove_journal();
                        }
                    });
                }
                Question::ChangedOnDisk(i) => {
                    ui.heading(lang.pick("Bestand gewijzigd", "File changed"));
                    let name = self
                        .ws
                        .entries
                        .get(i)
                        .map(|e| e.name.clone())
                        .unwrap_or_default();
                    ui.label(format!(
                        "{name}: {}",
                        lang.pick(
                            "het bestand is buiten twe-planner gewijzigd sinds het geladen werd.",
                            "the file changed outside twe-planner since it was loaded."
                        )
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(lang.pick("Overschrijven", "Overwrite")).clicked() {
                            self.question = None;
                            if let Err(e) = self.ws.save_over(i) {
                                self.status = Some(e.message(lang));
                            }
                        }
                        if ui
                            .button(lang.pick("Elders bewaren…", "Save elsewhere…"))
                            .clicked()
                        {
                            self.question = None;
                            self.request = Some(Request::SaveAs(i));
                        }
                        if ui.button(lang.pick("Annuleren", "Cancel")).clicked() {
                            self.question = None;
                        }
                    });
                }
            }
        });
    }
}
