//! The window's content: it owns the workspace, the selection and the panels, lays the
//! panels out, and applies the actions they emit once per frame, after drawing. Tests drive
//! [`Window::ui`] directly; the eframe shell (`super::shell`) adds what needs a real window
//! and carries out the actions only it can (dialogs, closing, full screen, screenshots).

use super::action::{Action, Pending, Question, Request};
use super::agenda_view::AgendaView;
use super::caseload::Caseload;
use super::command::{Command, Scope};
use super::cx::{Layout, Selection, View, ViewCx};
use super::dialogs::Dialogs;
use super::dossier_list::DossierList;
use super::editor::Editor;
use super::findings::{FindingsPanel, step};
use super::gantt::Timeline;
use super::help::Help;
use super::import_view::ImportPanel;
use super::menu::MenuBar;
use super::opening::Opening;
use super::recovery::{Recovery, Tick};
use super::slides::Slides;
use super::stats_pages::StatsChoices;
use super::stats_view::StatsView;
use super::status::StatusBar;
use std::fmt::Write as _;
use std::path::PathBuf;
use twe_core::lang::Lang;
use twe_core::model::{Dossier, Plan};
use twe_core::workspace::{DiskChange, EditKey, EditRefused, SaveError, Workspace};

/// How many recently opened workspaces the *File* menu lists.
const RECENT: usize = 8;

/// What the panels share and only read while they draw: the window applies actions to it
/// after drawing.
struct Shared {
    /// The open workspace.
    ws: Workspace,
    /// What is selected.
    sel: Selection,
    /// The UI language.
    lang: Lang,
    /// The view, theme and shown panels.
    layout: Layout,
    /// The last message for the status bar, in both languages.
    status: Option<twe_core::lang::Text>,
    /// Recently opened workspaces, newest first (persisted by the shell).
    recent: Vec<PathBuf>,
    /// What a quick fix under the pointer would make of the open dossier.
    preview: Option<Dossier>,
    /// How far the folder being opened is read, while it is.
    loading: Option<twe_core::workspace::loading::Status>,
    /// Who "I" am: the counsellor "my clients" filters on (persisted by the shell).
    me: Option<String>,
}

impl Shared {
    /// The read-only context the panels draw from.
    fn cx(&self) -> ViewCx<'_> {
        ViewCx {
            ws: &self.ws,
            sel: self.sel,
            lang: self.lang,
            layout: self.layout,
            recent: &self.recent,
            status: self.status.as_ref().map(|t| t.get(self.lang)),
            preview: self.preview.as_ref(),
            loading: self.loading,
            me: self.me.as_deref(),
            due_listed: None,
        }
    }
}

/// The window's content.
pub struct Window {
    /// What the panels read.
    shared: Shared,
    /// Whether the presentation is showing (full screen, slides, no personal data).
    presenting: bool,
    /// Set when the user confirmed closing with unsaved changes.
    quit_confirmed: bool,
    /// The journal against crashes.
    recovery: Recovery,
    /// Actions for the shell, in order, until it takes them.
    for_shell: Vec<Action>,
    /// A folder being opened in the background.
    opening: Option<Opening>,
    /// Whether written documents open in the system's viewer: the shell turns it on, tests
    /// leave it off.
    viewer: bool,
    /// egui's context of the last frame: how this platform writes keys in messages.
    ctx: Option<egui::Context>,

    menu: MenuBar,
    status_bar: StatusBar,
    list: DossierList,
    timeline: Timeline,
    editor: Editor,
    findings: FindingsPanel,
    caseload: Caseload,
    agenda: AgendaView,
    stats: StatsView,
    slides: Slides,
    help: Help,
    dialogs: Dialogs,
    /// The spreadsheet import being prepared, if any.
    import: Option<ImportPanel>,
}

/// A new, empty dossier starting on the reference date.
fn new_dossier(ws: &Workspace) -> Dossier {
    let today = ws.today();
    let n = ws.len() + 1;
    let id = format!("NIEUW-{}-{n:04}", chrono::Datelike::year(&today));
    Dossier {
        plan: Some(Plan::Pop),
        ..Dossier::new(&id, "", "", today)
    }
}

/// A copy of entry `i`'s dossier to work on while another window edits it: id
/// `ID-kopie-N` with the first N no dossier of the workspace has.
fn copy_of(ws: &Workspace, i: usize) -> Option<Dossier> {
    let mut copy = ws.entry(i)?.dossier().clone();
    copy.id = ws.copy_id(&copy.id);
    Some(copy)
}

impl Window {
    /// A window on `ws`, its first dossier open. The recovery journal is off until
    /// [`Window::enable_recovery`]: the window turns it on, tests only where they test it.
    pub fn new(ws: Workspace, lang: Lang) -> Self {
        clean_leftovers(&ws);
        let first = (!ws.is_empty()).then_some(0);
        Self {
            shared: Shared {
                ws,
                sel: Selection {
                    entry: first,
                    ..Default::default()
                },
                lang,
                layout: Layout::default(),
                status: None,
                recent: Vec::new(),
                preview: None,
                loading: None,
                me: None,
            },
            presenting: false,
            quit_confirmed: false,
            recovery: Recovery::default(),
            for_shell: Vec::new(),
            opening: None,
            viewer: false,
            ctx: None,
            menu: MenuBar,
            status_bar: StatusBar,
            list: DossierList::default(),
            timeline: Timeline::default(),
            editor: Editor::default(),
            findings: FindingsPanel::default(),
            caseload: Caseload::default(),
            agenda: AgendaView::default(),
            stats: StatsView::default(),
            slides: Slides,
            help: Help::default(),
            dialogs: Dialogs::default(),
            import: None,
        }
    }

    /// The open workspace.
    pub fn workspace(&self) -> &Workspace {
        &self.shared.ws
    }

    /// The open workspace, to change it outside the window (tests, the shell's dialogs).
    pub fn workspace_mut(&mut self) -> &mut Workspace {
        &mut self.shared.ws
    }

    /// What is selected.
    pub fn selection(&self) -> Selection {
        self.shared.sel
    }

    /// The UI language.
    pub fn lang(&self) -> Lang {
        self.shared.lang
    }

