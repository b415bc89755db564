//! Bringing the workspace in line with its folder when files change outside the program:
//! reload what was not edited here, add new files, report broken ones, and never overwrite
//! an edit (that is a conflict for the user to decide).

use super::Workspace;
use crate::files::{DiskStamp, LoadError, LoadErrorKind};
use crate::model::Dossier;
use std::path::Path;

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
    LoadError(std::path::PathBuf),
    /// The file of an edited dossier changed: the user must choose.
    Conflict(usize),
    /// The file of a dossier was deleted; the dossier is kept as unsaved work.
    Deleted(usize),
    /// Another window took or gave back the lock of a dossier's file.
    Lock(usize),
    /// A dossier's file is gone together with the rest of the folder's: the folder is
    /// unreachable (a share whose network is down, an unmounted drive), not emptied.
    Unreachable,
}

/// What a dossier file holds now.
enum OnDisk {
    /// It cannot be read any more: taken as deleted.
    Gone,
    /// It is there but is not a dossier the loader accepts.
    Broken(LoadError),
    /// Its bytes, and their stamp.
    Read(Vec<u8>, DiskStamp),
}

/// Reads `path` as the loader does (size limit, positions in errors).
fn read(path: &Path) -> OnDisk {
    match crate::files::read_file(path) {
        Ok(bytes) => {
            let stamp = DiskStamp::of_bytes(&bytes);
            OnDisk::Read(bytes, stamp)
        }
        // Only a file that is not there is gone: one that cannot be reached (a share whose
        // network is down) is a problem to report, never a deletion.
        Err(e) if matches!(e.kind, LoadErrorKind::Io(std::io::ErrorKind::NotFound, _)) => {
            OnDisk::Gone
        }
        Err(e) => OnDisk::Broken(e),
    }
}

/// Whether the loader would read `path` as a dossier file (hidden files and other
/// extensions are not dossiers: the journal, backups, temp files).
fn is_dossier_file(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_none_or(|n| n.to_string_lossy().starts_with('.'));
    !hidden && crate::files::has_ron_extension(path)
}

