//! An open workspace: its dossiers with their findings, the edits made to them and what is
//! unsaved. No GUI here: the window drives it, and tests and benchmarks drive it directly.
//!
//! Every edit re-checks only the dossier it touched and updates the workspace's tallies and
//! statistics by that dossier's difference, so the cost of an edit does not grow with the
//! workspace.

use crate::files::{DiskStamp, LoadError, LoadErrorKind, LoadReport, LoadedDossier, save_dossier};
use crate::model::Dossier;
use crate::reference::municipalities;
use crate::rules::{CheckContext, Findings, SeverityCounts, YearMode, check};
use crate::stats::{DossierStats, ProvinceYearTable};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// One dossier of the workspace.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The file it lives in; `None` until it is first saved (new or sample dossiers).
    pub path: Option<PathBuf>,
    /// A short name for lists and dialogs when there is no path.
    pub name: String,
    /// The dossier as edited.
    pub dossier: Dossier,
    /// The dossier as last loaded or saved, to tell whether it has unsaved changes.
    saved: Option<Dossier>,
    /// Whether `dossier` differs from `saved`: kept per edit, so lists need not compare.
    dirty: bool,
    /// Its findings, kept current by every edit.
    pub findings: Findings,
    /// Their tally, for the list.
    pub counts: SeverityCounts,
    /// The file on disk when last loaded or saved.
    disk: Option<DiskStamp>,
}

impl Entry {
    /// Whether the dossier differs from its file (or has no file yet).
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Whether its file, as last loaded, holds comments that saving would drop.
    pub fn file_has_comments(&self) -> bool {
        self.disk.is_some_and(|d| d.comments)
    }
}

/// The recovery journal's file name in a workspace folder (hidden: the loader skips it).
pub const JOURNAL_NAME: &str = ".twe-planner-recovery.ron";

/// One unsaved dossier in the recovery journal.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct JournalEntry {
    /// Its file, if it has one.
    pub path: Option<PathBuf>,
    /// Its name in lists.
    pub name: String,
    /// The dossier as edited.
    pub dossier: Dossier,
}

/// The folder of the sample workspace's journal (it has no folder of its own).
fn sample_journal_dir() -> PathBuf {
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir)
        .join("twe-planner")
}

/// What a change on disk meant for the workspace.
#[derive(Debug, PartialEq, Eq)]
pub enum DiskChange {
    /// Nothing to do (our own save, or a file that is not a dossier).
    None,
    /// An unedited dossier was reloaded from its changed file.
    Reloaded(usize),
    /// A new file was loaded as a dossier.
    Added(usize),
    /// A file that did not load (or no longer loads) is reported.
    LoadError(PathBuf),
    /// The file of an edited dossier changed: the user must choose.
    Conflict(usize),
    /// The file of a dossier was deleted; the dossier is kept as unsaved work.
    Deleted(usize),
}

/// How many edits can be undone; older ones are forgotten (each holds two dossiers).
pub const MAX_UNDO: usize = 1000;

/// What an edit is, so that a run of keystrokes in one field becomes one undo step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditKey {
    /// An edit that never merges with the one before.
    Single,
    /// Typing in a text field, merged while the same field keeps changing.
    Field(String),
}

/// One undoable edit: the whole dossier before and after.
#[derive(Clone, Debug)]
struct Edit {
    entry: usize,
    key: EditKey,
    before: Dossier,
    after: Dossier,
}

/// Why a save did not happen.
#[derive(Debug)]
pub enum SaveError {
    /// The dossier has no file yet: ask where to save it.
    NeedsPath,
    /// The file changed on disk since it was loaded: ask before overwriting.
    ChangedOnDisk(PathBuf),
    /// Writing failed.
    Io(PathBuf, std::io::Error),
}

