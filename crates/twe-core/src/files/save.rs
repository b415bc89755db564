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

use super::write::{Mode, replace, replaceable, sync_dir, write_new};
use crate::lang::Lang;
use crate::model::Dossier;
use std::path::{Path, PathBuf};

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
    /// The dossier goes past a bound: the loader would refuse the file.
    Bounds(PathBuf, crate::model::bounds::Exceeded),
    /// Another file was put at the name between the look at it and the save: nothing was
    /// written.
    Replaced(PathBuf),
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
            | SaveFailure::Bounds(p, _)
            | SaveFailure::Replaced(p)
            | SaveFailure::Io(p, _) => p,
        }
    }

    /// Whether saving the same file again cannot help: the user must save elsewhere.
    pub fn needs_elsewhere(&self) -> bool {
        !matches!(
            self,
            SaveFailure::Io(..) | SaveFailure::Bounds(..) | SaveFailure::Replaced(..)
        )
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
                    "het bestand is alleen-lezen voor u (u mag het niet wijzigen) en wordt niet overschreven",
                    "the file is read-only for you (you may not write it) and is not written over"
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
            SaveFailure::Bounds(_, e) => format!(
                "{}: {}; {}",
                lang.pick("niet bewaard", "not saved"),
                e.message(lang),
                lang.pick(
                    "maak het korter: zo'n bestand zou niet meer openen",
                    "shorten it: such a file would not open again"
                )
            ),
            SaveFailure::Replaced(_) => lang
                .pick(
                    "iemand verving het bestand terwijl het bewaard werd; er is niets geschreven: bekijk het en bewaar opnieuw",
                    "someone replaced the file while it was being saved; nothing was written: look at it and save again",
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

/// Writes `dossiers` as a new workspace ([`NewWorkspace`], in one part). Answers the files
/// written, in the dossiers' order.
pub fn write_workspace(
    dir: &Path,
    dossiers: &[Dossier],
) -> Result<Vec<PathBuf>, NewWorkspaceError> {
    let mut new = NewWorkspace::create(dir)?;
    let written = new.write(dossiers);
    new.finish();
    written
}

/// A new workspace written a part at a time (an import of a quarter of a million dossiers
/// never holds them all): `dir` is created when missing and must be empty when not; each
/// dossier gets a new file named from its id ([`super::names`]; never a name given in an
/// earlier part), never over an existing file, written on every core; the folder is synced
/// once, at [`NewWorkspace::finish`], not once per file.
pub struct NewWorkspace {
    dir: PathBuf,
    taken: std::collections::HashSet<String>,
    written: usize,
}

impl NewWorkspace {
    /// Makes `dir`, or checks that it is an empty folder.
    pub fn create(dir: &Path) -> Result<Self, NewWorkspaceError> {
        let io = |e| NewWorkspaceError::Io(dir.to_path_buf(), e);
        if std::fs::metadata(dir).is_ok_and(|m| !m.is_dir())
            || std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_symlink() && !dir.is_dir())
        {
            return Err(NewWorkspaceError::NotAFolder(dir.to_path_buf()));
        }
        super::write::create_dir(dir).map_err(io)?;
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
        Ok(NewWorkspace {
            dir: dir.to_path_buf(),
            taken: std::collections::HashSet::new(),
            written: 0,
        })
    }

    /// Writes `dossiers`, a part; the files written, in their order. On a failure (a full
    /// disk) the error says how many files made it, this part and the earlier ones: they
    /// stay, whole.
    pub fn write(&mut self, dossiers: &[Dossier]) -> Result<Vec<PathBuf>, NewWorkspaceError> {
        write_files(&self.dir, dossiers, &mut self.taken, &mut self.written)
    }

    /// Syncs the folder once; how many files were written.
    pub fn finish(self) -> usize {
        sync_dir(&self.dir);
        self.written
    }
}

/// Writes `dossiers` as new files in `dir`, named from their ids (never a name in `taken`,
/// which gets theirs), on every core, never over a file; `written` counts the files made.
/// On a failure (a full disk) the error says how many made it, these and the earlier
/// ones: they stay, whole. The one way a workspace gets new files, new or added to.
fn write_files(
    dir: &Path,
    dossiers: &[Dossier],
    taken: &mut std::collections::HashSet<String>,
    written: &mut usize,
) -> Result<Vec<PathBuf>, NewWorkspaceError> {
    use rayon::prelude::*;
    let names = super::names::file_names_for(dossiers.iter().map(|d| d.id.as_str()), taken);
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
    *written += results.iter().filter(|r| r.is_ok()).count();
    let failed = results.iter().filter(|r| r.is_err()).count();
    let (made, total) = (*written, *written + failed);
    results
        .into_iter()
        .collect::<Result<Vec<PathBuf>, _>>()
        .map_err(|e| match e {
            NewWorkspaceError::Partial { path, error, .. } => NewWorkspaceError::Partial {
                path,
                error,
                written: made,
                total,
            },
            other => other,
        })
}

/// What to do with an imported dossier whose id the workspace already has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnClash {
    /// Keep the workspace's dossier; the imported one is not added.
    KeepMine,
    /// Replace the workspace's dossier by the imported one (saved over its file, the
    /// previous version kept as the file's backup).
    TakeTheirs,
    /// Keep both: the imported one is added as `ID-kopie-N`.
    KeepBoth,
}

