//! Dossier files: loading (one file, or every `.ron` below a folder) and atomic saving.
//! No GUI here.

mod document;
mod error;
mod fast_ron;
mod load;
pub mod names;
mod save;
mod syntax;

pub use document::{DocumentError, Replace, write_document};
pub use error::{LoadError, LoadErrorKind, io_message, io_words, without_path};
pub use load::open_no_wait;
pub use load::{
    DiskStamp, ListedFile, LoadReport, LoadedDossier, MAX_FILE_BYTES, MAX_NESTING, content_hash,
    duplicate_ids, has_comments, has_ron_extension, list_paths, load_file, load_paths,
    parse_dossier, parse_file_bytes, read_file, read_files,
};
pub use save::{
    NewWorkspaceError, SaveFailure, Saved, TEMP_PREFIX, TEMP_SUFFIX, backup_path,
    clean_stale_temps, is_temp_name, save_dossier, sync_dir, to_ron, write_atomic, write_new,
    write_private, write_workspace,
};

#[cfg(test)]
mod save_tests;
#[cfg(test)]
mod tests;
