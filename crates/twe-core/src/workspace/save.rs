//! Saving dossiers to their files: never over a file that changed on disk since it was read,
//! and a dossier without a file asks where first.

use super::Workspace;
use crate::files::{DiskStamp, SaveFailure, save_dossier};
use std::path::{Path, PathBuf};

/// Why a save did not happen.
#[derive(Debug)]
pub enum SaveError {
    /// The dossier has no file yet: ask where to save it.
    NeedsPath,
    /// The file changed on disk since it was loaded: ask before overwriting.
    ChangedOnDisk(PathBuf),
    /// The file may not be written over (read-only, a link) or writing failed.
    Failed(SaveFailure),
    /// "Save as" to a file another window edits.
    Locked(PathBuf, super::LockInfo),
    /// "Save as" to the file of another dossier of the workspace.
    OthersFile(PathBuf),
    /// "Save as" to a name that is not a dossier file's (`.ron`): the workspace would not
    /// find it again.
    NotRon(PathBuf),
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
            SaveError::Failed(f) => f.message(lang),
            SaveError::Locked(p, info) => format!(
                "{}: {}; {}",
                p.display(),
                info.describe(lang),
                lang.pick("kies een ander bestand", "choose another file")
            ),
            SaveError::NotRon(p) => format!(
                "{}: {}",
                p.display(),
                lang.pick(
                    "een dossier wordt bewaard als .ron-bestand; kies een naam op .ron",
                    "a dossier is saved as a .ron file; choose a name ending in .ron"
                )
            ),
            SaveError::OthersFile(p) => format!(
                "{}: {}",
                p.display(),
                lang.pick(
                    "dit is het bestand van een ander dossier van de werkmap; kies een ander bestand",
                    "this is the file of another dossier of the workspace; choose another file"
                )
            ),
        }
    }

    /// Whether only saving elsewhere can help (a read-only file, a link, a file that is
    /// another's).
    pub fn needs_elsewhere(&self) -> bool {
        match self {
            SaveError::Failed(f) => f.needs_elsewhere(),
            SaveError::Locked(..) | SaveError::OthersFile(_) | SaveError::NotRon(_) => true,
            SaveError::NeedsPath | SaveError::ChangedOnDisk(_) => false,
        }
    }
}