impl SaveError {
    /// The message for people, in `lang`.
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match self {
            SaveError::NeedsPath => lang
                .pick(
                    "Kies eerst waar het dossier bewaard wordt.",
                    "Choose where to save the dossier first.",
                )
                .to_string(),
            SaveError::ChangedOnDisk(p) => format!(
                "{}: {}",
                p.display(),
                lang.pick(
                    "het bestand is sinds het laden buiten twe-planner gewijzigd; overschrijven?",
                    "the file changed outside twe-planner since it was loaded; overwrite it?"
                )
            ),
            SaveError::Io(p, e) => format!(
                "{}: {} ({e})",
                p.display(),
                lang.pick("bewaren mislukt", "saving failed")
            ),
        }
    }
}

/// An open workspace.
#[derive(Debug)]
pub struct Workspace {
    /// The folder it was opened from; `None` for the built-in sample.
    pub root: Option<PathBuf>,
    /// The dossiers, in load order.
    pub entries: Vec<Entry>,
    /// Files that did not load; they are never written to.
    pub load_errors: Vec<LoadError>,
    /// The reference date of the checks.
    today: NaiveDate,
    /// Trajectory or calendar years for the two-a-year target.
    year_mode: YearMode,
    /// Edits that can be undone, oldest first.
    undo: Vec<Edit>,
    /// Edits that were undone and can be redone.
    redo: Vec<Edit>,
    /// Findings of the whole workspace per severity, kept current per edit.
    totals: SeverityCounts,
    /// The province × year table of the workspace, kept current per edit.
    stats: ProvinceYearTable,
    /// Bumped by every change, so views can cache what they derive from the workspace.
    generation: u64,
    /// How many entries are dirty, kept per edit and save.
    dirty: usize,
    /// What the dossiers tell beyond the published table, kept current per edit.
    dossier_stats: DossierStats,
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
            undo: Vec::new(),
            redo: Vec::new(),
            totals: SeverityCounts::default(),
            stats: ProvinceYearTable::default(),
            generation: 0,
            dirty: 0,
            dossier_stats: DossierStats::default(),
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
            let counts = SeverityCounts::of(&findings);
            ws.push_checked(Entry {
                path,
                name,
                dossier,
                saved,
                dirty: false,
                findings,
                counts,
                disk,
            });
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

