//! The built-in sample workspace (assets/sample/), embedded in the binary.

use crate::files::{LoadError, LoadReport, LoadedDossier, duplicate_ids, parse_dossier};
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/sample_files.rs"));

/// The pseudo-folder sample dossiers are said to come from.
pub const SAMPLE_DIR: &str = "sample";

/// The sample workspace, parsed.
pub fn load() -> LoadReport {
    let mut dossiers = Vec::with_capacity(SAMPLE_FILES.len());
    let mut errors: Vec<LoadError> = Vec::new();
    for (name, text) in SAMPLE_FILES {
        let path = Path::new(SAMPLE_DIR).join(name);
        match parse_dossier(text, &path) {
            Ok(dossier) => dossiers.push(LoadedDossier {
                path,
                dossier,
                stamp: None,
            }),
            Err(e) => errors.push(e),
        }
    }
    errors.extend(duplicate_ids(&dossiers));
    LoadReport { dossiers, errors }
}

/// Writes the sample files into `dir` (created if needed), for a user who wants to edit them.
pub fn write_to(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    crate::files::write::create_dir(dir)?;
    let mut written = Vec::with_capacity(SAMPLE_FILES.len());
    for (name, text) in SAMPLE_FILES {
        let path = dir.join(name);
        crate::files::write_atomic(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}
