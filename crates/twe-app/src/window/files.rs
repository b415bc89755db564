//! Files: saving, opening a workspace (in the background), changes on disk, an unreachable
//! folder, the recovery journal, and the questions about them.

use super::super::action::{File, Pending, Question, Request, Shell};
use super::super::cx::Selection;
use super::super::opening::Opening;
use super::super::recovery::Tick;
use super::Window;
use std::fmt::Write as _;
use std::path::PathBuf;
use twe_core::workspace::{DiskChange, SaveError, Workspace};

impl Window {
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

    pub(super) fn offer_recovery(&mut self) {
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
        if self.quit_confirmed || (self.shared.ws.dirty_count() == 0 && !self.typing_unfinished()) {
            return false;
        }
        self.dialogs.ask(Question::Unsaved(Pending::Quit));
        true
    }

    /// Writes unsaved edits to the recovery journal every few seconds.
    pub(super) fn journal(&mut self, ui: &egui::Ui) {
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

    /// Saving, opening, files changed on disk, and the answers to questions about them.
    pub(super) fn file(&mut self, action: File) {
        // A date field whose text is no date holds saving and closing: saving now would
        // keep the old date while the field shows another.
        if matches!(action, File::Save | File::SaveAll | File::SaveAllThen(_))
            && let Some(why) = self.ctx.as_ref().and_then(super::super::dates::unfinished)
        {
            self.shared.status = Some(why);
            return;
        }
        match action {
            File::Save => self.save_current(),
            File::SaveAll => self.save_all(),
            File::SaveOver(i) => {
                if let Err(e) = self.shared.ws.save_over(i) {
                    self.say(|lang| e.message(lang));
                }
            }
            File::SaveAs(i, path) => self.save_as(i, &path),
            File::SaveUnfiledInto(dir) => self.save_unfiled_into(dir),
            File::Guard(pending) => self.guard(pending),
            File::OpenWorkspace(path) => self.open_workspace(&path),
            File::SaveAllThen(pending) => {
                self.save_all();
                if self.shared.ws.dirty_count() == 0 {
                    self.run_pending(pending);
                }
            }
            File::DiscardThen(pending) => {
                self.recovery.clear();
                self.run_pending(pending);
            }
            File::KeepMine(i) => self.shared.ws.keep_mine(i),
            File::TakeTheirs(i) => {
                self.shared.ws.take_theirs(i);
                self.clamp_selection();
            }
            File::RestoreJournal => {
                let entries = self.recovery.take_offered();
                let restored = self.shared.ws.restore(entries);
                self.say(|lang| restored.message(lang));
            }
            File::DiscardJournal => {
                self.recovery.take_offered();
            }
            // While a folder is read, its files are not all in yet: what changed is looked
            // at once they are.
            File::DiskChanged(paths) => match &mut self.opening {
                Some(o) => o.queued.extend(paths),
                None => self.disk_changed(&paths),
            },
            File::CancelOpening => self.cancel_opening(),
            File::FolderUnreachable(why) => self.unreachable(Some(&why)),
            File::FolderReachable => self.say(|lang| {
                lang.pick(
                    "De werkmap is weer bereikbaar.",
                    "The workspace folder can be reached again.",
                )
                .to_string()
            }),
            File::AskPath { request, why } => {
                let default = self.default_path(&request);
                self.dialogs.ask_path(request, &default, why);
            }
            File::PathChosen(request, path) => self.path_chosen(request, path),
        }
    }

    /// Saves entry `i` to `path` (a dialog's answer).
    pub(super) fn save_as(&mut self, i: usize, path: &std::path::Path) {
        let before = self
            .shared
            .ws
            .entry(i)
            .and_then(|e| e.path().map(std::path::Path::to_path_buf));
        let outside = self
            .shared
            .ws
            .root()
            .is_some_and(|root| path.parent() != Some(root));
        let saved = self.shared.ws.save_as(i, path.to_path_buf());
        // Saying where the dossier now lives: the edits go to the new file from now on,
        // and the old one (if any) stays as it was.
        self.say(|lang| match &saved {
            Ok(()) => {
                let mut said = format!(
                    "{} {}; {}",
                    lang.pick("Bewaard als", "Saved as"),
                    path.display(),
                    lang.pick(
                        "wijzigingen gaan voortaan naar dat bestand",
                        "changes go to that file from now on"
                    )
                );
                if let Some(old) = before.as_ref().filter(|o| **o != path) {
                    said = format!(
                        "{said}; {} {} {}",
                        old.display(),
                        lang.pick("blijft", "stays"),
                        lang.pick("zoals het was", "as it was")
                    );
                }
                if outside {
                    said = format!(
                        "{said} ({})",
                        lang.pick(
                            "buiten de werkmap: bij het volgende openen is het er niet bij",
                            "outside the workspace: it is not in it when next opened"
                        )
                    );
                }
                said
            }
            Err(e) => e.message(lang),
        });
        // A dossier of the sample saved into a folder: that folder is where it lives now,
        // recent, and opened at the next start.
        if let (Ok(()), Some(dir)) = (&saved, path.parent())
            && self.shared.ws.root().is_none()
        {
            self.remember_folder(dir.to_path_buf());
        }
    }

    /// Where a path prompt starts: the workspace folder for dossiers, the documents folder
    /// for exports (figures go to people, not to the shared caseload).
    pub(super) fn default_path(&self, request: &Request) -> PathBuf {
        let ws = &self.shared.ws;
        let lang = self.shared.lang;
        let documents = || {
            dirs::document_dir()
                .or_else(dirs::home_dir)
                .unwrap_or_default()
        };
        let folder = ws
            .root()
            .map_or_else(documents, std::path::Path::to_path_buf);
        match request {
            Request::OpenFolder
            | Request::OpenFile
            | Request::SaveUnfiled
            | Request::SaveInto(_) => folder,
            Request::ImportSpreadsheet => documents(),
            Request::ImportInto => self
                .import
                .as_ref()
                .map_or_else(documents, |p| PathBuf::from(p.folder.trim())),
            Request::SaveAs(i) => {
                let name = ws.save_as_name(*i);
                if name.is_empty() {
                    folder.join(request.default_name(lang))
                } else {
                    folder.join(name)
                }
            }
            Request::ExportCsv(_) | Request::ExportPng(_) => {
                documents().join(request.default_name(lang))
            }
            Request::ExportIcs(_) => documents().join(twe_documents::ics::file_name(ws.today())),
            Request::ExportXlsx { name, .. } | Request::ExportPdf { name, .. } => {
                documents().join(name)
            }
        }
    }

    /// Carries out a request with the path chosen for it.
    pub(super) fn path_chosen(&mut self, request: Request, path: PathBuf) {
        match request {
            Request::OpenFolder | Request::OpenFile => self.open_workspace(&path),
            Request::ImportSpreadsheet => self.preview_import(path),
            Request::ImportInto => {
                if let Some(p) = &mut self.import {
                    p.folder = path.display().to_string();
                }
            }
            Request::SaveAs(i) => self.save_as(i, &path),
            Request::SaveUnfiled => self.save_unfiled_into(path),
            Request::SaveInto(i) => self.save_into(i, path),
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

    /// Saves the open dossier (Ctrl+S).
    pub(super) fn save_current(&mut self) {
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
            // Only the sample has no folder: saving one of its dossiers asks for a folder
            // (its file is named after its id there), as the sample bar says; "Save as"
            // asks for a file.
            Err(SaveError::NeedsPath) => self.for_shell.push(Shell::Dialog(Request::SaveInto(i))),
            Err(SaveError::ChangedOnDisk(_)) => self.dialogs.ask(Question::ChangedOnDisk(i)),
            Err(e) if e.needs_elsewhere() => self.dialogs.ask(Question::SaveElsewhere {
                entry: i,
                why: e.message(self.shared.lang),
            }),
            Err(e) => self.say(|lang| e.message(lang)),
        }
    }

    /// Saves every changed dossier; asks for a folder for those without a file.
    pub(super) fn save_all(&mut self) {
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
                e @ (SaveError::Failed(_)
                | SaveError::Locked(..)
                | SaveError::OthersFile(_)
                | SaveError::NotRon(_)) => {
                    self.say(|lang| e.message(lang));
                }
            }
        }
        if needs_folder {
            self.for_shell.push(Shell::Dialog(Request::SaveUnfiled));
        } else if self.dialogs.question().is_none() {
            self.say(|lang| lang.pick("Alles bewaard", "All saved").to_string());
        }
    }

