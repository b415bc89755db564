//! The one way the program changes the file system: every file it writes (dossiers, their
//! backups, dossiers put back by an undo or a journal, imports, exports, documents, locks,
//! journals, crash reports), every file it removes or renames and every folder it makes goes
//! through here. A structure test (`files/tests.rs`) holds that no other module opens a file
//! for writing, renames, removes or sets permissions.
//!
//! A workspace lives on a shared drive that colleagues can write to too, so:
//! - a file is written to a temporary file created exclusively (`O_EXCL`) under an
//!   unpredictable name in the target's own folder, synced, then renamed into place: the file
//!   is at every moment the old content or the new;
//! - its mode and group are set on the *open* temporary file before the rename (`fchmod`,
//!   `fchown`), never afterwards by path, which a colleague could swap for a link in between;
//!   set-user-id, set-group-id and sticky bits are never carried over;
//! - a target is refused when it is a link, a folder, a pipe or another thing that is not a
//!   regular file, and when this user may not write it: the operating system's own answer
//!   for this user (`access(W_OK)` on Unix), and for root, who may write anything, a file
//!   without any write bit;
//! - a new file never replaces what appeared at its name meanwhile (`renameat2` without
//!   replace, or a hard link).

use super::save::SaveFailure;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Our temporary files start with this: hidden (the loader skips them) and recognisable, so
/// that the leftovers of a killed save can be cleaned up.
pub const TEMP_PREFIX: &str = ".~twe-";
/// Our temporary files end with this.
pub const TEMP_SUFFIX: &str = ".tmp";

/// The permissions a written file gets. Whatever is asked, set-user-id, set-group-id and
/// sticky bits never are.
#[derive(Clone, Debug)]
pub enum Mode {
    /// Those of the file it replaces, or what any new file gets here (the umask's), and its
    /// group; someone who may not give the file that group gets the folder's, and then the
    /// group gets no access: a file is never readable by a group it was not.
    Like(Option<std::fs::Metadata>),
    /// Readable and writable by the owner only (journals, crash reports).
    Private,
    /// Readable by whoever may read `of` (its read bits and its group), writable by the
    /// owner: a lock beside its dossier, which the team must be able to read.
    ReadableAs(Option<std::fs::Metadata>),
    /// These permission bits and this group: a file put back as it was.
    Exactly {
        /// The permission bits (special bits are dropped).
        bits: u32,
        /// The group, where the platform has one.
        gid: Option<u32>,
    },
}

/// The permission bits and group of `meta`, where the platform keeps them.
pub fn mode_of(meta: &std::fs::Metadata) -> (u32, Option<u32>) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (meta.mode() & 0o777, Some(meta.gid()))
    }
    #[cfg(not(unix))]
    {
        (
            if meta.permissions().readonly() {
                0o444
            } else {
                0o666
            },
            None,
        )
    }
}

/// Whether this user may write the file at `path`: the operating system's answer for this
/// user (on Unix `access(W_OK)` with the effective ids, which sees groups and ACLs), and for
/// root a file with at least one write bit. A file that is not there may not be written
/// either (this is about replacing what stands).
pub fn may_write(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| may_write_as(path, &meta))
}

/// Whether the file at `path` is there and this user may not write it: a dossier to open
/// read-only. One look at the file, where `exists` and [`may_write`] would take two.
pub fn read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| !may_write_as(path, &meta))
}

/// [`may_write`] of the file at `path` whose metadata (followed through a link) is `meta`.
fn may_write_as(path: &Path, meta: &std::fs::Metadata) -> bool {
    if meta.permissions().readonly() {
        return false;
    }
    #[cfg(unix)]
    {
        use rustix::fs::{Access, AtFlags, CWD, accessat};
        use std::os::unix::fs::PermissionsExt;
        // The effective user never changes while the program runs: asked once.
        static ROOT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        let root = *ROOT.get_or_init(|| rustix::process::geteuid().is_root());
        if root && meta.permissions().mode() & 0o222 == 0 {
            return false;
        }
        accessat(CWD, path, Access::WRITE_OK, AtFlags::EACCESS).is_ok()
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        true
    }
}

/// What stands at `path`, if it may be replaced: nothing, or a regular file this user may
/// write. A link, a folder, a pipe or a device is refused, and so is a file this user may
/// not write ([`may_write`]).
pub fn replaceable(path: &Path) -> Result<Option<std::fs::Metadata>, SaveFailure> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(SaveFailure::Symlink(path.to_path_buf())),
        Ok(m) if !m.is_file() => Err(SaveFailure::NotAFile(path.to_path_buf())),
        Ok(m) if !may_write_as(path, &m) => Err(SaveFailure::ReadOnly(path.to_path_buf())),
        Ok(m) => Ok(Some(m)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(SaveFailure::Io(path.to_path_buf(), e)),
    }
}

