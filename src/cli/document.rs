//! How every command writes a document (`print`, `present --export`, `export`, `stats
//! --format xlsx`): the core's one policy ([`twe_core::files::write_document`]), never over
//! an existing file unless `--force`; a document not made or not written is "PATH: why" on
//! standard error (what was written the command says on standard output).

use super::args::Io;
use std::path::Path;
use twe_core::files::{DocumentError, Replace, write_document};
use twe_core::lang::Lang;

/// Writes `bytes` at `path`; returns whether it was written (if not, standard error said
/// why).
pub fn write(
    path: &Path,
    bytes: &[u8],
    force: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<bool> {
    written(path, write_document(path, bytes, replace(force)), lang, io)
}

/// Whether an existing file is replaced: with `--force`.
pub fn replace(force: bool) -> Replace {
    if force { Replace::Yes } else { Replace::No }
}

/// Whether a document was written (`result`); if not, standard error says why.
pub fn written(
    path: &Path,
    result: Result<(), DocumentError>,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<bool> {
    match result {
        Ok(()) => Ok(true),
        Err(e) => {
            refused(path, &reason(&e, lang), io)?;
            Ok(false)
        }
    }
}

/// Why the document was not written, with the command line's way to replace a file.
fn reason(e: &DocumentError, lang: Lang) -> String {
    match e {
        DocumentError::Exists => lang
            .pick(
                "bestaat al; kies een andere naam of geef --force om het te vervangen",
                "already exists; choose another name or give --force to replace it",
            )
            .to_string(),
        e => e.reason(lang),
    }
}

/// Whether `path` ends in one of `allowed` (lower case, without the dot); if not, standard
/// error says "PATH: why" and nothing is written. Every command that writes a document of a
/// kind checks its name here, before any work.
pub fn extension_is(
    path: &Path,
    allowed: &[&str],
    why: &str,
    io: &mut Io<'_>,
) -> std::io::Result<bool> {
    let ext = path
        .extension()
        .map(|x| x.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if allowed.contains(&ext.as_str()) {
        return Ok(true);
    }
    refused(path, why, io)?;
    Ok(false)
}

/// "PATH: why" on standard error: the document was not made or not written.
pub fn refused(path: &Path, why: &str, io: &mut Io<'_>) -> std::io::Result<()> {
    io.warn(&format!("{}: {why}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_on_standard_error_and_never_over_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.pdf");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut io = Io::new(&mut out, &mut err);
        assert!(write(&path, b"1", false, Lang::En, &mut io).unwrap());
        assert!(!write(&path, b"2", false, Lang::En, &mut io).unwrap());
        let (out, err) = (
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        );
        assert!(out.is_empty(), "{out}");
        assert!(
            err.contains("d.pdf: already exists; choose another name or give --force"),
            "{err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"1");
    }
}