impl Workspace {
    /// Brings the workspace in line with the file at `path`, which changed on disk (written,
    /// created or deleted by someone else). An edited dossier is never overwritten: that is
    /// a [`DiskChange::Conflict`] for the user to decide.
    pub fn reconcile(&mut self, path: &Path) -> DiskChange {
        if !self.walks_to(path) {
            return DiskChange::None;
        }
        if let Some(file) = super::locks::locked_file(path) {
            return self.lock_changed(&file);
        }
        if !is_dossier_file(path) {
            return DiskChange::None;
        }
        let found = self
            .entries
            .iter()
            .position(|e| e.path.as_deref() == Some(path));
        let (bytes, stamp) = match read(path) {
            OnDisk::Gone => return self.deleted(found),
            OnDisk::Broken(e) => return self.no_longer_loads(e),
            OnDisk::Read(bytes, stamp) => (bytes, stamp),
        };
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
                self.reload(i, dossier, stamp);
                DiskChange::Reloaded(i)
            }
            None => {
                let i = self.add(dossier.clone());
                self.update(i, |e| {
                    e.set_file(path.to_path_buf());
                    e.saved = Some(std::sync::Arc::new(dossier));
                    e.disk = Some(stamp);
                });
                DiskChange::Added(i)
            }
        }
    }

    /// Whether the loader would reach `path` walking the workspace folder: it lies below the
    /// folder, through folders that are neither hidden nor links. A file event from a
    /// watcher that followed a link (or from a hidden folder) is no change of the workspace:
    /// a dossier there could make a save write outside it.
    fn walks_to(&self, path: &Path) -> bool {
        let Some(root) = &self.root else {
            return false;
        };
        let Ok(below) = path.strip_prefix(root) else {
            return false;
        };
        let mut folder = root.clone();
        let mut parts = below.components().peekable();
        while let Some(part) = parts.next() {
            if parts.peek().is_none() {
                return true;
            }
            let std::path::Component::Normal(name) = part else {
                return false;
            };
            folder.push(name);
            let hidden = name.to_string_lossy().starts_with('.');
            let link = std::fs::symlink_metadata(&folder).is_ok_and(|m| m.file_type().is_symlink());
            if hidden || link {
                return false;
            }
        }
        false
    }

    /// The lock file of `file` appeared, changed or went: another window started or stopped
    /// editing that dossier.
    fn lock_changed(&mut self, file: &Path) -> DiskChange {
        let Some(i) = self
            .entries
            .iter()
            .position(|e| e.path.as_deref() == Some(file))
        else {
            return DiskChange::None;
        };
        let theirs = super::locks::read(file)
            .filter(|l| !l.is_mine())
            .map(Box::new);
        let e = &mut self.entries[i];
        if e.locked_by == theirs {
            return DiskChange::None;
        }
        e.locked_by = theirs;
        self.generation += 1;
        DiskChange::Lock(i)
    }

    /// Entry `i` becomes what its file holds: no longer unsaved.
    fn reload(&mut self, i: usize, dossier: Dossier, stamp: DiskStamp) {
        self.update(i, |e| {
            let dossier = std::sync::Arc::new(dossier);
            e.saved = Some(std::sync::Arc::clone(&dossier));
            e.dossier = dossier;
            e.disk = Some(stamp);
        });
    }

    /// Whether the workspace folder can be reached: it can be listed, and the dossier files
    /// it had have not all gone at once (what an unmounted share looks like).
    pub fn folder_reachable(&self) -> bool {
        let Some(root) = &self.root else {
            return true;
        };
        if std::fs::read_dir(root).is_err() {
            return false;
        }
        let mut files = self
            .entries
            .iter()
            .filter(|e| e.disk.is_some())
            .filter_map(|e| e.path.as_deref());
        let mut looked = 0;
        // A few known files suffice: one still there means the folder is.
        let any_there = files.by_ref().take(16).any(|p| {
            looked += 1;
            p.exists()
        });
        any_there || looked <= 1
    }

    /// The file of entry `found` is gone: the dossier stays, now unsaved, so nothing is lost.
    fn deleted(&mut self, found: Option<usize>) -> DiskChange {
        let Some(i) = found else {
            return DiskChange::None;
        };
        if self.entries[i].disk.is_none() {
            return DiskChange::None;
        }
        if !self.folder_reachable() {
            return DiskChange::Unreachable;
        }
        self.update(i, |e| {
            e.disk = None;
            e.saved = None;
        });
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

    /// Resolves a conflict by taking the version on disk ("take theirs"). A file that is gone
    /// or broken leaves the edited version as it is: there is nothing to take.
    pub fn take_theirs(&mut self, i: usize) -> DiskChange {
        let Some(path) = self.entries.get(i).and_then(|e| e.path.clone()) else {
            return DiskChange::None;
        };
        let (bytes, stamp) = match read(&path) {
            OnDisk::Gone => return self.deleted(Some(i)),
            OnDisk::Broken(e) => return self.no_longer_loads(e),
            OnDisk::Read(bytes, stamp) => (bytes, stamp),
        };
        match crate::files::parse_file_bytes(&bytes, &path) {
            Ok(dossier) => {
                self.load_errors.retain(|e| e.path != path);
                self.reload(i, dossier, stamp);
                DiskChange::Reloaded(i)
            }
            Err(e) => self.no_longer_loads(e),
        }
    }

    /// Resolves a conflict by keeping the edited version ("keep mine"): the next save
    /// overwrites the file without asking again.
    pub fn keep_mine(&mut self, i: usize) {
        let Some(path) = self.entries.get(i).and_then(|e| e.path.clone()) else {
            return;
        };
        let stamp = DiskStamp::of(&path);
        self.update(i, |e| e.disk = stamp);
    }
}