    /// The context the dossiers are checked in.
    pub fn ctx(&self) -> CheckContext<'static> {
        let mut ctx = CheckContext::new(self.today);
        ctx.year_mode = self.year_mode;
        ctx
    }

    fn push(&mut self, mut entry: Entry) -> usize {
        let ctx = self.ctx();
        entry.findings = check(&entry.dossier, &ctx);
        entry.counts = SeverityCounts::of(&entry.findings);
        self.push_checked(entry)
    }

    /// Adds an entry whose findings are already current.
    fn push_checked(&mut self, entry: Entry) -> usize {
        self.totals.add(entry.counts);
        self.stats.add(&entry.dossier, municipalities());
        self.dirty += usize::from(entry.dirty);
        self.dossier_stats.apply(&entry.dossier, &entry.findings, 1);
        self.entries.push(entry);
        self.generation += 1;
        self.entries.len() - 1
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
        self.totals = SeverityCounts::default();
        for (e, findings) in self.entries.iter_mut().zip(findings) {
            self.dossier_stats.apply(&e.dossier, &e.findings, -1);
            e.findings = findings;
            self.dossier_stats.apply(&e.dossier, &e.findings, 1);
            e.counts = SeverityCounts::of(&e.findings);
            self.totals.add(e.counts);
        }
    }

    /// A number that changes whenever anything in the workspace does.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Findings of the whole workspace per severity.
    pub fn totals(&self) -> SeverityCounts {
        self.totals
    }

    /// What the dossiers tell beyond the published table.
    pub fn dossier_stats(&self) -> &DossierStats {
        &self.dossier_stats
    }

    /// The province × year table of the workspace.
    pub fn stats(&self) -> &ProvinceYearTable {
        &self.stats
    }

    /// Puts `dossier` in entry `i` without recording an undo step: re-checks that dossier
    /// only and moves the tallies by its difference.
    fn set(&mut self, i: usize, dossier: Dossier) {
        let ctx = self.ctx();
        let Some(entry) = self.entries.get_mut(i) else {
            return;
        };
        self.stats.remove(&entry.dossier, municipalities());
        self.dossier_stats
            .apply(&entry.dossier, &entry.findings, -1);
        self.stats.add(&dossier, municipalities());
        entry.dossier = dossier;
        let dirty = entry.saved.as_ref() != Some(&entry.dossier);
        if dirty != entry.dirty {
            entry.dirty = dirty;
            if dirty {
                self.dirty += 1;
            } else {
                self.dirty -= 1;
            }
        }
        entry.findings = check(&entry.dossier, &ctx);
        self.dossier_stats.apply(&entry.dossier, &entry.findings, 1);
        let counts = SeverityCounts::of(&entry.findings);
        self.totals.sub(entry.counts);
        self.totals.add(counts);
        entry.counts = counts;
        self.generation += 1;
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
        let before = entry.dossier.clone();
        let merge = matches!(key, EditKey::Field(_))
            && self.redo.is_empty()
            && self
                .undo
                .last()
                .is_some_and(|last| last.entry == i && last.key == key);
        match self.undo.last_mut() {
            Some(last) if merge => last.after = after.clone(),
            _ => self.undo.push(Edit {
                entry: i,
                key,
                before,
                after: after.clone(),
            }),
        }
        if self.undo.len() > MAX_UNDO {
            // Oldest first: dropping the front keeps the most recent steps.
            self.undo.drain(..self.undo.len() - MAX_UNDO);
        }
        self.redo.clear();
        self.set(i, after);
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
        let edit = self.undo.pop()?;
        self.set(edit.entry, edit.before.clone());
        let i = edit.entry;
        self.redo.push(edit);
        Some(i)
    }

    /// Redoes the last undone edit; returns the entry it touched.
    pub fn redo(&mut self) -> Option<usize> {
        let edit = self.redo.pop()?;
        self.set(edit.entry, edit.after.clone());
        let i = edit.entry;
        self.undo.push(edit);
        Some(i)
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Adds a new dossier (no file yet); returns its index.
    pub fn add(&mut self, dossier: Dossier) -> usize {
        let name = format!("{}.ron", dossier.id);
        self.push(Entry {
            path: None,
            name,
            dossier,
            saved: None,
            dirty: true,
            findings: Findings::new(),
            counts: SeverityCounts::default(),
            disk: None,
        })
    }

    /// Brings the workspace in line with the file at `path`, which changed on disk (written,
    /// created or deleted by someone else). An edited dossier is never overwritten: that is
    /// a [`DiskChange::Conflict`] for the user to decide.
    pub fn reconcile(&mut self, path: &Path) -> DiskChange {
        let hidden = path
            .file_name()
            .is_none_or(|n| n.to_string_lossy().starts_with('.'));
        if hidden || path.extension().is_none_or(|x| x != "ron") {
            return DiskChange::None;
        }
        let found = self
            .entries
            .iter()
            .position(|e| e.path.as_deref() == Some(path));
        // Read and parsed as the loader does (size limit, positions); a file that cannot be
        // read any more is taken as deleted.
        let bytes = match crate::files::read_file(path) {
            Ok(bytes) => bytes,
            Err(e) if matches!(e.kind, LoadErrorKind::Io(_)) => return self.deleted(found),
            Err(e) => return self.no_longer_loads(e),
        };
        let stamp = DiskStamp::of_bytes(&bytes);
        if let Some(i) = found
            && self.entries[i].disk == Some(stamp)
        {
            return DiskChange::None;
        }
        let dossier = match crate::files::parse_file_bytes(&bytes, path) {
            Ok(d) => d,
            Err(e) => return self.no_longer_loads(e),
        };
        self.load_errors.retain(|e| e.path != path);
        match found {
            Some(i) if self.entries[i].dirty => DiskChange::Conflict(i),
            Some(i) => {
                self.set(i, dossier.clone());
                let e = &mut self.entries[i];
                e.saved = Some(dossier);
                e.disk = Some(stamp);
                if e.dirty {
                    e.dirty = false;
                    self.dirty -= 1;
                }
                DiskChange::Reloaded(i)
            }
            None => {
                let i = self.add(dossier.clone());
                let e = &mut self.entries[i];
                e.path = Some(path.to_path_buf());
                e.name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                e.saved = Some(dossier);
                e.disk = Some(stamp);
                e.dirty = false;
                self.dirty -= 1;
                DiskChange::Added(i)
            }
        }
    }

    /// The file of entry `found` is gone: the dossier stays, now unsaved, so nothing is lost.
    fn deleted(&mut self, found: Option<usize>) -> DiskChange {
        let Some(i) = found else {
            return DiskChange::None;
        };
        let e = &mut self.entries[i];
        if e.disk.is_none() {
            return DiskChange::None;
        }
        e.disk = None;
        e.saved = None;
        if !e.dirty {
            e.dirty = true;
            self.dirty += 1;
        }
        self.generation += 1;
        DiskChange::Deleted(i)
    }

    /// A changed file no longer loads: its error replaces any earlier one of that file.
    fn no_longer_loads(&mut self, e: LoadError) -> DiskChange {
        let path = e.path.clone();
        self.load_errors.retain(|x| x.path != path);
        self.load_errors.push(e);
        self.generation += 1;
        DiskChange::LoadError(path)
    }

    /// Resolves a conflict by taking the version on disk ("take theirs").
    pub fn take_theirs(&mut self, i: usize) -> DiskChange {
        let Some(path) = self.entries.get(i).and_then(|e| e.path.clone()) else {
            return DiskChange::None;
        };
        if let Some(e) = self.entries.get_mut(i) {
            // Reconcile treats it as unedited, so it reloads.
            if e.dirty {
                e.dirty = false;
                self.dirty -= 1;
            }
            e.disk = None;
        }
        self.reconcile(&path)
    }

    /// Resolves a conflict by keeping the edited version ("keep mine"): the next save
    /// overwrites the file without asking again.
    pub fn keep_mine(&mut self, i: usize) {
        let Some(path) = self.entries.get(i).and_then(|e| e.path.clone()) else {
            return;
        };
        if let Some(e) = self.entries.get_mut(i) {
            e.disk = DiskStamp::of(&path);
        }
    }

    /// Where unsaved edits are journalled: in the workspace folder, or for the sample in the
    /// user's data folder.
    pub fn journal_path(&self) -> PathBuf {
        match &self.root {
            Some(root) => root.join(JOURNAL_NAME),
            None => sample_journal_dir().join("sample-recovery.ron"),
        }
    }

    /// Writes every unsaved dossier to the journal (atomically), or removes the journal when
    /// nothing is unsaved.
    pub fn write_journal(&self) -> std::io::Result<()> {
        let path = self.journal_path();
        let entries: Vec<JournalEntry> = self
            .entries
            .iter()
            .filter(|e| e.is_dirty())
            .map(|e| JournalEntry {
                path: e.path.clone(),
                name: e.name.clone(),
                dossier: e.dossier.clone(),
            })
            .collect();
        if entries.is_empty() {
            return self.remove_journal();
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = ron::to_string(&entries).map_err(std::io::Error::other)?;
        crate::files::write_atomic(&path, text.as_bytes())
    }

    /// Removes the journal (after a save of everything, or when the user discards it).
    pub fn remove_journal(&self) -> std::io::Result<()> {
        match std::fs::remove_file(self.journal_path()) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// The journal a previous session left, if any: unsaved work to offer back.
    pub fn read_journal(&self) -> Option<Vec<JournalEntry>> {
        let text = std::fs::read_to_string(self.journal_path()).ok()?;
        let entries: Vec<JournalEntry> = ron::from_str(&text).ok()?;
        (!entries.is_empty()).then_some(entries)
    }

    /// Puts journalled dossiers back as unsaved edits; returns how many.
    pub fn restore(&mut self, entries: Vec<JournalEntry>) -> usize {
        let mut n = 0;
        for j in entries {
            let found = self.entries.iter().position(|e| match (&e.path, &j.path) {
                (Some(a), Some(b)) => a == b,
                (None, None) => e.name == j.name,
                _ => false,
            });
            match found {
                Some(i) => {
                    self.apply(i, j.dossier, EditKey::Single);
                }
                None => {
                    let i = self.add(j.dossier);
                    if let Some(e) = self.entries.get_mut(i) {
                        e.path = j.path;
                        e.name = j.name;
                    }
                }
            }
            n += 1;
        }
        n
    }

    /// How many dossiers have unsaved changes.
    pub fn dirty_count(&self) -> usize {
        self.dirty
    }

    /// Saves entry `i` to its file, unless the file changed on disk since it was loaded
    /// (then [`SaveError::ChangedOnDisk`]; [`Workspace::save_over`] overwrites anyway).
    pub fn save(&mut self, i: usize) -> Result<(), SaveError> {
        let Some(entry) = self.entries.get(i) else {
            return Ok(());
        };
        let Some(path) = entry.path.clone() else {
            return Err(SaveError::NeedsPath);
        };
        if entry.disk.is_some() && DiskStamp::of(&path) != entry.disk {
            return Err(SaveError::ChangedOnDisk(path));
        }
        self.write(i, path)
    }

    /// Saves entry `i` to its file even if that changed on disk.
    pub fn save_over(&mut self, i: usize) -> Result<(), SaveError> {
        let Some(path) = self.entries.get(i).and_then(|e| e.path.clone()) else {
            return Err(SaveError::NeedsPath);
        };
        self.write(i, path)
    }

    /// Saves entry `i` to `path`, which becomes its file.
    pub fn save_as(&mut self, i: usize, path: PathBuf) -> Result<(), SaveError> {
        self.write(i, path)
    }

    fn write(&mut self, i: usize, path: PathBuf) -> Result<(), SaveError> {
        let Some(entry) = self.entries.get_mut(i) else {
            return Ok(());
        };
        save_dossier(&path, &entry.dossier).map_err(|e| SaveError::Io(path.clone(), e))?;
        entry.disk = DiskStamp::of(&path);
        entry.saved = Some(entry.dossier.clone());
        if entry.dirty {
            entry.dirty = false;
            self.dirty -= 1;
        }
        if let Some(name) = path.file_name() {
            entry.name = name.to_string_lossy().into_owned();
        }
        entry.path = Some(path);
        self.generation += 1;
        Ok(())
    }

    /// Saves every dirty dossier that has a file; returns the problems of the others.
    pub fn save_all(&mut self) -> Vec<(usize, SaveError)> {
        let dirty: Vec<usize> = (0..self.entries.len())
            .filter(|&i| self.entries[i].is_dirty())
            .collect();
        dirty
            .into_iter()
            .filter_map(|i| self.save(i).err().map(|e| (i, e)))
            .collect()
    }

    /// Saves every dossier that has no file into `dir`, named after its id.
    pub fn save_unfiled_into(&mut self, dir: &Path) -> Vec<(usize, SaveError)> {
        if let Err(e) = std::fs::create_dir_all(dir) {
            return vec![(0, SaveError::Io(dir.to_path_buf(), e))];
        }
        let unfiled: Vec<usize> = (0..self.entries.len())
            .filter(|&i| self.entries[i].path.is_none())
            .collect();
        let mut problems = Vec::new();
        for i in unfiled {
            let name = self.entries[i].name.clone();
            let path = dir.join(if name.ends_with(".ron") {
                name
            } else {
                format!("{name}.ron")
            });
            if let Err(e) = self.save_as(i, path) {
                problems.push((i, e));
            }
        }
        if self.root.is_none() {
            self.root = Some(dir.to_path_buf());
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date_serde::parse;

    fn today() -> NaiveDate {
        parse("2026-06-01").unwrap()
    }

    fn index_of(ws: &Workspace, id: &str) -> usize {
        ws.entries.iter().position(|e| e.dossier.id == id).unwrap()
    }

    #[test]
    fn an_edit_rechecks_its_dossier_and_undo_restores_it() {
        let mut ws = Workspace::sample(today());
        let i = index_of(&ws, "LEUV-2018-0006");
        let before = ws.totals();
        assert_eq!(ws.entries[i].counts.errors, 0);
        // Let the training run into the WES.
        assert!(ws.edit(i, |d| d.instruments[1].end = parse("2019-03-20").unwrap()));
        assert!(
            ws.entries[i]
                .findings
                .iter()
                .any(|f| f.rule.id == "overlap")
        );
        assert_eq!(ws.totals().errors, before.errors + 1);
        assert!(ws.entries[i].is_dirty());
        assert_eq!(ws.undo(), Some(i));
        assert!(
            !ws.entries[i]
                .findings
                .iter()
                .any(|f| f.rule.id == "overlap")
        );
        assert_eq!(ws.totals(), before);
        assert_eq!(ws.redo(), Some(i));
        assert_eq!(ws.totals().errors, before.errors + 1);
    }

    #[test]
    fn a_new_reference_date_rechecks_every_dossier() {
        let mut ws = Workspace::sample(today());
        let stale = |ws: &Workspace| -> Vec<String> {
            ws.entries
                .iter()
                .filter(|e| e.findings.iter().any(|f| f.rule.id == "documents-stale"))
                .map(|e| e.dossier.id.clone())
                .collect()
        };
        assert_eq!(stale(&ws), vec!["TEHA-2025-0026"]);
        // The day TEHA-2025-0026's POP was uploaded: it is fresh, HERE-2024-0028's is old.
        ws.set_context(parse("2025-04-10").unwrap(), YearMode::Trajectory);
        assert_eq!(stale(&ws), vec!["HERE-2024-0028"]);
        let mut recounted = SeverityCounts::default();
        for e in &ws.entries {
            recounted.add(SeverityCounts::of(&e.findings));
        }
        assert_eq!(ws.totals(), recounted);
    }

    #[test]
    fn keystrokes_in_one_field_are_one_undo_step() {
        let mut ws = Workspace::sample(today());
        let original = ws.entries[0].dossier.client.clone();
        for name in ["A", "An", "Ann"] {
            let mut d = ws.entries[0].dossier.clone();
            d.client = name.into();
            ws.apply(0, d, EditKey::Field("client".into()));
        }
        assert_eq!(ws.entries[0].dossier.client, "Ann");
        ws.undo();
        assert_eq!(ws.entries[0].dossier.client, original);
        assert!(!ws.can_undo());
    }

    #[test]
    fn statistics_follow_edits_without_recounting() {
        let mut ws = Workspace::sample(today());
        let recount = |ws: &Workspace| {
            ProvinceYearTable::from_dossiers(
                ws.entries.iter().map(|e| &e.dossier),
                municipalities(),
            )
        };
        assert_eq!(ws.stats(), &recount(&ws));
        let i = index_of(&ws, "GENT-2017-0004");
        ws.edit(i, |d| {
            d.ocmw = "Hasselt".into();
            d.instruments.pop();
        });
        assert_eq!(ws.stats(), &recount(&ws));
        ws.undo();
        assert_eq!(ws.stats(), &recount(&ws));
        let mut recounted = DossierStats::default();
        for e in &ws.entries {
            recounted.apply(&e.dossier, &e.findings, 1);
        }
        assert_eq!(ws.dossier_stats(), &recounted);
    }

    #[test]
    fn changes_on_disk_reload_clean_dossiers_and_never_overwrite_edited_ones() {
        let dir = tempfile::tempdir().unwrap();
        crate::sample::write_to(dir.path()).unwrap();
        let mut ws = Workspace::open(dir.path(), today());
        let n = ws.entries.len();
        let i = index_of(&ws, "LEUV-2018-0006");
        let path = ws.entries[i].path.clone().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();

        // Our own save is no change.
        ws.edit(i, |d| d.client = "Mijn".into());
        ws.save(i).unwrap();
        assert_eq!(ws.reconcile(&path), DiskChange::None);

        // Changed outside, no local edits: reloaded.
        std::fs::write(&path, text.replace("Jonas Claes", "Van Buiten")).unwrap();
        assert_eq!(ws.reconcile(&path), DiskChange::Reloaded(i));
        assert_eq!(ws.entries[i].dossier.client, "Van Buiten");
        assert!(!ws.entries[i].is_dirty());

        // Changed outside with local edits: a conflict, the edit stays.
        ws.edit(i, |d| d.client = "Lokaal".into());
        std::fs::write(&path, text.replace("Jonas Claes", "Weer Anders")).unwrap();
        assert_eq!(ws.reconcile(&path), DiskChange::Conflict(i));
        assert_eq!(ws.entries[i].dossier.client, "Lokaal");
        assert_eq!(ws.take_theirs(i), DiskChange::Reloaded(i));
        assert_eq!(ws.entries[i].dossier.client, "Weer Anders");

        // Keep mine: the next save overwrites without asking.
        ws.edit(i, |d| d.client = "Toch Lokaal".into());
        std::fs::write(&path, text.replace("Jonas Claes", "Derde")).unwrap();
        assert_eq!(ws.reconcile(&path), DiskChange::Conflict(i));
        ws.keep_mine(i);
        ws.save(i).unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("Toch Lokaal")
        );

        // A new file is added; a broken one is reported; a deleted one stays as unsaved work.
        let new = dir.path().join("nieuw.ron");
        std::fs::write(&new, text.replace("LEUV-2018-0006", "NIEUW-1")).unwrap();
        assert_eq!(ws.reconcile(&new), DiskChange::Added(n));
        std::fs::write(&new, "Dossier(").unwrap();
        assert_eq!(ws.reconcile(&new), DiskChange::LoadError(new.clone()));
        assert_eq!(ws.load_errors.len(), 1);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(ws.reconcile(&path), DiskChange::Deleted(i));
        assert!(ws.entries[i].is_dirty());
        assert_eq!(
            ws.reconcile(&dir.path().join(".hidden.ron")),
            DiskChange::None
        );
    }

    #[test]
    fn unsaved_edits_survive_in_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        crate::sample::write_to(dir.path()).unwrap();
        let mut ws = Workspace::open(dir.path(), today());
        ws.write_journal().unwrap();
        assert!(!ws.journal_path().exists(), "nothing unsaved, no journal");
        let i = index_of(&ws, "LEUV-2018-0006");
        ws.edit(i, |d| d.client = "Niet bewaard".into());
        ws.write_journal().unwrap();
        // The session dies here; the next one finds the journal.
        let mut next = Workspace::open(dir.path(), today());
        assert_eq!(
            next.entries.len(),
            ws.entries.len(),
            "the journal is not a dossier"
        );
        let journal = next.read_journal().unwrap();
        assert_eq!(next.restore(journal), 1);
        let j = index_of(&next, "LEUV-2018-0006");
        assert_eq!(next.entries[j].dossier.client, "Niet bewaard");
        assert!(next.entries[j].is_dirty());
        next.save_all();
        next.write_journal().unwrap();
        assert!(!next.journal_path().exists());
    }

    #[test]
    fn saving_refuses_to_overwrite_a_file_changed_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::sample(today());
        assert_eq!(ws.dirty_count(), 0, "an unedited sample is not unsaved");
        ws.edit(0, |d| d.client = "Edited".into());
        assert_eq!(ws.dirty_count(), 1);
        assert!(matches!(ws.save(0), Err(SaveError::NeedsPath)));
        assert!(ws.save_unfiled_into(dir.path()).is_empty());
        assert_eq!(ws.dirty_count(), 0);
        let reopened = Workspace::open(dir.path(), today());
        assert_eq!(reopened.entries.len(), ws.entries.len());
        assert!(reopened.load_errors.is_empty());

        let mut ws = reopened;
        let path = ws.entries[0].path.clone().unwrap();
        ws.edit(0, |d| d.client = "Changed Here".into());
        std::fs::write(
            &path,
            std::fs::read_to_string(&path)
                .unwrap()
                .replace("Edited", "Changed Outside"),
        )
        .unwrap();
        assert!(matches!(ws.save(0), Err(SaveError::ChangedOnDisk(_))));
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("Changed Outside"),
            "not overwritten"
        );
        ws.save_over(0).unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("Changed Here")
        );
        assert!(!ws.entries[0].is_dirty());
    }
}
