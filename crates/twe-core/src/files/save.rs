//! Writing dossiers: pretty RON in the contract's field order, saved atomically.
//!
//! A workspace lives on a shared drive and holds confidential data, so a save:
//! - writes a temporary file created exclusively under an unpredictable name (the
//!   `tempfile` crate: `O_EXCL`, random suffix, owner-only), in the same folder, then renames
//!   it over the target: the file is at every moment the old content or the new;
//! - keeps the file's permissions (mode and, on Unix, group); a new file gets what any new
//!   file gets (the umask), the backup the file's mode, private files owner-only;
//! - never writes over a file without any write permission bit, whoever runs the program,
//!   and never replaces a symbolic link by a file: both are refused, so the user can save
//!   elsewhere.

use crate::lang::Lang;
use crate::model::Dossier;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Our temporary files start with this: hidden (the loader skips them) and recognisable, so
/// that the leftovers of a killed save can be cleaned up.
pub const TEMP_PREFIX: &str = ".~twe-";
/// Our temporary files end with this.
pub const TEMP_SUFFIX: &str = ".tmp";

/// The dossier as the text of its file. Deterministic: the same dossier gives the same bytes.
pub fn to_ron(dossier: &Dossier) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string())
        .new_line("\n".to_string());
    let mut text = ron::ser::to_string_pretty(dossier, config)?;
    text.push('\n');
    Ok(text)
}

/// Why a file was not written.
#[derive(Debug)]
pub enum SaveFailure {
    /// The file has no write permission: it is never written over.
    ReadOnly(PathBuf),
    /// The file is a symbolic link: saving would replace the link by a file.
    Symlink(PathBuf),
    /// The path is a folder, a device or another thing that is not a file.
    NotAFile(PathBuf),
    /// Writing failed.
    Io(PathBuf, std::io::Error),
}

impl SaveFailure {
    /// The file it is about.
    pub fn path(&self) -> &Path {
        match self {
            SaveFailure::ReadOnly(p)
            | SaveFailure::Symlink(p)
            | SaveFailure::NotAFile(p)
            | SaveFailure::Io(p, _) => p,
        }
    }

    /// Whether saving the same file again cannot help: the user must save elsewhere.
    pub fn needs_elsewhere(&self) -> bool {
        !matches!(self, SaveFailure::Io(..))
    }

    /// What went wrong and what to do, in `lang`, naming the file (a dossier's).
    pub fn message(&self, lang: Lang) -> String {
        format!(
            "{}: {}",
            self.path().display(),
            self.reason(lang, Saved::Dossier)
        )
    }

    /// What went wrong and what to do, in `lang`, for `what` was being saved; without the
    /// path (the caller names it) and without the temporary file's path that the OS error
    /// of an atomic write carries.
    pub fn reason(&self, lang: Lang, what: Saved) -> String {
        let elsewhere = match what {
            Saved::Dossier => lang.pick("bewaar het dossier elders", "save the dossier elsewhere"),
            Saved::Document => lang.pick("kies een andere naam", "choose another name"),
        };
        match self {
            SaveFailure::ReadOnly(_) => format!(
                "{}; {elsewhere} {}",
                lang.pick(
                    "het bestand is alleen-lezen en wordt niet overschreven",
                    "the file is read-only and is not written over"
                ),
                lang.pick("of vraag schrijfrechten", "or ask for write permission")
            ),
            SaveFailure::Symlink(_) => format!(
                "{}: {elsewhere}",
                lang.pick(
                    "het bestand is een symbolische koppeling; bewaren zou de koppeling vervangen",
                    "the file is a symbolic link; saving would replace the link"
                )
            ),
            SaveFailure::NotAFile(_) => lang
                .pick(
                    "dit is geen gewoon bestand; kies een andere naam",
                    "this is not a regular file; choose another name",
                )
                .to_string(),
            SaveFailure::Io(_, e) => format!(
                "{} ({})",
                lang.pick("bewaren mislukt", "saving failed"),
                crate::files::io_message(&crate::files::without_path(e), lang)
            ),
        }
    }
}

/// What was being saved, for the words of a failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// A dossier's file: saved elsewhere when it cannot be written.
    Dossier,
    /// A document the user named (a PDF, a workbook): another name is chosen.
    Document,
}

impl std::fmt::Display for SaveFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SaveFailure {}

impl From<SaveFailure> for std::io::Error {
    fn from(e: SaveFailure) -> Self {
        match e {
            SaveFailure::Io(_, e) => e,
            other => std::io::Error::new(std::io::ErrorKind::PermissionDenied, other.to_string()),
        }
    }
}

/// The permissions a written file gets.
enum Mode {
    /// Those of the file it replaces, or what a new file gets.
    Keep(Option<std::fs::Metadata>),
    /// Readable and writable by the owner only.
    Private,
}

