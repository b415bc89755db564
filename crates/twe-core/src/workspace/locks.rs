//! Lock files between windows, as `LibreOffice` keeps them: while a window holds unsaved
//! edits to `NAME.ron`, the file `.~lock.NAME.ron#` stands beside it, created exclusively
//! before the first edit, holding one line `user,host,pid,YYYY-MM-DDTHH:MM` (local time).
//! Another window, on this machine or another, sees who edits the dossier since when, and
//! shows it read-only. A lock whose process is gone (on the same machine), that is older
//! than 12 hours or dated more than 12 hours ahead of this machine's clock is stale, and may
//! be taken over after asking. The lock goes when the dossier is saved, its edits are
//! discarded, or the window closes. Lock files are hidden: every reader skips them.
//!
//! A lock is readable by whoever may read the dossier (it gets the dossier's read bits and
//! group, whatever the umask), and is created whole, never seen half written. Something at a
//! lock's name that cannot be read, or is not a lock of ours, is held by someone: it is never
//! removed as rubbish, and only its age (12 hours) makes it stale.

use chrono::NaiveDateTime;
use std::path::{Path, PathBuf};

/// After this long a lock counts as stale even if its process cannot be seen (another
/// machine): nobody edits one dossier for a whole working day without saving.
pub const STALE_AFTER_HOURS: i64 = 12;

/// A lock file's longest sensible content; more is not a lock of ours.
const MAX_LOCK_BYTES: u64 = 4096;

/// Who holds a lock whose file cannot be read or is not a lock of ours.
const UNKNOWN: &str = "?";

/// Who runs the program: the login name.
pub fn user_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "?".to_string())
}

/// The machine's name, asked once: every lock taken and released names it, and a save of
/// `fix` takes and releases one per dossier.
pub fn host_name() -> String {
    static HOST: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HOST.get_or_init(|| gethostname::gethostname().to_string_lossy().into_owned())
        .clone()
}

/// What a lock file says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockInfo {
    /// Who edits.
    pub user: String,
    /// On which machine.
    pub host: String,
    /// The editing process.
    pub pid: u32,
    /// Since when (local time, to the minute).
    pub since: NaiveDateTime,
    /// Whether the lock file could be read: an unreadable one is held by someone unknown,
    /// since it was last written.
    pub readable: bool,
}

impl LockInfo {
    /// This process's lock, now.
    pub fn mine() -> Self {
        Self {
            user: user_name(),
            host: host_name(),
            pid: std::process::id(),
            since: chrono::Local::now().naive_local(),
            readable: true,
        }
    }

    /// A lock at `lock` that cannot be read, or is not one of ours: held by someone, since
    /// it was last written.
    fn unknown(lock: &Path) -> Self {
        let since = std::fs::symlink_metadata(lock)
            .and_then(|m| m.modified())
            .ok()
            .map_or_else(
                || chrono::Local::now().naive_local(),
                |t| chrono::DateTime::<chrono::Local>::from(t).naive_local(),
            );
        Self {
            user: UNKNOWN.to_string(),
            host: UNKNOWN.to_string(),
            pid: 0,
            since,
            readable: false,
        }
    }

    /// The lock file's one line.
    fn line(&self) -> String {
        // A comma in a name would split the line: LibreOffice's format has no escapes.
        let clean = |s: &str| s.replace([',', '\n', '\r'], " ");
        format!(
            "{},{},{},{}\n",
            clean(&self.user),
            clean(&self.host),
            self.pid,
            self.since.format("%Y-%m-%dT%H:%M")
        )
    }

    /// A lock file's content, if it is a lock of ours.
    fn parse(text: &str) -> Option<Self> {
        let mut parts = text.lines().next()?.split(',');
        let user = parts.next()?.to_string();
        let host = parts.next()?.to_string();
        let pid = parts.next()?.trim().parse().ok()?;
        let since = NaiveDateTime::parse_from_str(parts.next()?.trim(), "%Y-%m-%dT%H:%M").ok()?;
        Some(Self {
            user,
            host,
            pid,
            since,
            readable: true,
        })
    }

    /// Whether this is the lock of this very process.
    pub fn is_mine(&self) -> bool {
        self.readable && self.pid == std::process::id() && self.host == host_name()
    }