    /// The view, theme and shown panels.
    pub fn layout(&self) -> Layout {
        self.shared.layout
    }

    /// Whether the presentation is showing.
    pub fn presenting(&self) -> bool {
        self.presenting
    }

    /// The question being asked, if any.
    pub fn question(&self) -> Option<&Question> {
        self.dialogs.question()
    }

    /// Whether the help window is open.
    pub fn help_open(&self) -> bool {
        self.help.is_open()
    }

    /// The statistics view's choices (shared with the presentation).
    pub fn stats(&self) -> &StatsChoices {
        &self.stats.choices
    }

    /// The statistics view's choices, to set them.
    pub fn stats_mut(&mut self) -> &mut StatsChoices {
        &mut self.stats.choices
    }

    /// The "plan the rest" proposal shown, with its entry.
    pub fn proposal(&self) -> Option<&(usize, twe_core::planner::Proposal)> {
        self.timeline.proposal()
    }

    /// The id of the open dossier, to open it again at the next start.
    pub fn selected_id(&self) -> Option<&str> {
        let i = self.shared.sel.entry?;
        self.shared.ws.entry(i).map(|e| e.dossier().id.as_str())
    }

    /// Opens the dossier with this id, if the workspace has it, or as soon as it arrives
    /// while a folder is being opened.
    pub fn select_id(&mut self, id: &str) {
        if let Some(o) = &mut self.opening {
            o.select = Some(id.to_string());
        }
        if let Some(i) = self
            .shared
            .ws
            .entries()
            .iter()
            .position(|e| e.dossier().id == id && !e.is_deleted())
        {
            self.open_entry(i);
        }
    }

    /// Recently opened workspaces, newest first.
    pub fn recent(&self) -> &[PathBuf] {
        &self.shared.recent
    }

    /// Sets the recently opened workspaces (restored by the shell).
    pub fn set_recent(&mut self, recent: Vec<PathBuf>) {
        self.shared.recent = recent;
    }

    /// The actions waiting for the shell (tests read them; the shell takes them).
    pub fn shell_actions(&self) -> &[Action] {
        &self.for_shell
    }