impl OnClash {
    /// Every choice, in the order offered.
    pub const ALL: [OnClash; 3] = [OnClash::KeepMine, OnClash::TakeTheirs, OnClash::KeepBoth];

    /// The choice as a button says it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            OnClash::KeepMine => lang.pick("Mijn versie houden", "Keep mine"),
            OnClash::TakeTheirs => lang.pick("Die uit het bestand nemen", "Take the file's"),
            OnClash::KeepBoth => lang.pick("Allebei houden", "Keep both"),
        }
    }
}

/// What adding dossiers to a workspace did: the files written, and what became of each
/// dossier whose id the workspace already had.
#[derive(Debug, Default)]
pub struct Added {
    /// The new files.
    pub files: Vec<PathBuf>,
    /// Kept both: (the id in the import, the id it was added under: `ID-kopie-N`).
    pub clashes: Vec<(String, String)>,
    /// Taken from the import: the workspace's files saved over (each with its backup).
    pub replaced: Vec<PathBuf>,
    /// Kept the workspace's: the ids of the imported dossiers not added.
    pub kept_mine: Vec<String>,
    /// Asked to take the import's but could not (locked by a colleague, not writable):
    /// the id and why, in both languages; the import was kept as a copy instead (it is in
    /// `clashes` too), so nothing imported is lost.
    pub refused: Vec<(String, crate::lang::Text)>,
}

/// Adds `dossiers` to the workspace folder `dir` (which must exist): each as a new file
/// beside the others, never over one. A dossier whose id the workspace already has is
/// dealt with as `on_clash` says for that id: kept as `ID-kopie-N` (the first N free), left
/// out, or saved over the workspace's file (atomically, its previous version kept as the
/// backup, under the dossier's lock: a colleague editing it keeps it, and the import is kept
/// as a copy instead). Each is reported. The workspace's dossiers are read for their ids; a
/// file that does not load is left as it is. ([`Adding`], in one part.)
pub fn add_to_workspace(
    dir: &Path,
    dossiers: &[Dossier],
    on_clash: &dyn Fn(&str) -> OnClash,
) -> Result<Added, NewWorkspaceError> {
    let mut adding = Adding::open(dir)?;
    let mut files = adding.add(dossiers, on_clash)?;
    let mut added = adding.finish()?;
    files.append(&mut added.files);
    added.files = files;
    Ok(added)
}

/// Dossiers added to a workspace folder a part at a time ([`add_to_workspace`]): the
/// workspace's ids read once, a part at a time too; memory holds them and a part, never
/// the dossiers of either.
pub struct Adding {
    dir: PathBuf,
    /// Each id of the workspace, and the file that has it first.
    files: std::collections::HashMap<String, PathBuf>,
    /// The ids added so far (the folder's own are the keys of `files`): a second set of
    /// the workspace's ids held them twice, a quarter of a million of them.
    added_ids: std::collections::HashSet<String>,
    /// The file names taken in the folder.
    taken: std::collections::HashSet<String>,
    added: Added,
    /// New files written so far.
    written: usize,
    /// Saved over the workspace's files at [`Adding::finish`], once the new files are
    /// written: a failure while writing those then leaves every workspace file as it was.
    replacing: Vec<(PathBuf, Dossier)>,
}

impl Adding {
    /// Whether the folder holds `id` now, those added included.
    fn has(&self, id: &str) -> bool {
        self.files.contains_key(id) || self.added_ids.contains(id)
    }

    /// The copy's id for `id` (`ID-kopie-N`) that the folder does not hold.
    fn free_id(&self, id: &str) -> String {
        let count = self.files.len() + self.added_ids.len();
        crate::model::copy_id(id, count, |c| self.has(c))
    }

    /// Reads the ids of the workspace in `dir`, a part at a time.
    pub fn open(dir: &Path) -> Result<Self, NewWorkspaceError> {
        let io = |e| NewWorkspaceError::Io(dir.to_path_buf(), e);
        if !std::fs::metadata(dir).map_err(io)?.is_dir() {
            return Err(NewWorkspaceError::NotAFolder(dir.to_path_buf()));
        }
        let mut files = std::collections::HashMap::new();
        super::load_paths_in_parts(&[dir.to_path_buf()], super::PART, |part| {
            for d in part {
                files
                    .entry(d.dossier.id.clone())
                    .or_insert_with(|| d.path.clone());
            }
        });
        Ok(Adding {
            dir: dir.to_path_buf(),
            added_ids: std::collections::HashSet::new(),
            files,
            taken: super::names::taken_in(dir),
            added: Added::default(),
            written: 0,
            replacing: Vec::new(),
        })
    }

