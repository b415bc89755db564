//! Loading dossier files and folders. A bad file is reported with path, line and column and
//! never stops the others from loading.

use super::error::{LoadError, LoadErrorKind};
use super::listing::Listing;
use crate::model::Dossier;
use crate::model::date_serde::INVALID_DATE;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// A dossier file larger than this is refused: real ones are a few KiB. A dossier at
/// the notes' bounds (1,000 notes of 4,000 characters, four bytes each at worst) takes
/// 16 MB, so the bound is 16 MiB (it was 1 MiB before notes).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Deeper nesting than this is refused: a dossier nests four levels at most.
pub const MAX_NESTING: usize = 32;

/// A dossier and the file it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedDossier {
    /// The file.
    pub path: PathBuf,
    /// Its content.
    pub dossier: Dossier,
    /// What the file held when read, to notice later changes on disk; `None` for dossiers
    /// that did not come from a file.
    pub stamp: Option<DiskStamp>,
}

/// What a file held on disk when it was loaded or saved, to notice outside changes: the
/// content's hash, because timestamps can be coarse and an edit can keep the size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    /// Hash of the bytes.
    pub hash: u64,
    /// Whether the file holds comments, which a save does not keep: the editor says so.
    pub comments: bool,
}

impl DiskStamp {
    /// The stamp of these bytes.
    pub fn of_bytes(bytes: &[u8]) -> DiskStamp {
        DiskStamp {
            hash: content_hash(bytes),
            comments: has_comments(bytes),
        }
    }

    /// The stamp of the file at `path` now, if it can be read as a dossier file is (a
    /// regular file within the size limit: a pipe or a device put in its place is never
    /// read).
    pub fn of(path: &Path) -> Option<DiskStamp> {
        read_file(path)
            .ok()
            .map(|bytes| DiskStamp::of_bytes(&bytes))
    }
}

/// The hash that tells whether a file's bytes changed.
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// Whether RON text holds a comment (`//` or `/*` outside a string).
pub fn has_comments(bytes: &[u8]) -> bool {
    // Most files have no slash at all.
    if !bytes.contains(&b'/') {
        return false;
    }
    let mut in_string = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            // An escaped character, a quote included, does not end the string.
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && matches!(bytes.get(i + 1), Some(b'/' | b'*')) => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

/// What loading some paths gave: every dossier that loaded and every problem.
#[derive(Clone, Debug, Default)]
pub struct LoadReport {
    /// The dossiers that loaded, sorted by path.
    pub dossiers: Vec<LoadedDossier>,
    /// The problems, sorted by path.
    pub errors: Vec<LoadError>,
}

/// Parses a dossier from text and holds it to the bounds of [`crate::model::bounds`];
/// `path` is only used in the error.
pub fn parse_dossier(text: &str, path: &Path) -> Result<Dossier, LoadError> {
    let mut dossier = parse_unbounded(text, path)?;
    // Every dossier read is held (a workspace, a part of `check`): without the room to grow.
    dossier.shrink_to_fit();
    match crate::model::bounds::check(&dossier) {
        Ok(()) => Ok(dossier),
        Err(e) => {
            use crate::model::bounds::{Exceeded, MAX_ITEMS};
            let field = Some(e.field().to_string());
            let kind = match e {
                Exceeded::Items { count, .. } => LoadErrorKind::TooMany {
                    count,
                    limit: MAX_ITEMS,
                },
                Exceeded::Text { chars, limit, .. } => LoadErrorKind::TooLong { chars, limit },
            };
            Err(LoadError {
                field,
                ..LoadError::whole(path, kind)
            })
        }
    }
}

/// Parses a dossier from text, whatever its size.
fn parse_unbounded(text: &str, path: &Path) -> Result<Dossier, LoadError> {
    // Windows editors (Notepad) may start a UTF-8 file with a byte order mark; ron does not
    // take it, and no one sees it, so it is skipped. Saving writes the file without it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() || super::syntax::only_comments(text) {
        return Err(LoadError::whole(path, LoadErrorKind::Empty));
    }
    // Files as twe-planner writes them (or close) take the fast path; the rest, and every
    // error, go to ron itself.
    if let Some(dossier) = super::fast_ron::parse::<Dossier>(text) {
        return Ok(dossier);
    }
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    // Without tracking the field path, which costs on every field; only a file that fails is
    // parsed again to name the field.
    if let Ok(dossier) = options.from_str::<Dossier>(text) {
        return Ok(dossier);
    }
    let mut de = ron::Deserializer::from_str_with_options(text, &options)
        .map_err(|e| from_ron(path, e, None))?;
    let dossier = match serde_path_to_error::deserialize::<_, Dossier>(&mut de) {
        Ok(d) => d,
        Err(e) => {
            let field = e.path().to_string();
            let spanned = de.span_error(e.into_inner());
            return Err(from_ron(path, spanned, Some(field)));
        }
    };
    de.end()
        .map_err(|e| from_ron(path, de.span_error(e), None))?;
    Ok(dossier)
}