    /// Takes the actions waiting for the shell.
    pub fn take_shell_actions(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.for_shell)
    }

    /// The open dossier, as shown: the drag preview while a bar is being dragged.
    pub fn shown_dossier(&self) -> Option<&Dossier> {
        self.timeline.preview().or_else(|| {
            self.shared
                .sel
                .entry
                .and_then(|i| self.shared.ws.entry(i))
                .map(twe_core::workspace::Entry::dossier)
        })
    }

    /// What a quick fix under the pointer would make of the open dossier.
    pub fn fix_preview(&self) -> Option<&Dossier> {
        self.shared.preview.as_ref()
    }

    /// The screen area of the timeline's plot in the last frame.
    pub fn timeline_frame(&self) -> Option<egui::Rect> {
        self.timeline.plot_frame()
    }

    /// Where instrument `i`'s bar of the open dossier was drawn in the last frame.
    pub fn bar_rect(&self, i: usize) -> Option<egui::Rect> {
        self.timeline.bar_rect(self.shown_dossier()?, i)
    }

    /// Starts straight in the presentation (`twe-planner present`): leaving it goes to the
    /// statistics, never to a dossier with a client's name on the projector.
    pub fn start_presenting(&mut self) {
        self.act(Action::SetView(View::Statistics));
        self.act(Action::Present(true));
    }

    /// Journals unsaved edits every few seconds in the user's data folder, and asks now
    /// about unsaved work windows that are gone left.
    pub fn enable_recovery(&mut self) {
        self.enable_recovery_in(twe_core::workspace::journal::default_dir());
    }

    /// The same, with the journals in `dir`.
    pub fn enable_recovery_in(&mut self, dir: PathBuf) {
        self.recovery.enable(dir);
        self.offer_recovery();
    }

    /// This window's journal file, once journalling is on.
    pub fn journal_path(&self) -> Option<&std::path::Path> {
        self.recovery.path()
    }

    fn offer_recovery(&mut self) {
        // While a folder is read, the journal waits: its dossiers are matched to the files
        // once they are all in (the opening calls this again when done).
        if self.opening.is_some() {
            return;
        }
        if let Some(n) = self.recovery.open(&self.shared.ws) {
            self.dialogs.ask(Question::Recover(n));
        }
    }

    /// The window's close button was pressed: returns whether to keep the window open (there
    /// are unsaved changes, and the question is now asked).
    pub fn on_close_requested(&mut self) -> bool {
        if self.quit_confirmed || self.shared.ws.dirty_count() == 0 {
            return false;
        }
        self.dialogs.ask(Question::Unsaved(Pending::Quit));
        true
    }

    /// A command's first key as this platform writes it, for a message said outside a
    /// frame (the window's context, as of the last frame).
    fn key_of(&self, command: Command, lang: Lang) -> String {
        self.ctx
            .as_ref()
            .and_then(|ctx| command.shortcut_text(ctx, lang))
            .unwrap_or_default()
    }

    /// Draws the whole window, then applies what the panels asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        self.ctx = Some(ui.ctx().clone());
        super::palette::install(ui.ctx());
        // A projector in a lit room: the presentation is light whatever the window's theme.
        ui.ctx()
            .set_theme(if self.shared.layout.dark && !self.presenting {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
        self.poll_opening(ui.ctx());
        let mut out = Vec::new();
        if self.presenting {
            // Nothing but the slide: no list, no names, no editor; F11 leaves as Esc does.
            if ui.input_mut(|i| Command::Present.consume(i)) {
                out.push(Action::Present(false));
            }
            let cx = self.shared.cx();
            self.slides.ui(&cx, &mut self.stats.choices, ui, &mut out);
        } else {
            // Esc closes an open menu (egui's menus stay open otherwise).
            if egui::Popup::is_any_open(ui.ctx()) && ui.input_mut(|i| Command::CloseMenu.consume(i))
            {
                egui::Popup::close_all(ui.ctx());
            }
            shortcuts(&self.shared.cx(), ui, &mut out);
            self.journal(ui);
            self.panels_ui(ui, &mut out);
        }
        if !out.is_empty() {
            ui.ctx().request_repaint();
        }
        for action in out {
            self.act(action);
        }
    }

    /// The panels of the normal window, laid out around the central view.
    fn panels_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let due_listed = self
            .list
            .is_filtered()
            .then(|| self.list.rows(&self.shared.ws).due_this_week());
        let cx = ViewCx {
            due_listed,
            ..self.shared.cx()
        };
        // Side panels never take the centre's room, whatever width they were left at (egui
        // remembers it between starts).
        let width = ui.available_width().max(600.0);
        egui::Panel::top("menu").show(ui, |ui| self.menu.ui(&cx, ui, out));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar.ui(&cx, ui, out));
        if cx.layout.view == View::Statistics {
            egui::Panel::left("stats-controls")
                .default_size(300.0)
                .min_size(220.0)
                .max_size((width * 0.35).max(220.0))
                .resizable(true)
                .show(ui, |ui| self.stats.controls_ui(&cx, ui, out));
        } else if cx.layout.show_list {
            egui::Panel::left("dossiers")
                .default_size(300.0)
                .min_size(200.0)
                .max_size(width * 0.35)
                .resizable(true)
                .show(ui, |ui| self.list.ui(&cx, ui, out));
        }
        match cx.layout.view {
            View::Dossier => {
                if cx.layout.show_editor && cx.sel.entry.is_some() {
                    egui::Panel::right("editor")
                        .default_size(340.0)
                        .min_size(260.0)
                        .max_size((width * 0.4).max(260.0))
                        .resizable(true)
                        .show(ui, |ui| self.editor.ui(&cx, ui, out));
                }
                if cx.sel.entry.is_some() {
                    egui::Panel::bottom("findings")
                        .default_size(190.0)
                        .min_size(80.0)
                        .resizable(true)
                        .show(ui, |ui| self.findings.ui(&cx, ui, out));
                }
                egui::CentralPanel::default().show(ui, |ui| self.timeline.ui(&cx, ui, out));
            }
            View::Caseload => {
                let rows = self.list.rows(cx.ws);
                egui::CentralPanel::default().show(ui, |ui| self.caseload.ui(&cx, rows, ui, out));
            }
            View::Statistics => {
                egui::CentralPanel::default().show(ui, |ui| self.stats.ui(&cx, ui));
            }
            View::Agenda => {
                let rows = self.list.rows(cx.ws);
                egui::CentralPanel::default().show(ui, |ui| self.agenda.ui(&cx, rows, ui, out));
            }
        }
        self.help.ui(ui, cx.lang);
        if let Some(import) = &mut self.import {
            import.ui(ui.ctx(), cx.lang, out);
        }
        self.dialogs.ui(&cx, ui, out);
    }

    /// Writes unsaved edits to the recovery journal every few seconds.
    fn journal(&mut self, ui: &egui::Ui) {
        // A folder being read has nothing unsaved (it cannot be edited yet), and the journal
        // open is the previous folder's: nothing is written until the new one is matched.
        if self.opening.is_some() {
            return;
        }
        match self.recovery.tick(&self.shared.ws, ui.input(|i| i.time)) {
            Tick::Idle => {}
            Tick::Due(after) => ui.ctx().request_repaint_after(after),
            Tick::Failed(message) => self.say(|_| message.clone()),
        }
    }

    /// Carries out one action now: the window's own, or passes it on to the shell.
    pub fn act(&mut self, action: Action) {
        if self.opening.is_some() && changes_the_workspace(&action) {
            // While a folder is read the workspace only grows: an edit, a save or a deletion
            // then would have no journal, no lock of its own and no way back on Cancel.
            self.say(|lang| {
                lang.pick(
                    "Even geduld: de map wordt nog gelezen (of kies Annuleren). Daarna kan je wijzigen.",
                    "One moment: the folder is still being read (or choose Cancel). Then you can make changes.",
                )
                .to_string()
            });
            return;
        }
        match action {
            Action::OpenEntry(i) => {
                // The user chose: the dossier of the last session no longer takes over.
                if let Some(o) = &mut self.opening {
                    o.select = None;
                }
                self.open_entry(i);
            }
            Action::SelectInstrument(i) => self.shared.sel.instrument = i,
            Action::PreviewFix(d) => self.shared.preview = d,
            Action::SelectBar(i) => {
                self.shared.sel.instrument = i;
                self.shared.sel.finding = None;
            }
            Action::SelectFinding(k) => self.select_finding(Some(k)),
            Action::StepFinding(dir) => {
                let n = self.open_findings_len();
                if let Some(k) = step(n, self.shared.sel.finding, dir) {
                    self.select_finding(Some(k));
                }
            }
            Action::SetView(v) => self.shared.layout.view = v,
            Action::OpenItem {
                entry,
                instrument,
                finding,
            } => self.open_item(entry, instrument, finding),
            Action::PrintPlan { entry, client } => self.print_plan(entry, client),
            Action::ExportDeck { dossiers } => self.export_deck(dossiers),
            Action::ExportCharts { all_years } => self.export_charts(all_years),
            Action::ExportCaseload => self.export_caseload(),
            Action::ImportInto(dir) => self.import_into(&dir),
            Action::CloseImport => self.import = None,
            Action::SetMe(me) => {
                self.shared.me = me
                    .map(|m| m.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|m| !m.is_empty());
            }
            Action::Edit {
                entry,
                dossier,
                key,
            } => self.edit(entry, dossier, key),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::NewDossier => {
                let i = self.shared.ws.add(new_dossier(&self.shared.ws));
                self.open_entry(i);
            }
            Action::CopyDossier(i) => {
                if let Some(copy) = copy_of(&self.shared.ws, i) {
                    let k = self.shared.ws.add(copy);
                    self.open_entry(k);
                }
            }
            Action::AskDelete(i) => self.dialogs.ask(Question::Delete(i)),
            Action::DeleteDossier(i) => self.delete(i),
            Action::AskTakeOver(i) => {
                let lang = self.shared.lang;
                if let Some(who) = self
                    .shared
                    .ws
                    .entry(i)
                    .and_then(|e| e.locked_by())
                    .map(|l| l.describe(lang))
                {
                    self.dialogs.ask(Question::TakeOver { entry: i, who });
                }
            }
            Action::TakeOverLock(i) => {
                if let Err(e) = self.shared.ws.take_over_lock(i) {
                    self.refused(i, &e);
                }
            }
            Action::SetToday(today) => {
                let mode = self.shared.ws.year_mode();
                self.shared.ws.set_context(today, mode);
            }
            // While a folder is read, its files are not all in yet: what changed is looked
            // at once they are.
            Action::DiskChanged(paths) => match &mut self.opening {
                Some(o) => o.queued.extend(paths),
                None => self.disk_changed(&paths),
            },
            Action::CancelOpening => self.cancel_opening(),
            Action::FolderUnreachable(why) => self.unreachable(Some(&why)),
            Action::FolderReachable => self.say(|lang| {
                lang.pick(
                    "De werkmap is weer bereikbaar.",
                    "The workspace folder can be reached again.",
                )
                .to_string()
            }),
            Action::AskPath { request, why } => {
                let default = self.default_path(&request);
                self.dialogs.ask_path(request, &default, why);
            }
            Action::PathChosen(request, path) => self.path_chosen(request, path),
            Action::SetLang(l) => self.shared.lang = l,
            Action::SetDark(dark) => self.shared.layout.dark = dark,
            Action::ShowList(on) => self.shared.layout.show_list = on,
            Action::ShowEditor(on) => self.shared.layout.show_editor = on,
            Action::ToggleHelp => self.help.toggle(),
            Action::Present(on) => {
                self.presenting = on;
                self.for_shell.push(Action::Present(on));
            }
            Action::Status(s) => self.shared.status = Some(s),
            Action::Dialog(_) | Action::ExportPng(_) | Action::Quit => self.for_shell.push(action),
            Action::Save
            | Action::SaveAll
            | Action::SaveOver(_)
            | Action::SaveAs(..)
            | Action::SaveUnfiledInto(_)
            | Action::Guard(_)
            | Action::OpenWorkspace(_)
            | Action::SaveAllThen(_)
            | Action::DiscardThen(_)
            | Action::KeepMine(_)
            | Action::TakeTheirs(_)
            | Action::RestoreJournal
            | Action::DiscardJournal => self.file_action(action),
        }
    }

    /// The actions that save, open or answer a question about files (`act` passes only
    /// these).
    fn file_action(&mut self, action: Action) {
        match action {
            Action::Save => self.save_current(),
            Action::SaveAll => self.save_all(),
            Action::SaveOver(i) => {
                if let Err(e) = self.shared.ws.save_over(i) {
                    self.say(|lang| e.message(lang));
                }
            }
            Action::SaveAs(i, path) => {
                let saved = self.shared.ws.save_as(i, path);
                self.say(|lang| match &saved {
                    Ok(()) => lang.pick("Bewaard", "Saved").to_string(),
                    Err(e) => e.message(lang),
                });
            }
            Action::SaveUnfiledInto(dir) => self.save_unfiled_into(dir),
            Action::Guard(pending) => self.guard(pending),
            Action::OpenWorkspace(path) => self.open_workspace(&path),
            Action::SaveAllThen(pending) => {
                self.save_all();
                if self.shared.ws.dirty_count() == 0 {
                    self.run_pending(pending);
                }
            }
            Action::DiscardThen(pending) => {
                self.recovery.clear();
                self.run_pending(pending);
            }
            Action::KeepMine(i) => self.shared.ws.keep_mine(i),
            Action::TakeTheirs(i) => {
                self.shared.ws.take_theirs(i);
                self.clamp_selection();
            }
            Action::RestoreJournal => {
                let entries = self.recovery.take_offered();
                let n = self.shared.ws.restore(entries);
                self.say(|lang| {
                    format!(
                        "{n} {}",
                        lang.pick("dossier(s) hersteld", "dossier(s) restored")
                    )
                });
            }
            Action::DiscardJournal => {
                self.recovery.take_offered();
            }
            _ => {}
        }
    }

    /// Where a path prompt starts: the workspace folder for dossiers, the documents folder
    /// for exports (figures go to people, not to the shared caseload).
    fn default_path(&self, request: &Request) -> PathBuf {
        let ws = &self.shared.ws;
        let documents = || {
            dirs::document_dir()
                .or_else(dirs::home_dir)
                .unwrap_or_default()
        };
        let folder = ws
            .root()
            .map_or_else(documents, std::path::Path::to_path_buf);
        match request {
            Request::OpenFolder | Request::OpenFile | Request::SaveUnfiled => folder,
            Request::ImportSpreadsheet => documents(),
            Request::ImportInto => self
                .import
                .as_ref()
                .map_or_else(documents, |p| PathBuf::from(p.folder.trim())),
            Request::SaveAs(i) => {
                let name = ws.entry(*i).map_or_else(
                    || request.default_name().to_string(),
                    |e| e.name().to_string(),
                );
                folder.join(name)
            }
            Request::ExportCsv(_) | Request::ExportPng(_) => {
                documents().join(request.default_name())
            }
            Request::ExportIcs(_) => documents().join(twe_documents::ics::file_name(ws.today())),
            Request::ExportXlsx { name, .. } | Request::ExportPdf { name, .. } => {
                documents().join(name)
            }
        }
    }

    /// Carries out a request with the path chosen for it.
    fn path_chosen(&mut self, request: Request, path: PathBuf) {
        match request {
            Request::OpenFolder | Request::OpenFile => self.open_workspace(&path),
            Request::ImportSpreadsheet => self.preview_import(path),
            Request::ImportInto => {
                if let Some(p) = &mut self.import {
                    p.folder = path.display().to_string();
                }
            }
            Request::SaveAs(i) => self.file_action(Action::SaveAs(i, path)),
            Request::SaveUnfiled => self.save_unfiled_into(path),
            Request::ExportCsv(csv) => {
                self.export(&path, csv.as_bytes());
            }
            Request::ExportPng(png) => {
                self.export(&path, &png);
            }
            Request::ExportIcs(ics) => {
                self.export(&path, ics.as_bytes());
            }
            Request::ExportXlsx { bytes, .. } => {
                self.export(&path, &bytes);
            }
            Request::ExportPdf { bytes, note, .. } => {
                if self.export_noting(&path, &bytes, note.as_ref()) {
                    self.open_in_viewer(&path);
                }
            }
        }
    }

    /// Writes an export to the file the user chose, and says how it went; returns whether
    /// it was written.
    fn export(&mut self, path: &std::path::Path, bytes: &[u8]) -> bool {
        self.export_noting(path, bytes, None)
    }

    /// [`Self::export`], saying `note` with "Saved:" (not before the user chose where).
    fn export_noting(
        &mut self,
        path: &std::path::Path,
        bytes: &[u8],
        note: Option<&twe_core::lang::Text>,
    ) -> bool {
        // The user chose the name in a dialog that asked before replacing a file.
        let written = twe_core::files::write_document(path, bytes, twe_core::files::Replace::Yes);
        self.say(|lang| match &written {
            Ok(()) => {
                let saved = format!("{} {}", lang.pick("Bewaard:", "Saved:"), path.display());
                match &note {
                    Some(note) => format!("{saved} · {}", note.get(lang)),
                    None => saved,
                }
            }
            Err(e) => format!("{}: {}", path.display(), e.reason(lang)),
        });
        written.is_ok()
    }

    /// Opens a written document in the system's viewer (from where it is printed); where
    /// none can be started, says so and where the file is.
    fn open_in_viewer(&mut self, path: &std::path::Path) {
        if !self.viewer {
            return;
        }
        if let Err(e) = opener::open(path) {
            let why = twe_core::lang::terminal_safe(&e.to_string()).into_owned();
            self.say(|lang| {
                format!(
                    "{} {} — {} ({why})",
                    lang.pick("Bewaard:", "Saved:"),
                    path.display(),
                    lang.pick(
                        "het kon hier niet geopend worden; open het vanuit zijn map om af te drukken",
                        "it could not be opened here; open it from its folder to print it",
                    )
                )
            });
        }
    }

    /// Opens entry `entry` on what an agenda item or an overdue finding is about.
    fn open_item(&mut self, entry: usize, instrument: Option<usize>, finding: Option<usize>) {
        if let Some(o) = &mut self.opening {
            o.select = None;
        }
        self.open_entry(entry);
        if self.shared.sel.entry == Some(entry) {
            if let Some(k) = finding {
                self.select_finding(Some(k));
            } else {
                self.shared.sel.finding = None;
            }
            // The instrument the item is about, or the finding's first.
            if instrument.is_some() || finding.is_none() {
                self.shared.sel.instrument = instrument;
            }
        }
    }

    /// Asks where to save a document just made, or says why it could not be made.
    fn offer(&mut self, made: Result<Request, twe_core::lang::Text>) {
        match made {
            Ok(request) => self.for_shell.push(Action::Dialog(request)),
            Err(why) => self.say(|lang| {
                format!(
                    "{}: {}",
                    lang.pick(
                        "Het document kon niet gemaakt worden",
                        "The document could not be made"
                    ),
                    why.get(lang)
                )
            }),
        }
    }

    /// Writes the dossiers the list shows (its filters: "my clients", a phase…) as a
    /// workbook of the four sheets and asks where to save it.
    fn export_caseload(&mut self) {
        let rows = self.list.rows(&self.shared.ws).rows.clone();
        let dossiers: Vec<&Dossier> = rows
            .iter()
            .filter_map(|&i| self.shared.ws.entry(i))
            .map(twe_core::workspace::Entry::dossier)
            .collect();
        let sheets = twe_documents::spreadsheet::sheets(&dossiers, self.shared.lang);
        let made = twe_documents::spreadsheet::workbook(&sheets)
            .map(|bytes| Request::ExportXlsx {
                bytes,
                name: "twe-caseload.xlsx".into(),
            })
            .map_err(|e| twe_core::lang::Text::from_fn(|lang| e.message(lang)));
        self.offer(made);
    }

    /// Reads the spreadsheet `file` and shows how it would be imported; says why when it
    /// cannot be read at all.
    fn preview_import(&mut self, file: PathBuf) {
        match twe_documents::spreadsheet::read_path(&file) {
            Ok(source) => self.import = Some(ImportPanel::new(file, source)),
            Err(e) => self.say(|lang| format!("{}: {}", file.display(), e.message(lang))),
        }
    }

    /// Writes the previewed import's dossiers into `dir` (new or empty) and opens it; a
    /// failure stays in the preview, which stays open.
    fn import_into(&mut self, dir: &std::path::Path) {
        let Some(panel) = &mut self.import else {
            return;
        };
        let got = panel.imported();
        if let Err(e) = twe_core::files::write_workspace(dir, &got.dossiers) {
            panel.error = Some(e.message(self.shared.lang));
            return;
        }
        // The file by its name: the status bar has room for one path, the folder opened.
        let file = panel
            .file()
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let summary = |lang: Lang| {
            let imported = format!(
                "{} {} {file}",
                twe_core::lang::number(got.dossiers.len() as i64, lang),
                lang.pick("dossiers ingelezen uit", "dossiers imported from"),
            );
            if got.rows_failed() == 0 {
                imported
            } else {
                format!("{imported}; {}", got.unread(lang))
            }
        };
        let note = twe_core::lang::Text::new(summary(Lang::Nl), summary(Lang::En));
        self.import = None;
        self.open_workspace(dir);
        if let Some(opening) = &mut self.opening {
            opening.note = Some(note);
        }
    }

    /// Writes the statistics view's charts as a workbook, as the view shows them (data,
    /// measure, shares, hidden small counts) for its years or all, and asks where.
    fn export_charts(&mut self, all_years: bool) {
        use super::stats_pages::{current_chart, source_note};
        let lang = self.shared.lang;
        let choices = super::stats_pages::StatsChoices {
            up_to: if all_years {
                i32::MAX
            } else {
                self.stats.choices.up_to
            },
            ..self.stats.choices.clone()
        };
        let charts: Vec<_> = twe_core::stats::charts::ChartKind::ALL
            .iter()
            .map(|&k| current_chart(&self.shared.ws, &choices, lang, k, true))
            .collect();
        let source = source_note(&self.shared.ws, &choices, lang);
        let made = twe_documents::spreadsheet::charts_workbook(
            &charts,
            &source,
            choices.suppresses(),
            lang,
        )
        .map(|bytes| Request::ExportXlsx {
            bytes,
            name: lang.pick("twe-cijfers.xlsx", "twe-figures.xlsx").into(),
        })
        .map_err(|e| twe_core::lang::Text::from_fn(|lang| e.message(lang)));
        self.offer(made);
    }

    /// Makes the chart slides as a PDF deck and asks where to save it.
    fn export_deck(&mut self, dossiers: bool) {
        let lang = self.shared.lang;
        let table = dossiers.then(|| self.shared.ws.stats());
        let made = twe_documents::print::deck_pdf(table, lang)
            .map(|bytes| Request::ExportPdf {
                bytes,
                name: lang.pick("twe-dias.pdf", "twe-slides.pdf").into(),
                note: None,
            })
            .map_err(|e| twe_core::lang::Text::from_fn(|lang| e.message(lang)));
        self.offer(made);
    }

    /// Makes the plan of entry `i` as a PDF and asks where to save it.
    fn print_plan(&mut self, i: usize, client: bool) {
        let Some(entry) = self.shared.ws.entry(i) else {
            return;
        };
        let d = entry.dossier();
        let opts = twe_documents::print::PlanOptions {
            lang: self.shared.lang,
            today: self.shared.ws.today(),
            client_copy: client,
            year_mode: self.shared.ws.year_mode(),
        };
        let suffix = if client { "-client" } else { "" };
        let name = format!(
            "{}-plan{suffix}.pdf",
            twe_core::files::names::safe_stem(&d.id)
        );
        let made = twe_documents::print::plan(d, &opts)
            .map(|plan| Request::ExportPdf {
                bytes: plan.bytes,
                name,
                note: plan.missing.map(|letters| {
                    twe_core::lang::Text::new(
                        twe_documents::print::missing_letters_warning(&letters, Lang::Nl),
                        twe_documents::print::missing_letters_warning(&letters, Lang::En),
                    )
                }),
            })
            .map_err(|e| twe_core::lang::Text::from_fn(|lang| e.message(lang)));
        self.offer(made);
    }

    /// How many findings the open dossier has.
    fn open_findings_len(&self) -> usize {
        self.shared
            .sel
            .entry
            .and_then(|i| self.shared.ws.entry(i))
            .map_or(0, |e| e.findings().len())
    }

    /// Selects finding `k` of the open dossier and its first instrument.
    fn select_finding(&mut self, k: Option<usize>) {
        let Some(e) = self.shared.sel.entry.and_then(|i| self.shared.ws.entry(i)) else {
            return;
        };
        let first = k
            .and_then(|k| e.findings().get(k))
            .and_then(|f| f.instruments.first().copied());
        self.shared.sel.finding = k;
        self.shared.sel.instrument = first;
    }

    /// Opens entry `i` in the dossier view.
    /// Opens written documents (a printed plan) in the system's viewer from now on.
    pub fn enable_viewer(&mut self) {
        self.viewer = true;
    }

    /// Who "I" am, for "my clients".
    pub fn me(&self) -> Option<&str> {
        self.shared.me.as_deref()
    }

    fn open_entry(&mut self, i: usize) {
        if self
            .shared
            .ws
            .entry(i)
            .is_none_or(twe_core::workspace::Entry::is_deleted)
        {
            return;
        }
        if self.shared.sel.entry != Some(i) {
            self.shared.sel = Selection {
                entry: Some(i),
                instrument: None,
                finding: None,
            };
            self.timeline.reset();
        }
        self.shared.layout.view = View::Dossier;
    }

    /// Deletes entry `i` (the user was asked), and writes the journal at once so that it
    /// no longer holds the dossier either.
    fn delete(&mut self, i: usize) {
        let name = self
            .shared
            .ws
            .entry(i)
            .map(|e| e.name().to_string())
            .unwrap_or_default();
        match self.shared.ws.delete(i) {
            Ok(()) => {
                if self.shared.sel.entry == Some(i) {
                    self.shared.sel = Selection::default();
                    self.timeline.reset();
                }
                self.recovery.write_now(&self.shared.ws);
                let undo = |lang| self.key_of(Command::Undo, lang);
                let (nl, en) = (undo(Lang::Nl), undo(Lang::En));
                self.say(|lang| {
                    format!(
                        "{} {name} ({} {})",
                        lang.pick("Verwijderd:", "Deleted:"),
                        lang.pick(&nl, &en),
                        lang.pick("brengt het terug", "brings it back")
                    )
                });
            }
            Err(e) => self.say(|lang| e.message(&name, lang)),
        }
    }

    /// Applies an edit to entry `i` as one undoable step.
    fn edit(&mut self, i: usize, dossier: Dossier, key: EditKey) {
        match self.shared.ws.apply(i, dossier, key) {
            Ok(true) => {
                self.shared.sel.finding = None;
                self.timeline.forget_proposal();
                self.clamp_selection();
            }
            Ok(false) => {}
            Err(e) => self.refused(i, &e),
        }
    }

    /// Says why an edit of entry `i` was refused (another window edits it).
    fn refused(&mut self, i: usize, e: &EditRefused) {
        let name = self
            .shared
            .ws
            .entry(i)
            .map(|e| e.name().to_string())
            .unwrap_or_default();
        self.say(|lang| e.message(&name, lang));
    }

    fn clamp_selection(&mut self) {
        let n = self
            .shared
            .sel
            .entry
            .and_then(|i| self.shared.ws.entry(i))
            .map_or(0, |e| e.dossier().instruments.len());
        if self.shared.sel.instrument.is_some_and(|k| k >= n) {
            self.shared.sel.instrument = None;
        }
    }

    /// Undo, and follow the edit to its dossier.
    fn undo(&mut self) {
        match self.shared.ws.undo() {
            Some(Ok(i)) => self.follow(i, |lang| lang.pick("Ongedaan gemaakt", "Undone")),
            Some(Err((i, e))) => self.refused(i, &e),
            None => {}
        }
    }

    /// Redo, and follow the edit to its dossier.
    fn redo(&mut self) {
        match self.shared.ws.redo() {
            Some(Ok(i)) => self.follow(i, |lang| lang.pick("Opnieuw gedaan", "Redone")),
            Some(Err((i, e))) => self.refused(i, &e),
            None => {}
        }
    }

    /// Shows entry `i` after an undo or redo touched it.
    fn follow(&mut self, i: usize, said: fn(Lang) -> &'static str) {
        let deleted = self
            .shared
            .ws
            .entry(i)
            .is_none_or(twe_core::workspace::Entry::is_deleted);
        self.shared.sel.entry = (!deleted).then_some(i);
        self.shared.sel.finding = None;
        self.clamp_selection();
        self.say(|lang| said(lang).to_string());
    }

    /// Saves the open dossier (Ctrl+S).
    fn save_current(&mut self) {
        let Some(i) = self.shared.sel.entry else {
            return;
        };
        match self.shared.ws.save(i) {
            Ok(()) => {
                let name = self
                    .shared
                    .ws
                    .entry(i)
                    .map(|e| e.name().to_string())
                    .unwrap_or_default();
                self.say(|lang| format!("{} {name}", lang.pick("Bewaard:", "Saved:")));
            }
            Err(SaveError::NeedsPath) => self.for_shell.push(Action::Dialog(Request::SaveAs(i))),
            Err(SaveError::ChangedOnDisk(_)) => self.dialogs.ask(Question::ChangedOnDisk(i)),
            Err(e) if e.needs_elsewhere() => self.dialogs.ask(Question::SaveElsewhere {
                entry: i,
                why: e.message(self.shared.lang),
            }),
            Err(e) => self.say(|lang| e.message(lang)),
        }
    }

    /// Saves every changed dossier; asks for a folder for those without a file.
    fn save_all(&mut self) {
        let problems = self.shared.ws.save_all();
        let mut needs_folder = false;
        for (i, e) in problems {
            match e {
                SaveError::NeedsPath => needs_folder = true,
                SaveError::ChangedOnDisk(_) => self.dialogs.ask(Question::ChangedOnDisk(i)),
                e if e.needs_elsewhere() => {
                    self.dialogs.ask(Question::SaveElsewhere {
                        entry: i,
                        why: e.message(self.shared.lang),
                    });
                }
                e @ (SaveError::Failed(_) | SaveError::Locked(..) | SaveError::OthersFile(_)) => {
                    self.say(|lang| e.message(lang));
                }
            }
        }
        if needs_folder {
            self.for_shell.push(Action::Dialog(Request::SaveUnfiled));
        } else if self.dialogs.question().is_none() {
            self.say(|lang| lang.pick("Alles bewaard", "All saved").to_string());
        }
    }

    /// Saves the dossiers without a file into `dir` (the folder a dialog gave).
    fn save_unfiled_into(&mut self, dir: PathBuf) {
        let problems = self.shared.ws.save_unfiled_into(&dir);
        self.say(|lang| match problems.first() {
            None => format!("{} {}", lang.pick("Bewaard in", "Saved in"), dir.display()),
            Some((_, e)) => e.message(lang),
        });
        if !self.shared.recent.contains(&dir) {
            self.shared.recent.insert(0, dir);
        }
    }

    /// Does `pending` now, or first asks about unsaved changes.
    fn guard(&mut self, pending: Pending) {
        if self.shared.ws.dirty_count() > 0 {
            self.dialogs.ask(Question::Unsaved(pending));
        } else {
            self.run_pending(pending);
        }
    }

    fn run_pending(&mut self, pending: Pending) {
        match pending {
            Pending::Quit => {
                // Clean: the journal goes. Discarded: the caller removed it already.
                if self.shared.ws.dirty_count() == 0 {
                    self.recovery.clear();
                }
                self.quit_confirmed = true;
                self.for_shell.push(Action::Quit);
            }
            Pending::Open(path) => self.open_workspace(&path),
            Pending::Dialog(r) => self.for_shell.push(Action::Dialog(r)),
        }
    }

    /// Starts opening the workspace at `path` in the background (no questions asked: see
    /// `guard`): the window keeps drawing, and the list fills as the dossiers arrive.
    pub fn open_workspace(&mut self, path: &std::path::Path) {
        // A folder already being opened gives way: what was open before it stays the one
        // to go back to.
        if let Some(o) = self.opening.take() {
            self.shared.ws = o.into_previous();
        }
        let opening = Opening::start(path, &mut self.shared.ws);
        self.shared.loading = Some(opening.status());
        self.opening = Some(opening);
        self.shared.sel = Selection::default();
        self.list.reset();
        self.timeline.reset();
        self.say(|lang| format!("{} {}…", lang.pick("Openen:", "Opening:"), path.display()));
    }

    /// Takes in the dossiers the folder being opened has ready, and finishes the opening
    /// once every file is read.
    fn poll_opening(&mut self, ctx: &egui::Context) {
        let Some(opening) = &mut self.opening else {
            return;
        };
        let polled = opening.poll(&mut self.shared.ws);
        self.shared.loading = Some(opening.status());
        if let Some(first) = polled.first_new {
            let wanted = opening.select.clone();
            let found = wanted.and_then(|id| {
                (first..self.shared.ws.len()).find(|&i| {
                    self.shared
                        .ws
                        .entry(i)
                        .is_some_and(|e| e.dossier().id == id)
                })
            });
            if let Some(i) = found {
                opening.select = None;
                self.open_entry(i);
            } else if self.shared.sel.entry.is_none() && opening.select.is_none() {
                self.shared.sel.entry = Some(0);
            }
        }
        if !polled.done {
            // The next batch is a moment away: look again soon, even without input.
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
            return;
        }
        let Some(opening) = self.opening.take() else {
            return;
        };
        self.shared.loading = None;
        let path = opening.path().to_path_buf();
        if self.shared.sel.entry.is_none() && !self.shared.ws.is_empty() {
            self.shared.sel.entry = Some(0);
        }
        // The loader removed the leftovers of killed saves and read the lock files.
        self.offer_recovery();
        let n = self.shared.ws.len();
        let cut_short = polled.cut_short;
        let note = opening.note.clone();
        self.say(|lang| {
            let mut said = format!(
                "{} {} ({} dossiers)",
                lang.pick("Geopend:", "Opened:"),
                path.display(),
                twe_core::lang::number(n as i64, lang)
            );
            if cut_short {
                said.push_str(lang.pick(
                    " — het lezen stopte onverwacht: er kunnen dossiers ontbreken; open de map opnieuw",
                    " — reading stopped unexpectedly: dossiers may be missing; open the folder again",
                ));
            }
            if let Some(note) = &note {
                said.push_str("; ");
                said.push_str(note.get(lang));
            }
            said
        });
        self.shared.recent.retain(|p| p != &path);
        self.shared.recent.insert(0, path);
        self.shared.recent.truncate(RECENT);
        if !opening.queued.is_empty() {
            self.act(Action::DiskChanged(opening.queued));
        }
    }

    /// Stops opening a folder and goes back to the workspace from before.
    fn cancel_opening(&mut self) {
        let Some(opening) = self.opening.take() else {
            return;
        };
        let path = opening.path().to_path_buf();
        opening.cancel(&mut self.shared.ws);
        self.shared.loading = None;
        self.shared.sel = Selection {
            entry: (!self.shared.ws.is_empty()).then_some(0),
            ..Default::default()
        };
        self.list.reset();
        self.timeline.reset();
        self.say(|lang| {
            format!(
                "{} {}",
                path.display(),
                lang.pick(
                    ": openen afgebroken; de vorige werkmap blijft open.",
                    ": opening cancelled; the previous workspace stays open.",
                )
            )
        });
    }

    /// Whether a folder is still being opened.
    pub fn is_opening(&self) -> bool {
        self.opening.is_some()
    }

    /// Says that the workspace folder cannot be reached, and that nothing is lost: the open
    /// dossiers stay, and nothing reads as deleted.
    fn unreachable(&mut self, why: Option<&str>) {
        let folder = self
            .shared
            .ws
            .root()
            .map(|r| r.display().to_string())
            .unwrap_or_default();
        self.say(|lang| {
            let mut said = format!(
                "{folder}: {}",
                lang.pick(
                    "de werkmap is niet bereikbaar (VPN of netwerk weg?); de open dossiers blijven, niets wordt als verwijderd gelezen, bewaren kan weer zodra de map terug is",
                    "the workspace folder cannot be reached (VPN or network down?); the open dossiers stay, nothing reads as deleted, and saving works again once the folder is back"
                )
            );
            if let Some(why) = why {
                let _ = write!(said, " ({why})");
            }
            said
        });
    }

    /// Brings the workspace in line with files changed on disk (the shell's file watcher
    /// reports them); an edited dossier whose file changed becomes a question.
    fn disk_changed(&mut self, paths: &[PathBuf]) {
        for path in paths {
            // What to say: the kind of change and what it means, in both languages.
            let words: Option<[(&str, &str); 2]> = match self.shared.ws.reconcile(path) {
                DiskChange::None | DiskChange::Lock(_) => None,
                DiskChange::Unreachable => {
                    self.unreachable(None);
                    return;
                }
                DiskChange::Conflict(i) => {
                    self.dialogs.ask(Question::Conflict(i));
                    None
                }
                DiskChange::Reloaded(_) => Some([("Opnieuw geladen:", "Reloaded:"), ("", "")]),
                DiskChange::Added(_) => Some([("Nieuw bestand:", "New file:"), ("", "")]),
                DiskChange::LoadError(_) => {
                    Some([("Laadt niet meer:", "No longer loads:"), ("", "")])
                }
                DiskChange::Deleted(_) => Some([
                    ("Verwijderd op schijf:", "Deleted on disk:"),
                    (
                        " (het dossier blijft open, niet bewaard)",
                        " (the dossier stays open, unsaved)",
                    ),
                ]),
            };
            if let Some([(what_nl, what_en), (then_nl, then_en)]) = words {
                self.say(|lang| {
                    format!(
                        "{} {}{}",
                        lang.pick(what_nl, what_en),
                        path.display(),
                        lang.pick(then_nl, then_en)
                    )
                });
            }
        }
        self.clamp_selection();
    }

    /// Says something in the status bar, worded in both languages: switching the language
    /// words it again.
    fn say(&mut self, words: impl Fn(Lang) -> String) {
        self.shared.status = Some(twe_core::lang::Text::new(words(Lang::Nl), words(Lang::En)));
    }
}

