//! The window's content: it owns the workspace, the selection and the panels, lays the
//! panels out, and applies the actions they emit once per frame, after drawing. Tests drive
//! [`Window::ui`] directly; the eframe shell (`super::shell`) adds what needs a real window
//! and carries out the actions only it can (dialogs, closing, full screen, screenshots).
//!
//! Split by concern: this file is the window proper (layout, selection, settings); `edits`
//! changes dossiers, `files` saves, opens and follows changes on disk, `documents` prints,
//! exports and imports.

mod documents;
mod edits;
mod files;

use super::action::{Action, File, Question, Select, Setting, Shell};
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
use super::panel::Panel;
use super::recovery::Recovery;
use super::slides::Slides;
use super::stats_pages::StatsChoices;
use super::stats_view::StatsView;
use super::status::StatusBar;
use std::path::PathBuf;
use twe_core::lang::Lang;
use twe_core::model::Dossier;
use twe_core::workspace::Workspace;

/// How many recently opened workspaces the *File* menu lists.
const RECENT: usize = 8;

/// How many header sets the import remembers columns for: a few kinds of sheet an office
/// receives, each kept while it keeps coming.
const COLUMN_CHOICES: usize = 20;

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
    /// The folder a dossier of a workspace without one (the sample) was last saved in: the
    /// workspace the next start opens, so the dossier is not lost from sight.
    filed_in: Option<PathBuf>,
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
            listed: None,
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
    /// What only the shell can do, in order, until it takes it.
    for_shell: Vec<Shell>,
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
    /// The language chosen (in the window, or in the settings), if it was rather than taken
    /// from the system: only a chosen one is kept for the next start.
    lang_chosen: Option<Lang>,
    /// The spreadsheet import being prepared, if any.
    import: Option<ImportPanel>,
    /// The spreadsheet being read for a preview, on a thread of its own (a workbook of a
    /// quarter of a million rows takes two seconds).
    import_reading: Option<documents::Reading>,
    /// The columns chosen at earlier imports, per sheet and header set, newest first
    /// (persisted by the shell).
    column_choices: Vec<twe_documents::spreadsheet::ColumnChoice>,
}

impl Window {
    /// A window on `ws`, its first dossier open. The recovery journal is off until
    /// [`Window::enable_recovery`]: the window turns it on, tests only where they test it.
    pub fn new(ws: Workspace, lang: Lang) -> Self {
        files::clean_leftovers(&ws);
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
                filed_in: None,
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
            slides: Slides::default(),
            help: Help::default(),
            dialogs: Dialogs::default(),
            lang_chosen: None,
            import: None,
            import_reading: None,
            column_choices: Vec::new(),
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

    /// The UI language if it was chosen (the settings keep it), `None` if it is the
    /// system's (a later start follows the system).
    pub fn chosen_lang(&self) -> Option<Lang> {
        self.lang_chosen
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

    /// The workspace the next start opens: the open one's folder, or for the sample the
    /// folder its new dossiers were last saved in.
    pub fn reopen_at(&self) -> Option<&std::path::Path> {
        self.shared.ws.root().or(self.shared.filed_in.as_deref())
    }

    /// Puts `dir` first among the recent workspaces; for a workspace without a folder (the
    /// sample), it is also the one the next start opens.
    fn remember_folder(&mut self, dir: PathBuf) {
        if self.shared.ws.root().is_none() {
            self.shared.filed_in = Some(dir.clone());
        }
        self.shared.recent.retain(|p| p != &dir);
        self.shared.recent.insert(0, dir);
        self.shared.recent.truncate(RECENT);
    }

    /// Names the build in the About (the binary's version, commit and day).
    pub fn set_build(&mut self, build: twe_core::about::Build) {
        self.help.build = Some(build);
    }

    /// The columns chosen at earlier imports, newest first.
    pub fn column_choices(&self) -> &[twe_documents::spreadsheet::ColumnChoice] {
        &self.column_choices
    }

    /// Sets the columns chosen at earlier imports (restored by the shell).
    pub fn set_column_choices(&mut self, choices: Vec<twe_documents::spreadsheet::ColumnChoice>) {
        self.column_choices = choices;
        self.column_choices.truncate(COLUMN_CHOICES);
    }

    /// Sets the recently opened workspaces (restored by the shell).
    pub fn set_recent(&mut self, recent: Vec<PathBuf>) {
        self.shared.recent = recent;
    }

    /// The actions waiting for the shell (tests read them; the shell takes them).
    pub fn shell_actions(&self) -> &[Shell] {
        &self.for_shell
    }

    /// Takes the actions waiting for the shell.
    pub fn take_shell_actions(&mut self) -> Vec<Shell> {
        std::mem::take(&mut self.for_shell)
    }

    /// The selected finding of the open dossier, by its place in the findings panel.
    pub fn selected_finding(&self) -> Option<usize> {
        self.shared.sel.finding
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
        self.act(Action::Select(Select::SetView(View::Statistics)));
        self.act(Action::Setting(Setting::Present(true)));
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
        self.take_import_reading(ui.ctx());
        let mut out = Vec::new();
        if self.presenting {
            // Nothing but the slide: no list, no names, no editor; F11 leaves as Esc does.
            if ui.input_mut(|i| Command::Present.consume(i)) {
                out.push(Action::Setting(Setting::Present(false)));
            }
            let cx = self.shared.cx();
            self.slides.ui(&cx, &mut self.stats.choices, ui, &mut out);
        } else {
            // Esc closes an open menu (egui's menus stay open otherwise).
            if egui::Popup::is_any_open(ui.ctx()) && ui.input_mut(|i| Command::CloseMenu.consume(i))
            {
                egui::Popup::close_all(ui.ctx());
                super::combo::note_escape(ui.ctx());
            }
            // The open help scrolls with the page keys before the list steps with them.
            self.help.take_keys(ui.ctx());
            shortcuts(&self.shared.cx(), ui, &mut out);
            self.journal(ui);
            self.panels_ui(ui, &mut out);
        }
        if !out.is_empty() {
            ui.ctx().request_repaint();
        }
        // What was typed in this frame is in before it is saved: Ctrl+S is read before the
        // panels draw, the field's edit while they do.
        out.sort_by_key(|a| {
            matches!(
                a,
                Action::File(File::Save | File::SaveAll | File::SaveAllThen(_) | File::Guard(_))
            )
        });
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
        if cx.ws.root().is_none() && cx.loading.is_none() {
            egui::Panel::top("sample-bar").show(ui, |ui| super::menu::sample_bar_ui(&cx, ui, out));
        }
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
                let cx = ViewCx {
                    listed: Some(self.list.rows(cx.ws)),
                    ..cx
                };
                egui::CentralPanel::default().show(ui, |ui| self.caseload.ui(&cx, ui, out));
            }
            View::Statistics => {
                egui::CentralPanel::default().show(ui, |ui| self.stats.ui(&cx, ui, out));
            }
            View::Agenda => {
                let cx = ViewCx {
                    listed: Some(self.list.rows(cx.ws)),
                    ..cx
                };
                egui::CentralPanel::default().show(ui, |ui| self.agenda.ui(&cx, ui, out));
            }
        }
        self.help.ui(&cx, ui, out);
        if let Some(import) = &mut self.import {
            import.ui(&cx, ui, out);
        }
        self.dialogs.ui(&cx, ui, out);
    }