    /// Saves the dossiers without a file into `dir` (the folder a dialog gave).
    pub(super) fn save_unfiled_into(&mut self, dir: PathBuf) {
        let made = make_typed_folder(&dir);
        let problems = self.shared.ws.save_unfiled_into(&dir);
        self.said_saved_into(dir, made, problems.first().map(|(_, e)| e));
    }

    /// Saves entry `i`, a dossier of the sample, into `dir` (the folder a dialog gave), as
    /// a new file named after its id; the sample stays open, and `dir` is where the next
    /// start opens.
    pub(super) fn save_into(&mut self, i: usize, dir: PathBuf) {
        let made = make_typed_folder(&dir);
        let saved = self.shared.ws.save_into(i, &dir);
        self.said_saved_into(dir, made, saved.as_ref().err());
    }

    /// Says how saving into `dir` went (`made`: the folder was made for it), and keeps
    /// `dir` as the recent folder when it went well.
    fn said_saved_into(&mut self, dir: PathBuf, made: bool, problem: Option<&SaveError>) {
        self.say(|lang| match problem {
            None if made => format!(
                "{} {} {}",
                lang.pick("Map aangemaakt en bewaard in", "Folder made and saved in"),
                dir.display(),
                lang.pick(
                    "(open ze met Bestand: Map openen)",
                    "(open it with File: Open folder)"
                )
            ),
            None => format!("{} {}", lang.pick("Bewaard in", "Saved in"), dir.display()),
            Some(e) => e.message(lang),
        });
        if problem.is_none() {
            self.remember_folder(dir);
        }
    }