/// Removes the leftovers of killed saves in the workspace's folder.
fn clean_leftovers(ws: &Workspace) {
    if let Some(root) = ws.root() {
        twe_core::files::clean_stale_temps(root, twe_core::workspace::loading::LEFTOVER_AGE);
    }
}

/// Whether an action changes the workspace or its files (refused while a folder is read).
fn changes_the_workspace(action: &Action) -> bool {
    matches!(
        action,
        Action::Edit { .. }
            | Action::Undo
            | Action::Redo
            | Action::NewDossier
            | Action::CopyDossier(_)
            | Action::AskDelete(_)
            | Action::DeleteDossier(_)
            | Action::AskTakeOver(_)
            | Action::TakeOverLock(_)
            | Action::SetToday(_)
            | Action::Save
            | Action::SaveAll
            | Action::SaveOver(_)
            | Action::SaveAs(..)
            | Action::SaveUnfiledInto(_)
            | Action::SaveAllThen(_)
            | Action::DiscardThen(_)
            | Action::KeepMine(_)
            | Action::TakeTheirs(_)
            | Action::RestoreJournal
            | Action::DiscardJournal
    )
}

/// The keyboard shortcuts of the normal window, as actions.
/// The window's keys (the registry's [`Scope::Window`]), read before any panel draws.
fn shortcuts(cx: &ViewCx<'_>, ui: &egui::Ui, out: &mut Vec<Action>) {
    for command in Command::pressed(ui.ctx(), Scope::Window) {
        out.extend(command.action(cx));
    }
}
