//! Writing a document the user named (a PDF, a workbook, a CSV, a calendar, an image): one
//! policy for the command line and the window. The folder must exist and be a folder, the
//! name must not be a folder; an existing file is replaced only when the caller says so (the
//! window after asking, the command line with `--force`), then atomically with its mode
//! kept; a new one is created without ever replacing what appeared meanwhile.

use super::save::{SaveFailure, Saved};
use super::write::{Fill, Mode, folder_of, write_atomic_with, write_new_filled};
use crate::lang::Lang;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Whether an existing file may be replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replace {
    /// Never: an existing file is [`DocumentError::Exists`].
    No,
    /// Yes, atomically, keeping its mode (the user agreed).
    Yes,
}

/// Why a document was not written.
#[derive(Debug)]
pub enum DocumentError {
    /// The name given is a folder (or ends in a path separator); `example` is a file name
    /// of the document's kind to give instead.
    IsFolder {
        /// A file name to give instead, e.g. "document.pdf".
        example: String,
    },
    /// The folder to write in does not exist.
    NoFolder(PathBuf),
    /// What should be the folder is a file.
    FolderIsFile(PathBuf),
    /// The file exists and was not to be replaced.
    Exists,
    /// The name is a dossier's (`.ron`): a document never takes a dossier's place, whatever
    /// the user answers, and is never named like one.
    Dossier,
    /// Replacing the file failed or was refused (read-only, a link, not a file).
    Save(SaveFailure),
    /// Creating the new file failed.
    Io(std::io::Error),
}

impl DocumentError {
    /// What went wrong and what to do, in `lang`, without the document's path (the caller
    /// puts it before) and never naming the temporary file the writing goes through.
    pub fn reason(&self, lang: Lang) -> String {
        let folder =
            |dir: &Path| crate::lang::terminal_safe(&dir.display().to_string()).into_owned();
        match self {
            DocumentError::IsFolder { example } => format!(
                "{}{example}",
                lang.pick(
                    "is een map; geef een bestandsnaam in die map, bv. ",
                    "is a folder; give a file name in it, e.g. "
                )
            ),
            DocumentError::NoFolder(dir) => format!(
                "{} {} {}",
                lang.pick("de map", "the folder"),
                folder(dir),
                lang.pick(
                    "bestaat niet; maak ze eerst of kies een andere plaats",
                    "does not exist; create it first or choose another place",
                )
            ),
            DocumentError::FolderIsFile(dir) => format!(
                "{} {} {}",
                lang.pick("de map", "the folder"),
                folder(dir),
                lang.pick(
                    "is een bestand, geen map; kies een andere plaats",
                    "is a file, not a folder; choose another place",
                )
            ),
            DocumentError::Exists => lang
                .pick(
                    "bestaat al; kies een andere naam",
                    "already exists; choose another name",
                )
                .to_string(),
            DocumentError::Dossier => lang
                .pick(
                    "is een dossierbestand (.ron); een document komt nooit in de plaats van een dossier: kies een andere naam",
                    "is a dossier file (.ron); a document never takes a dossier's place: choose another name",
                )
                .to_string(),
            DocumentError::Save(e) => e.reason(lang, Saved::Document),
            DocumentError::Io(e) => super::io_message(&super::without_path(e), lang),
        }
    }
}

/// Writes document `bytes` at `path` by the policy above.
pub fn write_document(path: &Path, bytes: &[u8], replace: Replace) -> Result<(), DocumentError> {
    write_document_with(path, replace, &mut |file| file.write_all(bytes))
}

/// Writes a document at `path` by the policy above, its content written by `fill` a part
/// at a time into the temporary file that takes the name only once whole (a workbook too
/// large to hold). An error of `fill` leaves nothing at `path`: what stood there stays.
pub fn write_document_with(
    path: &Path,
    replace: Replace,
    fill: Fill<'_>,
) -> Result<(), DocumentError> {
    document_target(path, replace)?;
    if replace == Replace::Yes {
        return write_atomic_with(path, fill).map_err(DocumentError::Save);
    }
    let dir = folder_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match write_new_filled(dir, &name, &Mode::Like(None), fill) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(DocumentError::Exists),
        Err(e) => Err(DocumentError::Io(e)),
    }
}