fn from_ron(path: &Path, e: ron::error::SpannedError, field: Option<String>) -> LoadError {
    use ron::Error as E;
    let kind = match e.code {
        E::NoSuchStructField {
            expected, found, ..
        } => LoadErrorKind::UnknownField {
            found,
            expected: expected.to_vec(),
        },
        E::MissingStructField { field, .. } => LoadErrorKind::MissingField(field.to_string()),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => LoadErrorKind::UnknownVariant {
            found,
            expected: expected.to_vec(),
        },
        E::ExceededRecursionLimit => LoadErrorKind::TooDeep,
        E::Utf8Error(_) => LoadErrorKind::NotUtf8,
        E::Message(m) if m.starts_with(INVALID_DATE) => {
            LoadErrorKind::InvalidDate(m.trim_start_matches(INVALID_DATE).to_string())
        }
        other => LoadErrorKind::Syntax(super::syntax::words(
            &other,
            field
                .as_deref()
                .and_then(super::syntax::known_field)
                .as_deref(),
        )),
    };
    // An unknown field's path ends in the field itself; the error is about its parent.
    let field = field.map(|f| match &kind {
        LoadErrorKind::UnknownField { found, .. } => f
            .strip_suffix(found.as_str())
            .unwrap_or(&f)
            .trim_end_matches('.')
            .to_string(),
        _ => f,
    });
    LoadError {
        path: path.to_path_buf(),
        line: Some(to_u32(e.span.start.line)),
        column: Some(to_u32(e.span.start.col)),
        field: field.as_deref().and_then(super::syntax::known_field),
        kind,
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Loads one dossier file.
pub fn load_file(path: &Path) -> Result<Dossier, LoadError> {
    load_file_stamped(path, false).map(|(d, _)| d)
}

/// A file's dossier and its stamp, or why it did not load.
type Loaded = Result<(Dossier, DiskStamp), LoadError>;

/// Loads one dossier file and stamps its bytes; `listed` when a directory listing just
/// said it is a regular file (see [`read_regular`]).
fn load_file_stamped(path: &Path, listed: bool) -> Loaded {
    let bytes = if listed {
        read_regular(path)?
    } else {
        read_file(path)?
    };
    parse_file_bytes(&bytes, path).map(|d| (d, DiskStamp::of_bytes(&bytes)))
}

/// Opens a file for reading without ever waiting: a pipe (FIFO) named like a dossier would
/// otherwise block the open until someone writes to it.
pub fn open_no_wait(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The error of a failed open or read of `path`.
fn io_error(path: &Path, e: &std::io::Error) -> LoadError {
    LoadError::whole(path, LoadErrorKind::Io(e.kind(), e.to_string()))
}

/// A file's bytes, refused above [`MAX_FILE_BYTES`]; a failure to open or read it is
/// [`LoadErrorKind::Io`], and anything but a regular file (a pipe, a device) is
/// [`LoadErrorKind::NotAFile`], never read.
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    // What the path names is looked at before it is opened: a device is never opened (an
    // open alone can do something to some devices).
    if !std::fs::metadata(path)
        .map_err(|e| io_error(path, &e))?
        .is_file()
    {
        return Err(LoadError::whole(path, LoadErrorKind::NotAFile));
    }
    // What was opened is looked at again, in case it was swapped in between.
    let file = open_no_wait(path).map_err(|e| io_error(path, &e))?;
    read_opened(file, path, false)
}

/// [`read_file`] for a path a directory listing just said is a regular file, not a link:
/// the listing was the look before the open, and the open refuses a link put in its place
/// since (`O_NOFOLLOW`). What was opened is looked at again, its size taken from that one
/// look, and that many bytes are read: four system calls a file where the general path takes
/// six (on a folder of 250,000 dossiers, a second of system time). A file system that gives
/// no size (0, as some FUSE mounts do) is read to its end, as the general path reads.
fn read_regular(path: &Path) -> Result<Vec<u8>, LoadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = options.open(path).map_err(|e| io_error(path, &e))?;
    read_opened(file, path, true)
}

/// Reads an opened file if it is a regular file within the size limit: exactly the size it
/// has when looked at (`exact`, when that size is not 0: a file that grows while it is read
/// is read as it was, and its change is seen as any later change is), or to its end, bounded
/// by the limit even if it grows.
fn read_opened(file: std::fs::File, path: &Path, exact: bool) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let io = |e: std::io::Error| io_error(path, &e);
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(LoadError::whole(path, LoadErrorKind::NotAFile));
    }
    let size = meta.len();
    let too_large = |size| {
        LoadError::whole(
            path,
            LoadErrorKind::TooLarge {
                size,
                limit: MAX_FILE_BYTES,
            },
        )
    };
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    let capacity = usize::try_from(size).unwrap_or(0);
    if exact && size > 0 {
        let mut bytes = Vec::with_capacity(capacity);
        file.take(size).read_to_end(&mut bytes).map_err(io)?;
        return Ok(bytes);
    }
    let mut bytes = Vec::with_capacity(capacity + 1);
    // `take` bounds the read even if the file grows after the size check.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Parses a dossier from a file's bytes; bytes that are not UTF-8 are reported with the
