//! The eframe shell around [`Window`]: persistence, the folder watcher, file dialogs, the
//! close button, full screen and screenshots. It draws nothing itself: it runs the window
//! and carries out the actions the window passes on, feeding results back as actions.

use super::action::{Action, Edit, File, Request, Setting, Shell};
use super::window::Window;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use twe_core::lang::Lang;
use twe_core::workspace::Workspace;

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
    /// The dossier open at the last exit (its id), opened again with its workspace.
    #[serde(default)]
    last_dossier: Option<String>,
    /// Who "I" am: the counsellor "my clients" filters on.
    #[serde(default)]
    me: Option<String>,
    /// The columns chosen at earlier imports: (sheet, folded headers, column per header).
    #[serde(default)]
    import_columns: Vec<(String, Vec<String>, Vec<String>)>,
}

/// Watches the workspace folder for files changed outside the program.
struct Watcher {
    /// Kept alive: dropping it stops the watching.
    _watching: notify::RecommendedWatcher,
    /// The events, drained once per frame.
    events: std::sync::mpsc::Receiver<notify::Result<notify::Event>>,
}

/// The watch of the workspace folder, made on a thread of its own: watching a folder
/// walks all of it (0.63 s for a quarter of a million files), and made in the window's
/// first frame it kept the window from showing for that long.
struct Watching {
    /// The folder watched.
    root: PathBuf,
    /// The watcher, once made (none while it is being made, or where the folder cannot be
    /// watched: the sweeps still look).
    watcher: Option<Watcher>,
    /// The watcher being made.
    making: Option<std::sync::mpsc::Receiver<Option<Watcher>>>,
}

impl Watching {
    /// Starts making the watcher of `root`.
    fn start(root: &std::path::Path, ctx: &egui::Context) -> Self {
        let (dir, wake) = (root.to_path_buf(), ctx.clone());
        let made = twe_core::beside::beside("twe-watch", move || {
            let watcher = Watcher::new(&dir, &wake);
            wake.request_repaint();
            watcher
        });
        Self {
            root: root.to_path_buf(),
            watcher: None,
            making: Some(made),
        }
    }

    /// The files created, changed or removed since the last call (none before the
    /// watcher is made).
    fn changed(&mut self) -> Vec<PathBuf> {
        if let Some(made) = &self.making {
            match made.try_recv() {
                Ok(watcher) => {
                    self.watcher = watcher;
                    self.making = None;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.making = None,
            }
        }
        self.watcher
            .as_ref()
            .map(Watcher::changed)
            .unwrap_or_default()
    }
}

impl Watcher {
    fn new(root: &std::path::Path, ctx: &egui::Context) -> Option<Self> {
        use notify::Watcher as _;
        let (tx, events) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        // Folder links are not followed, as the loader does not follow them.
        let mut watcher = notify::RecommendedWatcher::new(
            move |event: notify::Result<notify::Event>| {
                // Only what changes a file wakes the window: another program reading the
                // folder (a `check`, a backup, an indexer) opened every file and repainted
                // the idle window each time (4 CPU-seconds for three reads of 23,186 files).
                if event.as_ref().is_ok_and(|e| !changes_a_file(e.kind)) {
                    return;
                }
                // Fails only once the receiver is gone: the watcher is being dropped with
                // its workspace, and nobody waits for the event any more.
                let _ = tx.send(event);
                ctx.request_repaint();
            },
            notify::Config::default().with_follow_symlinks(false),
        )
        .ok()?;
        watcher.watch(root, notify::RecursiveMode::Recursive).ok()?;
        Some(Self {
            _watching: watcher,
            events,
        })
    }

    /// The files created, changed or removed since the last call.
    fn changed(&self) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = self
            .events
            .try_iter()
            .filter_map(Result::ok)
            .filter(|e| changes_a_file(e.kind))
            .flat_map(|e| e.paths)
            .collect();
        paths.sort();
        paths.dedup();
        paths
    }
}