/// Whether a document may be written at `path` by the policy above: said before a large
/// document is made (the writing checks again: a file may appear meanwhile).
pub fn document_target(path: &Path, replace: Replace) -> Result<(), DocumentError> {
    // A dossier of any workspace is a `.ron` file (the loader reads nothing else): never
    // replaced by a document, and no document is named like one (it would be read as a
    // broken dossier).
    if super::has_ron_extension(path) {
        return Err(DocumentError::Dossier);
    }
    if path.is_dir() || path.as_os_str().to_string_lossy().ends_with(['/', '\\']) {
        return Err(DocumentError::IsFolder {
            example: format!("document.{}", example_extension(path)),
        });
    }
    let dir = folder_of(path);
    if !dir.is_dir() {
        return Err(if dir.exists() {
            DocumentError::FolderIsFile(dir.to_path_buf())
        } else {
            DocumentError::NoFolder(dir.to_path_buf())
        });
    }
    if replace == Replace::No && std::fs::symlink_metadata(path).is_ok() {
        return Err(DocumentError::Exists);
    }
    Ok(())
}

/// The extension of a document's example name: the one given, where it is a document's.
fn example_extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .filter(|e| ["pdf", "xlsx", "csv", "ics", "png"].contains(&e.as_str()))
        .unwrap_or_else(|| "pdf".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_document_never_replaces_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.pdf");
        write_document(&path, b"one", Replace::No).unwrap();
        let again = write_document(&path, b"two", Replace::No).unwrap_err();
        assert!(matches!(again, DocumentError::Exists), "{again:?}");
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_document(&path, b"two", Replace::Yes).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
    }

    /// A document written a part at a time that fails half way (a sheet past Excel's rows)
    /// leaves nothing at its name: no half file, what stood there unchanged, no temporary
    /// file left; an existing name is said before any part is made.
    #[test]
    fn a_document_that_fails_while_written_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("caseload.xlsx");
        let mut fails = |f: &mut std::fs::File| {
            f.write_all(b"half")?;
            Err(std::io::Error::other("too many rows"))
        };
        assert!(write_document_with(&path, Replace::No, &mut fails).is_err());
        assert!(!path.exists());
        write_document(&path, b"before", Replace::No).unwrap();
        assert!(write_document_with(&path, Replace::Yes, &mut fails).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"before");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
        let mut made = false;
        let e = write_document_with(&path, Replace::No, &mut |_| {
            made = true;
            Ok(())
        })
        .unwrap_err();
        assert!(matches!(e, DocumentError::Exists));
        assert!(!made, "said before anything was made");
        write_document_with(&path, Replace::Yes, &mut |f| {
            f.write_all(b"one ")?;
            f.write_all(b"two")
        })
        .unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"one two");
    }

    #[test]
    fn a_document_never_takes_a_dossiers_place() {
        let dir = tempfile::tempdir().unwrap();
        let dossier = dir.path().join("GENT-1.RON");
        std::fs::write(&dossier, "Dossier(…)").unwrap();
        for replace in [Replace::No, Replace::Yes] {
            let e = write_document(&dossier, b"%PDF", replace).unwrap_err();
            assert!(matches!(e, DocumentError::Dossier), "{e:?}");
        }
        assert_eq!(std::fs::read(&dossier).unwrap(), b"Dossier(\xe2\x80\xa6)");
        let new = dir.path().join("plan.ron");
        assert!(write_document(&new, b"%PDF", Replace::No).is_err());
        assert!(!new.exists());
    }

    #[test]
    fn folders_are_named_and_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let folder = write_document(dir.path(), b"x", Replace::Yes).unwrap_err();
        assert_eq!(
            folder.reason(Lang::En),
            "is a folder; give a file name in it, e.g. document.pdf"
        );
        let csv = dir.path().join("cijfers.csv").join("");
        let e = write_document(&csv, b"x", Replace::No).unwrap_err();
        assert!(e.reason(Lang::Nl).ends_with("bv. document.csv"), "{e:?}");
        let missing = dir.path().join("nergens").join("plan.pdf");
        let e = write_document(&missing, b"x", Replace::Yes).unwrap_err();
        assert!(e.reason(Lang::En).contains("does not exist"), "{e:?}");
        assert!(!missing.parent().unwrap().exists());
        let file = dir.path().join("file");
        std::fs::write(&file, "").unwrap();
        let e = write_document(&file.join("plan.pdf"), b"x", Replace::No).unwrap_err();
        assert!(
            e.reason(Lang::En).contains("is a file, not a folder"),
            "{e:?}"
        );
    }
}