/// The umask of this process: what a newly created file's mode loses. Read from the kernel
/// where it says (Linux); 022 elsewhere, the usual default.
#[cfg(unix)]
fn umask() -> u32 {
    // Read once: the program never changes its umask, and reading /proc/self/status costs
    // tens of microseconds of system time with the worker threads running, per file (an
    // import of 23,186 dossiers spent seconds on it).
    static UMASK: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *UMASK.get_or_init(|| {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("Umask:"))
                    .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
            })
            .unwrap_or(0o022)
    })
}

/// Gives the open file `file` its permissions and group, before it takes the target's place
/// (so the content is never readable by more people than it will be). Set on the open file,
/// never by path.
fn set_mode(file: &std::fs::File, mode: &Mode) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let (bits, gid) = match mode {
            Mode::Like(Some(old)) => (old.mode(), Some(old.gid())),
            Mode::Like(None) => (0o666 & !umask(), None),
            Mode::Private => (0o600, None),
            // The reader's read bits, our write bit: whoever may read the dossier may read
            // who edits it.
            Mode::ReadableAs(Some(of)) => ((of.mode() & 0o444) | 0o600, Some(of.gid())),
            Mode::ReadableAs(None) => ((0o666 & !umask()) | 0o600, None),
            Mode::Exactly { bits, gid } => (*bits, *gid),
        };
        // Never set-user-id, set-group-id or sticky: a file of ours runs nothing.
        let mut bits = bits & 0o777;
        if let Some(gid) = gid
            && gid != file.metadata()?.gid()
            && std::os::unix::fs::fchown(file, None, Some(gid)).is_err()
        {
            bits &= !0o070;
        }
        file.set_permissions(std::fs::Permissions::from_mode(bits))?;
    }
    #[cfg(not(unix))]
    {
        // Without mode bits, a file keeps what its folder gives; a read-only file is never
        // replaced, so there is nothing to carry over.
        let _ = (file, mode);
    }
    Ok(())
}

/// The folder a file at `path` is written in.
pub(super) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A new temporary file for `name` in `dir`, created exclusively under an unpredictable
/// name, readable by the owner only until it gets its mode.
fn temp_in(dir: &Path, name: &str) -> std::io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{name}."))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Writes `bytes` at `path` through a temporary file renamed over it, with `mode`; the
/// folder is synced so the rename survives a power cut. What stands at `path` must have
/// been checked ([`replaceable`]); the rename replaces a link, never follows it.
pub fn replace(path: &Path, bytes: &[u8], mode: &Mode) -> Result<(), SaveFailure> {
    replace_with(path, mode, &mut |file| file.write_all(bytes))
}

/// What writes a file's content into the open temporary file, a part at a time (a document
/// too large to hold: a workbook of a quarter of a million dossiers); an error leaves
/// nothing at the target's name.
pub type Fill<'a> = &'a mut dyn FnMut(&mut std::fs::File) -> std::io::Result<()>;

/// [`replace`] with the content written by `fill`.
pub fn replace_with(path: &Path, mode: &Mode, fill: Fill<'_>) -> Result<(), SaveFailure> {
    let io = |e: std::io::Error| SaveFailure::Io(path.to_path_buf(), e);
    let dir = folder_of(path);
    let mut temp = temp_in(dir, &file_name(path)).map_err(io)?;
    fill(temp.as_file_mut()).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    set_mode(temp.as_file(), mode).map_err(io)?;
    // On failure the temporary file is removed when `temp` drops.
    temp.persist(path).map_err(|e| io(e.error))?;
    sync_dir(dir);
    Ok(())
}

/// Writes `bytes` to `path` atomically, keeping the permissions and group of the file it
/// replaces; refuses what [`replaceable`] refuses.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveFailure> {
    write_atomic_with(path, &mut |file| file.write_all(bytes))
}

/// [`write_atomic`] with the content written by `fill`.
pub fn write_atomic_with(path: &Path, fill: Fill<'_>) -> Result<(), SaveFailure> {
    let old = replaceable(path)?;
    replace_with(path, &Mode::Like(old), fill)
}

/// Writes `bytes` to `path` atomically, readable by the owner only (a journal holds whole
/// dossiers); refuses what [`replaceable`] refuses.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), SaveFailure> {
    replaceable(path)?;
    replace(path, bytes, &Mode::Private)
}

/// Writes a new file `name` in `dir` with `mode`, never over anything that stands at that
/// name (then [`std::io::ErrorKind::AlreadyExists`]): through a temporary file, so no
/// half-written file ever carries the name. No sync per file: writing many, call
/// [`sync_dir`] once after.
pub fn write_new_with(
    dir: &Path,
    name: &str,
    bytes: &[u8],
    mode: &Mode,
) -> std::io::Result<PathBuf> {
    write_new_filled(dir, name, mode, &mut |file| file.write_all(bytes))
}