    /// Whether the lock may be taken over: it is older than [`STALE_AFTER_HOURS`], or dated
    /// more than that ahead of this machine's clock (a wrong clock, or a forged date), or
    /// its process is gone (judged on this machine only, for a lock that can be read).
    pub fn is_stale(&self, now: NaiveDateTime) -> bool {
        let hours = chrono::Duration::hours(STALE_AFTER_HOURS);
        now - self.since > hours
            || self.since - now > hours
            || (self.readable && self.host == host_name() && !process_alive(self.pid))
    }

    /// Whether this is a lock this user left on this machine whose process is gone (a
    /// `fix` or a window that was killed): the same user may take it over at once.
    pub fn is_my_leftover(&self) -> bool {
        self.readable
            && self.user == user_name()
            && self.host == host_name()
            && self.pid != std::process::id()
            && !process_alive(self.pid)
    }

    /// "being edited by USER on HOST since HH:MM", in `lang`; for a lock that cannot be read,
    /// "being edited by someone (its lock file cannot be read) since HH:MM".
    pub fn describe(&self, lang: crate::lang::Lang) -> String {
        let today = chrono::Local::now().date_naive();
        let when = if self.since.date() == today {
            self.since.format("%H:%M").to_string()
        } else {
            format!(
                "{} {}",
                crate::lang::date(self.since.date(), lang),
                self.since.format("%H:%M")
            )
        };
        if !self.readable {
            return format!(
                "{} {when}",
                lang.pick(
                    "wordt bewerkt door iemand (het slotbestand is niet leesbaar) sinds",
                    "being edited by someone (the lock file cannot be read) since"
                )
            );
        }
        format!(
            "{} {} {} {} {} {when}",
            lang.pick("wordt bewerkt door", "being edited by"),
            self.user,
            lang.pick("op", "on"),
            self.host,
            lang.pick("sinds", "since"),
        )
    }
}

/// Whether process `pid` runs on this machine; where that cannot be seen, it is taken to
/// run (only the age then makes a lock stale).
fn process_alive(pid: u32) -> bool {
    #[cfg(target_os = "linux")]
    {
        Path::new("/proc").join(pid.to_string()).exists()
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pid;
        true
    }
}

/// The lock file of the dossier file `file`: `.~lock.NAME#` beside it.
pub fn lock_path(file: &Path) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    file.with_file_name(format!(".~lock.{name}#"))
}

/// Whether a file named `name` is a lock file (`.~lock.NAME#`, as office programs name theirs).
pub fn is_lock_name(name: &str) -> bool {
    name.len() > ".~lock.#".len() && name.starts_with(".~lock.") && name.ends_with('#')
}

/// The dossier file a lock file stands for, if `lock` is named like one.
pub fn locked_file(lock: &Path) -> Option<PathBuf> {
    let name = lock.file_name()?.to_str()?;
    let file = name.strip_prefix(".~lock.")?.strip_suffix('#')?;
    (!file.is_empty()).then(|| lock.with_file_name(file))
}