    /// Carries out one action now: each group where it is handled (the selection and the
    /// settings here, edits in `edits`, files in `files`, documents in `documents`), or
    /// passes it on to the shell.
    pub fn act(&mut self, action: Action) {
        if self.opening.is_some() && action.changes_the_workspace() {
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
            Action::Select(a) => self.select(a),
            Action::Edit(a) => self.edit_action(a),
            Action::File(a) => self.file(a),
            Action::Output(a) => self.output(a),
            Action::Setting(a) => self.setting(a),
            Action::Shell(a) => self.for_shell.push(a),
        }
    }

    /// What is selected and shown.
    fn select(&mut self, action: Select) {
        match action {
            Select::OpenEntry(i) => {
                // The user chose: the dossier of the last session no longer takes over.
                if let Some(o) = &mut self.opening {
                    o.select = None;
                }
                self.open_entry(i);
            }
            Select::SelectInstrument(i) => self.shared.sel.instrument = i,
            Select::PreviewFix(d) => self.shared.preview = d,
            Select::SelectBar(i) => {
                self.shared.sel.instrument = i;
                self.shared.sel.finding = None;
            }
            Select::SelectFinding(k) => self.select_finding(Some(k)),
            Select::StepFinding(dir) => {
                let n = self.open_findings_len();
                if let Some(k) = step(n, self.shared.sel.finding, dir) {
                    self.select_finding(Some(k));
                }
            }
            Select::SetView(v) => self.shared.layout.view = v,
            Select::FocusSearch => {
                // The list is beside the dossier, the caseload and the agenda.
                if self.shared.layout.view == View::Statistics {
                    self.shared.layout.view = View::Dossier;
                }
                self.shared.layout.show_list = true;
                if let Some(ctx) = &self.ctx {
                    super::focus::request(ctx, super::focus::Field::Search);
                }
            }
            Select::OpenItem {
                entry,
                instrument,
                finding,
            } => self.open_item(entry, instrument, finding),
        }
    }

    /// The window's settings and layout.
    fn setting(&mut self, action: Setting) {
        match action {
            Setting::SetLang(l) => {
                self.shared.lang = l;
                self.lang_chosen = Some(l);
            }
            Setting::SetDark(dark) => self.shared.layout.dark = dark,
            Setting::ShowList(on) => self.shared.layout.show_list = on,
            Setting::ShowEditor(on) => self.shared.layout.show_editor = on,
            Setting::ToggleHelp => self.help.toggle(),
            Setting::Present(on) => {
                // A presentation starts from the statistics and returns to them: leaving
                // it never shows a dossier or a client's name on the projector, whatever
                // view it was started from.
                if on {
                    self.select(Select::SetView(View::Statistics));
                    self.slides.blank = None;
                }
                self.presenting = on;
                self.for_shell.push(Shell::FullScreen(on));
            }
            Setting::Status(s) => self.shared.status = Some(s),
            Setting::SetMe(me) => {
                self.shared.me = me
                    .map(|m| m.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|m| !m.is_empty());
            }
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

    /// Opens written documents (a printed plan) in the system's viewer from now on.
    pub fn enable_viewer(&mut self) {
        self.viewer = true;
    }

    /// Who "I" am, for "my clients".
    pub fn me(&self) -> Option<&str> {
        self.shared.me.as_deref()
    }

    /// Opens entry `i` in the dossier view.
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
            // A file this user may not write opens read-only, as LibreOffice opens it.
            self.shared.ws.check_writable(i);
        }
        self.shared.layout.view = View::Dossier;
    }

    /// Says something in the status bar, worded in both languages: switching the language
    /// words it again.
    fn say(&mut self, words: impl Fn(Lang) -> String) {
        self.shared.status = Some(twe_core::lang::Text::new(words(Lang::Nl), words(Lang::En)));
    }
}

/// The window's keys (the registry's [`Scope::Window`]), read before any panel draws.
fn shortcuts(cx: &ViewCx<'_>, ui: &egui::Ui, out: &mut Vec<Action>) {
    for command in Command::pressed(ui.ctx(), Scope::Window) {
        out.extend(command.action(cx));
    }
}
