//! An open workspace: its dossiers with their findings, the edits made to them and what is
//! unsaved. No GUI here: the window drives it, and tests and benchmarks drive it directly.
//!
//! Its parts: [`history`] (undo and redo), `tallies` (the counts over all dossiers),
//! [`journal`] (unsaved work kept against a crash), [`disk`] (files changed outside the
//! program) and [`save`]. Every change to an entry goes through one function,
//! [`Workspace::update`]: it re-checks that dossier only, moves the tallies by its
//! difference and decides whether it is unsaved, so the cost of an edit does not grow with
//! the workspace and no caller sets "dirty" by hand.

pub mod disk;
pub mod history;
pub mod journal;
pub mod loading;
pub mod locks;
pub mod save;
pub mod sweep;
mod tallies;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod write_tests;

pub use disk::DiskChange;
pub use history::Deletion;
pub use history::{EditKey, MAX_UNDO};
pub use journal::{Journal, JournalEntry, JournalPath, Orphan, Restored};
pub use locks::LockInfo;
pub use save::SaveError;

use crate::files::{DiskStamp, LoadError, LoadReport, LoadedDossier};
use crate::model::Dossier;
use crate::rules::agenda;
use crate::rules::{CheckContext, Checked, Finding, SeverityCounts, YearMode, review};
use crate::stats::{DossierStats, ProvinceYearTable};
use chrono::NaiveDate;
use history::History;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tallies::Tallies;

/// One dossier of the workspace.
#[derive(Clone, Debug)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "four states of an entry that vary apart: unsaved, its lock held, deleted, read-only"
)]
pub struct Entry {
    /// The file it lives in; `None` until it is first saved (new or sample dossiers).
    path: Option<PathBuf>,
    /// Its name in lists and dialogs when that is not its file's name (a dossier without a
    /// file, a file name that is not UTF-8): kept once, in the path, for the rest (a
    /// quarter of a million names took 10 MB twice).
    name: Option<Box<str>>,
    /// The dossier as edited. Shared with `saved` until the first edit: a loaded
    /// workspace holds each dossier once, not twice (a quarter of a million dossiers took
    /// 120 MB more).
    dossier: Arc<Dossier>,
    /// The dossier as last loaded or saved, to tell whether it has unsaved changes.
    saved: Option<Arc<Dossier>>,
    /// Whether `dossier` differs from `saved`: set only by [`Workspace::update`], so lists
    /// need not compare.
    dirty: bool,
    /// Its findings, kept current by every change. A boxed slice, not the checker's
    /// `SmallVec`: most dossiers have none or one, and the inline room for two made each of
    /// a quarter of a million entries 136 bytes larger.
    findings: Box<[Finding]>,
    /// Its agenda on the workspace's reference date, kept current with the findings (boxed
    /// for the same reason).
    agenda: Box<[agenda::Item]>,
    /// Their tally, for the list.
    counts: SeverityCounts,
    /// The file on disk when last loaded or saved.
    disk: Option<DiskStamp>,
    /// Whether this window holds the lock file of the dossier's file (while it is unsaved).
    held_lock: bool,
    /// Another window's lock on the dossier's file: it is being edited elsewhere.
    /// Boxed: rare, and 72 bytes in every entry otherwise.
    locked_by: Option<Box<LockInfo>>,
    /// Deleted (its file is gone): kept in memory only so that undo can bring it back, and
    /// left out of every list, count and save.
    deleted: bool,
    /// This user may not write its file (as last looked at: when it was opened, or an edit
    /// was refused): it is shown read-only, and a copy can be worked on.
    read_only: bool,
}

/// Why a dossier was not deleted.
#[derive(Debug)]
pub enum DeleteError {
    /// Another window edits it.
    Locked(LockInfo),
    /// This user may not write its file: not theirs to delete either.
    ReadOnly(PathBuf),
    /// Its file could not be removed.
    Io(PathBuf, std::io::Error),
}

impl DeleteError {
    /// What happened, in `lang`, naming the file.
    pub fn message(&self, name: &str, lang: crate::lang::Lang) -> String {
        match self {
            DeleteError::Locked(info) => format!(
                "{name}: {}; {}",
                info.describe(lang),
                lang.pick("niet verwijderd", "not deleted")
            ),
            DeleteError::ReadOnly(p) => format!(
                "{}: {}",
                p.display(),
                lang.pick(
                    "alleen-lezen voor u: niet verwijderd",
                    "read-only for you: not deleted"
                )
            ),
            DeleteError::Io(p, e) => format!(
                "{}: {} ({})",
                p.display(),
                lang.pick("kon niet verwijderd worden", "could not be deleted"),
                crate::files::io_message(e, lang)
            ),
        }
    }
}

/// Why an edit was refused.
#[derive(Debug)]
pub enum EditRefused {
    /// Another window edits the dossier (its lock file says who, where, since when).
    Locked(LockInfo),
    /// The lock file could not be made (a read-only share, a full disk): editing would
    /// let two windows change the dossier at once.
    LockFailed(PathBuf, std::io::Error),
    /// This user may not write the dossier's file: it is open read-only, as `LibreOffice`
    /// opens such a file; a copy can be worked on and saved elsewhere.
    ReadOnly(PathBuf),
    /// The dossier after the edit would go past a bound the loader holds files to: its file
    /// would never open again.
    Bounds(crate::model::bounds::Exceeded),
}