/// The lock files beside `files`, read: one listing per folder, and only the lock files
/// found are read; locks this window holds are left out. Memory holds the folders and the
/// lock files found, never a set of every file (13 MB at a quarter of a million files, at
/// the end of a load, when memory is fullest).
pub fn scan<'a>(files: impl Iterator<Item = &'a Path> + Clone) -> Vec<(PathBuf, LockInfo)> {
    let folders: std::collections::BTreeSet<&Path> =
        files.clone().filter_map(Path::parent).collect();
    // The lock files in those folders, by the file they stand for: few, whatever the folder.
    let mut found: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    for folder in folders {
        let Ok(listing) = std::fs::read_dir(folder) else {
            continue;
        };
        for entry in listing.filter_map(Result::ok) {
            let name = entry.file_name();
            // Most names are dossiers: only names that can be lock files are looked at.
            if !name.as_encoded_bytes().starts_with(b".~lock.") {
                continue;
            }
            if let Some(file) = locked_file(&entry.path()) {
                found.insert(file);
            }
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    // Only the locks of the files asked about (each once), in their order.
    let mut out = Vec::new();
    for file in files {
        if found.remove(file)
            && let Some(info) = read(file).filter(|l| !l.is_mine())
        {
            out.push((file.to_path_buf(), info));
        }
    }
    out
}

/// The locks on the files of `files` among the lock files its listing met
/// ([`crate::files::Listing::beside`]), read, in the files' order: what [`scan`] finds, without
/// listing the folders again (a load of a large folder on a network share listed it twice
/// more). Locks this window holds are left out.
pub fn of_listing(files: &crate::files::Listing) -> Vec<(PathBuf, LockInfo)> {
    let mut found: Vec<(usize, PathBuf, LockInfo)> = files
        .beside()
        .locks
        .iter()
        .filter_map(|lock| {
            let file = locked_file(lock)?;
            let n = files.position(&file)?;
            let info = read(&file).filter(|l| !l.is_mine())?;
            Some((n, file, info))
        })
        .collect();
    found.sort_by_key(|(n, ..)| *n);
    found.dedup_by_key(|(n, ..)| *n);
    found
        .into_iter()
        .map(|(_, file, info)| (file, info))
        .collect()
}

/// The locks on `files`, each looked up at its own name (one look a file): for a few files
/// of a large folder, where [`scan`]'s listing of the whole folder would cost more than the
/// files themselves (`fix` saves a part of a folder at a time). Locks this window holds are
/// left out.
pub fn look_up<'a>(files: impl Iterator<Item = &'a Path>) -> Vec<(PathBuf, LockInfo)> {
    files
        .filter_map(|file| Some((file.to_path_buf(), read(file).filter(|l| !l.is_mine())?)))
        .collect()
}

/// The lock on `file`, if anything stands at its lock's name: what it says, or, where it
/// cannot be read or is not a lock of ours, a lock held by someone unknown.
pub fn read(file: &Path) -> Option<LockInfo> {
    read_at(&lock_path(file))
}

/// The lock at `lock`, if anything stands there: read without waiting on a pipe, only from
/// a regular file, at most 4 KiB.
fn read_at(lock: &Path) -> Option<LockInfo> {
    use std::io::Read;
    if std::fs::symlink_metadata(lock).is_err() {
        return None;
    }
    let parsed = crate::files::open_no_wait(lock).ok().and_then(|f| {
        if !f.metadata().ok()?.is_file() {
            return None;
        }
        let mut text = String::new();
        f.take(MAX_LOCK_BYTES).read_to_string(&mut text).ok()?;
        LockInfo::parse(&text)
    });
    Some(parsed.unwrap_or_else(|| LockInfo::unknown(lock)))
}

/// Why a lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Someone holds it.
    Held(LockInfo),
    /// The lock file could not be written (a read-only share, a full disk).
    Io(std::io::Error),
}

/// Takes the lock on `file`: creates its lock file exclusively (it fails if anything stands
/// at its name: then whoever that is holds it, unless it is this process's).
pub fn acquire(file: &Path) -> Result<(), LockError> {
    match create(file) {
        Err(LockError::Io(e)) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            match read(file) {
                Some(info) if info.is_mine() => Ok(()),
                Some(info) => Err(LockError::Held(info)),
                // Gone between the two looks: try once more.
                None => create(file),
            }
        }
        other => other,
    }
}

/// Creates the lock file exclusively with this process's line, whole when it appears, and
/// readable by whoever may read the dossier (its read bits and group).
fn create(file: &Path) -> Result<(), LockError> {
    let readers = std::fs::metadata(file).ok();
    crate::files::write::create_exclusive(
        &lock_path(file),
        LockInfo::mine().line().as_bytes(),
        &crate::files::Mode::ReadableAs(readers),
    )
    .map_err(LockError::Io)
}

