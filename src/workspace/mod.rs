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
pub mod save;
mod tallies;
#[cfg(test)]
mod tests;

pub use disk::DiskChange;
pub use history::{EditKey, MAX_UNDO};
pub use journal::{Journal, JournalEntry, JournalPath, Orphan};
pub use save::SaveError;

use crate::files::{DiskStamp, LoadError, LoadReport, LoadedDossier};
use crate::model::Dossier;
use crate::rules::{CheckContext, Finding, Findings, SeverityCounts, YearMode, check};
use crate::stats::{DossierStats, ProvinceYearTable};
use chrono::NaiveDate;
use history::History;
use std::path::{Path, PathBuf};
use tallies::Tallies;

/// One dossier of the workspace.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The file it lives in; `None` until it is first saved (new or sample dossiers).
    path: Option<PathBuf>,
    /// A short name for lists and dialogs when there is no path.
    name: String,
    /// The dossier as edited.
    dossier: Dossier,
    /// The dossier as last loaded or saved, to tell whether it has unsaved changes.
    saved: Option<Dossier>,
    /// Whether `dossier` differs from `saved`: set only by [`Workspace::update`], so lists
    /// need not compare.
    dirty: bool,
    /// Its findings, kept current by every change.
    findings: Findings,
    /// Their tally, for the list.
    counts: SeverityCounts,
    /// The file on disk when last loaded or saved.
    disk: Option<DiskStamp>,
}

impl Entry {
    /// An entry whose findings are current for `dossier`.
    fn new(
        path: Option<PathBuf>,
        name: String,
        dossier: Dossier,
        saved: Option<Dossier>,
        findings: Findings,
        disk: Option<DiskStamp>,
    ) -> Self {
        let mut entry = Entry {
            path,
            name,
            dossier,
            saved,
            dirty: false,
            counts: SeverityCounts::of(&findings),
            findings,
            disk,
        };
        entry.settle();
        entry
    }

    /// Decides whether the entry is unsaved: its dossier differs from the version last
    /// loaded or saved, or it has none. The only code that sets `dirty`.
    fn settle(&mut self) {
        self.dirty = self.saved.as_ref() != Some(&self.dossier);
    }

    /// The file it lives in; `None` until it is first saved.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Its name in lists and dialogs: the file name, or for a new dossier its id.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The dossier as edited.
    pub fn dossier(&self) -> &Dossier {
        &self.dossier
    }

    /// Its findings, current with the dossier.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
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
            tallies: Tallies::default(),
            generation: 0,
        };
        let from_files = ws.root.is_some();
        // Every dossier is checked once, on both cores; from then on only edits re-check.
        let ctx = ws.ctx();
        let findings = crate::rules::check_all(report.dossiers.iter().map(|d| &d.dossier), &ctx);
        for (
            LoadedDossier {
                path,
                dossier,
                stamp: disk,
            },
            findings,
        ) in report.dossiers.into_iter().zip(findings)
        {
            let name = path
                .file_name()
                .map_or_else(|| dossier.id.clone(), |n| n.to_string_lossy().into_owned());
            // A sample dossier has no file yet, but is not "unsaved" until it is edited.
            let saved = Some(dossier.clone());
            let path = from_files.then_some(path);
            ws.push(Entry::new(path, name, dossier, saved, findings, disk));
        }
        ws
    }

    /// The built-in sample workspace: its dossiers have no file until saved.
    pub fn sample(today: NaiveDate) -> Self {
        Self::new(None, crate::sample::load(), today)
    }

    /// Loads a folder or a file.
    pub fn open(path: &Path, today: NaiveDate) -> Self {
        let report = crate::files::load_paths(&[path.to_path_buf()]);
        let root = if path.is_dir() {
            path.to_path_buf()
        } else {
            path.parent().map_or_else(PathBuf::new, Path::to_path_buf)
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

    /// How many dossiers it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds no dossier.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Files that did not load; they are never written to.
    pub fn load_errors(&self) -> &[LoadError] {
        &self.load_errors
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
        change(entry);
        entry.findings = check(&entry.dossier, &ctx);
        entry.counts = SeverityCounts::of(&entry.findings);
        entry.settle();
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
        let findings = crate::rules::check_all(self.entries.iter().map(|e| &e.dossier), &ctx);
        for (e, findings) in self.entries.iter_mut().zip(findings) {
            self.tallies.remove(e);
            e.findings = findings;
            e.counts = SeverityCounts::of(&e.findings);
            self.tallies.add(e);
        }
    }

    /// A number that changes whenever anything in the workspace does.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Findings of the whole workspace per severity.
    pub fn totals(&self) -> SeverityCounts {
        self.tallies.totals
    }

    /// How many dossiers have unsaved changes.
    pub fn dirty_count(&self) -> usize {
        self.tallies.dirty
    }

    /// What the dossiers tell beyond the published table.
    pub fn dossier_stats(&self) -> &DossierStats {
        &self.tallies.dossier_stats
    }

    /// The province × year table of the workspace.
    pub fn stats(&self) -> &ProvinceYearTable {
        &self.tallies.stats
    }

    /// Replaces entry `i`'s dossier with `after` as one undoable edit. Consecutive edits
    /// with the same [`EditKey::Field`] on the same entry merge into one step.
    pub fn apply(&mut self, i: usize, after: Dossier, key: EditKey) -> bool {
        let Some(entry) = self.entries.get(i) else {
            return false;
        };
        if entry.dossier == after {
            return false;
        }
        self.history
            .record(i, key, entry.dossier.clone(), after.clone());
        self.update(i, |e| e.dossier = after);
        true
    }

    /// Edits entry `i` in place as one undoable edit.
    pub fn edit(&mut self, i: usize, f: impl FnOnce(&mut Dossier)) -> bool {
        let Some(entry) = self.entries.get(i) else {
            return false;
        };
        let mut after = entry.dossier.clone();
        f(&mut after);
        self.apply(i, after, EditKey::Single)
    }

    /// Undoes the last edit; returns the entry it touched.
    pub fn undo(&mut self) -> Option<usize> {
        let (i, before) = self.history.undo()?;
        self.update(i, |e| e.dossier = before);
        Some(i)
    }

    /// Redoes the last undone edit; returns the entry it touched.
    pub fn redo(&mut self) -> Option<usize> {
        let (i, after) = self.history.redo()?;
        self.update(i, |e| e.dossier = after);
        Some(i)
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
        let findings = check(&dossier, &ctx);
        self.push(Entry::new(None, name, dossier, None, findings, None))
    }
}