/// Whether a folder event can change what a file holds or whether it is there: a creation,
/// a write, a rename, a removal, a change of permissions or owner; never a read (an open, an
/// access, a close without writing) nor an access time.
fn changes_a_file(kind: notify::EventKind) -> bool {
    use notify::event::{MetadataKind, ModifyKind};
    match kind {
        notify::EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))
        | notify::EventKind::Access(_)
        | notify::EventKind::Any
        | notify::EventKind::Other => false,
        notify::EventKind::Create(_)
        | notify::EventKind::Remove(_)
        | notify::EventKind::Modify(_) => true,
    }
}

/// What a sweep found.
enum Swept {
    /// These files appeared, changed or went.
    Changed(Vec<PathBuf>),
    /// The folder cannot be listed.
    Unreachable(String),
    /// The folder can be listed again.
    Reachable,
}

/// Sweeps the workspace folder on a thread of its own (see `workspace::sweep`): every 5 s
/// on a network or user-space file system, every 60 s elsewhere; a frame never waits.
struct Sweeper {
    /// The folder swept.
    root: PathBuf,
    /// Set to stop the thread (when the workspace changes or the window closes).
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// What the sweeps found, drained once per frame.
    found: std::sync::mpsc::Receiver<Swept>,
    /// Why the sweeping thread could not start, if it could not (the system is out of
    /// threads): the user is told once that others' changes may go unseen.
    failed: Option<String>,
}

impl Sweeper {
    fn new(root: &std::path::Path, ctx: &egui::Context) -> Self {
        use std::sync::atomic::Ordering;
        use twe_core::workspace::sweep;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (tx, found) = std::sync::mpsc::channel();
        let (dir, halt, ctx) = (root.to_path_buf(), stop.clone(), ctx.clone());
        let spawned = std::thread::Builder::new()
            .name("twe-sweep".into())
            .spawn(move || {
                let every = sweep::interval(&dir);
                let mut last = sweep::scan(&dir).ok();
                let mut reachable = true;
                loop {
                    // Wake often enough to stop soon after being asked.
                    let started = std::time::Instant::now();
                    while started.elapsed() < every {
                        if halt.load(Ordering::Relaxed) {
                            return;
                        }
                        std::thread::sleep(std::time::Duration::from_millis(250));
                    }
                    let report = match (sweep::scan(&dir), &last) {
                        (Ok(now), Some(before)) => {
                            let changed = sweep::changes(before, &now);
                            last = Some(now);
                            let back = !std::mem::replace(&mut reachable, true);
                            match (back, changed.is_empty()) {
                                (true, _) => Some(Swept::Reachable),
                                (false, false) => Some(Swept::Changed(changed)),
                                (false, true) => None,
                            }
                        }
                        (Ok(now), None) => {
                            last = Some(now);
                            (!std::mem::replace(&mut reachable, true)).then_some(Swept::Reachable)
                        }
                        (Err(e), _) => std::mem::replace(&mut reachable, false)
                            .then(|| Swept::Unreachable(e.to_string())),
                    };
                    if let Some(report) = report {
                        if tx.send(report).is_err() {
                            return;
                        }
                        ctx.request_repaint();
                    }
                }
            });
        Self {
            root: root.to_path_buf(),
            stop,
            found,
            failed: spawned.err().map(|e| e.to_string()),
        }
    }
}

