//! The recovery journal: the unsaved dossiers of one window, written every few seconds, so a
//! crash loses at most those seconds; a later window offers them back.
//!
//! A journal holds whole dossiers with client names, so it lives in the user's own local
//! data folder (never on the shared drive), readable by its owner only. Each window (each
//! instance of the program) has its own journal per workspace, and holds an operating-system
//! lock on a lock file beside it for as long as it runs: a journal whose lock can be taken
//! belongs to a window that is gone, and only such journals are offered back. Two windows
//! on one workspace never see, offer or delete each other's live journal.
//!
//! A journal is input like any other file: it is read with a size limit, and its dossiers
//! are restored only into dossiers the workspace already holds (matched by their file's
//! canonical path inside the workspace folder) or as new dossiers without a file. Nothing a
//! journal says makes the program write anywhere.

use super::locks::{host_name, user_name};
use super::{EditKey, EditRefused, Workspace};
use crate::model::Dossier;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A journal larger than this is not read: 25,000 unsaved dossiers take about 25 MB.
pub const MAX_JOURNAL_BYTES: u64 = 64 * 1024 * 1024;

/// A path as the journal keeps it: as text, or on Unix as the raw bytes of a file name
/// that is not UTF-8 (such a name once stopped the whole journal from being written).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JournalPath {
    /// A path that is valid Unicode.
    Text(String),
    /// A Unix path's bytes.
    Bytes(Vec<u8>),
}

impl JournalPath {
    /// The journal's form of `path`.
    pub fn of(path: &Path) -> Self {
        match path.to_str() {
            Some(s) => JournalPath::Text(s.to_string()),
            None => Self::bytes(path),
        }
    }

    #[cfg(unix)]
    fn bytes(path: &Path) -> Self {
        use std::os::unix::ffi::OsStrExt;
        JournalPath::Bytes(path.as_os_str().as_bytes().to_vec())
    }

    #[cfg(not(unix))]
    fn bytes(path: &Path) -> Self {
        // Elsewhere a path that is not Unicode is rare (an unpaired UTF-16 surrogate); its
        // dossier then comes back as a new dossier rather than into its file.
        JournalPath::Text(path.to_string_lossy().into_owned())
    }

    /// The path it stands for.
    pub fn to_path(&self) -> Option<PathBuf> {
        match self {
            JournalPath::Text(s) => Some(PathBuf::from(s)),
            JournalPath::Bytes(b) => Self::from_bytes(b),
        }
    }

    #[cfg(unix)]
    #[allow(
        clippy::unnecessary_wraps,
        reason = "elsewhere a byte path cannot be made, and the signature is shared"
    )]
    fn from_bytes(b: &[u8]) -> Option<PathBuf> {
        use std::os::unix::ffi::OsStrExt;
        Some(PathBuf::from(std::ffi::OsStr::from_bytes(b)))
    }

    #[cfg(not(unix))]
    fn from_bytes(_: &[u8]) -> Option<PathBuf> {
        None
    }
}

/// One unsaved dossier in the recovery journal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// Its file, if it has one.
    pub path: Option<JournalPath>,
    /// Its name in lists.
    pub name: String,
    /// The dossier as edited.
    pub dossier: Dossier,
}

/// A journal file's content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct JournalFile {
    /// The workspace it belongs to, as written (for people reading the file).
    workspace: String,
    /// Who wrote it, where, and which process.
    user: String,
    host: String,
    pid: u32,
    /// The unsaved dossiers.
    entries: Vec<JournalEntry>,
}

/// The program's per-user folder, the one home of everything it keeps per user (the
/// window's settings, the journals, the crash reports): `twe-planner` in `$XDG_DATA_HOME`
/// (or `~/.local/share`) on Linux, `%LOCALAPPDATA%` on Windows (not roaming: a journal
/// belongs to one machine), `~/Library/Application Support` on macOS; the variable
/// `TWE_PLANNER_DATA_DIR` replaces it (tests, and users who want it elsewhere).
pub fn data_dir() -> PathBuf {
    std::env::var_os("TWE_PLANNER_DATA_DIR")
        .map(PathBuf::from)
        .or_else(|| dirs::data_local_dir().map(|d| d.join("twe-planner")))
        .unwrap_or_else(|| std::env::temp_dir().join("twe-planner"))
}