/// [`write_new_with`] with the content written by `fill`.
pub fn write_new_filled(
    dir: &Path,
    name: &str,
    mode: &Mode,
    fill: Fill<'_>,
) -> std::io::Result<PathBuf> {
    let path = dir.join(name);
    let mut temp = temp_in(dir, name)?;
    fill(temp.as_file_mut())?;
    set_mode(temp.as_file(), mode)?;
    temp.persist_noclobber(&path).map_err(|e| e.error)?;
    Ok(path)
}

/// [`write_new_with`] with what any new file gets here.
pub fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    write_new_with(dir, name, bytes, &Mode::Like(None))
}

/// Creates the file `path` holding `bytes` exclusively (it fails if anything stands at the
/// name), whole and synced the moment it appears: a lock, which another window must never
/// read half written.
pub fn create_exclusive(path: &Path, bytes: &[u8], mode: &Mode) -> std::io::Result<()> {
    let dir = folder_of(path);
    let mut temp = temp_in(dir, &file_name(path))?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    set_mode(temp.as_file(), mode)?;
    temp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

/// A new unnamed file in `dir` for working data (a large workbook's content before it is
/// copied to its name): created exclusively, readable by its owner only, with no name in the
/// folder (gone when closed, even when the program is killed).
pub fn scratch_file(dir: &Path) -> std::io::Result<std::fs::File> {
    tempfile::tempfile_in(dir)
}

/// Removes the file at `path` (a link itself, never what it points to); a folder is refused.
/// A file that is not there is no error.
pub fn remove(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "a folder, not a file",
        )),
        Ok(_) => match std::fs::remove_file(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            other => other,
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Renames `from` to `to` in one step, replacing what stands at `to` (a lock set aside to
/// be read).
pub fn rename(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::rename(from, to)
}

/// Puts `from` at `to` unless something stands there now: a hard link, then `from` goes.
/// Returns whether it was put there.
pub fn rename_noclobber(from: &Path, to: &Path) -> bool {
    if std::fs::hard_link(from, to).is_ok() {
        let _ = std::fs::remove_file(from);
        true
    } else {
        false
    }
}

/// Creates the folder `dir` and those above it, as any new folder is made here.
pub fn create_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// Creates the folder `dir` (and those above it) readable by its owner only: the journals'.
/// An existing folder is made owner-only too, through its open handle.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let open = open_no_follow(dir, false)?;
        if !open.metadata()?.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotADirectory,
                "not a folder",
            ));
        }
        open.set_permissions(std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Opens `path` without following a link and without waiting on a pipe; for writing when
/// `write`.
fn open_no_follow(path: &Path, write: bool) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(!write).write(write);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Opens the file at `path` to hold an operating-system lock on it (a window's journal),
/// creating it when `create` (exclusively, owner-only). Never waits on a pipe and never
/// follows a link: anything but a regular file is refused.
pub fn open_lock_file(path: &Path, create: bool) -> std::io::Result<std::fs::File> {
    let file = if create {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        options.open(path)?
    } else {
        open_no_follow(path, true)?
    };
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    Ok(file)
}

/// Syncs a folder so that renames and new files in it survive a power cut. Not every
/// platform can sync a folder; what was written stays written either way.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Whether `name` is one of our temporary files.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// Removes the leftovers of killed saves in `dir` and the folders below it (links to
/// folders are not followed): our temporary files older than `age`, so that another
/// machine's save in flight is left alone. Returns how many were removed.
pub fn clean_stale_temps(dir: &Path, age: std::time::Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if kind.is_dir() && !name.starts_with('.') {
            removed += clean_stale_temps(&entry.path(), age);
        } else if kind.is_file()
            && is_temp_name(&name)
            && remove_if_stale(&entry.path(), entry.metadata().ok(), now, age)
        {
            removed += 1;
        }
    }
    removed
}

/// Removes those of `temps` (temporary files of ours a listing met) that are still regular
/// files and older than `age`: [`clean_stale_temps`] without walking the folders again.
/// Returns how many were removed.
pub fn remove_stale_temps(temps: &[PathBuf], age: std::time::Duration) -> usize {
    let now = std::time::SystemTime::now();
    temps
        .iter()
        .filter(|path| {
            // Looked at again, not followed: a link put in its place is left alone.
            let meta = std::fs::symlink_metadata(path)
                .ok()
                .filter(std::fs::Metadata::is_file);
            meta.is_some() && remove_if_stale(path, meta, now, age)
        })
        .count()
}

/// Removes the file at `path` if `meta` says it was last changed more than `age` before
/// `now`; whether it was removed.
fn remove_if_stale(
    path: &Path,
    meta: Option<std::fs::Metadata>,
    now: std::time::SystemTime,
    age: std::time::Duration,
) -> bool {
    let old = meta
        .and_then(|m| m.modified().ok())
        .and_then(|t| now.duration_since(t).ok())
        .is_some_and(|d| d > age);
    old && std::fs::remove_file(path).is_ok()
}