impl Drop for Sweeper {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// The eframe application.
pub struct PlannerApp {
    /// The watch of the workspace folder, if it has one.
    watcher: Option<Watching>,
    /// The sweeps of the workspace folder, if it has one.
    sweeper: Option<Sweeper>,
    /// Everything the window shows.
    pub window: Window,
    /// The calendar's day when last looked at, for a window left open past midnight.
    calendar_day: chrono::NaiveDate,
}

/// The window as the settings left it: language, theme, "me", recent folders, and the
/// workspace (`path`, else the last one) with its last dossier.
fn restore(settings: Settings, path: Option<PathBuf>, today: chrono::NaiveDate) -> Window {
    let same = path.is_none() || path == settings.last_workspace;
    let reopen = path.or(settings.last_workspace.filter(|p| p.exists()));
    // The window draws from its first frame; a folder is read in the background (the
    // sample stands behind it, for a cancelled opening).
    let mut window = Window::new(Workspace::sample(today), Lang::from_env());
    if let Some(lang) = settings.lang {
        window.act(Action::Setting(Setting::SetLang(lang)));
    }
    window.act(Action::Setting(Setting::SetDark(!settings.light)));
    window.act(Action::Setting(Setting::SetMe(settings.me)));
    window.set_recent(settings.recent);
    window.set_column_choices(
        settings
            .import_columns
            .into_iter()
            .map(
                |(sheet, headers, columns)| twe_documents::spreadsheet::ColumnChoice {
                    sheet,
                    headers,
                    columns,
                },
            )
            .collect(),
    );
    if let Some(p) = reopen {
        window.open_workspace(&p);
    }
    if let Some(id) = settings.last_dossier.filter(|_| same) {
        window.select_id(&id);
    }
    window
}

/// What the settings keep of the window.
fn settings_of(window: &Window) -> Settings {
    Settings {
        last_workspace: window.reopen_at().map(std::path::Path::to_path_buf),
        recent: window.recent().to_vec(),
        // The system's language is not written down as a choice: a later start follows
        // the system (a laptop set to English opened in Dutch after one Dutch start).
        lang: window.chosen_lang(),
        light: !window.layout().dark,
        last_dossier: window.selected_id().map(str::to_string),
        me: window.me().map(str::to_string),
        import_columns: window
            .column_choices()
            .iter()
            .map(|c| (c.sheet.clone(), c.headers.clone(), c.columns.clone()))
            .collect(),
    }
}

/// The reference date a window left open past midnight moves to: the new day, when it was
/// following the calendar (a date the user chose stays).
fn next_calendar_day(
    reference: chrono::NaiveDate,
    seen: chrono::NaiveDate,
    now: chrono::NaiveDate,
) -> Option<chrono::NaiveDate> {
    (now != seen && reference == seen).then_some(now)
}

impl PlannerApp {
    /// Restores the settings and opens the workspace.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        path: Option<PathBuf>,
        build: twe_core::about::Build,
    ) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        let today = chrono::Local::now().date_naive();
        let mut window = restore(settings, path, today);
        window.set_build(build);
        window.enable_recovery();
        window.enable_viewer();
        super::recovery::install_panic_hook(twe_core::workspace::journal::default_dir());
        Self {
            watcher: None,
            sweeper: None,
            window,
            calendar_day: today,
        }
    }

    /// Opens the window straight in the presentation.
    #[must_use]
    pub fn presenting(mut self) -> Self {
        self.window.start_presenting();
        self
    }

    /// Opens the system's file dialog the window asked for (blocking, outside the drawing
    /// code) and hands the path back as an action. Where the dialog cannot open (no desktop
    /// portal, no zenity), the window asks for the path itself.
    fn dialog(&mut self, request: Request) {
        let lang = self.window.lang();
        if let Some(why) = dialogs_missing(lang) {
            self.window
                .act(Action::File(File::AskPath { request, why }));
            return;
        }
        let started = std::time::Instant::now();
        let picked = self.pick(&request);
        match picked {
            Some(path) => self
                .window
                .act(Action::File(File::PathChosen(request, path))),
            // Too fast for a person to cancel: the dialog never showed.
            None if started.elapsed() < std::time::Duration::from_millis(250) => {
                let why = lang
                    .pick(
                        "Het bestandsvenster van het systeem opende niet. Typ het pad hier.",
                        "The system's file dialog did not open. Type the path here.",
                    )
                    .to_string();
                self.window
                    .act(Action::File(File::AskPath { request, why }));
            }
            None => {}
        }
    }

    /// The path the user picks in the system's dialog for `request`, if any.
    fn pick(&self, request: &Request) -> Option<PathBuf> {
        let lang = self.window.lang();
        let ws = self.window.workspace();
        let in_workspace = |d: rfd::FileDialog| match ws.root() {
            Some(root) => d.set_directory(root),
            None => d,
        };
        match request {
            Request::ExportCsv(_) => rfd::FileDialog::new()
                .add_filter("CSV", &["csv"])
                .set_file_name(request.default_name(lang))
                .save_file(),
            Request::ExportPng(_) => rfd::FileDialog::new()
                .add_filter("PNG", &["png"])
                .set_file_name(request.default_name(lang))
                .save_file(),
            Request::ExportPdf { name, .. } => rfd::FileDialog::new()
                .add_filter("PDF", &["pdf"])
                .set_file_name(name)
                .save_file(),
            Request::ExportXlsx { name, .. } => rfd::FileDialog::new()
                .add_filter("Excel", &["xlsx"])
                .set_file_name(name)
                .save_file(),
            Request::ExportIcs(_) => rfd::FileDialog::new()
                .add_filter("iCalendar", &["ics"])
                .set_file_name(twe_documents::ics::file_name(ws.today()))
                .save_file(),
            Request::OpenFolder => rfd::FileDialog::new()
                .set_title(lang.pick("Werkmap openen", "Open workspace"))
                .pick_folder(),
            Request::OpenFile => rfd::FileDialog::new()
                .add_filter("RON", &["ron"])
                .pick_file(),
            Request::ImportSpreadsheet => rfd::FileDialog::new()
                .set_title(lang.pick("Spreadsheet importeren", "Import spreadsheet"))
                .add_filter("Excel, CSV", &["xlsx", "csv"])
                .pick_file(),
            Request::ImportInto => rfd::FileDialog::new()
                .set_title(lang.pick(
                    "Nieuwe of lege map voor de dossiers",
                    "New or empty folder for the dossiers",
                ))
                .pick_folder(),
            Request::SaveAs(i) => {
                let name = ws.save_as_name(*i);
                in_workspace(rfd::FileDialog::new())
                    .add_filter("RON", &["ron"])
                    .set_file_name(name)
                    .save_file()
            }
            Request::SaveUnfiled => rfd::FileDialog::new()
                .set_title(lang.pick(
                    "Map voor de nieuwe dossierbestanden",
                    "Folder for the new dossier files",
                ))
                .pick_folder(),
            Request::SaveInto(_) => rfd::FileDialog::new()
                .set_title(lang.pick("Map voor dit dossier", "Folder for this dossier"))
                .pick_folder(),
        }
    }

    /// Carries out what the window passed on.
    fn shell_action(&mut self, ctx: &egui::Context, action: Shell) {
        match action {
            Shell::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            // The slides draw their own large type: the zoom stays as it is, so a
            // presentation's scale never comes back in the next normal start.
            Shell::FullScreen(on) => ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on)),
            Shell::Dialog(request) => self.dialog(request),
        }
    }
}