    /// Adds `dossiers`, a part, as `on_clash` says for an id the workspace has; the new
    /// files of this part (kept by the caller if wanted: [`Added::files`] holds only those
    /// [`Adding::finish`] writes).
    pub fn add(
        &mut self,
        dossiers: &[Dossier],
        on_clash: &dyn Fn(&str) -> OnClash,
    ) -> Result<Vec<PathBuf>, NewWorkspaceError> {
        let mut renamed: Vec<Dossier> = Vec::with_capacity(dossiers.len());
        for d in dossiers {
            let mut d = d.clone();
            if self.has(&d.id) {
                match (on_clash(&d.id), self.files.get(d.id.as_str())) {
                    (OnClash::KeepMine, _) => {
                        self.added.kept_mine.push(d.id.clone());
                        continue;
                    }
                    // The workspace's version as its file has it now.
                    (OnClash::TakeTheirs, Some(file)) => {
                        if let Ok(mine) = super::load_file(file) {
                            self.replacing.push((file.clone(), taken_over(&mine, d)));
                            continue;
                        }
                    }
                    // Taken by another imported dossier, not by a file (or a file that no
                    // longer loads): both kept.
                    (OnClash::TakeTheirs | OnClash::KeepBoth, _) => {}
                }
                let free = self.free_id(&d.id);
                self.added.clashes.push((d.id.clone(), free.clone()));
                d.id = free;
            }
            self.added_ids.insert(d.id.clone());
            renamed.push(d);
        }
        write_files(&self.dir, &renamed, &mut self.taken, &mut self.written)
    }

    /// Saves over the workspace's files the versions taken, syncs the folder; what was done.
    pub fn finish(mut self) -> Result<Added, NewWorkspaceError> {
        let dir = self.dir.clone();
        for (file, d) in std::mem::take(&mut self.replacing) {
            match replace_locked(&file, &d) {
                Ok(()) => self.added.replaced.push(file),
                Err(why) => {
                    // Kept as a copy instead, so nothing imported is lost.
                    let original = d.id.clone();
                    let free = self.free_id(&original);
                    self.added_ids.insert(free.clone());
                    let mut copy = d;
                    copy.id.clone_from(&free);
                    let made = write_files(
                        &dir,
                        std::slice::from_ref(&copy),
                        &mut self.taken,
                        &mut self.written,
                    )?;
                    self.added.files.extend(made);
                    self.added.clashes.push((original.clone(), free));
                    self.added.refused.push((original, why));
                }
            }
        }
        sync_dir(&dir);
        Ok(self.added)
    }
}

/// The workspace's dossier `mine` as the file has it (`theirs`), keeping what a spreadsheet
/// does not carry: the counsellor's notes (an export leaves them out unless asked), and the
/// documents, activities and outcome when the file has none of them (their sheet was not in
/// it) — a version taken from a sheet never wipes what only the workspace knew.
pub fn taken_over(mine: &Dossier, theirs: Dossier) -> Dossier {
    let mut d = theirs;
    for note in &mine.notes {
        if !d.notes.contains(note) {
            d.notes.push(note.clone());
        }
    }
    if d.documents.is_empty() {
        d.documents.clone_from(&mine.documents);
    }
    if d.activities.is_empty() {
        d.activities.clone_from(&mine.activities);
    }
    if d.outcome.is_none() {
        d.outcome.clone_from(&mine.outcome);
    }
    d
}

/// Saves `dossier` over `file` under the file's lock (taken and released here, as `fix`
/// does), or says why not in both languages.
fn replace_locked(file: &Path, dossier: &Dossier) -> Result<(), crate::lang::Text> {
    use crate::workspace::locks;
    let both = |f: &dyn Fn(Lang) -> String| crate::lang::Text::new(f(Lang::Nl), f(Lang::En));
    // A lock this process holds already (a window editing the dossier) is its own: it is
    // used, and left as it was.
    let held_before = locks::read(file).is_some_and(|l| l.is_mine());
    match locks::acquire(file) {
        Ok(()) => {}
        Err(locks::LockError::Held(info)) => {
            return Err(both(&|lang| {
                format!(
                    "{} ({})",
                    lang.pick("in gebruik", "in use"),
                    info.describe(lang)
                )
            }));
        }
        Err(locks::LockError::Io(e)) => {
            return Err(both(&|lang| {
                format!(
                    "{}: {}",
                    lang.pick("kan niet vergrendeld worden", "could not be locked"),
                    super::io_message(&e, lang)
                )
            }));
        }
    }
    let saved = save_dossier(file, dossier);
    if !held_before {
        locks::release(file);
    }
    saved.map_err(|e| both(&|lang| e.message(lang)))
}

