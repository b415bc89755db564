//! Dossier files: loading (one file, or every `.ron` below a folder) and atomic saving.
//! No GUI here.

mod document;
mod error;
mod fast_ron;
mod listing;
mod load;
pub mod names;
mod save;
mod syntax;
pub mod write;

pub use document::{DocumentError, Replace, document_target, write_document, write_document_with};
pub use error::{LoadError, LoadErrorKind, io_message, io_words, without_path};
pub use listing::{Beside, Listing};
#[cfg(test)]
use load::IdsSeen;
pub use load::open_no_wait;
pub use load::{
    DiskStamp, LoadReport, LoadedDossier, MAX_FILE_BYTES, MAX_NESTING, PART, content_hash,
    duplicate_ids, has_comments, has_ron_extension, list_paths, load_file, load_paths,
    load_paths_in_parts, parse_dossier, parse_file_bytes, read_file, read_files, repeated_ids,
};
pub use save::{
    Added, Adding, NewWorkspace, NewWorkspaceError, OnClash, SaveFailure, Saved, add_to_workspace,
    backup_names, backup_path, save_dossier, saved_text, taken_over, to_ron, write_workspace,
};
pub use write::{
    Fill, Mode, TEMP_PREFIX, TEMP_SUFFIX, clean_stale_temps, create_dir, is_temp_name, may_write,
    read_only, remove_stale_temps, scratch_file, sync_dir, write_atomic, write_new, write_private,
};

#[cfg(test)]
mod save_tests;
#[cfg(test)]
mod tests;