/// What is at `path` now, if it may be written over: nothing, or a regular file with a
/// write permission bit.
fn writable_target(path: &Path) -> Result<Option<std::fs::Metadata>, SaveFailure> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(SaveFailure::Symlink(path.to_path_buf())),
        Ok(m) if !m.is_file() => Err(SaveFailure::NotAFile(path.to_path_buf())),
        // No write bit at all (0444): not ours to replace, even for root.
        Ok(m) if m.permissions().readonly() => Err(SaveFailure::ReadOnly(path.to_path_buf())),
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

/// Gives the temporary file the permissions the written file must have, before it takes
/// the file's place (so the content is never readable by more people than it will be).
fn set_mode(file: &std::fs::File, mode: &Mode) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let bits = match mode {
            Mode::Keep(Some(old)) => old.mode() & 0o7777,
            Mode::Keep(None) => 0o666 & !umask(),
            Mode::Private => 0o600,
        };
        let mut bits = bits;
        if let Mode::Keep(Some(old)) = mode {
            // Keep the group (a team's share is often group-owned). Someone who may not give
            // the file that group gets the folder's default group instead, and then the
            // group gets no access: the file is never readable by a group it was not.
            if std::os::unix::fs::fchown(file, None, Some(old.gid())).is_err() {
                bits &= !0o070;
            }
        }
        file.set_permissions(std::fs::Permissions::from_mode(bits))?;
    }
    #[cfg(not(unix))]
    {
        // Without mode bits, a file keeps what its folder gives; only read-only carries
        // over, and a read-only file is never replaced.
        let _ = (file, mode);
    }
    Ok(())
}

/// Writes `bytes` to `path` through an exclusive temporary file in the same folder, renamed
/// over `path` at the end; the folder is synced so the rename survives a power cut. Nothing
/// is checked about what `path` is: the callers do.
fn replace(path: &Path, bytes: &[u8], mode: &Mode) -> Result<(), SaveFailure> {
    let io = |e: std::io::Error| SaveFailure::Io(path.to_path_buf(), e);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{name}."))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(io)?;
    temp.write_all(bytes).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    set_mode(temp.as_file(), mode).map_err(io)?;
    // On failure the temporary file is removed when `temp` drops.
    temp.persist(path).map_err(|e| io(e.error))?;
    sync_dir(dir);
    Ok(())
}

/// Syncs a folder so that renames and new files in it survive a power cut. Not every
/// platform can sync a folder; what was written stays written either way.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Writes `bytes` to `path` atomically (see the module), keeping the permissions of the
/// file it replaces; refuses a read-only file, a link or a folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveFailure> {
    let old = writable_target(path)?;
    replace(path, bytes, &Mode::Keep(old))
}

/// Writes `bytes` to `path` atomically, readable by the owner only (the recovery journal:
/// it holds whole dossiers); refuses a read-only file, a link or a folder.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), SaveFailure> {
    writable_target(path)?;
    replace(path, bytes, &Mode::Private)
}

/// Writes a new file `name` in `dir`, never over an existing one (an existing file is
/// [`std::io::ErrorKind::AlreadyExists`]): through a temporary file, so no half-written file
/// ever carries the name. No sync per file: writing many, call [`sync_dir`] once after.
pub fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let path = dir.join(name);
    let mut temp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{name}."))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    set_mode(temp.as_file(), &Mode::Keep(None))?;
    temp.persist_noclobber(&path).map_err(|e| e.error)?;
    Ok(path)
}

/// Why a new workspace was not (wholly) written.
#[derive(Debug)]
pub enum NewWorkspaceError {
    /// The folder already holds files: a new workspace goes into a new or empty one.
    NotEmpty(PathBuf),
    /// The path is a file (or a link to one), not a folder.
    NotAFolder(PathBuf),
    /// Creating or listing the folder failed.
    Io(PathBuf, std::io::Error),
    /// Writing a file failed (which one, why) after `written` of `total` were written.
    Partial {
        /// The file that failed.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
        /// How many files were written.
        written: usize,
        /// How many there were to write.
        total: usize,
    },
    /// A dossier could not be written as RON (its id).
    Serialize(String),
}

impl NewWorkspaceError {
    /// The problem with what it is about, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NewWorkspaceError::NotEmpty(dir) => format!(
                "{}: {}",
                dir.display(),
                lang.pick(
                    "de map is niet leeg; kies een nieuwe of lege map",
                    "the folder is not empty; choose a new or empty folder"
                )
            ),
            NewWorkspaceError::NotAFolder(path) => format!(
                "{}: {}",
                path.display(),
                lang.pick(
                    "is een bestand, geen map; kies een nieuwe of lege map",
                    "is a file, not a folder; choose a new or empty folder"
                )
            ),
            NewWorkspaceError::Io(path, e) => {
                format!("{}: {}", path.display(), super::io_message(e, lang))
            }
            NewWorkspaceError::Partial {
                path,
                error,
                written,
                total,
            } => format!(
                "{}: {}; {written} {} {total} {} {}",
                path.display(),
                super::io_message(error, lang),
                lang.pick("van de", "of the"),
                lang.pick("bestanden staan al in", "files were written, in"),
                path.parent()
                    .map_or_else(String::new, |d| d.display().to_string())
            ),
            NewWorkspaceError::Serialize(id) => format!(
                "{id}: {}",
                lang.pick(
                    "kon niet als RON geschreven worden",
                    "could not be written as RON"
                )
            ),
        }
    }
}

