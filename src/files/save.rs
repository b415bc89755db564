//! Writing dossiers: pretty RON in the contract's field order, saved atomically.

use crate::model::Dossier;
use std::io::Write;
use std::path::Path;

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

/// Writes `bytes` to `path` so that the file is at every moment either the old content or
/// the new: a temporary file in the same folder, flushed and synced, renamed over the target,
/// then the folder synced so the rename itself survives a power cut.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(dir) {
            // Not every platform can sync a folder; the rename is done either way.
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The backup of `path`: the previous version, kept hidden beside it (the loader skips it).
pub fn backup_path(path: &Path) -> std::path::PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.bak"))
}

/// Saves a dossier atomically, keeping the version it replaces as one backup.
pub fn save_dossier(path: &Path, dossier: &Dossier) -> std::io::Result<()> {
    let text = to_ron(dossier).map_err(std::io::Error::other)?;
    if let Ok(old) = std::fs::read(path) {
        // The backup is written atomically too, so a crash never leaves a torn backup.
        write_atomic(&backup_path(path), &old)?;
    }
    write_atomic(path, text.as_bytes())
}