/// Removes the lock file of `file` if what it holds passes `remove`, without ever
/// removing a lock another window created in between: the file is first renamed away (one
/// atomic step), then read; a lock that must stay is put back unless a new one stands.
/// Returns whether it was removed.
fn remove_if(file: &Path, remove: impl Fn(Option<&LockInfo>) -> bool) -> bool {
    let path = lock_path(file);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let aside = path.with_file_name(format!(
        "{}.{}-{nanos:x}",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default(),
        std::process::id()
    ));
    if crate::files::write::rename(&path, &aside).is_err() {
        return false;
    }
    let info = read_at(&aside);
    if remove(info.as_ref()) {
        let _ = crate::files::write::remove(&aside);
        true
    } else {
        // Back where it was, unless a new lock stands there now (then that one holds).
        if !crate::files::write::rename_noclobber(&aside, &path) {
            if path.exists() {
                let _ = crate::files::write::remove(&aside);
            } else {
                let _ = crate::files::write::rename(&aside, &path);
            }
        }
        false
    }
}

/// Gives the lock on `file` back, if it is this process's.
pub fn release(file: &Path) {
    remove_if(file, |info| info.is_some_and(LockInfo::is_mine));
}

/// Takes over a stale lock on `file` (the user was asked): removes it if it is still the
/// same lock, then takes the lock.
pub fn take_over(file: &Path, stale: &LockInfo) -> Result<(), LockError> {
    remove_if(file, |info| info == Some(stale));
    acquire(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    mod shared_drive {
        use super::*;

        #[test]
        fn a_lock_is_named_as_libreoffice_names_its_own_and_says_who() {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("gent-2019-0042.ron");
            assert_eq!(
                lock_path(&file).file_name().unwrap().to_string_lossy(),
                ".~lock.gent-2019-0042.ron#"
            );
            assert_eq!(
                locked_file(&lock_path(&file)).as_deref(),
                Some(file.as_path())
            );
            acquire(&file).unwrap();
            let text = std::fs::read_to_string(lock_path(&file)).unwrap();
            let fields: Vec<&str> = text.trim_end().split(',').collect();
            assert_eq!(fields.len(), 4, "{text}");
            assert_eq!(fields[2], std::process::id().to_string());
            assert!(chrono::NaiveDateTime::parse_from_str(fields[3], "%Y-%m-%dT%H:%M").is_ok());
            assert!(read(&file).unwrap().is_mine());
            acquire(&file).unwrap();
            release(&file);
            assert!(!lock_path(&file).exists());
        }

        #[test]
        fn another_windows_lock_is_not_taken_and_a_stale_one_is_taken_over() {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("d.ron");
            // Another machine's window, editing since a minute.
            let now = chrono::Local::now().naive_local();
            let theirs = LockInfo {
                user: "sofie".into(),
                host: "ocmw-pc-7".into(),
                pid: 4242,
                since: now - chrono::Duration::minutes(1),
                readable: true,
            };
            std::fs::write(lock_path(&file), theirs.line()).unwrap();
            let held = read(&file).unwrap();
            assert!(!held.is_stale(now));
            assert!(matches!(acquire(&file), Err(LockError::Held(i)) if i.user == "sofie"));
            release(&file);
            assert!(lock_path(&file).exists(), "not ours to remove");
            assert!(
                held.describe(crate::lang::Lang::En)
                    .starts_with("being edited by sofie on ocmw-pc-7 since")
            );
            // Thirteen hours later it is stale; so is one dated thirteen hours ahead.
            assert!(held.is_stale(now + chrono::Duration::hours(13)));
            assert!(held.is_stale(now - chrono::Duration::hours(13)));
            assert!(!held.is_stale(now - chrono::Duration::hours(11)));
            // A lock of this machine whose process is gone is stale at once.
            let gone = LockInfo {
                host: host_name(),
                pid: u32::MAX - 1,
                ..held.clone()
            };
            #[cfg(target_os = "linux")]
            assert!(gone.is_stale(now));
            take_over(&file, &held).unwrap();
            assert!(read(&file).unwrap().is_mine());
            let _ = gone;
        }

        #[test]
        fn something_else_at_the_locks_name_is_never_removed() {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("d.ron");
            std::fs::write(lock_path(&file), "not a lock").unwrap();
            assert!(read(&file).is_some_and(|l| !l.readable));
            assert!(matches!(acquire(&file), Err(LockError::Held(l)) if !l.readable));
            release(&file);
            assert_eq!(
                std::fs::read_to_string(lock_path(&file)).unwrap(),
                "not a lock"
            );
        }
    }
}