impl EditRefused {
    /// What happened, in `lang`, naming the dossier's file and what to do.
    pub fn message(&self, name: &str, lang: crate::lang::Lang) -> String {
        match self {
            EditRefused::Locked(info) => format!(
                "{name}: {}; {}",
                info.describe(lang),
                lang.pick(
                    "open een kopie om toch te werken",
                    "open a copy to work on it anyway"
                )
            ),
            EditRefused::LockFailed(p, e) => format!(
                "{}: {} ({})",
                locks::lock_path(p).display(),
                lang.pick(
                    "het slot kon niet gemaakt worden, dus de wijziging is niet gedaan",
                    "the lock could not be made, so the change was not made"
                ),
                crate::files::io_message(e, lang)
            ),
            EditRefused::ReadOnly(p) => format!(
                "{}: {}",
                p.display(),
                lang.pick(
                    "alleen-lezen voor u: u mag dit bestand niet wijzigen. Open een kopie en bewaar die elders",
                    "read-only for you: you may not write this file. Open a copy and save it elsewhere"
                )
            ),
            EditRefused::Bounds(e) => format!(
                "{name}: {}: {}",
                lang.pick("niet gewijzigd", "not changed"),
                e.message(lang)
            ),
        }
    }
}

/// The file name of `path`, where it is UTF-8: an entry's name unless it keeps its own.
fn file_name(path: Option<&Path>) -> Option<&str> {
    path?.file_name()?.to_str()
}

impl Entry {
    /// Takes the entry out of its file, keeping the file's name as its own (a deleted
    /// dossier brought back without its file is still called by it).
    fn clear_file(&mut self) {
        if self.name.is_none() {
            self.name = file_name(self.path.as_deref()).map(Into::into);
        }
        self.path = None;
    }

    /// Puts the entry in the file at `path`, named after it.
    fn set_file(&mut self, path: PathBuf) {
        self.name = path
            .file_name()
            .filter(|n| n.to_str().is_none())
            .map(|n| n.to_string_lossy().into());
        self.path = Some(path);
    }

    /// An entry whose findings are current for `dossier`, called `name` (none: its file's
    /// name).
    fn new(
        path: Option<PathBuf>,
        name: Option<String>,
        dossier: Arc<Dossier>,
        saved: Option<Arc<Dossier>>,
        checked: Checked,
        disk: Option<DiskStamp>,
    ) -> Self {
        let Checked { findings, agenda } = checked;
        let name = name
            .filter(|n| file_name(path.as_deref()) != Some(n.as_str()))
            .map(Into::into);
        let mut entry = Entry {
            path,
            name,
            dossier,
            saved,
            dirty: false,
            counts: SeverityCounts::of(&findings),
            findings: findings.into_vec().into_boxed_slice(),
            agenda: agenda.into_vec().into_boxed_slice(),
            disk,
            held_lock: false,
            locked_by: None,
            deleted: false,
            read_only: false,
        };
        entry.settle();
        entry
    }

    /// The entry of a dossier read from a file (or from the sample, `from_files` false: it
    /// has no file yet, but is not "unsaved" until it is edited).
    fn loaded(loaded: LoadedDossier, checked: Checked, from_files: bool) -> Self {
        let LoadedDossier {
            path,
            dossier,
            stamp: disk,
        } = loaded;
        // Made only where the file's own name will not do (250,000 names made and thrown
        // away otherwise).
        let own = (!from_files || file_name(Some(&path)).is_none()).then(|| {
            path.file_name()
                .map_or_else(|| dossier.id.clone(), |n| n.to_string_lossy().into_owned())
        });
        let dossier = Arc::new(dossier);
        let saved = Some(Arc::clone(&dossier));
        let path = from_files.then_some(path);
        Entry::new(path, own, dossier, saved, checked, disk)
    }

    /// Takes the findings and agenda of its dossier as it is now.
    fn set_checked(&mut self, checked: Checked) {
        self.counts = SeverityCounts::of(&checked.findings);
        self.findings = checked.findings.into_vec().into_boxed_slice();
        self.agenda = checked.agenda.into_vec().into_boxed_slice();
    }

    /// Decides whether the entry is unsaved: its dossier differs from the version last
    /// loaded or saved, or it has none. The only code that sets `dirty`.
    fn settle(&mut self) {
        // The same shared dossier needs no comparing.
        self.dirty = match &self.saved {
            Some(saved) => !Arc::ptr_eq(saved, &self.dossier) && **saved != *self.dossier,
            None => true,
        };
    }

    /// The file it lives in; `None` until it is first saved.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Its name in lists and dialogs: the file name, or for a new dossier its id.
    pub fn name(&self) -> &str {
        self.name
            .as_deref()
            .or_else(|| file_name(self.path.as_deref()))
            .unwrap_or_default()
    }

    /// The dossier as edited.
    pub fn dossier(&self) -> &Dossier {
        &self.dossier
    }

