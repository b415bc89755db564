//! Dossier files: loading (one file, or every `.ron` below a folder) and atomic saving.
//! No GUI here.

mod error;
mod fast_ron;
mod load;
mod save;

pub use error::{LoadError, LoadErrorKind};
pub use load::{
    DiskStamp, LoadReport, LoadedDossier, MAX_FILE_BYTES, MAX_NESTING, content_hash, duplicate_ids,
    has_comments, load_file, load_paths, parse_dossier, parse_file_bytes, read_file,
};
pub use save::{backup_path, save_dossier, to_ron, write_atomic};

#[cfg(test)]
mod tests;