impl eframe::App for PlannerApp {
    /// While the window is hidden eframe draws nothing and calls only this: a folder being
    /// read is still taken in, once a second.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if ctx.input(|i| i.viewport().visible() == Some(false)) {
            self.window.take_loaded_while_hidden(ctx);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) && self.window.on_close_requested() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        let root = self
            .window
            .workspace()
            .root()
            .map(std::path::Path::to_path_buf);
        if self.watcher.as_ref().map(|w| &w.root) != root.as_ref() {
            self.watcher = root.as_deref().map(|r| Watching::start(r, &ctx));
        }
        if let Some(w) = &mut self.watcher {
            let changed = w.changed();
            if !changed.is_empty() {
                self.window.act(Action::File(File::DiskChanged(changed)));
            }
        }
        if self.sweeper.as_ref().map(|s| &s.root) != root.as_ref() {
            self.sweeper = root.as_deref().map(|r| Sweeper::new(r, &ctx));
            if let Some(why) = self.sweeper.as_ref().and_then(|s| s.failed.as_deref()) {
                let why = twe_core::lang::terminal_safe(why).into_owned();
                self.window
                    .act(Action::Setting(Setting::Status(twe_core::lang::Text::new(
                        format!(
                            "De werkmap wordt niet nagekeken op wijzigingen van anderen ({why}); \
                         herlaad ze zo nodig via Bestand"
                        ),
                        format!(
                            "The workspace folder is not checked for others' changes ({why}); \
                         reopen it from File where needed"
                        ),
                    ))));
            }
        }
        let swept: Vec<Swept> = self
            .sweeper
            .as_ref()
            .map(|s| s.found.try_iter().collect())
            .unwrap_or_default();
        for report in swept {
            self.window.act(match report {
                Swept::Changed(paths) => Action::File(File::DiskChanged(paths)),
                Swept::Unreachable(why) => Action::File(File::FolderUnreachable(why)),
                Swept::Reachable => Action::File(File::FolderReachable),
            });
        }
        // "Today" and "in 3 days" stay true for a window left open overnight; the agenda
        // and the findings that depend on the day follow.
        let now = chrono::Local::now().date_naive();
        if let Some(day) =
            next_calendar_day(self.window.workspace().today(), self.calendar_day, now)
        {
            self.window.act(Action::Edit(Edit::SetToday(day)));
        }
        self.calendar_day = now;
        // An idle window wakes at midnight to move its day (egui repaints only on input).
        let midnight = now
            .succ_opt()
            .and_then(|d| d.and_hms_opt(0, 0, 1))
            .and_then(|t| t.and_local_timezone(chrono::Local).earliest());
        if let Some(m) = midnight {
            let wait = (m - chrono::Local::now()).to_std().unwrap_or_default();
            ctx.request_repaint_after(wait);
        }
        self.window.ui(ui);
        for action in self.window.take_shell_actions() {
            self.shell_action(&ctx, action);
        }
        // A dialog's answer can ask for more (a save that needs a folder): next frame.
        if !self.window.shell_actions().is_empty() {
            ctx.request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &settings_of(&self.window));
    }
}