/// The user's folder for unnamed working files (a large workbook's sheets wait there until
/// it is written): `scratch` in [`data_dir`], made readable by the user alone; on the
/// user's own disk, never in a shared workspace or a folder of documents. None if it cannot
/// be made (then the system's temporary folder serves).
pub fn scratch_dir() -> Option<PathBuf> {
    let dir = data_dir().join("scratch");
    crate::files::write::create_private_dir(&dir).ok()?;
    Some(dir)
}

/// The user's folder for journals (and crash reports): `journals` in [`data_dir`].
pub fn default_dir() -> PathBuf {
    data_dir().join("journals")
}

/// FNV-1a of a workspace's canonical path: a file-name key that stays the same across
/// versions of the program (a hasher of the standard library may change).
fn key_of(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The key of the workspace at `root` (the sample has none).
fn workspace_key(root: Option<&Path>) -> (String, String) {
    match root {
        None => ("sample".to_string(), "(sample)".to_string()),
        Some(root) => {
            let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
            let shown = canonical.display().to_string();
            (key_of(canonical.as_os_str().as_encoded_bytes()), shown)
        }
    }
}

/// A previous window's journal of this workspace, whose window is gone.
#[derive(Debug)]
pub struct Orphan {
    /// Its journal file.
    journal: PathBuf,
    /// Its lock file.
    lock: PathBuf,
    /// The unsaved dossiers it holds.
    pub entries: Vec<JournalEntry>,
}

impl Orphan {
    /// Deletes the journal and its lock file (restored or discarded: either way it is done).
    pub fn remove(self) {
        let _ = crate::files::write::remove(&self.journal);
        let _ = crate::files::write::remove(&self.lock);
    }
}

/// This window's journal of one workspace.
#[derive(Debug)]
pub struct Journal {
    /// The folder of the journals.
    dir: PathBuf,
    /// The workspace's key: every journal of this workspace starts with it.
    key: String,
    /// The workspace as shown in the file.
    shown: String,
    /// This window's journal file.
    path: PathBuf,
    /// Its lock file, locked for as long as this window runs.
    lock_path: PathBuf,
    /// The open lock file holding the lock; `None` if the lock could not be taken (the
    /// journal is still written, and a later window may offer it early: better twice than
    /// never).
    _lock: Option<std::fs::File>,
}

impl Journal {
    /// This window's journal of the workspace at `root`, in the user's data folder.
    pub fn open(root: Option<&Path>) -> std::io::Result<Self> {
        Self::open_in(&default_dir(), root)
    }

    /// This window's journal of the workspace at `root`, in `dir`.
    pub fn open_in(dir: &Path, root: Option<&Path>) -> std::io::Result<Self> {
        crate::files::write::create_private_dir(dir)?;
        let (key, shown) = workspace_key(root);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let instance = format!("{}-{nanos:x}", std::process::id());
        let path = dir.join(format!("{key}.{instance}.journal.ron"));
        let lock_path = dir.join(format!("{key}.{instance}.lock"));
        let lock = crate::files::write::open_lock_file(&lock_path, true)?;
        let held = lock.try_lock().is_ok().then_some(lock);
        Ok(Self {
            dir: dir.to_path_buf(),
            key,
            shown,
            path,
            lock_path,
            _lock: held,
        })
    }

    /// This window's journal file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `entries` (atomically, owner-only), or removes the journal when there are none.
    pub fn write(&self, entries: Vec<JournalEntry>) -> std::io::Result<()> {
        match self.render(entries)? {
            Some(text) => Ok(crate::files::write_private(&self.path, text.as_bytes())?),
            None => self.clear(),
        }
    }

    /// The journal's text for `entries` (`None` when there are none: no journal).
    pub fn render(&self, entries: Vec<JournalEntry>) -> std::io::Result<Option<String>> {
        if entries.is_empty() {
            return Ok(None);
        }
        let file = JournalFile {
            workspace: self.shown.clone(),
            user: user_name(),
            host: host_name(),
            pid: std::process::id(),
            entries,
        };
        ron::to_string(&file)
            .map(Some)
            .map_err(std::io::Error::other)
    }

    /// Removes this window's journal (everything saved, or discarded).
    pub fn clear(&self) -> std::io::Result<()> {
        crate::files::write::remove(&self.path)
    }

    /// The journals of this workspace left by windows that are gone (their lock can be
    /// taken), with what they hold; unreadable ones are skipped and left alone.
    pub fn orphans(&self) -> Vec<Orphan> {
        let Ok(listing) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let prefix = format!("{}.", self.key);
        let mut out = Vec::new();
        for entry in listing.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(instance) = name
                .strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(".lock"))
            else {
                continue;
            };
            let lock = entry.path();
            if lock == self.lock_path || !lock_is_free(&lock) {
                continue;
            }
            let journal = self.dir.join(format!("{prefix}{instance}.journal.ron"));
            match read(&journal) {
                Some(entries) if !entries.is_empty() => out.push(Orphan {
                    journal,
                    lock,
                    entries,
                }),
                // A window that ended with nothing unsaved, or an empty journal: tidy up.
                Some(_) => Orphan {
                    journal,
                    lock,
                    entries: Vec::new(),
                }
                .remove(),
                // Not found: a window gone with nothing unsaved; unreadable: left alone.
                None if !journal.exists() => {
                    let _ = crate::files::write::remove(&lock);
                }
                None => {}
            }
        }
        out
    }
}