    /// Its findings, current with the dossier.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Its agenda on the workspace's reference date, sorted by due date.
    pub fn agenda(&self) -> &[agenda::Item] {
        &self.agenda
    }

    /// How many findings of each severity it has.
    pub fn counts(&self) -> SeverityCounts {
        self.counts
    }

    /// Whether the dossier differs from its file (or has no file yet).
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Whether its file, as last loaded, holds comments that saving would drop.
    pub fn file_has_comments(&self) -> bool {
        self.disk.is_some_and(|d| d.comments)
    }

    /// Whether it was deleted (undo brings it back).
    pub fn is_deleted(&self) -> bool {
        self.deleted
    }

    /// Whether this user may not write its file: it is shown read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Another window's lock on the dossier's file, if it is being edited elsewhere.
    pub fn locked_by(&self) -> Option<&LockInfo> {
        self.locked_by.as_deref()
    }
}

/// An open workspace.
#[derive(Debug)]
pub struct Workspace {
    /// The folder it was opened from; `None` for the built-in sample.
    root: Option<PathBuf>,
    /// The dossiers, in load order.
    entries: Vec<Entry>,
    /// Files that did not load; they are never written to.
    load_errors: Vec<LoadError>,
    /// The reference date of the checks.
    today: NaiveDate,
    /// Trajectory or calendar years for the two-a-year target.
    year_mode: YearMode,
    /// Edits that can be undone and redone.
    history: History,
    /// Counts over every entry, kept current per change.
    tallies: Tallies,
    /// Bumped by every change, so views can cache what they derive from the workspace.
    generation: u64,
    /// How many of those bumps were entries added at the end (see
    /// [`Workspace::change_generation`]).
    appended: u64,
    /// Whether edits take the dossier's lock file first (a workspace opened from files).
    locking: bool,
    /// The figures of the statistics after the disclosure gate, for the generation they
    /// were made at: every view reads the same, made once per change.
    figures: std::sync::Mutex<Option<(u64, std::sync::Arc<crate::stats::Figures>)>>,
}

impl Drop for Workspace {
    /// Closing the workspace gives back every lock this window holds: its unsaved edits
    /// were saved, discarded, or are in the journal.
    fn drop(&mut self) {
        for e in &self.entries {
            if let (true, Some(path)) = (e.held_lock, &e.path) {
                locks::release(path);
            }
        }
    }
}

/// Where a new workspace's generations start: never where another's did, so a view's cache
/// keyed on a generation cannot take one workspace for another (a cached quick fix holds a
/// whole dossier).
fn fresh_generation() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1 << 40, std::sync::atomic::Ordering::Relaxed)
}

impl Workspace {
    /// A workspace of loaded dossiers, each checked once.
    pub fn new(root: Option<PathBuf>, report: LoadReport, today: NaiveDate) -> Self {
        let mut ws = Workspace {
            root,
            entries: Vec::with_capacity(report.dossiers.len()),
            load_errors: report.errors,
            today,
            year_mode: YearMode::Trajectory,
            history: History::default(),
            tallies: Tallies::new(today),
            generation: fresh_generation(),
            appended: 0,
            locking: false,
            figures: std::sync::Mutex::default(),
        };
        ws.locking = ws.root.is_some();
        // Every dossier is checked once, on both cores; from then on only edits re-check.
        let ctx = ws.ctx();
        let checked = crate::rules::review_all(report.dossiers.iter().map(|d| &d.dossier), &ctx);
        ws.append_checked(report.dossiers, checked);
        ws.scan_locks();
        ws
    }

    /// A workspace of a few dossiers of the folder at `root`, read by the caller (a part
    /// of a folder read a part at a time): as [`Workspace::new`], but their locks looked up
    /// at their own names rather than by listing their folders, which may be far larger.
    pub fn of_some(root: PathBuf, dossiers: Vec<LoadedDossier>, today: NaiveDate) -> Self {
        let mut ws = Self::new(None, LoadReport::default(), today);
        ws.root = Some(root);
        ws.locking = true;
        let ctx = ws.ctx();
        let checked = crate::rules::review_all(dossiers.iter().map(|d| &d.dossier), &ctx);
        ws.append_checked(dossiers, checked);
        let found = locks::look_up(ws.entries.iter().filter_map(|e| e.path.as_deref()));
        ws.mark_locked(found);
        ws
    }

    /// An empty workspace for the folder at `root` whose dossiers a [`loading::Loader`]
    /// brings in batches ([`Workspace::append`]).
    pub fn opening(root: PathBuf, today: NaiveDate) -> Self {
        let mut ws = Self::new(Some(root), LoadReport::default(), today);
        ws.locking = true;
        ws
    }

    /// Adds a batch of loaded dossiers (their entries made and checked on the loader's
    /// thread); a batch checked for another reference date or year mode (changed while it
    /// loaded) is checked again here.
    pub fn append(&mut self, batch: loading::Batch) {
        let loading::Batch {
            mut entries,
            errors,
            checked_for,
        } = batch;
        if checked_for != (self.today, self.year_mode) {
            let ctx = self.ctx();
            let checked = crate::rules::review_all(entries.iter().map(|e| &*e.dossier), &ctx);
            for (e, checked) in entries.iter_mut().zip(checked) {
                e.set_checked(checked);
            }
        }
        self.entries.reserve(entries.len());
        for e in entries {
            self.push(e);
        }
        self.load_errors.extend(errors);
    }