/// The backup of `path`: the previous version, kept hidden beside it (the loader skips
/// it) as `.NAME.bak`; where something that is not a backup of ours stands at that name (a
/// folder, a pipe), the first of `.NAME.bak-2` to `.NAME.bak-9` that is free or a file.
pub fn backup_path(path: &Path) -> PathBuf {
    let ours =
        |p: &PathBuf| std::fs::symlink_metadata(p).map_or(true, |m| m.is_file() || m.is_symlink());
    backup_names(path)
        .into_iter()
        .find(ours)
        .unwrap_or_else(|| backup_names(path).swap_remove(0))
}

/// Every name a backup of `path` may have, the usual one first.
pub fn backup_names(path: &Path) -> Vec<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    std::iter::once(path.with_file_name(format!(".{name}.bak")))
        .chain((2..=9).map(|k| path.with_file_name(format!(".{name}.bak-{k}"))))
        .collect()
}

/// The text a dossier is saved as, if the loader would take it back: within the bounds of
/// [`crate::model::bounds`] and of a dossier file's size. A file the loader refuses is
/// never written: it would vanish from the list at the next opening.
pub fn saved_text(path: &Path, dossier: &Dossier) -> Result<String, SaveFailure> {
    crate::model::bounds::check(dossier).map_err(|e| SaveFailure::Bounds(path.to_path_buf(), e))?;
    let text = to_ron(dossier)
        .map_err(|e| SaveFailure::Io(path.to_path_buf(), std::io::Error::other(e)))?;
    if text.len() as u64 > super::MAX_FILE_BYTES {
        return Err(SaveFailure::Io(
            path.to_path_buf(),
            std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                "larger than a dossier file may be",
            ),
        ));
    }
    Ok(text)
}

/// Saves a dossier atomically, keeping the version it replaces as one backup with the same
/// permissions. Refuses a file this user may not write, a link, and a dossier the loader
/// would refuse (see [`saved_text`] and [`super::write`]).
pub fn save_dossier(path: &Path, dossier: &Dossier) -> Result<(), SaveFailure> {
    let text = saved_text(path, dossier)?;
    let old = replaceable(path)?;
    if old.is_some() {
        // What the backup keeps is read from what was checked: the file is opened once,
        // not following a link, and looked at on the open file (a link swapped in after the
        // check is refused, never read into the backup).
        let (bytes, meta) = read_checked(path, old.as_ref())?;
        // The backup is ours: whatever file or link stands at its name is replaced, never
        // followed, and it is written atomically too, so a crash never leaves a torn one.
        replace(&backup_path(path), &bytes, &Mode::Like(Some(meta.clone())))?;
        return replace(path, text.as_bytes(), &Mode::Like(Some(meta)));
    }
    replace(path, text.as_bytes(), &Mode::Like(old))
}

/// The bytes and metadata of the regular file at `path` that [`replaceable`] found
/// writable (`checked`), read through one open that does not follow a link (on Unix) and does
/// not wait on a pipe.
fn read_checked(
    path: &Path,
    checked: Option<&std::fs::Metadata>,
) -> Result<(Vec<u8>, std::fs::Metadata), SaveFailure> {
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
    // The file opened must be the one whose permission was asked: another file put at the
    // name in between (by someone who may write the folder) is not saved over.
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if checked.is_none_or(|c| (c.dev(), c.ino()) != (meta.dev(), meta.ino())) {
            return Err(SaveFailure::Replaced(path.to_path_buf()));
        }
    }
    #[cfg(not(unix))]
    if checked.is_none() || !super::write::may_write(path) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The file read into the backup is the one whose permission was asked: one put at the
    /// name in between is refused, and neither it nor a backup is written.
    #[cfg(unix)]
    #[test]
    fn hostile_a_file_put_at_the_name_after_the_look_is_not_saved_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gent-2019-0042.ron");
        std::fs::write(&path, "mine").unwrap();
        let checked = replaceable(&path).unwrap();
        let other = dir.path().join("other");
        std::fs::write(&other, "theirs").unwrap();
        std::fs::rename(&other, &path).unwrap();
        let err = read_checked(&path, checked.as_ref()).unwrap_err();
        assert!(matches!(err, SaveFailure::Replaced(_)), "{err:?}");
        assert!(!err.needs_elsewhere());
        assert!(err.message(Lang::Nl).contains("bewaar opnieuw"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "theirs");
        // The same file, looked at and read, is read.
        let checked = replaceable(&path).unwrap();
        let (bytes, _) = read_checked(&path, checked.as_ref()).unwrap();
        assert_eq!(bytes, b"theirs");
    }
}