    /// Whether a date field on screen holds text that is no date.
    fn typing_unfinished(&self) -> bool {
        self.ctx
            .as_ref()
            .and_then(super::super::dates::unfinished)
            .is_some()
    }

    /// Does `pending` now, or first asks about unsaved changes.
    pub(super) fn guard(&mut self, pending: Pending) {
        if self.shared.ws.dirty_count() > 0 || self.typing_unfinished() {
            self.dialogs.ask(Question::Unsaved(pending));
        } else {
            self.run_pending(pending);
        }
    }

    pub(super) fn run_pending(&mut self, pending: Pending) {
        match pending {
            Pending::Quit => {
                // Clean: the journal goes. Discarded: the caller removed it already.
                if self.shared.ws.dirty_count() == 0 {
                    self.recovery.clear();
                }
                self.quit_confirmed = true;
                self.for_shell.push(Shell::Quit);
            }
            Pending::Open(path) => self.open_workspace(&path),
            Pending::Dialog(r) => self.for_shell.push(Shell::Dialog(r)),
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
    pub(super) fn poll_opening(&mut self, ctx: &egui::Context) {
        // Three quarters of the time between the last two frames (4 to 150 ms): the hand-over
        // keeps pace with the drawing whatever the renderer (a user at work draws every
        // few ms, and the hand-over takes a few ms a frame; left alone, the window looks
        // once a second and the hand-over takes up to 150 ms of it), and since that time
        // includes the last hand-over, it cannot feed itself into ever longer frames.
        let frame = ctx.input(|i| i.unstable_dt);
        let budget = std::time::Duration::from_secs_f32((frame * 0.75).clamp(0.004, 0.15));
        self.poll_opening_for(ctx, budget);
    }

    /// Takes what a folder being read has ready while the window is hidden (minimised, or
    /// covered): nothing is drawn then, so the hand-over may take the longest a frame may
    /// (150 ms a look). Else the reading, which waits for the window when it is far ahead,
    /// would stop until the window is shown again.
    pub fn take_loaded_while_hidden(&mut self, ctx: &egui::Context) {
        self.poll_opening_for(ctx, std::time::Duration::from_millis(150));
    }

    /// [`Self::poll_opening`] for up to `budget`.
    fn poll_opening_for(&mut self, ctx: &egui::Context, budget: std::time::Duration) {
        let Some(opening) = &mut self.opening else {
            return;
        };
        let polled = opening.poll(&mut self.shared.ws, budget);
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
            // The next batches are a moment away: look again, even without input, once a
            // second, not every frame: on a software renderer a frame costs as much as
            // reading thousands of files, and the cores are the reading's. Input still draws
            // at once.
            ctx.request_repaint_after(LOADING_REPAINT);
            return;
        }
        let Some(opening) = self.opening.take() else {
            return;
        };
        self.shared.loading = None;
        let path = opening.path().to_path_buf();
        if let Some(why) = self.shared.ws.could_not_open(&path) {
            // Nothing there to work in (the folder is not there, or may not be read): the
            // workspace from before stays, and the path is not remembered.
            let why = why.clone();
            self.back_to(opening);
            self.say(move |lang| {
                format!(
                    "{}; {}",
                    why.display(lang),
                    lang.pick(
                        "de map is niet geopend en de vorige werkmap blijft open",
                        "the folder was not opened and the previous workspace stays open",
                    )
                )
            });
            return;
        }
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
        self.remember_folder(path);
        if !opening.queued.is_empty() {
            self.file(File::DiskChanged(opening.queued));
        }
    }

    /// Stops opening a folder and goes back to the workspace from before.
    pub(super) fn cancel_opening(&mut self) {
        let Some(opening) = self.opening.take() else {
            return;
        };
        let path = opening.path().to_path_buf();
        self.back_to(opening);
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

    /// Stops `opening` and goes back to the workspace from before it, its first dossier
    /// shown.
    fn back_to(&mut self, opening: crate::opening::Opening) {
        opening.cancel(&mut self.shared.ws);
        self.shared.loading = None;
        self.shared.sel = Selection {
            entry: (!self.shared.ws.is_empty()).then_some(0),
            ..Default::default()
        };
        self.list.reset();
        self.timeline.reset();
    }

    /// Whether a folder is still being opened.
    pub fn is_opening(&self) -> bool {
        self.opening.is_some()
    }

    /// Says that the workspace folder cannot be reached, and that nothing is lost: the open
    /// dossiers stay, and nothing reads as deleted.
    pub(super) fn unreachable(&mut self, why: Option<&str>) {
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
    pub(super) fn disk_changed(&mut self, paths: &[PathBuf]) {
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
}

/// Removes the leftovers of killed saves in the workspace's folder.
pub(super) fn clean_leftovers(ws: &Workspace) {
    if let Some(root) = ws.root() {
        twe_core::files::clean_stale_temps(root, twe_core::workspace::loading::LEFTOVER_AGE);
    }
}

/// Makes a folder typed that does not exist yet (its parent must exist: a typo in the parent
/// is said by the save, not built); whether it was made. The save failed with a cut message
/// before.
fn make_typed_folder(dir: &std::path::Path) -> bool {
    !dir.exists()
        && dir.parent().is_some_and(std::path::Path::is_dir)
        && twe_core::files::create_dir(dir).is_ok()
}

/// How often the window looks at a folder being read, without input: the progress moves
/// each second (a quarter of a million dossiers on a software renderer took a minute with a
/// frame every 30 ms, 71 % of the CPU in the rasteriser; 6–8 s now, the reading waiting
/// for the window when 32 batches ahead: BENCHMARKS.md).
const LOADING_REPAINT: std::time::Duration = std::time::Duration::from_secs(1);