/// line and column of the first bad one.
pub fn parse_file_bytes(bytes: &[u8], path: &Path) -> Result<Dossier, LoadError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // Once per error, not per file: a plain count is fast enough.
            #[allow(clippy::naive_bytecount, reason = "once per error")]
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = valid.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
            return Err(LoadError {
                path: path.to_path_buf(),
                line: Some(to_u32(line)),
                column: Some(to_u32(column)),
                field: None,
                kind: LoadErrorKind::NotUtf8,
            });
        }
    };
    parse_dossier(text, path)
}

/// Whether a directory entry is one the loader skips: hidden files and folders (editor
/// swap files, our own temporary files, backups, lock files) and `~` backups.
fn skipped(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~')
}

/// Whether `path` names a dossier file: `.ron` in any case (Windows users write `.RON`).
pub fn has_ron_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("ron"))
}

/// What a folder walk skipped, to say so when it found nothing, and the hidden files it met
/// that a load still has to look at.
#[derive(Debug, Default)]
struct Skipped {
    /// Hidden `.ron` files.
    hidden: usize,
    /// Links to folders, not followed.
    links: usize,
    /// What stands beside the dossiers: lock files and temporary files.
    beside: super::listing::Beside,
}

/// What an entry is, from the directory listing (a stat only for a link).
enum Kind {
    Dir,
    File,
    FileLink,
    Other,
    DirLink,
}

/// The dossier files below `dir`, sorted: regular `.ron` files and links to them. Folder
/// links are not followed (a link to `.` would read everything again, forever); pipes,
/// devices and sockets named `.ron` are reported without being opened.
fn ron_files(
    dir: &Path,
    out: &mut Vec<(PathBuf, bool)>,
    errors: &mut Vec<LoadError>,
    skip: &mut Skipped,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(io_error(dir, &e));
            return;
        }
    };
    let mut paths: Vec<(PathBuf, Kind)> = Vec::new();
    for e in entries.filter_map(Result::ok) {
        let path = e.path();
        let name = e.file_name();
        let name = name.to_string_lossy();
        if skipped(&name) {
            if has_ron_extension(&path) {
                skip.hidden += 1;
            }
            // Seen here, so that a load need not list every folder again for them.
            if crate::workspace::locks::is_lock_name(&name) {
                skip.beside.locks.push(path);
            } else if super::write::is_temp_name(&name) {
                skip.beside.temps.push(path);
            }
            continue;
        }
        let kind = match e.file_type() {
            Ok(t) if t.is_symlink() => match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => Kind::DirLink,
                Ok(m) if m.is_file() => Kind::FileLink,
                // A link to a pipe or a device, or a broken link.
                _ => Kind::Other,
            },
            Ok(t) if t.is_dir() => Kind::Dir,
            Ok(t) if t.is_file() => Kind::File,
            _ => Kind::Other,
        };
        paths.push((path, kind));
    }
    // By bytes, not by path components: component-wise comparison was 10% of loading.
    paths.sort_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
    for (p, kind) in paths {
        match kind {
            Kind::Dir => ron_files(&p, out, errors, skip),
            Kind::DirLink => skip.links += 1,
            Kind::File if has_ron_extension(&p) => out.push((p, true)),
            // A link is followed, so it is looked at before it is opened.
            Kind::FileLink if has_ron_extension(&p) => out.push((p, false)),
            Kind::Other if has_ron_extension(&p) => {
                errors.push(match std::fs::metadata(&p) {
                    Err(e) => io_error(&p, &e),
                    Ok(_) => LoadError::whole(&p, LoadErrorKind::NotAFile),
                });
            }
            Kind::File | Kind::FileLink | Kind::Other => {}
        }
    }
}