impl Drop for Journal {
    /// A window that ends with nothing unsaved leaves nothing behind; one with unsaved work
    /// (after a crash, it does not get here) leaves its journal for the next window.
    fn drop(&mut self) {
        if !self.path.exists() {
            let _ = crate::files::write::remove(&self.lock_path);
        }
    }
}

/// Whether the window that made this lock file is gone: its lock can be taken. Anything
/// but a regular file at the name (a pipe, which would make the window wait forever) is
/// not a window's lock, and is left alone.
pub(super) fn lock_is_free(lock: &Path) -> bool {
    crate::files::write::open_lock_file(lock, false).is_ok_and(|f| f.try_lock().is_ok())
}

/// Reads a journal file: `None` if it cannot be read, is too large or is not a journal.
fn read(path: &Path) -> Option<Vec<JournalEntry>> {
    use std::io::Read;
    // Never waits on a pipe put at a journal's name; only a regular file is read.
    let file = crate::files::open_no_wait(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    file.take(MAX_JOURNAL_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    if bytes.len() as u64 > MAX_JOURNAL_BYTES {
        return None;
    }
    parse(&bytes)
}

/// A journal's entries from its bytes, if they are a journal.
pub fn parse(bytes: &[u8]) -> Option<Vec<JournalEntry>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let options = ron::Options::default().with_recursion_limit(crate::files::MAX_NESTING);
    let file: JournalFile = options.from_str(text).ok()?;
    Some(file.entries)
}

/// Whether `path` is a file inside the folder `root`, judged after resolving `..` and
/// links: the canonical path of the file (or, for one that does not exist, of its folder)
/// lies inside the canonical folder.
pub fn is_inside(root: &Path, path: &Path) -> bool {
    let Ok(root) = std::fs::canonicalize(root) else {
        return false;
    };
    let resolved = std::fs::canonicalize(path).ok().or_else(|| {
        let parent = std::fs::canonicalize(path.parent()?).ok()?;
        Some(parent.join(path.file_name()?))
    });
    resolved.is_some_and(|p| p != root && p.starts_with(&root))
}

/// What a restore of a journal did.
#[derive(Debug)]
pub struct Restored {
    /// How many dossiers came back.
    pub restored: usize,
    /// Those that did not, past a bound (their name and what goes past).
    pub refused: Vec<(String, crate::model::bounds::Exceeded)>,
}

impl Restored {
    /// What happened, in `lang`.
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        use std::fmt::Write as _;
        let mut text = format!(
            "{} {}",
            self.restored,
            lang.pick("dossier(s) hersteld", "dossier(s) restored")
        );
        for (name, e) in &self.refused {
            // Writing to a String cannot fail.
            let _ = write!(
                text,
                "; {name} {}: {}",
                lang.pick("niet hersteld, te groot", "not restored, too large"),
                e.message(lang)
            );
        }
        text
    }
}