/// Why the system's file dialog cannot open here, if it cannot: on Linux and the BSDs rfd
/// needs a desktop portal (over the session's D-Bus) or `zenity`.
#[cfg(all(unix, not(target_os = "macos")))]
fn dialogs_missing(lang: Lang) -> Option<String> {
    let portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let zenity = std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join("zenity").is_file()));
    (!portal && !zenity).then(|| {
        lang.pick(
            "Dit systeem heeft geen bestandsvenster (geen desktopportaal, geen zenity). Typ het pad hier.",
            "This system has no file dialog (no desktop portal, no zenity). Type the path here.",
        )
        .to_string()
    })
}

/// Elsewhere the system's file dialog is always there.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn dialogs_missing(_: Lang) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> chrono::NaiveDate {
        twe_core::model::date_serde::parse(s).unwrap()
    }

    /// Who "I" am, the language, the theme, the last dossier and the import's columns survive
    /// a restart, through
    /// the text eframe stores them as.
    #[test]
    fn settings_remember_me_across_a_restart() {
        let mut window = Window::new(Workspace::sample(day("2026-06-01")), Lang::En);
        // The language the system gives is not a choice to keep; one chosen is.
        assert_eq!(settings_of(&window).lang, None);
        window.act(Action::Setting(Setting::SetLang(Lang::En)));
        window.act(Action::Setting(Setting::SetMe(Some(
            "  Sofie   Peeters ".into(),
        ))));
        window.act(Action::Setting(Setting::SetDark(false)));
        window.select_id("MECH-2017-0002");
        let choice = twe_documents::spreadsheet::ColumnChoice {
            sheet: "Instrumenten".into(),
            headers: vec!["dossiernr.".into(), "wie".into()],
            columns: vec!["Dossier".into(), "Cliënt".into()],
        };
        window.set_column_choices(vec![choice.clone()]);
        let stored = ron::to_string(&settings_of(&window)).unwrap();
        let back: Settings = ron::from_str(&stored).unwrap();
        let again = restore(back, None, day("2026-06-02"));
        assert_eq!(again.me(), Some("Sofie Peeters"));
        assert_eq!(again.lang(), Lang::En);
        assert!(!again.layout().dark);
        assert_eq!(again.selected_id(), Some("MECH-2017-0002"));
        assert_eq!(again.column_choices(), [choice]);
        // Settings from before "me" existed still read.
        let old: Settings =
            ron::from_str("(last_workspace: None, recent: [], lang: None, light: false)").unwrap();
        assert_eq!(restore(old, None, day("2026-06-02")).me(), None);
    }

    /// The folder watch wakes the window when a file is written, never when one is only
    /// read (issue 24: another program reading the folder kept the idle window busy).
    #[test]
    fn reading_a_file_of_the_folder_does_not_wake_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.ron");
        std::fs::write(&file, "x").unwrap();
        let ctx = egui::Context::default();
        let Some(watcher) = Watcher::new(dir.path(), &ctx) else {
            // No inotify here (a container without it): nothing to wake.
            return;
        };
        let settle = || std::thread::sleep(std::time::Duration::from_millis(300));
        let frame = |ctx: &egui::Context| {
            let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
            out.textures_delta.clear();
        };
        settle();
        // egui asks for a few frames of its own at the start: let them pass.
        for _ in 0..10 {
            frame(&ctx);
            if !ctx.has_requested_repaint() {
                break;
            }
        }
        assert!(
            !ctx.has_requested_repaint(),
            "quiet before anything happens: {:?}",
            ctx.repaint_causes()
        );
        for _ in 0..3 {
            let _ = std::fs::read(&file).unwrap();
        }
        settle();
        assert!(!ctx.has_requested_repaint(), "three reads: no repaint");
        assert!(watcher.changed().is_empty());
        std::fs::write(&file, "y").unwrap();
        // A loaded machine may take a moment to pass the event on.
        for _ in 0..30 {
            if ctx.has_requested_repaint() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        assert!(ctx.has_requested_repaint(), "a write wakes it");
        assert_eq!(watcher.changed(), vec![file]);
    }

    /// The watch made on its own thread (the window's first frame does not wait for it)
    /// wakes the window once made, and brings a file written after that.
    #[test]
    fn the_watch_made_on_its_own_thread_brings_what_is_written() {
        let dir = tempfile::tempdir().unwrap();
        if Watcher::new(dir.path(), &egui::Context::default()).is_none() {
            // No inotify here (a container without it): nothing to bring.
            return;
        }
        let ctx = egui::Context::default();
        // egui asks for a few frames of its own at the start: let them pass, so that the
        // wake below is the watch's.
        for _ in 0..10 {
            let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
            out.textures_delta.clear();
            if !ctx.has_requested_repaint() {
                break;
            }
        }
        assert!(!ctx.has_requested_repaint());
        let mut watching = Watching::start(dir.path(), &ctx);
        let wait = |what: &mut dyn FnMut() -> bool| {
            for _ in 0..100 {
                if what() {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
        };
        wait(&mut || {
            watching.changed();
            watching.watcher.is_some()
        });
        assert!(watching.watcher.is_some(), "never made");
        assert!(watching.making.is_none());
        assert!(
            ctx.has_requested_repaint(),
            "made: the window is woken to take it"
        );
        let file = dir.path().join("b.ron");
        std::fs::write(&file, "x").unwrap();
        let mut seen = Vec::new();
        wait(&mut || {
            seen.extend(watching.changed());
            !seen.is_empty()
        });
        seen.dedup();
        assert_eq!(seen, vec![file]);
    }

    /// Past midnight the reference date follows the calendar, unless the user chose one.
    #[test]
    fn the_reference_date_follows_the_calendar_past_midnight() {
        let (mon, tue) = (day("2026-11-30"), day("2026-12-01"));
        assert_eq!(next_calendar_day(mon, mon, mon), None);
        assert_eq!(next_calendar_day(mon, mon, tue), Some(tue));
        assert_eq!(next_calendar_day(day("2026-01-01"), mon, tue), None);
    }
}