/// The dossier files named by `paths` (every `.ron` below a folder), sorted and without
/// repeats, and what could not be listed. Each file says whether a directory listing saw it
/// as a regular file (see [`read_regular`]).
pub fn list_paths(paths: &[PathBuf]) -> (Listing, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut beside = super::listing::Beside::default();
    for path in paths {
        if path.is_dir() {
            let before = files.len();
            let errors_before = errors.len();
            let mut skip = Skipped::default();
            ron_files(path, &mut files, &mut errors, &mut skip);
            if files.len() == before && errors.len() == errors_before {
                errors.push(LoadError::whole(
                    path,
                    LoadErrorKind::NoDossiers {
                        hidden: skip.hidden,
                        links: skip.links,
                    },
                ));
            }
            beside.locks.append(&mut skip.beside.locks);
            beside.temps.append(&mut skip.beside.temps);
        } else {
            files.push((path.clone(), false));
        }
    }
    files.sort_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
    files.dedup_by(|a, b| a.0 == b.0);
    let mut listing = Listing::of(files);
    listing.beside = beside;
    (listing, errors)
}

/// Reads and parses the files numbered `which` of `files` on every core, in their order:
/// the dossiers that loaded and the errors of those that did not.
pub fn read_files(files: &Listing, which: std::ops::Range<usize>) -> LoadReport {
    let results: Vec<(&Path, Loaded)> = which
        .into_par_iter()
        .filter_map(|n| {
            let path = files.path(n)?;
            Some((path, load_file_stamped(path, files.listed(n))))
        })
        .collect();
    let mut report = LoadReport {
        dossiers: Vec::with_capacity(results.len()),
        errors: Vec::new(),
    };
    for (path, result) in results {
        match result {
            Ok((dossier, stamp)) => report.dossiers.push(LoadedDossier {
                path: path.to_path_buf(),
                dossier,
                stamp: Some(stamp),
            }),
            Err(e) => report.errors.push(e),
        }
    }
    report
}

/// Loads files and folders (every `.ron` below a folder), in parallel. Every file that loads
/// is in the report, whatever happened to the others.
pub fn load_paths(paths: &[PathBuf]) -> LoadReport {
    let (files, mut errors) = list_paths(paths);
    let mut report = read_files(&files, 0..files.len());
    errors.append(&mut report.errors);
    errors.extend(duplicate_ids(&report.dossiers));
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    report.errors = errors;
    report
}

/// How many dossier files a command reads, checks and writes at a time when it reads a
/// folder in parts ([`load_paths_in_parts`]): both cores busy, a few MB held, whatever the
/// folder's size. The one number for every command.
pub const PART: usize = 8_192;

/// Reads the dossier files below `paths` a part of `part` files at a time (each part on every
/// core), hands each part's dossiers to `each` and lets them go: memory holds one part and
/// the ids seen, never the whole workspace. Ids repeated across parts are found as
/// [`load_paths`] finds them. Returns the errors, sorted by path, as [`load_paths`] does.
pub fn load_paths_in_parts(
    paths: &[PathBuf],
    part: usize,
    mut each: impl FnMut(&[LoadedDossier]),
) -> Vec<LoadError> {
    let (files, mut errors) = list_paths(paths);
    let mut seen = IdsSeen::for_files(files.len());
    for which in files.parts(part) {
        let mut report = read_files(&files, which);
        errors.append(&mut report.errors);
        errors.extend(report.dossiers.iter().filter_map(|d| seen.check(d, &files)));
        each(&report.dossiers);
    }
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    errors
}

/// The dossier ids read so far, in path order, to find a later file with one of them when a
/// folder is read a part at a time (the commands' reports: the dossiers read before are
/// gone). Each file is known by its number in the listing, not by its path, and the ids are
/// kept in one buffer: a map from each id's `String` to its file's `PathBuf` held 41 MB at a
/// quarter of a million files; this holds about 13. Where the dossiers stay in memory (a
/// window's workspace), [`repeated_ids`] looks at them where they are instead.
#[derive(Default)]
pub(crate) struct IdsSeen {
    /// Every id seen, one after the other.
    text: String,
    /// For each id seen: where it ends in `text` (it starts where the one before ends) and
    /// the number of the file that had it.
    ids: Vec<(usize, usize)>,
    /// The ids by their hash, as indices into `ids`.
    table: hashbrown::HashTable<usize>,
    /// Keyed per process: a folder's ids cannot be chosen to collide.
    hasher: std::collections::hash_map::RandomState,
}