    /// Why the folder or file at `path` could not be opened at all, if it could not: nothing
    /// was read and `path` itself could not be (it is not there, may not be read, or is no
    /// folder or file). An empty folder opens (to start a workspace in), and so does a file
    /// with mistakes (they are shown).
    pub fn could_not_open(&self, path: &Path) -> Option<&LoadError> {
        if !self.is_empty() {
            return None;
        }
        self.load_errors.iter().find(|e| {
            e.path == path
                && matches!(
                    e.kind,
                    crate::files::LoadErrorKind::Io(..) | crate::files::LoadErrorKind::NotAFile
                )
        })
    }

    /// The end of a load: its last errors and the ids its files repeat join the others,
    /// sorted by path, and the files other windows hold (the loader read their lock files)
    /// are marked.
    pub fn finish_loading(&mut self, done: loading::Done) {
        self.load_errors.extend(done.errors);
        // A later file with an earlier one's id is reported as a folder read in one go
        // reports it.
        self.find_repeated_ids_again();
        self.mark_locked(done.locks);
    }

    /// Makes room for `more` entries at once (a loader knows how many files are coming):
    /// growing a quarter of a million entries step by step copied them again and again.
    pub fn reserve(&mut self, more: usize) {
        self.entries.reserve(more);
    }

    /// Adds loaded dossiers with their findings.
    fn append_checked(&mut self, dossiers: Vec<LoadedDossier>, checked: Vec<Checked>) {
        let from_files = self.root.is_some();
        self.entries.reserve(dossiers.len());
        for (loaded, checked) in dossiers.into_iter().zip(checked) {
            self.push(Entry::loaded(loaded, checked, from_files));
        }
    }

    /// Reads the lock files that stand beside the dossiers: one listing per folder, and only
    /// the lock files found are read.
    fn scan_locks(&mut self) {
        if !self.locking {
            return;
        }
        let found = locks::scan(self.entries.iter().filter_map(|e| e.path.as_deref()));
        self.mark_locked(found);
    }

    /// Marks the entries whose files another window holds, from a [`locks::scan`].
    fn mark_locked(&mut self, found: Vec<(PathBuf, LockInfo)>) {
        if found.is_empty() {
            return;
        }
        let mut by_path: std::collections::HashMap<PathBuf, LockInfo> = found.into_iter().collect();
        for e in &mut self.entries {
            if let Some(info) = e.path.as_ref().and_then(|p| by_path.remove(p)) {
                e.locked_by = Some(Box::new(info));
            }
        }
        self.generation += 1;
    }

    /// Takes the lock of entry `i`'s file before its first unsaved edit, if this workspace
    /// locks; an entry without a file needs none.
    fn lock_for_edit(&mut self, i: usize) -> Result<(), EditRefused> {
        let locking = self.locking;
        let Some(e) = self.entries.get_mut(i) else {
            return Ok(());
        };
        let Some(path) = e.path.clone().filter(|_| locking && !e.held_lock) else {
            return Ok(());
        };
        // A file this user may not write is opened read-only: not even its lock is taken.
        if crate::files::read_only(&path) {
            if !e.read_only {
                e.read_only = true;
                self.generation += 1;
            }
            return Err(EditRefused::ReadOnly(path));
        }
        match locks::acquire(&path) {
            Ok(()) => {
                e.held_lock = true;
                e.locked_by = None;
                Ok(())
            }
            Err(locks::LockError::Held(info)) => {
                e.locked_by = Some(Box::new(info.clone()));
                self.generation += 1;
                Err(EditRefused::Locked(info))
            }
            Err(locks::LockError::Io(err)) => Err(EditRefused::LockFailed(path, err)),
        }
    }

    /// Looks again whether this user may write entry `i`'s file (the window does when it
    /// opens the dossier): one that may not be written is shown read-only.
    pub fn check_writable(&mut self, i: usize) {
        let Some(e) = self.entries.get_mut(i) else {
            return;
        };
        let read_only = e.path.as_deref().is_some_and(crate::files::read_only);
        if e.read_only != read_only {
            e.read_only = read_only;
            self.generation += 1;
        }
    }

    /// Takes over the stale lock of entry `i`'s file (the user was asked).
    pub fn take_over_lock(&mut self, i: usize) -> Result<(), EditRefused> {
        let Some(e) = self.entries.get_mut(i) else {
            return Ok(());
        };
        let (Some(path), Some(stale)) = (e.path.clone(), e.locked_by.as_deref().cloned()) else {
            return Ok(());
        };
        match locks::take_over(&path, &stale) {
            Ok(()) => {
                e.held_lock = true;
                e.locked_by = None;
                self.generation += 1;
                Ok(())
            }
            Err(locks::LockError::Held(info)) => {
                e.locked_by = Some(Box::new(info.clone()));
                Err(EditRefused::Locked(info))
            }
            Err(locks::LockError::Io(err)) => Err(EditRefused::LockFailed(path, err)),
        }
    }