/// Writes `dossiers` as a new workspace: `dir` is created when missing and must be empty
/// when not; each dossier gets a new file named from its id ([`super::names`]), never over
/// an existing file, written on every core; the folder is synced once at the end, not once
/// per file. Answers the files written, in the dossiers' order.
pub fn write_workspace(
    dir: &Path,
    dossiers: &[Dossier],
) -> Result<Vec<PathBuf>, NewWorkspaceError> {
    use rayon::prelude::*;
    let io = |e| NewWorkspaceError::Io(dir.to_path_buf(), e);
    if std::fs::metadata(dir).is_ok_and(|m| !m.is_dir())
        || std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_symlink() && !dir.is_dir())
    {
        return Err(NewWorkspaceError::NotAFolder(dir.to_path_buf()));
    }
    std::fs::create_dir_all(dir).map_err(io)?;
    // What a file browser leaves in a folder does not make it anyone's workspace.
    let litter = |name: &str| {
        [".ds_store", "thumbs.db", "desktop.ini"].contains(&name.to_lowercase().as_str())
    };
    let holds_files = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(Result::ok)
        .any(|e| !litter(&e.file_name().to_string_lossy()));
    if holds_files {
        return Err(NewWorkspaceError::NotEmpty(dir.to_path_buf()));
    }
    let names = super::names::file_names_for(
        dossiers.iter().map(|d| d.id.as_str()),
        &mut std::collections::HashSet::new(),
    );
    let results: Vec<Result<PathBuf, NewWorkspaceError>> = dossiers
        .par_iter()
        .zip(names.par_iter())
        .with_min_len(64)
        .map(|(d, name)| {
            let text = to_ron(d).map_err(|_| NewWorkspaceError::Serialize(d.id.clone()))?;
            write_new(dir, name, text.as_bytes()).map_err(|error| NewWorkspaceError::Partial {
                path: dir.join(name),
                error,
                written: 0,
                total: 0,
            })
        })
        .collect();
    sync_dir(dir);
    // On a failure (a full disk), say how many files made it: they stay, whole.
    let written = results.iter().filter(|r| r.is_ok()).count();
    let total = results.len();
    results
        .into_iter()
        .collect::<Result<Vec<PathBuf>, _>>()
        .map_err(|e| match e {
            NewWorkspaceError::Partial { path, error, .. } => NewWorkspaceError::Partial {
                path,
                error,
                written,
                total,
            },
            other => other,
        })
}

/// The backup of `path`: the previous version, kept hidden beside it (the loader skips it).
pub fn backup_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.bak"))
}

/// Saves a dossier atomically, keeping the version it replaces as one backup with the same
/// permissions. Refuses a read-only file or a link (see the module).
pub fn save_dossier(path: &Path, dossier: &Dossier) -> Result<(), SaveFailure> {
    let io = |e: std::io::Error| SaveFailure::Io(path.to_path_buf(), e);
    let text = to_ron(dossier).map_err(|e| io(std::io::Error::other(e)))?;
    let old = writable_target(path)?;
    if old.is_some() {
        // What the backup keeps is read from what was checked: the file is opened once,
        // not following a link, and looked at on the open file (a link swapped in after the
        // check is refused, never read into the backup).
        let (bytes, meta) = read_checked(path)?;
        // The backup is ours: whatever stands at its name (even a link) is replaced, never
        // followed, and it is written atomically too, so a crash never leaves a torn one.
        replace(&backup_path(path), &bytes, &Mode::Keep(Some(meta.clone())))?;
        return replace(path, text.as_bytes(), &Mode::Keep(Some(meta)));
    }
    replace(path, text.as_bytes(), &Mode::Keep(old))
}

/// The bytes and metadata of the regular, writable file at `path`, read through one open
/// that does not follow a link (on Unix) and does not wait on a pipe.
fn read_checked(path: &Path) -> Result<(Vec<u8>, std::fs::Metadata), SaveFailure> {
    use std::io::Read;
    let io = |e: std::io::Error| SaveFailure::Io(path.to_path_buf(), e);
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(f) => f,
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(SaveFailure::Symlink(path.to_path_buf()));
        }
        Err(e) => return Err(io(e)),
    };
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(SaveFailure::NotAFile(path.to_path_buf()));
    }
    if meta.permissions().readonly() {
        return Err(SaveFailure::ReadOnly(path.to_path_buf()));
    }
    let limit = crate::files::MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            "larger than any dossier file",
        )));
    }
    Ok((bytes, meta))
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
        } else if kind.is_file() && is_temp_name(&name) {
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|d| d > age);
            if old && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}