impl IdsSeen {
    /// Room for the ids of `files` files at once: grown step by step, the old and the new
    /// table and lists were held together at each step.
    pub(crate) fn for_files(files: usize) -> Self {
        Self {
            // Ids as they are usually written (ANTW-2025-0001): 16 bytes.
            text: String::with_capacity(files.saturating_mul(16)),
            ids: Vec::with_capacity(files),
            table: hashbrown::HashTable::with_capacity(files),
            hasher: std::collections::hash_map::RandomState::new(),
        }
    }

    /// The number of the file that had `id` first, if an earlier one did; else remembers
    /// `id` as file `file`'s.
    pub(crate) fn first(&mut self, id: &str, file: usize) -> Option<usize> {
        use std::hash::BuildHasher;
        let hash = self.hasher.hash_one(id);
        if let Some(&k) = self
            .table
            .find(hash, |&k| id_at(&self.text, &self.ids, k) == id)
        {
            return Some(self.ids[k].1);
        }
        self.text.push_str(id);
        self.ids.push((self.text.len(), file));
        let k = self.ids.len() - 1;
        let (text, ids, hasher) = (&self.text, &self.ids, &self.hasher);
        self.table
            .insert_unique(hash, k, |&j| hasher.hash_one(id_at(text, ids, j)));
        None
    }

    /// The error for `d`, file number `file` of a list whose file number `n` is at
    /// `path_of(n)`, if an earlier file had its id; else remembers it.
    fn check_numbered<'p>(
        &mut self,
        d: &LoadedDossier,
        file: usize,
        path_of: impl Fn(usize) -> Option<&'p Path>,
    ) -> Option<LoadError> {
        let earlier = path_of(self.first(&d.dossier.id, file)?)?;
        Some(repeated_id(&d.path, &d.dossier.id, earlier))
    }

    /// The error for `d`, read from one of `files` (as [`list_paths`] lists them), if an
    /// earlier file of them had its id; else remembers it.
    pub(crate) fn check(&mut self, d: &LoadedDossier, files: &Listing) -> Option<LoadError> {
        // The list is sorted by path, as it is read: the file's number is its place in it.
        let found = files.position(&d.path);
        debug_assert!(
            found.is_some(),
            "{} is not in the listing",
            d.path.display()
        );
        self.check_numbered(d, found?, |n| files.path(n))
    }
}

/// Id `k` of an [`IdsSeen`]: from where the one before ends to where it ends.
fn id_at<'t>(text: &'t str, ids: &[(usize, usize)], k: usize) -> &'t str {
    let start = k.checked_sub(1).map_or(0, |j| ids[j].0);
    &text[start..ids[k].0]
}

/// The error for the file at `path` whose dossier id `id` the file at `first` had first.
fn repeated_id(path: &Path, id: &str, first: &Path) -> LoadError {
    LoadError {
        path: path.to_path_buf(),
        line: None,
        column: None,
        field: Some("id".into()),
        kind: LoadErrorKind::DuplicateId {
            id: id.to_owned(),
            first: first.to_path_buf(),
        },
    }
}

/// One error for every file whose dossier id an earlier file already has.
pub fn duplicate_ids(dossiers: &[LoadedDossier]) -> Vec<LoadError> {
    repeated_ids(dossiers.len(), |n| {
        dossiers
            .get(n)
            .map(|d| (d.path.as_path(), d.dossier.id.as_str()))
    })
}

/// One error for every file whose dossier id an earlier file already has, of `count` files
/// in path order, file `n` being `file(n)`: its path and its dossier's id, or `None` for one
/// to pass over. The ids are looked at where they are, not copied: memory holds a table of
/// file numbers (4.5 MB at a quarter of a million files), for as long as this runs.
pub fn repeated_ids<'a>(
    count: usize,
    file: impl Fn(usize) -> Option<(&'a Path, &'a str)>,
) -> Vec<LoadError> {
    use std::hash::BuildHasher;
    // Keyed per process: a folder's ids cannot be chosen to collide.
    let hasher = std::collections::hash_map::RandomState::new();
    let id_of = |k: usize| file(k).map(|(_, id)| id);
    let mut table: hashbrown::HashTable<usize> = hashbrown::HashTable::with_capacity(count);
    let mut errors = Vec::new();
    for n in 0..count {
        let Some((path, id)) = file(n) else {
            continue;
        };
        let hash = hasher.hash_one(id);
        match table.find(hash, |&k| id_of(k) == Some(id)) {
            Some(&k) => {
                if let Some((first, _)) = file(k) {
                    errors.push(repeated_id(path, id, first));
                }
            }
            None => {
                table.insert_unique(hash, n, |&k| hasher.hash_one(id_of(k).unwrap_or("")));
            }
        }
    }
    errors
}