    /// Whether edits take lock files (a workspace opened from files); off for tools that
    /// never leave a dossier unsaved.
    pub fn set_locking(&mut self, on: bool) {
        self.locking = on;
    }

    /// The built-in sample workspace: its dossiers have no file until saved.
    pub fn sample(today: NaiveDate) -> Self {
        Self::new(None, crate::sample::load(), today)
    }

    /// Loads a folder or a file.
    pub fn open(path: &Path, today: NaiveDate) -> Self {
        // Absolute, so that `open x.ron` has a folder (its journal, its sweeps, its new
        // files) rather than an empty path.
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let report = crate::files::load_paths(std::slice::from_ref(&path));
        let root = if path.is_dir() {
            path.clone()
        } else {
            path.parent()
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        };
        Self::new(Some(root), report, today)
    }

    /// The folder it was opened from; `None` for the built-in sample.
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// The dossiers, in load order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Entry `i`, if there is one.
    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i)
    }

    /// How many entries it holds, deleted ones included: indices run below this.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The file name "Save as" proposes for entry `i`: its file's, or for a dossier never
    /// saved, one made from its id as it is now (a new dossier whose id was changed was
    /// proposed its first id's name).
    pub fn save_as_name(&self, i: usize) -> String {
        let Some(e) = self.entries.get(i) else {
            return String::new();
        };
        if e.path.is_some() {
            return e.name().to_string();
        }
        let mut taken = self
            .root
            .as_deref()
            .map(crate::files::names::taken_in)
            .unwrap_or_default();
        crate::files::names::file_name_for(&e.dossier.id, &mut taken)
    }

    /// An id for a copy of dossier `id`: `ID-kopie-N` with the first N no dossier of the
    /// workspace has.
    pub fn copy_id(&self, id: &str) -> String {
        let ids: std::collections::HashSet<&str> =
            self.entries.iter().map(|e| e.dossier.id.as_str()).collect();
        crate::model::copy_id(id, ids.len(), |c| ids.contains(c))
    }

    /// How many dossiers it holds (deleted ones left out): what people are told.
    pub fn live_count(&self) -> usize {
        self.tallies.live
    }

    /// Files that did not load; they are never written to.
    pub fn load_errors(&self) -> &[LoadError] {
        &self.load_errors
    }

    /// The problems of the file at `path` (a dossier that loaded can have one: an id an
    /// earlier file has too). Few: looked through, not indexed.
    pub fn load_errors_of<'a>(&'a self, path: &'a Path) -> impl Iterator<Item = &'a LoadError> {
        self.load_errors.iter().filter(move |e| e.path == path)
    }

    /// The context the dossiers are checked in.
    pub fn ctx(&self) -> CheckContext<'static> {
        let mut ctx = CheckContext::new(self.today);
        ctx.year_mode = self.year_mode;
        ctx
    }

    /// Adds an entry whose findings are already current; returns its index.
    fn push(&mut self, entry: Entry) -> usize {
        self.tallies.add(&entry);
        self.entries.push(entry);
        self.generation += 1;
        self.appended += 1;
        self.entries.len() - 1
    }

    /// The one place an entry changes: its old contribution leaves the tallies, `change`
    /// alters it (its dossier, saved version, file or name), its findings are re-checked,
    /// whether it is unsaved follows from its dossier and saved version, and its new
    /// contribution joins the tallies. A check takes about a microsecond, so even a save
    /// re-checks rather than track what `change` touched.
    fn update(&mut self, i: usize, change: impl FnOnce(&mut Entry)) {
        let ctx = self.ctx();
        let Some(entry) = self.entries.get_mut(i) else {
            return;
        };
        self.tallies.remove(entry);
        let path_before = entry.path.clone();
        change(entry);
        entry.set_checked(review(&entry.dossier, &ctx));
        entry.settle();
        // A lock is held only while there is something unsaved, and only on the file the
        // entry has now.
        if entry.held_lock && (!entry.dirty || entry.path != path_before) {
            if let Some(p) = &path_before {
                locks::release(p);
            }
            entry.held_lock = false;
        }
        self.tallies.add(entry);
        self.generation += 1;
    }

    /// The reference date.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The year mode of the two-a-year target.
    pub fn year_mode(&self) -> YearMode {
        self.year_mode
    }

    /// Changes the reference date or year mode: every dossier is re-checked, once.
    pub fn set_context(&mut self, today: NaiveDate, year_mode: YearMode) {
        if today == self.today && year_mode == self.year_mode {
            return;
        }
        self.today = today;
        self.year_mode = year_mode;
        self.generation += 1;
        let ctx = self.ctx();
        // Every dossier is re-checked, on both cores, as when the workspace opened.
        let checked = crate::rules::review_all(self.entries.iter().map(|e| &*e.dossier), &ctx);
        // Every entry leaves the tallies as it was counted, before the week they count
        // items in moves with the reference date.
        for e in &self.entries {
            self.tallies.remove(e);
        }
        self.tallies.week_end = tallies::week_end(today);
        for (e, checked) in self.entries.iter_mut().zip(checked) {
            e.set_checked(checked);
            self.tallies.add(e);
        }
    }

    /// A number that changes whenever anything in the workspace changes except entries
    /// added at the end: a view that keeps what it derived from the entries so far needs to
    /// look only at the new ones while a folder loads (or a dossier is added).
    pub fn change_generation(&self) -> u64 {
        self.generation - self.appended
    }

    /// A number that changes whenever anything in the workspace does.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Findings of the whole workspace per severity.
    pub fn totals(&self) -> SeverityCounts {
        self.tallies.totals
    }

    /// The counsellors the dossiers name, sorted, each once (case and spacing aside), in
    /// the spelling first met.
    pub fn counsellors(&self) -> impl Iterator<Item = &str> {
        self.tallies
            .counsellors
            .values()
            .map(|(name, _)| name.as_str())
    }

    /// How many agenda items are due this ISO week (from the reference date to Sunday).
    pub fn due_this_week(&self) -> usize {
        self.tallies.due_this_week
    }

    /// The items due by the end of this ISO week in the entries `rows` (a filtered list):
    /// O(rows), for a view that keeps it per change of its rows.
    pub fn due_this_week_of(&self, rows: &[usize]) -> usize {
        rows.iter()
            .filter_map(|&i| self.entries.get(i))
            .map(|e| self.tallies.due_by_week_end(e))
            .sum()
    }

    /// Every agenda item of the dossiers that `keep` keeps, with its entry's index, sorted
    /// by due date, then dossier id (DOMAIN.md). O(items), each entry's agenda being kept
    /// current per edit.
    pub fn agenda(&self, keep: impl Fn(&Entry) -> bool) -> Vec<(usize, agenda::Item)> {
        Self::sorted_agenda(self.entries.iter().enumerate().filter(|(_, e)| keep(e)))
    }

    /// [`Workspace::agenda`] of the entries `rows` (a list's rows, in any order).
    pub fn agenda_of(&self, rows: &[usize]) -> Vec<(usize, agenda::Item)> {
        Self::sorted_agenda(rows.iter().filter_map(|&i| Some((i, self.entries.get(i)?))))
    }

    fn sorted_agenda<'a>(
        entries: impl Iterator<Item = (usize, &'a Entry)>,
    ) -> Vec<(usize, agenda::Item)> {
        let mut keyed: Vec<(NaiveDate, &str, agenda::Kind, usize, agenda::Item)> = entries
            .filter(|(_, e)| !e.deleted)
            .flat_map(|(i, e)| {
                e.agenda
                    .iter()
                    .map(move |item| (item.due.day, e.dossier.id.as_str(), item.kind, i, *item))
            })
            .collect();
        // The keys beside the items: comparing through the entries was most of the time.
        keyed.sort_unstable_by(|a, b| (a.0, a.1, a.2, a.3).cmp(&(b.0, b.1, b.2, b.3)));
        keyed.into_iter().map(|(.., i, item)| (i, item)).collect()
    }

    /// How many dossiers have unsaved changes.
    pub fn dirty_count(&self) -> usize {
        self.tallies.dirty
    }

    /// What the dossiers tell beyond the published table.
    pub fn dossier_stats(&self) -> &DossierStats {
        &self.tallies.dossier_stats
    }

    /// The province × year table of the workspace, by the trajectories' start year (the
    /// statistics' year).
    pub fn stats(&self) -> &ProvinceYearTable {
        &self.tallies.stats
    }

    /// Every figure of the statistics from the dossiers, after the disclosure gate (counts
    /// from 1 to 4 hidden, decision 9): what every view and export of the workspace shows.
    /// Made once per change of the workspace, from the tallies it keeps per edit.
    pub fn figures(&self) -> std::sync::Arc<crate::stats::Figures> {
        let made = || {
            std::sync::Arc::new(crate::stats::Figures::dossiers(
                &self.tallies.stats,
                &self.tallies.calendar,
                &self.tallies.dossier_stats,
                crate::reference::municipalities(),
                self.today,
                false,
            ))
        };
        // A poisoned cache is only a cache: make the figures again.
        let Ok(mut cache) = self.figures.lock() else {
            return made();
        };
        match &*cache {
            Some((generation, f)) if *generation == self.generation => f.clone(),
            _ => {
                let f = made();
                *cache = Some((self.generation, f.clone()));
                f
            }
        }
    }

    /// The province × year table of the workspace with instruments counted by `basis`.
    pub fn table(&self, basis: crate::stats::YearBasis) -> &ProvinceYearTable {
        match basis {
            crate::stats::YearBasis::TrajectoryStart => &self.tallies.stats,
            crate::stats::YearBasis::CalendarYear => &self.tallies.calendar,
        }
    }

    /// Replaces entry `i`'s dossier with `after` as one undoable edit; returns whether it
    /// changed anything. Consecutive edits with the same [`EditKey::Field`] on the same
    /// entry merge into one step. The first edit of a saved dossier takes its lock file
    /// first; an edit of a dossier another window edits is refused.
    pub fn apply(&mut self, i: usize, after: Dossier, key: EditKey) -> Result<bool, EditRefused> {
        let Some(entry) = self.entries.get(i) else {
            return Ok(false);
        };
        if *entry.dossier == after {
            return Ok(false);
        }
        // Never a dossier whose file the loader would refuse (it would vanish at the next
        // opening): the field stops at its bound.
        crate::model::bounds::check(&after).map_err(EditRefused::Bounds)?;
        self.lock_for_edit(i)?;
        let before = (*self.entries[i].dossier).clone();
        self.history.record(i, key, before, after.clone());
        self.update(i, |e| e.dossier = Arc::new(after));
        Ok(true)
    }

    /// Edits entry `i` in place as one undoable edit.
    pub fn edit(&mut self, i: usize, f: impl FnOnce(&mut Dossier)) -> Result<bool, EditRefused> {
        let Some(entry) = self.entries.get(i) else {
            return Ok(false);
        };
        let mut after = (*entry.dossier).clone();
        f(&mut after);
        self.apply(i, after, EditKey::Single)
    }

    /// Undoes the last step; returns the entry it touched (an entry another window now
    /// edits is left as it is, and the step stays to undo).
    pub fn undo(&mut self) -> Option<Result<usize, (usize, EditRefused)>> {
        let (i, edits) = self.history.next_undo()?;
        if edits && let Err(e) = self.lock_for_edit(i) {
            return Some(Err((i, e)));
        }
        let (i, change) = self.history.undo()?;
        match change {
            history::Change::Dossier(d) => self.update(i, |e| e.dossier = Arc::new(d)),
            history::Change::Restore(deletion) => self.restore_deleted(i, &deletion),
            history::Change::Delete => {}
        }
        Some(Ok(i))
    }

    /// Redoes the last undone step; returns the entry it touched (as for [`Self::undo`]; a
    /// deletion another window's edit now stands in the way of stays to redo).
    pub fn redo(&mut self) -> Option<Result<usize, (usize, EditRefused)>> {
        let (i, _) = self.history.next_redo()?;
        if let Err(e) = self.lock_for_edit(i) {
            return Some(Err((i, e)));
        }
        let (i, change) = self.history.redo()?;
        match change {
            history::Change::Dossier(d) => self.update(i, |e| e.dossier = Arc::new(d)),
            history::Change::Delete => {
                let file = self.entries.get(i).and_then(|e| e.path.clone());
                match self.remove_files(i) {
                    // The file is still there: nothing was deleted.
                    Err(DeleteError::Io(p, err)) if Some(&p) == file.as_ref() => {
                        self.history.unredo();
                        return Some(Err((i, EditRefused::LockFailed(p, err))));
                    }
                    Err(DeleteError::Locked(info)) => {
                        self.history.unredo();
                        return Some(Err((i, EditRefused::Locked(info))));
                    }
                    Err(DeleteError::ReadOnly(p)) => {
                        self.history.unredo();
                        return Some(Err((i, EditRefused::ReadOnly(p))));
                    }
                    // Gone, perhaps with a backup left: deleted.
                    Ok(()) | Err(DeleteError::Io(..)) => self.mark_deleted(i),
                }
            }
            history::Change::Restore(deletion) => self.restore_deleted(i, &deletion),
        }
        Some(Ok(i))
    }

    /// Entry `i` is deleted: out of every list and count, without a file.
    fn mark_deleted(&mut self, i: usize) {
        self.update(i, |e| {
            e.deleted = true;
            e.clear_file();
            e.disk = None;
            e.saved = Some(e.dossier.clone());
        });
        if self.repeats_an_id() {
            self.find_repeated_ids_again();
        }
    }

    /// Whether a file is reported for an id an earlier file has.
    pub(super) fn repeats_an_id(&self) -> bool {
        self.load_errors
            .iter()
            .any(|e| matches!(e.kind, crate::files::LoadErrorKind::DuplicateId { .. }))
    }

    /// The repeated ids looked for again among the files the workspace holds, as their ids
    /// were last read or saved, in path order: after a save changed an id, or a file went
    /// or came back. The errors of a load describe the files as they were read, and an id
    /// mended and saved went on being reported (in the status bar's count, until the folder
    /// was opened again). O(files) and a sort, only where an id changed or repeats.
    pub(super) fn find_repeated_ids_again(&mut self) {
        // A file: its path and its id as last read or saved (not as edited since); deleted
        // dossiers and dossiers without a file are passed over.
        fn file(e: &Entry) -> Option<(&Path, &str)> {
            if e.deleted {
                return None;
            }
            Some((e.path.as_deref()?, e.saved.as_deref()?.id.as_str()))
        }
        let entries = &self.entries;
        // A loaded folder's entries are in path order already: looked at where they are
        // (no list of a quarter of a million paths made at the end of a load); else sorted.
        let in_order = entries
            .iter()
            .filter_map(file)
            .is_sorted_by(|a, b| a.0.as_os_str() <= b.0.as_os_str());
        let found = if in_order {
            crate::files::repeated_ids(entries.len(), |n| entries.get(n).and_then(file))
        } else {
            let mut files: Vec<(&Path, &str)> = entries.iter().filter_map(file).collect();
            files.sort_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
            crate::files::repeated_ids(files.len(), |n| files.get(n).copied())
        };
        self.load_errors
            .retain(|e| !matches!(e.kind, crate::files::LoadErrorKind::DuplicateId { .. }));
        self.load_errors.extend(found);
        self.load_errors.sort_by(|a, b| a.path.cmp(&b.path));
    }

    /// Deletes entry `i` (the user was asked): its file, its backup and its lock go, and
    /// it leaves every list and count; this window's journal no longer holds it once
    /// written again. Undo brings dossier and file back until the window closes. A dossier
    /// another window edits is not deleted: its lock is taken first, as for an edit (a
    /// window that began editing since the last sweep holds it).
    pub fn delete(&mut self, i: usize) -> Result<(), DeleteError> {
        if self.entries.get(i).is_none_or(|e| e.deleted) {
            return Ok(());
        }
        match self.lock_for_edit(i) {
            // Taking the lock checks no bound: deleting adds nothing to the dossier.
            Ok(()) | Err(EditRefused::Bounds(_)) => {}
            Err(EditRefused::Locked(info)) => return Err(DeleteError::Locked(info)),
            Err(EditRefused::LockFailed(p, e)) => return Err(DeleteError::Io(p, e)),
            Err(EditRefused::ReadOnly(p)) => return Err(DeleteError::ReadOnly(p)),
        }
        let path = self.entries[i].path.clone();
        let mut deletion = history::Deletion {
            path: path.clone(),
            bytes: None,
            mode: None,
        };
        if let Some(p) = &path
            && let Ok(meta) = std::fs::symlink_metadata(p)
        {
            deletion.bytes = crate::files::read_file(p).ok();
            deletion.mode = Some(crate::files::write::mode_of(&meta));
        }
        let removed = self.remove_files(i);
        // Once the file is gone the deletion is undoable, whatever else failed: all or
        // nothing for the user, who can always take it back.
        if !matches!(&removed, Err(DeleteError::Io(p, _)) if Some(p) == path.as_ref()) {
            self.history.record_delete(i, deletion);
            self.mark_deleted(i);
        }
        removed
    }

    /// Removes entry `i`'s file, then its backups and this window's lock on it. The file
    /// goes first: if it cannot, nothing is removed. A backup's name taken by something that
    /// is not a backup of ours (a folder) is left alone.
    fn remove_files(&mut self, i: usize) -> Result<(), DeleteError> {
        use crate::files::write::remove;
        let Some(e) = self.entries.get_mut(i) else {
            return Ok(());
        };
        let Some(path) = e.path.clone() else {
            return Ok(());
        };
        remove(&path).map_err(|err| DeleteError::Io(path.clone(), err))?;
        if e.held_lock {
            locks::release(&path);
            e.held_lock = false;
        }
        let mut failed = None;
        for backup in crate::files::backup_names(&path) {
            let ours =
                std::fs::symlink_metadata(&backup).is_ok_and(|m| m.is_file() || m.is_symlink());
            if ours && let Err(err) = remove(&backup) {
                failed.get_or_insert(DeleteError::Io(backup, err));
            }
        }
        if let Some(dir) = path.parent() {
            crate::files::sync_dir(dir);
        }
        failed.map_or(Ok(()), Err)
    }

    /// Brings deleted entry `i` back with its file, with the permissions and group it had
    /// (never over a file that appeared at its name meanwhile: then it comes back as unsaved
    /// work without a file).
    fn restore_deleted(&mut self, i: usize, deletion: &history::Deletion) {
        // Its mode and group are set on the new file before it takes the name: never
        // afterwards by path, which a colleague could have swapped for a link meanwhile.
        let mode = deletion
            .mode
            .map_or(crate::files::Mode::Like(None), |(bits, gid)| {
                crate::files::Mode::Exactly { bits, gid }
            });
        let written = match (&deletion.path, &deletion.bytes) {
            (Some(path), Some(bytes)) => {
                path.parent().zip(path.file_name()).and_then(|(dir, name)| {
                    crate::files::write::write_new_with(dir, &name.to_string_lossy(), bytes, &mode)
                        .ok()
                })
            }
            _ => None,
        };
        let stamp = written.as_deref().and_then(DiskStamp::of);
        // What the file holds: the dossier as saved (edits not saved when it was deleted
        // come back as unsaved, with their lock).
        let saved = written
            .as_deref()
            .zip(deletion.bytes.as_deref())
            .and_then(|(p, b)| crate::files::parse_file_bytes(b, p).ok());
        self.update(i, |e| {
            e.deleted = false;
            e.saved = saved.map(Arc::new);
            if let Some(path) = written {
                e.set_file(path);
            }
            e.disk = stamp;
        });
        // Its file is back: its id may repeat another's again.
        self.find_repeated_ids_again();
        if self.entries[i].dirty {
            let _ = self.lock_for_edit(i);
        }
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether there is an edit to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Adds a new dossier (no file yet, so unsaved); returns its index.
    pub fn add(&mut self, dossier: Dossier) -> usize {
        let name = format!("{}.ron", dossier.id);
        let ctx = self.ctx();
        let checked = review(&dossier, &ctx);
        self.push(Entry::new(
            None,
            Some(name),
            Arc::new(dossier),
            None,
            checked,
            None,
        ))
    }
}