impl Workspace {
    /// Saves entry `i` to its file, unless the file changed on disk since it was loaded
    /// (then [`SaveError::ChangedOnDisk`]; [`Workspace::save_over`] overwrites anyway). A
    /// dossier without a file gets one in the workspace folder, named after its id
    /// ([`crate::files::names`]); only the sample, which has no folder, needs a path.
    pub fn save(&mut self, i: usize) -> Result<(), SaveError> {
        let Some(entry) = self.entries.get(i) else {
            return Ok(());
        };
        let Some(path) = entry.path.clone() else {
            return match self.root.clone() {
                Some(root) => self.save_new_into(i, &root),
                None => Err(SaveError::NeedsPath),
            };
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

    /// Saves entry `i` to `path`, which becomes its file: never the file of another dossier
    /// of the workspace, nor one another window edits (its lock says so).
    pub fn save_as(&mut self, i: usize, path: PathBuf) -> Result<(), SaveError> {
        if !crate::files::has_ron_extension(&path) {
            return Err(SaveError::NotRon(path));
        }
        let same = |p: &Path| {
            p == path
                || std::fs::canonicalize(p)
                    .ok()
                    .zip(std::fs::canonicalize(&path).ok())
                    .is_some_and(|(a, b)| a == b)
        };
        let others = self
            .entries
            .iter()
            .enumerate()
            .any(|(k, e)| k != i && !e.deleted && e.path.as_deref().is_some_and(same));
        if others {
            return Err(SaveError::OthersFile(path));
        }
        if let Some(info) = super::locks::read(&path).filter(|l| !l.is_mine()) {
            return Err(SaveError::Locked(path, info));
        }
        self.write(i, path)
    }

    fn write(&mut self, i: usize, path: PathBuf) -> Result<(), SaveError> {
        let Some(entry) = self.entries.get(i) else {
            return Ok(());
        };
        let id_before = entry.saved.as_ref().map(|d| d.id.clone());
        save_dossier(&path, &entry.dossier).map_err(SaveError::Failed)?;
        let stamp = DiskStamp::of(&path);
        self.update(i, |e| {
            e.disk = stamp;
            e.saved = Some(e.dossier.clone());
            e.set_file(path);
        });
        // An id written that differs from the file's before (or a workspace whose files
        // repeat an id) has its repeated ids looked for again: a mended id stops being
        // reported, a repeated one typed starts.
        let id = self.entries[i].dossier.id.as_str();
        let another_has_it = || {
            self.entries.iter().enumerate().any(|(k, e)| {
                k != i
                    && !e.deleted
                    && e.path.is_some()
                    && e.saved.as_ref().is_some_and(|d| d.id == id)
            })
        };
        if self.repeats_an_id() || (id_before.as_deref() != Some(id) && another_has_it()) {
            self.find_repeated_ids_again();
        }
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

    /// Saves entry `i`, which has no file, as a new file in `dir` named after its id: never
    /// over an existing file (a name taken meanwhile gets the next number).
    fn save_new_into(&mut self, i: usize, dir: &Path) -> Result<(), SaveError> {
        let Some(entry) = self.entries.get(i) else {
            return Ok(());
        };
        let failed = |e| SaveError::Failed(SaveFailure::Io(dir.to_path_buf(), e));
        let text = crate::files::saved_text(&dir.join(entry.name()), &entry.dossier)
            .map_err(SaveError::Failed)?;
        let mut taken = crate::files::names::taken_in(dir);
        // Names this workspace gave but another process may not see yet.
        taken.extend(
            self.entries
                .iter()
                .filter_map(|e| e.path.as_deref())
                .filter(|p| p.parent() == Some(dir))
                .filter_map(Path::file_name)
                .map(|n| crate::files::names::clash_key(&n.to_string_lossy())),
        );
        for _ in 0..100 {
            let name = crate::files::names::file_name_for(&entry.dossier.id, &mut taken);
            match crate::files::write_new(dir, &name, text.as_bytes()) {
                Ok(path) => {
                    crate::files::sync_dir(dir);
                    let stamp = DiskStamp::of(&path);
                    self.update(i, |e| {
                        e.disk = stamp;
                        e.saved = Some(e.dossier.clone());
                        e.set_file(path);
                    });
                    return Ok(());
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(failed(e)),
            }
        }
        Err(failed(std::io::Error::from(
            std::io::ErrorKind::AlreadyExists,
        )))
    }

    /// Saves entry `i`, which has no file, into `dir` as a new file named after its id
    /// (a dossier of the sample, when the user picks a folder for it). The workspace keeps
    /// no folder: the sample stays the sample.
    pub fn save_into(&mut self, i: usize, dir: &Path) -> Result<(), SaveError> {
        crate::files::write::create_dir(dir)
            .map_err(|e| SaveError::Failed(SaveFailure::Io(dir.to_path_buf(), e)))?;
        self.save_new_into(i, dir)
    }

    /// Saves every dossier that has no file into `dir`, each as a new file named after its
    /// id (the sample's dossiers, when the user picks a folder for them).
    pub fn save_unfiled_into(&mut self, dir: &Path) -> Vec<(usize, SaveError)> {
        if let Err(e) = crate::files::write::create_dir(dir) {
            return vec![(0, SaveError::Failed(SaveFailure::Io(dir.to_path_buf(), e)))];
        }
        let unfiled: Vec<usize> = (0..self.entries.len())
            .filter(|&i| self.entries[i].path.is_none() && !self.entries[i].deleted)
            .collect();
        let mut problems = Vec::new();
        for i in unfiled {
            if let Err(e) = self.save_new_into(i, dir) {
                problems.push((i, e));
            }
        }
        if self.root.is_none() {
            self.root = Some(dir.to_path_buf());
        }
        problems
    }
}