impl Workspace {
    /// The unsaved dossiers, as the journal keeps them.
    pub fn journal_entries(&self) -> Vec<JournalEntry> {
        self.entries
            .iter()
            .filter(|e| e.is_dirty())
            .map(|e| JournalEntry {
                path: e.path.as_deref().map(JournalPath::of),
                name: e.name().to_string(),
                dossier: (*e.dossier).clone(),
            })
            .collect()
    }

    /// Puts journalled dossiers back as unsaved edits. A dossier goes back into the entry
    /// whose file its journal names, if the workspace holds that file inside its folder; any
    /// other comes back as a new dossier without a file, so that a journal can never make a
    /// save write outside the workspace or create a file it names. A dossier past the
    /// loader's bounds is not put back (its file would never open again): it is named.
    pub fn restore(&mut self, entries: Vec<JournalEntry>) -> Restored {
        let mut n = 0;
        let mut refused = Vec::new();
        let mut into = std::collections::HashSet::new();
        for j in entries {
            if let Err(e) = crate::model::bounds::check(&j.dossier) {
                refused.push((j.name, e));
                continue;
            }
            let found = match j.path.as_ref().and_then(JournalPath::to_path) {
                Some(path) => self.restorable_entry(&path),
                // A dossier without a file (the sample, a new one): by its name, among those
                // without a file.
                None => self
                    .entries
                    .iter()
                    .position(|e| e.path.is_none() && !e.deleted && e.name() == j.name),
            };
            match found {
                // A second entry for a file already put back (the journal named it twice,
                // as a link and as its target): beside it as a copy, never over it.
                Some(i) if !into.insert(i) => {
                    let mut copy = j.dossier;
                    copy.id = self.copy_id(&copy.id);
                    self.add(copy);
                }
                Some(i) => self.restore_into(i, j.dossier),
                None => {
                    self.add(j.dossier);
                }
            }
            n += 1;
        }
        Restored {
            restored: n,
            refused,
        }
    }

    /// Puts a journalled dossier back into entry `i`. The lock its crashed window left is
    /// stale (its process is gone): it is taken over. A window that lives and edits it
    /// keeps it, and the journal's version comes back beside it as a copy (`ID-kopie-N`),
    /// as it does when no lock can be made: nothing is lost, nothing is overwritten.
    fn restore_into(&mut self, i: usize, dossier: crate::model::Dossier) {
        let now = chrono::Local::now().naive_local();
        let mut result = self.apply(i, dossier.clone(), EditKey::Single);
        if let Err(EditRefused::Locked(info)) = &result
            && info.is_stale(now)
            && self.take_over_lock(i).is_ok()
        {
            result = self.apply(i, dossier.clone(), EditKey::Single);
        }
        if result.is_err() {
            let mut copy = dossier;
            copy.id = self.copy_id(&copy.id);
            self.add(copy);
        }
    }

    /// The entry whose file is `path`, if that file lies inside the workspace folder.
    fn restorable_entry(&self, path: &Path) -> Option<usize> {
        let root = self.root.as_deref()?;
        if !is_inside(root, path) {
            return None;
        }
        let canonical = std::fs::canonicalize(path).ok()?;
        self.entries.iter().position(|e| {
            e.path
                .as_deref()
                .and_then(|p| std::fs::canonicalize(p).ok())
                .is_some_and(|p| p == canonical)
        })
    }
}
