//! The recovery journal: the unsaved dossiers, written every few seconds by the window, so a
//! crash loses at most those seconds; the next session offers them back.

use super::{EditKey, Workspace};
use crate::model::Dossier;
use std::path::{Path, PathBuf};

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

/// Where the journal of the workspace at `root` lives: in the workspace folder, or for the
/// sample (no folder) in the user's data folder.
fn journal_path(root: Option<&Path>) -> PathBuf {
    match root {
        Some(root) => root.join(JOURNAL_NAME),
        None => sample_journal_dir().join("sample-recovery.ron"),
    }
}

/// Removes the file at `path`; one that is not there is no error.
fn remove(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

impl Workspace {
    /// Where unsaved edits are journalled.
    pub fn journal_path(&self) -> PathBuf {
        journal_path(self.root.as_deref())
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
            return remove(&path);
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = ron::to_string(&entries).map_err(std::io::Error::other)?;
        Ok(crate::files::write_private(&path, text.as_bytes())?)
    }

    /// Removes the journal (after a save of everything, or when the user discards it).
    pub fn remove_journal(&self) -> std::io::Result<()> {
        remove(&self.journal_path())
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
            if let Some(i) = found {
                self.apply(i, j.dossier, EditKey::Single);
            } else {
                let i = self.add(j.dossier);
                self.update(i, |e| {
                    e.path = j.path;
                    e.name = j.name;
                });
            }
            n += 1;
        }
        n
    }
}
